"""The tidy dataset: its contract, and the functions that produce and read it.

One row per target or reported result. The contract (column order and dtypes) is defined once, in
:data:`SCHEMA`, and checked by :func:`validate`.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from planstats import _checks, places
from planstats._data import DATA_DIR, read_rows
from planstats.errors import ArgumentError, DataFileError, DocumentError, PlanstatsWarning, SchemaError
from planstats.extract import KINDS, OF_PLAN_YEAR, QUALIFIERS, RECORDS, find_targets, headline_year
from planstats.lexicon import lexicon
from planstats.numbers import FIVE_YEAR_PLAN, plan_period_end, plan_period_start
from planstats.read import read
from planstats.read.html import HTML_SUFFIXES
from planstats.read.normalize import Normalized, normalize
from planstats.taxonomy import assign_metrics, load_taxonomy

SECTIONS = ("headline", "body")
FORMATS = ("csv", "jsonl", "parquet")
#: Column → dtype of the dataset contract, in order.
SCHEMA: dict[str, object] = {
    "doc": "category",
    "region": "category",
    "region_code": "string",
    "province": "category",
    "prefecture": "category",
    "region_match": pd.CategoricalDtype(places.MATCHES),
    "year": "Int64",
    "record": pd.CategoricalDtype(RECORDS),
    "section": pd.CategoricalDtype(SECTIONS, ordered=True),
    "metric": "category",
    "metric_text": "string",
    "kind": pd.CategoricalDtype(KINDS),
    "value": "float64",
    "value_high": "float64",
    "unit": "string",
    "qualifier": pd.CategoricalDtype(QUALIFIERS),
    "qualifier_text": "string",
    "verb": "string",
    "raw": "string",
    "start": "int64",
    "end": "int64",
    "doc_sha256": "string",
    "average_from": "Int64",
}
COLUMNS = tuple(SCHEMA)
# columns that a dataset of an earlier planstats lacks: read as empty
_ADDED = ("average_from",)
# ... or found again from its region and year (with no context: a name several units share is ambiguous)
PLACE_COLUMNS = ("region_code", "province", "prefecture", "region_match")
BUNDLED = DATA_DIR / "targets.csv"
#: The file of each year's rows in a dataset folder (year=2024/part-0.parquet)
PART = "part-0.parquet"
#: The index of the documents of a dataset folder (doc, path, sha256, rows, status, message, rules)
INDEX = "_documents.parquet"
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


_SUFFIXES = {".txt", ".docx", ".pdf", ".text", *HTML_SUFFIXES}


def _metric_dtype(metric: pd.Series) -> pd.CategoricalDtype:
    """The metric ids of the taxonomy, and any others that ``metric`` holds (a dataset built by
    another planstats, or with another taxonomy): those are kept, with a warning, never turned
    into missing values."""
    known = [m.id for m in load_taxonomy()]
    if isinstance(metric.dtype, pd.CategoricalDtype):
        held = metric.cat.remove_unused_categories().cat.categories
    else:
        held = metric.dropna().unique()
    unknown = sorted(set(held) - set(known))
    if unknown:
        shown = ", ".join(map(repr, unknown[:5])) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        warnings.warn(
            f"metric id(s) not in the taxonomy (data/metrics.csv): {shown}. Their rows keep them, with no label; "
            "rebuild the dataset with this planstats, or use the taxonomy it was built with.",
            PlanstatsWarning,
            stacklevel=4,
        )
    return pd.CategoricalDtype(known + unknown)


def empty() -> pd.DataFrame:
    """An empty frame with the contract's columns and dtypes.

    Examples
    --------
    >>> list(empty().columns)[:7]
    ['doc', 'region', 'region_code', 'province', 'prefecture', 'region_match', 'year']
    """
    return conform(pd.DataFrame({c: [] for c in COLUMNS}))


def conform(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with the contract's column order and dtypes (a column that an
    earlier planstats did not write, ``average_from``, is added empty)."""
    if any(c not in df.columns for c in _ADDED):
        df = df.assign(**{c: pd.NA for c in _ADDED if c not in df.columns})
    # (a dataset folder of an earlier planstats is read with them empty)
    older = any(c not in df.columns for c in PLACE_COLUMNS) or (len(df) and df["region_match"].isna().all())
    if older and {"region", "year"} <= set(df.columns):
        df = df.assign(**_place_columns(df["region"], df["year"]))
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {missing}; a planstats dataset has the columns {list(COLUMNS)}.")
    out = df.loc[:, list(COLUMNS) + [c for c in df.columns if c not in SCHEMA]].copy()
    for col, dtype in SCHEMA.items():
        if col == "metric":
            dtype = _metric_dtype(out[col])
        if col in ("metric_text", "qualifier_text", "verb", "unit", "raw"):
            out[col] = out[col].fillna("")
        try:
            out[col] = out[col].astype(dtype)
        except (ValueError, TypeError) as err:
            raise SchemaError(f"column {col!r} cannot be read as {dtype}: {err}") from err
    return out


