"""The metric taxonomy (``data/metrics.csv``) and the mapping of indicator phrases onto it.

An alias matches when it occurs in the indicator phrase; ``…`` in an alias stands for any
short gap (``重点…项目…年度…投资`` matches 重点建设项目年度计划投资), a leading ``^``
anchors it at the start of the phrase and a trailing ``$`` at its end (``^经济$`` is the
whole phrase 经济, not 数字经济 nor 经济总量). Among the aliases that
match, and whose metric accepts the target's kind and unit, the longest wins.

A metric that counts additions (``new_high_tech_enterprises``) may name, in the column
``total``, the metric of the total: a target of it that *reaches* a number (its verb or
threshold word is a ``stock_verb`` of ``data/lexicon.csv``: 高新技术企业达到300家, 突破300家)
and whose indicator names no addition (no ``lead_verb``: 新增, 培育 …) is the total.

An amount (a level in a unit that is no count: 亿元, 亩) whose indicator names an increment
(an ``increment`` word of the lexicon: 新增工业总产值300亿元) is not the level of its metric:
it matches only an alias that names the increment itself. Nor is a measure per person or per
unit (a ``per_unit`` word right before the alias, or at the start of the phrase: 人均地区生产总值,
单位地区生产总值能耗, 每万人高价值发明专利拥有量) the metric that the alias names, unless the alias
names that word too.

A bare percentage of a metric that is only ever a growth rate is read as that rate
(居民消费价格涨幅控制在3%左右), and one near 100 as an index with the year before at 100
(居民消费价格指数控制在103%以内: a rise of 3%).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from planstats._data import DATA_DIR, read_rows
from planstats.errors import DataFileError
from planstats.extract import KINDS, OF_PLAN_YEAR, Target
from planstats.lexicon import lexicon
from planstats.numbers import PLAN_PERIOD, plan_period_end, scale, units

_COLUMNS = ("id", "label_en", "label_zh", "kinds", "unit_family", "category", "aliases")
# An indicator qualified by a threshold ("投资5亿元以上的项目") is not the indicator itself.
_THRESHOLD = re.compile(r"\d[^的]{0,8}的")
# The base year of a change, at the end of the indicator phrase (单位GDP能耗比2020年, 较2020年末)
_BASE_YEAR = re.compile(
    rf"(?:比|较|与)(?:((?:19|20)\d{{2}})年|{PLAN_PERIOD}(?:规划)?(?:期|时期)?(?=末))(?:末|底)?(?:同期)?(?:相比|比)?$"
)  # or 比十三五末
_BASE_ENDS = ("年", "末", "底", "期", "比")
# A bare percentage of a growth rate from this to this is an index, the year before at 100 (103% = +3%)
_INDEX = (90.0, 130.0)


@dataclass(frozen=True)
class Metric:
    """One metric of the taxonomy."""

    id: str
    label_en: str
    label_zh: str
    kinds: tuple[str, ...]
    unit_families: tuple[str, ...]
    category: str
    aliases: tuple[str, ...]
    total: str = ""  # for a metric of additions: the metric of the total (column ``total``, optional)
    unit: str = ""  # the canonical unit of its levels (column ``unit``, optional): 万吨, 亿元


@dataclass(frozen=True)
class _Alias:
    metric: Metric
    text: str
    pattern: re.Pattern[str]
    weight: int


@functools.lru_cache(maxsize=4)
def load_taxonomy(path: Path | None = None) -> tuple[Metric, ...]:
    """Read and validate the taxonomy: unique ids, known kinds and unit families, no alias
    claimed by two metrics for the same kind."""
    path = Path(path) if path else DATA_DIR / "metrics.csv"
    families = {u.family for u in units().values()}
    metrics: list[Metric] = []
    claimed: dict[tuple[str, str], str] = {}
    for line, row in enumerate(read_rows(path.name, _COLUMNS, path), start=2):
        where = f"{path}, line {line}"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["id"]):
            raise DataFileError(f"{where}: metric id {row['id']!r} must be lower_snake_case.")
        if any(m.id == row["id"] for m in metrics):
            raise DataFileError(f"{where}: duplicate metric id {row['id']!r}.")
        kinds = tuple(k for k in row["kinds"].split("|") if k)
        bad = [k for k in kinds if k not in KINDS]
        if not kinds or bad:
            raise DataFileError(f"{where}: kinds must be drawn from {list(KINDS)}, not {row['kinds']!r}.")
        unit_families = tuple(f for f in row["unit_family"].split("|") if f)
        if "level" in kinds and not unit_families:
            raise DataFileError(f"{where}: metric {row['id']!r} has kind 'level' but no unit_family.")
        unknown = [f for f in unit_families if f not in families]
        if unknown:
            raise DataFileError(f"{where}: unknown unit family {unknown}; known: {sorted(families)}.")
        aliases = tuple(a for a in row["aliases"].split("|") if a)
        if not aliases:
            raise DataFileError(f"{where}: metric {row['id']!r} has no alias.")
        for alias in aliases:
            for kind in kinds:
                other = claimed.setdefault((alias, kind), row["id"])
                if other != row["id"]:
                    raise DataFileError(
                        f"{where}: alias {alias!r} ({kind}) is claimed by both {other!r} and {row['id']!r}."
                    )
        metrics.append(
            Metric(
                row["id"],
                row["label_en"],
                row["label_zh"],
                kinds,
                unit_families,
                row["category"],
                aliases,
                row.get("total", ""),
                _canonical_unit(row.get("unit", ""), unit_families, f"{where}: metric {row['id']!r}"),
            )
        )
    _check_totals(metrics, path)
    return tuple(metrics)


def _canonical_unit(unit: str, families: tuple[str, ...], where: str) -> str:
    """The ``unit`` of a row of ``data/metrics.csv``: empty, or a unit of ``data/units.csv`` (with a magnitude word:
    万吨) of one of the metric's unit families."""
    if not unit:
        return unit
    base, _ = scale(unit)
    table = units()
    family = next((u.family for u in table.values() if u.canonical == base), None)
    if family is None or family not in families:
        raise DataFileError(
            f"{where}: unit {unit!r} is no unit of its unit families {list(families)} in data/units.csv; "
            "write one of their units (with 万 or 亿 before it if need be), or leave it empty."
        )
    return unit


