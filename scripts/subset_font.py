"""Make the CJK font planstats draws charts with when the system has none: a subset of Noto Sans CJK SC
(SIL Open Font License 1.1) that covers the characters charts need, written to planstats/data/fonts/.

The characters: the 6,763 hanzi of GB 2312, every character of the rule files and region tables
(planstats/data: region names, metric labels, units, qualifiers), ASCII, the marks tables use (≥ ≤ ≈ – †)
and CJK punctuation. A name outside them draws as a box, with matplotlib's warning: install a system CJK
font (fonts-noto-cjk) or ``pip install "planstats[fonts]"`` for the whole font.

Renamed (the OFL asks a modified version not to use the original's names). Run from the clone, with
mpl-font installed (the source font) or ``--source FILE.otf``:

    python scripts/subset_font.py
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pandas as pd
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "planstats" / "data"
OUT = DATA / "fonts" / "PlanstatsSansCJK-Regular.otf"
NAME = "Planstats Sans CJK"


def characters() -> set[str]:
    """Every character a chart of planstats may need to draw (see the module's docstring)."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | set("≥≤≈–—†→·…、。，；：！？（）《》“”‘’【】％")
    for high in range(0xB0, 0xF8):  # GB 2312: the hanzi rows
        for low in range(0xA1, 0xFF):
            try:
                chars |= set(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for path in DATA.glob("*.csv"):
        chars |= set(path.read_text(encoding="utf-8"))
    regions = pd.read_parquet(DATA / "regions_cn.parquet")
    for column in regions.columns:
        if regions[column].dtype == object or pd.api.types.is_string_dtype(regions[column].dtype):
            chars |= set("".join(regions[column].dropna().astype(str)))
    return {c for c in chars if c.isprintable()}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--source", type=Path, help="the Noto Sans CJK SC Regular .otf (default: mpl-font's)")
    source = args.parse_args().source
    if source is None:
        spec = importlib.util.find_spec("mpl_font")
        if spec is None or not spec.submodule_search_locations:
            raise SystemExit("no source font: pip install mpl-font, or pass --source")
        source = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "noto" / "NotoSansCJKsc-Regular.otf"
    font = TTFont(source)
    options = subset.Options()
    options.name_IDs = ["*"]  # the copyright and licence notices stay
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters())))
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:  # the original's names are reserved: the subset has its own
        if record.nameID in (1, 16):
            record.string = NAME
        elif record.nameID in (3, 4):
            record.string = f"{NAME} Regular"
        elif record.nameID == 6:
            record.string = NAME.replace(" ", "") + "-Regular"
    font["CFF "].cff.fontNames = [NAME.replace(" ", "") + "-Regular"]
    OUT.parent.mkdir(exist_ok=True)
    font.save(OUT)
    print(f"{OUT}: {len(font.getGlyphOrder())} glyphs, {OUT.stat().st_size / 1e6:.1f} MB (from {source})")


if __name__ == "__main__":
    main()