def _place_columns(region: pd.Series, year: pd.Series) -> dict[str, list]:
    """The place columns of the rows of a dataset written before planstats had them."""
    keys = list(
        zip(
            region.astype(object).where(region.notna(), None),
            year.astype(object).where(year.notna(), None),
            strict=False,
        )
    )
    found = {key: places.resolve(*key) for key in set(keys)}
    rows = [found[key] for key in keys]
    return {
        "region_code": [p.code for p in rows],
        "province": [p.province for p in rows],
        "prefecture": [p.prefecture for p in rows],
        "region_match": [p.match for p in rows],
    }


def validate(df: pd.DataFrame) -> pd.DataFrame:
    """Check that ``df`` follows the dataset contract; return it unchanged.

    Raises :class:`SchemaError` naming the column and the first offending row.

    Examples
    --------
    >>> validate(empty()).shape
    (0, 23)
    """
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(f"expected a pandas DataFrame, got {type(df).__name__}.")
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"missing column(s) {missing}; load the data with planstats.load() or planstats.extract().")
    if list(df.columns[: len(COLUMNS)]) != list(COLUMNS):
        raise SchemaError(f"columns are out of order; expected {list(COLUMNS)} first.")
    for col, dtype in SCHEMA.items():
        expected = "category" if col == "metric" else dtype  # any metric ids: see _metric_dtype
        if str(df[col].dtype) != str(pd.api.types.pandas_dtype(expected) if isinstance(expected, str) else expected):
            if not (isinstance(expected, pd.CategoricalDtype) and isinstance(df[col].dtype, pd.CategoricalDtype)):
                raise SchemaError(f"column {col!r} has dtype {df[col].dtype}, expected {expected}.")
        if isinstance(expected, pd.CategoricalDtype) and expected.categories is not None and df[col].dtype != expected:
            extra = set(df[col].dropna().unique()) - set(expected.categories)
            if extra:
                raise SchemaError(f"column {col!r} has values {sorted(extra)} outside {list(expected.categories)}.")
    bad = df.index[~np.isfinite(df["value"].to_numpy(dtype=float))]
    if len(bad):
        raise SchemaError(f"column 'value' must be finite; row {bad[0]!r} is {df.loc[bad[0], 'value']!r}.")
    bad = df.index[(df["start"] < 0) | (df["end"] <= df["start"])]
    if len(bad):
        raise SchemaError(
            f"row {bad[0]!r}: start/end ({df.loc[bad[0], 'start']}, {df.loc[bad[0], 'end']}) is not a span."
        )
    return df


# ---------------------------------------------------------------------------------------
# region and year


def _region_aliases() -> dict[str, str]:
    """Every name and alias of the hand-kept region table (``data/regions.csv``) → its name."""
    return places.aliases()


def title_info(text: str | Normalized) -> tuple[str | None, int | None]:
    """Region and plan year from a document's title: the first lines of its normalized text
    (simplified, half-width, page markers removed). A title that names no year takes the year
    named with the main targets (``2026年…主要预期目标是：``). ``text`` may be the normalized view that
    extraction makes anyway, so that a build normalizes each document once.

    Examples
    --------
    >>> title_info("新城区政府2021年工作安排\\n\\n2021年是…")
    ('新城区', 2021)
    """
    norm = text if isinstance(text, Normalized) else normalize(text)
    # The first 5 lines, at most 600 characters: 1,000 characters of the text hold them all
    # (line breaks of two characters included), so the rest of a long text is not split.
    head = "\n".join(norm.text.strip()[:1000].splitlines()[:5])[:600]
    m = next(filter(None, (pattern.search(head) for word, pattern in _titles() if word in head)), None)
    # a title with no year (某某县人民政府工作要点): the year that the main targets name (2026年…主要预期目标是：)
    # a five-year plan: its first year (第十四个五年规划: 2021)
    five_year = None if m else _five_year_title().search(head)
    m = m or five_year or _undated_title().match(head.partition("\n")[0]) or _title_line(norm.text)
    region, year = _title_match(m, head, norm.text) if m else (None, headline_year(norm.text))
    # a news report of a work report: the place of the congress, the year the text calls the plan's
    year = year or _year_is(norm.text)
    # else the region that the text names (十堰高新区 under a title of 全市)
    return region or _congress_place(norm.text) or places.named_in(norm.text, year), year


def _title_match(m: re.Match[str], head: str, text: str) -> tuple[str | None, int | None]:
    """Region and plan year from the match ``m`` of a form of title in the ``head`` of ``text``."""
    if m.re is _five_year_title():
        year = plan_period_start(plan_period_end(m.group(2) or m.group(3)))
    else:
        found = m.groupdict()
        if found.get("year"):
            year = int(found["year"])
        elif found.get("summary"):  # a summary of a year alone: what it plans is for the year after
            year = int(found["summary"]) + 1
        else:
            year = headline_year(text)
    region = _region_of_issuer(_PROVINCE_BEFORE.sub("", (m.group("region") or "").lstrip('《“"')))
    aliases = _region_aliases()
    if region not in aliases:  # 青山县优化营商环境 (工作要点): the region, not what the plan is about
        region = _place(region)
    if len(region) < 2 or region in lexicon().scope + lexicon().front:  # no name, or 全县 (the whole county)
        # 2024年政府工作报告——在某某县第十八届人民代表大会…: the place of the dateline;
        # 某某县人民政府关于印发《2024年全县重点工作任务》: the region of the issuer
        region = m.groupdict().get("place")
        if not region and (place := _DATELINE_PLACE.search(head) or _ISSUED_BY.search(head)):
            region = _region_of_issuer(place.group("place"))
    return _known(region) if region else None, year


