"""The ``planstats`` command.

    planstats extract FILE... [--format csv|jsonl|parquet] [-o OUT] [--rejects FILE]
    planstats build DIR... -o DATASET [--workers N] [--engine local|dask] [--scheduler ADDRESS] [--no-progress]
    planstats metrics
    planstats show [--data PATH] [--section headline|body] [--metric ID]
    planstats compare --metric ID [--metric ID …] [--year YEAR] [--format markdown|latex|csv] [--data PATH]
    planstats yoy --metric ID [--format …]
    planstats attainment [--actuals actuals.csv] [--metric ID …] [--tolerance PP] [--approx-as band|floor] [--format …]
    (compare, yoy and attainment take --range-as mid|low|high: the value of a range target)
    planstats coverage [--metric ID …] [--format …]
    planstats report [--data PATH] [-o out] [--lang en|zh]

The analysis commands print a table (Markdown by default, every number with its source
unless --no-cite), or write it with -o FILE (.md, .tex, .csv, .dta, .xlsx).

Every command takes -q (errors only) and -v (also the cause of an error); ``planstats --version``.
Exit status: 0 done; 1 an error, or documents that could not be read (``--keep-going``: 0 while any
document was read); 2 a wrong flag or value; 130 interrupted (Ctrl-C). A closed pipe
(``planstats metrics | head``) ends the command quietly.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from planstats import analysis, outcomes, plans, tables
from planstats.cells import RANGE_AS
from planstats.corpus import ENGINES, TIME_LIMIT, build
from planstats.read import SIZE_LIMIT
from planstats.dataset import FORMATS, conform, load, write
from planstats.formats import write_csv
from planstats.document import extract_file, rejects
from planstats.errors import ArgumentError, PlanstatsError, PlanstatsWarning
from planstats.taxonomy import metrics

# what the library says in its own terms (arguments of Python functions), said in the command's
_CLI_TERMS = (
    (re.compile(r"\(?or read the file with planstats\.extract\(path, lenient=True\)\)?"), "or pass --lenient"),
    (re.compile(r"(?:pass )?lenient=True"), "pass --lenient"),
    (re.compile(r"engine='dask'"), "--engine dask"),
    (re.compile(r" or pass manifest=\."), "."),
    (re.compile(r" or the region=/year= arguments\."), "."),
    (re.compile(r"approx_as='(\w+)'"), r"--approx-as \1"),
    (re.compile(r" Select them with kind=… or convert them first\."), ""),
    (re.compile(r"\bor format=\."), "or --format."),
    (re.compile(r"The value for `(\w+)`"), lambda m: f"The value for --{m[1].replace('_', '-')}"),
)


def _cli_terms(message: str) -> str:
    """A message of the library as a shell user reads it: flags, not arguments.

    Examples
    --------
    >>> _cli_terms("The value for `format` must be one of ['csv'], but 'x' was passed.")
    "The value for --format must be one of ['csv'], but 'x' was passed."
    """
    for pattern, flag in _CLI_TERMS:
        message = pattern.sub(flag, message)
    return message


class _Say:
    """What the command tells on standard error, by verbosity: 0 (-q) errors only; 2 (-v) also causes."""

    def __init__(self, level: int = 1) -> None:
        self.level = level

    def info(self, text: str) -> None:
        if self.level >= 1:
            print(text, file=sys.stderr)

    def warning(self, message: Warning | str, category: type[Warning] = PlanstatsWarning) -> None:
        if self.level >= 1:
            kind = "" if issubclass(category, PlanstatsWarning) else f"{category.__name__}: "
            text = " ".join(str(message).split())  # one line each, whatever the message held
            print(f"planstats: warning: {kind}{_cli_terms(text)}", file=sys.stderr)

    def error(self, err: BaseException) -> None:
        print(f"planstats: {_cli_terms(str(err))}", file=sys.stderr)
        cause = err.__cause__ or err.__context__
        while self.level >= 2 and cause is not None:
            print(f"  caused by {type(cause).__name__}: {cause}", file=sys.stderr)
            cause = cause.__cause__ or cause.__context__

    def show_warning(self, message, category, filename, lineno, file=None, line=None) -> None:
        """``warnings.showwarning`` of the command: one clean line, no source line."""
        self.warning(message, category)


def _print_frame(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        write_csv(df, sys.stdout)
    elif fmt == "jsonl":
        sys.stdout.write(df.to_json(orient="records", lines=True, force_ascii=False))
    else:
        raise ArgumentError("parquet is binary: give an output file with -o OUT.")


def _cmd_extract(args: argparse.Namespace) -> int:
    frames, rejected, failed = [], [], 0
    for path in args.files:
        try:
            df = extract_file(path, lenient=args.lenient)
            rej = rejects(df)
        except PlanstatsError as err:
            args.say.error(err)
            failed += 1
            continue
        frames.append(df)
        rejected.append(rej)
    if frames:
        result = conform(pd.concat(frames, ignore_index=True))
        if args.output:
            write(result, args.output, format=args.format)
            args.say.info(f"wrote {len(result)} targets to {args.output}")
        else:
            _print_frame(result, args.format or "csv")
        if args.rejects:
            write_csv(pd.concat(rejected, ignore_index=True), args.rejects)
    return 1 if failed and not (args.keep_going and frames) else 0


def _cmd_build(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PlanstatsWarning)
        report = build(
            args.dirs,
            out=args.output,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=not args.no_progress and args.say.level >= 1 and sys.stderr.isatty(),  # a bar only on a terminal
            lenient=args.lenient,
            time_limit=args.time_limit or None,
            size_limit=int(args.size_limit * 2**20) or None,
            follow_symlinks=not args.no_follow_symlinks,
        )
    args.say.info(str(report))
    for w in caught:  # what the API warns of (no region or year, stale rows kept, folders not listed …), said once each
        if not (issubclass(w.category, PlanstatsWarning) and "could not be read" in str(w.message)):  # listed above
            args.say.warning(w.message, w.category)
    if report.failures:
        args.say.info(f"planstats: {len(report.failures)} document(s) could not be read (listed above)")
        read = report.extracted + report.unchanged
        return 0 if args.keep_going and read else 1
    return 0


def _cmd_metrics(args: argparse.Namespace) -> int:
    table = metrics()[["id", "label_en", "label_zh", "kinds", "category"]]
    print(table.to_string(index=False))
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    df = load(args.data)
    if args.section:
        df = df[df["section"] == args.section]
    if args.metric:
        df = df[df["metric"] == args.metric]
    cols = ["region", "year", "record", "section", "metric", "kind", "value", "value_high", "unit", "qualifier", "raw"]
    with pd.option_context("display.width", 200, "display.max_rows", 500, "display.max_colwidth", 36):
        print(df[cols].to_string(index=False))
    return 0


def _analysis(args: argparse.Namespace) -> int:
    df = load(args.data)
    metric = args.metric[0] if args.metric and len(args.metric) == 1 else args.metric
    if args.command == "compare":
        result = analysis.compare(df, metric, args.year, range_as=args.range_as)
    elif args.command == "yoy":
        if isinstance(metric, list):
            raise ArgumentError("yoy takes one --metric.")
        result = analysis.yoy(df, metric, range_as=args.range_as)
    elif args.command == "attainment":
        result = outcomes.attainment(
            df,
            args.actuals,
            metrics=metric,
            tolerance=args.tolerance,
            approx_as=args.approx_as,
            range_as=args.range_as,
        )
    else:
        result = plans.coverage(df, metrics=metric)
    cite = not args.no_cite
    if args.output:
        tables.export(result, args.output, format=args.format, cite=cite, lang=args.lang)
        args.say.info(f"wrote {args.output}")
    else:
        sys.stdout.write(tables.table(result, format=args.format or "markdown", cite=cite, lang=args.lang))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from planstats.report import report

    files = report(load(args.data), args.output, lang=args.lang)
    args.say.info(f"report written to {files[0]}")
    for f in files[1:]:
        args.say.info(f"  {f}")
    return 0


def _analysis_parser(sub, name: str, help: str, *, metric_required: bool) -> argparse.ArgumentParser:
    a = sub.add_parser(name, help=help)
    a.add_argument(
        "--metric", action="append", required=metric_required, help="metric id (see `planstats metrics`); repeatable"
    )
    a.add_argument("--data", type=Path, help="dataset file (default: the sample dataset that ships with planstats)")
    a.add_argument(
        "--format", choices=("markdown", "latex", "csv"), help="table format (default: markdown; with -o, its suffix)"
    )
    a.add_argument("--lang", choices=("en", "zh"), default="en", help="labels in English (default) or Chinese")
    a.add_argument("--no-cite", action="store_true", help="leave out the source of each number")
    a.add_argument("-o", "--output", help="write the table to this file (.md, .tex, .csv, .dta or .xlsx)")
    a.set_defaults(func=_analysis)
    return a


def _analysis_parsers(sub) -> None:
    """The commands of analysis: compare, yoy, attainment, coverage."""
    c = _analysis_parser(
        sub, "compare", help="targets side by side: region x year, or region x metric for --year", metric_required=True
    )
    c.add_argument("--year", type=int)
    y = _analysis_parser(sub, "yoy", help="change of each region's target between its plan years", metric_required=True)
    t = _analysis_parser(
        sub,
        "attainment",
        help="targets against outcomes (default: the results the plans report)",
        metric_required=False,
    )
    t.add_argument("--actuals", type=Path, help="CSV with columns region, year, metric, value (and optionally unit)")
    t.add_argument(
        "--tolerance", type=float, default=0.5, help="for approx targets of rates, in percentage points (default 0.5)"
    )
    t.add_argument(
        "--approx-as",
        choices=outcomes.APPROX_AS,
        help="read 左右 as a band around the target or as a floor (default: band, with a warning)",
    )
    for p in (c, y, t):
        p.add_argument(
            "--range-as",
            choices=RANGE_AS,
            default="mid",
            help="the value of a range target (8-10%%): its midpoint (default), lower or upper end; the table's legend "
            "says which",
        )
    _analysis_parser(
        sub,
        "coverage",
        help="for each region, year and metric: extracted, not in the document, or no document",
        metric_required=False,
    )


def _verbosity(default) -> argparse.ArgumentParser:
    """-q and -v, taken before the command and after it (``planstats -q build …``, ``planstats build … -q``)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("-q", "--quiet", action="store_true", default=default, help="print errors only")
    p.add_argument(
        "-v", "--verbose", action="count", default=default, help="also print the cause of an error (repeatable)"
    )
    return p


