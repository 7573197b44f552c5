"""Score planstats against the real-document corpus, per kind of document and per split.

    python tests/corpus/evaluate.py tests/corpus [--json FILE] [--predictions FILE] [--quiet]

Each document is extracted alone, with no manifest, region or year given: what a user gets from the file
alone. The labels are scored by the development corpus's scorer (``score.py`` beside this file, a copy of
``../shared/dev-corpus/score.py``): a predicted row pairs with a label when their numbers agree and their
spans overlap. Printed per split (dev, check, all) and per kind of document:

- headline strict precision, recall and F1 (metric, qualifier, kind and section right too);
- headline values found in any section (the numbers right, in the headline or the body);
- past-year results found as results, and taken for targets (a share of the labelled results);
- plan year right (of the documents with a year; and of those whose page states it);
- region code right (the code where the manifest has one, else the name), and confident wrong regions
  (a wrong code resolved ``exact`` or ``unique``).

The misses are listed for the dev split only: rule work does not look at the check split.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import json
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["work_report", "plan_report", "work_plan", "report_news", "conference_news", "digest"]
CONFIDENT = {"exact", "unique"}


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", HERE / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_corpus(folder: Path) -> tuple[list[dict], list[dict]]:
    """The manifest rows and the labels of a corpus folder."""
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as f:
        manifest = list(csv.DictReader(f))
    with (folder / "labels.jsonl").open(encoding="utf-8") as f:
        labels = [json.loads(line) for line in f if line.strip()]
    return manifest, labels


def predict(folder: Path, manifest: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Every document extracted alone: the rows as JSON records, and the documents that failed. Each document
    also gives one row of record ``document``: the region and plan year planstats gives the document as a whole
    (what a document with no target, or none found, is judged by)."""
    import planstats as ps
    from planstats.document import document_info
    from planstats.read import read

    rows: list[dict] = []
    failed: dict[str, str] = {}
    for entry in manifest:
        path = folder / "docs" / entry["file"]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df = ps.extract(path)
                _, year, place = document_info(path, read(path).text)
        except ps.PlanstatsError as err:
            failed[entry["file"]] = str(err).splitlines()[0]
            continue
        df = df.assign(doc=entry["file"])
        rows += json.loads(df.to_json(orient="records", force_ascii=False))
        rows.append(dict(doc=entry["file"], record="document", year=year, region=place.unit or None,
                         region_code=place.code or None, region_match=place.match))  # fmt: skip
    return rows, failed


def _most_common(values: list) -> object:
    values = [v for v in values if v is not None and v == v and v != ""]
    return collections.Counter(values).most_common(1)[0][0] if values else None


def documents(manifest: list[dict], rows: list[dict]) -> dict[str, dict]:
    """Per document: the plan year and region planstats gave it, and whether each is right. The year is the
    most common of its targets' years, the region the most common of its rows' codes (names where the manifest
    has no code); a document without targets (or without rows) is judged by its ``document`` row."""
    targets, regions, whole = collections.defaultdict(list), collections.defaultdict(list), {}
    for r in rows:
        if r.get("record") == "document":
            whole[r["doc"]] = r
            continue
        regions[r["doc"]].append(r)
        if (r.get("record") or "target") != "result":
            targets[r["doc"]].append(r)
    out = {}
    for entry in manifest:
        doc = whole.get(entry["file"], {})
        year = _most_common([r.get("year") for r in targets.get(entry["file"], [])]) or doc.get("year")
        got = regions.get(entry["file"]) or [doc]
        code = _most_common([r.get("region_code") for r in got])
        name = _most_common([r.get("region") for r in got])
        match = _most_common([r.get("region_match") for r in got if r.get("region_code") == code])
        if entry["region_code"]:
            region_ok = code == entry["region_code"]
        else:
            region_ok = bool(name) and (entry["region"] in name or name in entry["region"])
        out[entry["file"]] = {
            "year": year,
            "year_ok": bool(entry["year"]) and year == int(entry["year"]),
            "code": code,
            "name": name,
            "match": match,
            "region_ok": region_ok,
            "confident_wrong": bool(code) and not region_ok and match in CONFIDENT,
        }
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def figures(scorer, manifest: list[dict], labels: list[dict], rows: list[dict], docs: dict[str, dict]) -> dict:
    """The figures of one group of documents."""
    files = {e["file"] for e in manifest}
    gold = [g for g in labels if g["doc"] in files]
    pred = [p for p in rows if p["doc"] in files and p.get("record") != "document"]
    res = scorer.score(gold, pred)
    head, results = res["headline"], res["results"]
    dated = [e for e in manifest if e["year"]]
    stated = [e for e in dated if e["year_stated"] == "yes"]
    return {
        "docs": len(manifest),
        "headline_gold": head["gold"],
        "headline_pred": head["pred"],
        "headline_p": head["strict"]["precision"],
        "headline_r": head["strict"]["recall"],
        "headline_f1": head["strict"]["f1"],
        "values_found": head["found_any_section"],
        "results_gold": results["gold"],
        "results_found": results["recall"],
        "results_as_targets": results["leak_rate"],
        "year_right": _ratio(sum(docs[e["file"]]["year_ok"] for e in dated), len(dated)),
        "year_right_stated": _ratio(sum(docs[e["file"]]["year_ok"] for e in stated), len(stated)),
        "region_right": _ratio(sum(docs[e["file"]]["region_ok"] for e in manifest), len(manifest)),
        "confident_wrong": sum(docs[e["file"]]["confident_wrong"] for e in manifest),
        "_errors": res,
    }


