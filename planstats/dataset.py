"""The tidy dataset: its contract, and the functions that produce and read it.

One row per target or reported result. The contract (column order and dtypes) is defined once, in
:data:`SCHEMA`, and checked by :func:`validate`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from planstats import _checks, places
from planstats._data import DATA_DIR
from planstats._lock import dataset_lock
from planstats.errors import ArgumentError, DataFileError, DocumentError, OutputError, PlanstatsWarning, SchemaError
from planstats.extract import KINDS, QUALIFIERS, RECORDS
from planstats.formats import _unescape, write_csv, write_stata
from planstats.read.html import HTML_SUFFIXES
from planstats.taxonomy import load_taxonomy, standard

SECTIONS = ("headline", "body")


FORMATS = ("csv", "jsonl", "parquet")


#: Column → dtype of the dataset contract, in order.
SCHEMA: dict[str, object] = {
    "doc": "category",
    "region": "category",
    "region_code": "string",
    "region_id": "string",
    "province": "category",
    "prefecture": "category",
    "region_match": pd.CategoricalDtype(places.MATCHES),
    "year": "Int64",
    "record": pd.CategoricalDtype(RECORDS),
    "section": pd.CategoricalDtype(SECTIONS, ordered=True),
    "metric": "category",
    "metric_text": "string",
    "kind": pd.CategoricalDtype(KINDS),
    "value": "float64",
    "value_high": "float64",
    "unit": "string",
    "qualifier": pd.CategoricalDtype(QUALIFIERS),
    "qualifier_text": "string",
    "verb": "string",
    "raw": "string",
    "start": "int64",
    "end": "int64",
    "doc_sha256": "string",
    "average_from": "Int64",
    "level": pd.CategoricalDtype(places.LEVELS, ordered=True),
    "value_std": "float64",
    "unit_std": "string",
}


COLUMNS = tuple(SCHEMA)


# columns found again from the others when a dataset of an earlier planstats lacks them
_DERIVED = ("level", "value_std", "unit_std")


# columns that a dataset of an earlier planstats lacks: read as empty
_ADDED = ("average_from",)


# ... or found again from its region and year (with no context: a name several units share is ambiguous)
PLACE_COLUMNS = ("region_code", "province", "prefecture", "region_match")


BUNDLED = DATA_DIR / "targets.csv"


#: The file of each year's rows in a dataset folder (year=2024/part-0.parquet)
PART = "part-0.parquet"


#: The index of the documents of a dataset folder (doc, path, sha256, rows, status, message, rules)
INDEX = "_documents.parquet"


_SUFFIXES = {".txt", ".docx", ".pdf", ".text", *HTML_SUFFIXES}


def _metric_dtype(metric: pd.Series) -> pd.CategoricalDtype:
    """The metric ids of the taxonomy, and any others that ``metric`` holds (a dataset built by
    another planstats, or with another taxonomy): those are kept, with a warning, never turned
    into missing values."""
    known = [m.id for m in load_taxonomy()]
    if isinstance(metric.dtype, pd.CategoricalDtype):
        held = metric.cat.remove_unused_categories().cat.categories
    else:
        held = metric.dropna().unique()
    unknown = sorted(set(held) - set(known))
    if unknown:
        shown = ", ".join(map(repr, unknown[:5])) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        warnings.warn(
            f"metric id(s) not in the taxonomy (data/metrics.csv): {shown}. Their rows keep them, with no label; "
            "rebuild the dataset with this planstats, or use the taxonomy it was built with.",
            PlanstatsWarning,
            stacklevel=4,
        )
    return pd.CategoricalDtype(known + unknown)


def empty() -> pd.DataFrame:
    """An empty frame with the contract's columns and dtypes.

    Examples
    --------
    >>> list(empty().columns)[:7]
    ['doc', 'region', 'region_code', 'region_id', 'province', 'prefecture', 'region_match']
    """
    return conform(pd.DataFrame({c: [] for c in COLUMNS}))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with the contract's column order and dtypes (a column that an
    earlier planstats did not write, ``average_from``, is added empty; ``region_id`` is found from the
    region's code, else its name)."""
    if any(c not in df.columns for c in _ADDED):
        df = df.assign(**{c: pd.NA for c in _ADDED if c not in df.columns})
    # (a dataset folder of an earlier planstats is read with them empty)
    older = any(c not in df.columns for c in PLACE_COLUMNS) or (len(df) and df["region_match"].isna().all())
    if older and {"region", "year"} <= set(df.columns):
        df = df.assign(**_place_columns(df["region"], df["year"]))
    elif "region_id" not in df.columns and {"region", "year", "region_code"} <= set(df.columns):
        df = df.assign(region_id=_region_ids(df))
    if any(c not in df.columns for c in _DERIVED) and set(SCHEMA) - set(_DERIVED) <= set(df.columns):
        df = df.assign(**_derived(df))
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {missing}; a planstats dataset has the columns {list(COLUMNS)}.")
    out = df.loc[:, list(COLUMNS) + [c for c in df.columns if c not in SCHEMA]].copy()
    for col, dtype in SCHEMA.items():
        if col == "metric":
            dtype = _metric_dtype(out[col])
        if col in ("metric_text", "qualifier_text", "verb", "unit", "raw", "unit_std"):
            out[col] = out[col].fillna("")
        if dtype == "string" and pd.api.types.is_float_dtype(out[col].dtype):  # codes that pd.read_csv read as numbers
            whole = out[col].dropna()
            if (whole == whole.round()).all():
                out[col] = out[col].astype("Int64")
        try:
            out[col] = out[col].astype(dtype)
        except (ValueError, TypeError) as err:
            raise SchemaError(f"column {col!r} cannot be read as {dtype}: {err}") from err
    return out


