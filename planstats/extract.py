"""Find quantified targets in a normalized document.

The grammar, applied sentence by sentence to the normalized text:

* a **value** is a number (Arabic or Chinese numeral, or a range ``8%-10%``), an optional
  magnitude word (万, 亿), a unit from ``data/units.csv`` and an optional qualifier word
  from ``data/qualifiers.csv`` (以上, 左右, 以内 …);
* values written next to each other (``13个、50个``, ``50%、80%和100%``) form a **list**;
  bare members take the unit and the trailing qualifier of the last member;
* a list followed by a clause boundary is a **target**: its indicator phrase is the text
  before it back to the previous boundary, with time words and modal words (全年, 力争 …)
  stripped from the front and verbs and qualifier words (增长, 突破, 不少于 …) from the end;
* a list after ``分别`` is spread over the indicators listed before ``分别``;
* a list followed by a word that names what it is (``实现7%左右的增长``, ``达到2.5%的水平``) is a
  target too: that word is no noun the value describes;
* a list followed by a noun is a target when a verb stands before it (``争取3家以上企业挂牌上市``,
  indicator after the number) and the **attribute** of a noun otherwise
  (``投资5亿元以上的项目20个``: only 20个 is a target).

A sentence that reports an outcome of a past year (``2022年，地区生产总值增长9.3%``, a
sentence under a 工作回顾 heading, or one with 过去一年) goes through the same grammar, and
its values come out as **results** (``record="result"``) for the year they report.

Nothing looks-like-a-target is dropped silently: what the grammar sets aside is returned as
a :class:`Reject` with its reason.
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from planstats._data import read_rows
from planstats.lexicon import lexicon
from planstats.documents import ITEM_NUMBER, Normalized
from planstats.errors import DataFileError
from planstats.numbers import (
    CHINESE_DIGITS,
    CHINESE_NUMERAL,
    FIVE_YEAR_PLAN,
    MULTIPLIERS,
    PLAN_PERIOD,
    PLAN_PERIOD_QUOTE,
    parse_number,
    plan_period_end,
    plan_period_start,
    units,
)

KINDS = ("growth", "level", "share", "pp_change")
RECORDS = ("target", "result", "horizon", "stretch")
#: The records of the plan year, whose ``Target.year`` the plan year fills in.
OF_PLAN_YEAR = ("target", "stretch")
QUALIFIERS = ("approx", "at_least", "at_most", "range", "exact")

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_CLAUSE_BOUNDARY = ",，：:;；。\n"
_LIST_GAPS = ("", "、", "和", "及", "与")
_AFTER_BOUNDARY = set(",，、;；。:：)）(（\n!?！？")
_QUOTES = {"“": "”", "「": "」", "《": "》", "『": "』"}
_YEAR = re.compile(r"(?=[12])(?<![0-9])((?:19|20)\d{2})年")  # a class first: the engine skips to a 1 or 2
_YEAR_BASE_BEFORE = (
    "比",
    "较",
    "相比",
    "同比",
    "与",
    "基期",
    "由",
    "从",
)  # 由2023年的500亿元增加到…: the start of a change
_YEAR_BASE_AFTER = ("基础", "水平")
_SINCE = ("以来",)  # 2020年以来: a year that opens a period up to now
_CLAUSE_OPEN = frozenset("，,；;")
_BASE_AFTER = _YEAR_BASE_AFTER + ("的基础", "的水平", "同期")  # 在上年的基础上, 上年同期: a base, not a time
# the previous year as the base of a comparison, at the end of an indicator phrase (单位GDP能耗较上年,
# 财政收入与上年相比): what a growth rate means anyway. A base year (比2020年) is kept: it makes the
# rate one over several years.
_PREVIOUS_YEAR = r"(?:上年度?|去年|上一年)"
_PREVIOUS_YEAR_WORD = re.compile(_PREVIOUS_YEAR)
_BASE_AT_END = re.compile(rf"(?:(?:较|比|与|相比){_PREVIOUS_YEAR}(?:同期)?(?:相比|比)?|在?{_PREVIOUS_YEAR}的?基础上)$")
# a year that is not the base of a comparison (比2020年, 2020年基础上)
_YEAR_OF_RECORD = re.compile(
    r"(?=[12])(?<![0-9])"
    + "".join(f"(?<!{re.escape(w)})" for w in _YEAR_BASE_BEFORE)
    + r"((?:19|20)\d{2})年"
    + f"(?!{'|'.join(map(re.escape, _YEAR_BASE_AFTER))})"
)
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
# an item of a numbered list of lines: 1. 1、 (1) （1） ①; groups: the opening bracket, the number in
# digits, the mark after it, the circled number
_ITEM_LINE = re.compile(r"[^\S\n]*([(（]?)(?:(\d{1,2})([、.．)）])(?!\d)|([①-⑳]))")
_LIST_OPEN = frozenset(
    ":：;；,，、"
)  # a line that ends with these leaves its list open (a comma: a sentence cut by a line break)
_LABEL_END = frozenset(":：")  # 地区生产总值：增长7%: the indicator before the colon
_RATIO_COLON = re.compile(r"[:：](?<=\d[:：])(?=\d)")  # 2.2:1
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
_BASE_MARK = frozenset("比较与由从")
_RANGE_OPEN = frozenset("0123456789年")  # before 至 or 到 (2024年至2026年): a range of years
_RANGE_DASH = frozenset("-—–―－~～")  # 2024—2026年
_RANGE_WORDS = _RANGE_DASH | {"至", "到", "——"}  # between the two ends of a range of values
_CHANGE_START = ("由", "从")  # 由45万吨到50万吨: the start of a change, not of a range
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
_CHANGE_FROM = re.compile(r"(?:由|从)[^由从]*\d[^由从]*$")
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
_FULL_STOPS = re.compile(r"[。！？!?\n]")
_QUOTE_MARKS = "\"'“”‘’「」『』【】"
_NO_QUOTES = str.maketrans("", "", _QUOTE_MARKS)
_ANY_QUOTE = re.compile(f"[{_QUOTE_MARKS}]")


@dataclass(slots=True)  # not frozen: a frozen dataclass is slow to make, and a plan has many targets
class Target:
    """One quantified target found in a document. ``start``/``end`` index the ORIGINAL text."""

    start: int
    end: int
    section: str
    metric_text: str
    verb: str
    kind: str
    value: float
    value_high: float | None
    unit: str
    unit_family: str
    qualifier: str
    qualifier_text: str
    subset: bool
    sentence: int
    record: str = "target"
    year: int | None = None  # for a result: the year it reports
    cumulative: bool = False  # opened by a word of the role ``cumulative`` (累计建成5G基站3000个): a total
    average_from: int | None = None  # a yearly average (年均增长6%) over the years from this one to ``year``


@dataclass(frozen=True)
class Reject:
    """A number with a unit that the grammar did not take as a target, and why."""

    start: int
    end: int
    reason: str


class _Value(NamedTuple):  # a tuple: made for every number of every document
    start: int
    end: int
    lo: str
    hi: str
    mid: str
    mult: str
    unit: str
    post: str
    cite_end: int = 0  # end of the member that gave this one its unit
    named: str = ""  # the word after it, 的 or not, that names what the value is (实现7%的增长: 增长)
    ratio: bool = False  # a member of a ratio of shares (三次产业结构8:45:47): in percent


@functools.lru_cache(maxsize=1)
def _qualifier_words() -> dict[str, dict[str, str]]:
    """``{position: {word: qualifier}}`` from ``data/qualifiers.csv``."""
    table: dict[str, dict[str, str]] = {"pre": {}, "post": {}, "mid": {}, "modal": {}}
    for line, row in enumerate(read_rows("qualifiers.csv", ("text", "position", "qualifier", "hardness")), start=2):
        if row["position"] not in table:
            raise DataFileError(
                f"qualifiers.csv, line {line}: position must be one of {list(table)}, not {row['position']!r}."
            )
        if row["qualifier"] and row["qualifier"] not in QUALIFIERS:
            raise DataFileError(
                f"qualifiers.csv, line {line}: qualifier must be one of {list(QUALIFIERS)}, not {row['qualifier']!r}."
            )
        if row["text"] in table[row["position"]]:
            raise DataFileError(f"qualifiers.csv, line {line}: duplicate {row['position']} qualifier {row['text']!r}.")
        table[row["position"]][row["text"]] = row["qualifier"]
    return {pos: dict(sorted(words.items(), key=lambda kv: len(kv[0]), reverse=True)) for pos, words in table.items()}


class _NumberWord(NamedTuple):
    value: float
    unit: str
    qualifier: str
    verb: str  # the change it names (零增长, 翻番: 增长), or ""


@functools.lru_cache(maxsize=1)
def _number_words() -> dict[str, _NumberWord]:
    """``{word: (value, unit, qualifier, verb)}`` from ``data/number_words.csv``: words that stand
    for a value (两位数: 10%, at least; 翻番: growth of 100%), longest first."""
    table: dict[str, _NumberWord] = {}
    changes = lexicon().value_noun
    for line, row in enumerate(read_rows("number_words.csv", ("text", "value", "unit", "qualifier", "verb")), start=2):
        where, text = f"number_words.csv, line {line}", row["text"]
        if not text or text in table:
            raise DataFileError(f"{where}: {text!r} is empty or a duplicate.")
        try:
            value = float(row["value"])
        except ValueError:
            raise DataFileError(f"{where}: value must be a number, not {row['value']!r}.") from None
        if row["unit"] not in units():
            raise DataFileError(f"{where}: unit {row['unit']!r} is not in units.csv.")
        if row["qualifier"] not in QUALIFIERS:
            raise DataFileError(f"{where}: qualifier must be one of {list(QUALIFIERS)}, not {row['qualifier']!r}.")
        if row["verb"] and row["verb"] not in changes:
            raise DataFileError(
                f"{where}: verb {row['verb']!r} must be empty or a word of lexicon role value_noun (增长, 下降 …)."
            )
        table[text] = _NumberWord(value, row["unit"], row["qualifier"], row["verb"])
    return dict(sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _after_number(words) -> str:
    """:func:`_alternation` for a group after a number: their first characters are tested first,
    as one class, since the regex engine tries the words one by one and most numbers are
    followed by none of them. (A pattern that starts with an alternation of words needs no
    such help: the engine scans for their first characters by itself.)"""
    first = "".join(sorted({re.escape(w[0]) for w in words if w}))
    return f"(?=[{first}])(?:{_alternation(words)})" if first else _alternation(words)


@functools.lru_cache(maxsize=1)
def _value_regex() -> re.Pattern[str]:
    q = _qualifier_words()
    after = [s for s, u in units().items() if not u.before and not u.table_only]
    # a unit of tables (年) is one in a sentence only after a decimal part: 11.2年 is no year
    decimal = [s for s, u in units().items() if u.table_only]
    unit = _after_number(after) + (rf"|(?:(?<=\.\d)|(?<=\.\d\d))(?:{_alternation(decimal)})" if decimal else "")
    before = [s for s, u in units().items() if u.before]  # 百分之八
    first = re.escape("".join({s[0] for s in before} - set(CHINESE_DIGITS)))
    # a word that stands for a value and opens with no digit (翻番); those that do (两位数) are found by it
    words = [word for word in _number_words() if word[0] not in CHINESE_DIGITS]
    first += re.escape("".join({word[0] for word in words}))
    word = rf"|{_alternation(words)}" if words else ""
    num = rf"(?:(?<![A-Za-z0-9.])\d+(?:,\d{{3}})*(?:\.\d+)?|(?<![{CHINESE_DIGITS}第点])(?:{CHINESE_NUMERAL}){word})"
    pre = rf"(?:{_alternation(before)})" if before else "(?!)"
    return re.compile(
        rf"(?=[\d{CHINESE_DIGITS}{first}])"  # a class first: the regex engine skips to the next digit
        rf"(?P<before>{pre})?(?P<lo>{num})%?(?:\s*[-–—~至到]\s*{pre}?(?P<hi>{num}))?"
        rf"(?P<mid>{_after_number(q['mid'])})?"
        rf"(?:(?P<mult>{_after_number(MULTIPLIERS)})(?P<mid2>{_after_number(q['mid'])})?)?"  # 2万余人
        rf"(?P<unit>{unit})?"
        rf"(?P<post>{_after_number(q['post'])})?"
        r"(?![A-Za-z])(?!(?<=\d)\d)"  # nor a digit after a unit that ends with one (8:10 is no ratio 8:1)
    )


class _Affixes(tuple):
    """Words grouped by length, longest first, ``((n, words), …)``: an affix is found with a few
    set lookups. ``first`` and ``last`` map a first or a last character to the groups of the
    words that have it: most text is ruled out with one lookup, and the rest tries only the
    lengths of the words that could match."""

    first: dict[str, tuple[tuple[int, frozenset[str]], ...]]
    last: dict[str, tuple[tuple[int, frozenset[str]], ...]]


def _by_length(words) -> _Affixes:
    words = [w for w in words if w]
    groups = _Affixes(
        (n, frozenset(w for w in words if len(w) == n)) for n in sorted({len(w) for w in words}, reverse=True)
    )
    groups.first, groups.last = (
        {c: tuple((n, g) for n, g in groups if any(w[at] == c for w in g)) for c in {w[at] for w in words}}
        for at in (0, -1)
    )
    return groups


def _strip_front(text: str, affixes: _Affixes) -> tuple[str, str]:
    for n, group in affixes.first.get(text[:1], ()):
        if text[:n] in group:
            return text[n:], text[:n]
    return text, ""


def _milestone_at(text: str, at: int, milestone: _Affixes) -> bool:
    """Whether a milestone word (大关, 台阶) starts at ``at``."""
    return text[at : at + 1] in milestone.first and bool(_strip_front(text[at : at + 8], milestone)[1])


def _strip_back(text: str, affixes: _Affixes) -> tuple[str, str]:
    for n, group in affixes.last.get(text[-1:], ()):
        if text[-n:] in group:  # a text shorter than n is no word of length n
            return text[:-n], text[-n:]
    return text, ""


class _Words:
    """The word groups of the grammar, from ``data/lexicon.csv`` and ``data/qualifiers.csv``."""

    def __init__(self) -> None:
        lex, q = lexicon(), _qualifier_words()
        self.lex, self.q = lex, q
        self.units = units()
        self.modal, self.pre = tuple(q["modal"]), tuple(q["pre"])
        # 增长7%（预期性）, 下降3%（约束性指标）
        self.nature_after = re.compile(rf"[(（]({_alternation(self.modal)})(?:{_alternation(lex.nature_noun)})?[)）]")
        self.subset = frozenset(lex.subset)
        self.subset_last = frozenset(w[-1] for w in self.subset)
        # a collective word and its parts, written 城乡=城镇|农村
        self.collective: dict[str, tuple[str, ...]] = {}
        for entry in lex.collective:
            word, _, parts = entry.partition("=")
            if not word or parts.count("|") < 1 or "" in parts.split("|"):
                raise DataFileError(
                    f"lexicon.csv: the collective {entry!r} must be written as a word, '=', and its parts joined by "
                    "'|' (城乡=城镇|农村)."
                )
            self.collective[word] = tuple(parts.split("|"))
        # the longest first: 一、二、三产业 before 二、三产业, which it holds
        self.collective = dict(sorted(self.collective.items(), key=lambda kv: -len(kv[0])))
        self.ratio = tuple(lex.ratio)  # 结构, 比例: the words of a ratio of shares (三次产业结构8:45:47)
        # 收入比, 倍差: the words of a ratio of two amounts, told as one bare number (收入比缩小到1.75, i.e. 1.75:1)
        self.ratio_of_two = _by_length(lex.ratio_of_two)
        self.ratio_of_two_end = re.compile(
            f"[{re.escape(''.join(self.ratio_of_two.last))}]" if self.ratio_of_two.last else "(?!)"
        )
        self.stretch = frozenset(lex.stretch)  # 力争: a stretch target after a main one
        self.cumulative = frozenset(lex.cumulative)  # 累计: a count since the start, not this year's additions
        self.each = frozenset(lex.each)
        self.not_each = lex.not_each  # 平均, 人均: words that end in a word of each and are not one
        self.decrease = frozenset(lex.decrease_verb)
        self.growth = frozenset(lex.growth_verb) | self.decrease
        self.verbs = self.growth | frozenset(lex.verb)
        self.verb_words = tuple(self.verbs)
        self.decrease_noun = lex.decrease_noun  # 下降率, 降幅: a growth rate, negated
        self.growth_noun = lex.growth_noun + self.decrease_noun
        self.attribute = lex.attribute
        self.yearly, self.not_yearly = (
            lex.yearly,
            lex.not_yearly,
        )  # 地区生产总值年增长8%: 年 is no part of the indicator
        self.per_unit = lex.per_unit  # 每千人口, 人均: a count per person may have a fraction
        self.per_unit_affixes, self.per_base = _by_length(self.per_unit), _by_length(lex.per_base)
        # stripped from the front / the back of an indicator phrase
        self.front = _by_length(lex.filler + lex.front + lex.scope + lex.subset + self.modal + lex.per_year)
        self.scope = _by_length(lex.scope)  # 全县: the whole region
        self.respectively = re.compile(
            _alternation(lex.respectively)
        )  # 分别: a list of values spread over a list of indicators
        self.rate_basis = frozenset(lex.rate_basis)  # 每人每月: what an amount is per, kept after the verb
        self.back = _by_length(
            self.pre
            + lex.filler
            + lex.each
            + tuple(self.verbs)
            + lex.respectively
            + self.modal
            + tuple(self.rate_basis)
            + lex.copula
        )
        self.lead_verb = _by_length(lex.lead_verb)
        self.cause_verb = _by_length(lex.cause_verb)
        self.lead_or_verb = _by_length(lex.lead_verb + lex.verb + lex.cause_verb)
        self.milestone = _by_length(lex.milestone)  # 大关 after the number: no noun
        # a word after 的 that names what the value is, not a noun it describes (实现7%左右的增长, 达到2.5%的水平)
        self.value_noun = _by_length(lex.value_noun)
        self.title_filler = lex.title_filler  # 关于印发《…》: a notice that issues the plan
        self.number_words = _number_words()  # 两位数: a word that stands for a value
        self.number_word_first = frozenset(word[0] for word in self.number_words)
        self.post_after = re.compile(_after_number(q["post"]))  # a qualifier after a word that stands for a value
        # a magnitude with no unit before a milestone word (迈上千亿台阶): the unit it stands for (亿 → 元)
        self.bare_magnitude: dict[str, str] = {}
        for word in lex.bare_magnitude:
            split = [
                (word[:i], word[i:]) for i in range(1, len(word)) if word[:i] in MULTIPLIERS and word[i:] in self.units
            ]
            if not split:
                raise DataFileError(
                    f"lexicon.csv: the bare_magnitude {word!r} must be a magnitude ({', '.join(MULTIPLIERS)}) and a "
                    "unit of units.csv."
                )
            self.bare_magnitude.update(split[:1])
        # a unit of tables (年) after a whole number right after a verb that reaches a level (平均受教育年限达到11年)
        table_units = [s for s, u in self.units.items() if u.table_only]
        self.table_unit_after = re.compile(
            rf"(?P<unit>{_alternation(table_units) or '(?!)'})(?P<post>{_after_number(q['post'])})?"
        )
        self.measure_words = frozenset(lex.measure)  # 投资, 产值: what is measured of a subject
        self.measure = _by_length(self.measure_words)
        self.task_verb = _by_length(lex.task_verb)  # 加快推进 before the task that a measure alone measures
        self.sector = _by_length(lex.sector)  # 产业 before a measure: 食品加工产业产值
        self.total_words = frozenset(lex.total_word)  # 总数: the number of a subject, not its additions
        self.increments = frozenset(lex.increment)  # 新增: the additions to a subject
        self.group_words = frozenset(lex.group)  # 农村居民 after 城镇居民人均可支配收入
        self.groups = _by_length(self.group_words)
        self.share_of = lex.share_of  # 占GDP比重 after 数字经济规模突破500亿元: the share of that subject
        self.stock_verbs = frozenset(lex.stock_verb)  # 达到: a value that reaches a number
        self.rank = lex.rank  # 第, 前 right before a number: an ordinal or a rank (居全市第3位)
        self.rank_last = frozenset(w[-1] for w in self.rank if w)
        self.not_rank = lex.not_rank  # 目前300家: 前 of a word of time
        # markers of the main targets (主要预期目标是：), of past results (过去一年, 过去五年)
        # ... or a heading of its own line (二、2024年主要目标\n)
        self.headline_word = re.compile(_alternation(lex.headline) or "(?!)")
        link = _alternation(lex.headline_link) or "(?!)"  # 主要预期目标设定为：, 主要目标是，
        subjects = _alternation(lex.headline_subject + lex.scope) or "(?!)"  # 全县 too
        self.heading_before = re.compile(rf"{_HEADING_NUMBER}(?:(?:{subjects}){_HEADING_NUMBER})*")
        self.headline = re.compile(
            rf"(?:{_alternation(lex.headline)})(?:(?:{link})?\s*[:：]|(?:{link})[,，]|[^\n。，,：:；;]{{0,6}}\n)"
        )
        # ... and of this year (今年, 明年 in a plan written the year before)
        marks = {"result": lex.result, "result_period": lex.result_period, "current": lex.current}
        self.markers = {role: re.compile(_alternation(words)) if words else None for role, words in marks.items()}
        # ... of part of a year (1-11月, 前三季度，): its figures are neither a year's target nor its result,
        # up to a word of the whole year (1-11月…；预计全年…); a word of part of a year is one before a comma,
        # or before a rate of change in its clause (前三季度地区生产总值增长5%), not before a deadline (上半年投用…)
        rate = rf"[^,，。；;:：\n]{{0,30}}?(?:{_alternation(self.growth)})[^,，。；;\n\d]{{0,4}}\d"
        part = [rf"(?:{_alternation(lex.part_year)})(?=[,，]|{rate})"] if lex.part_year else []
        self.part_year = tuple(re.compile(p) for p in (*_MONTH_RANGES, *part))  # one alternation of all is 3x slower
        self.part_year_words = _by_length(lex.part_year)
        self.whole_year = re.compile(_alternation(lex.whole_year)) if lex.whole_year else None
        # ... and of a turn to the plan year in a paragraph that reviews a past year (力争, 确保)
        self.plan_turn = re.compile(_alternation(lex.plan_turn)) if lex.plan_turn else None
        # a time limit after the plan year (到2025年, 2025年底): a target for that year
        self.horizon_before, self.horizon_after = lex.horizon_before, lex.horizon_after
        before, after = (_alternation(w) if w else "(?!)" for w in (self.horizon_before, self.horizon_after))
        # a year, or a time limit, at the front of an indicator phrase (2023年, 到2025年底,) or at its end (…到2026年)
        self.leading_year = re.compile(
            rf"^(?:{before})?(?:(?:19|20)\d{{2}}年?(?:[{re.escape(''.join(sorted(_RANGE_DASH)))}]|至|到))?(?:19|20)\d{{2}}年(?:{after}|内|度)*[,，]?"
        )
        self.leading_year_first = frozenset("12") | {w[0] for w in self.horizon_before}
        self.year_at_end = re.compile(rf"(?:{before})(?:19|20)\d{{2}}年(?:{after})*$")
        self.year_at_end_last = frozenset("年") | {w[-1] for w in self.horizon_after}
        # a period of several years ahead (今后五年, 三年内, 用三年时间): a time limit at its end, unless a
        # word of each year (每年) follows it; and the period at the front of an indicator phrase (三年内新建…)
        self.period_before, self.period_after = lex.period_before, lex.period_after
        self.per_year = lex.per_year
        ahead_before, ahead_after = (_alternation(w) if w else "(?!)" for w in (self.period_before, self.period_after))
        count = f"[{''.join(_YEAR_COUNTS)}]"
        # two scans of 年 (a literal first: a class or an alternation first is 5x slower): before a word of
        # the end (三年内), after a count after a word of the start (今后五年)
        after_start = "|".join(f"(?<={re.escape(w)}{count}年)" for w in self.period_before) or "(?!)"
        self.period_scans = (re.compile(rf"年(?:{ahead_after})"), re.compile(f"年(?:{after_start})"))
        # years in a row (连续5年, lexicon role streak): no time limit, and no part of the indicator, before or after it
        streak = rf"(?:{_alternation(lex.streak)})[\d{''.join(_YEAR_COUNTS)}]{{1,3}}年" if lex.streak else "(?!)"
        self.streak_at_end = re.compile(f"{streak}$")
        self.leading_period = re.compile(
            rf"^(?:(?:{ahead_before}){count}年(?:{ahead_after})?|{count}年(?:{ahead_after})|{PLAN_PERIOD}{PLAN_PERIOD_QUOTE}(?:规划)?(?:期间|时期|期末|末)|{streak})[,，]?"
        )
        self.leading_period_first = frozenset(_YEAR_COUNTS) | {w[0] for w in self.period_before + lex.streak}
        # an indicator that is no target of its own: a gap to another figure (高于全省平均水平, 比全省高;
        # not 不高于, a qualifier, nor 比上年高, a change), how much of a plan was done (完成年度计划的),
        # an average over several years (年均增长, 年均增速)
        gap, adjective = (_alternation(words) if words else "(?!)" for words in (lex.gap, lex.gap_adjective))
        self.gap = re.compile(
            rf"(?<!不)(?:{gap})[^0-9]*$|(?:比|较)(?!{_PREVIOUS_YEAR}|同期|(?:19|20)\d\d年)[^0-9]{{1,12}}(?:{adjective})$"
        )
        self.attainment = lex.attainment
        self.turnaround = _by_length(lex.turnaround)  # 进出口总额由负转正，增长3%: the subject of the rate after it
        self.benchmark = lex.benchmark
        self.multi_year = lex.multi_year
        first = "".join({word[0] for word in lex.gap})
        # what any of them needs: a character of a gap, a multi-year word, an attainment or a benchmark word at the end
        self.chrome = re.compile(rf"(?:{_alternation(lex.page_chrome) or '(?!)'})+")
        ends = (
            (self.multi_year, ""),
            (self.attainment, r"\s*$"),
            (self.benchmark, r"\s*$"),
            (lex.page_chrome, r"\s*$"),
        )
        hints = [f"[比较{re.escape(first)}]"] + [f"(?:{_alternation(words)}){end}" for words, end in ends if words]
        self.no_target_hint = re.compile("|".join(hints))
        self.growth_noun_affixes = _by_length(self.growth_noun)
        self.growth_affixes = _by_length(self.growth)
        self.pre_affixes = _by_length(self.pre)
        # the columns of a table of targets, by the words of its header row
        self.table_unit, self.table_nature, self.table_name = (
            frozenset(words) for words in (lex.table_unit, lex.table_nature, lex.table_name)
        )
        self.table_target, self.table_result = lex.table_target, lex.table_result
        self.table_rate = re.compile(_alternation(lex.table_rate) if lex.table_rate else "(?!)")
        self.growth_longest = tuple(sorted(self.growth, key=len, reverse=True))  # 比上年增长 before 增长
        self.cell_verb = _by_length(self.verbs)
        # words after which a number may open a target (扶持3家以上企业, 推动3家企业上市)
        self.lead = lex.lead_verb + lex.cause_verb + lex.verb + lex.filler + lex.respectively + self.pre + self.modal
        # ... and a number with 的 after it (确保90%以上的行政村通客车, 争取3家以上的企业上市)
        self.lead_of = lex.lead_verb + lex.cause_verb + self.modal


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    return _Words()


@functools.lru_cache(maxsize=16)
def _any_of(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]")


def _positions_of(chars: str, text: str) -> list[int]:
    """Where any of ``chars`` occurs in ``text``, in order."""
    present = "".join(c for c in chars if c in text)  # `in` is a fast scan; most marks are absent or rare
    if len(present) != 1:
        return [m.start() for m in _any_of(present).finditer(text)] if present else []
    found, i = [], text.find(present)
    while i >= 0:
        found.append(i)
        i = text.find(present, i + 1)
    return found


class _Marks:
    """Where the clause boundaries, enumeration commas, parentheses and quotation marks of a
    text are, found once per text: the edge of a clause is then a bisection, not a scan."""

    def __init__(self, text: str):
        self.text = text
        self.stops = _positions_of(_CLAUSE_BOUNDARY, text)
        ratios = {m.start() for m in _RATIO_COLON.finditer(text)} if ":" in text or "：" in text else ()
        if ratios:  # 城乡居民收入比由2.3:1缩小到2.2:1: the colon of a ratio ends no clause
            self.stops = [i for i in self.stops if i not in ratios]
        self.commas = _positions_of("、", text)
        self.parens = _positions_of("()（）", text)
        self.quotes = {o: (_positions_of(o, text), _positions_of(c, text)) for o, c in _QUOTES.items() if o in text}


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (in order, not overlapping; ``starts`` their starts)."""
    k = bisect.bisect_right(starts, pos)
    return bool(k) and pos < spans[k - 1][1]


