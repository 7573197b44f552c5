"""One document to its rows: region and year from a ``manifest.csv`` beside it or its title, the
targets the grammar finds, and the numbers set aside with the reason (:func:`rejects`)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import os
import re
import warnings
from pathlib import Path

import pandas as pd

from planstats import _checks, places
from planstats._data import read_rows
from planstats.dataset import COLUMNS, Shared, conform, empty
from planstats.errors import ArgumentError, DataFileError, DocumentError, PlanstatsWarning
from planstats.extract import OF_PLAN_YEAR, Reject, Target, find_targets
from planstats.read import SIZE_LIMIT, read
from planstats.read.normalize import Normalized, normalize
from planstats.taxonomy import assign_metrics, standard
from planstats.titles import page_info


@functools.lru_cache(maxsize=32)
def _manifest(file: str, mtime: float) -> dict[str, dict[str, str]]:
    path = Path(file)
    rows = read_rows(path.name, ("file", "region", "year"), path, kind="manifest")
    table: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows, start=2):
        if not row["file"]:
            raise DataFileError(f"{path}, line {line}: empty file name.")
        if row["file"] in table:
            raise DataFileError(f"{path}, line {line}: {row['file']!r} is listed twice.")
        if row["year"] and not re.fullmatch(r"(19|20)\d{2}", row["year"]):
            raise DataFileError(f"{path}, line {line}: year {row['year']!r} is not a four-digit year.")
        if row.get("region_code") and not re.fullmatch(r"\d{6}", row["region_code"]):
            raise DataFileError(
                f"{path}, line {line}: region_code {row['region_code']!r} is not a six-digit division code (610112)."
            )
        table[row["file"]] = row
    return table


#: How many folders above a document's own a ``manifest.csv`` is looked for (one at the top of a corpus whose
#: ``file`` column names paths into its subfolders: 湖北省/十堰市/2022.txt)
MANIFEST_DEPTH = 4


def manifest_files(path: Path) -> list[tuple[Path, str]]:
    """The manifests that may name the document at ``path``, nearest first, each with the name it has there:
    the one beside it (its file name), then those of the folders above it (its path from there)."""
    path = Path(path)
    found = []
    for depth, folder in enumerate(path.parents[:MANIFEST_DEPTH]):
        found.append((folder / "manifest.csv", path.name if depth == 0 else path.relative_to(folder).as_posix()))
    return found


def manifest_row(path: Path) -> dict[str, str]:
    """The row that names ``path`` in the nearest ``manifest.csv``: beside it, else in a folder above it
    whose ``file`` column gives its path from there; or an empty dict."""
    for mf, name in manifest_files(path):
        try:
            mtime = mf.stat().st_mtime
        except OSError:  # no manifest (a missing or unreadable folder is the reader's error to report)
            continue
        row = _manifest(os.path.abspath(mf), mtime).get(name)
        if row is not None:
            return row
    return {}


def check_manifest(path: Path) -> None:
    """Warn of the regions of a manifest that no region table knows: a name (or chain of names)
    of no unit of the national table nor of the hand-kept table (a misspelling, say: 西咸新去), or
    a code of no unit."""
    table = read_manifest(path)
    missing = [name for name in table if not (Path(path).parent / name).is_file()]
    if missing:
        warnings.warn(
            f"{path}: {len(missing)} row(s) name no file beside the manifest or below it: "
            f"{', '.join(missing[:10])}{' …' if len(missing) > 10 else ''}. Check the column file (a path from the "
            "manifest's folder, 湖北省/十堰市/2022.txt, or a name beside it).",
            PlanstatsWarning,
            stacklevel=4,
        )
    rows = table.values()
    unknown = sorted(
        {
            row[c]
            for row in rows
            for c in ("region", "region_code")
            if row.get(c) and places.resolve(row[c], int(row["year"]) if row["year"] else None).match == "none"
        }
    )
    if unknown:
        warnings.warn(
            f"{path}: {len(unknown)} region(s) are in no region table: "
            f"{', '.join(unknown[:10])}{' …' if len(unknown) > 10 else ''}. "
            "Check their spelling; a functional area (a new area, a zone) may be added to data/regions.csv.",
            PlanstatsWarning,
            stacklevel=4,
        )


def read_manifest(path: str | os.PathLike) -> dict[str, dict[str, str]]:
    """The rows of a manifest (columns file, region, year, and optionally title, issuer), by file name."""
    path = Path(path)
    if not path.exists():
        raise DataFileError(f"{path}: no such manifest file.")
    return _manifest(str(path.resolve()), path.stat().st_mtime)


# ---------------------------------------------------------------------------------------
# extraction


REJECT_COLUMNS = ("doc", "start", "end", "raw", "reason")


#: What the note of a document whose region is a name several units share says (a build counts them)
AMBIGUOUS = "is the name of"


def extract_rows(
    doc: str,
    text: str,
    norm: Normalized,
    sha: str,
    region: str | None,
    year: int | None,
    place: places.Place | None = None,
) -> tuple[list[tuple], list[tuple]]:
    """The rows of one document (tuples of the contract's columns, in order) and its rejects,
    with no DataFrame made: what a corpus build calls for each document. ``norm`` is the
    normalized view of ``text``; ``place`` where ``region`` is (else it is resolved with no context)."""
    targets, rejects = find_targets(norm, plan_year=year)
    found = assign_metrics(targets, plan_year=year)
    found, restated = _restatements(found)
    rejects = sorted(rejects + restated, key=lambda r: (r.start, r.end))
    place = place or places.resolve(region, year)
    where = (region, place.code, place.region_id, place.province, place.prefecture, place.match)
    level = places.level_of(place.level)
    rows = [
        (
            doc,
            *where,
            year if t.record in OF_PLAN_YEAR else t.year,
            t.record,
            t.section,
            metric,
            t.metric_text,
            t.kind,
            t.value,
            t.value_high if t.value_high is not None else math.nan,
            t.unit,
            t.qualifier,
            t.qualifier_text,
            t.verb,
            text[t.start : t.end],
            t.start,
            t.end,
            sha,
            t.average_from,
            level,
            *standard(t.value, t.unit, metric, t.kind),
        )
        for t, metric in found
    ]
    return rows, [(doc, r.start, r.end, text[r.start : r.end], r.reason) for r in rejects]


#: Why a target stated twice is set aside (the reject's reason)
RESTATED = "restates a target the document states elsewhere (at {at}); the fuller statement is kept"


def _restatements(found: list[tuple[Target, str | None]]) -> tuple[list[tuple[Target, str | None]], list[Reject]]:
    """The targets of a document with its restatements set aside: where two of its main targets give one metric
    the same value (a news page's lead 某市今年GDP要增长7% and the report's sentence …预期增长目标7%左右), the
    fuller one is kept: with a qualifier, then the later (a news page's lead restates what the report's sentence
    says after it). A body target that repeats a main target is the body's own (the task it is set for)."""
    groups: dict[tuple, list[int]] = {}
    for i, (t, metric) in enumerate(found):
        if metric is not None and t.record == "target" and t.section == "headline":
            groups.setdefault((metric, t.kind, t.value, t.value_high, t.unit), []).append(i)
    dropped: dict[int, int] = {}
    for members in groups.values():
        if len(members) > 1:
            keep = max(members, key=lambda i: (found[i][0].qualifier != "exact", i))
            dropped.update((i, keep) for i in members if i != keep)
    if not dropped:
        return found, []
    rejects = [
        Reject(found[i][0].start, found[i][0].end, RESTATED.format(at=found[keep][0].start))
        for i, keep in dropped.items()
    ]
    return [f for i, f in enumerate(found) if i not in dropped], rejects


#: What the note of a document with no region or no plan year says (a build lists them)
UNPLACED = "was not found in the document"

#: What the note of a document whose region only its running text names says (a build lists them)
BODY_REGION = "only its running text names"

#: What the note of a document whose region no unit has within two years of its plan year says (a build lists them)
HISTORICAL = "is no unit's name within two years of"


def missing_title_info(
    doc: str, region: str | None, year: int | None, place: places.Place | None = None, region_from: str = ""
) -> str | None:
    """The warning for a document whose region or year is unknown, whose region is a name that several
    units share or that no unit has within two years, or whose region only its running text names
    (``region_from``: the clue that gave it, as :func:`document_clues` says); or ``None``."""
    if place is not None and place.match == "ambiguous":
        return (
            f"{doc}: the region {region!r} {AMBIGUOUS} {len(place.candidates)} units in {year}: "
            f"{', '.join(place.candidates[:5])}{' …' if len(place.candidates) > 5 else ''}; its region_code is left "
            "empty. "
            "Name the prefecture in the folder path (…/济南市/市中区/) or give the code in a manifest.csv column "
            "region_code."
        )
    if region is None or year is None:
        return (
            f"{doc}: the {'region' if region is None else 'year'} of this document {UNPLACED} (its title, the date "
            "and place of its congress or conference, its folders); its targets are kept with it left empty. "
            "Supply it with a manifest.csv row (columns file, region, year) or the region=/year= arguments."
        )
    if place is not None and place.match == "historical":
        return (
            f"{doc}: its region {region!r} {HISTORICAL} {year} (region_match historical: the unit it had, {place.code} "
            f"{place.unit}); the analyses keep it apart under its name. Check its plan year, or give the code in a "
            "manifest.csv column region_code."
        )
    if region_from.startswith("context"):
        return (
            f"{doc}: its region {region!r} {BODY_REGION} (no title, issuer, congress nor folder names it), so its "
            "region_match is context; check it, or give the region in a manifest.csv row."
        )
    return None


def _frame(
    doc: str,
    text: str,
    norm: Normalized,
    sha: str,
    region: str | None,
    year: int | None,
    place: places.Place,
    region_from: str = "",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, rejects = extract_rows(doc, text, norm, sha, region, year, place)
    message = missing_title_info(doc, region, year, place, region_from)
    if message:
        warnings.warn(message, PlanstatsWarning, stacklevel=3)
    df = conform(pd.DataFrame(rows, columns=list(COLUMNS))) if rows else empty()
    if not rows:
        warnings.warn(f"{doc}: no targets found in this document.", PlanstatsWarning, stacklevel=3)
    found = pd.DataFrame(rejects, columns=list(REJECT_COLUMNS))
    df.attrs["rejects"] = Shared(found)  # shared, not compared nor copied by pandas
    return df, found


def rejects(df: pd.DataFrame) -> pd.DataFrame:
    """The numbers that extraction set aside as non-targets in the document behind ``df`` (what
    ``planstats.extract`` or [planstats.extract_text][] returned for one document), with
    the reason: columns doc, start, end, raw, reason.

    Parameters
    ----------
    df : pandas.DataFrame
        The rows ``extract`` or ``extract_text`` returned.

    Returns
    -------
    pandas.DataFrame
        The numbers set aside as non-targets: doc, start, end, raw and the reason.

    Examples
    --------
    >>> import planstats as ps
    >>> df = ps.extract_text("主要预期目标是：GDP增长6%，投资5亿元以上的产业项目20个以上。", region="某县", year=2024)
    >>> ps.rejects(df)[["raw", "reason"]].values.tolist()
    [['5亿元以上', 'describes a noun (an attribute, not a target value)']]
    """
    held = df.attrs.get("rejects") if isinstance(df, pd.DataFrame) else None
    if not isinstance(held, Shared):
        raise ArgumentError(
            "This frame carries no rejects: they are kept for one document, as planstats.extract(path) or "
            "planstats.extract_text(text) returned it; for many, `planstats extract FILES --rejects rejects.csv` "
            "writes them."
        )
    return held.value


def _old_rejects(
    found: tuple[pd.DataFrame, pd.DataFrame], with_rejects: bool, name: str
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """The frame, or with the deprecated ``with_rejects=True`` the pair ``(targets, rejects)``."""
    if not with_rejects:
        return found[0]
    warnings.warn(
        f"{name}(with_rejects=True) is deprecated and will be removed in planstats 0.3: {name}() returns the targets, "
        "and planstats.rejects(targets) the numbers set aside as non-targets.",
        FutureWarning,
        stacklevel=3,
    )
    return found


def extract_text(
    text: str, *, region: str | None = None, year: int | None = None, doc: str = "<text>", with_rejects: bool = False
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Extract the targets of a plan held in a string.

    Region and year default to those of the text's title. The numbers set aside as
    non-targets, with the reason, are given by [planstats.rejects][] (``with_rejects=True``,
    which returned the pair, is deprecated).

    Parameters
    ----------
    text : str
        The text of a plan.
    region : str, optional
        Its region; default: from the title of the text.
    year : int, optional
        Its plan year; default: from the title of the text.
    doc : str
        The name the rows give as their document.
    with_rejects : bool
        Deprecated: use ``rejects(df)``.

    Returns
    -------
    pandas.DataFrame
        The targets, one row each, in the dataset contract (``SCHEMA``).

    Examples
    --------
    >>> df = extract_text("主要预期目标是：GDP增长12%左右，城镇登记失业率控制在4%以内。", region="西咸新区", year=2022)
    >>> df[["metric", "kind", "value", "qualifier", "qualifier_text"]].values.tolist()
    [['gdp_growth', 'growth', 12.0, 'approx', '左右'], ['urban_unemployment_rate', 'share', 4.0, 'at_most',
    '控制在…以内']]
    """

    if not isinstance(text, str):
        raise ArgumentError(f"The value for `text` must be a str, but {type(text).__name__} was passed.")
    region, year = _checks.text(region, "region"), _checks.plan_year(year)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate (text decoded with surrogateescape, or cut from UTF-16)
        raise DocumentError(
            f"{doc}: the text holds {text[err.start]!r} at position {err.start}, half of a UTF-16 pair and no "
            "character; "
            "decode the document with errors='replace' (or read the file with planstats.extract(path, lenient=True))."
        ) from None
    norm = normalize(text)
    region, year, place, _, region_from = document_clues(None, norm, region=region, year=year)
    found = _frame(doc, text, norm, hashlib.sha256(data).hexdigest(), region, year, place, region_from)
    return _old_rejects(found, with_rejects, "extract_text")


def extract_file(
    path: str | os.PathLike,
    *,
    region: str | None = None,
    year: int | None = None,
    lenient: bool = False,
    size_limit: int | None = SIZE_LIMIT,
) -> pd.DataFrame:
    """Extract the targets of one document (``.txt`` in any common encoding, ``.docx``, ``.pdf``,
    or a web page saved as ``.html``); what :func:`planstats.extract` does for one file.

    Region and year come from the arguments, else from a ``manifest.csv`` row beside the
    file, else from the document's title. ``lenient=True`` replaces undecodable bytes
    instead of failing; a file larger than ``size_limit`` bytes is refused. :func:`rejects` gives
    the numbers set aside as non-targets.

    Examples
    --------
    >>> import planstats as ps
    >>> df = extract_file(ps.sample_corpus() / "004_8503dda5db454a12.txt")
    >>> df.loc[df.metric == "urban_unemployment_rate", ["region", "year", "value", "qualifier"]].values.tolist()
    [['新城区', 2021, 4.0, 'at_most']]
    """
    path = Path(path)
    region, year = _checks.text(region, "region"), _checks.plan_year(year)
    doc = read(path, lenient=lenient, size_limit=size_limit)
    norm = normalize(doc.text)
    region, year, place, _, region_from = document_clues(path, norm, region=region, year=year)
    return _frame(doc.name, doc.text, norm, doc.sha256, region, year, place, region_from)[0]


def document_info(
    path: Path | None, text: str | Normalized, *, region: str | None = None, year: int | None = None
) -> tuple[str | None, int | None, places.Place]:
    """Region, plan year and place of a document (``text``: its text or its normalized view).

    Region and year are the arguments, else its manifest row, else the clues of the page
    (:func:`planstats.titles.page_info`: its title, the date and place of its congress, its issuer …),
    else (the region) the folders it is in (陕西省/西安市/未央区/), else the region its running text
    names most, which is never a confident match (``region_match`` ``context``). A code
    (``region="610112"``, or a manifest's ``region_code`` column) places it; else its name, with its
    folders and first pages as context.
    """
    return document_clues(path, text, region=region, year=year)[:3]


def document_clues(
    path: Path | None, text: str | Normalized, *, region: str | None = None, year: int | None = None
) -> tuple[str | None, int | None, places.Place, str, str]:
    """What :func:`document_info` gives, and where its year and its region came from: ``argument``,
    ``manifest``, ``folders``, or the clue of the page (``congress_date: 2024年1月5日在某某县…``)."""
    row = manifest_row(path) if path is not None else {}
    page = page_info(text)
    year_from = "argument" if year else "manifest" if row.get("year") else str(page.year_clue or "")
    year = year or (int(row["year"]) if row.get("year") else None) or page.year
    given = region or row.get("region_code") or row.get("region")
    region_from = "argument" if region else "manifest" if given else ""
    if given and re.fullmatch(r"\d{6}", given):  # a code: the region is the unit's name, unless the manifest gives one
        place = places.resolve(given, year, given=True)
        return (row.get("region") if not region else None) or place.unit, year, place, year_from, region_from
    folders = places.from_folders(path, year) if path is not None and not given else None
    name: str | None
    if given:
        name = given
    elif page.region and not page.region_in_body:
        name, region_from = page.region, str(page.region_clue)
    elif folders:
        name, region_from = folders, "folders"
    else:
        name, region_from = page.region, str(page.region_clue or "")
    place = places.resolve(name, year, given=bool(given))
    if place.match == "ambiguous":  # the document's folders, else its first pages, may settle it
        body = text.text if isinstance(text, Normalized) else text
        # places (folders, the clue that gave the region: a title, an issuer; a manifest's title and issuer) before
        # the running text, where only a region written right before the name counts (not 省会济南)
        clue = page.region_clue.evidence if page.region_clue and not page.region_in_body else None
        where = places.context(path, body, (clue, row.get("title"), row.get("issuer")))
        place = places.resolve(name, year, context=where, given=bool(given))
    if name and name == page.region and page.region_in_body and place.match in ("exact", "unique"):
        place = dataclasses.replace(place, match="context")  # a guess from the running text is never confident
    return name, year, place, year_from, region_from
