"""Values: a number, its magnitude, unit and qualifier, as the grammar finds them in a text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from planstats.grammar.patterns import (
    _LIST_GAPS,
    _RANGE_WORDS,
    _RATIO,
    _RATIO_OF_TWO_BEFORE,
    _RATIO_OF_TWO_MAX,
    _RATIO_WORD_BEFORE,
)
from planstats.grammar.state import Reading
from planstats.grammar.words import _milestone_at, _strip_back, _value_regex
from planstats.numbers import CHINESE_DIGITS, parse_number

if TYPE_CHECKING:  # a sentence holds values: only its annotations need the class
    from planstats.grammar.clauses import _Sentence


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


class Values(Reading):
    """The values of a text: numbers with their unit and qualifier, ratios, ranks, and the lists they form."""

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
            and not self.text.endswith(self.w.change_start, 0, a.start)
        )

    def _ratios(self, values: list[_Value]) -> list[_Value]:
        """Three bare numbers parted by colons that add up to 100, shortly after a word of a ratio
        (lexicon role ``ratio``), are shares in percent (三次产业结构调整为8:45:47): the members of a
        ratio."""
        text, i = self.text, 0
        out: list[_Value] = []
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
        mid, start, end, text, w = mid or mid2, m.start(), m.end(), m.string, self.w
        if lo[0] in w.number_word_first:  # 保持两位数增长, 实现翻番: a word that stands for a value
            word = next((word for word in w.number_words if text.startswith(word, start)), "")
            if word:
                end = start + len(word)
                post = w.post_after.match(text, end)  # 两位数以上
                number_word = w.number_words[word]
                return _Value(
                    start,
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
            and text[max(0, start - 4) : start].endswith(tuple(w.stock_verbs))
        ):
            # 平均受教育年限达到11年: a whole number of years reached, not a year (2024年) nor a period (连续5年)
            years = w.table_unit_after.match(text, end)
            if years:
                unit, post, end = years.group("unit"), years.group("post"), years.end()
        elif (
            not (unit or mult or hi or before)
            and w.ratio_of_two_end.search(text, max(0, start - _RATIO_OF_TWO_BEFORE), start)
            and self._ratio_of_two(start, lo)
        ):
            unit = ":1"  # 城乡居民收入比缩小到1.75: the ratio 1.75:1
        if lo[0] in CHINESE_DIGITS and not unit:
            return None  # a bare Chinese numeral (一是, 十四五) is no value
        if not unit and "%" in m.group():
            unit = "%"
        return _Value(start, end, lo, hi or "", mid or "", mult or "", unit or "", post or "")

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
            if start_of_change != before and start_of_change.endswith(w.change_start):
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

    def _rank(self, start: int) -> bool:
        """Whether the number at ``start`` follows a word of a rank (第3位, 前50名)."""
        before = self.text[max(0, start - 4) : start]
        return before.endswith(self.w.rank) and not before.endswith(self.w.not_rank)
