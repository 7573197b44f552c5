"""The one error hierarchy of planstats.

Every failure the library raises on purpose is a :class:`PlanstatsError`. Each subclass
also inherits the builtin exception a caller would expect, so ``except OSError`` or
``except ValueError`` keeps working.
"""

from __future__ import annotations


class PlanstatsError(Exception):
    """Root of every error planstats raises on purpose."""


class DocumentError(PlanstatsError, OSError):
    """A document could not be read: missing, empty, binary, undecodable, or unreadable."""


class OutputError(PlanstatsError, OSError):
    """A dataset could not be written: another build is writing it, or its folder is not writable."""


class DataFileError(PlanstatsError, ValueError):
    """A data file (taxonomy, regions, rules, manifest) is malformed."""


class SchemaError(PlanstatsError, ValueError):
    """A DataFrame does not follow the planstats dataset contract."""


class ArgumentError(PlanstatsError, ValueError):
    """A function or command was called with a value it does not accept."""


class EngineError(PlanstatsError, RuntimeError):
    """The engine that runs a build could not start (a missing extra, a script without a main guard)."""


class PlanstatsWarning(UserWarning):
    """Something the user should know about, that did not stop the work (a missing region, a skipped file)."""