class _SubParsers(argparse._SubParsersAction):
    """Sub-commands that take -q and -v too."""

    def add_parser(self, name, **kwargs):
        return super().add_parser(name, parents=[_verbosity(argparse.SUPPRESS)], **kwargs)


def parser() -> argparse.ArgumentParser:
    """The parser of the ``planstats`` command."""
    from planstats import __version__

    p = argparse.ArgumentParser(
        prog="planstats",
        description="Quantified targets of Chinese local work plans.",
        parents=[_verbosity(None)],
        epilog="Exit status: 0 done, 1 an error or unreadable documents (see --keep-going), 2 a wrong flag or "
        "value, 130 interrupted.",
    )
    p.add_argument("--version", action="version", version=f"planstats {__version__}")
    p.register("action", "parsers", _SubParsers)
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract the targets of documents")
    e.add_argument("files", nargs="+", metavar="FILE")
    e.add_argument("--format", choices=FORMATS, help="output format (default: from -o's suffix, else csv)")
    e.add_argument("-o", "--output", help="write to this file (atomically) instead of standard output")
    e.add_argument("--rejects", help="also write the numbers set aside as non-targets, with reasons, to this CSV")
    e.add_argument("--lenient", action="store_true", help="replace undecodable bytes instead of skipping the document")
    e.add_argument("--keep-going", action="store_true", help="exit 0 when some files could not be read (not all)")
    e.set_defaults(func=_cmd_extract)

    b = sub.add_parser("build", help="build a dataset from folders and files")
    b.add_argument("dirs", nargs="+", metavar="DIR")
    b.add_argument(
        "-o",
        "--output",
        required=True,
        help="a folder (Parquet partitioned by year, updated incrementally), or a .csv, .jsonl or .parquet file",
    )
    b.add_argument("--workers", type=int, help="processes to use (default: all cores)")
    b.add_argument("--engine", choices=ENGINES, default="local", help="local process pool (default) or Dask")
    b.add_argument("--scheduler", help="address of a dask.distributed scheduler (with --engine dask)")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--lenient", action="store_true", help="replace undecodable bytes instead of skipping the document")
    b.add_argument(
        "--keep-going", action="store_true", help="exit 0 when some documents could not be read (not all of them)"
    )
    b.add_argument(
        "--time-limit",
        type=float,
        default=TIME_LIMIT,
        metavar="SECONDS",
        help=f"seconds one document may take, else it is skipped as failed (default: {TIME_LIMIT:g}; 0: no limit)",
    )
    b.add_argument(
        "--size-limit",
        type=float,
        default=SIZE_LIMIT / 2**20,
        metavar="MB",
        help=f"MiB of the largest document read, a larger one is skipped as failed (default: {SIZE_LIMIT // 2**20}; "
        "0: no limit)",
    )
    b.add_argument(
        "--no-follow-symlinks",
        action="store_true",
        help="do not read the files that symbolic links in a folder point to (for a folder you did not make)",
    )
    b.set_defaults(func=_cmd_build)

    m = sub.add_parser("metrics", help="list the metric taxonomy")
    m.set_defaults(func=_cmd_metrics)

    s = sub.add_parser("show", help="print a dataset (default: the bundled one)")
    s.add_argument("--data", type=Path, help="dataset file (default: the sample dataset that ships with planstats)")
    s.add_argument("--section", choices=("headline", "body"))
    s.add_argument("--metric")
    s.set_defaults(func=_cmd_show)

    _analysis_parsers(sub)

    r = sub.add_parser("report", help="write tables (Markdown), charts (PNG) and BibTeX of a dataset into a folder")
    r.add_argument("--data", type=Path, help="dataset file (default: the sample dataset that ships with planstats)")
    r.add_argument("-o", "--output", default="out", help="folder to write into (default: out)")
    r.add_argument("--lang", choices=("en", "zh"), default="en")
    r.set_defaults(func=_cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``planstats`` command.

    Parameters
    ----------
    argv : list of str, optional
        The arguments, without the program's name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 0 done; 1 an error, or documents that could not be read; 2 a wrong flag or
        value; 130 interrupted; 141 standard output closed (``| head``).

    Examples
    --------
    >>> main(["metrics", "-q"]) == 0  # doctest: +ELLIPSIS
    id ...
    True
    """
    args = parser().parse_args(argv)
    args.say = say = _Say(0 if args.quiet else 1 + (args.verbose or 0))
    try:
        with warnings.catch_warnings():
            warnings.showwarning = say.show_warning
            return args.func(args)
    except ArgumentError as err:
        say.error(err)
        return 2
    except PlanstatsError as err:
        say.error(err)
        return 1
    except KeyboardInterrupt:
        print("planstats: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): say nothing, and let Python's last flush say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
