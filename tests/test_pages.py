"""Pages of every kind (issue 49): text forms, plan year and region from the whole page. Each rule has a golden
case and a negative case, written in other words than the corpus's documents."""

from __future__ import annotations

import pandas as pd
import pytest

import planstats as ps
from planstats.read.normalize import normalize
from planstats.titles import page_info


def _targets(text: str, **kw) -> list[tuple]:
    df = ps.extract_text(text, region=kw.pop("region", "某县"), year=kw.pop("year", 2024))
    return [(r.metric, r.value, r.qualifier, r.raw) for r in df.itertuples()]


# ---------------------------------------------------------------------------------------------------------------
# text forms


def test_pinyin_after_characters_is_read_as_if_absent_with_exact_spans():
    text = "主要預(yù)期目標(biāo)是：稅收收入增長(zhǎng)9%左右，規(guī)模以上工業(yè)增加值增長(zhǎng)7%。"
    df = ps.extract_text(text, region="某县", year=2024)
    assert df["value"].tolist() == [9.0, 7.0]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=True))
    assert "增長(zhǎng)7%" in df["raw"].iloc[1]


def test_brackets_without_a_tone_mark_stay():
    # Latin letters in brackets that are no pinyin (an abbreviation, a list mark) are kept
    assert normalize("研发投入(R)增长5%，指标(a)完成").text == "研发投入(R)增长5%,指标(a)完成"


@pytest.mark.parametrize("mark", ["﹔", "︔", "﹐"])
def test_compatibility_punctuation_separates_like_its_usual_form(mark):
    text = f"主要预期目标是：地区生产总值增长6%左右{mark}一般公共预算收入增长4%。"
    assert [(m, v) for m, v, _, _ in _targets(text)] == [("gdp_growth", 6.0), ("fiscal_revenue_growth", 4.0)]


def test_a_small_percent_sign_is_a_percent_sign():
    assert _targets("主要预期目标是：地区生产总值增长6﹪左右。")[0][:3] == ("gdp_growth", 6.0, "approx")


def test_a_comma_typed_before_an_enumeration_comma_does_not_cut_the_list():
    text = "今年城镇、农村居民人均可支配收入分别增长6%，、7%。"
    df = ps.extract_text(text, region="某县", year=2024)
    assert list(zip(df["metric"], df["value"], strict=True)) == [
        ("urban_income_growth", 6.0),
        ("rural_income_growth", 7.0),
    ]
    assert all(text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=True))
    assert normalize("增长6%，7%").text == "增长6%,7%"  # a comma alone stays


def test_years_in_chinese_numerals_with_a_digit_or_letter_zero():
    assert normalize("二0一九年和二OO七年，一九九八年").text == "2019年和2007年,1998年"
    assert normalize("第二0一号文件").text == "第二0一号文件"  # no 年 after it: no year


# ---------------------------------------------------------------------------------------------------------------
# the plan year: a vote over the clues of the page, in their order of trust

