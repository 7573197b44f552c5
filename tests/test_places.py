"""Regions by code and year: resolution of names, the region columns of a dataset, filters by
code, and amplification on a corpus of mixed levels."""

import shutil
import warnings

import pandas as pd
import pytest
from conftest import GOLDEN, RAW, ROOT

import planstats as ps
from planstats import places
from planstats.errors import ArgumentError, DataFileError

DEV = ROOT.parent / "shared" / "dev-corpus" / "docs"
PLAN = "{title}\n\n主要预期目标是：地区生产总值增长{gdp}%左右，城镇登记失业率控制在4%以内。\n"


@pytest.mark.parametrize(
    "name, year, match, code",
    [
        ("西安市未央区", 2021, "exact", "610112"),  # a chain of names
        ("陕西省西安市未央区", 2021, "exact", "610112"),
        ("西安未央区", 2021, "exact", "610112"),  # a prefecture's short name opens the chain
        ("绵阳市涪城区", 2019, "exact", "510703"),
        ("610112", 2021, "exact", "610112"),  # a code
        ("涪城区", 2019, "unique", "510703"),  # one unit has the name that year
        ("十堰", 2022, "unique", "420300"),  # a prefecture's short name
        ("襄樊市", 2009, "unique", "420600"),
        ("襄阳市", 2009, "unique", "420600"),  # renamed in 2010: the nearest year's unit
        ("户县", 2015, "unique", "610125"),
        ("鄠邑区", 2017, "unique", "610118"),
        ("市中区", 2021, "ambiguous", None),  # four units share it
        ("鼓楼区", 2021, "ambiguous", None),
        ("西咸新去", 2021, "none", None),  # a misspelling
        ("", 2021, "none", None),
    ],
)
def test_a_name_resolves_by_plan_year(name, year, match, code):
    found = places.resolve(name, year)
    assert (found.match, found.code) == (match, code)


def test_a_renamed_unit_keeps_its_stable_id():
    table = ps.regions()

    def ids(code, name):
        return set(table.loc[(table["code"] == code) & (table["name"] == name), "id"])

    assert len(ids("610125", "户县")) == 1 and ids("610125", "户县") == ids("610118", "鄠邑区")
    assert len(ids("420600", "襄樊市")) == 1 and ids("420600", "襄樊市") == ids("420600", "襄阳市")


def test_an_ambiguous_name_lists_its_candidates_and_context_settles_it():
    found = places.resolve("市中区", 2021)
    assert found.match == "ambiguous" and found.code is None
    assert "370103 山东省济南市市中区" in found.candidates and "511002 四川省内江市市中区" in found.candidates
    assert places.resolve("市中区", 2021, context="乐山市/市中区").code == "511102"
    assert places.resolve("市中区", 2021, context="山东省").match == "ambiguous"  # two of them are in Shandong
    assert places.resolve("市中区", 2021, context="济南 枣庄").match == "ambiguous"  # the context names two: no guess


def test_functional_areas_and_zones_are_placed_under_their_regions():
    xixian = places.resolve("西咸新区", 2022)
    assert (xixian.match, xixian.code, xixian.parent, xixian.province, xixian.prefecture) == (
        "exact",
        None,
        "610000",
        "陕西省",
        None,
    )
    assert places.resolve("陕西西咸新区", 2022).unit == "西咸新区"  # an alias
    qinhan = places.resolve("秦汉新城", 2022)
    assert (qinhan.parent, qinhan.prefecture) == ("西咸新区", "咸阳市")
    zone = places.resolve("十堰高新区", 2022)
    assert (zone.code, zone.level, zone.parent, zone.prefecture) == (None, "zone", "420300", "十堰市")
    assert places.resolve("市中区经济开发区", 2022).match == "ambiguous"  # its host is
    assert (
        places.resolve("历城经济开发区", 2022).parent == "370112"
    )  # a county's short name: 历城区 (not 历城县 of 1986)
    assert places.resolve("苏州工业园区", 2022).parent == "320500"
    assert places.resolve("朝阳经济开发区", 2022).match == "ambiguous"  # 朝阳区 of Beijing and of Changchun, 朝阳市


def test_a_users_name_is_a_manifest_match():
    assert places.resolve("未央区", 2021, given=True).match == "manifest"
    assert places.resolve("市中区", 2021, given=True).match == "ambiguous"


