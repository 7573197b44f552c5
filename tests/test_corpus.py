"""Corpus builds: folders, incremental rebuilds, engines, filters pushed down, interruption."""

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import RAW, SEEDS
from pandas.testing import assert_frame_equal

import planstats as ps
from planstats import corpus, workers
from planstats.errors import EngineError


def _canonical(df):
    return ps.validate(df.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True))


@pytest.fixture()
def seeds(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in SEEDS:
        shutil.copy(p, folder / p.name)
    shutil.copy(SEEDS[0].parent / "manifest.csv", folder / "manifest.csv")
    return folder


def test_folder_dataset_is_partitioned_by_year_and_loads_back_equal(seeds, tmp_path, corpus):
    out = tmp_path / "targets"
    report = ps.build([seeds], out=out, workers=2, progress=False)
    assert (report.documents, report.extracted, report.unchanged, report.rows) == (5, 5, 0, len(corpus))
    assert sorted(p.name for p in out.iterdir()) == [
        "_documents.parquet",
        "year=2021",
        "year=2022",
        "year=2023",
        "year=2024",
    ]
    assert_frame_equal(ps.load(out), _canonical(corpus), check_categorical=False)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing temporary left


def test_rebuild_skips_unchanged_and_replaces_changed_documents(seeds, tmp_path):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    first = ps.load(out)
    again = ps.build([seeds], out=out, workers=1, progress=False)
    assert (again.extracted, again.unchanged) == (0, 5)
    assert_frame_equal(ps.load(out), first)

    changed = seeds / SEEDS[4].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年新增国家高新技术企业77家。\n", encoding="utf-8")
    third = ps.build([seeds], out=out, workers=1, progress=False)
    assert (third.extracted, third.unchanged) == (1, 4)
    now = ps.load(out)
    mine = now[now["doc"] == SEEDS[4].name]
    assert 77.0 in mine["value"].tolist()
    assert len(mine) == len(first[first["doc"] == SEEDS[4].name]) + 1  # replaced, not added twice
    assert_frame_equal(
        now[now["doc"] != SEEDS[4].name].reset_index(drop=True),
        first[first["doc"] != SEEDS[4].name].reset_index(drop=True),
    )


def test_a_rebuild_extracts_again_what_other_rules_extracted(seeds, tmp_path, monkeypatch):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    first = ps.load(out)
    index = pd.read_parquet(out / "_documents.parquet")
    assert set(index["rules"]) == {corpus.rules_fingerprint()}
    index.drop(columns="rules").to_parquet(
        out / "_documents.parquet", index=False
    )  # a dataset of a planstats before the column
    again = ps.build([seeds], out=out, workers=1, progress=False)
    assert (again.extracted, again.unchanged) == (5, 0)
    assert_frame_equal(ps.load(out), first)

    now = corpus.rules_fingerprint()
    monkeypatch.setattr(corpus, "rules_fingerprint", lambda: "other rules")  # an alias added, a newer planstats
    with pytest.warns(ps.PlanstatsWarning, match="4 document\\(s\\) of the dataset were extracted by other rules"):
        third = ps.build([seeds / SEEDS[0].name], out=out, workers=1, progress=False)
    assert (third.extracted, third.unchanged, third.stale) == (1, 0, 4)
    rules = pd.read_parquet(out / "_documents.parquet").set_index("doc")["rules"]
    assert rules[SEEDS[0].name] == "other rules" and rules[SEEDS[1].name] == now
    assert_frame_equal(ps.load(out), first)  # the rules are the same in truth: the rows too


def test_the_fingerprint_of_the_rules_changes_with_a_rule_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ps.dataset.DATA_DIR, data, ignore=shutil.ignore_patterns("raw"))
    monkeypatch.setattr(ps.dataset, "DATA_DIR", data)
    monkeypatch.setattr(ps.dataset, "BUNDLED", data / "targets.csv")
    corpus.rules_fingerprint.cache_clear()
    try:
        before = corpus.rules_fingerprint()
        (data / "targets.csv").write_text("doc\n", encoding="utf-8")  # the bundled dataset is no rule
        corpus.rules_fingerprint.cache_clear()
        assert corpus.rules_fingerprint() == before
        with open(data / "metrics.csv", "a", encoding="utf-8") as fh:
            fh.write("new_metric,New,新指标,level,count,economy,新指标,\n")
        corpus.rules_fingerprint.cache_clear()
        assert corpus.rules_fingerprint() != before
    finally:
        corpus.rules_fingerprint.cache_clear()


