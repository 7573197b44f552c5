"""The lock of a dataset: an operating-system lock (``flock``) on a file ``.NAME.lock`` beside it.

The system frees it when the process that holds it ends, however it ends, so a lock is never
stale and a pid reused by another process confuses nothing; the file holds the pid of the
holder only to say who it is. Builds take it for their whole run; :func:`planstats.load` takes
it to put back a dataset that a stopped build left aside.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from planstats.errors import OutputError

if sys.platform == "win32":  # pragma: no cover - the project's machines are Linux
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


@contextlib.contextmanager
def dataset_lock(out: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the lock of the dataset ``out``, waiting up to ``wait`` seconds for it; else an
    :class:`OutputError` that names the process that holds it."""
    lock = lock_path(out)
    deadline = time.monotonic() + wait
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        if _try_lock(fd):
            try:  # the file may have been removed by the holder just before: lock the file that is there
                same = os.stat(lock).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
        else:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            if time.monotonic() >= deadline:
                os.close(fd)
                raise OutputError(
                    f"{out}: another build (process {holder or 'unknown'}) is writing this dataset; wait for it to "
                    "finish, or stop it."
                )
        os.close(fd)
        time.sleep(0.05)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # before it is freed: who waits then locks a new file
        os.close(fd)
