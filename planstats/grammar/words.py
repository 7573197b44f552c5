"""The word groups of the grammar, compiled once from the lexicon, the qualifiers, the units and the number words."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from planstats._data import read_rows
from planstats.errors import DataFileError
from planstats.grammar.patterns import (
    _HEADING_NUMBER,
    _MONTH_RANGES,
    _PREVIOUS_YEAR,
    _RANGE_DASH,
    _YEAR_BASE_AFTER,
    _YEAR_COUNTS,
    QUALIFIERS,
)
from planstats.lexicon import Lexicon, lexicon
from planstats.numbers import CHINESE_DIGITS, CHINESE_NUMERAL, MULTIPLIERS, PLAN_PERIOD, PLAN_PERIOD_QUOTE, units
from planstats.read.layout import ITEM_NUMBER


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
        self._values(lex, q)
        self._verbs_and_nouns(lex, q)
        self._affixes(lex, q)
        self._numbers(lex, q)
        self._markers(lex, q)
        self._times(lex, q)
        self._no_targets(lex, q)
        self._leads(lex, q)

    def _values(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Units, qualifiers, the nature of a target in brackets, collective words and ratios."""
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

    def _verbs_and_nouns(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Verbs and nouns of an indicator: growth and decrease, measures per unit, words of each."""
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

    def _affixes(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """What is stripped from the front and the back of an indicator phrase, and the verbs that lead one."""
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

    def _numbers(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Words that stand for a value, magnitudes with no unit, units of tables, measures, groups, ranks."""
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
        self.industry_end = _by_length(lex.industry_end)  # 业: 制造业 is an industry, 产业 is not added to it
        self.total_words = frozenset(lex.total_word)  # 总数: the number of a subject, not its additions
        self.increments = frozenset(lex.increment)  # 新增: the additions to a subject
        self.group_words = frozenset(lex.group)  # 农村居民 after 城镇居民人均可支配收入
        self.groups = _by_length(self.group_words)
        self.share_of = lex.share_of  # 占GDP比重 after 数字经济规模突破500亿元: the share of that subject
        # a word that alone names no indicator: it names a measure, a part, a total, additions, a group or
        # the growth of the subject before it (投资, 总数, 新增, 农村居民, 增速), which the context rules complete
        self.bare_words = (
            self.measure_words
            | self.total_words
            | self.increments
            | self.group_words
            | frozenset(lex.attribute)
            | frozenset(self.growth_noun)
        )
        self.stock_verbs = frozenset(lex.stock_verb)  # 达到: a value that reaches a number
        self.rank = lex.rank  # 第, 前 right before a number: an ordinal or a rank (居全市第3位)
        self.rank_last = frozenset(w[-1] for w in self.rank if w)
        self.not_rank = lex.not_rank  # 目前300家: 前 of a word of time

    def _markers(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Markers of the main targets, of past results, of this year, of part of a year, of a turn to
        the plan year."""
        # markers of the main targets (主要预期目标是：), of past results (过去一年, 过去五年)
        # ... or a heading of its own line (二、2024年主要目标\n)
        self.headline_word = re.compile(_alternation(lex.headline) or "(?!)")
        link = _alternation(lex.headline_link) or "(?!)"  # 主要预期目标设定为：, 主要目标是，
        subjects = _alternation(lex.headline_subject + lex.scope) or "(?!)"  # 全县 too
        self.heading_before = re.compile(rf"{_HEADING_NUMBER}(?:(?:{subjects}){_HEADING_NUMBER})*")
        # a numbered heading line that ends in 目标 (一、经济运行目标), over a numbered list of values
        self.target_heading = re.compile(
            rf"(?m)^[^\S\n]*{ITEM_NUMBER}[^\n。，,：:；;\d]{{0,12}}?(?:{_alternation(lex.heading_target) or '(?!)'})"
            r"[^\S\n]*\n"
        )
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

    def _times(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Time limits, periods ahead and streaks of years, at the front or the end of an indicator."""
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
        self._bases(lex)

    def _bases(self, lex: Lexicon) -> None:
        """The base of a comparison (比上年, 较2020年, 在上年基础上) and the start of a change (由45万吨到50万吨)."""
        # a year after a word of comparison or of the start of a change, or before a word of a base, is a base
        self.base_before = lex.comparison + lex.change_start
        self.base_after = _YEAR_BASE_AFTER + (
            "的基础",
            "的水平",
            "同期",
        )  # 在上年的基础上, 上年同期: a base, not a time
        self.year_of_record = re.compile(  # a year that is not the base of a comparison (a class first: see _YEAR)
            r"(?=[12])(?<![0-9])"
            + "".join(f"(?<!{re.escape(w)})" for w in self.base_before)
            + r"((?:19|20)\d{2})年"
            # (nor a year that a multiple is of: 是2012年的1.2倍)
            + f"(?!{_alternation(_YEAR_BASE_AFTER)}|的[0-9.一两二三四五六七八九十]+倍)"
        )
        # the previous year as the base of a comparison, at the end of an indicator (单位GDP能耗较上年, 财政收入与上年
        # 相比): what a rate of growth means anyway. A base year (比2020年) is kept: it makes the rate one over years
        than = _alternation(lex.comparison)
        alone = _alternation(lex.base_alone) or "(?!)"  # 同比 at the end: a base with no year
        self.base_at_end = re.compile(
            rf"(?:(?:{than}){_PREVIOUS_YEAR}(?:同期)?(?:{than})?|在?{_PREVIOUS_YEAR}的?基础上|(?:{alone}))$"
        )
        self.change_start = lex.change_start
        # a number after the start of a change, and no other start after it (由2.3:1缩小到2.2:1)
        starts = re.escape("".join(sorted(set("".join(self.change_start)))))
        self.change_from = re.compile(rf"(?:{_alternation(self.change_start)})[^{starts}]*\d[^{starts}]*$")

    def _no_targets(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Indicators that are no target of their own: a gap, an attainment, a benchmark, an average over
        years, the counts of a web page."""
        # an indicator that is no target of its own: a gap to another figure (高于全省平均水平, 比全省高;
        # not 不高于, a qualifier, nor 比上年高, a change), how much of a plan was done (完成年度计划的),
        # an average over several years (年均增长, 年均增速)
        gap, adjective = (_alternation(words) if words else "(?!)" for words in (lex.gap, lex.gap_adjective))
        self.gap = re.compile(
            rf"(?<!不)(?:{gap})[^0-9]*$|(?:{_alternation(lex.than)})(?!{_PREVIOUS_YEAR}|同期|(?:19|20)\d\d年)[^0-9]{{1,12}}(?:{adjective})$"
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
        first += "".join(word[0] for word in lex.than)
        hints = [f"[{re.escape(first)}]"] + [f"(?:{_alternation(words)}){end}" for words, end in ends if words]
        self.no_target_hint = re.compile("|".join(hints))

    def _leads(self, lex: Lexicon, q: dict[str, dict[str, str]]) -> None:
        """Affixes of growth and of qualifiers, the header of a column of rates, and the words after which
        a number opens a target."""
        self.growth_noun_affixes = _by_length(self.growth_noun)
        self.growth_affixes = _by_length(self.growth)
        self.pre_affixes = _by_length(self.pre)
        # the columns of a table of targets, by the words of its header row
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
