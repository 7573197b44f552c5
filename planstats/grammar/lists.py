"""Lists: values and indicators spread over each other (分别, 各, 均, 城乡, a rate of several items)."""

from __future__ import annotations

import re

from planstats.grammar.clauses import _Sentence
from planstats.grammar.patterns import (
    _AFTER_BOUNDARY,
    _CLAUSE_OPEN,
    _DIGIT,
    _ITEM,
    _ITEM_FIRST,
    _LABEL_END,
    _LEADING_PUNCT,
    _RATE_FAMILIES,
    _TASK_MAX,
)
from planstats.grammar.state import Reading
from planstats.grammar.timeline import Record
from planstats.grammar.values import _Value
from planstats.grammar.words import _strip_back, _strip_front, _words
from planstats.numbers import CHINESE_DIGITS

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


def _sharing(item: str, tail: str) -> str:
    """``item`` with the sector and measure ``tail`` of the last item of its list; an item that is an industry
    of its own takes the measure only (工业 + 产业增加值 → 工业增加值)."""
    if _strip_back(item, _words().industry_end)[1]:
        return item + _strip_back(tail, _words().measure)[1]
    return item + tail


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
    w, first, last = _words(), parts[0], parts[-1]
    # items of one form (as long, ending alike), the last with more: the more is theirs too
    # (第一产业、第二产业和第三产业增加值占比 → 第一产业增加值占比 …)
    size = len(first)
    if size >= 2 and len(last) > size and all(len(p) == size and p[-1] == last[size - 1] for p in parts[:-1]):
        return [p + last[size:] for p in parts[:-1]] + [last]
    # A short item shares the rest of a full one: 城镇、农村居民人均可支配收入 → 城镇 + 居民人均可支配收入;
    # 高技术产业投资、产值 → 高技术产业 + 产值.
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
            p = _sharing(p, tail) if cut < 0 and bare else p + last[cut + 1 if cut >= 0 else len(p) :]
        elif bare:
            p = _sharing(p, tail)
        elif group and i < n - 1 and p in w.group_words and len(last) > len(group):
            p = p + last[len(group) :]
        elif len(p) <= _SHORT_ITEM and i > 0 and p in w.measure_words:
            # a measure after a full item takes its subject: 高技术产业投资、产值 → 高技术产业 + 产值;
            # any other short item is a name of its own (5G基站、充电桩; 进出口总额、出口)
            stem, measure = _strip_back(first, w.measure)
            p = stem + p if measure and stem else p
        out.append(p)
    return out


class Lists(Reading):
    """Lists of indicators and of values: 分别, 各, 均, a rate or an amount of several items, a label before a colon."""

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
        text, phrase = self._strip(label)  # the number of an item (1.社会消费品零售总额：) goes
        if any(c.isdigit() for c in text):  # a value before the colon: no label
            return None
        return (label_start + phrase.offset, text) if text else None

    def _respectively(self, sent: _Sentence, values: list[_Value], clause: int, previous, at: Record) -> None:
        segment = self.text[clause : values[0].start]
        found = self.w.respectively.search(segment)
        cut, after = (found.start(), found.end()) if found else (len(segment), len(segment))
        head, phrase = self._strip(segment[:cut])
        basis, tail = self._strip(segment[after:])
        head += basis if basis in self.w.rate_basis else ""  # 分别提高到每人每月800元和600元
        if head in self.w.base_before or ((base := self.w.base_at_end.search(head)) and base.start() == 0):
            head = ""  # 同比分别增长9%和10%, 比上年分别…: a base names no indicator
        phrase = phrase._replace(verb=tail.verb or phrase.verb, pre=tail.pre or phrase.pre)
        n = len(values)
        if n == 1 and head and self._each(sent, values[0], clause, previous, at):
            return  # one value after 分别 is the value of each item (城乡居民人均可支配收入分别增长7%)
        if not head and 1 < n <= len(previous):
            # 分别 with no indicators of its own: the targets just before it, in order (接待游客1500万人次，
            # 实现旅游收入150亿元，分别增长15%、18%)
            named = previous[-n:]
        else:
            named = [self._with_context(part, phrase.subset, previous) for part in _split_items(head, n)]
        for v, (metric_text, subset) in zip(values, named, strict=False):
            self._emit(sent.index, v, clause + phrase.offset, v.end, metric_text, phrase.verb, phrase, at)
            previous.append((metric_text, subset))

    def _each(self, sent: _Sentence, v: _Value, clause: int, previous, at: Record) -> bool:
        """各 or 均 after enumerated items (新增孵化器、示范机构各1个; 孵化器和众创空间各2家; 城乡居民…均增长7%):
        the value for each item. ``False`` when the clause names one item."""
        head, phrase = self._strip(self.text[clause : v.start])
        head, lead = _strip_front(head, self.w.lead_verb)  # the verb of all the items: 新增 A、B
        if "、" in head:
            parts = _split_items(head, head.count("、") + 1)
        else:  # 和, 及, 与 join items only when each is a plain name: not a modifier (科技和信息化…),
            # nothing counted (3条产业链和7个集群…项目各10个 is one list of projects)
            parts = re.split("[和及与]", head)
            if any(len(p.strip()) < _SHORT_ITEM or any(c.isdigit() for c in p) for p in parts):
                return False
            parts = _split_items(head, len(parts))  # 城镇居民和农村居民收入: the group shares the measure
        parts = parts if len(parts) > 1 else _collective(head)  # 城乡居民人均可支配收入均增长7%: town and country each
        if not parts:
            return False
        for part in parts:
            metric_text, subset = self._with_context(lead + part.strip(), phrase.subset, previous)
            self._emit(sent.index, v, clause + phrase.offset, v.end, metric_text, phrase.verb, phrase, at)
            previous.append((metric_text, subset))
        return True

    def _rate_of_each(self, sent: _Sentence, v: _Value, clause: int, start: int, previous, at: Record) -> bool:
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
        return self._each(sent, v, clause, previous, at)

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
