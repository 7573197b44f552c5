"""The workers of a build: one document read, normalized, titled and extracted in a worker process, and
the engines that run them (a local pool of processes, or Dask). See :mod:`planstats.corpus`."""

from __future__ import annotations

import operator
import os
import signal
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING


from planstats import places
from planstats.dataset import (
    COLUMNS,
    arrow_schema,
    rules_fingerprint,
)
from planstats.document import (
    document_clues,
    extract_rows,
    missing_title_info,
)
from planstats.errors import DocumentError, PlanstatsError, PlanstatsWarning
from planstats.read import read
from planstats.read.normalize import Normalized, normalize

if TYPE_CHECKING:
    import pyarrow as pa

from planstats.errors import EngineError

_KNOWN: dict[str, str] = {}  # doc -> content hash already in the dataset, set in each worker


def _init_worker(known: dict[str, str]) -> None:
    global _KNOWN
    _KNOWN = known


def _init_pool_worker(known: dict[str, str], parent: int) -> None:
    """What a worker of the local pool does first: know the dataset's documents, and end when the
    build that started it dies (SIGKILL leaves no time to stop its pool): on Linux the kernel is
    asked to send it SIGTERM then (PR_SET_PDEATHSIG), elsewhere a thread watches its parent. A worker
    that a fork server started (its parent is that server) ends with the server."""
    _init_worker(known)
    # a forked worker inherits the build's handler of SIGTERM (see _stop_on_sigterm), whose KeyboardInterrupt
    # the worker's loop would catch: SIGTERM ends a worker, as it does any process
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    asked = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            asked = ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM) == 0  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        return  # started by a fork server (forkserver), not by the build: its parent is not the build's
    if not asked:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="planstats-parent-watch").start()


_SPAN = operator.itemgetter(COLUMNS.index("start"), COLUMNS.index("end"))


@dataclass(slots=True)
class _Doc:
    """One document of a chunk on its way through the stages of extraction."""

    doc: str
    path: str
    lenient: bool
    time_limit: float | None = None  # seconds for all its stages
    size_limit: int | None = None  # bytes
    seconds: float = 0.0  # taken so far
    sha: str = ""
    text: str = ""
    norm: Normalized | None = None
    region: str | None = None
    year: int | None = None
    place: places.Place | None = None
    region_from: str = ""  # the clue that gave its region (document_clues)
    rows: list[tuple] | None = None
    message: str = ""  # why it left the stages: "unchanged", or the error that stopped it


def _read(d: _Doc) -> None:
    if "\\x" in d.path and not os.path.lexists(d.path):  # see corpus._named
        raise DocumentError(
            f"{d.path}: its file name is not UTF-8 text (its bytes are shown escaped), and a dataset stores names as "
            "text; rename the file (convmv -f gbk -t utf-8 converts GBK names)."
        )
    document = read(d.path, lenient=d.lenient, size_limit=d.size_limit)
    d.sha, d.text = document.sha256, document.text
    if _KNOWN.get(d.doc) == d.sha:
        d.message = "unchanged"


def _normalize(d: _Doc) -> None:
    d.norm = normalize(d.text)


def _title(d: _Doc) -> None:
    assert d.norm is not None  # the stages run in order: _normalize first
    d.region, d.year, d.place, _, d.region_from = document_clues(Path(d.path), d.norm)


def _extract(d: _Doc) -> None:
    assert d.norm is not None
    d.rows, _ = extract_rows(d.doc, d.text, d.norm, d.sha, d.region, d.year, d.place)
    d.rows.sort(key=_SPAN)


#: What is done to each document, in order. A chunk goes through them stage by stage rather
#: than document by document, so that the code and tables of a stage stay in the CPU caches:
#: about 15% less time than one document after the other, measured on the synthetic corpus.
_STAGES = (_read, _normalize, _title, _extract)


