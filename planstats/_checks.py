"""Checks of the arguments of public functions: a wrong type or value is an ArgumentError that
names the argument, the value and what is allowed, never a TypeError from deep inside pandas
nor a silently empty result."""

from __future__ import annotations

import functools
import os
import sys
import types
import warnings
from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np

from planstats.errors import ArgumentError

FIRST_YEAR, LAST_YEAR = 1949, 2100
F = TypeVar("F", bound=Callable)


def plan_year(value: object, param: str = "year") -> int | None:
    """``value`` as a plan year, or ``None``.

    Examples
    --------
    >>> plan_year(2022), plan_year(None)
    (2022, None)
    """
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ArgumentError(
            f"The value for `{param}` must be an int (a plan year, such as 2022), but {value!r} "
            f"({type(value).__name__}) was passed."
        )
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise ArgumentError(
            f"The value for `{param}` must be a plan year from {FIRST_YEAR} to {LAST_YEAR}, but {value!r} was passed."
        )
    return int(value)


def plan_years(value: object, param: str = "years") -> list[int] | None:
    """``value`` (a year or an iterable of years) as a list of plan years, or ``None``."""
    if value is None:
        return None
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return [plan_year(value, param)]  # type: ignore[list-item]
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise ArgumentError(
            f"The value for `{param}` must be a plan year or a list of them (2022, [2022, 2023]), but {value!r} "
            f"({type(value).__name__}) was passed."
        )
    return [plan_year(v, param) for v in value]  # type: ignore[misc]


def names(value: object, param: str) -> list[str] | None:
    """``value`` (a name or an iterable of names) as a list, or ``None``."""
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if not isinstance(value, Iterable) or isinstance(value, bytes):
        raise ArgumentError(
            f"The value for `{param}` must be a name or a list of names, but {value!r} ({type(value).__name__}) was "
            "passed."
        )
    out = list(value)
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise ArgumentError(
            f"The value for `{param}` must hold names (str), but it holds {bad[0]!r} ({type(bad[0]).__name__})."
        )
    return out


def text(value: object, param: str) -> str | None:
    """``value`` as a str, or ``None``."""
    if value is not None and not isinstance(value, str):
        raise ArgumentError(
            f"The value for `{param}` must be a str, but {value!r} ({type(value).__name__}) was passed."
        )
    if (
        value is not None
        and (lone := next((i for i, c in enumerate(value) if "\ud800" <= c <= "\udfff"), None)) is not None
    ):
        raise ArgumentError(
            f"The value for `{param}` holds a lone surrogate ({value[lone]!r} at position {lone}), which is no "
            "character and cannot be stored; decode the text it came from with its real encoding."
        )
    return value


def renamed(**names: str) -> Callable[[F], F]:
    """Keep an argument's old name working for a while: ``@renamed(metric="metrics")`` takes
    ``metric=`` as ``metrics=`` with a FutureWarning that names the new one."""

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def inner(*args, **kwargs):
            for old, new in names.items():
                if old in kwargs:
                    if new in kwargs:
                        raise ArgumentError(f"{func.__name__}(): pass `{new}=` only; `{old}=` is its old name.")
                    warnings.warn(
                        f"{func.__name__}(): `{old}=` is now `{new}=` (it takes one or more); `{old}=` will be removed "
                        "in planstats 0.3.",
                        FutureWarning,
                        stacklevel=2,
                    )
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        return inner  # type: ignore[return-value]

    return wrap


_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def outside() -> int:
    """The ``stacklevel`` at which :func:`warnings.warn`, called by the function that calls this,
    names the first frame outside planstats: the user's line, however deep in planstats the warning
    is given."""
    frame: types.FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level