def test_a_rebuild_keeps_documents_it_did_not_see_and_those_that_now_fail(seeds, tmp_path):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)
    (seeds / SEEDS[1].name).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))  # now unreadable
    with pytest.warns(ps.PlanstatsWarning, match="1 document\\(s\\) could not be read"):
        report = ps.build([seeds / SEEDS[0].name, seeds / SEEDS[1].name], out=out, workers=1, progress=False)
    assert report.failures[0]["path"].endswith(SEEDS[1].name)
    assert_frame_equal(ps.load(out), before)  # nothing lost
    index = pd.read_parquet(out / "_documents.parquet").set_index("doc")["status"]
    assert index[SEEDS[1].name] == "kept" and index[SEEDS[2].name] == "unchanged"


def test_a_document_that_fails_after_it_is_read_is_reported_and_the_rest_built(seeds, tmp_path, corpus):
    bad = tmp_path / "other"
    bad.mkdir()
    shutil.copy(SEEDS[0], bad / "plan.txt")
    (bad / "manifest.csv").write_text("file,region,year\nplan.txt,乙区,twenty\n", encoding="utf-8")
    with pytest.warns(ps.PlanstatsWarning, match="1 document\\(s\\) could not be read"):
        df = ps.extract([seeds, bad], workers=1)  # the manifest is read with the title, after the text
    assert [f["error"] for f in df.attrs["failures"]] == ["DataFileError"]
    assert "manifest.csv, line 2: year 'twenty'" in df.attrs["failures"][0]["message"]
    assert_frame_equal(_canonical(df), _canonical(corpus))


