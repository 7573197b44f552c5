"""Formatted views, exports with citations, BibTeX."""

import io
import re
import warnings

import pandas as pd
import pytest
from conftest import make_frame

import planstats as ps


@pytest.fixture(scope="module")
def data():
    return ps.load()


def _source_text(data):
    return {r.raw: (r.doc, r.start, r.end) for r in data.itertuples()}


def test_formatted_cells_read_as_written():
    df = make_frame(
        dict(region="A", value=15.0, qualifier="at_least"),
        dict(region="B", value=12.0, qualifier="approx"),
        dict(region="C", value=8.0, value_high=10.0, qualifier="range"),
        dict(region="D", value=4.0, qualifier="at_most"),
        dict(region="E", value=1200.0),
    )
    t = ps.compare(df, "gdp_growth")
    assert ps.formatted(t)[2022].tolist() == ["≥15", "≈12", "8–10", "≤4", "1,200"]
    assert t[2022].tolist() == [15.0, 12.0, 9.0, 4.0, 1200.0]  # the numbers stay numbers


@pytest.mark.filterwarnings("ignore:compare. 1 region-year-metric cell:planstats.PlanstatsWarning")  # on purpose
def test_formatted_marks_conflicts():
    df = make_frame(dict(value=12.0), dict(value=13.0, section="body", start=90, end=95))
    assert ps.formatted(ps.compare(df, "gdp_growth")).loc["A", 2022] == "12†"


def test_formatted_long_result_uses_english_labels_by_default(data):
    y = ps.formatted(ps.yoy(data, "gdp_growth"))
    assert y[["region", "metric", "value_from", "value_to", "change"]].values.tolist() == [
        ["Xixian New Area", "GDP growth", "≈12", "≥20", "8"]
    ]
    assert ps.formatted(ps.yoy(data, "gdp_growth"), lang="zh")["region"].tolist() == ["西咸新区"]


def test_markdown_cites_every_number(data):
    t = ps.compare(data, ["gdp_growth", "new_high_tech_enterprises"], year=2023)
    text = ps.table(t)
    notes = re.findall(r"^(\d+)\. (\S+), chars (\d+)–(\d+): “(.+)”$", text, flags=re.M)
    assert len(notes) == 2 and re.search(r"≥20 \[1\]\s*\|\s*≥650 \[2\]", text)
    raw_text = {p.name: p.read_text(encoding="utf-8") for p in __import__("conftest").SEEDS}
    for _, doc, start, end, raw in notes:
        assert raw_text[doc][int(start) : int(end)] == raw


def test_markdown_without_citations(data):
    text = ps.table(ps.compare(data, "gdp_growth"), cite=False)
    assert "Sources" not in text and re.search(r"≈12\s+\|", text)


def test_latex_is_booktabs_with_escaped_text(data):
    text = ps.table(ps.compare(data, "gdp_growth"), format="latex")
    assert r"\toprule" in text and r"\midrule" in text and r"\bottomrule" in text
    assert r"\ensuremath{\approx}12\textsuperscript{" in text and r"8\textendash{}10" in text
    assert r"12\%左右" in text  # the raw text of a source, escaped


def test_csv_is_long_with_sources(data):
    text = ps.table(ps.compare(data, "gdp_growth"), format="csv")
    back = pd.read_csv(io.StringIO(text))
    assert len(back) == 5 and {"region", "year", "value", "qualifier", "doc", "raw", "start", "end"} <= set(
        back.columns
    )
    row = back[(back.region == "Xixian New Area") & (back.year == 2023)].iloc[0]
    assert (row.value, row.qualifier, row.raw) == (20.0, "at_least", "GDP增长20%以上")