def _known(region: str) -> str:
    """The name of the hand-kept region table for a name or its alias, or for a name that ends
    with that of a functional area (陕西省西咸新区), else ``region`` (呼和浩特市新城区 stays whole)."""
    aliases = _region_aliases()
    return aliases.get(region) or next((aliases[a] for a in _area_suffixes() if region.endswith(a)), region)


@functools.lru_cache(maxsize=1)
def _area_suffixes() -> tuple[str, ...]:
    """The names and aliases of the functional areas of the hand-kept table, longest first."""
    return tuple(sorted(places.aliases(areas_only=True), key=len, reverse=True))


def _congress_place(text: str) -> str | None:
    """The region whose people's congress the first 1,500 characters of ``text`` name: a name
    that ends with a level (坪山区; not 深圳 of a headline that names the city alone)."""
    for m in _CONGRESS_PLACE.finditer(text, 0, 1500):
        region = _place(_region_of_issuer(m.group("place")))
        if len(region) >= 2:
            return _known(region)
    return None


def _year_is(text: str) -> int | None:
    """The latest year that the first 3,000 characters of ``text`` call a year of its own (2025年是…之年)."""
    return max((int(y) for y in _YEAR_IS.findall(text, 0, 3000)), default=None)


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


@functools.lru_cache(maxsize=32)
def _manifest(file: str, mtime: float) -> dict[str, dict[str, str]]:
    path = Path(file)
    rows = read_rows(path.name, ("file", "region", "year"), path, kind="manifest")
    table: dict[str, dict[str, str]] = {}
    for line, row in enumerate(rows, start=2):
        if not row["file"]:
            raise DataFileError(f"{path}, line {line}: empty file name.")
        if row["file"] in table:
            raise DataFileError(f"{path}, line {line}: {row['file']!r} is listed twice.")
        if row["year"] and not re.fullmatch(r"(19|20)\d{2}", row["year"]):
            raise DataFileError(f"{path}, line {line}: year {row['year']!r} is not a four-digit year.")
        if row.get("region_code") and not re.fullmatch(r"\d{6}", row["region_code"]):
            raise DataFileError(
                f"{path}, line {line}: region_code {row['region_code']!r} is not a six-digit division code (610112)."
            )
        table[row["file"]] = row
    return table


def manifest_row(path: Path) -> dict[str, str]:
    """The row of ``manifest.csv`` beside ``path`` that names it, or an empty dict."""
    mf = path.parent / "manifest.csv"
    try:
        mtime = mf.stat().st_mtime
    except OSError:  # no manifest (a missing or unreadable folder is the reader's error to report)
        return {}
    return _manifest(os.path.abspath(mf), mtime).get(path.name, {})


def check_manifest(path: Path) -> None:
    """Warn of the regions of a manifest that no region table knows: a name (or chain of names)
    of no unit of the national table nor of the hand-kept table (a misspelling, say: 西咸新去), or
    a code of no unit."""
    rows = read_manifest(path).values()
    unknown = sorted(
        {
            row[c]
            for row in rows
            for c in ("region", "region_code")
            if row.get(c) and places.resolve(row[c], int(row["year"]) if row["year"] else None).match == "none"
        }
    )
    if unknown:
        warnings.warn(
            f"{path}: {len(unknown)} region(s) are in no region table: "
            f"{', '.join(unknown[:10])}{' …' if len(unknown) > 10 else ''}. "
            "Check their spelling; a functional area (a new area, a zone) may be added to data/regions.csv.",
            PlanstatsWarning,
            stacklevel=4,
        )


def read_manifest(path: str | os.PathLike) -> dict[str, dict[str, str]]:
    """The rows of a manifest (columns file, region, year, and optionally title, issuer), by file name."""
    path = Path(path)
    if not path.exists():
        raise DataFileError(f"{path}: no such manifest file.")
    return _manifest(str(path.resolve()), path.stat().st_mtime)


# ---------------------------------------------------------------------------------------
# extraction


REJECT_COLUMNS = ("doc", "start", "end", "raw", "reason")
#: What the note of a document whose region is a name several units share says (a build counts them)
AMBIGUOUS = "is the name of"


