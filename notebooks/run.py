"""Run every notebook of this folder top to bottom, headless; write the executed copies to a folder.

    python notebooks/run.py [OUT]        (make notebooks: OUT = out/notebooks)

Exits non-zero, naming the notebook and the cell, when a cell fails.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = Path(__file__).resolve().parent


def run(path: Path, timeout: int = 300):
    """Execute the notebook at ``path`` (from its own folder) and return it with outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return nb


def main(out: str = "out/notebooks") -> int:
    Path(out).mkdir(parents=True, exist_ok=True)
    for path in sorted(HERE.glob("*.ipynb")):
        try:
            nb = run(path)
        except CellExecutionError as err:
            print(f"{path.name}: a cell failed:\n{err}", file=sys.stderr)
            return 1
        nbformat.write(nb, Path(out) / path.name)
        print(f"ran {path.name} -> {Path(out) / path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
