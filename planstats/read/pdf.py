"""The text of a PDF: its text layer page after page, and its tables read again with pdfplumber."""

from __future__ import annotations

import warnings
from pathlib import Path

from planstats.errors import DocumentError, PlanstatsWarning
from planstats.read.cells import _PROSE
from planstats.read.docx import _row_line
from planstats.read.headers import _is_unit, _table_header, header_words
from planstats.read.layout import _ITEM_START
from planstats.read.script import to_simplified


def _pdf_text(data: bytes, path: Path) -> str:
    """The text layer of a PDF, page after page, with pypdf: the lines as the PDF draws them
    (hard-wrapped; normalization joins them again and drops the page numbers between them);
    the pages with the header of a table are read with pdfplumber (see :func:`_with_tables`)."""
    import io

    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                f"{path}: the PDF is encrypted with a password; save an unprotected copy, or its text as .txt."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except pypdf.errors.DependencyError as err:  # AES encryption needs the cryptography package
        raise DocumentError(
            f"{path}: the PDF is encrypted ({err}); pip install cryptography, or save its text as .txt."
        ) from err
    except (pypdf.errors.PyPdfError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise DocumentError(
            f"{path}: not a readable PDF (truncated or corrupt: {err}); download it again, or save its text as .txt."
        ) from err
    tabled = [i for i, page in enumerate(pages) if _table_header(page)]
    if tabled:
        pages = _with_tables(data, pages, tabled, path)
    text = "\n".join(page.rstrip("\n") for page in pages)
    if not text.strip():
        raise DocumentError(
            f"{path}: the PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf), or save its text as .txt."
        )
    return text


def _with_tables(data: bytes, pages: list[str], tabled: list[int], path: Path) -> list[str]:
    """The pages ``tabled``, which may hold a table, read again with pdfplumber, which finds the
    cells of a ruled table (pypdf writes the lines of a cell whose text wraps, 规模以上工业 /
    增加值增速, apart from the rest of its row), or of one with no rules (see :func:`_borderless`).
    A page with a table of 2 rows and 3 columns or more becomes its lines of text and the rows of its tables, top to
    bottom, the cells of a row
    apart by tabs as those of a .docx table, the lines within a cell joined; other pages keep
    the text of pypdf. A table may go on over the next page, and a row that the page break cut
    (固定资产 / 投资, with no figure below the break) is made whole again."""
    import io

    import pdfplumber

    pages = list(pages)
    read: dict[int, list[tuple[float, str | list[str]]]] = {}  # page → its lines and rows (cells), top to bottom
    todo = set(tabled)
    columns: dict[int, list[float]] = {}  # page → the edges of the columns of its table with no rules
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for i, page in enumerate(pdf.pages):
                if i not in todo:
                    continue
                tables = [t for t in page.find_tables() if len(t.rows) >= 2 and max(len(r) for r in t.extract()) >= 3]
                rows = [(row.bbox[1], cells) for t in tables for row, cells in zip(t.rows, _grid(t), strict=False)]
                boxes = [t.bbox for t in tables]
                if not tables and (borderless := _borderless(page, columns.get(i - 1))):
                    box, rows, columns[i] = borderless
                    boxes = [box]
                if not boxes:
                    continue
                todo.add(i + 1)  # the table may go on over the next page

                def outside(obj, boxes=boxes) -> bool:
                    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                    return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

                items: list[tuple[float, str | list[str]]] = [
                    (line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()
                ]
                items += rows
                items.sort(key=lambda item: item[0])
                if i - 1 in read and _cut_row(read[i - 1], items):
                    cut = _first_row(items)
                    items = [item for item in items if item is not cut]
                read[i] = items
    except Exception as err:  # pdfminer raises many kinds; the text of pypdf is still there
        warnings.warn(
            f"{path}: the tables of the PDF could not be read ({type(err).__name__}: {err}); its text is read without "
            "them.",
            PlanstatsWarning,
            stacklevel=4,
        )
        return pages
    for i, items in read.items():
        pages[i] = "\n".join(item if isinstance(item, str) else _row_line(item) for _, item in items)
    return pages


def _borderless(
    page, edges: list[float] | None = None
) -> tuple[tuple[float, float, float, float], list[tuple[float, list[str]]], list[float]] | None:
    """A table with no rules on a PDF page (a Word table with no borders): its box, its rows, top
    to bottom, and the edges of its columns, or ``None``. It starts at a line that holds the header
    of a table of targets (a word of the units, 单位, or of the names, 指标名称, apart by spaces,
    and three cells or more), or at the top of the page with the ``edges`` of a table on the page
    before, and ends before the first line of prose (punctuation of a sentence: 。，；). pdfplumber
    reads its columns from where the words of those lines line up. A line that holds no figure,
    no unit and no number of a heading (二、社会民生) goes on the row above it, cell by cell: the
    rest of a name that wraps in its column (地区生产总 / 值) or of a header (2023年完 / 成). A
    table with no unit in any cell is no table of targets."""
    header = header_words().unit | header_words().name
    lines = page.extract_text_lines()
    if edges:
        start = next((k for k, line in enumerate(lines) if _prose((0.0, line["text"]))), None)  # past a page number
    else:
        start = next(
            (
                k
                for k, line in enumerate(lines)
                if len(cells := to_simplified(line["text"]).split()) >= 3
                and header & set(cells)
                and not _PROSE & set(line["text"])
            ),
            None,
        )
    if start is None:
        return None
    end = next((k for k in range(start, len(lines)) if _PROSE & set(lines[k]["text"])), len(lines))
    if end - start < (1 if edges else 2):
        return None
    region = page.crop((page.bbox[0], lines[start]["top"] - 1, page.bbox[2], lines[end - 1]["bottom"] + 1))
    vertical = (
        {"vertical_strategy": "explicit", "explicit_vertical_lines": edges} if edges else {"vertical_strategy": "text"}
    )
    found = region.find_tables({**vertical, "horizontal_strategy": "text"})
    if not found:
        return None
    rows: list[tuple[float, list[str]]] = []
    for row, cells in zip(found[0].rows, found[0].extract(), strict=False):
        cells = [" ".join((c or "").split()) for c in cells]
        filled = [c for c in cells if c]
        if not filled:
            continue
        # the rest of the row above: no figure, no unit, no heading of a group of rows (二、社会发展)
        rest = not any(any(ch.isdigit() for ch in c) or _ITEM_START.match(c) or _is_unit(c) for c in filled)
        if rows and len(cells) == len(rows[-1][1]) and rest:
            rows[-1][1][:] = [a + b for a, b in zip(rows[-1][1], cells, strict=False)]
            continue
        rows.append((row.bbox[1], cells))
    if (
        len(rows) < (1 if edges else 2)
        or max(len(cells) for _, cells in rows) < 3
        or not any(_is_unit(c) for _, cells in rows for c in cells)
    ):
        return None  # no row of a target: a heading at the top of the next page, say
    table = found[0]
    return table.bbox, rows, [c.bbox[0] for c in table.columns] + [table.bbox[2]]


def _grid(table) -> list[list[str]]:
    """The text of each cell of a pdfplumber table, its lines joined; a position that a merged
    cell covers has the text of that cell, as python-docx gives it (a header 2024年 over the
    columns 目标 and 增长%: 2024年 in both)."""
    text = table.extract()
    boxes = [row.cells for row in table.rows]
    width = max(len(row) for row in boxes)
    middle = [next(((b[0] + b[2]) / 2 for row in boxes if j < len(row) and (b := row[j])), 0.0) for j in range(width)]
    grid: list[list[str]] = []
    for i, row in enumerate(boxes):
        cells = []
        for j in range(width):
            box = row[j] if j < len(row) else None
            if box is not None:
                cells.append(" ".join((text[i][j] or "").split()))
                continue
            left = next((k for k in range(j - 1, -1, -1) if row[k] is not None), None)  # a cell merged across columns
            if left is not None and row[left][2] > middle[j]:
                cells.append(cells[left])
                continue
            up = next(
                (r for r in range(i - 1, -1, -1) if j < len(boxes[r]) and boxes[r][j] is not None), None
            )  # ... or rows
            cells.append(grid[up][j] if up is not None else "")
        grid.append(cells)
    return grid


def _prose(item: tuple[float, str | list[str]]) -> bool:
    """Whether a line of a page is text (a row is a list of cells), not a page number (— 2 —)."""
    return isinstance(item[1], str) and any(not ch.isascii() and ch.isalpha() for ch in item[1])


def _first_row(items: list[tuple[float, str | list[str]]]) -> tuple[float, str | list[str]] | None:
    """The first row of a table on a page, if no text comes before it."""
    for item in items:
        if _prose(item):
            return None
        if not isinstance(item[1], str):
            return item
    return None


def _cut_row(before: list[tuple[float, str | list[str]]], items: list[tuple[float, str | list[str]]]) -> bool:
    """If the first row of a page goes on the last row of the page before (both pages meet in a
    table, and it is as wide and holds text with no figure where the last row has more), add
    its text to that row's cells and say so."""
    first, last = _first_row(items), _first_row(before[::-1])
    if first is None or last is None:
        return False
    cells, above = first[1], last[1]
    filled = [c for c in cells if c]
    if (
        len(cells) != len(above)
        or not filled
        or any(ch.isdigit() for c in filled for ch in c)
        or len(filled) >= sum(1 for c in above if c)
    ):
        return False
    if any(_ITEM_START.match(c) for c in filled):  # 二、社会发展: the heading of a group of rows, no rest of a row
        return False
    above[:] = [a + b for a, b in zip(above, cells, strict=False)]  # type: ignore[index]  # a row: a list of cells
    return True
