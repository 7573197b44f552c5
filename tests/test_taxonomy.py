import warnings

import pytest

import planstats as ps
from planstats.errors import DataFileError
from planstats.taxonomy import _aliases, _candidates, load_taxonomy, match_metric

REQUIRED = """gdp_growth industrial_value_added_growth fixed_asset_investment_growth industrial_investment_growth
high_tech_industry_investment_growth high_tech_industry_output_growth services_value_added_growth
strategic_emerging_value_added_growth construction_value_added_growth retail_sales_growth fiscal_revenue_growth
tax_revenue_share domestic_investment_inflow foreign_investment new_market_entities_growth new_enterprises_growth
urban_income_growth rural_income_growth rd_intensity new_urban_jobs urban_unemployment_rate listed_companies
new_high_tech_enterprises tech_smes technology_contract_value import_export_growth air_quality_good_days
key_projects_count key_projects_investment""".split()


def test_taxonomy_has_the_required_ids_and_common_extras():
    ids = set(ps.metrics()["id"])
    assert set(REQUIRED) <= ids
    assert {"cpi_growth", "energy_intensity_change", "grain_output", "rd_spending_growth", "exports_growth"} <= ids


@pytest.mark.parametrize(
    "phrase, kind, family, expected",
    [
        ("固投", "growth", "percent", "fixed_asset_investment_growth"),
        ("工业固定资产投资", "growth", "percent", "industrial_investment_growth"),
        ("进出口总额", "growth", "percent", "import_export_growth"),
        ("出口", "growth", "percent", "exports_growth"),
        ("新增养老机构床位", "level", "count", "elderly_care_beds"),
        ("万元GDP综合能耗", "growth", "percent", "energy_intensity_change"),
        ("引进市外境内资金(内资)", "level", "money", "domestic_investment_inflow"),
        ("完成工业技改投资", "level", "money", "technical_renovation_investment"),
        ("万元GDP能耗", "growth", "percent", "energy_intensity_change"),
        ("引进内资", "level", "money", "domestic_investment_inflow"),
        ("引进内资", "growth", "percent", "domestic_investment_inflow"),
        ("引进内资", "level", "count", None),
        (
            "民间投资占比",
            "share",
            "percent",
            None,
        ),  # not the growth, and the share of what is not said (其中…民间投资占比: of key projects)
        ("竣工投用重点项目", "level", "count", None),
        ("新增高标准农田", "level", "area", "high_standard_farmland"),  # the alias names the addition
        ("高标准农田", "level", "area", "high_standard_farmland"),
        ("新建5G基站", "level", "count", "new_5g_base_stations"),
        ("人口自然增长率", "growth", "permille", "population_natural_growth_rate"),
        ("第三产业增加值占GDP比重", "share", "percent", "services_share"),
        (
            "农民人均纯收入",
            "growth",
            "percent",
            "rural_net_income_growth",
        ),  # the measure before 2014, not disposable income
        ("农民人均纯收入", "level", "money", "rural_net_income"),
        ("万元工业增加值用水量", "growth", "percent", "industrial_water_intensity_change"),  # no industrial growth
        ("单位工业增加值能耗", "growth", "percent", "industrial_energy_intensity_change"),
        ("常住人口", "level", "people", "resident_population"),
        ("常住人口城镇化率", "share", "percent", "urbanization_rate"),
        ("安排区级重点建设项目", "level", "count", "key_projects_count"),
        ("新引进投资5亿元以上的重点项目", "level", "count", None),
        ("规上工业总产值", "level", "money", "industrial_output"),
        ("规上工业企业营业收入", "level", "money", "industrial_revenue"),  # the amount, beside its growth
        ("规上工业企业营业收入", "growth", "percent", "industrial_revenue_growth"),
        ("金融机构各项贷款余额", "level", "money", "loans"),  # the balance, beside its growth
        ("新增贷款", "level", "money", "new_loans"),  # the additions, not the balance
        ("金融机构本外币存款余额", "level", "money", "deposits"),
        ("工业投资占固定资产投资比重", "share", "percent", "industrial_investment_share"),  # no industrial investment
        ("民间投资占固定资产投资比重", "share", "percent", "private_investment_share"),
        ("外贸进出口总额", "level", "money", "import_export"),
        ("服务贸易进出口额", "level", "money", "services_trade"),  # trade in services, not the trade in goods
        ("合同利用外资", "level", "money", "contracted_foreign_investment"),  # contracted, not used
        ("实际利用外资", "level", "money", "foreign_investment"),
        ("城市居民人均可支配收入", "level", "money", "urban_income"),  # 城市 is urban (older plans), not all residents
        ("城市居民人均可支配收入", "growth", "percent", "urban_income_growth"),
        ("本外币贷款余额", "growth", "percent", "loans_growth"),
        ("人民币存款余额", "level", "money", "deposits"),
        ("城乡居民储蓄存款余额", "level", "money", None),  # household savings, not all deposits
        ("第二产业增加值占GDP比重", "share", "percent", "secondary_industry_share"),
        ("第一产业比重", "share", "percent", "primary_industry_share"),
        ("公共预算收入", "growth", "percent", "fiscal_revenue_growth"),  # 一般 left out
        ("工业税收", "growth", "percent", None),  # the tax of one sector, not all tax revenue
        ("地方税收", "level", "money", "tax_revenue"),
        ("第二产业投资占固定资产投资比重", "share", "percent", None),  # a share of investment, not of GDP
        ("新增工业总产值", "level", "money", None),  # an increment of the output, not the output
        ("新增固定资产投资", "level", "money", None),
        ("新增上市企业", "level", "count", "listed_companies"),  # a count of additions is a count
        ("新增城镇就业", "level", "people", "new_urban_jobs"),  # the alias names the addition
        ("数字经济核心产业增加值占GDP比重", "share", "percent", "digital_economy_share"),
        ("R&D经费投入占GDP的比重", "share", "percent", "rd_intensity"),
        ("能源消费总量", "level", "energy", "energy_consumption"),
        ("人均地区生产总值", "level", "money", "gdp_per_capita"),  # per person: not the GDP
        ("人均GDP", "growth", "percent", "gdp_per_capita_growth"),
        ("人均固定资产投资", "level", "money", None),  # a per-person measure with no metric of its own
        # a per word at the start holds for a modified name after it too: per person, per unit
        ("人均国内生产总值", "growth", "percent", "gdp_per_capita_growth"),
        ("单位建设用地地区生产总值", "growth", "percent", None),
        ("单位面积粮食产量", "level", "weight", None),
        ("每万人高价值发明专利拥有量", "level", "count", "invention_patents_per_10k"),  # not all valid patents
        ("单位地区生产总值能耗", "growth", "percent", "energy_intensity_change"),  # the alias names 单位
        ("国家级专精特新企业", "level", "count", "new_specialized_smes"),
        ("造林面积", "level", "area", "afforestation"),
        ("户籍人口城镇化率", "share", "percent", "hukou_urbanization_rate"),  # not the resident population's
        ("人均预期寿命", "level", "age", "life_expectancy"),
        ("细颗粒物(PM2.5)平均浓度", "level", "concentration", "pm25_concentration"),  # a gap in the name
        ("规模以上服务业营业收入", "growth", "percent", "services_revenue_growth"),
        ("每千人口执业(助理)医师数", "level", "people", "physicians_per_1000"),
        ("执业医师", "level", "people", None),  # not per 1,000 people
        ("每千人口医疗卫生机构床位数", "level", "count", "hospital_beds_per_1000"),
        ("学前教育毛入园率", "share", "percent", "preschool_enrollment_rate"),
        ("九年义务教育巩固率", "share", "percent", "compulsory_education_retention_rate"),
        ("建成区绿化覆盖率", "share", "percent", "urban_green_coverage"),
        ("城市生活垃圾无害化处理率", "share", "percent", "waste_treatment_rate"),
        ("污水处理率", "share", "percent", "sewage_treatment_rate"),
        ("农村污水处理率", "share", "percent", "rural_sewage_treatment_rate"),  # not the urban rate
        ("普惠性幼儿园覆盖率", "share", "percent", "inclusive_kindergarten_coverage"),
        ("新增新三板挂牌企业", "level", "count", "neeq_listings"),  # not a listing on an exchange (挂牌企业)
        ("新增挂牌企业", "level", "count", "listed_companies"),
        (
            "实际到位省外资金",
            "level",
            "money",
            "domestic_investment_inflow",
        ),  # 外资 inside 省外资金: no foreign capital
        ("工业用电量", "growth", "percent", "industrial_electricity_consumption_growth"),  # not all electricity
        ("规上服务业企业", "level", "count", "new_above_scale_services_enterprises"),
        ("资质以上建筑业企业", "level", "count", "new_qualified_construction_enterprises"),
        ("农村人均可支配收入", "level", "money", "rural_income"),
        ("亿元GDP生产安全事故死亡率", "growth", "percent", None),
        ("旅游接待人次", "growth", "percent", "tourist_arrivals"),  # per 100 million yuan of GDP: not the GDP
        ("国考断面水质优良比例", "share", "percent", "surface_water_good_rate"),
        ("新增各类养老床位", "level", "count", "elderly_care_beds"),
        ("金融机构本外币存款余额", "growth", "percent", "deposits_growth"),
        ("贷款余额", "growth", "percent", "loans_growth"),
        ("非化石能源消费比重", "share", "percent", "non_fossil_energy_share"),
        ("耕地保有量", "level", "area", "cultivated_land"),
        ("基本医疗保险参保率", "share", "percent", "medical_insurance_coverage"),
        ("农村自来水普及率", "share", "percent", "rural_tap_water_coverage"),
        ("改造老旧小区", "level", "count", "old_communities_renovated"),
        ("开工建设保障性租赁住房", "level", "count", "affordable_rental_housing"),
        ("新建改造农村公路", "level", "length", "rural_roads"),
        ("网络零售额", "growth", "percent", "online_retail_sales_growth"),
        ("化学需氧量", "growth", "percent", "cod_emissions_change"),
        ("农村劳动力转移就业", "level", "people", "rural_labor_transfer"),
        ("限上商贸企业", "level", "count", "new_above_quota_trade_enterprises"),
        ("中央和省预算内资金", "level", "money", None),  # 预算内资金 holds 内资, but is no domestic capital
        ("实际利用内资", "level", "money", "domestic_investment_inflow"),
        ("制造业投资", "growth", "percent", "manufacturing_investment_growth"),
        ("工业投资", "growth", "percent", "industrial_investment_growth"),
        ("基础设施投资", "growth", "percent", "infrastructure_investment_growth"),
        (
            "工业技改投资",
            "growth",
            "percent",
            "technical_renovation_investment_growth",
        ),  # not all industrial investment
        ("居民人均消费支出", "growth", "percent", "consumption_per_capita"),
        ("新能源汽车保有量", "level", "count", "new_energy_vehicles_total"),
        ("人口出生率", "share", "permille", "birth_rate"),
        ("人口自然增长率", "share", "permille", "population_natural_growth_rate"),
        ("快递业务量", "growth", "percent", "express_delivery"),
        ("规上工业营业收入", "growth", "percent", "industrial_revenue_growth"),
        ("规模以上工业企业利润总额", "growth", "percent", "industrial_profit_growth"),
        ("全员劳动生产率", "level", "money_per_person", "labor_productivity"),
        ("全员劳动生产率", "level", "money", None),  # 万元 without /人 is no productivity
        ("战略性新兴产业增加值占地区生产总值比重", "share", "percent", "strategic_emerging_share"),
        ("战略性新兴产业增加值", "growth", "percent", "strategic_emerging_value_added_growth"),
        ("引进亿元以上产业项目", "level", "count", "investment_projects"),
        ("签约招商项目", "level", "count", "investment_projects"),
        ("引进外籍人才创新创业项目", "level", "count", None),  # talent, not investment
        ("新开工重点项目", "level", "count", "key_projects_count"),
        ("人均公园绿地面积", "level", "area", "park_green_area_per_capita"),
        ("每千人口拥有3岁以下婴幼儿托位数", "level", "count", "childcare_places_per_1000"),
        ("新增各类学位", "level", "count", "new_school_places"),
        ("数字经济规模", "level", "money", "digital_economy_size"),
        ("数字经济核心产业增加值占GDP比重", "share", "percent", "digital_economy_share"),
        ("土地出让收入", "level", "money", "land_sale_revenue"),
        ("国有土地使用权出让收入", "growth", "percent", "land_sale_revenue"),
        ("脱贫人口人均纯收入", "growth", "percent", "poverty_alleviated_income"),
        ("脱贫户人均纯收入", "level", "money", "poverty_alleviated_income"),
        ("农村居民人均可支配收入", "growth", "percent", "rural_income_growth"),  # not the poor's income
        ("新增造林面积", "level", "area", "afforestation"),  # additions are what afforestation is
        ("二产增加值", "growth", "percent", "secondary_industry_value_added_growth"),
        ("进口", "growth", "percent", "imports_growth"),
        ("进口额", "level", "money", "imports"),
        ("进出口总额", "growth", "percent", "import_export_growth"),  # no import: 进出口 holds no 进口
        ("新增发明专利授权量", "level", "count", "patents_granted"),
        ("民生支出占一般公共预算支出比重", "share", "percent", "livelihood_spending_share"),
        ("民生支出", "growth", None, None),
        ("失业人员再就业", "level", "people", "reemployment"),
        ("就业困难人员实现就业", "level", "people", "hard_to_employ_jobs"),
        ("生猪出栏", "level", "count", "hog_slaughter"),
        ("肉类总产量", "level", "weight", "meat_output"),
        ("蔬菜产量", "level", "weight", "vegetable_output"),
        ("有效发明专利拥有量", "level", "count", "invention_patents_total"),
        ("每万人口发明专利拥有量", "level", "count", "invention_patents_per_10k"),
        ("新增省级以上创新平台", "level", "count", "new_innovation_platforms"),
        ("新建省级工程技术研究中心", "level", "count", "new_innovation_platforms"),
        ("创新平台总数", "level", "count", "innovation_platforms_total"),
        ("新增农业产业化龙头企业", "level", "count", "new_leading_agricultural_enterprises"),
        ("工业龙头企业", "level", "count", None),
        ("新改建城市道路", "level", "length", "urban_roads"),
        ("新增城市停车位", "level", "count", "parking_spaces"),
        ("新建充电桩", "level", "count", "charging_piles"),
        ("农村户厕改造", "level", "count", "rural_toilet_renovation"),
        (
            "农村卫生厕所普及率",
            "share",
            "percent",
            "sanitary_toilet_coverage",
        ),  # a coverage, not the count of toilets renovated
        ("孕产妇死亡率", "level", "per_100k", "maternal_mortality_rate"),
        ("婴儿死亡率", "share", "permille", "infant_mortality_rate"),
        ("建设用地供应", "level", "area", "construction_land_supply"),
        ("挥发性有机物排放量", "growth", "percent", "voc_emissions_change"),
        ("VOCs", "growth", "percent", "voc_emissions_change"),
        ("税占比", "share", "percent", "tax_revenue_share"),
        ("生猪存栏", "level", "count", "hog_inventory"),
        ("招商引资", "level", "money", "domestic_investment_inflow"),
        ("招商引资项目", "level", "count", "investment_projects"),
        ("挥发性有机物治理项目", "level", "count", None),
        ("旅游接待人数", "growth", "percent", "tourist_arrivals"),
        ("制造业增加值", "growth", "percent", "manufacturing_value_added_growth"),
        ("制造业投资", "growth", "percent", "manufacturing_investment_growth"),
        ("争取专项债券", "level", "money", "special_bonds"),
        ("争取中央和省级资金", "level", "money", "higher_level_funds"),
        ("争取上级资金", "level", "money", "higher_level_funds"),
        ("专项债券项目", "level", "count", None),
        ("跨境电商交易额", "growth", "percent", "cross_border_ecommerce_growth"),  # not online retail (电商交易额)
        ("跨境电商进出口额", "level", "money", "cross_border_ecommerce"),  # not all imports and exports
        ("争取中央预算内投资", "level", "money", "central_budget_investment"),
        (
            "户籍人口",
            "level",
            "people",
            "registered_population",
        ),  # the registered population, not its urbanization rate
        ("户籍人口城镇化率", "share", "percent", "hukou_urbanization_rate"),
        ("战略性新兴产业产值", "growth", None, "strategic_emerging_output_growth"),
        ("主要农作物耕种收综合机械化率", "share", "percent", "agricultural_mechanization_rate"),
        ("新增家庭农场", "level", "count", "new_family_farms"),
        ("农民专业合作社总数", "level", "count", "farmer_cooperatives_total"),
        ("新增有效灌溉面积", "level", "area", "new_irrigated_area"),
        ("有效灌溉面积", "level", "area", None),  # the total is no addition
        ("城市生活污水集中收集率", "share", "percent", "sewage_collection_rate"),
        ("光伏装机容量", "level", "power", "solar_capacity"),
        ("新增光伏装机容量", "level", "power", "new_solar_capacity"),  # an increment of an amount: not the total
        ("新增城市绿地面积", "level", "area", "new_urban_green_area"),
        ("养老机构护理型床位占比", "share", "percent", "nursing_beds_share"),
        ("规上工业企业研发机构覆盖率", "share", "percent", "rd_institution_coverage"),
        ("万元地区生产总值用水量", "level", "volume", "water_use_per_10k_gdp"),
        ("万元地区生产总值用水量", "growth", None, "water_intensity_change"),  # its change, as before
        ("人均体育场地面积", "level", "area", "sports_area_per_capita"),
        ("公交分担率", "share", "percent", "public_transport_share"),
        ("规上工业亩均税收", "level", "money_per_area", "tax_per_mu"),
        ("新增污水管网", "level", "length", "new_sewer_pipes"),
        ("超长期特别国债项目资金", "level", "money", "ultra_long_special_treasury_bonds"),
        ("全社会用电量", "level", "energy", "electricity_consumption"),
        ("全社会用电量", "growth", "percent", "electricity_consumption_growth"),
        ("工业用电量", "level", "energy", None),  # industry's share is no consumption of all
        ("港口集装箱吞吐量", "level", "volume", "container_throughput"),
        ("港口货物吞吐量", "level", "weight", "port_cargo_throughput"),
        ("农村危房改造", "level", "count", "rural_dilapidated_houses_renovated"),
    ],
)
def test_match_metric(phrase, kind, family, expected):
    assert match_metric(phrase, kind, family)[0] == expected


