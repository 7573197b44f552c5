"""Region and plan year from the head of a document: its title, the issuer, a dateline, the
body of a people's congress; never a guess."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from planstats import clues, places
from planstats.clues import Clue
from planstats.extract import headline_year
from planstats.lexicon import lexicon
from planstats.numbers import FIVE_YEAR_PLAN, plan_period_end, plan_period_start
from planstats.read.normalize import Normalized, normalize

# the kinds of plan a title names, after what they plan (2024年国民经济和社会发展计划)
_DEVELOPMENT = r"(?:国民经济和社会发展|经济社会发展|经济和社会发展)"


# 目标任务 only after the words of development (某某县2024年经济社会发展主要目标任务): 完成2024年目标任务 is text
_DOC_TYPES = (
    rf"(?:{_DEVELOPMENT}?(?:重点|主要)?(?:政府工作报告|工作报告|工作要点|工作计划|工作安排|工作思路|工作任务|要点|计划)"
    rf"|{_DEVELOPMENT}(?:重点|主要)?目标任务)"
)


# a web page's title joins its parts with _ | -
_NAME = r"(?![年度]|国民经济|经济社会|经济和社会|工作|重点|主要)[^\s《》:：,，。0-9_|｜\-–—]{2,20}?"


_YEAR = r"(?P<year>(?:19|20)\d{2})"


# a year, or a range of years that the year opens (2024—2026年, 2024年至2026年): the plan year is the first
_YEARS = rf"{_YEAR}(?:年?\s*[-–—~至到]\s*(?:19|20)\d{{2}})?年"


# what a plan is about, between its year and its kind (青山县2024年招商引资工作要点)
_TOPIC = r"[^\s《》:：,，。]{0,20}?"


# the month and day of a dateline, in digits or Chinese numerals (1月10日, 一月十日, 二月二十八日)
_DAY_OF_MONTH = (
    r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
)


# the place of the dateline of a report to a people's congress (——在某某县第十八届人民代表大会…上)
# (or 在区十八届人大四次会议上: no 第, and the level alone names no place)
_CONGRESS = r"第?[一二三四五六七八九十\d]+届"


_DATELINE_PLACE = re.compile(rf"在(?P<place>{_NAME})(?<![一二三四五六七八九十第]){_CONGRESS}")


# whoever issues a plan, before 关于 (某某县人民政府关于印发…的通知)
# the place of a session of a people's congress named in a news report (1月9日，济南市历城区第十九届
# 人民代表大会第四次会议召开; 坪山区二届人大二次会议开幕)
# (the name opens the text, a line or a clause: not 日在县 of …1月8日在县第十八届人民代表大会)
_CONGRESS_PLACE = re.compile(
    rf"(?<![^\s,，。:：;；、)）】」』”\"])(?![日月在])(?P<place>{_NAME})(?<![一二三四五六七八九十第]){_CONGRESS}(?:人民代表大会|人大)"
)


# a year that a text calls the year of its plan (2025年是“十四五”规划的收官之年); the latest of them is the
# plan year (a report reviews the year before it the same way: 2024年是…开局之年。…2025年是…)
_YEAR_IS = re.compile(r"(?<![0-9])((?:19|20)\d{2})年是[^。\n]{0,80}?(?:之年|一年)")


# a province in brackets before the name of a region ((湖北省)黄石市黄石港区)
_PROVINCE_BEFORE = re.compile(r"^[(（][^()（）]{2,8}[)）]")


# a news site's tag before a title (【某某新闻】, [要闻])
_CHROME_BEFORE = re.compile(r"^(?:【[^】]{0,12}】|\[[^\]]{0,12}\])\s*")

# the end of a document's number before its issuer (某政办发〔2018〕32号 市政府办公室关于…): no part of a name
_NUMBER_END = re.compile(r"^[〕\]］)）]?\d*号")


_CLAUSE_MARK = re.compile(r"[，,。；;]")


_ISSUED_BY = re.compile(rf"(?P<place>{_NAME})\s*[-_|｜–—]*\s*关于")  # 某某县人民政府 - 关于印发…: the title of a page


@functools.lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The forms of a title, tried in order; each gives the plan year and, but for the last, the
    region. A form is tried only if the title holds its word (the regexes that open with a name
    are slow to fail)."""
    issuer, levels = ("|".join(words) for words in (lexicon().issuer, lexicon().region_level))
    return tuple(
        (word, re.compile(pattern))
        for word, pattern in (
            # 关于某某县2023年国民经济和社会发展计划执行情况与2024年…计划草案的报告: the year of the new plan
            ("计划执行情况", rf"(?P<region>{_NAME})(?:19|20)\d{{2}}年国民经济和社会发展计划执行情况与{_YEAR}年"),
            # 某某镇2023年工作总结和2024年工作计划: the year of the plan
            (
                "工作总结",
                rf"(?P<region>{_NAME})(?:19|20)\d{{2}}年(?:度)?工作总结[和及与暨]?{_YEAR}年(?:度)?{_DOC_TYPES}",
            ),
            # 某某县人民政府2023年工作总结: a summary of its year, whose plan (if it tells one) is for the year after
            ("工作总结", rf"(?P<region>{_NAME})?(?P<summary>(?:19|20)\d{{2}})年(?:度)?{_TOPIC}工作总结"),
            # 新城区政府2021年工作安排; 某某县人民政府关于印发2024年县政府工作要点的通知; 青山县2024年招商引资工作要点;
            # 青山县2024—2026年招商引资三年行动计划
            # (湖北省)黄石市黄石港区2023年《政府工作报告》重点工作分解意见: the kind of plan in 《》
            ("", rf"(?P<region>{_NAME}){_YEARS}(?:度)?(?:(?:{levels})?(?:{issuer}))?{_TOPIC}《?{_DOC_TYPES}"),
            ("", rf"{_YEARS}(?:度)?(?P<region>{_NAME})?(?:{issuer})?{_DOC_TYPES}"),  # 2024年某某区工作要点
            # 某某县政府工作报告\n——2024年1月10日在某某县第十八届人民代表大会…上: delivered early in the plan year
            # or 政府工作报告（2024年1月8日在某某区第二届人民代表大会…上）, ——2024年1月10日在区十八届人大四次会议上
            (
                "届",
                rf"(?P<region>{_NAME})?工作报告[\s（(—─-]*{_YEAR}年{_DAY_OF_MONTH}在(?:(?P<place>{_NAME})(?<![一二三四五六七八九十第])|(?:{levels}))?{_CONGRESS}",
            ),
        )
    )


