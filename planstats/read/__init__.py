"""Read documents (.txt in any common Chinese encoding, .docx, .pdf, a saved web page) and build a normalized view.

Matching runs on the normalized view (half-width characters, simplified script, scrape and
OCR slips repaired) while every character of it remembers where it stands in the original
text, so every span reported to the user points into the original.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from planstats.errors import DocumentError
from planstats.read.decode import decode
from planstats.read.docx import _docx_text
from planstats.read.html import HTML_SUFFIXES, html_text, is_page
from planstats.read.pdf import _pdf_text


#: The largest document :func:`read` reads, in bytes, unless told otherwise (``size_limit=``): a text of this
#: size takes about 30 s and 15 times its size in memory to extract.
SIZE_LIMIT = 100 * 2**20


@dataclass(frozen=True)
class Document:
    """A document as read from disk: its original text and where it came from."""

    name: str
    text: str
    sha256: str
    path: str = ""
    encoding: str = ""


def read(path: str | Path, *, lenient: bool = False, size_limit: int | None = SIZE_LIMIT) -> Document:
    """Read a ``.txt``, ``.docx`` or ``.pdf`` document, or a web page saved as ``.html`` (or as
    ``.txt``: a file that opens with ``<!DOCTYPE html`` or ``<html`` is read as a page). The text
    of a page is what a browser shows (see :func:`html_text`), that of a PDF its text layer, page
    after page: spans point into it. A file larger than ``size_limit`` bytes (``None``: no limit)
    is refused before it is read, and so is anything but a regular file (a FIFO would block).

    Examples
    --------
    >>> import planstats as ps
    >>> doc = read(ps.sample_corpus() / "000_3e3dedbcbccbc1ab.txt")
    >>> doc.text.splitlines()[0]
    '西咸新区2022年工作要点'
    """
    path = Path(path)
    try:
        data = _read_bytes(path, size_limit)
    except DocumentError:
        raise
    except FileNotFoundError as err:
        raise DocumentError(f"{path}: no such file; check the path.") from err
    except IsADirectoryError as err:
        raise DocumentError(f"{path}: is a directory; pass the files in it, or use build().") from err
    except PermissionError as err:
        raise DocumentError(f"{path}: permission denied; make the file readable.") from err
    except OSError as err:
        raise DocumentError(f"{path}: cannot be read ({err.strerror}).") from err
    except ValueError as err:  # a NUL in the path
        raise DocumentError(f"{path!r}: not a path of a file ({err}).") from err
    sha = hashlib.sha256(data).hexdigest()
    kind = "text"
    try:
        if path.suffix.lower() == ".docx":
            kind = ".docx"
            text, enc = _docx_text(data, path), "docx"
        elif path.suffix.lower() == ".pdf" or data.startswith(b"%PDF"):
            kind = "PDF"
            text, enc = _pdf_text(data, path), "pdf"
        elif path.suffix.lower() in HTML_SUFFIXES or is_page(data):
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


def _read_bytes(path: Path, size_limit: int | None) -> bytes:
    """The bytes of a regular file of at most ``size_limit`` bytes, its size checked before it is read
    (and while it is read: a file may grow)."""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NONBLOCK)) as f:
        info = os.fstat(f.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"{path}: not a regular file (a pipe, a device or a socket); pass a file.")
        if size_limit is not None and info.st_size > size_limit:
            raise DocumentError(_too_large(path, info.st_size, size_limit))
        data = f.read()  # read(size_limit + 1) would allocate the whole limit first
    if size_limit is not None and len(data) > size_limit:
        raise DocumentError(_too_large(path, len(data), size_limit))
    return data


def _too_large(path: Path, size: int, size_limit: int) -> str:
    return (
        f"{path}: {size:,} bytes, more than the size limit of a document ({size_limit:,} bytes); split it, or "
        "give a larger size_limit= (planstats build --size-limit)."
    )