def _check_totals(metrics: list[Metric], path: Path) -> None:
    """Each metric's ``total`` (a metric of additions: the metric of its running total) names another
    metric of the same kinds and units."""
    by_id = {m.id: m for m in metrics}
    for line, m in enumerate(metrics, start=2):
        if not m.total:
            continue
        total = by_id.get(m.total)
        if (
            total is None
            or total is m
            or not set(m.kinds) <= set(total.kinds)
            or not set(m.unit_families) <= set(total.unit_families)
        ):
            raise DataFileError(
                f"{path}, line {line}: the total of {m.id!r} must be another metric of the same kinds and units, not "
                f"{m.total!r}."
            )


@functools.lru_cache(maxsize=4)
def _aliases(path: Path | None = None) -> tuple[_Alias, ...]:
    out = []
    for metric in load_taxonomy(path):
        for text in metric.aliases:
            words = text.lstrip("^").rstrip("$")
            body = ".{0,12}?".join(re.escape(part) for part in words.split("…"))
            pattern = re.compile(("^" if text.startswith("^") else "") + body + ("$" if text.endswith("$") else ""))
            out.append(_Alias(metric, text, pattern, len(words.replace("…", ""))))
    return tuple(sorted(out, key=lambda a: a.weight, reverse=True))


@functools.lru_cache(maxsize=4)
def _alias_index(path: Path | None = None) -> dict[str, tuple[int, ...]]:
    """The aliases (their positions in ``_aliases``) by the first two characters of their
    longest word: an alias can match a phrase only if the phrase holds that key, so a lookup
    tries the few aliases whose key is in the phrase, not all of them."""
    index: dict[str, list[int]] = {}
    for k, alias in enumerate(_aliases(path)):
        longest = max(alias.text.lstrip("^").rstrip("$").split("…"), key=len)
        index.setdefault(longest[:2], []).append(k)
    return {key: tuple(found) for key, found in index.items()}


def _candidates(metric_text: str) -> list[_Alias]:
    """The aliases that may match ``metric_text``, heaviest first."""
    index, aliases = _alias_index(), _aliases()
    found: set[int] = set()
    for i in range(len(metric_text)):
        for key in (metric_text[i : i + 2], metric_text[i]):
            found.update(index.get(key, ()))
    return [aliases[k] for k in sorted(found)]


