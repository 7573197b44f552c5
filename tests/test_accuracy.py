"""The extractor against the hand annotations of the five seeds (tests/golden/seeds.csv)."""

import pytest

from conftest import GOLDEN
from planstats.evaluate import KEY, read_annotations, score

ANNOTATIONS = read_annotations(GOLDEN / "seeds.csv")
SCOPE = {l.strip() for l in (GOLDEN / "body_scope.txt").read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")}


@pytest.mark.parametrize("row", ANNOTATIONS.to_dict("records"), ids=lambda r: f"{r['doc'][:3]}-{r['section']}-{r['metric']}-{r['value']:g}")
def test_annotated_target_is_extracted_field_by_field(corpus, row):
    found = corpus[(corpus["doc"] == row["doc"]) & (corpus["metric"] == row["metric"]) & (corpus["section"] == row["section"])]
    assert len(found), f"no {row['section']} target for {row['metric']} in {row['doc']}: {row['source']}"
    fields = [k for k in KEY if k not in ("doc", "section", "metric")]
    got = [{k: (None if k == "value_high" and r[k] != r[k] else r[k]) for k in fields} for r in found.to_dict("records")]
    want = {k: (None if k == "value_high" and row[k] != row[k] else row[k]) for k in fields}
    assert want in got


def test_f1_goals(corpus):
    report = score(corpus, ANNOTATIONS, SCOPE)
    assert report["headline"]["f1"] == 1.0, report["headline"]
    assert report["body"]["f1"] >= 0.95, report["body"]
