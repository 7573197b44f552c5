"""Every regular expression of planstats takes time linear in the text it reads, on adversarial repetitions.

Each pattern is fed repetitions of strings made from its own pieces (a string it matches, its
prefixes and suffixes), at sizes growing 4x from 32 to 2,048 characters, as ``finditer`` scans a
document. A linear pattern takes about 4x the time at each step; a quadratic one 16x, an
exponential one never ends (``<!---->`` forty times hung a build). The bound is a ratio of two
times measured in the same run, not seconds; a pattern slower than a quarter of a second on a
few kilobytes fails at once.
"""

import importlib
import pkgutil
import re
import signal
import time

import pytest

try:  # Python 3.11+
    import re._constants as sre  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

import planstats
from planstats.grammar.words import _words

pytestmark = pytest.mark.slow  # run by make test, left out of make test-lowest

SIZES = (32, 128, 512, 2048)  # characters (each step 4x: a quadratic pattern takes 16x)
LINEAR = 4  # the time ratio of one step of SIZES for a linear pattern
BOUND = 10  # a ratio above this is super-linear (quadratic: 16)
SLOW = 0.25  # seconds for a few kilobytes: no linear pattern comes near

#: Patterns the code only applies at one position (``match``, ``fullmatch``): tested so.
ANCHORED = {
    "planstats.grammar.patterns._ITEM": "match at the start of an item",
    "planstats.grammar.patterns._ITEM_LINE": "match at the start of a line",
    "planstats.read.layout._ITEM_START": "match at the start of a line",
    "planstats.outcomes._DECIMAL_COMMA": "fullmatch of one cell of actuals",
    "planstats.tables._NOTE": "fullmatch of one cell of a table (a value and its note number)",
}

#: Patterns that are super-linear under ``search`` but are applied to a short piece only.
KNOWN = {
    "planstats.grammar.patterns._NAME_UNIT": "search of the name cell of a table row (cells are short)",
}

_CATEGORY = {
    sre.CATEGORY_DIGIT: "1",
    sre.CATEGORY_SPACE: " ",
    sre.CATEGORY_WORD: "a",
    sre.CATEGORY_NOT_DIGIT: "a",
    sre.CATEGORY_NOT_SPACE: "a",
    sre.CATEGORY_NOT_WORD: " ",
}
_WIDTH = 8  # strings kept at each step of building the strings a pattern matches


def _patterns() -> dict[str, list]:
    """Every compiled pattern of the package's modules, and of the word groups of the grammar: its
    names (a pattern imported by another module has one there too), by the first of them."""
    names: dict[int, list] = {}
    for module in pkgutil.walk_packages(planstats.__path__, "planstats."):
        for key, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, re.Pattern):
                names.setdefault(id(value), [value]).append(f"{module.name}.{key}")
    for key, value in vars(_words()).items():
        values = value.values() if isinstance(value, dict) else value if isinstance(value, (list, tuple)) else [value]
        for i, item in enumerate(values):
            if isinstance(item, re.Pattern):
                names.setdefault(id(item), [item]).append(f"words.{key}[{i}]")
    return {found[1]: found for found in names.values()}


def _class(items) -> list[str]:
    if any(op is sre.NEGATE for op, _ in items):
        return ["a"]
    chars = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE:
            chars.append(chr(av[0]))
        elif op is sre.CATEGORY:
            chars.append(_CATEGORY.get(av, "a"))
    return chars[:3] or ["a"]


def _item(op, av, pumps: list[str]) -> list[str]:
    """A few strings that one node of a parsed pattern matches (assertions match the empty string);
    what the body of a repetition matches goes to ``pumps`` too."""
    if op is sre.LITERAL:
        return [chr(av)]
    if op in (sre.NOT_LITERAL, sre.ANY):
        return ["a" if av != ord("a") else "b"]
    if op is sre.IN:
        return _class(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        low, high, body = av
        times = min(max(low, 2), high)
        bodies = _sequence(body, pumps)[:3]
        pumps.extend(bodies)
        return [s * times for s in bodies]
    if op is sre.SUBPATTERN:
        return _sequence(av[-1], pumps)[:4]
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av, pumps)[:3]
    if op is sre.BRANCH:
        return [s for branch in av[1][:6] for s in _sequence(branch, pumps)[:2]]
    return [""]


def _sequence(nodes, pumps: list[str]) -> list[str]:
    strings = [""]
    for op, av in nodes:
        strings = [a + b for a in strings for b in _item(op, av, pumps)][:_WIDTH]
    return strings