class _OutOfTime(BaseException):
    """Raised by the alarm of :func:`_time_limit`: not an ``Exception``, so that no ``except Exception``
    of a reader takes it for a damaged file."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_OutOfTime` in what runs inside after ``seconds`` (``None``: no limit). An alarm
    signal interrupts Python code and the regular expression engine alike; it can only be set in the
    main thread of a process (a worker process, or the build's own with ``workers=1``), so a thread
    of a Dask cluster runs without a limit."""
    if seconds is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum, frame):
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run(stage, d: _Doc) -> None:
    """Run one stage on one document, within what is left of its time limit; a failure is its message."""
    started = time.perf_counter()
    try:
        with _time_limit(None if d.time_limit is None else d.time_limit - d.seconds):
            stage(d)
    except _OutOfTime:
        d.sha, d.message = (
            "",
            f"DocumentError: {d.path}: took more than the time limit of a document ({d.time_limit:g} s) to "
            f"{stage.__name__.strip('_')}; the document was skipped. If it is a long document, give more time: "
            "time_limit= (planstats build --time-limit).",
        )
    except PlanstatsError as err:
        d.sha, d.message = "", f"{type(err).__name__}: {err}"
    except Exception as err:  # noqa: BLE001 - one document never stops a build (a bug, a library's)
        # a message, not the error: some do not pickle back from a worker (lxml's _ListErrorLog)
        d.sha, d.message = (
            "",
            (
                f"UnexpectedError: {d.path}: {stage.__name__.strip('_')} failed with {type(err).__name__}: "
                f"{err}; "
                "the document was skipped. Please report it to planstats with the file."
            ),
        )
    d.seconds += time.perf_counter() - started


def _chunk(items: list[tuple], arrow: bool) -> tuple[list[tuple], list[tuple] | pa.RecordBatch]:
    """Extract a few documents: ``(doc, path, sha256, count, message)`` for each (``count``: its
    number of rows, ``None`` if unchanged or failed, and ``message`` says why), and the rows of
    all of them together: a list of tuples, or with ``arrow`` one Arrow record batch, made here
    in the worker so that the process that writes neither unpickles nor converts row by row."""
    docs = [_Doc(*item) for item in items]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PlanstatsWarning)  # a worker reports, the parent warns
        for stage in _STAGES:
            for d in docs:
                if not d.message:
                    _run(stage, d)
    results: list[tuple[str, str, str, int | None, str]] = []
    rows: list[tuple] = []
    for d in docs:
        if d.message:
            results.append((d.doc, d.path, d.sha, None, d.message))
            continue
        found = d.rows or []
        note = missing_title_info(d.doc, d.region, d.year, d.place, d.region_from) or (
            "" if found else f"{d.doc}: no targets found in this document."
        )
        results.append((d.doc, d.path, d.sha, len(found), note))
        rows.extend(found)
    return results, (_record_batch(rows) if arrow else rows)


def _record_batch(rows: list[tuple]) -> pa.RecordBatch:
    import pyarrow as pa

    schema = arrow_schema(partitioned=False)
    columns = list(zip(*rows, strict=False)) or [()] * len(schema)
    return pa.RecordBatch.from_arrays(
        [pa.array(column, type=f.type) for column, f in zip(columns, schema, strict=False)], schema=schema
    )


