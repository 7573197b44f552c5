"""The named rules of the grammar (an ordered list where the code was an if-chain), each with a golden
case where it applies and a negative case where it does not. The cases are records in
tests/golden/rules.jsonl: rule list, rule name, golden or negative, the text (of a plan of 2024, unless ``year``
says otherwise), and the last target it gives (indicator, value, qualifier, unless ``columns`` names others)."""

import json

import pytest
from conftest import GOLDEN

import planstats as ps
from planstats.extract import QUALIFIER_RULES
from planstats.grammar.table import COLUMN_RULES
from planstats.grammar.phrase import CONTEXT_RULES, _Context
from planstats.grammar.words import _words

CASES = [json.loads(line) for line in (GOLDEN / "rules.jsonl").read_text(encoding="utf-8").splitlines() if line]
RULES = {"qualifier": QUALIFIER_RULES, "context": CONTEXT_RULES, "column": COLUMN_RULES}


@pytest.mark.parametrize("rules", sorted(RULES))
def test_every_rule_has_a_golden_and_a_negative_case(rules):
    names = [name for name, *_ in RULES[rules]]
    assert len(set(names)) == len(names), "rule names are unique"
    for case in ("golden", "negative"):
        covered = {c["rule"] for c in CASES if c["rules"] == rules and c["case"] == case}
        assert covered == set(names), f"{case} cases missing for {sorted(set(names) - covered)}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rules']}: {c['rule']} ({c['case']})" for c in CASES])
def test_a_rule_gives_what_its_case_says(case):
    year = case.get("year", 2024)
    if year is None:  # a plan of no known year: said
        with pytest.warns(ps.PlanstatsWarning, match="year of this document was not found"):
            df = ps.extract_text(case["text"], region="某县", year=None)
    else:
        df = ps.extract_text(case["text"], region="某县", year=year)
    columns = case.get("columns", ["metric_text", "value", "qualifier"])
    last = df[columns].astype(object).where(df[columns].notna(), None).values.tolist()[-1]
    assert last == case["last"]


@pytest.mark.parametrize("name, rule", CONTEXT_RULES, ids=[name for name, _ in CONTEXT_RULES])
@pytest.mark.parametrize("subject", ["地区生产总值", "新增市场主体", "城镇居民人均可支配收入", "规上工业总产值", ""])
def test_no_context_rule_reads_an_indicator_of_its_own(name, rule, subject):
    # _with_context skips the rules for an indicator that is no bare word (_Words.bare_words), no
    # share and no part of a whole: a rule that reads one must widen that test, or this fails
    for verb in ("", "增长", "达到"):
        said = _Context("固定资产投资", subject, False, False, verb)
        assert rule(_words(), said) is None