YEARS = [
    # a report given to a congress early in the year plans that year; one given late in the year plans the next
    ("政府工作报告\n——2019年2月26日在某某县第九届人民代表大会第四次会议上\n各位代表：", 2019, "congress_date"),
    ("政府工作报告\n——2020年11月28日在某某县第九届人民代表大会第五次会议上\n各位代表：", 2021, "congress_date"),
    ("政 府 工 作 报 告\n——在某某旗第九届人民代表大会第一次会议上\n(2016年1月8日)\n各位代表：", 2016, "congress_date"),
    # a title with two years: the plan is the later one
    ("受县政府委托，现将2016年国民经济和社会发展计划执行情况及2017年计划草案提请审议。", 2017, "plan_execution"),
    ("关于某某区2013年国民经济和社会发展\n计划执行情况与2014年计划草案的报告", 2014, "plan_execution"),
    # the year of a work conference, of the main targets, 今(2021)年
    ("某某县召开县委经济工作会议\n会议总结了2016年经济工作，部署了2017年经济工作。", 2017, "plan_words"),
    ("某某市2015年经济社会发展工作会议召开。今年要稳中求进。", 2015, "plan_words"),
    ("会上提出今(2018)年的预期目标：生产总值增长7%左右。", 2018, "plan_words"),
    ("报告提出，2014年全区经济社会发展的主要预期目标是：生产总值增长8%。", 2014, "plan_words"),
    # a heading of the year reviewed: the plan is the year after
    ("各位代表：\n一、2011年政府工作回顾\n一年来，全县经济平稳。", 2012, "review"),
    ("回首2013年，全市上下砥砺奋进。", 2014, "review"),
    # the page's date, where the page speaks of this year: early in the year that year, late in the year the next
    ("发布时间：2016-02-03 09:30\n今年全区经济工作的目标是稳中求进。", 2016, "page_date"),
    ("时间:2019-12-26 来源：某某网\n会议部署2020年经济工作。", 2020, "plan_words"),  # the plan's own year first
    ("时间:2019-12-26 来源：某某网\n会议强调，明年要稳中求进，今年各项工作要收好尾。", 2020, "page_date"),
    # a sentence that opens with a year and reports what it reached
    ("2012年，我县实现地区生产总值88亿元，增长9%。", 2013, "past_year"),
]


@pytest.mark.parametrize(("text", "year", "rule"), YEARS)
def test_plan_year_from_the_clues_of_the_page(text, year, rule):
    info = page_info(text)
    assert (info.year, str(info.year_clue).split(":")[0]) == (year, rule)


@pytest.mark.parametrize(
    "text",
    [
        "报告说，2015年工作任务的完成，标志着目标全面实现。",  # a sentence, not a title: 2015 is no plan year
        "到2025年，全县主要目标是：生产总值翻一番。",  # a horizon, not the plan year
        "会上，重申了2019年确定的增长目标。",  # a target set before, restated
        "发布时间：2016-07-03\n今年上半年全区经济平稳。",  # a page of midsummer: its date is no plan year
        "2024年，全县将实现地区生产总值100亿元。",  # a sentence that plans, not one that reports
        "圆满完成2016年目标任务。",  # a past plan
    ],
)
def test_no_plan_year_from_what_is_no_clue(text):
    assert page_info(text).year is None


def test_a_congress_date_beats_a_stored_copys_title():
    # the title a document site gave a report delivered in late 2018 names 2018; the report plans 2019
    text = "2018年某某县人民政府工作报告\n——2018年12月20日在某某县第十届人民代表大会第三次会议上\n"
    assert page_info(text).year == 2019


# ---------------------------------------------------------------------------------------------------------------
# the region: from where a page says it


REGIONS = [
    ("各位代表：\n现在，我代表宁乡市人民政府，向大会报告政府工作。", "宁乡市", "issuer"),
    ("本报讯 参加邵阳市第十届人民代表大会第三次会议的代表昨日报到。", "邵阳市", "congress"),
    ("本报讯 昨日，株洲经开区召开党工委扩大会议。", "株洲经开区", "zone"),
    ("洪江市委经济工作会议召开\n会议总结今年工作，洪江上下要稳中求进。", "洪江市", "meeting"),
    ("1月5日，攸县召开县委经济工作会议。会议指出，攸县经济平稳。", "攸县", "meeting"),
]


@pytest.mark.parametrize(("text", "region", "rule"), REGIONS)
def test_region_from_where_the_page_says_it(text, region, rule):
    info = page_info(text)
    assert (info.region, info.region_clue.rule) == (region, rule)


@pytest.mark.parametrize(
    "text",
    [
        "我们坚决执行市十五届人大三次会议的决议。",  # running text before 市, not a region's name
        "按照区委五届六次全会部署，扎实推进各项工作。",  # 区 alone is no region
        "根据市委经济工作会议精神，推进各项工作。",
        "1月5日，醴陵召开现场会，与会人员参观了园区。",  # a meeting elsewhere, named once in passing
    ],
)
def test_no_region_from_running_text_before_a_body(text):
    info = page_info(text)
    assert info.region is None or info.region_clue.rule == "context"


