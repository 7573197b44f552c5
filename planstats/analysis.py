"""What researchers compute from the targets: comparisons, changes, ranks, attainment.

Every function takes the tidy frame first, checks its arguments, never changes its input
and returns a new pandas object. They share one set of rules, stated here once:

**One value per region, year and metric.** Only rows with ``record == "target"`` are
targets (a stretch target, ``record == "stretch"``, the 7% of 增长6%左右，力争7%, is not).
When a region, year and metric has several targets (the headline figure and its
restatement in the body, or two different figures), the headline one is used, then the one
that comes first in the document. If the others state a different value, the cell is marked
``conflict`` and :func:`conflicts` lists every target behind it.

**Units.** Values of a metric are converted to one unit (the most common one): 万元 and 亿元,
人 and 万人, 万美元 and 亿美元 are converted; units that cannot be converted (美元 and 元)
and targets of another kind (a level next to a growth rate) are never mixed: they are left
out with a :class:`PlanstatsWarning` that says how many and how to select them (``kind=``).

**Ranges** (8%-10%) count by their midpoint (``range_as="low"`` or ``"high"`` to choose) and
are flagged (``is_range``); ``low`` and ``high`` keep both ends.

**Changes.** Growth rates, shares and percentage-point targets change in percentage points
(``change_unit == "pp"``); levels (家, 亿元, 人) change in their unit and in percent.

**Hardness.** :func:`hardness` reads the qualifying words: 确保, 以上, 不低于 … are hard,
左右, 力争 … soft (``data/qualifiers.csv``); the caller can override any word.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from planstats import _checks, places
from planstats._data import read_rows
from planstats.dataset import Shared, conform, region_names, validate
from planstats.errors import ArgumentError, DataFileError, PlanstatsWarning, SchemaError
from planstats.lexicon import lexicon
from planstats.numbers import MULTIPLIERS, plan_period_start, units
from planstats.taxonomy import load_taxonomy

RATE_KINDS = ("growth", "share", "pp_change")
RANGE_AS = ("mid", "low", "high")
HARDNESS = ("hard", "soft", "unmarked")
STATUSES = ("extracted", "not_in_document", "no_document")
_KEY = ["region", "year", "metric"]
_FACTORS = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3}
#: Columns of the frame of resolved targets that every analysis starts from.
CELL_COLUMNS = (
    "region",
    "year",
    "metric",
    "kind",
    "unit",
    "value",
    "low",
    "high",
    "qualifier",
    "qualifier_text",
    "hardness",
    "is_range",
    "decrease",
    "n_targets",
    "conflict",
    "section",
    "doc",
    "raw",
    "start",
    "end",
)


# ---------------------------------------------------------------------------------------
# arguments


def _choices(value: str, options: Iterable[str], param: str, listing: str) -> str:
    options = list(options)
    if value in options:
        return value
    close = difflib.get_close_matches(str(value), options, n=3, cutoff=0.5)
    hint = f" Did you mean {' or '.join(map(repr, close))}?" if close else ""
    raise ArgumentError(f"The value for `{param}` {value!r} is not known.{hint} {listing}")


def _metric_ids(metric: str | Iterable[str], param: str = "metric") -> list[str]:
    names = [metric] if isinstance(metric, str) else list(metric)
    if not names:
        raise ArgumentError(f"The value for `{param}` must name at least one metric id.")
    ids = [m.id for m in load_taxonomy()]
    return [_choices(m, ids, param, "planstats.metrics() lists the metric ids.") for m in names]


def _region_names(names: str | Iterable[str] | None, df: pd.DataFrame) -> list[str] | None:
    """Region filters may use the Chinese name, an alias or the English name."""
    names = _checks.names(names, "regions")
    if names is None:
        return None
    lookup = {**{str(r): str(r) for r in df["region"].dropna().unique()}, **region_names()}
    return [lookup[_choices(n, lookup, "regions", "planstats.regions() lists the known regions.")] for n in names]


def _option(value: str, options: tuple[str, ...], param: str) -> str:
    if value not in options:
        raise ArgumentError(f"The value for `{param}` must be one of {list(options)}, but {value!r} was passed.")
    return value


# ---------------------------------------------------------------------------------------
# hardness and units


@functools.lru_cache(maxsize=1)
def _hardness_words() -> dict[str, str]:
    table = {}
    for line, row in enumerate(read_rows("qualifiers.csv", ("text", "hardness")), start=2):
        if row["hardness"] not in ("hard", "soft", ""):
            raise DataFileError(
                f"qualifiers.csv, line {line}: hardness must be hard, soft or empty, not {row['hardness']!r}."
            )
        if row["hardness"]:
            table[row["text"]] = row["hardness"]
    return table


def hardness(df: pd.DataFrame, *, words: Mapping[str, str] | None = None) -> pd.Series:
    """Whether each target is ``hard``, ``soft`` or ``unmarked``, from its qualifying words.

    A target is soft when any of its words is soft (力争…以上 is soft: the hedge softens
    the floor), hard when a word is hard and none is soft, unmarked when it has no such
    words. ``words`` overrides the default reading of single words (``data/qualifiers.csv``),
    for instance ``{"力争": "hard"}``.

    Examples
    --------
    >>> df = pd.DataFrame({"qualifier_text": ["确保…不低于", "力争…以上", "左右", ""]})
    >>> hardness(df).tolist()
    ['hard', 'soft', 'soft', 'unmarked']
    >>> hardness(df, words={"力争": "hard"}).tolist()
    ['hard', 'hard', 'soft', 'unmarked']
    """
    if "qualifier_text" not in df.columns:
        raise ArgumentError("hardness() needs the `qualifier_text` column of a planstats dataset.")
    table = _hardness_words() | dict(words or {})
    bad = {w: h for w, h in table.items() if h not in ("hard", "soft")}
    if bad:
        raise ArgumentError(f"The values of `words` must be 'hard' or 'soft', but {bad!r} was passed.")

    def one(text: str) -> str:
        found = {table.get(w) for w in str(text).split("…") if w}
        return "soft" if "soft" in found else "hard" if "hard" in found else "unmarked"

    codes, texts = pd.factorize(df["qualifier_text"].fillna(""))  # each distinct text read once
    read = np.array([HARDNESS.index(one(t)) for t in texts] + [HARDNESS.index("unmarked")], dtype="int8")
    return pd.Series(pd.Categorical.from_codes(read[codes], categories=HARDNESS), index=df.index, name="hardness")


def _split_unit(unit: str) -> tuple[str, float]:
    """``亿元`` → (元, 1e8); ``千米`` stays a unit of its own; ``%`` → (%, 1). The measure words
    of a count (家, 个, 项: family ``count`` of ``data/units.csv``) are one unit: 15家 and 20个
    新型研发机构 count the same things."""
    table = units()
    canonical = {u.canonical: u for u in table.values()}
    base, mult = unit, 1.0
    if unit in table:
        base = table[unit].canonical
    elif unit not in canonical:
        for word in MULTIPLIERS:
            if unit.startswith(word) and unit[len(word) :] in canonical:
                base, mult = unit[len(word) :], _FACTORS[word]
                break
    return ("count" if base in canonical and canonical[base].family == "count" else base), mult


def convert(values: pd.Series | float, from_unit: str, to_unit: str) -> pd.Series | float:
    """Convert values between units of one base (万元 → 亿元, 人 → 万人).

    Examples
    --------
    >>> convert(4000.0, "万美元", "亿美元")
    0.4
    >>> convert(12000.0, "人", "万人")
    1.2
    >>> convert(1.5, "万家", "个")  # measure words of a count are one unit
    15000.0
    """
    base_from, f_from = _split_unit(from_unit)
    base_to, f_to = _split_unit(to_unit)
    if base_from != base_to:
        raise ArgumentError(
            f"cannot convert {from_unit!r} to {to_unit!r}: they measure different things ({base_from} and {base_to})."
        )
    return values * f_from / f_to


# ---------------------------------------------------------------------------------------
# one value per region, year and metric


def _codes(column: pd.Series) -> np.ndarray:
    """Integer codes of a column in its sort order: the categories', else the sorted values'."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy()
    return pd.factorize(column, sort=True)[0]


