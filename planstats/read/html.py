"""The text of a saved web page, as a browser shows it: blocks a line, a table row a line of cells apart by tabs."""

from __future__ import annotations

import html.parser
import re
from collections.abc import Iterator

from planstats.read.decode import decode
from planstats.read.docx import _row_line

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


_SNIFF = 1 << 16  # bytes
_SPACE = re.compile(rb"\s*")
_PAGE_TAG = re.compile(rb"<(?:!doctype\s+html|html)\b", re.IGNORECASE)  # at one position only: see is_page


def is_page(data: bytes) -> bool:
    """Whether bytes open as a web page does: ``<!DOCTYPE html`` or ``<html``, after a byte-order mark,
    white space and comments, within the first :data:`_SNIFF` bytes (as a browser sniffs a page). Comments
    are skipped with ``find``: one regular expression of comments and spaces backtracked exponentially.

    Examples
    --------
    >>> is_page(b"<!-- saved -->\\n<!DOCTYPE html><p>x</p>"), is_page(b"<!---->" * 40)
    (True, False)
    """
    data = data[:_SNIFF]
    at = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        at = _SPACE.match(data, at).end()  # type: ignore[union-attr]  # it matches the empty string
        if not data.startswith(b"<!--", at):
            return _PAGE_TAG.match(data, at) is not None
        end = data.find(b"-->", at + 4)
        if end < 0:
            return False
        at = end + 3


_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)


#: Elements whose end or start ends a line of text; a cell of a table ends a cell.
_BLOCKS = frozenset(
    "address article aside blockquote br caption center dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot title tr ul".split()
)


_HEAD = frozenset(("title", "meta", "link", "base", "script", "style", "noscript", "template"))


_HIDDEN = frozenset(("script", "style", "noscript", "template", "head", "iframe", "object", "svg"))


def html_text(data: bytes, name: str = "<bytes>", *, lenient: bool = False) -> tuple[str, str]:
    """The text of a web page, as a browser lays it out: a paragraph, a heading, a list item
    or a ``<br>`` a line, a row of a table a line with its cells separated by tabs (as the
    rows of a ``.docx`` table), character references decoded (``&nbsp;``), and scripts,
    styles and the ``<head>`` left out but for its ``<title>``, the first line. Returns
    ``(text, encoding)``: the charset that the page declares in a ``<meta>`` tag, else the
    one :func:`decode` finds.

    Examples
    --------
    >>> page = "<p>地区生产总值增长<b>6%</b>左右。</p><table><tr><td>指标</td><td>目标</td></tr></table>"
    >>> html_text(page.encode())[0]
    '地区生产总值增长6%左右。\\n指标\\t目标'
    """
    declared = _CHARSET.search(data[:4096])
    enc = declared.group(1).decode("ascii").lower() if declared else ""
    enc = "gb18030" if enc in ("gb2312", "gbk", "x-gbk") else "big5hkscs" if enc.startswith("big5") else enc
    try:
        text = data.decode(enc).removeprefix("\ufeff") if enc else None  # a byte-order mark is no text of the page
    except (LookupError, UnicodeDecodeError):  # a charset that lies, or one unknown: read the bytes as a text
        text = None
    if text is None:
        text, enc = decode(data, name, lenient=lenient)
    parser = _PageText()
    parser.feed(text)
    parser.close()
    return parser.text(), enc


_SPAN_MAX = 50  # columns or rows that one cell of a page's table may span: more is an error of the page


_GRID_COLUMNS = 120  # columns of a row of a table, with the cells of rows above that span down into it


_CELL_MAX = 60  # characters: a cell of a table longer than this, or with a full stop, is text laid out in a table


class _Table:
    """A table of a page being read: the cells of its open row (each the lines of its text, and
    the rows and columns it spans), and the cells of the rows above that span down into it."""

    __slots__ = ("row", "open", "down")

    def __init__(self) -> None:
        self.row: list[tuple[list[list[str]], int, int]] | None = None
        self.open = False  # a cell is open
        self.down: dict[int, list] = {}  # column → [rows it still spans, its text]


class _Block:
    """The lines of a long cell of a table laid out as text, moved into the cell or page around it whole,
    by reference: copied line by line at each level, tables nested in tables took quadratic time."""

    __slots__ = ("lines",)

    def __init__(self, lines: list) -> None:
        self.lines = lines


def _flat(lines: list) -> Iterator[list[str]]:
    """The lines of ``lines``, those of its blocks (and theirs) in their places."""
    stack = [iter(lines)]
    while stack:
        for line in stack[-1]:
            if isinstance(line, _Block):
                stack.append(iter(line.lines))
                break
            yield line
        else:
            stack.pop()