def test_public_region_and_regions():
    found = ps.region("未央区", year=2021)
    assert isinstance(found, ps.Place) and (found.code, found.prefecture, found.province) == (
        "610112",
        "西安市",
        "陕西省",
    )
    table = ps.regions(2024)
    # the Ministry's count of the end of 2024: 34 provinces, 333 prefectures, 2,846 counties
    assert table["level"].value_counts()[["province", "prefecture", "county"]].tolist() == [34, 333, 2846]
    assert table["code"].notna().sum() == 34 + 333 + 2846
    assert table.set_index("name").loc["XX新城", "parent"] == "西咸新区"
    assert table.set_index("name").loc["西咸新区", "name_en"] == "Xixian New Area"
    with pytest.raises(ArgumentError, match="`name`"):
        ps.region(610112)
    with pytest.raises(ArgumentError, match="`year`"):
        ps.region("未央区", year="2021")


def _codes(df: pd.DataFrame) -> dict[str, tuple]:
    first = df.groupby("doc", observed=True).first()
    return {
        doc: (
            None if pd.isna(r.region_code) else r.region_code,
            r.province,
            None if pd.isna(r.prefecture) else r.prefecture,
        )
        for doc, r in first.iterrows()
    }


def _golden() -> dict[str, tuple]:
    gold = pd.read_csv(GOLDEN / "regions.csv", dtype=str, keep_default_na=False)
    return {r.doc: (r.region_code or None, r.province, r.prefecture or None) for r in gold.itertuples()}