@functools.lru_cache(maxsize=1 << 16)  # a corpus repeats its common phrases (地区生产总值), not its long ones
def match_metric(metric_text: str, kind: str, unit_family: str, to_end: bool = False) -> tuple[str | None, str]:
    """The metric id for an indicator phrase, and the kind (a bare percentage of a metric
    that is only ever a growth rate is read as growth). With ``to_end``, an alias must reach
    the end of the phrase: the things counted in 推动50家规上工业企业实施技术改造 are those
    that act, and what they do is the metric.

    Examples
    --------
    >>> match_metric("城镇登记失业率", "share", "percent")
    ('urban_unemployment_rate', 'share')
    >>> match_metric("新增国家高新技术企业", "level", "count")
    ('new_high_tech_enterprises', 'level')
    >>> match_metric("地区生产总值", "share", "percent")
    ('gdp_growth', 'growth')
    >>> match_metric("GDP增速", "pp_change", "pp")  # a growth rate that changes by percentage points
    ('gdp_growth', 'pp_change')
    """
    if not metric_text or "、" in metric_text or _THRESHOLD.search(metric_text):
        return None, kind  # 新建中小学、幼儿园: an amount of several things is none of their metrics
    increments = (
        () if kind != "level" or unit_family in _counted() else [w for w in lexicon().increment if w in metric_text]
    )
    per_unit = lexicon().per_unit
    rate = metric_text.endswith(lexicon().growth_noun)  # GDP增速提高0.5个百分点: the change of a growth rate
    best: tuple[int, int, str, str] | None = None
    for alias in _candidates(metric_text):
        if best and alias.weight < best[0]:
            break
        m = alias.pattern.search(metric_text)
        if not m or (to_end and m.end() != len(metric_text)):
            continue
        metric = alias.metric
        use_kind = kind
        if kind == "share" and "share" not in metric.kinds and "growth" in metric.kinds and m.end() == len(metric_text):
            use_kind = "growth"
        if use_kind not in metric.kinds and not (
            use_kind == "pp_change" and ("share" in metric.kinds or ("growth" in metric.kinds and rate))
        ):
            continue
        if use_kind in ("level", "share") and unit_family not in (metric.unit_families or ("percent",)):
            continue
        if any(w not in alias.text for w in increments):  # 新增工业总产值: an increment, not the output
            continue
        if (
            metric_text[: m.start()].endswith(per_unit) or (m.start() and metric_text.startswith(per_unit))
        ) and not any(w in alias.text for w in per_unit):
            continue  # 人均地区生产总值, 每万人高价值发明专利拥有量: per person, not the GDP nor the patents
        candidate = (alias.weight, m.end(), metric.id, use_kind)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    if best is None and rate and kind in ("growth", "share"):
        # 经济预期增长目标为6%: the growth of what the phrase names before its word of growth (经济)
        noun = next(w for w in sorted(lexicon().growth_noun, key=len, reverse=True) if metric_text.endswith(w))
        if len(metric_text) > len(noun):
            return match_metric(metric_text[: -len(noun)], "growth", unit_family, to_end)
    return (best[2], best[3]) if best else (None, kind)


@functools.lru_cache(maxsize=1)
def _counted() -> frozenset[str]:
    """The unit families of counts (家, 个, 人: integer units), whose additions are counts too."""
    families: dict[str, bool] = {}
    for u in units().values():
        families[u.family] = families.get(u.family, True) and u.integer
    return frozenset(f for f, integer in families.items() if integer)


