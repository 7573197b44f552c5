"""Benchmarks of planstats, each against a baseline measured in the same run.

    python benchmarks/run.py [--sizes 1000 10000] [--real-copies 200] [--rows 1000000] [--out benchmarks/results.json]

Extraction: synthetic corpora (benchmarks/generate.py), and the bundled real plans copied 200
times, are built single-core and on all cores, each build in a fresh process whose peak RSS is
read from the OS; the extracted targets must equal the generated ground truth (for the real
plans: the bundled dataset). The floor is reading the same files and scanning them for
numbers with one regex. Analytics: compare and yoy on a dataset of ``--rows`` rows against the
hand-written pandas that does the same (filter, headline first, pivot / shift).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEY = ["doc", "record", "year", "section", "metric", "kind", "value", "value_high", "unit", "qualifier"]


# ---------------------------------------------------------------------------------------
# extraction


def child(corpus: str, out: str, workers: int, engine: str = "local", places: bool = True) -> None:
    """Run one build in this (fresh) process and print what it cost; with ``places=False``
    the regions are not resolved (a stub that finds nothing stands in for the resolver)."""
    import planstats as ps

    if not places:  # nor is the national table read to find a title's region (西乡塘区)
        ps.places.resolve = lambda name, year=None, **_: ps.places.Place(name)
        ps.places.known = lambda name: False

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        started = time.perf_counter()
        report = ps.build([corpus], out=out, workers=workers, engine=engine, progress=False)
        seconds = time.perf_counter() - started
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the process that started us
    me = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": report.rows,
                "failures": len(report.failures),
                "rss_mb": me / 1024,
                "worker_rss_mb": kids / 1024,
            }
        )
    )


def _build(corpus: Path, workers: int, engine: str = "local") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "targets"
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(corpus), str(out), str(workers), "--engine", engine],
            check=True,
            capture_output=True,
            text=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["accuracy"] = _accuracy(out, corpus.parent / "truth.csv")
    return result


def _accuracy(dataset: Path, truth_csv: Path) -> dict:
    import planstats as ps

    def keys(df: pd.DataFrame) -> Counter:
        df = df.loc[:, KEY].astype(object).where(df.loc[:, KEY].notna(), None)
        return Counter(
            tuple(round(v, 6) if isinstance(v, float) else (str(v) if v is not None else None) for v in row)
            for row in df.itertuples(index=False)
        )

    got = ps.load(dataset)
    got = got[got["metric"].notna()]
    predicted, expected = keys(got), keys(pd.read_csv(truth_csv, dtype={"year": "Int64"}))
    tp = sum((predicted & expected).values())
    return {
        "precision": tp / max(1, sum(predicted.values())),
        "recall": tp / max(1, sum(expected.values())),
        "targets": sum(expected.values()),
    }


def _floor(corpus: Path, repeat: int = 3) -> dict:
    """Read every file and find its numbers with one regex; the best of ``repeat`` runs (warm cache)."""
    numbers = re.compile(r"\d+(?:\.\d+)?")
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        found, size, docs = 0, 0, 0
        for path in sorted(corpus.rglob("*.txt")):
            text = path.read_text(encoding="utf-8")
            size += len(text.encode("utf-8"))
            found += len(numbers.findall(text))
            docs += 1
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    return {"seconds": best, "docs": docs, "mb": size / 1e6, "numbers": found}


def real_corpus(cache: Path, copies: int) -> Path:
    """The bundled plans (``data/raw``, real documents of 5-16 thousand characters) copied into
    ``copies`` folders; the ground truth is the bundled dataset (``data/targets.csv``) for each copy."""
    root = cache / f"real-{copies}"  # written anew each run: the bundled plans and dataset may have changed
    raw = ROOT / "data" / "raw"
    truth = pd.read_csv(ROOT / "data" / "targets.csv", dtype={"year": "Int64"})
    truth = truth[truth["metric"].notna()]
    parts = []
    for i in range(copies):
        folder = root / "plans" / f"copy{i:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        for f in raw.iterdir():
            if f.suffix in (".txt", ".csv"):
                (folder / f.name).write_bytes(f.read_bytes())
        parts.append(truth.assign(doc=f"copy{i:03d}/" + truth["doc"]))
    pd.concat(parts).to_csv(root / "truth.csv", index=False)
    return root


def _has_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("dask") is not None


def extraction(sizes: list[int], workers: int, cache: Path, real_copies: int, rounds: int = 3) -> list[dict]:
    """Each build ``rounds`` times, each time right after a floor run, so that the noise of a shared
    machine falls on both alike: the best of each, and the median ratio of the pairs."""
    sys.path.insert(0, str(HERE))
    from generate import generate

    rows = []
    roots = []
    for n in sizes:
        root = cache / f"corpus-{n}"
        if not (root / "truth.csv").exists():
            generate(root, n, seed=n)
        roots.append(("synthetic", n, root))
    if real_copies:
        roots.append(
            (
                "real",
                real_copies * sum(1 for f in (ROOT / "data" / "raw").glob("*.txt")),
                real_corpus(cache, real_copies),
            )
        )
    # and the first corpus on Dask without a scheduler (local processes), against the local engine
    runs = [(kind, n, root, w, "local") for kind, n, root in roots for w in (1, workers)]
    if _has_dask():
        runs.insert(2, (*roots[0], workers, "dask"))
    for kind, n, root, w, engine in runs:
        corpus = root / "plans"
        floors, builds = [], []
        for _ in range(rounds):
            floors.append(_floor(corpus))
            builds.append(_build(corpus, w, engine))
        floor = min(floors, key=lambda f: f["seconds"])
        best = min(builds, key=lambda b: b["seconds"])
        rows.append(
            {
                "corpus": kind,
                "documents": n,
                "workers": w,
                "engine": engine,
                "mb": round(floor["mb"], 1),
                "docs_per_s": round(n / best["seconds"], 1),
                "mb_per_s": round(floor["mb"] / best["seconds"], 2),
                "seconds": round(best["seconds"], 2),
                "floor_seconds": round(floor["seconds"], 3),
                "ratio_to_floor": round(best["seconds"] / floor["seconds"], 1),
                "ratio_median_of_pairs": round(
                    float(np.median([b["seconds"] / f["seconds"] for b, f in zip(builds, floors, strict=False)])), 1
                ),
                "peak_rss_mb": round(max(b["rss_mb"] for b in builds)),
                "worker_peak_rss_mb": round(max(b["worker_rss_mb"] for b in builds)) if w > 1 else None,
                "precision": round(min(b["accuracy"]["precision"] for b in builds), 4),
                "recall": round(min(b["accuracy"]["recall"] for b in builds), 4),
            }
        )
        print(rows[-1], flush=True)
    return rows


def region_corpus(cache: Path, n: int, year: int = 2022, seed: int = 0) -> Path:
    """The bundled plans under ``n`` titles that name ``n`` different county-level units of
    ``year`` (about 6% of them a name several units share), each in the folders of its province
    and prefecture, which settle those."""
    import random

    import planstats as ps

    root = cache / f"regions-{n}"
    if root.exists():
        shutil.rmtree(root)
    texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    counties = ps.regions(year).query("level == 'county'")
    picked = counties.sample(n=n, random_state=seed)
    rng = random.Random(seed)
    for i, r in enumerate(picked.itertuples()):
        folder = root / "plans" / r.province / (r.prefecture if isinstance(r.prefecture, str) else "")
        folder.mkdir(parents=True, exist_ok=True)
        body = rng.choice(texts).split("\n", 1)[1]
        (folder / f"{r.name}{i}.txt").write_text(f"{r.name}{year}年工作要点\n{body}", encoding="utf-8")
    return root


def region_resolution(cache: Path, n: int = 1000, rounds: int = 5) -> list[dict]:
    """What resolving each document's region costs a build: :func:`region_corpus`, and the
    synthetic corpus of ``n`` plans (short plans of made-up regions: each name misses), built on
    one core with the regions resolved and without (stubs), alternately in fresh processes; the
    best of each and the median ratio of the pairs. The cost includes reading the national table
    once per process."""
    rows = [_resolution_row("real names", region_corpus(cache, n) / "plans", n, rounds)]
    synthetic = cache / f"corpus-{n}"
    if (synthetic / "plans").is_dir():
        rows.append(_resolution_row("synthetic", synthetic / "plans", n, rounds))
    return rows


def _resolution_row(kind: str, corpus: Path, n: int, rounds: int) -> dict:
    on, off = [], []
    for _ in range(rounds):
        off.append(_build_seconds(corpus, places=False))
        on.append(_build_seconds(corpus, places=True))
    import planstats as ps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        built = ps.extract([corpus], progress=False)
    matches = built.drop_duplicates("doc")["region_match"].value_counts().to_dict()
    row = {
        "corpus": kind,
        "documents": n,
        "seconds_with": round(min(on), 3),
        "seconds_without": round(min(off), 3),
        "ratio_median_of_pairs": round(float(np.median([a / b for a, b in zip(on, off, strict=False)])), 3),
        "region_match": {k: int(v) for k, v in matches.items() if v},
    }
    print(row, flush=True)
    return row


def _build_seconds(corpus: Path, *, places: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(corpus),
                str(Path(tmp) / "t"),
                "1",
                *([] if places else ["--no-places"]),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


# ---------------------------------------------------------------------------------------
# analytics


def synthetic_dataset(n_rows: int, seed: int = 0) -> pd.DataFrame:
    """A dataset of ``n_rows`` that follows the contract: ~2,800 regions x 20 years x metrics,
    each target stated in the headline and again, sometimes differently, in the body."""
    import planstats as ps
    from planstats.dataset import conform

    rng = np.random.default_rng(seed)
    metrics = [
        "gdp_growth",
        "fixed_asset_investment_growth",
        "retail_sales_growth",
        "fiscal_revenue_growth",
        "urban_income_growth",
        "industrial_value_added_growth",
        "urban_unemployment_rate",
        "new_high_tech_enterprises",
        "tech_smes",
        "key_projects_count",
    ]
    kinds = {
        m: (
            "share"
            if m == "urban_unemployment_rate"
            else "level"
            if m in ("new_high_tech_enterprises", "tech_smes", "key_projects_count")
            else "growth"
        )
        for m in metrics
    }
    units = {m: ("%" if kinds[m] != "level" else "个" if m == "key_projects_count" else "家") for m in metrics}
    n = n_rows
    region = rng.integers(0, 2800, n)
    year = 2005 + rng.integers(0, 20, n)
    metric = np.array(metrics)[rng.integers(0, len(metrics), n)]
    value = np.round(rng.uniform(2, 15, n), 1)
    qualifier = np.array(["approx", "at_least", "exact", "at_most", "range"])[
        rng.choice(5, n, p=[0.35, 0.4, 0.15, 0.05, 0.05])
    ]
    df = pd.DataFrame(
        {
            "doc": [f"r{r}/{y}.txt" for r, y in zip(region, year, strict=False)],
            "region": [f"区{r:04d}" for r in region],
            "year": year,
            "record": np.where(rng.random(n) < 0.05, "result", "target"),
            "section": np.where(rng.random(n) < 0.5, "headline", "body"),
            "metric": metric,
            "metric_text": metric,
            "kind": [kinds[m] for m in metric],
            "value": value,
            "value_high": np.where(qualifier == "range", value + 2, np.nan),
            "unit": [units[m] for m in metric],
            "qualifier": qualifier,
            "qualifier_text": np.where(qualifier == "approx", "左右", np.where(qualifier == "at_least", "以上", "")),
            "verb": "增长",
            "raw": "x",
            "start": rng.integers(0, 10_000, n),
            "doc_sha256": "0" * 64,
        }
    )
    df["end"] = df["start"] + 10
    return ps.validate(conform(df))


def _hand_compare(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    t = df[(df["record"] == "target") & (df["metric"] == metric)]
    t = t.assign(mid=(t["value"] + t["value_high"].fillna(t["value"])) / 2).sort_values(
        ["region", "year", "section", "start"]
    )
    return t.drop_duplicates(["region", "year"]).pivot(index="region", columns="year", values="mid")


def _hand_yoy(df: pd.DataFrame, metric: str) -> pd.DataFrame:
    t = df[(df["record"] == "target") & (df["metric"] == metric)]
    t = t.assign(mid=(t["value"] + t["value_high"].fillna(t["value"])) / 2).sort_values(
        ["region", "year", "section", "start"]
    )
    t = t.drop_duplicates(["region", "year"])
    prev = t.groupby("region", observed=True)[["year", "mid"]].shift(1)
    out = t.assign(year_from=prev["year"], value_from=prev["mid"], change=t["mid"] - prev["mid"])
    return out[out["year_from"].notna()]


def _same(got: pd.DataFrame, want: pd.DataFrame, name: str) -> bool:
    def values(frame: pd.DataFrame) -> np.ndarray:
        v = frame["change"].to_numpy(dtype=float) if name == "yoy" else frame.to_numpy(dtype=float).ravel()
        return np.sort(v[np.isfinite(v)])

    a, b = values(got), values(want)
    return a.shape == b.shape and bool(np.allclose(a, b))


def _paired(ours, hand, repeat: int) -> tuple[float, float, list[float]]:
    """Time ``ours`` and ``hand`` alternately ``repeat`` times each, so that the noise of a shared
    machine falls on both alike: the best time of each, and the ratio of each pair of runs."""
    mine, theirs = [], []
    for _ in range(repeat):
        for fn, times in ((ours, mine), (hand, theirs)):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
    return min(mine), min(theirs), [a / b for a, b in zip(mine, theirs, strict=False)]


def analytics(n_rows: int, repeat: int = 15) -> list[dict]:
    import planstats as ps

    df = synthetic_dataset(n_rows)
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, ours, hand in (("compare", ps.compare, _hand_compare), ("yoy", ps.yoy, _hand_yoy)):
            same = _same(ours(df, "gdp_growth"), hand(df, "gdp_growth"), name)  # speed is never bought with errors
            t_ours, t_hand, ratios = _paired(
                lambda f=ours: f(df, "gdp_growth"), lambda f=hand: f(df, "gdp_growth"), repeat
            )
            rows.append(
                {
                    "function": name,
                    "rows": len(df),
                    "planstats_s": round(t_ours, 4),
                    "pandas_s": round(t_hand, 4),
                    "ratio": round(t_ours / t_hand, 2),
                    "ratio_median_of_pairs": round(float(np.median(ratios)), 2),
                    "same_result": bool(same),
                }
            )
            print(rows[-1], flush=True)
    return rows


# ---------------------------------------------------------------------------------------
# adversarial text


def adversarial(sizes: tuple[int, ...] = (500_000, 1_000_000)) -> list[dict]:
    """Seconds to extract adversarial text of each size, against an ordinary plan of the same size."""
    import planstats as ps

    ordinary = (ROOT / "data" / "raw" / "000_3e3dedbcbccbc1ab.txt").read_text(encoding="utf-8")
    kinds = {
        "ordinary plan": lambda n: (ordinary * (n // len(ordinary) + 1))[:n],
        "digits": lambda n: "1" * n,
        "percent signs": lambda n: "%" * n,
        "增长 repeated": lambda n: "增长" * (n // 2),
        "one line, no punctuation": lambda n: ("地区生产总值增长8%左右和" * n)[:n],
        "semicolon clauses": lambda n: ("2022年增长9%；" * n)[:n],
        "headline markers": lambda n: ("主要目标：\n一、工作回顾\n" * n)[:n],
        "a table laid out with spaces": lambda n: (
            "指标    单位    2024年目标\n" + "地区生产总值增长    %    6.5左右\n" * n
        )[:n],
        "pipes": lambda n: ("| | |\n" * n)[:n],
        "headings of a range of years": lambda n: ("二、2023—2025年目标\n新增企业10家。\n" * n)[:n],
    }
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ps.extract_text(ordinary, region="A", year=2023)  # warm up: OpenCC, compiled patterns, caches
        for name, make in kinds.items():
            times = {}
            for n in sizes:
                text = make(n)
                started = time.perf_counter()
                ps.extract_text(text, region="A", year=2023)
                times[n] = time.perf_counter() - started
            rows.append(
                {
                    "text": name,
                    **{f"seconds_{n // 1000}k": round(t, 2) for n, t in times.items()},
                    "growth_when_doubled": round(times[sizes[-1]] / times[sizes[0]], 2),
                }
            )
            print(rows[-1], flush=True)
    base = rows[0][f"seconds_{sizes[-1] // 1000}k"]
    for row in rows:
        row["ratio_to_ordinary"] = round(row[f"seconds_{sizes[-1] // 1000}k"] / base, 2)
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--child", nargs=3, metavar=("CORPUS", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    p.add_argument("--engine", default="local", help=argparse.SUPPRESS)  # of a child's build
    p.add_argument("--no-places", action="store_true", help=argparse.SUPPRESS)  # a child's build without resolution
    p.add_argument("--only", choices=["regions"], help="run one benchmark only")
    p.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--real-copies", type=int, default=200, help="copies of the bundled real plans (0: none)")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--cache", type=Path, default=HERE / ".cache", help="where generated corpora are kept between runs")
    p.add_argument("--out", type=Path, default=HERE / "results.json")
    args = p.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]), args.engine, places=not args.no_places)
        return 0
    if args.only == "regions":
        print(region_resolution(args.cache))
        return 0
    results = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0], "pandas": pd.__version__},
        "extraction": extraction(args.sizes, args.workers, args.cache, args.real_copies),
        "analytics": analytics(args.rows),
        "adversarial": adversarial(),
        "region_resolution": region_resolution(args.cache),
    }
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
