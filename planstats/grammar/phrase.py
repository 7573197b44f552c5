"""The indicator phrase of a value: stripped of fillers, verbs and qualifiers, and completed from its context."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from planstats.grammar.lists import _numeral_list
from planstats.grammar.patterns import (
    _EXAMPLES,
    _ITEM,
    _ITEM_FIRST,
    _LEADING_PUNCT,
    _MINUS,
    _NOT_WORDS,
    _QUOTES,
    _YEAR_OF_VALUE,
)
from planstats.grammar.state import Reading
from planstats.grammar.words import _strip_back, _strip_front, _Words
from planstats.numbers import CHINESE_DIGITS


class Phrase(NamedTuple):
    """What the words around an indicator say of its value, as :meth:`Phrases._strip` finds them."""

    verb: str = ""  # the verb of the value (增长, 达到), before the indicator or after it
    pre: str = ""  # a qualifier word before the number (不低于, 近)
    modal: str = ""  # a modal word (力争, 确保)
    subset: bool = False  # a part of a whole (其中)
    offset: int = 0  # where the indicator starts in the words read: where its citation starts
    each: bool = False  # a word of each after it (各, 均)
    minus: bool = False  # a minus sign before the number (增长-2%)
    acts: bool = False  # a verb of its own before the indicator (完成 of 完成固定资产投资)
    cumulative: bool = False  # opened by a word of the role ``cumulative`` (累计): a total
    # of the row of a table only (planstats.grammar.table)
    rate: bool = False  # the value is in a column of rates of growth
    section: str = ""  # the section of the table (headline, body)
    average: int | None = None  # the first year of the average of a column of yearly averages


class Phrases(Reading):
    """The indicator phrase before a value: what is stripped from it, and what it takes from its context."""

    def _leading_verb(self, text: str) -> str:
        text, _ = self._strip(text)
        return _strip_front(text, self.w.lead_verb)[1]

    def _modal(self, text: str) -> str:
        return next((w for w in self.w.modal if w in text), "")

    def _strip(self, segment: str) -> tuple[str, Phrase]:
        """Split a segment into the indicator and the words around it (its :class:`Phrase`)."""
        found: dict = {}  # the fields of its Phrase, as the words are found
        text = self._strip_front_words(segment, found).rstrip()
        if text[-1:] in _MINUS and not text[-2:-1].isdigit():  # 增长-2%: a negative value (6-8% is a range)
            text, found["minus"] = text[:-1].rstrip(), True
        text, basis = self._strip_back_words(text, found)
        if found.get("verb") and ("由" in text or "从" in text):
            start = self.w.change_from.search(text)
            text = text[: start.start()].rstrip() if start else text
        lead = _strip_front(text, self.w.lead_verb)[1]
        found["verb"] = found.get("verb") or lead
        examples = _EXAMPLES.search(text) if "、" in text else None
        if examples and examples.start() > text.rfind("、") and len(text) - examples.end() >= 2:
            # 安排团结片区城市更新、广成国际等重点项目: 重点项目, named by examples
            text = lead + text[examples.end() :]
        return text.strip(_LEADING_PUNCT) + basis, Phrase(**found)

    def _strip_front_words(self, segment: str, found: dict) -> str:
        """The segment without the words before its indicator (time words, modal words, 其中, a leading
        year, the number of an item), noting them in ``found`` with the offset of the indicator."""
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
                text = rest[(year or item).end() :]  # type: ignore[union-attr]  # one of them is a match
                continue
            rest, word = _strip_front(rest, self.w.front)
            if not word:
                break
            words = True
            if word in self.q["modal"]:
                found.setdefault("modal", word)
            if word in self.w.verbs:  # 完成 of 完成固定资产投资: the phrase has a verb
                found["acts"] = True
            if word in self.w.subset:
                found["subset"] = True
            if word in self.w.cumulative:
                found["cumulative"] = True
            if cited_at < 0 and (word in self.w.cumulative or word in self.w.per_year):
                cited_at = len(segment) - len(rest) - len(word)
            text = rest
        offset = cited_at if cited_at >= 0 else len(segment) - len(text)
        if offset and _QUOTES.get(segment[offset - 1], "\0") in text:
            offset -= 1  # “四上”企业: the citation keeps the quotation mark that the indicator closes
        found["offset"] = offset
        return text

    def _strip_back_words(self, text: str, found: dict) -> tuple[str, str]:
        """The indicator without the verbs, qualifier words and the base of a comparison after it, noting
        them in ``found``; and what an amount is per (每人每月 between the verb and the number:
        低保标准提高到每人每月800元), which stays in the indicator."""
        basis = ""
        while True:  # verbs, qualifier words and the base of a comparison between the indicator and the number
            rest, word = _strip_back(text, self.w.back)
            if (
                not word
                and found.get("verb", "") in self.w.growth
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
                base = self._time_at_end(text)
                if not base:
                    break
                text = text[: base.start()].rstrip()
                continue
            if word in self.w.each and (rest + word).endswith(self.w.not_each):
                break  # 全省平均, 人均: a word that ends in 均 is no 均 of each
            if word in self.w.rate_basis and not (basis or found.get("verb")):
                basis = word
            elif word in self.q["pre"] and not found.get("pre"):
                found["pre"] = word
            elif word in self.w.verbs and not found.get("verb"):
                found["verb"] = word
            elif word in self.q["modal"]:  # 全县GDP力争增长9%
                found.setdefault("modal", word)
            if word in self.w.each:
                found["each"] = True
            text = rest.rstrip()
        return text, basis

    def _time_at_end(self, text: str) -> re.Match[str] | None:
        """The base of a comparison or a time at the end of an indicator: 较上年, 与上年相比, 在上年基础上;
        …到2026年; 提高到2025年的; 粮食产量连续5年."""
        last = text[-1:]
        base = self.w.base_at_end.search(text) if last in "年期比度上" else None
        base = base or (self.w.year_at_end.search(text) if last in self.w.year_at_end_last else None)
        base = base or (_YEAR_OF_VALUE.search(text) if last == "的" else None)
        return base or (self.w.streak_at_end.search(text) if last == "年" else None)

    def _with_context(self, metric_text: str, subset: bool, previous, verb: str = "") -> tuple[str, bool]:
        """The indicator of a target, completed from the target before it in its sentence (its
        subject) by the first of :data:`CONTEXT_RULES` that applies; with ``subset`` (其中) or not."""
        if not previous:
            return metric_text, subset
        w = self.w
        if metric_text and not subset and metric_text not in w.bare_words and not metric_text.startswith(w.share_of):
            return metric_text, subset  # most: an indicator of its own, not part of a whole (no rule reads it)
        k = len(previous) - 1
        while k and previous[k][0].endswith(self.w.attainment):
            k -= 1  # 完成16.8亿元，为预算的102.5%，增长4.2%: the revenue grows
        subject, prev_subset = previous[k]
        # 上半年规上工业增加值增长10%，全年增长9%: the part of a year is no part of the subject that is carried
        subject = _strip_front(subject, self.w.part_year_words)[0] or subject
        said = _Context(metric_text, subject, subset, prev_subset, verb)
        for _, rule in CONTEXT_RULES:
            found = rule(self.w, said)
            if found is not None:
                return found
        return metric_text, subset

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

    def _kind(self, family: str, verb: str, metric_text: str) -> str:
        if family == "pp":
            return "pp_change"
        if family in ("percent", "permille"):
            if verb in self.w.growth or (family == "percent" and metric_text.endswith(self.w.growth_noun)):
                return "growth"
            return "share"  # a rate per thousand is a rate of its own (人口自然增长率5‰), not a growth
        return "level"


class _Context(NamedTuple):
    """A target's indicator as written, and what the target before it in its sentence says."""

    metric_text: str
    subject: str  # the indicator of the target before it
    subset: bool  # the target is part of a whole (其中)
    prev_subset: bool
    verb: str