def _place_columns(region: pd.Series, year: pd.Series) -> dict[str, list]:
    """The place columns of the rows of a dataset written before planstats had them."""
    keys = list(
        zip(
            region.astype(object).where(region.notna(), None),
            year.astype(object).where(year.notna(), None),
            strict=False,
        )
    )
    found = {key: places.resolve(*key) for key in set(keys)}
    rows = [found[key] for key in keys]
    return {
        "region_code": [p.code for p in rows],
        "region_id": [p.region_id for p in rows],
        "province": [p.province for p in rows],
        "prefecture": [p.prefecture for p in rows],
        "region_match": [p.match for p in rows],
    }


def _derived(df: pd.DataFrame) -> dict[str, list]:
    """``level``, ``value_std`` and ``unit_std`` of the rows of a dataset written before planstats had them (each
    distinct region and year, metric, kind and unit worked out once)."""
    named = df["region_code"].astype(object).where(df["region_code"].notna(), df["region"].astype(object))
    keys = list(zip(named, df["year"].astype(object), strict=False))  # a code places a name several units share
    found = {key: places.level_of(places.resolve(*(None if pd.isna(k) else k for k in key)).level) for key in set(keys)}
    units = list(
        zip(df["metric"].astype(object), df["kind"].astype(object), df["unit"].fillna("").astype(str), strict=False)
    )
    std = {u: standard(1.0, u[2], None if pd.isna(u[0]) else u[0], str(u[1]))[1] for u in set(units)}
    size = {u: standard(1.0, u[2], None if pd.isna(u[0]) else u[0], str(u[1]))[0] for u in set(units)}
    value = df["value"].to_numpy(dtype="float64", na_value=np.nan)
    return {
        "level": [found[key] for key in keys],
        "value_std": list(value * np.array([size[u] for u in units], dtype="float64")),
        "unit_std": [std[u] for u in units],
    }


def _region_ids(df: pd.DataFrame) -> list[str | None]:
    """The ``region_id`` of the rows of a dataset written before planstats had it: that of the unit of its
    code in its year, else of its name (a functional area); none where neither is placed."""
    keys = list(
        zip(
            *(df[c].astype(object).where(df[c].notna(), None) for c in ("region_code", "region", "year")),
            strict=False,
        )
    )
    found = {}
    for code, name, year in set(keys):
        place = places.resolve(str(code) if code is not None else name, year)
        found[(code, name, year)] = place.region_id if code is not None or place.code is None else None
    return [found[key] for key in keys]