def test_a_region_from_running_text_is_never_confident_and_loses_to_folders(tmp_path):
    text = "全市经济平稳。推进湘潭高新区建设，湘潭产业加快发展。主要预期目标是：地区生产总值增长6%。"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    df = ps.extract(tmp_path / "a.txt", year=2022)
    assert (df["region"].iloc[0], df["region_match"].iloc[0]) == ("湘潭市", "context")
    folder = tmp_path / "湖南省" / "株洲市"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    df = ps.extract(folder / "a.txt", year=2022)
    assert df["region"].iloc[0] == "株洲市"


def test_document_clues_say_where_year_and_region_came_from(tmp_path):
    from planstats.document import document_clues

    path = tmp_path / "a.txt"
    path.write_text("1月5日，攸县召开县委经济工作会议，部署2023年经济工作。攸县经济平稳。", encoding="utf-8")
    region, year, place, year_from, region_from = document_clues(path, path.read_text(encoding="utf-8"))
    assert (region, year, place.code) == ("攸县", 2023, "430223")
    assert year_from.startswith("plan_words: 2023年经济工作") and region_from == "meeting: 攸县"
    assert document_clues(path, "", region="某县", year=2020)[3:] == ("argument", "argument")


# ---------------------------------------------------------------------------------------------------------------
# wordings of canonical indicators


@pytest.mark.parametrize(
    ("text", "metric", "kind", "value"),
    [
        ("居民消费价格上涨幅度控制在2.5%左右", "cpi_growth", "growth", 2.5),
        ("居民消费价格总水平上涨幅度在3%以内", "cpi_growth", "growth", 3.0),
        ("全社会研究与试验发展经费支出相当于地区生产总值的比例达到2.8%", "rd_intensity", "share", 2.8),
        ("一般公共预算总收入增长6%", "fiscal_total_revenue", "growth", 6.0),
        ("化学需氧量排放量下降2%", "cod_emissions_change", "growth", -2.0),
        ("万元生产总值能耗下降3%", "energy_intensity_change", "growth", -3.0),
    ],
)
def test_wordings_of_canonical_indicators(text, metric, kind, value):
    df = ps.extract_text(f"主要预期目标是：{text}。", region="某县", year=2024)
    assert df[["metric", "kind", "value"]].values.tolist() == [[metric, kind, value]]


# ---------------------------------------------------------------------------------------------------------------
# report or plan


def _records(text: str, year: int | None = 2024) -> list[tuple]:
    df = ps.extract_text(text, region="某县", year=year)
    return [(r.record, None if r.year is pd.NA else r.year, r.value) for r in df.itertuples()]


def test_an_estimate_is_of_the_year_before_the_plan():
    assert _records("预计全县生产总值增长5.5%，财政收入12亿元。") == [("result", 2023, 5.5), ("result", 2023, 12.0)]


def test_an_estimate_of_this_year_is_no_result():
    assert _records("预计今年全县生产总值增长6%左右。")[0][0] == "target"


def test_a_page_without_a_plan_year_still_carries_its_review():
    # no year anywhere: the words of the past (一年来) still make the paragraph's figures results (of a year that is
    # unknown, so set aside with the reason), never targets
    df = ps.extract_text("县长说，一年来，全县经济稳中有进。抓招商促投资。固定资产投资增长8.3%。", region="某县")
    assert df.empty
    assert ps.rejects(df)["reason"].str.startswith("reported result").tolist() == [True]


def test_a_heading_that_looks_back_opens_a_review():
    text = "回首过去一年\n全县生产总值增长6.1%\n一般公共预算收入增长4%\n二、今年工作安排\n生产总值增长6%左右。"
    assert [r for r, _, _ in _records(text)] == ["result", "result", "target"]


# ---------------------------------------------------------------------------------------------------------------
# the list of main targets in the forms of news pages and task lists


def _sections(text: str) -> list[tuple[str, float]]:
    df = ps.extract_text(text, region="某县", year=2024)
    return list(zip(df["section"], df["value"], strict=True))


