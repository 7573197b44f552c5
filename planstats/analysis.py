"""What researchers compute from the targets: comparisons, changes, ranks (and, by the same rules,
:mod:`planstats.plans`: amplification, annual against five-year targets, coverage;
:mod:`planstats.outcomes`: actuals and attainment).

Every function takes the tidy frame first, checks its arguments, never changes its input
and returns a new pandas object. They share one set of rules, stated here once (and applied by :mod:`planstats.cells`):

**One value per region, year and metric.** Only rows with ``record == "target"`` are
targets (a stretch target, ``record == "stretch"``, the 7% of 增长6%左右，力争7%, is not).
When a region, year and metric has several targets (the headline figure and its
restatement in the body, or two different figures), one is taken by the rule of preference
(:data:`planstats.cells.PREFERENCE`): headline before body, the report's own sentence
before a restatement (a result of 2022 in the plan of 2023, not in a later one), the fuller
qualifier (≈6 before 6), then the first document and the first in it. If the others state a
different value, or the same with another qualifier, the cell is marked ``conflict``,
``chosen_by`` names the rule that decided and ``others`` lists the rest; :func:`compare` and
:func:`~planstats.outcomes.attainment` warn with the choice, and :func:`conflicts` lists
every target behind it.

**Units.** Values of a metric are converted, exactly, to its canonical unit (``unit`` of
``data/metrics.csv``; else the most common one) within a family whose units have a ``factor``
in ``data/units.csv``: 万元 and 亿元, 人 and 万人, 万吨 and 亿斤, 亩 and 公顷; units that cannot
be converted (美元 and 元) and targets of another kind (a level next to a growth rate) are
never mixed: they are left out with a :class:`PlanstatsWarning` that says how many and how to
select them (``kind=``), and a table lists them and what it converted in its legend.

**Ranges and bounds.** A range (8%-10%) counts by its midpoint (``range_as="low"`` or
``"high"`` to choose) and is flagged (``is_range``); ≥6, ≤6 and ≈6 count by the number stated.
``low`` and ``high`` are the bounds a target sets: 8 and 10 for the range, 6 and none for
≥6, none and 6 for ≤6, 6 and 6 for ≈6 and 6 (a decrease stated as a fall, 下降3%以上 = −3,
bounds the other side). Every table's legend and chart's note state the reading.

**Changes.** Growth rates, shares and percentage-point targets change in percentage points
(``change_unit == "pp"``); levels (家, 亿元, 人) change in their unit and in percent.

**Hardness.** :func:`hardness` reads the qualifying words: 确保, 以上, 不低于 … are hard,
左右, 力争 … soft (``data/qualifiers.csv``); the caller can override any word.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from planstats import _checks
from planstats.cells import (
    RATE_KINDS,
    _metric_ids,
    _packed,
    _region_names,
    _resolve,
    _tell_choices,
)
from planstats.dataset import Shared

# ---------------------------------------------------------------------------------------
# tables


class Cells(Shared):
    """The resolved targets behind a table (:func:`targets` rows), kept in ``table.attrs``.

    pandas copies ``attrs`` into every frame derived from a table; this holder is shared
    instead of copied (it is never changed), so that slicing a large table stays cheap.
    """

    def __init__(self, frame: pd.DataFrame, row: str, col: str | list[str]):
        super().__init__(frame)
        self.frame, self.row, self.col = frame, row, col

    def lookup(self) -> dict:
        """``{(row label, column label): cell}`` for rendering a table."""
        f = self.frame
        cols = zip(*(f[c] for c in self.col), strict=False) if isinstance(self.col, list) else f[self.col]
        return dict(zip(zip(f[self.row], cols, strict=False), f.to_dict("records"), strict=False))


def _attach(
    table: pd.DataFrame, cells: pd.DataFrame, row: str, col: str | list[str], result: str, range_as: str = "mid"
) -> pd.DataFrame:
    """Keep the resolved targets behind the table with it (``attrs["planstats"]``), and the choices made: the reading
    of ranges (``range_as``), the levels of its regions, what was left out."""
    units = cells.drop_duplicates("metric")
    table.attrs["planstats"] = {
        "result": result,
        "cells": Cells(cells, row, col),
        "units": dict(zip(units["metric"], units["unit"], strict=False)),
        "kinds": dict(zip(units["metric"], units["kind"], strict=False)),
        "range_as": range_as,
        # shared by the frames derived from the table, never copied (as ``cells``)
        "levels": Shared(dict(zip(cells["region"].astype(object), cells["level"].astype(object), strict=False))),
        "left_out": cells.attrs.get("left_out", Shared(())),
        "converted": cells.attrs.get("converted", Shared(())),
    }
    table.attrs["dataset"] = cells.attrs.get("dataset")
    return table


@_checks.renamed(metric="metrics")
def compare(
    df: pd.DataFrame,
    metrics: str | Iterable[str],
    year: int | None = None,
    *,
    regions: str | Iterable[str] | None = None,
    range_as: str = "mid",
    kind: str | None = None,
    bounds: bool = False,
) -> pd.DataFrame:
    """Targets side by side: region x year for one metric, region x metric for one year.

    Values are numbers (a range by its midpoint, see ``range_as``; ≥6, ≤6 and ≈6 by the
    number stated, 6), one per cell by the rule of preference (headline before body, the
    report's own sentence before a restatement, the fuller qualifier, then the first
    document): where the targets of a cell differ a warning says which was taken and
    lists the others (``targets`` keeps them in ``chosen_by``, ``others``); the qualifier and the source
    of each cell travel with the table ([planstats.formatted][] shows "≥20",
    [planstats.table][] cites the sources and states the reading in its legend). With
    ``bounds=True`` each value has beside it its ``low`` and ``high`` bound and its
    ``qualifier`` (an innermost level of columns, ``field``): a range 8–10 has low 8 and
    high 10, a floor ≥6 low 6 and no high (missing), a ceiling ≤6 high 6 and no low, ≈6
    and 6 low and high 6. With several metrics and no year, the columns are (metric, year).

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metrics : str or iterable of str
        One metric id, or several (then give ``year``).
    year : int, optional
        One plan year: regions x metrics; default: regions x years.
    regions : str or iterable of str, optional
        Only these regions (names as in the dataset).
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).
    bounds : bool
        Beside each value its ``low`` and ``high`` bound and its ``qualifier`` (columns of an innermost level
        ``field``).

    Returns
    -------
    pandas.DataFrame
        Regions by years (or by metrics), one number a cell (or, with ``bounds``, value, low, high and qualifier);
        the qualifier and source of each cell travel with it (``formatted``, ``table``).

    Examples
    --------
    >>> import planstats as ps
    >>> df = ps.load()
    >>> ps.compare(df, "gdp_growth").loc["西咸新区", [2022, 2023]].tolist()
    [12.0, 20.0]
    >>> ps.compare(df, ["gdp_growth", "new_high_tech_enterprises"], year=2023).loc["西咸新区"].tolist()
    [20.0, 650.0]
    >>> ps.compare(df, "gdp_growth", bounds=True).loc["XX新城", 2024]
    field
    value          9.0
    low            8.0
    high          10.0
    qualifier    range
    Name: XX新城, dtype: object
    """
    ids = _metric_ids(metrics, "metrics")
    year = _checks.plan_year(year)
    cells = _resolve(df, ids, range_as=range_as, kind=kind)
    if year is not None:
        cells = cells[cells["year"] == year]
    wanted = _region_names(regions, df)
    if wanted is not None:
        cells = cells[cells["region"].isin(wanted)]
    _tell_choices(cells, "compare")
    if isinstance(metrics, str):
        col: str | list[str] = "year"
        table = cells.pivot(index="region", columns="year", values="value")
        if year is not None and year not in table.columns:
            table[year] = np.nan
    elif year is not None:
        col = "metric"
        table = cells.pivot(index="region", columns="metric", values="value").reindex(columns=ids)
    else:
        col = ["metric", "year"]
        table = cells.pivot(index="region", columns=["metric", "year"], values="value")
        table = table.reindex(columns=sorted(table.columns, key=lambda c: (ids.index(c[0]), c[1])))
    if wanted is not None:
        table = table.reindex(index=[r for r in wanted if r in table.index or not cells.empty])
    table = table.astype("float64")
    table.index.name = "region"
    if bounds:
        return _with_bounds(table, cells, col, range_as)
    return _attach(table, cells, "region", col, "compare", range_as)


_FIELDS = ("value", "low", "high", "qualifier")


def _with_bounds(table: pd.DataFrame, cells: pd.DataFrame, col: str | list[str], range_as: str) -> pd.DataFrame:
    """The table of :func:`compare` with, beside each value, its low and high bound and its qualifier."""
    parts = {"value": table}
    for field in _FIELDS[1:]:
        wide = cells.astype({field: object}).pivot(index="region", columns=col, values=field)
        parts[field] = wide.reindex(index=table.index, columns=table.columns)
    out = pd.concat(parts, axis=1, names=["field"])
    labels = [(*(c if isinstance(c, tuple) else (c,)), f) for c in table.columns for f in _FIELDS]
    out.columns = out.columns.reorder_levels([*range(1, out.columns.nlevels), 0])
    out = out.reindex(columns=pd.MultiIndex.from_tuples(labels, names=[*table.columns.names, "field"]))
    for c in out.columns:
        out[c] = out[c].astype(object if c[-1] == "qualifier" else "float64")
    out.index.name = "region"
    return _attach(out, cells.assign(field="value"), "region", [*([col] if isinstance(col, str) else col), "field"],
                   "compare", range_as)  # fmt: skip


def _pairs(cells: pd.DataFrame) -> pd.DataFrame:
    """Each cell next to the same region's cell of the previous plan year in the data."""
    region = pd.factorize(cells["region"])[0]
    metric = pd.factorize(cells["metric"])[0]
    year = cells["year"].to_numpy(dtype="int64")
    order = np.lexsort((year, *_packed(region, metric)))
    same = (region[order][1:] == region[order][:-1]) & (metric[order][1:] == metric[order][:-1])
    before, after = order[:-1][same], order[1:][same]
    year_from, year_to = year[before], year[after]
    columns = {c: cells[c].take(after).reset_index(drop=True) for c in ("region", "metric", "kind", "unit", "level")}
    columns["year_from"] = pd.array(year_from, dtype="Int64")
    columns["year_to"] = pd.array(year_to, dtype="Int64")
    columns["years_apart"] = pd.array(year_to - year_from, dtype="Int64")
    codes, pairs = pd.factorize(year_from * 10_000 + year_to)
    labels = np.array([f"{p // 10_000}→{p % 10_000}" for p in pairs], dtype=object)
    columns["period"] = labels[codes]  # each pair of years spelled once
    for side, at in (("from", before), ("to", after)):
        for col in ("value", "low", "high", "qualifier", "is_range", "conflict", "doc", "raw", "start"):
            columns[f"{col}_{side}"] = cells[col].take(at).reset_index(drop=True)
        columns[f"start_{side}"] = columns[f"start_{side}"].astype("Int64")
    return pd.DataFrame(columns)