def _follows(df: pd.DataFrame) -> bool:
    """Whether ``df`` has the contract's columns first, in order, with its dtypes."""
    if list(df.columns[: len(COLUMNS)]) != list(COLUMNS) or df.columns.duplicated().any():
        return False
    for col, dtype in SCHEMA.items():
        have = df[col].dtype
        if dtype == "category":  # any categories (metric: any ids, see _metric_dtype)
            if not isinstance(have, pd.CategoricalDtype):
                return False
        elif have != (pd.api.types.pandas_dtype(dtype) if isinstance(dtype, str) else dtype):
            return False
    return True


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Check that ``df`` follows the dataset contract ([planstats.SCHEMA][]).

    A frame that holds the contract's values in other dtypes (plain strings for a category, as
    ``pd.read_csv`` gives them; ``str`` for ``string``; ``Int64`` for ``int64`` without missing values;
    columns in another order) is accepted and returned converted; what cannot be converted is an error.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of [planstats.load][] or ``planstats.extract``, or made or changed with pandas.

    Returns
    -------
    pandas.DataFrame
        ``df`` itself when it follows the contract, else a copy in the contract's column order and dtypes.

    Raises
    ------
    SchemaError
        Naming the column and the first offending row: a missing column, a value outside the allowed
        ones (a qualifier, kind, record …), a number that is not finite, a span that is not one.

    Examples
    --------
    >>> validate(empty()).shape
    (0, 27)
    >>> d = load()
    >>> validate(d.assign(raw=d["raw"].astype(str), start=d["start"].astype("Int64")))["start"].dtype
    dtype('int64')
    """
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(f"expected a pandas DataFrame, got {type(df).__name__}.")
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {missing}; load the data with planstats.load() or planstats.extract().")
    for col, dtype in SCHEMA.items():
        allowed = getattr(dtype, "categories", None)
        if allowed is not None:  # checked before any conversion: astype would make such a value missing
            extra = set(pd.Series(df[col]).dropna().unique()) - set(allowed)
            if extra:
                raise SchemaError(f"column {col!r} has values {sorted(map(str, extra))} outside {list(allowed)}.")
    if not _follows(df):
        df = conform(df)
    bad = df.index[~np.isfinite(df["value"].to_numpy(dtype=float))]
    if len(bad):
        raise SchemaError(f"column 'value' must be finite; row {bad[0]!r} is {df.loc[bad[0], 'value']!r}.")
    bad = df.index[(df["start"] < 0) | (df["end"] <= df["start"])]
    if len(bad):
        raise SchemaError(
            f"row {bad[0]!r}: start/end ({df.loc[bad[0], 'start']}, {df.loc[bad[0], 'end']}) is not a span."
        )
    return df


# ---------------------------------------------------------------------------------------
# reading and writing


def _format(path: Path, fmt: str | None) -> str:
    fmt = fmt or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ArgumentError(
            f"The value for `format` must be one of {list(FORMATS)}, but {fmt!r} was passed (file {path})."
        )
    return fmt


def write(df: pd.DataFrame, path: str | os.PathLike, *, format: str | None = None, encoding: str = "utf-8") -> Path:
    """Write a dataset atomically (a temporary file renamed into place), as csv, jsonl, parquet
    or (``.dta``) Stata. ``encoding="utf-8-sig"`` writes a CSV that Excel opens as UTF-8.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset; compatible dtypes are converted (see ``validate``).
    path : str or os.PathLike
        The file: .csv, .jsonl, .parquet or .dta.
    format : {'csv', 'jsonl', 'parquet', 'stata'}, optional
        The format, whatever the suffix.
    encoding : {'utf-8', 'utf-8-sig'}
        Of a CSV; ``'utf-8-sig'`` for Excel.

    Returns
    -------
    pathlib.Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> write(load(), tempfile.mkdtemp() + "/targets.dta").suffix
    '.dta'
    """
    path = Path(path)
    if (format or path.suffix.lower().lstrip(".")) in ("dta", "stata"):
        stata = validate(df)
        return atomic_write(path, lambda tmp: write_stata(stata, tmp))
    fmt = _format(path, format)
    if encoding not in ("utf-8", "utf-8-sig"):
        raise ArgumentError(
            f"The value for `encoding` must be 'utf-8' or 'utf-8-sig' (for Excel), but {encoding!r} was passed."
        )
    plain = validate(df).copy()
    plain.attrs = {}
    if fmt == "csv":
        return atomic_write(path, lambda tmp: write_csv(plain, tmp, encoding=encoding))
    if fmt == "jsonl":
        return atomic_write(path, lambda tmp: plain.to_json(tmp, orient="records", lines=True, force_ascii=False))
    return atomic_write(path, lambda tmp: _write_parquet(plain, tmp))


def _write_parquet(df: pd.DataFrame, path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **provenance()}), path)


def rule_files() -> list[tuple[str, Path]]:
    """The files the rules fingerprint covers, each with its name in the fingerprint: every module of
    planstats (by its path in the package: ``grammar/words.py``) and the rule files."""
    package = Path(__file__).parent
    rules = [p for p in (*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.parquet")) if p != BUNDLED]  # the region tables too
    code = [(p.relative_to(package).as_posix(), p) for p in sorted(package.rglob("*.py"))]
    return code + [(p.name, p) for p in sorted(rules)]


@functools.lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of what extraction depends on: the code of planstats (its subpackages too) and its rule
    files (``data/*.csv`` but the bundled dataset, and the national region table). A rebuild extracts
    again every document that was extracted by other rules (an older planstats, an alias added to
    ``metrics.csv``)."""
    digest = hashlib.sha256()
    for name, path in rule_files():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def provenance() -> dict[bytes, bytes]:
    """What a written Parquet file or dataset folder records of the planstats that wrote it:
    its version and the fingerprint of its rules (read back as ``df.attrs["built_with"]``)."""
    from planstats import __version__

    return {b"planstats_version": __version__.encode(), b"planstats_rules": rules_fingerprint().encode()}


