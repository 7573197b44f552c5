"""Charts for papers: targets side by side, over time, as a heatmap, and their changes.

Each function takes the dataset first, draws on ``ax=`` (or a new figure sized for one
column of a two-column paper) and returns the Axes. Qualifiers stay visible: a floor (≥)
is a bar with an upward triangle, a ceiling (≤) a downward one, an approximate target (≈)
a hatched bar, a range a whisker from its low to its high end; every bar is labelled as
a researcher writes it. Labels are English by default, ``lang="zh"`` uses the Chinese
names. Colours are seaborn's colour-blind-safe palette.

Chinese text needs a CJK font. :func:`cjk_font` finds one (an installed system font
first, else the whole Noto Sans CJK SC of ``mpl-font`` when installed, else the 3 MB subset
of it that planstats carries, registered with ``font_manager.addfont`` without touching
matplotlib's install). The plot functions use
it for their own text only; :func:`use_cjk_font` makes it the default for all text, when
you ask for it.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from planstats import _checks, analysis
from planstats.cells import _metric_ids, targets
from planstats.chartstyle import (
    _CONFLICT,
    _MARKERS,
    _MARKERS_ACROSS,
    FIGSIZE,
    _axes,
    _drawn,
    _check_lang,
    _empty,
    _finish,
    _palette,
    _source_note,
    style,
)
from planstats.chartstyle import BUNDLED_FONT as BUNDLED_FONT  # the font of charts: part of planstats.plot too
from planstats.chartstyle import SYSTEM_CJK as SYSTEM_CJK
from planstats.chartstyle import FontError as FontError
from planstats.chartstyle import cjk_font as cjk_font
from planstats.chartstyle import use_cjk_font as use_cjk_font
from planstats.dataset import atomic_write
from planstats.errors import ArgumentError
from planstats.tables import cell, labels, metric_label, number

# ---------------------------------------------------------------------------------------
# charts


#: Beyond this many regions (or bars) a chart lays its bars horizontally, one line each
MANY = 8
#: A trajectory draws this many regions in colour, with their names; the rest in grey, named in a note
TOP = 10


#: The level of a region as a chart writes it after its name, when a chart puts regions of several levels together
LEVEL_LABELS = {
    "en": {"province": "province", "prefecture": "prefecture", "county": "county", "zone": "zone"},
    "zh": {"province": "省级", "prefecture": "地级", "county": "县级", "zone": "功能区"},
}


def _region_labels(names: Iterable[str], lang: str, levels: pd.DataFrame | None = None) -> dict[str, str]:
    """Each region's name on a chart: in English when every region has an English name (the
    hand-kept region table), else all as written, so that a chart never mixes the two. When the
    regions are of several levels (``levels``: frame with ``region`` and ``level``), each name
    has its level after it: Xixian New Area (zone), 新城区 (county)."""
    names = list(dict.fromkeys(map(str, names)))
    english, _ = labels("en")
    if lang == "en" and all(n in english for n in names):
        shown = {n: _drawn(english[n]) for n in names}
    else:
        shown = {n: _drawn(n) for n in names}
    level = _levels(levels)
    if len({level.get(n) for n in names}) > 1:
        shown = {n: f"{s} ({LEVEL_LABELS[lang][lv]})" if (lv := level.get(n)) else s for n, s in shown.items()}
    return shown


def _levels(cells: pd.DataFrame | None) -> dict[str, str | None]:
    """Each region's level in ``cells`` (None where unknown)."""
    if cells is None or "level" not in cells.columns:
        return {}
    pairs = zip(cells["region"].astype(str), cells["level"].astype(object), strict=False)
    return {r: (v if isinstance(v, str) else None) for r, v in pairs}


#: What a chart's note says of the values it draws, by ``range_as``
_READING = {
    "en": "Values: a range by its {how} (range_as={range_as!r}), drawn from its low to its high end; ≥, ≤ and ≈ at "
    "the number stated.",
    "zh": "数值：区间取{how} (range_as={range_as!r})，线段标出上下限；≥、≤、≈ 取所述数值。",
}
_HOW = {
    "en": {"mid": "midpoint", "low": "lower end", "high": "upper end"},
    "zh": {"mid": "中点", "low": "下限", "high": "上限"},
}


