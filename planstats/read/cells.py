"""Tables written as text (cells one a line, apart by wide or single spaces) turned into rows of cells apart by tabs."""

from __future__ import annotations

import bisect
import re

from planstats.read.headers import HeaderWords, _is_unit, header_words
from planstats.read.layout import _width

# The columns of a table laid out as text: cells apart by two spaces or more (a PDF converted with its
# layout, 指标名称      单位      2024年目标) or between pipes (| 指标 | 单位 | 2024年目标 |, a Markdown table).
_GAP = re.compile(r"  +")  # two spaces or more (ideographic ones are spaces by now): a literal first, for speed


_PROSE = frozenset("。，；,;：:")  # a cell of a table holds none of these


def _cells_per_line_to_tabs(text: str) -> str:
    """Write a table written one cell per line (a PDF converted without its layout) as the rows of
    a .docx table, one character for one: the line breaks within its header and within each of its
    rows become tabs.

    The header is three short lines or more in a row: the header of the names (指标; after the
    header of the numbers of the rows, 序号, if any), then headers of columns, one of them of the
    units (单位: lexicon role ``table_unit``) and one of values (2024年目标). A row is as many
    lines: its number, if any, a name, a unit in the column of units, no line of prose. A group
    of lines that is no row (a row that lost the line of an empty cell) is left as it is; the
    rows after it are still written with tabs, though with no header before them they give no
    target. The table ends at an empty or a long line."""
    words = header_words()
    if not any(f"\n{w}\n" in text for w in words.unit):  # a cheap test: most texts have no such table
        return text
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        if lines[i].strip() not in words.unit:
            i += 1
            continue
        a, b, numbered, header = _header_lines(lines, i, words)
        if not header:
            i = b  # past the run of header cells, each looked at once
            continue
        width = len(header)
        unit_at = next(k for k, c in enumerate(header) if c in words.unit)
        nature_at = next((k for k, c in enumerate(header) if c in words.nature), -1)
        rows = [a]
        pos = b
        while pos + width <= len(lines) and _short(lines[pos]):
            if _row_fits(lines, pos, width, numbered, unit_at, nature_at):
                rows.append(pos)
                pos += width
            else:
                pos += 1
        if len(rows) > 1:
            chars = chars if chars is not None else list(text)
            for first in rows:
                for k in range(first, first + width - 1):
                    chars[offsets[k + 1] - 1] = "\t"
        i = max(pos, i + 1)
    return "".join(chars) if chars is not None else text


def _header_cell(line: str, words: HeaderWords) -> bool:
    line = line.strip()
    return (
        line in words.unit
        or line in words.nature
        or (len(line) <= 16 and any(w in line for w in words.values) and not _PROSE & set(line))
    )


