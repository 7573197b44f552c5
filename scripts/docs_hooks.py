"""MkDocs hooks: the pages of the docs site that are made from the project's own files, so that
they cannot fall behind them.

- ``<!-- planstats:metrics -->`` in a page becomes the metric taxonomy (``planstats/data/metrics.csv``)
  as a table, in English and Chinese;
- ``<!-- planstats:accuracy -->`` becomes the precision, recall and F1 of a run of
  :mod:`planstats.evaluate` on the sample corpus against ``tests/golden/seeds.csv``;
- each notebook of ``notebooks/`` is run (``notebooks/run.py``) and becomes a page ``notebooks/NAME.md``: its
  text, its code and what the code printed, its charts as images beside the page.
"""

from __future__ import annotations

import base64
import importlib.util
import os
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
MARK = "<!-- planstats:{} -->"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def metrics_table() -> str:
    import planstats as ps

    m = ps.metrics()
    lines = [
        f"{len(m)} metrics in {m['category'].nunique()} categories. A target's `metric` is one of these ids; "
        "`aliases` are the indicator phrases mapped onto it (`^` at the start, `$` at the end, `…` a short gap).",
        "",
        "`unit` is the canonical unit of a metric's levels: `value_std` holds them in it.",
        "",
        "| id | English | 中文 | kinds | unit | category | aliases |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in m.sort_values(["category", "id"]).itertuples(index=False):
        aliases = "、".join(a for a in r.aliases.split("|") if a)
        lines.append(
            f"| `{r.id}` | {_cell(r.label_en)} | {_cell(r.label_zh)} | {r.kinds.replace('|', ', ')} | "
            f"{_cell(r.unit)} | {r.category} | {_cell(aliases)} |"
        )
    return "\n".join(lines)


def accuracy_table() -> str:
    import warnings

    import planstats as ps
    from planstats.evaluate import read_annotations, score

    golden = ROOT / "tests" / "golden"
    scope = {
        ln.strip()
        for ln in (golden / "body_scope.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = score(ps.extract(ps.sample_corpus(), workers=1), read_annotations(golden / "seeds.csv"), scope)
    lines = [
        "| section | precision | recall | F1 | matched | missed | false positives |",
        "|---|---|---|---|---|---|---|",
    ]
    for section, r in report.items():
        lines.append(
            f"| {section} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['tp']} | "
            f"{len(r['misses'])} | {len(r['false_positives'])} |"
        )
    return "\n".join(lines)


def _executed(path: Path):
    """The notebook at ``path`` run top to bottom (its charts drawn inline), with its outputs."""
    spec = importlib.util.spec_from_file_location("notebooks_run", ROOT / "notebooks" / "run.py")
    assert spec is not None and spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    before = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # the kernel draws its charts as PNG
    try:
        return runner.run(path)
    finally:
        os.environ.pop("MPLBACKEND") if before is None else os.environ.__setitem__("MPLBACKEND", before)


def notebook_page(path: Path, images: dict[str, bytes]) -> str:
    """The page of a notebook: its cells and their outputs; ``images`` receives the charts, by file name."""
    out = [
        f"*`notebooks/{path.name}`, run when these pages were built: run it yourself with "
        f"`jupyter lab notebooks/{path.name}` in a clone, or `make notebooks`.*",
        "",
    ]
    for i, cell in enumerate(_executed(path).cells):
        source = "".join(cell.source).rstrip()
        if not source:
            continue
        if cell.cell_type == "markdown":
            out += [source, ""]
            continue
        out += ["```python", source, "```", ""]
        for j, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if "image/png" in data:
                name = f"{path.stem}_{i}_{j}.png"
                images[name] = base64.b64decode(data["image/png"])
                out += [f"![output of the cell above]({name})", ""]
            elif output.get("output_type") == "stream" or "text/plain" in data:
                text = output.get("text") or data["text/plain"]
                out += ["```text", "".join(text).rstrip(), "```", ""]
    return "\n".join(out)


def on_files(files, config):
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        images: dict[str, bytes] = {}
        files.append(File.generated(config, f"notebooks/{path.stem}.md", content=notebook_page(path, images)))
        for name, png in images.items():
            files.append(File.generated(config, f"notebooks/{name}", content=png))
    return files


GENERATED = {"metrics": metrics_table, "accuracy": accuracy_table}


def on_page_markdown(markdown, page, config, files):
    for name, make in GENERATED.items():
        if MARK.format(name) in markdown:
            markdown = markdown.replace(MARK.format(name), make())
    return markdown
