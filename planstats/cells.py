"""The targets behind every analysis: one value per region, year and metric (:func:`targets`, and
:func:`conflicts` where a document states two), in one unit (:func:`convert`), with their hardness
(:func:`hardness`); and the checks of the arguments the analyses share. The rules are stated in
:mod:`planstats.analysis`.
"""

from __future__ import annotations

import difflib
import functools
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction

import numpy as np
import pandas as pd

from planstats import _checks, places
from planstats._data import read_rows
from planstats.dataset import Shared, conform, region_names, validate
from planstats.errors import ArgumentError, DataFileError, PlanstatsWarning, SchemaError
from planstats.lexicon import lexicon
from planstats.numbers import scale, units
from planstats.taxonomy import _standard_units, load_taxonomy


RATE_KINDS = ("growth", "share", "pp_change")


RANGE_AS = ("mid", "low", "high")


HARDNESS = ("hard", "soft", "unmarked")


STATUSES = ("extracted", "not_in_document", "no_document")


_KEY = ["region", "year", "metric"]


#: Columns of the frame of resolved targets that every analysis starts from.
CELL_COLUMNS = (
    "region",
    "region_id",
    "region_code",
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
    "chosen_by",
    "others",
    "section",
    "doc",
    "raw",
    "start",
    "end",
    "level",
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
    """Region filters may use the Chinese name, an alias or the English name, as written or as the analyses
    label the unit (济南市市中区), or its code or ``region_id``: the labels of the units they name, in order."""
    names = _checks.names(names, "regions")
    if names is None:
        return None
    of = _labels_of_names(df)
    lookup = {**{n: n for n in of}, **{k: v for k, v in region_names().items() if v in of}}
    found = [lookup[_choices(n, lookup, "regions", "planstats.regions() lists the known regions.")] for n in names]
    return list(dict.fromkeys(label for name in found for label in of[name]))


# ---------------------------------------------------------------------------------------
# units: what the analyses key by


#: What the warning about rows with no unit says (they are kept under their names as written)
NO_UNIT = "have no unit"


def _units(df: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The unit of each distinct region of a dataset, as the analyses key by it: one row per distinct
    ``region`` (as written), ``region_id``, ``region_code`` and ``year``, with ``key`` (the ``region_id``;
    for a row with no unit, or a ``historical`` one, ``name:`` and its name as written, never a unit's),
    ``label`` (the unit's standard name in its latest plan year in ``df``, with its prefecture or province
    before it where two units of ``df``, or a unit and a name with no unit, share that name: 济南市市中区,
    枣庄市市中区; a row with no unit: its name as written) and ``match``; and the position in it of each row
    of ``df`` (-1: no region or year)."""
    columns = ["region", "region_id", "region_code", "year"]
    codes = pd.DataFrame({c: pd.factorize(df[c])[0] for c in columns})
    group = codes.groupby(columns, sort=False).ngroup().to_numpy().copy()
    group[~(df["region"].notna() & df["year"].notna()).to_numpy()] = -1
    present = group >= 0
    first = np.unique(group[present], return_index=True)[1]
    rows = np.flatnonzero(present)[first]
    frame = pd.DataFrame({c: _objects(df[c].take(rows)) for c in [*columns, "region_match"]}, dtype=object)
    at = np.full(int(group.max()) + 1 if len(group) else 0, -1, dtype="int64")
    at[group[rows]] = np.arange(len(rows))
    unit_of_row = np.where(present, at[np.maximum(group, 0)] if len(at) else -1, -1)
    placed = frame["region_id"].notna() & (frame["region_match"] != "historical")  # (a unit it had: no unit)
    frame["key"] = frame["region_id"].where(placed, "name:" + frame["region"].astype(str))
    latest = frame[placed].sort_values("year").drop_duplicates("key", keep="last")
    name: dict[str, str] = {}
    above: dict[str, str] = {}
    for key, region, code, year in zip(
        latest["key"], latest["region"], latest["region_code"], latest["year"], strict=False
    ):
        place = places.resolve(code or str(region), int(year))
        if place.region_id != key:  # (a dataset of another region table)
            place = places.Place(str(region), unit=str(region))
        name[key] = place.unit or str(region)
        up = place.prefecture if place.level != "prefecture" and place.prefecture != place.unit else None
        up = up or (place.province if place.province != place.unit else None)
        above[key] = (up or "") + name[key]
    for key, region in zip(frame["key"], frame["region"], strict=False):
        name.setdefault(key, str(region))
    shared = Counter(name.values())
    label = {k: above[k] if shared[n] > 1 and k in above else n for k, n in name.items()}
    shared = Counter(label.values())
    label = {k: f"{n} ({k})" if shared[n] > 1 and k in above else n for k, n in label.items()}
    frame["label"] = frame["key"].map(label)
    frame["match"] = frame.pop("region_match")
    return frame, unit_of_row


def _labels_of_names(df: pd.DataFrame) -> dict[str, list[str]]:
    """Each name of a region as written in a dataset, each label, code and ``region_id`` → the labels of the
    units it stands for there (西安市未央区 and 未央区 → 未央区; 市中区 → 济南市市中区, 枣庄市市中区)."""
    units = _units(_dataset(df))[0]
    of: dict[str, list[str]] = {}
    for column in ("region", "label", "region_code", "region_id"):
        for key, label in zip(units[column], units["label"], strict=False):
            if isinstance(key, str) and label not in of.setdefault(key, []):
                of[key].append(label)
    return of


def _labels_of_rows(df: pd.DataFrame) -> np.ndarray:
    """The label of the unit of each row of a dataset (as the analyses show it; ``None``: no region or year)."""
    units, at = _units(df)
    labels = np.array([*units["label"], None], dtype=object)  # at -1: None
    return labels[at]


def _objects(column: pd.Series) -> np.ndarray:
    """The values of ``column`` as Python objects, ``None`` where missing."""
    values = np.array(column.astype(object).to_numpy(), dtype=object)
    values[pd.isna(values)] = None
    return values


def _warn_no_unit(units: pd.DataFrame, rows: np.ndarray) -> None:
    """One warning that counts the rows (of ``units``, at ``rows``) whose name stands for no unit although a
    region table knows it (a name several units share; a name of a unit in another year); a name in no table
    (a user's own region) is its own key, as written."""
    unplaced = units.iloc[np.unique(rows)]
    unplaced = unplaced[unplaced["key"].str.startswith("name:")]
    names = sorted(
        {
            str(n)
            for n, m in zip(unplaced["region"], unplaced["match"], strict=False)
            if m in ("ambiguous", "historical") or places.known(str(n))
        }
    )
    if names:
        n = int(np.isin(rows, unplaced.index[unplaced["region"].isin(names)]).sum())
        warnings.warn(
            f"{n} target(s) of {len(names)} region name(s) {NO_UNIT} (a name several units share, or of no unit in "
            f"its plan year): {', '.join(names[:10])}{' …' if len(names) > 10 else ''}. They are kept under their "
            "names as written, never merged into a unit; give their codes (manifest column region_code) to place "
            "them.",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )


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

    Parameters
    ----------
    df : pandas.DataFrame
        A frame with the ``qualifier_text`` column of a dataset.
    words : mapping of str to str, optional
        Words read as 'hard' or 'soft', over ``data/qualifiers.csv``.

    Returns
    -------
    pandas.Series
        'hard', 'soft' or 'unmarked' for each row.

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


def _split_unit(unit: str) -> tuple[str, Fraction]:
    """``亿元`` → (元, 1e8); ``万吨`` → (公斤, 1e7) and ``亿斤`` → (公斤, 5e7), by the ``factor`` of
    ``data/units.csv`` (:func:`planstats.numbers.scale`); ``%`` → (%, 1). The measure words
    of a count (家, 个, 项: family ``count`` of ``data/units.csv``) are one unit: 15家 and 20个
    新型研发机构 count the same things."""
    canonical = {u.canonical: u for u in units().values()}
    base, mult = scale(unit)
    return ("count" if base in canonical and canonical[base].family == "count" else base), mult


def convert(values: pd.Series | float, from_unit: str, to_unit: str) -> pd.Series | float:
    """Convert values between units of one base (万元 → 亿元, 人 → 万人) or of one family whose units
    have a ``factor`` in ``data/units.csv`` (万吨 → 亿斤, 亩 → 公顷), exactly.

    Parameters
    ----------
    values : pandas.Series or float
        The numbers.
    from_unit : str
        Their unit (万元, 人, 家 …).
    to_unit : str
        A unit of the same base.

    Returns
    -------
    pandas.Series or float
        The values in ``to_unit``.

    Examples
    --------
    >>> convert(4000.0, "万美元", "亿美元")
    0.4
    >>> convert(12000.0, "人", "万人")
    1.2
    >>> convert(1.5, "万家", "个")  # measure words of a count are one unit
    15000.0
    >>> convert(300.0, "万吨", "亿斤"), convert(15.0, "万亩", "公顷")
    (60.0, 10000.0)
    """
    base_from, f_from = _split_unit(from_unit)
    base_to, f_to = _split_unit(to_unit)
    if base_from != base_to:
        raise ArgumentError(
            f"cannot convert {from_unit!r} to {to_unit!r}: they measure different things ({base_from} and {base_to})."
        )
    ratio = f_from / f_to
    return values * ratio.numerator / ratio.denominator


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
    ``None`` when no row was converted or left out), and the positions of those ``left`` out
    (of another kind, or in a unit that does not convert)."""

    def __init__(
        self,
        pos: np.ndarray,
        low: np.ndarray,
        high: np.ndarray,
        unit: np.ndarray | None,
        left: np.ndarray | None = None,
    ):
        self.pos, self.low, self.high, self.unit = pos, low, high, unit
        self.left = np.empty(0, dtype="int64") if left is None else left

    def take(self, keep: np.ndarray) -> _Rows:
        unit = None if self.unit is None else self.unit[keep]
        return _Rows(self.pos[keep], self.low[keep], self.high[keep], unit, self.left)


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
    combo_of_row, combos, counts = _combos(df, pos)
    split = [_split_unit(u) for _, _, u in combos]
    keep = _kept(combos, split, counts)
    target: dict[str, tuple[str, Fraction, int]] = {}  # metric → the unit of most of its kept rows, its multiple
    for (m, _, u), (_, mult), n, kept in zip(combos, split, counts, keep, strict=False):
        if kept and (m not in target or n > target[m][2]):
            target[m] = (u, mult, n)
    for m, (u, _, n) in list(target.items()):  # the metric's own unit (data/metrics.csv), if its rows convert to it
        std = _standard_units().get(m)
        if std and std != u and _split_unit(std)[0] == _split_unit(u)[0]:
            target[m] = (std, _split_unit(std)[1], n)
    ratios = [
        mult / target[m][1] if kept else None for (m, _, _), (_, mult), kept in zip(combos, split, keep, strict=False)
    ]
    # exactly: times the numerator, over the denominator (3万元 is 0.0003亿元, not 0.00030000000000000003)
    times = np.array([np.nan if r is None else float(r.numerator) for r in ratios])
    over = np.array([np.nan if r is None else float(r.denominator) for r in ratios])
    if keep.all() and (times == over).all():
        return _Rows(pos, low, high, None)  # one kind and one unit per metric: nothing to leave out or convert
    t, o = times[combo_of_row], over[combo_of_row]
    rows = _Rows(
        pos,
        low * t / o,
        high * t / o,
        np.array([target[m][0] if kept else None for (m, _, _), kept in zip(combos, keep, strict=False)], dtype=object)[
            combo_of_row
        ],
    )
    kept = rows.take(keep[combo_of_row])
    kept.left = pos[~keep[combo_of_row]]
    return kept


def _combos(df: pd.DataFrame, pos: np.ndarray) -> tuple[np.ndarray, list[tuple[str, str, str]], np.ndarray]:
    """The distinct (metric, kind, unit) of the rows at ``pos`` in the order they first occur, the
    combination of each row, and the rows of each."""
    key = np.zeros(len(pos), dtype="int64")
    names = []
    for column in ("metric", "kind", "unit"):
        codes, uniques = _labels(df[column], pos)
        key = key * (len(uniques) + 1) + codes + 1
        names.append(uniques)
    combo_of_row, keys = pd.factorize(key)
    counts = np.bincount(combo_of_row, minlength=len(keys))
    combos = []
    for k in keys:
        parts = []
        for uniques in reversed(names):
            k, code = divmod(int(k), len(uniques) + 1)
            parts.append(uniques[code - 1] if code else "")
        combos.append((parts[2], parts[1], parts[0]))
    return combo_of_row, combos, counts


def _kept(combos: list[tuple[str, str, str]], split: list[tuple[str, Fraction]], counts: np.ndarray) -> np.ndarray:
    """Which combinations keep their rows: those of the most common kind and base unit of their
    metric (ties: the first); one warning says what is left out."""
    groups: dict[tuple[str, str, str], int] = {}  # (metric, kind, base) → rows
    for (m, k, _), (base, _), n in zip(combos, split, counts, strict=False):
        groups[(m, k, base)] = groups.get((m, k, base), 0) + int(n)
    chosen: dict[str, tuple[str, str]] = {}  # metric → the most common (kind, base); ties: the first
    for (m, k, base), n in groups.items():
        if m not in chosen or n > groups[(m, chosen[m][0], chosen[m][1])]:
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
            stacklevel=_checks.outside(),
        )
    return keep


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
    "level",
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
    # Sort by unit, year, metric, then by the rule of preference (:data:`PREFERENCE`); only the first
    # row of each cell is taken from the frame, the rest is done on the sort keys.
    units, unit_of_row = _units(df)
    unit_of_row = unit_of_row[rows.pos]
    _warn_no_unit(units, unit_of_row)
    region = pd.factorize(units["label"], sort=True)[0][unit_of_row]  # one label a unit, in their order
    metric, section = (_codes(df[c])[rows.pos] for c in ("metric", "section"))
    year = df["year"].to_numpy(dtype="float64", na_value=np.nan)[rows.pos].astype("int64")
    keys = [section, *_preference(df, rows.pos, year, record)]  # most significant first
    order = np.lexsort((*keys[::-1], *_packed(region, year, metric)))
    region, year, metric = region[order], year[order], metric[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (region[1:] != region[:-1]) | (year[1:] != year[:-1]) | (metric[1:] != metric[:-1])
    group = np.cumsum(first) - 1
    low, high = rows.low[order], rows.high[order]
    qualifier = _codes(df["qualifier"])[rows.pos][order]  # 6 and 6左右 state two targets too
    differs = (low != low[first][group]) | (high != high[first][group]) | (qualifier != qualifier[first][group])
    chosen = order[first]
    cells = df[_FROM_ROWS].take(rows.pos[chosen]).reset_index(drop=True)
    unit = units.iloc[unit_of_row[chosen]]
    cells["region"] = unit["label"].to_numpy()
    placed = ~unit["key"].str.startswith("name:").to_numpy(dtype=bool)  # (a historical match is no unit)
    cells["region_id"] = pd.array(np.where(placed, unit["region_id"].to_numpy(), None), dtype="string")
    cells["region_code"] = pd.array(unit["region_code"].to_numpy(), dtype="string")
    if rows.unit is not None:
        cells["unit"] = rows.unit[chosen]
    cells["low"], cells["high"] = rows.low[chosen], rows.high[chosen]
    cells["value"] = {"mid": (cells["low"] + cells["high"]) / 2, "low": cells["low"], "high": cells["high"]}[range_as]
    cells["is_range"] = cells["qualifier"] == "range"
    cells["decrease"] = cells["verb"].isin(lexicon().decrease_verb)
    cells["low"], cells["high"] = _bounds(cells["qualifier"], cells["decrease"], cells["low"], cells["high"])
    cells["n_targets"] = np.bincount(group)
    cells["conflict"] = np.bincount(group, weights=differs) > 0
    cells["chosen_by"], cells["others"] = _choice(df, rows, order, group, differs, [k[order] for k in keys])
    cells["hardness"] = hardness(cells)
    out = _typed(cells.loc[:, list(CELL_COLUMNS)])
    out.attrs["dataset"] = Shared(df)  # what the cells come from: the hashes and paths of its documents, for cite
    converted = _converted(df, rows.pos[chosen], out) if rows.unit is not None else ()
    out.attrs["left_out"] = Shared(_left_out(df, rows.left))  # shared by derived frames, never copied
    out.attrs["converted"] = Shared(converted)
    return out


def _converted(df: pd.DataFrame, pos: np.ndarray, cells: pd.DataFrame) -> tuple[str, ...]:
    """The targets taken in another unit than they were written in, one line each: what a table's legend lists."""
    unit = cells["unit"].astype(object).to_numpy()
    changed = np.flatnonzero(df["unit"].take(pos).astype(object).to_numpy() != unit)
    if not len(changed):
        return ()
    raw = df["raw"].take(pos[changed]).astype(object).to_numpy()
    picked = cells.take(changed)
    return tuple(
        f"{r} {y} {m} “{text}” as {v:g} {u}"
        for r, y, m, text, v, u in zip(
            picked["region"], picked["year"], picked["metric"], raw, picked["value"], unit[changed], strict=False
        )
    )


def _left_out(df: pd.DataFrame, pos: np.ndarray) -> tuple[str, ...]:
    """The targets left out of an analysis (another kind than the rest of their metric, or a unit that does not
    convert to theirs), one line each: kept in the dataset, listed with the result (a table's legend)."""
    if not len(pos):
        return ()
    rows = df[["region", "year", "metric", "kind", "value", "unit", "raw"]].take(pos)
    return tuple(
        f"{r} {y} {m} {v:g} {u or k} (“{raw}”)"
        for r, y, m, k, v, u, raw in zip(
            rows["region"], rows["year"], rows["metric"], rows["kind"], rows["value"], rows["unit"], rows["raw"],
            strict=False,
        )
    )  # fmt: skip


#: Which of the targets (or results) of one region, year and metric is taken, in order: the rule that decided
#: between two that state different values is the cell's ``chosen_by``; the others are listed in ``others``.
PREFERENCE = (
    ("headline", "headline before body"),
    ("own_report", "the report's own sentence before a restatement"),
    ("fuller_qualifier", "the fuller qualifier"),
    ("first", "the first document, then the first in it"),
)


def _preference(df: pd.DataFrame, pos: np.ndarray, year: np.ndarray, record: str) -> list[np.ndarray]:
    """The keys of :data:`PREFERENCE` after the section, most significant first, for the rows at ``pos``: a result
    not reported by the plan of the year after it (its own report: a 2023 plan's review of 2022) is a restatement; a
    target with no qualifier, then one with fewer qualifying words, is less full; then the document and position."""
    restated = np.zeros(len(pos), dtype="int8")
    if record == "result":
        plans = df.loc[_is_in(df["record"], ["target"]), ["doc", "year"]].dropna()
        plan_year = plans.astype({"doc": object}).groupby("doc")["year"].agg(lambda y: y.mode().iloc[0]).to_dict()
        of_doc = df["doc"].take(pos).astype(object).to_numpy()
        restated = np.array([plan_year.get(d) != y + 1 for d, y in zip(of_doc, year, strict=False)], dtype="int8")
    plain = _is_in(df["qualifier"], ["exact"])[pos].astype("int8")
    texts, distinct = pd.factorize(df["qualifier_text"].take(pos).fillna(""))  # each distinct text measured once
    words = -np.array([len(str(t)) for t in distinct] + [0], dtype="int64")[texts]
    return [restated, plain, words, _codes(df["doc"])[pos], df["start"].to_numpy()[pos]]


def _choice(
    df: pd.DataFrame, rows: _Rows, order: np.ndarray, group: np.ndarray, differs: np.ndarray, keys: list[np.ndarray]
) -> tuple[list[str], list[str]]:
    """For each cell, the rule of :data:`PREFERENCE` that chose its target over the first that states another value
    (empty when none does), and the others that do: their raw text and document."""
    chosen_by = [""] * (int(group[-1]) + 1 if len(group) else 0)
    others = [""] * len(chosen_by)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    listed = np.flatnonzero(differs)
    at_rows = rows.pos[order[listed]]
    raw, doc = (df[c].take(at_rows).astype(object).to_numpy() for c in ("raw", "doc"))
    for k, at in enumerate(listed):
        g = int(group[at])
        others[g] += ("; " if others[g] else "") + f"{raw[k]} ({doc[k]})"
        if not chosen_by[g]:
            first = starts[g]
            rule = next((i for i, k in enumerate(keys) if k[first] != k[at]), len(keys) - 1)
            names = ["headline", "own_report", "fuller_qualifier", "fuller_qualifier", "first", "first"]
            chosen_by[g] = names[rule]
    return chosen_by, others


def _tell_choices(cells: pd.DataFrame, caller: str, what: str = "targets", listed: str = "") -> None:
    """Warn that some cells had several values to choose from: which were taken, by which rule, and where the
    others are listed."""
    bad = cells[cells["conflict"].fillna(False).astype(bool)]
    if bad.empty:
        return
    rules = dict(PREFERENCE)
    shown = "; ".join(
        f"{r.region} {r.year} {r.metric}: took “{r.raw}” (by {rules.get(r.chosen_by, r.chosen_by)}) over {r.others}"
        for r in bad.head(3).itertuples()
    )
    more = f"; and {len(bad) - 3} more" if len(bad) > 3 else ""
    listed = listed or (
        "the columns chosen_by and others of planstats.targets() say which and list the rest; planstats.conflicts() "
        "gives every row behind them"
    )
    warnings.warn(
        f"{caller}: {len(bad)} region-year-metric cell(s) have {what} of different values; one was taken by the rule "
        f"({'; '.join(rules.values())}): {shown}{more}. {listed[0].upper()}{listed[1:]}.",
        PlanstatsWarning,
        stacklevel=_checks.outside(),
    )


def _bounds(qualifier: pd.Series, decrease: pd.Series, low: pd.Series, high: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The bounds a target sets (the rule of :mod:`planstats.analysis`): a floor (≥6) has no upper bound, a
    ceiling (≤6) no lower one, missing (``nan``); a decrease stated as a fall (下降3%以上, stored as −3) bounds the
    other side (at most −3)."""
    q = qualifier.astype(object).to_numpy()
    down = decrease.to_numpy(dtype=bool)
    floor = ((q == "at_least") & ~down) | ((q == "at_most") & down)
    ceiling = ((q == "at_most") & ~down) | ((q == "at_least") & down)
    return low.where(~ceiling), high.where(~floor)


def _typed(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells with the dtypes of :data:`CELL_COLUMNS` (converting only what differs)."""
    out = cells
    if out.empty:  # the text columns keep the dtypes of the dataset (categorical, string) when there are rows
        out = out.astype(
            {
                c: object
                for c in (
                    *("region", "region_id", "region_code", "metric", "kind", "unit"),
                    *("qualifier", "qualifier_text", "section", "doc", "raw", "level"),
                )
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

    This is the long table behind [planstats.compare][]: ``value`` (a range by ``range_as``),
    ``low``/``high`` (the bounds it sets: a floor has no high, a ceiling no low), the qualifier
    and its ``hardness``, ``n_targets`` found for the cell, ``conflict`` when they disagree,
    ``chosen_by`` (the rule of ``planstats.cells.PREFERENCE`` that took this one) and ``others`` (those of
    other values), the ``doc``/``raw``/``start``/``end`` of the one used, and the region's ``level``.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metrics : str or iterable of str, optional
        Metric ids (``ps.metrics()``); default: every metric.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        One value per region, year and metric (headline first), with its qualifier, source and whether the
        document states others (``conflict``).

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
    """Every target of the region-year-metric cells whose targets state different values, or one value with
    different qualifiers (6 and 6左右).

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metrics : str or iterable of str, optional
        Metric ids (``ps.metrics()``); default: every metric.
    kind : {'growth', 'level', 'share', 'pp_change'}, optional
        Only targets of this kind; default: the kind most of the metric's targets have (others are left out, with
        a warning).

    Returns
    -------
    pandas.DataFrame
        The targets (rows of ``df``) of every cell whose targets state different values.

    Examples
    --------
    >>> import planstats as ps
    >>> c = ps.conflicts(ps.load(), "foreign_investment", kind="growth")
    >>> c[["region", "year", "section", "value", "raw"]].values.tolist()
    [['西咸新区', 2022, 'headline', 20.0, '实际利用外资增长20%左右'], ['西咸新区', 2022, 'body', 55.0,
    '外商直接投资增长55%以上']]
    """
    cells = targets(df, metrics, kind=kind)
    bad = cells.loc[cells["conflict"], _KEY].rename(columns={"region": "_unit"})
    df = _dataset(df)
    rows = df.assign(_unit=_labels_of_rows(df))[df["record"] == "target"]
    rows = rows.merge(bad.astype({"_unit": object, "metric": object}), on=["_unit", "year", "metric"])
    rows = rows.sort_values(["_unit", "year", "metric", "section", "start"])
    return rows.drop(columns="_unit").reset_index(drop=True)
