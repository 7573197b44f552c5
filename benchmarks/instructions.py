"""The extraction stage of a build, run ``PASSES`` times, for counting its instructions with callgrind:
a count that is the same on a busy machine, where seconds are not.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=cg.out \\
        .venv/bin/python benchmarks/instructions.py {real|synthetic} PASSES [--cold] [--root CHECKOUT]
    callgrind_annotate cg.out | grep "PROGRAM TOTALS"

The stage costs the total with 8 passes minus the total with 0 (which reads, normalizes and
extracts every plan once, and pays for imports and compiled patterns). ``real``: the five bundled
plans (``data/raw``); ``synthetic``: 100 plans of ``benchmarks/generate.py`` (seed 1000, as in
``run.py``). ``--cold`` clears the cache of ``match_metric`` before each plan, as for plans that
share no phrase (the copies of ``run.py``'s real corpus share all of them). ``--root`` takes
planstats from another checkout, e.g. a ``git worktree`` of an older commit, on the same plans.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def plans(kind: str) -> list[str]:
    if kind == "real":
        return sorted(str(p) for p in (HERE.parent / "data" / "raw").glob("*.txt"))
    root = HERE / ".cache" / "corpus-1000"
    if not (root / "truth.csv").exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        generate(root, 1000, seed=1000)
    return sorted(str(p) for p in (root / "plans").glob("*/*.txt"))[:100]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["real", "synthetic"])
    parser.add_argument("passes", type=int)
    parser.add_argument("--cold", action="store_true", help="clear the phrase cache before each plan")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout whose planstats to run")
    args = parser.parse_args()
    paths = plans(args.kind)  # made (if need be) by this checkout's generator, before planstats is imported
    sys.meta_path = [f for f in sys.meta_path if "editable" not in repr(f).lower()]  # not the installed checkout
    sys.path.insert(0, str(args.root.resolve()))
    warnings.simplefilter("ignore")
    try:
        workers = importlib.import_module("planstats.workers")
    except ModuleNotFoundError:  # a checkout from before the workers left corpus.py
        workers = importlib.import_module("planstats.corpus")
    taxonomy = importlib.import_module("planstats.taxonomy")
    docs = [workers._Doc(p, p, False) for p in paths]
    for stage in workers._STAGES:
        for doc in docs:
            stage(doc)
    extract = workers._STAGES[3]
    for _ in range(args.passes):
        for doc in docs:
            if args.cold:
                taxonomy.match_metric.cache_clear()
            extract(doc)


if __name__ == "__main__":
    main()
