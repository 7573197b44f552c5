"""A small report of a dataset: comparison and change tables (Markdown), charts (PNG), BibTeX.

``planstats report -o out`` (what ``make demo`` runs) writes::

    out/README.md              the report: every table, every chart, what each shows
    out/tables/compare_<metric>.md, out/tables/yoy.md
    out/charts/compare_<metric>.png, trajectory_<metric>.png, heatmap.png, yoy_<metric>.png
    out/sources.bib            the documents behind it, as BibTeX
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes

from planstats import analysis, plot, tables
from planstats.dataset import atomic_write
from planstats.errors import PlanstatsWarning
from planstats.formats import markdown_text
from planstats.taxonomy import load_taxonomy


def main_metrics(df: pd.DataFrame, *, n: int = 6, min_docs: int = 3) -> list[str]:
    """The metrics of the taxonomy that most plans set (at least ``min_docs`` documents), most common first.

    Examples
    --------
    >>> import planstats as ps
    >>> main_metrics(ps.load(), n=3)
    ['gdp_growth', 'fiscal_revenue_growth', 'foreign_investment']
    """
    t = df[(df["record"] == "target") & df["metric"].notna()]
    docs = t.groupby("metric", observed=True)["doc"].nunique()
    docs = docs[docs >= min_docs]
    taxonomy = {m.id: i for i, m in enumerate(load_taxonomy())}
    # only the metrics the taxonomy knows (an id of a newer one has no label to chart; load() names it);
    # ties: the taxonomy's order
    order = sorted((m for m in docs.index if m in taxonomy), key=lambda m: (-docs[m], taxonomy[m]))
    return [str(m) for m in order[:n]]


def _write(path: Path, text: str) -> Path:
    return atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def report(df: pd.DataFrame, out: str | os.PathLike = "out", *, lang: str = "en", n_metrics: int = 6) -> list[Path]:
    """Write the report of ``df`` into the folder ``out``; return the files written.

    Warnings about targets left out of a comparison (another kind or unit of the same
    metric) are collected into the report's notes instead of being printed.
    """
    out = Path(out)
    written: list[Path] = []
    lines = [
        "# planstats report",
        "",
        f"{df['doc'].nunique()} documents, {len(df)} rows "
        f"({int((df['record'] == 'target').sum())} targets). Every number cites its source below its table.",
        "",
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PlanstatsWarning)
        metrics = main_metrics(df, n=n_metrics)
        for section in (_comparisons, _changes, _over_time):
            text, files = section(df, metrics, out, lang)
            lines += text
            written += files
    notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, PlanstatsWarning)))
    if notes:
        lines += ["## Notes", ""] + [f"- {markdown_text(n)}" for n in notes] + [""]
    written.append(_write(out / "sources.bib", tables.cite(df)))
    lines += ["BibTeX of the documents: [sources.bib](sources.bib)", ""]
    written.insert(0, _write(out / "README.md", "\n".join(lines)))
    return written


def _chart(ax: Axes, path: Path) -> list[Path]:
    """Save a chart of the report and close its figure."""
    import matplotlib.pyplot as plt

    files = plot.save(ax, path)
    plt.close(ax.figure)  # type: ignore[arg-type]  # a Figure: planstats draws no subfigures
    return files


def _comparisons(df: pd.DataFrame, metrics: list[str], out: Path, lang: str) -> tuple[list[str], list[Path]]:
    """The section of the main targets, region by plan year: a table and a chart for each metric."""
    lines, written = ["## Main targets, region by plan year", ""], []
    for metric in metrics:
        table = analysis.compare(df, metric)
        written.append(_write(out / "tables" / f"compare_{metric}.md", tables.table(table, lang=lang)))
        written += _chart(plot.compare(df, metric, lang=lang), out / "charts" / f"compare_{metric}.png")
        lines += [
            f"### {markdown_text(tables.labels(lang)[1].get(metric, metric))}",
            "",
            tables.table(table, lang=lang, cite=False),
            f"![{metric}](charts/compare_{metric}.png)",
            "",
            f"Sources: [tables/compare_{metric}.md](tables/compare_{metric}.md)",
            "",
        ]
    return lines, written


#: The columns of the table of changes in the report (its file keeps them all).
_CHANGE_COLUMNS = [
    "region",
    "metric",
    "period",
    "value_from",
    "qualifier_from",
    "value_to",
    "qualifier_to",
    "change",
    "change_unit",
    "change_pct",
]


def _changes(df: pd.DataFrame, metrics: list[str], out: Path, lang: str) -> tuple[list[str], list[Path]]:
    """The section of the change between plan years: one table, and a chart for each metric."""
    changes = [c for c in (analysis.yoy(df, m) for m in metrics) if not c.empty]
    lines: list[str] = ["## Change between plan years", ""]
    if not changes:
        return lines + ["No region has targets of these metrics in two plan years.", ""], []
    both = pd.concat(changes, ignore_index=True)
    written = [_write(out / "tables" / "yoy.md", tables.table(both, lang=lang))]
    lines += [
        tables.table(both[_CHANGE_COLUMNS], lang=lang, cite=False),
        "Sources: [tables/yoy.md](tables/yoy.md)",
        "",
    ]
    for metric in dict.fromkeys(both["metric"]):
        written += _chart(plot.yoy(df, metric, lang=lang), out / "charts" / f"yoy_{metric}.png")
        lines += [f"![change of {metric}](charts/yoy_{metric}.png)", ""]
    return lines, written


def _over_time(df: pd.DataFrame, metrics: list[str], out: Path, lang: str) -> tuple[list[str], list[Path]]:
    """The section over time (the first metric) and across metrics (the heatmap)."""
    lines, written = ["## Over time and across metrics", ""], []
    for metric in metrics[:1]:
        written += _chart(plot.trajectory(df, metric, lang=lang), out / "charts" / f"trajectory_{metric}.png")
        lines += [f"![{metric} over time](charts/trajectory_{metric}.png)", ""]
    written += _chart(plot.heatmap(df, lang=lang), out / "charts" / "heatmap.png")
    lines += [
        "Each metric is scaled from its lowest to its highest target; the cells show the targets.",
        "",
        "![heatmap](charts/heatmap.png)",
        "",
    ]
    return lines, written