def assign_metrics(targets: list[Target], plan_year: int | None = None) -> list[tuple[Target, str | None]]:
    """Pair each target with its metric id (``None`` when no metric fits).

    A target or result measured from a base year other than the year before its own (单位GDP能耗比2020年
    下降13.5% in a plan for 2024: the change of four years) is no yearly change of a metric: it keeps no
    metric id. The year of a target is ``plan_year``, that of a result its own. A horizon (到2025年，…比
    2020年增长50%) keeps its metric: it is a change over the years up to it anyway.

    A target that reaches a number of a metric of additions is the total (see the module), and so is
    one opened by a ``cumulative`` word of the lexicon (累计建成5G基站3000个, 累计培育高新技术企业120家).
    Conversely, a total that grows by a count (高新技术企业总数增加30家, 规上工业企业数量净增60家: a
    ``growth_verb`` or an ``increment`` word) is the count of additions.
    An amount that grows or falls by a number (一般公共预算收入增加2亿元: its verb is a
    ``growth_verb`` or ``decrease_verb``) is a change of the amount, not the amount: it keeps
    no metric id (a count that grows, 高新技术企业增加30家, is a count of additions).
    A target introduced by 其中 ("of which") that repeats the metric of a full target just
    before it is a part of that target, not the metric itself: it keeps no metric id.
    """
    out: list[tuple[Target, str | None]] = []
    totals = {m.id: m.total for m in load_taxonomy() if m.total}
    additions_of = {total: m for m, total in totals.items()}
    lex = lexicon()
    reach, additions = frozenset(lex.stock_verb), lex.lead_verb
    changes = frozenset(lex.growth_verb + lex.decrease_verb)
    increments = lex.increment
    grows = frozenset(lex.growth_verb + increments)
    counted = _counted()
    acts = frozenset(lex.cause_verb)  # 推动50家企业实施技术改造: the metric is the action
    whole: dict[str, int] = {}  # metric -> last sentence with a full (not 其中) target of it
    for t in targets:
        metric_text = t.metric_text
        base = _BASE_YEAR.search(metric_text) if t.kind != "share" and metric_text.endswith(_BASE_ENDS) else None
        if base and t.record != "horizon":
            year = plan_year if t.record in OF_PLAN_YEAR else t.year
            since = int(base[1]) if base[1] else plan_period_end(base[2])
            metric_text = metric_text[: base.start()] if year is not None and since == year - 1 else ""
        metric, kind = match_metric(metric_text, t.kind, t.unit_family, t.verb in acts)
        if kind != t.kind:
            index = t.kind == "share" and _INDEX[0] <= t.value <= _INDEX[1]  # 居民消费价格指数控制在103%以内
            t = (
                replace(t, kind=kind, value=t.value - 100, value_high=t.value_high and t.value_high - 100)
                if index
                else replace(t, kind=kind)
            )
        if metric and t.kind == "level" and t.verb in changes and t.unit_family not in counted:
            metric = None  # 一般公共预算收入增加2亿元: a change of the amount, not the amount
        if metric in totals and (
            t.cumulative or (_reaches(t, reach) and not any(w in t.metric_text for w in additions))
        ):
            metric = totals[metric]
        elif (
            metric in additions_of
            and t.kind == "level"
            and not t.cumulative
            and (t.verb in grows or any(w in t.metric_text for w in increments))
        ):
            metric = additions_of[metric]  # 规上工业企业数量净增60家: the additions, not the total
        if metric and t.subset and metric in whole and t.sentence - whole[metric] <= 1:
            metric = None
        if metric and not t.subset:
            whole[metric] = max(whole.get(metric, t.sentence), t.sentence)
        out.append((t, metric))
    return out


def _reaches(t: Target, words: frozenset[str]) -> bool:
    """Whether the verb or a qualifying word of ``t`` says it reaches its number (达到, 突破)."""
    return t.verb in words or any(w in words for w in t.qualifier_text.split("…"))


def metrics() -> pd.DataFrame:
    """The metric taxonomy as a DataFrame, one row per metric.

    Returns
    -------
    pandas.DataFrame
        The metric taxonomy: id, label_en, label_zh, kinds, unit_family, category, aliases, total, and ``unit``, the
        canonical unit of its levels (``value_std`` of a dataset is in it).

    Examples
    --------
    >>> m = metrics()
    >>> m.loc[m.id == "gdp_growth", "label_en"].item()
    'GDP growth'
    """
    rows = [
        {
            "id": m.id,
            "label_en": m.label_en,
            "label_zh": m.label_zh,
            "kinds": "|".join(m.kinds),
            "unit_family": "|".join(m.unit_families),
            "category": m.category,
            "aliases": "|".join(m.aliases),
            "total": m.total,
            "unit": m.unit,
        }
        for m in load_taxonomy()
    ]
    return pd.DataFrame(rows, columns=[*_COLUMNS, "total", "unit"])


@functools.lru_cache(maxsize=1)
def _standard_units() -> dict[str, str]:
    return {m.id: m.unit for m in load_taxonomy() if m.unit}


def standard(value: float, unit: str, metric: str | None, kind: str) -> tuple[float, str]:
    """A value in the canonical unit of its metric (``value_std``, ``unit_std`` of a dataset): a level of a metric
    with a ``unit`` in ``data/metrics.csv`` converted to it, exactly, when its unit converts (``data/units.csv``); any
    other value as written. A level whose unit does not convert to its metric's (美元 and 元) has no standard value
    (``nan``, ``""``): it is kept, with its ``value`` and ``unit``, and listed by the analyses that leave it out.

    Examples
    --------
    >>> standard(120.0, "亿斤", "grain_output", "level"), standard(8.0, "%", "gdp_growth", "growth")
    ((600.0, '万吨'), (8.0, '%'))
    >>> standard(5.0, "亿美元", "gdp", "level")
    (nan, '')
    """
    to = _standard_units().get(metric or "") if kind == "level" else None
    if not to or unit == to:
        return value, unit
    base_from, size_from = scale(unit)
    base_to, size_to = scale(to)
    if base_from != base_to:
        return float("nan"), ""
    ratio = size_from / size_to
    return value * ratio.numerator / ratio.denominator, to