def _reading(lang: str, range_as: str, conflict: bool = False) -> str:
    """The note of a chart: how its values read (the default written too), and what † means when it is drawn."""
    text = _READING[lang].format(how=_HOW[lang][range_as], range_as=range_as)
    return f"{_CONFLICT[lang]} {text}" if conflict else text


def compare(
    df: pd.DataFrame,
    metric: str,
    year: int | None = None,
    *,
    lang: str = "en",
    ax: Axes | None = None,
    range_as: str = "mid",
) -> Axes:
    """Each region's target side by side (grouped by plan year), qualifiers visible, values labelled.

    Up to ``MANY`` regions stand as columns; more lie as horizontal bars, highest first, each
    labelled at its end, so that 30 regions stay legible. † marks a target whose document
    states another value for it too (``planstats.conflicts``). The note under the chart says
    how ranges count (``range_as``); regions of several levels have their level after their name.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    year : int, optional
        One plan year; default: every year, grouped.
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; default: a new figure.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import planstats as ps
    >>> ax = ps.plot.compare(ps.load(), "gdp_growth")
    >>> [t.get_text() for t in ax.texts]
    ['8–10', '≈6', '≈12', '≥20', '15']
    """
    _check_lang(lang)
    cells = targets(df, metric, range_as=range_as)
    year = _checks.plan_year(year)
    if year is not None:
        cells = cells[cells["year"] == year]
    with style():
        if cells.empty:
            return _empty(_axes(ax), f"no {metric} targets")
        years = sorted(cells["year"].unique())
        flat = cells.groupby("region", observed=True)["value"].max().sort_values(ascending=False).index.tolist()
        names = flat if len(flat) > MANY else list(dict.fromkeys(cells["region"]))
        across = len(names) > MANY  # bars along x, regions down the y axis
        per = cells.groupby("region", observed=True).size().max()
        ax = _axes(ax, figsize=(FIGSIZE[0], max(FIGSIZE[1], 0.16 * len(names) * per + 1.2)) if across else FIGSIZE)
        colors = dict(zip(years, _palette(len(years)), strict=False))
        width = 0.8 / per
        shown = _region_labels(names, lang, cells)
        for i, name in enumerate(names):
            mine = cells[cells["region"] == name].sort_values("year")
            for j, r in enumerate(mine.itertuples()):
                _bar(ax, i + (j - (len(mine) - 1) / 2) * width, r, width, colors[r.year], across)
        ticks = [_wrap(shown[n]) for n in names]
        ax.set_yticks(range(len(names)), ticks) if across else ax.set_xticks(range(len(names)), ticks)
        if across:
            ax.invert_yaxis()  # the highest on top
        kind, unit = cells["kind"].iloc[0], cells["unit"].iloc[0]
        (ax.set_xlabel if across else ax.set_ylabel)(metric_label(metric, lang, kind=kind, unit=unit))
        title = "targets by region" if lang == "en" else "各地区目标"
        ax.set_title(f"{metric_label(metric, lang, kind=kind)}: {title}" + (f", {year}" if year else ""))
        ax.margins(x=0.15) if across else ax.margins(y=0.15)
        (ax.axvline if across else ax.axhline)(0, color="0.5", lw=0.6)
        _legend(
            ax,
            {str(y): colors[y] for y in years},
            cells["qualifier"],
            lang,
            conflict=bool(cells["conflict"].any()),
            across=across,
        )
        _source_note(ax, cells["doc"], lang, df, before=_reading(lang, range_as))
        return _finish(ax)