def _without_lead(w: _Words, subject: str) -> str:
    return _strip_front(subject, w.lead_verb)[0] or subject


def _total_or_none(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """固定资产投资12.5亿元，同比增长8.6%: no indicator of its own, the subject's. A value that reaches a number
    (新增上市企业2家，累计达到15家) or the total (总数达到300家) counts the subject, not its additions."""
    total = c.metric_text in w.total_words
    if c.metric_text and not total:
        return None
    subject = c.subject
    if total or c.verb in w.stock_verbs:
        subject = _without_lead(w, subject)
        # ... or with its increment after it (规上工业企业净增20家，总数达到350家)
        subject = next((subject[: -len(i)] for i in w.increments if subject.endswith(i) and subject != i), subject)
    return subject + c.metric_text, c.subset or c.prev_subset


def _increment_alone(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """规上工业企业达到300家，新增50家: the additions to the subject."""
    if c.metric_text not in w.increments:
        return None
    return c.metric_text + _without_lead(w, c.subject), c.subset or c.prev_subset


def _part_that_is_a_verb(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """完成高标准农田建设5万亩，其中新建3万亩: a part that is a verb alone acts on the whole."""
    if not (c.subset and c.metric_text and _strip_front(c.metric_text, w.lead_verb) == ("", c.metric_text)):
        return None
    return c.metric_text + _without_lead(w, c.subject), c.subset


def _group_alone(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """城镇居民人均可支配收入增长7%、农村居民增长8%: a group of people alone has the measure of the group before."""
    if c.metric_text not in w.group_words:
        return None
    rest, group = _strip_front(c.subject, w.groups)
    return (c.metric_text + rest, c.subset or c.prev_subset) if group and rest and group != c.metric_text else None


def _share_of_subject(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """税收收入增长8%，占一般公共预算收入比重达到80%: a share with no subject is a share of the subject."""
    return (c.subject + c.metric_text, c.subset or c.prev_subset) if c.metric_text.startswith(w.share_of) else None


def _attribute_of_subject(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """重点项目150个，年度投资260亿元: an attribute (年度投资, 总投资) takes the subject, less an attribute
    of its own."""
    if c.metric_text not in w.attribute:
        return None
    subject = next((c.subject[: -len(a)] for a in w.attribute if c.subject.endswith(a)), c.subject)
    return subject + c.metric_text, c.subset or c.prev_subset


def _rate_of_subject(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """固定资产投资突破500亿元，增速保持在10%以上: a bare rate of growth is the subject's."""
    if c.metric_text not in w.growth_noun:
        return None
    return _strip_back(c.subject, w.growth_noun_affixes)[0] + c.metric_text, c.subset or c.prev_subset


def _measure_of_subject(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """规上工业总产值增长12%，增加值增长10%: a bare measure after another measure of the same subject."""
    if c.metric_text not in w.measure_words:
        return None
    stem, measure = _strip_back(c.subject, w.measure)
    return (stem + c.metric_text, c.subset or c.prev_subset) if measure and stem else None


def _new_part(w: _Words, c: _Context) -> tuple[str, bool] | None:
    """新增市场主体1万户，其中企业3000户: a part with no verb of its own is new as the whole is."""
    if not (c.subset and not c.verb and not _strip_front(c.metric_text, w.lead_verb)[1]):
        return None
    lead = _strip_front(c.subject, w.lead_verb)[1]
    return (lead if lead in w.increments else "") + c.metric_text, c.subset


#: How a target's indicator takes from the target before it in its sentence, in order: the first rule
#: that gives an indicator wins; with none, the indicator stays as written. The name says what it reads.
CONTEXT_RULES: tuple[tuple[str, Callable[[_Words, _Context], tuple[str, bool] | None]], ...] = (
    ("no indicator or a total: the subject", _total_or_none),
    ("an increment alone: additions to the subject", _increment_alone),
    ("a part that is a verb alone: acts on the whole", _part_that_is_a_verb),
    ("a group of people alone: the measure of the group before", _group_alone),
    ("a share with no subject: a share of the subject", _share_of_subject),
    ("an attribute: of the subject", _attribute_of_subject),
    ("a bare growth rate: the subject's", _rate_of_subject),
    ("a bare measure: of the subject of the measure before", _measure_of_subject),
    ("a part with no verb: new as the whole is", _new_part),
)
