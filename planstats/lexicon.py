"""The word groups of the grammar (``planstats/data/lexicon.csv``), one attribute per role.

Every role is declared here once, with what its words do; ``lexicon.csv`` lists the words,
one a line with its role. A role the file names that is not declared here, or a role declared
here that the file gives no word, is a :class:`~planstats.errors.DataFileError` naming it: a
typo on either side cannot silently leave a rule with no words.

Examples
--------
>>> from planstats.lexicon import lexicon
>>> lexicon().respectively
('分别',)
>>> "力争" in lexicon().stretch
True
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from pathlib import Path

from planstats._data import DATA_DIR, read_rows
from planstats.errors import DataFileError

Words = tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Lexicon:
    """The words of each role, longest first (so that an alternation matches the longest word)."""

    filler: Words = ()
    """words of time and of effort before an indicator (全年, 今年, 力争 …): stripped from its front and its end"""

    subset: Words = ()
    """of which: a part of the preceding target"""

    stretch: Words = ()
    """a stretch target: after a main target of the same indicator (增长6%左右，力争7%) it is record stretch, not a
    second target
    """

    cumulative: Words = ()
    """a count since the start (累计建成5G基站3000个): the total of a metric of additions"""

    scope: Words = ()
    """the whole region: stripped from the front of an indicator phrase (全区地区生产总值 → 地区生产总值), but no
    verb that opens a target; between a verb and a number it still lets the verb open one
    (争取全县90%以上的行政村…)
    """

    front: Words = ()
    """words stripped from the front of an indicator (去年实际, 一是 …): they open no target, unlike a verb"""

    verb: Words = ()
    """verbs that carry a target before its number (达到, 提高到, 控制在 …)"""

    growth_verb: Words = ()
    """verbs of growth before a rate (增长, 同比增长, 增长在8%以上 …)"""

    decrease_verb: Words = ()
    """verbs of a fall (下降, 降低, 减少 …): the value is negative"""

    respectively: Words = ()
    """spreads a list of values over a list of indicators"""

    growth_noun: Words = ()
    """an indicator phrase ending in these is a growth rate"""

    decrease_noun: Words = ()
    """an indicator phrase ending in these is a rate of decrease: a negative growth rate"""

    lead_verb: Words = ()
    """verbs that open a count of additions (新增, 净增, 新认定 …): the indicator follows the number"""

    cause_verb: Words = ()
    """a verb that gets the things counted after the number to act (推动3家企业上市, 辅导5家企业挂牌): the number
    opens a target of that noun
    """

    attribute: Words = ()
    """needs the subject of the preceding target in the sentence"""

    headline: Words = ()
    """on a heading line of its own (一、经济社会发展指标(工作目标)), above a numbered list of targets"""

    headline_subject: Words = ()
    """words of the subject of a plan that may stand before a marker of the main targets on a heading line of its
    own (一、2024年经济社会发展的主要目标; 二、今年政府工作的总体要求和主要预期目标)
    """

    headline_link: Words = ()
    """words that link a marker of the main targets to its list (主要目标是，…; 主要预期目标设定为：…)"""

    result: Words = ()
    """the sentence reports last year's results"""

    result_period: Words = ()
    """the sentence reports results over several years: not one year's outcome"""

    current: Words = ()
    """a value after these words (and after none of the past, nor a past year) in its sentence is a target of the
    plan year: 去年…增长6.1%，今年力争增长7%
    """

    plan_turn: Words = ()
    """a word of a target: in a paragraph that reviews a past year (2023年，…增长5%。), the sentence with it turns
    to the plan year, and so do those after it
    """

    part_year: Words = ()
    """part of a year, when a comma follows (前三季度，地区生产总值增长6%): its figures are no year's target or
    result (1-11月 and 前10个月 are read by the code)
    """

    whole_year: Words = ()
    """the whole year, after part of it (1-11月…增长8%，预计全年增长7%): the figures after it are again of the year"""

    each: Words = ()
    """each, all after enumerated items (各, 均: 新增孵化器、众创空间各3家): every item gets the value"""

    not_each: Words = ()
    """a word that ends in a word of each and is none (全省平均6%, 人均): 均 is stripped from the end of an
    indicator only when it stands alone
    """

    rate_basis: Words = ()
    """what an amount is per, between the verb and the number (低保标准提高到每人每月800元): kept at the end of the
    indicator (低保标准每人每月)
    """

    review_heading: Words = ()
    """a heading with these words opens a section of past results"""

    plan_heading: Words = ()
    """a heading with these words ends a section of past results"""

    milestone: Words = ()
    """a threshold named after the number (突破1000亿元大关): not the indicator"""

    measure: Words = ()
    """what is measured of a subject: a short item after a full one takes its subject (高技术产业投资、产值)"""

    sector: Words = ()
    """a sector before a measure at the end of the last item of a list (食品加工产业产值): the names before it that
    measure nothing share both (装备制造、食品加工产业产值 → 装备制造产业产值)
    """

    base_alone: Words = ()
    """a base of comparison that stands alone at the end of an indicator (利润同比增长10%): no part of the indicator"""

    name_lead: Words = ()
    """a word that opens a clause and is no part of a region's name after it (根据市十五届人大…: no region 根据市)"""

    heading_target: Words = ()
    """the end of a numbered heading line of its own (一、经济运行目标) over a numbered list of values: the list is of
    main targets (lexicon role headline for the markers that need no list)"""

    industry_end: Words = ()
    """the end of a name that is an industry of its own (制造业, 工业, 服务业): of the sector and measure that it
    shares with the last item of a list, it takes the measure only (工业和第三产业增加值 → 工业增加值)"""

    total_word: Words = ()
    """the number of a subject, not its additions: after a target of additions it takes the subject without its lead
    verb (新增国家高新技术企业50家，总数达到300家)
    """

    stock_verb: Words = ()
    """a count that reaches a number (高新技术企业达到300家): the total, unless its indicator names an addition
    (新增 …)
    """

    increment: Words = ()
    """before an amount (新增工业总产值300亿元): an increment of it, not its level"""

    group: Words = ()
    """a group of people: named alone after a measure of another group
    (城镇居民人均可支配收入增长7%、农村居民增长8%), it takes that measure
    """

    share_of: Words = ()
    """a share with no subject of its own (数字经济规模突破500亿元，占GDP比重达到45%): the share of the subject of
    the target before it
    """

    horizon_before: Words = ()
    """before a year after the plan year (到2025年): a target for that year (record horizon)"""

    horizon_after: Words = ()
    """after a year after the plan year (2025年底): a target for that year"""

    gap: Words = ()
    """a gap to another figure (增长7%，高于全省平均水平1个百分点): not a target of its own; not after 不 (不高于 is
    a qualifier)
    """

    gap_adjective: Words = ()
    """after a word of ``than`` and a base that is no year (比全省高2个百分点): a gap to another figure"""

    than: Words = ()
    """the word of a comparative (比全省高, 较上年下降): with a base that is no year and a ``gap_adjective``, a gap"""

    comparison: Words = ()
    """a word before the base of a comparison (比上年, 较2020年, 与上年相比, 同比, 基期): a year after it is the base,
    not the year of a value; the previous year after it, at the end of an indicator, is what a rate of growth means
    anyway (单位GDP能耗较上年)
    """

    change_start: Words = ()
    """the start of a change (由45万吨到50万吨, 从2.3:1缩小到2.2:1): the number after it is where the change starts,
    not a target nor the end of a range; a year after it is a base
    """

    turnaround: Words = ()
    """a clause that only says its indicator turns round, with no number: the indicator of a bare rate after it
    (进出口总额由负转正，增长3%)
    """

    attainment: Words = ()
    """how much of a plan was done (完成年度计划的105%): a result, not a target"""

    benchmark: Words = ()
    """the average of a wider region, given for comparison (地区生产总值增长7%（全省平均6%）): not a target of the
    plan's region
    """

    page_chrome: Words = ()
    """the counts of a web page around its article (0浏览 评论0条, 阅读量1200): an indicator of these words alone
    names no target
    """

    multi_year: Words = ()
    """an average yearly rate over several years (年均增长6%): not one year's target"""

    per_unit: Words = ()
    """a measure per person or per unit (人均地区生产总值, 单位地区生产总值能耗): a metric's name right after it is
    not that metric, and a count of it may have a fraction (每千人口执业医师数3.2人)
    """

    per_base: Words = ()
    """what a measure per unit is measured per (单位地区生产总值能耗): the items after such a measure in a list
    share it with its per_unit word (单位地区生产总值能耗、二氧化碳排放 → 单位地区生产总值二氧化碳排放)
    """

    table_unit: Words = ()
    """the header of the column of units in a table of targets (cells separated by tabs)"""

    table_nature: Words = ()
    """the header of the column that says whether a target is binding (约束性) or expected (预期性)"""

    nature_noun: Words = ()
    """a noun after the nature of a target in brackets after it: 增长6.5%（预期性指标）"""

    table_target: Words = ()
    """a header word of a column of targets (2024年目标)"""

    table_result: Words = ()
    """a header word of a column of results (2023年完成)"""

    table_name: Words = ()
    """the header of the column of the names of indicators in a table of targets (a column of groups of rows, 类别,
    may stand before it)
    """

    table_rate: Words = ()
    """a header word of a column of rates of change (增长（%）, 比上年±%): its cells are growth rates, of the record
    of the column before it when it names no year
    """

    table_number: Words = ()
    """the header of the column of the numbers of the rows of a table of targets (a table written one cell per line:
    序号, 指标, 单位, …)
    """

    issuer: Words = ()
    """the government that issues a plan, after the name of its region in a title (某某县人民政府2024年工作要点): no
    part of the region
    """

    party_committee: Words = ()
    """the party committee that issues a plan with the government (中共某某县委 某某县人民政府关于…): the region is
    named after it
    """

    region_level: Words = ()
    """the level of a region, that ends its name: as the party committee's word names it (中共某某县委: the region
    某某县; 某某镇党委: 某某镇), and where the name of a region in a title ends (青山县优化营商环境工作要点:
    青山县; 西安市雁塔区)
    """

    not_place: Words = ()
    """a word of the subject of a plan that opens with a level of a region: no part of the region's name in a title
    (青山县乡村振兴工作要点: 青山县)
    """

    title_filler: Words = ()
    """words of a title around the issuer (中共…委, …关于印发…的通知): no part of the region"""

    department: Words = ()
    """a department of the government that issues its own plan (西安市雁塔区商务局2024年工作计划): its region is the
    name before it
    """

    period_before: Words = ()
    """before a count of years (今后五年, 用三年时间; 三年内 needs none): a period from the plan year on, whose
    values are for its last year (record horizon)
    """

    period_after: Words = ()
    """after a count of years (三年内, 五年之内, 用三年时间)"""

    per_year: Words = ()
    """each year, after a period of several years (未来三年，每年新增50家): a target of the plan year as of every
    year
    """

    copula: Words = ()
    """is at, right before the number (城镇登记失业率在4%以内, 增速在7%左右): stripped from the end of an indicator;
    no verb that opens one (在13个社区…)
    """

    yearly: Words = ()
    """a lone 年 between the indicator and a verb of growth (地区生产总值年增长8%, 财政收入年递增10%): the rate of
    the year, no part of the indicator; not when it ends a word of not_yearly
    """

    not_yearly: Words = ()
    """a word that ends in 年 and is no 'yearly' (青年, 上年, 每年)"""

    rank: Words = ()
    """right before a number: an ordinal or a rank (增速居全市第3位, 第14个五年规划), never an amount"""

    not_rank: Words = ()
    """前 at the end of a word of time before a number: no rank (目前300家)"""

    bare_magnitude: Words = ()
    """a magnitude with no unit before a milestone word (迈上千亿台阶, 突破1000亿大关): 亿 stands for 亿元"""

    streak: Words = ()
    """before a count of years (连续5年, 连续三年): years in a row, no time limit; no part of the indicator, before
    it or after it
    """

    value_noun: Words = ()
    """a word after a value, with 的 or not, that names what the value is, at the end of a clause (实现7%左右的增长,
    实现6%增长, 达到2.5%的水平): no noun it describes
    """

    collective: Words = ()
    """a collective word, '=', and its parts: an indicator of it names one indicator for each part
    (城乡居民人均可支配收入分别增长6%和7% → 城镇…, 农村…)
    """

    ratio: Words = ()
    """a word of a ratio of shares: three numbers parted by colons after it in their clause that add up to 100 are
    shares in percent, one for each part of a collective word (三次产业结构调整为8:45:47 → 第一产业…8%,
    第二产业…45%, 第三产业…47%)
    """

    ratio_of_two: Words = ()
    """a word of a ratio of two amounts: a bare number after it (and after the verbs and qualifiers before a value)
    is that ratio to one (城乡居民收入比缩小到1.75 → 1.75:1)
    """

    task_verb: Words = ()
    """a verb that opens a clause naming a task, with no number: a measure alone in the clause after it measures
    that task (加快推进重点项目建设，完成投资200亿元 → 重点项目建设投资)
    """

    zone: Words = ()
    """a functional area that a region hosts, that ends its name (十堰高新区, 历城经济开发区): in the region that
    the name opens with, with no administrative code of its own
    """

    other_region: Words = ()
    """a word right before a region's name in running text that makes it a region other than the document's own
    (主动融入省会济南, 毗邻西安): such a mention settles no name that several units share
    """

    present: Words = ()
    """words of the present state before a value in its clause (目前比重仍在40%以上, 当前已达…): a description of
    today, not a target
    """

    indicator_count: Words = ()
    """what a count of a plan's indicators counts (主要指标共25项, 其中约束性指标8项): no target"""

    nation: Words = ()
    """the whole country, opening a figure's clause (全国GDP增长5.2%): a figure quoted for comparison, not the
    region's own
    """

    year_plan: Words = ()
    """after a year, words that make it the year a page plans (2024年经济工作, 部署2024年经济工作, 2024年增长目标):
    a clue of the plan year (with the words of ``headline``)
    """

    year_review: Words = ()
    """before or after a year, words that make it a year the page reviews (2023年工作回顾, 回首2023年): a clue that
    the plan year is the next
    """

    past_plan: Words = ()
    """right before a year, words that make its plan a past one (完成2023年目标任务, 总结2023年经济工作): no clue of
    the plan year
    """

    restated: Words = ()
    """between a year and a word of a target, words of a target set before (2023年确定的增长目标): that year's plan,
    restated, is no clue of the plan year
    """

    @classmethod
    def read(cls, path: Path | None = None) -> Lexicon:
        """Read ``lexicon.csv`` (columns word, role, note), checking every line."""
        path = Path(path) if path is not None else DATA_DIR / "lexicon.csv"
        declared = {f.name for f in dataclasses.fields(cls)}
        roles: dict[str, list[str]] = {}
        seen: set[tuple[str, str]] = set()
        for line, row in enumerate(read_rows("lexicon.csv", ("word", "role"), path), start=2):
            word, role = row["word"], row["role"]
            if role not in declared:
                raise DataFileError(
                    f"{path}, line {line}: unknown role {role!r} (of {word!r}); the roles are declared in "
                    f"planstats/lexicon.py: {', '.join(sorted(declared))}."
                )
            if not word or (word, role) in seen:
                raise DataFileError(f"{path}, line {line}: empty or duplicate word {word!r}.")
            seen.add((word, role))
            roles.setdefault(role, []).append(word)
        missing = sorted(declared - roles.keys())
        if missing:
            raise DataFileError(
                f"{path}: no word for the role(s) {missing}; each role of planstats/lexicon.py needs one."
            )
        return cls(**{role: tuple(sorted(words, key=len, reverse=True)) for role, words in roles.items()})

    def words(self) -> Iterator[str]:
        """Every word of every role."""
        for field in dataclasses.fields(self):
            yield from getattr(self, field.name)


@functools.lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    """The lexicon of the package, read once."""
    return Lexicon.read()
