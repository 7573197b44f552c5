"""The timeline of a document: which year and record (target, result, horizon) a value at a position is for."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from planstats.grammar.clauses import _Sentence
from planstats.grammar.patterns import (
    _CLAUSE_MAX,
    _DIGIT,
    _FIVE_YEAR_PERIOD,
    _FIVE_YEAR_PLAN,
    _HEADING_LEVELS,
    _HEADING_MAX,
    _NOT_BEFORE_COUNT,
    _PERIOD_REACH,
    _PLAN_PERIOD_END,
    _PLAN_PERIOD_SPAN,
    _RANGE_DASH,
    _RANGE_OPEN,
    _SENTENCE_END,
    _SINCE,
    _YEAR_COUNTS,
)
from planstats.grammar.sections import _last_year, headline_spans, review_sections
from planstats.grammar.words import _words
from planstats.numbers import plan_period_end, plan_period_start


class Record(NamedTuple):
    """What the values of a list record, as the timeline reads it at their place: a ``target`` of the
    plan year (``year`` None), the ``horizon`` of a later year, a ``result`` of a year before, a ``part``
    of a year (上半年); and whether that is the horizon of a period ahead named in the sentence (今后三年)."""

    kind: str
    year: int | None
    ahead: bool = False


class Timeline:
    """When the values of one document are for: its headline list, review and period sections, years
    and horizons, found once when it is built (or when first asked), then asked by position: the
    record of a sentence (:meth:`record_of`), of a list of values in it (:meth:`record_at`), the
    section of a value (:meth:`section`), the first year of a yearly average (:meth:`average_from`)."""

    def __init__(
        self,
        text: str,
        plan_year: int | None,
        spans: list[tuple[int, int]],
        with_unit: set[int],
        full_stops: list[int],
    ):
        """``spans`` are the sentences of ``text``, ``with_unit`` the indexes of those with a value with a
        unit, ``full_stops`` where the marks that end a sentence or a line are."""
        self.text, self.plan_year = text, plan_year
        self.w = _words()
        self.lex = self.w.lex
        self.headline = headline_spans(text, self.w, spans, with_unit)
        self._headline_starts = [a for a, _ in self.headline]
        self.review = review_sections(text, self.lex, plan_year)
        self._review_starts = [a for a, _, _ in self.review]
        self._full_stops = full_stops
        # where the words of each role of time start (result, current …), and of part of a year
        self._markers = {role: self._time_words(pattern) for role, pattern in self.w.markers.items()}
        self._part_year = sorted(m.start() for pattern in self.w.part_year for m in pattern.finditer(text))
        self._whole_year = self._time_words(self.w.whole_year) if self._part_year else []
        # found when first asked
        self._year_marks: list[tuple[int, int]] | None = None
        self._period_ends: set[int] = set()
        self._periods: list[tuple[int, int]] | None = None
        self._period_spans: list[tuple[int, int, int]] | None = None
        self._year_starts: list[int] = []
        self._turns: list[int] | None = None  # where the words of a turn to the plan year start (see _carried)
        self._whole: list[int] = []
        self._sources: list[int] | None = None  # where a time that a paragraph carries may be told (see _carried)
        self._paragraphs: dict[int, tuple[list[int], list]] = {}  # paragraph start → its times (_paragraph_times)

    def _time_words(self, pattern: re.Pattern[str] | None) -> list[int]:
        """Where the words of ``pattern`` start, except as the base of a comparison (比去年, 在上年基础上)."""
        if pattern is None:
            return []
        text = self.text
        return [
            m.start()
            for m in pattern.finditer(text)
            if not text.endswith(self.w.base_before, 0, m.start()) and not text.startswith(self.w.base_after, m.end())
        ]

    def section(self, pos: int) -> str:
        k = bisect.bisect_right(self._headline_starts, pos)  # spans are in order and do not overlap
        return "headline" if k and pos < self.headline[k - 1][1] else "body"

    def _has(self, role: str, start: int, end: int) -> bool:
        """Whether a word of ``role`` starts in ``text[start:end]``."""
        found = self._markers[role]  # (as _has_at: inline, since every sentence asks)
        k = bisect.bisect_left(found, start)
        return k < len(found) and found[k] < end

    def record_of(self, sent: _Sentence, end: int | None = None) -> tuple[str, int | None]:
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
        opened = self.opened(sent)
        past, later = self._years(opened, sent.start)
        if past and not later:
            return "result", max(past)
        if self._has("result_period", opened, end):
            return "result", None
        if self._has("result", opened, end) and not self._has("current", opened, end):
            carried = self._carried(sent, opened, end)
            if (
                carried and carried[0] == "part"
            ):  # 2022年一季度，…。初步预计，地区生产总值增长7%: not last year's estimate
                return carried
            return "result", _last_year("", self.lex, self.plan_year)
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
        text = self.text
        para = text.rfind("\n", 0, opened) + 1
        if self._sources is None:  # once a document: where a time that carries may be told
            marks, _ = self._year_index()  # (a past year only where the plan year is known; words of the past always)
            past = [at for at, year in marks if year < self.plan_year] if self.plan_year is not None else []
            self._sources = sorted(past + self._part_year + self._markers["result"])
        if (
            para >= opened
            or not self._has_at(self._sources, para, opened)
            or (self.headline and self.section(sent.start) == "headline")
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
        text, plan_year = self.text, self.plan_year
        end = text.find("\n", para)
        end = len(text) if end < 0 else end
        marks, starts = self._year_index()
        if plan_year is None:  # a page whose plan year is unknown: its words of the past tell, not its years
            marks, starts = [], []
        # a year (not the end of a five-year plan: “十三五”末，…达到500亿元。…比“十三五”末增长30%)
        told = [
            (
                at,
                ("result", None if text.startswith(_SINCE, at + 5) else year)
                if year < (plan_year or 0)
                else ("target", None),
            )
            for at, year in marks[bisect.bisect_left(starts, para) : bisect.bisect_left(starts, end)]
            if at not in self._period_ends
        ]
        for found, record in (
            (self._part_year, ("part", None)),
            (self._turns or [], ("target", None)),
            (self._whole, ("whole", None)),
            (self._markers["current"], ("target", None)),
            (self._markers["result"], ("result", plan_year - 1 if plan_year else None)),
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

    def record_at(self, sent: _Sentence, pos: int, times: list, record: tuple[str, int | None]) -> Record:
        """The record of a list of values at ``pos`` of ``sent`` (``times``: those told in the sentence, and
        ``record``: the sentence's), and whether it is that of a period ahead named in the
        sentence (今后三年, :attr:`Record.ahead`): a horizon named before it, else the last time told before it in the
        sentence, else the sentence's record; a period ahead, or a heading's, makes it a horizon."""
        horizon = self.horizon(sent, pos)
        k = bisect.bisect_left(times, (pos,)) if times else 0
        found = ("horizon", horizon) if horizon else times[k - 1][1] if k else record
        ahead = None
        if not horizon and self.plan_year is not None and found[0] != "part":
            ahead = self.period_ahead(sent, pos, times[k - 1][0] if k else -1)
            told = bool(ahead)
            if not ahead and not k and found == ("target", None):  # no time in its sentence
                ahead = self.period_section_of(sent, pos)
            return Record("horizon", ahead, told) if ahead else Record(found[0], found[1], told)
        return Record(found[0], found[1])

    def times(self, sent: _Sentence, record: tuple[str, int | None]) -> list[tuple[int, tuple[str, int | None]]]:
        """The years and time words of the full sentence of ``sent`` that tell a record, in order:
        ``(position, record)``. A value takes the record of the last one before it
        (2023年…增长6.1%，2024年力争增长7%; 去年…，今年力争…). A word of this year (今年) tells
        nothing under a review heading, where a summary written at the end of a year calls
        that year 今年. Part of a year (1-11月) gives the record ``("part", None)``, up to a word
        of the whole year (全年), which brings back the record before it (``record``: the
        sentence's own)."""
        opened = self.opened(sent)
        parts = self._part_year
        part = parts[bisect.bisect_left(parts, opened) : bisect.bisect_left(parts, sent.end)] if parts else parts
        if self.plan_year is None:
            return [(at, ("part", None)) for at in part]
        marks, starts = self._year_index()
        found = marks[bisect.bisect_left(starts, opened) : bisect.bisect_left(starts, sent.end)]
        times: list[tuple[int, tuple[str, int | None]]] = [
            (at, ("result", year) if year < self.plan_year else ("target", None)) for at, year in found
        ]
        told: dict[str, tuple[str, int | None]] = {
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

    def brackets(self, sent: _Sentence, times: list[tuple[int, tuple[str, int | None]]]) -> list[tuple[int, int]]:
        """The brackets of the full sentence of ``sent`` that a time is told in, ``(open, close)``."""
        text, out = self.text, []
        at = text.find("(", self.opened(sent), sent.end)
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
    def told_before(
        times: list[tuple[int, tuple[str, int | None]]], pos: int, record: tuple[str, int | None]
    ) -> tuple[str, int | None]:
        """The record told last before ``pos`` (``record`` if none)."""
        k = bisect.bisect_left(times, (pos,))
        return times[k - 1][1] if k else record

    def opened(self, sent: _Sentence) -> int:
        """Where the full sentence of ``sent`` opens (``sent`` may follow a semicolon)."""
        k = bisect.bisect_left(self._full_stops, sent.start)
        return max(self._full_stops[k - 1] + 1 if k else 0, sent.start - _CLAUSE_MAX * 4)

    def horizon(self, sent: _Sentence, pos: int) -> int | None:
        """The later year that a value at ``pos`` is set for, when the last year named before it
        in its sentence is a time limit after the plan year (到2025年, 2025年底前: words of the
        roles ``horizon_before``/``horizon_after`` of the lexicon), else ``None``."""
        if self.plan_year is None:
            return None
        marks, starts = self._year_index()
        k = bisect.bisect_left(starts, pos)
        if not k or marks[k - 1][1] <= self.plan_year or starts[k - 1] < self.opened(sent):
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
            opened = self.opened(sent)
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
            marks = [(m.start(), int(m.group(1))) for m in self.w.year_of_record.finditer(self.text)]
            ends = []
            for m in _PLAN_PERIOD_END.finditer(self.text):
                at = self._from_quote(m.start())
                if not self.text.endswith(self.w.base_before, 0, at):
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
                found.append((at - len(before), self.plan_year + _YEAR_COUNTS[text[at]] - 1))  # type: ignore[operator]  # known where this runs
            for m in end_word.finditer(text):
                at = m.start() - 1  # the count
                if at >= 0 and text[at] in _YEAR_COUNTS and text[at - 1 : at] not in _NOT_BEFORE_COUNT:
                    found.append((at, self.plan_year + _YEAR_COUNTS[text[at]] - 1))  # type: ignore[operator]  # known where this runs
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
                [p for p in self._periods_ahead() if p[1] > self.plan_year] + [(a, last) for a, _, last in ranges]  # type: ignore[operator]  # known where this runs
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
        return (start, last) if plan_period_start(last) <= self.plan_year < last else None  # type: ignore[operator]  # known where this runs

    def _year_ranges(self) -> list[tuple[int, int, int]]:
        """Every range of years that the plan year opens (2024—2026年, 2024年至2026年), ``(start,
        end, last year)``."""
        marks, text, out = self._year_index()[0], self.text, []
        for at, year in marks:
            if year <= self.plan_year:  # type: ignore[operator]  # known where this runs
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
        return any(y >= self.plan_year and not any(a <= at < b for a, b, _ in ranges) for at, y in found)  # type: ignore[operator]  # known where this runs

    def period_section_of(self, sent: _Sentence, pos: int) -> int | None:
        """The last year of the period whose heading a value at ``pos`` lies under, unless a word
        of each year (每年) stands before it in its sentence; else ``None``."""
        spans = self._period_sections()
        k = bisect.bisect_right(spans, pos, key=lambda span: span[0])
        if not k or pos >= spans[k - 1][1] or self._each_year(self.opened(sent), pos):
            return None
        return spans[k - 1][2]

    def period_ahead(self, sent: _Sentence, pos: int, told: int) -> int | None:
        """The last year of a period of several years ahead named in the sentence of a value at
        ``pos``, after the last year or time word before it (at ``told``), with no word of each year
        between it and the value (今后三年，每年新增…: a target of every year); else ``None``."""
        periods = self._periods_ahead()
        k = bisect.bisect_left(periods, (pos,))
        if not k:
            return None
        at, last = periods[k - 1]
        if last <= self.plan_year or at < max(told, self.opened(sent)) or self._review_of(at):  # type: ignore[operator]  # known where this runs
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

    def average_from(self, pos: int, at: Record) -> int | None:
        """The first year of the period whose yearly average a value of 年均 at ``pos`` (with the record
        ``at``) is, or
        ``None`` when it is not known. A five-year plan named in its sentence (“十四五”期间) that
        ends in the year of the target starts it; else a period that the plan year opens: one
        named in the sentence (今后五年), or the period of a heading or of the whole plan (a
        five-year plan, a three-year plan) that the value lies in and that ends in that year. A
        later year alone (到2025年 in a plan of 2024: the years of the plan of that name, or the
        two from now?) is no period."""
        record, year, ahead = at
        if record != "horizon" or year is None or self.plan_year is None or year <= self.plan_year:
            return None
        reach = max(self.text.rfind("\n", 0, pos) + 1, pos - _PERIOD_REACH)
        opened = max(self.text.rfind(c, reach, pos) for c in _SENTENCE_END) + 1  # in its sentence
        plan = _FIVE_YEAR_PERIOD.search(self.text, max(opened, reach), pos)
        if plan and plan_period_end(plan.group(1)) == year:
            return plan_period_start(year)
        if ahead or any(a <= pos < b and last == year for a, b, last in self._period_sections()):
            return self.plan_year
        return None