@functools.lru_cache(maxsize=1)
def _place_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    levels, topics = ("|".join(map(re.escape, words)) or "(?!)" for words in (lex.region_level, lex.not_place))
    level = rf"(?!{topics})(?:{levels})"  # a level that opens no word of a subject (乡 of 乡村振兴, 市 of 市场)
    # the first part (沛县, 丰州); then a level right after it (丰州区) or a part of 2 to 6 characters and a level
    # (西安市雁塔区)
    return re.compile(rf".+?{level}"), re.compile(rf"{level}|.{{2,6}}?{level}")


def _place(name: str) -> str:
    """The region that a name of a title opens with: its parts that end in a word of a level
    (lexicon role ``region_level``); what follows is what the plan is about (lexicon role
    ``not_place``: words of a subject that open with a level, 乡村, 市场). ``""`` if no part opens it.
    A longer opening that is the name of a region is the region (西乡塘区: not 西乡, whose 乡 is a level).

    Examples
    --------
    >>> _place("青山县优化营商环境"), _place("西安市雁塔区"), _place("丰州区城市更新"), _place("青山县乡村振兴")
    ('青山县', '西安市雁塔区', '丰州区', '青山县')
    >>> _place("招商引资"), _place("西乡塘区2022年")
    ('', '西乡塘区')
    """
    first, more = _place_regexes()
    m = first.match(name)
    if not m:
        return ""
    end = m.end()
    while m := more.match(name, end):
        end = m.end()
    levels = lexicon().region_level
    longer = (j for j in range(min(len(name), 20), end, -1) if name[:j].endswith(levels) and places.known(name[:j]))
    return name[: next(longer, end)]


@functools.lru_cache(maxsize=1)
def _five_year_title() -> re.Pattern[str]:
    """A title of a five-year plan (某某县国民经济和社会发展第十四个五年规划和2035年远景目标纲要,
    某某县“十四五”工业发展规划): groups 2 or 3 hold the digit after 十."""
    return re.compile(rf"(?P<region>{_NAME})?{_DEVELOPMENT}?{FIVE_YEAR_PLAN}", re.M)


@functools.lru_cache(maxsize=1)
def _undated_title() -> re.Pattern[str]:
    """A first line that names a region and a kind of plan but no year (某某县人民政府工作要点)."""
    return re.compile(rf"\s*(?P<region>{_NAME})(?:{'|'.join(lexicon().issuer)})?{_DOC_TYPES}\s*$")


