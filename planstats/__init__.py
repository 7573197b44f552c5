"""planstats: quantified targets of Chinese local government work plans, as a tidy dataset.

Examples
--------
>>> import planstats as ps
>>> df = ps.load()
>>> sorted(df["region"].unique())
['XX新城', '新城区', '西咸新区', '西安高新区']
"""

from planstats import _interrupt  # noqa: F401  (first: Ctrl-C while the command starts gives one line)
from planstats._data import sample_corpus
from planstats.analysis import compare, rank, summary, yoy
from planstats.cells import conflicts, convert, hardness, targets
from planstats.corpus import BuildReport, build, extract
from planstats.dataset import SCHEMA, load, validate, write
from planstats.document import extract_text, rejects
from planstats.errors import (
    ArgumentError,
    DataFileError,
    DocumentError,
    EngineError,
    OutputError,
    PlanstatsError,
    PlanstatsWarning,
    SchemaError,
)
from planstats.outcomes import attainment, read_actuals
from planstats.places import Place, crosswalk, region, regions
from planstats.plans import against_plan, amplification, coverage
from planstats.tables import cite, export, formatted, table
from planstats.taxonomy import metrics

__version__ = "0.1.0"


def __getattr__(name: str):
    """``planstats.plot`` is imported on first use: ``import planstats`` does not import matplotlib."""
    if name == "plot":
        import importlib

        return importlib.import_module("planstats.plot")
    raise AttributeError(f"module 'planstats' has no attribute {name!r}")


__all__ = [
    "against_plan",
    "SCHEMA",
    "BuildReport",
    "ArgumentError",
    "DataFileError",
    "DocumentError",
    "EngineError",
    "OutputError",
    "Place",
    "PlanstatsError",
    "PlanstatsWarning",
    "SchemaError",
    "amplification",
    "attainment",
    "build",
    "cite",
    "compare",
    "conflicts",
    "convert",
    "coverage",
    "export",
    "extract",
    "extract_text",
    "formatted",
    "hardness",
    "load",
    "metrics",
    "plot",
    "rank",
    "sample_corpus",
    "read_actuals",
    "crosswalk",
    "region",
    "rejects",
    "regions",
    "summary",
    "table",
    "targets",
    "validate",
    "write",
    "yoy",
]
