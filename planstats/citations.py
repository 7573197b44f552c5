"""BibTeX of the documents behind a result (:func:`cite`), and their titles: from the manifests
beside the documents, the bundled dataset's, or the head of each document. See :mod:`planstats.tables`."""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from planstats.dataset import BUNDLED, DATA_DIR, load
from planstats.document import manifest_row, read_manifest
from planstats.errors import PlanstatsWarning


def _info(result: pd.DataFrame) -> dict | None:
    info = result.attrs.get("planstats")
    return info if isinstance(info, dict) and hasattr(info.get("cells"), "lookup") else None


def _docs(result: pd.DataFrame) -> list[str]:
    info = _info(result)
    if info is not None:
        docs: Iterable = info["cells"].frame["doc"]
    else:
        cols = [
            c for c in result.columns if c == "doc" or c.startswith("doc_") and c != "doc_sha256" or c == "parent_doc"
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
    """BibTeX entries for the documents behind a result: title, issuing body, year, url, file hash.

    Title, issuer and url come from the manifest of each document: ``manifest=``, else the
    ``manifest.csv`` beside the document where it was built (columns file, region, year, and
    title, issuer, url), else for the bundled sample its own. Region, plan year and hash come
    from the dataset (``data``, by default ``result`` itself when it is a dataset, else the
    bundled dataset). Nothing is made up: a document with no title in a manifest is cited by
    its file name, with no author, and one warning names those documents.

    The last entry cites planstats itself, with its version and the fingerprint of its rules.

    Examples
    --------
    >>> import planstats as ps
    >>> print(ps.cite(ps.compare(ps.load(), "gdp_growth", year=2022)))  # doctest: +ELLIPSIS
    @misc{plan2022_6e70fa78,
      title = {{西咸新区2022年工作要点}},
      author = {{西咸新区管委会}},
      year = {2022},
      note = {File 000_3e3dedbcbccbc1ab.txt, SHA-256 6e70fa7848ec19b385a69bde8ccbcb4afd773e9606381041dbcf7a4acaba99e3},
    }
    <BLANKLINE>
    @software{planstats,
      title = {{planstats: quantified targets of Chinese local government work plans}},
      version = {0.1.0},
      year = {2026},
      note = {Rules fingerprint ...},
    }
    <BLANKLINE>
    """
    if data is None:  # the dataset itself, or the dataset a table was made from, or else the bundled dataset
        made_from = result.attrs.get("dataset")
        data = result if "doc_sha256" in result.columns else made_from.value if made_from is not None else load()
    docs = _docs(result)
    rows = _manifests(docs, data=data, manifest=manifest)
    targets = data[data["record"] == "target"] if "record" in data.columns else data
    entries, unlisted = [], []
    for doc in docs:
        mine = targets[targets["doc"] == doc]
        row = rows.get(doc, {})
        year = row.get("year") or (str(int(mine["year"].dropna().mode().iloc[0])) if mine["year"].notna().any() else "")
        sha = str(mine["doc_sha256"].iloc[0]) if len(mine) else ""
        if not (row.get("title") and row.get("issuer")):
            unlisted.append(doc)
        fields = [
            ("title", "{" + (row.get("title") or doc) + "}"),
            ("author", "{" + row["issuer"] + "}" if row.get("issuer") else ""),
            ("year", year),
            ("url", row.get("url", "")),
            ("note", f"File {doc}{', SHA-256 ' + sha if sha else ''}"),
        ]
        key = f"plan{year or 'nd'}_{sha[:8] or Path(doc).stem}"
        entries.append(
            f"@misc{{{key},\n" + "".join(f"  {k} = {{{v}}},\n" for k, v in fields if v or k == "year") + "}\n"
        )
    if unlisted:
        warnings.warn(
            f"cite: {len(unlisted)} document(s) have no title or issuer in a manifest: {', '.join(unlisted[:5])}"
            f"{' …' if len(unlisted) > 5 else ''}. Their entries give the file name as the title and no author; add a "
            "manifest.csv beside the documents (columns file, region, year, title, issuer, url) or pass manifest=.",
            PlanstatsWarning,
            stacklevel=2,
        )
    entries.append(_software_entry())
    return "\n".join(entries)


def _software_entry() -> str:
    """The BibTeX entry of planstats itself: its version, and the fingerprint of its rules
    (code and rule files), which tells whether another copy extracts the same."""
    from planstats import __version__
    from planstats.dataset import rules_fingerprint

    return (
        "@software{planstats,\n  title = {{planstats: quantified targets of Chinese local government work plans}},\n"
        f"  version = {{{__version__}}},\n  year = {{2026}},\n  note = "
        f"{{Rules fingerprint {rules_fingerprint()}}},\n}}\n"
    )
