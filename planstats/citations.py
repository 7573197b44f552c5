"""BibTeX of the documents behind a result (:func:`cite`), and their titles: from the manifests
beside the documents, the bundled dataset's, or the head of each document. See :mod:`planstats.tables`."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from planstats.dataset import BUNDLED, DATA_DIR, load
from planstats.document import manifest_row, read_manifest
from planstats.errors import PlanstatsWarning
from planstats.formats import latex


def _info(result: pd.DataFrame) -> dict | None:
    info = result.attrs.get("planstats")
    return info if isinstance(info, dict) and hasattr(info.get("cells"), "lookup") else None


def _docs(result: pd.DataFrame) -> list[str]:
    info = _info(result)
    if info is not None:
        docs: Iterable = info["cells"].frame["doc"]
    else:
        cols = [
            c for c in result.columns if c in ("doc", "parent_doc") or str(c).startswith("doc_") and c != "doc_sha256"
        ]
        docs = (d for c in cols for d in result[c].dropna())
    return sorted({str(d) for d in docs if d and str(d) != "nan"})


@functools.lru_cache(maxsize=1)
def _bundled() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """The manifest rows of the bundled sample, and the hash of each of its documents."""
    manifest = DATA_DIR / "raw" / "manifest.csv"
    rows = read_manifest(manifest) if manifest.exists() else {}
    shas = {}
    if BUNDLED.exists():
        data = pd.read_csv(BUNDLED, usecols=["doc", "doc_sha256"], dtype=str).drop_duplicates("doc")
        shas = dict(zip(data["doc"], data["doc_sha256"], strict=False))
    return rows, shas


def _manifests(
    docs: Iterable[str], *, data: pd.DataFrame | None = None, manifest: str | os.PathLike | None = None
) -> dict[str, dict[str, str]]:
    """The manifest row of each document that has one: of ``manifest=`` (by path in the corpus or
    by file name); else of the ``manifest.csv`` beside the document where it was built (a dataset
    from :func:`planstats.build` or a dataset folder knows where: ``data.attrs["paths"]``); else,
    for a document of the bundled sample (the same file, by its hash), of the sample's manifest."""
    held = data.attrs.get("paths") if data is not None else None
    paths = held.value if held is not None else {}
    shas = (
        dict(zip(data["doc"].astype(str), data["doc_sha256"].astype(str), strict=False))
        if data is not None and "doc_sha256" in data.columns
        else {}
    )
    sample, sample_shas = _bundled()
    given = read_manifest(manifest) if manifest is not None else {}
    rows = {}
    for doc in docs:
        row = given.get(doc) or given.get(Path(doc).name)
        if row is None and doc in paths:
            row = manifest_row(Path(paths[doc])) or None
        if row is None and doc in sample and (doc not in shas or shas[doc] == sample_shas.get(doc)):
            row = sample[doc]
        if row:
            rows[doc] = row
    return rows


def doc_titles(
    docs: Iterable[str], *, data: pd.DataFrame | None = None, manifest: str | os.PathLike | None = None
) -> list[str]:
    """The titles of documents from their manifests (see :func:`cite`), else their file names.

    Examples
    --------
    >>> doc_titles(["000_3e3dedbcbccbc1ab.txt", "other.txt"])
    ['西咸新区2022年工作要点', 'other.txt']
    """
    docs = list(docs)
    rows = _manifests(docs, data=data, manifest=manifest)
    return [rows.get(d, {}).get("title") or d for d in docs]


