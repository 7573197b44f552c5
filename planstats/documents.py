"""Read documents (.txt in any common Chinese encoding, .docx, .pdf, a saved web page) and build a normalized view.

Matching runs on the normalized view (half-width characters, simplified script, scrape and
OCR slips repaired) while every character of it remembers where it stands in the original
text, so every span reported to the user points into the original.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import hashlib
import html.parser
import math
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from planstats.errors import DocumentError, PlanstatsWarning

#: Signatures of binary formats that are sometimes renamed to .txt.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF file",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a .docx renamed?)",
    b"\xd0\xcf\x11\xe0": "an old Office (.doc/.xls) file",
}


@dataclass(frozen=True)
class Document:
    """A document as read from disk: its original text and where it came from."""

    name: str
    text: str
    sha256: str
    path: str = ""
    encoding: str = ""


@dataclass(frozen=True)
class Normalized:
    """The normalized view of a text. ``src[i]`` is the original index of ``text[i]``."""

    text: str
    src: np.ndarray | range = field(repr=False)  # a range when no character was removed

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text back to ``(start, end)`` in the original."""
        return int(self.src[start]), int(self.src[end - 1]) + 1


def decode(data: bytes, name: str = "<bytes>", *, lenient: bool = False) -> tuple[str, str]:
    """Decode the bytes of a text document; return ``(text, encoding)``.

    Tries, in order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, UTF-16 without a
    BOM (recognised by its NUL bytes, or, mostly Chinese and so with few of them, by the
    characters of plans its text holds), then the legacy encodings of Chinese: strict GB18030
    (a superset of GBK and GB2312) or Big5 (as Big5-HKSCS); when the bytes decode as both,
    charset-normalizer tells which. Raises :class:`DocumentError` when the file is empty,
    binary or undecodable; with ``lenient=True`` undecodable bytes become U+FFFD instead.

    Examples
    --------
    >>> decode("增长8%".encode("gb18030"))
    ('增长8%', 'gb18030')
    """
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty; nothing to extract.")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise DocumentError(f"{name}: this is {what}, not a text document; convert it to .txt or .docx first.")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, enc, name, lenient), enc
    nul_even, nul_odd = (data[0::2].count(0), data[1::2].count(0)) if b"\0" in data else (0, 0)
    if nul_even + nul_odd > len(data) // 8:
        if max(nul_even, nul_odd) > 4 * min(nul_even, nul_odd) + 1:
            enc = "utf-16-le" if nul_odd > nul_even else "utf-16-be"
            return _strict(data, enc, name, lenient), enc
        raise DocumentError(f"{name}: binary data (NUL bytes), not a text document.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_err:
        enc = _utf16_without_bom(data) or _legacy_encoding(data)
        if enc:
            return data.decode(enc), enc
        if lenient:
            return data.decode("utf-8", errors="replace"), "utf-8 (lenient)"
        raise DocumentError(
            f"{name}: undecodable bytes at byte {utf8_err.start} (neither UTF-8, UTF-16, GB18030 nor Big5); "
            "re-save the file as UTF-8, or pass lenient=True to replace the bad bytes."
        ) from utf8_err


_LEGACY = ("gb18030", "big5hkscs")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a BOM whose text is mostly Chinese, so
    that it has few NUL bytes (those of its ASCII characters): the byte order whose text holds
    most of the characters of the words of plans, when that share is high and far above that of
    the text GB18030 or Big5 would make of the same bytes (which decode nearly any bytes)."""
    if len(data) % 2:
        return None
    shares = {}
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            shares[enc] = _plan_characters(data.decode(enc))
        except UnicodeDecodeError:
            continue
    if not shares:
        return None
    best = max(shares, key=shares.__getitem__)
    if shares[best] < _UTF16_SHARE:
        return None
    legacy = _legacy_encoding(data)
    return best if legacy is None or shares[best] - _plan_characters(data.decode(legacy)) >= _CHARACTER_MARGIN else None


_UTF16_SHARE = 0.5  # the least share of the characters of plans in a text read as UTF-16 without a BOM


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy Chinese encoding of ``data`` (of ``_LEGACY``), or None if it is none of them.

    Nearly any bytes decode as GB18030, so Big5 text would come out as garbage characters:
    when both decode, the text that holds far more of the characters of the words of plans
    (those of ``data/lexicon.csv``, in simplified script) is the one, and otherwise
    charset-normalizer judges which text reads as language (the lower its "chaos"). The
    characters decide short texts, where the chaos of the two is alike (“十四五”末，高 read as
    Big5). A tie goes to GB18030, the encoding of the mainland."""
    texts = {}
    for enc in _LEGACY:
        try:
            texts[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    fits = list(texts)
    if len(fits) < 2:
        return fits[0] if fits else None
    shares = {enc: _plan_characters(text) for enc, text in texts.items()}
    best = max(fits, key=shares.__getitem__)
    if all(shares[best] - share >= _CHARACTER_MARGIN for enc, share in shares.items() if enc != best):
        return best
    import charset_normalizer

    chaos = {m.encoding: m.chaos for m in charset_normalizer.from_bytes(data, cp_isolation=fits, threshold=1.0)}
    return min(fits, key=lambda enc: chaos.get(enc, math.inf))  # GB18030 first


_CHARACTER_MARGIN = 0.25  # how much more of the characters of plans the right decoding holds
_PUNCTUATION = re.compile(r"[\u2000-\u206f\u3000-\u303f\uff00-\uffef]")  # general and CJK punctuation, full-width forms


def _plan_characters(text: str) -> float:
    """The share of the characters of ``text`` beyond ASCII and punctuation (in simplified
    script) that occur in the words of ``data/lexicon.csv``: high for a plan, low for bytes
    decoded wrong (rare characters, kana, box drawing: 祘╯いみ单)."""
    chars = [c for c in to_simplified(text) if c > "\x7f" and not _PUNCTUATION.fullmatch(c)]
    known = _lexicon_characters()
    return sum(c in known for c in chars) / len(chars) if chars else 0.0


@functools.lru_cache(maxsize=1)
def _lexicon_characters() -> frozenset[str]:
    from planstats.lexicon import lexicon

    return frozenset("".join(lexicon().words()))


def _strict(data: bytes, enc: str, name: str, lenient: bool) -> str:
    try:
        return data.decode(enc, errors="replace" if lenient else "strict")
    except UnicodeDecodeError as err:
        raise DocumentError(
            f"{name}: undecodable bytes at byte {err.start} for {enc}; pass lenient=True to replace them."
        ) from err


#: The most that the parts of a .docx may unpack to (unless the file is larger than 1/100 of it).
DOCX_UNPACKED_MAX = 256 * 2**20


def read(path: str | Path, *, lenient: bool = False) -> Document:
    """Read a ``.txt``, ``.docx`` or ``.pdf`` document, or a web page saved as ``.html`` (or as
    ``.txt``: a file that opens with ``<!DOCTYPE html`` or ``<html`` is read as a page). The text
    of a page is what a browser shows (see :func:`html_text`), that of a PDF its text layer, page
    after page: spans point into it.

    Examples
    --------
    >>> import planstats as ps
    >>> doc = read(ps.sample_corpus() / "000_3e3dedbcbccbc1ab.txt")
    >>> doc.text.splitlines()[0]
    '西咸新区2022年工作要点'
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise DocumentError(f"{path}: no such file; check the path.") from err
    except IsADirectoryError as err:
        raise DocumentError(f"{path}: is a directory; pass the files in it, or use build().") from err
    except PermissionError as err:
        raise DocumentError(f"{path}: permission denied; make the file readable.") from err
    except OSError as err:
        raise DocumentError(f"{path}: cannot be read ({err.strerror}).") from err
    sha = hashlib.sha256(data).hexdigest()
    kind = "text"
    try:
        if path.suffix.lower() == ".docx":
            kind = ".docx"
            text, enc = _docx_text(data, path), "docx"
        elif path.suffix.lower() == ".pdf" or data.startswith(b"%PDF"):
            kind = "PDF"
            text, enc = _pdf_text(data, path), "pdf"
        elif path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(data):
            kind = "web page"
            text, enc = html_text(data, str(path), lenient=lenient)
        else:
            text, enc = decode(data, str(path), lenient=lenient)
    except DocumentError:
        raise
    except Exception as err:  # noqa: BLE001 - a mutated file trips its parser anywhere (lxml, zlib, pypdf's recursion)
        raise DocumentError(
            f"{path}: not a readable {kind} ({type(err).__name__}: {err}); the file is damaged or not what its name "
            "says: "
            "open and save it again, or save its text as .txt."
        ) from None
    if not text.strip():
        raise DocumentError(f"{path}: the document has no text; nothing to extract.")
    return Document(name=path.name, text=text, sha256=sha, path=str(path), encoding=enc)


def _row_line(cells: list[str]) -> str:
    """The line of a row of a table: its cells apart by tabs, but one cell merged across the
    whole row (a caption, ``2024年主要预期目标``, written in each position it covers) once.

    Examples
    --------
    >>> _row_line(["指标", "单位", "2024年目标"]), _row_line(["主要指标", "主要指标", "主要指标"])
    ('指标\\t单位\\t2024年目标', '主要指标')
    """
    return cells[0] if len(cells) > 1 and cells.count(cells[0]) == len(cells) else "\t".join(cells)


def _docx_text(data: bytes, path: Path) -> str:
    import io

    import docx  # python-docx

    _refuse_bomb(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise DocumentError(
            f"{path}: not a readable .docx (truncated or corrupt: {err}); re-save it from Word."
        ) from err
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables, in the order of the document
        if isinstance(block, docx.table.Table):
            # a row a line, its cells separated by tabs (the line breaks of a cell become spaces)
            lines.extend(_row_line([" ".join(cell.text.split()) for cell in row.cells]) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _refuse_bomb(data: bytes, path: Path) -> None:
    """Refuse a .docx whose parts unpack to far more than any document holds (a zip bomb: 3 MB
    that unpack to 1.5 GB of XML), before any of it is unpacked: at most :data:`DOCX_UNPACKED_MAX`
    bytes, or 100 times the file, whichever is larger."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, ValueError) as err:
        raise DocumentError(
            f"{path}: not a readable .docx (truncated or corrupt: {err}); re-save it from Word."
        ) from err
    if unpacked > max(DOCX_UNPACKED_MAX, 100 * len(data)):
        raise DocumentError(
            f"{path}: the .docx unpacks to {unpacked / 2**20:,.0f} MiB from {len(data) / 2**20:,.1f} MiB, more than a "
            "document "
            f"holds (at most {DOCX_UNPACKED_MAX // 2**20} MiB): refused as a zip bomb. Save its text as .txt if it is "
            "a real document."
        )


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


def _table_header(page: str) -> bool:
    """Whether the text of a PDF page holds the header of a table of targets: a word of the role
    ``table_unit`` or ``table_name`` (单位, 指标名称) as a cell of its own, apart by spaces or lines."""
    if not page:
        return False
    unit_words, _, _, _ = _header_words()
    cells = set(to_simplified(page).split())
    return bool(cells & (unit_words | _name_words()))


@functools.lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    from planstats.lexicon import lexicon

    return frozenset(lexicon().table_name)


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
    header = _header_words()[0] | _name_words()
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
    above[:] = [a + b for a, b in zip(above, cells, strict=False)]
    return True


HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL
)
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
        if t is None or not t.open:
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
        texts = [" ".join(" ".join(line) for line in lines) for lines, _, _ in row]
        # a grid of at most _GRID_COLUMNS columns: cells spanning more (rowspan=colspan=50 in every cell) are
        # an error of the page, whose grid would grow 2,500 times a cell: read as the text of its cells
        grid = sum(across for _, _, across in row) + len(t.down) <= _GRID_COLUMNS
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
        if all(len(lines) <= 1 for lines, _, _ in row):
            self.lines[-1] = [cell for lines, _, _ in row for line in lines for cell in line]
            self.lines.append([])
            return
        for lines, _, _ in row:
            self.lines[-1:] = [*lines, []]

    def text(self) -> str:
        while self.tables:
            self.end_table()
        while len(self.stack) > 1:  # a cell left open outside any table
            lines = self.stack.pop()
            self.lines[-1:] = [*(line for line in lines if line), []]
        self.end_line()
        return "\n".join(_row_line(line) for line in self.lines if line)


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


# ---------------------------------------------------------------------------------------
# normalization


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC, keeping the length (one character for one).

    Examples
    --------
    >>> to_simplified("規模以上工業增加值增長20%")
    '规模以上工业增加值增长20%'
    """
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    # A phrase conversion changed the length somewhere: convert line by line, and fall
    # back to one character at a time on the lines that still differ.
    parts = []
    for line in text.splitlines(keepends=True):
        conv = _t2s().convert(line)
        if len(conv) != len(line):
            conv = "".join(c2 if len(c2 := _t2s().convert(c)) == 1 else c for c in line)
        parts.append(conv)
    return "".join(parts)


# Full-width ASCII forms (１２％，) and the ideographic space → ASCII, one character for one;
# nothing else (circled numbers such as ② are list marks, not digits).
# The forms U+FF01–FF5E are ASCII U+0021–007E shifted by 0xFEE0 (their NFKC), so the mapping is
# done on the code points with numpy: five times faster than str.translate on Chinese text.
_FULL_WIDTH_SHIFT = 0xFEE0


def half_width(text: str) -> str:
    """Full-width ASCII forms and the ideographic space → ASCII, one character for one.

    Examples
    --------
    >>> half_width("ＧＤＰ增长１２％，　②")
    'GDP增长12%, ②'
    """
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
    wide = (points >= 0xFF01) & (points <= 0xFF5E)
    if not wide.any() and 0x3000 not in points:
        return text
    points[wide] -= _FULL_WIDTH_SHIFT
    points[points == 0x3000] = 0x20
    return points.tobytes().decode("utf-32-le", "surrogatepass")


# OCR reads 1 as I or l and 0 as O inside numbers ("IIOO万平米" = 1100万平米, "2.l%" = 2.1%).
# Starts a run only (linear); the lookahead, implied by the rest, lets the engine skip to a candidate.
_OCR_NUMBER = re.compile(
    r"(?=[0-9IlO])(?<![A-Za-z0-9IlO.])(?:[0-9]*[IlO][0-9IlO]*(?:\.[0-9IlO]+)?|[0-9]+\.[0-9]*[IlO][0-9IlO]*)(?![A-Za-z])"
)
# "%o" where "%。" was meant.
_OCR_PERCENT_O = re.compile(r"(?<=\d%)o(?![A-Za-z])")
# a year in Chinese numerals (二〇二四年): written with digits, one for one, so that it is read as a year
_CHINESE_YEAR = re.compile(r"(?<![〇零○一二三四五六七八九十])(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}(?=年)")
_CHINESE_YEAR_HINTS = ("一九", "二〇", "二零", "二○")
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
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


# The columns of a table laid out as text: cells apart by two spaces or more (a PDF converted with its
# layout, 指标名称      单位      2024年目标) or between pipes (| 指标 | 单位 | 2024年目标 |, a Markdown table).
_GAP = re.compile(r"  +")  # two spaces or more (ideographic ones are spaces by now): a literal first, for speed


@functools.lru_cache(maxsize=1)
def _header_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """The words of the header of a table of targets (``data/lexicon.csv``): the headers of the
    column of units (单位), of the nature of a target (属性) and of the numbers of the rows (序号),
    and the words of the columns of values (目标, 完成)."""
    from planstats.lexicon import lexicon

    lex = lexicon()
    unit, nature, number = (frozenset(words) for words in (lex.table_unit, lex.table_nature, lex.table_number))
    return unit, nature, number, lex.table_target + lex.table_result


def _is_unit(cell: str) -> bool:
    from planstats.numbers import MULTIPLIERS, units

    table = units()
    return cell in table or any(cell.startswith(m) and cell[len(m) :] in table for m in MULTIPLIERS)


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
    unit_words, nature_words, number_words, value_words = _header_words()
    if not any(f"\n{w}\n" in text for w in unit_words):  # a cheap test: most texts have no such table
        return text
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def header_cell(line: str) -> bool:
        line = line.strip()
        return (
            line in unit_words
            or line in nature_words
            or (len(line) <= 16 and any(w in line for w in value_words) and not _PROSE & set(line))
        )

    def short(line: str) -> bool:
        line = line.strip()
        return 0 < len(line) <= 40 and not _PROSE & set(line)

    chars: list[str] | None = None
    i = 0
    while i < len(lines):
        if lines[i].strip() not in unit_words:
            i += 1
            continue
        a, b = i, i + 1
        while a > 0 and header_cell(lines[a - 1]):
            a -= 1
        a -= 1  # the header of the names, after that of the numbers of the rows if any (序号)
        numbered = a > 0 and lines[a - 1].strip() in number_words
        a -= numbered
        while b < len(lines) and header_cell(lines[b]):
            b += 1
        header = [line.strip() for line in lines[a:b]] if a >= 0 else []
        width = len(header)
        if (
            width < 3 + numbered
            or not short(header[numbered])
            or header_cell(header[numbered])
            or not any(w in c for c in header for w in value_words)
        ):
            i = b  # past the run of header cells, each looked at once
            continue
        unit_at = next(k for k, c in enumerate(header) if c in unit_words)
        nature_at = next((k for k, c in enumerate(header) if c in nature_words), -1)
        rows = [a]
        pos = b
        while pos + width <= len(lines) and short(lines[pos]):
            row = [line.strip() for line in lines[pos : pos + width]]
            fits = (
                all(short(c) for c in row)
                and (not numbered or row[0].isdigit())
                and not any(ch.isdigit() for ch in row[numbered])
                and _is_unit(row[unit_at])
                and (nature_at < 0 or not any(ch.isdigit() for ch in row[nature_at]))
                # a cell of text with a unit where the next row would have it: the next name (an empty cell before it)
                and not any(
                    not any(ch.isdigit() for ch in row[k])
                    and pos + k + unit_at < len(lines)
                    and _is_unit(lines[pos + k + unit_at].strip())
                    for k in range(1 + numbered, width)
                    if k not in (unit_at, nature_at)
                )
            )
            if fits:
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


def _spaced_cells_to_tabs(text: str) -> str:
    """Write a table whose cells are parted by single spaces (text copied from a web page or a PDF:
    ``1 地区生产总值增长 % 5.5 6 预期性``) as the rows of a .docx table, one character for one.

    Its lines are read as a table written one cell per line (see ``_cells_per_line_to_tabs``), with
    its header of units, its rows of names and units: a line of prose, or one that holds fewer
    than two spaces, is left as it is, and a space that is no separator of the cells of a row
    stays a space."""
    unit_words = _header_words()[0]
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
        piped = bool(run) and run[0][3] == "|"
        if len(run) >= 2 and (piped or any(len(seps) >= 2 for _, _, seps, _ in run)):
            chars = chars if chars is not None else list(text)
            columns = [] if piped else max((_cell_starts(line, seps) for _, line, seps, _ in run), key=len)
            for start, line, seps, _ in run:
                if piped:
                    for k, (at, _) in enumerate(seps):
                        chars[start + at] = " " if k in (0, len(seps) - 1) else "\t"
                    continue
                if len(seps) + 1 < len(columns):
                    seps = _spaces_at_columns(line, seps, columns)
                starts = _cell_starts(line, seps)
                column = (
                    [_nearest(columns, x) for x in starts] if len(starts) < len(columns) else list(range(len(starts)))
                )
                indent = len(line) - len(line.lstrip(" "))
                if column[0] and indent:  # the first cells are empty: the row's indent holds their tabs
                    chars[start : start + min(column[0], indent)] = "\t" * min(column[0], indent)
                for (at, length), a, b in zip(seps, column, column[1:], strict=False):
                    tabs = min(max(1, b - a), length)
                    chars[start + at : start + at + tabs] = "\t" * tabs
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


# A hard-wrapped text (the lines of a PDF page) breaks its sentences at the end of each full line.
_WRAP_LONG = 20  # characters: a line this long is body text, not a heading
_WRAP_MIN_LINES = 5  # long lines: too few to tell a wrapped text from paragraphs
_WRAP_COLUMNS = 50  # the narrowest full line of a wrapped text
#: The number of a heading or of an item of a list (一、 （二） 3. ⑤).
ITEM_NUMBER = (
    r"(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|\d{1,2}[)）]|[①-⑳])"
)
# what opens a heading or an item (and 第四): a line before it is no wrapped line
_ITEM_START = re.compile(rf"\s*(?:{ITEM_NUMBER}|第[一二三四五六七八九十]+)")


def _width(line: str) -> int:
    """Display width: a Chinese character is two columns, an ASCII one one."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


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


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def normalize(text: str) -> Normalized:
    """Build the normalized view of ``text``.

    Steps: the cell separators of tables laid out as text (in columns, between pipes, one cell per
    line or parted by single spaces) written as tabs, OCR repairs inside
    numbers, years in Chinese numerals written with digits, removal
    of page markers that cut sentences, of the line breaks of a hard-wrapped text and of spaces
    that separate no Latin words or numbers, full-width → half-width, traditional → simplified. Each normalized
    character keeps
    the index of the original character it came from.

    Examples
    --------
    >>> n = normalize("規上工業增加值增長１５％以上")
    >>> n.text
    '规上工业增加值增长15%以上'
    >>> n.span(9, 12)
    (9, 12)
    """
    half = _cells_per_line_to_tabs(_spaced_cells_to_tabs(_columns_to_tabs(half_width(text))))
    fixes = _ocr_digit_runs(half)
    if "%o" in half:
        fixes.update((m.start(), "。") for m in _OCR_PERCENT_O.finditer(half))
    if any(w in half for w in _CHINESE_YEAR_HINTS):  # a cheap test: the regex is slow to scan
        for m in _CHINESE_YEAR.finditer(half):
            fixes.update(enumerate(m.group().translate(_YEAR_DIGITS), m.start()))
    repaired = half
    if fixes:
        chars = list(half)
        for i, c in fixes.items():
            chars[i] = c
        repaired = "".join(chars)
    cuts = _page_marker_spans(half)
    markers = {start for start, _ in cuts}  # a marker's span starts at the break before it
    cuts += [span for span in _wrap_spans(half) if span[0] not in markers]
    if "\n" in half:
        cuts += _page_number_spans(half)
    if " " in half:
        cuts += _space_spans(half)
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
