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

from planstats import analysis, plot, tables
from planstats.dataset import atomic_write
from planstats.errors import PlanstatsWarning
from planstats.taxonomy import load_taxonomy


def main_metrics(df: pd.DataFrame, *, n: int = 6, min_docs: int = 3) -> list[str]:
    """The metrics that most plans set (at least ``min_docs`` documents), most common first.

    Examples
    --------
    >>> import planstats as ps
    >>> main_metrics(ps.load(), n=3)
    ['gdp_growth', 'fiscal_revenue_growth', 'foreign_investment']
    """
    t = df[(df["record"] == "target") & df["metric"].notna()]
    docs = t.groupby("metric", observed=True)["doc"].nunique()
    docs = docs[docs >= min_docs]
    taxonomy = [m.id for m in load_taxonomy()]
    order = sorted(docs.index, key=lambda m: (-docs[m], taxonomy.index(m)))  # ties: the taxonomy's order
    return [str(m) for m in order[:n]]


def _write(path: Path, text: str) -> Path:
    return atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def report(df: pd.DataFrame, out: str | os.PathLike = "out", *, lang: str = "en", n_metrics: int = 6) -> list[Path]:
    """Write the report of ``df`` into the folder ``out``; return the files written.

    Warnings about targets left out of a comparison (another kind or unit of the same
    metric) are collected into the report's notes instead of being printed.
    """
    import matplotlib.pyplot as plt

    out = Path(out)
    written: list[Path] = []
    notes: list[str] = []
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
        lines += ["## Main targets, region by plan year", ""]
        for metric in metrics:
            table = analysis.compare(df, metric)
            written.append(_write(out / "tables" / f"compare_{metric}.md", tables.table(table, lang=lang)))
            ax = plot.compare(df, metric, lang=lang)
            written += plot.save(ax, out / "charts" / f"compare_{metric}.png")
            plt.close(ax.figure)  # type: ignore[arg-type]  # a Figure: planstats draws no subfigures
            lines += [
                f"### {tables.labels(lang)[1].get(metric, metric)}",
                "",
                tables.table(table, lang=lang, cite=False),
                f"![{metric}](charts/compare_{metric}.png)",
                "",
                f"Sources: [tables/compare_{metric}.md](tables/compare_{metric}.md)",
                "",
            ]

        changes = [analysis.yoy(df, m) for m in metrics]
        changes = [c for c in changes if not c.empty]
        lines += ["## Change between plan years", ""]
        if changes:
            both = pd.concat(changes, ignore_index=True)
            written.append(_write(out / "tables" / "yoy.md", tables.table(both, lang=lang)))
            columns = [
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
            lines += [tables.table(both[columns], lang=lang, cite=False), "Sources: [tables/yoy.md](tables/yoy.md)", ""]
            for metric in dict.fromkeys(both["metric"]):
                ax = plot.yoy(df, metric, lang=lang)
                written += plot.save(ax, out / "charts" / f"yoy_{metric}.png")
                plt.close(ax.figure)  # type: ignore[arg-type]  # a Figure: planstats draws no subfigures
                lines += [f"![change of {metric}](charts/yoy_{metric}.png)", ""]
        else:
            lines += ["No region has targets of these metrics in two plan years.", ""]

        lines += ["## Over time and across metrics", ""]
        for metric in metrics[:1]:
            ax = plot.trajectory(df, metric, lang=lang)
            written += plot.save(ax, out / "charts" / f"trajectory_{metric}.png")
            plt.close(ax.figure)  # type: ignore[arg-type]  # a Figure: planstats draws no subfigures
            lines += [f"![{metric} over time](charts/trajectory_{metric}.png)", ""]
        ax = plot.heatmap(df, lang=lang)
        written += plot.save(ax, out / "charts" / "heatmap.png")
        plt.close(ax.figure)  # type: ignore[arg-type]  # a Figure: planstats draws no subfigures
        lines += [
            "Each metric is scaled from its lowest to its highest target; the cells show the targets.",
            "",
            "![heatmap](charts/heatmap.png)",
            "",
        ]
    notes = list(dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, PlanstatsWarning)))
    if notes:
        lines += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    written.append(_write(out / "sources.bib", tables.cite(df)))
    lines += ["BibTeX of the documents: [sources.bib](sources.bib)", ""]
    written.insert(0, _write(out / "README.md", "\n".join(lines)))
    return written
