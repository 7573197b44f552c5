import os
import warnings
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS = sorted(RAW.glob("*.txt"))


@pytest.fixture(autouse=True)
def _run_from_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="session")
def corpus():
    """The sample corpus, extracted afresh (not the bundled file)."""
    import planstats as ps

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return ps.extract([RAW])


def make_frame(*rows):
    """A small dataset that follows the contract: each row a dict of the fields that matter.

    Defaults: region A, year 2022, a headline GDP growth target stated exactly.
    """
    import math

    import pandas as pd

    from planstats.dataset import conform

    defaults = dict(
        doc="test.txt",
        region="A",
        year=2022,
        record="target",
        section="headline",
        metric="gdp_growth",
        metric_text="",
        kind="growth",
        value=8.0,
        value_high=math.nan,
        unit="%",
        qualifier="exact",
        qualifier_text="",
        verb="增长",
        raw="",
        doc_sha256="0" * 64,
    )
    records = []
    for i, row in enumerate(rows):
        record = {**defaults, **row}
        record.setdefault("start", 10 * i)
        record.setdefault("end", 10 * i + 5)
        record["raw"] = record["raw"] or f"target {i}"
        records.append(record)
    return conform(pd.DataFrame(records))


def wrap(text: str, columns: int) -> str:
    """Hard-wrap every paragraph of ``text`` at ``columns`` display columns, as the lines of a PDF."""
    from planstats.read.layout import _width

    out = []
    for para in text.split("\n"):
        line = ""
        for c in para:
            if _width(line + c) > columns:
                out.append(line)
                line = ""
            line += c
        out.append(line)
    return "\n".join(out)
