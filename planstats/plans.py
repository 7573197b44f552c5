"""Plans against plans: a region's targets against those of the regions above it (amplification),
annual targets against the five-year plan's, and which documents state which metrics (coverage).
The rules of :mod:`planstats.analysis` hold here too."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from planstats import _checks, places
from planstats.cells import (
    _KEY,
    NO_UNIT,
    RATE_KINDS,
    STATUSES,
    _dataset,
    _labels_of_rows,
    _metric_ids,
    _region_names,
    _resolve,
)
from planstats.errors import ArgumentError, PlanstatsWarning
from planstats.numbers import plan_period_start
from planstats.taxonomy import load_taxonomy


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

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metrics : str or iterable of str, optional
        Metric ids (``ps.metrics()``); default: every metric.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.

    Returns
    -------
    pandas.DataFrame
        One row per annual target that a five-year plan's target covers: the annual target, ``plan_value``,
        ``plan_from``, ``plan_to``, ``difference`` and ``ratio``, with the sources of both.

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
        int(a) if (a := average.get((str(d), s))) is not None and not pd.isna(a) else plan_period_start(int(y))
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

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    parents : mapping of str to str, optional
        A region (name or code) to its parent (name or code), used before the region tables.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        One row per region and year: ``value``, ``parent``, ``parent_level``, ``parent_value``, ``difference``,
        ``ratio``, ``amplified``.

    Examples
    --------
    >>> import planstats as ps
    >>> a = ps.amplification(ps.load(), "gdp_growth")
    >>> a.loc[a.region == "XX新城", ["parent", "year", "value", "parent_value"]].values.tolist()
    [['西咸新区', 2024, 9.0, nan]]
    """
    (mid,) = _metric_ids(metric)
    df = _dataset(df)
    with warnings.catch_warnings():  # the regions with no unit are named below, as left out
        warnings.filterwarnings("ignore", f".*{NO_UNIT}", PlanstatsWarning)
        cells = _resolve(df, [mid], range_as=range_as, kind=kind)
    keys, parents = _region_keys(df, parents)
    for key, up in _zone_parents(df).items():  # a zone its name alone cannot place (长沙高新区): its prefecture
        parents.setdefault(key, up)
    out = _under_parents(_placed(cells, keys), parents)
    out["difference"] = out["value"] - out["parent_value"]
    with np.errstate(divide="ignore", invalid="ignore"):
        out["ratio"] = out["value"] / out["parent_value"]
    out["amplified"] = pd.array(np.where(out["parent_value"].isna(), None, out["difference"] > 0), dtype="boolean")
    out["difference_unit"] = np.where(out["kind"].isin(RATE_KINDS), "pp", out["unit"].astype(object))
    out = out.reindex(columns=list(AMPLIFICATION_COLUMNS)).sort_values(["region", "year"]).reset_index(drop=True)
    return out.astype({"parent_value": "float64", "difference": "float64", "ratio": "float64"})


#: The columns of :func:`amplification`, in order.
AMPLIFICATION_COLUMNS = (
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
)


def _placed(cells: pd.DataFrame, keys: dict[tuple, tuple]) -> pd.DataFrame:
    """The cells of the regions that could be placed (one a unit and year), with their code and key
    (``_key``); one warning names those that could not."""
    # a unit by its code in the plan year (a functional area by its name); a name with no unit by the user's parents
    written = [keys.get((r, y), (None,))[0] for r, y in zip(cells["region"], cells["year"], strict=False)]
    code = cells["region_code"].astype(object)
    cells["_key"] = code.where(code.notna(), cells["region_id"].astype(object)).where(lambda k: k.notna(), written)
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
            stacklevel=_checks.outside(),
        )
    return cells[cells["_key"].notna()].drop_duplicates(["_key", "year"])  # one unit under two names: the first


def _under_parents(cells: pd.DataFrame, parents: dict[str, str]) -> pd.DataFrame:
    """Each placed cell beside the target of the nearest region above it with one that year (its
    value, qualifier and source as ``parent_*``), or beside its direct parent with no value."""
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
    return pd.concat([child, parent.set_axis(child.index)], axis=1)


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


def _zone_parents(df: pd.DataFrame) -> dict[str, str]:
    """The region above each zone or area of ``df`` (no code, a ``region_id``) that its name alone does not place
    (长沙高新区 of 湖南省/长沙市/: 长沙市 or 长沙县 by its name): the code of its prefecture, else its province."""
    rows = df.loc[df["region_code"].isna() & df["region_id"].notna() & df["year"].notna()]
    rows = rows.drop_duplicates(["region_id", "year"])
    out: dict[str, str] = {}
    for key, year, prefecture, province in zip(
        rows["region_id"], rows["year"], rows["prefecture"], rows["province"], strict=False
    ):
        if str(key) in out or places.resolve(str(key), int(year)).parent:
            continue
        up = next((str(u) for u in (prefecture, province) if isinstance(u, str)), None)
        code = places.resolve(up, int(year)).code if up else None
        if code:
            out[str(key)] = code
    return out


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

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metrics : str or iterable of str, optional
        Metric ids (``ps.metrics()``); default: every metric.
    regions : str or iterable of str, optional
        Only these regions (names as in the dataset).
    years : iterable of int, optional
        Plan years; default: every year from the first to the last.

    Returns
    -------
    pandas.DataFrame
        One row per region, year and metric with ``status``: extracted, not_in_document or no_document.

    Examples
    --------
    >>> import planstats as ps
    >>> c = ps.coverage(ps.load(), metrics="gdp_growth")
    >>> c[c.region == "西咸新区"][["year", "status"]].values.tolist()
    [[2021, 'no_document'], [2022, 'extracted'], [2023, 'extracted'], [2024, 'no_document']]
    """
    df = _dataset(df)
    mask = ((df["record"] == "target") & df["region"].notna() & df["year"].notna()).to_numpy()
    t = df[mask].assign(region=_labels_of_rows(df)[mask])  # by unit, as the analyses label it
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
