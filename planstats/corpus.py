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

import errno
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from planstats import _checks
from planstats.dataset import (
    _SUFFIXES,
    FORMATS,
    Shared,
    conform,
    empty,
    recover,
    rules_fingerprint,
)
from planstats.document import (
    AMBIGUOUS,
    BODY_REGION,
    HISTORICAL,
    UNPLACED,
    _old_rejects,
    check_manifest,
    manifest_files,
    extract_file,
    rejects,
)
from planstats.errors import EngineError as EngineError  # planstats.corpus.EngineError, as before
from planstats.errors import ArgumentError, OutputError, PlanstatsError, PlanstatsWarning
from planstats.read import SIZE_LIMIT
from planstats.store import (
    INDEX_COLUMNS,
    _carry_over,
    _clean_stale,
    _locked,
    _merge_index,
    _previous,
    _Sink,
    _stop_on_sigterm,
)
from planstats.workers import _dask, _local

if TYPE_CHECKING:
    pass

ENGINES = ("local", "dask")
TIME_LIMIT = 600.0  # seconds that one document may take in a build: a 50 MB text takes about 15
_BATCH_ROWS = 20_000  # rows written at once: the sink is handed this many or more


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


def _documents(
    paths: Iterable[str | os.PathLike] | str | os.PathLike, follow_symlinks: bool = True
) -> list[tuple[str, str]]:
    """``(doc, path)`` for every document: files as given (doc = the file name), folders walked
    (doc = the path inside the folder, so that 2023.txt of two counties stay apart). Without
    ``follow_symlinks``, the symbolic links met in a folder are not read, and one warning names them."""
    if paths is None or isinstance(paths, bytes):
        raise ArgumentError(
            f"The value for `paths` must be a path or a list of paths (str or Path), but {paths!r} was passed."
        )
    given = [paths] if isinstance(paths, (str, os.PathLike)) else paths
    out: list[tuple[str, str]] = []
    folders = [Path(p) for p in given]
    for p in folders:
        if "\0" in str(p):
            raise ArgumentError(f"{str(p)!r}: a path cannot hold a NUL character; check the path.")
        if p.is_dir():
            prefix = len(os.path.join(str(p), ""))
            found = [
                (path[prefix:].replace(os.sep, "/"), path)
                for path in _files(str(p))
                if os.path.splitext(path)[1].lower() in _SUFFIXES
            ]
            if not follow_symlinks:
                found = _unlinked(p, found)
            if not found and len(folders) > 1:
                warnings.warn(
                    f"{p}: this folder holds no document ({', '.join(sorted(_SUFFIXES))}).",
                    PlanstatsWarning,
                    stacklevel=4,
                )
            out.extend(found)
        elif not p.exists() and not p.is_symlink():  # a link that leads nowhere is a failure of its own
            raise ArgumentError(f"{p}: no such {'file' if p.suffix else 'folder'}; check the path.")
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