def test_a_heading_then_bulleted_lines_with_blank_lines_between():
    text = "  建议今年全县主要预期目标\n\n  ◆生产总值增长6%左右\n\n  ◆财政收入增长4%\n\n  ◆新增就业8000人以上\n\n其他。"
    assert _sections(text) == [("headline", 6.0), ("headline", 4.0), ("headline", 8000.0)]


def test_items_in_chinese_numerals_with_a_line_of_no_item_between():
    text = (
        "一、2024年全县主要预期目标\n\n（一）生产总值增长6.5%\n牵头单位：县发改局\n\n（二）规上工业增加值增长8%\n"
        "牵头单位：县工信局\n\n二、工作要求\n各单位要抓好落实。"
    )
    assert _sections(text) == [("headline", 6.5), ("headline", 8.0)]


def test_one_bullet_that_states_many_values_is_a_list():
    text = "今年预期目标\n\n    ■生产总值增长5.5%，财政收入增长5%，城镇调查失业率5.5%以内\n\n今年重点工作\n\n■推动改革"
    assert [s for s, _ in _sections(text)] == ["headline"] * 3


def test_a_list_of_tasks_is_no_list_of_targets():
    text = "今年主要任务\n\n●推动产业升级，建设园区3个\n\n●深化改革\n\n●保障民生"
    assert "headline" not in [s for s, _ in _sections(text)]


def test_a_system_of_indicators_is_a_marker_of_the_main_targets():
    text = "报告提出2024年全县发展指标体系安排，具体为：生产总值增长6%左右；一般公共预算收入增长5%。"
    assert _sections(text) == [("headline", 6.0), ("headline", 5.0)]


def test_last_years_level_as_a_base_is_no_time():
    # 保持上年水準 (traditional script: 水准 once simplified): a base, not a report of last year
    text = "主要預期目標：財政收入保持上年水準；固定資產投資增長8%左右；居民消費價格漲幅3%左右。"
    df = ps.extract_text(text, region="某县", year=2024)
    assert df["record"].tolist() == ["target", "target"]


# ---------------------------------------------------------------------------------------------------------------
# what is no target


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("当前全市高新技术产业产值占比已在35%以上。", "a description of today"),
        ("规划确定了主要指标共30项，其中约束性指标9项。", "a count of the plan's indicators"),
    ],
)
def test_descriptions_of_today_and_counts_of_indicators_are_no_targets(text, reason):
    df = ps.extract_text(text, region="某县", year=2024)
    assert df.empty and ps.rejects(df)["reason"].str.startswith(reason).all()


def test_a_plan_turn_keeps_a_target_after_a_word_of_today():
    df = ps.extract_text("当前正加快转型，力争高新技术产业产值占比达到40%。", region="某县", year=2024)
    assert df["value"].tolist() == [40.0]


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("全年经济预期增长目标为6%左右。", "gdp_growth"),
        ("地区生产总值增长的预期目标为5.5%。", "gdp_growth"),
        ("主要目标：规模工业增加值增长9%。", "industrial_value_added_growth"),
    ],
)
def test_a_growth_target_named_by_its_noun(text, metric):
    df = ps.extract_text(text, region="某县", year=2024)
    assert df[["metric", "kind"]].values.tolist() == [[metric, "growth"]]


def test_main_targets_that_include_a_list():
    text = "今年全县经济社会发展的主要目标包括，生产总值增长6%，财政收入增长5%。"
    assert _sections(text) == [("headline", 6.0), ("headline", 5.0)]


def test_a_word_of_today_inside_another_word_is_none():
    # 目前 of 项目前三季度 is no word: the rates are targets
    df = ps.extract_text("新开工项目前三季度开工率不低于60%。", region="某县", year=2024)
    assert df["value"].tolist() == [60.0]


def test_a_figure_of_the_whole_country_is_not_the_regions_own():
    df = ps.extract_text("2023年，全县地区生产总值增长6.3%，全国增长5.2%。", region="某县", year=2024)
    assert df["value"].tolist() == [6.3]
    assert ps.rejects(df)["reason"].str.startswith("a figure of the whole country").tolist() == [True]


def test_a_national_title_in_an_indicator_is_no_figure_of_the_country():
    df = ps.extract_text("主要目标：新建全国重点镇2个。", region="某县", year=2024)
    assert df["value"].tolist() == [2.0]