def test_stata_export_has_variable_and_value_labels(data, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pandas warns when it renames a column Stata cannot take
        path = ps.export(ps.compare(data, "gdp_growth"), tmp_path / "gdp.dta")
    with pd.io.stata.StataReader(path) as reader:
        frame = reader.read()
        variables = reader.variable_labels()
        values = reader.value_labels()
    assert (
        len(frame) == 5 and variables["qualifier"] == "Qualifier" and variables["span_end"].startswith("End of source")
    )
    assert "approx" in values["qualifier"].values() and "growth" in values["kind"].values()
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_by_suffix_and_refuses_unknown(data, tmp_path):
    t = ps.compare(data, "gdp_growth")
    assert ps.export(t, tmp_path / "t.md").read_text(encoding="utf-8").startswith("Targets: GDP growth (%)")
    assert r"\begin{tabular}" in ps.export(t, tmp_path / "t.tex").read_text(encoding="utf-8")
    with pytest.raises(ps.ArgumentError, match=r"cannot tell the format from the suffix '.ods'"):
        ps.export(t, tmp_path / "t.ods")


def test_cite_gives_bibtex_for_the_documents_behind_a_result(data):
    bib = ps.cite(ps.yoy(data, "gdp_growth"))
    assert len(re.findall(r"@misc{plan\d", bib)) == 2
    assert "title = {{西咸新区2022年工作要点}}" in bib and "author = {{西咸新区管委会}}" in bib
    sha = data.loc[data.doc == "000_3e3dedbcbccbc1ab.txt", "doc_sha256"].iloc[0]
    assert f"SHA-256 {sha}" in bib and "year = {2023}" in bib


def test_cite_without_a_manifest_invents_nothing_and_warns():
    """Before: title {甲县2025年工作计划 (jia.txt)} and author {甲县}, neither of which the document says."""
    df = ps.extract_text("甲县2025年政府工作报告\n主要预期目标是：地区生产总值增长6%左右。", doc="jia.txt")
    with pytest.warns(
        ps.PlanstatsWarning, match=r"cite: 1 document\(s\) have no title or issuer in a manifest: jia.txt"
    ):
        bib = ps.cite(df)
    jia = bib.split("@misc{planstats,")[0]
    assert "title = {{jia.txt}}" in jia and "author" not in jia and "year = {2025}" in jia


PLAN = "{title}\n\n主要预期目标是：地区生产总值增长{gdp}%左右。\n"


@pytest.mark.parametrize("as_folder", [False, True])
def test_cite_reads_the_manifest_of_the_users_own_corpus(tmp_path, as_folder):
    corpus = tmp_path / "corpus" / "涪城区"
    corpus.mkdir(parents=True)
    (corpus / "2019.txt").write_text(PLAN.format(title="涪城区2019年政府工作报告", gdp=8), encoding="utf-8")
    # a file of the same name as one of the bundled sample, but another document: not the sample's title
    (corpus / "000_3e3dedbcbccbc1ab.txt").write_text(
        PLAN.format(title="涪城区2020年政府工作报告", gdp=7), encoding="utf-8"
    )
    (corpus / "manifest.csv").write_text(
        "file,region,year,title,issuer,url\n2019.txt,涪城区,2019,涪城区2019年政府工作报告,绵阳市涪城区人民政府,http://example.org/2019\n",
        encoding="utf-8",
    )
    if as_folder:
        ps.build([tmp_path / "corpus"], out=tmp_path / "out", progress=False)
        df = ps.load(tmp_path / "out")
    else:
        df = ps.extract([tmp_path / "corpus"], progress=False)
    with pytest.warns(
        ps.PlanstatsWarning, match=r"1 document\(s\) have no title.*涪城区/000_3e3dedbcbccbc1ab.txt"
    ) as caught:
        bib = ps.cite(ps.compare(df, "gdp_growth"))  # the table knows where its documents were built
    assert len(caught) == 1
    assert "title = {{涪城区2019年政府工作报告}}" in bib and "author = {{绵阳市涪城区人民政府}}" in bib
    assert "url = {http://example.org/2019}" in bib
    assert "西咸新区" not in bib and r"title = {{涪城区/000\_3e3dedbcbccbc1ab.txt}}" in bib


@pytest.mark.filterwarnings("ignore:compare. 1 region-year-metric cell:planstats.PlanstatsWarning")  # on purpose
def test_tables_have_a_legend_of_their_marks_and_right_aligned_numbers():
    df = make_frame(
        dict(region="甲县", value=6.0, qualifier="approx", qualifier_text="左右"),
        dict(region="甲县", value=7.0, section="body", start=500, end=510),  # another value: a conflict (†)
        dict(region="乙县", value=8.0, value_high=10.0, qualifier="range"),
        dict(region="丙县", value=5.0, qualifier="at_most", qualifier_text="以内"),
    )
    result = ps.compare(df, "gdp_growth")
    latex = ps.table(result, format="latex")
    assert r"\begin{tabular}{lr}" in latex  # the region left, the numbers right
    legend = next(line for line in latex.splitlines() if "approximately" in line)
    assert all(
        mark in legend
        for mark in (
            r"\ensuremath{\leq} at most",
            r"\ensuremath{\approx} approximately",
            r"\textendash{} a range",
            r"\textdagger{} the document states",
        )
    )
    assert r"\geq" not in legend  # only the marks the table uses
    markdown = ps.table(result)
    assert "|:---------|---------:|" in markdown
    assert (
        "≤ at most (以内, 不超过); ≈ approximately (左右); – a range" in markdown
        and "† the document states" in markdown
    )


def test_cite_ends_with_planstats_itself_its_version_and_rules():
    from planstats.corpus import rules_fingerprint

    bib = ps.cite(ps.compare(ps.load(), "gdp_growth", year=2022))
    software = bib.split("@misc{planstats,")[1]
    assert f"version = {{{ps.__version__}}}" in software and f"rules fingerprint {rules_fingerprint()}" in software
    assert "author = {{The planstats authors}}" in software and "@software" not in bib


def _frames_of_ones_own(data: pd.DataFrame) -> dict[str, pd.DataFrame]:
    return {
        "pivot_table": data.pivot_table(index="region", columns="year", values="value", aggfunc="mean", observed=True),
        "concat of rows": pd.concat([ps.compare(data, "gdp_growth"), ps.compare(data, "fiscal_revenue_growth")]),
        "concat of columns": pd.concat(
            [ps.compare(data, "gdp_growth", year=2023), ps.compare(data, "fiscal_revenue_growth", year=2023)], axis=1
        ),
    }


@pytest.mark.parametrize("fmt", ["markdown", "latex", "csv"])
def test_table_and_formatted_take_frames_planstats_did_not_make(data, fmt):
    for name, frame in _frames_of_ones_own(data).items():
        text = ps.table(frame, format=fmt)
        assert "Xixian New Area" in text, name
        view = ps.formatted(frame)
        assert view.shape == frame.shape and view.to_numpy().ravel().tolist().count("") == frame.isna().sum().sum()
    pivot = ps.formatted(_frames_of_ones_own(data)["pivot_table"])
    assert pivot.loc["Xi'an High-tech Industries Development Zone", 2021] == "1,058"


def test_a_table_of_regions_of_several_levels_gives_each_its_level():
    from conftest import make_frame

    df = make_frame(
        dict(region="未央区", value=7.0), dict(region="西咸新区", value=8.0), dict(region="陕西省", value=5.5)
    )
    text = ps.table(ps.compare(df, "gdp_growth"))
    assert (
        "| 未央区 (county)" in text and "| Xixian New Area (zone)" in text and "| Shaanxi Province (province)" in text
    )
    assert "regions of several levels (province, county, zone)" in text
    latex = ps.table(ps.compare(df, "gdp_growth"), format="latex")
    assert "未央区 (county)" in latex
    one = ps.table(ps.compare(df[df["region"] != "未央区"].iloc[:1], "gdp_growth"))
    assert "(zone)" not in one and "several levels" not in one
    assert ps.rank(df, "gdp_growth")["level"].astype(str).tolist() == ["zone", "county", "province"]
