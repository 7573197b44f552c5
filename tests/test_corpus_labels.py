"""The real-document corpus (tests/corpus): its labels hold, its split is drawn, its scorer counts right."""

import collections
import csv
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(CORPUS))
import checklabels  # noqa: E402
import evaluate  # noqa: E402

MANIFEST = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8", newline="")))


def test_every_label_occurs_in_its_document_and_agrees_with_raw():
    assert checklabels.check(CORPUS) == []


def test_the_checker_finds_a_label_that_is_not_in_its_document(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("今年地区生产总值增长6%左右。", encoding="utf-8")
    row = {c: "" for c in checklabels.COLUMNS} | dict(
        file="a.txt", kind="report_news", level="county", region="某县", year="2024", year_stated="yes",
        region_stated="no", script="simplified", encoding="utf-8", format="txt", source="x", page_beginning="no",
        body_labelled="no", results_labelled="no",
    )  # fmt: skip
    with (tmp_path / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, checklabels.COLUMNS)
        w.writeheader()
        w.writerow(row)
    label = dict(doc="a.txt", region="某县", year=2024, section="headline", record="target", metric_text="地区生产总值",
                 metric="gdp_growth", kind="growth", value=6.5, value_high=None, unit="%", qualifier="approx",
                 raw="地区生产总值增长6%左右")  # fmt: skip
    wrong = label | dict(raw="地区生产总值增长7%左右", value=7)
    result_as_target = label | dict(record="result", year=2023)
    (tmp_path / "labels.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in (label, wrong, result_as_target)), encoding="utf-8"
    )
    problems = "\n".join(checklabels.check(tmp_path))
    assert "6.5 is not a number of raw" in problems
    assert "does not occur in a.txt" in problems
    assert "a result is in section review" in problems


def test_the_check_split_is_a_fifth_of_each_kind_and_the_old_dev_pages_are_dev():
    splits = collections.Counter(e["split"] for e in MANIFEST)
    assert set(splits) == {"dev", "check"}
    assert 0.15 <= splits["check"] / len(MANIFEST) <= 0.25, splits
    for kind in evaluate.KINDS:
        docs = [e for e in MANIFEST if e["kind"] == kind]
        if len(docs) >= 5:
            assert any(e["split"] == "check" for e in docs), kind
    assert all(e["split"] == "dev" for e in MANIFEST if e["labeller"] == "dev-corpus")


def test_the_scorer_is_the_development_corpus_scorer():
    shared = ROOT.parent / "shared" / "dev-corpus" / "score.py"
    if not shared.exists():
        pytest.skip(f"no development corpus at {shared.parent}")
    assert (CORPUS / "score.py").read_bytes() == shared.read_bytes()


def _tiny(tmp_path: Path) -> Path:
    """Two documents: one whose year and region planstats gets right, one whose result it takes for a target."""
    (tmp_path / "docs").mkdir()
    rows = []
    for name, code, year in (("a.txt", "110101", "2020"), ("b.txt", "110102", "2021")):
        (tmp_path / "docs" / name).write_text("去年增长5%。今年增长6%左右。", encoding="utf-8")
        rows.append({c: "" for c in checklabels.COLUMNS} | dict(
            file=name, kind="report_news", region="甲", region_code=code, year=year, year_stated="yes",
            split="dev" if name == "a.txt" else "check"))  # fmt: skip
    with (tmp_path / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, checklabels.COLUMNS)
        w.writeheader()
        w.writerows(rows)
    labels = []
    for name, year in (("a.txt", 2020), ("b.txt", 2021)):
        base = dict(doc=name, region="甲", metric_text="x", metric=None, kind="growth", value_high=None, unit="%")
        labels.append(base | dict(year=year, section="headline", record="target", value=6, qualifier="approx",
                                  raw="今年增长6%左右"))  # fmt: skip
        labels.append(base | dict(year=year - 1, section="review", record="result", value=5, qualifier="exact",
                                  raw="去年增长5%"))  # fmt: skip
    (tmp_path / "labels.jsonl").write_text("\n".join(json.dumps(x) for x in labels), encoding="utf-8")
    return tmp_path


def test_the_figures_count_year_region_results_and_confident_wrong_regions(tmp_path):
    folder = _tiny(tmp_path)

    def row(doc, value, start, record, year, code, match, qualifier):
        return dict(doc=doc, value=value, value_high=None, unit="%", start=start, end=start + 4, record=record,
                    year=year, region="甲", region_code=code, region_match=match, section="headline",
                    metric=None, kind="growth", qualifier=qualifier)  # fmt: skip

    rows = [
        row("a.txt", 6, 8, "target", 2020, "110101", "exact", "approx"),
        row("a.txt", 5, 0, "result", 2019, "110101", "exact", "exact"),
        row("b.txt", 6, 8, "target", 2022, "120101", "unique", "approx"),
        row("b.txt", 5, 0, "target", 2022, "120101", "unique", "exact"),
    ]
    report = evaluate.evaluate(folder, rows)
    dev, check = report["splits"]["dev"]["all"], report["splits"]["check"]["all"]
    assert (dev["year_right"], dev["region_right"], dev["confident_wrong"]) == (1.0, 1.0, 0)
    assert (check["year_right"], check["region_right"], check["confident_wrong"]) == (0.0, 0.0, 1)
    assert (dev["results_found"], dev["results_as_targets"]) == (1.0, 0.0)
    assert (check["results_found"], check["results_as_targets"]) == (0.0, 1.0)
    assert (dev["headline_f1"], check["headline_r"], check["headline_p"]) == (1.0, 1.0, 0.5)
    everything = report["splits"]["all"]["all"]
    assert (everything["docs"], everything["headline_gold"], everything["results_gold"]) == (2, 2, 2)
    assert "| check | report_news |" in evaluate.markdown(report)


FIGURES = ("headline_p", "headline_r", "headline_f1", "values_found", "results_found", "year_right", "region_right")


def test_the_corpus_figures_do_not_fall_below_their_floors():
    """Every split and kind scored as `make eval` does; a change that loses any figure (or lets more results pass
    for targets, or more regions be confidently wrong) fails. The floors are the figures measured when they were
    last raised (tests/corpus/floors.json); raise them with the change that earns it."""
    floors = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))
    report = evaluate.evaluate(CORPUS)
    assert report["failed"] == {}
    lost = []
    for split, groups in floors.items():
        for kind, floor in groups.items():
            got = report["splits"][split][kind]
            lost += [f"{split}/{kind} {k}: {got[k]} < {floor[k]}" for k in FIGURES
                     if floor.get(k) is not None and (got[k] or 0) < floor[k]]  # fmt: skip
            for k in ("results_as_targets", "confident_wrong"):
                if floor.get(k) is not None and (got[k] or 0) > floor[k]:
                    lost.append(f"{split}/{kind} {k}: {got[k]} > {floor[k]}")
    assert not lost, "\n".join(lost)
