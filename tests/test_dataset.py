import io
import math
import warnings

import pandas as pd
import pytest
from conftest import SEEDS

import planstats as ps
from planstats.dataset import COLUMNS, empty, rules_fingerprint
from planstats.read.normalize import normalize
from planstats.titles import title_info


def test_every_row_cites_its_source_exactly(corpus):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
    assert len(corpus) > 0
    for r in corpus.itertuples(index=False):
        assert texts[r.doc][r.start : r.end] == r.raw
    assert corpus["value"].map(math.isfinite).all()


def test_traditional_documents_are_cited_in_traditional(corpus):
    raw = corpus.loc[corpus["doc"].str.startswith("003"), "raw"]
    assert raw.str.contains("增長").any()


def test_bundled_dataset_is_the_build_of_the_corpus(corpus):
    """data/targets.csv is rebuilt by `make data`, never edited: it must equal a fresh build."""
    bundled = ps.load()
    pd.testing.assert_frame_equal(
        bundled.reset_index(drop=True), corpus.reset_index(drop=True), check_categorical=False
    )


def test_load_returns_the_contract():
    df = ps.load()
    assert tuple(df.columns) == COLUMNS
    assert isinstance(df["section"].dtype, pd.CategoricalDtype) and df["section"].cat.ordered
    assert isinstance(df["metric"].dtype, pd.CategoricalDtype)
    assert str(df["year"].dtype) == "Int64"
    assert set(df["region"].unique()) == {"西咸新区", "XX新城", "西安高新区", "新城区"}
    assert set(df["doc_sha256"].str.len()) == {64}


def test_region_and_year_from_titles():
    assert title_info("西安高新區2021年工作要點\n") == ("西安高新区", 2021)
    assert title_info("《西咸新区2023年工作要点.docx》由会员分享") == ("西咸新区", 2023)
    assert title_info("某某县人民政府2020年政府工作报告") == ("某某县", 2020)
    assert title_info("关于做好工作的通知") == (None, None)