def yoy(
    df: pd.DataFrame,
    metric: str,
    *,
    regions: str | Iterable[str] | None = None,
    range_as: str = "mid",
    kind: str | None = None,
) -> pd.DataFrame:
    """The change of each region's target from one plan year to its next plan year in the data.

    Rates (growth, share, percentage points) change in percentage points; levels change in
    their unit (``change``) and in percent (``change_pct``). Years need not be consecutive:
    ``years_apart`` and ``period`` ("2021→2023") say which years are compared, and the
    change is over that whole span, never per year.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    regions : str or iterable of str, optional
        Only these regions (names as in the dataset).
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        One row per region and pair of successive plan years: values, ``change`` and ``change_pct``, ``period``
        and ``years_apart``.

    Examples
    --------
    >>> import planstats as ps
    >>> y = ps.yoy(ps.load(), "new_high_tech_enterprises")
    >>> y[["region", "period", "value_from", "value_to", "change", "change_pct"]].round(1).values.tolist()
    [['西咸新区', '2022→2023', 300.0, 650.0, 350.0, 116.7]]
    """
    (mid,) = _metric_ids(metric)
    cells = _resolve(df, [mid], range_as=range_as, kind=kind)
    wanted = _region_names(regions, df)
    if wanted is not None:
        cells = cells[cells["region"].isin(wanted)]
    out = _pairs(cells)
    out["change"] = out["value_to"] - out["value_from"]
    rate = out["kind"].isin(RATE_KINDS)
    out["change_unit"] = out["unit"].astype(object).where(~rate, "pp") if len(out) else pd.Series(dtype=object)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(rate | (out["value_from"] == 0), np.nan, out["change"] / out["value_from"].abs() * 100)
    out["change_pct"] = pct.astype("float64")
    out["is_range"] = out.pop("is_range_from") | out.pop("is_range_to")
    out["conflict"] = out.pop("conflict_from") | out.pop("conflict_to")
    columns = [
        "region",
        "metric",
        "kind",
        "unit",
        "year_from",
        "year_to",
        "years_apart",
        "period",
        "value_from",
        "qualifier_from",
        "value_to",
        "qualifier_to",
        "change",
        "change_unit",
        "change_pct",
        "is_range",
        "conflict",
        "low_from",
        "high_from",
        "low_to",
        "high_to",
        "doc_from",
        "raw_from",
        "start_from",
        "doc_to",
        "raw_to",
        "start_to",
        "level",
    ]
    out = out[columns]
    if out.empty:
        out = out.astype({"change": "float64", "year_from": "Int64", "year_to": "Int64", "years_apart": "Int64"})
    out.attrs["range_as"] = range_as  # what a table of it states in its legend
    return out


