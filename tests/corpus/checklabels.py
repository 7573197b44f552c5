"""Check a corpus's manifest and labels: every label's raw occurs in its document (as planstats's reader
sees it, where planstats is installed; else in the decoded text file), its numbers appear in raw, every
field holds an allowed value. No extraction is run.

    python tests/corpus/checklabels.py tests/corpus   # or any folder with manifest.csv, labels.jsonl, docs/

Prints one line a problem and exits 1 when there is any.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

KINDS = {"work_report", "plan_report", "work_plan", "report_news", "conference_news", "digest"}
LEVELS = {"province", "prefecture", "county", "zone"}
SCRIPTS = {"simplified", "traditional", "traditional_pinyin"}
ENCODINGS = {"utf-8", "gb18030", "big5"}
FORMATS = {"txt", "html", "docx", "pdf"}
YESNO = {"yes", "no"}
SPLITS = {"", "dev", "check"}
COLUMNS = [
    "file", "kind", "level", "region", "region_code", "province", "year", "year_stated", "region_stated",
    "script", "encoding", "format", "source", "page_beginning", "missing", "body_labelled", "results_labelled",
    "split", "labeller", "notes",
]  # fmt: skip
SECTIONS = {"headline", "body", "review"}
RECORDS = {"target", "stretch", "result"}
LABEL_KINDS = {"growth", "level", "share", "pp_change"}
QUALIFIERS = {"approx", "at_least", "at_most", "range", "exact"}
FIELDS = {"doc", "region", "year", "section", "record", "metric_text", "metric", "kind", "value", "value_high",
          "unit", "qualifier", "raw", "note"}  # fmt: skip
_CN_DIGITS = "零一二三四五六七八九十百千万两〇"
_METRICS_CSV = Path(__file__).resolve().parents[2] / "planstats" / "data" / "metrics.csv"


def metric_kinds() -> dict[str, set[str]]:
    """Each metric id of the taxonomy and the kinds it allows."""
    with _METRICS_CSV.open(encoding="utf-8", newline="") as f:
        return {row["id"]: set(row["kinds"].split("|")) for row in csv.DictReader(f)}


def document_text(path: Path, encoding: str) -> str | None:
    """The text of a document as planstats's reader sees it (spans point into it) where planstats is installed;
    else a text file's decoded bytes, or None for a .docx or .pdf."""
    try:
        from planstats.read import read
    except ImportError:
        return path.read_bytes().decode(encoding) if path.suffix.lower() in (".txt", ".html", ".htm") else None
    if path.suffix.lower() == ".txt":
        path.read_bytes().decode(encoding)  # the manifest's encoding must be the file's
    return read(path).text


def _numbers(raw: str) -> set[float]:
    return {float(m) for m in re.findall(r"\d+(?:\.\d+)?", raw.replace(",", "").replace("，", ""))}


ALLOWED = {"kind": KINDS, "level": LEVELS, "script": SCRIPTS, "encoding": ENCODINGS, "format": FORMATS,
           "year_stated": YESNO, "region_stated": YESNO, "page_beginning": YESNO, "body_labelled": YESNO,
           "results_labelled": YESNO, "split": SPLITS}  # fmt: skip
LABEL_ALLOWED = {"section": SECTIONS, "record": RECORDS, "kind": LABEL_KINDS, "qualifier": QUALIFIERS}


def _check_entry(folder: Path, where: str, row: dict) -> tuple[list[str], str | None]:
    """The problems of one manifest row, and its document's text (None when it cannot be read)."""
    problems = [f"{where}: {col}={row[col]!r}, not one of {sorted(ok)}" for col, ok in ALLOWED.items()
                if row[col] not in ok]  # fmt: skip
    if row["region_code"] and not re.fullmatch(r"\d{6}", row["region_code"]):
        problems.append(f"{where}: region_code {row['region_code']!r} is not six digits")
    if row["year"] and not (re.fullmatch(r"\d{4}", row["year"]) and 1990 <= int(row["year"]) <= 2030):
        problems.append(f"{where}: year {row['year']!r}")
    if not row["source"]:
        problems.append(f"{where}: no source")
    path = folder / "docs" / row["file"]
    if not path.is_file():
        return problems + [f"{where}: no file {path}"], None
    if row["format"] != {".htm": "html"}.get(path.suffix.lower(), path.suffix.lower().lstrip(".")):
        problems.append(f"{where}: format {row['format']} but the file ends {path.suffix}")
    try:
        return problems, document_text(path, row["encoding"] if row["encoding"] in ENCODINGS else "utf-8")
    except (UnicodeDecodeError, LookupError) as err:
        return problems + [f"{where}: does not decode as {row['encoding']}: {err}"], None