@pytest.mark.parametrize(
    "title, expected",
    [
        ("2024年某某区工作要点\n", ("某某区", 2024)),  # the year first
        ("2024年某某县人民政府工作报告\n", ("某某县", 2024)),
        ("2021年西安高新区工作要点", ("西安高新区", 2021)),
        ("2024年政府工作报告\n", (None, 2024)),  # no region named
        # a work report dated on its second line: delivered early in the plan year, at the congress of its region
        ("政府工作报告\n——2024年1月10日在某某县第十八届人民代表大会第四次会议上\n某某县县长 张三\n", ("某某县", 2024)),
        ("某某区人民政府工作报告\n——2024年1月10日在某某区第五届人民代表大会第三次会议上\n", ("某某区", 2024)),
        ("政府工作报告\n\n2024年1月10日在西安市第十七届人民代表大会第四次会议上", ("西安市", 2024)),
        # the report on the plan: the year of the new plan, not of the one carried out
        ("关于某某县2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n", ("某某县", 2024)),
        ("关于某某县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n", ("某某县", 2024)),
        ("某某镇2023年工作总结和2024年工作计划\n", ("某某镇", 2024)),
        (
            "某某县人民政府2023年度工作总结\n",
            ("某某县", 2024),
        ),  # a summary alone: its plan, if any, is for the year after
        ("某某县2023年招商引资工作总结\n", ("某某县", 2024)),
        (
            "某某区二〇二四年工作要点\n",
            ("某某区", 2024),
        ),  # a year in Chinese numerals  # a summary and a plan: the plan's year
        # what the plan plans, between the year and the kind of plan: no region
        ("某某区2024年国民经济和社会发展计划\n", ("某某区", 2024)),
        ("2024年国民经济和社会发展计划\n", (None, 2024)),
        ("某某县2024年经济社会发展工作要点\n", ("某某县", 2024)),
        # issued by a department, or by the party committee with the government: the region of the issuer
        ("西安市雁塔区商务局2024年工作计划\n", ("西安市雁塔区", 2024)),
        ("雁塔区发展和改革委员会2024年工作要点\n", ("雁塔区", 2024)),
        ("中共某某县委 某某县人民政府关于2024年工作要点的通知\n", ("某某县", 2024)),
        ("某某县人民政府关于印发2024年工作要点的通知\n", ("某某县", 2024)),
        ("某某县人民政府办公室2024年工作要点\n", ("某某县", 2024)),
        # what kind of tasks, before the kind of plan: no region
        ("关于印发《某某区2024年重点工作任务》的通知\n", ("某某区", 2024)),
        ("2024年重点工作任务\n", (None, 2024)),
        ("2024年工作要点\n", (None, 2024)),
        # the year in the title and the place in the dateline after it
        ("2024年政府工作报告——在某某市第十五届人民代表大会第三次会议上\n", ("某某市", 2024)),
        ("2024年政府工作报告\n——2024年1月20日在某某市第十五届人民代表大会第三次会议上\n", ("某某市", 2024)),
        ("政府工作报告（2024年1月8日在某某区第二届人民代表大会第四次会议上）\n", ("某某区", 2024)),  # in brackets
        # the congress abbreviated (十八届人大, no 第), or at a level with no name: the year all the same
        ("政府工作报告\n——2024年1月10日在某某区十八届人大四次会议上\n", ("某某区", 2024)),
        ("某某县政府工作报告\n——2024年1月10日在县十八届人大四次会议上\n", ("某某县", 2024)),
        # the date in Chinese numerals, as printed on the cover of the report
        ("政府工作报告\n——二〇二四年一月十日在某某县第十八届人民代表大会第四次会议上\n", ("某某县", 2024)),
        ("某某区政府工作报告\n——二〇二四年二月二十八日在区十八届人大四次会议上\n", ("某某区", 2024)),
        ("政府工作报告（二○二五年十二月三十一日在某某区第二届人民代表大会第四次会议上）\n", ("某某区", 2025)),
        ("政府工作报告\n——2026年1月8日在县第十八届人民代表大会第五次会议上\n", (None, 2026)),
        # a title with no year: the region it names, and the year that the main targets name (not a time limit)
        (
            "某某县人民政府工作要点\n到2030年的主要目标是：……\n2026年全县经济社会发展的主要预期目标是：GDP增长6%。",
            ("某某县", 2026),
        ),
        ("某某区商务局工作计划\n一、主要目标\n三、2025年主要目标任务\n", ("某某区", 2025)),
        ("政府工作报告\n各位代表：\n今年主要预期目标是：GDP增长6%。", (None, None)),
        ("工作要点\n2024年主要预期目标：GDP增长6%。", (None, 2024)),
        # the issuer before 关于, when the plan's own name holds no region (县政府, 全县)
        ("某某县人民政府关于印发2024年县政府工作要点的通知\n", ("某某县", 2024)),
        ("中共某某县委 某某县人民政府关于印发《2024年全县重点工作任务》的通知\n", ("某某县", 2024)),
        ("某某市人民政府关于下达2024年国民经济和社会发展计划的通知\n", ("某某市", 2024)),
        # the region of the plan after the issuer and 关于印发
        ("某某市人民政府办公室关于印发某某市2024年政府工作报告重点工作分工方案的通知\n", ("某某市", 2024)),
        # a party committee with no region after it: the region before it
        ("某某新区党工委管委会2024年工作要点\n", ("某某新区", 2024)),
        ("中共某某县委2024年工作要点\n", ("某某县", 2024)),
        ("某某镇党委镇政府2024年工作计划\n", ("某某镇", 2024)),
        ("某某区委办公室2024年工作要点\n", ("某某区", 2024)),  # an office of the committee
        ("某某街道办事处2024年工作要点\n", ("某某街道", 2024)),
        # the targets of development as the kind of plan; but 目标任务 alone is text
        ("某某县2024年度经济社会发展主要目标任务\n", ("某某县", 2024)),
        ("某某县2024年国民经济和社会发展目标任务分解\n", ("某某县", 2024)),
        ("为确保完成2024年目标任务，制定如下措施。\n", (None, None)),
        # the title of a web page: the article and the site, joined by _ - |
        ("关于印发某某县2024年政府工作要点的通知_某某县人民政府\n", ("某某县", 2024)),
        ("某某县人民政府 - 关于印发2024年工作要点的通知\n", ("某某县", 2024)),
        ("某某县人民政府｜2024年政府工作报告\n", (None, 2024)),  # the site is not always the region of the plan
        # a plan on one subject: the region, not the subject, wherever the subject stands
        ("青山县2024年招商引资工作要点\n", ("青山县", 2024)),
        ("2024年青山县优化营商环境工作要点\n", ("青山县", 2024)),
        ("青山县人民政府关于印发青山县2024年乡村振兴工作要点的通知\n", ("青山县", 2024)),
        ("2024年招商引资工作计划\n", (None, 2024)),  # no region named: none, rather than the subject
        ("2024年全县农业农村工作要点\n", (None, 2024)),
        ("西安市雁塔区城市更新2024年工作计划\n", ("西安市雁塔区", 2024)),
        ("2024年丰州区优化营商环境工作要点\n", ("丰州区", 2024)),  # 州 inside a name, a level after it
        ("2024年安乡县县域经济工作要点\n", ("安乡县", 2024)),  # 县域: a subject that opens with a level
        ("青山县2024年乡村振兴和市场监管工作要点\n", ("青山县", 2024)),
        # a plan of a range of years: the year that opens it
        ("青山县2024—2026年招商引资三年行动计划\n", ("青山县", 2024)),
        ("青山县2024年至2026年工作计划\n", ("青山县", 2024)),
        # a five-year plan: its first year
        ("青山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n", ("青山县", 2021)),
        ("青山县国民经济和社会发展第十三个五年规划纲要（草案）\n", ("青山县", 2016)),
        ("关于印发《青山县“十四五”工业发展规划》的通知\n", ("青山县", 2021)),
        ("青山县“十四五”规划纲要实施中期评估报告\n", (None, None)),  # a report on the plan, not the plan
        ("今年是“十四五”规划的关键之年\n", (None, None)),
        # a province in brackets, the kind of plan in 《》, after a web page's menu
        ("导航菜单\n\n(湖北省)某某市某某区2023年《政府工作报告》重点工作分解意见\n", ("某某市某某区", 2023)),
        ("（湖北省）某某市某某区2023年政府工作报告重点工作分解意见\n", ("某某市某某区", 2023)),
        # a news report of a work report: the place of the congress that has a level (not the headline's 某某),
        # and the latest year that the text calls the year of its plan
        # (the year it reviews tells the plan year: the next)
        ("某某二届人大二次会议开幕\n4月21日，某某区二届人大二次会议开幕。报告回顾了2021年工作。\n", ("某某区", 2022)),
        (
            "某某区描绘2025年发展蓝图\n1月9日，某某市某某区第十九届人民代表大会第四次会议召开。\n2024年是极不平凡的一年。2025年是“十四五”规划的收官之年。\n",
            ("某某市某某区", 2025),
        ),
        ("某某区第七届人民代表大会第八次会议开幕\n", ("某某区", None)),
        ("新闻\n2023年是全面贯彻党的二十大精神的开局之年。\n", (None, 2023)),
        # a title of 全市 with no region: the unit of that level that the text names (by full or short name)
        ("2022年全市国民经济和社会发展计划报告\n支持十堰高新区建设，推动十堰产业技术研究院落地。\n", ("十堰市", 2022)),
        ("2022年全区工作要点\n全区经济平稳，增速排名全市第二。\n", (None, 2022)),  # a rank in the city is no scope
        ("2022年全区工作要点\n全区推进朝阳大道建设。\n", (None, 2022)),  # 朝阳区 of Beijing and of Changchun: no guess
        ("2022年全区工作要点\n全区对接雁塔、碑林两区。\n", (None, 2022)),  # two named as often
        # no word of scope: the bodies it names tell the level (市第九次党代会), not those of a named region (十堰市委)
        ("三、2022年重点工作安排\n落实好市第九次党代会部署。珠海发展仍处于重要战略机遇期。\n", ("珠海市", 2022)),
        ("2022年工作要点\n根据十堰市委部署，推进十堰高新区建设。\n", (None, 2022)),
        (
            "2022年全市工作要点\n深化珠澳合作，推进合作区建设。\n",
            (None, 2022),
        ),  # 合作 is a word, not 合作市 (a county's short name)
    ],
)
def test_region_and_year_from_other_forms_of_title(title, expected):
    assert title_info(title) == expected


