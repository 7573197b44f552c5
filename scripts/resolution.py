"""How planstats resolves the name of every unit of a year: by its full name (涪城区), its prefixed name (its
prefecture's full name before it, 绵阳市涪城区; a prefecture's province before it, 四川省绵阳市) and its short name
(涪城, 绵阳), each with no other context, as a plan of the January that the year's list is in force in (the units
of the end of 2015 as a plan of 2016).

    python scripts/resolution.py [YEAR ...] [--markdown]

Each name is ``right`` (the unit's code), ``ambiguous`` (several units: never a guess), ``historical`` (no unit has
it within two years), ``none`` (no unit has it), or ``wrong`` (another unit's code, said with confidence). The
figures stand in docs/regions.md; tests/test_places.py checks that wrong is 0 for full and prefixed names and that
no short name resolves to a unit not in force within two years of the plan year.
"""

from __future__ import annotations

import argparse
import collections

from planstats import places

KINDS = ("full", "prefixed", "short")
OUTCOMES = ("right", "ambiguous", "historical", "none", "wrong")


def names(year: int) -> list[tuple[str, str, str, str]]:
    """(kind, name, code, level) of every unit at the end of ``year``, by each kind of name that differs from its
    full name (a short name of two characters or more)."""
    out = []
    table = places.regions(year)
    for unit in table[table["code"].notna()].itertuples():
        out.append(("full", unit.name, unit.code, unit.level))
        above = unit.prefecture if unit.level == "county" and isinstance(unit.prefecture, str) else unit.province
        if unit.level != "province" and isinstance(above, str):
            out.append(("prefixed", above + unit.name, unit.code, unit.level))
        if isinstance(unit.short, str) and len(unit.short) >= 2 and unit.short != unit.name:
            out.append(("short", unit.short, unit.code, unit.level))
    return out


def outcome(name: str, code: str, plan_year: int) -> tuple[str, places.Place]:
    """How ``name`` (of the unit ``code``) resolves in ``plan_year``."""
    found = places.resolve(name, plan_year)
    if found.match in ("ambiguous", "historical", "none"):
        return found.match, found
    return ("right" if found.code == code else "wrong"), found


def figures(year: int) -> dict[str, collections.Counter]:
    """Per kind of name, how many names of the units of the end of ``year`` have each outcome."""
    out: dict[str, collections.Counter] = {kind: collections.Counter() for kind in KINDS}
    for kind, name, code, _ in names(year):
        out[kind][outcome(name, code, year + 1)[0]] += 1
    return out


def markdown(years: list[int]) -> str:
    lines = ["| units of | name | names | " + " | ".join(OUTCOMES) + " |", "|---|---|---:|" + "---:|" * len(OUTCOMES)]
    for year in years:
        for kind, counts in figures(year).items():
            total = sum(counts.values())
            cells = " | ".join(f"{counts[o]:,}" for o in OUTCOMES)
            lines.append(f"| {year} (plans of {year + 1}) | {kind} | {total:,} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("years", nargs="*", type=int, default=[2015, 2023])
    args = p.parse_args()
    print(markdown(args.years))


if __name__ == "__main__":
    main()