_QUALIFIER_ORDER = {"at_least": 1, "exact": 0, "approx": 0, "range": 0, "at_most": -1}


def rank(
    df: pd.DataFrame,
    metric: str,
    *,
    year: int | None = None,
    ascending: bool = False,
    range_as: str = "mid",
    kind: str | None = None,
) -> pd.DataFrame:
    """Regions ordered by their target, within each plan year (highest first by default).

    Equal values share a rank (1, 2, 2, 4) when their qualifiers are alike. A floor (≥12)
    ranks above the same value stated plainly or approximately (12, ≈12), which rank above a
    ceiling (≤12): the floor commits to more. ``tied`` marks regions that share their rank.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    year : int, optional
        One plan year; default: every year.
    ascending : bool
        Lowest first.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        Regions with ``value``, its ``low`` and ``high`` bound and ``qualifier`` (the rule of ``compare``), ``rank``
        and ``tied``, per plan year, and each region's ``level``.

    Examples
    --------
    >>> import planstats as ps
    >>> r = ps.rank(ps.load(), "gdp_growth", year=2023)
    >>> r[["region", "value", "rank"]].values.tolist()
    [['西咸新区', 20.0, 1]]
    """
    (mid,) = _metric_ids(metric)
    cells = _resolve(df, [mid], range_as=range_as, kind=kind)
    year = _checks.plan_year(year)
    if year is not None:
        cells = cells[cells["year"] == year]
    sign = 1 if ascending else -1
    strength = cells["qualifier"].map(_QUALIFIER_ORDER).fillna(0).astype(int)
    cells = cells.assign(_v=sign * cells["value"], _q=sign * strength)
    cells = cells.sort_values(["year", "_v", "_q", "region"], kind="stable")
    position = cells.groupby("year", observed=True).cumcount() + 1
    cells["rank"] = position.groupby([cells["year"], cells["_v"], cells["_q"]], observed=True).transform("min")
    cells["tied"] = cells.duplicated(["year", "_v", "_q"], keep=False)
    cols = [
        "year",
        "rank",
        "region",
        "metric",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "tied",
        "is_range",
        "conflict",
        "hardness",
        "level",
        "doc",
        "raw",
    ]
    out = cells.reindex(columns=cols).reset_index(drop=True)
    out["rank"] = out["rank"].astype("int64")
    out["tied"] = out["tied"].astype(bool)
    out.attrs["range_as"] = range_as
    return out