def extract_rows(
    doc: str,
    text: str,
    norm: Normalized,
    sha: str,
    region: str | None,
    year: int | None,
    place: places.Place | None = None,
) -> tuple[list[tuple], list[tuple]]:
    """The rows of one document (tuples of the contract's columns, in order) and its rejects,
    with no DataFrame made: what a corpus build calls for each document. ``norm`` is the
    normalized view of ``text``; ``place`` where ``region`` is (else it is resolved with no context)."""
    targets, rejects = find_targets(norm, plan_year=year)
    place = place or places.resolve(region, year)
    where = (region, place.code, place.province, place.prefecture, place.match)
    rows = [
        (
            doc,
            *where,
            year if t.record in OF_PLAN_YEAR else t.year,
            t.record,
            t.section,
            metric,
            t.metric_text,
            t.kind,
            t.value,
            t.value_high if t.value_high is not None else math.nan,
            t.unit,
            t.qualifier,
            t.qualifier_text,
            t.verb,
            text[t.start : t.end],
            t.start,
            t.end,
            sha,
            t.average_from,
        )
        for t, metric in assign_metrics(targets, plan_year=year)
    ]
    return rows, [(doc, r.start, r.end, text[r.start : r.end], r.reason) for r in rejects]


def missing_title_info(doc: str, region: str | None, year: int | None, place: places.Place | None = None) -> str | None:
    """The warning for a document whose region or year is unknown, or whose region is a name that
    several units share; or ``None``."""
    if place is not None and place.match == "ambiguous":
        return (
            f"{doc}: the region {region!r} {AMBIGUOUS} {len(place.candidates)} units in {year}: "
            f"{', '.join(place.candidates[:5])}{' …' if len(place.candidates) > 5 else ''}; its region_code is left "
            "empty. "
            "Name the prefecture in the folder path (…/济南市/市中区/) or give the code in a manifest.csv column "
            "region_code."
        )
    if region is not None and year is not None:
        return None
    return (
        f"{doc}: the {'region' if region is None else 'year'} of this document was not found in its title; "
        "its targets are kept with it left empty. Supply it with a manifest.csv row beside the file "
        "(columns file, region, year) or the region=/year= arguments."
    )


def _frame(
    doc: str, text: str, norm: Normalized, sha: str, region: str | None, year: int | None, place: places.Place
) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, rejects = extract_rows(doc, text, norm, sha, region, year, place)
    message = missing_title_info(doc, region, year, place)
    if message:
        warnings.warn(message, PlanstatsWarning, stacklevel=3)
    df = conform(pd.DataFrame(rows, columns=list(COLUMNS))) if rows else empty()
    if not rows:
        warnings.warn(f"{doc}: no targets found in this document.", PlanstatsWarning, stacklevel=3)
    found = pd.DataFrame(rejects, columns=list(REJECT_COLUMNS))
    df.attrs["rejects"] = Shared(found)  # shared, not compared nor copied by pandas
    return df, found


def rejects(df: pd.DataFrame) -> pd.DataFrame:
    """The numbers that extraction set aside as non-targets in the document behind ``df`` (what
    :func:`planstats.extract` or :func:`planstats.extract_text` returned for one document), with
    the reason: columns doc, start, end, raw, reason.

    Examples
    --------
    >>> import planstats as ps
    >>> df = ps.extract_text("主要预期目标是：GDP增长6%，投资5亿元以上的产业项目20个以上。", region="某县", year=2024)
    >>> ps.rejects(df)[["raw", "reason"]].values.tolist()
    [['5亿元以上', 'describes a noun (an attribute, not a target value)']]
    """
    held = df.attrs.get("rejects") if isinstance(df, pd.DataFrame) else None
    if not isinstance(held, Shared):
        raise ArgumentError(
            "This frame carries no rejects: they are kept for one document, as planstats.extract(path) or "
            "planstats.extract_text(text) returned it; for many, `planstats extract FILES --rejects rejects.csv` "
            "writes them."
        )
    return held.value