def _last(found: list[int], lo: int, hi: int) -> int:
    """The last position of ``found`` in ``[lo, hi)``, or -1."""
    k = bisect.bisect_left(found, hi)
    return found[k - 1] if k and found[k - 1] >= lo else -1


def _first(found: list[int], lo: int, hi: int) -> int:
    """The first position of ``found`` in ``[lo, hi)``, or ``hi``."""
    k = bisect.bisect_left(found, lo)
    return found[k] if k < len(found) and found[k] < hi else hi


_START = operator.attrgetter("start")


class _Sentence:
    """The values of one sentence and the text around them."""

    def __init__(self, marks: _Marks, start: int, end: int, index: int, values: list[_Value]):
        self.marks, self.text, self.start, self.end, self.index, self.values = (
            marks,
            marks.text,
            start,
            end,
            index,
            values,
        )

    def clause_start(self, pos: int, *, enumeration: bool) -> int:
        """Index after the boundary that opens the clause ending at ``pos`` (parentheses skipped)."""
        floor = max(self.start, pos - _CLAUSE_MAX)
        stop = _last(self.marks.stops, floor, pos)
        if enumeration:
            stop = max(stop, _last(self.marks.commas, floor, pos))
        if _last(self.marks.parens, floor, pos) <= stop:  # no parenthesis to skip
            return stop + 1 if stop >= 0 else floor
        depth, i = 0, pos - 1
        stops = _CLAUSE_BOUNDARY + ("、" if enumeration else "")
        while i >= floor:
            c = self.text[i]
            if c in ")）":
                depth += 1
            elif c in "(（":
                if depth == 0:
                    return i + 1
                depth -= 1
            elif depth == 0 and c in stops:
                return i + 1
            i -= 1
        return floor

    def clause_end(self, pos: int) -> int:
        """Index of the boundary that closes the clause starting at ``pos`` (parentheses skipped)."""
        ceiling = min(self.end, pos + _CLAUSE_MAX)
        stop = _first(self.marks.stops, pos, ceiling)
        if stop <= _first(self.marks.parens, pos, ceiling):  # no parenthesis to skip
            return stop
        depth, i = 0, pos
        while i < ceiling:
            c = self.text[i]
            if c in "(（":
                depth += 1
            elif c in ")）":
                if depth == 0:
                    return i
                depth -= 1
            elif depth == 0 and c in _CLAUSE_BOUNDARY:
                return i
            i += 1
        return i

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies between an opening and a closing quotation mark of this sentence."""
        for opens, closes in self.marks.quotes.values():
            k = bisect.bisect_left(opens, pos)
            if k == 0 or opens[k - 1] < self.start:
                continue
            after = bisect.bisect_left(closes, pos)
            closed_before = after > bisect.bisect_left(closes, opens[k - 1])
            if not closed_before and after < len(closes) and closes[after] < self.end:
                return True
        return False

    def values_between(self, start: int, end: int) -> list[_Value]:
        """The values that start strictly between ``start`` and ``end``."""
        return self.values[
            bisect.bisect_right(self.values, start, key=_START) : bisect.bisect_left(self.values, end, key=_START)
        ]


class _Extractor:
    def __init__(self, norm: Normalized, plan_year: int | None):
        self.norm = norm
        self.text = norm.text
        self.plan_year = plan_year
        self.w = _words()
        self.lex, self.q = self.w.lex, self.w.q
        self.targets: list[Target] = []
        self.rejects: list[Reject] = []
        self.headline: list[tuple[int, int]] = []
        self._record: tuple[str, int | None] = ("target", None)
        self._year_marks: list[tuple[int, int]] | None = None
        self._period_ends: set[int] = set()
        self._periods: list[tuple[int, int]] | None = None
        self._period_spans: list[tuple[int, int, int]] | None = None
        self._ahead = False  # the record is that of a period ahead named in the sentence (今后三年)
        self._year_starts: list[int] = []
        self._previous: list[tuple[str, bool]] = []  # see _sentence
        self._previous_opened = -1
        self._turns: list[int] | None = None  # where the words of a turn to the plan year start (see _carried)
        self._whole: list[int] = []
        self._sources: list[int] | None = None  # where a time that a paragraph carries may be told (see _carried)
        self._paragraphs: dict[int, tuple[list[int], list]] = {}  # paragraph start → its times (see _paragraph_times)

    # -- values and lists -------------------------------------------------------------
    def _values(self) -> list[_Value]:
        out: list[_Value] = []
        text = self.text
        for m in _value_regex().finditer(text):
            v = self._value(m)
            if v:
                a = out[-1] if out and v.start - out[-1].end <= 3 else None
                if a and text[a.end : v.start].strip() in _RANGE_WORDS and self._unit_range(a, v):
                    # 稳定在45万吨至50万吨: a range whose ends both carry the unit
                    v = v._replace(start=a.start, lo=a.lo, hi=v.lo, mid=v.mid or a.mid)
                    out.pop()
                out.append(v)
        return self._ratios(out) if _RATIO.search(text) else out

    def _unit_range(self, a: _Value, b: _Value) -> bool:
        """Whether ``a`` and ``b``, parted by a word of a range, are its two ends: both plain
        numbers in the same unit, not the two ends of a change (由45万吨到50万吨)."""
        return (
            a.unit == b.unit != ""
            and a.mult == b.mult
            and not (a.hi or b.hi or a.post or a.named)
            and a.lo[0] not in CHINESE_DIGITS
            and b.lo[0] not in CHINESE_DIGITS
            and not self.text.endswith(_CHANGE_START, 0, a.start)
        )

    def _ratios(self, values: list[_Value]) -> list[_Value]:
        """Three bare numbers parted by colons that add up to 100, shortly after a word of a ratio
        (lexicon role ``ratio``), are shares in percent (三次产业结构调整为8:45:47): the members of a
        ratio."""
        text, out, i = self.text, [], 0
        while i < len(values):
            run = values[i : i + 3] if text[values[i].end : values[i].end + 1] == ":" else ()
            if (
                len(run) == 3
                and all(not (v.unit or v.hi or v.mult or v.post) and v.lo[0] not in CHINESE_DIGITS for v in run)
                and all(a.end + 1 == b.start and text[a.end] == ":" for a, b in zip(run, run[1:], strict=False))
                and abs(sum(parse_number(v.lo) for v in run) - 100) <= 1
                and any(w in text[max(0, run[0].start - _RATIO_WORD_BEFORE) : run[0].start] for w in self.w.ratio)
            ):
                out.extend(v._replace(unit="%", ratio=True) for v in run)
                i += 3
            else:
                out.append(values[i])
                i += 1
        return out

    def _value(self, m: re.Match[str]) -> _Value | None:
        """The value of a match of the value regex, ``None`` if it is no value."""
        before, lo, hi, mid, mult, mid2, unit, post = m.groups()  # the only groups, in this order
        mid, end, text, w = mid or mid2, m.end(), m.string, self.w
        if lo[0] in w.number_word_first:  # 保持两位数增长, 实现翻番: a word that stands for a value
            word = next((word for word in w.number_words if text.startswith(word, m.start())), "")
            if word:
                end = m.start() + len(word)
                post = w.post_after.match(text, end)  # 两位数以上
                number_word = w.number_words[word]
                return _Value(
                    m.start(),
                    post.end() if post else end,
                    word,
                    "",
                    "",
                    "",
                    number_word.unit,
                    post.group() if post else "",
                    named=number_word.verb,
                )
        if before:  # 百分之八: the unit it spells, unless one follows the number too, but the
            # denominator of a rate before it and its numerator after it are one unit (每立方米35微克)
            per = w.units[before].canonical
            if not unit or per.startswith(w.units[unit].canonical + "/"):
                unit = per
        elif unit and _milestone_at(text, m.start("unit"), w.milestone):
            unit, post, end = None, None, m.start("unit")  # 迈上千亿台阶: 台 of 台阶 is no unit
        if mult and not unit and _milestone_at(text, end, w.milestone):
            # 突破千亿大关: a magnitude before a milestone word stands for an amount (亿元)
            unit = next((u for magnitude, u in w.bare_magnitude.items() if mult.endswith(magnitude)), None)
        elif (
            not (unit or mult or hi)
            and text[end : end + 1] == "年"
            and "." not in lo
            and len(lo) <= 3
            and text[max(0, m.start() - 4) : m.start()].endswith(tuple(w.stock_verbs))
        ):
            # 平均受教育年限达到11年: a whole number of years reached, not a year (2024年) nor a period (连续5年)
            years = w.table_unit_after.match(text, end)
            if years:
                unit, post, end = years.group("unit"), years.group("post"), years.end()
        elif (
            not (unit or mult or hi or before)
            and w.ratio_of_two_end.search(text, max(0, m.start() - _RATIO_OF_TWO_BEFORE), m.start())
            and self._ratio_of_two(m.start(), lo)
        ):
            unit = ":1"  # 城乡居民收入比缩小到1.75: the ratio 1.75:1
        if lo[0] in CHINESE_DIGITS and not unit:
            return None  # a bare Chinese numeral (一是, 十四五) is no value
        if not unit and "%" in m.group():
            unit = "%"
        return _Value(m.start(), end, lo, hi or "", mid or "", mult or "", unit or "", post or "")

    def _ratio_of_two(self, start: int, lo: str) -> bool:
        """Whether a bare number at ``start`` is a ratio x:1, told after a word of a ratio of two
        amounts and the verbs and qualifiers before a value (城乡居民收入比缩小到1.75, 收入倍差控制在2以内).
        The caller has found the last character of such a word shortly before it (most bare numbers,
        years among them, have none). A ratio of incomes is a few to one: a larger number
        (出生人口性别比107) is left out."""
        before, w = self.text[max(0, start - _RATIO_OF_TWO_BEFORE) : start], self.w
        if lo[0] in CHINESE_DIGITS or parse_number(lo) >= _RATIO_OF_TWO_MAX or before[-1:] in ":∶":
            return False
        for i in range(3):  # 缩小到, 控制在 …
            before, word = _strip_back(before, w.back)
            if not word:
                break
            if i == 0 and word in w.growth:
                return False  # 收入比下降0.02: a change of the ratio, not the ratio
            start_of_change = before.rstrip("0123456789.")  # 收入比由2.05缩小到2.0
            if start_of_change != before and start_of_change.endswith(_CHANGE_START):
                before = start_of_change[:-1]
        return bool(_strip_back(before, w.ratio_of_two)[1])

    def _lists(self, sent: _Sentence) -> list[list[_Value]]:
        lists: list[list[_Value]] = []
        found = self.w.respectively.search(self.text, sent.start, sent.end)
        respectively = found.start() if found else -1
        for v in sent.values:
            if lists:
                prev = lists[-1][-1]
                gap = self.text[prev.end : v.start].strip()
                # a Chinese numeral right after a value is the scale of the noun (3个千亩试验方), no member
                scale = not gap and v.lo[0] in CHINESE_DIGITS
                spread = 0 <= respectively <= prev.start - 2  # 分别 before: one value for each indicator
                if gap in _LIST_GAPS and not scale:
                    # members of a list measure alike: a count, then an amount of money, is a target and
                    # the attribute of the next noun (项目80个、10亿元以上项目12个), unless 分别 spreads them
                    units = self.w.units
                    if spread or not (prev.unit and v.unit) or units[prev.unit].family == units[v.unit].family:
                        lists[-1].append(v)
                        continue
                elif gap in ",，" and spread or gap == ":" and prev.ratio and v.ratio:
                    lists[-1].append(v)
                    continue
            lists.append([v])
        return lists

    @staticmethod
    def _complete(values: list[_Value]) -> list[_Value]:
        """Bare members of a list take the unit and trailing qualifier of the members after them."""
        if len(values) == 1:  # most lists
            return values if values[0].unit else []
        out: list[_Value] = []
        unit, mult, post, end = "", "", "", 0
        for v in reversed(values):
            if v.unit:
                unit, mult, post, end = v.unit, v.mult, v.post or post, v.end
                out.append(v if v.post or not post else v._replace(post=post))
            elif unit:
                out.append(v._replace(unit=unit, mult=v.mult or mult, post=v.post or post, cite_end=end))
        return list(reversed(out))

    # -- sentences ---------------------------------------------------------------------
    def run(self) -> tuple[list[Target], list[Reject]]:
        values = self._values()
        ranks = [
            v for v in values if v.unit and self.text[v.start - 1 : v.start] in self.w.rank_last and self._rank(v.start)
        ]
        if ranks:  # 增速居全市第3位: a rank, not 3 people
            values = [v for v in values if v not in ranks]
            for v in ranks:
                self._reject(v.start, v.end, _RANK)
        if "\t" in self.text:
            rows = self._tables()
            if rows:
                row_starts = [a for a, _ in rows]
                values = [v for v in values if not _inside(rows, row_starts, v.start)]
        marks = _Marks(self.text)
        spans = [m.span() for m in _SENTENCE.finditer(self.text)]
        starts = [a for a, _ in spans]
        mine: dict[int, list[_Value]] = {}  # sentence → its values (a value starts with a digit: inside a sentence)
        for v in values:
            mine.setdefault(bisect.bisect_right(starts, v.start) - 1, []).append(v)
        sentences = [_Sentence(marks, *spans[i], i, found) for i, found in mine.items()]
        self._find_headline(spans, {s.index for s in sentences if any(v.unit for v in s.values)})
        self._headline_starts = [a for a, _ in self.headline]
        self.review = self._review_sections()
        self._review_starts = [a for a, _, _ in self.review]
        self._full_stops = [m.start() for m in _FULL_STOPS.finditer(self.text)]
        self._markers = {role: self._time_words(pattern) for role, pattern in self.w.markers.items()}
        self._part_year = sorted(m.start() for pattern in self.w.part_year for m in pattern.finditer(self.text))
        self._whole_year = self._time_words(self.w.whole_year) if self._part_year else []
        for sent in sentences:
            self._sentence(sent)
        if "\t" in self.text:
            self.targets.sort(key=lambda t: t.start)  # the rows of tables among the sentences
        if ranks:
            self.rejects.sort(key=lambda r: r.start)
        return self.targets, self.rejects

    def _rank(self, start: int) -> bool:
        """Whether the number at ``start`` follows a word of a rank (第3位, 前50名)."""
        before = self.text[max(0, start - 4) : start]
        return before.endswith(self.w.rank) and not before.endswith(self.w.not_rank)

    # -- tables of targets ------------------------------------------------------------------
    def _tables(self) -> list[tuple[int, int]]:
        """The targets of the tables of targets (see ``_TABLE``), and the spans of the rows
        read: the grammar of sentences leaves their numbers alone."""
        read: list[tuple[int, int]] = []
        for block in _TABLE.finditer(self.text):
            columns, pos, upper = None, block.start(), None
            before = self.text[self.text.rfind("\n", 0, max(pos - 1, 0)) + 1 : pos]  # the line before the table
            for line in block.group().split("\n"):
                cells, at = [], pos
                for cell in line.split("\t"):
                    cells.append((at, cell))
                    at += len(cell) + 1
                # a second row of the header, read under the first: 2024年 | | over 绝对值 | 增长%, or
                # 2023年 | 2023年 over 完成 | 增长% (a header in its own right, but of no year)
                lower = _under(upper, cells, min(j for j, _, _ in columns[3])) if upper and columns else None
                header = (lower and self._columns(lower)) or self._columns(cells)
                if header:
                    # a table of indicators (a column named 指标) with a column of this year's targets is the list
                    # of main targets, as one under a marker of them is (2024年经济社会发展主要预期目标)
                    indicators = header[2] is not None and any(record == ("target", None) for _, record, _ in header[3])
                    columns, section = (
                        header,
                        "headline" if indicators or self.w.headline_word.search(before + line) else "body",
                    )
                elif columns and self._table_row(cells, columns, section):
                    read.append((pos, pos + len(line)))
                upper = cells if header else None
                pos += len(line) + 1
        return read

    def _columns(
        self, cells: list[tuple[int, str]]
    ) -> (
        tuple[int | None, int | None, int | None, list[tuple[int, tuple[str, int | None], tuple[str, str] | None]]]
        | None
    ):
        """The columns that a header row names: ``(unit, nature, name, [(column, record, rate), …])``,
        or ``None`` if the row is no header (its value cells hold numbers). ``rate`` is, for a
        column of rates of change (增长（%）, 增速, 比上年±%; lexicon role ``table_rate``), its
        verb and unit (``("增长", "%")``), and ``None`` for a column of amounts; such a column with
        no year is of the record of the column before it (2024年计划 | 增长%)."""
        unit = nature = name = None
        values = []
        for j, (_, cell) in enumerate(cells):
            text = "".join(cell.split())
            if text in self.w.table_unit:
                unit = j
            elif text in self.w.table_nature:
                nature = j
            elif text in self.w.table_name:
                name = j
            elif j and (_value_regex().fullmatch(text) or text in self.q["modal"]):
                return None  # a row of values: 6.5, 约束性
            elif j and text.startswith(self.w.multi_year):  # 年均增长: a rate over the years of the plan
                values.append((j, ("multi_year", None), self._rate_column(text) or ("", "%")))
            elif j:
                years = _HEADER_YEAR.findall(text)
                year = int(years[-1]) if years else None
                target, result = (
                    any(w in text for w in self.w.table_target),
                    any(w in text for w in self.w.table_result),
                )
                rate = self._rate_column(text)
                record = self._column_record(year, target, result)
                if rate and year is None and values and values[-1][0] == j - 1 and values[-1][1][0] != "multi_year":
                    record = values[-1][1]
                if record:
                    values.append((j, record, rate))
        return (unit, nature, name, values) if any(record != "multi_year" for _, (record, _), _ in values) else None

    def _rate_column(self, header: str) -> tuple[str, str] | None:
        """The verb and the unit of a column of rates of change (增长（%）→ ``("增长", "%")``,
        比上年增减（百分点）→ ``("", "百分点")``), or ``None``."""
        if not self.w.table_rate.search(header):
            return None
        verb = next((w for w in self.w.growth_longest if w in header), "")
        unit = next(
            (u for u, of in self.w.units.items() if of.family in _RATE_FAMILIES and not of.before and u in header), "%"
        )
        return verb, unit

    def _column_record(self, year: int | None, target: bool, result: bool) -> tuple[str, int | None] | None:
        """The record of the values of a column: a column of this year's targets, of a past
        year's results, or of a target for a later year; ``None`` for any other column."""
        if year is None:
            return ("target", None) if target and not result else None
        if self.plan_year is None:
            return ("target", None) if target and not result else ("result", year) if result else None
        if year > self.plan_year:  # a later year has no results yet: a column of targets (2025年)
            return ("horizon", year) if target or not result else None
        if year == self.plan_year:
            return ("target", None) if target or not result else None
        return ("result", year) if result or not target else None  # 2023年目标 in a 2024 plan: not this year's

    def _table_row(self, cells: list[tuple[int, str]], columns, section: str) -> bool:
        """Emit the targets of one row of a table; whether it named an indicator."""
        unit_col, nature_col, name_col, value_cols = columns
        first_value = min(j for j, _, _ in value_cols)
        if name_col is not None:  # the column the header names (指标): not a column of groups of rows (类别)
            name_at = name_col if name_col < len(cells) and _HAN.search(cells[name_col][1]) else None
        else:  # the words nearest the values: a group (经济发展) or a number may stand before them
            name_at = next(
                (
                    j
                    for j in range(min(first_value, len(cells)) - 1, -1, -1)
                    if j not in (unit_col, nature_col) and _HAN.search(cells[j][1])
                ),
                None,
            )
        if name_at is None or name_at >= first_value:
            return False
        start, name = cells[name_at]
        in_name = _NAME_UNIT.search(name)
        unit_text = cells[unit_col][1].strip() if unit_col is not None and unit_col < len(cells) else ""
        unit_text = unit_text or (in_name.group(1) if in_name else "")
        name = name[: in_name.start()] if in_name else name
        nature = cells[nature_col][1].strip() if nature_col is not None and nature_col < len(cells) else ""
        head, info = self._strip(name)
        emitted = False
        for j, record, rate in value_cols:
            if j >= len(cells) or cells[j][1].strip() in _EMPTY_CELL:
                continue
            cell_start, cell = cells[j]
            text = cell.strip()
            text, pre = _strip_front(text, self.w.pre_affixes)
            text, said = _strip_front(text, self.w.cell_verb)  # 增长6%左右, 控制在5.5%以内: the verb in the cell
            if said and not pre:
                text, pre = _strip_front(text, self.w.pre_affixes)  # 增长不低于6%
            minus = (
                text[:1] in _MINUS and text[1:2].isdigit()
            )  # -3.1 in a column of rates, or in a row of one (固定资产投资增速): a fall
            m = _value_regex().fullmatch(text[1:] if minus else text)
            parsed = self._value(m) if m else None
            if not parsed:
                continue
            average = None
            if record[0] == "multi_year":  # a yearly average up to the last year of the table's columns of later years,
                # when that year ends a five-year plan (2025, 2030), over that plan's years
                last = max((year for _, (kind, year), _ in value_cols if kind == "horizon" and year), default=None)
                average = plan_period_start(last) if last is not None else None
                if average is None:
                    self._reject(
                        cell_start + len(cell) - len(cell.lstrip()), cell_start + len(cell.rstrip()), _MULTI_YEAR
                    )
                    emitted = True  # the row is read: its numbers are no sentence's
                    continue
                record = ("horizon", last)
            _, _, lo, hi, mid, mult, unit, post, *_ = parsed
            if not unit and rate:
                unit = rate[1]
            if not unit:  # the unit of the row (a unit that planstats does not know, 元/人, gives none)
                m = _value_regex().fullmatch("1" + unit_text) if unit_text else None
                of_row = self._value(m) if m else None
                mult_of_row, unit = (of_row.mult, of_row.unit) if of_row else ("", "")
                mult = mult or mult_of_row
                if not unit and unit_text in self.w.units and self.w.units[unit_text].table_only:
                    unit = unit_text  # 年 in the column of units (劳动年龄人口平均受教育年限)
            if not unit:
                continue
            end = cell_start + len(cell.rstrip())
            value = _Value(cell_start + len(cell) - len(cell.lstrip()), end, lo, hi, mid, mult, unit, post)
            modal = info["modal"] or (nature if nature in self.q["modal"] else "")  # 约束性: a binding target
            self._record, self._ahead = record, False
            verb, row = (
                (rate[0], dict(info, minus=info["minus"] != minus, rate=True))
                if rate
                else (info["verb"], dict(info, minus=info["minus"] != minus))
            )
            verb = said or verb
            self._emit(
                -1,
                value,
                start,
                end,
                head,
                verb,
                dict(row, pre=pre or info["pre"], modal=modal, section=section, average=average),
                False,
            )
            emitted = True
        return emitted

    def _time_words(self, pattern: re.Pattern[str] | None) -> list[int]:
        """Where the words of ``pattern`` start, except as the base of a comparison (比去年, 在上年基础上)."""
        if pattern is None:
            return []
        text = self.text
        return [
            m.start()
            for m in pattern.finditer(text)
            if not text.endswith(_YEAR_BASE_BEFORE, 0, m.start()) and not text.startswith(_BASE_AFTER, m.end())
        ]

    def _find_headline(self, spans: list[tuple[int, int]], with_unit: set[int]) -> None:
        """The spans of the main targets: after a marker (主要预期目标是：) to the end of its list.
        ``with_unit`` holds the indices of the sentences that state a value with a unit."""
        ends = [e for _, e in spans]
        for m in self.w.headline.finditer(self.text):
            start, end = m.start(), m.end()
            if self.headline and start < self.headline[-1][1]:
                continue  # inside the list of the marker before
            if self.text[end - 1] == "\n":
                if not self.w.heading_before.fullmatch(self.text, self.text.rfind("\n", 0, start) + 1, start):
                    continue  # a marker without a colon is one only as a heading: 二、2024年主要目标
                items = self._item_list(end, with_unit, spans)
                if items:  # 一、经济社会发展指标\n1.地区生产总值增长8%左右。（责任单位：…）\n\n2.…
                    self.headline.append((start, items))
                    continue
            for i in range(bisect.bisect_right(ends, start), len(spans)):  # no copy of the tail
                sent_start, sent_end = spans[i]
                if sent_end < m.end():
                    continue  # the heading that is the marker
                if sent_start > start:
                    # The list of main targets runs to the end of its paragraph; after a full
                    # stop it goes on only while the sentences still state values. A list of
                    # lines (主要目标：\n1.地区生产总值增长6%；\n2.…) goes on to the next line
                    # while a line ends open (：or ；) and the next states a value.
                    gap = self.text[end:sent_start]
                    if "\n" in gap:
                        line_end, _, rest = gap.partition("\n")
                        opened = (self.text[end - 1 : end] + line_end).rstrip()[-1:] in _LIST_OPEN
                        # a line with no value goes on with the list when it ends open too (6.城乡居民
                        # 人均可支配收入增长与经济增长同步；7.居民消费价格涨幅3%左右；)
                        if (
                            not opened
                            or "\n" in rest
                            or not (i in with_unit or self.text[sent_end : sent_end + 1] in _LIST_OPEN)
                        ):
                            break
                    elif self.text[sent_start - 1] not in ";；" and i not in with_unit:
                        break
                end = sent_end
            self.headline.append((m.start(), end))

    def _item_list(self, pos: int, with_unit: set[int], spans: list[tuple[int, int]]) -> int:
        """The end of a numbered list of lines that starts at ``pos`` (after a heading): items
        numbered 1, 2, 3 … in one form (1. or （1） or ①), blank lines between them allowed, up
        to the first line that is not the next item; ``0`` unless it has two items or more and
        the first states a value with a unit."""
        n, end, form, valued = 0, 0, None, False
        starts = [a for a, _ in spans]
        for m in _LINE.finditer(self.text, pos):
            line = m.group()
            if not line.strip():
                continue
            item = _ITEM_LINE.match(line)
            number = item and (int(item.group(2)) if item.group(2) else ord(item.group(4)) - ord("①") + 1)
            shape = item and (item.group(1), item.group(3))
            if not item or number != n + 1 or (form is not None and shape != form):
                break
            if not n:  # the first item states a value (1.加快工业发展。2.… is a list of tasks)
                k = bisect.bisect_right(starts, m.start())
                valued = any(i in with_unit for i in range(max(k - 1, 0), bisect.bisect_left(starts, m.end())))
            n, form, end = number, shape, m.end()
        return end if n >= 2 and valued else 0

    def _review_sections(self) -> list[tuple[int, int, int | None]]:
        """Spans of the text under a heading that reviews past work (一、2022年工作回顾), up to
        the heading that turns to this year's plan: one with a plan word (工作安排, 目标 …) or
        with a year not before the plan year (二、2023年…). Each span comes with the year it
        reviews: the year in its heading, else the year before the plan year, else ``None``
        when the heading reviews several years (过去五年) or the plan year is unknown."""
        spans, opened, pos, year = [], None, 0, None
        review, plan = self.lex.review_heading, self.lex.plan_heading
        if not any(w in self.text for w in review) and not _YEAR_HEADING.search(self.text):
            return spans  # no heading can open a review
        for line in self.text.split("\n"):
            if not (0 < len(line.strip()) <= _HEADING_MAX and "。" not in line):  # not a heading
                pos += len(line) + 1
                continue
            years = [int(y) for y in _YEAR.findall(line)]
            this_year = self.plan_year is not None and any(y >= self.plan_year for y in years)
            turns = this_year or any(w in line for w in plan)  # a heading that turns to this year's plan
            word = next((w for w in review if w in line), "") if opened is None else ""
            # the title of a summary and a plan (2023年工作总结和2024年工作计划) opens the summary of its past year
            summary = (
                [int(y) for y in _YEAR.findall(line, 0, line.find(word))] if word and turns and self.plan_year else []
            )
            summary = [y for y in summary if y < self.plan_year]
            if word and (summary or not turns):
                opened = pos
                year = max(summary or years) if summary or years else self._last_year(line)
            elif (
                opened is None and years and self.plan_year and not turns and self._past_heading(line)
            ):  # 一、2023年主要工作
                # a year before last with 以来 (二、2020年以来的发展成就) starts a review of several years
                opened, year = pos, max(years) if max(years) == self.plan_year - 1 or "以来" not in line else None
            elif opened is not None and turns:
                spans.append((opened, pos, year))
                opened = None
            pos += len(line) + 1
        if opened is not None:
            spans.append((opened, len(self.text), year))
        return spans

    @staticmethod
    def _past_heading(line: str) -> bool:
        """Whether a heading line with years before the plan year only (and no plan word) is a
        numbered heading with no figure but its years (一、2023年主要工作; not 1.2023年增长6%)."""
        return any(r.match(line) for r in _HEADING_LEVELS[:3]) and not _DIGIT.search(_YEAR.sub("", line))

    def _last_year(self, text: str) -> int | None:
        """The year before the plan year, unless ``text`` speaks of several years (过去五年)."""
        if self.plan_year is None or any(w in text for w in self.lex.result_period):
            return None
        return self.plan_year - 1

    def _section(self, pos: int) -> str:
        k = bisect.bisect_right(self._headline_starts, pos)  # spans are in order and do not overlap
        return "headline" if k and pos < self.headline[k - 1][1] else "body"

    def _has(self, role: str, start: int, end: int) -> bool:
        """Whether a word of ``role`` starts in ``text[start:end]``."""
        found = self._markers[role]  # (as _has_at: inline, since every sentence asks)
        k = bisect.bisect_left(found, start)
        return k < len(found) and found[k] < end

    def _record_of(self, sent: _Sentence, end: int | None = None) -> tuple[str, int | None]:
        """Whether the values of a sentence report past outcomes, and the year they are for:
        ``("result", year)`` (``year`` is ``None`` for outcomes over several years, or when the
        plan year is unknown), else ``("target", None)``. A clause after a semicolon shares the
        time of the clauses before it in the same sentence, unless it names a year of its own.
        With ``end``, only the years and time words before it count."""
        end = sent.end if end is None else end
        past, later = self._years(sent.start, end)
        if past:
            return "result", max(past)
        if later:
            return "target", None
        opened = self._opened(sent)
        past, later = self._years(opened, sent.start)
        if past and not later:
            return "result", max(past)
        if self._has("result_period", opened, end):
            return "result", None
        if self._has("result", opened, end):
            carried = self._carried(sent, opened, end)
            if (
                carried and carried[0] == "part"
            ):  # 2022年一季度，…。初步预计，地区生产总值增长7%: not last year's estimate
                return carried
            return "result", self._last_year("")
        review = self._review_of(sent.start)
        if review:
            return "result", review[2]
        return self._carried(sent, opened, end) or ("target", None)

    def _carried(self, sent: _Sentence, opened: int, end: int) -> tuple[str, int | None] | None:
        """The time that the sentences before a sentence with no time of its own tell in its
        paragraph: a paragraph that reviews a year (2021年，全区经济稳中提质。全年地区生产总值增长
        11.7%) or part of one (2022年一季度，…。初步预计，…增长7%) stays so up to a sentence that
        turns to the plan year (a year from it on, 今年, a word of a target: lexicon role
        ``plan_turn``), or a word of the whole year after part of it. ``None`` when the paragraph
        tells no such time before it, or the sentence turns (or is among the main targets)."""
        if self.plan_year is None:
            return None
        text = self.text
        para = text.rfind("\n", 0, opened) + 1
        if self._sources is None:  # once a document: where a time that carries may be told
            marks, _ = self._year_index()
            self._sources = sorted(
                [at for at, year in marks if year < self.plan_year] + self._part_year + self._markers["result"]
            )
        if (
            para >= opened
            or not self._has_at(self._sources, para, opened)
            or (self.headline and self._section(sent.start) == "headline")
        ):
            return None  # most sentences: no past year, part of a year or last year before them in their paragraph
        if self._turns is None:  # once a document that has such times: what turns to the plan year
            self._turns = self._time_words(self.w.plan_turn)
            self._whole = self._whole_year or self._time_words(self.w.whole_year)
        if any(self._has_at(found, opened, end) for found in (self._turns, self._markers["current"])):
            return None
        positions, records = self._paragraph_times(para)
        k = bisect.bisect_left(positions, opened)
        record = records[k - 1] if k else None
        if record is None or record[0] == "target":
            return None
        if record[0] == "part" and self._has_at(self._whole, opened, end):
            return None  # 上半年，…。全年地区生产总值增长6%
        return record

    def _paragraph_times(self, para: int) -> tuple[list[int], list[tuple[str, int | None] | None]]:
        """The times told in the paragraph that starts at ``para``, once a paragraph: where each is
        told, and the time in force after it (a word of the whole year brings back the time before
        the part of the year that came before it)."""
        if para in self._paragraphs:
            return self._paragraphs[para]
        text, plan_year = self.text, self.plan_year or 0  # asked only when the plan year is known
        end = text.find("\n", para)
        end = len(text) if end < 0 else end
        marks, starts = self._year_index()
        # a year (not the end of a five-year plan: “十三五”末，…达到500亿元。…比“十三五”末增长30%)
        told = [
            (
                at,
                ("result", None if text.startswith(_SINCE, at + 5) else year) if year < plan_year else ("target", None),
            )
            for at, year in marks[bisect.bisect_left(starts, para) : bisect.bisect_left(starts, end)]
            if at not in self._period_ends
        ]
        for found, record in (
            (self._part_year, ("part", None)),
            (self._turns or [], ("target", None)),
            (self._whole, ("whole", None)),
            (self._markers["current"], ("target", None)),
            (self._markers["result"], ("result", plan_year - 1)),
        ):
            told += [(at, record) for at in found[bisect.bisect_left(found, para) : bisect.bisect_left(found, end)]]
        told.sort()
        records: list[tuple[str, int | None] | None] = []
        before: tuple[str, int | None] | None = None
        for _, told_here in told:
            if told_here[0] == "whole":  # 全年 after part of the year: the time before the part
                records.append(before)
            else:
                before = told_here if told_here[0] != "part" else before
                records.append(told_here)
        self._paragraphs[para] = times = ([at for at, _ in told], records)
        return times

    @staticmethod
    def _has_at(found: list[int], start: int, end: int) -> bool:
        """Whether a position of ``found`` (sorted) lies in ``[start, end)``."""
        k = bisect.bisect_left(found, start)
        return k < len(found) and found[k] < end

    def _review_of(self, pos: int) -> tuple[int, int, int | None] | None:
        """The review section (start, end, year) that ``pos`` lies in, if any."""
        k = bisect.bisect_right(self._review_starts, pos)
        return self.review[k - 1] if k and pos < self.review[k - 1][1] else None

    def _times(self, sent: _Sentence, record: tuple[str, int | None]) -> list[tuple[int, tuple[str, int | None]]]:
        """The years and time words of the full sentence of ``sent`` that tell a record, in order:
        ``(position, record)``. A value takes the record of the last one before it
        (2023年…增长6.1%，2024年力争增长7%; 去年…，今年力争…). A word of this year (今年) tells
        nothing under a review heading, where a summary written at the end of a year calls
        that year 今年. Part of a year (1-11月) gives the record ``("part", None)``, up to a word
        of the whole year (全年), which brings back the record before it (``record``: the
        sentence's own)."""
        opened = self._opened(sent)
        parts = self._part_year
        part = parts[bisect.bisect_left(parts, opened) : bisect.bisect_left(parts, sent.end)] if parts else parts
        if self.plan_year is None:
            return [(at, ("part", None)) for at in part]
        marks, starts = self._year_index()
        found = marks[bisect.bisect_left(starts, opened) : bisect.bisect_left(starts, sent.end)]
        times = [(at, ("result", year) if year < self.plan_year else ("target", None)) for at, year in found]
        told = {
            "result": ("result", self.plan_year - 1),
            "result_period": ("result", None),
            "current": ("target", None),
        }
        for role, words in self._markers.items():
            if role == "result" and record[0] == "part":
                continue  # an estimate (初步预计) in a paragraph of part of the year (2022年一季度，…): of that part
            for at in words[bisect.bisect_left(words, opened) : bisect.bisect_left(words, sent.end)]:
                if role != "current" or not self._review_of(at):
                    times.append((at, told[role]))
        if not part:
            return sorted(times)
        whole = self._whole_year[
            bisect.bisect_left(self._whole_year, part[0]) : bisect.bisect_left(self._whole_year, sent.end)
        ]
        out: list[tuple[int, tuple[str, int | None]]] = []
        before = record
        for at, told_here in sorted(
            times + [(at, ("part", None)) for at in part] + [(at, ("whole", None)) for at in whole]
        ):
            if told_here[0] == "whole":
                told_here = before
            elif told_here[0] != "part":
                before = told_here
            out.append((at, told_here))
        return out

    def _brackets(self, sent: _Sentence, times: list[tuple[int, tuple[str, int | None]]]) -> list[tuple[int, int]]:
        """The brackets of the full sentence of ``sent`` that a time is told in, ``(open, close)``."""
        text, out = self.text, []
        at = text.find("(", self._opened(sent), sent.end)
        while at >= 0:
            close = text.find(")", at, sent.end)
            if close < 0:
                break
            k = bisect.bisect_left(times, (at,))
            if k < len(times) and times[k][0] < close:
                out.append((at, close))
            at = text.find("(", close, sent.end)
        return out

    @staticmethod
    def _told_before(
        times: list[tuple[int, tuple[str, int | None]]], pos: int, record: tuple[str, int | None]
    ) -> tuple[str, int | None]:
        """The record told last before ``pos`` (``record`` if none)."""
        k = bisect.bisect_left(times, (pos,))
        return times[k - 1][1] if k else record

    def _opened(self, sent: _Sentence) -> int:
        """Where the full sentence of ``sent`` opens (``sent`` may follow a semicolon)."""
        k = bisect.bisect_left(self._full_stops, sent.start)
        return max(self._full_stops[k - 1] + 1 if k else 0, sent.start - _CLAUSE_MAX * 4)

    def _horizon(self, sent: _Sentence, pos: int) -> int | None:
        """The later year that a value at ``pos`` is set for, when the last year named before it
        in its sentence is a time limit after the plan year (到2025年, 2025年底前: words of the
        roles ``horizon_before``/``horizon_after`` of the lexicon), else ``None``."""
        if self.plan_year is None:
            return None
        marks, starts = self._year_index()
        k = bisect.bisect_left(starts, pos)
        if not k or marks[k - 1][1] <= self.plan_year or starts[k - 1] < self._opened(sent):
            return None
        at, year = marks[k - 1]  # "2025年" starts at ``at``
        if self._has("current", at, pos) or self._has("result", at, pos):
            return None  # 到2026年，高新技术企业达到500家；今年新增100家: a word of a year after the limit
        if at in self._period_ends:
            return year
        text = self.text
        word = next((w for w in self.w.horizon_before if text.endswith(w, 0, at)), "")
        # 到 after a year closes a range of years (2024年至2026年, 2024—2026年): a period, as 今后三年
        # is, unless it is (in) a title (《2024—2026年行动计划》)
        if word:
            closes_range = text[at - len(word) - 1 : at - len(word)] in _RANGE_OPEN
        else:
            closes_range = text[at - 1 : at] in _RANGE_DASH and text[at - 2 : at - 1].isdigit()
        if closes_range:
            opened = self._opened(sent)
            title = text.rfind("《", opened, at) > text.rfind("》", opened, at)
            return None if title or self._each_year(at, pos) else year
        return year if word or text.startswith(self.w.horizon_after, at + 5) else None

    def _each_year(self, start: int, end: int) -> bool:
        """Whether a word of each year (每年) lies in ``text[start:end]``: after a period of years,
        the values are targets of every year of it, the plan year first."""
        return any(self.text.find(w, start, end) >= 0 for w in self.w.per_year)

    def _year_index(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Every year of the text that is not the base of a comparison, ``(position, year)``,
        and their positions; found once."""
        if self._year_marks is None:
            marks = [(m.start(), int(m.group(1))) for m in _YEAR_OF_RECORD.finditer(self.text)]
            ends = []
            for m in _PLAN_PERIOD_END.finditer(self.text):
                at = self._from_quote(m.start())
                if self.text[at - 1 : at] not in _BASE_MARK:
                    ends.append((at, plan_period_end(m.group(1))))
            if ends:  # rare: the end of a five-year plan, a time limit of its own
                self._period_ends = {pos for pos, _ in ends}
                marks = sorted(marks + ends)
            self._year_marks, self._year_starts = marks, [pos for pos, _ in marks]
        return self._year_marks, self._year_starts

    def _from_quote(self, start: int) -> int:
        """Where a name that starts at ``start`` starts with its opening quotation mark (“十四五”末)."""
        return start - (start > 0 and self.text[start - 1] in '“"「『‘')

    def _periods_ahead(self) -> list[tuple[int, int]]:
        """Every period of several years from the plan year on that the text names, ``(position,
        last year)``: 今后五年, 三年内, 用三年时间 (the plan year is the first), “十四五”期间; found once."""
        if self._periods is None:
            text, (end_word, start_word) = self.text, self.w.period_scans
            found = []
            for m in start_word.finditer(text):
                at = m.start() - 1  # the count
                before = next(w for w in self.w.period_before if text.endswith(w, 0, at))
                found.append((at - len(before), self.plan_year + _YEAR_COUNTS[text[at]] - 1))
            for m in end_word.finditer(text):
                at = m.start() - 1  # the count
                if at >= 0 and text[at] in _YEAR_COUNTS and text[at - 1 : at] not in _NOT_BEFORE_COUNT:
                    found.append((at, self.plan_year + _YEAR_COUNTS[text[at]] - 1))
            for m in _PLAN_PERIOD_SPAN.finditer(text):
                at = self._from_quote(m.start())
                found.append((at, plan_period_end(m.group(1))))
            self._periods = sorted(found)
        return self._periods

    def _period_sections(self) -> list[tuple[int, int, int]]:
        """Spans of the text under a heading that names a period of several years ahead
        (二、今后五年的目标任务; 今后五年的主要目标是：), each with the last year of the period, up
        to the next heading of the same or a higher level (三、…), or one that names this year, a
        year from the plan year on, or another period; found once. A heading that names this
        year too (今后五年目标和2024年工作) opens none."""
        if self._period_spans is None:
            spans: list[tuple[int, int, int]] = []
            ranges = self._year_ranges()
            range_starts = [a for a, _, _ in ranges]
            periods = sorted(
                [p for p in self._periods_ahead() if p[1] > self.plan_year] + [(a, last) for a, _, last in ranges]
            )
            opened: tuple[int, int, int] | None = None  # (start, last year, level)
            pos, title = 0, True  # the first line with text is the title of the plan
            five_year = self._five_year_title()
            for line in self.text.split("\n") if periods or five_year else ():
                end = pos + len(line)
                if five_year and pos == five_year[0]:  # …第十四个五年规划和2035年远景目标纲要: the whole plan
                    opened = (pos, five_year[1], -1)
                elif 0 < len(line.strip()) <= _HEADING_MAX and "。" not in line and not self._review_of(pos):
                    # the years of a range (二、2024—2026年主要目标) name its period, not this year
                    here = ranges[bisect.bisect_left(range_starts, pos) : bisect.bisect_left(range_starts, end)]
                    in_range = [(a - pos, b - pos) for a, b, _ in here]
                    now = self._years_outside(pos, end, here) or self._has("current", pos, end)
                    k = bisect.bisect_left(periods, (pos,))
                    last = periods[k][1] if k < len(periods) and periods[k][0] < end else None
                    level = next((n for n, r in enumerate(_HEADING_LEVELS) if r.match(line)), None)
                    # a numbered heading opens a range (二、2024—2026年主要目标), but no title of another plan
                    # (《…》) in it; so does the title of the plan (某某县2024—2026年…三年行动计划: the whole plan),
                    # also in a notice that issues it (关于印发《…》的通知), but no sentence (实施《…》)
                    title = (
                        title
                        and level is None
                        and ("《" not in line or line[: line.find("《")].endswith(self.w.title_filler))
                    )
                    if in_range and not title and (level is None or "《" in line):
                        last = None
                    level = -1 if title else level  # no heading closes the period of the title
                    if opened and (now or last or (level is not None and level <= opened[2])):
                        spans.append((opened[0], pos, opened[1]))
                        opened = None
                    figures = line
                    for a, b in in_range:
                        figures = figures[:a] + " " * (b - a) + figures[b:]
                    if last and not now and not _DIGIT.search(figures):  # a line with a figure is no heading
                        # a heading with no number (今后五年的主要目标是：) has items of any number under it
                        opened = (pos, last, 1 if level is None else level)
                title = title and not line.strip()
                pos = end + 1
            if opened:
                spans.append((opened[0], len(self.text), opened[1]))
            self._period_spans = spans
        return self._period_spans

    def _five_year_title(self) -> tuple[int, int] | None:
        """``(start, last year)`` of the title of a five-year plan on the first line with text
        (…第十四个五年规划和2035年远景目标纲要, “十四五”工业发展规划), when the plan year is one of its
        years but the last; else ``None``."""
        text = self.text
        first = len(text) - len(text.lstrip())
        start = text.rfind("\n", 0, first) + 1
        end = text.find("\n", first)
        m = _FIVE_YEAR_PLAN.search(text[start : end if end >= 0 else len(text)])
        if not m:
            return None
        last = plan_period_end(m.group(1) or m.group(2))
        return (start, last) if plan_period_start(last) <= self.plan_year < last else None

    def _year_ranges(self) -> list[tuple[int, int, int]]:
        """Every range of years that the plan year opens (2024—2026年, 2024年至2026年), ``(start,
        end, last year)``."""
        marks, text, out = self._year_index()[0], self.text, []
        for at, year in marks:
            if year <= self.plan_year:
                continue
            mark = at - 1  # the dash, 至 or 到 before the last year
            if text[mark : mark + 1] in _RANGE_DASH or text[mark : mark + 1] in ("至", "到"):
                first = mark - (text[mark - 1 : mark] == "年")
                if (
                    first >= 4
                    and text[first - 4 : first] == str(self.plan_year)
                    and not text[max(0, first - 5) : first - 4].isdigit()
                ):
                    out.append((first - 4, at + 5, year))
        return out

    def _years_outside(self, start: int, end: int, ranges: list[tuple[int, int, int]]) -> bool:
        """Whether a year from the plan year on lies in ``text[start:end]`` outside the ``ranges``."""
        marks, starts = self._year_index()
        found = marks[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        return any(y >= self.plan_year and not any(a <= at < b for a, b, _ in ranges) for at, y in found)

    def _period_section_of(self, sent: _Sentence, pos: int) -> int | None:
        """The last year of the period whose heading a value at ``pos`` lies under, unless a word
        of each year (每年) stands before it in its sentence; else ``None``."""
        spans = self._period_sections()
        k = bisect.bisect_right(spans, pos, key=lambda span: span[0])
        if not k or pos >= spans[k - 1][1] or self._each_year(self._opened(sent), pos):
            return None
        return spans[k - 1][2]

    def _period_ahead(self, sent: _Sentence, pos: int, told: int) -> int | None:
        """The last year of a period of several years ahead named in the sentence of a value at
        ``pos``, after the last year or time word before it (at ``told``), with no word of each year
        between it and the value (今后三年，每年新增…: a target of every year); else ``None``."""
        periods = self._periods_ahead()
        k = bisect.bisect_left(periods, (pos,))
        if not k:
            return None
        at, last = periods[k - 1]
        if last <= self.plan_year or at < max(told, self._opened(sent)) or self._review_of(at):
            return None
        return None if self._each_year(at, pos) else last

    def _years(self, start: int, end: int) -> tuple[list[int], list[int]]:
        """The years in ``text[start:end]`` before the plan year and from it on; base years
        of a comparison (比2020年, 2020年基础上) are left out."""
        if self.plan_year is None:
            return [], []
        marks, starts = self._year_index()
        found = marks[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        if not found:
            return [], []
        return [y for _, y in found if y < self.plan_year], [y for _, y in found if y >= self.plan_year]

    def _reject(self, start: int, end: int, reason: str) -> None:
        s, e = self.norm.span(start, end)
        self.rejects.append(Reject(s, e, reason))

    def _sentence(self, sent: _Sentence) -> None:
        record = self._record_of(sent)
        # (metric_text, subset) of the targets so far in the full sentence: a clause after a semicolon
        # with no indicator of its own has that of the clause before it (上半年，地区生产总值增长5%；全年力争增长6%)
        opened = self._opened(sent)
        if opened != self._previous_opened:
            # ... and so has a sentence that opens with 其中 (…新增市场主体1万户。其中，企业3000户)
            opens = self.text[opened : opened + 8].lstrip(_LEADING_PUNCT + "\n")
            if not opens.startswith(tuple(self.w.subset)):
                self._previous = []
            self._previous_opened = opened
        previous = self._previous
        lists = [done for done in map(self._complete, self._lists(sent)) if done]
        for v in sent.values:  # 新增就业1.2万，: a magnitude with no unit (人? 元?) is set aside, not dropped
            if (
                v.mult
                and not v.unit
                and (v.end >= sent.end or self.text[v.end] in _AFTER_BOUNDARY)
                and not any(x.start == v.start for done in lists for x in done)
            ):
                self._reject(v.start, v.end, _NO_UNIT)
        times = self._times(sent, record)
        brackets = self._brackets(sent, times) if times else []
        # a time told in a bracket is that of the values in it (地区生产总值增长6%左右（2023年增长5.1%）, 增长5%
        # （上年实际增长3.2%），固定资产投资增长8%), and a word of last year that opens a clause, that of the values
        # after it (控制在3%左右，上年为2.1%): neither reaches back to the values before it (a year that opens a
        # clause does: “十三五”时期，…年均增长7.2%，2020年达到180亿元)
        at = next((at for at, _ in times if at >= sent.start), sent.end)
        cut = at if self.text[at - 1 : at] in _CLAUSE_OPEN and _PREVIOUS_YEAR_WORD.match(self.text, at) else sent.end
        if brackets and brackets[0][0] >= sent.start:
            cut = min(cut, brackets[0][0])
        if cut < sent.end:
            record = self._record_of(sent, cut)
        for at, close in brackets:  # in order: the time before a bracket is back after the one before it
            times = sorted(times + [(close, self._told_before(times, at, record))])
        self._prev_end, self._prev_reversed = sent.start, False
        for values in lists:
            first, last = values[0], values[-1]
            horizon = self._horizon(sent, first.start)
            k = bisect.bisect_left(times, (first.start,)) if times else 0
            self._record = ("horizon", horizon) if horizon else times[k - 1][1] if k else record
            self._ahead = False
            if not horizon and self.plan_year is not None and self._record[0] != "part":
                ahead = self._period_ahead(sent, first.start, times[k - 1][0] if k else -1)
                self._ahead = bool(ahead)
                if not ahead and not k and self._record == ("target", None):  # no time in its sentence
                    ahead = self._period_section_of(sent, first.start)
                self._record = ("horizon", ahead) if ahead else self._record
            result, result_year = self._record[0] == "result", self._record[1]
            if result and result_year is None:
                self._reject(
                    first.start, last.end, "reported result of several years or of an unknown year, not a target"
                )
                continue
            if sent.quoted(first.start):
                self._reject(first.start, last.end, "inside quotation marks (a name or slogan)")
                continue
            nxt = self.text[last.end : last.end + 1]
            if nxt == "的" or nxt in self.w.value_noun.first:
                values, last = self._named(sent, values)
                nxt = self.text[max(last.end, last.cite_end) : max(last.end, last.cite_end) + 1]
            if nxt in self.w.milestone.first:  # 突破1000亿元大关，: the threshold word is no noun
                word = _strip_front(self.text[last.end : sent.end], self.w.milestone)[1]
                nxt = self.text[last.end + len(word) : last.end + len(word) + 1] if word else nxt
            if not nxt or nxt in _AFTER_BOUNDARY or max(last.end, last.cite_end) >= sent.end:
                self._targets(sent, values, self._prev_end, previous)
                self._prev_end, self._prev_reversed = last.end, False
            elif self._noun_after(sent, values, self._prev_end, previous):
                self._prev_end, self._prev_reversed = sent.clause_end(last.end), True
            else:
                self._prev_reversed = False

    def _named(self, sent: _Sentence, values: list[_Value]) -> tuple[list[_Value], _Value]:
        """A list followed by a word that names what its values are, after 的 or not, at the end of a
        clause (保持10%以上的增长, 实现6%左右增长, 达到2.5%的水平): the values, with that word and the
        end of their citation."""
        last = values[-1]
        at = last.end + (self.text[last.end] == "的")
        word = _strip_front(self.text[at : at + 8], self.w.value_noun)[1]
        end = at + len(word)
        if not word or (end < sent.end and self.text[end] not in _AFTER_BOUNDARY):
            return values, last
        values = [v._replace(named=word) for v in values[:-1]] + [last._replace(named=word, cite_end=end)]
        return values, values[-1]

    # -- a list followed by a noun ---------------------------------------------------------
    def _noun_after(self, sent: _Sentence, values: list[_Value], prev_end: int, previous) -> bool:
        first, last = values[0], values[-1]
        noun_end = sent.clause_end(last.end)
        noun = self.text[last.end : noun_end]
        clause = max(sent.clause_start(first.start, enumeration=False), prev_end)
        # 分别 before values: the nouns after them are as many, in the same order (分别打造5个、
        # 10个以上省级、市级示范点); otherwise the noun runs to the next enumeration comma
        respectively = len(values) > 1 and self.w.respectively.search(self.text, clause, first.start) is not None
        item_end = -1 if respectively else self.text.find("、", last.end, noun_end)
        item_end = noun_end if item_end < 0 else item_end
        later_value = any(v.unit for v in sent.values_between(last.end, item_end))
        start = max(sent.clause_start(first.start, enumeration=True), prev_end)
        before = self.text[start : first.start].strip()
        before = _strip_back(before, self.w.scope)[0] or before  # 争取全县90%以上的行政村…: the verb before the scope
        # …or after examples (抓好市第三医院二期、枣园安置社区等12个市级重点项目): the count of the noun they name
        opens = (
            (before.endswith(self.w.lead) or _EXAMPLES.search(before, len(before) - 1) is not None)
            if before
            else (self._prev_reversed or start <= clause)
        )
        # 的 after the number: a share or a count of the noun, when a verb of the plan opens it and the noun is no verb
        # (实现30%的增长)
        of = (
            noun.startswith("的")
            and before.endswith(self.w.lead_of)
            and len(noun) > 1
            and not noun.startswith(self.w.verb_words, 1)
        )
        if (noun.startswith("的") and not of) or later_value or not opens or first.lo[0] in CHINESE_DIGITS:
            change = noun.startswith(self.w.verb_words) and _CHANGE_FROM.search(self.text, clause, last.end)
            self._reject(
                first.start,
                last.end,
                "the start of a change (由…提高到…), not a target"
                if change
                else "describes a noun (an attribute, not a target value)",
            )
            return False
        _, info = self._strip(before)
        verb = _strip_back(before, self.w.lead_or_verb)[1] or info["verb"]
        named = self.text[last.end + (len("的") if of else 0) : item_end]
        nouns = _split_items(named, len(values)) if respectively else [named] * len(values)
        for v, metric_text in zip(values, nouns, strict=False):
            self._emit(sent.index, v, start + info["offset"], item_end, metric_text, verb, info, len(values) > 1)
            previous.append((metric_text, info["subset"]))
        return True

    # -- a list followed by a boundary ------------------------------------------------------
    def _targets(self, sent: _Sentence, values: list[_Value], prev_end: int, previous) -> None:
        first = values[0]
        clause = max(sent.clause_start(first.start, enumeration=False), prev_end)
        n = len(values)
        if self.w.respectively.search(self.text, clause, first.start) is not None or (
            n > 1 and self.text.count("、", clause, first.start) == n - 1 and not self._has_each(clause, first.start)
        ):
            # as many items as values: one value for each, in order, 分别 or not (新建、改建农村公路100公里、50公里),
            # unless a word of each gives every item every value (财务中心、结算中心各不少于10家、20家)
            self._respectively(sent, values, clause, previous)
            return
        # with no 、 in the clause, the enumerated item is the whole clause
        start = (
            clause
            if self.text.find("、", clause, first.start) < 0
            else max(sent.clause_start(first.start, enumeration=True), prev_end)
        )
        segment = self.text[start : first.start]
        head, info = self._strip(segment)
        if not info["subset"] and start == clause and self._subset_clause(clause):
            info["subset"] = True  # 其中，省重点项目12个: 其中 is a clause of its own
        opened_by_colon = not head and start == clause and self.text[clause - 1 : clause] in _LABEL_END
        label = self._label(sent, clause - 1, prev_end) if opened_by_colon else None
        if not head and start == clause > prev_end + 1 and not label and self.text[clause - 1] in "，,":
            # 进出口总额由负转正，增长3%: the indicator of a clause before that only turns round, with no number
            turn = _strip_back(self.text[prev_end : clause - 1], self.w.turnaround)[1]
            label = self._label(sent, clause - 1 - len(turn), prev_end) if turn else None
        if label:
            (start, head), info["offset"] = label, 0
        elif (
            head in self.w.measure_words
            and not previous
            and start == clause > prev_end + 1
            and self.text[clause - 1] in "，,"
        ):
            # 加快推进重点项目建设，完成投资200亿元: a measure alone measures the task of the clause before
            head = self._task(sent, clause - 1, prev_end) + head
        n = len(values)
        if not head and 1 < n <= len(previous) and len({m for m, _ in previous[-n:]}) == n:
            # a list that names nothing after as many targets (城镇、农村居民人均可支配收入分别达到45120元、
            # 23380元，增长4.8%、6.9%): one value for each of them, in order, as after 分别
            for v, (metric_text, _) in zip(values, previous[-n:], strict=False):
                self._emit(sent.index, v, start + info["offset"], v.end, metric_text, info["verb"], info, True)
            previous.extend(previous[-n:])
            return
        if info["each"] and len(values) == 1 and self._each(sent, first, clause, previous):
            return
        if len(values) == 1 and start > clause and self._rate_of_each(sent, first, clause, start, previous):
            return
        if start > clause and self.text[start - 1] == "、" and not info["verb"]:
            info["verb"] = self._leading_verb(self.text[clause:start])
            if len(values) == 1 and self._of_all_items(sent, first, clause, start):
                # 新建改扩建中小学、幼儿园8所: the schools and kindergartens, not the kindergartens
                start = clause
                head, info = self._strip(self.text[clause : first.start])
        if head and (_MID_YEAR_DEADLINE.fullmatch(head) or _strip_front(head, self.w.part_year_words) == ("", head)):
            self._reject(first.start, values[-1].end, _MILESTONE)
            return
        metric_text, subset = self._with_context(head, info["subset"], previous, info["verb"])
        if first.lo[0] in CHINESE_DIGITS and not (
            info["verb"]
            or info["pre"]
            or info["modal"]
            or info["acts"]
            or self._change(first.named)
            or any(w in metric_text for w in self.w.increments)
        ):
            # a verb makes a target of a Chinese numeral (固定资产投资两位数增长: after it), or an increment in the
            # indicator (城镇新增就业两千人), its own or that of the whole it is part of (新增市场主体…，其中企业五千户)
            self._reject(first.start, values[-1].end, "Chinese numeral with no verb in its clause (a name or slogan)")
            return
        if not info["modal"] and clause < start:
            info["modal"] = self._modal(self.text[clause:start])
        info["subset"] = subset
        # the values of a collective indicator are one for each part, as after 分别 (城乡居民人均可支配收入增长6%和7.5%)
        nouns = (len(values) > 1 and _collective(metric_text, len(values))) or [metric_text] * len(values)
        for v, noun in zip(values, nouns, strict=False):
            self._emit(sent.index, v, start + info["offset"], v.end, noun, info["verb"], info, len(values) > 1)
            previous.append((noun, subset))

    def _task(self, sent: _Sentence, comma: int, prev_end: int) -> str:
        """The subject of the task that a clause with no number before ``comma`` names, after the
        verbs that set it (lexicon role ``task_verb``: 加快推进重点项目建设 → 重点项目建设), or ``""``
        when it has none of them, holds a number or is long (a clause of another kind)."""
        start = max(sent.clause_start(comma, enumeration=False), prev_end)
        task, stripped = self.text[start:comma].strip(_LEADING_PUNCT), False
        for _ in range(4):  # 全力 加快 推进 …
            task, word = _strip_front(task, self.w.task_verb)
            if not word:
                break
            stripped = True
        if not stripped or not task or len(task) > _TASK_MAX or _DIGIT.search(task):
            return ""
        return task

    def _subset_clause(self, clause: int) -> bool:
        """Whether the clause before the one that starts at ``clause`` is a word of a part alone
        (lexicon role ``subset``: 其中，省重点项目12个)."""
        text, end = self.text, clause - 1
        if (text[end:clause] not in _CLAUSE_OPEN and text[end:clause] not in _LABEL_END) or text[
            end - 1 : end
        ] not in self.w.subset_last:
            return False
        return any(
            text.endswith(w, 0, end) and text[end - len(w) - 1 : end - len(w)] in _AFTER_BOUNDARY for w in self.w.subset
        )

    def _has_each(self, start: int, end: int) -> bool:
        """Whether a word of each (各, 均: lexicon role ``each``) stands in ``text[start:end]``, not as the end
        of a word that is none (年均, 人均: role ``not_each``)."""
        text = self.text
        for w in self.w.each:
            at = text.find(w, start, end)
            while at >= 0:
                if not text.endswith(self.w.not_each, start, at + len(w)):
                    return True
                at = text.find(w, at + 1, end)
        return False

    def _label(self, sent: _Sentence, colon: int, prev_end: int) -> tuple[int, str] | None:
        """The indicator of a value after a colon that names none (地区生产总值：增长7%, the row of a
        table): the phrase before the colon, if it is one (no number, no marker of the main
        targets), with where it starts."""
        label_start = max(sent.clause_start(colon, enumeration=False), prev_end)
        label = self.text[label_start:colon]
        if self.w.headline_word.search(label):
            return None
        text, info = self._strip(label)  # the number of an item (1.社会消费品零售总额：) goes
        if any(c.isdigit() for c in text):  # a value before the colon: no label
            return None
        return (label_start + info["offset"], text) if text else None

    def _respectively(self, sent: _Sentence, values: list[_Value], clause: int, previous) -> None:
        segment = self.text[clause : values[0].start]
        found = self.w.respectively.search(segment)
        cut, after = (found.start(), found.end()) if found else (len(segment), len(segment))
        head, info = self._strip(segment[:cut])
        basis, tail = self._strip(segment[after:])
        head += basis if basis in self.w.rate_basis else ""  # 分别提高到每人每月800元和600元
        info["verb"] = tail["verb"] or info["verb"]
        info["pre"] = tail["pre"] or info["pre"]
        n = len(values)
        if not head and 1 < n <= len(previous):
            # 分别 with no indicators of its own: the targets just before it, in order (接待游客1500万人次，
            # 实现旅游收入150亿元，分别增长15%、18%)
            named = previous[-n:]
        else:
            named = [self._with_context(part, info["subset"], previous) for part in _split_items(head, n)]
        for v, (metric_text, subset) in zip(values, named, strict=False):
            self._emit(sent.index, v, clause + info["offset"], v.end, metric_text, info["verb"], info, True)
            previous.append((metric_text, subset))

    def _each(self, sent: _Sentence, v: _Value, clause: int, previous) -> bool:
        """各 or 均 after enumerated items (新增孵化器、示范机构各1个; 孵化器和众创空间各2家; 城乡居民…均增长7%):
        the value for each item. ``False`` when the clause names one item."""
        head, info = self._strip(self.text[clause : v.start])
        head, lead = _strip_front(head, self.w.lead_verb)  # the verb of all the items: 新增 A、B
        if "、" in head:
            parts = _split_items(head, head.count("、") + 1)
        else:  # 和, 及, 与 join items only when each is a plain name: not a modifier (科技和信息化…),
            # nothing counted (3条产业链和7个集群…项目各10个 is one list of projects)
            parts = re.split("[和及与]", head)
            if any(len(p.strip()) < _SHORT_ITEM or any(c.isdigit() for c in p) for p in parts):
                return False
        parts = parts if len(parts) > 1 else _collective(head)  # 城乡居民人均可支配收入均增长7%: town and country each
        if not parts:
            return False
        for part in parts:
            metric_text, subset = self._with_context(lead + part.strip(), info["subset"], previous)
            self._emit(sent.index, v, clause + info["offset"], v.end, metric_text, info["verb"], info, True)
            previous.append((metric_text, subset))
        return True

    def _rate_of_each(self, sent: _Sentence, v: _Value, clause: int, start: int, previous) -> bool:
        """A rate after enumerated items that state no number is the rate of each
        (城镇、农村居民人均可支配收入增长7%; 高技术产业投资、产值增长10%), as with 各."""
        unit = self.w.units.get(v.unit)
        if unit is None or unit.family not in _RATE_FAMILIES or self.text[start - 1] != "、" or sent.quoted(start - 1):
            return False  # “免申即享、即申即享”占比: one name
        before = self.text[clause : start - 1]
        if not before.strip(_LEADING_PUNCT) or any(c.isdigit() for c in before):
            return False  # no item before the last, or one with a number of its own
        head = _strip_front(self._strip(self.text[clause : v.start])[0], self.w.lead_verb)[0]
        items = _strip_front(head, self.w.cause_verb)[0].split("、")
        if len(items) < 2 or not all(items):
            return False
        shared = _sector_measure(items[-1])  # 汽车、新能源产业产值: 汽车 + 产业产值
        for item in items[:-1]:  # a short item: a modifier that shares the noun of the last, if it is clear how
            if (
                len(item) <= _SHORT_ITEM
                and item not in self.w.group_words
                and item[-1] not in items[-1][: len(item) + 1]
                and not shared
            ):
                return False  # 进出口、实际利用外资: where the noun starts is not known
        return self._each(sent, v, clause, previous)

    def _of_all_items(self, sent: _Sentence, v: _Value, clause: int, start: int) -> bool:
        """Whether an amount after enumerated items that state no number and have no verb of their
        own, but for the first, is the amount of all of them (新建中小学、幼儿园8所; a rate is the
        rate of each: see ``_rate_of_each``)."""
        unit = self.w.units.get(v.unit)
        if unit is None or unit.family in _RATE_FAMILIES or sent.quoted(start - 1):
            return False
        # an item before (not the bracket that closes a target: 15个(其中…5个)、投资…项目50个), with no value
        # of its own (5G基站、充电桩500个: 5G is a name)
        before = self.text[clause : start - 1]
        lead = len(before) - len(before.lstrip(_LEADING_PUNCT))
        item = (
            _ITEM.match(before, lead) if before[lead : lead + 1] in _ITEM_FIRST else None
        )  # 6.新建中小学、: the 6 is no value
        return any(c.isalnum() for c in before) and not sent.values_between(
            clause + (item.end() if item else 0) - 1, start
        )

    def _leading_verb(self, text: str) -> str:
        text, _ = self._strip(text)
        return _strip_front(text, self.w.lead_verb)[1]

    def _modal(self, text: str) -> str:
        return next((w for w in self.w.modal if w in text), "")

    def _strip(self, segment: str) -> tuple[str, dict]:
        """Split a segment into the indicator phrase and the words around it."""
        info = {
            "verb": "",
            "pre": "",
            "modal": "",
            "subset": False,
            "offset": 0,
            "each": False,
            "minus": False,
            "acts": False,
            "cumulative": False,
        }
        basis = ""  # 每人每月 between the verb and the number (低保标准提高到每人每月800元): kept in the indicator
        # where the first word of the role cumulative or per_year starts: cited, since it makes the
        # number a total or one of each year (累计新增, 每年新增), though no part of the indicator
        cited_at = -1
        text, words = segment.lstrip(_LEADING_PUNCT), False
        while True:  # time words, modal words, 其中, a leading year and the number of an item, in any order
            rest = text.lstrip(_LEADING_PUNCT)
            year = self.w.leading_year.match(rest) if rest[:1] in self.w.leading_year_first else None
            year = year or (self.w.leading_period.match(rest) if rest[:1] in self.w.leading_period_first else None)
            # the number of an item comes before any word (全县二、三产业: no item)
            item = _ITEM.match(rest) if not year and not words and rest[:1] in _ITEM_FIRST else None
            if item and rest[item.end() : item.end() + 1] in _ITEM_FIRST and _numeral_list(rest, item):
                item = None  # 一、二、三产业: numerals listed, no number of an item
            if year or item:
                text = rest[(year or item).end() :]
                continue
            rest, word = _strip_front(rest, self.w.front)
            if not word:
                break
            words = True
            if word in self.q["modal"]:
                info["modal"] = info["modal"] or word
            info["acts"] = info["acts"] or word in self.w.verbs  # 完成 of 完成固定资产投资: the phrase has a verb
            if word in self.w.subset:
                info["subset"] = True
            info["cumulative"] = info["cumulative"] or word in self.w.cumulative
            if cited_at < 0 and (word in self.w.cumulative or word in self.w.per_year):
                cited_at = len(segment) - len(rest) - len(word)
            text = rest
        offset = cited_at if cited_at >= 0 else len(segment) - len(text)
        if offset and _QUOTES.get(segment[offset - 1], "\0") in text:
            offset -= 1  # “四上”企业: the citation keeps the quotation mark that the indicator closes
        info["offset"] = offset
        text = text.rstrip()
        if text[-1:] in _MINUS and not text[-2:-1].isdigit():  # 增长-2%: a negative value (6-8% is a range)
            text, info["minus"] = text[:-1].rstrip(), True
        while True:  # verbs, qualifier words and the base of a comparison between the indicator and the number
            rest, word = _strip_back(text, self.w.back)
            if (
                not word
                and info["verb"] in self.w.growth
                and text.endswith(self.w.yearly)
                and not text.endswith(self.w.not_yearly)
            ):
                rest = text[: -len(next(w for w in self.w.yearly if text.endswith(w)))]
                if (
                    not rest[-1:].isdigit() and rest[-1:] not in CHINESE_DIGITS
                ):  # 2023年, 三年: a year or a span of years, not 年 of each year
                    text = rest.rstrip()
                    continue
            if not word:
                base = (
                    _BASE_AT_END.search(text) if text[-1:] in "年期比度上" else None
                )  # 较上年, 与上年相比, 在上年基础上
                base = base or (
                    self.w.year_at_end.search(text) if text[-1:] in self.w.year_at_end_last else None
                )  # …到2026年
                base = base or (_YEAR_OF_VALUE.search(text) if text[-1:] == "的" else None)  # 提高到2025年的
                base = base or (self.w.streak_at_end.search(text) if text[-1:] == "年" else None)  # 粮食产量连续5年
                if not base:
                    break
                text = text[: base.start()].rstrip()
                continue
            if word in self.w.each and (rest + word).endswith(self.w.not_each):
                break  # 全省平均, 人均: a word that ends in 均 is no 均 of each
            if word in self.w.rate_basis and not (basis or info["verb"]):
                basis = word
            elif word in self.q["pre"] and not info["pre"]:
                info["pre"] = word
            elif word in self.w.verbs and not info["verb"]:
                info["verb"] = word
            elif word in self.q["modal"]:  # 全县GDP力争增长9%
                info["modal"] = info["modal"] or word
            info["each"] = info["each"] or word in self.w.each
            text = rest.rstrip()
        if info["verb"] and ("由" in text or "从" in text):
            start = _CHANGE_FROM.search(text)
            text = text[: start.start()].rstrip() if start else text
        lead = _strip_front(text, self.w.lead_verb)[1]
        info["verb"] = info["verb"] or lead
        examples = _EXAMPLES.search(text) if "、" in text else None
        if examples and examples.start() > text.rfind("、") and len(text) - examples.end() >= 2:
            text = (
                lead + text[examples.end() :]
            )  # 安排团结片区城市更新、广成国际等重点项目: 重点项目, named by examples
        return text.strip(_LEADING_PUNCT) + basis, info

    def _with_context(self, metric_text: str, subset: bool, previous, verb: str = "") -> tuple[str, bool]:
        """An attribute phrase (年度投资, 总投资) takes the subject of the target before it, and so
        does a bare measure after another measure of it (规上工业总产值增长12%，增加值增长10%).
        A value that reaches a number with no indicator (累计达到15家), or the total of the subject
        (总数达到300家), counts the subject, not its additions: the subject loses its 新增. A bare
        word of an increment (新增50家) counts the additions to the subject, and a group of
        people alone (农村居民增长8%) has the measure of the group before it, and a share with no
        subject (占GDP比重达到45%) is a share of the subject before it."""
        attributes = self.w.attribute
        if not previous:
            return metric_text, subset
        k = len(previous) - 1
        while k and previous[k][0].endswith(
            self.w.attainment
        ):  # 完成16.8亿元，为预算的102.5%，增长4.2%: the revenue grows
            k -= 1
        subject, prev_subset = previous[k]
        # 上半年规上工业增加值增长10%，全年增长9%: the part of a year is no part of the subject that is carried
        subject = _strip_front(subject, self.w.part_year_words)[0] or subject
        total = metric_text in self.w.total_words
        if not metric_text or total:  # 固定资产投资12.5亿元，同比增长8.6%
            if total or verb in self.w.stock_verbs:  # 新增上市企业2家，累计达到15家
                subject = _strip_front(subject, self.w.lead_verb)[0] or subject
                # ... or with its increment after it (规上工业企业净增20家，总数达到350家)
                subject = next(
                    (subject[: -len(w)] for w in self.w.increments if subject.endswith(w) and subject != w), subject
                )
            return subject + metric_text, subset or prev_subset
        if metric_text in self.w.increments:  # 规上工业企业达到300家，新增50家: additions to the subject
            return metric_text + (_strip_front(subject, self.w.lead_verb)[0] or subject), subset or prev_subset
        if subset and metric_text and _strip_front(metric_text, self.w.lead_verb) == ("", metric_text):
            # 完成高标准农田建设5万亩，其中新建3万亩: a part that is a verb alone acts on the whole
            return metric_text + (_strip_front(subject, self.w.lead_verb)[0] or subject), subset
        if metric_text in self.w.group_words:  # 城镇居民人均可支配收入增长7%、农村居民增长8%: the measure of the group
            rest, group = _strip_front(subject, self.w.groups)
            if group and rest and group != metric_text:
                return metric_text + rest, subset or prev_subset
        if metric_text.startswith(self.w.share_of):  # 税收收入增长8%，占一般公共预算收入比重达到80%
            return subject + metric_text, subset or prev_subset
        if metric_text in attributes:
            for word in attributes:  # 重点项目 of "重点项目年度投资", not the whole phrase
                if subject.endswith(word):
                    subject = subject[: -len(word)]
                    break
            return subject + metric_text, subset or prev_subset
        if metric_text in self.w.growth_noun:  # 固定资产投资突破500亿元，增速保持在10%以上: the rate of the subject
            return _strip_back(subject, self.w.growth_noun_affixes)[0] + metric_text, subset or prev_subset
        if metric_text in self.w.measure_words:
            stem, measure = _strip_back(subject, self.w.measure)
            if measure and stem:
                return stem + metric_text, subset or prev_subset
        if subset and not verb and not _strip_front(metric_text, self.w.lead_verb)[1]:
            # 新增市场主体1万户，其中企业3000户: a part with no verb of its own is new as the whole is
            lead = _strip_front(subject, self.w.lead_verb)[1]
            return (lead if lead in self.w.increments else "") + metric_text, subset
        return metric_text, subset

    # -- one target ----------------------------------------------------------------------
    def _emit(
        self, sentence: int, v: _Value, start: int, end: int, metric_text: str, verb: str, info: dict, in_list: bool
    ) -> None:
        if self._record[0] == "part":  # rejected here: its indicator is still the subject of what follows
            self._reject(v.start, v.end, _PART_YEAR)
            return
        number_word = self.w.number_words.get(v.lo)
        try:
            lo = number_word.value if number_word else parse_number(v.lo)
            hi = parse_number(v.hi) if v.hi else None
        except ValueError:
            self._reject(v.start, v.end, "number could not be read")
            return
        if not math.isfinite(lo) or (hi is not None and not math.isfinite(hi)):
            self._reject(v.start, v.end, "number too large to be a target")
            return
        unit = self.w.units.get(v.unit)
        family = unit.family if unit else "percent"
        if (
            unit
            and unit.integer
            and not v.mult
            and hi is None
            and lo != int(lo)
            and not metric_text.startswith(self.w.per_unit)
        ):
            # OCR reads a hyphen as a dot: "2.3个" is 2-3个; other fractional counts are not targets,
            # but for a count per person (每千人口执业医师数3.2人)
            whole, _, frac = v.lo.partition(".")  # 九点五家 (in numerals) has no dot: a fraction all the same
            if whole.isdigit() and frac.isdigit() and int(frac) == int(whole) + 1:
                lo, hi = float(whole), float(frac)
            else:
                self._reject(v.start, v.end, "fractional count")
                return
        hint = verb.startswith(self.w.multi_year) or self.w.no_target_hint.search(
            metric_text
        )  # one cheap test for most
        average = info.get("average")  # the first year of the average of a column of a table
        if average is None and hint and self._multi_year(metric_text.strip(), verb):
            average = self._average_from(v.start)
            if average is None:
                self._reject(min(start, v.start), v.end, _MULTI_YEAR)
                return
        reason = self._no_target(metric_text.strip(), verb) if hint else ""
        if reason:
            self._reject(min(start, v.start), v.end, reason)
            return
        if v.named:  # 实现7%的增长: the word after 的 is the verb (增长, 下降) or the noun (增速, 降幅) of a change
            verb = (
                _strip_back(v.named, self.w.growth_affixes)[1]
                or _strip_front(v.named, self.w.growth_affixes)[1]
                or verb
            )  # 增长目标
        rate = info.get("rate") or (v.named and v.named.endswith(self.w.growth_noun))
        kind = "growth" if rate and family in ("percent", "permille") else self._kind(family, verb, metric_text)
        decrease_noun = self.w.decrease_noun and (
            metric_text.endswith(self.w.decrease_noun) or v.named.endswith(self.w.decrease_noun)
        )
        if info["minus"] != (verb in self.w.decrease or decrease_noun):
            lo, hi = -lo, (-hi if hi is not None else None)
        if hi is not None:
            qualifier = "range"
        elif v.post:
            qualifier = self.q["post"][v.post]
        elif v.mid:
            qualifier = self.q["mid"][v.mid]
        elif info["pre"]:
            qualifier = self.q["pre"][info["pre"]]
        elif number_word:
            qualifier = number_word.qualifier
        else:
            qualifier = "exact"
        modal = info["modal"]
        after = max(v.end, v.cite_end) if v.named else v.end  # 增长8%（预期性）, 保持8%的增长（预期性）
        nature = self.w.nature_after.match(self.text, after) if self.text.startswith(("(", "（"), after) else None
        if nature:  # 下降3%（约束性）: the nature of the target, in brackets after it
            modal, end = modal or nature.group(1), max(end, nature.end())
        words = [w for w in (modal, info["pre"], number_word and v.lo, v.mid, v.post) if w]
        s, e = self.norm.span(min(start, v.start), max(end, v.end, v.cite_end))
        if _ANY_QUOTE.search(metric_text):
            metric_text = metric_text.translate(_NO_QUOTES)
        metric_text = metric_text.strip()
        name = (
            "%" if v.unit == "%" else v.mult + unit.canonical
        )  # the unit as written, canonical spelling (平米 → 平方米)
        record = self._record
        if modal and record[0] == "target" and self._stretch(sentence, metric_text, family, modal):
            record = ("stretch", record[1])
        self.targets.append(
            Target(
                s,
                e,
                info.get("section") or self._section(v.start),
                metric_text,
                verb,
                kind,
                lo,
                hi,
                name,
                family,
                qualifier,
                "…".join(words),
                info["subset"],
                sentence,
                *record,
                info["cumulative"],
                average,
            )
        )

    def _stretch(self, sentence: int, metric_text: str, family: str, modal: str) -> bool:
        """Whether a target with a modal word is the stretch target of a main target of its indicator
        before it in its sentence (增长6%左右，力争7%: the 7%). When the main target comes second
        (力争增长8%，确保7%: its modal word is no stretch word), the one before it becomes the stretch
        target and this one stays a target (returns ``False``)."""
        stretch = self.w.stretch
        for t in reversed(self.targets):
            if t.sentence != sentence:
                return False
            if t.metric_text != metric_text:
                continue
            if t.record != "target" or t.year != self._record[1] or t.unit_family != family:
                return False
            earlier = t.qualifier_text.split("…", 1)[0] in stretch
            if modal in stretch:
                return not earlier
            if earlier:
                t.record = "stretch"
            return False
        return False

    def _change(self, named: str) -> bool:
        """Whether the word after a value (its ``named``) names a change: 增长, 下降, 增速, 降幅."""
        return bool(named) and (
            bool(_strip_back(named, self.w.growth_affixes)[1]) or named.endswith(self.w.growth_noun)
        )

    def _no_target(self, metric_text: str, verb: str) -> str:
        """Why an indicator names no target of its own, or ``""``."""
        w = self.w
        if metric_text.endswith(w.attainment):
            return "how much of a plan was done (完成年度计划的105%), a result, not a target"
        if w.gap.search(metric_text):
            return "a gap to another figure (高于…, 比…高), not a target of its own"
        if metric_text.endswith(w.benchmark):
            return "the average of a wider region given for comparison (全省平均6%), not a target"
        if w.chrome.fullmatch(_NOT_WORDS.split(metric_text)[-1]):  # the last word, apart from what is before it
            return "the counts of a web page (0浏览 评论0条), not a target"
        return ""

    def _multi_year(self, metric_text: str, verb: str) -> bool:
        """Whether a value is a yearly average over several years: 年均增长6%, 年均增速6%."""
        return verb.startswith(self.w.multi_year) or _strip_back(metric_text, self.w.growth_noun_affixes)[0].endswith(
            self.w.multi_year
        )

    def _average_from(self, pos: int) -> int | None:
        """The first year of the period whose yearly average a value of 年均 at ``pos`` is, or
        ``None`` when it is not known. A five-year plan named in its sentence (“十四五”期间) that
        ends in the year of the target starts it; else a period that the plan year opens: one
        named in the sentence (今后五年), or the period of a heading or of the whole plan (a
        five-year plan, a three-year plan) that the value lies in and that ends in that year. A
        later year alone (到2025年 in a plan of 2024: the years of the plan of that name, or the
        two from now?) is no period."""
        record, year = self._record
        if record != "horizon" or year is None or self.plan_year is None or year <= self.plan_year:
            return None
        reach = max(self.text.rfind("\n", 0, pos) + 1, pos - _PERIOD_REACH)
        opened = max(self.text.rfind(c, reach, pos) for c in _SENTENCE_END) + 1  # in its sentence
        plan = _FIVE_YEAR_PERIOD.search(self.text, max(opened, reach), pos)
        if plan and plan_period_end(plan.group(1)) == year:
            return plan_period_start(year)
        if self._ahead or any(a <= pos < b and last == year for a, b, last in self._period_sections()):
            return self.plan_year
        return None

    def _kind(self, family: str, verb: str, metric_text: str) -> str:
        if family == "pp":
            return "pp_change"
        if family in ("percent", "permille"):
            if verb in self.w.growth or metric_text.endswith(self.w.growth_noun):
                return "growth"
            return "share"
        return "level"


def _under(upper: list[tuple[int, str]], lower: list[tuple[int, str]], first_value: int) -> list[tuple[int, str]]:
    """The cells of a header of two rows (``2024年目标 |`` over ``绝对值 | 增长%``): each cell of
    the lower row under the upper cell above it, or under the last one before it where the
    upper row is empty (a cell across two columns). A cell across both rows is empty in the
    lower row or, as a .docx table gives it, written in both. ``[]`` unless the lower row has
    words only under the columns of values: a row of a table has its name before them."""

    def text(row: list[tuple[int, str]], j: int) -> str:
        return row[j][1].strip() if j < len(row) else ""

    if any(text(lower, j) not in ("", text(upper, j)) for j in range(first_value)) or not any(
        c.strip() for _, c in lower[first_value:]
    ):
        return []
    cells, above = [], ""
    for j in range(max(len(upper), len(lower))):
        up, down = text(upper, j), text(lower, j)
        above = up or (above if j > first_value else "")
        cells.append(((upper if j < len(upper) else lower)[j][0], up if down == up else above + down))
    return cells


_SHORT_ITEM = 3  # characters: an item this short is a modifier that shares its neighbour's noun
_ORDINAL = re.compile(f"第[{CHINESE_DIGITS}]+")


def _collective(head: str, n: int = 0) -> list[str]:
    """The indicators that an indicator of a collective word names, one for each of its parts
    (lexicon role ``collective``: 城乡居民人均可支配收入 → 城镇…, 农村…; 三次产业增加值 → 第一产业…,
    第二产业…, 第三产业…), or ``[]``. With ``n``, only a word of ``n`` parts counts."""
    for word, parts in _words().collective.items():
        if (i := head.find(word)) >= 0 and len(parts) == (n or len(parts)):
            before = head[:i]
            if all(p.startswith("第") for p in parts):
                before = before.removesuffix("第")  # 第二、三产业: the parts carry their 第
            return [before + part + head[i + len(word) :] for part in parts]
    return []


def _numeral_list(text: str, item: re.Match) -> bool:
    """Whether the number of an item at the start of ``text`` is the first of numerals listed in
    the same form (一、二、三产业, 1、2号线): no item number is followed by another."""
    following = _ITEM.match(text, item.end())
    return following is not None and following[0][-1] == item[0][-1]


def _sector_measure(item: str) -> str:
    """The measure of a sector at the end of a full item (食品加工产业产值 → 产业产值), which the
    names before it that measure nothing share (装备制造、食品加工产业产值 → 装备制造产业产值); ``""``."""
    w = _words()
    stem, measure = _strip_back(item, w.measure)
    name, sector = _strip_back(stem, w.sector) if measure else (stem, "")
    return sector + measure if sector and name else ""


def _split_items(head: str, n: int) -> list[str]:
    """The ``n`` indicators of a ``分别`` list: ``城镇、农村居民人均可支配收入`` → 城镇…, 农村…."""
    if parts := _collective(head, n):
        return parts
    parts = [p for p in head.split("、")]
    if len(parts) != n:
        parts = [p for p in re.split(r"[、和及与]", head)]
    if len(parts) != n:
        return [head] * n
    if _ORDINAL.fullmatch(parts[0]) and all(p[:1] in CHINESE_DIGITS for p in parts[1:]):
        parts = [parts[0]] + ["第" + p for p in parts[1:]]  # 第一、二、三产业: 第 is shared too
    # a measure per unit first shares what it is per: 单位地区生产总值能耗、二氧化碳排放 → 单位地区生产总值二氧化碳排放
    rest, per = _strip_front(parts[0], _words().per_unit_affixes)
    rest, base = _strip_front(rest, _words().per_base) if per else (rest, "")
    if base and rest and not any(_strip_front(p, _words().per_unit_affixes)[1] for p in parts[1:]):
        parts = [parts[0]] + [per + base + p for p in parts[1:]]
    # A short item shares the rest of a full one: 城镇、农村居民人均可支配收入 → 城镇 + 居民人均可支配收入;
    # 高技术产业投资、产值 → 高技术产业 + 产值.
    w, first, last = _words(), parts[0], parts[-1]
    tail = _sector_measure(last)
    # only a list of modifiers before the full item shares it: among names of their own, a short
    # one is a name too (化学需氧量、氨氮、二氧化硫、氮氧化物排放量: 氨氮 is no 氨氮氧化物排放量)
    modifiers = all(len(p) <= _SHORT_ITEM for p in parts[:-1])
    # a group of people named alone shares the measure of the group of the full item (城镇居民、农村居民人均可支配收入)
    _, group = _strip_front(last, w.groups)
    out = []
    for i, p in enumerate(parts):
        bare = tail and i < n - 1 and p and not _strip_back(p, w.measure)[1] and not _strip_back(p, w.sector)[1]
        if modifiers and len(p) <= _SHORT_ITEM and i < n - 1 and len(last) > len(p) + 1:
            # the modifier of the full item ends where the short one's last character stands
            # (国家级、省级孵化器 → 国家级 + 孵化器), else it is as long (城镇、农村居民… → 城镇 + 居民…),
            # unless a sector's measure ends the full item (汽车、新材料产业产值 → 汽车 + 产业产值)
            cut = last.find(p[-1], 0, len(p) + 1) if p else -1
            p = p + tail if cut < 0 and bare else p + last[cut + 1 if cut >= 0 else len(p) :]
        elif bare:
            p = p + tail
        elif group and i < n - 1 and p in w.group_words and len(last) > len(group):
            p = p + last[len(group) :]
        elif len(p) <= _SHORT_ITEM and i > 0 and p in w.measure_words:
            # a measure after a full item takes its subject: 高技术产业投资、产值 → 高技术产业 + 产值;
            # any other short item is a name of its own (5G基站、充电桩; 进出口总额、出口)
            stem, measure = _strip_back(first, w.measure)
            p = stem + p if measure and stem else p
        out.append(p)
    return out


def headline_year(text: str) -> int | None:
    """The year named right before the first marker of the main targets that names one
    (``2026年全县经济社会发展的主要预期目标是：``, ``三、2026年主要目标任务``): the plan year of a
    text whose title names none. A time limit (到2030年的主要目标是：) is no plan year.

    Examples
    --------
    >>> headline_year("某某县人民政府工作要点\\n今后五年的主要目标是：…\\n"
    ...               "2026年全县经济社会发展的主要预期目标是：GDP增长6%。")
    2026
    """
    w = _words()
    for m in w.headline.finditer(text):
        lo = max(0, m.start() - 40)  # the search stays within the 40 characters: no scan back to the start
        start = max(text.rfind("。", lo, m.start()), text.rfind("\n", lo, m.start()), m.start() - 40) + 1
        years = list(_YEAR.finditer(text, start, m.start()))
        if years and not text[start : years[-1].start()].endswith(w.horizon_before):
            return int(years[-1][1])
    return None


def find_targets(norm: Normalized, *, plan_year: int | None = None) -> tuple[list[Target], list[Reject]]:
    """All targets of a normalized document, and the numbers set aside with their reasons.

    Examples
    --------
    >>> from planstats.documents import normalize
    >>> text = "主要预期目标是：GDP增长12%左右，新增国家高新技术企业300家以上、科技型中小企业1200家以上。"
    >>> targets, _ = find_targets(normalize(text))
    >>> [(t.metric_text, t.kind, t.value, t.unit, t.qualifier, t.section) for t in targets]
    [('GDP', 'growth', 12.0, '%', 'approx', 'headline'), ('新增国家高新技术企业', 'level', 300.0, '家', 'at_least',
    'headline'), ('科技型中小企业', 'level', 1200.0, '家', 'at_least', 'headline')]
    """
    return _Extractor(norm, plan_year).run()
