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
        return ps.build([RAW])