def test_the_seeds_resolve_from_their_text(tmp_path):
    for path in RAW.glob("*.txt"):  # without the manifest of data/raw
        shutil.copy(path, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = _codes(ps.extract([tmp_path], progress=False))
    gold = _golden()
    assert got == {doc: gold[doc] for doc in got} and len(got) == 5


@pytest.mark.skipif(not DEV.is_dir(), reason=f"no development corpus at {DEV}")
def test_the_dev_corpus_resolves_to_the_right_codes(tmp_path):
    for path in DEV.glob("*.txt"):
        shutil.copy(path, tmp_path)
    (tmp_path / "manifest.csv").write_text("file,region,year\nhx_04.txt,未央区,2021\n", encoding="utf-8")
    got = _codes(ps.extract([tmp_path], progress=False))
    gold = _golden()
    assert got == {doc: gold[doc] for doc in got} and len(got) == 11


def _plans(root, plans):
    for rel, title, gdp in plans:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(PLAN.format(title=title, gdp=gdp), encoding="utf-8")


def test_a_corpus_of_folders_by_province_prefecture_county_resolves(tmp_path):
    _plans(
        tmp_path,
        [
            ("山东省/济南市/市中区/2021.txt", "2021年政府工作报告", 6),  # no region in the title: the folders
            ("山东省/枣庄市/市中区/2021.txt", "市中区2021年政府工作报告", 6.5),  # a shared name: the folders settle it
            ("四川省/乐山市/市中区/2021.txt", "市中区2021年政府工作报告", 7),
            ("陕西省/西安市/未央区/2021.txt", "2021年政府工作报告", 7.5),
            ("陕西省/西安市/2021.txt", "2021年政府工作报告", 6),
            ("misc/2021.txt", "市中区2021年政府工作报告", 8),  # nothing settles it
        ],
    )
    with pytest.warns(
        ps.PlanstatsWarning, match="^1 document.* several units share.*misc/2021.txt.*市中区.*370103 山东省济南市市中区"
    ):
        df = ps.extract([tmp_path], progress=False)
    first = df.drop_duplicates("doc").set_index("doc")
    got = dict(
        zip(
            first.index.astype(str),
            zip(first["region"].astype(str), first["region_code"], first["region_match"].astype(str), strict=False),
            strict=False,
        )
    )
    assert got == {
        "山东省/济南市/市中区/2021.txt": ("市中区", "370103", "context"),
        "山东省/枣庄市/市中区/2021.txt": ("市中区", "370402", "context"),
        "四川省/乐山市/市中区/2021.txt": ("市中区", "511102", "context"),
        "陕西省/西安市/未央区/2021.txt": ("未央区", "610112", "unique"),
        "陕西省/西安市/2021.txt": ("西安市", "610100", "unique"),
        "misc/2021.txt": ("市中区", pd.NA, "ambiguous"),
    }


def test_a_manifest_code_settles_a_shared_name(tmp_path):
    _plans(tmp_path, [("a.txt", "市中区2021年政府工作报告", 6)])
    (tmp_path / "manifest.csv").write_text("file,region,year,region_code\na.txt,市中区,2021,511002\n", encoding="utf-8")
    row = ps.extract(tmp_path / "a.txt").iloc[0]
    assert (row.region, row.region_code, row.prefecture, row.region_match) == ("市中区", "511002", "内江市", "manifest")
    (tmp_path / "manifest.csv").write_text("file,region,year,region_code\na.txt,市中区,2021,51100\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="manifest.csv, line 2: region_code '51100' is not a six-digit"):
        ps.extract(tmp_path / "a.txt")


def test_a_region_argument_may_be_a_code():
    df = ps.extract_text(PLAN.format(title="2021年政府工作报告", gdp=6), region="370103", year=2021)
    assert df[["region", "region_code", "prefecture", "region_match"]].iloc[0].tolist() == [
        "市中区",
        "370103",
        "济南市",
        "manifest",
    ]


def test_load_filters_by_code_and_finds_a_unit_however_it_was_written(tmp_path):
    _plans(
        tmp_path,
        [
            ("a.txt", "西安市未央区2022年政府工作报告", 7),
            ("b.txt", "未央区2023年政府工作报告", 8),
            ("c.txt", "西安市2022年政府工作报告", 6),
        ],
    )
    for out in (tmp_path / "t.csv", tmp_path / "folder"):
        ps.build([tmp_path], out=out, progress=False)
        assert set(ps.load(out, regions="610112")["doc"]) == {"a.txt", "b.txt"}
        assert set(ps.load(out, regions=610112)["doc"]) == {"a.txt", "b.txt"}
        assert set(ps.load(out, regions="未央区")["doc"]) == {"a.txt", "b.txt"}
        assert set(ps.load(out, regions=["西安市"])["doc"]) == {"c.txt"}


def test_a_dataset_without_the_region_columns_gets_them(tmp_path, corpus):
    path = tmp_path / "old.csv"
    corpus.drop(columns=list(ps.dataset.PLACE_COLUMNS)).to_csv(path, index=False)
    back = ps.load(path)
    first = back.drop_duplicates("region").set_index("region")
    assert first.loc["新城区", "region_match"] == "ambiguous"  # with no context: never a guess
    assert (first.loc["西咸新区", "region_match"], first.loc["西咸新区", "province"]) == ("exact", "陕西省")


def test_amplification_places_every_region_of_a_mixed_corpus_or_says_why(tmp_path):
    _plans(
        tmp_path,
        [
            ("sx22.txt", "陕西省2022年政府工作报告", 5.5),
            ("sx23.txt", "陕西省2023年政府工作报告", 5.5),
            ("xa22.txt", "西安市2022年政府工作报告", 6),
            ("wy22.txt", "西安市未央区2022年政府工作报告", 7),
            ("wy23.txt", "未央区2023年政府工作报告", 8),
            ("xx22.txt", "西咸新区2022年政府工作报告", 9),
            ("qh22.txt", "秦汉新城2022年政府工作报告", 10),
            ("szq22.txt", "市中区2022年政府工作报告", 6.5),
            ("yq22.txt", "某某产业园区2022年政府工作报告", 12),
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = ps.extract([tmp_path], progress=False)
    with pytest.warns(
        ps.PlanstatsWarning,
        match=r"2 region\(s\) could not be placed.*市中区 \(a name several units share\), "
        r"某某产业园区 \(in no region table\)",
    ):
        ps.amplification(df, "gdp_growth")
    with pytest.warns(ps.PlanstatsWarning, match=r"1 region\(s\).*市中区") as caught:
        a = ps.amplification(df, "gdp_growth", parents={"某某产业园区": "西安市"})
    assert len(caught) == 1
    got = {
        (r.region, r.year): (
            r.parent,
            None if pd.isna(r.parent_code) else r.parent_code,
            r.parent_level,
            r.parent_value,
        )
        for r in a.itertuples()
    }
    assert got == {
        ("西安市", 2022): ("陕西省", "610000", "province", 5.5),
        ("未央区", 2022): ("西安市", "610100", "prefecture", 6.0),  # 西安市未央区 as written: one unit, one label
        ("未央区", 2023): ("陕西省", "610000", "province", 5.5),  # no plan of 西安市 for 2023: the province's
        ("西咸新区", 2022): ("陕西省", "610000", "province", 5.5),
        ("秦汉新城", 2022): ("西咸新区", None, "state-level new area", 9.0),
        ("某某产业园区", 2022): ("西安市", "610100", "prefecture", 6.0),
    }
    assert a.loc[a.region == "未央区", "region_code"].unique().tolist() == ["610112"]
    with pytest.raises(ArgumentError, match="`parents`"):
        ps.amplification(df, "gdp_growth", parents=[("a", "b")])


def test_a_bad_row_of_the_region_table_names_its_line(tmp_path, monkeypatch):
    for bad, message in [
        ("甲新区,,new area,,乙省不存在,,", "line 2: '乙省不存在' is none in 2024"),
        ("甲新区,,new area,999999,,,", "line 2: code '999999' is no code"),
        ("甲新区,,new area,,,,", "line 2: '甲新区' has no code and no parent"),
    ]:
        path = tmp_path / "regions.csv"
        path.write_text(",".join(places.AREA_COLUMNS) + "\n" + bad + "\n", encoding="utf-8")
        monkeypatch.setattr(places, "AREAS", path)
        for cached in (places._area_rows, places._lookup, places._regions, places.aliases):
            cached.cache_clear()
        with pytest.raises(DataFileError, match=message):
            places.resolve("甲新区", 2024)
    for cached in (places._area_rows, places._lookup, places._regions, places.aliases):
        cached.cache_clear()


def test_any_county_titled_by_its_name_in_its_folders_resolves_to_its_code(tmp_path):
    """300 county-level units of 2022 drawn at random (names shared by several units among them,
    names that simplified script changes: 乾安县 → 干安县, names whose level opens them: 西乡塘区)."""
    counties = ps.regions(2022).query("level == 'county'").sample(n=300, random_state=7)
    for i, r in enumerate(counties.itertuples()):
        folder = tmp_path / r.province / (r.prefecture if isinstance(r.prefecture, str) else "")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i}.txt").write_text(PLAN.format(title=f"{r.name}2022年工作要点", gdp=6), encoding="utf-8")
    for extra, code in (("乾安县", "220723"), ("西乡塘区", "450107")):
        folder = tmp_path / "more"
        folder.mkdir(exist_ok=True)
        (folder / f"{code}.txt").write_text(PLAN.format(title=f"{extra}2022年工作要点", gdp=6), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = ps.extract([tmp_path], progress=False).drop_duplicates("doc")
    want = {
        f"{r.province}/{r.prefecture}/{i}.txt" if isinstance(r.prefecture, str) else f"{r.province}/{i}.txt": r.code
        for i, r in enumerate(counties.itertuples())
    }
    want.update({"more/220723.txt": "220723", "more/450107.txt": "450107"})
    assert dict(zip(df["doc"].astype(str), df["region_code"], strict=False)) == want
    assert set(df["region_match"]) <= {"unique", "context"}


def _shared_names_corpus(root):
    _plans(
        root,
        [
            ("山东省/济南市/市中区/2021.txt", "2021年政府工作报告", 6.5),
            ("山东省/枣庄市/市中区/2021.txt", "市中区2021年政府工作报告", 7.5),
            ("山东省/济南市/2021.txt", "2021年政府工作报告", 6),
            ("山东省/枣庄市/2021.txt", "2021年政府工作报告", 7),
            ("a/2021.txt", "西安市未央区2021年政府工作报告", 8),
            ("b/2022.txt", "未央区2022年政府工作报告", 8.5),
            ("misc/2021.txt", "市中区2021年政府工作报告", 9),  # nothing settles it: no unit
        ],
    )
    with pytest.warns(ps.PlanstatsWarning, match="several units share"):
        return ps.extract([root], progress=False)


def test_analyses_key_by_the_unit_never_by_the_name_as_written(tmp_path):
    df = _shared_names_corpus(tmp_path)
    with pytest.warns(ps.PlanstatsWarning, match=r"1 target\(s\) of 1 region name\(s\) have no unit.*: 市中区\. "):
        t = ps.targets(df, "gdp_growth")
    # one row per unit and year: two 市中区 (370103, 370402), one 未央区 however written, the unplaced name apart
    got = {
        (r.region, r.year): (r.value, None if pd.isna(r.region_id) else r.region_id, r.conflict) for r in t.itertuples()
    }
    assert got == {
        ("济南市市中区", 2021): (6.5, "370103", False),
        ("枣庄市市中区", 2021): (7.5, "370402", False),
        ("济南市", 2021): (6.0, "370100", False),
        ("枣庄市", 2021): (7.0, "370400", False),
        ("未央区", 2021): (8.0, "610112", False),
        ("未央区", 2022): (8.5, "610112", False),
        ("市中区", 2021): (9.0, None, False),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        table = ps.compare(df, "gdp_growth")
        assert table.loc["济南市市中区", 2021] == 6.5 and table.loc["枣庄市市中区", 2021] == 7.5
        assert table.loc["未央区"].tolist() == [8.0, 8.5] and len(table) == 6  # 7 documents, 6 units and names
        assert ps.compare(df, "gdp_growth", regions="西安市未央区").index.tolist() == ["未央区"]
        assert ps.compare(df, "gdp_growth", regions="370402").index.tolist() == ["枣庄市市中区"]
        r = ps.rank(df, "gdp_growth", year=2021)
        assert r.set_index("region").loc[["济南市市中区", "枣庄市市中区"], "value"].tolist() == [6.5, 7.5]
        assert len(r) == 6 and r["region"].is_unique
        y = ps.yoy(df, "gdp_growth")
        assert y[["region", "period", "change"]].round(1).values.tolist() == [["未央区", "2021→2022", 0.5]]
        assert ps.conflicts(df, "gdp_growth").empty
        c = ps.coverage(df, metrics="gdp_growth")
        extracted = c[c.status == "extracted"]
        assert sorted(zip(extracted["region"], extracted["year"], strict=True)) == sorted(got)
        a = ps.amplification(df, "gdp_growth").set_index("region")
    # each 市中区 against its own prefecture
    assert a.loc["济南市市中区", ["parent", "parent_value"]].tolist() == ["济南市", 6.0]
    assert a.loc["枣庄市市中区", ["parent", "parent_value"]].tolist() == ["枣庄市", 7.0]
    assert "市中区" not in a.index  # no unit: named in a warning, never merged into one


def test_attainment_meets_a_units_targets_however_the_actuals_name_it(tmp_path):
    df = _shared_names_corpus(tmp_path)
    actual = pd.DataFrame(
        {"region": ["西安市未央区", "济南市市中区"], "year": [2022, 2021], "metric": "gdp_growth", "value": [9.0, 7.0]}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        a = ps.attainment(df, actual, metrics="gdp_growth", approx_as="floor").set_index(["region", "year"])
    assert a.loc[("未央区", 2022), "actual"] == 9.0 and a.loc[("济南市市中区", 2021), "actual"] == 7.0
    assert pd.isna(a.loc[("枣庄市市中区", 2021), "actual"])


@pytest.mark.parametrize(
    "name, year, match, code",
    [
        ("庐江县", 2011, "unique", "341421"),  # in January 2011 still of 巢湖市 (to 合肥市 in 2011: 340124)
        ("庐江县", 2012, "unique", "340124"),
        ("户县", 2016, "unique", "610125"),  # 鄠邑区 from 2016: a plan of January 2016 still says 户县
        ("鄠邑区", 2016, "unique", "610118"),
        ("莱芜市", 2018, "unique", "371200"),  # merged into 济南市 in 2018
        ("莱芜市", 2019, "unique", "371200"),  # within two years
        ("襄阳市", 2008, "unique", "420600"),  # named in 2010: within two years
        ("莱芜市", 2023, "historical", "371200"),  # no unit has the name within two years: the unit it had
        ("合江地区", 2023, "historical", "232400"),  # a prefecture of 1983, never unique
        ("永川地区", 2023, "historical", "512100"),
        ("371200", 2023, "historical", "371200"),  # a code not in force
        ("371200", 2017, "exact", "371200"),
    ],
)
def test_a_plan_reads_the_divisions_of_its_january_and_a_far_name_is_historical(name, year, match, code):
    found = places.resolve(name, year)
    assert (found.match, found.code) == (match, code)


def test_a_historical_region_is_kept_under_its_name_and_never_taken_for_a_unit():
    df = pd.concat(
        [
            ps.extract_text(PLAN.format(title="", gdp=6), region="莱芜市", year=2017),
            ps.extract_text(PLAN.format(title="", gdp=7), region="莱芜市", year=2023),
        ]
    )
    assert df.drop_duplicates("year")["region_match"].tolist() == ["manifest", "historical"]
    with pytest.warns(ps.PlanstatsWarning, match=r"1 target\(s\) of 1 region name\(s\) have no unit.*莱芜市"):
        t = ps.targets(df, "gdp_growth")
    # two keys: the unit (labelled with its province, as a name with no unit shares its name) and the name
    assert t[["region", "year", "value"]].values.tolist() == [["山东省莱芜市", 2017, 6.0], ["莱芜市", 2023, 7.0]]
    assert t["region_id"].isna().tolist() == [False, True]


@pytest.mark.parametrize(
    "name, context, match, code",
    [
        ("合江", "", "ambiguous", None),  # 合江县's short name (and 合江地区's, of 1983): never the prefecture alone
        ("合江", "四川省/泸州市", "context", "510522"),  # a folder supports it
        ("长沙", "", "ambiguous", None),  # 长沙市, and 长沙县's short name
        ("长沙", "湖南省/长沙市", "context", "430100"),  # the folder names the prefecture itself
        ("长沙", "湖南省/长沙市/长沙县", "context", "430121"),
        ("长沙市", "", "unique", "430100"),
        ("河北", "", "ambiguous", None),  # 河北省, and 天津's 河北区
        ("河北", "天津市", "context", "120105"),
        ("历城", "", "ambiguous", None),  # a county's short name alone
        ("历城", "山东省/济南市", "context", "370112"),
        ("济南历城", "", "exact", "370112"),  # its parent written before it
        ("十堰", "", "unique", "420300"),  # a prefecture's short name that no county has
    ],
)
def test_a_short_name_resolves_only_with_support(name, context, match, code):
    found = places.resolve(name, 2023, context=context)
    assert (found.match, found.code) == (match, code)
    assert places.resolve("历城", 2023, given=True).code == "370112"  # a manifest supports it


def test_context_trusts_places_over_mentions_in_the_text():
    text = (
        "市中区2021年政府工作报告\n\n全区经济平稳。主动融入省会济南发展。\n主要预期目标是：地区生产总值增长6%左右。\n"
    )
    assert ps.extract_text(text, year=2021)["region_match"].iloc[0] == "ambiguous"  # one mention settles nothing
    chain = text.replace("全区经济平稳。", "枣庄市市中区经济平稳。")
    assert ps.extract_text(chain, year=2021)["region_code"].iloc[0] == "370402"  # the parent written before it
    many = text.replace("全区经济平稳。", "全区经济平稳。枣庄发展，枣庄建设，枣庄提升。")
    assert ps.extract_text(many, year=2021)["region_code"].iloc[0] == "370402"  # named throughout
    assert places.resolve("市中区", 2021, context=("山东省/枣庄市", places.Mentions("省会济南，济南，济南"))).code == (
        "370402"
    )  # a folder before the running text


def test_the_stable_id_follows_a_unit_across_renames_and_no_two_units_share_one():
    table = ps.regions().dropna(subset=["code"])
    ids = dict(zip(zip(table["name"], table["code"], strict=True), table["id"], strict=True))  # (name, code) → id
    assert ids[("太谷县", "140726")] == ids[("太谷区", "140703")]  # 太谷县 → 太谷区 (2019): one series
    assert ids[("阿城市", "230181")] == ids[("阿城区", "230112")]
    assert (
        ids[("户县", "610125")] == ids[("鄠邑区", "610118")] and ids[("襄樊市", "420600")] == ids[("襄阳市", "420600")]
    )
    assert ids[("白下区", "320103")] != ids[("秦淮区", "320104")]  # merged into 秦淮区 in 2013: two units until then
    for year in range(1980, 2025):
        now = ps.regions(year).dropna(subset=["code"])
        assert now["id"].is_unique, now.loc[now["id"].duplicated(keep=False), ["code", "name", "id"]]


def _gdp(region, year, value):
    return ps.extract_text(f"主要预期目标是：地区生产总值增长{value}%。", region=region, year=year)


def test_yoy_follows_a_unit_across_a_rename():
    df = pd.concat(
        [
            _gdp("户县", 2016, 8),  # a plan of January 2016: 户县 (鄠邑区 from 2016)
            _gdp("鄠邑区", 2017, 7.5),
            _gdp("襄樊市", 2009, 12),
            _gdp("襄阳市", 2011, 14),
            _gdp("太谷县", 2018, 7),
            _gdp("太谷区", 2019, 6.5),
        ]
    )
    y = ps.yoy(df, "gdp_growth")
    assert y[["region", "period", "change"]].values.tolist() == [
        ["太谷区", "2018→2019", -0.5],
        ["襄阳市", "2009→2011", 2.0],
        ["鄠邑区", "2016→2017", -0.5],
    ]
    assert len(ps.compare(df, "gdp_growth")) == 3


def test_crosswalk_maps_a_panel_onto_one_years_units():
    df = pd.concat(
        [
            _gdp("户县", 2016, 8),
            _gdp("鄠邑区", 2017, 7.5),
            _gdp("莱芜市", 2018, 6.5),  # a prefecture merged into 济南市 (2019)
            _gdp("济南市", 2018, 7),
            _gdp("白下区", 2012, 10),  # merged into 秦淮区 (2013)
            _gdp("西咸新区", 2022, 12),  # a functional area stays itself
            _gdp("371200", 2023, 5),  # a code not in force within two years: historical, no unit
        ]
    )
    with pytest.warns(ps.PlanstatsWarning, match="no unit"):
        ps.targets(df, "gdp_growth")
    out = ps.crosswalk(df, base_year=2020)
    got = [
        (r, y, None if pd.isna(b) else b, c)
        for r, y, b, c in out[["region", "year", "base_region", "crosswalk"]].itertuples(index=False)
    ]
    assert got == [
        ("户县", 2016, "鄠邑区", "rename"),
        ("鄠邑区", 2017, "鄠邑区", "same"),
        ("莱芜市", 2018, "济南市", "merge"),
        ("济南市", 2018, "济南市", "same"),
        ("白下区", 2012, "秦淮区", "merge"),
        ("西咸新区", 2022, "西咸新区", "same"),
        ("莱芜市", 2023, None, "none"),
    ]
    assert out.loc[out["region"] == "莱芜市", "base_code"].iloc[0] == "370100"
    assert ps.crosswalk(df, base_year=2016).iloc[1][["base_region", "crosswalk"]].tolist() == ["鄠邑区", "same"]
    assert ps.crosswalk(df, base_year=2014).iloc[1][["base_region", "crosswalk"]].tolist() == ["户县", "rename"]
    with pytest.raises(ArgumentError, match="crosswalk\\(\\) needs the columns \\['region_id'\\]"):
        ps.crosswalk(df.drop(columns="region_id"), base_year=2020)


def _shared_county_names(year):
    """The county-level units at the end of ``year`` whose name another county-level unit has too."""
    counties = ps.regions(year).query("level == 'county'")
    return counties[counties["name"].duplicated(keep=False)].sort_values(["name", "code"])


def test_a_corpus_of_folders_gives_every_row_its_unit_and_every_analysis_one_row_per_unit(tmp_path):
    """At least 60 small documents in province/prefecture/county folders: every county-level name that several
    units share (plans of 2024, the units of the end of 2023), units across their rename year, zones named after
    a host inside its folder."""
    shared = _shared_county_names(2023)
    assert shared["name"].nunique() >= 25 and len(shared) >= 60
    want = {}  # document → (code, prefecture)
    for i, r in enumerate(shared.itertuples()):
        parts = [r.province, r.prefecture if isinstance(r.prefecture, str) else None, r.name]
        rel = "/".join(p for p in parts if p) + "/2024.txt"
        _plans(tmp_path, [(rel, f"{r.name}2024年政府工作报告", round(4 + i * 0.05, 2))])
        want[rel] = (r.code, r.prefecture if isinstance(r.prefecture, str) else None)
    renamed = [
        ("陕西省/西安市/户县/2016.txt", "户县2016年政府工作报告", 8, "610125"),
        ("陕西省/西安市/鄠邑区/2017.txt", "鄠邑区2017年政府工作报告", 7.5, "610118"),
        ("湖北省/襄樊市/2009.txt", "襄樊市2009年政府工作报告", 12, "420600"),
        ("湖北省/襄阳市/2011.txt", "襄阳市2011年政府工作报告", 14, "420600"),
        ("山西省/晋中市/太谷县/2018.txt", "太谷县2018年政府工作报告", 7, "140726"),
        ("山西省/晋中市/太谷区/2019.txt", "太谷区2019年政府工作报告", 6.5, "140703"),
    ]
    _plans(tmp_path, [(rel, title, gdp) for rel, title, gdp, _ in renamed])
    want.update({rel: (code, None) for rel, _, _, code in renamed})
    zones = [
        ("湖南省/长沙市/长沙高新区/2022.txt", "长沙高新区2022年工作要点", 9),  # 长沙市's, not 长沙县's
        ("湖南省/长沙市/长沙县/长沙经济技术开发区/2022.txt", "长沙经济技术开发区2022年工作要点", 9.5),  # 长沙县's
    ]
    _plans(tmp_path, zones)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing ambiguous, nothing guessed from running text
        df = ps.extract([tmp_path], progress=False)
    first = df.drop_duplicates("doc").set_index("doc")
    assert len(first) == len(want) + len(zones) >= 60
    got = {
        rel: (first.loc[rel, "region_code"], first.loc[rel, "prefecture"] if p else None)
        for rel, (_, p) in want.items()
    }
    assert got == want
    assert first.loc[zones[0][0], ["region_id", "prefecture"]].tolist() == ["长沙高新区", "长沙市"]
    assert places.resolve("长沙经济技术开发区", 2022, context="湖南省/长沙市/长沙县").parent == "430121"
    assert places.resolve("长沙高新区", 2022, context="湖南省/长沙市").parent == "430100"
    assert places.resolve("长沙高新区", 2022).match == "ambiguous"  # with no folder: 长沙市 or 长沙县
    # every analysis: one row per unit and year, none dropped, none merged
    units = len(shared) + 3 + len(zones)  # the shared names, three renamed units, two zones
    t = ps.targets(df, "gdp_growth")
    assert len(t) == len(first) and t["region_id"].notna().all()
    assert t.groupby(["region_id", "year"]).size().max() == 1
    assert len(ps.compare(df, "gdp_growth")) == units
    assert ps.compare(df, "gdp_growth").index.is_unique
    ranked = ps.rank(df, "gdp_growth", year=2024)
    assert len(ranked) == len(shared) and ranked["region"].is_unique
    assert ps.conflicts(df, "gdp_growth").empty
    c = ps.coverage(df, metrics="gdp_growth")
    assert (c["status"] == "extracted").sum() == len(first)
    y = ps.yoy(df, "gdp_growth")
    assert sorted(y["region"]) == ["太谷区", "襄阳市", "鄠邑区"]
    a = ps.amplification(df, "gdp_growth")
    assert len(a) == len(first) and a.groupby(["region", "year"]).size().max() == 1
    labels = set(ps.compare(df, "gdp_growth").index)
    assert {"北京市朝阳区", "长春市朝阳区"} <= labels and "朝阳区" not in labels  # shared names carry their parent


def test_the_resolution_figures_of_every_unit_stand_in_the_docs_and_none_is_wrong():
    """Every unit of the end of 2015 and 2023, by full, prefixed and short name (scripts/resolution.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("resolution", ROOT / "scripts" / "resolution.py")
    resolution = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(resolution)
    for year in (2015, 2023):
        counts = resolution.figures(year)
        assert counts["full"]["wrong"] == counts["prefixed"]["wrong"] == 0
        assert counts["prefixed"]["right"] == sum(counts["prefixed"].values())  # a prefixed name is never in doubt
        for kind, name, code, _ in resolution.names(year):
            outcome, found = resolution.outcome(name, code, year + 1)
            if kind == "short" and found.code and outcome in ("right", "wrong"):  # never a unit of another time
                assert places._in_force(found.code, year + 1, found.unit), (name, found)
    assert resolution.markdown([2015, 2023]) in (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")


def test_a_build_warns_of_a_document_whose_region_no_unit_has_in_its_years(tmp_path):
    _plans(tmp_path, [("a.txt", "莱芜市2023年政府工作报告", 6), ("b.txt", "济南市2023年政府工作报告", 6)])
    with pytest.warns(ps.PlanstatsWarning, match=r"^1 document\(s\) have a region that no unit has.*a.txt.*371200"):
        df = ps.extract([tmp_path], progress=False)
    assert df.drop_duplicates("doc")["region_match"].tolist() == ["historical", "unique"]
