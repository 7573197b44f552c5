"""Smoke test of an installed planstats, as a researcher who ran ``pip install planstats`` uses it.

``make wheel`` copies this file into an empty folder outside the clone and runs it there with the
Python of a fresh virtual environment into which only the wheel (and its dependencies) was installed.
It fails, with the reason, if planstats is imported from the clone or if anything a newcomer tries
first (the sample dataset, extraction, the taxonomy, the command line, a chart) does not work.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path


def check(ok: bool, what: str) -> None:
    if not ok:
        sys.exit(f"smoke test failed: {what}")
    print(f"ok  {what}", flush=True)


def main() -> None:
    from importlib.metadata import distribution

    import planstats as ps

    shipped = {Path(str(f)).name for f in distribution("planstats").files or []}
    check({"LICENSE", "NOTICE", "CITATION.cff"} <= shipped, "the wheel carries LICENSE, NOTICE and CITATION.cff")

    installed = Path(ps.__file__).resolve()
    check(
        installed.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve()),
        f"planstats is imported from the installed wheel ({installed})",
    )
    check("matplotlib" not in sys.modules, "`import planstats` does not import matplotlib")

    df = ps.load()
    ps.validate(df)
    check(len(df) > 100 and df["region"].nunique() >= 3, f"ps.load() reads the sample dataset ({len(df)} rows)")

    corpus = ps.sample_corpus()
    check(
        (corpus / "manifest.csv").is_file() and len(list(corpus.glob("*.txt"))) >= 5,
        f"ps.sample_corpus() is a folder of plans ({corpus})",
    )
    again = ps.extract(corpus, workers=1)
    check(len(again) == len(df), f"ps.extract(ps.sample_corpus()) finds the rows of the sample dataset ({len(again)})")

    one = ps.extract_text("2024年工作要点\n全年地区生产总值增长6%左右。", region="某区", year=2024)
    check(
        one[["metric", "value", "qualifier"]].values.tolist() == [["gdp_growth", 6.0, "approx"]],
        "ps.extract_text reads GDP增长6%左右",
    )

    taxonomy = ps.metrics()
    check("gdp_growth" in set(taxonomy["id"]), f"ps.metrics() reads the taxonomy ({len(taxonomy)} metrics)")

    cli = Path(sys.executable).with_name("planstats")
    out = subprocess.run([str(cli), "metrics"], capture_output=True, text=True, encoding="utf-8")
    check(out.returncode == 0 and "gdp_growth" in out.stdout, "the command `planstats metrics` runs")

    os.environ.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory() as tmp:
        chart = Path(tmp) / "gdp.png"
        ps.plot.compare(df, "gdp_growth").figure.savefig(chart)
        check(chart.stat().st_size > 1000, "ps.plot.compare draws a chart")


if __name__ == "__main__":
    main()