class _PageText(html.parser.HTMLParser):
    """The shown text of a page, a list of lines, each a list of its cells.

    A row of a table whose cells hold short text (each ≤ 60 characters, no full stop) is one
    line, a cell a cell, the lines within a cell (``<td><p>指标</p></td>``, as Word writes a
    table) joined; an empty cell stays one, and a cell that spans rows or columns (``rowspan``,
    ``colspan``) is written in each position it covers, as python-docx gives a merged cell. A row
    with a longer cell is text laid out in a table (a page whose body is a cell): the lines of
    its cells are lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[list[str]]] = [[[]]]  # the lines of the page, then of each open cell
        self.cell: list[str] = []  # the pieces of text of the cell (or line) being read
        self.hidden: list[str] = []  # the open elements whose text is not shown
        self.in_body = False
        self.tables: list[_Table] = []

    @property
    def lines(self) -> list[list[str]]:
        return self.stack[-1]

    def end_cell(self) -> None:
        piece = " ".join("".join(self.cell).split())  # runs of white space are one space, as shown
        if piece:
            self.lines[-1].append(piece)
        self.cell = []

    def end_line(self) -> None:
        self.end_cell()
        if self.lines[-1]:
            self.lines.append([])

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body" or (self.hidden == ["head"] and tag not in _HEAD):
            self.in_body, self.hidden = True, []  # a <head> left open ends at the body, or at what only a body holds
        elif tag in _HIDDEN and not (tag == "head" and self.in_body):
            self.hidden.append(tag)
        elif tag == "title" and self.hidden == ["head"]:
            self.hidden.append(tag)  # the title is shown: see handle_data
        if self.hidden and self.hidden != ["head", "title"]:
            return
        if tag == "table":
            self.end_line()
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.end_row()
            self.tables[-1].row = []
        elif tag in ("td", "th") and self.tables:
            t = self.tables[-1]
            self.end_td()
            if t.row is None:
                t.row = []
            self.end_cell()
            span = {k: v for k, v in attrs if k in ("rowspan", "colspan")}
            t.row.append(([], _span(span.get("rowspan")), _span(span.get("colspan"))))
            t.open = True
            self.stack.append([[]])
        else:
            self.handle_startendtag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:  # elements left open inside it close with it
                pass
            return
        if self.hidden and self.hidden != ["head", "title"]:
            return
        if tag in ("td", "th"):
            self.end_td()
        elif tag == "tr":
            self.end_row()
        elif tag == "table" and self.tables:
            self.end_table()
        else:
            self.handle_startendtag(tag, [])

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.end_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden or self.hidden == ["head", "title"]:
            self.cell.append(data)

    def end_table(self) -> None:
        self.end_row()
        self.tables.pop()
        self.end_line()

    def end_td(self) -> None:
        """Close the open cell of the innermost table, if any: its lines go to its row."""
        t = self.tables[-1] if self.tables else None
        if t is None or not t.open or t.row is None:
            return
        self.end_line()
        lines = [line for line in self.stack.pop() if line]
        t.row[-1][0].extend(lines)
        t.open = False

    def end_row(self) -> None:
        """Write the open row of the innermost table, if any (see the class)."""
        t = self.tables[-1] if self.tables else None
        if t is None or t.row is None:
            return
        self.end_td()
        row, t.row = t.row, None
        self.end_line()
        # a cell of more lines than a short cell has characters, or with a block of them, is none: tested
        # first, so that the text of a cell that holds a table that holds a table … is not joined at each level
        few = all(
            len(lines) <= _CELL_MAX and not any(isinstance(line, _Block) for line in lines) for lines, _, _ in row
        )
        texts = [" ".join(" ".join(line) for line in lines) for lines, _, _ in row] if few else []
        # a grid of at most _GRID_COLUMNS columns: cells spanning more (rowspan=colspan=50 in every cell) are
        # an error of the page, whose grid would grow 2,500 times a cell: read as the text of its cells
        grid = few and sum(across for _, _, across in row) + len(t.down) <= _GRID_COLUMNS
        if grid and all(
            all(len(line) == 1 for line in lines) and len(text) <= _CELL_MAX and "。" not in text
            for (lines, _, _), text in zip(row, texts, strict=False)
        ):
            cells = _grid_row(
                t.down, [(text, down, across) for text, (_, down, across) in zip(texts, row, strict=False)]
            )
            if any(cells):
                self.lines[-1] = cells
                self.lines.append([])
            return
        t.down = {}  # text laid out in a table: the lines of its cells are lines
        if few and all(len(lines) <= 1 for lines, _, _ in row):
            self.lines[-1] = [cell for lines, _, _ in row for line in lines for cell in line]
            self.lines.append([])
            return
        for lines, _, _ in row:
            # a block stands where its lines would (see _flat)
            self.lines[-1:] = [_Block(lines), []] if len(lines) > _CELL_MAX else [*lines, []]  # type: ignore[list-item]

    def text(self) -> str:
        while self.tables:
            self.end_table()
        while len(self.stack) > 1:  # a cell left open outside any table
            lines = self.stack.pop()
            self.lines[-1:] = [*(line for line in lines if line), []]
        self.end_line()
        return "\n".join(_row_line(line) for line in _flat(self.lines) if line)


def _span(value: str | None) -> int:
    """The number of rows or columns a cell spans (its ``rowspan`` or ``colspan``): 1 unless a
    number from 1 to ``_SPAN_MAX`` is given."""
    try:
        return min(max(int(str(value).strip()), 1), _SPAN_MAX)
    except ValueError:
        return 1


def _grid_row(down: dict[int, list], row: list[tuple[str, int, int]]) -> list[str]:
    """The cells of a row of a table, each column one: a cell spanning columns in each of them,
    and the cells of rows above that span down into this one in their columns (``down``,
    updated)."""
    cells: list[str] = []

    def from_above() -> None:
        while len(cells) in down:
            rows_left, text = down[len(cells)]
            cells.append(text)
            if rows_left <= 1:
                del down[len(cells) - 1]
            else:
                down[len(cells) - 1][0] = rows_left - 1

    for text, rows, across in row:
        from_above()
        for _ in range(across):
            if rows > 1:
                down[len(cells)] = [rows - 1, text]
            cells.append(text)
            from_above()
    while down and max(down) >= len(cells):  # cells from above after the last cell of this row
        if len(cells) not in down:
            cells.append("")
        from_above()
    return cells