def summary(df: pd.DataFrame, metric: str, *, range_as: str = "mid", kind: str | None = None) -> pd.DataFrame:
    """Per plan year, the spread of one metric's targets across regions.

    Columns: ``n`` regions, ``mean``, ``median``, ``min``, ``max``, ``std`` (sample, ddof=1),
    the ``unit``, and how many of the values are ranges (``n_range``) or conflicts.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        Per plan year: n, mean, median, min, max, std, unit, n_range and conflicts.

    Examples
    --------
    >>> import planstats as ps
    >>> ps.summary(ps.load(), "gdp_growth")[["n", "mean", "max"]]
          n  mean   max
    year
    2021  2  10.5  15.0
    2022  1  12.0  12.0
    2023  1  20.0  20.0
    2024  1   9.0   9.0
    """
    (mid,) = _metric_ids(metric)
    cells = _resolve(df, [mid], range_as=range_as, kind=kind)
    g = cells.groupby("year", observed=True)
    out = g["value"].agg(["count", "mean", "median", "min", "max", "std"]).rename(columns={"count": "n"})
    out["n_range"] = g["is_range"].sum().astype("int64")
    out["n_conflict"] = g["conflict"].sum().astype("int64")
    out.insert(0, "metric", mid)
    out.insert(1, "unit", g["unit"].first() if len(cells) else pd.Series(dtype=object))
    out.index = out.index.astype("Int64")
    out.index.name = "year"
    out = out.astype({"n": "int64"})
    out.attrs["range_as"] = range_as  # what a table of it states in its legend
    return out