def _unlinked(folder: Path, found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``found`` without its symbolic links, which one warning names."""
    links = sorted(doc for doc, path in found if os.path.islink(path))
    if links:
        shown = ", ".join(links[:5]) + (f" and {len(links) - 5} more" if len(links) > 5 else "")
        warnings.warn(
            f"{folder}: {len(links)} symbolic link(s) not followed, as asked, and not read: {shown}.",
            PlanstatsWarning,
            stacklevel=_checks.outside(),
        )
    skipped = set(links)
    return [(doc, path) for doc, path in found if doc not in skipped]


def _named(doc: str, path: str) -> tuple[str, str]:
    """``(doc, path)`` as text a dataset can store: a file name that is not UTF-8 (the bytes of a GBK
    name on Linux) is written with its bytes escaped (``\\xbc``), and so fails as a document of that name."""
    try:
        path.encode("utf-8")
        return doc, path
    except UnicodeEncodeError:
        return _escaped(doc), _escaped(path)


def _escaped(name: str) -> str:
    return os.fsencode(name).decode("utf-8", "backslashreplace")


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
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    elif entry.is_file() or entry.is_symlink():  # a link that loops or leads nowhere fails as read
                        yield entry.path
                except OSError:  # a loop of links: read() names it
                    yield entry.path


# ---------------------------------------------------------------------------------------
# the build


def _target(out: str | os.PathLike | None) -> tuple[Path | None, str | None]:
    if out is None:
        return None, None
    path = Path(out)
    suffix = path.suffix.lower().lstrip(".")
    if not suffix:
        if path.exists() and not path.is_dir():
            raise OutputError(
                f"{path}: is a file, not a dataset folder; give `out` a folder, or a file name ending in "
                f"{', '.join('.' + f for f in FORMATS)}."
            )
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
    time_limit: float | None = TIME_LIMIT,
    size_limit: int | None = SIZE_LIMIT,
    follow_symlinks: bool = True,
) -> pd.DataFrame:
    """Extract the targets of one document, or of many (files and folders), into one DataFrame.

    One file (``.txt`` in any common encoding, ``.docx``, ``.pdf``, a web page saved as
    ``.html``): its region and year come from ``region=``/``year=``, else a ``manifest.csv``
    row beside it, else its title; the numbers set aside as non-targets, with the reason, are
    given by [planstats.rejects][]. Many, or a folder: as [planstats.build][] does, in parallel
    (``workers``, ``engine``, ``scheduler``, ``progress``), in memory; the documents that could
    not be read are in ``df.attrs["failures"]`` and one warning. ``lenient=True`` replaces
    undecodable bytes instead of failing; ``time_limit`` is the seconds one document of many may take,
    ``size_limit`` the bytes of the largest file read (see [planstats.build][]). (``with_rejects=True``, which
    returned the pair ``(targets, rejects)`` for one file, is deprecated.)

    Parameters
    ----------
    paths : str, os.PathLike or iterable of them
        Files (.txt, .docx, .pdf, .html) and folders (read with their subfolders).
    region : str, optional
        The region of the document (one file); default: its manifest row, else its title.
    year : int, optional
        The plan year of the document (one file); default: as for ``region``.
    lenient : bool
        Replace undecodable bytes (U+FFFD) instead of failing the document.
    workers : int, optional
        Processes to use; default: all cores.
    engine : {'local', 'dask'}
        A local process pool, or Dask (``pip install 'planstats[dask]'``).
    scheduler : str, optional
        The address of a ``dask.distributed`` scheduler (with ``engine='dask'``).
    progress : bool, optional
        Show a progress bar; default: on.
    with_rejects : bool
        Deprecated: use ``rejects(df)``.
    time_limit : float, optional
        Seconds one document may take, after which it is named as failed and the rest go on; default
        ``TIME_LIMIT`` (600), ``None`` for no limit (not applied inside a Dask cluster's threads).
    size_limit : int, optional
        Bytes of the largest document read, checked before reading it: a larger one is named as failed;
        default ``planstats.read.SIZE_LIMIT`` (100 MiB), ``None`` for no limit.
    follow_symlinks : bool
        Read the files that symbolic links in a folder point to, wherever they are (default). ``False`` reads
        none of them and names them in a warning: for a folder whose links you did not make yourself.

    Returns
    -------
    pandas.DataFrame
        The targets, one row each, in the dataset contract (``SCHEMA``).

    Examples
    --------
    >>> import planstats as ps
    >>> df = extract(ps.sample_corpus() / "004_8503dda5db454a12.txt")
    >>> df.loc[df.metric == "urban_unemployment_rate", ["region", "year", "value", "qualifier"]].values.tolist()
    [['新城区', 2021, 4.0, 'at_most']]
    >>> sorted(extract(ps.sample_corpus(), workers=1)["doc"].unique())[:2]
    ['000_3e3dedbcbccbc1ab.txt', '001_d84f9f3cc8d066a0.txt']
    """
    _check_limits(time_limit, size_limit)
    if isinstance(paths, (str, os.PathLike)) and not Path(paths).is_dir():
        df = extract_file(paths, region=region, year=year, lenient=lenient, size_limit=size_limit)
        return _old_rejects((df, rejects(df)), with_rejects, "extract")
    if region is not None or year is not None or with_rejects:
        raise ArgumentError(
            "region=, year= and with_rejects= apply to one document; for many, give each its region and year in a "
            "manifest.csv beside it."
        )
    return _in_memory(
        paths,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        lenient=lenient,
        time_limit=time_limit,
        size_limit=size_limit,
        follow_symlinks=follow_symlinks,
    )


def _in_memory(
    paths,
    *,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    progress: bool | None,
    lenient: bool,
    time_limit: float | None = TIME_LIMIT,
    size_limit: int | None = SIZE_LIMIT,
    follow_symlinks: bool = True,
) -> pd.DataFrame:
    engine, workers = _engine(engine, workers)
    return _build(
        paths,
        out=None,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        progress=progress,
        lenient=lenient,
        time_limit=time_limit,
        size_limit=size_limit,
        follow_symlinks=follow_symlinks,
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
    time_limit: float | None = TIME_LIMIT,
    size_limit: int | None = SIZE_LIMIT,
    follow_symlinks: bool = True,
) -> BuildReport | pd.DataFrame:  # a DataFrame only on the deprecated call without ``out``
    """Extract every document of files and folders into a dataset at ``out``: a file (.csv,
    .jsonl, .parquet), or a folder for a Parquet dataset partitioned by year that later builds
    update incrementally. The rows are streamed to disk and a [planstats.BuildReport][] comes back:
    what was extracted, unchanged, failed and why.
    ``workers`` defaults to all cores; ``engine="dask"`` (with ``scheduler=`` an address for
    a cluster) runs on Dask; ``progress`` shows a bar (default: on). A document that takes more
    than ``time_limit`` seconds (``None``: no limit; not enforced in the threads of a Dask cluster)
    is a failure of the build, named in the report, and the build goes on; so is a file larger
    than ``size_limit`` bytes (``None``: no limit), refused before it is read.

    (Without ``out`` it returns the rows as a DataFrame, as [planstats.extract][planstats.corpus.extract] of many
    documents does: deprecated, that call will need ``out`` in planstats 0.3.)

    Parameters
    ----------
    paths : str, os.PathLike or iterable of them
        Files (.txt, .docx, .pdf, .html) and folders (read with their subfolders).
    out : str or os.PathLike
        A file (.csv, .jsonl, .parquet) or a folder (Parquet by year, updated incrementally).
    workers : int, optional
        Processes to use; default: all cores.
    engine : {'local', 'dask'}
        A local process pool, or Dask (``pip install 'planstats[dask]'``).
    scheduler : str, optional
        The address of a ``dask.distributed`` scheduler (with ``engine='dask'``).
    progress : bool, optional
        Show a progress bar; default: on.
    lenient : bool
        Replace undecodable bytes (U+FFFD) instead of failing the document.
    time_limit : float, optional
        Seconds one document may take, after which it is named as failed and the rest go on; default
        ``TIME_LIMIT`` (600), ``None`` for no limit (not applied inside a Dask cluster's threads).
    size_limit : int, optional
        Bytes of the largest document read, checked before reading it: a larger one is named as failed;
        default ``planstats.read.SIZE_LIMIT`` (100 MiB), ``None`` for no limit.
    follow_symlinks : bool
        Read the files that symbolic links in a folder point to, wherever they are (default). ``False`` reads
        none of them and names them in a warning: for a folder whose links you did not make yourself.

    Returns
    -------
    BuildReport
        What was extracted, unchanged and failed (with the reason), the rows written, the time taken.

    Examples
    --------
    >>> import tempfile, planstats as ps
    >>> report = build(ps.sample_corpus(), out=tempfile.mkdtemp() + "/targets", workers=1, progress=False)
    >>> report.documents, report.extracted, report.rows
    (5, 5, 404)
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
    _check_limits(time_limit, size_limit)
    with _locked(out):
        return _build(
            paths,
            out=out,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            progress=progress,
            lenient=lenient,
            time_limit=time_limit,
            size_limit=size_limit,
            follow_symlinks=follow_symlinks,
        )


def _check_limits(time_limit: float | None, size_limit: int | None) -> None:
    if time_limit is not None and not (
        isinstance(time_limit, (int, float)) and not isinstance(time_limit, bool) and time_limit > 0
    ):
        raise ArgumentError(
            f"The value for `time_limit` must be a number of seconds above 0 or None, but {time_limit!r} was passed."
        )
    if size_limit is not None and not (
        isinstance(size_limit, int) and not isinstance(size_limit, bool) and size_limit > 0
    ):
        raise ArgumentError(
            f"The value for `size_limit` must be a number of bytes above 0 or None, but {size_limit!r} was passed."
        )


def _build(
    paths,
    *,
    out,
    workers: int,
    engine: str,
    scheduler: str | None,
    progress: bool | None,
    lenient: bool,
    time_limit: float | None = TIME_LIMIT,
    size_limit: int | None = SIZE_LIMIT,
    follow_symlinks: bool = True,
) -> pd.DataFrame | BuildReport:
    target, fmt = _target(out)
    docs = _documents(paths, follow_symlinks)
    _check_manifests(docs)
    rules = rules_fingerprint()
    known, old_index = _previous(target, rules) if fmt == "folder" and target is not None else ({}, None)
    # the index keeps where each was
    items = [(*_named(doc, os.path.abspath(path)), lenient, time_limit, size_limit) for doc, path in docs]
    started = time.perf_counter()
    report = BuildReport(path=target or Path("<memory>"), documents=len(docs))
    if target is not None:
        _clean_stale(target)
    sink = _Sink(target, fmt)
    run = (
        _local(items, known, workers, sink.arrow)
        if engine == "local"
        else _dask(items, known, workers, scheduler, sink.arrow)
    )
    show = progress if progress is not None else out is not None
    restore = _stop_on_sigterm()
    try:
        index = _write_rows(_progress(run, len(items), show), sink, report, rules)
        if fmt == "folder" and target is not None:
            index, keep = _merge_index(index, old_index)
            _carry_over(target, keep, sink)
            report.stale = int((index["status"].isin(["unchanged", "kept"]) & index["rules"].ne(rules)).sum())
            report.gone = sorted(index.loc[index["status"].eq("gone"), "path"])
        sink.commit(index)
    except OSError as err:
        sink.abort()
        if isinstance(err, PlanstatsError):
            raise
        if err.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise OutputError(
                f"{target}: the dataset could not be written ({err.strerror}: {err.filename}); its temporary files "
                "were removed and the previous dataset is as it was (if the build stopped between the two renames "
                "that move it in, the next load or build puts the previous one back)."
            ) from err
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


def _write_rows(chunks: Iterator, sink: _Sink, report: BuildReport, rules: str) -> pd.DataFrame:
    """Hand the rows of each chunk of documents to ``sink``, :data:`_BATCH_ROWS` or more at a time,
    telling ``report`` of each document; the index of the documents."""
    index_rows, pending, pending_rows = [], [], 0
    for results, rows in chunks:
        index_rows += [_tell(report, result, rules) for result in results]
        pending.append(rows)
        pending_rows += len(rows)
        if pending_rows >= _BATCH_ROWS:
            sink.add_parts(pending)
            pending, pending_rows = [], 0
    if pending_rows:
        sink.add_parts(pending)
    return pd.DataFrame(index_rows, columns=list(INDEX_COLUMNS))


def _check_manifests(docs: list[tuple[str, str]]) -> None:
    """Check the manifests beside the documents here, once: the workers read them too, but their
    warnings are not shown. A malformed manifest is a failure of each of its documents, as they are built."""
    for manifest in sorted({mf for _, path in docs for mf, _ in manifest_files(Path(path))}):
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
    for kind, what in ((UNPLACED, "have no region or no plan year"), (BODY_REGION, "have a region that only their "
                        "running text names (region_match context)"), (HISTORICAL, "have a region that no unit has "
                        "within two years of their plan year (region_match historical)")):  # fmt: skip
        notes = [n for n in report.notes if kind in n]
        if notes:
            listing = "\n".join(f"  {n.split(': ', 1)[0]}" for n in notes)
            warnings.warn(
                f"{len(notes)} document(s) {what}; give them a manifest.csv row (columns file, region, year), e.g. "
                f"{notes[0]}\n{listing}",
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