def test_documents_of_the_same_name_in_different_folders_stay_apart(tmp_path):
    for county in ("甲县", "乙县"):
        (tmp_path / "plans" / county).mkdir(parents=True)
        (tmp_path / "plans" / county / "2023.txt").write_text(
            f"{county}2023年政府工作报告\n主要预期目标是：地区生产总值增长6%左右。", encoding="utf-8"
        )
    df = ps.extract([tmp_path / "plans"], workers=1)
    assert sorted(df["doc"]) == ["乙县/2023.txt", "甲县/2023.txt"]
    assert sorted(df["region"]) == ["乙县", "甲县"]


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_is_built(tmp_path, monkeypatch):
    import os

    for county in ("甲县", "乙县"):
        (tmp_path / "plans" / county).mkdir(parents=True)
        (tmp_path / "plans" / county / "2023.txt").write_text(
            f"{county}2023年政府工作报告\n主要预期目标是：地区生产总值增长6%左右。", encoding="utf-8"
        )
    (tmp_path / "plans" / "说明.md").write_text("not a plan", encoding="utf-8")
    listing = os.scandir

    def scandir(path):  # permission denied, simulated: tests run as root
        if str(path).endswith("乙县"):
            raise PermissionError(13, "Permission denied")
        return listing(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.warns(ps.PlanstatsWarning, match="乙县: this folder cannot be listed \\(Permission denied\\)"):
        df = ps.extract([tmp_path / "plans"], workers=1)
    assert sorted(df["doc"].unique()) == ["甲县/2023.txt"]


def test_load_pushes_filters_down_and_equals_filtering_in_pandas(seeds, tmp_path):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    everything = ps.load(out)
    got = ps.load(out, regions=["Xixian New Area"], years=[2023], metrics=["gdp_growth", "new_high_tech_enterprises"])
    expected = everything[
        (everything.region == "西咸新区")
        & (everything.year == 2023)
        & everything.metric.isin(["gdp_growth", "new_high_tech_enterprises"])
    ]
    assert_frame_equal(got, expected.reset_index(drop=True), check_categorical=False)
    assert len(got) > 0


def test_file_outputs_are_streamed_and_equal_the_frame(seeds, tmp_path, corpus):
    for suffix in ("csv", "jsonl", "parquet"):
        report = ps.build([seeds], out=tmp_path / f"t.{suffix}", workers=1, progress=False)
        assert report.rows == len(corpus)
        assert_frame_equal(_canonical(ps.load(tmp_path / f"t.{suffix}")), _canonical(corpus), check_categorical=False)


def test_rows_written_in_many_batches_equal_the_frame(seeds, tmp_path, corpus, monkeypatch):
    monkeypatch.setattr("planstats.corpus._BATCH_ROWS", 10)  # a write every few documents, on two workers
    for out in (tmp_path / "targets", tmp_path / "t.parquet"):
        report = ps.build([seeds], out=out, workers=2, progress=False)
        assert report.rows == len(corpus)
        assert_frame_equal(_canonical(ps.load(out)), _canonical(corpus), check_categorical=False)


def test_an_interrupted_build_leaves_the_previous_dataset_intact(seeds, tmp_path, monkeypatch):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)
    (seeds / SEEDS[0].name).write_text("新的内容 2023年工作要点\n地区生产总值增长1%。", encoding="utf-8")
    calls = []

    def stop(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    real = workers.read
    monkeypatch.setattr(workers, "read", stop)
    with pytest.raises(KeyboardInterrupt):
        ps.build([seeds], out=out, workers=1, progress=False)
    assert_frame_equal(ps.load(out), before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "targets"]  # no half-built folder left


def test_a_stop_between_the_two_renames_is_undone(seeds, tmp_path):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)
    out.rename(tmp_path / ".targets.previous")  # as if stopped right after moving the old folder aside
    assert_frame_equal(ps.load(out), before)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dask_on_a_local_cluster_gives_the_same_rows(seeds, corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        df = ps.extract([seeds], engine="dask", scheduler=cluster.scheduler_address, workers=2)
        ps.build(
            [seeds],
            out=tmp_path / "targets",
            engine="dask",
            scheduler=cluster.scheduler_address,
            workers=2,
            progress=False,
        )
    assert_frame_equal(_canonical(df), _canonical(corpus))
    assert_frame_equal(
        ps.load(tmp_path / "targets"), _canonical(corpus), check_categorical=False
    )  # rows as Arrow batches


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dask_workers_with_other_rules_are_refused_before_anything_is_written(seeds, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)
    monkeypatch.setattr(workers, "rules_fingerprint", lambda: "0123456789abcdef")  # here only: the workers keep theirs
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with pytest.raises(EngineError, match="other planstats code or rule files"):
            ps.build([seeds], out=out, engine="dask", scheduler=cluster.scheduler_address, workers=1, progress=False)
    assert_frame_equal(ps.load(out), before)


def test_dask_without_a_scheduler_uses_local_processes(seeds, corpus):
    pytest.importorskip("dask")
    df = ps.extract([seeds], engine="dask", workers=2)
    assert_frame_equal(_canonical(df), _canonical(corpus))


def test_progress_bar_shows_documents_per_second(seeds, tmp_path, capsys):
    ps.build([seeds], out=tmp_path / "t.csv", workers=1)
    err = capsys.readouterr().err
    assert "planstats build" in err and "5/5" in err and "doc/s" in err


def test_bad_arguments(seeds, tmp_path):
    with pytest.raises(ps.ArgumentError, match=r"`engine` must be one of \['local', 'dask'\], but 'spark'"):
        ps.extract([seeds], engine="spark")
    with pytest.raises(ps.ArgumentError, match="`workers` must be at least 1"):
        ps.extract([seeds], workers=-2)
    with pytest.raises(ps.ArgumentError, match=r"`out` must end in one of"):
        ps.build([seeds], out=tmp_path / "t.xlsx")
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"x")
    with pytest.raises(ps.ArgumentError, match="is not a planstats dataset folder"):
        ps.build([seeds], out=other)


def test_a_missing_main_guard_gets_an_error_that_says_so():
    err = workers._guard_error(
        RuntimeError(
            "An attempt has been made to start a new process before the current process has finished its bootstrapping "
            "phase."
        )
    )
    assert isinstance(err, ps.PlanstatsError) and '__name__ == "__main__"' in str(err)


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_a_build_on_all_cores_works_where_processes_are_spawned(seeds, tmp_path, corpus, method):
    # macOS and Windows spawn the workers (Linux forks them): they import planstats afresh and inherit nothing
    import subprocess
    import sys

    script = tmp_path / "build.py"
    script.write_text(
        "import multiprocessing, sys\nimport planstats as ps\n"
        'if __name__ == "__main__":\n'
        f"    multiprocessing.set_start_method({method!r})\n"
        "    report = ps.build([sys.argv[1]], out=sys.argv[2], workers=2, progress=False)\n"
        "    assert report.extracted == 5 and not report.failures, report\n"
        "    again = ps.build([sys.argv[1]], out=sys.argv[2], workers=2, progress=False)\n"
        "    assert (again.unchanged, again.extracted) == (5, 0), again  # the workers know the dataset's documents\n",
        encoding="utf-8",
    )
    out = tmp_path / "targets"
    subprocess.run([sys.executable, str(script), str(seeds), str(out)], check=True, timeout=120)
    assert_frame_equal(ps.load(out), _canonical(corpus), check_categorical=False)