HEADER = "id,label_en,label_zh,kinds,unit_family,category,aliases\n"


@pytest.mark.parametrize(
    "rows, message",
    [
        ("a,A,甲,growth,,x,甲\na,B,乙,growth,,x,乙\n", "duplicate metric id 'a'"),
        ("a,A,甲,growth,,x,共同\nb,B,乙,growth,,x,共同\n", "alias '共同' \\(growth\\) is claimed by both 'a' and 'b'"),
        ("a,A,甲,speed,,x,甲\n", "kinds must be drawn from"),
        ("a,A,甲,level,,x,甲\n", "has kind 'level' but no unit_family"),
        ("a,A,甲,level,furlongs,x,甲\n", "unknown unit family"),
        ("a,A,甲,growth,,x\n", "line 2: wrong number of fields"),
    ],
)
def test_bad_taxonomy_files_are_named_with_the_line(tmp_path, rows, message):
    path = tmp_path / "metrics.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_taxonomy(path)


def test_an_alias_may_serve_two_metrics_of_different_kinds():
    ok = [m.id for m in load_taxonomy() if "地区生产总值" in m.aliases]
    assert sorted(ok) == ["gdp", "gdp_growth"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("规上工业企业达到200家。", "above_scale_industrial_enterprises_total"),
        ("全区高新技术企业突破300家。", "high_tech_enterprises_total"),
        ("高新技术企业增加到300家。", "high_tech_enterprises_total"),
        ("新增规上工业企业达到50家。", "new_above_scale_industrial_enterprises"),  # names the addition
        ("培育高新技术企业达到30家。", "new_high_tech_enterprises"),
        ("高新技术企业增加30家。", "new_high_tech_enterprises"),  # grows by a number: additions
        ("新增国家高新技术企业300家以上。", "new_high_tech_enterprises"),
        ("新增市场主体1.5万户。", "new_market_entities"),
        ("市场主体达到12万户。", "market_entities_total"),
        ("新建5G基站800个，累计达到6000个。", "new_5g_base_stations base_stations_5g_total"),
        # 累计 (role cumulative): a count since the start, whatever its verb
        ("累计建成5G基站3000个。", "base_stations_5g_total"),
        ("全县累计培育高新技术企业120家。", "high_tech_enterprises_total"),
        (
            "新增“四上”企业100家以上，“四上”企业总数达到800家。",
            "new_four_above_enterprises four_above_enterprises_total",
        ),
        # a total that grows by a count is the count of additions
        (
            "规上工业企业数量达到500家，净增60家。",
            "above_scale_industrial_enterprises_total new_above_scale_industrial_enterprises",
        ),
        ("新增规上工业企业数量60家。", "new_above_scale_industrial_enterprises"),
        ("高新技术企业总数增加30家。", "new_high_tech_enterprises"),
        ("高新技术企业数量净增30家。", "new_high_tech_enterprises"),
    ],
)
def test_a_count_that_reaches_a_number_is_the_total(sentence, expected):
    assert ps.extract_text(sentence, region="某区", year=2024)["metric"].tolist() == expected.split()


