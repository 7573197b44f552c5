"""The indicator phrase of a value: stripped of fillers, verbs and qualifiers, and completed from its context."""

from __future__ import annotations

from planstats.grammar.lists import _numeral_list
from planstats.grammar.patterns import (
    _BASE_AT_END,
    _CHANGE_FROM,
    _EXAMPLES,
    _ITEM,
    _ITEM_FIRST,
    _LEADING_PUNCT,
    _MINUS,
    _NOT_WORDS,
    _QUOTES,
    _YEAR_OF_VALUE,
)
from planstats.grammar.words import _strip_back, _strip_front
from planstats.numbers import CHINESE_DIGITS


class Phrases:
    """The indicator phrase before a value: what is stripped from it, and what it takes from its context."""

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
            if verb in self.w.growth or metric_text.endswith(self.w.growth_noun):
                return "growth"
            return "share"
        return "level"