def test_a_restated_target_of_a_past_year_is_neither_target_nor_result():
    df = ps.extract_text("2023年初确定的增长目标为5.5%左右，全年实际增长5%。", region="某县", year=2024)
    assert df[["record", "value"]].values.tolist() == [["result", 5.0]]
    assert ps.rejects(df)["reason"].str.startswith("a target set in an earlier year").tolist() == [True]


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("【某某日报】湖南省2024年政府工作报告全文\n", "湖南省"),
        ("一起来看会上提到的贵州省2023年政府工作报告\n", "贵州省"),
    ],
)
def test_news_chrome_before_a_region_in_a_title_is_no_part_of_it(title, region):
    assert page_info(title).region == region


def test_a_short_name_inside_another_word_names_no_region():
    from planstats import places

    # 示范县 does not name 范县, 会和县委 does not name 和县; 在和县 does
    assert places.named_in("全县推进示范县建设，创建示范县2个。", 2020) is None
    assert places.named_in("全县落实大会和县委部署。", 2020) is None
    assert places.named_in("全县干部在和县学习。", 2020) == "和县"


# ---------------------------------------------------------------------------------------------------------------
# a manifest at the top of a corpus


def test_a_manifest_at_the_top_names_documents_in_subfolders(tmp_path):
    folder = tmp_path / "湖南省" / "株洲市"
    folder.mkdir(parents=True)
    (folder / "plan.txt").write_text("主要预期目标是：地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,region,year\n湖南省/株洲市/plan.txt,攸县,2023\n湖南省/gone.txt,醴陵市,2023\n", encoding="utf-8"
    )
    df = ps.extract(folder / "plan.txt")
    assert (df["region"].item(), df["year"].item(), df["region_code"].item()) == ("攸县", 2023, "430223")
    with pytest.warns(ps.PlanstatsWarning, match=r"1 row\(s\) name no file .*湖南省/gone.txt"):
        ps.build(tmp_path, out=tmp_path / "out")


def test_a_manifest_beside_a_document_wins_over_one_above(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "plan.txt").write_text("主要预期目标是：地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,region,year\nsub/plan.txt,攸县,2023\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,region,year\nplan.txt,醴陵市,2022\n", encoding="utf-8")
    df = ps.extract(folder / "plan.txt")
    assert (df["region"].item(), df["year"].item()) == ("醴陵市", 2022)


# ---------------------------------------------------------------------------------------------------------------
# one target stated twice


def test_a_news_lead_that_restates_a_target_loses_to_the_reports_sentence():
    text = (
        "报告提出主要预期目标：全县生产总值增长6%。\n"
        "报告提出，今年全县经济社会发展的主要预期目标是：全县生产总值增长6%左右，财政收入增长5%。"
    )
    df = ps.extract_text(text, region="某县", year=2024)
    assert df[["raw", "qualifier"]].values.tolist() == [["生产总值增长6%左右", "approx"], ["财政收入增长5%", "exact"]]
    restated = ps.rejects(df)
    assert restated["raw"].tolist() == ["生产总值增长6%"] and restated["reason"].str.startswith("restates").all()


def test_a_body_target_that_repeats_a_main_target_is_kept():
    text = "主要预期目标是：生产总值增长6%左右。\n三、重点工作\n全力稳增长，确保生产总值增长6%左右。"
    df = ps.extract_text(text, region="某县", year=2024)
    assert df["section"].tolist() == ["headline", "body"]


def test_conflicts_reports_a_value_stated_with_two_qualifiers():
    rows = ps.extract_text("主要预期目标是：生产总值增长6%。", region="某县", year=2024)
    other = ps.extract_text("主要目标：生产总值增长6%左右。", region="某县", year=2024, doc="b")
    both = pd.concat([rows, other], ignore_index=True)
    assert sorted(ps.conflicts(both, "gdp_growth")["qualifier"]) == ["approx", "exact"]


def test_a_care_of_sign_typed_for_a_percent_sign():
    assert _targets("主要预期目标是：地区生产总值增长7℅左右。")[0][:3] == ("gdp_growth", 7.0, "approx")