def _is_in(column: pd.Series, values: Iterable[str]) -> np.ndarray:
    """``column.isin(values)`` as a boolean array, on the codes when the column is categorical."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = column.cat.categories
        wanted = np.zeros(len(categories) + 1, dtype=bool)  # the last for code -1 (missing)
        wanted[[categories.get_loc(v) for v in values if v in categories]] = True
        return wanted[column.cat.codes.to_numpy()]
    return column.isin(list(values)).to_numpy()


def _labels(column: pd.Series, pos: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Codes (-1 for missing) and labels of ``column`` at ``pos``."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy()[pos], [str(c) for c in column.cat.categories]
    codes, uniques = pd.factorize(column.take(pos))
    return codes, [str(u) for u in uniques]


def _packed(*keys: np.ndarray) -> tuple[np.ndarray, ...]:
    """Integer sort keys, most significant first, as keys for ``np.lexsort`` (least significant
    first): packed into one int64 that sorts like them when they fit (one key sorts faster)."""
    packed, room = np.zeros(len(keys[0]), dtype="int64"), 1
    for key in keys:
        low = int(key.min()) if len(key) else 0
        span = int(key.max()) - low + 1 if len(key) else 1
        room *= span
        if room >= 2**62:
            return keys[::-1]
        packed = packed * span + (key - low)
    return (packed,)


class _Rows:
    """The rows of a dataset that enter the analyses of some metrics: their positions in the
    dataset and their low and high values, converted to one unit per metric (``unit``, or
    ``None`` when no row was converted or left out)."""

    def __init__(self, pos: np.ndarray, low: np.ndarray, high: np.ndarray, unit: np.ndarray | None):
        self.pos, self.low, self.high, self.unit = pos, low, high, unit

    def take(self, keep: np.ndarray) -> _Rows:
        return _Rows(self.pos[keep], self.low[keep], self.high[keep], None if self.unit is None else self.unit[keep])


def _targets(df: pd.DataFrame, metrics: list[str], *, kind: str | None, record: str = "target") -> _Rows:
    """The rows of ``metrics`` in one kind and one unit per metric (the most common; others
    are converted, or left out with a warning)."""
    mask = _is_in(df["record"], [record]) & _is_in(df["metric"], metrics)
    if kind is not None:
        mask &= _is_in(df["kind"], [kind])
    pos = np.flatnonzero(mask)
    low = df["value"].to_numpy(dtype="float64")[pos]
    high = df["value_high"].to_numpy(dtype="float64", na_value=np.nan)[pos]
    high = np.where(np.isnan(high), low, high)
    if not len(pos):
        return _Rows(pos, low, high, None)
    # The decisions are made on the few distinct (metric, kind, unit) of the rows, then applied.
    key = np.zeros(len(pos), dtype="int64")
    names = []
    for column in ("metric", "kind", "unit"):
        codes, uniques = _labels(df[column], pos)
        key = key * (len(uniques) + 1) + codes + 1
        names.append(uniques)
    combo_of_row, keys = pd.factorize(key)  # combos in the order they first occur
    counts = np.bincount(combo_of_row, minlength=len(keys))
    combos = []
    for k in keys:
        parts = []
        for uniques in reversed(names):
            k, code = divmod(int(k), len(uniques) + 1)
            parts.append(uniques[code - 1] if code else "")
        combos.append(tuple(reversed(parts)))
    split = [_split_unit(u) for _, _, u in combos]
    groups: dict[tuple[str, str, str], int] = {}  # (metric, kind, base) → rows
    for (m, k, _), (base, _), n in zip(combos, split, counts, strict=False):
        groups[(m, k, base)] = groups.get((m, k, base), 0) + int(n)
    chosen: dict[str, tuple[str, str]] = {}  # metric → the most common (kind, base); ties: the first
    for (m, k, base), n in groups.items():
        if m not in chosen or n > groups[(m, *chosen[m])]:
            chosen[m] = (k, base)
    keep = np.array([chosen[m] == (k, base) for (m, k, _), (base, _) in zip(combos, split, strict=False)])
    if not keep.all():
        left: dict[str, list] = {}
        for (m, k, u), n, kept in zip(combos, counts, keep, strict=False):
            if not kept:
                left.setdefault(m, []).append((k, u, int(n)))
        text = "; ".join(
            f"{m}: {sum(n for _, _, n in g)} ({', '.join(f'{k} in {u}' for k, u, _ in sorted(g))})"
            for m, g in sorted(left.items())
        )
        warnings.warn(
            "targets of another kind or unit than the rest of their metric were left out, so that values are not "
            f"mixed: {text}. "
            "Select them with kind=… or convert them first.",
            PlanstatsWarning,
            stacklevel=4,
        )
    target: dict[str, tuple[str, float, int]] = {}  # metric → the unit of most of its kept rows, its multiple
    for (m, _, u), (_, mult), n, kept in zip(combos, split, counts, keep, strict=False):
        if kept and (m not in target or n > target[m][2]):
            target[m] = (u, mult, n)
    factor = np.array(
        [
            mult / target[m][1] if kept else np.nan
            for (m, _, _), (_, mult), kept in zip(combos, split, keep, strict=False)
        ]
    )
    if keep.all() and (factor == 1).all():
        return _Rows(pos, low, high, None)  # one kind and one unit per metric: nothing to leave out or convert
    f = factor[combo_of_row]
    rows = _Rows(
        pos,
        low * f,
        high * f,
        np.array([target[m][0] if kept else None for (m, _, _), kept in zip(combos, keep, strict=False)], dtype=object)[
            combo_of_row
        ],
    )
    return rows.take(keep[combo_of_row])


def _dataset(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` checked against the contract; frames joined with ``pd.concat`` (whose
    categoricals became plain strings) are brought back to it first (a copy, only then)."""
    try:
        return validate(df)
    except SchemaError:
        if not isinstance(df, pd.DataFrame):
            raise
        return validate(conform(df))