def test_a_manifest_region_in_no_region_table_warns(tmp_path):
    (tmp_path / "a.txt").write_text("地区生产总值增长6%。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("地区生产总值增长7%。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,region,year\na.txt,西咸新去,2024\nb.txt,十堰市,2024\n", encoding="utf-8"
    )
    with pytest.warns(ps.PlanstatsWarning, match=r"manifest.csv: 1 region\(s\) are in no region table: 西咸新去\."):
        df = ps.extract([tmp_path], workers=1)
    assert sorted(df["region"].astype(str)) == ["十堰市", "西咸新去"]  # kept as written


def test_load_reads_only_the_parts_a_build_wrote(tmp_path):
    out = tmp_path / "targets"
    ps.build([SEEDS[0]], out=out, workers=1, progress=False)
    rows = len(ps.load(out))
    (part,) = out.glob("year=*/part-0.parquet")
    shutil.copy(part, part.with_name("part-0 (copy).parquet"))  # as a file manager copies
    with pytest.warns(
        ps.PlanstatsWarning, match=r"1 file\(s\) in the dataset folder are no part a build wrote.*part-0 \(copy\)"
    ):
        assert len(ps.load(out)) == rows


def test_every_state_a_stopped_build_leaves_is_recovered(seeds, tmp_path):
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    rows = len(ps.load(out))
    previous = tmp_path / ".targets.previous"
    # stopped while it removed the previous copy, after the new one was in: a part of it is left
    shutil.copytree(out, previous)
    next(previous.glob("year=*")).rename(previous / "half-removed")
    report = ps.build([seeds], out=out, workers=1, progress=False)  # failed with ENOTEMPTY before
    assert report.unchanged == 5 and not previous.exists() and len(ps.load(out)) == rows
    # stopped between the two renames: the previous copy is put back
    out.rename(previous)
    assert len(ps.load(out)) == rows and not previous.exists()


