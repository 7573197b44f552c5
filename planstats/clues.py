"""The plan year and the region a page speaks of, as a vote over the clues of the whole page.

A full report names its year and region in its title; a news report of it, a digest or a
conference's news names them elsewhere: in a dated line under a congress (``——2025年1月20日在
某某县第十八届人民代表大会…上``), a title with two years (``2023年…计划执行情况及2024年…计划草案``),
the year of a work conference (``部署2024年经济工作``), a heading of the year reviewed
(``2023年工作回顾``), the page's date (``发布时间：2024-01-18``), the issuer (``我代表某某县人民政府``),
the zone that holds a meeting (``某某经开区召开…``). Each kind of clue is a rule with a name;
:data:`YEAR_RULES` and :data:`REGION_RULES` list them in their order of trust, and the first that
finds a value gives it, with its evidence (:class:`Clue`), so a researcher can audit where a
document's year and region came from.

The words of the rules are in ``data/lexicon.csv`` (roles ``year_plan``, ``year_review``,
``restated``, ``zone``, ``issuer``); the patterns here only place them around a year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from planstats import places
from planstats.lexicon import lexicon

_HEAD = 3000  # characters of a page in which its clues are looked for

# a year in digits (the normalized view writes 二〇二四年 with digits); not a part of a longer number
# (the digits first and the look-behind after them: a pattern that opens with a look-behind is tried at every
# character)
_Y = r"((?:19|20)\d{2})(?<!\d{5})"

# a month and day, in digits
_MD = r"\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"

# the session of a people's congress (or of a party congress) that a report is given to
_SESSION = r"(?:人民代表大会|人大|代表大会)"


@dataclass(frozen=True, slots=True)
class Clue:
    """A piece of evidence on a page: the ``rule`` that found it, the value it gives (a year, a
    region's name), and the text it stands on (``evidence``, in the normalized view)."""

    rule: str
    value: int | str
    evidence: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.evidence}"


def _plan_of_date(year: str, month: str) -> int:
    """The plan year of a report given on a date: its year, or the next one when the report is
    given late in the year (a congress held in November or December sets the next year's plan)."""
    return int(year) + (1 if 10 <= int(month) <= 12 else 0)


