"""Robustness: adversarial text is processed in linear time; bad files, interrupted builds."""

import os
import signal
import subprocess
import sys
import time
import warnings

import pandas as pd
import pytest
from conftest import ROOT, SEEDS

import planstats as ps
from planstats.read import docx, read
from planstats.read import html as read_html

RAW_PLAN = SEEDS[0]

SIZE = 200_000  # characters
ORDINARY = SEEDS[0].read_text(encoding="utf-8")
ADVERSARIAL = {
    "digits": "1" * SIZE,
    "percent": "%" * SIZE,
    "growth words": "增长" * (SIZE // 2),
    "one line without punctuation": ("地区生产总值增长8%左右和" * SIZE)[:SIZE],
    "semicolon clauses of past years": ("2022年增长9%；" * SIZE)[:SIZE],
    "headline markers and headings": ("主要目标：\n一、工作回顾\n" * SIZE)[:SIZE],
    "quotes": ("“增长8%以上" * SIZE)[:SIZE],
}


def _seconds(text):
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        df = ps.extract_text(text, region="A", year=2023)
    ps.validate(df)
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def ordinary_seconds():
    return _seconds((ORDINARY * (SIZE // len(ORDINARY) + 1))[:SIZE])


@pytest.mark.slow  # OS behaviour and timing, not the dependencies' versions: make test only
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_takes_time_linear_in_its_size(name, ordinary_seconds):
    # a quadratic step takes minutes here; the bound is a generous ratio, not seconds
    assert _seconds(ADVERSARIAL[name]) < 20 * ordinary_seconds + 0.5


def test_a_huge_number_is_set_aside_not_made_infinite():
    with pytest.warns(ps.PlanstatsWarning, match="no targets"):
        df = ps.extract_text("地区生产总值增长" + "9" * 400 + "%。", region="A", year=2023)
        rejects = ps.rejects(df)
    assert df.empty
    assert "too large" in rejects["reason"].iloc[0]


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    root = tmp_path_factory.mktemp("big")
    generate(root / "a", 300, seed=1)
    generate(root / "b", 4000, seed=2)
    return root


@pytest.mark.slow  # OS behaviour and timing, not the dependencies' versions: make test only
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_build_stopped_by_a_signal_leaves_the_previous_dataset_complete(big_corpus, tmp_path, sig):
    out = tmp_path / "targets"
    ps.build([big_corpus / "a" / "plans"], out=out, workers=2, progress=False)
    before = ps.load(out)
    script = f"import planstats as ps; ps.build([{str(big_corpus / 'b' / 'plans')!r}], out={str(out)!r}, workers=2)"
    proc = subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    started = time.time()
    while time.time() - started < 60:  # wait until it is extracting (its progress bar shows)
        line = proc.stderr.readline()
        if "planstats build" in line and "/4000" in line:
            break
    proc.send_signal(sig)
    proc.communicate(timeout=60)
    assert proc.returncode != 0  # stopped, not finished
    pd.testing.assert_frame_equal(ps.load(out), before)
    assert [p.name for p in tmp_path.iterdir()] == ["targets"]  # no temporary files left


def test_leftovers_of_a_killed_build_are_removed_by_the_next(big_corpus, tmp_path):
    out = tmp_path / "targets"
    stale = tmp_path / ".targets.building-999999999-abc"
    stale.mkdir()
    (stale / "part-0.parquet").write_bytes(b"half")
    ps.build([big_corpus / "a" / "plans"], out=out, workers=1, progress=False)
    assert [p.name for p in tmp_path.iterdir()] == ["targets"]


def _copy_plans(big_corpus, plans, n):
    """The first ``n`` synthetic plans of the big corpus, copied into the folder ``plans``."""
    source = big_corpus / "b" / "plans"
    for p in sorted(source.rglob("*.txt"))[:n]:
        target = plans / p.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(p.read_bytes())
    return plans


def test_a_thousand_documents_with_a_few_bad_ones(big_corpus, tmp_path):
    plans = _copy_plans(big_corpus, tmp_path / "plans", 1000)
    bad = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "broken.docx": b"PK\x03\x04" + bytes(50),
        "middle.txt": "地区生产总值增长8%。".encode() * 10 + b"\xff\xfe\xfd" + "完".encode(),
    }
    for name, data in bad.items():
        (plans / name).write_bytes(data)
    with pytest.warns(ps.PlanstatsWarning, match="4 document\\(s\\) could not be read") as caught:
        report = ps.build([plans], out=tmp_path / "targets", workers=2, progress=False)
    assert (report.documents, report.extracted, len(report.failures)) == (1004, 1000, 4)
    why = {os.path.basename(f["path"]): f["message"] for f in report.failures}
    assert "empty" in why["empty.txt"] and "PNG image" in why["image.txt"] and "docx" in why["broken.docx"]
    assert "undecodable bytes at byte 290" in why["middle.txt"]  # 10 good sentences of 29 bytes before them
    unread = [str(w.message) for w in caught if "could not be read" in str(w.message)]
    assert len(unread) == 1 and "middle.txt" in unread[0]  # (other warnings may come first: historical regions)
    assert ps.load(tmp_path / "targets")["doc"].nunique() == 1000


def test_lenient_build_decodes_the_rest_of_a_file_with_bad_bytes(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "middle.txt").write_bytes(
        "甲区2023年工作要点\n地区生产总值增长8%。".encode() + b"\xff\xfe\xfd" + "城镇新增就业1万人。".encode()
    )
    with pytest.warns(ps.PlanstatsWarning, match="could not be read"):
        strict = ps.extract([plans], workers=1)
    assert strict.empty
    lenient = ps.extract([plans], workers=1, lenient=True)
    assert lenient["metric"].tolist() == ["gdp_growth", "new_urban_jobs"]


FIXTURES = ROOT / "tests" / "fixtures"
_MUTABLE = {
    "docx": (FIXTURES / "targets_table.docx").read_bytes(),
    "pdf": (FIXTURES / "plan.pdf").read_bytes(),
    "html": "<html><head><title>某某县2024年工作要点</title></head><body>"
    "<table><tr><td rowspan=2>指标</td><td>2024年目标</td></tr>"
    "<tr><td>6%</td></tr></table><p>地区生产总值增长6%左右。</p></body></html>".encode(),
}


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Overwrite, drop or repeat bytes at a few places (positions taken modulo the length)."""
    out = bytearray(data)
    for kind, pos, value in edits:
        at = pos % max(len(out), 1)
        if kind == 0:
            out[at : at + 1] = bytes([value])
        elif kind == 1:
            del out[at : at + value % 64 + 1]
        else:
            out[at:at] = out[at : at + value % 64 + 1]
    return bytes(out)


@pytest.mark.parametrize("kind", sorted(_MUTABLE))
def test_mutated_documents_raise_only_a_document_error(kind, tmp_path):
    """A fuzz test: a .docx, .pdf or web page with bytes overwritten, dropped or repeated (and cut
    short) is read, or refused with a DocumentError that names it; never another error."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    path = tmp_path / f"mutated.{kind}"
    edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255)), min_size=1, max_size=6)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(edits, st.integers(1, 1 << 20))
    def check(mutation, cut):
        data = _mutate(_MUTABLE[kind], mutation)
        path.write_bytes(data[: max(cut % (len(data) + 1), 1)] if cut % 3 == 0 else data)
        try:
            read(path)
        except ps.DocumentError as err:
            assert str(path) in str(err)

    check()


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    import io
    import zipfile

    monkeypatch.setattr(docx, "DOCX_UNPACKED_MAX", 2**20)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (8 * 2**20))  # 8 MiB of spaces: a few KB packed
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ps.DocumentError, match="zip bomb"):
        read(path)