def evaluate(folder: Path, rows: list[dict] | None = None) -> dict:
    """Every group's figures: ``{split: {"all": ..., kind: ...}}`` for the splits dev, check and all."""
    scorer = _scorer()
    scorer.DOCDIR = str(folder / "docs")
    manifest, labels = read_corpus(folder)
    failed: dict[str, str] = {}
    if rows is None:
        rows, failed = predict(folder, manifest)
    docs = documents(manifest, rows)
    out: dict = {"failed": failed, "documents": docs, "splits": {}}
    for split in ("dev", "check", "all"):
        part = [e for e in manifest if split == "all" or e["split"] == split]
        groups = {"all": part} | {k: [e for e in part if e["kind"] == k] for k in KINDS}
        out["splits"][split] = {k: figures(scorer, g, labels, rows, docs) for k, g in groups.items() if g}
    return out


COLUMNS = [
    ("docs", "docs"),
    ("headline_gold", "headline labels"),
    ("headline_p", "P"),
    ("headline_r", "R"),
    ("headline_f1", "F1"),
    ("values_found", "values found"),
    ("results_gold", "results labels"),
    ("results_found", "results found"),
    ("results_as_targets", "results as targets"),
    ("year_right", "year right"),
    ("year_right_stated", "year right (stated)"),
    ("region_right", "region right"),
    ("confident_wrong", "confident wrong region"),
]


def markdown(report: dict) -> str:
    """The figures as one Markdown table: a row per split and kind."""
    lines = ["| split | kind | " + " | ".join(h for _, h in COLUMNS) + " |", "|---|---|" + "---:|" * len(COLUMNS)]
    for split, groups in report["splits"].items():
        for kind, fig in groups.items():
            cells = ["–" if fig[k] is None else (f"{fig[k]:.3f}" if isinstance(fig[k], float) else str(fig[k]))
                     for k, _ in COLUMNS]  # fmt: skip
            lines.append(f"| {split} | {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


BANDS = [(2005, 2010), (2011, 2015), (2016, 2020), (2021, 2026)]


def _band(year: str) -> str:
    y = int(year) if year else 0
    return next((f"{a}–{b}" for a, b in BANDS if a <= y <= b), "other" if y else "no year")


def makeup(manifest: list[dict]) -> str:
    """The corpus's make-up as Markdown: kinds by levels, year bands, scripts and forms, and the coverage."""
    levels = ["province", "prefecture", "county", "zone"]
    bands = [f"{a}–{b}" for a, b in BANDS] + ["other"]
    scripts = ["simplified", "traditional", "traditional_pinyin"]
    head = levels + bands + scripts + ["non-UTF-8", "html/docx/pdf", "page beginning", "check"]
    lines = ["| kind | docs | " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) + 1)]
    for kind in KINDS + ["all"]:
        part = [e for e in manifest if kind in ("all", e["kind"])]
        counts = collections.Counter()
        for e in part:
            counts.update([e["level"], _band(e["year"]), e["script"]])
            counts["non-UTF-8"] += e["encoding"] != "utf-8"
            counts["html/docx/pdf"] += e["format"] != "txt"
            counts["page beginning"] += e["page_beginning"] == "yes"
            counts["check"] += e["split"] == "check"
        lines.append(f"| {kind} | {len(part)} | " + " | ".join(str(counts[h]) for h in head) + " |")
    provinces = {e["province"] for e in manifest if e["province"]}
    series = collections.Counter((e["region_code"] or e["region"]) for e in manifest)
    years = collections.defaultdict(set)
    for e in manifest:
        years[e["region_code"] or e["region"]].add(e["year"])
    multi = sorted(r for r, ys in years.items() if len(ys) >= 2)
    lines.append("")
    lines.append(f"{len(provinces)} provinces; {len(multi)} regions with documents of two or more years "
                 f"({sum(series[r] for r in multi)} documents).")  # fmt: skip
    return "\n".join(lines)


def misses(report: dict, dev: list[str]) -> str:
    """Every miss of the dev split, by kind of error, and the dev documents whose year or region is wrong."""
    res = report["splits"]["dev"]["all"]["_errors"]
    out = []
    for section in ("headline", "body", "results"):
        for err in res[section]["errors"]:
            out.append(f"  [{section}] " + " ".join(str(x) for x in err))
    for f in sorted(dev):
        d = report["documents"][f]
        if not (d["year_ok"] and d["region_ok"]):
            out.append(f"  [doc] {f}: year {d['year']}, region {d['name']} {d['code']} ({d['match']})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--predictions", type=Path, help="write the extracted rows as JSON lines here")
    parser.add_argument("--quiet", action="store_true", help="the table only, without the dev split's misses")
    args = parser.parse_args(argv)
    manifest, _ = read_corpus(args.folder)
    rows, failed = predict(args.folder, manifest)
    report = evaluate(args.folder, rows) | {"failed": failed}
    print(f"corpus {args.folder}: {len(manifest)} documents, {len(failed)} failed to read")
    for f, why in failed.items():
        print(f"  failed: {f}: {why}")
    print(makeup(manifest))
    print()
    print(markdown(report))
    if not args.quiet:
        print("\nmisses of the dev split (the check split's are not shown):")
        print(misses(report, [e["file"] for e in manifest if e["split"] == "dev"]))
    if args.predictions:
        args.predictions.parent.mkdir(parents=True, exist_ok=True)
        with args.predictions.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        slim = {s: {k: {c: v for c, v in fig.items() if c != "_errors"} for k, fig in g.items()}
                for s, g in report["splits"].items()}  # fmt: skip
        args.json.write_text(json.dumps(slim, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