def _old_rejects(
    found: tuple[pd.DataFrame, pd.DataFrame], with_rejects: bool, name: str
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """The frame, or with the deprecated ``with_rejects=True`` the pair ``(targets, rejects)``."""
    if not with_rejects:
        return found[0]
    warnings.warn(
        f"{name}(with_rejects=True) is deprecated and will be removed in planstats 0.3: {name}() returns the targets, "
        "and planstats.rejects(targets) the numbers set aside as non-targets.",
        FutureWarning,
        stacklevel=3,
    )
    return found


def extract_text(
    text: str, *, region: str | None = None, year: int | None = None, doc: str = "<text>", with_rejects: bool = False
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Extract the targets of a plan held in a string.

    Region and year default to those of the text's title. The numbers set aside as
    non-targets, with the reason, are given by :func:`planstats.rejects` (``with_rejects=True``,
    which returned the pair, is deprecated).

    Examples
    --------
    >>> df = extract_text("主要预期目标是：GDP增长12%左右，城镇登记失业率控制在4%以内。", region="西咸新区", year=2022)
    >>> df[["metric", "kind", "value", "qualifier", "qualifier_text"]].values.tolist()
    [['gdp_growth', 'growth', 12.0, 'approx', '左右'], ['urban_unemployment_rate', 'share', 4.0, 'at_most',
    '控制在…以内']]
    """
    import hashlib

    if not isinstance(text, str):
        raise ArgumentError(f"The value for `text` must be a str, but {type(text).__name__} was passed.")
    region, year = _checks.text(region, "region"), _checks.plan_year(year)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate (text decoded with surrogateescape, or cut from UTF-16)
        raise DocumentError(
            f"{doc}: the text holds {text[err.start]!r} at position {err.start}, half of a UTF-16 pair and no "
            "character; "
            "decode the document with errors='replace' (or read the file with planstats.extract(path, lenient=True))."
        ) from None
    norm = normalize(text)
    region, year, place = document_info(None, norm, region=region, year=year)
    found = _frame(doc, text, norm, hashlib.sha256(data).hexdigest(), region, year, place)
    return _old_rejects(found, with_rejects, "extract_text")


def extract_file(
    path: str | os.PathLike, *, region: str | None = None, year: int | None = None, lenient: bool = False
) -> pd.DataFrame:
    """Extract the targets of one document (``.txt`` in any common encoding, ``.docx``, ``.pdf``,
    or a web page saved as ``.html``); what :func:`planstats.extract` does for one file.

    Region and year come from the arguments, else from a ``manifest.csv`` row beside the
    file, else from the document's title. ``lenient=True`` replaces undecodable bytes
    instead of failing. :func:`rejects` gives the numbers set aside as non-targets.

    Examples
    --------
    >>> import planstats as ps
    >>> df = extract_file(ps.sample_corpus() / "004_8503dda5db454a12.txt")
    >>> df.loc[df.metric == "urban_unemployment_rate", ["region", "year", "value", "qualifier"]].values.tolist()
    [['新城区', 2021, 4.0, 'at_most']]
    """
    path = Path(path)
    region, year = _checks.text(region, "region"), _checks.plan_year(year)
    doc = read(path, lenient=lenient)
    norm = normalize(doc.text)
    region, year, place = document_info(path, norm, region=region, year=year)
    return _frame(doc.name, doc.text, norm, doc.sha256, region, year, place)[0]


def document_info(
    path: Path | None, text: str | Normalized, *, region: str | None = None, year: int | None = None
) -> tuple[str | None, int | None, places.Place]:
    """Region, plan year and place of a document (``text``: its text or its normalized view).

    Region and year are the arguments, else its manifest row, else its title, else (the region)
    the folders it is in (陕西省/西安市/未央区/). A code (``region="610112"``, or a manifest's
    ``region_code`` column) places it; else its name, with its folders and first pages as context.
    """
    row = manifest_row(path) if path is not None else {}
    title_region, title_year = title_info(text)
    year = year or (int(row["year"]) if row.get("year") else None) or title_year
    given = region or row.get("region_code") or row.get("region")
    if given and re.fullmatch(r"\d{6}", given):  # a code: the region is the unit's name, unless the manifest gives one
        place = places.resolve(given, year, given=True)
        return (row.get("region") if not region else None) or place.unit, year, place
    region = given or title_region or (places.from_folders(path, year) if path is not None else None)
    place = places.resolve(region, year, given=bool(given))
    if place.match == "ambiguous":  # the document's folders, else its first pages, may settle it
        body = text.text if isinstance(text, Normalized) else text
        place = places.resolve(region, year, context=places.context(path, body), given=bool(given))
    return region, year, place


# ---------------------------------------------------------------------------------------
# reading and writing


def _format(path: Path, fmt: str | None) -> str:
    fmt = fmt or path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ArgumentError(
            f"The value for `format` must be one of {list(FORMATS)}, but {fmt!r} was passed (file {path})."
        )
    return fmt


# a cell that a spreadsheet would run as a formula: =, @, a tab or a return first, or + or - before
# anything but a plain number (-3.1 and +5% stay numbers; -A1+1, +cmd|… would run)
_FORMULA = re.compile(r"[=@\t\r]|[+-](?![\d.]+%?$)")
_ESCAPED = re.compile(r"'(?:[=@\t\r]|[+-](?![\d.]+%?$))")
_TEXT_COLUMNS = ("doc", "region", "metric_text", "qualifier_text", "verb", "raw", "unit")


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of a dataset for a CSV file that a spreadsheet may open: a text cell that the
    spreadsheet would run as a formula is written after an apostrophe (``'=HYPERLINK(…)``), as
    spreadsheets show it; :func:`load` takes the apostrophe off again, so the span of ``raw`` stays
    exact. Parquet and JSONL are written as they are.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"raw": ["=1+1", "-3.1", "-A1", "增长6%"]}))["raw"].tolist()
    ["'=1+1", '-3.1', "'-A1", '增长6%']
    """
    out = df
    for column in _TEXT_COLUMNS:
        if column in df.columns:
            cells = df[column].astype("string")
            risky = cells.str.match(_FORMULA).fillna(False).astype(bool)
            if risky.any():
                out = out.copy() if out is df else out
                out[column] = cells.mask(risky, "'" + cells)
    return out


def _unescape(df: pd.DataFrame) -> pd.DataFrame:
    """Take off the apostrophe that :func:`spreadsheet_safe` put before a cell."""
    for column in _TEXT_COLUMNS:
        if column in df.columns:
            cells = df[column].astype("string")
            escaped = cells.str.match(_ESCAPED).fillna(False).astype(bool)
            if escaped.any():
                df[column] = cells.mask(escaped, cells.str.slice(1))
    return df


_STATA_LABELS = {
    "region": "Region",
    "parent": "Parent region",
    "year": "Year (plan year, or year of a result)",
    "metric": "Metric id",
    "metric_label": "Metric",
    "kind": "Kind of target",
    "unit": "Unit",
    "value": "Target value (midpoint of a range)",
    "low": "Lower end",
    "high": "Upper end",
    "qualifier": "Qualifier",
    "hardness": "Hard or soft target",
    "is_range": "Target is a range",
    "conflict": "Document states other values too",
    "doc": "Source document",
    "raw": "Source text",
    "span_start": "Start of source span (characters)",
    "span_end": "End of source span (characters)",
    "actual": "Realized value",
    "gap": "Actual minus target",
    "met": "Target met",
    "change": "Change between plan years",
    "change_pct": "Change in percent",
    "change_unit": "Unit of change",
    "year_from": "Earlier plan year",
    "year_to": "Later plan year",
    "years_apart": "Years between the plans",
    "n_targets": "Targets found for the cell",
    "region_code": "Division code of the region in the plan year",
    "province": "Province",
    "prefecture": "Prefecture",
    "region_match": "How the region code was found",
    "record": "Target, result, horizon or stretch",
    "section": "Headline or body",
    "metric_text": "Indicator as written",
    "value_high": "Upper end of a range",
    "qualifier_text": "Qualifying words as written",
    "verb": "Verb as written",
    "doc_sha256": "SHA-256 of the document",
    "average_from": "First year of a yearly average",
}


_STATA_NAMES = {"start": "span_start", "end": "span_end", "start_from": "span_start_from", "start_to": "span_start_to"}


def write_stata(frame: pd.DataFrame, path: str) -> None:
    """Write ``frame`` as a Stata 14+ file (UTF-8): variable labels, categoricals as value labels,
    missing integers as missing numbers, text longer than Stata's 2,045 bytes as strL."""
    out = frame.rename(columns=lambda c: _STATA_NAMES.get(c, c) if isinstance(c, str) else c)
    out.columns = [str(c)[:32] for c in out.columns]
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.CategoricalDtype):
            out[col] = s.cat.rename_categories(str).astype(pd.CategoricalDtype([str(c) for c in s.cat.categories]))
        elif pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_integer_dtype(s.dtype):
            out[col] = s.astype("float64") if s.isna().any() else s.astype("int64")
        elif not pd.api.types.is_float_dtype(s.dtype):
            out[col] = s.astype(object).where(s.notna(), "").astype(str)
    for col in ("qualifier", "kind", "hardness"):
        if col in out.columns and not isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("category")
    variable_labels = {c: _STATA_LABELS.get(c, c)[:80] for c in out.columns}
    text = [
        c
        for c in out.columns
        if not isinstance(out[c].dtype, pd.CategoricalDtype) and pd.api.types.is_string_dtype(out[c].dtype)
    ]
    long = [c for c in text if out[c].map(lambda v: len(str(v).encode("utf-8"))).gt(2045).any()]
    out.to_stata(path, write_index=False, version=118, variable_labels=variable_labels, convert_strl=long)


def write(df: pd.DataFrame, path: str | os.PathLike, *, format: str | None = None, encoding: str = "utf-8") -> Path:
    """Write a dataset atomically (a temporary file renamed into place), as csv, jsonl, parquet
    or (``.dta``) Stata. ``encoding="utf-8-sig"`` writes a CSV that Excel opens as UTF-8.

    Examples
    --------
    >>> import tempfile
    >>> write(load(), tempfile.mkdtemp() + "/targets.dta").suffix
    '.dta'
    """
    path = Path(path)
    if (format or path.suffix.lower().lstrip(".")) in ("dta", "stata"):
        validate(df)
        return atomic_write(path, lambda tmp: write_stata(df, tmp))
    fmt = _format(path, format)
    if encoding not in ("utf-8", "utf-8-sig"):
        raise ArgumentError(
            f"The value for `encoding` must be 'utf-8' or 'utf-8-sig' (for Excel), but {encoding!r} was passed."
        )
    validate(df)
    plain = df.copy()
    plain.attrs = {}
    if fmt == "csv":
        plain = spreadsheet_safe(plain)
        return atomic_write(path, lambda tmp: plain.to_csv(tmp, index=False, encoding=encoding, lineterminator="\n"))
    if fmt == "jsonl":
        return atomic_write(path, lambda tmp: plain.to_json(tmp, orient="records", lines=True, force_ascii=False))
    return atomic_write(path, lambda tmp: _write_parquet(plain, tmp))


def _write_parquet(df: pd.DataFrame, path: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **provenance()}), path)


