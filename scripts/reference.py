"""A reference dump of what the extractor gives, to show that a refactoring changes nothing.

Every document of the sample corpus, the test fixtures (.docx, .pdf), the development corpus
(when it is beside the checkout) and a synthetic corpus of ``benchmarks/generate.py`` (seed 1000)
is extracted; its rows and its rejects, with every column, are written one JSON line each.

    python scripts/reference.py out/reference.jsonl              # write the dump
    python scripts/reference.py out/after.jsonl --against out/reference.jsonl   # and compare: exit 1 on a difference
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def documents(synthetic: Path) -> list[Path]:
    found = sorted((ROOT / "planstats" / "data" / "raw").glob("*.txt"))
    found += sorted(
        p for p in (ROOT / "tests" / "fixtures").iterdir() if p.suffix in (".docx", ".pdf", ".html", ".txt")
    )
    found += sorted((ROOT.parent / "shared" / "dev-corpus" / "docs").glob("*.txt"))
    found += sorted(synthetic.glob("plans/*/*.txt"))
    return found


def _plain(v: object) -> object:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    return v if isinstance(v, (int, float, str, bool)) else str(v)


def dump(out: Path) -> int:
    import generate

    import planstats as ps
    from planstats.document import extract_file

    lines = 0
    with tempfile.TemporaryDirectory() as tmp, open(out, "w", encoding="utf-8") as fh:
        synthetic = generate.generate(Path(tmp) / "synthetic", 300, seed=1000)
        for path in documents(Path(synthetic)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df = extract_file(path)
            name = path.relative_to(path.parent.parent).as_posix()  # folder/file: a synthetic plan is region/year.txt
            for kind, frame in (("row", df), ("reject", ps.rejects(df))):
                for rec in frame.to_dict("records"):
                    fh.write(
                        json.dumps(
                            {"doc": name, "kind": kind, **{k: _plain(v) for k, v in rec.items()}}, ensure_ascii=False
                        )
                        + "\n"
                    )
                    lines += 1
    return lines


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--against", type=Path, help="an earlier dump: print the differences, exit 1 if any")
    args = p.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    print(f"{dump(args.out)} lines -> {args.out}")
    if args.against is None:
        return 0
    before, after = (path.read_text(encoding="utf-8").splitlines() for path in (args.against, args.out))
    if before == after:
        print(f"identical to {args.against}")
        return 0
    gone, new = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    for line in gone[:20]:
        print("- " + line)
    for line in new[:20]:
        print("+ " + line)
    print(
        f"{len(gone)} lines gone, {len(new)} new (order differs too)"
        if not gone and not new
        else f"{len(gone)} lines gone, {len(new)} new"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
