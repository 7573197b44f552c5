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
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planstats.grammar.clauses import _inside, _Marks, _Sentence
from planstats.grammar.lists import Lists, _collective, _split_items
from planstats.grammar.patterns import (
    _AFTER_BOUNDARY,
    _ANY_QUOTE,
    _CLAUSE_OPEN,
    _EXAMPLES,
    _LABEL_END,
    _LEADING_PUNCT,
    _MID_YEAR_DEADLINE,
    _MILESTONE,
    _MULTI_YEAR,
    _NO_QUOTES,
    _NO_UNIT,
    _INDICATOR_COUNT,
    _NATION,
    _PART_YEAR,
    _PRESENT,
    _RESTATED,
    _PREVIOUS_YEAR_WORD,
    _RANK,
    _YEAR,
    KINDS,
    OF_PLAN_YEAR,
    QUALIFIERS,
    RECORDS,
)
from planstats.grammar.phrase import Phrase, Phrases
from planstats.grammar.table import Tables
from planstats.grammar.timeline import Record, Timeline
from planstats.grammar.values import Values, _Value
from planstats.grammar.words import _NumberWord, _strip_back, _strip_front, _words
from planstats.lexicon import lexicon
from planstats.numbers import CHINESE_DIGITS, Unit, parse_number
from planstats.read.normalize import Normalized

__all__ = [
    "KINDS",
    "OF_PLAN_YEAR",
    "QUALIFIERS",
    "RECORDS",
    "Reject",
    "Target",
    "find_targets",
    "headline_year",
]


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


# the time that may open a clause before its subject (2023年, 去年)
_TIME_BEFORE = re.compile(r"^(?:\s|(?:19|20)\d{2}年度?|去年|今年|上年|全年|同期)*")

_CLAUSE_STARTS = frozenset("，,；;：: \t\n、")


@functools.lru_cache(maxsize=1)
def _own_hints() -> re.Pattern[str]:
    """Any word of the roles that make a value no target or result of the region's own (present, nation,
    restated): one cheap test before the checks that read its clause."""
    lex = lexicon()
    return re.compile("|".join(map(re.escape, lex.present + lex.nation + lex.restated)))