def _region_of_issuer(name: str) -> str:
    """The region in the name of whoever issues a plan (lexicon roles ``title_filler``,
    ``party_committee``, ``department``, ``issuer``).

    Examples
    --------
    >>> _region_of_issuer("中共某某县委某某县人民政府关于印发"), _region_of_issuer("西安市雁塔区商务局")
    ('某某县', '西安市雁塔区')
    >>> _region_of_issuer("某某县委县政府"), _region_of_issuer("某某新区党工委管委会")
    ('某某县', '某某新区')
    """
    lex = lexicon()
    name = _NUMBER_END.sub("", name)
    before, about, after = name.rpartition("关于")  # 某某市人民政府办公室关于印发某某市: the region of the plan
    if about:
        after = next((after[len(w) :] for w in lex.title_filler if after.startswith(w)), after)
        name = after if len(after) >= 2 else before

    def cut(name: str, words: tuple[str, ...]) -> str:  # 某某区商务局, 某某县人民政府
        return next((name[: -len(w)] for w in words if name.endswith(w)), name)

    for word in lex.title_filler:  # longest first
        name = name.removeprefix(word).removesuffix(word)
    name = cut(name, lex.department)
    for word in lex.party_committee:
        at = name.rfind(word)
        if at < 0:
            continue
        if len(cut(name[at + len(word) :], lex.issuer)) >= 2:  # 中共某某县委 某某县人民政府: the government's region
            name = name[at + len(word) :]
        else:  # 中共某某县委, 某某县委县政府, 某某新区党工委管委会: the region before the committee
            level = word[:-1] if word[:-1] in lex.region_level else ""
            name = name[:at] + level
        break
    return cut(name, lex.issuer)


# ---------------------------------------------------------------------------------------
# region and year


def _region_aliases() -> dict[str, str]:
    """Every name and alias of the hand-kept region table (``data/regions.csv``) → its name."""
    return places.aliases()


@dataclass(frozen=True, slots=True)
class PageInfo:
    """The region and plan year of a page, each with the clue that gave it (:class:`planstats.clues.Clue`).
    ``region_in_body``: the region is only the one its running text names most (no title, issuer,
    congress nor zone names it): a guess that a document's folders beat."""

    region: str | None
    year: int | None
    region_clue: Clue | None = None
    year_clue: Clue | None = None
    region_in_body: bool = False


def title_info(text: str | Normalized) -> tuple[str | None, int | None]:
    """Region and plan year from a document's title: the first lines of its normalized text
    (simplified, half-width, page markers removed), else the other clues of the page
    (:func:`page_info`). A title that names no year takes the year
    named with the main targets (``2026年…主要预期目标是：``). ``text`` may be the normalized view that
    extraction makes anyway, so that a build normalizes each document once.

    Examples
    --------
    >>> title_info("新城区政府2021年工作安排\\n\\n2021年是…")
    ('新城区', 2021)
    """
    info = page_info(text)
    return info.region, info.year


def page_info(text: str | Normalized) -> PageInfo:
    """The region and plan year of a page, by the rules of :data:`planstats.clues.YEAR_RULES` and
    :data:`planstats.clues.REGION_RULES` in their order of trust, each with its clue.

    Examples
    --------
    >>> info = page_info("某某县召开县委经济工作会议\\n1月20日，会议总结2023年经济工作，部署2024年经济工作。")
    >>> info.year, str(info.year_clue)
    (2024, 'plan_words: 2024年经济工作')
    """
    norm = text if isinstance(text, Normalized) else normalize(text)
    # The first 5 lines, at most 600 characters: 1,000 characters of the text hold them all
    # (line breaks of two characters included), so the rest of a long text is not split.
    head = "\n".join(norm.text.strip()[:1000].splitlines()[:5])[:600]
    page = clues.head_of(norm.text)
    m = next(filter(None, (_title_search(pattern, head) for word, pattern in _titles() if word in head)), None)
    # a five-year plan: its first year (第十四个五年规划: 2021)
    five_year = None if m else _five_year_title().search(head)
    m = m or five_year or _undated_title().match(head.partition("\n")[0]) or _title_line(norm.text)
    title_region, title_year = _title_match(m, head) if m else (None, None)
    title = Clue("title", title_year, clues.evidence(m[0])) if m and title_year else None
    year_clue = _first(
        clues.YEAR_RULES,
        page,
        {
            "title": title,
            "plan_words": lambda: clues.plan_words(page) or _headline_year(norm.text),
            "year_is": lambda: _year_is(norm.text),
        },
    )
    year = int(year_clue.value) if year_clue else None
    region_clue = _first(
        clues.REGION_RULES,
        page,
        {
            "title": Clue("title", title_region, clues.evidence(m[0])) if m and title_region else None,
            "congress": lambda: _congress_place(norm.text),
        },
    )
    if region_clue:
        return PageInfo(str(region_clue.value), year, region_clue, year_clue)
    # else the region that the text names (十堰高新区 under a title of 全市): a guess from the running text
    body = places.named_in(norm.text, year)
    return PageInfo(body, year, Clue("context", body, body) if body else None, year_clue, region_in_body=bool(body))


def _first(rules: tuple, page: str, given: dict) -> Clue | None:
    """The clue of the first of ``rules`` that finds one: a rule's function on the page, or the
    clue ``given`` for it (a clue, or a function that makes it)."""
    for name, rule in rules:
        found = rule(page) if rule is not None else given.get(name)
        if callable(found):
            found = found()
        if found is not None:
            return found
    return None