def test_the_title_is_read_from_the_normalized_text_as_extraction_sees_it():
    text = "西安高新區２０２１年工作要點\n１、\n正文"
    assert title_info(normalize(text)) == title_info(text) == ("西安高新区", 2021)
    # the page markers of a document (a numbered series that cuts sentences) are cut before
    # the title is read, even when the first lines hold only one of them
    body = "".join(f"第{i}行，\n" + ("" if i % 7 else f"{i // 7 + 2}、") for i in range(1, 40))
    marked = "西咸新\n2、区2022年工作要点\n" + body
    assert title_info(marked) == ("西咸新区", 2022)


def test_manifest_wins_over_the_title(tmp_path):
    (tmp_path / "plan.txt").write_text("甲区2020年工作要点\n主要预期目标是：地区生产总值增长6%。", encoding="utf-8")
    df = ps.extract(tmp_path / "plan.txt")
    assert (df["region"].item(), df["year"].item()) == ("甲区", 2020)
    (tmp_path / "manifest.csv").write_text("file,region,year\nplan.txt,乙区,2021\n", encoding="utf-8")
    df = ps.extract(tmp_path / "plan.txt")
    assert (df["region"].item(), df["year"].item()) == ("乙区", 2021)


def test_bad_manifest_names_the_line(tmp_path):
    (tmp_path / "plan.txt").write_text("甲区2020年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,region,year\nplan.txt,乙区,twenty\n", encoding="utf-8")
    with pytest.raises(ps.DataFileError, match=r"manifest\.csv, line 2: year 'twenty'"):
        ps.extract(tmp_path / "plan.txt")


