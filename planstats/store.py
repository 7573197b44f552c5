"""Where the rows of a build go, as they come: a frame in memory, a file, or a partitioned folder
(:class:`_Sink`); the rows of unchanged documents carried over from the dataset before; and the lock
that keeps two builds out of one dataset. See :mod:`planstats.corpus`."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from planstats.dataset import (
    COLUMNS,
    INDEX,
    PART,
    PREVIOUS,
    _umask,
    arrow_schema,
    atomic_write,
    conform,
    empty,
    provenance,
)
from planstats._lock import dataset_lock
from planstats.formats import spreadsheet_safe
from planstats.errors import ArgumentError, DataFileError, OutputError

if TYPE_CHECKING:
    pass


INDEX_COLUMNS = ("doc", "path", "sha256", "rows", "status", "message", "rules")
_NULL_YEAR = "__HIVE_DEFAULT_PARTITION__"


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
        for writer in self.writers.values():
            with contextlib.suppress(Exception):  # a full disk fails each close again: what it wrote goes anyway
                writer.close()
        self.writers = {}
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


def _previous(out: Path, rules: str) -> tuple[dict[str, str], pd.DataFrame]:
    """Hashes of the documents already in a dataset folder that were extracted by ``rules`` (the
    fingerprint of the rules of now), and its index (an index of before the column ``rules`` has it empty)."""
    index_path = out / INDEX
    if not index_path.exists():
        if out.exists() and any(out.iterdir()):
            raise ArgumentError(f"{out}: exists and is not a planstats dataset folder (no {INDEX}); choose another -o.")
        return {}, pd.DataFrame(columns=list(INDEX_COLUMNS))
    try:
        index = pd.read_parquet(index_path)
    except Exception as err:  # noqa: BLE001 - pyarrow's ArrowInvalid, OSError: a damaged file either way
        raise _damaged(out, index_path, err) from None
    if "rules" not in index.columns:
        index["rules"] = ""
    ok = index[index["status"].isin(["extracted", "unchanged"]) & index["rules"].eq(rules)]
    return dict(zip(ok["doc"], ok["sha256"], strict=False)), index


def _carry_over(out: Path, keep: set[str], sink: _Sink) -> None:
    """Copy the rows of unchanged documents from the previous dataset, batch by batch."""
    import pyarrow as pa
    import pyarrow.dataset as pads

    if not keep:
        return
    partitioning = pads.partitioning(pa.schema([("year", pa.int64())]), flavor="hive")
    try:
        data = pads.dataset(out, format="parquet", partitioning=partitioning, schema=arrow_schema(partitioned=False))
        batches = iter(data.to_batches(filter=pads.field("doc").isin(sorted(keep))))
        while (batch := next(batches, None)) is not None:
            sink.add_arrow(pa.Table.from_batches([batch]).select(list(COLUMNS)))
    except pa.ArrowException as err:
        raise _damaged(out, out / "year=…" / PART, err) from None


def _damaged(out: Path, part: Path, err: Exception) -> DataFileError:
    return DataFileError(
        f"{part}: a file of the dataset {out} is damaged ({type(err).__name__}: {err}); the dataset was not changed. "
        f"Move {out} aside and build into it again: the build reads every document anew."
    )


@contextlib.contextmanager
def _locked(out: str | os.PathLike | None) -> Iterator[None]:
    """Hold the lock of the dataset ``out`` (:func:`planstats._lock.dataset_lock`), so that a second build
    into it at the same time fails, naming the first, rather than both replacing it and one's documents
    vanishing."""
    if out is None:
        yield
        return
    path = Path(out)
    held = contextlib.ExitStack()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        held.enter_context(dataset_lock(path))
    except OutputError:
        raise
    except PermissionError as err:
        raise OutputError(
            f"{path}: the folder {path.parent} is not writable ({err.strerror}); choose another `out` or fix its "
            "permissions."
        ) from None
    except OSError as err:
        raise OutputError(
            f"{path}: cannot be written ({err.strerror}: {err.filename}); choose another `out`, in a folder that "
            "exists or can be made."
        ) from None
    with held:
        yield


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
    """Remove what builds into ``out`` that were killed outright (SIGKILL, power loss) left behind:
    every build's temporary files but this one's, since this build holds the lock of ``out``."""
    for leftover in out.parent.glob(f".{out.name}.building-*"):
        if not leftover.name.startswith(f".{out.name}.building-{os.getpid()}-"):
            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink(missing_ok=True)


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
    # a document of before under another name whose file this build read (a subfolder built into the
    # dataset of its parent: plans/a/2023.txt was a/2023.txt): the new name replaces it. A document is
    # its file, not its content: two files of the same bytes (a template filed for two counties) are two
    read = set(new.loc[new["status"].isin(["extracted", "unchanged"]), "path"])
    unseen = good[~good["doc"].isin(new["doc"]) & ~good["path"].isin(read)]
    # … and one this build did not see whose file is gone: kept (a build does not delete), but said
    gone = [os.path.isabs(p) and not os.path.exists(p) for p in unseen["path"]]
    unseen = unseen.assign(status=["gone" if g else "unchanged" for g in gone])
    index = pd.concat([new, unseen], ignore_index=True).sort_values("doc").reset_index(drop=True)
    return index, set(index.loc[index["status"].isin(["unchanged", "kept", "gone"]), "doc"])