def test_a_cumulative_count_is_cited_with_its_cumulative_word():
    df = ps.extract_text("全县累计培育高新技术企业120家。累计新增城镇就业5万人。", region="某区", year=2024)
    assert df["raw"].tolist() == ["累计培育高新技术企业120家", "累计新增城镇就业5万人"]
    assert df["metric"].tolist() == ["high_tech_enterprises_total", "new_urban_jobs"]  # no total: the metric stays


@pytest.mark.parametrize("total", ["c", "a", "b"])
def test_the_total_of_a_metric_must_be_another_metric_of_its_kinds_and_units(tmp_path, total):
    path = tmp_path / "metrics.csv"
    path.write_text(
        HEADER.strip() + ",total\n" + f"a,A,甲,level,count,x,甲,{total}\nb,B,乙,level,money,x,乙,\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=f"line 2: the total of 'a' must be another metric .* not '{total}'"):
        load_taxonomy(path)


def test_a_taxonomy_without_the_total_column_still_loads(tmp_path):
    path = tmp_path / "metrics.csv"
    path.write_text(HEADER + "a,A,甲,level,count,x,甲\n", encoding="utf-8")
    assert load_taxonomy(path)[0].total == ""


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("经济", "growth", "gdp_growth"),  # ^经济$: the whole phrase
        ("数字经济", "growth", None),
        ("第二产业", "growth", "secondary_industry_value_added_growth"),
        ("第二产业投资", "growth", None),  # not the value added: $ anchors at the end
        ("第三产业", "growth", "services_value_added_growth"),
        ("经济总量", "level", "gdp"),
        ("二产", "growth", "secondary_industry_value_added_growth"),
        ("财政总收入", "level", "fiscal_total_revenue"),
        ("高新技术产业增加值占规上工业增加值比重", "share", "high_tech_value_added_share"),
        ("民营经济增加值占GDP比重", "share", "private_economy_share"),
    ],
)
def test_an_alias_anchored_at_both_ends_matches_only_the_whole_phrase(text, kind, expected):
    assert match_metric(text, kind, "money" if kind == "level" else "percent") == (expected, kind)


