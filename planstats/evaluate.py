"""Measure the extractor against hand-checked annotations: precision, recall, F1, every miss.

A prediction matches an annotation when doc, section, metric, kind, value, value_high,
unit and qualifier are all equal. Every headline prediction is scored; body predictions
are scored for the metrics named in a scope file (the metrics that were annotated in the
body), so that an annotator need not list every minor body target. The annotations list
targets; reported results (``record == "result"``) are not scored here.

    python -m planstats.evaluate tests/golden/seeds.csv data/raw [--scope tests/golden/body_scope.txt]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from planstats.corpus import extract
from planstats.errors import DataFileError

KEY = ("doc", "section", "metric", "kind", "value", "value_high", "unit", "qualifier")


def read_annotations(path: str | Path) -> pd.DataFrame:
    """Read an annotation CSV (the columns of :data:`KEY`, plus free ``source`` text)."""
    try:
        df = pd.read_csv(
            path, dtype={"value": float, "value_high": float}, keep_default_na=False, na_values={"value_high": [""]}
        )
    except (ValueError, OSError) as err:
        raise DataFileError(f"{path}: cannot be read as annotations ({err}).") from err
    missing = [c for c in KEY if c not in df.columns]
    if missing:
        raise DataFileError(f"{path}: missing column(s) {missing}.")
    return df


def _keys(df: pd.DataFrame) -> Counter:
    rows = df.loc[:, list(KEY)].astype(object).where(df.loc[:, list(KEY)].notna(), None)
    return Counter(
        tuple(round(v, 6) if isinstance(v, float) else (str(v) if v is not None else None) for v in row)
        for row in rows.itertuples(index=False)
    )


def score(predicted: pd.DataFrame, expected: pd.DataFrame, body_scope: set[str]) -> dict[str, dict]:
    """Precision, recall and F1 per section, with the unmatched rows on each side.

    Examples
    --------
    >>> e = pd.DataFrame([dict(doc="a", section="headline", metric="gdp_growth", kind="growth",
    ...                        value=8.0, value_high=None, unit="%", qualifier="exact")])
    >>> score(e, e, set())["headline"]["f1"]
    1.0
    """
    if "record" in predicted.columns:
        predicted = predicted[predicted["record"] == "target"]
    scored = predicted[(predicted["section"] == "headline") | predicted["metric"].isin(body_scope)]
    report = {}
    for section in ("headline", "body"):
        pred = _keys(scored[scored["section"] == section])
        gold = _keys(expected[expected["section"] == section])
        tp = sum((pred & gold).values())
        p = tp / sum(pred.values()) if pred else 1.0
        r = tp / sum(gold.values()) if gold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        report[section] = {
            "precision": p,
            "recall": r,
            "f1": f1,
            "tp": tp,
            "false_positives": sorted((pred - gold).elements(), key=str),
            "misses": sorted((gold - pred).elements(), key=str),
        }
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m planstats.evaluate", description=__doc__.splitlines()[0])
    p.add_argument("annotations")
    p.add_argument("corpus", nargs="+", help="files or folders of the annotated documents")
    p.add_argument(
        "--scope", default=None, help="file of body metric ids (default: body_scope.txt beside the annotations)"
    )
    args = p.parse_args(argv)
    scope_path = Path(args.scope) if args.scope else Path(args.annotations).with_name("body_scope.txt")
    scope = {
        line.strip()
        for line in scope_path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    report = score(extract(args.corpus, workers=1), read_annotations(args.annotations), scope)
    for section, r in report.items():
        print(
            f"{section:8s} precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  (matched "
            f"{r['tp']})"
        )
        for row in r["misses"]:
            print(f"    missed          {row}")
        for row in r["false_positives"]:
            print(f"    false positive  {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
