"""The analyses, against hand-computed expectations on the seeds and on small frames."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import make_frame
from pandas.testing import assert_frame_equal

import planstats as ps


@pytest.fixture(scope="module")
def data():
    return ps.load()


# -- the seeds, computed by hand from the documents -------------------------------------


def test_xixian_gdp_target_rises_eight_points(data):
    # 2022 plan: GDP增长12%左右; 2023 plan: GDP增长20%以上 -> +8 percentage points
    y = ps.yoy(data, "gdp_growth", regions="Xixian New Area")
    row = y.iloc[0]
    assert (row.year_from, row.year_to, row.value_from, row.qualifier_from, row.value_to, row.qualifier_to) == (
        2022,
        2023,
        12.0,
        "approx",
        20.0,
        "at_least",
    )
    assert row.change == 8.0 and row.change_unit == "pp" and math.isnan(row.change_pct)


def test_xixian_high_tech_enterprises_300_to_650(data):
    y = ps.yoy(data, "new_high_tech_enterprises")
    assert y[["region", "value_from", "value_to", "change", "change_unit"]].values.tolist() == [
        ["西咸新区", 300.0, 650.0, 350.0, "家"]
    ]
    assert y["change_pct"].round(1).tolist() == [116.7]  # 350 / 300


def test_compare_equals_a_plain_pandas_pivot(data):
    # headline first, then the first in the document; a range by its midpoint
    t = data[(data.record == "target") & (data.metric == "gdp_growth")].sort_values(["section", "start"])
    t = t.assign(mid=(t.value + t.value_high.fillna(t.value)) / 2).drop_duplicates(["region", "year"])
    expected = t.pivot(index="region", columns="year", values="mid").astype("float64")
    expected.index = expected.index.astype(object)
    got = ps.compare(data, "gdp_growth")
    got.index = got.index.astype(object)
    assert_frame_equal(got, expected, check_names=False, check_column_type=False)
    assert got.loc["XX新城", 2024] == 9.0  # 8%-10%


def test_compare_metrics_for_one_year(data):
    t = ps.compare(data, ["gdp_growth", "fixed_asset_investment_growth", "new_high_tech_enterprises"], year=2023)
    assert t.columns.tolist() == ["gdp_growth", "fixed_asset_investment_growth", "new_high_tech_enterprises"]
    assert t.loc["西咸新区"].tolist() == [20.0, 12.0, 650.0]


@pytest.mark.filterwarnings("ignore::planstats.PlanstatsWarning")  # metrics with a level and a growth kind
def test_compare_does_not_change_its_input(data):
    before = data.copy()
    ps.compare(data, "gdp_growth")
    ps.attainment(data)
    assert_frame_equal(data, before)


# -- small frames ----------------------------------------------------------------------


def test_years_that_are_not_consecutive_are_labelled_with_both():
    df = make_frame(dict(year=2021, value=8.0), dict(year=2023, value=10.0), dict(year=2024, value=9.5))
    y = ps.yoy(df, "gdp_growth")
    assert y[["period", "years_apart", "change"]].values.tolist() == [["2021→2023", 2, 2.0], ["2023→2024", 1, -0.5]]


def test_a_range_counts_by_its_midpoint_unless_asked_and_is_flagged():
    df = make_frame(dict(value=8.0, value_high=10.0, qualifier="range"), dict(region="B", value=9.5))
    assert ps.compare(df, "gdp_growth")[2022].tolist() == [9.0, 9.5]
    assert ps.compare(df, "gdp_growth", range_as="low")[2022].tolist() == [8.0, 9.5]
    assert ps.compare(df, "gdp_growth", range_as="high")[2022].tolist() == [10.0, 9.5]
    assert ps.targets(df, "gdp_growth")["is_range"].tolist() == [True, False]


def test_units_are_converted_to_one_unit():
    df = make_frame(
        dict(metric="new_urban_jobs", kind="level", unit="人", value=12000.0, verb="新增"),
        dict(metric="new_urban_jobs", kind="level", unit="万人", value=1.5, year=2023, verb="新增"),
        dict(metric="new_urban_jobs", kind="level", unit="万人", value=1.0, region="B", verb="新增"),
    )
    t = ps.compare(df, "new_urban_jobs")
    assert t.loc["A", 2022] == pytest.approx(1.2) and t.loc["A", 2023] == 1.5 and t.loc["B", 2022] == 1.0
    y = ps.yoy(df, "new_urban_jobs")
    assert y["unit"].tolist() == ["万人"]
    assert y["change"].round(6).tolist() == [0.3] and y["change_pct"].round(6).tolist() == [25.0]


def test_units_that_cannot_be_converted_are_not_mixed():
    df = make_frame(
        dict(metric="gdp", kind="level", unit="亿元", value=1200.0),
        dict(metric="gdp", kind="level", unit="亿元", value=900.0, region="B"),
        dict(metric="gdp", kind="level", unit="亿美元", value=150.0, region="C"),
    )
    with pytest.warns(ps.PlanstatsWarning, match=r"left out, so that values are not mixed: gdp: 1 \(level in 亿美元\)"):
        t = ps.compare(df, "gdp")
    assert t.index.tolist() == ["A", "B"]
    with pytest.raises(ps.ArgumentError, match="cannot convert '亿美元' to '亿元'"):
        ps.convert(1.0, "亿美元", "亿元")


def test_units_of_one_dimension_convert_exactly_to_the_metrics_unit():
    # grain in 万吨 beside 亿斤 (1亿斤 = 5万吨), area in 亩 beside 公顷 (1公顷 = 15亩), money in 万元 beside 亿元
    df = make_frame(
        dict(metric="grain_output", kind="level", unit="万吨", value=300.0),
        dict(metric="grain_output", kind="level", unit="亿斤", value=120.0, region="B"),
        dict(metric="grain_area", kind="level", unit="万亩", value=30.0, region="C"),
        dict(metric="grain_area", kind="level", unit="公顷", value=10000.0, region="D"),
        dict(metric="gdp", kind="level", unit="万元", value=3.0, region="E"),
        dict(metric="gdp", kind="level", unit="亿元", value=1200.0, region="F"),
        dict(metric="resident_population", kind="level", unit="人", value=5000.0, region="G"),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is left out: every unit converts
        t = ps.compare(df, ["grain_output", "grain_area", "gdp", "resident_population"], year=2022)
    assert t.loc["A", "grain_output"] == 300.0 and t.loc["B", "grain_output"] == 600.0  # 万吨, the metric's unit
    assert t.loc["C", "grain_area"] == 30.0 and t.loc["D", "grain_area"] == 15.0  # 万亩
    assert t.loc["E", "gdp"] == 0.0003 and t.loc["F", "gdp"] == 1200.0  # 亿元, exactly
    assert t.loc["G", "resident_population"] == 0.5  # 万人
    assert t.attrs["planstats"]["units"] == {
        "grain_output": "万吨", "grain_area": "万亩", "gdp": "亿元", "resident_population": "万人"
    }  # fmt: skip
    legend = ps.table(t)
    assert "converted to the column's unit (data/units.csv): B 2022 grain_output “target 1” as 600 万吨" in legend
    assert "D 2022 grain_area “target 3” as 15 万亩" in legend and "A 2022 grain_output" not in legend
    assert ps.convert(300.0, "万吨", "亿斤") == 60.0 and ps.convert(15.0, "万亩", "公顷") == 10000.0
    assert ps.convert(1.0, "平方公里", "亩") == 1500.0 and ps.convert(2.0, "斤", "公斤") == 1.0
    with pytest.raises(ps.ArgumentError, match="cannot convert '万人次' to '万人'"):
        ps.convert(1.0, "万人次", "万人")  # person-times are no people


def test_the_dataset_has_each_value_in_its_metrics_unit():
    df = make_frame(
        dict(metric="grain_output", kind="level", unit="亿斤", value=120.0, value_high=130.0, qualifier="range"),
        dict(metric="gdp", kind="level", unit="亿美元", value=5.0, region="B"),
        dict(metric="new_urban_jobs", kind="level", unit="人", value=8600.0, region="C"),
    )
    assert df["value_std"].iloc[0] == 600.0 and df["unit_std"].iloc[0] == "万吨"
    assert math.isnan(df["value_std"].iloc[1]) and df["unit_std"].iloc[1] == ""  # 美元 is no 元: kept, not converted
    assert df["value"].iloc[1] == 5.0 and df["unit"].iloc[1] == "亿美元"
    assert df["value_std"].iloc[2] == 0.86 and df["unit_std"].iloc[2] == "万人"
    assert ps.metrics().set_index("id").loc[["grain_output", "gdp", "gdp_growth"], "unit"].tolist() == [
        "万吨",
        "亿元",
        "",
    ]


def test_a_value_whose_unit_does_not_convert_is_kept_and_listed():
    df = make_frame(
        dict(metric="gdp", kind="level", unit="亿元", value=1200.0),
        dict(metric="gdp", kind="level", unit="亿元", value=900.0, region="B"),
        dict(metric="gdp", kind="level", unit="亿美元", value=150.0, region="C", raw="地区生产总值150亿美元"),
    )
    with pytest.warns(ps.PlanstatsWarning, match=r"gdp: 1 \(level in 亿美元\)"):
        t = ps.compare(df, "gdp")
    assert t.attrs["planstats"]["left_out"].value == ("C 2022 gdp 150 亿美元 (“地区生产总值150亿美元”)",)
    assert "left out, as their kind or unit does not convert to the column's: C 2022 gdp 150 亿美元" in ps.table(t)
    kept = df[df["region"] == "C"].iloc[0]
    assert (kept["value"], kept["unit"], kept["unit_std"]) == (150.0, "亿美元", "")  # in the dataset, never blanked


def test_measure_words_of_a_count_are_one_unit():
    df = make_frame(
        dict(metric="new_innovation_platforms", kind="level", unit="个", value=20.0, year=2022),
        dict(metric="new_innovation_platforms", kind="level", unit="家", value=15.0, year=2023),
        dict(metric="new_innovation_platforms", kind="level", unit="个", value=12.0, region="B", year=2022),
        dict(metric="new_innovation_platforms", kind="level", unit="人", value=3.0, region="C", year=2022),
    )
    with pytest.warns(ps.PlanstatsWarning, match=r"new_innovation_platforms: 1 \(level in 人\)"):
        t = ps.compare(df, "new_innovation_platforms")
    assert t.loc["A", 2022] == 20.0 and t.loc["A", 2023] == 15.0 and t.loc["B", 2022] == 12.0
    assert ps.convert(1.5, "万家", "个") == 15000.0


def test_headline_first_and_conflicts_reported():
    df = make_frame(
        dict(section="body", value=13.0, start=500, end=505),
        dict(section="headline", value=12.0, start=100, end=105),
        dict(region="B", section="headline", value=9.0),
        dict(region="B", section="body", value=9.0, start=400, end=405),
    )
    t = ps.targets(df, "gdp_growth")
    assert t[["region", "value", "n_targets", "conflict", "start"]].values.tolist() == [
        ["A", 12.0, 2, True, 100],
        ["B", 9.0, 2, False, 20],
    ]
    c = ps.conflicts(df)
    assert c[["region", "section", "value"]].values.tolist() == [["A", "headline", 12.0], ["A", "body", 13.0]]


def test_each_value_has_its_bounds_and_qualifier_beside_it():
    df = make_frame(
        dict(region="A", value=8.0, value_high=10.0, qualifier="range"),
        dict(region="B", value=6.0, qualifier="at_least", qualifier_text="以上"),
        dict(region="C", value=3.0, qualifier="at_most", qualifier_text="以内"),
        dict(region="D", value=6.0, qualifier="approx", qualifier_text="左右"),
        dict(region="E", value=-3.0, qualifier="at_least", qualifier_text="以上", verb="下降"),  # a fall of 3 or more
    )
    t = ps.compare(df, "gdp_growth", bounds=True)
    assert t.columns.names == ["year", "field"]
    assert t[2022].columns.tolist() == ["value", "low", "high", "qualifier"]
    got = t[2022].astype(object).where(t[2022].notna(), None).values.tolist()
    assert got == [
        [9.0, 8.0, 10.0, "range"],
        [6.0, 6.0, None, "at_least"],  # a floor: no upper bound
        [3.0, None, 3.0, "at_most"],  # a ceiling: no lower bound
        [6.0, 6.0, 6.0, "approx"],
        [-3.0, None, -3.0, "at_least"],  # down by at least 3: at most −3
    ]
    assert ps.compare(df, "gdp_growth", bounds=True, range_as="low").loc["A", (2022, "value")] == 8.0
    r = ps.rank(df, "gdp_growth", range_as="high")
    assert r.set_index("region").loc["A", ["value", "low", "high", "qualifier"]].tolist() == [10.0, 8.0, 10.0, "range"]
    assert math.isnan(r.set_index("region").loc["B", "high"])
    y = ps.yoy(
        make_frame(dict(value=6.0, qualifier="at_least"), dict(year=2023, value=7.0, qualifier="at_most")), "gdp_growth"
    )
    assert (y.low_from.item(), math.isnan(y.high_from.item()), math.isnan(y.low_to.item()), y.high_to.item()) == (
        6.0,
        True,
        True,
        7.0,
    )
    actual = pd.DataFrame({"region": ["A"], "year": [2022], "metric": ["gdp_growth"], "value": [9.5]})
    a = ps.attainment(df, actual, range_as="low", approx_as="band").set_index("region")
    assert a.loc["A", ["value", "low", "high", "qualifier", "met"]].tolist() == [8.0, 8.0, 10.0, "range", True]
    assert ps.attainment(df, actual, approx_as="band").set_index("region").loc["A", "value"] == 9.0


@pytest.mark.parametrize("range_as, words", [("mid", "by its midpoint"), ("low", "by its lower end")])
def test_the_reading_of_values_is_in_every_tables_legend(range_as, words):
    df = make_frame(
        dict(region="A", value=8.0, value_high=10.0, qualifier="range"),
        dict(region="B", value=6.0, qualifier="at_least"),
    )
    for result in (
        ps.compare(df, "gdp_growth", range_as=range_as),
        ps.rank(df, "gdp_growth", range_as=range_as),
        ps.yoy(df, "gdp_growth", range_as=range_as),
        ps.attainment(df, range_as=range_as),
    ):
        for fmt in ("markdown", "latex"):
            text = ps.table(result, format=fmt)
            text = text.replace("\\_", "_")  # LaTeX escapes the underscore
            assert f"a range counts {words} (range_as='{range_as}')" in text, (fmt, text)
    assert "≥ by the number stated" in ps.table(ps.compare(df, "gdp_growth"))


def test_the_fuller_qualifier_is_taken_and_the_choice_is_said():
    df = make_frame(
        dict(section="body", value=6.0, start=100, end=105, raw="增长6%"),
        dict(
            section="body", value=6.0, qualifier="approx", qualifier_text="左右", start=300, end=307, raw="增长6%左右"
        ),
        dict(region="B", section="body", value=7.0, start=100, end=105, raw="增长7%"),
        dict(region="B", section="headline", value=8.0, start=500, end=505, raw="增长8%"),
    )
    with pytest.warns(
        ps.PlanstatsWarning, match=r"2 region-year-metric cell\(s\) have targets of different values"
    ) as told:
        table = ps.compare(df, "gdp_growth")
    message = str(told[0].message)
    assert "A 2022 gdp_growth: took “增长6%左右” (by the fuller qualifier) over 增长6% (test.txt)" in message
    assert "B 2022 gdp_growth: took “增长8%” (by headline before body) over 增长7% (test.txt)" in message
    assert table[2022].tolist() == [6.0, 8.0]
    t = ps.targets(df, "gdp_growth")  # the long table says it in its columns
    assert t[["region", "qualifier", "chosen_by", "others"]].astype(str).values.tolist() == [
        ["A", "approx", "fuller_qualifier", "增长6% (test.txt)"],
        ["B", "exact", "headline", "增长7% (test.txt)"],
    ]
    # conflicts lists both rows of a cell whose values differ only in their qualifier (6 and ≈6)
    c = ps.conflicts(df[df["region"] == "A"])
    assert c[["value", "qualifier"]].astype(str).values.tolist() == [["6.0", "exact"], ["6.0", "approx"]]


def test_attainment_says_which_of_conflicting_results_it_took():
    # four results for one region and year (3.9, 3.9, 5, 5): the 2023 report's own sentence, not the 2024 restatement
    df = make_frame(
        dict(year=2022, value=6.0, qualifier="approx", qualifier_text="左右", doc="p2022.txt"),
        dict(record="result", value=5.0, doc="p2024.txt", section="body", start=50, end=58, raw="2022年增长5%"),
        dict(record="result", value=5.0, doc="p2024.txt", section="body", start=60, end=64, raw="增长5%"),
        dict(record="result", value=3.9, doc="p2023.txt", section="body", start=900, end=907, raw="GDP增长3.9%"),
        dict(record="result", value=3.9, doc="p2023.txt", section="body", start=100, end=110, raw="2022年GDP增长3.9%"),
        dict(year=2023, value=5.0, doc="p2023.txt"),
        dict(year=2024, value=5.0, doc="p2024.txt"),
    )
    with pytest.warns(ps.PlanstatsWarning, match="have reported results of different values") as told:
        a = ps.attainment(df, approx_as="band")
    assert "took “2022年GDP增长3.9%” (by the report's own sentence before a restatement)" in str(told[0].message)
    row = a[a["year"] == 2022].iloc[0]
    assert (row.actual, row.actual_source, bool(row.actual_conflict)) == (3.9, "p2023.txt: 2022年GDP增长3.9%", True)
    assert row.actual_others == "2022年增长5% (p2024.txt); 增长5% (p2024.txt)"


def test_a_stretch_target_is_no_conflict():
    df = ps.extract_text("全市生产总值增长6%左右，力争7%。", region="测试区", year=2024)
    assert df["record"].tolist() == ["target", "stretch"]
    t = ps.targets(df, "gdp_growth")
    assert t[["value", "n_targets", "conflict"]].values.tolist() == [[6.0, 1, False]]
    assert ps.conflicts(df).empty
    assert ps.compare(df, "gdp_growth").loc["测试区", 2024] == 6.0


def test_rank_ties_and_qualifiers():
    df = make_frame(
        dict(region="A", value=10.0, qualifier="at_least"),
        dict(region="B", value=10.0),
        dict(region="C", value=10.0, qualifier="approx"),
        dict(region="D", value=12.0),
        dict(region="E", value=10.0, qualifier="at_most"),
    )
    r = ps.rank(df, "gdp_growth", year=2022)
    assert r[["region", "rank", "tied"]].values.tolist() == [
        ["D", 1, False],
        ["A", 2, False],
        ["B", 3, True],
        ["C", 3, True],
        ["E", 5, False],
    ]
    assert ps.rank(df, "gdp_growth", ascending=True)["region"].tolist()[0] == "E"


def test_summary_equals_plain_pandas():
    df = make_frame(
        *(
            dict(region=r, year=y, value=v)
            for r, y, v in [("A", 2022, 8.0), ("B", 2022, 10.0), ("C", 2022, 12.5), ("A", 2023, 7.0)]
        )
    )
    s = ps.summary(df, "gdp_growth")
    values = pd.DataFrame({"year": [2022, 2022, 2022, 2023], "v": [8.0, 10.0, 12.5, 7.0]}).groupby("year")["v"]
    expected = values.agg(["count", "mean", "median", "min", "max", "std"]).rename(columns={"count": "n"})
    assert_frame_equal(
        s[["n", "mean", "median", "min", "max", "std"]], expected, check_index_type=False, check_dtype=False
    )
    assert s.loc[2022, "n"] == 3 and math.isnan(s.loc[2023, "std"])


def test_amplification_against_the_parent_region():
    df = make_frame(
        dict(region="西咸新区", year=2023, value=10.0),
        dict(region="XX新城", year=2023, value=12.0),
        dict(region="XX新城", year=2024, value=11.0),
    )
    a = ps.amplification(df, "gdp_growth")
    assert a[["region", "parent", "year", "difference", "ratio"]].iloc[1:].values.tolist()[0][:3] == [
        "XX新城",
        "西咸新区",
        2024,
    ]
    first = a[(a.region == "XX新城") & (a.year == 2023)].iloc[0]
    assert (first.parent, first.parent_value, first.difference, first.ratio, first.amplified) == (
        "西咸新区",
        10.0,
        2.0,
        1.2,
        True,
    )
    later = a[(a.region == "XX新城") & (a.year == 2024)].iloc[0]
    assert math.isnan(later.parent_value) and later.amplified is pd.NA


def test_coverage_tells_missing_targets_from_missing_documents():
    df = make_frame(
        dict(year=2021),
        dict(year=2023),
        dict(year=2023, metric="cpi_growth"),
        dict(region="B", year=2022, metric="cpi_growth"),
    )
    c = ps.coverage(df).set_index(["region", "year", "metric"])["status"].astype(str)
    assert c["A", 2021, "gdp_growth"] == "extracted"
    assert c["A", 2021, "cpi_growth"] == "not_in_document"
    assert c["A", 2022, "gdp_growth"] == "no_document"
    assert c["B", 2022, "cpi_growth"] == "extracted"
    assert c["B", 2023, "gdp_growth"] == "no_document"
    assert len(c) == 2 * 3 * 2  # regions x years 2021-2023 x metrics


def test_hardness_default_and_override():
    df = make_frame(
        dict(qualifier_text="确保…不低于", qualifier="at_least"),
        dict(region="B", qualifier_text="力争…以上", qualifier="at_least"),
        dict(region="C", qualifier_text="左右", qualifier="approx"),
        dict(region="D"),
    )
    assert ps.hardness(df).tolist() == ["hard", "soft", "soft", "unmarked"]
    assert ps.hardness(df, words={"力争": "hard"}).tolist() == ["hard", "hard", "soft", "unmarked"]
    with pytest.raises(ps.ArgumentError, match="'hard' or 'soft'"):
        ps.hardness(df, words={"力争": "firm"})


# -- attainment ------------------------------------------------------------------------


def _actual(region, year, value, metric="gdp_growth"):
    return dict(region=region, year=year, metric=metric, value=value)


@pytest.mark.parametrize(
    "target, actual, met",
    [
        (dict(value=8.0, qualifier="at_least"), 8.0, True),  # exactly on target
        (dict(value=8.0, qualifier="at_least"), 7.9, False),
        (dict(value=4.0, qualifier="at_most", metric="urban_unemployment_rate", kind="share"), 4.0, True),
        (dict(value=4.0, qualifier="at_most", metric="urban_unemployment_rate", kind="share"), 4.1, False),
        (dict(value=12.0, qualifier="approx"), 12.5, True),  # at the tolerance
        (dict(value=12.0, qualifier="approx"), 11.5, True),
        (dict(value=12.0, qualifier="approx"), 12.6, False),
        (dict(value=8.0, value_high=10.0, qualifier="range"), 10.0, True),
        (dict(value=8.0, value_high=10.0, qualifier="range"), 7.9, False),
        (dict(value=8.0), 9.3, True),  # exact: a floor by default
        (dict(value=-3.0, qualifier="at_least", verb="下降", metric="energy_intensity_change"), -3.5, True),
        (dict(value=-3.0, qualifier="at_least", verb="下降", metric="energy_intensity_change"), -2.0, False),
        (
            dict(value=300.0, qualifier="approx", metric="new_high_tech_enterprises", kind="level", unit="家"),
            315.0,
            True,
        ),
        (
            dict(value=300.0, qualifier="approx", metric="new_high_tech_enterprises", kind="level", unit="家"),
            316.0,
            False,
        ),
    ],
)
def test_attainment_by_qualifier(target, actual, met):
    df = make_frame(target)
    metric = target.get("metric", "gdp_growth")
    a = ps.attainment(df, pd.DataFrame([_actual("A", 2022, actual, metric)]), approx_as="band")
    assert a["met"].tolist() == [met]
    assert a["gap"].round(6).tolist() == [
        round(actual - (target["value"] + target.get("value_high", target["value"])) / 2, 6)
    ]


def test_attainment_exact_as_approx_and_tolerance():
    df = make_frame(dict(value=8.0))
    actual = pd.DataFrame([_actual("A", 2022, 9.3)])
    assert ps.attainment(df, actual, exact_as="approx")["met"].tolist() == [False]
    assert ps.attainment(df, actual, exact_as="approx", tolerance=1.5)["met"].tolist() == [True]


def test_attainment_lists_targets_without_actuals():
    df = make_frame(dict(value=8.0), dict(region="B", value=9.0))
    a = ps.attainment(df, pd.DataFrame([_actual("A", 2022, 8.5)]))
    assert a["region"].tolist() == ["A", "B"]
    assert a["met"].tolist()[0] is True and a["met"].isna().tolist() == [False, True]


def test_attainment_converts_units_of_actuals():
    df = make_frame(
        dict(metric="new_urban_jobs", kind="level", unit="万人", value=1.0, qualifier="at_least", verb="新增")
    )
    actual = pd.DataFrame([dict(region="A", year=2022, metric="new_urban_jobs", value=12000, unit="人")])
    a = ps.attainment(df, actual)
    assert a["actual"].tolist() == [1.2] and a["met"].tolist() == [True]


def test_attainment_from_results_the_plans_report():
    plan_2022 = "A区2022年工作要点\n主要预期目标是：地区生产总值增长9%以上，城镇新增就业1.2万人。"
    plan_2023 = (
        "A区2023年工作要点\n2022年，全区地区生产总值增长9.3%，城镇新增就业1.1万人。\n"
        "主要预期目标是：地区生产总值增长8%左右。"
    )
    df = pd.concat(
        [ps.extract_text(plan_2022, doc="a2022.txt"), ps.extract_text(plan_2023, doc="a2023.txt")], ignore_index=True
    )
    assert df[df.record == "result"][["year", "metric", "value"]].values.tolist() == [
        [2022, "gdp_growth", 9.3],
        [2022, "new_urban_jobs", 1.1],
    ]
    a = ps.attainment(df)
    got = a[["year", "metric", "value", "actual", "met"]].astype(object).values.tolist()
    assert got == [
        [2022, "gdp_growth", 9.0, 9.3, True],
        [2022, "new_urban_jobs", 1.2, 1.1, False],
        [2023, "gdp_growth", 8.0, np.nan, pd.NA],
    ] or [r[:4] for r in got] == [
        [2022, "gdp_growth", 9.0, 9.3],
        [2022, "new_urban_jobs", 1.2, 1.1],
        [2023, "gdp_growth", 8.0, got[2][3]],
    ]
    assert a["met"].tolist()[:2] == [True, False] and a["met"].isna().tolist()[2]
    assert (
        a["actual_source"].tolist()[0] == "a2023.txt: 地区生产总值增长9.3%"
    )  # 全区: a word of scope, before the indicator


# -- bad input -------------------------------------------------------------------------


def test_unknown_metric_suggests_close_names(data):
    with pytest.raises(ps.ArgumentError, match=r"'gdp_grwth' is not known. Did you mean 'gdp_growth'"):
        ps.compare(data, "gdp_grwth")


def test_unknown_region_suggests_close_names(data):
    with pytest.raises(ps.ArgumentError, match=r"Did you mean 'Xixian New Area'"):
        ps.compare(data, "gdp_growth", regions="Xixian New Aera")


def test_bad_options_name_the_parameter(data):
    with pytest.raises(ps.ArgumentError, match=r"`range_as` must be one of \['mid', 'low', 'high'\], but 'middle'"):
        ps.compare(data, "gdp_growth", range_as="middle")
    with pytest.raises(ps.ArgumentError, match="exact_as"):
        ps.attainment(data, exact_as="floor")


@pytest.mark.parametrize(
    "text, message",
    [
        ("region,year,value\nA,2022,8\n", r"missing column\(s\) \['metric'\]"),
        (
            "region,year,metric,value\nA,2022,gdp_growth,8\nA,2023,gdp_growth,eight\n",
            r"line 3, column 'value': 'eight' is not a number",
        ),
        ("region,year,metric,value\nA,22x,gdp_growth,8\n", r"line 2, column 'year': '22x' is not a year"),
        (
            "region,year,metric,value\nA,2022,gdp_grwth,8\n",
            r"line 2, column 'metric': unknown metric id 'gdp_grwth'. Did you mean 'gdp_growth'",
        ),
        (
            "region,year,metric,value\nA,2022,gdp_growth,8\nB,2022,gdp_growth,8\nA,2022,gdp_growth,9\n",
            r"line 4: duplicate of line 2",
        ),
        ("region,year,metric,value\nA,2022,gdp_growth\n", r"line 2: wrong number of fields"),
        # a decimal comma was read as a separator of thousands: 9,3 → 93
        (
            'region,year,metric,value\nA,2022,gdp_growth,"9,3"\n',
            r"line 2, column 'value': '9,3' has a decimal comma; write it with a point \(9.3\)",
        ),
        (
            'region,year,metric,value\nA,2022,gdp_growth,"1234,567"\n',
            r"line 2, column 'value': '1234,567' is not a number",
        ),
        # Python's digit separators: 9_3 was read as 93, 2_024 as 2024
        ("region,year,metric,value\nA,2022,gdp_growth,9_3\n", r"line 2, column 'value': '9_3' is not a number"),
        ("region,year,metric,value\nA,2_024,gdp_growth,9\n", r"line 2, column 'year': '2_024' is not a year"),
        (
            "region,year,metric,value\nA,1900,gdp_growth,8\n",
            r"line 2, column 'year': 1900 is not a plan year \(1949 to 2100\)",
        ),
    ],
)
def test_bad_actuals_file_names_line_and_column(tmp_path, text, message):
    path = tmp_path / "actuals.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ps.DataFileError, match=message) as err:
        ps.attainment(make_frame(dict(value=8.0)), path)
    assert str(path) in str(err.value)


def test_empty_results_are_empty_frames_with_columns():
    df = make_frame(dict(value=8.0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ps.compare(df, "cpi_growth").empty
        y = ps.yoy(df, "cpi_growth")
        assert y.empty and {"change", "period", "years_apart"} <= set(y.columns)
        r = ps.rank(df, "cpi_growth")
        assert r.empty and "rank" in r.columns
        a = ps.attainment(df, metrics="cpi_growth")
        assert a.empty and "met" in a.columns
        assert ps.summary(df, "cpi_growth").empty
        assert ps.amplification(df, "cpi_growth").empty


def test_packed_sort_keys_sort_like_the_keys_themselves():
    from planstats.cells import _packed

    rng = np.random.default_rng(0)
    for high in (5, 2**40):  # keys that fit in one int64 when packed, and keys that do not
        keys = [rng.integers(-3, high, 500) for _ in range(3)]
        start = rng.integers(0, 10, 500)
        assert len(_packed(*keys)) == (1 if high == 5 else 3)
        assert (np.lexsort((start, *_packed(*keys))) == np.lexsort((start, *keys[::-1]))).all()


def test_actuals_keep_thousands_and_warn_of_regions_no_document_names(tmp_path):
    path = tmp_path / "actuals.csv"
    path.write_text('region,year,metric,value\nA,2022,gdp_growth,"1,234.5"\nB区,2022,gdp_growth,8\n', encoding="utf-8")
    with pytest.warns(
        ps.PlanstatsWarning, match="1 region\\(s\\) of the actuals are named by no document of the dataset.*B区"
    ):
        out = ps.attainment(make_frame(dict(value=8.0)), path)
    assert out["actual"].tolist() == [1234.5]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda df: ps.extract_text("GDP增长6%", year="2023"), r"`year` must be an int.*'2023' \(str\)"),
        (
            lambda df: ps.extract("data/raw/004_8503dda5db454a12.txt", year="2021"),
            r"`year` must be an int.*'2021' \(str\)",
        ),
        (lambda df: ps.extract_text("GDP增长6%", region=610112), r"`region` must be a str.*610112 \(int\)"),
        (lambda df: ps.compare(df, "gdp_growth", year="2022"), r"`year` must be an int.*'2022' \(str\)"),
        (lambda df: ps.compare(df, "gdp_growth", year=22), r"`year` must be a plan year from 1949 to 2100, but 22"),
        (lambda df: ps.rank(df, "gdp_growth", year=2022.0), r"`year` must be an int.*2022.0 \(float\)"),
        (lambda df: ps.coverage(df, years="2022"), r"`years` must be a plan year or a list of them"),
        (lambda df: ps.yoy(df, "gdp_growth", regions=5), r"`regions` must be a name or a list of names, but 5 \(int\)"),
        (
            lambda df: ps.compare(df, "gdp_growth", regions=["西咸新区", None]),
            r"`regions` must hold names \(str\), but it holds None",
        ),
        (lambda df: ps.load(years=["2022"]), r"`years` must be an int.*'2022' \(str\)"),
        (lambda df: ps.plot.heatmap(df, year="2021"), r"`year` must be an int"),
    ],
)
def test_a_wrong_argument_names_itself_its_value_and_what_is_allowed(data, call, message):
    """Before: a TypeError from inside pandas, or (compare with year="2022") an empty frame."""
    with pytest.raises(ps.ArgumentError, match=message):
        call(data)


def test_a_missing_actuals_file_is_not_called_a_rule_file(tmp_path):
    with pytest.raises(ps.DataFileError, match=r"nope.csv: actuals file not found; check the path"):
        ps.read_actuals(tmp_path / "nope.csv")


def test_an_approximate_target_is_read_as_a_band_or_a_floor_and_the_reading_is_told_once(monkeypatch):
    monkeypatch.setattr(ps.outcomes, "_APPROX_TOLD", [])
    df = make_frame(dict(value=6.0, qualifier="approx", qualifier_text="左右"))
    actual = pd.DataFrame([_actual("A", 2022, 7.5)])
    assert ps.attainment(df, actual, approx_as="band")["met"].tolist() == [False]
    assert ps.attainment(df, actual, approx_as="floor")["met"].tolist() == [True]
    assert ps.attainment(df, pd.DataFrame([_actual("A", 2022, 5.6)]), approx_as="floor")["met"].tolist() == [
        True
    ]  # 6 less 0.5
    assert ps.attainment(df, pd.DataFrame([_actual("A", 2022, 5.4)]), approx_as="floor")["met"].tolist() == [False]
    with pytest.warns(ps.PlanstatsWarning, match="read as a band.*approx_as='floor'.*once a session"):
        assert ps.attainment(df, actual)["met"].tolist() == [False]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ps.attainment(df, actual)  # not again
    with pytest.raises(ps.ArgumentError, match="`approx_as` must be one of \\['band', 'floor'\\]"):
        ps.attainment(df, actual, approx_as="two-sided")


def test_against_plan_sets_each_annual_target_beside_the_five_year_plans():
    plan = ps.extract_text(
        "某县“十四五”规划纲要\n主要目标：到2025年，地区生产总值年均增长6%左右，高新技术企业达到300家。",
        region="某县",
        year=2021,
        doc="plan.txt",
    )
    years = [
        ps.extract_text(
            f"主要预期目标是：地区生产总值增长{g}%左右，高新技术企业达到{n}家。", region=r, year=y, doc=f"{r}{y}.txt"
        )
        for r, y, g, n in [
            ("某县", 2021, 7, 200),
            ("某县", 2023, 6.5, 250),
            ("某县", 2026, 5, 320),
            ("另县", 2023, 8, 100),
        ]
    ]
    a = ps.against_plan(pd.concat([plan, *years]))
    got = {
        (r.metric, r.year): (r.value, r.plan_value, r.plan_from, r.plan_to, r.difference, r.difference_unit)
        for r in a.itertuples()
    }
    assert got == {
        ("gdp_growth", 2021): (7.0, 6.0, 2021, 2025, 1.0, "pp"),  # a yearly average over 2021-2025
        ("gdp_growth", 2023): (6.5, 6.0, 2021, 2025, 0.5, "pp"),
        ("high_tech_enterprises_total", 2021): (
            200.0,
            300.0,
            2021,
            2025,
            -100.0,
            "家",
        ),  # a level for the plan's last year
        ("high_tech_enterprises_total", 2023): (250.0, 300.0, 2021, 2025, -50.0, "家"),
    }  # 2026 is after the plan; 另县 has no plan
    assert set(a["plan_raw"]) == {"地区生产总值年均增长6%左右", "高新技术企业达到300家"}
    assert ps.against_plan(pd.concat([plan, *years]), metrics="gdp_growth")["metric"].unique().tolist() == [
        "gdp_growth"
    ]
    assert ps.against_plan(years[0]).empty


def test_metrics_is_the_name_wherever_one_or_more_are_taken_and_the_old_one_still_works(data):
    """compare, targets and conflicts took one or more metrics as `metric=`, attainment and coverage as `metrics=`."""
    import inspect

    for func in (
        ps.compare,
        ps.targets,
        ps.conflicts,
        ps.attainment,
        ps.coverage,
        ps.against_plan,
        ps.load,
        ps.plot.heatmap,
    ):
        assert "metrics" in inspect.signature(func).parameters and "metric" not in inspect.signature(func).parameters, (
            func.__name__
        )
    for func in (ps.yoy, ps.rank, ps.summary, ps.amplification, ps.plot.compare, ps.plot.trajectory, ps.plot.yoy):
        assert "metric" in inspect.signature(func).parameters, func.__name__  # exactly one
    with pytest.warns(FutureWarning, match=r"compare\(\): `metric=` is now `metrics=`"):
        old = ps.compare(data, metric="gdp_growth")
    pd.testing.assert_frame_equal(old, ps.compare(data, metrics="gdp_growth"))
    with pytest.warns(FutureWarning, match="targets"):
        assert len(ps.targets(data, metric="gdp_growth")) == len(ps.targets(data, "gdp_growth"))
    with pytest.raises(ps.ArgumentError, match="pass `metrics=` only"):
        ps.compare(data, metric="gdp_growth", metrics="gdp_growth")