def _bar(ax: Axes, at: float, r, width: float, color, across: bool) -> None:
    """One target as a bar at ``at``: hatched if approximate, a whisker for a range, a marker
    for a floor or a ceiling, and a label as the tables write it (≥20, ≈12, 8–10, †)."""
    hatch = "////" if r.qualifier == "approx" else None
    draw = ax.barh if across else ax.bar
    draw(at, r.value, width * 0.92, color=color, hatch=hatch, edgecolor="white", linewidth=0)
    point = (r.value, at) if across else (at, r.value)
    if r.qualifier == "range":
        spread = [[r.value - r.low], [r.high - r.value]]
        x, y = point
        ax.errorbar(
            x, y, xerr=spread if across else None, yerr=None if across else spread, color="0.15", capsize=3, lw=1
        )
    elif r.qualifier in ("at_least", "at_most"):
        marker = (_MARKERS_ACROSS if across else _MARKERS)[r.qualifier]
        ax.plot(*point, marker=marker, color="0.15", markersize=5)
    end = max(r.high, r.value) if r.qualifier == "range" else r.value
    text = cell(r.value, r.qualifier, r.low, r.high) + ("†" if r.conflict else "")
    if across:
        ax.annotate(text, (end, at), xytext=(6, 0), textcoords="offset points", ha="left", va="center", fontsize=7)
    else:
        ax.annotate(text, (at, end), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom", fontsize=7.5)


def _wrap(label: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(label, width)) if " " in label else label


def _legend(
    ax: Axes,
    colors: dict[str, object],
    qualifiers: pd.Series,
    lang: str,
    *,
    conflict: bool = False,
    across: bool = False,
) -> None:
    """One legend outside the plot: the plan years' colours, then what the symbols mean."""
    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    words = {
        "en": {"at_least": "at least (≥)", "at_most": "at most (≤)", "approx": "approximately (≈)", "range": "range"},
        "zh": {"at_least": "以上 (≥)", "at_most": "以内 (≤)", "approx": "左右 (≈)", "range": "区间"},
    }[lang]
    handles: list[Artist] = [Patch(color=c, label=y) for y, c in colors.items()]  # type: ignore[arg-type]
    present = set(qualifiers)
    for q, text in words.items():
        if q not in present:
            continue
        if q == "approx":
            handles.append(Patch(facecolor="0.75", hatch="////", edgecolor="white", label=text))
        elif q == "range":
            handles.append(Line2D([], [], color="0.15", marker="|", markersize=8, lw=1, label=text))
        else:
            marker = (_MARKERS_ACROSS if across else _MARKERS)[q]  # as the bars lie
            handles.append(Line2D([], [], color="0.15", marker=marker, lw=0, label=text))
    if conflict:
        handles.append(Line2D([], [], lw=0, label=_CONFLICT[lang].rstrip(".。")))
    ax.legend(handles=handles, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def trajectory(
    df: pd.DataFrame, metric: str, *, lang: str = "en", ax: Axes | None = None, range_as: str = "mid"
) -> Axes:
    """Each region's target over its plan years; a year without a plan is a gap in the line.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; default: a new figure.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import planstats as ps
    >>> ax = ps.plot.trajectory(ps.load(), "gdp_growth")
    >>> [len(line.get_xdata()) for line in ax.lines if line.get_label() == "Xixian New Area (zone)"]
    [4]
    """
    _check_lang(lang)
    cells = targets(df, metric, range_as=range_as)
    with style():
        ax = _axes(ax)
        if cells.empty:
            return _empty(ax, f"no {metric} targets")
        years = list(range(int(cells["year"].min()), int(cells["year"].max()) + 1))
        names = list(dict.fromkeys(cells["region"]))
        shown = _region_labels(names, lang, cells)
        # many regions: the TOP highest of their last plan year in colour, the rest in grey and named in the note
        latest = cells.sort_values("year").groupby("region", observed=True)["value"].last().sort_values(ascending=False)
        top = latest.index[:TOP].tolist() if len(names) > TOP else names
        rest = [n for n in names if n not in top]
        for name in rest:
            mine = cells[cells["region"] == name].set_index("year").reindex(years)
            ax.plot(years, mine["value"].to_numpy(dtype=float), color="0.8", lw=0.8, zorder=1)
        _plot_lines(ax, cells, top, years, shown)
        ax.set_xticks(years, [str(y) for y in years])
        ax.set_xlabel("plan year" if lang == "en" else "计划年份")
        kind, unit = cells["kind"].iloc[0], cells["unit"].iloc[0]
        ax.set_ylabel(metric_label(metric, lang, kind=kind, unit=unit))
        ax.set_title(
            f"{metric_label(metric, lang, kind=kind)}: " + ("targets over time" if lang == "en" else "目标的变化")
        )
        ax.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
        ax.margins(x=0.08, y=0.15)
        notes = []
        if cells.loc[cells["region"].isin(top), "conflict"].any():
            notes.append(_CONFLICT[lang])
        if rest:
            listed = ", ".join(shown[n] for n in rest)
            notes.append(
                f"In grey, the {len(rest)} other regions (below the {TOP} highest of their last plan year): {listed}."
                if lang == "en"
                else f"灰线为其余{len(rest)}个地区：{listed}。"
            )
        _source_note(ax, cells["doc"], lang, df, before=" ".join([*notes, _reading(lang, range_as)]))
        return _finish(ax)


def _plot_lines(ax: Axes, cells: pd.DataFrame, top: list[str], years: list[int], shown: dict[str, str]) -> None:
    """The line of each region of ``top`` over ``years`` (a year with no plan: a gap), each point
    marked by its qualifier (a range as a bar, a floor or a ceiling as a triangle) and labelled as
    the tables write it; labels of close values in the same year stack upwards rather than print
    over each other (12 and ≈12)."""
    close = 0.04 * float(cells["value"].max() - cells["value"].min() or 1.0)
    placed: dict[int, list[float]] = {}
    for color, name in zip(_palette(len(top)), top, strict=False):
        mine = cells[cells["region"] == name].set_index("year").reindex(years)  # missing years: NaN, a gap
        ax.plot(
            years,
            mine["value"].to_numpy(dtype=float),
            color=color,
            lw=1.5,
            label=shown[name],
            marker="o",
            markersize=3,
        )
        for y, r in mine.dropna(subset=["value"]).iterrows():
            if r["qualifier"] == "range":
                ax.vlines(y, r["low"], r["high"], color=color, lw=1)
            elif r["qualifier"] in ("at_least", "at_most"):
                ax.plot(y, r["value"], marker=_MARKERS[r["qualifier"]], color=color, markersize=6)
            below = sum(abs(v - r["value"]) < close for v in placed.setdefault(y, []))
            placed[y].append(r["value"])
            text = cell(r["value"], r["qualifier"], r["low"], r["high"]) + ("†" if r["conflict"] else "")
            ax.annotate(
                text, (y, r["value"]), xytext=(4, 4 + 9 * below), textcoords="offset points", fontsize=7, color=color
            )


def heatmap(
    df: pd.DataFrame,
    *,
    year: int | None = None,
    metrics: str | Iterable[str] | None = None,
    min_regions: int = 2,
    lang: str = "en",
    ax: Axes | None = None,
    range_as: str = "mid",
) -> Axes:
    """Regions x metrics, each metric scaled from its lowest (0) to its highest (1) target so
    that unlike units sit together; cells show the real values. With ``year=None`` the rows
    are region-years. Metrics default to those that at least ``min_regions`` regions set.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    year : int, optional
        One plan year; default: every year (rows are region-years).
    metrics : str or iterable of str, optional
        Metric ids; default: those at least ``min_regions`` regions set.
    min_regions : int
        See ``metrics``.
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; default: a new figure.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import planstats as ps
    >>> ax = ps.plot.heatmap(ps.load(), year=2021)
    >>> sorted(t.get_text() for t in ax.get_yticklabels())
    ["Xi'an High-tech Industries Development Zone (zone)", "Xincheng District, Xi'an (county)"]
    """
    _check_lang(lang)
    ids = _metric_ids(metrics, "metrics") if metrics is not None else None
    year = _checks.plan_year(year)
    if year is not None:
        df = df[df["year"] == year]
    cells = _heatmap_cells(df, ids, year, min_regions, lang, range_as)
    with style():
        if cells.empty:
            return _empty(_axes(ax), "no metric is set by enough regions")
        import seaborn as sns

        values, text, scaled = _scaled(cells)
        width = min(max(FIGSIZE[0], 0.55 * len(values.columns) + 3), 12)
        ax = _axes(ax, figsize=(width, (0.45 if len(values) <= 12 else 0.26) * len(values) + 2.2))
        sns.heatmap(
            scaled,
            annot=text.to_numpy(),
            fmt="",
            cmap="cividis",
            vmin=0,
            vmax=1,
            linewidths=0.5,
            linecolor="white",
            cbar_kws={"label": "lowest → highest target of the metric" if lang == "en" else "各指标内由低到高"},
            annot_kws={"fontsize": 7},
            ax=ax,
        )
        ax.set_xticks(np.arange(len(values.columns)) + 0.5, list(values.columns), rotation=40, ha="right")
        ax.tick_params(axis="y", rotation=0)
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_title(
            ("Targets by region and metric" if lang == "en" else "各地区各指标目标") + (f", {year}" if year else "")
        )
        _source_note(ax, cells["doc"], lang, df, before=_reading(lang, range_as, bool(cells["conflict"].any())))
        return _finish(ax)


def _heatmap_cells(
    df: pd.DataFrame, ids: list[str] | None, year: int | None, min_regions: int, lang: str, range_as: str = "mid"
) -> pd.DataFrame:
    """The targets of a heatmap with their row (region, or region and year) and column (metric,
    kind and unit) labels; with no metrics chosen, those that ``min_regions`` regions set."""
    # A metric set both as a level and as a growth rate (利用外资 39亿美元, 增长15%) gets a column for each.
    parts = [targets(df, ids, kind=k, range_as=range_as) for k in ("growth", "level", "share", "pp_change")]
    cells = pd.concat([p for p in parts if not p.empty] or parts[:1], ignore_index=True)
    shown = _region_labels(cells["region"], lang, cells)
    cells = cells.assign(
        row=[
            shown[str(r)] + ("" if year is not None else f" {y}")
            for r, y in zip(cells["region"], cells["year"], strict=False)
        ],
        column=[
            metric_label(m, lang, kind=k, unit=u)
            for m, k, u in zip(cells["metric"], cells["kind"], cells["unit"], strict=False)
        ],
    )
    if ids is None:
        counts = cells.groupby("column", observed=True)["region"].nunique()
        cells = cells[cells["column"].map(counts) >= min_regions]
    return cells


def _scaled(cells: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The values of a heatmap (rows x columns), the text of each cell (as the tables write it, †
    for a conflict), and each column scaled from its lowest (0) to its highest (1) value."""
    values = cells.pivot(index="row", columns="column", values="value")
    text = cells.assign(
        t=[
            cell(v, q, lo, hi) + ("†" if c else "")
            for v, q, lo, hi, c in zip(
                cells["value"], cells["qualifier"], cells["low"], cells["high"], cells["conflict"], strict=False
            )
        ]
    )
    text = text.pivot(index="row", columns="column", values="t").reindex_like(values).fillna("")
    span = values.max() - values.min()
    scaled = (values - values.min()) / span.where(span > 0, 1.0)
    scaled.loc[:, span == 0] = 0.5  # one value, or all equal: the middle of the scale
    return values, text, scaled.where(values.notna())


def yoy(df: pd.DataFrame, metric: str, *, lang: str = "en", ax: Axes | None = None, range_as: str = "mid") -> Axes:
    """The change of each region's target between plan years: percentage points for rates,
    percent for levels (the metric's kind decides); each bar labelled with both targets as the
    tables write them (≈12 → ≥20) and the change. More than ``MANY`` bars lie horizontally,
    largest rise first.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset: of ``load``, ``extract`` or ``build``, or made from one with pandas.
    metric : str
        A metric id (``ps.metrics()``).
    lang : {'en', 'zh'}
        Labels of regions and metrics in English (default) or Chinese.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; default: a new figure.
    range_as : {'mid', 'low', 'high'}
        The value of a range target (8–10%): its midpoint, lower or upper end.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Examples
    --------
    >>> import planstats as ps
    >>> ax = ps.plot.yoy(ps.load(), "new_high_tech_enterprises")
    >>> ax.get_ylabel()
    'New national high-tech enterprises (change, %)'
    >>> print(ax.texts[0].get_text())
    ≥300 → ≥650 家
    +116.67% (+350)
    """
    _check_lang(lang)
    changes = analysis.yoy(df, metric, range_as=range_as)
    with style():
        if changes.empty:
            return _empty(_axes(ax), f"no region has {metric} targets in two plan years")
        rate = changes["kind"].iloc[0] in analysis.RATE_KINDS
        column, unit = ("change", "pp") if rate else ("change_pct", "%")
        across = len(changes) > MANY
        if across:
            changes = changes.sort_values(column, ascending=False, kind="stable").reset_index(drop=True)
        ax = _axes(ax, figsize=(FIGSIZE[0], max(FIGSIZE[1], 0.32 * len(changes) + 1.2)) if across else FIGSIZE)
        shown = _region_labels(changes["region"], lang, changes)
        ticks = [
            f"{shown[r]} {p}" if across else f"{shown[r]}\n{p}"
            for r, p in zip(changes["region"], changes["period"], strict=False)
        ]
        values = changes[column].to_numpy(dtype=float)
        colors = [_palette(2)[0] if v >= 0 else _palette(2)[1] for v in values]
        (ax.barh if across else ax.bar)(range(len(ticks)), values, 0.6, color=colors)
        _label_bars(ax, changes, values, rate=rate, across=across)
        kind = changes["kind"].iloc[0]
        _bar_axes(
            ax,
            ticks,
            metric_label(metric, lang, kind=kind, unit=("change, " if lang == "en" else "变化，") + unit),
            across,
        )
        ax.set_title(
            f"{metric_label(metric, lang, kind=kind)}: "
            + ("change of the target between plan years" if lang == "en" else "目标的年度变化")
        )
        _source_note(
            ax,
            [*changes["doc_from"], *changes["doc_to"]],
            lang,
            df,
            before=_reading(lang, range_as, bool(changes["conflict"].any())),
        )
        return _finish(ax)


def _label_bars(ax: Axes, changes: pd.DataFrame, values: np.ndarray, *, rate: bool, across: bool) -> None:
    """Label each bar of :func:`yoy` with both targets as the tables write them and the change:
    beside a bar that lies across, above (or below) one that stands."""
    for i, (v, r) in enumerate(zip(values, changes.itertuples(), strict=False)):
        both = (
            f"{cell(r.value_from, r.qualifier_from, r.low_from, r.high_from)} → "
            f"{cell(r.value_to, r.qualifier_to, r.low_to, r.high_to)}{'' if rate else ' ' + str(r.unit)}"
        )
        change = f"{_signed(v)} pp" if rate else f"{_signed(v)}% ({_signed(r.change)})"
        text = f"{both}{'†' if r.conflict else ''}" + (": " if across else "\n") + change
        if across:
            ax.annotate(
                text,
                (v, i),
                xytext=(4 if v >= 0 else -4, 0),
                textcoords="offset points",
                ha="left" if v >= 0 else "right",
                va="center",
                fontsize=7,
            )
        else:
            ax.annotate(
                text,
                (i, v),
                xytext=(0, 4 if v >= 0 else -4),
                textcoords="offset points",
                ha="center",
                va="bottom" if v >= 0 else "top",
                fontsize=7.5,
            )


def _bar_axes(ax: Axes, ticks: list[str], change: str, across: bool) -> None:
    """The zero line, the ticks of the regions and the label of the change of :func:`yoy`."""
    if across:
        ax.axvline(0, color="0.4", lw=0.8)
        ax.set_yticks(range(len(ticks)), ticks)
        ax.invert_yaxis()
        ax.set_xlabel(change)
        ax.margins(x=0.75)  # room for the labels beside the bars
    else:
        ax.axhline(0, color="0.4", lw=0.8)
        ax.set_xticks(range(len(ticks)), ticks)
        pad = max(0.0, (4 - len(ticks)) / 2)  # a lone bar stays a bar, in the middle
        ax.set_xlim(-0.75 - pad, len(ticks) - 0.25 + pad)
        ax.set_ylabel(change)
        ax.margins(y=0.25)


def _signed(v: float) -> str:
    return ("+" if v > 0 else "") + number(v)


def save(ax: Axes, path: str | os.PathLike, *, formats: Iterable[str] | None = None) -> list[Path]:
    """Save the figure of ``ax`` atomically: to ``path`` (.png at 300 dpi, .svg, .pdf), and to
    the same name with each of ``formats`` (e.g. ``("svg", "pdf")``) beside it.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        A chart of ``ps.plot``.
    path : str or os.PathLike
        The file; its suffix is its format.
    formats : iterable of str, optional
        Also write these formats beside it, under the same name (``('svg', 'pdf')``).

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import planstats as ps, tempfile, pathlib
    >>> ax = ps.plot.compare(ps.load(), "gdp_growth")
    >>> [p.suffix for p in ps.plot.save(ax, pathlib.Path(tempfile.mkdtemp()) / "gdp.png", formats=["pdf"])]
    ['.png', '.pdf']
    """
    path = Path(path)
    targets = [path] + [path.with_suffix("." + f.lstrip(".")) for f in formats or ()]
    out = []
    figure = cast(Figure, ax.figure)  # planstats draws no subfigures
    with style():
        for target in targets:
            fmt = target.suffix.lstrip(".").lower()
            if fmt not in ("png", "svg", "pdf"):
                raise ArgumentError(
                    f"The format of {target} must be one of ['png', 'svg', 'pdf'], but {fmt!r} was passed."
                )

            def draw(tmp: str, fmt: str = fmt) -> None:
                figure.savefig(tmp, format=fmt)

            out.append(atomic_write(target, draw))
    return out
