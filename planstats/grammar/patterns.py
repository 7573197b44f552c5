"""The regular expressions, character sets and reasons that the stages of the grammar share."""

from __future__ import annotations

import re

from planstats.numbers import FIVE_YEAR_PLAN, PLAN_PERIOD, PLAN_PERIOD_QUOTE
from planstats.read.layout import ITEM_NUMBER

KINDS = ("growth", "level", "share", "pp_change")

RECORDS = ("target", "result", "horizon", "stretch")

#: The records of the plan year, whose ``Target.year`` the plan year fills in.
OF_PLAN_YEAR = ("target", "stretch")

QUALIFIERS = ("approx", "at_least", "at_most", "range", "exact")

_SENTENCE_STOP = "。！？!?；;\n"  # the marks that end a sentence, as planstats reads one

_CLAUSE_BOUNDARY = ",，：:;；。\n"

_LIST_GAPS = ("", "、", "和", "及", "与")

_AFTER_BOUNDARY = set(",，、;；。:：)）(（\n!?！？")

_QUOTES = {"“": "”", "「": "」", "《": "》", "『": "』"}

_YEAR = re.compile(r"(?=[12])(?<![0-9])((?:19|20)\d{2})年")  # a class first: the engine skips to a 1 or 2

_YEAR_BASE_AFTER = ("基础", "水平", "水准")  # 水準 of traditional script is 水准

_SINCE = ("以来",)  # 2020年以来: a year that opens a period up to now

_CLAUSE_OPEN = frozenset("，,；;")

# the previous year, as the base of a comparison (比上年) or as a time (上年为2.1%)
_PREVIOUS_YEAR = r"(?:上年度?|去年|上一年)"

_PREVIOUS_YEAR_WORD = re.compile(_PREVIOUS_YEAR)

_LEADING_PUNCT = (
    " \t\"'“”‘’「」『』【】《》" + "—–-●◆◇■□▲△★☆•·▪►▶○◎※*√"
)  # and the bullets of items (——地区生产总值增长6%)

_ITEM = re.compile(ITEM_NUMBER)  # 1.实施重点项目100个: the number of the item is no part of the indicator

_ITEM_FIRST = frozenset("0123456789一二三四五六七八九十(（①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")

# what may stand before a marker of the main targets on a heading line of its own: 二、2024年, （一）,
# and the words of the subject of the plan and of scope (lexicon roles headline_subject, scope: 一、
# 2024年全县经济社会发展的主要目标)
_HEADING_NUMBER = r"[\s一二三四五六七八九十()（）、.．0-9年度的和及与]*"

_LINE = re.compile(r"[^\n]*")

# an item of a numbered list of lines: 1. 1、 (1) （1） ① (一) （二）, or a bullet (● ■ ◆ …); groups: the opening
# bracket, the number in digits, the mark after it, the circled number, the Chinese numeral in brackets, the bullet
_ITEM_LINE = re.compile(
    r"[^\S\n]*([(（]?)(?:(\d{1,2})([、.．)）])(?!\d)|([①-⑳])|(?<=[(（])([一二三四五六七八九十]{1,3})[)）]|([●■◆▲★•·▪►▶]))"
)

_LIST_OPEN = frozenset(
    ":：;；,，、"
)  # a line that ends with these leaves its list open (a comma: a sentence cut by a line break)

_LABEL_END = frozenset(":：")  # 地区生产总值：增长7%: the indicator before the colon

_MINUS = frozenset("-−负")

# the end of a five-year plan (“十四五”末, 十四五期末: 2025), not the base of a comparison (比“十三五”末).
# A literal first: a pattern that opens with a look-behind is tried at every character (60x slower)
_PLAN_PERIOD_END = re.compile(rf"{PLAN_PERIOD}{PLAN_PERIOD_QUOTE}(?:规划)?(?:期|时期)?末")

# ... and the whole of one (“十四五”期间, 十四五时期): a period that ends in that year
_PLAN_PERIOD_SPAN = re.compile(rf"{PLAN_PERIOD}{PLAN_PERIOD_QUOTE}(?:规划)?(?:期间|时期)")

_FIVE_YEAR_PLAN = re.compile(FIVE_YEAR_PLAN)

# a count of years (三年内, 今后五年): what may stand before 年, and what may not stand before the count
_YEAR_COUNTS = (
    {ch: n for n, ch in enumerate("一二三四五六七八九十", start=1)} | {"两": 2} | {str(n): n for n in range(2, 10)}
)

_NOT_BEFORE_COUNT = frozenset("0123456789.第近前去这后十")  # 2024年内, 第三年, 近三年内, 过去三年内, 十四五年

_RANGE_OPEN = frozenset("0123456789年")  # before 至 or 到 (2024年至2026年): a range of years

_RANGE_DASH = frozenset("-—–―－~～")  # 2024—2026年

_RANGE_WORDS = _RANGE_DASH | {"至", "到", "——"}  # between the two ends of a range of values

_RATE_FAMILIES = frozenset(("percent", "permille", "pp"))  # a rate of each of several items, not of all

