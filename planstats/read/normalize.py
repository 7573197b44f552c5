"""The normalized view of a text, in which every character remembers where it stands in the original."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from planstats.read.cells import _cells_per_line_to_tabs, _columns_to_tabs, _space_spans, _spaced_cells_to_tabs
from planstats.read.layout import _ITEM_START, _width
from planstats.read.script import half_width, to_simplified


@dataclass(frozen=True)
class Normalized:
    """The normalized view of a text. ``src[i]`` is the original index of ``text[i]``."""

    text: str
    src: np.ndarray | range = field(repr=False)  # a range when no character was removed

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text back to ``(start, end)`` in the original."""
        return int(self.src[start]), int(self.src[end - 1]) + 1


# OCR reads 1 as I or l and 0 as O inside numbers ("IIOO万平米" = 1100万平米, "2.l%" = 2.1%).
# Starts a run only (linear); the lookahead, implied by the rest, lets the engine skip to a candidate.
_OCR_NUMBER = re.compile(
    r"(?=[0-9IlO])(?<![A-Za-z0-9IlO.])(?:[0-9]*[IlO][0-9IlO]*(?:\.[0-9IlO]+)?|[0-9]+\.[0-9]*[IlO][0-9IlO]*)(?![A-Za-z])"
)


# "%o" where "%。" was meant.
_OCR_PERCENT_O = re.compile(r"(?<=\d%)o(?![A-Za-z])")


# a year in Chinese numerals (二〇二四年): written with digits, one for one, so that it is read as a year
# (with a digit 0 or a letter O for 〇, as typed: 二0一0年, 二OO八年)
_CHINESE_YEAR = re.compile(
    r"(?<![〇零○一二三四五六七八九十0-9])(?:一九|二[〇零○0O])[〇零○0O一二三四五六七八九]{2}(?=年)"
)


_CHINESE_YEAR_HINTS = ("一九", "二〇", "二零", "二○", "二0", "二O")


_YEAR_DIGITS = str.maketrans("〇零○0O一二三四五六七八九", "00000123456789")


# the pinyin that a machine conversion puts after a character it reads two ways (地區(qū), 增長(zhǎng)): a syllable
# of Latin letters in brackets, at least one of them with a tone mark, right after a Chinese character
_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(rf"\((?<=[\u3400-\u9fff]\()(?=[a-zü]*[{_TONE_MARKS}])[a-zü{_TONE_MARKS}]{{1,7}}\)")


# the compatibility forms of punctuation (vertical and small forms: ﹔ ﹐ ︰ ﹪) → the usual ones, one for one
_COMPAT_PUNCTUATION = re.compile("[\ufe10-\ufe19\ufe30-\ufe6b\u2105]")
_COMPAT_TABLE = str.maketrans(
    "\ufe10\ufe11\ufe12\ufe13\ufe14\ufe15\ufe16\ufe30\ufe31\ufe32\ufe35\ufe36"
    "\ufe50\ufe51\ufe52\ufe54\ufe55\ufe56\ufe57\ufe58\ufe59\ufe5a\ufe5d\ufe5e\ufe62\ufe63\ufe6a",
    ",、。:;!?:——(),、.;:?!—()()+-%",
)
_COMPAT_TABLE[0x2105] = ord("%")  # ℅ (care of), typed for a percent sign: 增长15℅


# Numbered page markers of document-sharing sites at the start of a line ("2、").
_PAGE_MARKER = re.compile(r"^(\d{1,3})、", re.M)


_SENTENCE_END = "。！？；：!?;:」”』）)"


def _ocr_digit_runs(text: str) -> dict[int, str]:
    """The repairs of OCR slips inside numbers: ``{index: digit}``."""
    fixes: dict[int, str] = {}
    if "I" not in text and "l" not in text and "O" not in text:
        return fixes
    for m in _OCR_NUMBER.finditer(text):
        run = m.group()
        has_digit = any(c.isdigit() for c in run)
        if len(run) < 2 or ("O" not in run and not has_digit):
            continue  # roman numerals (II, III) and lone letters stay
        nxt = text[m.end() : m.end() + 1]
        if not (nxt == "%" or "\u4e00" <= nxt <= "\u9fff"):
            continue
        for i in range(m.start(), m.end()):
            if text[i] in "IlO":
                fixes[i] = "0" if text[i] == "O" else "1"
    return fixes


