import io
import subprocess
import sys
import json

import pandas as pd
import pytest
from conftest import SEEDS

import planstats as ps
from planstats.cli import main


def test_extract_prints_csv(capsys):
    assert main(["extract", str(SEEDS[4])]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "doc,region,region_code,region_id,province,prefecture,region_match,year,record,section,metric"
    )
    assert "urban_unemployment_rate" in out


def test_extract_jsonl_and_rejects(tmp_path, capsys):
    rejects = tmp_path / "rejects.csv"
    assert main(["extract", str(SEEDS[0]), "--format", "jsonl", "--rejects", str(rejects)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["metric"] == "gdp_growth" and rows[0]["raw"] == "GDP增长12%左右"
    assert set(pd.read_csv(rejects).columns) == {"doc", "start", "end", "raw", "reason"}


def test_build_writes_parquet(tmp_path, capsys):
    out = tmp_path / "targets.parquet"
    assert main(["build", str(SEEDS[0].parent), "-o", str(out)]) == 0
    assert "5 documents" in capsys.readouterr().err
    assert ps.load(out)["doc"].nunique() == 5


def test_build_into_a_folder_then_rebuild(tmp_path, capsys):
    out = tmp_path / "targets"
    assert main(["build", str(SEEDS[0].parent), "-o", str(out), "--workers", "2"]) == 0
    assert "5 documents (5 extracted, 0 unchanged, 0 failed)" in capsys.readouterr().err
    assert main(["build", str(SEEDS[0].parent), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "(0 extracted, 5 unchanged, 0 failed)" in err and "doc/s]" not in err
    assert ps.load(out, years=2021)["region"].nunique() == 2


def test_errors_exit_non_zero_with_a_message(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt: no such file" in capsys.readouterr().err
    assert main(["extract", str(SEEDS[0]), "--format", "parquet"]) == 2
    assert "give an output file" in capsys.readouterr().err


def test_metrics_and_show(capsys):
    assert main(["metrics"]) == 0
    assert "gdp_growth" in capsys.readouterr().out
    assert main(["show", "--section", "headline", "--metric", "gdp_growth"]) == 0
    assert capsys.readouterr().out.count("gdp_growth") == 5


def test_compare_prints_a_cited_markdown_table(capsys):
    assert main(["compare", "--metric", "gdp_growth"]) == 0
    out = capsys.readouterr().out
    assert "| Xixian New Area" in out and "≥20 [" in out and "Sources:" in out


def test_compare_metrics_for_a_year_as_csv(capsys):
    assert (
        main(
            [
                "compare",
                "--metric",
                "gdp_growth",
                "--metric",
                "new_high_tech_enterprises",
                "--year",
                "2023",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    back = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert back[["metric", "value"]].values.tolist() == [["gdp_growth", 20.0], ["new_high_tech_enterprises", 650.0]]


def test_yoy_latex_and_coverage(capsys):
    assert main(["yoy", "--metric", "new_high_tech_enterprises", "--format", "latex"]) == 0
    assert r"\toprule" in capsys.readouterr().out
    assert main(["coverage", "--metric", "gdp_growth", "--format", "csv"]) == 0
    back = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert set(back["status"]) == {"extracted", "no_document"}


def test_attainment_with_an_actuals_file(tmp_path, capsys):
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("region,year,metric,value\n西咸新区,2022,gdp_growth,11.6\n", encoding="utf-8")
    out = tmp_path / "attainment.csv"
    assert (
        main(["attainment", "--actuals", str(actuals), "--metric", "gdp_growth", "--approx-as", "band", "-o", str(out)])
        == 0
    )
    back = pd.read_csv(out)
    row = back[(back.region == "Xixian New Area") & (back.year == 2022)].iloc[0]
    assert (row.actual, row.met) == (11.6, True)


def test_unknown_metric_exits_with_a_suggestion(capsys):
    assert main(["compare", "--metric", "gdp_grwth"]) == 2
    assert "Did you mean 'gdp_growth'" in capsys.readouterr().err


def test_report_writes_tables_charts_and_bibtex(tmp_path, capsys):
    assert main(["report", "-o", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "| Xixian New Area" in readme and "≥20" in readme
    for link in __import__("re").findall(r"\]\(((?:charts|tables)/[^)]+)\)", readme):
        assert (out / link).stat().st_size > 0, link
    assert (out / "charts" / "compare_gdp_growth.png").read_bytes()[:4] == b"\x89PNG"
    yoy = (out / "tables" / "yoy.md").read_text(encoding="utf-8")
    assert "source_from" in yoy and "000_3e3dedbcbccbc1ab.txt: “GDP增长12%左右”" in yoy
    assert (out / "sources.bib").read_text(encoding="utf-8").count("@misc{plan2") == 5  # and planstats itself
    assert "report written to" in capsys.readouterr().err
    assert not list(out.rglob(".*.tmp"))


def test_report_of_a_dataset_with_metric_ids_it_does_not_know(tmp_path, capsys):
    # a dataset built by a newer taxonomy (or edited by hand): its rows are reported, the ids named once
    df = ps.load()
    df["metric"] = df["metric"].astype(object)
    first_targets = df[df["record"] == "target"].groupby("doc", observed=True).head(1).index  # one in each document
    df.loc[first_targets, "metric"] = "a_metric_of_a_newer_taxonomy"
    with pytest.warns(ps.PlanstatsWarning):
        ps.write(df, tmp_path / "t.csv")
    assert main(["report", "--data", str(tmp_path / "t.csv"), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "'a_metric_of_a_newer_taxonomy'" in err and "Traceback" not in err
    assert (tmp_path / "out" / "README.md").stat().st_size > 0


def test_build_says_what_the_api_warns_of_and_refuses_an_empty_or_missing_folder(tmp_path, capsys):
    from planstats.cli import main

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "untitled.txt").write_text("地区生产总值增长6%。", encoding="utf-8")
    assert main(["build", str(plans), "-o", str(tmp_path / "targets"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert (
        "1 documents (1 extracted" in err and "planstats: warning: 1 document(s) have no region or no plan year" in err
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["build", str(empty), "-o", str(tmp_path / "t2"), "--no-progress"]) == 2
    assert "no documents to build in" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "missing"), "-o", str(tmp_path / "t3"), "--no-progress"]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not (tmp_path / "t2").exists() and not (tmp_path / "t3").exists()


def test_version_and_exit_status_of_a_wrong_flag(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"planstats {ps.__version__}\n"
    with pytest.raises(SystemExit) as done:
        main(["compare", "--metric", "gdp_growth", "--format", "xlsx"])
    assert done.value.code == 2


def _corpus_with_a_bad_file(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "good.txt").write_text(SEEDS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (plans / "broken.docx").write_bytes(b"not a zip file")
    return plans


def test_a_build_or_extract_where_documents_failed_exits_1_unless_keep_going(tmp_path, capsys):
    plans = _corpus_with_a_bad_file(tmp_path)
    assert main(["build", str(plans), "-o", str(tmp_path / "t1")]) == 1
    err = capsys.readouterr().err
    assert "1 failed" in err and "broken.docx" in err and "1 document(s) could not be read" in err
    assert ps.load(tmp_path / "t1")["doc"].unique().tolist() == ["good.txt"]  # what could be read is kept
    assert main(["build", str(plans), "-o", str(tmp_path / "t2"), "--keep-going"]) == 0
    files = [str(plans / "good.txt"), str(plans / "broken.docx")]
    assert main(["extract", *files]) == 1
    assert main(["extract", *files, "--keep-going"]) == 0
    assert main(["extract", str(plans / "broken.docx"), "--keep-going"]) == 1  # nothing read at all


def test_progress_only_on_a_terminal_and_quiet_prints_nothing(tmp_path, capsys):
    assert main(["build", str(SEEDS[0].parent), "-o", str(tmp_path / "t")]) == 0  # stderr is not a terminal here
    err = capsys.readouterr().err
    assert "5 documents" in err and "doc/s]" not in err and "\r" not in err
    assert main(["-q", "build", str(SEEDS[0].parent), "-o", str(tmp_path / "t")]) == 0
    assert main(["compare", "--metric", "gdp_growth", "-o", str(tmp_path / "t.md"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_ctrl_c_exits_130_without_a_traceback(monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("planstats.cli.build", interrupted)
    assert main(["build", str(SEEDS[0].parent), "-o", "unused"]) == 130
    assert capsys.readouterr().err == "planstats: interrupted\n"


def test_ctrl_c_while_the_command_starts_gives_one_line(tmp_path):
    # the console script is the program; the interrupt comes while its imports run, before main() catches it
    script = tmp_path / "planstats"
    script.write_text("import planstats\nraise KeyboardInterrupt\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert done.stderr == "planstats: interrupted\n"
    assert done.returncode in (130, -2)  # ended by SIGINT, as the shell expects


def test_ctrl_c_in_a_program_that_imports_planstats_keeps_its_traceback(tmp_path):
    script = tmp_path / "analysis.py"
    script.write_text("import planstats\nraise KeyboardInterrupt\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert "Traceback" in done.stderr and "planstats: interrupted" not in done.stderr


def test_a_closed_pipe_ends_the_command_quietly():
    done = subprocess.Popen(
        [sys.executable, "-m", "planstats.cli", "show"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    done.stdout.close()  # as `| head` does once it has its lines
    err = done.stderr.read().decode()
    assert done.wait() == 141 and err == ""


def test_warnings_are_one_line_each_and_messages_name_flags(tmp_path, capsys):
    untitled = tmp_path / "untitled.txt"
    untitled.write_text("地区生产总值增长6%。\n", encoding="utf-8")
    assert main(["extract", str(untitled)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err and all(line.startswith("planstats: warning: ") for line in err), err
    assert "region=" not in "".join(err)
    undecodable = tmp_path / "gbk.txt"
    undecodable.write_bytes("某某县2024年工作要点".encode("gbk") + b"\xff\xfe\x80" * 50)
    assert main(["extract", str(undecodable)]) == 1
    err = capsys.readouterr().err
    assert "--lenient" in err and "lenient=True" not in err
    assert main(["extract", str(undecodable), "--lenient"]) == 0
    assert main(["compare", "--metric", "gdp_growth", "-o", str(tmp_path / "t.ods")]) == 2
    err = capsys.readouterr().err
    assert "--format" in err and "format=" not in err


def test_verbose_names_the_cause_of_an_error(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text('doc,region\n"unclosed\n', encoding="utf-8")
    assert main(["show", "--data", str(bad)]) == 1
    quiet = capsys.readouterr().err
    assert main(["show", "--data", str(bad), "-v"]) == 1
    verbose = capsys.readouterr().err
    assert verbose.startswith(quiet) and "caused by" in verbose and "caused by" not in quiet


def test_build_takes_a_size_limit_and_a_time_limit(tmp_path, capsys):
    from planstats.cli import main

    out = tmp_path / "targets.csv"
    # a limit of a few bytes: every plan is too large, so every document fails, and the build says so
    assert main(["build", str(SEEDS[0]), "-o", str(out), "--size-limit", "0.00001", "--no-progress"]) == 1
    assert "more than the size limit of a document (10 bytes)" in capsys.readouterr().err
    assert main(["build", str(SEEDS[0]), "-o", str(out), "--time-limit", "0", "--size-limit", "0"]) == 0


def test_compare_takes_the_reading_of_ranges_and_says_it(capsys):
    assert main(["compare", "--metric", "gdp_growth", "--range-as", "low", "--no-cite"]) == 0
    out = capsys.readouterr().out
    assert "8–10 |" in out and "values: a range counts by its lower end (range_as='low')" in out
    assert main(["yoy", "--metric", "gdp_growth", "--no-cite"]) == 0
    assert "a range counts by its midpoint (range_as='mid')" in capsys.readouterr().out
