"""Golden sentences → expected targets, grouped by provenance.

development: phrasing the rules were written against (the five seeds);
held_out: phrasing of other plans, written down before the rules were checked on it;
dev_corpus: rules learned from misses on the real pages of ../shared/dev-corpus (never its sentences verbatim);
bugs: cases that were once wrong; known_failure: strict xfail, move it when it passes.
"""

import dataclasses
import json
import math
import re
import warnings

import pytest
from conftest import GOLDEN

import planstats as ps
from planstats.grammar import lists as grammar_lists
from planstats.grammar import words as grammar_words
from planstats.read.layout import _width
from planstats.read.normalize import normalize

CASES = [
    json.loads(line) for line in (GOLDEN / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
]
# cases of one rule of the grammar each: a text, and the columns of the rows extract_text gives it
GRAMMAR = [
    json.loads(line) for line in (GOLDEN / "grammar.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
]


def _rows(df, first):
    out = []
    for r in df.itertuples(index=False):
        metric = None if (isinstance(r.metric, float) and math.isnan(r.metric)) or r.metric is None else r.metric
        high = None if math.isnan(r.value_high) else r.value_high
        out.append([getattr(r, first), metric, r.kind, r.value, high, r.unit, r.qualifier])
    return out


def _expected(rows):
    return [[*row[:3], float(row[3]), None if row[4] is None else float(row[4]), *row[5:]] for row in rows]


def _params():
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason=case.get("why", ""))] if case["group"] == "known_failure" else []
        yield pytest.param(case, id=f"{case['group']}-{i}", marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_golden_sentence(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)  # "no targets" is the expected outcome of some cases
        df = ps.extract_text(case["text"], region="测试区", year=case.get("year", 2024))
    targets, results, horizons, stretches = (
        df[df["record"] == record] for record in ("target", "result", "horizon", "stretch")
    )
    assert _rows(targets, "section") == _expected(case["expect"])
    # results, horizons and stretch targets: [year, metric, kind, value, value_high, unit, qualifier]; none unless
    # listed
    assert _rows(results, "year") == _expected(case.get("results", []))
    assert _rows(horizons, "year") == _expected(case.get("horizons", []))
    assert _rows(stretches, "year") == _expected(case.get("stretches", []))
    for r in df.itertuples(index=False):
        assert case["text"][r.start : r.end] == r.raw


@pytest.mark.parametrize("case", GRAMMAR, ids=[f"{c['rule']}-{i}" for i, c in enumerate(GRAMMAR)])
def test_grammar_case(case):
    """A record of tests/golden/grammar.jsonl: ``rows`` are the ``columns`` of the rows that
    extract_text gives ``text`` (a missing value is null), each row citing its text exactly;
    ``rejects``, the numbers it sets aside (raw text and a word of the reason)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)  # "no targets" is the expected outcome of some cases
        df = ps.extract_text(case["text"], region="测试区", year=case.get("year", 2024))
    if "columns" in case:
        assert _cells(df, case["columns"]) == case["rows"]
    assert all(case["text"][s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))
    if "rejects" in case:  # the numbers set aside, each with a word of its reason, and none of them a target
        rejects = ps.rejects(df)
        assert rejects["raw"].tolist() == [raw for raw, _ in case["rejects"]]
        assert all(word in reason for (_, word), reason in zip(case["rejects"], rejects["reason"], strict=True))
        assert not set(rejects["raw"]) & set(df["raw"])


def test_rejects_carry_a_reason():
    df = ps.extract_text("投资5亿元以上的产业项目20个以上，强化“六个提升”。", region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df["value"].tolist() == [20.0]
    assert rejects["raw"].tolist() == ["5亿元以上", "六个"]
    assert "attribute" in rejects["reason"][0] and "quotation" in rejects["reason"][1]


def test_a_magnitude_with_no_unit_is_a_reject_not_dropped():
    df = ps.extract_text("城镇新增就业1.2万，新增市场主体1万、2万户。", region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df[["value", "unit"]].values.tolist() == [
        [1.0, "万户"],
        [2.0, "万户"],
    ]  # a bare member of a list takes the unit after it
    assert rejects["raw"].tolist() == ["1.2万"] and "no unit" in rejects["reason"][0]


def test_result_of_several_years_is_rejected_with_reason():
    with pytest.warns(ps.PlanstatsWarning, match="no targets"):
        df = ps.extract_text("过去五年，地区生产总值年均增长8.1%。", region="测试区", year=2023)
        rejects = ps.rejects(df)
    assert df.empty
    assert rejects["reason"].str.contains("several years").all()


def test_result_is_kept_for_the_year_it_reports():
    df = ps.extract_text("2021年，地区生产总值增长9.3%。", region="测试区", year=2023)
    assert df[["year", "record", "metric", "value"]].values.tolist() == [[2021, "result", "gdp_growth", 9.3]]


def test_qualifier_text_keeps_the_words_as_written():
    df = ps.extract_text(
        "确保城镇登记失业率控制在4%以内，力争技术合同交易额不低于130亿元。", region="测试区", year=2024
    )
    assert df["qualifier_text"].tolist() == ["确保…控制在…以内", "力争…不低于"]
    assert df["qualifier"].tolist() == ["at_most", "at_least"]


def test_headline_stops_at_the_end_of_its_paragraph():
    text = "主要预期目标是：地区生产总值增长6%左右。\n全年新增国家高新技术企业20家。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["section"].tolist() == ["headline", "body"]


def test_spans_point_into_the_original_after_page_markers_are_removed():
    text = (
        "完成投资，其中向科技企业提供贷款10\n7、亿元以上，新增A类企业3家以上、B类\n8、企业5家以上，引进C类\n"
        "9、企业20家。"
    )
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["value"].tolist()[0] == 10.0 and df["unit"].tolist()[0] == "亿元"
    for r in df.itertuples(index=False):
        assert text[r.start : r.end] == r.raw


def test_each_gives_every_enumerated_item_the_value_and_cites_the_whole_list():
    text = "力争新增孵化器、众创空间各3家以上，打造省级、市级示范点各不少于5个。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric_text"].tolist() == ["新增孵化器", "新增众创空间", "打造省级示范点", "打造市级示范点"]
    assert df["qualifier_text"].tolist() == ["力争…以上", "力争…以上", "不少于", "不少于"]
    assert df["raw"].tolist() == ["新增孵化器、众创空间各3家以上"] * 2 + ["打造省级、市级示范点各不少于5个"] * 2


def test_respectively_before_the_values_spreads_them_over_the_nouns_after():
    text = "分别打造5个、10个以上省级、市级示范点，分别建成2个、3个、4个市级、区级、街道级服务中心。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric_text"].tolist() == ["省级示范点", "市级示范点", "市级服务中心", "区级服务中心", "街道级服务中心"]
    assert df["value"].tolist() == [5, 10, 2, 3, 4]
    assert (
        df["raw"].tolist()
        == ["分别打造5个、10个以上省级、市级示范点"] * 2 + ["分别建成2个、3个、4个市级、区级、街道级服务中心"] * 3
    )


def test_an_empty_item_in_a_list_does_not_break_the_spreading():
    df = ps.extract_text("城镇、、农村居民人均可支配收入分别增长7%、8%、9%。", region="测试区", year=2024)
    assert df["value"].tolist() == [7, 8, 9]


def test_a_chinese_numeral_right_after_a_count_is_the_scale_of_the_noun():
    df = ps.extract_text("打造3个千亩“吨粮田”试验方。", region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df[["metric_text", "value", "unit"]].values.tolist() == [["千亩吨粮田试验方", 3.0, "个"]]
    assert rejects["raw"].tolist() == ["千亩"]


def test_the_previous_year_as_base_is_left_out_of_the_indicator_but_a_base_year_is_kept():
    text = "单位GDP能耗较上年下降3%，财政收入与上年相比增长5%，工业投资较去年同期增长10%，二氧化碳排放较2020年下降18%。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric_text"].tolist() == ["单位GDP能耗", "财政收入", "工业投资", "二氧化碳排放较2020年"]
    assert df["metric"].tolist()[:3] == [
        "energy_intensity_change",
        "fiscal_revenue_growth",
        "industrial_investment_growth",
    ]


def test_last_year_as_the_basis_is_no_time_and_no_part_of_the_indicator():
    text = "一般公共预算收入在上年基础上增长10%，税收收入在去年的基础上增长8%。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["record"].tolist() == ["target", "target"]  # growth on last year's base: this year's target
    assert df["metric_text"].tolist() == ["一般公共预算收入", "税收收入"]


@pytest.mark.parametrize(
    "text, metric_text, raw",
    [
        ("未来三年，每年新增高新技术企业50家以上。", "新增高新技术企业", "每年新增高新技术企业50家以上"),
        ("每年度引进亿元以上项目10个。", "引进亿元以上项目", "每年度引进亿元以上项目10个"),
        ("累计建成5G基站3000个。", "建成5G基站", "累计建成5G基站3000个"),
    ],
)
def test_a_word_of_each_year_or_of_a_total_is_cited_but_no_part_of_the_indicator(text, metric_text, raw):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert (df["metric_text"].tolist(), df["raw"].tolist(), df["record"].tolist()) == ([metric_text], [raw], ["target"])
    assert text[df["start"][0] : df["end"][0]] == raw


def test_a_five_year_plan_sets_its_targets_for_its_last_year():
    text = (
        "青山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n"
        "第一章 发展基础\n“十三五”时期，全县地区生产总值年均增长7.2%，2020年达到180亿元。\n"
        "第二章 主要目标\n常住人口城镇化率达到60%。到2035年，地区生产总值达到500亿元。\n"
    )
    df = ps.extract_text(text)
    assert list(zip(df["region"], df["record"], df["year"], df["metric"], df["value"], strict=False)) == [
        ("青山县", "result", 2020, "gdp", 180.0),
        ("青山县", "horizon", 2025, "urbanization_rate", 60.0),
        ("青山县", "horizon", 2035, "gdp", 500.0),
    ]
    # the plan year of a manifest in its last year: targets of that year; a plan on the first line only
    assert ps.extract_text(text, year=2025)["record"].tolist() == ["result", "target", "horizon"]
    annual = ps.extract_text("青山县2024年工作要点\n今年是“十四五”规划的关键之年，常住人口城镇化率达到60%。\n")
    assert annual["record"].tolist() == ["target"]


def test_horizon_targets_need_a_plan_year_and_stay_out_of_comparisons():
    with pytest.warns(ps.PlanstatsWarning):
        undated = ps.extract_text("到2025年，地区生产总值达到500亿元。", region="测试区")
    assert undated["record"].tolist() == ["target"]
    df = ps.extract_text("地区生产总值达到450亿元。到2025年，地区生产总值达到500亿元。", region="测试区", year=2024)
    assert df["record"].tolist() == ["target", "horizon"]
    assert ps.compare(df, "gdp").loc["测试区"].to_dict() == {2024: 450.0}


def test_a_heading_of_the_main_targets_opens_the_headline_without_a_colon():
    text = (
        "二、2024年主要目标\n地区生产总值增长5.5%以上，规上工业增加值增长7%。\n三、重点工作\n实施重点项目80个。\n"
        "我们将紧扣主要目标\n新增就业1万人。\n"
    )
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["section"].tolist() == [
        "headline",
        "headline",
        "body",
        "body",
    ]  # a sentence cut by a line break is no heading


@pytest.mark.parametrize(
    "heading, sections",
    [
        ("一、2024年经济社会发展的主要目标", ["headline", "headline", "body"]),
        ("二、今年政府工作的总体要求和主要预期目标", ["headline", "headline", "body"]),
        ("二、2024年全县国民经济和社会发展主要预期目标", ["headline", "headline", "body"]),
        ("二、强化产业支撑 确保完成主要目标", ["body", "body", "body"]),  # a heading of its own words
    ],
)
def test_a_heading_of_the_main_targets_may_name_the_subject_of_the_plan(heading, sections):
    text = heading + "\n全县地区生产总值增长7%左右；规模以上工业增加值增长9%。\n三、主要任务\n新增规上工业企业30家。"
    assert ps.extract_text(text, region="测试区", year=2024)["section"].tolist() == sections


@pytest.mark.parametrize(
    "text",
    [
        "2024年发展的主要目标是，地区生产总值增长6%左右，一般公共预算收入增长5%。",
        "建议今年经济社会发展主要预期目标设定为：地区生产总值增长6.5%左右，一般公共预算收入增长5%。",
        "主要指标安排如下：地区生产总值增长7%，一般公共预算收入增长5%。",
        "全年目标任务：地区生产总值增长7%，一般公共预算收入增长5%。",
    ],
)
def test_words_that_link_a_marker_of_the_main_targets_to_its_list(text):
    df = ps.extract_text(text + "\n实施重点项目80个。", region="测试区", year=2024)
    assert df["section"].tolist() == ["headline", "headline", "body"]


def test_units_of_livestock_volume_and_standard_coal():
    df = ps.extract_text(
        "生猪出栏60万头，新增供水能力5万立方米，能源消费总量控制在300万吨标准煤以内。", region="测试区", year=2024
    )
    assert list(zip(df["value"], df["unit"], strict=False)) == [
        (60.0, "万头"),
        (5.0, "万立方米"),
        (300.0, "万吨标准煤"),
    ]


@pytest.mark.parametrize("written", ["微克/立方米", "微克每立方米", "μg/m³", "µg/m3", "ug/m3"])
def test_the_ways_of_writing_a_concentration_are_one_unit(written):
    df = ps.extract_text(f"PM2.5年均浓度控制在35{written}以下。", region="测试区", year=2024)
    assert list(zip(df["metric"], df["value"], df["unit"], df["qualifier"], df["raw"], strict=False)) == [
        ("pm25_concentration", 35.0, "微克/立方米", "at_most", f"PM2.5年均浓度控制在35{written}以下")
    ]


@pytest.mark.parametrize(
    "text, raw, qualifier",
    [
        ("PM2.5平均浓度下降到每立方米35微克以下。", "PM2.5平均浓度下降到每立方米35微克以下", "at_most"),
        ("细颗粒物年均浓度降至每立方米35微克。", "细颗粒物年均浓度降至每立方米35微克", "exact"),
    ],
)
def test_a_concentration_whose_denominator_comes_before_the_number(text, raw, qualifier):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert list(zip(df["metric"], df["value"], df["unit"], df["qualifier"], df["raw"], strict=False)) == [
        ("pm25_concentration", 35.0, "微克/立方米", qualifier, raw)
    ]


def test_a_unit_before_the_number_keeps_a_unit_after_it_that_is_not_its_numerator():
    df = ps.extract_text("每立方米水价3元，集装箱吞吐量突破300万标箱。", region="测试区", year=2024)
    assert list(zip(df["value"], df["unit"], strict=False)) == [(3.0, "元"), (300.0, "万标准箱")]
    assert df["metric"].tolist()[1] == "container_throughput"


def test_units_per_person_and_per_mu():
    df = ps.extract_text(
        "全员劳动生产率达到15万元/人，亩均税收达到25万元/亩以上，粮食单产达到450公斤/亩。", region="测试区", year=2024
    )
    got = list(zip(df["metric_text"], df["value"], df["unit"], df["qualifier"], strict=False))
    assert got == [
        ("全员劳动生产率", 15.0, "万元/人", "exact"),
        ("亩均税收", 25.0, "万元/亩", "at_least"),
        ("粮食单产", 450.0, "公斤/亩", "exact"),
    ]
    assert df["metric"].tolist()[0] == "labor_productivity"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全县城乡居民收入比缩小到2.2:1。", [("urban_rural_income_ratio", 2.2, "exact", "城乡居民收入比缩小到2.2:1")]),
        (
            "城乡居民收入比缩小至2.15：1以内。",
            [("urban_rural_income_ratio", 2.15, "at_most", "城乡居民收入比缩小至2.15：1以内")],
        ),
        # the colon of a ratio ends no clause: the indicator is before the start of the change
        (
            "城乡收入比由2.3:1缩小到2.2:1。",
            [("urban_rural_income_ratio", 2.2, "exact", "城乡收入比由2.3:1缩小到2.2:1")],
        ),
        (
            "城乡居民人均可支配收入比达到2.1∶1。",
            [("urban_rural_income_ratio", 2.1, "exact", "城乡居民人均可支配收入比达到2.1∶1")],
        ),
        (
            "上午8:10召开会议，新增企业10家。",
            [("new_enterprises", 10.0, "exact", "新增企业10家")],
        ),  # a time, no ratio 8:1
    ],
)
def test_a_ratio_to_one(text, expected):
    df = ps.extract_text(text, region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert "8:1" not in rejects["raw"].tolist()  # 8:10 is not even set aside as a ratio
    metrics = [None if isinstance(m, float) else m for m in df["metric"]]
    assert list(zip(metrics, df["value"], df["qualifier"], df["raw"], strict=False)) == expected
    assert set(df["unit"]) <= {":1", "家"}


def test_a_word_of_more_after_the_magnitude():
    df = ps.extract_text("新增就业2万余人，引进项目300多个。", region="测试区", year=2024)
    assert list(zip(df["value"], df["unit"], df["qualifier"], strict=False)) == [
        (2.0, "万人", "at_least"),
        (300.0, "个", "at_least"),
    ]


@pytest.mark.parametrize(
    "text, metrics",
    [
        ("城乡居民人均可支配收入增长6%和7.5%。", ["urban_income_growth", "rural_income_growth"]),
        ("城乡居民人均可支配收入达到4.6万元、2.3万元。", ["urban_income", "rural_income"]),
        ("城乡居民人均可支配收入增长6%。", ["resident_income_growth"]),  # one value: of all residents
    ],
)
def test_two_values_of_an_indicator_of_town_and_country_are_one_each_without_respectively(text, metrics):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric"].tolist() == metrics and df["value"].is_unique


@pytest.mark.parametrize(
    "text, metric_texts",
    [
        ("农村低保标准提高到每人每年6000元。", ["农村低保标准每人每年"]),
        ("城乡低保标准分别提高到每人每月800元和600元。", ["城镇低保标准每人每月", "农村低保标准每人每月"]),
        ("城乡居民基础养老金最低标准达到每人每月200元。", ["城乡居民基础养老金最低标准每人每月"]),
    ],
)
def test_what_an_amount_is_per_between_the_verb_and_the_number_stays_in_the_indicator(text, metric_texts):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric_text"].tolist() == metric_texts and df["verb"].notna().all()


@pytest.mark.parametrize(
    "text, metric_text, metric",
    [
        ("数字经济规模突破500亿元，占GDP比重提升至45%。", "数字经济规模占GDP比重", "digital_economy_share"),
        (
            "全年税收收入增长8%，占一般公共预算收入比重达到80%以上。",
            "税收收入占一般公共预算收入比重",
            "tax_revenue_share",
        ),
        ("高新技术产业增加值增长10%，占比达到40%。", "高新技术产业增加值占比", "high_tech_value_added_share"),
        (
            "地区生产总值增长6%，占全省比重达到5%。",
            "地区生产总值占全省比重",
            None,
        ),  # a share of the province: no metric
    ],
)
def test_a_share_with_no_subject_is_the_share_of_the_subject_before_it(text, metric_text, metric):
    last = ps.extract_text(text, region="测试区", year=2024).iloc[-1]
    assert (last["metric_text"], last["metric"] if isinstance(last["metric"], str) else None) == (metric_text, metric)
    assert text[last["start"] : last["end"]] == last["raw"] and last["raw"].startswith("占")


@pytest.mark.parametrize("noun", ["", "指标", "目标"])  # （约束性指标）: the nature may name its noun
def test_the_nature_of_a_target_in_brackets_after_it_is_a_word_of_its_hardness(noun):
    text = f"地区生产总值增长7%（预期性{noun}），单位GDP能耗下降3%（约束性{noun}），规上工业增加值增长8%（力争10%）。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["qualifier_text"].tolist() == ["预期性", "约束性", "", "力争"]
    assert ps.hardness(df).tolist() == ["soft", "hard", "unmarked", "soft"]
    assert df["record"].tolist() == ["target", "target", "target", "stretch"]  # 力争10% beside 8%: a stretch target
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))
    assert df["raw"].iloc[1] == f"单位GDP能耗下降3%（约束性{noun}）"  # the citation holds the word


def test_a_fractional_count_is_a_misread_range_or_no_target_unless_it_is_per_person():
    df = ps.extract_text(
        "建成社区服务中心2.3个，新建口袋公园2.5个，每千人口执业医师数达到3.2人，每百户拥有家用汽车45.5辆。",
        region="测试区",
        year=2024,
    )
    rejects = ps.rejects(df)
    assert list(zip(df["metric_text"], df["value"], df["value_high"].fillna(0), strict=False)) == [
        ("建成社区服务中心", 2.0, 3.0),
        ("每千人口执业医师数", 3.2, 0),
        ("每百户拥有家用汽车", 45.5, 0),
    ]
    assert list(rejects["reason"]).count("fractional count") == 1  # 2.5个


def test_words_of_nearness_and_of_scope():
    df = ps.extract_text(
        "新培育规上工业企业近20家，高新技术企业逾100家，接近10%的企业上云。全区地区生产总值增长6%。",
        region="测试区",
        year=2024,
    )
    assert list(zip(df["metric_text"], df["qualifier"], strict=False)) == [
        ("新培育规上工业企业", "approx"),
        ("高新技术企业", "at_least"),
        ("地区生产总值", "exact"),
    ]
    # a scope word opens no target: 与全省60多个…中心的合作机制 describes the noun
    with pytest.warns(ps.PlanstatsWarning, match="no targets"):
        assert ps.extract_text("建立健全与全省60多个分中心的合作机制。", region="测试区", year=2024).empty


def test_the_target_named_after_its_value_and_a_like_for_like_basis():
    df = ps.extract_text(
        "确保完成全社会固定资产投资增长8%的目标任务，一般公共预算收入同口径增长5%。", region="测试区", year=2024
    )
    assert list(zip(df["metric"], df["metric_text"], df["value"], strict=False)) == [
        ("fixed_asset_investment_growth", "全社会固定资产投资", 8.0),
        ("fiscal_revenue_growth", "一般公共预算收入", 5.0),
    ]


@pytest.mark.parametrize(
    "text, year, last, first",
    [
        ("今后五年，地区生产总值年均增长6%以上。", 2021, 2025, 2021),
        ("某某县2024—2026年工业发展三年行动计划\n到2026年，地区生产总值年均增长6%以上。", 2024, 2026, 2024),
        ("二、2024—2026年主要目标\n到2026年，地区生产总值年均增长6%以上。", 2024, 2026, 2024),
        ("“十四五”期间，地区生产总值年均增长6%以上。", 2023, 2025, 2021),  # the years of the five-year plan
        ("某某县国民经济和社会发展第十四个五年规划纲要\n地区生产总值年均增长6%以上。", 2021, 2025, 2021),
    ],
)
def test_a_yearly_average_of_a_later_year_is_a_target_from_the_first_year_of_its_period(text, year, last, first):
    df = ps.extract_text(text, region="测试区", year=year)
    assert _cells(df, ["record", "year", "average_from", "metric", "kind", "value", "qualifier", "raw"]) == [
        ["horizon", last, first, "gdp_growth", "growth", 6.0, "at_least", "地区生产总值年均增长6%以上"]
    ]


def test_a_rate_after_an_attainment_is_the_rate_of_the_indicator_before_it():
    text = "一般公共预算收入完成16.8亿元，为预算的102.5%，增长4.2%。"
    df = ps.extract_text(text, region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df[["metric", "value"]].values.tolist() == [["fiscal_revenue", 16.8], ["fiscal_revenue_growth", 4.2]]
    assert rejects["raw"].tolist() == ["为预算的102.5%"]


@pytest.mark.parametrize(
    "text, metric_text, value",
    [
        ("比上年提高1个百分点", "常住人口城镇化率", 1.0),  # the previous year as base: a change, kept
        ("不低于45%", "常住人口城镇化率", 45.0),  # 不低于: a qualifier, not a gap
    ],
)
def test_a_change_on_the_previous_year_and_a_qualifier_are_no_gap(text, metric_text, value):
    df = ps.extract_text(f"常住人口城镇化率{text}，PM2.5年均浓度控制在35微克/立方米以下。", region="测试区", year=2024)
    assert list(zip(df["metric_text"], df["value"], strict=False)) == [
        (metric_text, value),
        ("PM2.5年均浓度", 35.0),
    ]  # 年均浓度: no average rate


def test_the_authors_and_the_future_tense_are_no_part_of_the_indicator():
    df = ps.extract_text(
        "过去一年，我们实现地区生产总值增长5.8%。我区将新增就业岗位5000个。", region="测试区", year=2024
    )
    assert list(zip(df["record"], df["metric_text"], strict=False)) == [
        ("result", "地区生产总值"),
        ("target", "新增就业岗位"),
    ]


@pytest.mark.parametrize(
    "text, metrics",
    [
        ("城镇居民人均可支配收入增长7%、农村居民增长8%。", ["urban_income_growth", "rural_income_growth"]),
        ("城镇居民人均可支配收入达到4.5万元，农民达到2万元。", ["urban_income", "rural_income"]),
        (
            "城镇污水处理率达到95%，农村达到60%。",
            ["sewage_treatment_rate", "rural_sewage_treatment_rate"],
        ),  # the rural rate, not the urban one
        (
            "城镇新增就业1.2万人，农村劳动力转移就业2万人。",
            ["new_urban_jobs", "rural_labor_transfer"],
        ),  # a name of its own
    ],
)
def test_a_group_of_people_alone_takes_the_measure_of_the_group_before_it(text, metrics):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert [m if isinstance(m, str) else None for m in df["metric"]] == metrics
    assert df["metric_text"].iloc[1].startswith(("农村", "农民"))


@pytest.mark.parametrize(
    "text, kept, rejected",
    [
        ("1-11月，全区规上工业增加值增长8.5%，固定资产投资增长12%。", [], 2),
        ("前三季度，地区生产总值增长7.2%。", [], 1),
        (
            "2023年1至10月，社会消费品零售总额增长6%，预计全年增长6.5%。",
            [("result", 2023, "社会消费品零售总额", 6.5)],
            1,
        ),
        ("今年上半年，规上工业增加值增长9%，全年力争增长10%。", [("target", 2024, "规上工业增加值", 10.0)], 1),
        ("前10个月，一般公共预算收入增长5%。", [], 1),
        # a deadline within the plan year, with no comma, is a target of the plan
        ("上半年投用200万平方米以上。", [("target", 2024, "上半年投用", 200.0)], 0),
        # with no comma, a rate of change in the clause makes it a figure of part of the year
        ("前三季度地区生产总值增长5%。", [], 1),
        ("一季度实现开门红，全年地区生产总值增长6%。", [("target", 2024, "地区生产总值", 6.0)], 0),
    ],
)
def test_the_figures_of_part_of_a_year_are_no_targets(text, kept, rejected):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        df = ps.extract_text(text, region="测试区", year=2024)
        rejects = ps.rejects(df)
    assert list(zip(df["record"], df["year"], df["metric_text"], df["value"], strict=False)) == kept
    assert rejects["reason"].str.contains("part of a year").sum() == rejected


def test_an_age_is_a_unit():
    df = ps.extract_text("人均预期寿命达到81.5岁以上。", region="测试区", year=2024)
    assert df[["metric", "value", "unit", "qualifier"]].values.tolist() == [["life_expectancy", 81.5, "岁", "at_least"]]


def test_an_amount_that_grows_by_a_number_is_no_level_of_its_metric():
    df = ps.extract_text("一般公共预算收入增加2亿元，达到25亿元。高新技术企业增加30家。", region="测试区", year=2024)
    assert [m if isinstance(m, str) else None for m in df["metric"]] == [
        None,
        "fiscal_revenue",
        "new_high_tech_enterprises",
    ]


def test_short_items_among_names_of_their_own_are_names_too():
    df = ps.extract_text(
        "化学需氧量、氨氮、二氧化硫、氮氧化物排放量分别下降2%、2%、1.5%、1.5%。", region="测试区", year=2024
    )
    assert df["metric_text"].tolist() == ["化学需氧量", "氨氮", "二氧化硫", "氮氧化物排放量"]
    assert df["value"].tolist() == [-2.0, -2.0, -1.5, -1.5]


@pytest.mark.parametrize(
    "text, metric_texts, raws",
    [
        (
            "地区生产总值：全年增长7%；财政收入：增长8%。",
            ["地区生产总值", "财政收入"],
            ["地区生产总值：全年增长7%", "财政收入：增长8%"],
        ),
        ("主要预期目标是：增长7%左右。", [""], ["增长7%左右"]),  # the marker of the main targets is no indicator
        # a numbered list of labels: the number of the item is no value before the colon
        (
            "1.社会消费品零售总额：完成168亿元；\n2.实际利用外资：2500万美元。",
            ["社会消费品零售总额", "实际利用外资"],
            ["社会消费品零售总额：完成168亿元", "实际利用外资：2500万美元"],
        ),
    ],
)
def test_the_indicator_before_a_colon_names_the_value_after_it(text, metric_texts, raws):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert df["metric_text"].fillna("").tolist() == metric_texts and df["raw"].tolist() == raws


@pytest.mark.parametrize("bullet", ["——", "—", "●", "◆", "■", "▲", "★", "•", "·", "-", "1)", "2）", "①", "（3）", "4."])
def test_the_bullet_or_number_of_an_item_is_no_part_of_the_indicator_nor_of_the_citation(bullet):
    text = f"某某区2024年工作要点\n{bullet}地区生产总值增长6.5%；\n{bullet}新增市场主体2000户。\n"
    df = ps.extract_text(text)
    assert df["metric_text"].tolist() == ["地区生产总值", "新增市场主体"]
    assert df["raw"].tolist() == ["地区生产总值增长6.5%", "新增市场主体2000户"]


def test_a_number_after_a_word_of_rank_is_a_reject_not_an_amount():
    text = (
        "某某区2024年工作要点\n"
        "地区生产总值增长6%，增速进入全市前3位；引进高层次人才50位，目前引进30位。编制第14个五年规划。\n"
    )
    df = ps.extract_text(text)
    rejects = ps.rejects(df)
    # (目前引进30位: what was reached so far, a description of today, not a target)
    assert df["raw"].tolist() == ["地区生产总值增长6%", "引进高层次人才50位"]
    ranks = rejects[rejects["reason"].str.contains("rank")]
    assert ranks["raw"].tolist() == ["3位", "14个"]
    assert rejects.loc[~rejects.index.isin(ranks.index), "raw"].tolist() == ["目前引进30位"]


def test_a_summary_and_a_plan_in_one_document():
    # the title names the summary and the plan: it opens the review of the summary's year
    text = (
        "某某镇2023年工作总结和2024年工作计划\n一、2023年工作总结\n今年以来，全镇完成固定资产投资12.5亿元，同比增长8.6%。\n"
        "二、2024年工作计划\n全镇力争完成固定资产投资14亿元，增长12%。明年将新增市场主体400户以上。\n"
    )
    df = ps.extract_text(text)
    assert list(zip(df["region"], df["record"], df["year"], df["metric_text"], df["value"], strict=False)) == [
        ("某某镇", "result", 2023, "固定资产投资", 12.5),
        ("某某镇", "result", 2023, "固定资产投资", 8.6),  # a value with no indicator takes the one before it whole
        ("某某镇", "target", 2024, "固定资产投资", 14.0),
        ("某某镇", "target", 2024, "固定资产投资", 12.0),
        ("某某镇", "target", 2024, "新增市场主体", 400.0),  # 明年 (written the year before): no part of the indicator
    ]


def test_a_summary_with_no_heading_of_its_own_is_reviewed_up_to_the_plan():
    text = (
        "某某镇2023年工作总结及2024年工作计划\n今年以来，完成固定资产投资6.3亿元，增长12%。\n一、主要工作成效\n新增规上企业3家。\n"
        "二、下一步工作打算\n固定资产投资增长8%。\n"
    )
    df = ps.extract_text(text)
    assert list(zip(df["record"], df["year"], df["value"], strict=False)) == [
        ("result", 2023, 6.3),
        ("result", 2023, 12.0),
        ("result", 2023, 3.0),
        ("target", 2024, 8.0),
    ]


def test_a_summary_alone_is_a_review_of_its_year_and_plans_for_the_year_after():
    # the title names a summary only: its figures are results of its year, a year after it is a target
    text = (
        "某某县人民政府2023年工作总结\n2023年，全县地区生产总值完成285亿元，增长6.2%。全年新增规上工业企业35家。\n"
        "2024年，我们将力争地区生产总值增长6.5%。\n"
    )
    df = ps.extract_text(text)
    assert list(zip(df["region"], df["record"], df["year"], df["value"], strict=False)) == [
        ("某某县", "result", 2023, 285.0),
        ("某某县", "result", 2023, 6.2),
        ("某某县", "result", 2023, 35.0),
        ("某某县", "target", 2024, 6.5),
    ]


@pytest.mark.parametrize(
    "heading, records",
    [
        (
            "一、2023年主要工作",
            [("result", 2023), ("result", 2023)],
        ),  # a numbered heading of a past year, no review word
        ("（一）2023年经济运行情况", [("result", 2023), ("result", 2023)]),
        ("一、2023年以来的主要工作", [("result", 2023), ("result", 2023)]),
        ("一、2020年以来的发展成就", []),  # several years: results of no one year, rejected
        ("1.2023年地区生产总值增长5%", [("result", 2023), ("target", 2024), ("target", 2024)]),  # a figure: an item
        ("2023年主要工作", [("target", 2024), ("target", 2024)]),  # no number: maybe a line of text
    ],
)
def test_a_numbered_heading_of_past_years_opens_a_review(heading, records):
    text = (
        f"某某区政府工作报告\n{heading}\n全区地区生产总值增长6%，新增就业1万人。\n二、2024年工作安排\n"
        "新建5G基站500个。\n"
    )
    df = ps.extract_text(text, region="测试区", year=2024)
    assert list(zip(df["record"], df["year"], strict=False))[:-1] == records and df["record"].iloc[-1] == "target"


def test_a_numbered_heading_of_a_year_needs_a_plan_year_to_open_a_review():
    with pytest.warns(ps.PlanstatsWarning):  # no region, no year
        df = ps.extract_text("某某\n一、2023年主要工作\n地区生产总值增长6%。\n")
    assert df["record"].tolist() == ["target"]  # the year of the document is unknown: nothing tells it is past


def test_a_year_in_chinese_numerals_is_a_year():
    text = "二〇二三年，地区生产总值增长6%。二〇二四年地区生产总值力争增长7%。"
    df = ps.extract_text(text, region="测试区", year=2024)
    assert list(zip(df["record"], df["year"], df["metric_text"], strict=False)) == [
        ("result", 2023, "地区生产总值"),
        ("target", 2024, "地区生产总值"),
    ]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


# -- tables of targets -----------------------------------------------------------------------
TABLE = (
    "某某区2024年国民经济和社会发展计划\n"
    "附表：2024年主要预期目标\n"
    "序号\t指标\t单位\t2023年完成\t2024年目标\t属性\n"
    "1\t地区生产总值增长\t%\t5.8\t6左右\t预期性\n"
    "2\t单位地区生产总值能耗下降（%）\t\t3\t2.5\t约束性\n"
    "3\t一般公共预算收入\t亿元\t18.6\t≥19.5\t预期性\n"
    "4\t城镇调查失业率\t%\t—\t5.5以内\t预期性\n"
    "5\t人均住房面积\t平方米/人\t40\t41\t预期性\n"
    "地区生产总值增长6%左右。\n"
)


def _cells(df, columns: list[str]) -> list[list]:
    """The rows of ``columns``, a missing value as None."""
    return df[columns].astype(object).where(df[columns].notna(), None).values.tolist()


def test_a_table_of_targets_gives_a_target_for_each_row_and_year():
    df = ps.extract_text(TABLE)
    got = _cells(df, ["record", "year", "section", "metric", "value", "unit", "qualifier"])
    assert got == [
        ["result", 2023, "headline", "gdp_growth", 5.8, "%", "exact"],
        ["target", 2024, "headline", "gdp_growth", 6.0, "%", "approx"],
        [
            "result",
            2023,
            "headline",
            "energy_intensity_change",
            -3.0,
            "%",
            "exact",
        ],  # unit from the name, 下降: negative
        ["target", 2024, "headline", "energy_intensity_change", -2.5, "%", "exact"],
        ["result", 2023, "headline", "fiscal_revenue", 18.6, "亿元", "exact"],
        ["target", 2024, "headline", "fiscal_revenue", 19.5, "亿元", "at_least"],
        ["target", 2024, "headline", "urban_unemployment_rate", 5.5, "%", "at_most"],  # an empty cell gives nothing
        ["result", 2023, "headline", None, 40.0, "平方米/人", "exact"],
        ["target", 2024, "headline", None, 41.0, "平方米/人", "exact"],
        ["target", 2024, "body", "gdp_growth", 6.0, "%", "approx"],  # the sentence after the table
    ]
    assert ps.hardness(df).tolist()[:4] == ["soft", "soft", "hard", "hard"]  # the column 属性
    text = TABLE
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_negative_cell_of_a_row_of_a_rate_is_a_fall_in_any_column():
    table = (
        "某某县2024年计划主要指标\n指标名称\t单位\t2023年完成\t2024年目标\n固定资产投资增速\t%\t-3.1\t5\n"
        "地区生产总值增速\t%\t−0.8\t6左右\n"
    )
    df = ps.extract_text(table)
    assert _cells(df, ["record", "year", "metric", "value"]) == [
        [
            "result",
            2023,
            "fixed_asset_investment_growth",
            -3.1,
        ],  # it gave nothing: the sign stood in the way of the number
        ["target", 2024, "fixed_asset_investment_growth", 5.0],
        ["result", 2023, "gdp_growth", -0.8],
        ["target", 2024, "gdp_growth", 6.0],
    ]
    assert all(table[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


OUTLINE_TABLE = (
    "某某县国民经济和社会发展第十四个五年规划纲要\n"
    "专栏1 “十四五”时期经济社会发展主要指标\n"
    "类别\t序号\t指标\t单位\t2020年\t2025年\t年均增长\t属性\n"
    "经济发展\t1\t地区生产总值增长\t%\t3.5\t—\t6左右\t预期性\n"
    "\t2\t常住人口城镇化率\t%\t60.1\t65\t[4.9]\t预期性\n"
    "民生福祉\t3\t劳动年龄人口平均受教育年限\t年\t10.8\t11.3\t—\t约束性\n"
)


def test_a_table_of_a_five_year_plan_reads_its_groups_later_years_and_years_of_schooling():
    # a column of groups (类别) before the names, a column of a later year with no 目标 in its
    # header, a unit of years, and a column of yearly averages
    df = ps.extract_text(OUTLINE_TABLE, region="某某县", year=2021)
    rejects = ps.rejects(df)
    assert _cells(df, ["record", "year", "average_from", "metric", "value", "unit", "qualifier"]) == [
        ["result", 2020, None, "gdp_growth", 3.5, "%", "exact"],
        ["horizon", 2025, 2021, "gdp_growth", 6.0, "%", "approx"],  # the yearly average of 2021-2025
        ["result", 2020, None, "urbanization_rate", 60.1, "%", "exact"],
        ["horizon", 2025, None, "urbanization_rate", 65.0, "%", "exact"],
        ["result", 2020, None, "schooling_years", 10.8, "年", "exact"],
        ["horizon", 2025, None, "schooling_years", 11.3, "年", "exact"],
    ]
    assert df["metric_text"].tolist()[0] == "地区生产总值"  # not the group 经济发展
    assert rejects.empty  # [4.9], a change over the five years, is no value
    assert all(OUTLINE_TABLE[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_column_of_rates_gives_growth_rates_of_the_year_of_the_column_before_it():
    text = (
        "附表：2024年国民经济和社会发展主要指标计划\n"
        "指标名称\t单位\t2023年预计完成\t2024年计划\t增长（%）\n"
        "地区生产总值\t亿元\t520\t555\t6.5左右\n"
        "单位地区生产总值能耗\t吨标准煤/万元\t0.5\t0.49\t-2\n"  # a unit planstats does not know: only the rate
    )
    df = ps.extract_text(text, region="X")
    assert _cells(df, ["record", "year", "metric", "kind", "value", "unit", "qualifier"]) == [
        ["result", 2023, "gdp", "level", 520.0, "亿元", "exact"],
        ["target", 2024, "gdp", "level", 555.0, "亿元", "exact"],
        ["target", 2024, "gdp_growth", "growth", 6.5, "%", "approx"],  # not 6.5 亿元
        ["target", 2024, "energy_intensity_change", "growth", -2.0, "%", "exact"],
    ]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))
    named = ps.extract_text(
        "附表\n指标\t单位\t2023年完成\t2024年增长（%）\n地区生产总值\t亿元\t520\t6.5\n", region="X", year=2024
    )
    assert _cells(named, ["record", "year", "metric", "value", "unit"])[1] == [
        "target",
        2024,
        "gdp_growth",
        6.5,
        "%",
    ]  # not 6.5 亿元


def test_a_cell_that_opens_with_a_verb_gives_the_value_after_it():
    text = (
        "附表：2024年主要预期目标\n序号\t指标\t2024年目标\t属性\n"
        "1\t地区生产总值\t增长6%左右\t预期性\n2\t单位地区生产总值能耗\t下降2.5%\t约束性\n"
        "3\t城镇调查失业率\t控制在5.5%以内\t预期性\n4\t居民人均可支配收入\t与经济增长同步\t预期性\n"
    )
    df = ps.extract_text(text, region="X", year=2024)
    rejects = ps.rejects(df)
    assert _cells(df, ["record", "year", "metric", "kind", "value", "qualifier"]) == [
        ["target", 2024, "gdp_growth", "growth", 6.0, "approx"],
        ["target", 2024, "energy_intensity_change", "growth", -2.5, "exact"],
        ["target", 2024, "urban_unemployment_rate", "share", 5.5, "at_most"],
    ]
    assert rejects.empty  # the numbers of the cells are no attributes of the words after them
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


@pytest.mark.parametrize(
    "header, values",
    [
        ("2023年\t\t2024年目标\t\n\t\t绝对值\t增长%\t绝对值\t下降%", [520, 5.8, 555, -6.5]),  # 下降 -6.5%: a rise
        # 完成 | 增长% | 目标 | 增长% is a header of its own (目标: this year's targets), but its years are above it
        ("2023年\t2023年\t2024年\t2024年\n指标\t单位\t完成\t增长%\t目标\t增长%", [520, 5.8, 555, 6.5]),
    ],
)
def test_a_header_of_two_rows_puts_each_lower_cell_under_the_year_above_it(header, values):
    text = f"附表：2024年主要指标\n指标\t单位\t{header}\n地区生产总值\t亿元\t" + "\t".join(map(str, values)) + "\n"
    df = ps.extract_text(text, region="X", year=2024)
    assert _cells(df, ["record", "year", "metric", "value", "unit"]) == [
        ["result", 2023, "gdp", 520.0, "亿元"],
        ["result", 2023, "gdp_growth", 5.8, "%"],
        ["target", 2024, "gdp", 555.0, "亿元"],
        ["target", 2024, "gdp_growth", 6.5, "%"],
    ]


def test_a_docx_header_of_two_rows_with_merged_cells(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某某区2024年国民经济和社会发展计划")
    table = d.add_table(rows=3, cols=6)
    rows = [
        ["指标", "单位", "2023年", "", "2024年目标", ""],
        ["", "", "绝对值", "增长%", "绝对值", "增长%"],
        ["地区生产总值", "亿元", "520", "5.8", "555", "6.5"],
    ]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    for a, b in (
        ((0, 0), (1, 0)),
        ((0, 1), (1, 1)),
        ((0, 2), (0, 3)),
        ((0, 4), (0, 5)),
    ):  # python-docx repeats a merged cell
        table.cell(*a).merge(table.cell(*b))
    d.save(tmp_path / "plan.docx")
    df = ps.extract(tmp_path / "plan.docx")
    assert _cells(df, ["record", "year", "metric", "value", "unit"]) == [
        ["result", 2023, "gdp", 520.0, "亿元"],
        ["result", 2023, "gdp_growth", 5.8, "%"],  # not 5.8 亿元
        ["target", 2024, "gdp", 555.0, "亿元"],
        ["target", 2024, "gdp_growth", 6.5, "%"],
    ]


def test_a_table_without_a_header_of_names_takes_the_words_nearest_the_values():
    text = "某某区2024年计划\n类别\t序号\t名称\t单位\t2024年目标\n经济\t1\t规模以上工业增加值增长\t%\t7\n"
    df = ps.extract_text(text)
    assert df[["metric_text", "metric", "value"]].values.tolist() == [
        ["规模以上工业增加值", "industrial_value_added_growth", 7.0]
    ]


def test_a_unit_of_the_column_of_units_only_is_no_unit_in_a_sentence():
    # 年 is a unit in a table's column of units only: in a sentence, a number before it is a year or a count of years
    df = ps.extract_text("某某区2024年工作要点\n力争用3年时间，到2026年新建学校3所。\n")
    rejects = ps.rejects(df)
    assert df[["record", "year", "value", "unit"]].values.tolist() == [["horizon", 2026, 3.0, "所"]]
    assert rejects.empty


def test_a_unit_of_tables_is_one_in_a_sentence_after_a_decimal_part():
    # no year and no count of years has a decimal part: 11.2年 is years of schooling
    text = "某某区2024年工作要点\n人均预期寿命提高到79.5岁，劳动年龄人口平均受教育年限提高到11.25年，用2年时间完成。\n"
    df = ps.extract_text(text)
    assert df[["metric", "value", "unit", "raw"]].values.tolist() == [
        ["life_expectancy", 79.5, "岁", "人均预期寿命提高到79.5岁"],
        ["schooling_years", 11.25, "年", "劳动年龄人口平均受教育年限提高到11.25年"],
    ]


def _laid_out(table: str) -> str:
    """The tab-separated rows of ``table`` as a PDF converted with its layout writes them: cells
    padded with spaces to the width of their column (a Chinese character is two columns wide)."""
    rows = [line.split("\t") for line in table.split("\n")]
    cells = [r for r in rows if len(r) > 1]
    widths = [max(_width(r[j]) for r in cells if j < len(r)) + 4 for j in range(max(map(len, cells)))]
    pad = lambda r: "".join(c + " " * (widths[j] - _width(c)) for j, c in enumerate(r)).rstrip()  # noqa: E731
    return "\n".join(pad(r) if len(r) > 1 else r[0] for r in rows)


def _piped(table: str) -> str:
    """The tab-separated rows of ``table`` as a Markdown table."""
    out = []
    for line in table.split("\n"):
        cells = line.split("\t")
        out.append("| " + " | ".join(cells) + " |" if len(cells) > 1 else line)
        if len(cells) > 1 and line.startswith("序号"):
            out.append("|" + "---|" * len(cells))
    return "\n".join(out)


@pytest.mark.parametrize(
    "table", [TABLE, OUTLINE_TABLE], ids=["plan", "outline"]
)  # OUTLINE_TABLE: rows whose first cell is empty
@pytest.mark.parametrize("layout", [_laid_out, _piped])
def test_a_table_laid_out_with_spaces_or_pipes_reads_as_one_with_tabs(layout, table):
    text = layout(table)
    assert "\t" not in text and text.count("\n") >= table.count("\n")
    df = ps.extract_text(text, region="X", year=2024 if table is TABLE else 2021)
    columns = ["record", "year", "section", "metric", "value", "unit", "qualifier"]
    assert _cells(df, columns) == _cells(
        ps.extract_text(table, region="X", year=2024 if table is TABLE else 2021), columns
    )
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def _one_cell_a_line(table: str) -> str:
    """The tab-separated rows of ``table`` as a PDF converted without its layout writes them: a
    cell a line, and no line for an empty cell."""
    return "\n".join("\n".join(c for c in line.split("\t") if c) for line in table.split("\n"))


def test_a_name_too_long_for_its_column_is_a_cell_before_one_space():
    # the name of the second row pushes the unit one space to the right of where its column starts;
    # the space inside the name of the third row starts no column
    rows = [
        "指标名称        单位      2024年完成     2025年计划",
        "地区生产总值    亿元      310            330",
        "一般公共预算收入 亿元     20.5           21.5",
        "城镇 居民收入   元        42000          44100",
    ]
    text = "某某县2025年国民经济和社会发展计划\n" + "\n".join(rows) + "\n"
    tabbed = normalize(text).text
    assert "\n一般公共预算收入\t亿元\t" in tabbed and "\n城镇居民收入\t元\t" in tabbed
    df = ps.extract_text(text)
    assert _cells(df, ["record", "metric_text", "value", "unit"]) == [
        ["result", "地区生产总值", 310.0, "亿元"],
        ["target", "地区生产总值", 330.0, "亿元"],
        ["result", "一般公共预算收入", 20.5, "亿元"],
        ["target", "一般公共预算收入", 21.5, "亿元"],
        ["result", "城镇居民收入", 42000.0, "元"],
        ["target", "城镇居民收入", 44100.0, "元"],
    ]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_table_written_one_cell_a_line_reads_as_one_with_tabs():
    whole = TABLE.replace("2\t单位地区生产总值能耗下降（%）\t\t3\t2.5\t约束性\n", "")  # a row with an empty cell
    text = _one_cell_a_line(whole)
    assert "\t" not in text and "\n单位\n" in text
    assert normalize(text).text == normalize(whole).text  # the line breaks of the table become tabs
    df = ps.extract_text(text)
    columns = ["record", "year", "section", "metric", "value", "unit", "qualifier"]
    assert _cells(df, columns) == _cells(ps.extract_text(whole), columns) and len(df) == 8
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_table_whose_cells_are_parted_by_single_spaces_reads_as_one_with_tabs():
    whole = TABLE.replace("2\t单位地区生产总值能耗下降（%）\t\t3\t2.5\t约束性\n", "")  # a row with an empty cell
    text = whole.replace("\t", " ")
    assert normalize(text).text == normalize(whole).text  # the spaces of the table become tabs
    df = ps.extract_text(text)
    columns = ["record", "year", "section", "metric", "value", "unit", "qualifier"]
    assert _cells(df, columns) == _cells(ps.extract_text(whole), columns) and len(df) == 8
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_space_in_a_name_or_in_prose_next_to_a_spaced_table_is_no_separator():
    text = (
        "某某区2024年计划\n指标 单位 2023年完成 2024年目标\n地区生产总值 亿元 512 545\n城镇 居民收入 元 42000 44100\n"
        "一般公共预算收入 亿元 18.6 19.5\n全年新增就业 8000人，单位 GDP 能耗下降 3%。\n"
    )
    norm = normalize(text).text
    assert "\n地区生产总值\t亿元\t512\t545\n" in norm and "\n一般公共预算收入\t亿元\t18.6\t19.5\n" in norm
    assert "\n城镇居民收入\t元\t42000\t44100\n" in norm  # five cells for four columns: the first space is in the name
    assert "\t" not in norm.split("\n")[-2]  # a line of prose keeps its spaces
    df = ps.extract_text(text)
    assert _cells(df, ["record", "metric_text", "value"]) == [
        ["result", "地区生产总值", 512.0],
        ["target", "地区生产总值", 545.0],
        ["result", "城镇居民收入", 42000.0],
        ["target", "城镇居民收入", 44100.0],
        ["result", "一般公共预算收入", 18.6],
        ["target", "一般公共预算收入", 19.5],
        ["target", "新增就业", 8000.0],
        ["target", "单位GDP能耗", -3.0],
    ]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_a_row_of_a_table_a_cell_a_line_that_lost_a_cell_gives_no_value():
    # no line for the empty result cell of 新增上市企业: its 2 is no 2023 result, nor the name after it a value
    text = (
        "某某区2024年工作计划\n指标\n单位\n2023年完成\n2024年目标\n地区生产总值\n亿元\n512\n545\n新增上市企业\n家\n2\n"
        "城镇新增就业\n人\n8000\n8500\n单位\n负责人\n"
    )
    df = ps.extract_text(text)
    assert _cells(df, ["record", "year", "metric", "value"]) == [
        ["result", 2023, "gdp", 512.0],
        ["target", 2024, "gdp", 545.0],
    ]
    assert (
        "\n新增上市企业\n家\n2\n城镇新增就业\t人\t8000\t8500\n" in normalize(text).text
    )  # the rows around it are rows


def test_prose_with_wide_spaces_is_no_table():
    text = "某某区2024年工作要点\n全年地区生产总值增长  6%左右，固定资产投资增长10%。\n新增规上工业企业  20家。\n"
    assert "\t" not in normalize(text).text
    df = ps.extract_text(text)
    assert df[["metric", "value"]].values.tolist() == [
        ["gdp_growth", 6.0],
        ["fixed_asset_investment_growth", 10.0],
        ["new_above_scale_industrial_enterprises", 20.0],
    ]


def test_tab_indented_paragraphs_are_no_table():
    text = "某某区2024年工作要点\n\t2024年主要目标：\n\t地区生产总值增长6%，固定资产投资增长8%。\n"
    df = ps.extract_text(text)
    assert df[["metric", "value"]].values.tolist() == [["gdp_growth", 6.0], ["fixed_asset_investment_growth", 8.0]]


def test_a_bare_magnitude_that_is_no_magnitude_and_unit_is_named(monkeypatch):
    lexicon = grammar_words.lexicon()
    monkeypatch.setattr(grammar_words, "lexicon", lambda: dataclasses.replace(lexicon, bare_magnitude=("元亿",)))
    with pytest.raises(ps.DataFileError, match="lexicon.csv: the bare_magnitude '元亿' must be a magnitude"):
        grammar_words._Words()


@pytest.mark.parametrize("entry", ["城乡", "城乡=城镇", "城乡=城镇||农村", "=城镇|农村"])
def test_a_collective_word_written_without_its_parts_is_named(monkeypatch, entry):
    lexicon = grammar_words.lexicon()
    monkeypatch.setattr(grammar_words, "lexicon", lambda: dataclasses.replace(lexicon, collective=(entry,)))
    with pytest.raises(
        ps.DataFileError, match=f"lexicon.csv: the collective '{re.escape(entry)}' must be written as a word"
    ):
        grammar_words._Words()


def test_the_longer_collective_word_wins_whatever_the_order_of_the_lexicon(monkeypatch):
    lexicon = grammar_words.lexicon()
    words = ("二、三产业=第二产业|第三产业", "一、二、三产业=第一产业|第二产业|第三产业")  # the shorter first
    monkeypatch.setattr(grammar_words, "lexicon", lambda: dataclasses.replace(lexicon, collective=words))
    monkeypatch.setattr(grammar_lists, "_words", grammar_words._Words)  # a fresh reading, not the cached one
    assert grammar_lists._collective("一、二、三产业增加值") == ["第一产业增加值", "第二产业增加值", "第三产业增加值"]


def test_a_cause_verb_before_a_number_still_opens_a_target_of_the_noun_after_it():
    df = ps.extract_text("推动3家企业上市。", region="测试区", year=2024)
    assert df["metric"].tolist() == ["listed_companies"]


@pytest.mark.parametrize(
    "row, message",
    [
        (",10,%,at_least,", "is empty or a duplicate"),
        ("两位数,ten,%,at_least,", "value must be a number"),
        ("两位数,10,percent,at_least,", "unit 'percent' is not in units.csv"),
        ("两位数,10,%,more,", "qualifier must be one of"),
        ("翻番,100,%,exact,翻", "verb '翻' must be empty or a word of lexicon role value_noun"),
    ],
)
def test_bad_number_words_are_named(tmp_path, monkeypatch, row, message):
    from planstats import _data
    from planstats.lexicon import lexicon

    lexicon()  # read from the real data/ before it moves
    (tmp_path / "number_words.csv").write_text(f"text,value,unit,qualifier,verb\n{row}\n", encoding="utf-8")
    monkeypatch.setattr(_data, "DATA_DIR", tmp_path)
    with pytest.raises(ps.DataFileError, match=f"number_words.csv, line 2: .*{message}"):
        grammar_words._number_words.__wrapped__()


def test_a_wider_average_stays_a_benchmark():
    rejects = ps.rejects(ps.extract_text("地区生产总值增长7%（全省平均6%）。", region="测试区", year=2024))
    assert rejects["raw"].tolist() == ["全省平均6%"] and "average of a wider region" in rejects["reason"].iloc[0]


def test_as_many_items_as_values_are_one_value_each_without_fenbie():
    df = ps.extract_text(
        "新建、改建农村公路100公里、50公里；财务中心、结算中心各不少于10家。", region="测试区", year=2024
    )
    assert df["metric_text"].tolist()[:2] == ["新建农村公路", "改建农村公路"]
    assert df["value"].tolist()[:2] == [100.0, 50.0]


def test_the_start_of_a_change_with_a_bare_dao_is_no_part_of_the_indicator():
    df = ps.extract_text("粮食产量由45万吨到50万吨。", region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df["metric_text"].tolist() == ["粮食产量"]
    assert rejects["reason"].str.startswith("the start of a change").tolist() == [True]


def test_a_part_that_is_a_verb_alone_names_what_it_acts_on():
    df = ps.extract_text(
        "完成高标准农田建设5万亩，其中新建3万亩。引进高层次人才100名，建设15支以上、总规模超过200人的队伍。",
        region="测试区",
        year=2024,
    )
    assert df["metric_text"].tolist()[:2] == ["高标准农田建设", "新建高标准农田建设"]  # of which: the whole's subject
    assert df["metric_text"].tolist()[3] == "建设"  # no part: 15 teams are no talents


def test_a_fraction_in_chinese_numerals_of_a_count_is_a_reject_not_a_crash():
    df = ps.extract_text("新增企业九点五家，新增企业20家。", region="测试区", year=2024)
    rejects = ps.rejects(df)
    assert df["value"].tolist() == [20.0]
    assert rejects["raw"].tolist() == ["九点五家"] and rejects["reason"].tolist() == ["fractional count"]


def test_a_lone_surrogate_is_a_document_error_that_names_the_position():
    with pytest.raises(ps.DocumentError, match=r"position 4"):
        ps.extract_text("新增企业\ud800五家。", region="测试区", year=2024)


def test_a_list_of_values_that_names_no_indicator_cites_each_value_alone():
    # each row's span started at the clause and held every value before it: quadratic time and memory
    text = "1%、2%、3%、4%"
    df = ps.extract_text(text, region="A", year=2023)
    assert df["raw"].tolist() == ["1%", "2%", "3%", "4%"]
    assert [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)] == df["raw"].tolist()
    long = "1%、" * 3000
    df = ps.extract_text(long, region="A", year=2023)
    assert len(df) == 3000 and df["raw"].str.len().sum() <= len(long)


def test_a_list_after_an_indicator_cites_it_in_its_first_value():
    df = ps.extract_text("地区生产总值增长6%、7%。", region="A", year=2023)
    assert df["raw"].tolist()[0] == "地区生产总值增长6%"
