"""The notebooks run top to bottom on the bundled data, and print no warning or error."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "notebooks"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_four_notebooks_committed_without_outputs():
    import nbformat

    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_cross_region_comparison.ipynb",
        "03_year_over_year.ipynb",
        "04_your_own_documents.ipynb",
    ]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_clean(path, monkeypatch):
    from run import run  # notebooks/run.py, what `make notebooks` uses

    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = run(path)
    stderr = [
        o.text
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream" and o.name == "stderr"
    ]
    assert stderr == []  # a missing glyph, a PlanstatsWarning or a pandas warning would show here
    # every cell that draws shows its chart (the style's rc_context turned Jupyter's interactive mode off after the
    # first chart of a kernel, and later charts showed nothing)
    drawing = [c for c in nb.cells if c.cell_type == "code" and "ps.plot." in c.source]
    blank = [c.source.splitlines()[0] for c in drawing if not any("image/png" in o.get("data", {}) for o in c.outputs)]
    assert blank == [] and (drawing or "quickstart" in path.name)
    if path.name.startswith("02_"):  # it shows a range and a unit conversion, with their notes
        printed = "\n".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        shown = "\n".join(str(o.get("data", {}).get("text/plain", "")) for c in nb.cells for o in c.get("outputs", []))
        assert "values: a range counts by its midpoint (range_as='mid')" in printed
        assert "converted to the column's unit (data/units.csv): 西咸新区 2022 new_urban_jobs" in printed
        assert "value_std" in shown and "qualifier" in shown