def _find_all(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


class _Extractor(Values, Phrases, Lists, Tables):
    """The grammar applied to one document: the stages of planstats.grammar, and the targets they emit."""

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
        spans = marks.sentences()
        starts = [a for a, _ in spans]
        mine: dict[int, list[_Value]] = {}  # sentence → its values (a value starts with a digit: inside a sentence)
        for v in values:
            mine.setdefault(bisect.bisect_right(starts, v.start) - 1, []).append(v)
        sentences = [_Sentence(marks, *spans[i], i, found) for i, found in mine.items()]
        with_unit = {s.index for s in sentences if any(v.unit for v in s.values)}
        self.timeline = Timeline(self.text, self.plan_year, spans, with_unit, marks.full_stops)
        for sent in sentences:
            self._sentence(sent)
        if "\t" in self.text:
            self.targets.sort(key=lambda t: t.start)  # the rows of tables among the sentences
        if ranks:
            self.rejects.sort(key=lambda r: r.start)
        return self.targets, self.rejects

    def _reject(self, start: int, end: int, reason: str) -> None:
        s, e = self.norm.span(start, end)
        self.rejects.append(Reject(s, e, reason))

    def _sentence(self, sent: _Sentence) -> None:
        record = self.timeline.record_of(sent)
        # (metric_text, subset) of the targets so far in the full sentence: a clause after a semicolon
        # with no indicator of its own has that of the clause before it (上半年，地区生产总值增长5%；全年力争增长6%)
        opened = self.timeline.opened(sent)
        if opened != self._previous_opened:
            # ... and so has a sentence that opens with 其中 (…新增市场主体1万户。其中，企业3000户)
            opens = self.text[opened : opened + 8].lstrip(_LEADING_PUNCT + "\n")
            if not opens.startswith(tuple(self.w.subset)):
                self._previous = []
            self._previous_opened = opened
        previous = self._previous
        lists = [done for done in map(self._complete, self._lists(sent)) if done]
        self._reject_bare_magnitudes(sent, lists)
        times = self.timeline.times(sent, record)
        brackets = self.timeline.brackets(sent, times) if times else []
        # a time told in a bracket is that of the values in it (地区生产总值增长6%左右（2023年增长5.1%）, 增长5%
        # （上年实际增长3.2%），固定资产投资增长8%), and a word of last year that opens a clause, that of the values
        # after it (控制在3%左右，上年为2.1%): neither reaches back to the values before it (a year that opens a
        # clause does: “十三五”时期，…年均增长7.2%，2020年达到180亿元)
        at = next((at for at, _ in times if at >= sent.start), sent.end)
        cut = at if self.text[at - 1 : at] in _CLAUSE_OPEN and _PREVIOUS_YEAR_WORD.match(self.text, at) else sent.end
        if brackets and brackets[0][0] >= sent.start:
            cut = min(cut, brackets[0][0])
        if cut < sent.end:
            record = self.timeline.record_of(sent, cut)
        for at, close in brackets:  # in order: the time before a bracket is back after the one before it
            times = sorted(times + [(close, self.timeline.told_before(times, at, record))])
        self._prev_end, self._prev_reversed = sent.start, False
        for values in lists:
            first, last = values[0], values[-1]
            of_list = self.timeline.record_at(sent, first.start, times, record)
            if of_list.kind == "result" and of_list.year is None:
                self._reject(
                    first.start, last.end, "reported result of several years or of an unknown year, not a target"
                )
                continue
            if sent.quoted(first.start):
                self._reject(first.start, last.end, "inside quotation marks (a name or slogan)")
                continue
            values, last, nxt = self._after_list(sent, values)
            if not nxt or nxt in _AFTER_BOUNDARY or max(last.end, last.cite_end) >= sent.end:
                self._targets(sent, values, self._prev_end, previous, of_list)
                self._prev_end, self._prev_reversed = last.end, False
            elif self._noun_after(sent, values, self._prev_end, previous, of_list):
                self._prev_end, self._prev_reversed = sent.clause_end(last.end), True
            else:
                self._prev_reversed = False

    def _reject_bare_magnitudes(self, sent: _Sentence, lists: list[list[_Value]]) -> None:
        """新增就业1.2万，: a magnitude with no unit (人? 元?) is set aside, not dropped."""
        for v in sent.values:
            if (
                v.mult
                and not v.unit
                and (v.end >= sent.end or self.text[v.end] in _AFTER_BOUNDARY)
                and not any(x.start == v.start for done in lists for x in done)
            ):
                self._reject(v.start, v.end, _NO_UNIT)

    def _after_list(self, sent: _Sentence, values: list[_Value]) -> tuple[list[_Value], _Value, str]:
        """The values of a list, its last value and the character after it, past a word that names
        what the values are (实现7%的增长) and a threshold word (突破1000亿元大关)."""
        last = values[-1]
        nxt = self.text[last.end : last.end + 1]
        if nxt == "的" or nxt in self.w.value_noun.first:
            values, last = self._named(sent, values)
            nxt = self.text[max(last.end, last.cite_end) : max(last.end, last.cite_end) + 1]
        if nxt in self.w.milestone.first:  # 突破1000亿元大关，: the threshold word is no noun
            word = _strip_front(self.text[last.end : sent.end], self.w.milestone)[1]
            nxt = self.text[last.end + len(word) : last.end + len(word) + 1] if word else nxt
        return values, last, nxt

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
    def _noun_after(self, sent: _Sentence, values: list[_Value], prev_end: int, previous, at: Record) -> bool:
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
            change = noun.startswith(self.w.verb_words) and self.w.change_from.search(self.text, clause, last.end)
            self._reject(
                first.start,
                last.end,
                "the start of a change (由…提高到…), not a target"
                if change
                else "describes a noun (an attribute, not a target value)",
            )
            return False
        _, phrase = self._strip(before)
        verb = _strip_back(before, self.w.lead_or_verb)[1] or phrase.verb
        named = self.text[last.end + (len("的") if of else 0) : item_end]
        nouns = _split_items(named, len(values)) if respectively else [named] * len(values)
        for v, metric_text in zip(values, nouns, strict=False):
            self._emit(sent.index, v, start + phrase.offset, item_end, metric_text, verb, phrase, at)
            previous.append((metric_text, phrase.subset))
        return True

    # -- a list followed by a boundary ------------------------------------------------------
    def _targets(self, sent: _Sentence, values: list[_Value], prev_end: int, previous, at: Record) -> None:
        first = values[0]
        clause = max(sent.clause_start(first.start, enumeration=False), prev_end)
        n = len(values)
        if self.w.respectively.search(self.text, clause, first.start) is not None or (
            n > 1 and self.text.count("、", clause, first.start) == n - 1 and not self._has_each(clause, first.start)
        ):
            # as many items as values: one value for each, in order, 分别 or not (新建、改建农村公路100公里、50公里),
            # unless a word of each gives every item every value (财务中心、结算中心各不少于10家、20家)
            self._respectively(sent, values, clause, previous, at)
            return
        # with no 、 in the clause, the enumerated item is the whole clause
        start = (
            clause
            if self.text.find("、", clause, first.start) < 0
            else max(sent.clause_start(first.start, enumeration=True), prev_end)
        )
        segment = self.text[start : first.start]
        head, phrase = self._strip(segment)
        if not phrase.subset and start == clause and self._subset_clause(clause):
            phrase = phrase._replace(subset=True)  # 其中，省重点项目12个: 其中 is a clause of its own
        if not head or head in self.w.measure_words:  # (a cheap test: most clauses name their indicator)
            start, head, phrase = self._indicator_before(sent, clause, start, head, phrase, prev_end, bool(previous))
        n = len(values)
        if not head and 1 < n <= len(previous) and len({m for m, _ in previous[-n:]}) == n:
            # a list that names nothing after as many targets (城镇、农村居民人均可支配收入分别达到45120元、
            # 23380元，增长4.8%、6.9%): one value for each of them, in order, as after 分别
            for v, (metric_text, _) in zip(values, previous[-n:], strict=False):
                self._emit(sent.index, v, start + phrase.offset, v.end, metric_text, phrase.verb, phrase, at)
            previous.extend(previous[-n:])
            return
        if phrase.each and len(values) == 1 and self._each(sent, first, clause, previous, at):
            return
        if len(values) == 1 and start > clause and self._rate_of_each(sent, first, clause, start, previous, at):
            return
        if start > clause and self.text[start - 1] == "、" and not phrase.verb:
            phrase = phrase._replace(verb=self._leading_verb(self.text[clause:start]))
            if len(values) == 1 and self._of_all_items(sent, first, clause, start):
                # 新建改扩建中小学、幼儿园8所: the schools and kindergartens, not the kindergartens
                start = clause
                head, phrase = self._strip(self.text[clause : first.start])
        if head and (_MID_YEAR_DEADLINE.fullmatch(head) or _strip_front(head, self.w.part_year_words) == ("", head)):
            self._reject(first.start, values[-1].end, _MILESTONE)
            return
        metric_text, subset = self._with_context(head, phrase.subset, previous, phrase.verb)
        if first.lo[0] in CHINESE_DIGITS and not self._numeral_has_verb(first, phrase, metric_text):
            self._reject(first.start, values[-1].end, "Chinese numeral with no verb in its clause (a name or slogan)")
            return
        if not phrase.modal and clause < start:
            phrase = phrase._replace(modal=self._modal(self.text[clause:start]))
        phrase = phrase._replace(subset=subset)
        # the values of a collective indicator are one for each part, as after 分别 (城乡居民人均可支配收入增长6%和7.5%)
        nouns = (len(values) > 1 and _collective(metric_text, len(values))) or [metric_text] * len(values)
        for i, (v, noun) in enumerate(zip(values, nouns, strict=False)):
            # a value of a list that names no indicator cites itself: from the clause, the rows of a long
            # list (1%、2%、…) would each hold all the values before them, in quadratic time and memory
            cited = start + phrase.offset if noun or not i else v.start
            self._emit(sent.index, v, cited, v.end, noun, phrase.verb, phrase, at)
            previous.append((noun, subset))

    def _indicator_before(
        self, sent: _Sentence, clause: int, start: int, head: str, phrase: Phrase, prev_end: int, previous: bool
    ) -> tuple[int, str, Phrase]:
        """Where the indicator of a clause with none of its own starts, what it is and its phrase: the label
        before a colon (地区生产总值：增长7%), the indicator of a clause before that only turns round
        (进出口总额由负转正，增长3%), or the task a measure alone measures (加快推进重点项目建设，完成投资200亿元)."""
        opened_by_colon = not head and start == clause and self.text[clause - 1 : clause] in _LABEL_END
        label = self._label(sent, clause - 1, prev_end) if opened_by_colon else None
        after_comma = start == clause > prev_end + 1 and self.text[clause - 1] in "，,"
        if not head and after_comma and not label:
            turn = _strip_back(self.text[prev_end : clause - 1], self.w.turnaround)[1]
            label = self._label(sent, clause - 1 - len(turn), prev_end) if turn else None
        if label:
            return *label, phrase._replace(offset=0)  # the citation starts at the label
        if head in self.w.measure_words and not previous and after_comma:
            return start, self._task(sent, clause - 1, prev_end) + head, phrase
        return start, head, phrase

    def _numeral_has_verb(self, first: _Value, phrase: Phrase, metric_text: str) -> bool:
        """A verb makes a target of a Chinese numeral (固定资产投资两位数增长: after it), or an increment
        in the indicator (城镇新增就业两千人), its own or that of the whole it is part of
        (新增市场主体…，其中企业五千户)."""
        return bool(
            phrase.verb
            or phrase.pre
            or phrase.modal
            or phrase.acts
            or self._change(first.named)
            or any(w in metric_text for w in self.w.increments)
        )

    # -- one target ----------------------------------------------------------------------
    def _emit(
        self, sentence: int, v: _Value, start: int, end: int, metric_text: str, verb: str, phrase: Phrase, at: Record
    ) -> None:
        if at.kind == "part":  # rejected here: its indicator is still the subject of what follows
            self._reject(v.start, v.end, _PART_YEAR)
            return
        number = self._number(v, metric_text)
        if isinstance(number, str):
            self._reject(v.start, v.end, number)
            return
        lo, hi, number_word, unit = number
        reason = self._not_a_plan(v, start, metric_text, unit) if at.kind == "target" else None
        reason = reason or self._not_its_own(v, at.kind)
        if reason:
            self._reject(min(start, v.start), v.end, reason)
            return
        family = unit.family if unit else "percent"
        average = phrase.average  # the first year of the average of a column of a table
        if verb.startswith(self.w.multi_year) or self.w.no_target_hint.search(metric_text):  # one cheap test for most
            average, reason = self._of_one_year(v, metric_text, verb, average, at)
            if reason:
                self._reject(min(start, v.start), v.end, reason)
                return
        if v.named:  # 实现7%的增长: the word after 的 is the verb (增长, 下降) or the noun (增速, 降幅) of a change
            named = _strip_back(v.named, self.w.growth_affixes)[1] or _strip_front(v.named, self.w.growth_affixes)[1]
            verb = named or verb  # 增长目标
        rate = phrase.rate or (v.named and v.named.endswith(self.w.growth_noun))
        kind = "growth" if rate and family in ("percent", "permille") else self._kind(family, verb, metric_text)
        decrease_noun = self.w.decrease_noun and (
            metric_text.endswith(self.w.decrease_noun) or v.named.endswith(self.w.decrease_noun)
        )
        if phrase.minus != (verb in self.w.decrease or decrease_noun):
            lo, hi = -lo, (-hi if hi is not None else None)
        qualifier = _qualifier(v, hi, phrase.pre, number_word, self.q)
        modal = phrase.modal
        after = max(v.end, v.cite_end) if v.named else v.end  # 增长8%（预期性）, 保持8%的增长（预期性）
        nature = self.w.nature_after.match(self.text, after) if self.text.startswith(("(", "（"), after) else None
        if nature:  # 下降3%（约束性）: the nature of the target, in brackets after it
            modal, end = modal or nature.group(1), max(end, nature.end())
        words = [w for w in (modal, phrase.pre, number_word and v.lo, v.mid, v.post) if w]
        s, e = self.norm.span(min(start, v.start), max(end, v.end, v.cite_end))
        if _ANY_QUOTE.search(metric_text):
            metric_text = metric_text.translate(_NO_QUOTES)
        metric_text = metric_text.strip()
        name = (
            "%" if v.unit == "%" or unit is None else v.mult + unit.canonical
        )  # the unit as written, canonical spelling (平米 → 平方米)
        kind_of_record = at.kind
        if modal and at.kind == "target" and self._stretch(sentence, metric_text, family, modal, at.year):
            kind_of_record = "stretch"
        section = phrase.section or self.timeline.section(v.start)
        self.targets.append(
            Target(s, e, section, metric_text, verb, kind, lo, hi, name, family, qualifier, "…".join(words),
                   phrase.subset, sentence, kind_of_record, at.year, phrase.cumulative, average)
        )  # fmt: skip

    def _number(self, v: _Value, metric_text: str) -> tuple[float, float | None, _NumberWord | None, Unit | None] | str:
        """The low and high number of a value, the word that stands for it (两位数) and its unit; or
        why it has none."""
        number_word = self.w.number_words.get(v.lo)
        try:
            lo = number_word.value if number_word else parse_number(v.lo)
            hi = parse_number(v.hi) if v.hi else None
        except ValueError:
            return "number could not be read"
        if not math.isfinite(lo) or (hi is not None and not math.isfinite(hi)):
            return "number too large to be a target"
        unit = self.w.units.get(v.unit)
        count = unit and unit.integer and not v.mult and hi is None
        if count and lo != int(lo) and not metric_text.startswith(self.w.per_unit):
            # OCR reads a hyphen as a dot: "2.3个" is 2-3个; other fractional counts are not targets,
            # but for a count per person (每千人口执业医师数3.2人)
            whole, _, frac = v.lo.partition(".")  # 九点五家 (in numerals) has no dot: a fraction all the same
            if not (whole.isdigit() and frac.isdigit() and int(frac) == int(whole) + 1):
                return "fractional count"
            lo, hi = float(whole), float(frac)
        return lo, hi, number_word, unit

    def _of_one_year(
        self, v: _Value, metric_text: str, verb: str, average: int | None, at: Record
    ) -> tuple[int | None, str]:
        """For a value whose indicator or verb hints at no target of one year: the first year of its
        yearly average (年均增长6%; ``average``, that of a table's column 年均增长, if known), and why
        the value is no target of a year (empty when it is one)."""
        if average is None and self._multi_year(metric_text.strip(), verb):
            average = self.timeline.average_from(v.start, at)
            if average is None:
                return None, _MULTI_YEAR
        return average, self._no_target(metric_text.strip(), verb)

    def _not_its_own(self, v: _Value, record: str) -> str | None:
        """Why a value is not the region's own target or result: a figure of the whole country in its clause
        (lexicon role ``nation``: 全国GDP增长5.2%), or a target of a past year restated (2023年确定的增长目标为6%:
        a word of role ``restated`` before 目标 in its clause)."""
        text = self.text
        if not _own_hints().search(text, max(0, v.start - 60), v.start):
            return None  # most values: no word of either within reach
        opened = max(text.rfind(c, max(0, v.start - 60), v.start) for c in "。;；\n，,") + 1
        clause = text[max(opened, v.start - 60) : v.start]
        subject = _TIME_BEFORE.sub("", clause)  # 2023年全国GDP增长: the figure of the country
        if subject.startswith(self.lex.nation):
            return _NATION
        if record == "result" and any(w + "增长目标" in clause or w + "目标" in clause for w in self.lex.restated):
            return _RESTATED
        return None

    def _not_a_plan(self, v: _Value, start: int, metric_text: str, unit: Unit | None) -> str | None:
        """Why a value the timeline takes for a target is none: a count of the plan's indicators
        (主要指标共25项), or a description of today (目前…比重仍在40%以上: a word of lexicon role ``present``
        in its sentence before it, and no word that turns to the plan)."""
        counted = metric_text.rstrip("共计")  # 主要指标共25项
        if unit is not None and unit.integer and counted.endswith(self.lex.indicator_count):
            return _INDICATOR_COUNT
        text, at = self.text, v.start
        if not _own_hints().search(text, max(0, at - 80), at):
            return None  # most values: no word of today within reach
        opened = max(text.rfind(c, max(0, at - 80), at) for c in "。;；\n") + 1
        lo = max(opened, at - 80)
        before = text[lo:at]
        # a word of today that opens a clause (not 目前 of 项目前三季度)
        opens = (
            i
            for w in self.lex.present
            for i in _find_all(before, w)
            if lo + i == opened or text[lo + i - 1] in _CLAUSE_STARTS
        )
        if next(opens, None) is not None and not any(w in before for w in self.lex.plan_turn):
            return _PRESENT
        return None

    def _stretch(self, sentence: int, metric_text: str, family: str, modal: str, year: int | None) -> bool:
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
            if t.record != "target" or t.year != year or t.unit_family != family:
                return False
            earlier = t.qualifier_text.split("…", 1)[0] in stretch
            if modal in stretch:
                return not earlier
            if earlier:
                t.record = "stretch"
            return False
        return False


#: The qualifier of a value: the first of these rules that gives one, else ``exact``. Each rule is
#: named for what it reads; its arguments are the value, its high end, the qualifier word before
#: the number, the word that stands for the number (两位数) and the qualifier words by position.
QUALIFIER_RULES: tuple[tuple[str, Callable[..., str | None]], ...] = (
    ("a range (6%-8%)", lambda v, hi, pre, word, q: "range" if hi is not None else None),
    ("a word after the number (以上, 左右)", lambda v, hi, pre, word, q: q["post"][v.post] if v.post else None),
    ("a word between number and unit (300余家)", lambda v, hi, pre, word, q: q["mid"][v.mid] if v.mid else None),
    ("a word before the number (不低于, 近)", lambda v, hi, pre, word, q: q["pre"][pre] if pre else None),
    ("a word that stands for the number (两位数)", lambda v, hi, pre, word, q: word.qualifier if word else None),
)


def _qualifier(v: _Value, hi: float | None, pre: str, word: _NumberWord | None, q: dict[str, dict[str, str]]) -> str:
    for _, rule in QUALIFIER_RULES:
        found = rule(v, hi, pre, word, q)
        if found is not None:
            return found
    return "exact"


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
    >>> from planstats.read.normalize import normalize
    >>> text = "主要预期目标是：GDP增长12%左右，新增国家高新技术企业300家以上、科技型中小企业1200家以上。"
    >>> targets, _ = find_targets(normalize(text))
    >>> [(t.metric_text, t.kind, t.value, t.unit, t.qualifier, t.section) for t in targets]
    [('GDP', 'growth', 12.0, '%', 'approx', 'headline'), ('新增国家高新技术企业', 'level', 300.0, '家', 'at_least',
    'headline'), ('科技型中小企业', 'level', 1200.0, '家', 'at_least', 'headline')]
    """
    return _Extractor(norm, plan_year).run()
