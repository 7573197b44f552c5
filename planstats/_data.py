"""Locate and read the files of ``planstats/data/`` that hold the rules of planstats, the region
tables, the sample corpus and the dataset built from it. They are package data: an installed
wheel carries them (``importlib.resources``), and a clone sees them also as ``data/``."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

from planstats.errors import DataFileError

DATA_DIR = Path(str(resources.files("planstats") / "data"))


def sample_corpus() -> Path:
    """The folder of the sample corpus that ships with planstats: five real plans of districts
    and new areas of Xi'an, with their ``manifest.csv``. ``planstats.load()`` reads the dataset
    built from it.

    Returns
    -------
    pathlib.Path
        The folder of the five sample plans that ship with planstats (and their manifest).

    Examples
    --------
    >>> import planstats as ps
    >>> sorted(p.name for p in ps.sample_corpus().glob("*.txt"))[:2]
    ['000_3e3dedbcbccbc1ab.txt', '001_d84f9f3cc8d066a0.txt']
    """
    folder = DATA_DIR / "raw"
    if not folder.is_dir():
        raise DataFileError(f"{folder}: the sample corpus is missing from this installation; reinstall planstats.")
    return folder


def read_rows(
    name: str, required: tuple[str, ...], path: Path | None = None, *, kind: str = "rule file"
) -> list[dict[str, str]]:
    """Read a CSV rule file (or a user's CSV file of another ``kind``) into a list of dicts,
    checking its columns and cells.

    Raises :class:`DataFileError` naming the file, the line and the problem.
    """
    path = Path(path) if path is not None else DATA_DIR / name
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(f"{path}: missing column(s) {missing}; the header must contain {list(required)}.")
            rows = []
            for row in reader:
                if None in row or any(v is None for v in row.values()):
                    raise DataFileError(
                        f"{path}, line {reader.line_num}: wrong number of fields; "
                        f"expected the {len(reader.fieldnames or [])} columns of the header."
                    )
                rows.append({k: v.strip() for k, v in row.items()})
    except FileNotFoundError as err:
        todo = "reinstall planstats or restore the file" if kind == "rule file" else "check the path"
        raise DataFileError(f"{path}: {kind} not found; {todo}.") from err
    except UnicodeDecodeError as err:
        raise DataFileError(f"{path}: not UTF-8 ({err.reason} at byte {err.start}); save it as UTF-8.") from err
    except csv.Error as err:
        raise DataFileError(f"{path}: malformed CSV ({err}).") from err
    return rows