def test_a_text_hard_wrapped_in_a_narrow_column_is_read_as_its_sentences():
    # lines of 24 Chinese characters and a comma (49 columns), the column of a narrow PDF page: one paragraph
    words = "全县上下团结一心攻坚克难较好完成了全年目标任务经济运行总体平稳民生保障持续加强改革开放不断深化"
    lines = [(words * 3)[i * 24 : i * 24 + 24] + "," for i in range(6)]
    text = "一、2023年工作回顾\n" + "\n".join(lines) + "\n预计地区生产总值增长5.6%。"
    assert normalize(text).text.count("\n") == 1


# ---------------------------------------------------------------------------------------------------------------
# what a build says of documents it could not place


def test_a_build_lists_every_document_without_a_year_and_every_region_from_running_text(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("主要预期目标是：地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "c.txt").write_text(
        "2024年全市工作要点\n全市经济平稳。推进湘潭高新区建设，湘潭产业加快发展。主要预期目标是：地区生产总值增长6%。",
        encoding="utf-8",
    )
    with pytest.warns(ps.PlanstatsWarning) as caught:
        ps.build(tmp_path, out=tmp_path / "out")
    said = [str(w.message) for w in caught]
    unplaced = next(m for m in said if "have no region or no plan year" in m)
    assert unplaced.startswith("2 document(s)") and "\n  a.txt" in unplaced and "\n  b.txt" in unplaced
    body = next(m for m in said if "only their running text names" in m)
    assert body.startswith("1 document(s)") and "\n  c.txt" in body


def test_a_year_that_a_multiple_is_of_is_a_base_not_a_time():
    text = "一、过去五年工作回顾\n到2023年底，全县粮食产量达到52万吨，是2018年的1.3倍；农民收入达到2.1万元。"
    df = ps.extract_text(text, region="某县", year=2024)
    assert df[["record", "year"]].values.tolist() == [["result", 2023], ["result", 2023]]


# ---------------------------------------------------------------------------------------------------------------
# lists of indicators: which words each item shares, and one value after 分别

LISTS = [
    # one value after 分别 is the value of each item: of a collective word, or of items joined by 和
    ("今年城乡居民人均可支配收入分别增长6.5%。", [("urban_income_growth", 6.5), ("rural_income_growth", 6.5)]),
    ("今年城镇居民和农村居民收入分别增长5%。", [("urban_income_growth", 5.0), ("rural_income_growth", 5.0)]),
    # one character each before 、, sharing the rest of the word after the second (存款/贷款, 进口/出口)
    ("年末金融机构人民币存、贷款余额分别增长7.1%和9.4%。", [("deposits_growth", 7.1), ("loans_growth", 9.4)]),
    ("今年外贸进、出口额分别增长4%和3%。", [("imports_growth", 4.0), ("exports_growth", 3.0)]),
    # a name that is an industry of its own (…业) shares the measure of the last item, not its sector word
    (
        "今年农业和第二产业增加值分别增长3%、8%。",
        [("agriculture_value_added_growth", 3.0), ("secondary_industry_value_added_growth", 8.0)],
    ),
    # items of one form, the last with more: the more is theirs too
    (
        "去年第二产业、第三产业增加值占全县生产总值比重分别为41.5%、52.3%。",
        [("secondary_industry_share", 41.5), ("services_share", 52.3)],
    ),
    # 同比 or 比上年 before 分别 names no indicator: the values go to the targets just before, in order
    (
        "去年城镇居民人均可支配收入3.2万元，农村居民人均可支配收入1.6万元，同比分别增长5.1%和7.3%。",
        [("urban_income", 3.2), ("rural_income", 1.6), ("urban_income_growth", 5.1), ("rural_income_growth", 7.3)],
    ),
]


@pytest.mark.parametrize("text, expected", LISTS, ids=[t[:16] for t, _ in LISTS])
def test_a_list_of_indicators_gives_each_item_its_own_indicator(text, expected):
    assert [(m, v) for m, v, _, _ in _targets(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one item and 分别: one row
        ("今年规模以上工业增加值分别增长9%。", ["规模以上工业增加值"]),
        # a sector word is shared by names that are no industry of their own
        ("今年装备制造、食品加工产业产值分别增长8%、9%。", ["装备制造产业产值", "食品加工产业产值"]),
        # items of different lengths are names of their own: nothing is shared
        ("今年化学需氧量、氨氮排放量分别下降2%、3%。", ["化学需氧量", "氨氮排放量"]),
    ],
)
def test_a_list_shares_no_more_than_its_form_shows(text, expected):
    df = ps.extract_text(text, region="某县", year=2024)
    assert df["metric_text"].tolist() == expected


def _kinds(text: str) -> list[tuple]:
    df = ps.extract_text(text, region="某县", year=2024)
    return list(zip(df["metric"], df["kind"], df["value"], strict=True))


def test_prices_that_rise_grow():
    assert _kinds("去年全县居民消费价格上涨1.8%。") == [("cpi_growth", "growth", 1.8)]


def test_a_rate_per_thousand_is_a_rate_not_a_growth_while_a_growth_rate_in_percent_is_a_growth():
    assert _kinds("今年人口自然增长率控制在4.2‰以内。") == [("population_natural_growth_rate", "share", 4.2)]
    assert _kinds("今年地区生产总值增长率为6%。") == [("gdp_growth", "growth", 6.0)]


def test_a_numbered_heading_of_targets_over_a_numbered_list_opens_the_main_targets():
    text = (
        "某某园区2022年度工作目标\n二、招商引资目标\n1.实际利用内资增长10%。\n2.新签约项目30个。\n"
        "三、重点工作\n1.新建标准厂房5万平方米。\n"
    )
    df = ps.extract_text(text, region="某区", year=2022)
    assert df["section"].tolist() == ["headline", "headline", "body"]


def test_a_heading_of_targets_with_no_list_under_it_opens_nothing():
    text = "某某园区2022年度工作\n二、招商引资目标\n全年实际利用内资增长10%，新签约项目30个。\n"
    assert set(ps.extract_text(text, region="某区", year=2022)["section"]) == {"body"}


def test_a_quoted_title_of_a_plan_of_targets_gives_the_plan_year():
    text = "根据上级要求，园区制定了《某某园区2019年度招商引资目标》。现报告如下：\n1.新签约项目30个。\n"
    assert page_info(text).year == 2019


def test_the_header_of_an_official_document_names_its_issuer_and_its_number_names_no_region():
    text = (
        "某某县人民政府办公室文件 某政办发〔2021〕7号 县政府办公室关于印发2021年重点工作任务分解方案的通知\n"
        "各乡镇人民政府，某某经济开发区管委会：根据县十八届人大五次会议确定的目标任务，现印发如下。"
    )
    info = page_info(text)
    assert (info.region, info.year, info.region_clue.rule) == ("某某县", 2021, "issuer")


def test_a_clause_that_opens_with_根据_names_no_region_before_a_congress():
    info = page_info("根据市十五届人大二次会议确定的目标任务，现将2019年工作要点印发如下。")
    assert (info.region, info.year) == (None, 2019)


@pytest.mark.parametrize(
    "text, metric",
    [
        ("去年全县农民纯收入达到8200元。", "rural_net_income"),
        ("去年全旗农牧民人均纯收入达到9100元。", "rural_net_income"),
        ("去年全县经营主体总量达到3.1万户。", "market_entities_total"),
        ("去年全县建筑业完成施工产值52亿元。", "construction_output"),
        ("去年全县货物贸易增长12%。", "import_export_growth"),
    ],
)
def test_older_and_other_names_of_canonical_indicators(text, metric):
    assert ps.extract_text(text, region="某县", year=2024)["metric"].tolist() == [metric]


def test_同比_at_the_end_of_an_item_is_no_part_of_its_indicator():
    df = ps.extract_text("去年全县规上企业营业收入、利润同比分别增长9%和12%。", region="某县", year=2024)
    assert df["metric_text"].tolist()[-1].endswith("利润")