def test_a_fragment_without_title_keeps_its_targets_and_warns():
    with pytest.warns(ps.PlanstatsWarning, match="manifest.csv row .* region=/year="):
        df = ps.extract_text("据报道，该区今年地区生产总值增长7%左右。")
    assert df["value"].tolist() == [7.0]
    assert df["region"].isna().all() and df["year"].isna().all()


def test_no_targets_gives_an_empty_frame_with_the_contract():
    with pytest.warns(ps.PlanstatsWarning, match="no targets"):
        df = ps.extract_text("甲区2020年工作要点\n加强党的建设。")
    assert df.empty and tuple(df.columns) == COLUMNS
    ps.validate(df)


def test_build_goes_past_bad_files_and_reports_them(tmp_path):
    good = tmp_path / "corpus"
    good.mkdir()
    for p in SEEDS[:2]:
        (good / p.name).write_bytes(p.read_bytes())
    (good / "empty.txt").write_bytes(b"")
    (good / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (good / "bad.txt").write_bytes("增长".encode() + b"\xff\xfe\xfa\xfb" * 3)
    with pytest.warns(ps.PlanstatsWarning, match="3 document\\(s\\) could not be read"):
        df = ps.extract([good], workers=2)
    assert sorted(df["doc"].unique()) == sorted(p.name for p in SEEDS[:2])
    assert sorted(f["path"].rsplit("/", 1)[1] for f in df.attrs["failures"]) == ["bad.txt", "empty.txt", "image.txt"]


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_write_and_load_round_trip(tmp_path, corpus, suffix):
    path = ps.write(corpus, tmp_path / f"targets.{suffix}")
    back = ps.load(path)
    pd.testing.assert_frame_equal(back, corpus.reset_index(drop=True), check_categorical=False)
    assert [p.name for p in tmp_path.iterdir()] == [f"targets.{suffix}"]  # no temporary file left


FIVE_YEAR_PLAN = "某某县国民经济和社会发展第十四个五年规划纲要\n到2025年，地区生产总值达到300亿元，年均增长6%左右。\n"


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet", ""])
def test_the_first_year_of_a_yearly_average_is_written_and_loaded(tmp_path, suffix):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.txt").write_text(FIVE_YEAR_PLAN, encoding="utf-8")
    out = tmp_path / (f"targets.{suffix}" if suffix else "targets")
    ps.build([tmp_path / "plans"], out=out, workers=1, progress=False)
    df = ps.load(out)
    assert df[["metric", "year", "average_from", "value"]].astype(object).values.tolist() == [
        ["gdp", 2025, pd.NA, 300.0],
        ["gdp_growth", 2025, 2021, 6.0],
    ]
    assert str(df["average_from"].dtype) == "Int64"


def test_a_dataset_of_an_earlier_planstats_loads_with_no_first_years(tmp_path, corpus):
    path = tmp_path / "old.csv"
    corpus.drop(columns="average_from").to_csv(path, index=False)
    back = ps.load(path)
    assert list(back.columns) == list(COLUMNS) and back["average_from"].isna().all()
    pd.testing.assert_frame_equal(back, corpus.reset_index(drop=True), check_categorical=False)


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_metric_id_this_taxonomy_lacks_is_kept_with_a_warning_not_lost(tmp_path, corpus, suffix):
    """A dataset built by another planstats (or taxonomy) may hold ids this one does not know."""
    ids = corpus["metric"].astype(object).where(corpus["metric"].notna(), None).tolist()
    ids[0], ids[1] = "a_metric_of_a_newer_taxonomy", "another_one"
    path = tmp_path / f"newer.{suffix}"
    frame = corpus.assign(metric=ids)
    frame.to_csv(path, index=False) if suffix == "csv" else frame.to_parquet(path, index=False)
    with pytest.warns(ps.PlanstatsWarning, match="not in the taxonomy.*'a_metric_of_a_newer_taxonomy', 'another_one'"):
        back = ps.load(path)
    assert back["metric"].astype(object).where(back["metric"].notna(), None).tolist() == ids
    ps.validate(back)


def test_a_failed_write_leaves_the_previous_file_intact(tmp_path, corpus, monkeypatch):
    path = ps.write(corpus, tmp_path / "targets.csv")
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(KeyboardInterrupt):
        ps.write(corpus.head(3), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["targets.csv"]


def test_validate_rejects_a_broken_frame(corpus):
    with pytest.raises(ps.SchemaError, match="missing column"):
        ps.validate(corpus.drop(columns=["raw"]))
    bad = corpus.copy()
    bad.loc[bad.index[0], "value"] = float("inf")
    with pytest.raises(ps.SchemaError, match="'value' must be finite"):
        ps.validate(bad)
    with pytest.raises(ps.ArgumentError, match="`format` must be one of"):
        ps.write(corpus, "out.xlsx")


def test_empty_frame_validates():
    ps.validate(empty())


def test_written_files_get_the_usual_mode_not_the_private_one_of_a_temporary_file(tmp_path, corpus):
    import os
    import stat

    mask = os.umask(0o022)
    try:
        path = ps.write(corpus, tmp_path / "targets.csv")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "manifest, message",
    [
        ("file,region\nplan.txt,乙区\n", r"missing column\(s\) \['year'\]"),
        ("file,region,year\nplan.txt,乙区,2021\nplan.txt,丙区,2021\n", r"line 3: 'plan.txt' is listed twice"),
        ("file,region,year\n,乙区,2021\n", r"line 2: empty file name"),
        ("file,region,year\nplan.txt,乙区,2021,extra\n", r"line 2: wrong number of fields"),
    ],
)
def test_manifest_is_checked_line_by_line(tmp_path, manifest, message):
    (tmp_path / "plan.txt").write_text("甲区2020年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    with pytest.raises(ps.DataFileError, match=message):
        ps.extract(tmp_path / "plan.txt")


def test_the_national_region_table_by_year():
    from planstats import places

    df = places.table()
    now = df[(df["first_year"] <= 2024) & (df["last_year"] >= 2024)]
    assert now["level"].value_counts().to_dict() == {"county": 2846, "prefecture": 333, "province": 34}
    # a rename keeps the stable id: 襄樊市 → 襄阳市 (2010), 户县 → 鄠邑区 (2016)
    by_name = df.set_index("name")
    assert by_name.loc["襄樊市", "id"] == by_name.loc["襄阳市", "id"] and by_name.loc["襄阳市", "first_year"] == 2010
    assert by_name.loc["鄠邑区", "id"] in set(df.loc[df["name"] == "户县", "id"])
    assert by_name.loc["未央区", "parent"] == by_name.loc["西安市", "code"]


@pytest.mark.parametrize(
    "raw, written",
    [
        ('=HYPERLINK("http://x")增长6%', "'=HYPERLINK"),
        ("@SUM(A1)", "'@SUM"),
        ("-A1+1", "'-A1"),
        ("-3.1", "-3.1"),
        ("增长6%", "增长6%"),
    ],
)
def test_csv_cells_a_spreadsheet_would_run_are_escaped_and_read_back_exact(tmp_path, raw, written):
    from conftest import make_frame

    df = make_frame(dict(raw=raw, metric_text=raw))
    for fmt in ("csv", "jsonl", "parquet"):
        path = ps.write(df, tmp_path / f"d.{fmt}")
        assert ps.load(path)["raw"].tolist() == [raw]  # exact again when loaded
    cell = (tmp_path / "d.csv").read_text(encoding="utf-8").splitlines()[1]
    assert written in cell and (written == raw or f",{raw}" not in cell)
    import json

    assert json.loads((tmp_path / "d.jsonl").read_text(encoding="utf-8"))["raw"] == raw  # JSONL as it is


def test_extract_and_build_return_one_type_each_and_the_old_calls_still_work(tmp_path):
    one = ps.extract("data/raw/004_8503dda5db454a12.txt")
    many = ps.extract(["data/raw"], workers=1)
    assert isinstance(one, pd.DataFrame) and isinstance(many, pd.DataFrame) and set(one["doc"]) < set(many["doc"])
    assert list(ps.rejects(one).columns) == ["doc", "start", "end", "raw", "reason"] and len(ps.rejects(one)) > 0
    assert isinstance(ps.build(["data/raw"], out=tmp_path / "t.csv", workers=1, progress=False), ps.BuildReport)
    with pytest.warns(FutureWarning, match=r"extract\(with_rejects=True\) is deprecated.*planstats.rejects"):
        old, rejected = ps.extract("data/raw/004_8503dda5db454a12.txt", with_rejects=True)
    pd.testing.assert_frame_equal(old, one)
    pd.testing.assert_frame_equal(rejected, ps.rejects(one))
    with pytest.warns(FutureWarning, match=r"extract_text\(with_rejects=True\)"):
        assert len(ps.extract_text("主要预期目标是：GDP增长6%。", region="某县", year=2024, with_rejects=True)) == 2
    with pytest.warns(FutureWarning, match=r"build\(\) without out= is deprecated.*planstats.extract\(paths\)"):
        pd.testing.assert_frame_equal(ps.build(["data/raw"], workers=1), many)
    with pytest.raises(ps.ArgumentError, match="carries no rejects"):
        ps.rejects(many)
    with pytest.raises(ps.ArgumentError, match="apply to one document"):
        ps.extract(["data/raw"], year=2024)
    joined = pd.concat([one, ps.extract("data/raw/000_3e3dedbcbccbc1ab.txt")])  # frames with rejects still concatenate
    assert len(joined) > len(one)


def test_write_stata_and_a_csv_for_excel(tmp_path, corpus):
    ps.write(corpus, tmp_path / "t.dta")
    back = pd.read_stata(tmp_path / "t.dta")
    assert len(back) == len(corpus) and back["raw"].tolist() == corpus["raw"].astype(str).tolist()
    assert back["region_code"].tolist() == corpus["region_code"].fillna("").astype(str).tolist()
    assert back["span_start"].tolist() == corpus["start"].tolist()  # start/end are reserved words in Stata
    with pd.io.stata.StataReader(tmp_path / "t.dta") as reader:
        labels, written_by = reader.variable_labels(), reader.data_label
    assert labels["region_code"] == "Division code of the region in the plan year"
    assert written_by == f"planstats {ps.__version__}, rules {rules_fingerprint()}"
    ps.write(corpus, tmp_path / "excel.csv", encoding="utf-8-sig")
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc,")  # Excel reads UTF-8 with its BOM
    pd.testing.assert_frame_equal(ps.load(tmp_path / "excel.csv"), ps.load(ps.write(corpus, tmp_path / "plain.csv")))
    with pytest.raises(ps.ArgumentError, match="`encoding` must be 'utf-8' or 'utf-8-sig'"):
        ps.write(corpus, tmp_path / "x.csv", encoding="gbk")


def test_text_longer_than_a_stata_string_is_written_whole_as_strL(tmp_path, corpus):
    long = corpus.head(3).copy()
    long["metric_text"] = long["metric_text"] + "指" * 1000  # 3,000 bytes of UTF-8: over Stata's 2,045
    ps.write(long, tmp_path / "long.dta")
    assert pd.read_stata(tmp_path / "long.dta")["metric_text"].tolist() == long["metric_text"].tolist()


def test_a_written_parquet_dataset_records_the_version_and_rules_that_wrote_it(tmp_path, corpus):
    from planstats.dataset import rules_fingerprint

    want = {"version": ps.__version__, "rules": rules_fingerprint()}
    assert ps.load(ps.write(corpus, tmp_path / "t.parquet")).attrs["built_with"] == want
    ps.build(["data/raw"], out=tmp_path / "folder", workers=1, progress=False)
    assert ps.load(tmp_path / "folder").attrs["built_with"] == want
    old = tmp_path / "old.parquet"
    corpus.to_parquet(old, index=False)  # as an earlier planstats wrote it
    assert ps.load(old).attrs["built_with"] == {}


def test_frames_of_planstats_go_to_parquet_with_pandas_without_a_warning(tmp_path):
    """Their attrs (rejects, paths, the dataset behind a table) are held so that pandas writes nothing of them."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ps.extract("data/raw/004_8503dda5db454a12.txt").to_parquet(tmp_path / "one.parquet")
        ps.compare(ps.load(), "gdp_growth").to_parquet(tmp_path / "table.parquet")
        ps.extract(["data/raw"], workers=1).to_parquet(tmp_path / "many.parquet")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: d.assign(raw=d["raw"].astype(str)), id="str for string"),
        pytest.param(lambda d: pd.read_csv(io.StringIO(d.to_csv(index=False))), id="read_csv: str for category"),
        pytest.param(lambda d: d.assign(start=d["start"] + pd.array([0] * len(d), dtype="Int64")), id="Int64"),
        pytest.param(lambda d: d.assign(region=d["region"].astype(object)), id="object for category"),
        pytest.param(lambda d: d[list(reversed(d.columns))], id="columns in another order"),
    ],
)
def test_validate_and_write_accept_what_pandas_makes_of_a_dataset(change, tmp_path):
    data = ps.load()
    changed = change(data)
    checked = ps.validate(changed)
    assert list(checked.columns) == list(COLUMNS)
    assert all(checked[c].dtype == data[c].dtype for c in COLUMNS if c != "metric")
    pd.testing.assert_frame_equal(checked, data, check_categorical=False)
    back = ps.load(ps.write(changed, tmp_path / "d.csv"))
    pd.testing.assert_frame_equal(back, data, check_categorical=False)


def test_validate_still_refuses_what_cannot_be_converted():
    data = ps.load()
    with pytest.raises(ps.SchemaError, match=r"column 'qualifier' has values \['about'\] outside"):
        ps.validate(data.assign(qualifier=data["qualifier"].astype(str).replace("approx", "about")))
    with pytest.raises(ps.SchemaError, match="column 'start' cannot be read as int64"):
        ps.validate(data.assign(start=data["start"].astype("Int64").mask(data.index == 3)))
    with pytest.raises(ps.SchemaError, match="column 'year' cannot be read as Int64"):
        ps.validate(data.assign(year=data["year"].astype(float) + 0.5))


def test_the_level_of_each_region_is_a_column():
    from conftest import make_frame

    df = make_frame(*(dict(region=r) for r in ("陕西省", "西安市", "未央区", "西咸新区", "西安高新区", "某某无名地")))
    assert df["level"].astype(object).where(df["level"].notna(), None).tolist() == [
        "province",
        "prefecture",
        "county",
        "zone",
        "zone",
        None,  # no region planstats knows: no level, and the row is kept
    ]
    assert list(df["level"].cat.categories) == ["province", "prefecture", "county", "zone"]
    built = ps.load()
    assert set(built["level"].dropna()) == {"zone", "county"} and built["level"].notna().all()