def test_a_subfolder_built_into_its_parents_dataset_is_not_counted_twice(tmp_path):
    plans = tmp_path / "plans" / "甲县"
    plans.mkdir(parents=True)
    for year in (2023, 2024):
        (plans / f"{year}.txt").write_text(f"甲县{year}年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    out = tmp_path / "targets"
    ps.build([tmp_path / "plans"], out=out, workers=1, progress=False)  # docs 甲县/2023.txt, 甲县/2024.txt
    ps.build([plans], out=out, workers=1, progress=False)  # the same files as 2023.txt, 2024.txt
    df = ps.load(out)
    assert len(df) == 2 and sorted(df["doc"]) == ["2023.txt", "2024.txt"]


def test_two_documents_of_the_same_bytes_in_two_folders_are_two_documents(tmp_path):
    # a template filed for two counties: the second counted as the first under another name, and a
    # rebuild of one folder dropped the other's rows
    plans = tmp_path / "plans"
    text = "某某县2024年工作要点\n地区生产总值增长6%。"
    for county in ("甲县", "乙县"):
        (plans / county).mkdir(parents=True)
        (plans / county / "2024.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "targets"
    ps.build([plans], out=out, workers=1, progress=False)
    assert sorted(ps.load(out)["doc"]) == ["乙县/2024.txt", "甲县/2024.txt"]
    ps.build([plans / "甲县"], out=out, workers=1, progress=False)
    assert sorted(ps.load(out)["doc"]) == ["2024.txt", "乙县/2024.txt"]


def test_documents_whose_files_are_gone_are_reported_and_kept(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("a", "b"):
        (plans / f"{name}.txt").write_text(f"{name}县2024年工作要点\n地区生产总值增长6%。", encoding="utf-8")
    out = tmp_path / "targets"
    ps.build([plans], out=out, workers=1, progress=False)
    (plans / "b.txt").unlink()
    with pytest.warns(
        ps.PlanstatsWarning, match=r"1 document\(s\) of the dataset are no longer at their paths, e.g. .*b\.txt"
    ):
        report = ps.build([plans / "a.txt"], out=out, workers=1, progress=False)
    assert report.gone == [str(plans / "b.txt")]
    index = pd.read_parquet(out / "_documents.parquet").set_index("doc")["status"]
    assert index["b.txt"] == "gone" and len(ps.load(out)) == 2


def test_dask_without_a_scheduler_runs_the_whole_build_on_one_pool(tmp_path, monkeypatch):
    """A new pool of processes for each batch of partitions made the build 3.2x slower than the
    local engine on 2,000 plans: every batch is given the same pool."""
    dask_base = pytest.importorskip("dask.base")
    for i in range(40):
        (tmp_path / f"p{i:02d}.txt").write_text(
            f"某某县2024年工作要点\n地区生产总值增长{i % 9 + 1}%。", encoding="utf-8"
        )
    pools = []
    real = dask_base.named_schedulers["processes"]

    def get(*args, pool=None, **kwargs):
        pools.append(pool)
        return real(*args, pool=pool, **kwargs)

    monkeypatch.setitem(dask_base.named_schedulers, "processes", get)
    df = ps.extract([tmp_path], engine="dask", workers=2)
    assert len(df) == 40 and len(pools) > 1
    assert pools[0] is not None and all(p is pools[0] for p in pools)


def test_a_dataset_folder_and_file_get_the_usual_permissions(seeds, tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        ps.build([seeds], out=tmp_path / "targets", workers=1, progress=False)
        ps.build([seeds], out=tmp_path / "targets.csv", workers=1, progress=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "targets").stat().st_mode) == 0o755  # mkdtemp made it 0o700
    assert stat.S_IMODE((tmp_path / "targets.csv").stat().st_mode) == 0o644


def test_a_full_disk_is_one_clear_error_and_the_previous_dataset_stays(seeds, tmp_path, monkeypatch):
    import errno

    from planstats import corpus

    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)

    def full(self, parts):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(corpus._Sink, "add_parts", full)
    changed = seeds / "000_3e3dedbcbccbc1ab.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n新增市场主体100户。", encoding="utf-8"
    )  # to be written again
    with pytest.raises(ps.OutputError, match="no space left on the disk .* the previous dataset is as it was"):
        ps.build([seeds], out=out, workers=1, progress=False)
    assert not list(tmp_path.glob(".targets.building-*")) and not (tmp_path / ".targets.lock").exists()
    pd.testing.assert_frame_equal(ps.load(out), before)


def test_a_disk_that_fills_under_the_parquet_writers_leaves_nothing_behind(seeds, tmp_path, monkeypatch):
    # the clean-up closed the writers again, which failed again: a raw OSError and .targets.building-* left
    import errno

    import pyarrow.parquet as pq

    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    before = ps.load(out)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    monkeypatch.setattr(pq.ParquetWriter, "close", full)
    changed = seeds / "000_3e3dedbcbccbc1ab.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增市场主体100户。", encoding="utf-8")
    with pytest.raises(ps.OutputError, match="no space left on the disk"):
        ps.build([seeds], out=out, workers=1, progress=False)
    monkeypatch.undo()
    assert not list(tmp_path.glob(".targets.building-*")) and not (tmp_path / ".targets.lock").exists()
    assert_frame_equal(ps.load(out), before)


@pytest.mark.parametrize("damaged", ["_documents.parquet", "part-0.parquet"])
def test_a_build_into_a_dataset_with_a_damaged_file_says_what_to_do(seeds, tmp_path, damaged):
    # pyarrow's ArrowInvalid came out raw
    out = tmp_path / "targets"
    ps.build([seeds], out=out, workers=1, progress=False)
    victim = next(out.rglob(damaged))
    victim.write_bytes(b"PAR1 not parquet at all PAR1")
    changed = seeds / "000_3e3dedbcbccbc1ab.txt"  # so that the unchanged rest is carried over from the dataset
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增市场主体100户。", encoding="utf-8")
    with pytest.raises(ps.DataFileError, match="is damaged .* Move .* aside and build into it again"):
        ps.build([seeds], out=out, workers=1, progress=False)
    assert not list(tmp_path.glob(".targets.building-*"))


def test_the_rules_fingerprint_covers_the_grammar_and_the_rule_files():
    from planstats.dataset import rule_files

    names = {name for name, _ in rule_files()}
    assert {"extract.py", "grammar/words.py", "grammar/timeline.py", "lexicon.csv", "metrics.csv"} <= names
    assert "targets.csv" not in names  # the bundled dataset is built by the rules, not one of them


@pytest.mark.parametrize("call", ["extract", "build"])
def test_the_warnings_of_a_build_point_at_the_line_that_called_it(tmp_path, call):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(RAW / "004_8503dda5db454a12.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    with pytest.warns(ps.PlanstatsWarning, match="could not be read") as caught:
        if call == "extract":
            ps.extract(folder, workers=1, progress=False)
        else:
            ps.build(folder, out=tmp_path / "targets", workers=1, progress=False)
    assert {Path(w.filename).name for w in caught} == {"test_corpus.py"}
