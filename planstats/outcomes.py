"""Targets against outcomes: actual values read from a table or from the results the plans
report, and whether each target was met (attainment). The rules of :mod:`planstats.analysis` hold
here too."""

from __future__ import annotations

import difflib
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from planstats import _checks
from planstats._data import read_rows
from planstats.cells import (
    _KEY,
    RATE_KINDS,
    _dataset,
    _labels_of_names,
    _metric_ids,
    _option,
    _resolve,
    _tell_choices,
    convert,
    hardness,
)
from planstats.errors import ArgumentError, DataFileError, PlanstatsWarning
from planstats.taxonomy import load_taxonomy

# ---------------------------------------------------------------------------------------
# attainment

ACTUALS_COLUMNS = ("region", "year", "metric", "value")

_APPROX_TOLD: list[bool] = []  # the warning of a reading no one chose is given once a session


#: The years that an outcome may be of: from the founding of the People's Republic to 2100.
ACTUALS_YEARS = (1949, 2100)


# a number whose comma is no separator of thousands (9,3; 12,75): a decimal comma
_DECIMAL_COMMA = re.compile(r"-?\d+,(?!\d{3}(?:[,.]|$))\d+(?:,\d+)*")


def _number(value) -> float:
    """A number of a cell: 1,234.5 (commas apart thousands) → 1234.5."""
    text = str(value).strip()
    if "," in text and not re.fullmatch(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        raise ValueError(text)
    return float(text.replace(",", ""))


def read_actuals(actuals: str | os.PathLike | pd.DataFrame) -> pd.DataFrame:
    """Read and check realized outcomes: columns region, year, metric, value (and ``unit``).

    Errors name the line (of the file, counting the header as line 1) and the column.

    Parameters
    ----------
    actuals : str, os.PathLike or pandas.DataFrame
        A CSV file or a frame with columns region, year, metric, value (and optionally unit).

    Returns
    -------
    pandas.DataFrame
        The outcomes, checked: one row per region, year and metric.

    Examples
    --------
    >>> read_actuals(pd.DataFrame({"region": ["西咸新区"], "year": [2022], "metric": ["gdp_growth"], "value": [9.3]}))
      region  year      metric  value unit
    0   西咸新区  2022  gdp_growth    9.3
    """
    if isinstance(actuals, pd.DataFrame):
        raw, where, first = actuals.reset_index(drop=True).astype(object), "actuals", 0
        label = lambda i: f"row {i}"  # noqa: E731
    else:
        path = Path(actuals)
        rows = read_rows(path.name, ACTUALS_COLUMNS, path, kind="actuals file")
        raw, where, first = (
            pd.DataFrame(rows, columns=list(dict.fromkeys([*ACTUALS_COLUMNS, *(rows[0] if rows else [])]))),
            str(path),
            2,
        )
        label = lambda i: f"line {i + first}"  # noqa: E731
    missing = [c for c in ACTUALS_COLUMNS if c not in raw.columns]
    if missing:
        raise DataFileError(
            f"{where}: missing column(s) {missing}; actuals need the columns {list(ACTUALS_COLUMNS)} (and optionally "
            "unit)."
        )
    out = pd.DataFrame(
        {"region": raw["region"].astype(str).str.strip(), "metric": raw["metric"].astype(str).str.strip()}
    )
    for col in ("year", "value"):
        out[col] = [_cell(col, v, f"{where}, {label(i)}") for i, v in enumerate(raw[col])]
    ids = {m.id for m in load_taxonomy()}
    for i, (region, metric) in enumerate(zip(out["region"], out["metric"], strict=False)):
        if not region or region == "nan":
            raise DataFileError(f"{where}, {label(i)}, column 'region': empty region.")
        if metric not in ids:
            close = difflib.get_close_matches(metric, ids, n=3, cutoff=0.5)
            hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
            raise DataFileError(f"{where}, {label(i)}, column 'metric': unknown metric id {metric!r}.{hint}")
    dup = out.duplicated(["region", "year", "metric"], keep=False)
    if dup.any():
        i, j = np.flatnonzero(dup)[:2]
        raise DataFileError(
            f"{where}, {label(j)}: duplicate of {label(i)} (same region, year and metric); keep one of them."
        )
    out["unit"] = raw["unit"].fillna("").astype(str).str.strip() if "unit" in raw.columns else ""
    out["year"] = out["year"].astype("int64")
    return out[["region", "year", "metric", "value", "unit"]]


def _cell(col: str, v: object, where: str) -> float | int:
    """The year or the value of a row of actuals (``where``: the file and line), or a DataFileError."""
    if col == "value" and _DECIMAL_COMMA.fullmatch(str(v).strip()):
        raise DataFileError(
            f"{where}, column 'value': {v!r} has a decimal comma; write it with a point "
            f"({str(v).strip().replace(',', '.')}), "
            "as a comma is read as a separator of thousands (1,234.5)."
        )
    try:  # Python reads 9_3 as 93 and 2_024 as 2024: no spreadsheet means that
        x = None if "_" in str(v) else int(str(v).strip()) if col == "year" else _number(v)
    except (TypeError, ValueError):
        x = None
    if x is None or (col == "value" and not np.isfinite(x)):
        raise DataFileError(f"{where}, column {col!r}: {v!r} is not a {'year' if col == 'year' else 'number'}.")
    if col == "year" and not ACTUALS_YEARS[0] <= x <= ACTUALS_YEARS[1]:
        raise DataFileError(
            f"{where}, column 'year': {x} is not a plan year ({ACTUALS_YEARS[0]} to {ACTUALS_YEARS[1]})."
        )
    return x


EXACT_AS = ("at_least", "approx")


#: How an approximate target (左右) is read by :func:`attainment`
APPROX_AS = ("band", "floor")


def attainment(
    df: pd.DataFrame,
    actuals: str | os.PathLike | pd.DataFrame | None = None,
    *,
    metrics: str | Iterable[str] | None = None,
    tolerance: float = 0.5,
    level_tolerance: float = 0.05,
    exact_as: str = "at_least",
    approx_as: str | None = None,
    words: Mapping[str, str] | None = None,
    range_as: str = "mid",
) -> pd.DataFrame:
    """Targets against realized outcomes: ``actual``, ``gap`` (actual − target) and ``met``.

    Each target has beside its ``value`` its ``low`` and ``high`` bound and its ``qualifier`` (the
    rule of ``compare``: a range 8–10 has low 8 and high 10 and counts by ``range_as``; ≥6 has no
    high, ≤6 no low). Where a region, year and metric has targets, or reported results, of
    different values, one is taken by the rule of preference (headline before body, the report's
    own sentence before a restatement, the fuller qualifier, then the first document) and a
    warning says so: ``chosen_by`` and ``others`` (of the target), ``actual_source``,
    ``actual_conflict`` and ``actual_others`` (of the outcome) say which was taken and list the rest.

    ``actuals`` is a CSV file or a DataFrame with columns region, year, metric, value (and
    optionally unit, else the target's unit); by default the results that the plans
    themselves report (rows with ``record == "result"``: a 2023 plan's "2022年…增长9.3%").
    The qualifier decides what met means:

    - ``at_least``: actual ≥ target; ``at_most``: actual ≤ target; ``range``: inside it;
    - ``approx`` (左右) as ``approx_as``: ``"band"``, within ``tolerance`` percentage points
      of the target for rates, within ``level_tolerance`` (a fraction of the target) for
      levels, so that ≈6 is not met by 7.5; or ``"floor"``, at least the target less that
      tolerance, so that ≈6 is met by 7.5. Researchers read 左右 both ways: with approximate
      targets and no choice made, the band is used and a warning says so, once a session;
    - ``exact`` (a figure with no qualifying word) as ``exact_as``: a floor by default,
      as targets are commonly read, or ``"approx"``;
    - a decrease (下降3%以上, stored as −3) is met by a fall at least as large (actual ≤ −3).

    Targets without an actual are listed with ``actual`` and ``met`` missing.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    actuals : str, os.PathLike or pandas.DataFrame, optional
        Outcomes: a CSV file or a frame with columns region, year, metric, value (and optionally unit); default:
        the results the plans report.
    metrics : str or iterable of str, optional
        Metric ids (``ps.metrics()``); default: every metric.
    tolerance : float
        For approximate targets of rates: the band, in percentage points.
    level_tolerance : float
        For approximate targets of levels: the band, as a fraction of the target.
    exact_as : {'at_least', 'approx'}
        How a target with no qualifying word is read.
    approx_as : {'band', 'floor'}, optional
        How 左右 is read; default: band, with a warning once a session.
    words : mapping of str to str, optional
        Qualifying words read as 'hard' or 'soft' (see ``hardness``).
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end (``met`` of a range is inside it).

    Returns
    -------
    pandas.DataFrame
        The targets with ``actual``, ``gap`` (actual − target) and ``met`` (missing where no actual is known).

    Examples
    --------
    >>> import planstats as ps
    >>> actual = pd.DataFrame({"region": ["西咸新区"], "year": [2022], "metric": ["gdp_growth"], "value": [11.6]})
    >>> a = ps.attainment(ps.load(), actual, metrics="gdp_growth", approx_as="band")
    >>> a.loc[a.region == "西咸新区", ["year", "value", "qualifier", "actual", "gap", "met"]].round(1).values.tolist()
    [[2022, 12.0, 'approx', 11.6, -0.4, True], [2023, 20.0, 'at_least', nan, nan, <NA>]]
    """
    _option(exact_as, EXACT_AS, "exact_as")
    chosen = approx_as is not None
    approx_as = _option(approx_as, APPROX_AS, "approx_as") if approx_as is not None else "band"
    if tolerance < 0 or level_tolerance < 0:
        raise ArgumentError(
            f"`tolerance` and `level_tolerance` must not be negative, but {tolerance!r}, {level_tolerance!r} were "
            "passed."
        )
    df = _dataset(df)
    ids = (
        _metric_ids(metrics, "metrics")
        if metrics is not None
        else list(dict.fromkeys(df["metric"].dropna().astype(str)))
    )
    cells = _resolve(df, ids, range_as=range_as)
    cells["hardness"] = hardness(cells, words=words)
    found = _outcomes(df, ids, actuals).rename(columns={"value": "actual", "unit": "actual_unit"})
    _tell_choices(cells, "attainment")
    _tell_choices(
        found.rename(
            columns={"actual_conflict": "conflict", "actual_others": "others", "actual_chosen_by": "chosen_by"}
        ).assign(raw=found["actual_source"].str.split(": ", n=1).str[-1]),
        "attainment",
        "reported results",
        "its columns actual_source, actual_conflict and actual_others say which and list the rest",
    )
    out = cells.merge(found.astype({"year": "Int64"}), on=_KEY, how="left")
    out["actual"] = [
        a if (not isinstance(au, str) or not au or au == u or np.isnan(a)) else convert(a, au, u)
        for a, au, u in zip(out["actual"], out["actual_unit"], out["unit"], strict=False)
    ]
    out["actual"] = out["actual"].astype("float64")
    met = _met(out, tolerance, level_tolerance, exact_as, approx_as)
    if not chosen and not _APPROX_TOLD and ((out["qualifier"] == "approx") & out["actual"].notna()).any():
        _APPROX_TOLD.append(True)
        warnings.warn(
            "attainment: approximate targets (左右) are read as a band: ≈6 is met by an outcome within "
            f"{tolerance:g} percentage points (rates) or {level_tolerance:.0%} (levels), and not by 7.5. Pass "
            "approx_as='floor' "
            "to read them as floors, or approx_as='band' to keep this reading; this warning is given once a session.",
            PlanstatsWarning,
            stacklevel=2,
        )
    out["gap"] = out["actual"] - out["value"]
    out["met"] = pd.array(met, dtype="boolean")
    out.loc[out["actual"].isna(), "met"] = pd.NA  # no outcome: neither met nor missed
    out["actual_conflict"] = out["actual_conflict"].astype("boolean")
    out = out[list(ATTAINMENT_COLUMNS)].sort_values(_KEY).reset_index(drop=True)
    out.attrs["range_as"] = range_as  # what a table of it states in its legend
    return out


#: The columns of :func:`attainment`, in order.
ATTAINMENT_COLUMNS = (
    "region",
    "year",
    "metric",
    "kind",
    "unit",
    "value",
    "low",
    "high",
    "qualifier",
    "hardness",
    "actual",
    "gap",
    "met",
    "is_range",
    "conflict",
    "chosen_by",
    "others",
    "doc",
    "raw",
    "actual_source",
    "actual_conflict",
    "actual_others",
    "level",
)


def _outcomes(df: pd.DataFrame, ids: list[str], actuals: str | os.PathLike | pd.DataFrame | None) -> pd.DataFrame:
    """The outcomes to hold the targets against (region, year, metric, value, unit, actual_source): those
    of ``actuals``, or the results the plans report."""
    if actuals is None:
        columns = ["region", "year", "metric", "value", "unit", "doc", "raw", "conflict", "chosen_by", "others"]
        found = _resolve(df, ids, record="result")[columns]
        found["actual_source"] = found["doc"].astype(str) + ": " + found["raw"].astype(str)
        found = found.rename(
            columns={"conflict": "actual_conflict", "others": "actual_others", "chosen_by": "actual_chosen_by"}
        )
        return found.drop(columns=["doc", "raw"])
    found = read_actuals(actuals)
    found["actual_source"] = str(actuals) if not isinstance(actuals, pd.DataFrame) else "actuals"
    found["actual_conflict"], found["actual_others"], found["actual_chosen_by"] = False, "", ""  # one a cell
    of = _labels_of_names(df)  # a unit's outcome meets its targets however the two name it (西安市未央区, 未央区)
    found["region"] = [of[r][0] if len(of.get(r, ())) == 1 else r for r in found["region"]]
    labels = {n for names in of.values() for n in names}
    unnamed = sorted(set(found["region"]) - set(df["region"].dropna().astype(str)) - labels)
    if unnamed:
        warnings.warn(
            f"{found['actual_source'].iloc[0]}: {len(unnamed)} region(s) of the actuals are named by no document "
            "of the dataset, "
            f"so their outcomes meet no target: {', '.join(unnamed[:10])}{' …' if len(unnamed) > 10 else ''}. "
            "Check their spelling.",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    return found


def _met(out: pd.DataFrame, tolerance: float, level_tolerance: float, exact_as: str, approx_as: str) -> np.ndarray:
    """Whether each target of ``out`` (with its ``actual``) is met, as :func:`attainment` says."""
    sign = np.where(out["decrease"], -1.0, 1.0)  # a decrease: compare the size of the fall
    a, v, lo, hi = out["actual"] * sign, out["value"] * sign, out["low"] * sign, out["high"] * sign
    lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
    tol = np.where(out["kind"].isin(RATE_KINDS), tolerance, level_tolerance * v.abs()) + 1e-9
    qualifier = out["qualifier"].astype(object).replace({"exact": exact_as})
    approx = (a - v).abs() <= tol if approx_as == "band" else a >= v - tol
    return np.select(
        [qualifier == "at_least", qualifier == "at_most", qualifier == "range", qualifier == "approx"],
        [a >= v - 1e-9, a <= v + 1e-9, (a >= lo - 1e-9) & (a <= hi + 1e-9), approx],
        default=False,
    )
