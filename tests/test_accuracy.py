"""The extractor against the hand annotations of the five seeds (tests/golden/seeds.csv)."""

import pytest
from conftest import GOLDEN, ROOT

from planstats.evaluate import KEY, read_annotations, score

ANNOTATIONS = read_annotations(GOLDEN / "seeds.csv")
SCOPE = {
    line.strip()
    for line in (GOLDEN / "body_scope.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


@pytest.mark.parametrize(
    "row", ANNOTATIONS.to_dict("records"), ids=lambda r: f"{r['doc'][:3]}-{r['section']}-{r['metric']}-{r['value']:g}"
)
def test_annotated_target_is_extracted_field_by_field(corpus, row):
    found = corpus[
        (corpus["doc"] == row["doc"]) & (corpus["metric"] == row["metric"]) & (corpus["section"] == row["section"])
    ]
    assert len(found), f"no {row['section']} target for {row['metric']} in {row['doc']}: {row['source']}"
    fields = [k for k in KEY if k not in ("doc", "section", "metric")]
    got = [
        {k: (None if k == "value_high" and r[k] != r[k] else r[k]) for k in fields} for r in found.to_dict("records")
    ]
    want = {k: (None if k == "value_high" and row[k] != row[k] else row[k]) for k in fields}
    assert want in got


def test_f1_goals(corpus):
    report = score(corpus, ANNOTATIONS, SCOPE)
    assert report["headline"]["f1"] == 1.0, report["headline"]
    assert report["body"]["f1"] >= 0.95, report["body"]


DEV = ROOT.parent / "shared" / "dev-corpus"


@pytest.mark.skipif(not (DEV / "score.py").exists(), reason=f"no development corpus at {DEV}")
def test_dev_corpus_floors(tmp_path):
    """The real pages of the development corpus, scored by its own scorer (as `make eval` does):
    floors at the figures measured when the rules for them were written, so that a change that
    loses any of them fails."""
    import importlib.util
    import json
    import warnings

    import planstats as ps

    spec = importlib.util.spec_from_file_location("dev_score", DEV / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)  # a page that states no region or year
        for path in sorted((DEV / "docs").glob("*.txt")):
            df = ps.extract(path)
            rows += json.loads(df.to_json(orient="records", force_ascii=False))
    report = scorer.score(scorer.load(DEV / "gold.jsonl"), rows)
    assert report["headline"]["strict"]["f1"] >= 0.97, report["headline"]["errors"]
    assert report["body"]["strict"]["recall"] >= 0.95, report["body"]["errors"]
    assert report["results"]["leaked_as_target"] == 0, report["results"]["errors"]
    # region and year of each page: 10 of 11 name their region in a way planstats reads, 10 of 11 their year
    assert report["docs"]["region"] >= 0.9 and report["docs"]["year"] >= 0.9, report["docs"]["errors"]
