"""Draw the gallery of planstats charts (docs/gallery/): each chart on the bundled sample, and on
30 regions of made-up targets to show that it stays legible.

    python scripts/gallery.py [-o docs/gallery]
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import planstats as ps  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def thirty(seed: int = 1) -> pd.DataFrame:
    """30 county-level units of 2022 with illustrative GDP growth targets for 2022 and 2023
    (every qualifier, and a document that states two values for one target)."""
    names = ps.regions(2022).query("level == 'county'").sample(30, random_state=seed)["name"].tolist()
    qualifiers = {"exact": "", "approx": "左右", "at_least": "以上", "at_most": "以内"}
    frames = []
    for i, name in enumerate(names):
        for j, year in enumerate((2022, 2023)):
            value = 4 + (i * 7 + j * 3) % 9 + (i % 3) / 2
            kind = list(qualifiers)[(i + j) % 4]
            target = f"{value:g}%-{value + 1.5:g}%" if (i + j) % 5 == 4 else f"{value:g}%{qualifiers[kind]}"
            extra = "，力争增长13%" if i % 11 == 0 and j == 0 else ""
            text = f"主要预期目标是：地区生产总值增长{target}{extra}。\n"
            frames.append(ps.extract_text(text, region=name, year=year, doc=f"{name}{year}.txt"))
    return pd.concat(frames, ignore_index=True)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-o", "--out", type=Path, default=ROOT / "docs" / "gallery")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore", ps.PlanstatsWarning)
    sample, many = ps.load(), thirty()
    charts = {
        "compare_sample": lambda: ps.plot.compare(sample, "gdp_growth"),
        "compare_sample_zh": lambda: ps.plot.compare(sample, "gdp_growth", lang="zh"),
        "trajectory_sample": lambda: ps.plot.trajectory(sample, "gdp_growth"),
        "heatmap_sample": lambda: ps.plot.heatmap(sample, year=2021),
        "yoy_sample": lambda: ps.plot.yoy(sample, "new_high_tech_enterprises"),
        "compare_30": lambda: ps.plot.compare(many, "gdp_growth"),
        "trajectory_30": lambda: ps.plot.trajectory(many, "gdp_growth"),
        "yoy_30": lambda: ps.plot.yoy(many, "gdp_growth"),
    }
    lines = [
        "# Chart gallery",
        "",
        "Drawn by `python scripts/gallery.py`: each chart on the bundled sample, and on 30",
        "county-level units with illustrative targets (not real plans).",
        "",
    ]
    for name, draw in charts.items():
        ax = draw()
        with ps.plot.style():  # its tight box keeps the source note
            ax.figure.savefig(args.out / f"{name}.png", dpi=100)
        plt.close(ax.figure)
        lines += [f"## {name}", "", f"![{name}]({name}.png)", ""]
    (args.out / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(charts)} charts -> {args.out}")


if __name__ == "__main__":
    main()
