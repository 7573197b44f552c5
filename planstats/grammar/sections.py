"""The sections of a document that the timeline reads once: the list of its main targets (after a
marker, 主要预期目标是：) and the sections that review past work (一、2022年工作回顾)."""

from __future__ import annotations

import bisect

from planstats.grammar.patterns import (
    _DIGIT,
    _HEADING_LEVELS,
    _HEADING_MAX,
    _ITEM_LINE,
    _LINE,
    _LIST_OPEN,
    _YEAR,
    _YEAR_HEADING,
)
from planstats.grammar.words import _Words
from planstats.read.layout import _ITEM_START
from planstats.lexicon import Lexicon


def headline_spans(text: str, w: _Words, spans: list[tuple[int, int]], with_unit: set[int]) -> list[tuple[int, int]]:
    """The spans of the main targets: after a marker (主要预期目标是：) to the end of its list.
    ``with_unit`` holds the indices of the sentences that state a value with a unit."""
    headline: list[tuple[int, int]] = []
    ends = [e for _, e in spans]
    for m in w.headline.finditer(text):
        start, end = m.start(), m.end()
        if headline and start < headline[-1][1]:
            continue  # inside the list of the marker before
        if text[end - 1] == "\n":
            if not w.heading_before.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
                continue  # a marker without a colon is one only as a heading: 二、2024年主要目标
            items = _item_list(text, end, with_unit, spans)
            if items:  # 一、经济社会发展指标\n1.地区生产总值增长8%左右。（责任单位：…）\n\n2.…
                headline.append((start, items))
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
                gap = text[end:sent_start]
                if "\n" in gap:
                    line_end, _, rest = gap.partition("\n")
                    opened = (text[end - 1 : end] + line_end).rstrip()[-1:] in _LIST_OPEN
                    # a line with no value goes on with the list when it ends open too (6.城乡居民
                    # 人均可支配收入增长与经济增长同步；7.居民消费价格涨幅3%左右；)
                    if (
                        not opened
                        or "\n" in rest
                        or not (i in with_unit or text[sent_end : sent_end + 1] in _LIST_OPEN)
                    ):
                        break
                elif text[sent_start - 1] not in ";；" and i not in with_unit:
                    break
            end = sent_end
        headline.append((m.start(), end))
    for m in w.target_heading.finditer(text):  # 一、经济运行目标\n(1)地区生产总值增长16%。\n(2)…
        if not any(a <= m.start() < b for a, b in headline) and (items := _item_list(text, m.end(), with_unit, spans)):
            headline.append((m.start(), items))
    return sorted(headline)


def _item_list(text: str, pos: int, with_unit: set[int], spans: list[tuple[int, int]]) -> int:
    """The end of a list of lines that starts at ``pos`` (after a heading): items numbered 1, 2, 3 …
    in one form (1. or （1） or ① or （一）), or marked by one bullet (● ■), blank lines between them
    allowed, and a line of no item between two items (（一）地区生产总值增长7%\n责任单位：…\n（二）…),
    up to the first line that is not the next item; ``0`` unless the first item states a value with a
    unit and the list has two items or more, or its one item states two values or more."""
    n, end, valued = 0, 0, 0
    form: tuple = ()
    starts = [a for a, _ in spans]
    lines = (m for m in _LINE.finditer(text, pos) if m.group().strip())  # lazily: a list ends soon
    m = next(lines, None)
    while m is not None:
        following = next(lines, None)
        number, shape = _item_number(m.group())
        if number is None or (number != n + 1 and number != 0) or (n and shape != form):
            if (
                n
                and number is None
                and following is not None
                and not _ITEM_START.match(m.group())
                and _item_number(following.group()) == (n + 1 if form[1] else 0, form)
            ):
                m = following
                continue  # a line of no item between two items (the unit responsible for the one before)
            break
        if not n:  # the first item states a value (1.加快工业发展。2.… is a list of tasks)
            i = bisect.bisect_right(starts, m.start())
            valued = sum(j in with_unit for j in range(max(i - 1, 0), bisect.bisect_left(starts, m.end())))
        n, form, end = n + 1, shape, m.end()
        m = following
    return end if valued and (n >= 2 or valued >= 2) else 0


def _item_number(line: str) -> tuple[int | None, tuple]:
    """The number of the item that ``line`` opens (``0`` for a bullet) and its form, or ``(None, ())``."""
    item = _ITEM_LINE.match(line)
    if not item:
        return None, ()
    if item.group(2):
        return int(item.group(2)), (item.group(1), item.group(3))
    if item.group(4):
        return ord(item.group(4)) - ord("①") + 1, ("", "①")
    if item.group(5):
        return "一二三四五六七八九十".index(item.group(5)[-1]) + 1 + (10 if len(item.group(5)) > 1 else 0), ("(", "一")
    return 0, ("", "")


def review_sections(text: str, lex: Lexicon, plan_year: int | None) -> list[tuple[int, int, int | None]]:
    """Spans of the text under a heading that reviews past work (一、2022年工作回顾), up to
    the heading that turns to this year's plan: one with a plan word (工作安排, 目标 …) or
    with a year not before the plan year (二、2023年…). Each span comes with the year it
    reviews: the year in its heading, else the year before the plan year, else ``None``
    when the heading reviews several years (过去五年) or the plan year is unknown."""
    spans: list[tuple[int, int, int | None]] = []
    opened: int | None = None
    pos, year = 0, None
    review, plan = lex.review_heading, lex.plan_heading
    if not any(w in text for w in review) and not _YEAR_HEADING.search(text):
        return spans  # no heading can open a review
    for line in text.split("\n"):
        if not (0 < len(line.strip()) <= _HEADING_MAX and "。" not in line):  # not a heading
            pos += len(line) + 1
            continue
        years = [int(y) for y in _YEAR.findall(line)]
        this_year = plan_year is not None and any(y >= plan_year for y in years)
        turns = this_year or any(w in line for w in plan)  # a heading that turns to this year's plan
        word = next((w for w in review if w in line), "") if opened is None else ""
        # the title of a summary and a plan (2023年工作总结和2024年工作计划) opens the summary of its past year
        summary = [int(y) for y in _YEAR.findall(line, 0, line.find(word))] if word and turns and plan_year else []
        summary = [y for y in summary if y < plan_year]  # type: ignore[operator]  # known where this runs
        if word and (summary or not turns):
            opened = pos
            year = max(summary or years) if summary or years else _last_year(line, lex, plan_year)
        elif opened is None and years and plan_year and not turns and _past_heading(line):  # 一、2023年主要工作
            # a year before last with 以来 (二、2020年以来的发展成就) starts a review of several years
            opened, year = pos, max(years) if max(years) == plan_year - 1 or "以来" not in line else None
        elif opened is not None and turns:
            spans.append((opened, pos, year))
            opened = None
        pos += len(line) + 1
    if opened is not None:
        spans.append((opened, len(text), year))
    return spans


def _past_heading(line: str) -> bool:
    """Whether a heading line with years before the plan year only (and no plan word) is a
    numbered heading with no figure but its years (一、2023年主要工作; not 1.2023年增长6%)."""
    return any(r.match(line) for r in _HEADING_LEVELS[:3]) and not _DIGIT.search(_YEAR.sub("", line))


def _last_year(text: str, lex: Lexicon, plan_year: int | None) -> int | None:
    """The year before the plan year, unless ``text`` speaks of several years (过去五年)."""
    if plan_year is None or any(w in text for w in lex.result_period):
        return None
    return plan_year - 1