_FROM_ROWS = [
    "region",
    "year",
    "metric",
    "kind",
    "unit",
    "qualifier",
    "qualifier_text",
    "section",
    "doc",
    "raw",
    "start",
    "end",
    "verb",
]


def _resolve(
    df: pd.DataFrame, metrics: list[str], *, range_as: str = "mid", kind: str | None = None, record: str = "target"
) -> pd.DataFrame:
    """One row per region, year and metric (:data:`CELL_COLUMNS`), by the headline-first rule."""
    df = _dataset(df)
    _option(range_as, RANGE_AS, "range_as")
    if kind is not None:
        _option(kind, ("growth", "level", "share", "pp_change"), "kind")
    rows = _targets(df, metrics, kind=kind, record=record)
    rows = rows.take(df["region"].notna().to_numpy()[rows.pos] & df["year"].notna().to_numpy()[rows.pos])
    if not len(rows.pos):
        return _typed(pd.DataFrame(columns=list(CELL_COLUMNS)))
    # Sort by region, year, metric, then headline first and position; only the first row of
    # each cell is taken from the frame, the rest is done on the sort keys.
    region, metric, section = (_codes(df[c])[rows.pos] for c in ("region", "metric", "section"))
    year = df["year"].to_numpy(dtype="float64", na_value=np.nan)[rows.pos].astype("int64")
    order = np.lexsort((df["start"].to_numpy()[rows.pos], section, *_packed(region, year, metric)))
    region, year, metric = region[order], year[order], metric[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (region[1:] != region[:-1]) | (year[1:] != year[:-1]) | (metric[1:] != metric[:-1])
    group = np.cumsum(first) - 1
    low, high = rows.low[order], rows.high[order]
    differs = (low != low[first][group]) | (high != high[first][group])
    chosen = order[first]
    cells = df[_FROM_ROWS].take(rows.pos[chosen]).reset_index(drop=True)
    if rows.unit is not None:
        cells["unit"] = rows.unit[chosen]
    cells["low"], cells["high"] = rows.low[chosen], rows.high[chosen]
    cells["value"] = {"mid": (cells["low"] + cells["high"]) / 2, "low": cells["low"], "high": cells["high"]}[range_as]
    cells["is_range"] = cells["qualifier"] == "range"
    cells["decrease"] = cells["verb"].isin(lexicon().decrease_verb)
    cells["n_targets"] = np.bincount(group)
    cells["conflict"] = np.bincount(group, weights=differs) > 0
    cells["hardness"] = hardness(cells)
    out = _typed(cells.loc[:, list(CELL_COLUMNS)])
    out.attrs["dataset"] = Shared(df)  # what the cells come from: the hashes and paths of its documents, for cite
    return out


def _typed(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells with the dtypes of :data:`CELL_COLUMNS` (converting only what differs)."""
    out = cells
    if out.empty:  # the text columns keep the dtypes of the dataset (categorical, string) when there are rows
        out = out.astype(
            {
                c: object
                for c in ("region", "metric", "kind", "unit", "qualifier", "qualifier_text", "section", "doc", "raw")
            }
        )
    wanted = {
        **dict.fromkeys(("value", "low", "high"), "float64"),
        **dict.fromkeys(("is_range", "decrease", "conflict"), "bool"),
        **dict.fromkeys(("n_targets", "start", "end"), "int64"),
        "year": "Int64",
    }
    convert = {c: t for c, t in wanted.items() if str(out[c].dtype) != t}
    if convert:
        out = out.astype(convert)
    if not isinstance(out["hardness"].dtype, pd.CategoricalDtype):
        out = out.assign(hardness=pd.Categorical(out["hardness"], categories=HARDNESS))
    return out


@_checks.renamed(metric="metrics")
def targets(
    df: pd.DataFrame, metrics: str | Iterable[str] | None = None, *, range_as: str = "mid", kind: str | None = None
) -> pd.DataFrame:
    """The resolved targets: one row per region, year and metric, with its source.

    This is the long table behind :func:`compare`: ``value`` (the midpoint of a range),
    ``low``/``high``, the qualifier and its ``hardness``, ``n_targets`` found for the cell,
    ``conflict`` when they disagree, and the ``doc``/``raw``/``start``/``end`` of the one used.

    Examples
    --------
    >>> import planstats as ps
    >>> t = ps.targets(ps.load(), "gdp_growth")
    >>> t.loc[t.region == "西咸新区", ["year", "value", "qualifier", "raw"]].values.tolist()
    [[2022, 12.0, 'approx', 'GDP增长12%左右'], [2023, 20.0, 'at_least', 'GDP增长20%以上']]
    """
    ids = _metric_ids(metrics, "metrics") if metrics is not None else [m for m in df["metric"].dropna().unique()]
    return _resolve(df, ids, range_as=range_as, kind=kind)


@_checks.renamed(metric="metrics")
def conflicts(df: pd.DataFrame, metrics: str | Iterable[str] | None = None, *, kind: str | None = None) -> pd.DataFrame:
    """Every target of the region-year-metric cells whose targets state different values.

    Examples
    --------
    >>> import planstats as ps
    >>> c = ps.conflicts(ps.load(), "foreign_investment", kind="growth")
    >>> c[["region", "year", "section", "value", "raw"]].values.tolist()
    [['西咸新区', 2022, 'headline', 20.0, '实际利用外资增长20%左右'], ['西咸新区', 2022, 'body', 55.0,
    '外商直接投资增长55%以上']]
    """
    cells = targets(df, metrics, kind=kind)
    bad = cells.loc[cells["conflict"], _KEY]
    rows = df[df["record"] == "target"].merge(bad.astype({"region": object, "metric": object}), on=_KEY)
    return rows.sort_values([*_KEY, "section", "start"]).reset_index(drop=True)


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


def _attach(table: pd.DataFrame, cells: pd.DataFrame, row: str, col: str | list[str], result: str) -> pd.DataFrame:
    """Keep the resolved targets behind the table with it (``attrs["planstats"]``)."""
    units = cells.drop_duplicates("metric")
    table.attrs["planstats"] = {
        "result": result,
        "cells": Cells(cells, row, col),
        "units": dict(zip(units["metric"], units["unit"], strict=False)),
        "kinds": dict(zip(units["metric"], units["kind"], strict=False)),
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
) -> pd.DataFrame:
    """Targets side by side: region x year for one metric, region x metric for one year.

    Values are numbers (a range by its midpoint, see ``range_as``), one per cell by the
    headline-first rule; the qualifier and the source of each cell travel with the table
    (:func:`planstats.formatted` shows "≥20", :func:`planstats.table` cites the sources).
    With several metrics and no year, the columns are (metric, year).

    Examples
    --------
    >>> import planstats as ps
    >>> df = ps.load()
    >>> ps.compare(df, "gdp_growth").loc["西咸新区", [2022, 2023]].tolist()
    [12.0, 20.0]
    >>> ps.compare(df, ["gdp_growth", "new_high_tech_enterprises"], year=2023).loc["西咸新区"].tolist()
    [20.0, 650.0]
    """
    ids = _metric_ids(metrics, "metrics")
    year = _checks.plan_year(year)
    cells = _resolve(df, ids, range_as=range_as, kind=kind)
    if year is not None:
        cells = cells[cells["year"] == year]
    wanted = _region_names(regions, df)
    if wanted is not None:
        cells = cells[cells["region"].isin(wanted)]
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
    return _attach(table, cells, "region", col, "compare")


def _pairs(cells: pd.DataFrame) -> pd.DataFrame:
    """Each cell next to the same region's cell of the previous plan year in the data."""
    region = pd.factorize(cells["region"])[0]
    metric = pd.factorize(cells["metric"])[0]
    year = cells["year"].to_numpy(dtype="int64")
    order = np.lexsort((year, *_packed(region, metric)))
    same = (region[order][1:] == region[order][:-1]) & (metric[order][1:] == metric[order][:-1])
    before, after = order[:-1][same], order[1:][same]
    year_from, year_to = year[before], year[after]
    columns = {c: cells[c].take(after).reset_index(drop=True) for c in ("region", "metric", "kind", "unit")}
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
    ]
    out = out[columns]
    if out.empty:
        out = out.astype({"change": "float64", "year_from": "Int64", "year_to": "Int64", "years_apart": "Int64"})
    return out


_QUALIFIER_ORDER = {"at_least": 1, "exact": 0, "approx": 0, "range": 0, "at_most": -1}


def against_plan(
    df: pd.DataFrame,
    metrics: str | Iterable[str] | None = None,
    *,
    range_as: str = "mid",
) -> pd.DataFrame:
    """Each annual target against the five-year-plan target of the same region and metric whose
    period holds its year: a yearly average (``年均增长6%``, a ``horizon`` row with
    ``average_from``) over the years it averages, or a target for the last year of a five-year
    plan (``到2025年…达到300家``) over that plan's years (2021-2025).

    ``difference`` is the annual target minus the plan's (percentage points for rates);
    ``ratio`` the annual over the plan's (for a level, how far one year's target goes toward
    the plan's). Only targets of the same kind and unit are set side by side.

    Examples
    --------
    >>> import planstats as ps
    >>> five = "某县“十四五”规划纲要\\n主要目标：到2025年，地区生产总值年均增长6%左右。"
    >>> plan = ps.extract_text(five, region="某县", year=2021)
    >>> year = ps.extract_text("主要预期目标是：地区生产总值增长6.5%左右。", region="某县", year=2022)
    >>> a = ps.against_plan(pd.concat([plan, year]))
    >>> a[["region", "year", "value", "plan_value", "plan_from", "plan_to", "difference"]].values.tolist()
    [['某县', 2022, 6.5, 6.0, 2021, 2025, 0.5]]
    """
    df = _dataset(df)
    ids = (
        _metric_ids(metrics, "metrics")
        if metrics is not None
        else list(dict.fromkeys(df["metric"].dropna().astype(str)))
    )
    cells = _resolve(df, ids, range_as=range_as)
    plans = _resolve(df, ids, range_as=range_as, record="horizon")
    first = df[(df["record"] == "horizon") & df["region"].notna() & df["year"].notna()]
    average = dict(
        zip(zip(first["doc"].astype(str), first["start"], strict=False), first["average_from"], strict=False)
    )
    plans["plan_from"] = [
        int(a) if not pd.isna(a := average.get((str(d), s))) else plan_period_start(int(y))
        for d, s, y in zip(plans["doc"], plans["start"], plans["year"], strict=False)
    ]
    plans = plans[plans["plan_from"].notna()].rename(columns={"year": "plan_to"})
    keep = ["region", "metric", "kind", "unit", "plan_from", "plan_to", "value", "qualifier", "doc", "raw"]
    plans = plans[keep].rename(columns={c: f"plan_{c}" for c in ("value", "qualifier", "doc", "raw")})
    out = cells.merge(plans.astype({"region": object, "metric": object}), on=["region", "metric", "kind", "unit"])
    out = out[(out["plan_from"] <= out["year"]) & (out["year"] <= out["plan_to"])]
    out["difference"] = out["value"] - out["plan_value"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = out["value"] / out["plan_value"]
    out["difference_unit"] = np.where(out["kind"].isin(RATE_KINDS), "pp", out["unit"].astype(object))
    cols = [
        "region",
        "year",
        "metric",
        "kind",
        "unit",
        "value",
        "qualifier",
        "plan_value",
        "plan_qualifier",
        "plan_from",
        "plan_to",
        "difference",
        "difference_unit",
        "ratio",
        "doc",
        "raw",
        "plan_doc",
        "plan_raw",
    ]
    out = out[cols].astype({"plan_from": "int64", "plan_to": "int64", "difference": "float64", "ratio": "float64"})
    return out.sort_values(["region", "metric", "year"]).reset_index(drop=True)


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
        "qualifier",
        "unit",
        "tied",
        "is_range",
        "conflict",
        "hardness",
        "doc",
        "raw",
    ]
    out = cells.reindex(columns=cols).reset_index(drop=True)
    out["rank"] = out["rank"].astype("int64")
    out["tied"] = out["tied"].astype(bool)
    return out


def summary(df: pd.DataFrame, metric: str, *, range_as: str = "mid", kind: str | None = None) -> pd.DataFrame:
    """Per plan year, the spread of one metric's targets across regions.

    Columns: ``n`` regions, ``mean``, ``median``, ``min``, ``max``, ``std`` (sample, ddof=1),
    the ``unit``, and how many of the values are ranges (``n_range``) or conflicts.

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
    return out.astype({"n": "int64"})


def amplification(
    df: pd.DataFrame,
    metric: str,
    *,
    parents: Mapping[str, str] | None = None,
    range_as: str = "mid",
    kind: str | None = None,
) -> pd.DataFrame:
    """Each region's target against its parent region's target of the same year (层层加码).

    A region is placed by its ``region_code`` (or, a functional area, by the hand-kept region
    table), in the plan year: a county under its prefecture, a prefecture under its province,
    XX新城 under 西咸新区 (``planstats.regions()``). Its parent is the nearest region above it
    that set a target of ``metric`` that year (``parent_level`` says which); with none, the row
    keeps its direct parent with the value missing. ``parents`` maps a region (name or code) to
    its parent (name or code): a user's own hierarchy (a zone under a city), before the tables.
    The same unit written two ways (西安市未央区, 未央区) is one region. Regions it cannot place (a
    name several units share, a name in no table) are named in one warning.

    ``difference`` is region minus parent (percentage points for rates), ``ratio`` region over
    parent, ``amplified`` whether the region's target is higher. For rates (growth, shares) this
    is the amplification of the literature; for levels (家, 亿元) a region's total is part of its
    parent's, so ``ratio`` is its share of the parent's target and ``amplified`` means little.

    Examples
    --------
    >>> import planstats as ps
    >>> a = ps.amplification(ps.load(), "gdp_growth")
    >>> a.loc[a.region == "XX新城", ["parent", "year", "value", "parent_value"]].values.tolist()
    [['西咸新区', 2024, 9.0, nan]]
    """
    (mid,) = _metric_ids(metric)
    df = _dataset(df)
    cells = _resolve(df, [mid], range_as=range_as, kind=kind)
    keys, parents = _region_keys(df, parents)
    cells["region_code"] = [
        keys.get((r, y), (None, None))[1] for r, y in zip(cells["region"], cells["year"], strict=False)
    ]
    cells["_key"] = [keys.get((r, y), (None,))[0] for r, y in zip(cells["region"], cells["year"], strict=False)]
    unplaced = sorted(set(cells.loc[cells["_key"].isna(), "region"].astype(str)))
    if unplaced:
        why = {r: places.resolve(r).match for r in unplaced}
        warnings.warn(
            f"amplification: {len(unplaced)} region(s) could not be placed and are left out: "
            + ", ".join(
                f"{r} ({'a name several units share' if why[r] == 'ambiguous' else 'in no region table'})"
                for r in unplaced[:10]
            )
            + ". Give their codes (manifest column region_code) or their parents (parents={'区': '市'}).",
            PlanstatsWarning,
            stacklevel=2,
        )
    cells = cells[cells["_key"].notna()].drop_duplicates(["_key", "year"])  # one unit under two names: the first
    have = dict(zip(zip(cells["_key"], cells["year"], strict=False), cells.index, strict=False))
    chosen = []
    for key, year in zip(cells["_key"], cells["year"], strict=False):
        chain = _chain_above(key, int(year), parents)
        found = next(
            ((p, i) for p in chain if (i := have.get((p.key, year))) is not None),
            (chain[0], None) if chain else (None, None),
        )
        chosen.append(found)
    placed = [p is not None for p, _ in chosen]
    child = cells.iloc[np.flatnonzero(placed)].assign(
        parent=[p.unit for p, _ in chosen if p],
        parent_code=[p.code for p, _ in chosen if p],
        parent_level=[p.level for p, _ in chosen if p],
    )
    at = [i for p, i in chosen if p]
    parent = cells.reindex([-1 if i is None else i for i in at])[["value", "qualifier", "doc", "raw"]]
    parent.columns = ["parent_value", "parent_qualifier", "parent_doc", "parent_raw"]
    out = pd.concat([child, parent.set_axis(child.index)], axis=1)
    out["difference"] = out["value"] - out["parent_value"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = out["value"] / out["parent_value"]
    out["amplified"] = pd.array(np.where(out["parent_value"].isna(), None, out["difference"] > 0), dtype="boolean")
    out["difference_unit"] = np.where(out["kind"].isin(RATE_KINDS), "pp", out["unit"].astype(object))
    cols = [
        "region",
        "region_code",
        "parent",
        "parent_code",
        "parent_level",
        "year",
        "metric",
        "unit",
        "value",
        "qualifier",
        "parent_value",
        "parent_qualifier",
        "difference",
        "difference_unit",
        "ratio",
        "amplified",
        "doc",
        "raw",
        "parent_doc",
        "parent_raw",
    ]
    out = out.reindex(columns=cols).sort_values(["region", "year"]).reset_index(drop=True)
    return out.astype({"parent_value": "float64", "difference": "float64", "ratio": "float64"})


def _region_keys(df: pd.DataFrame, parents: Mapping[str, str] | None) -> tuple[dict[tuple, tuple], dict[str, str]]:
    """``(region, year)`` of the dataset → ``(key, code)``, where the key identifies the region:
    its code, a functional area's name, or (a region of ``parents`` with neither) its name; and
    ``parents`` by the keys of its regions, and with the keys of their parents."""
    if parents is not None and not isinstance(parents, Mapping):
        raise ArgumentError(
            f"The value for `parents` must be a mapping of region to parent region, but {type(parents).__name__} was "
            "passed."
        )
    parents = {str(k): str(v) for k, v in (parents or {}).items()}
    first = df.loc[df["region"].notna() & df["year"].notna(), ["region", "year", "region_code"]].drop_duplicates(
        ["region", "year"]
    )
    keys, written = {}, {}
    for region, year, code in first.itertuples(index=False):
        code = None if pd.isna(code) else str(code)
        key = code or places.resolve(str(region), int(year)).key or (str(region) if str(region) in parents else None)
        keys[(region, year)] = (key, code)
        if key:
            written[str(region)] = key

    def key_of(name: str) -> str:
        return written.get(name) or places.resolve(name).key or name

    return keys, {key_of(k): key_of(v) for k, v in parents.items()}


def _chain_above(key: str, year: int, parents: dict[str, str]) -> list[places.Place]:
    """The regions above ``key`` in ``year``, nearest first: by the user's ``parents`` (by key), then the tables."""
    chain: list[places.Place] = []
    place = places.resolve(key, year)
    for _ in range(8):
        if key in parents:
            up = parents[key]
            found = places.resolve(up, year)
            place = found if found.key else places.Place(up, "manifest", unit=up, level="given")
        elif place.parent:
            place = places.resolve(place.parent, year)
        else:
            break
        key = place.key or ""
        chain.append(place)
    return chain


def coverage(
    df: pd.DataFrame,
    *,
    metrics: str | Iterable[str] | None = None,
    regions: str | Iterable[str] | None = None,
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """For every region, plan year and metric: was a target ``extracted``, does the plan have
    ``not_in_document`` such a target, or is there ``no_document`` for that region and year?

    A region has a document for a year when the dataset holds a target of that region and
    year (a document in which nothing was found cannot be told from a missing one). Years
    default to every year from the first to the last plan year, so gaps show; metrics to
    those found anywhere in ``df``.

    Examples
    --------
    >>> import planstats as ps
    >>> c = ps.coverage(ps.load(), metrics="gdp_growth")
    >>> c[c.region == "西咸新区"][["year", "status"]].values.tolist()
    [[2021, 'no_document'], [2022, 'extracted'], [2023, 'extracted'], [2024, 'no_document']]
    """
    df = _dataset(df)
    t = df[(df["record"] == "target") & df["region"].notna() & df["year"].notna()]
    ids = (
        _metric_ids(metrics, "metrics")
        if metrics is not None
        else [m.id for m in load_taxonomy() if m.id in set(t["metric"].dropna())]
    )
    names = _region_names(regions, df)
    names = names if names is not None else sorted(map(str, t["region"].unique()))
    years = _checks.plan_years(years)
    if years is None:
        years = list(range(int(t["year"].min()), int(t["year"].max()) + 1)) if len(t) else []
    grid = pd.MultiIndex.from_product([names, list(years), ids], names=_KEY).to_frame(index=False)
    docs = set(zip(t["region"].astype(str), t["year"].astype(int), strict=False))
    counts = t.groupby(_KEY, observed=True).size().rename("n_targets").reset_index()
    counts = counts.astype({"region": object, "metric": object, "year": "int64"})
    out = grid.astype({"year": "int64"}).merge(counts, on=_KEY, how="left")
    out["n_targets"] = out["n_targets"].fillna(0).astype("int64")
    has_doc = [(r, y) in docs for r, y in zip(out["region"], out["year"], strict=False)]
    status = np.where(out["n_targets"] > 0, "extracted", np.where(has_doc, "not_in_document", "no_document"))
    out["status"] = pd.Categorical(status, categories=STATUSES)
    out["year"] = out["year"].astype("Int64")
    return out[["region", "year", "metric", "status", "n_targets"]]


# ---------------------------------------------------------------------------------------
# attainment

ACTUALS_COLUMNS = ("region", "year", "metric", "value")


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
    ids = {m.id for m in load_taxonomy()}
    for col, parse in (("year", lambda v: int(str(v).strip())), ("value", _number)):
        parsed = []
        for i, v in enumerate(raw[col]):
            if col == "value" and _DECIMAL_COMMA.fullmatch(str(v).strip()):
                raise DataFileError(
                    f"{where}, {label(i)}, column 'value': {v!r} has a decimal comma; write it with a point "
                    f"({str(v).strip().replace(',', '.')}), "
                    "as a comma is read as a separator of thousands (1,234.5)."
                )
            try:
                x = parse(v)
            except (TypeError, ValueError):
                x = None
            if x is None or (col == "value" and not np.isfinite(x)):
                raise DataFileError(
                    f"{where}, {label(i)}, column {col!r}: {v!r} is not a {'year' if col == 'year' else 'number'}."
                )
            if col == "year" and not ACTUALS_YEARS[0] <= x <= ACTUALS_YEARS[1]:
                raise DataFileError(
                    f"{where}, {label(i)}, column 'year': {x} is not a plan year ({ACTUALS_YEARS[0]} to "
                    f"{ACTUALS_YEARS[1]})."
                )
            parsed.append(x)
        out[col] = parsed
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


EXACT_AS = ("at_least", "approx")


#: How an approximate target (左右) is read by :func:`attainment`
APPROX_AS = ("band", "floor")
_APPROX_TOLD: list[bool] = []  # the warning of a reading no one chose is given once a session


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
) -> pd.DataFrame:
    """Targets against realized outcomes: ``actual``, ``gap`` (actual − target) and ``met``.

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
    approx_as = _option(approx_as, APPROX_AS, "approx_as") if chosen else "band"
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
    cells = _resolve(df, ids)
    cells["hardness"] = hardness(cells, words=words)
    if actuals is None:
        found = _resolve(df, ids, record="result")[["region", "year", "metric", "value", "unit", "doc", "raw"]]
        found["actual_source"] = found["doc"].astype(str) + ": " + found["raw"].astype(str)
        found = found.drop(columns=["doc", "raw"])
    else:
        found = read_actuals(actuals)
        found["actual_source"] = str(actuals) if not isinstance(actuals, pd.DataFrame) else "actuals"
        unnamed = sorted(set(found["region"]) - set(df["region"].dropna().astype(str)))
        if unnamed:
            warnings.warn(
                f"{found['actual_source'].iloc[0]}: {len(unnamed)} region(s) of the actuals are named by no document "
                "of the dataset, "
                f"so their outcomes meet no target: {', '.join(unnamed[:10])}{' …' if len(unnamed) > 10 else ''}. "
                "Check their spelling.",
                PlanstatsWarning,
                stacklevel=2,
            )
    found = found.rename(columns={"value": "actual", "unit": "actual_unit"})
    out = cells.merge(found.astype({"year": "Int64"}), on=_KEY, how="left")
    out["actual"] = [
        a if (not isinstance(au, str) or not au or au == u or np.isnan(a)) else convert(a, au, u)
        for a, au, u in zip(out["actual"], out["actual_unit"], out["unit"], strict=False)
    ]
    out["actual"] = out["actual"].astype("float64")
    sign = np.where(out["decrease"], -1.0, 1.0)  # a decrease: compare the size of the fall
    a, v, lo, hi = out["actual"] * sign, out["value"] * sign, out["low"] * sign, out["high"] * sign
    lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
    tol = np.where(out["kind"].isin(RATE_KINDS), tolerance, level_tolerance * v.abs()) + 1e-9
    qualifier = out["qualifier"].astype(object).replace({"exact": exact_as})
    approx = (a - v).abs() <= tol if approx_as == "band" else a >= v - tol
    met = np.select(
        [qualifier == "at_least", qualifier == "at_most", qualifier == "range", qualifier == "approx"],
        [a >= v - 1e-9, a <= v + 1e-9, (a >= lo - 1e-9) & (a <= hi + 1e-9), approx],
        default=False,
    )
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
    out["met"] = pd.array(np.where(out["actual"].isna(), None, met), dtype="boolean")
    cols = [
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
        "doc",
        "raw",
        "actual_source",
    ]
    return out[cols].sort_values(_KEY).reset_index(drop=True)