def test_every_alias_is_tried_on_a_phrase_that_it_matches():
    # a lookup tries only the aliases whose key is in the phrase (see taxonomy._alias_index)
    for alias in _aliases():
        phrase = "推进" + alias.text.lstrip("^").rstrip("$").replace("…", "建设") + "发展"
        phrase = phrase[2:] if alias.text.startswith("^") else phrase
        phrase = phrase[:-2] if alias.text.endswith("$") else phrase
        assert alias.pattern.search(phrase), alias.text
        assert alias in _candidates(phrase), alias.text


@pytest.mark.parametrize(
    "row, message",
    [
        ("百分之,%,percent,false,ahead", "position must be"),
        ("百分之,‰,permille,false,before", "written before the number"),
    ],
)
def test_bad_units_files_are_named(tmp_path, monkeypatch, row, message):
    from planstats import _data
    from planstats.numbers import units

    (tmp_path / "units.csv").write_text(
        f"surface,canonical,family,integer,position\n%,%,percent,false,\n{row}\n", encoding="utf-8"
    )
    monkeypatch.setattr(_data, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=message):
        units.__wrapped__()


@pytest.mark.parametrize(
    "text, metrics",
    [
        ("推动50家规上工业企业实施技术改造。", [None]),  # what the enterprises do is counted, not new enterprises
        (
            "推动3家企业上市，支持10家企业成长为规上工业企业。",
            ["listed_companies", "new_above_scale_industrial_enterprises"],
        ),
        ("新增3家规上工业企业。", ["new_above_scale_industrial_enterprises"]),
    ],
)
def test_after_a_verb_that_gets_the_counted_things_to_act_the_action_is_the_metric(text, metrics):
    df = ps.extract_text(text, region="测试区", year=2024)
    assert [m if isinstance(m, str) else None for m in df["metric"]] == metrics


