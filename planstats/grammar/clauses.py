"""Sentences and clauses of a text: their bounds, quotation marks, and the values in each."""

from __future__ import annotations

import bisect
import operator

from planstats.grammar.patterns import _CLAUSE_BOUNDARY, _CLAUSE_MAX, _FULL_STOP, _QUOTES, _SENTENCE_STOP
from planstats.grammar.values import _Value


def _positions_of(char: str, text: str) -> list[int]:
    """Where ``char`` occurs in ``text``, in order."""
    found, i = [], text.find(char)
    while i >= 0:
        found.append(i)
        i = text.find(char, i + 1)
    return found


class _Marks:
    """Where the clause boundaries, enumeration commas, parentheses and quotation marks of a
    text are, found once per text: the edge of a clause is then a bisection, not a scan. Each mark
    is found with ``str.find``, several times faster than a regex of a class of characters."""

    def __init__(self, text: str):
        self.text = text
        self._of_char: dict[str, list[int]] = {}
        self.stops = self.of(_CLAUSE_BOUNDARY)
        if ":" in text or "：" in text:  # 城乡居民收入比由2.3:1缩小到2.2:1: the colon of a ratio ends no clause
            self.stops = [i for i in self.stops if not (text[i] in ":：" and _between_digits(text, i))]
        self.commas = self.of("、")
        self.parens = self.of("()（）")
        self.full_stops = self.of(_FULL_STOP)
        self.quotes = {o: (self.of(o), self.of(c)) for o, c in _QUOTES.items() if o in text}

    def of(self, chars: str) -> list[int]:
        """Where any of ``chars`` occurs in the text, in order."""
        found: list[int] = []
        for c in chars:
            if c not in self._of_char:
                self._of_char[c] = _positions_of(c, self.text) if c in self.text else []
            found += self._of_char[c]
        if len(chars) > 1:
            found.sort()
        return found

    def sentences(self) -> list[tuple[int, int]]:
        """The spans of the sentences: the runs of text between two marks that end one."""
        spans, start = [], 0
        for end in [*self.of(_SENTENCE_STOP), len(self.text)]:
            if end > start:
                spans.append((start, end))
            start = end + 1
        return spans


def _between_digits(text: str, i: int) -> bool:
    return text[i - 1 : i].isdecimal() and text[i + 1 : i + 2].isdecimal()


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (in order, not overlapping; ``starts`` their starts)."""
    k = bisect.bisect_right(starts, pos)
    return bool(k) and pos < spans[k - 1][1]


def _last(found: list[int], lo: int, hi: int) -> int:
    """The last position of ``found`` in ``[lo, hi)``, or -1."""
    k = bisect.bisect_left(found, hi)
    return found[k - 1] if k and found[k - 1] >= lo else -1


def _first(found: list[int], lo: int, hi: int) -> int:
    """The first position of ``found`` in ``[lo, hi)``, or ``hi``."""
    k = bisect.bisect_left(found, lo)
    return found[k] if k < len(found) and found[k] < hi else hi


_START = operator.attrgetter("start")


class _Sentence:
    """The values of one sentence and the text around them."""

    def __init__(self, marks: _Marks, start: int, end: int, index: int, values: list[_Value]):
        self.marks, self.text, self.start, self.end, self.index, self.values = (
            marks,
            marks.text,
            start,
            end,
            index,
            values,
        )

    def clause_start(self, pos: int, *, enumeration: bool) -> int:
        """Index after the boundary that opens the clause ending at ``pos`` (parentheses skipped)."""
        floor = max(self.start, pos - _CLAUSE_MAX)
        stop = _last(self.marks.stops, floor, pos)
        if enumeration:
            stop = max(stop, _last(self.marks.commas, floor, pos))
        if _last(self.marks.parens, floor, pos) <= stop:  # no parenthesis to skip
            return stop + 1 if stop >= 0 else floor
        depth, i = 0, pos - 1
        stops = _CLAUSE_BOUNDARY + ("、" if enumeration else "")
        while i >= floor:
            c = self.text[i]
            if c in ")）":
                depth += 1
            elif c in "(（":
                if depth == 0:
                    return i + 1
                depth -= 1
            elif depth == 0 and c in stops:
                return i + 1
            i -= 1
        return floor

    def clause_end(self, pos: int) -> int:
        """Index of the boundary that closes the clause starting at ``pos`` (parentheses skipped)."""
        ceiling = min(self.end, pos + _CLAUSE_MAX)
        stop = _first(self.marks.stops, pos, ceiling)
        if stop <= _first(self.marks.parens, pos, ceiling):  # no parenthesis to skip
            return stop
        depth, i = 0, pos
        while i < ceiling:
            c = self.text[i]
            if c in "(（":
                depth += 1
            elif c in ")）":
                if depth == 0:
                    return i
                depth -= 1
            elif depth == 0 and c in _CLAUSE_BOUNDARY:
                return i
            i += 1
        return i

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies between an opening and a closing quotation mark of this sentence."""
        for opens, closes in self.marks.quotes.values():
            k = bisect.bisect_left(opens, pos)
            if k == 0 or opens[k - 1] < self.start:
                continue
            after = bisect.bisect_left(closes, pos)
            closed_before = after > bisect.bisect_left(closes, opens[k - 1])
            if not closed_before and after < len(closes) and closes[after] < self.end:
                return True
        return False

    def values_between(self, start: int, end: int) -> list[_Value]:
        """The values that start strictly between ``start`` and ``end``."""
        return self.values[
            bisect.bisect_right(self.values, start, key=_START) : bisect.bisect_left(self.values, end, key=_START)
        ]