def adversarial(pattern: re.Pattern) -> list[str]:
    """Strings to repeat against ``pattern``: strings it matches, each cut short at either end,
    their first and last characters, and what the body of each of its repetitions matches (the
    repetitions that make a backtracking matcher retry)."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    units, pumps = set(), []
    for s in _sequence(sre_parse.parse(source, pattern.flags & re.IGNORECASE | pattern.flags & re.DOTALL), pumps):
        units.update((s, s[:-1], s[1:], s[:1], s[:2], s[-1:]))
    units.update(pumps[:40])
    return sorted(u for u in units if u)


class _TooSlow(Exception):
    pass


def _ring(signum, frame):
    raise _TooSlow


def _seconds(run, text) -> float:
    """The processor time of ``run(text)`` (not the wall clock, which other processes share), the
    best of five, repeated while it is too short to measure."""
    loops = 1
    while True:
        started = time.process_time()
        for _ in range(loops):
            run(text)
        took = time.process_time() - started
        if took > 0.002 or loops >= 1024:
            break
        loops *= 4
    best = took
    for _ in range(2):
        started = time.process_time()
        for _ in range(loops):
            run(text)
        best = min(best, time.process_time() - started)
    return best / loops


def growth(pattern: re.Pattern, unit: str, anchored: bool) -> tuple[float, int, float]:
    """``(ratio, size, seconds)``: the worst ratio of the time at one size of :data:`SIZES` to the
    time at the one before, measured where the time is long enough to tell; the size and time where
    it was. Stops at the first size that is super-linear or slow (an exponential pattern never ends);
    a ratio above the bound is measured again, both sizes, before it counts."""
    encoded = unit.encode("latin-1", "replace") if isinstance(pattern.pattern, bytes) else unit
    run = pattern.match if anchored else (lambda text: sum(1 for _ in pattern.finditer(text)))
    worst, previous = (0.0, 0, 0.0), None
    handler = signal.signal(signal.SIGALRM, _ring)  # the regular expression engine checks for signals
    try:
        for size in SIZES:
            text = encoded * (size // len(unit) + 1)
            signal.setitimer(signal.ITIMER_REAL, 20 * SLOW)  # an exponential pattern never ends by itself
            try:
                took = _seconds(run, text)
            except _TooSlow:
                took = float("inf")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if took > SLOW:
                return float("inf"), size, took
            if previous is not None and took > 0.001:
                if took / previous[1] > BOUND:  # once more: a busy machine can make one measurement long
                    previous = (previous[0], min(previous[1], _seconds(run, previous[0])))
                    took = min(took, _seconds(run, text))
                worst = max(worst, (took / previous[1], size, took))
                if worst[0] > BOUND:
                    break
            previous = (text, took)
    finally:
        signal.signal(signal.SIGALRM, handler)
    return worst


PATTERNS = _patterns()


def _params():
    params = []
    for name, (_, *aliases) in sorted(PATTERNS.items()):
        known = [KNOWN[a] for a in aliases if a in KNOWN]
        params.append(
            pytest.param(name, id=name, marks=[pytest.mark.xfail(strict=True, reason=known[0])] if known else [])
        )
    return params


def test_every_pattern_of_the_package_is_found():
    # the collection is the test's coverage: the patterns that read documents must all be there
    names = {alias for _, *aliases in PATTERNS.values() for alias in aliases}
    assert {"planstats.read.html._PAGE_TAG", "planstats.read.normalize._PAGE_NUMBER", "words.respectively[0]"} <= names
    assert set(ANCHORED) | set(KNOWN) <= names


@pytest.mark.parametrize("name", _params())
def test_a_pattern_takes_time_linear_in_adversarial_repetitions(name):
    pattern, *aliases = PATTERNS[name]
    anchored = any(a in ANCHORED for a in aliases)
    for unit in adversarial(pattern):
        ratio, size, took = growth(pattern, unit, anchored)
        assert ratio <= BOUND, (
            f"{name} ({pattern.pattern!r}) on {unit!r} repeated to {size} characters took {took:.4f} s, "
            f"{ratio:.0f}x the time at a quarter of the size (linear: {LINEAR}x)"
        )


def test_the_adversary_finds_the_backtracking_of_the_old_page_pattern():
    # the pattern that told a page from a text on main: `<!---->` forty times never ended
    old = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
    assert max(growth(old, unit, anchored=True)[0] for unit in adversarial(old)) > BOUND