@pytest.mark.parametrize(
    "text, year, metrics",
    [
        ("单位GDP能耗比2020年下降13.5%。", 2024, [None]),  # a change over four years: no yearly change
        ("森林覆盖率较2020年提高2个百分点。", 2024, [None]),
        ("单位GDP能耗较2023年下降3%。", 2024, ["energy_intensity_change"]),  # the year before: a yearly change
        ("单位GDP能耗较上年下降3%。", 2024, ["energy_intensity_change"]),
        ("2022年地区生产总值比2021年增长5%。", 2023, ["gdp_growth"]),  # a result: the year before its own
        ("2022年地区生产总值比2020年增长9%。", 2023, [None]),
        ("单位GDP能耗比2020年下降13.5%。", None, [None]),  # the year of the plan is unknown
        ("到2025年，单位GDP能耗比2020年下降13.5%。", 2024, ["energy_intensity_change"]),  # a horizon: over years anyway
    ],
)
def test_a_change_from_a_base_year_other_than_the_year_before_has_no_metric(text, year, metrics):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        df = ps.extract_text(text, region="测试区", year=year)
    assert [m if isinstance(m, str) else None for m in df["metric"]] == metrics


@pytest.mark.parametrize(
    "rows, message",
    [
        ("吨,吨,weight,false,,1000\n公斤,公斤,weight,false,,one", "line 3: factor must be a positive number"),
        ("吨,吨,weight,false,,1000\n公斤,公斤,weight,false,,-1", "line 3: factor must be a positive number"),
        ("吨,吨,weight,false,,1000\n公斤,公斤,weight,false,,1000", r"family 'weight' .* one base unit of factor 1"),
        ("吨,吨,weight,false,,1000\n噸,吨,weight,false,,1", "the surfaces of '吨' have two factors"),
    ],
)
def test_bad_factors_of_units_are_named(tmp_path, monkeypatch, rows, message):
    from planstats import _data
    from planstats.numbers import units

    (tmp_path / "units.csv").write_text(f"surface,canonical,family,integer,position,factor\n{rows}\n", encoding="utf-8")
    monkeypatch.setattr(_data, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=message):
        units.__wrapped__()


@pytest.mark.parametrize("unit", ["万美元", "万千瓦", "公里"])
def test_the_unit_of_a_metric_must_be_of_its_unit_families(tmp_path, unit):
    path = tmp_path / "metrics.csv"
    path.write_text(HEADER.strip() + ",unit\n" + f"a,A,甲,level,weight,x,甲,{unit}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=f"line 2: metric 'a': unit '{unit}' is no unit of its unit families"):
        ps.taxonomy.load_taxonomy.__wrapped__(path)
    path.write_text(HEADER.strip() + ",unit\n" + "a,A,甲,level,weight,x,甲,万吨\n", encoding="utf-8")
    assert ps.taxonomy.load_taxonomy.__wrapped__(path)[0].unit == "万吨"