def _lying_docx(real: int, stated: int) -> bytes:
    """A .docx whose document.xml unpacks to ``real`` bytes while its zip headers state ``stated``."""
    import io
    import struct
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (real - 12))
    data = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + 17] == b"word/document.xml":
                data[at + offset : at + offset + 4] = struct.pack("<I", stated)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_docx_whose_zip_headers_understate_its_size_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    import tracemalloc

    monkeypatch.setattr(docx, "DOCX_UNPACKED_MAX", 2**20)
    path = tmp_path / "liar.docx"
    path.write_bytes(_lying_docx(64 * 2**20, 1000))  # 64 MiB of XML that states 1000 bytes
    tracemalloc.start()
    try:
        with pytest.raises(ps.DocumentError, match="zip bomb"):
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 2**20  # it was unpacked whole, 64 MiB, before it failed


def test_a_file_larger_than_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as f:
        f.truncate(2**30)  # a sparse gigabyte: reading it would take a gigabyte of memory
    with pytest.raises(ps.DocumentError, match=r"size limit of a document \(1,048,576 bytes\).*size_limit="):
        read(path, size_limit=2**20)
    with pytest.raises(ps.DocumentError, match="sparse.txt: 1,073,741,824 bytes"):
        read(path)
    report = ps.build([path], out=tmp_path / "out.csv", size_limit=2**20, progress=False, workers=1)
    assert "size limit" in report.failures[0]["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ps.DocumentError, match="not a regular file"):
        read(fifo)


def test_a_corpus_with_a_symlink_loop_and_a_name_that_is_not_utf8_builds_naming_both(tmp_path):
    corpus = tmp_path / "plans"
    corpus.mkdir()
    (corpus / "good.txt").write_text("某某县2024年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    (corpus / "loop1.txt").symlink_to(corpus / "loop2.txt")
    (corpus / "loop2.txt").symlink_to(corpus / "loop1.txt")
    gbk = os.fsdecode(str(corpus).encode() + b"/" + "甲县.txt".encode("gbk"))  # the bytes of a GBK name, on Linux
    with open(gbk, "w", encoding="utf-8") as f:
        f.write("某某县2024年工作要点\n地区生产总值增长7%。")
    with pytest.warns(ps.PlanstatsWarning, match="3 document\\(s\\) could not be read"):
        report = ps.build([corpus], out=tmp_path / "out", workers=1, progress=False)
    assert report.extracted == 1
    messages = {os.path.basename(f["path"]): f["message"] for f in report.failures}
    assert "Too many levels of symbolic links" in messages["loop1.txt"]
    assert "not UTF-8" in messages["\\xbc\\xd7\\xcf\\xd8.txt"]
    assert ps.load(tmp_path / "out")["doc"].unique().tolist() == ["good.txt"]


@pytest.mark.parametrize(
    "paths, message",
    [
        (None, "`paths` must be a path or a list of paths"),
        (["/no/such/file.txt"], "/no/such/file.txt: no such file; check the path"),
        (["a\0b.txt"], "cannot hold a NUL"),
    ],
)
def test_a_build_of_no_paths_a_missing_file_or_a_nul_is_an_argument_error(tmp_path, paths, message):
    with pytest.raises(ps.ArgumentError, match=message):
        ps.build(paths, out=tmp_path / "out.csv", progress=False)


def test_a_nul_in_a_path_read_is_a_document_error():
    with pytest.raises(ps.DocumentError, match="embedded null"):
        read("a\0b.txt")


def test_a_lone_surrogate_in_a_region_is_an_argument_error():
    with pytest.raises(ps.ArgumentError, match="`region` holds a lone surrogate"):
        ps.extract_text("地区生产总值增长6%。", region="\ud9a1县", year=2023)


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unexpected_error_in_one_document_is_a_reported_failure(tmp_path, monkeypatch, workers):
    """A bug of planstats (or of a library) while extracting one document fails that document only,
    with its path and the error, on one worker or several (the error itself may not pickle)."""
    from planstats import workers as stages

    for i in range(4):
        (tmp_path / f"plan{i}.txt").write_text(f"某某县2024年工作要点\n地区生产总值增长{6 + i}%。", encoding="utf-8")
    real = stages.extract_rows

    def broken(doc, *args):
        if doc == "plan2.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, *args)

    monkeypatch.setattr(stages, "extract_rows", broken)  # forked workers inherit it
    with pytest.warns(ps.PlanstatsWarning, match="1 document\\(s\\) could not be read"):
        df = ps.extract([tmp_path], workers=workers)
    assert sorted(df["doc"].unique()) == ["plan0.txt", "plan1.txt", "plan3.txt"]
    (failure,) = df.attrs["failures"]
    assert (
        failure["path"].endswith("plan2.txt")
        and "RecursionError" in failure["message"]
        and "extract" in failure["message"]
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_past_its_time_limit_is_a_named_failure_and_the_build_goes_on(tmp_path, monkeypatch, workers):
    from planstats import workers as stages

    for i in range(3):
        (tmp_path / f"plan{i}.txt").write_text(f"某某县2024年工作要点\n地区生产总值增长{6 + i}%。", encoding="utf-8")
    real = stages.extract_rows

    def endless(doc, *args):
        while doc == "plan1.txt":  # a loop in Python code, as a regular expression that never ends
            pass
        return real(doc, *args)

    monkeypatch.setattr(stages, "extract_rows", endless)
    ps.extract_text("地区生产总值增长6%。", region="A", year=2024)  # the tables load once, not in a document's time
    with pytest.warns(ps.PlanstatsWarning, match="1 document\\(s\\) could not be read"):
        report = ps.build([tmp_path], out=tmp_path / "out.csv", workers=workers, time_limit=3, progress=False)
    assert report.extracted == 2
    (failure,) = report.failures
    assert failure["path"].endswith("plan1.txt") and "time limit of a document (3 s)" in failure["message"]
    assert "--time-limit" in failure["message"]


def test_a_text_of_forty_empty_comments_is_read_at_once(tmp_path):
    # the regular expression that told a page from a text backtracked exponentially: this hung a build
    path = tmp_path / "comments.txt"
    path.write_text("<!---->" * 40 + "\n某某县2024年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    assert read(path).encoding != "" and "工作要点" in read(path).text


@pytest.mark.parametrize("value", [0, -1, "60"])
def test_a_time_limit_that_is_no_number_of_seconds_is_refused(tmp_path, value):
    with pytest.raises(ps.ArgumentError, match="`time_limit`"):
        ps.build([tmp_path], out=tmp_path / "out.csv", time_limit=value)


def test_a_worker_killed_while_it_reads_a_document_names_it_and_the_build_finishes(tmp_path, monkeypatch):
    """As the out-of-memory killer does: the build gave BrokenProcessPool, exit 1 and no dataset."""
    from planstats import workers as stages

    for i in range(6):
        (tmp_path / f"plan{i}.txt").write_text(f"某某县2024年工作要点\n地区生产总值增长{6 + i}%。", encoding="utf-8")
    real = stages.extract_rows

    def killed(doc, *args):
        if doc == "plan3.txt":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, *args)

    monkeypatch.setattr(stages, "extract_rows", killed)  # forked workers inherit it
    with pytest.warns(ps.PlanstatsWarning, match="1 document\\(s\\) could not be read"):
        report = ps.build([tmp_path], out=tmp_path / "out", workers=2, progress=False)
    assert report.extracted == 5
    (failure,) = report.failures
    assert failure["path"].endswith("plan3.txt") and "worker process that read it died" in failure["message"]
    assert sorted(ps.load(tmp_path / "out")["doc"]) == [f"plan{i}.txt" for i in (0, 1, 2, 4, 5)]


def _hold_lock(lock) -> subprocess.Popen:
    """A process that holds the operating-system lock of a dataset, as a build running there does."""
    script = (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.write(fd, str(os.getpid()).encode())\n"
        "print('held', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_build_into_the_same_dataset_fails_naming_the_first(tmp_path):
    """Two builds into one folder at once: the second fails with the pid of the first (before,
    both exited 0 and one's documents vanished)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for i in range(3):
        (plans / f"p{i}.txt").write_text(f"某某县2024年工作要点\n地区生产总值增长{6 + i}%。", encoding="utf-8")
    out = tmp_path / "targets"
    first = _hold_lock(tmp_path / ".targets.lock")
    try:
        with pytest.raises(ps.OutputError, match=f"process {first.pid}"):
            ps.build([plans], out=out, workers=1, progress=False)
        assert not out.exists()
    finally:
        first.kill()
        first.wait()
    report = ps.build([plans], out=out, workers=1, progress=False)  # the system freed the lock of the dead process
    assert report.extracted == 3 and not (tmp_path / ".targets.lock").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="pid 1 is init on Unix")
def test_a_lock_file_left_with_a_pid_that_is_reused_blocks_nothing(tmp_path):
    # a stale lock whose pid now belonged to a live process (here pid 1) blocked every build
    (tmp_path / ".targets.lock").write_text("1")
    report = ps.build([RAW_PLAN], out=tmp_path / "targets", workers=1, progress=False)
    assert report.extracted == 1 and not (tmp_path / ".targets.lock").exists()


def test_load_does_not_undo_a_build_between_the_renames_of_its_commit(tmp_path, monkeypatch):
    from planstats import dataset

    out = tmp_path / "targets"
    ps.build([RAW_PLAN], out=out, workers=1, progress=False)
    aside = tmp_path / dataset.PREVIOUS.format("targets")
    os.replace(out, aside)  # the first rename of a commit: the build, which holds the lock, moves its own in next
    holder = _hold_lock(tmp_path / ".targets.lock")
    monkeypatch.setattr(dataset, "_LOAD_WAIT", 0.3)
    try:
        with pytest.raises(ps.OutputError, match="a build is writing this dataset"):
            ps.load(out)
        assert aside.is_dir() and not out.exists()  # load moved it back, and the build's rename then failed
    finally:
        holder.kill()
        holder.wait()
    assert len(ps.load(out)) > 0 and not aside.exists()  # a build that died there: its dataset is put back


@pytest.mark.slow  # OS behaviour and timing, not the dependencies' versions: make test only
def test_two_builds_at_once_one_fails_and_the_dataset_is_whole(big_corpus, tmp_path):
    plans = big_corpus / "b" / "plans"
    out = str(tmp_path / "targets")
    script = f"import planstats as ps; ps.build([{str(plans)!r}], out={out!r}, workers=1, progress=False)"
    runs = [
        subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    errors = [run.communicate(timeout=600)[1] for run in runs]
    codes = sorted(run.returncode for run in runs)
    assert codes[0] == 0 and (codes[1] == 0 or any("another build" in e for e in errors)), errors
    assert ps.load(tmp_path / "targets")["doc"].nunique() == len(list(plans.rglob("*.txt")))


def test_an_unwritable_output_folder_is_an_output_error(tmp_path, monkeypatch):
    real_open = os.open

    def denied(path, *args, **kwargs):  # as a folder without write permission answers (root writes anywhere)
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ps.OutputError, match="not writable"):
        ps.build([RAW_PLAN], out=tmp_path / "targets", workers=1, progress=False)


@pytest.mark.parametrize(
    "out, message",
    [
        ("afile/targets", "cannot be written .*afile"),  # a folder inside a regular file
        ("afile/targets.csv", "cannot be written .*afile"),
        ("afile", "is a file, not a dataset folder"),
        ("/proc/targets", "cannot be written"),  # a folder where nothing can be made
    ],
)
def test_an_output_path_that_cannot_be_a_dataset_is_an_output_error(tmp_path, monkeypatch, out, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("a file, not a folder")
    with pytest.raises(ps.OutputError, match=message):
        ps.build([RAW_PLAN], out=out, workers=1, progress=False)


def test_tables_nested_in_tables_take_time_linear_in_their_depth():
    """Each level copied, and joined, the lines of every level inside it: 10,000 levels took 10.9 s,
    20,000 took 58 s. A ratio of two processor times of this run, not seconds."""

    def seconds(levels):
        page = ("<table><tr><td>指标" * levels + "</td></tr></table>" * levels).encode()
        best = float("inf")
        for _ in range(2):
            started = time.process_time()
            text, _ = read_html.html_text(page)
            best = min(best, time.process_time() - started)
        assert text.count("指标") == levels
        return best

    assert seconds(8000) < 8 * seconds(2000)  # linear: 4x; quadratic: 16x


def test_a_page_table_whose_cells_all_span_50_by_50_is_read_in_linear_work(monkeypatch):
    """A table of 1 MB whose every cell has rowspan=50 colspan=50 made a grid of 2,500 entries a
    cell (38 s): its rows are read as the text of their cells; counted in cells, not seconds."""
    made = []
    real = read_html._grid_row

    def counting(down, row):
        cells = real(down, row)
        made.append(len(cells))
        return cells

    monkeypatch.setattr(read_html, "_grid_row", counting)
    rows = 1600
    page = (
        "<html><body><table>"
        + "".join("<tr>" + '<td rowspan="50" colspan="50">x</td>' * 20 + "</tr>" for _ in range(rows))
        + "</table></body></html>"
    )
    text, _ = read_html.html_text(page.encode())
    assert sum(made) <= 120 * rows and text.count("x") >= rows
    ordinary = (
        "<html><body><table>"
        + "".join(f"<tr><td>指标{i}</td><td>6%</td></tr>" for i in range(3))
        + "</table></body></html>"
    )
    assert read_html.html_text(ordinary.encode())[0].splitlines()[0] == "指标0\t6%"  # a table of a page stays a grid


@pytest.mark.slow  # OS behaviour and timing, not the dependencies' versions: make test only
@pytest.mark.filterwarnings(
    "ignore:.*name a region that several units share"
)  # the generated corpus has a folder 新城区
def test_three_thousand_documents_with_thirty_hostile_files(big_corpus, tmp_path, monkeypatch):
    """Done means of the issue on builds: a build of 3,000 plans among 30 hostile files finishes
    with every good document and a report that names each bad one."""
    import io
    import random
    import zipfile

    plans = _copy_plans(big_corpus, tmp_path / "plans", 3000)
    hostile = plans / "hostile"
    hostile.mkdir()
    rng = random.Random(38)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * (300 * 2**20))  # 300 MiB of XML in a few hundred KB
    bad = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "nul.txt": bytes(1000),
        "bomb.docx": bomb.getvalue(),
        "cut.docx": _MUTABLE["docx"][: len(_MUTABLE["docx"]) // 2],
        "cut.pdf": _MUTABLE["pdf"][:300],
        "zip.pdf": b"%PDF-1.4\n" + bytes(100),
    }
    cut_xml = io.BytesIO()  # a .docx whose document.xml is cut in half: lxml's XMLSyntaxError stopped the build
    with zipfile.ZipFile(io.BytesIO(_MUTABLE["docx"])) as src, zipfile.ZipFile(cut_xml, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            z.writestr(info.filename, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    bad["cut_xml.docx"] = cut_xml.getvalue()
    for i in range(22):
        kind = ("docx", "pdf", "html")[i % 3]
        edits = [(rng.randint(0, 2), rng.randint(0, 1 << 20), rng.randint(0, 255)) for _ in range(6)]
        bad[f"mutated{i}.{kind}"] = _mutate(_MUTABLE[kind], edits)[: rng.randint(50, 4000)]
    for name, data in bad.items():
        (hostile / name).write_bytes(data)
    assert len(bad) == 30
    with pytest.warns(
        ps.PlanstatsWarning, match=r"document\(s\) could not be read and were skipped:\n.*hostile/"
    ) as caught:
        report = ps.build([plans], out=tmp_path / "targets", workers=2, progress=False)
    named = {os.path.basename(f["path"]) for f in report.failures}
    assert all(f"hostile/{name}" in str(caught[-1].message) for name in named)
    assert report.documents == 3030 and report.extracted + len(report.failures) == 3030
    assert {"empty.txt", "image.txt", "nul.txt", "bomb.docx", "cut.docx", "cut_xml.docx", "cut.pdf", "zip.pdf"} <= named
    assert named <= set(bad)  # only hostile files fail; some mutated pages still read as text
    assert ps.load(tmp_path / "targets")["doc"].str.startswith("hostile/").sum() <= 30
    assert ps.load(tmp_path / "targets")["doc"].nunique() >= 3000


def test_pool_workers_end_when_the_build_is_killed(big_corpus, tmp_path):
    """A build killed outright (SIGKILL) cannot stop its pool: its workers end by themselves
    rather than run on as orphans."""
    script = (
        "import planstats as ps\n"
        f"ps.build([{str(big_corpus / 'b' / 'plans')!r}], out={str(tmp_path / 'targets')!r}, workers=2, "
        "progress=False)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)

    def children():
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == build.pid:
                        found.append(int(pid))
            except OSError:
                continue
        return found

    deadline = time.monotonic() + 60
    while len(workers := children()) < 2 and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    build.kill()
    build.wait()
    deadline = time.monotonic() + 20
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [
            p
            for p in alive
            if os.path.exists(f"/proc/{p}") and open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
        ]
    assert not alive, f"workers {alive} outlived the build"