def cite(result: pd.DataFrame, *, data: pd.DataFrame | None = None, manifest: str | os.PathLike | None = None) -> str:
    r"""BibTeX entries for the documents behind a result: title, issuing body, year, url, file hash.

    Title, issuer and url come from the manifest of each document: ``manifest=``, else the
    ``manifest.csv`` beside the document where it was built (columns file, region, year, and
    title, issuer, url), else for the bundled sample its own. Region, plan year and hash come
    from the dataset (``data``, by default ``result`` itself when it is a dataset, else the
    bundled dataset). Nothing is made up: a document with no title in a manifest is cited by
    its file name, with no author, and one warning names those documents.

    The last entry cites planstats itself, with its version and the fingerprint of its rules.

    Parameters
    ----------
    result : pandas.DataFrame
        A result (``compare``, ``yoy`` …) or a dataset.
    data : pandas.DataFrame, optional
        The dataset the result was made from (region, plan year, hash of each document); default: the result
        itself, the dataset it was made from, or the bundled one.
    manifest : str or os.PathLike, optional
        A manifest.csv (columns file, region, year, title, issuer, url) that names the documents.

    Returns
    -------
    str
        BibTeX: one ``@misc`` entry per document, and one for planstats; every field escaped for LaTeX.

    Examples
    --------
    >>> import planstats as ps
    >>> print(ps.cite(ps.compare(ps.load(), "gdp_growth", year=2022)))  # doctest: +ELLIPSIS
    @misc{plan2022_6e70fa78,
      title = {{西咸新区2022年工作要点}},
      author = {{西咸新区管委会}},
      year = {2022},
      note = {File 000\_3e3dedbcbccbc1ab.txt, SHA-256 6e70fa7848ec19b385a69bde8ccbcb4afd773e96063...},
    }
    <BLANKLINE>
    @misc{planstats,
      title = {{planstats: quantified targets of Chinese local government work plans}},
      author = {{The planstats authors}},
      year = {2026},
      version = {0.1.0},
      note = {Version 0.1.0, rules fingerprint ...},
    }
    <BLANKLINE>
    """
    if data is None:  # the dataset itself, or the dataset a table was made from, or else the bundled dataset
        made_from = result.attrs.get("dataset")
        data = result if "doc_sha256" in result.columns else made_from.value if made_from is not None else load()
    docs = _docs(result)
    rows = _manifests(docs, data=data, manifest=manifest)
    targets = data[data["record"] == "target"] if "record" in data.columns else data
    entries: list[tuple[str, str, dict[str, str]]] = []
    unlisted = []
    for doc in docs:
        mine = targets[targets["doc"] == doc]
        row = rows.get(doc, {})
        sha = str(mine["doc_sha256"].iloc[0]) if len(mine) else ""
        if not (row.get("title") and row.get("issuer")):
            unlisted.append(doc)
        year = _plan_year(row, mine)
        fields = {
            "title": row.get("title") or doc,
            "author": row.get("issuer", ""),
            "year": year,
            "url": row.get("url", ""),
            "note": f"File {doc}{', SHA-256 ' + sha if sha else ''}",
        }
        key = _key(f"plan{year or 'nd'}", sha[:8] or doc)
        if any(key == k for _, k, _ in entries):  # the same bytes filed twice: two documents, two entries
            key = _key(key, doc + "/")
        entries.append(("misc", key, fields))
    if unlisted:
        warnings.warn(
            f"cite: {len(unlisted)} document(s) have no title or issuer in a manifest: {', '.join(unlisted[:5])}"
            f"{' …' if len(unlisted) > 5 else ''}. Their entries give the file name as the title and no author; add a "
            "manifest.csv beside the documents (columns file, region, year, title, issuer, url) or pass manifest=.",
            PlanstatsWarning,
            stacklevel=2,
        )
    entries.append(_software_entry())
    return _bibtex(entries)


def _plan_year(row: dict[str, str], targets: pd.DataFrame) -> str:
    """The year of a document: its plan year in the manifest, else the plan year most of its targets have."""
    given = str(row.get("year") or "").strip()
    if re.fullmatch(r"\d{4}", given):
        return given
    return str(int(targets["year"].dropna().mode().iloc[0])) if targets["year"].notna().any() else ""


def _key(prefix: str, name: str) -> str:
    """A citation key BibTeX reads: letters, digits and ``_`` only (a file name is hashed)."""
    if not re.fullmatch(r"[0-9a-f]{8}", name):
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = (re.sub(r"[^A-Za-z0-9]", "", Path(name).stem)[:16] or "doc") + "_" + digest
    return f"{prefix}_{name}"


def _bib_url(url: str) -> str:
    """A URL for a BibTeX field: what is not plain ASCII percent-encoded, and ``%`` and ``#`` escaped
    (a ``%`` would start a comment in the .bbl file; ``\\url`` of hyperref reads ``\\%`` as ``%``)."""
    url = quote(url.strip(), safe="!#$%&'()*+,-./:;=?@[]_~", encoding="utf-8", errors="replace")
    return url.replace("%", r"\%").replace("#", r"\#")


_PROTECTED = ("title", "author")  # in double braces: the case of a title kept, an issuing body one name


def _bibtex(entries: list[tuple[str, str, dict[str, str]]]) -> str:
    """BibTeX text of ``(type, key, fields)`` entries, written by bibtexparser; every field encoded for
    LaTeX by pylatexenc (:func:`planstats.formats.latex`), so that nothing in it runs."""
    import bibtexparser
    from bibtexparser.middlewares import AddEnclosingMiddleware
    from bibtexparser.model import Entry, Field

    library = bibtexparser.Library()
    for kind, key, fields in entries:
        values = []
        for name, value in fields.items():
            if not value:
                continue
            text = _bib_url(value) if name == "url" else latex(value, bibtex=True)
            values.append(Field(name, "{" + text + "}" if name in _PROTECTED else text))
        library.add(Entry(kind, key, values))
    layout = bibtexparser.BibtexFormat()
    layout.indent, layout.trailing_comma, layout.block_separator = "  ", True, "\n"
    enclose = AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=True, default_enclosing="{")
    return bibtexparser.write_string(library, unparse_stack=[enclose], bibtex_format=layout)


#: The year of the release of this version of planstats (``date-released`` of CITATION.cff)
RELEASE_YEAR = "2026"


def _software_entry() -> tuple[str, str, dict[str, str]]:
    """The BibTeX entry of planstats itself (@misc: standard BibTeX styles know no @software): its authors,
    version and release year, and the fingerprint of its rules (code and rule files), which tells whether
    another copy extracts the same."""
    from planstats import __version__
    from planstats.dataset import rules_fingerprint

    return (
        "misc",
        "planstats",
        {
            "title": "planstats: quantified targets of Chinese local government work plans",
            "author": "The planstats authors",
            "year": RELEASE_YEAR,
            "version": __version__,
            "note": f"Version {__version__}, rules fingerprint {rules_fingerprint()}",
        },
    )
