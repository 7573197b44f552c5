"""Numbers and units: Arabic and Chinese numerals, magnitude words (万, 亿), the unit table."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from fractions import Fraction

from planstats._data import read_rows
from planstats.errors import DataFileError

#: Magnitude words written between a number and its unit, longest first.
MULTIPLIERS = ("万亿", "千万", "百万", "亿", "万", "千")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_SECTION = rf"[零〇一二两三四五六七八九][{CHINESE_DIGITS}]*"  # opens with a digit, not with 千 or 百
#: A Chinese numeral, with a decimal part after 点 (四点五), and the sections after 亿 and 万
#: that a whole number spells (一万二千, 十二万五千, 一亿五千万). As a section opens with a
#: digit, 十万千瓦 is ten 万 of 千瓦 (kilowatts).
CHINESE_NUMERAL = rf"[{CHINESE_DIGITS}]+(?:亿{_SECTION}(?:万(?:{_SECTION})?)?|万{_SECTION})?(?:点[{CHINESE_DIGITS}]+)?"
_CHINESE = re.compile(CHINESE_NUMERAL)


@dataclass(frozen=True)
class Unit:
    """A unit as it may be written (``surface``), its canonical spelling and its family."""

    surface: str
    canonical: str
    family: str
    integer: bool
    before: bool = False  # written before the number (百分之八: 8%)
    # read in the column of units of a table, and in a sentence only after a decimal part (11.2年; 2024年 is a year)
    table_only: bool = False
    # the size of the canonical unit in the base unit of its family (the one of factor 1): 吨 is 1000 公斤; None
    # when it converts to no other unit of its family (美元 and 元, 人次 and 人)
    factor: Fraction | None = None


@functools.lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    """The unit table of ``data/units.csv``, keyed by surface form, longest first.

    The optional column ``position`` says where the unit is written: ``after`` the number (the
    default: 8%, 300家), ``before`` it (百分之八, 千分之五), or only in the column of units of a
    ``table`` (年: after a number in a sentence, 年 makes a year, unless the number has a decimal
    part: 平均受教育年限达到11.2年); a unit written before the number
    spells, as its canonical form, a unit written after it.

    The optional column ``factor`` makes the units of one family convertible: it is the size of
    the canonical unit in the base unit of its family (the one unit of factor 1), exact, as a
    number or a fraction (吨 1000, 斤 1/2 of 公斤; 亩 10000/15 of 平方米). A unit with no factor
    converts to no other unit of its family (美元 and 元, 人次 and 人, 吨标准煤 and 千瓦时)."""
    table: dict[str, Unit] = {}
    for line, row in enumerate(read_rows("units.csv", ("surface", "canonical", "family", "integer")), start=2):
        if row["surface"] in table:
            raise DataFileError(f"units.csv, line {line}: duplicate unit {row['surface']!r}.")
        if row["integer"] not in ("true", "false"):
            raise DataFileError(f"units.csv, line {line}: integer must be true or false, not {row['integer']!r}.")
        position = row.get("position", "")
        if position not in ("", "after", "before", "table"):
            raise DataFileError(
                f"units.csv, line {line}: position must be 'after', 'before', 'table' or empty, not {position!r}."
            )
        table[row["surface"]] = Unit(
            row["surface"],
            row["canonical"],
            row["family"],
            row["integer"] == "true",
            position == "before",
            position == "table",
            _factor(row.get("factor", ""), f"units.csv, line {line}"),
        )
    _check_factors(table)
    for u in table.values():
        if u.before and (u.canonical not in table or table[u.canonical].before):
            raise DataFileError(
                f"units.csv: the unit {u.surface!r}, written before the number, must have as canonical form a unit "
                f"written after it, not {u.canonical!r}."
            )
    return dict(sorted(table.items(), key=lambda kv: len(kv[0]), reverse=True))


def _factor(text: str, where: str) -> Fraction | None:
    """The ``factor`` of a row of ``data/units.csv``: empty, or a positive number or fraction (1000, 1/2, 10000/15)."""
    if not text:
        return None
    try:
        factor = Fraction(text)
    except (ValueError, ZeroDivisionError):
        factor = Fraction(0)
    if factor <= 0:
        raise DataFileError(f"{where}: factor must be a positive number or fraction (1000, 1/2), not {text!r}.")
    return factor


def _check_factors(table: dict[str, Unit]) -> None:
    """The surfaces of one canonical unit have one factor; a family whose units convert has one base (factor 1)."""
    of: dict[str, Fraction | None] = {}
    bases: dict[str, set[str]] = {}
    for u in table.values():
        if of.setdefault(u.canonical, u.factor) != u.factor:
            raise DataFileError(
                f"units.csv: the surfaces of {u.canonical!r} have two factors ({of[u.canonical]} and {u.factor}); "
                "give them one."
            )
        if u.factor is not None:
            bases.setdefault(u.family, set())
            if u.factor == 1:
                bases[u.family].add(u.canonical)
    for family, found in bases.items():
        if len(found) != 1:
            raise DataFileError(
                f"units.csv: the units of family {family!r} with a factor need one base unit of factor 1, "
                f"not {sorted(found)}."
            )


#: The size of each magnitude word
MAGNITUDES = {"万亿": Fraction(10**12), "千万": Fraction(10**7), "百万": Fraction(10**6), "亿": Fraction(10**8),
              "万": Fraction(10**4), "千": Fraction(10**3)}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def scale(unit: str) -> tuple[str, Fraction]:
    """The base a unit is measured in and its size in it, exactly: a magnitude word (万, 亿) and the
    unit's ``factor`` (``data/units.csv``) multiply; a unit with no factor is its own base.

    Examples
    --------
    >>> scale("万吨"), scale("亿斤")
    (('公斤', Fraction(10000000, 1)), ('公斤', Fraction(50000000, 1)))
    >>> scale("亿美元"), scale("%")
    (('美元', Fraction(100000000, 1)), ('%', Fraction(1, 1)))
    """
    table = units()
    canonical = {u.canonical: u for u in table.values()}
    base, size = unit, Fraction(1)
    if unit in table:
        base = table[unit].canonical
    elif unit not in canonical:
        for word in MULTIPLIERS:
            if unit.startswith(word) and unit[len(word) :] in canonical:
                base, size = unit[len(word) :], MAGNITUDES[word]
                break
    found = canonical.get(base)
    if found is not None and found.factor is not None:
        base = next(u.canonical for u in canonical.values() if u.family == found.family and u.factor == 1)
        size *= found.factor
    return base, size


def parse_number(text: str) -> float:
    """Value of an Arabic or a Chinese numeral.

    Examples
    --------
    >>> [parse_number(s) for s in ("1,200", "1.53", "三", "十二", "百", "四点五")]
    [1200.0, 1.53, 3.0, 12.0, 100.0, 4.5]
    >>> parse_number("一万二千"), parse_number("一亿五千万")
    (12000.0, 150000000.0)
    """
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", ""))
    if _CHINESE.fullmatch(text):
        import cn2an

        if text[0] in "百千":  # 百亿元, 千亿级: a hundred, a thousand (cn2an wants 一百, 一千)
            text = "一" + text
        try:
            return float(cn2an.cn2an(text.replace("〇", "零"), "normal"))
        except (ValueError, KeyError) as err:
            raise ValueError(f"not a Chinese numeral: {text!r}") from err
    raise ValueError(f"not a number: {text!r}")


def unit_name(multiplier: str, surface: str) -> str:
    """The unit as the document writes it, with its canonical spelling (平米 → 平方米).

    Examples
    --------
    >>> unit_name("万", "平米"), unit_name("亿", "元"), unit_name("", "%")
    ('万平方米', '亿元', '%')
    """
    base = units()[surface].canonical if surface else ""
    return multiplier + base


#: A five-year plan by its short name (十四五, 十三五), in a pattern: group 1 is the digit after 十.
PLAN_PERIOD = "十([一二三四五六七八九])五"
#: The closing quotation mark that may follow its short name (“十四五”, 「十四五」), in a pattern.
PLAN_PERIOD_QUOTE = '[”"」』’]?'
#: The title of a five-year plan, to the end of its line (…第十四个五年规划和2035年远景目标纲要,
#: “十四五”工业发展规划, 关于印发《…规划》的通知), in a pattern: group 1 or 2 is the digit after 十.
FIVE_YEAR_PLAN = (
    rf"(?:第十([一二三四五六七八九])个五年|{PLAN_PERIOD}{PLAN_PERIOD_QUOTE})"
    r"[^\n。，；]{0,20}?(?:规划|纲要)(?:[(（]草案[)）])?》?(?:的通知)?[ \t]*$"
)


def plan_period_end(digit: str) -> int:
    """The last year of the five-year plan 十<digit>五: the n-th plan from the third on ends in
    1970 + 5 × (n − 3).

    Examples
    --------
    >>> plan_period_end("三"), plan_period_end("四"), plan_period_end("五")
    (2020, 2025, 2030)
    """
    return 1970 + 5 * (11 + "一二三四五六七八九".index(digit) - 3)


def plan_period_start(last: int) -> int | None:
    """The first year of the five-year plan that ends in ``last``, or ``None`` if no plan ends then.

    Examples
    --------
    >>> plan_period_start(2025), plan_period_start(2026)
    (2021, None)
    """
    return last - 4 if last % 5 == 0 else None