def rule_files() -> list[tuple[str, Path]]:
    """The files the rules fingerprint covers, each with its name in the fingerprint: every module of
    planstats (by its path in the package: ``grammar/words.py``) and the rule files."""
    package = Path(__file__).parent
    rules = [p for p in (*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.parquet")) if p != BUNDLED]  # the region tables too
    code = [(p.relative_to(package).as_posix(), p) for p in sorted(package.rglob("*.py"))]
    return code + [(p.name, p) for p in sorted(rules)]


@functools.lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of what extraction depends on: the code of planstats (its subpackages too) and its rule
    files (``data/*.csv`` but the bundled dataset, and the national region table). A rebuild extracts
    again every document that was extracted by other rules (an older planstats, an alias added to
    ``metrics.csv``)."""
    digest = hashlib.sha256()
    for name, path in rule_files():
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def provenance() -> dict[bytes, bytes]:
    """What a written Parquet file or dataset folder records of the planstats that wrote it:
    its version and the fingerprint of its rules (read back as ``df.attrs["built_with"]``)."""
    from planstats import __version__

    return {b"planstats_version": __version__.encode(), b"planstats_rules": rules_fingerprint().encode()}


def _built_with(path: Path) -> dict[str, str]:
    """The version and rules recorded in a Parquet file (``{}`` for one an older planstats wrote)."""
    import pyarrow.parquet as pq

    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError):
        return {}
    return {k.decode().removeprefix("planstats_"): v.decode() for k, v in meta.items() if k.startswith(b"planstats_")}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: str | os.PathLike, write_to: Callable[[str], object]) -> Path:
    """Call ``write_to(tmp)`` on a temporary file beside ``path``, then rename it into place:
    a reader sees the old file or the new one, never half of one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write_to(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; the result gets the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


#: How a dataset is stored in Parquet: categoricals as plain strings (every batch of a streamed
#: build has the same schema), the year as the partition of a dataset folder.
ARROW_FIELDS = {
    **{c: "string" for c in COLUMNS},
    "year": "int64",
    "value": "float64",
    "value_high": "float64",
    "start": "int64",
    "end": "int64",
    "average_from": "int64",
}
#: Beside a dataset folder while a build replaces it: the previous dataset, until the new one is in place.
PREVIOUS = ".{}.previous"


def arrow_schema(*, partitioned: bool):
    """The Arrow schema of stored rows; a partitioned folder keeps the year in its paths."""
    import pyarrow as pa

    return pa.schema([(c, t) for c, t in ARROW_FIELDS.items() if not (partitioned and c == "year")])


def recover(path: Path, *, clean: bool = False) -> Path:
    """Undo what a stopped build left of a dataset folder: stopped between moving the previous
    folder aside and moving the new one in, the previous one is put back; stopped while it
    removed the previous folder after the new one was in (``clean=True``, which a build that
    holds the dataset's lock asks for), what is left of it is removed, so that the next build
    can move its own aside. Returns ``path``."""
    previous = path.parent / PREVIOUS.format(path.name)
    if not path.exists() and previous.is_dir():
        os.replace(previous, path)
    elif clean and previous.exists():
        shutil.rmtree(previous) if previous.is_dir() and not previous.is_symlink() else previous.unlink()
    return path


def region_names() -> dict[str, str]:
    """Every name a region may be called by (its name, aliases, English name) → its name.

    Examples
    --------
    >>> region_names()["Xixian New Area"], region_names()["陕西西咸新区"]
    ('西咸新区', '西咸新区')
    """
    return {**places.english_names(), **_region_aliases()}


def _listed(value) -> list | None:
    if value is None:
        return None
    return [value] if isinstance(value, (str, int)) else list(value)


def load(
    path: str | os.PathLike | None = None,
    *,
    format: str | None = None,
    regions: str | int | Iterable[str | int] | None = None,
    years: int | Iterable[int] | None = None,
    metrics: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Load a dataset written by planstats; by default the bundled dataset of the sample corpus.

    ``path`` is a file (.csv, .jsonl, .parquet) or a dataset folder written by
    :func:`planstats.build` (Parquet, partitioned by year). ``regions``, ``years`` and
    ``metrics`` keep only those rows (``regions``: names, aliases, English names or six-digit
    codes; a name that one unit has finds it however a document wrote it, 未央区 and
    西安市未央区); on a dataset folder they are pushed down to pyarrow,
    so only the matching partitions and row groups are read.

    Examples
    --------
    >>> df = load()
    >>> headline = df[(df.region == "西咸新区") & (df.year == 2022) & (df.section == "headline")]
    >>> headline.loc[headline.metric == "gdp_growth", "value"].item()
    12.0
    >>> load(years=2023, metrics="gdp_growth")[["region", "value", "raw"]].values.tolist()
    [['西咸新区', 20.0, 'GDP增长20%以上']]
    """
    path = recover(Path(path)) if path is not None else BUNDLED
    wanted = {
        **_region_filter(regions),
        "year": _checks.plan_years(years),
        "metric": _checks.names(metrics, "metrics"),
    }
    if not path.exists():
        hint = " Run `make data` to build it." if path == BUNDLED else ""
        raise DocumentError(f"{path}: no such dataset.{hint}")
    if path.is_dir():
        df = validate(conform(_read_folder(path, wanted)))
        df.attrs["paths"] = _document_paths(path)
        parts = sorted(path.glob(f"year=*/{PART}"))
        df.attrs["built_with"] = _built_with(parts[0]) if parts else {}
        return df
    fmt = _format(path, format)
    try:
        if fmt == "csv":
            empty_is_na = ("metric", "value_high", "year", "region", "average_from", *PLACE_COLUMNS)
            df = pd.read_csv(
                path,
                dtype={c: "string" for c in ("metric_text", "qualifier_text", "verb", "raw", "unit", "region_code")},
                keep_default_na=False,
                na_values=dict.fromkeys(empty_is_na, [""]),
            )
            df = _unescape(df)
        elif fmt == "jsonl":
            df = pd.read_json(path, orient="records", lines=True, dtype=False)
        else:
            filters = [(c, "in", v) for c, v in wanted.items() if v is not None and c in ("year", "metric")]
            df = pd.read_parquet(path, filters=filters or None)
    except (ValueError, OSError) as err:
        raise DataFileError(f"{path}: cannot be read as {fmt} ({err}).") from err
    df = conform(df.reset_index(drop=True))
    keep = np.ones(len(df), dtype=bool)
    if wanted["region"] is not None:
        keep &= (df["region"].isin(wanted["region"]) | df["region_code"].isin(wanted["region_code"])).to_numpy(
            dtype=bool
        )
    for col in ("year", "metric"):
        if wanted[col] is not None:
            keep &= df[col].isin(wanted[col]).to_numpy(dtype=bool)
    df = validate(df[keep].reset_index(drop=True))
    if fmt == "parquet":
        df.attrs["built_with"] = _built_with(path)
    return df


def _region_filter(regions: str | int | Iterable[str | int] | None) -> dict[str, list | None]:
    """The regions to keep, as names (an alias or English name stands for its region's name) and
    as codes (a six-digit code; the code of a name that one unit has, so that 未央区 also finds
    西安市未央区)."""
    if regions is None:
        return {"region": None, "region_code": None}
    names, codes = [], []
    for value in map(str, _listed(regions)):
        if re.fullmatch(r"\d{6}", value):
            codes.append(value)
            continue
        names.append(region_names().get(value, value))
        found = places.resolve(names[-1])
        if found.code and found.match in ("exact", "unique"):
            codes.append(found.code)
    return {"region": names, "region_code": codes}


class Shared(dict):
    """A value kept in ``attrs`` that pandas shares between derived frames rather than copying or
    comparing (it is never changed): ``attrs["paths"]`` of a dataset, where each document was
    when it was built (doc → path: its manifest beside it, for :func:`planstats.cite`);
    ``attrs["dataset"]`` of a table, the dataset it was made from; ``attrs["rejects"]``.
    An empty dict to JSON, so that ``df.to_parquet``, which writes ``attrs``, stores nothing of it."""

    def __init__(self, value: object):
        super().__init__()
        self.value = value

    def __deepcopy__(self, memo) -> Shared:
        return self

    def __eq__(self, other) -> bool:  # pd.concat compares attrs
        return self is other

    def __bool__(self) -> bool:
        return True

    __hash__ = object.__hash__


def _document_paths(folder: Path) -> Shared:
    """Where each document of a dataset folder was when it was built."""
    try:
        index = pd.read_parquet(folder / INDEX, columns=["doc", "path"])
    except (OSError, ValueError):  # an index of an older planstats, or none: no paths
        return Shared({})
    return Shared(dict(zip(index["doc"].astype(str), index["path"].astype(str), strict=False)))


def _read_folder(path: Path, wanted: dict[str, list | None]) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.dataset as pads

    partitioning = pads.partitioning(pa.schema([("year", pa.int64())]), flavor="hive")
    # the files a build writes, one a year (year=2024/part-0.parquet): not a stray copy of one beside them
    parts = sorted(path.glob(f"year=*/{PART}"))
    strays = sorted(p for p in path.rglob("*.parquet") if p.parent != path and p.name != PART)
    if strays:
        warnings.warn(
            f"{path}: {len(strays)} file(s) in the dataset folder are no part a build wrote and were not read: "
            f"{', '.join(str(p.relative_to(path)) for p in strays[:5])}{' …' if len(strays) > 5 else ''}.",
            PlanstatsWarning,
            stacklevel=3,
        )
    try:
        data = pads.dataset(
            [str(p) for p in parts],
            format="parquet",
            partitioning=partitioning,
            partition_base_dir=str(path),
            schema=arrow_schema(partitioned=False),
        )
        expression = None
        if wanted["region"] is not None:
            expression = pads.field("region").isin(pa.array(wanted["region"], pa.string()))
            if wanted["region_code"]:
                expression = expression | pads.field("region_code").isin(pa.array(wanted["region_code"], pa.string()))
        for col in ("year", "metric"):
            if wanted[col] is not None:
                term = pads.field(col).isin(wanted[col])
                expression = term if expression is None else expression & term
        table = data.to_table(filter=expression)
    except (pa.ArrowException, OSError) as err:
        raise DataFileError(f"{path}: cannot be read as a planstats dataset folder ({err}).") from err
    df = table.to_pandas()
    order = [c for c in COLUMNS]
    return df.loc[:, order].sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
