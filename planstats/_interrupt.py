"""Ctrl-C while the ``planstats`` command is still starting: one line, no traceback.

The command's entry point, ``planstats.cli.main``, catches ``KeyboardInterrupt`` once it runs; before that,
Python spends most of a second importing pandas and the rest, and an interrupt there would end in a traceback
from the import machinery. ``planstats/__init__.py`` imports this module first, and importing it installs the
hook. Only in the process of the ``planstats`` command (its script is the program) does it replace the hook that
prints an uncaught ``KeyboardInterrupt``; a Python session or a program that imports planstats is left as it is.
Python still ends the process by SIGINT, so the shell sees status 130.
"""

from __future__ import annotations

import os
import sys

#: the names the console script has (``planstats``, ``planstats.exe`` and its ``-script.py`` form on Windows)
COMMAND = ("planstats", "planstats.exe", "planstats-script.py")


def _quiet_interrupt(kind: type[BaseException], value: BaseException, traceback: object) -> None:
    if issubclass(kind, KeyboardInterrupt):
        print("planstats: interrupted", file=sys.stderr)
        return
    sys.__excepthook__(kind, value, traceback)  # type: ignore[arg-type]


def install(argv: list[str] | None = None) -> bool:
    """Quiet an uncaught ``KeyboardInterrupt`` when the program is the ``planstats`` command.

    Parameters
    ----------
    argv : list of str, optional
        The program's arguments (default: ``sys.argv``); only ``argv[0]`` is read.

    Returns
    -------
    bool
        Whether the hook was installed.

    Examples
    --------
    >>> install(["python"])
    False
    """
    argv = sys.argv if argv is None else argv
    if not argv or os.path.basename(argv[0]) not in COMMAND or sys.excepthook is not sys.__excepthook__:
        return False
    sys.excepthook = _quiet_interrupt
    return True


install()
