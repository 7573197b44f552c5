"""The ``planstats`` command.

    planstats extract FILE... [--format csv|jsonl|parquet] [-o OUT] [--rejects FILE]
    planstats build DIR... -o DATASET [--workers N] [--engine local|dask] [--scheduler ADDRESS] [--no-progress]
    planstats metrics
    planstats show [--data PATH] [--section headline|body] [--metric ID]
    planstats compare --metric ID [--metric ID …] [--year YEAR] [--format markdown|latex|csv] [--data PATH]
    planstats yoy --metric ID [--format …]
    planstats attainment [--actuals actuals.csv] [--metric ID …] [--tolerance PP] [--approx-as band|floor] [--format …]
    planstats coverage [--metric ID …] [--format …]
    planstats report [--data PATH] [-o out] [--lang en|zh]

The analysis commands print a table (Markdown by default, every number with its source
unless --no-cite), or write it with -o FILE (.md, .tex, .csv, .dta).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

from planstats import analysis, outcomes, plans, tables
from planstats.corpus import ENGINES, TIME_LIMIT, build
from planstats.read import SIZE_LIMIT
from planstats.dataset import FORMATS, conform, load, write
from planstats.formats import spreadsheet_safe
from planstats.document import extract_file, rejects
from planstats.errors import ArgumentError, PlanstatsError, PlanstatsWarning
from planstats.taxonomy import metrics


def _print_frame(df: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        spreadsheet_safe(df).to_csv(sys.stdout, index=False, lineterminator="\n")
    elif fmt == "jsonl":
        sys.stdout.write(df.to_json(orient="records", lines=True, force_ascii=False))
    else:
        raise ArgumentError("parquet is binary: give an output file with -o OUT.")


def _cmd_extract(args: argparse.Namespace) -> int:
    frames, rejected, failed = [], [], 0
    for path in args.files:
        try:
            df = extract_file(path)
            rej = rejects(df)
        except PlanstatsError as err:
            print(f"planstats: {err}", file=sys.stderr)
            failed += 1
            continue
        frames.append(df)
        rejected.append(rej)
    if frames:
        result = conform(pd.concat(frames, ignore_index=True))
        if args.output:
            write(result, args.output, format=args.format)
            print(f"wrote {len(result)} targets to {args.output}", file=sys.stderr)
        else:
            _print_frame(result, args.format or "csv")
        if args.rejects:
            pd.concat(rejected, ignore_index=True).to_csv(args.rejects, index=False)
    return 1 if failed else 0


def _cmd_build(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PlanstatsWarning)
        report = build(
            args.dirs,
            out=args.output,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=not args.no_progress,
            lenient=args.lenient,
            time_limit=args.time_limit or None,
            size_limit=int(args.size_limit * 2**20) or None,
        )
    print(report, file=sys.stderr)
    for w in caught:  # what the API warns of (no region or year, stale rows kept, folders not listed …), said once each
        if issubclass(w.category, PlanstatsWarning) and "could not be read" not in str(
            w.message
        ):  # the report lists those
            print(f"planstats: warning: {w.message}", file=sys.stderr)
    return 1 if report.failures and report.extracted + report.unchanged == 0 else 0


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
        result = analysis.compare(df, metric, args.year)
    elif args.command == "yoy":
        if isinstance(metric, list):
            raise ArgumentError("yoy takes one --metric.")
        result = analysis.yoy(df, metric)
    elif args.command == "attainment":
        result = outcomes.attainment(
            df, args.actuals, metrics=metric, tolerance=args.tolerance, approx_as=args.approx_as
        )
    else:
        result = plans.coverage(df, metrics=metric)
    cite = not args.no_cite
    if args.output:
        tables.export(result, args.output, cite=cite, lang=args.lang)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(tables.table(result, format=args.format, cite=cite, lang=args.lang))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from planstats.report import report

    files = report(load(args.data), args.output, lang=args.lang)
    print(f"report written to {files[0]}", file=sys.stderr)
    for f in files[1:]:
        print(f"  {f}", file=sys.stderr)
    return 0


def _analysis_parser(sub, name: str, help: str, *, metric_required: bool) -> argparse.ArgumentParser:
    a = sub.add_parser(name, help=help)
    a.add_argument(
        "--metric", action="append", required=metric_required, help="metric id (see `planstats metrics`); repeatable"
    )
    a.add_argument("--data", type=Path, help="dataset file (default: the sample dataset that ships with planstats)")
    a.add_argument("--format", choices=("markdown", "latex", "csv"), default="markdown")
    a.add_argument("--lang", choices=("en", "zh"), default="en", help="labels in English (default) or Chinese")
    a.add_argument("--no-cite", action="store_true", help="leave out the source of each number")
    a.add_argument("-o", "--output", help="write the table to this file (.md, .tex, .csv or .dta)")
    a.set_defaults(func=_analysis)
    return a


def _analysis_parsers(sub) -> None:
    """The commands of analysis: compare, yoy, attainment, coverage."""
    c = _analysis_parser(
        sub, "compare", help="targets side by side: region x year, or region x metric for --year", metric_required=True
    )
    c.add_argument("--year", type=int)
    _analysis_parser(sub, "yoy", help="change of each region's target between its plan years", metric_required=True)
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
    _analysis_parser(
        sub,
        "coverage",
        help="for each region, year and metric: extracted, not in the document, or no document",
        metric_required=False,
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="planstats", description="Quantified targets of Chinese local work plans.")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract the targets of documents")
    e.add_argument("files", nargs="+", metavar="FILE")
    e.add_argument("--format", choices=FORMATS, help="output format (default: from -o's suffix, else csv)")
    e.add_argument("-o", "--output", help="write to this file (atomically) instead of standard output")
    e.add_argument("--rejects", help="also write the numbers set aside as non-targets, with reasons, to this CSV")
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
    """Entry point of the ``planstats`` command; returns the exit status."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except PlanstatsError as err:
        print(f"planstats: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
