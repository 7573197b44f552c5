"""Build a dataset from a corpus: many documents, on all cores or a Dask cluster, streamed to disk.

Documents are read by the workers in chunks of up to 32, never all at once; their rows are
written as they arrive, in batches, so memory stays flat however large the corpus. A progress bar
(tqdm; in a notebook too) shows documents per second.

Where the rows go depends on ``out``:

* no ``out``: one DataFrame is returned (for corpora that fit in memory);
* a file (``.csv``, ``.jsonl``, ``.parquet``): written atomically;
* a folder (a path without a suffix): a Parquet dataset partitioned by year
  (``year=2023/part-0.parquet``), with ``_documents.parquet`` listing every document,
  its content hash and its status. A rebuild into the same folder skips documents whose
  content is unchanged and replaces the rows of changed ones. The new dataset is written
  beside the old one and moved into place at the end: a build that is killed leaves the
  previous dataset as it was.

Engines: ``"local"`` (default) runs a pool of ``workers`` processes from the standard
library (``workers=1``: in this process); ``"dask"`` runs the same extraction with
``dask.bag``, or on a ``dask.distributed`` cluster when ``scheduler`` is its address.
Dask (``pip install planstats[dask]``) starts worker processes that import your script
again: a script that builds with it needs ``if __name__ == "__main__":``. The workers of a
cluster must run the same planstats, with the same data files, as the process that builds
(the same :func:`rules_fingerprint`): a build on a cluster checks it before it starts.
"""

from __future__ import annotations

import contextlib
import errno
import operator
import os
import shutil
import signal
import sys
import tempfile
import time
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from planstats import _checks, places
from planstats.dataset import (
    _SUFFIXES,
    COLUMNS,
    FORMATS,
    INDEX,
    PART,
    PREVIOUS,
    Shared,
    _umask,
    arrow_schema,
    atomic_write,
    conform,
    empty,
    provenance,
    recover,
    rules_fingerprint,
    spreadsheet_safe,
)
from planstats.document import (
    AMBIGUOUS,
    _old_rejects,
    check_manifest,
    document_info,
    extract_file,
    extract_rows,
    missing_title_info,
    rejects,
)
from planstats.errors import ArgumentError, OutputError, PlanstatsError, PlanstatsWarning
from planstats.read import read
from planstats.read.normalize import Normalized, normalize

if TYPE_CHECKING:
    import pyarrow as pa

ENGINES = ("local", "dask")
# ``rules``: the fingerprint of the rules a document was extracted by (see :func:`rules_fingerprint`)
INDEX_COLUMNS = ("doc", "path", "sha256", "rows", "status", "message", "rules")
_BATCH_ROWS = 20_000
_NULL_YEAR = "__HIVE_DEFAULT_PARTITION__"


class EngineError(PlanstatsError, RuntimeError):
    """The engine that runs a build could not start (a missing extra, a script without a main guard)."""


@dataclass
class BuildReport:
    """What a build into a file or folder did. ``failures`` lists each document that could not be read, and why."""

    path: Path
    documents: int = 0
    extracted: int = 0
    unchanged: int = 0
    rows: int = 0
    seconds: float = 0.0
    failures: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stale: int = 0  # documents of the dataset, not seen by this build, that other rules extracted
    gone: list[str] = field(default_factory=list)  # paths of documents of the dataset whose files are gone (rows kept)

    def __str__(self) -> str:
        rate = self.extracted / self.seconds if self.seconds else 0.0
        text = (
            f"{self.documents} documents ({self.extracted} extracted, {self.unchanged} unchanged, "
            f"{len(self.failures)} failed), {self.rows} rows -> {self.path} "
            f"in {self.seconds:.1f} s ({rate:.1f} documents/s)"
        )
        return text + "".join(f"\n  skipped {f['path']}: {f['message']}" for f in self.failures)


# ---------------------------------------------------------------------------------------
# the documents of a corpus