# A table of targets: lines whose cells are separated by tabs (a .docx table, or one copied from
# Word or Excel), under a header row that names the columns (指标, 单位, 2023年完成, 2024年目标, 属性).
_TABLE = re.compile(r"^[^\n\t]*\t[^\n]*(?:\n[^\n\t]*\t[^\n]*)*", re.M)

_HEADER_YEAR = re.compile(r"(?:19|20)\d{2}")

_NAME_UNIT = re.compile(r"\s*[(（]([^()（）]{1,8})[)）]\s*$")  # 地区生产总值增速（%）

_EMPTY_CELL = frozenset(("", "-", "—", "--", "——", "/", "…"))

# the year of a value, before it (提高到2025年的65%)
_YEAR_OF_VALUE = re.compile(r"(?:19|20)\d{2}年(?:底|末)?的$")

# the start of a change before its end (地区生产总值由2023年的500亿元增加到550亿元): no part of the indicator
# the months of a year to date (1-11月, 1至10月份, 前10个月): a figure for part of a year
# (patterns that open with a literal or a list of words: the engine skips to their first characters)
_MONTH_RANGES = (
    r"1(?<![0-9]1)\s*[-－—–~～至到]\s*(?:1[01]|[2-9])\s*月",
    r"前(?:1[01]|[2-9]|[两二三四五六七八九]|十一?)个月",
)

_PART_YEAR = "a figure for part of a year (1-11月, 前三季度), not a year's target or result"

# an indicator that is only a deadline within the year (6月底前完成150个, 上半年完成150套): a milestone
_MID_YEAR_DEADLINE = re.compile(
    r"(?:(?:19|20)\d\d年)?(?:1[01]|[1-9]|十一|[一二三四五六七八九十])月份?(?:底|末|中|上旬|中旬|下旬)?(?:前|以前|之前)?"
)

_MILESTONE = (
    "a milestone within the year (6月底前完成150个, 上半年完成150套) with no indicator of its own, not a year's target"
)

_MULTI_YEAR = "an average yearly rate over several years (年均) whose first year is not known, not one year's target"

# a five-year plan named before a yearly average, within this many characters (“十四五”期间，…年均增长6%)
_FIVE_YEAR_PERIOD = re.compile(PLAN_PERIOD)

_PERIOD_REACH = 200

_SENTENCE_END = "。；;!?！？"

_PRESENT = "a description of today (目前…仍在40%以上), not a target"

_INDICATOR_COUNT = "a count of the plan's indicators (主要指标共25项), not a target"

_NATION = "a figure of the whole country, quoted for comparison (全国GDP增长5.2%), not the region's own"

_RESTATED = (
    "a target set in an earlier year, restated (2023年确定的增长目标为6%), neither this year's target nor a result"
)

_RANK = "an ordinal or a rank (第3位, 前50名), not an amount"

_NO_UNIT = "a magnitude (万, 亿) with no unit after it: what it counts is not known"

_HEADING_MAX = 40  # characters: a line this short without a full stop is a heading

_DIGIT = re.compile(r"\d")

# 等 after examples (A、B等重点项目), not 等 of a word (高等教育, 平等, 同等)
_EXAMPLES = re.compile(r"(?<![高初中平同对均相])等(?![级次同])")

_NOT_WORDS = re.compile(r"[\d\s|:：]+")  # between the counts of a web page: 0浏览 评论0条, 阅读:120

_HAN = re.compile("[\u4e00-\u9fff]")

# a numbered heading with a year near its start (一、2023年主要工作): it may open a review (the
# space before it stays on its line: a run of blank lines would be tried from each of its breaks)
_YEAR_HEADING = re.compile(
    r"\n[^\S\n]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])[^\n。\d]{0,10}(?:19|20)\d\d年"
)

# the numbers of headings, highest level first: 第一部分, 一、, （一）, 1.
_HEADING_LEVELS = tuple(
    re.compile(p)
    for p in (
        r"\s*第[一二三四五六七八九十]+(?:部分|章|篇)",
        r"\s*[一二三四五六七八九十]+[、.．]",
        r"\s*[(（][一二三四五六七八九十]+[)）]",
        r"\s*\d+[、.．](?!\d)",
    )
)

# characters: how far back an indicator phrase, or forward the noun after a number, is looked
# for. Clauses are far shorter; the bound keeps text without punctuation linear in time.
_CLAUSE_MAX = 400

_RATIO = re.compile(r":(?<=\d:)\d[\d.,]*:\d")  # 8:45:47 (a literal first: the engine skips to a colon)

_RATIO_WORD_BEFORE = (
    24  # 三次产业结构由10:40:50调整为8:45:47: the word of a ratio, at most this far before its first number
)

_TASK_MAX = 16  # characters: the subject of a task in a clause before a measure alone (重点项目建设)

_RATIO_OF_TWO_BEFORE = (
    12  # 城乡居民收入比缩小到1.75: the word of a ratio of two, with the verbs after it, at most this far before
)

_RATIO_OF_TWO_MAX = 10  # a ratio of two amounts (incomes) is told as a few to one

_FULL_STOP = "。！？!?\n"

_QUOTE_MARKS = "\"'“”‘’「」『』【】"

_NO_QUOTES = str.maketrans("", "", _QUOTE_MARKS)

_ANY_QUOTE = re.compile(f"[{_QUOTE_MARKS}]")