def _before_newlines(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not a newline ('' if none)."""
    while pos > 0 and text[pos - 1] == "\n":
        pos -= 1
    return text[pos - 1] if pos > 0 else ""


# The number of a page on a line of its own, as a PDF of an official document prints it: — 3 —, -3-,
# 第3页, 第3页 共10页 (a bare number may be the cell of a table, one a line: it stays).
_PAGE_NUMBER = re.compile(
    r"\n[^\S\n]*(?:[-—–]+[^\S\n]*\d{1,3}[^\S\n]*[-—–]+|第[^\S\n]*\d{1,3}[^\S\n]*页(?:[^\S\n]*[,，/]?[^\S\n]*共[^\S\n]*\d{1,3}[^\S\n]*页)?)[^\S\n]*(?=\n|$)"
)


def _page_number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that hold only the number of a page, with the blank lines around them.
    Inside a sentence that a full line leaves open (粮食产量稳定在50万 | — 3 — | 吨以上), the break
    goes too, so that the sentence is whole again; elsewhere (and after the row of a table) one
    line break stays."""
    spans = []
    for m in _PAGE_NUMBER.finditer(text):
        start, end = m.start(), m.end()
        while start and text[start - 1] in " \t\n":
            start -= 1
        while end < len(text) and text[end] in " \t\n":
            end += 1
        line = text[text.rfind("\n", 0, start) + 1 : start].strip()
        if not line or end == len(text):
            continue
        if (
            line[-1] in _SENTENCE_END or len(line) < _WRAP_LONG or "\t" in line or _ITEM_START.match(text, end)
        ):  # a row of a table ends a line
            start = text.index("\n", start) + 1  # a line break stays
        spans.append((start, end))
    return spans


def _page_marker_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``\\nN、`` of page markers that cut sentences, when a document has a numbered series of them."""
    marks = list(_PAGE_MARKER.finditer(text))
    if len(marks) < 3:
        return []
    numbers = [int(m.group(1)) for m in marks]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return []
    cuts = sum(1 for m in marks if m.start() > 0 and _before_newlines(text, m.start()) not in _SENTENCE_END)
    if cuts * 2 < len(marks):
        return []  # an ordinary numbered list
    spans = []
    for m in marks:
        start = m.start() - 1 if m.start() > 0 and text[m.start() - 1] == "\n" else m.start()
        spans.append((start, m.end()))
    return spans


# A hard-wrapped text (the lines of a PDF page) breaks its sentences at the end of each full line.
_WRAP_LONG = 20  # characters: a line this long is body text, not a heading


_WRAP_MIN_LINES = 5  # long lines: too few to tell a wrapped text from paragraphs


_WRAP_COLUMNS = 49  # the narrowest full line of a wrapped text (a narrow column of a PDF, about 24 Chinese characters)


def _wrap_spans(text: str) -> list[tuple[int, int]]:
    """The line breaks of a hard-wrapped text that fall inside a sentence.

    A text is hard-wrapped when at least half of its long lines end with no mark that ends a
    sentence, and most of those are as wide as a full line: within 3 columns of their median,
    which is at least 50 columns (25 Chinese characters). Then a break goes when its line is
    about as wide as the full lines (whatever it ends with: the end of a line falls anywhere)
    and the next line opens no heading or item. A text of paragraphs, one a line, is left as
    it is: only its headings end without such a mark, and its lines are of any width."""
    lines = text.split("\n")
    ends, widths, unended = [], [], []
    pos = 0
    for line in lines:
        pos += len(line) + 1
        body = line.rstrip()
        ends.append(pos - 1)
        widths.append(0 if "\t" in body.strip() else _width(body))  # the row of a table is no line of prose
        if widths[-1] and len(body.strip()) >= _WRAP_LONG and body[-1] not in _SENTENCE_END:
            unended.append(widths[-1])
    long = sum(1 for line, width in zip(lines, widths, strict=False) if width and len(line.strip()) >= _WRAP_LONG)
    if long < _WRAP_MIN_LINES or 2 * len(unended) < long:
        return []
    median = sorted(unended)[len(unended) // 2]
    if median < _WRAP_COLUMNS or 2 * sum(1 for w in unended if abs(w - median) <= 3) <= len(unended):
        return []  # paragraphs or items, one a line, that end with no full stop
    full = median * 0.8
    spans = []
    for i in range(len(lines) - 1):
        body, nxt = lines[i].rstrip(), lines[i + 1]
        if body and widths[i] >= full and nxt.strip() and "\t" not in nxt.strip() and not _ITEM_START.match(nxt):
            spans.append((ends[i], ends[i] + 1))
    return spans


def _pinyin_spans(text: str) -> list[tuple[int, int]]:
    """The pinyin in brackets that a machine conversion puts after characters (財政(zhèng)收入)."""
    return [m.span() for m in _PINYIN.finditer(text)]


def compatibility_punctuation(text: str) -> str:
    """The vertical and small forms of punctuation (``﹔``, ``﹐``, ``︰``, ``﹪``) as their usual forms, and ``℅``
    typed for a percent sign, one character for one.

    Examples
    --------
    >>> compatibility_punctuation("GDP增长6%﹔投资增长5﹪")
    'GDP增长6%;投资增长5%'
    """
    return text.translate(_COMPAT_TABLE) if _COMPAT_PUNCTUATION.search(text) else text


def _doubled_commas(text: str) -> list[tuple[int, int]]:
    """A comma just before an enumeration comma (7%,、8%: a slip of typing or of a conversion): the list goes on."""
    spans, at = [], text.find(",、")
    while at >= 0:
        spans.append((at, at + 1))
        at = text.find(",、", at + 2)
    return spans


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _percent_o(text: str) -> dict[int, str]:
    """ "%o" where "%。" was meant."""
    return {m.start(): "。" for m in _OCR_PERCENT_O.finditer(text)} if "%o" in text else {}


def _chinese_years(text: str) -> dict[int, str]:
    """A year in Chinese numerals (二〇二四年) with digits, one for one."""
    fixes: dict[int, str] = {}
    if any(w in text for w in _CHINESE_YEAR_HINTS):  # a cheap test: the regex is slow to scan
        for m in _CHINESE_YEAR.finditer(text):
            fixes.update(enumerate(m.group().translate(_YEAR_DIGITS), m.start()))
    return fixes


def _markers_and_wraps(text: str) -> list[tuple[int, int]]:
    """The page markers of document-sharing sites that cut sentences, and the line breaks of a
    hard-wrapped text but where a marker stands."""
    cuts = _page_marker_spans(text)
    markers = {start for start, _ in cuts}  # a marker's span starts at the break before it
    return cuts + [span for span in _wrap_spans(text) if span[0] not in markers]


#: The steps of normalization, in order, each with its name. The rewrites keep every character in
#: its place (one for one); the repairs give characters to put at positions; the cuts, spans to leave
#: out. Last, the text is simplified (one character for one).
REWRITES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("full-width forms to half-width", half_width),
    ("compatibility forms of punctuation (﹔ ﹐ ︰) to the usual ones", compatibility_punctuation),
    ("a table in columns (or between pipes) to cells apart by tabs", _columns_to_tabs),
    ("cells apart by single spaces to tabs", _spaced_cells_to_tabs),
    ("a table of one cell a line to cells apart by tabs", _cells_per_line_to_tabs),
)
REPAIRS: tuple[tuple[str, Callable[[str], dict[int, str]]], ...] = (
    ("OCR slips inside numbers (IIOO万 → 1100万)", _ocr_digit_runs),
    ("%o for %。", _percent_o),
    ("years in Chinese numerals (二〇二四年) with digits", _chinese_years),
)
CUTS: tuple[tuple[str, Callable[[str], list[tuple[int, int]]]], ...] = (
    ("page markers that cut sentences, line breaks of a hard-wrapped text", _markers_and_wraps),
    (
        "pinyin in brackets after characters, of a machine conversion (地區(qū))",
        lambda text: _pinyin_spans(text) if "(" in text else [],
    ),
    ("page numbers on lines of their own (— 3 —)", lambda text: _page_number_spans(text) if "\n" in text else []),
    ("spaces that separate no Latin words or numbers", lambda text: _space_spans(text) if " " in text else []),
    ("a comma just before an enumeration comma (7%,、8%)", _doubled_commas),
)


def normalize(text: str) -> Normalized:
    """Build the normalized view of ``text``: the steps of :data:`REWRITES`, :data:`REPAIRS` and
    :data:`CUTS`, then traditional → simplified. Each normalized character keeps the index of the
    original character it came from.

    Examples
    --------
    >>> n = normalize("規上工業增加值增長１５％以上")
    >>> n.text
    '规上工业增加值增长15%以上'
    >>> n.span(9, 12)
    (9, 12)
    """
    half = text
    for _, rewrite in REWRITES:
        half = rewrite(half)
    fixes: dict[int, str] = {}
    for _, repair in REPAIRS:
        fixes.update(repair(half))
    repaired = half
    if fixes:
        chars = list(half)
        for i, c in fixes.items():
            chars[i] = c
        repaired = "".join(chars)
    cuts = [span for _, cut in CUTS for span in cut(half)]
    if not cuts:
        return Normalized(text=to_simplified(repaired), src=range(len(text)))
    cuts = _merged(cuts)
    keep = np.ones(len(text), dtype=bool)
    for start, end in cuts:
        keep[start:end] = False
    ends = [start for start, _ in cuts] + [len(text)]
    # the cuts are in order
    kept = "".join(repaired[a:b] for a, b in zip([0] + [end for _, end in cuts], ends, strict=False))
    return Normalized(text=to_simplified(kept), src=np.flatnonzero(keep))
