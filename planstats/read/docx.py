"""The text of a .docx: its paragraphs and tables in order, the cells of a row apart by tabs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from planstats.errors import DocumentError

#: The most that the parts of a .docx may unpack to (unless the file is larger than 1/100 of it).
DOCX_UNPACKED_MAX = 256 * 2**20


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
    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables, in the order of the document
        if isinstance(block, docx.table.Table):
            # a row a line, its cells separated by tabs (the line breaks of a cell become spaces)
            lines.extend(_row_line([" ".join(cell.text.split()) for cell in row.cells]) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _refuse_bomb(data: bytes, path: Path) -> None:
    """Refuse a .docx whose parts unpack to far more than any document holds (a zip bomb: 3 MB
    that unpack to 1.5 GB of XML): at most :data:`DOCX_UNPACKED_MAX` bytes, or 100 times the file,
    whichever is larger. The sizes its index states are checked first; then each part is unpacked
    a megabyte at a time and counted, since an index can lie (zipfile unpacks a part whole before
    it cuts it to the stated size)."""
    import io

    most = max(DOCX_UNPACKED_MAX, 100 * len(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(info.file_size for info in z.infolist())
            if unpacked <= most:
                unpacked = _unpacked(z, most)
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as err:  # zlib.error is no OSError: caught by read()
        raise DocumentError(
            f"{path}: not a readable .docx (truncated or corrupt: {err}); re-save it from Word."
        ) from err
    if unpacked > most:
        raise DocumentError(
            f"{path}: the .docx unpacks to more than {unpacked / 2**20:,.0f} MiB from {len(data) / 2**20:,.1f} MiB, "
            f"more than a document holds (at most {DOCX_UNPACKED_MAX // 2**20} MiB, or 100 times the file): refused "
            "as a zip bomb. Save its text as .txt if it is a real document."
        )


def _unpacked(z: zipfile.ZipFile, most: int) -> int:
    """The bytes the parts of ``z`` unpack to, counted as they are unpacked a megabyte at a time; as
    soon as they pass ``most``, what was counted."""
    total = 0
    for info in z.infolist():
        with z.open(info) as part:
            part._left = 2**62  # type: ignore[attr-defined]  # read past a size that the index understates
            while chunk := part.read(2**20):
                total += len(chunk)
                if total > most:
                    return total
    return total