def _built_with(path: Path) -> dict[str, str]:
    """The version and rules recorded in a Parquet file (``{}`` for one an older planstats wrote)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError):
        return {}
    return {k.decode().removeprefix("planstats_"): v.decode() for k, v in meta.items() if k.startswith(b"planstats_")}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike, write_to: Callable[[str], object]) -> Path:
    """Call ``write_to(tmp)`` on a temporary file beside ``path``, then rename it into place:
    a reader sees the old file or the new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write_to(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result gets the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


#: How a dataset is stored in Parquet: categoricals as plain strings (every batch of a streamed
#: build has the same schema), the year as the partition of a dataset folder.
ARROW_FIELDS = {
    **{c: "string" for c in COLUMNS},
    "year": "int64",
    "value": "float64",
    "value_high": "float64",
    "start": "int64",
    "end": "int64",
    "average_from": "int64",
    "value_std": "float64",
}


#: Beside a dataset folder while a build replaces it: the previous dataset, until the new one is in place.
PREVIOUS = ".{}.previous"


def arrow_schema(*, partitioned: bool):
    """The Arrow schema of stored rows; a partitioned folder keeps the year in its paths."""
    import pyarrow as pa

    return pa.schema([(c, t) for c, t in ARROW_FIELDS.items() if not (partitioned and c == "year")])


def recover(path: Path, *, clean: bool = False) -> Path:
    """Undo what a stopped build left of a dataset folder: stopped between moving the previous
    folder aside and moving the new one in, the previous one is put back; stopped while it
    removed the previous folder after the new one was in (``clean=True``, which a build that
    holds the dataset's lock asks for), what is left of it is removed, so that the next build
    can move its own aside. Returns ``path``."""
    previous = path.parent / PREVIOUS.format(path.name)
    if not path.exists() and previous.is_dir():
        os.replace(previous, path)
    elif clean and previous.exists():
        shutil.rmtree(previous) if previous.is_dir() and not previous.is_symlink() else previous.unlink()
    return path


_LOAD_WAIT = 30.0  # seconds load() waits for a build to finish its commit


def _put_back(path: Path) -> Path:
    """The folder to read for the dataset ``path``: a dataset that a stopped build left aside is put
    back (:func:`recover`) under the dataset's lock, so that a build that is between the two renames
    of its commit is waited for rather than undone; in a folder that cannot be written (read-only
    media), the copy left aside is read where it is."""
    previous = path.parent / PREVIOUS.format(path.name)
    if path.exists() or not previous.is_dir():
        return path
    try:
        with dataset_lock(path, wait=_LOAD_WAIT):
            return recover(path)
    except OutputError as err:
        raise OutputError(
            f"{path}: a build is writing this dataset and has not finished moving it into place; load it again "
            f"when the build is done ({err})."
        ) from None
    except OSError:  # no lock can be made here: nothing can be put back either
        return previous


def region_names() -> dict[str, str]:
    """Every name a region may be called by (its name, aliases, English name) → its name.

    Examples
    --------
    >>> region_names()["Xixian New Area"], region_names()["陕西西咸新区"]
    ('西咸新区', '西咸新区')
    """
    return {**places.english_names(), **places.aliases()}


def _listed(value) -> list | None:
    if value is None:
        return None
    return [value] if isinstance(value, (str, int)) else list(value)


def load(
    path: str | os.PathLike | None = None,
    *,
    format: str | None = None,
    regions: str | int | Iterable[str | int] | None = None,
    years: int | Iterable[int] | None = None,
    metrics: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Load a dataset written by planstats; by default the bundled dataset of the sample corpus.

    ``path`` is a file (.csv, .jsonl, .parquet) or a dataset folder written by
    [planstats.build][] (Parquet, partitioned by year). ``regions``, ``years`` and
    ``metrics`` keep only those rows (``regions``: names, aliases, English names or six-digit
    codes; a name that one unit has finds it however a document wrote it, 未央区 and
    西安市未央区); on a dataset folder they are pushed down to pyarrow,
    so only the matching partitions and row groups are read.

    Parameters
    ----------
    path : str or os.PathLike, optional
        A file (.csv, .jsonl, .parquet) or a dataset folder; default: the bundled dataset of the sample corpus.
    format : {'csv', 'jsonl', 'parquet'}, optional
        The format of a file, whatever its suffix.
    regions : str, int or iterable of them, optional
        Only these regions: names or six-digit codes.
    years : int or iterable of int, optional
        Only these years.
    metrics : str or iterable of str, optional
        Only these metric ids.

    Returns
    -------
    pandas.DataFrame
        The dataset, in the contract (``SCHEMA``).

    Examples
    --------
    >>> df = load()
    >>> headline = df[(df.region == "西咸新区") & (df.year == 2022) & (df.section == "headline")]
    >>> headline.loc[headline.metric == "gdp_growth", "value"].item()
    12.0
    >>> load(years=2023, metrics="gdp_growth")[["region", "value", "raw"]].values.tolist()
    [['西咸新区', 20.0, 'GDP增长20%以上']]
    """
    path = _put_back(Path(path)) if path is not None else BUNDLED
    wanted = {
        **_region_filter(regions),
        "year": _checks.plan_years(years),
        "metric": _checks.names(metrics, "metrics"),
    }
    if not path.exists():
        hint = " Run `make data` to build it." if path == BUNDLED else ""
        raise DocumentError(f"{path}: no such dataset.{hint}")
    if path.is_dir():
        df = validate(conform(_read_folder(path, wanted)))
        df.attrs["paths"] = _document_paths(path)
        parts = sorted(path.glob(f"year=*/{PART}"))
        df.attrs["built_with"] = _built_with(parts[0]) if parts else {}
        return df
    fmt = _format(path, format)
    try:
        if fmt == "csv":
            empty_is_na = (
                "metric",
                "value_high",
                "year",
                "region",
                "average_from",
                "level",
                "value_std",
                "region_id",
                *PLACE_COLUMNS,
            )
            df = pd.read_csv(
                path,
                dtype={
                    c: "string"
                    for c in (
                        "metric_text",
                        "qualifier_text",
                        "verb",
                        "raw",
                        "unit",
                        "region_code",
                        "unit_std",
                        "region_id",
                    )
                },
                keep_default_na=False,
                na_values=dict.fromkeys(empty_is_na, [""]),
            )
            df = _unescape(df)
        elif fmt == "jsonl":
            df = pd.read_json(path, orient="records", lines=True, dtype=False)
        else:
            filters = [(c, "in", v) for c, v in wanted.items() if v is not None and c in ("year", "metric")]
            df = pd.read_parquet(path, filters=filters or None)
    except (ValueError, OSError) as err:
        raise DataFileError(f"{path}: cannot be read as {fmt} ({err}).") from err
    df = conform(df.reset_index(drop=True))
    keep = np.ones(len(df), dtype=bool)
    if wanted["region"] is not None:
        keep &= (df["region"].isin(wanted["region"]) | df["region_code"].isin(wanted["region_code"])).to_numpy(
            dtype=bool
        )
    for col in ("year", "metric"):
        if wanted[col] is not None:
            keep &= df[col].isin(wanted[col]).to_numpy(dtype=bool)
    df = validate(df[keep].reset_index(drop=True))
    if fmt == "parquet":
        df.attrs["built_with"] = _built_with(path)
    return df


def _region_filter(regions: str | int | Iterable[str | int] | None) -> dict[str, list | None]:
    """The regions to keep, as names (an alias or English name stands for its region's name) and
    as codes (a six-digit code; the code of a name that one unit has, so that 未央区 also finds
    西安市未央区)."""
    if regions is None:
        return {"region": None, "region_code": None}
    names, codes = [], []
    for value in map(str, _listed(regions) or []):
        if re.fullmatch(r"\d{6}", value):
            codes.append(value)
            continue
        names.append(region_names().get(value, value))
        found = places.resolve(names[-1])
        if found.code and found.match in ("exact", "unique"):
            codes.append(found.code)
    return {"region": names, "region_code": codes}


class Shared(dict):
    """A value kept in ``attrs`` that pandas shares between derived frames rather than copying or
    comparing (it is never changed): ``attrs["paths"]`` of a dataset, where each document was
    when it was built (doc → path: its manifest beside it, for :func:`planstats.cite`);
    ``attrs["dataset"]`` of a table, the dataset it was made from; ``attrs["rejects"]``.
    An empty dict to JSON, so that ``df.to_parquet``, which writes ``attrs``, stores nothing of it."""

    def __init__(self, value: object):
        super().__init__()
        self.value = value

    def __deepcopy__(self, memo) -> Shared:
        return self

    def __eq__(self, other) -> bool:  # pd.concat compares attrs
        return self is other

    def __bool__(self) -> bool:
        return True

    __hash__ = object.__hash__  # type: ignore[assignment]  # held in attrs, compared by identity


def _document_paths(folder: Path) -> Shared:
    """Where each document of a dataset folder was when it was built."""
    try:
        index = pd.read_parquet(folder / INDEX, columns=["doc", "path"])
    except (OSError, ValueError):  # an index of an older planstats, or none: no paths
        return Shared({})
    return Shared(dict(zip(index["doc"].astype(str), index["path"].astype(str), strict=False)))


def _read_folder(path: Path, wanted: dict[str, list | None]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.dataset as pads

    partitioning = pads.partitioning(pa.schema([("year", pa.int64())]), flavor="hive")
    # the files a build writes, one a year (year=2024/part-0.parquet): not a stray copy of one beside them
    parts = sorted(path.glob(f"year=*/{PART}"))
    strays = sorted(p for p in path.rglob("*.parquet") if p.parent != path and p.name != PART)
    if strays:
        warnings.warn(
            f"{path}: {len(strays)} file(s) in the dataset folder are no part a build wrote and were not read: "
            f"{', '.join(str(p.relative_to(path)) for p in strays[:5])}{' …' if len(strays) > 5 else ''}.",
            PlanstatsWarning,
            stacklevel=3,
        )
    try:
        data = pads.dataset(
            [str(p) for p in parts],
            format="parquet",
            partitioning=partitioning,
            partition_base_dir=str(path),
            schema=arrow_schema(partitioned=False),
        )
        expression = None
        if wanted["region"] is not None:
            expression = pads.field("region").isin(pa.array(wanted["region"], pa.string()))
            if wanted["region_code"]:
                expression = expression | pads.field("region_code").isin(pa.array(wanted["region_code"], pa.string()))
        for col in ("year", "metric"):
            if wanted[col] is not None:
                term = pads.field(col).isin(wanted[col])
                expression = term if expression is None else expression & term
        table = data.to_table(filter=expression)
    except (pa.ArrowException, OSError) as err:
        raise DataFileError(f"{path}: cannot be read as a planstats dataset folder ({err}).") from err
    df = table.to_pandas()
    order = [c for c in COLUMNS]
    return df.loc[:, order].sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