def _title_match(m: re.Match[str], head: str) -> tuple[str | None, int | None]:
    """Region and plan year from the match ``m`` of a form of title in the ``head`` of a page
    (no year when the title names none)."""
    if m.re is _five_year_title():
        year = plan_period_start(plan_period_end(m.group(2) or m.group(3)))
    else:
        found = m.groupdict()
        if found.get("year"):
            year = int(found["year"])
        elif found.get("summary"):  # a summary of a year alone: what it plans is for the year after
            year = int(found["summary"]) + 1
        else:
            year = None
    region = _region_of_issuer(
        _PROVINCE_BEFORE.sub("", _CHROME_BEFORE.sub("", (m.group("region") or "").lstrip('《“"')))
    )
    aliases = _region_aliases()
    if region not in aliases and not places.known(region):
        # a news title's words before the region (快来看看会上提到的某某省): the region that ends them
        region = clues.region_name(region) or region
    if region not in aliases:  # 青山县优化营商环境 (工作要点): the region, not what the plan is about
        # (a short name of a region, with no level, stays: 图解2024年某市政府工作报告 names the city by its short name)
        region = _place(region) or (region if places.resolve(region).match in ("exact", "unique") else "")
    if len(region) < 2 or region in lexicon().scope + lexicon().front:  # no name, or 全县 (the whole county)
        # 2024年政府工作报告——在某某县第十八届人民代表大会…: the place of the dateline;
        # 某某县人民政府关于印发《2024年全县重点工作任务》: the region of the issuer
        region = m.groupdict().get("place") or ""
        if not region and (place := _DATELINE_PLACE.search(head) or _ISSUED_BY.search(head)):
            region = _region_of_issuer(place.group("place"))
    return _known(region) if len(region) >= 2 else None, year


def _title_search(pattern: re.Pattern[str], head: str) -> re.Match[str] | None:
    """The first match of a form of title in ``head`` that opens its line, follows no clause of it
    (报告说，2024年工作任务的完成 is a sentence, not a title), or is quoted as a title (…作《关于…的报告》)."""
    for m in pattern.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        clause = max((c.end() for c in _CLAUSE_MARK.finditer(head, line_start, m.start())), default=None)
        if clause is None or "《" in head[clause : m.start() + 1]:
            return m
    return None


def _known(region: str) -> str:
    """The name of the hand-kept region table for a name or its alias, or for a name that ends
    with that of a functional area (陕西省西咸新区), else ``region`` (呼和浩特市新城区 stays whole)."""
    aliases = _region_aliases()
    return aliases.get(region) or next((aliases[a] for a in _area_suffixes() if region.endswith(a)), region)


@functools.lru_cache(maxsize=1)
def _area_suffixes() -> tuple[str, ...]:
    """The names and aliases of the functional areas of the hand-kept table, longest first."""
    return tuple(sorted(places.aliases(areas_only=True), key=len, reverse=True))


def _congress_place(text: str) -> Clue | None:
    """The region whose people's congress the first 1,500 characters of ``text`` name: a name
    that ends with a level (坪山区; not 深圳 of a headline that names the city alone), and is a
    region's name, not running text before it (参加天水市第四届…: 天水市; 我们认真执行市十三届…: none)."""
    for pattern in (_CONGRESS_PLACE, _DATELINE_PLACE):
        for m in pattern.finditer(text, 0, 1500):
            region = clues.region_name(_place(_region_of_issuer(m.group("place"))))
            if region:
                return Clue("congress", _known(region), clues.evidence(m[0]))
    return None


def _year_is(text: str) -> Clue | None:
    """The latest year that the first 3,000 characters of ``text`` call a year of its own (2025年是…之年)."""
    found = max(_YEAR_IS.finditer(text, 0, 3000), key=lambda m: int(m[1]), default=None)
    return Clue("year_is", int(found[1]), clues.evidence(found[0])) if found else None


def _headline_year(text: str) -> Clue | None:
    """The year named with the main targets of a text whose title names none (2026年…主要预期目标是：)."""
    year = headline_year(text)
    return Clue("plan_words", year, f"{year}年…(the main targets)") if year else None


def _title_line(text: str) -> re.Match[str] | None:
    """A title that names a region on a short line of its own further down (a web page's menus
    before it: 首页 | 政务公开 …): a line of at most 40 characters with no comma nor full stop."""
    for line in text[:3000].splitlines()[5:60]:
        if len(line) > 40 or any(c in line for c in "。，,；;"):
            continue
        for word, pattern in _titles():
            if word in line and (m := pattern.search(line)) and m.groupdict().get("region"):
                return m
    return None