def _documents(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list[tuple[str, str]]:
    """``(doc, path)`` for every document: files as given (doc = the file name), folders walked
    (doc = the path inside the folder, so that 2023.txt of two counties stay apart)."""
    given = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    out: list[tuple[str, str]] = []
    folders = [Path(p) for p in given]
    for p in folders:
        if p.is_dir():
            prefix = len(os.path.join(str(p), ""))
            found = [
                (path[prefix:].replace(os.sep, "/"), path)
                for path in _files(str(p))
                if os.path.splitext(path)[1].lower() in _SUFFIXES
            ]
            if not found and len(folders) > 1:
                warnings.warn(
                    f"{p}: this folder holds no document ({', '.join(sorted(_SUFFIXES))}).",
                    PlanstatsWarning,
                    stacklevel=4,
                )
            out.extend(found)
        elif not p.exists() and p.suffix.lower() not in _SUFFIXES:
            raise ArgumentError(f"{p}: no such folder (nor a document); check the path.")
        else:
            out.append((p.name, str(p)))
    if not out:
        raise ArgumentError(
            f"no documents to build in {', '.join(map(str, folders)) or 'no path'}: a build reads the files ending in "
            f"{', '.join(sorted(_SUFFIXES))} of its folders."
        )
    seen: dict[str, str] = {}
    for doc, path in out:
        if doc in seen and seen[doc] != path:
            raise ArgumentError(
                f"two documents would both be called {doc!r} ({seen[doc]} and {path}); build their folders separately "
                "or rename one."
            )
        seen[doc] = path
    return sorted(set(out))


def _files(folder: str) -> Iterator[str]:
    """The files under ``folder``, as ``Path.rglob`` finds them (symbolic links to folders are not
    followed), but typed from the directory listing instead of a ``stat`` per file."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            listing = os.scandir(current)
        except OSError as err:
            warnings.warn(
                f"{current}: this folder cannot be listed ({err.strerror}); its documents are skipped.",
                PlanstatsWarning,
                stacklevel=5,
            )
            continue
        with listing as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file():
                    yield entry.path


# ---------------------------------------------------------------------------------------
# one document, in a worker

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
    sha: str = ""
    text: str = ""
    norm: Normalized | None = None
    region: str | None = None
    year: int | None = None
    place: places.Place | None = None
    rows: list[tuple] | None = None
    message: str = ""  # why it left the stages: "unchanged", or the error that stopped it


def _read(d: _Doc) -> None:
    document = read(d.path, lenient=d.lenient)
    d.sha, d.text = document.sha256, document.text
    if _KNOWN.get(d.doc) == d.sha:
        d.message = "unchanged"


def _normalize(d: _Doc) -> None:
    d.norm = normalize(d.text)


def _title(d: _Doc) -> None:
    assert d.norm is not None  # the stages run in order: _normalize first
    d.region, d.year, d.place = document_info(Path(d.path), d.norm)


def _extract(d: _Doc) -> None:
    assert d.norm is not None
    d.rows, _ = extract_rows(d.doc, d.text, d.norm, d.sha, d.region, d.year, d.place)
    d.rows.sort(key=_SPAN)


#: What is done to each document, in order. A chunk goes through them stage by stage rather
#: than document by document, so that the code and tables of a stage stay in the CPU caches:
#: about 15% less time than one document after the other, measured on the synthetic corpus.
_STAGES = (_read, _normalize, _title, _extract)


def _chunk(items: list[tuple[str, str, bool]], arrow: bool) -> tuple[list[tuple], list[tuple] | pa.RecordBatch]:
    """Extract a few documents: ``(doc, path, sha256, count, message)`` for each (``count``: its
    number of rows, ``None`` if unchanged or failed, and ``message`` says why), and the rows of
    all of them together: a list of tuples, or with ``arrow`` one Arrow record batch, made here
    in the worker so that the process that writes neither unpickles nor converts row by row."""
    docs = [_Doc(*item) for item in items]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PlanstatsWarning)  # a worker reports, the parent warns
        for stage in _STAGES:
            for d in docs:
                if d.message:
                    continue
                try:
                    stage(d)
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
    results: list[tuple[str, str, str, int | None, str]] = []
    rows: list[tuple] = []
    for d in docs:
        if d.message:
            results.append((d.doc, d.path, d.sha, None, d.message))
            continue
        found = d.rows or []
        note = missing_title_info(d.doc, d.region, d.year, d.place) or (
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
    try:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_pool_worker, initargs=(known, os.getpid()))
    except RuntimeError as err:
        raise _guard_error(err) from err
    try:
        # A bounded window of chunks in flight: workers that outpace the writer wait
        # instead of piling results up in memory (Executor.map submits everything at once).
        window: deque = deque()
        for chunk in chunks:
            window.append(pool.submit(_chunk, chunk, arrow))
            if len(window) >= workers * 4:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
    except RuntimeError as err:
        raise _guard_error(err) from err
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on a stop, what has not started never will


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


# ---------------------------------------------------------------------------------------
# writing rows as they come


class _Sink:
    """Where batches of rows go: a frame in memory, a file, or a partitioned folder."""

    def __init__(self, out: Path | None, fmt: str | None):
        self.out, self.fmt = out, fmt
        self.frames: list[pd.DataFrame] = []
        self.writers: dict = {}
        self.tmp: Path | None = None
        self.rows = 0
        self.arrow = fmt in ("parquet", "folder")  # rows come as Arrow record batches
        if out is not None and fmt == "folder":
            self.tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
        elif out is not None:
            fd, name = tempfile.mkstemp(prefix=f".{out.name}.building-{os.getpid()}-", suffix=".tmp", dir=out.parent)
            os.close(fd)
            self.tmp = Path(name)

    @property
    def _file(self) -> Path:
        """The temporary file or folder being written: there is one whenever there is an ``out``."""
        assert self.tmp is not None
        return self.tmp

    def add_parts(self, parts: list) -> None:
        """The rows of a few chunks: Arrow record batches for Parquet, lists of tuples otherwise."""
        if self.arrow:
            import pyarrow as pa

            # one chunk per column: a table of many small batches is slow to filter and to write
            self.add_arrow(pa.Table.from_batches(parts, schema=arrow_schema(partitioned=False)).combine_chunks())
        else:
            self.add(conform(pd.DataFrame([row for rows in parts for row in rows], columns=list(COLUMNS))))

    def add(self, frame: pd.DataFrame) -> None:
        self.rows += len(frame)
        if self.out is None:
            self.frames.append(frame)
        elif self.fmt == "csv":
            spreadsheet_safe(frame).to_csv(
                self._file, mode="a", header=self.rows == len(frame), index=False, encoding="utf-8", lineterminator="\n"
            )
        else:
            with open(self._file, "a", encoding="utf-8") as fh:
                fh.write(frame.to_json(orient="records", lines=True, force_ascii=False))

    def add_arrow(self, table) -> None:
        """Rows as Arrow: extracted, or carried over from the previous dataset (Parquet only)."""
        self.rows += table.num_rows
        if self.fmt == "parquet":
            self._writer("", table.schema).write_table(table)
        else:
            self._write_partitions(table)

    def _write_partitions(self, table) -> None:
        import pyarrow.compute as pc

        years = table.column("year")
        for year in pc.unique(years).to_pylist():
            mask = pc.is_null(years) if year is None else pc.equal(years, year)
            part = table.filter(mask).drop_columns(["year"])
            key = f"year={_NULL_YEAR if year is None else year}"
            self._writer(key, part.schema).write_table(part)

    def _writer(self, key: str, schema):
        import pyarrow.parquet as pq

        if key not in self.writers:
            if self.fmt == "parquet":
                target = self._file
            else:
                (self._file / key).mkdir(exist_ok=True)
                target = self._file / key / PART
            self.writers[key] = pq.ParquetWriter(
                target, schema.with_metadata({**(schema.metadata or {}), **provenance()})
            )
        return self.writers[key]

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        self.writers = {}

    def abort(self) -> None:
        self.close()
        if self.tmp is not None and self.tmp.exists():
            shutil.rmtree(self.tmp) if self.tmp.is_dir() else self.tmp.unlink()

    def commit(self, index: pd.DataFrame | None) -> None:
        self.close()
        if self.out is None:
            return
        if self.fmt == "parquet" and self.rows == 0:
            atomic_write(self.out, lambda tmp: empty().to_parquet(tmp, index=False))
            self._file.unlink()
            return
        if self.fmt in ("csv", "jsonl", "parquet"):
            if self.rows == 0 and self.fmt == "csv":
                empty().to_csv(self._file, index=False)
            os.chmod(self._file, 0o666 & ~_umask())
            os.replace(self._file, self.out)
            return
        assert index is not None  # a folder has its index of documents
        index.to_parquet(self._file / INDEX, index=False)
        os.chmod(self._file, 0o777 & ~_umask())  # mkdtemp makes it private; the dataset gets the usual mode (755)
        previous = self.out.parent / PREVIOUS.format(self.out.name)
        if self.out.exists():
            os.replace(self.out, previous)
        os.replace(self._file, self.out)  # a stop between these two renames is undone by recover()
        if previous.exists():
            shutil.rmtree(previous, ignore_errors=True)  # what a stop leaves of it, the next build removes (recover)


def _previous(out: Path) -> tuple[dict[str, str], pd.DataFrame]:
    """Hashes of the documents already in a dataset folder that were extracted by the rules of
    now, and its index (an index of before the column ``rules`` has it empty)."""
    index_path = out / INDEX
    if not index_path.exists():
        if out.exists() and any(out.iterdir()):
            raise ArgumentError(f"{out}: exists and is not a planstats dataset folder (no {INDEX}); choose another -o.")
        return {}, pd.DataFrame(columns=list(INDEX_COLUMNS))
    index = pd.read_parquet(index_path)
    if "rules" not in index.columns:
        index["rules"] = ""
    ok = index[index["status"].isin(["extracted", "unchanged"]) & index["rules"].eq(rules_fingerprint())]
    return dict(zip(ok["doc"], ok["sha256"], strict=False)), index


def _carry_over(out: Path, keep: set[str], sink: _Sink) -> None:
    """Copy the rows of unchanged documents from the previous dataset, batch by batch."""
    import pyarrow as pa
    import pyarrow.dataset as pads

    if not keep:
        return
    partitioning = pads.partitioning(pa.schema([("year", pa.int64())]), flavor="hive")
    data = pads.dataset(out, format="parquet", partitioning=partitioning, schema=arrow_schema(partitioned=False))
    for batch in data.to_batches(filter=pads.field("doc").isin(sorted(keep))):
        sink.add_arrow(pa.Table.from_batches([batch]).select(list(COLUMNS)))


# ---------------------------------------------------------------------------------------
# the build


def _target(out: str | os.PathLike | None) -> tuple[Path | None, str | None]:
    if out is None:
        return None, None
    path = Path(out)
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        path.parent.mkdir(parents=True, exist_ok=True)
        return recover(path, clean=True), "folder"
    if suffix not in FORMATS:
        raise ArgumentError(
            f"The value for `out` must end in one of {['.' + f for f in FORMATS]} or name a folder, but {str(out)!r} "
            "was passed."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, suffix


def extract(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    region: str | None = None,
    year: int | None = None,
    lenient: bool = False,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    with_rejects: bool = False,
) -> pd.DataFrame:
    """Extract the targets of one document, or of many (files and folders), into one DataFrame.

    One file (``.txt`` in any common encoding, ``.docx``, ``.pdf``, a web page saved as
    ``.html``): its region and year come from ``region=``/``year=``, else a ``manifest.csv``
    row beside it, else its title; the numbers set aside as non-targets, with the reason, are
    given by :func:`planstats.rejects`. Many, or a folder: as :func:`build` does, in parallel
    (``workers``, ``engine``, ``scheduler``, ``progress``), in memory; the documents that could
    not be read are in ``df.attrs["failures"]`` and one warning. ``lenient=True`` replaces
    undecodable bytes instead of failing. (``with_rejects=True``, which returned the pair
    ``(targets, rejects)`` for one file, is deprecated.)

    Examples
    --------
    >>> import planstats as ps
    >>> df = extract(ps.sample_corpus() / "004_8503dda5db454a12.txt")
    >>> df.loc[df.metric == "urban_unemployment_rate", ["region", "year", "value", "qualifier"]].values.tolist()
    [['新城区', 2021, 4.0, 'at_most']]
    >>> sorted(extract(ps.sample_corpus(), workers=1)["doc"].unique())[:2]
    ['000_3e3dedbcbccbc1ab.txt', '001_d84f9f3cc8d066a0.txt']
    """
    if isinstance(paths, (str, os.PathLike)) and not Path(paths).is_dir():
        df = extract_file(paths, region=region, year=year, lenient=lenient)
        return _old_rejects((df, rejects(df)), with_rejects, "extract")
    if region is not None or year is not None or with_rejects:
        raise ArgumentError(
            "region=, year= and with_rejects= apply to one document; for many, give each its region and year in a "
            "manifest.csv beside it."
        )
    return _in_memory(paths, workers=workers, engine=engine, scheduler=scheduler, progress=progress, lenient=lenient)


def _in_memory(
    paths, *, workers: int | None, engine: str, scheduler: str | None, progress: bool | None, lenient: bool
) -> pd.DataFrame:
    engine, workers = _engine(engine, workers)
    return _build(
        paths, out=None, workers=workers, engine=engine, scheduler=scheduler, progress=progress, lenient=lenient
    )


def _engine(engine: str, workers: int | None) -> tuple[str, int]:
    if engine not in ENGINES:
        raise ArgumentError(f"The value for `engine` must be one of {list(ENGINES)}, but {engine!r} was passed.")
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise ArgumentError(f"The value for `workers` must be at least 1, but {workers!r} was passed.")
    return engine, workers


def build(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    out: str | os.PathLike | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    lenient: bool = False,
) -> BuildReport | pd.DataFrame:  # a DataFrame only on the deprecated call without ``out``
    """Extract every document of files and folders into a dataset at ``out``: a file (.csv,
    .jsonl, .parquet), or a folder for a Parquet dataset partitioned by year that later builds
    update incrementally. The rows are streamed to disk and a :class:`BuildReport` comes back:
    what was extracted, unchanged, failed and why.
    ``workers`` defaults to all cores; ``engine="dask"`` (with ``scheduler=`` an address for
    a cluster) runs on Dask; ``progress`` shows a bar (default: on).

    (Without ``out`` it returns the rows as a DataFrame, as :func:`extract` of many documents
    does: deprecated, that call will need ``out`` in planstats 0.3.)

    Examples
    --------
    >>> import tempfile, planstats as ps
    >>> report = build(ps.sample_corpus(), out=tempfile.mkdtemp() + "/targets", workers=1, progress=False)
    >>> report.documents, report.extracted, report.rows
    (5, 5, 403)
    """
    engine, workers = _engine(engine, workers)
    if out is None:
        warnings.warn(
            "build() without out= is deprecated and will need out= in planstats 0.3: use planstats.extract(paths) for "
            "the "
            "rows in memory (the same DataFrame), or build(paths, out=...) for a dataset on disk.",
            FutureWarning,
            stacklevel=2,
        )
    with _locked(out):
        return _build(
            paths, out=out, workers=workers, engine=engine, scheduler=scheduler, progress=progress, lenient=lenient
        )


def _build(
    paths, *, out, workers: int, engine: str, scheduler: str | None, progress: bool | None, lenient: bool
) -> pd.DataFrame | BuildReport:
    target, fmt = _target(out)
    docs = _documents(paths)
    _check_manifests(docs)
    known, old_index = _previous(target) if fmt == "folder" and target is not None else ({}, None)
    rules = rules_fingerprint()
    items = [(doc, os.path.abspath(path), lenient) for doc, path in docs]  # the index keeps where each was
    started = time.perf_counter()
    report = BuildReport(path=target or Path("<memory>"), documents=len(docs))
    if target is not None:
        _clean_stale(target)
    sink = _Sink(target, fmt)
    index_rows, pending, pending_rows = [], [], 0
    run = (
        _local(items, known, workers, sink.arrow)
        if engine == "local"
        else _dask(items, known, workers, scheduler, sink.arrow)
    )
    show = progress if progress is not None else out is not None
    restore = _stop_on_sigterm()
    try:
        for results, rows in _progress(run, len(items), show):
            index_rows += [_tell(report, result, rules) for result in results]
            pending.append(rows)
            pending_rows += len(rows)
            if pending_rows >= _BATCH_ROWS:
                sink.add_parts(pending)
                pending, pending_rows = [], 0
        if pending_rows:
            sink.add_parts(pending)
        index = pd.DataFrame(index_rows, columns=list(INDEX_COLUMNS))
        if fmt == "folder" and target is not None:
            index, keep = _merge_index(index, old_index)
            _carry_over(target, keep, sink)
            report.stale = int((index["status"].isin(["unchanged", "kept"]) & index["rules"].ne(rules)).sum())
            report.gone = sorted(index.loc[index["status"].eq("gone"), "path"])
        sink.commit(index)
    except OSError as err:
        sink.abort()
        if err.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise OutputError(
            f"{target}: no space left on the disk while the build wrote ({err.strerror}); its temporary files were "
            "removed "
            "and the previous dataset is as it was. Free some space, or build into another folder."
        ) from None
    except BaseException:
        sink.abort()
        raise
    finally:
        restore()
    report.rows = sink.rows
    report.seconds = time.perf_counter() - started
    _warn_of(report, target)
    if out is not None:
        return report
    result = conform(pd.concat(sink.frames, ignore_index=True)) if sink.frames else empty()
    result.attrs["failures"] = report.failures
    result.attrs["paths"] = Shared(
        {doc: path for doc, path, *_ in items}
    )  # where each document is: its manifest, for cite
    return result


def _check_manifests(docs: list[tuple[str, str]]) -> None:
    """Check the manifests beside the documents here, once: the workers read them too, but their
    warnings are not shown. A malformed manifest is a failure of each of its documents, as they are built."""
    for manifest in sorted({Path(path).parent / "manifest.csv" for _, path in docs}):
        try:
            if manifest.is_file():
                check_manifest(manifest)
        except PlanstatsError:
            pass


def _tell(report: BuildReport, result: tuple, rules: str) -> tuple:
    """Count one document's outcome in the report, and give its row of the index."""
    doc, path, sha, count, message = result
    if count is None and message == "unchanged":
        report.unchanged += 1
        return (doc, path, sha, -1, "unchanged", "", rules)
    if count is None:
        report.failures.append({"path": path, "error": message.split(":")[0], "message": message.split(": ", 1)[-1]})
        return (doc, path, "", 0, "failed", message, "")
    report.extracted += 1
    if message:
        report.notes.append(message)
    return (doc, path, sha, count, "extracted", message, rules)


def _warn_of(report: BuildReport, target: Path | None) -> None:
    """One warning for each kind of trouble of a build, with its count and an example, at the
    user's line that called build() or extract()."""
    if report.stale:
        warnings.warn(
            f"{target}: {report.stale} document(s) of the dataset were extracted by other rules (an older planstats or "
            "other data files) "
            "and were not among the paths of this build, so their rows are as before; build again with their files to "
            "extract them anew.",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    if report.gone:
        warnings.warn(
            f"{target}: {len(report.gone)} document(s) of the dataset are no longer at their paths, e.g. "
            f"{report.gone[0]}; "
            "their rows are kept (a build does not delete). Build into a new folder to leave them out.",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    untitled = [n for n in report.notes if "was not found in its title" in n]
    if untitled:
        warnings.warn(
            f"{len(untitled)} document(s) have no region or year in their title, e.g. {untitled[0]}",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    shared = [n for n in report.notes if AMBIGUOUS in n]
    if shared:
        warnings.warn(
            f"{len(shared)} document(s) name a region that several units share, e.g. {shared[0]}",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    if report.failures:
        listing = "\n".join(f"  {f['path']}: {f['message']}" for f in report.failures)
        warnings.warn(
            f"{len(report.failures)} document(s) could not be read and were skipped:\n{listing}",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )


@contextlib.contextmanager
def _locked(out: str | os.PathLike | None) -> Iterator[None]:
    """Hold the lock of the dataset ``out`` (a file ``.NAME.lock`` beside it that holds the pid of
    the build), so that a second build into it at the same time fails, naming the first, rather
    than both replacing it and one's documents vanishing. A lock left by a build that was killed
    (its process is gone) is taken over."""
    if out is None:
        yield
        return
    path = Path(out)
    lock = path.parent / f".{path.name}.lock"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
                break
            except FileExistsError:
                try:
                    pid = int(lock.read_text(encoding="ascii").strip() or 0)
                except (OSError, ValueError):
                    pid = 0
                if pid and pid != os.getpid() and _alive(pid):
                    raise OutputError(
                        f"{path}: another build (process {pid}) is writing this dataset; wait for it to finish, "
                        f"or remove {lock} if no such build runs."
                    ) from None
                lock.unlink(missing_ok=True)  # left by a build that was killed
        else:
            raise OutputError(f"{path}: could not take the lock {lock}; another build took it first. Try again.")
    except PermissionError as err:
        raise OutputError(
            f"{path}: the folder {path.parent} is not writable ({err.strerror}); choose another `out` or fix its "
            "permissions."
        ) from None
    try:
        os.write(fd, str(os.getpid()).encode("ascii"))
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def _stop_on_sigterm():
    """While a build runs in the main thread, SIGTERM stops it like Ctrl-C does, so that its
    temporary files are removed and the previous dataset stays. Returns the undo."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def stop(signum, frame):
        raise KeyboardInterrupt(f"stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, stop)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _clean_stale(out: Path) -> None:
    """Remove what builds into ``out`` that were killed outright (SIGKILL, power loss) left behind."""
    for leftover in out.parent.glob(f".{out.name}.building-*"):
        pid = leftover.name.split("building-", 1)[1].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _merge_index(new: pd.DataFrame, old: pd.DataFrame) -> tuple[pd.DataFrame, set[str]]:
    """The index of the new dataset, and the documents whose rows to carry over from the old one:
    the unchanged, those this build did not see (a build adds and replaces, it does not
    delete), and those that failed this time but were read before (their rows are kept)."""
    good = old[old["status"].isin(["extracted", "unchanged", "kept", "gone"])]
    before = dict(zip(good["doc"], good["rows"], strict=False))
    kept_failed = new["status"].eq("failed") & new["doc"].isin(before)
    new = new.assign(
        rows=[
            before.get(d, r) if s == "unchanged" or k else r
            for d, s, r, k in zip(new["doc"], new["status"], new["rows"], kept_failed, strict=False)
        ],
        status=new["status"].mask(kept_failed, "kept"),
        rules=new["rules"].mask(
            kept_failed, new["doc"].map(dict(zip(good["doc"], good["rules"], strict=False)))
        ),  # kept: the rules they were read by
    )
    # a document of before under another name whose content this build read (a subfolder built
    # into the dataset of its parent: plans/a/2023.txt was a/2023.txt): the new name replaces it
    read = set(new.loc[new["status"].isin(["extracted", "unchanged"]), "sha256"])
    unseen = good[~good["doc"].isin(new["doc"]) & ~good["sha256"].isin(read)]
    # … and one this build did not see whose file is gone: kept (a build does not delete), but said
    gone = [os.path.isabs(p) and not os.path.exists(p) for p in unseen["path"]]
    unseen = unseen.assign(status=["gone" if g else "unchanged" for g in gone])
    index = pd.concat([new, unseen], ignore_index=True).sort_values("doc").reset_index(drop=True)
    return index, set(index.loc[index["status"].isin(["unchanged", "kept", "gone"]), "doc"])


def _progress(chunks: Iterator, total: int, show: bool) -> Iterator:
    """The chunks ``(results, rows)`` as they come, counted on a progress bar by document."""
    if not show:
        yield from chunks
        return
    from tqdm.auto import tqdm

    with tqdm(total=total, unit="doc", desc="planstats build", file=sys.stderr, smoothing=0.1) as bar:
        for chunk in chunks:
            yield chunk
            bar.update(len(chunk[0]))