def _short(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 40 and not _PROSE & set(line)


def _header_lines(lines: list[str], i: int, words: HeaderWords) -> tuple[int, int, bool, list[str]]:
    """The header around the line ``i`` of units (单位): its first line, the line after it, whether
    the rows are numbered (序号) and its cells; no cells when the lines are no header of a table."""
    a, b = i, i + 1
    while a > 0 and _header_cell(lines[a - 1], words):
        a -= 1
    a -= 1  # the header of the names, after that of the numbers of the rows if any (序号)
    numbered = a > 0 and lines[a - 1].strip() in words.number
    a -= numbered
    while b < len(lines) and _header_cell(lines[b], words):
        b += 1
    header = [line.strip() for line in lines[a:b]] if a >= 0 else []
    if (
        len(header) < 3 + numbered
        or not _short(header[numbered])
        or _header_cell(header[numbered], words)
        or not any(w in c for c in header for w in words.values)
    ):
        return a, b, numbered, []
    return a, b, numbered, header


def _row_fits(lines: list[str], pos: int, width: int, numbered: bool, unit_at: int, nature_at: int) -> bool:
    """Whether the ``width`` lines from ``pos`` are a row: short cells, its number if the rows are
    numbered, no figure in its name nor its nature, a unit in the column of units, and no cell of
    text with a unit where the next row would have it (the next name: an empty cell before it)."""
    row = [line.strip() for line in lines[pos : pos + width]]
    return (
        all(_short(c) for c in row)
        and (not numbered or row[0].isdigit())
        and not any(ch.isdigit() for ch in row[numbered])
        and _is_unit(row[unit_at])
        and (nature_at < 0 or not any(ch.isdigit() for ch in row[nature_at]))
        and not any(
            not any(ch.isdigit() for ch in row[k])
            and pos + k + unit_at < len(lines)
            and _is_unit(lines[pos + k + unit_at].strip())
            for k in range(1 + numbered, width)
            if k not in (unit_at, nature_at)
        )
    )


def _spaced_cells_to_tabs(text: str) -> str:
    """Write a table whose cells are parted by single spaces (text copied from a web page or a PDF:
    ``1 地区生产总值增长 % 5.5 6 预期性``) as the rows of a .docx table, one character for one.

    Its lines are read as a table written one cell per line (see ``_cells_per_line_to_tabs``), with
    its header of units, its rows of names and units: a line of prose, or one that holds fewer
    than two spaces, is left as it is, and a space that is no separator of the cells of a row
    stays a space."""
    unit_words = header_words().unit
    if " " not in text or not any(f" {w}{end}" in text for w in unit_words for end in " \n"):  # a cheap test
        return text
    lines = [
        line.replace(" ", "\n") if line.strip(" ").count(" ") >= 2 and not _PROSE & set(line) else line
        for line in text.split("\n")
    ]
    split = "\n".join(lines)
    read = _cells_per_line_to_tabs(split)
    if read == split:
        return text
    return "".join("\t" if r == "\t" else c for c, r in zip(text, read, strict=False))


def _columns_to_tabs(text: str) -> str:
    """Write the cell separators of tables laid out as text as tabs, as those of a .docx table
    are written, one character for one (the spans stay those of the original).

    A table is two lines or more in a row between pipes, or two lines or more in a row with
    gaps of two spaces or more, one of them with two gaps (three cells); a line or two of prose
    with a wide space stays as it is. Each pipe between two cells becomes a tab, the pipes at the
    ends of a row spaces. The first space of a gap becomes a tab; in a row with fewer cells than
    the widest row of its table, its first spaces become one tab for each column that the gap
    spans (an empty cell), the columns being where the cells of the widest row start on the screen. The spaces
    left are dropped later, as any others."""
    gaps = [m.span() for m in _GAP.finditer(text)] if "  " in text else []
    gaps = [
        (a, b) for a, b in gaps if a and b < len(text) and not text[a - 1].isspace() and not text[b].isspace()
    ]  # within a line
    if not gaps and "|" not in text:
        return text
    chars: list[str] | None = None
    run: list[
        tuple[int, str, list[tuple[int, int]], str]
    ] = []  # the lines of a table so far: start, line, separators (offset, length), kind

    def close() -> None:
        nonlocal chars
        if len(run) >= 2 and (run[0][3] == "|" or any(len(seps) >= 2 for _, _, seps, _ in run)):
            chars = chars if chars is not None else list(text)
            _write_tabs(chars, run)
        run.clear()

    start = g = 0
    for line in text.split("\n"):
        body, end = line.strip(" "), start + len(line)
        seps, kind = [], " "
        while g < len(gaps) and gaps[g][0] < end:
            seps.append((gaps[g][0] - start, gaps[g][1] - gaps[g][0]))
            g += 1
        if len(body) > 1 and body[0] == "|" and body[-1] == "|" and body.count("|") >= 3:
            seps, kind = [(k, 1) for k, c in enumerate(line) if c == "|"], "|"
        if not seps or (run and run[-1][3] != kind):
            close()
        if seps:
            run.append((start, line, seps, kind))
        start += len(line) + 1
    close()
    return "".join(chars) if chars is not None else text


def _write_tabs(chars: list[str], run: list[tuple[int, str, list[tuple[int, int]], str]]) -> None:
    """Write into ``chars`` the tabs of one table: ``run`` holds its lines, each with where it starts,
    the line, its separators (offset, length) and their kind (``|`` or a gap of spaces)."""
    piped = run[0][3] == "|"
    columns = [] if piped else max((_cell_starts(line, seps) for _, line, seps, _ in run), key=len)
    for start, line, seps, _ in run:
        if piped:
            for k, (at, _) in enumerate(seps):
                chars[start + at] = " " if k in (0, len(seps) - 1) else "\t"
            continue
        if len(seps) + 1 < len(columns):
            seps = _spaces_at_columns(line, seps, columns)
        starts = _cell_starts(line, seps)
        column = [_nearest(columns, x) for x in starts] if len(starts) < len(columns) else list(range(len(starts)))
        indent = len(line) - len(line.lstrip(" "))
        if column[0] and indent:  # the first cells are empty: the row's indent holds their tabs
            chars[start : start + min(column[0], indent)] = "\t" * min(column[0], indent)
        for (at, length), a, b in zip(seps, column, column[1:], strict=False):
            tabs = min(max(1, b - a), length)
            chars[start + at : start + at + tabs] = "\t" * tabs


def _cell_starts(line: str, gaps: list[tuple[int, int]]) -> list[int]:
    """The display columns at which the cells of a line start (the first: where its text starts)."""
    return [_width(line[: len(line) - len(line.lstrip(" "))])] + [_width(line[: at + n]) for at, n in gaps]


_ONE_SPACE = re.compile(r"(?<=[^ \t]) (?=[^ \t])")


def _spaces_at_columns(line: str, gaps: list[tuple[int, int]], columns: list[int]) -> list[tuple[int, int]]:
    """The gaps of a row of a table with fewer cells than its columns, and its single spaces
    where a column that none of its cells starts in starts (a name too long for its column:
    ``一般公共预算收入 亿元  20.5``), but between two Latin letters or digits (``PM 2.5``)."""
    taken = {_nearest(columns, x) for x in _cell_starts(line, gaps)}
    found = []
    x = last = 0  # the display column of the character after the space, counted on from the last one
    for m in _ONE_SPACE.finditer(line):
        at = m.start()
        x, last = x + _width(line[last : at + 1]), at + 1
        if (line[at - 1] + line[at + 1]).isascii():
            continue
        k = _nearest(columns, x)
        if k not in taken and abs(columns[k] - x) <= _COLUMN_SLACK:
            found.append((at, 1))
            taken.add(k)
    return sorted(gaps + found)


_COLUMN_SLACK = 2  # display columns: how far from the start of a column a cell pushed by its neighbour may start


def _nearest(columns: list[int], x: int) -> int:
    """The index of the column nearest to display column ``x``."""
    i = bisect.bisect_left(columns, x)
    return i - 1 if i == len(columns) or (i and x - columns[i - 1] < columns[i] - x) else i


# Spaces that a PDF converter or a word processor puts around numbers and between Chinese words
# (增长 6.5% 左右): dropped, except between two Latin letters or digits (PM 2.5, "2023 2024").
_SPACES = re.compile(r" +")


def _space_spans(text: str) -> list[tuple[int, int]]:
    """Spans of runs of spaces that separate nothing (see ``_SPACES``)."""
    if " " not in text:
        return []
    spans = []
    for m in _SPACES.finditer(text):
        a, b = m.span()
        if a and b < len(text) and (text[a - 1] + text[b]).isascii() and text[a - 1].isalnum() and text[b].isalnum():
            continue
        spans.append((a, b))
    return spans