def _check_label(where: str, lab: dict, entry: dict, text: str | None, metrics: dict[str, set[str]]) -> list[str]:
    """The problems of one label: its fields, its year against the plan year, its raw against the text."""
    problems = [f"{where}: {field}={lab[field]!r}, not one of {sorted(ok)}" for field, ok in LABEL_ALLOWED.items()
                if lab[field] not in ok]  # fmt: skip
    if lab["metric"] is not None and lab["kind"] not in metrics.get(lab["metric"], {lab["kind"]}):
        problems.append(
            f"{where}: metric {lab['metric']} is of kind {sorted(metrics[lab['metric']])}, not {lab['kind']}"
        )
    elif lab["metric"] is not None and lab["metric"] not in metrics:
        problems.append(f"{where}: metric {lab['metric']!r} is not an id of {_METRICS_CSV.name}")
    if (lab["record"] == "result") != (lab["section"] == "review"):
        problems.append(f"{where}: a result is in section review, and only a result")
    if lab["region"] != entry["region"]:
        problems.append(f"{where}: region {lab['region']!r} is not the manifest's {entry['region']!r}")
    year = int(entry["year"]) if entry["year"] else None
    if year and lab["record"] != "result" and lab["year"] != year:
        problems.append(f"{where}: a target of {lab['year']}, but the plan year is {year}")
    if year and lab["record"] == "result" and not (isinstance(lab["year"], int) and lab["year"] < year):
        problems.append(f"{where}: a result of {lab['year']}, not before the plan year {year}")
    if not isinstance(lab["value"], (int, float)):
        return problems + [f"{where}: value {lab['value']!r} is not a number"]
    if (lab["value_high"] is None) == (lab["qualifier"] == "range"):
        problems.append(f"{where}: value_high is set exactly when the qualifier is range")
    raw = lab["raw"]
    if not raw:
        return problems + [f"{where}: empty raw"]
    if text is not None and raw not in text:
        problems.append(f"{where}: raw {raw!r} does not occur in {lab['doc']}")
    if not any(c in raw for c in _CN_DIGITS):
        found = _numbers(raw)
        problems += [f"{where}: {v} is not a number of raw {raw!r}" for v in (lab["value"], lab["value_high"])
                     if v is not None and abs(v) not in found]  # fmt: skip
    return problems


def check(folder: Path) -> list[str]:
    """Every problem of the corpus in ``folder`` (its manifest.csv, labels.jsonl and docs/), one line each."""
    problems: list[str] = []
    manifest_path, labels_path = folder / "manifest.csv", folder / "labels.jsonl"
    with manifest_path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            return [f"{manifest_path}: columns {reader.fieldnames} are not {COLUMNS}"]
        manifest = list(reader)
    docs: dict[str, dict] = {}
    texts: dict[str, str | None] = {}
    for line, row in enumerate(manifest, start=2):
        where = f"{manifest_path}:{line} ({row['file']})"
        if row["file"] in docs:
            problems.append(f"{where}: file listed twice")
        docs[row["file"]] = row
        found, texts[row["file"]] = _check_entry(folder, where, row)
        problems += found
    counts = dict.fromkeys(docs, 0)
    metrics = metric_kinds()
    with labels_path.open(encoding="utf-8") as f:
        lines = list(enumerate(f, start=1))
    for line, text in lines:
        if not text.strip():
            continue
        where = f"{labels_path}:{line}"
        try:
            lab = json.loads(text)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON ({err})")
            continue
        extra, missing = set(lab) - FIELDS, FIELDS - {"note"} - set(lab)
        if extra or missing:
            problems.append(f"{where}: fields {sorted(extra)} not allowed, {sorted(missing)} missing")
        elif lab["doc"] not in docs:
            problems.append(f"{where}: doc {lab['doc']!r} is not in the manifest")
        else:
            counts[lab["doc"]] += 1
            problems += _check_label(where, lab, docs[lab["doc"]], texts.get(lab["doc"]), metrics)
    problems += [f"{manifest_path}: {doc} has no label" for doc, n in counts.items() if n == 0]
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1]))
    print("\n".join(found) or "labels OK")
    sys.exit(1 if found else 0)
