"""Time and peak memory per MB of one document, from 1 MB to 50 MB, for each kind of file.

    python benchmarks/scaling.py [--mb 1 2 5 10 20 50] [--kinds text docx html pdf list]

Each document is made from the bundled real plans (a list of values: ``1%、`` repeated, up to 5 MB), written
to a file of about the size asked, and extracted by ``planstats.extract`` in a fresh process, whose peak RSS
(VmHWM) less that of the same process before it read the file is the memory of the document, and whose CPU
seconds (``time.process_time``, which other work on a shared machine moves much less than the seconds of the
clock) are its time. Flat seconds/MB and MB/MB over sizes is linear work and memory; the baseline is the
smallest size of the same kind, measured in the same run. A document over the default size limit (100 MiB) is
none of these sizes.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KINDS = ("text", "docx", "html", "pdf", "list")
LIST_MAX_MB = 5  # a list of values takes about 250 times its size in memory (its rows): 50 MB asked needed 8.9 GB


def _plans() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt")))


def _repeat(text: str, size: int) -> str:
    return text * (size // len(text.encode("utf-8")) + 1)


def _docx(lines: list[str]) -> bytes:
    """A .docx of one paragraph a line, its XML written directly (python-docx takes minutes for 50 MB)."""
    from xml.sax.saxutils import escape

    import docx

    empty = io.BytesIO()
    docx.Document().save(empty)
    body = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in lines)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(empty.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                head, _, rest = data.decode("utf-8").partition("<w:body>")
                data = (head + "<w:body>" + body + rest[rest.index("<w:sectPr") :]).encode("utf-8")
            z.writestr(info, data)
    return out.getvalue()


def _pdf(size: int) -> bytes:
    """The test fixture plan.pdf, appended to itself until the file is ``size`` bytes.

    Each copy is read anew, so that its pages are objects of their own: pages added again from one reader share
    their content, and the file would not grow.
    """
    from pypdf import PdfReader, PdfWriter

    one = (ROOT / "tests" / "fixtures" / "plan.pdf").read_bytes()
    writer = PdfWriter()
    for _ in range(max(1, size // len(one))):
        writer.append(PdfReader(io.BytesIO(one)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make(kind: str, mb: float, folder: Path) -> Path:
    """A document of ``kind`` of about ``mb`` MB in ``folder``."""
    size = int(mb * 2**20)
    if kind == "text":
        path, data = (
            folder / f"text-{mb}.txt",
            _repeat(_plans(), size).encode("utf-8")[:size].decode("utf-8", "ignore").encode(),
        )
    elif kind == "list":
        path, data = folder / f"list-{mb}.txt", ("某某县2024年工作要点\n" + "1%、" * (size // 7)).encode("utf-8")
    elif kind == "html":
        lines = _repeat(_plans(), size).splitlines()
        path = folder / f"page-{mb}.html"
        data = ("<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>").encode("utf-8")
    elif kind == "docx":
        path, data = folder / f"doc-{mb}.docx", _docx(_repeat(_plans(), size).splitlines())
    else:
        path, data = folder / f"pdf-{mb}.pdf", _pdf(size)
    path.write_bytes(data)
    return path


def _hwm() -> float:
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) / 1024


def child(path: str) -> None:
    """Extract one document in this fresh process; print its seconds and the peak memory it added."""
    import planstats as ps

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ps.extract_text("地区生产总值增长6%。", region="A", year=2024)  # the tables: not the document's memory
        before = _hwm()
        started, cpu = time.perf_counter(), time.process_time()
        rows = len(ps.extract(path, size_limit=None))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rows": rows, "peak_mb": _hwm() - before}))


def scaling(mbs: list[float], kinds: list[str], list_max: float = LIST_MAX_MB) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            base = None
            for mb in [mb for mb in mbs if kind != "list" or mb <= list_max]:
                path = make(kind, mb, Path(tmp))
                size = path.stat().st_size / 2**20
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
                )
                got = json.loads(done.stdout.strip().splitlines()[-1])
                path.unlink()
                row = {
                    "kind": kind,
                    "mb": round(size, 1),
                    "seconds": round(got["seconds"], 2),
                    "seconds_per_mb": round(got["seconds"] / size, 2),
                    "cpu_seconds_per_mb": round(got["cpu_seconds"] / size, 2),
                    "peak_mb_per_mb": round(got["peak_mb"] / size, 1),
                    "rows": got["rows"],
                }
                base = base or row
                row["time_per_mb_vs_smallest"] = round(row["seconds_per_mb"] / base["seconds_per_mb"], 2)
                row["cpu_per_mb_vs_smallest"] = round(row["cpu_seconds_per_mb"] / base["cpu_seconds_per_mb"], 2)
                rows.append(row)
                print(row, flush=True)
    return rows


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--mb", type=float, nargs="*", default=[1, 2, 5, 10, 20, 50])
    p.add_argument("--kinds", nargs="*", choices=KINDS, default=list(KINDS))
    p.add_argument("--out", type=Path)
    p.add_argument(
        "--list-max-mb",
        type=float,
        default=LIST_MAX_MB,
        help=f"the largest list of values (default {LIST_MAX_MB}: 50 needs 9 GB of memory)",
    )
    args = p.parse_args()
    if args.child:
        child(args.child)
        return 0
    rows = scaling(args.mb, args.kinds, args.list_max_mb)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