def evidence(text: str) -> str:
    """The text a clue stands on, its runs of white space made one space (a line break inside a title)."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------------
# the year


_CONGRESS_DATE = re.compile(rf"{_Y}{_MD}[^\n。]{{0,6}}?在[^\n。]{{0,40}}?{_SESSION}")
# a date in brackets that opens a line under a report's title: (2024年1月5日) or (2024年1月5日 某某)
_REPORT_DATE = re.compile(rf"^[ \t]*[(（]\s*{_Y}{_MD}", re.M)
_TWO_YEARS = re.compile(rf"{_Y}\s*年[^。]{{0,40}}?计划\s*(?:的)?\s*执行情况[^。\n]{{0,8}}?{_Y}\s*年")
# a page's date: 2024-01-18, 2024.01.18, 2024/1/18, 2024年1月18日 (not a span of years: 2021-2025)
_PAGE_DATE = re.compile(rf"{_Y}(?:\s*[-./]\s*(\d{{1,2}})\s*[-./]\s*(\d{{1,2}})(?![0-9])|{_MD})")
_NOW = re.compile(r"今年|本年度|全年")
# what stands between a year and the words that tell what it is: within a clause, and no other year
_GAP = r"(?:(?!(?:19|20)\d{2})[^。，,；;！？!?\n])"
# a sentence that opens with a year and reports what it reached (2023年，全市实现地区生产总值…)
_PAST_YEAR = re.compile(rf"(?:^|[。！!])\s*{_Y}\s*年[,，]?(?P<clause>[^。\n]{{0,24}}?)(?:实现|完成|达到)", re.M)


@functools.lru_cache(maxsize=1)
def _year_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, words)) or "(?!)"

    # 2024年全县经济社会发展的主要预期目标, 部署2024年经济工作, 今(2024)年
    plan = re.compile(
        rf"{_Y}\s*年度?(?P<gap>{_GAP}{{0,16}}?)(?:{alt(lex.year_plan + lex.headline)})"
        rf"|今\s*[(（]\s*{_Y}\s*年?\s*[)）]\s*年|今年\s*[(（]\s*{_Y}\s*年\s*[)）]"
    )
    review_after = re.compile(rf"{_Y}\s*年度?{_GAP}{{0,10}}?(?:{alt(lex.year_review)})")
    review_before = re.compile(rf"(?:{alt(lex.year_review)})[^。，,；;\n]{{0,4}}?{_Y}\s*年")
    restated = re.compile(alt(lex.restated))
    return plan, review_after, review_before, restated


def _congress_date(head: str) -> Clue | None:
    if m := _CONGRESS_DATE.search(head, 0, 2000):
        return Clue("congress_date", _plan_of_date(m[1], m[2]), evidence(m[0]))
    if re.search(r"代表大会|人大|工作报告", head[:2000]) and (m := _REPORT_DATE.search(head, 0, 1500)):
        return Clue("congress_date", _plan_of_date(m[1], m[2]), evidence(m[0]))
    return None


def _two_years(head: str) -> Clue | None:
    m = _TWO_YEARS.search(head, 0, 2000)
    return Clue("plan_execution", max(int(m[1]), int(m[2])), evidence(m[0])) if m else None


def plan_words(head: str) -> Clue | None:
    """The latest year that the page names as the year of its plan: of its main targets, its work
    conference, its arrangements (a restated target of an earlier year, 2023年确定的目标, is none)."""
    plan, _, _, restated = _year_words()
    # not a year after 完成 (a past plan) nor after 到 (a horizon: 到2025年…目标)
    before = lexicon().past_plan + lexicon().horizon_before
    found = [
        (int(next(g for g in (m[1], m[3], m[4]) if g)), m)
        for m in plan.finditer(head)
        if not (m["gap"] and restated.search(m["gap"])) and not head[max(0, m.start() - 4) : m.start()].endswith(before)
    ]
    if not found:
        return None
    year, m = max(found, key=lambda f: f[0])
    return Clue("plan_words", year, evidence(m[0]))


def _review(head: str) -> Clue | None:
    """The year after the latest year that the page reviews (2023年工作回顾, 回首2023年: a plan of 2024)."""
    _, after, before, _ = _year_words()
    found = [(int(m[1]), m) for pattern in (after, before) for m in pattern.finditer(head)]
    if not found:
        return None
    year, m = max(found, key=lambda f: f[0])
    return Clue("review", year + 1, evidence(m[0]))


def _page_date(head: str) -> Clue | None:
    """The date of a page (its dateline, its publication date) in its first lines, where the page
    speaks of this year (今年): a report or conference early in the year plans it, one late in the
    year the next; a date of another season is no clue (a copy stored months later)."""
    m = _PAGE_DATE.search(head, 0, 800)
    if not m:
        return None
    year, month = m[1], m[2] or m[4]
    if not 1 <= int(month) <= 4 and not 11 <= int(month) <= 12:
        return None
    plan = _plan_of_date(year, month)
    if not _NOW.search(head) and f"{plan}年" not in head:  # the page speaks of its year: 今年, or 2024年 itself
        return None
    return Clue("page_date", plan, evidence(m[0]))


def _past_year(head: str) -> Clue | None:
    """The year after the latest year that a sentence of the page opens with and reports as reached
    (2023年，全市实现地区生产总值…: a page of 2024), unless the sentence plans (将, 力争, 目标)."""
    turn = lexicon().plan_turn + ("将", "要", "目标", "预期", "计划")
    found = [(int(m[1]), m) for m in _PAST_YEAR.finditer(head) if not any(w in m["clause"] for w in turn)]
    if not found:
        return None
    year, m = max(found, key=lambda f: f[0])
    return Clue("past_year", year + 1, evidence(m[0].lstrip("。！!")))


#: The rules of the plan year, in their order of trust: the first that finds a year gives it.
#: ``title`` (the forms of a title, :mod:`planstats.titles`), ``plan_words`` (:func:`plan_words`, else the
#: year named with the main targets anywhere in the text) and ``year_is`` (2025年是…之年) are applied by
#: :func:`planstats.titles.page_info` in their place in this order.
YEAR_RULES: tuple[tuple[str, Callable[[str], Clue | None] | None], ...] = (
    ("congress_date", _congress_date),
    ("plan_execution", _two_years),
    ("title", None),
    ("plan_words", None),
    ("review", _review),
    ("page_date", _page_date),
    ("year_is", None),
    ("past_year", _past_year),
)


# ---------------------------------------------------------------------------------------------------------------
# the region


def _parts_with_levels(name: str) -> bool:
    """Whether ``name`` is one or two parts of 2 to 4 characters, each ending in a word of a level (某某市某某区)."""
    levels = "|".join(map(re.escape, lexicon().region_level))
    return bool(re.fullmatch(rf"(?:[^\s]{{1,3}}?(?:{levels})){{1,2}}", name))


def region_name(name: str) -> str | None:
    """The name of a region in ``name``, a stretch of running text before a word that names a
    region's body (…在某某县第十八届人民代表大会: ``name`` is 在某某县): ``name`` itself when it is
    a region's name, else its longest ending that is one (参加天水市 → 天水市), else ``name`` when it
    is short and made of parts that end in a level (某某市某某区), else ``None`` (我们认真执行市).

    Examples
    --------
    >>> region_name("参加天水市"), region_name("某某区"), region_name("我们认真执行市"), region_name("根据市")
    ('天水市', '某某区', None, None)
    """
    if len(name) < 2:
        return None
    if places.known(name):
        return name
    # (an ending of three characters or more: 新区 of 某某新区 is no name of its own)
    ending = next((name[i:] for i in range(1, len(name) - 2) if places.known(name[i:])), None)
    if ending:
        return ending
    return name if _parts_with_levels(name) and not name.startswith(lexicon().name_lead) else None


@functools.lru_cache(maxsize=1)
def _region_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    issuers = "|".join(map(re.escape, ("人民政府", "政府")))
    # 我代表某某县人民政府 (the speaker's government), 受某某县人民政府委托; the header of an official document
    # (某某县人民政府办公室文件 某政办发〔2024〕5号: its issuer)
    name = r"[^\s,，。、:：;；()（）“”《》]{2,12}?"
    speaker = re.compile(
        rf"(?:代表|受)(?P<place>{name})(?:{issuers})|(?:^|(?<=\s))(?P<header>{name})(?:{issuers})(?:办公室|办公厅)?文件",
        re.M,
    )
    zones = "|".join(map(re.escape, lex.zone))
    # 某某经开区召开…, 某某经济开发区2024年…: a zone that opens a clause, a line or a title, named after a region
    zone = re.compile(
        rf"(?:^|(?<=[\s,，。:：;；、()（）《“\"【】]|年|讯|日))(?P<place>[^\s,，。:：;；、()（）《》“”0-9]{{2,4}}?)"
        rf"(?P<zone>{zones})",
        re.M,
    )
    levels = "|".join(map(re.escape, ("市", "县", "区", "旗", "州")))
    # 某某市委经济工作会议; 某某县召开…会议 (a clause that opens with the region)
    meeting = re.compile(
        rf"(?P<place>[^\s,，。:：;；、()（）《》“”0-9]{{2,8}}?)(?:(?P<level>{levels})委[^\s,，。]{{0,8}}?(?:会议|全会)"
        rf"|(?=召开|举行))"
    )
    return speaker, zone, meeting


def _speaker(head: str) -> Clue | None:
    speaker, _, _ = _region_patterns()
    for m in speaker.finditer(head, 0, 2000):
        name = region_name(m["place"] or m["header"])
        if name and len(name) >= 2:
            return Clue("issuer", name, evidence(m[0]))
    return None


def _zone(head: str) -> Clue | None:
    """A development zone whose name opens a clause of the page's first lines and begins with
    the name of a region (曾都经济开发区: 曾都区; 常州经开区: 常州市)."""
    _, zone, _ = _region_patterns()
    for m in zone.finditer(head, 0, 400):
        place = m["place"]
        if any(places.known(place + level) for level in ("", "市", "县", "区")):
            return Clue("zone", place + m["zone"], evidence(m[0]))
    return None


def _recurs(name: str, head: str) -> bool:
    """Whether the page names ``name`` again: a region a page speaks of recurs (one named once in
    passing, a meeting elsewhere, a zone visited, is no clue of the page's own region)."""
    return head.count(name) >= 2


def _meeting(head: str) -> Clue | None:
    """The region whose committee holds a meeting (某某市委经济工作会议), or that holds one, named at
    the opening of a clause (某某县召开…): a region's whole name, not running text before it."""
    _, _, meeting = _region_patterns()
    for m in meeting.finditer(head, 0, 600):
        at = m.start()
        if at and head[at - 1] not in ' \t\n,，。:：;；、()（）【】“"':
            continue
        name = m["place"] + (m["level"] or "")
        if places.known(name) and _recurs(m["place"], head):
            return Clue("meeting", name, evidence(m[0]))
    return None


#: The rules of the region, in their order of trust: the first that finds a region gives it.
#: ``title`` and ``congress`` (the place of a people's congress) are applied by
#: :func:`planstats.titles.page_info`; after these come the document's folders, and last the
#: region the running text names most (``context``: never a confident match).
REGION_RULES: tuple[tuple[str, Callable[[str], Clue | None] | None], ...] = (
    ("title", None),
    ("issuer", _speaker),
    ("congress", None),
    ("zone", _zone),
    ("meeting", _meeting),
)


def head_of(text: str) -> str:
    """The part of a page in which its clues are looked for."""
    return text[:_HEAD]