def _local(items: list, known: dict[str, str], workers: int, arrow: bool) -> Iterator:
    size = max(1, min(32, len(items) // (workers * 8) or 1))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    if workers == 1:
        _init_worker(known)
        yield from (_chunk(chunk, arrow) for chunk in chunks)
        return
    pending, suspects = deque(chunks), deque[list]()
    pool = _pool(known, workers)
    try:
        # A bounded window of chunks in flight: workers that outpace the writer wait
        # instead of piling results up in memory (Executor.map submits everything at once).
        window: deque = deque()
        while pending or suspects or window:
            # after a worker died, the documents it may have held go one at a time, each alone in the pool
            while suspects and not window:
                window.append((suspects[0], pool.submit(_chunk, suspects.popleft(), arrow)))
            while pending and not suspects and len(window) < workers * 4:
                chunk = pending.popleft()
                window.append((chunk, pool.submit(_chunk, chunk, arrow)))
            chunk, future = window.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:  # a worker was killed (the out-of-memory killer, a signal): a new pool
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(known, workers)
                lost = [chunk] + [c for c, _ in window]
                window.clear()
                if len(lost) == 1 and len(chunk) == 1:
                    yield _died(chunk[0], arrow)  # it was alone in the pool: it killed its worker
                    lost = []
                suspects.extend([item] for c in lost for item in c)
    except RuntimeError as err:
        raise _guard_error(err) from err
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on a stop, what has not started never will


def _pool(known: dict[str, str], workers: int) -> ProcessPoolExecutor:
    try:
        return ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker, initargs=(known, os.getpid()))
    except RuntimeError as err:
        raise _guard_error(err) from err


def _died(item: tuple, arrow: bool) -> tuple[list[tuple], list[tuple] | pa.RecordBatch]:
    """The result of a document whose worker process died while it read it, alone in the pool."""
    doc, path = item[0], item[1]
    message = (
        f"DocumentError: {path}: the worker process that read it died (killed by a signal, often the "
        "out-of-memory killer: the document may need more memory than the machine has); the document was skipped. "
        "Build it with workers=1 to see the error, or give it its own build."
    )
    return [(doc, path, "", None, message)], (_record_batch([]) if arrow else [])


def _dask(items: list, known: dict[str, str], workers: int, scheduler: str | None, arrow: bool) -> Iterator:
    try:
        import dask
        import dask.bag as db
    except ImportError as err:
        raise EngineError("engine='dask' needs Dask: pip install 'planstats[dask]'.") from err
    bag = db.from_sequence(items, partition_size=max(1, min(64, len(items) // (workers * 4) or 1)))
    parts = bag.map_partitions(_dask_partition, known, arrow).to_delayed()
    try:
        if scheduler:
            try:
                from distributed import Client
            except ImportError as err:
                raise EngineError(
                    "a Dask scheduler address needs dask.distributed: pip install 'planstats[dask]'."
                ) from err
            with Client(scheduler) as client:
                _same_rules(client, scheduler)
                for future in client.compute(parts):  # in order, each partition as it is done
                    yield from future.result()
        else:  # one pool of processes for the whole build (a new one for each batch made it 3.2x slower)
            with ProcessPoolExecutor(
                max_workers=workers, initializer=_init_pool_worker, initargs=(known, os.getpid())
            ) as pool:
                for i in range(0, len(parts), workers * 2):
                    for part in dask.compute(*parts[i : i + workers * 2], scheduler="processes", pool=pool):
                        yield from part
    except RuntimeError as err:
        raise _guard_error(err) from err


def _same_rules(client, scheduler: str) -> None:
    """Raise :class:`EngineError` unless every worker of the cluster extracts by the rules of this
    process (the same :func:`rules_fingerprint`): a worker with another planstats, or other rule
    files, would give other targets, and the dataset would mix the two."""
    mine = rules_fingerprint()
    try:
        theirs = client.run(_worker_rules)
    except Exception as err:  # raised on a worker: planstats not installed there, say
        raise EngineError(
            f"the workers of the Dask cluster at {scheduler} could not run planstats ({type(err).__name__}: {err}); "
            "install the same planstats on every worker."
        ) from err
    other = sorted(worker for worker, rules in theirs.items() if rules != mine)
    if other:
        raise EngineError(
            f"{len(other)} of the {len(theirs)} workers of the Dask cluster at {scheduler} run other planstats code or "
            f"rule files than this process ({other[0]}: rules {theirs[other[0]]}, here {mine}); install the same "
            "planstats version, with the same data files, on every worker."
        )


def _worker_rules() -> str:
    """The rules fingerprint of the process it runs in (a worker's own, by reference)."""
    return rules_fingerprint()


def _dask_partition(items: list, known: dict[str, str], arrow: bool) -> list:
    _init_worker(known)
    return [_chunk(items, arrow)]


def _guard_error(err: RuntimeError) -> Exception:
    if "bootstrapping phase" in str(err) or "freeze_support" in str(err):
        return EngineError(
            "worker processes could not start because the script that called planstats.build has no "
            '`if __name__ == "__main__":` guard; put the build under it (workers import the script again).'
        )
    return err
