import codecs
import os
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from conftest import RAW, SEEDS, wrap

import planstats as ps
from planstats.errors import DocumentError, PlanstatsError
from planstats.read import read
from planstats.read.decode import decode
from planstats.read.html import html_text
from planstats.read.normalize import normalize
from planstats.read.script import half_width, to_simplified

TEXT = "西咸新区2022年工作要点\n主要预期目标是：GDP增长12%左右。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decode_detects_the_encoding(data, encoding):
    assert decode(data) == (TEXT, encoding)


TRADITIONAL = "西安高新區2021年工作要點\n主要預期目標是：地區生產總值增長8%左右，規模以上工業增加值增長10%。"


def test_big5_is_told_from_gb18030_though_its_bytes_decode_as_both():
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # no error: garbage characters, had GB18030 been taken
    assert decode(data) == (TRADITIONAL, "big5hkscs")
    assert decode(TRADITIONAL.encode("gb18030")) == (TRADITIONAL, "gb18030")


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("“十四五”末，高", "gb18030"),  # a few characters: charset-normalizer took Big5
        ("第一、二、三产业增加值分别增长3%、8%和7%，一产、二产、", "gb18030"),
        ("西鹹新區2022", "big5hkscs"),  # and GB18030 for these
        ("技術攻關項目40", "big5hkscs"),
        ("料工程研究中心等", "big5hkscs"),  # as GB18030: 祘╯いみ单, kana and box drawing
    ],
)
def test_a_short_text_is_told_by_the_characters_of_plans(text, encoding):
    assert decode(text.encode(encoding)) == (text, encoding)


def test_a_big5_plan_is_extracted_like_its_utf8_copy(tmp_path):
    text = TRADITIONAL + "全年新增高新技術企業300家以上。"
    (tmp_path / "big5.txt").write_bytes(text.encode("big5"))
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    big5, utf8 = (ps.extract(tmp_path / f) for f in ("big5.txt", "utf8.txt"))
    assert len(utf8) == 3 and big5.drop(columns=["doc", "doc_sha256"]).equals(
        utf8.drop(columns=["doc", "doc_sha256"])
    )  # the hash is of the bytes


def test_empty_binary_and_undecodable_input_name_the_file():
    with pytest.raises(DocumentError, match=r"a\.txt: the file is empty"):
        decode(b"  \n", "a.txt")
    with pytest.raises(DocumentError, match=r"b\.txt: this is a PNG image"):
        decode(b"\x89PNG\r\n\x1a\n" + bytes(100), "b.txt")
    bad = "增长8%".encode("utf-8") + b"\xff\xfe\xfd" + "以上".encode("utf-8")
    with pytest.raises(DocumentError, match=r"c\.txt: undecodable bytes at byte 8"):
        decode(bad, "c.txt")
    text, enc = decode(bad, "c.txt", lenient=True)
    assert text.startswith("增长8%") and text.endswith("以上") and "\ufffd" in text


def test_errors_are_planstats_errors_and_os_errors(tmp_path):
    with pytest.raises(DocumentError) as info:
        read(tmp_path / "missing.txt")
    assert isinstance(info.value, PlanstatsError) and isinstance(info.value, OSError)
    assert "missing.txt: no such file" in str(info.value)
    with pytest.raises(DocumentError, match="is a directory"):
        read(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, encoding="utf-8")
    p.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        read(p)


def test_docx_is_read_and_a_truncated_one_is_reported(tmp_path):
    import docx

    d = docx.Document()
    for line in TEXT.splitlines():
        d.add_paragraph(line)
    path = tmp_path / "plan.docx"
    d.save(path)
    assert read(path).text == TEXT
    broken = tmp_path / "broken.docx"
    broken.write_bytes(path.read_bytes()[:300])
    with pytest.raises(DocumentError, match=r"broken\.docx: not a readable \.docx"):
        read(broken)


def test_a_docx_table_is_read_in_its_place_a_row_a_line(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("主要预期目标")
    table = d.add_table(rows=2, cols=3)
    for i, row in enumerate([["指标", "单位", "2024年目标"], ["地区生产总值\n增长", "%", "6左右"]]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph("二、重点工作")
    path = tmp_path / "plan.docx"
    d.save(path)
    assert read(path).text == "主要预期目标\n指标\t单位\t2024年目标\n地区生产总值 增长\t%\t6左右\n二、重点工作"


PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>西咸新区2022年工作要点</title><script>var w = "50%";</script><style>p{width:100%}</style></head>
<body><div class="info">发布时间：2022-02-05&nbsp;&nbsp;浏览次数：1523</div>
<p>主要预期目标是：GDP增长<span>12%</span>左右，一般公共预算收入增长
8%。</p><p>新增高新技术企业50家&nbsp;，<br>城镇新增就业1万人。</p>
<table><tr><th>指标</th><th>单位</th><th>目标</th></tr><tr><td>固定资产投资增速</td><td>%</td><td>10</td></tr></table>
</body></html>"""
PAGE_TEXT = (
    "西咸新区2022年工作要点\n发布时间：2022-02-05 浏览次数：1523\n主要预期目标是：GDP增长12%左右，一般公共预算收入增长 "
    "8%。\n"
    "新增高新技术企业50家 ，\n城镇新增就业1万人。\n指标\t单位\t目标\n固定资产投资增速\t%\t10"
)


# A table as Word writes it into a page: each cell a paragraph, a header of two rows (rowspan, colspan), an empty cell.
WORD_TABLE = """<html><head><meta charset="utf-8"><title>某某区2024年国民经济和社会发展计划</title></head><body>
<p>附表</p><table border=1><tr><td colspan="6"><p>2024年主要指标</p></td></tr>
<tr><td rowspan="2"><p><span>指标</span></p></td><td rowspan=2><p>单位</p></td><td colspan="2"><p>2023年</p></td><td
colspan="2"><p>2024年</p></td></tr>
<tr><td><p>完成</p></td><td><p>增长%</p></td><td><p>目标</p></td><td><p>增长%</p></td></tr>
<tr><td><p>地区生产</p><p>总值</p></td><td><p>亿元</p></td><td><p>500</p></td><td><p>5.2</p></td><td><p>530</p></td><td><p>6左右</p></td></tr>
<tr><td><p>城镇新增就业</p></td><td><p>人</p></td><td></td><td></td><td><p>5000</p></td><td></td></tr>
</table></body></html>"""


def test_a_table_of_a_page_as_word_writes_it_is_read_as_rows_of_cells():
    text, _ = html_text(WORD_TABLE.encode())
    assert text.splitlines()[2:] == [
        "2024年主要指标",  # a cell across the whole row: a caption, once
        # a merged cell in each position it covers, as python-docx gives it
        "指标\t单位\t2023年\t2023年\t2024年\t2024年",
        "指标\t单位\t完成\t增长%\t目标\t增长%",
        "地区生产 总值\t亿元\t500\t5.2\t530\t6左右",  # the paragraphs of a cell: one cell
        "城镇新增就业\t人\t\t\t5000\t",  # an empty cell is a cell: 5000 is the 2024 target
    ]
    df = ps.extract_text(text)
    assert set(df["section"]) == {"headline"}  # 主要指标 in the caption marks the main targets
    assert df[["record", "year", "metric", "value"]].values.tolist() == [
        ["result", 2023, "gdp", 500.0],
        ["result", 2023, "gdp_growth", 5.2],
        ["target", 2024, "gdp", 530.0],
        ["target", 2024, "gdp_growth", 6.0],
        ["target", 2024, "new_urban_jobs", 5000.0],
    ]


def test_a_docx_caption_merged_across_its_table_is_one_line(tmp_path):
    import docx

    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for i, row in enumerate([["", "", ""], ["指标", "单位", "2024年目标"], ["地区生产总值增长", "%", "6左右"]]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    table.cell(0, 0).merge(table.cell(0, 2)).text = "2024年主要预期目标"
    d.save(tmp_path / "plan.docx")
    assert read(tmp_path / "plan.docx").text.splitlines()[0] == "2024年主要预期目标"


def test_text_laid_out_in_the_cells_of_a_page_stays_lines():
    page = (
        "<html><body><table><tr><td><a>首页</a></td><td><a>政务公开</a></td></tr><tr><td colspan=2><table><tr><td>"
        "<h2>某某县2024年政府工作要点</h2><p>主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。</p>"
        "<table><tr><td><p>指标</p></td><td><p>单位</p></td><td><p>2024年目标</p></td></tr><tr><td>新增规上工业企业</td><td>家</td><td>20</td></tr></table>"
        "<p>新建5G基站300个。</p></td></tr></table></td></tr></table></body></html>"
    )
    assert html_text(page.encode())[0].splitlines() == [
        "首页\t政务公开",
        "某某县2024年政府工作要点",
        "主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。",
        "指标\t单位\t2024年目标",
        "新增规上工业企业\t家\t20",
        "新建5G基站300个。",
    ]


@pytest.mark.parametrize("name", ["plan.html", "plan.htm", "plan.shtml", "plan.txt"])  # a page saved as .txt too
def test_a_web_page_is_read_as_a_browser_shows_it(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PAGE.encode("gb18030"))  # the charset its <meta> declares
    doc = read(path)
    assert (doc.text, doc.encoding) == (PAGE_TEXT, "gb18030")
    df = ps.extract(path)
    assert (df["region"].iloc[0], int(df["year"].iloc[0])) == ("西咸新区", 2022)  # from the <title>
    assert df["raw"].tolist() == [
        "GDP增长12%左右",
        "一般公共预算收入增长 8%",
        "新增高新技术企业50家",
        "城镇新增就业1万人",
        "固定资产投资增速\t%\t10",
    ]
    assert all(doc.text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


def test_the_byte_order_mark_of_a_page_is_no_text():
    page = codecs.BOM_UTF8 + PAGE.replace("gb2312", "utf-8").encode("utf-8")
    assert html_text(page) == (PAGE_TEXT, "utf-8")


def test_a_page_whose_charset_lies_is_decoded_as_a_text_and_a_corpus_reads_pages(tmp_path):
    (tmp_path / "a.html").write_bytes(PAGE.replace("gb2312", "utf-8").encode("gb18030"))
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    assert read(tmp_path / "a.html").text == PAGE_TEXT
    df = ps.extract([tmp_path])
    assert sorted(set(df["doc"])) == ["a.html", "b.txt"]


def test_the_title_of_a_page_below_its_menus_names_the_region(tmp_path):
    menus = "".join(
        f"<div><a>{m}</a></div>" for m in ["首页", "政务公开", "政务服务", "互动交流", "走进某某", "专题专栏"]
    )
    page = (
        "<html><head><title>某某县人民政府门户网站</title></head><body>"
        + menus
        + "<div>当前位置：首页 &gt; 通知公告</div>"
        "<p>学习《某某市2024年工作要点》，抓好落实。</p><h1>关于印发某某县2024年政府工作要点的通知</h1>"
        "<p>主要预期目标是：地区生产总值增长6%左右。</p></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    df = ps.extract(path)
    # not the site (its <title>), nor a plan named in a sentence (某某市): the title on a line of its own
    assert (df["region"].iloc[0], int(df["year"].iloc[0])) == ("某某县", 2024)
    assert df["metric"].tolist() == ["gdp_growth"]


PDF = Path(__file__).parent / "fixtures" / "plan.pdf"  # two pages, hard-wrapped, made with reportlab's STSong-Light


def test_a_pdf_is_read_from_its_text_layer_and_its_wrapped_lines_joined():
    doc = read(PDF)
    assert doc.encoding == "pdf" and doc.text.splitlines()[0] == "某某区2024年政府工作要点"
    df = ps.extract(PDF)
    assert (df["region"].iloc[0], int(df["year"].iloc[0])) == ("某某区", 2024)
    got = list(zip(df["metric"], df["value"], df["unit"], strict=False))
    assert got[:3] == [
        ("gdp_growth", 6.0, "%"),
        ("fiscal_revenue_growth", 5.0, "%"),
        ("fixed_asset_investment_growth", 8.0, "%"),
    ]
    assert ("new_urban_jobs", 1.2, "万人") in got  # 城镇新增就 | 业1.2万人: a line of the page ends inside the word
    assert ("grain_output", 50.0, "万吨") in got  # 50万 | — 1 — | 吨以上: a sentence carried over to the next page
    assert all(doc.text[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False))


# The same plan printed to PDF by LibreOffice 7.4 from the .docx beside it (made with python-docx,
# traditional script, font AR PL UMing, a page number in the footer): a ruled table of targets whose
# names wrap within their cells, and whose third row the page break cuts (固定資產 | — 2 — | 投資).
TABLE_PDF = Path(__file__).parent / "fixtures" / "targets_table.pdf"


def test_a_ruled_table_of_a_pdf_is_read_as_rows_of_cells():
    doc = read(TABLE_PDF)
    rows = [line.split("\t") for line in doc.text.splitlines() if "\t" in line]
    assert rows[0] == ["序號", "指標名稱", "單位", "2023年完 成", "2024年目 標", "屬性"]
    assert rows[3] == ["3", "固定資產投資", "億元", "30.5", "33", "預期性"]  # made whole over the page break
    assert len(rows) == 13 and all(len(r) == 6 for r in rows)
    key = ["record", "year", "section", "metric", "kind", "value", "unit", "qualifier"]
    pdf, docx = ps.extract(TABLE_PDF), ps.extract(TABLE_PDF.with_suffix(".docx"))
    assert len(pdf) > 20 and pdf[key].astype(str).values.tolist() == docx[key].astype(str).values.tolist()
    assert all(doc.text[s:e] == raw for s, e, raw in zip(pdf["start"], pdf["end"], pdf["raw"], strict=False))


# The same kind of plan, printed by LibreOffice 7.4 from the .docx beside it (python-docx's default
# table style: no borders): names and headers that wrap within their columns, headings of groups of
# rows, and a table that goes on over the next page, the page break cutting a row (固定资产投 | 资增长);
# a third page opens with lines of no punctuation (三、主要任务和工作举措), in no table.
BORDERLESS_PDF = Path(__file__).parent / "fixtures" / "borderless_table.pdf"


def test_a_table_with_no_rules_of_a_pdf_is_read_as_rows_of_cells():
    doc = read(BORDERLESS_PDF)
    rows = [line.split("\t") for line in doc.text.splitlines() if "\t" in line]
    assert rows[0] == ["序号", "指标", "单位", "2023年完成", "2024年目标", "属性"]  # 2023年完 / 成: one cell
    assert rows[1] == ["", "一、经济发展", "", "", "", ""]  # a heading of a group of rows is no rest of the header
    assert rows[3] == ["2", "规模以上工业增加值增长", "%", "7", "8", "预期性"]  # 规模以上工 / 业增加值增 / 长
    assert rows[6] == ["5", "固定资产投资增长", "%", "5", "6", "预期性"]  # made whole over the page break
    assert len(rows) == 12 and all(len(r) == 6 for r in rows)
    assert (
        "\n成全年各项目标任务。\n三、主要任务和工作举措\n" in doc.text
    )  # the prose after it stays prose, and the headings after that
    key = ["record", "year", "section", "metric", "kind", "value", "unit", "qualifier"]
    pdf, docx = ps.extract(BORDERLESS_PDF), ps.extract(BORDERLESS_PDF.with_suffix(".docx"))
    # 41 figures, of which two main targets the prose after the table states again: one row each
    assert len(pdf) == 39 and pdf[key].astype(str).values.tolist() == docx[key].astype(str).values.tolist()
    assert ps.rejects(pdf)["reason"].str.startswith("restates").sum() == 2
    assert all(doc.text[s:e] == raw for s, e, raw in zip(pdf["start"], pdf["end"], pdf["raw"], strict=False))


def test_a_page_number_between_two_rows_of_a_table_leaves_them_two_rows():
    rows = (
        "指标\t单位\t2023年完成\t2024年目标\n全社会固定资产投资增长率（%）\t%\t8.5\t8\n— 2 —\n"
        "社会消费品零售总额增长率\t%\t6.5\t7\n"
    )
    assert normalize(rows).text.splitlines()[1:] == [
        "全社会固定资产投资增长率(%)\t%\t8.5\t8",
        "社会消费品零售总额增长率\t%\t6.5\t7",
    ]
    df = ps.extract_text("某某县2024年工作要点\n" + rows, year=2024)
    assert df.loc[df["record"] == "target", "metric"].tolist() == [
        "fixed_asset_investment_growth",
        "retail_sales_growth",
    ]


def test_a_merged_cell_of_a_pdf_table_fills_every_column_and_row_it_covers():
    # a header of two rows printed by LibreOffice: 指标 and 单位 across both, 2023年 and 2024年 across two columns each
    doc = read(Path(__file__).parent / "fixtures" / "merged_header.pdf")
    rows = [line.split("\t") for line in doc.text.splitlines() if "\t" in line]
    assert rows[:2] == [
        ["指标", "单位", "2023年", "2023年", "2024年", "2024年"],
        ["指标", "单位", "完成", "增长%", "目标", "增长%"],
    ]
    df = ps.extract(Path(__file__).parent / "fixtures" / "merged_header.pdf")
    assert df.loc[df["metric"] == "gdp_growth", ["record", "year", "value"]].values.tolist() == [
        ["result", 2023, 5.2],
        ["target", 2024, 6.0],
    ]


@pytest.mark.parametrize(
    "first, whole",
    [
        (["", "投资", "", "", ""], True),  # the rest of the name: 固定资产 | — 2 — | 投资
        (["", "二、社会发展", "", "", ""], False),  # the heading of a group of rows
        (["4", "新增就业", "人", "", "5000"], False),  # a row of its own
    ],
)
def test_a_row_of_a_pdf_table_cut_by_the_page_break_is_made_whole(first, whole):
    from planstats.read.pdf import _cut_row

    last = ["3", "固定资产", "亿元", "30.5", "33"]
    before, after = (
        [(700.0, list(last)), (780.0, "— 2 —")],
        [(60.0, first), (80.0, ["5", "城镇新增就业", "人", "60", "63"])],
    )
    assert _cut_row(before, after) is whole
    assert before[0][1] == ([a + b for a, b in zip(last, first, strict=False)] if whole else last)


def test_a_pdf_whose_tables_cannot_be_read_keeps_its_text(monkeypatch):
    import pdfplumber

    def broken(*args, **kwargs):
        raise ValueError("bad xref")

    monkeypatch.setattr(pdfplumber, "open", broken)
    with pytest.warns(
        ps.PlanstatsWarning,
        match=r"targets_table\.pdf: the tables of the PDF could not be read \(ValueError: bad xref\)",
    ):
        text = read(TABLE_PDF).text
    assert "\t" not in text and "固定資產" in text


def test_a_pdf_without_text_encrypted_or_truncated_is_reported(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a scan: pages with no text layer
    writer.write(tmp_path / "scan.pdf")
    with pytest.raises(DocumentError, match=r"scan\.pdf: the PDF has no text layer .*OCR"):
        read(tmp_path / "scan.pdf")
    locked = pypdf.PdfWriter(clone_from=PDF)
    locked.encrypt("secret", algorithm="RC4-128")
    locked.write(tmp_path / "locked.pdf")
    with pytest.raises(DocumentError, match=r"locked\.pdf: the PDF is encrypted with a password"):
        read(tmp_path / "locked.pdf")
    opened = pypdf.PdfWriter(clone_from=PDF)
    opened.encrypt("", owner_password="owner", algorithm="RC4-128")  # restricted, but no password to open it
    opened.write(tmp_path / "restricted.pdf")
    assert read(tmp_path / "restricted.pdf").text == read(PDF).text
    (tmp_path / "broken.pdf").write_bytes(PDF.read_bytes()[:400])
    with pytest.raises(DocumentError, match=r"broken\.pdf: not a readable PDF"):
        read(tmp_path / "broken.pdf")
    (tmp_path / "good.pdf").write_bytes(PDF.read_bytes())
    with pytest.warns(ps.PlanstatsWarning, match="3 document"):  # a build goes on past bad PDFs, and says so
        report = ps.build([tmp_path], out=tmp_path / "targets.csv", progress=False)
    assert set(pd.read_csv(report.path)["doc"]) == {"good.pdf", "restricted.pdf"}
    assert sorted(Path(f["path"]).name for f in report.failures) == ["broken.pdf", "locked.pdf", "scan.pdf"]


def test_to_simplified_keeps_length():
    trad = "規模以上工業增加值增長20%以上；技術契約交易額實現470億元"
    simp = to_simplified(trad)
    assert len(simp) == len(trad)
    assert simp.startswith("规模以上工业增加值增长")


def test_half_width_is_nfkc_of_the_full_width_forms_and_nothing_else():
    every = (
        "".join(chr(c) for c in range(0x2000, 0x10000) if not 0xD800 <= c < 0xE000) + "\ud800"
    )  # a lone surrogate too
    expected = "".join(
        unicodedata.normalize("NFKC", ch) if 0xFF01 <= ord(ch) <= 0xFF5E else " " if ch == "\u3000" else ch
        for ch in every
    )
    assert half_width(every) == expected
    assert half_width("②ＧＤＰ") == "②GDP" and half_width("") == ""


def test_normalize_maps_every_character_back():
    text = "累计建成投用IIOO万平米以上，使用率达到７０％o下一句\n2、乡村振\n3、兴和民生\n4、福祉"
    text = "页面说明。\n1、" + text
    norm = normalize(text)
    assert "1100万平米" in norm.text and "70%。" in norm.text and "乡村振兴" in norm.text
    assert len(norm.src) == len(norm.text)
    for i, ch in enumerate(norm.text):
        orig = text[norm.src[i]]
        assert orig == ch or (orig, ch) in {
            ("I", "1"),
            ("O", "0"),
            ("o", "。"),
            ("７", "7"),
            ("０", "0"),
            ("％", "%"),
            ("，", ","),
        }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工业增加值增长2.l%，", "工业增加值增长2.1%，"),  # a letter in the decimal part
        ("增长l.5%，投资3O.5亿元", "增长1.5%，投资30.5亿元"),
        ("工业4.O版本", "工业4.0版本"),
        ("PM2.5浓度，实施III期工程，v1.l版", "PM2.5浓度，实施III期工程，v1.l版"),  # no number with a slip
    ],
)
def test_ocr_slips_in_a_decimal_number_are_repaired(text, expected):
    assert normalize(text).text == half_width(expected)


def test_spaces_between_chinese_words_and_numbers_go_but_not_between_latin_ones():
    norm = normalize("地区生产总值增长 6.5% 左右，增长 8 %，PM 2.5 浓度，2023 2024")
    assert norm.text == "地区生产总值增长6.5%左右,增长8%,PM 2.5浓度,2023 2024"
    assert [norm.src[i] for i in range(8, 12)] == [9, 10, 11, 12]


@pytest.mark.parametrize("columns", [60, 72])
def test_the_lines_of_a_hard_wrapped_plan_are_joined_again(columns):
    text = (RAW / "000_3e3dedbcbccbc1ab.txt").read_text(encoding="utf-8")
    wrapped = wrap(text, columns)
    assert wrapped.count("\n") > text.count("\n") * 2
    assert normalize(wrapped).text == normalize(text).text


@pytest.mark.parametrize("page", ["— {} —", "-{}-", "第{}页", "第 {} 页 共 40 页"])
def test_the_numbers_of_pages_between_the_lines_of_a_wrapped_plan_go(page):
    text = (RAW / "000_3e3dedbcbccbc1ab.txt").read_text(encoding="utf-8")
    lines = wrap(text, 60).split("\n")
    for n, at in enumerate(range(len(lines) - 10, 0, -10)):  # a page every ten lines, inside sentences and between them
        lines[at:at] = ["", "  " + page.format(n + 2), ""]
    paged = "\n".join(lines)
    lines_of = lambda t: [line for line in normalize(t).text.split("\n") if line]  # noqa: E731 (blank lines may go)
    assert lines_of(paged) == lines_of(text)
    df = ps.extract_text(paged)
    assert len(df) == len(ps.extract_text(text)) and all(
        paged[s:e] == raw for s, e, raw in zip(df["start"], df["end"], df["raw"], strict=False)
    )


def test_a_text_of_paragraphs_keeps_its_line_breaks():
    items = [
        "地区生产总值增长6%左右，规上工业增加值增长8%以上",
        "新增规上工业企业20家，完成固定资产投资100亿元以上，新建5G基站300个",
        "实施重点项目80个，其中新开工项目30个",
        "城镇新增就业5000人以上，城镇调查失业率控制在5.5%以内，居民收入增长与经济增长同步",
        "森林覆盖率达到45%，空气质量优良天数比例达到85%",
        "新增国家高新技术企业30家、科技型中小企业100家",
    ]
    text = "\n".join(["二、主要目标", *items, "三、重点工作"])  # paragraphs that end with no full stop, of any length
    assert normalize(text).text.count("\n") == text.count("\n")
    short = "\n".join(
        f"新增规上工业企业{n}家，完成固定资产投资{n}亿元以上" for n in range(10, 20)
    )  # as wide, but no full line
    assert normalize(short).text.count("\n") == short.count("\n")
    assert normalize("\n".join(items[:3])).text.count("\n") == 2  # too few long lines to tell


def test_numbered_lists_are_not_taken_for_page_markers():
    text = "工作如下:\n1、新增企业10家。\n2、新增项目5个。\n3、完成投资8亿元。"
    assert normalize(text).text == text


def test_permission_denied_names_the_file_even_when_run_as_root(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text(TEXT, encoding="utf-8")
    real = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(p):
            raise PermissionError(13, "Permission denied", str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(DocumentError, match=r"secret\.txt: permission denied; make the file readable"):
        read(p)


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_of_mostly_chinese_text_is_recognised(enc):
    """Chinese text in UTF-16 has NUL bytes only for its ASCII characters: too few to tell it by
    them. It was decoded as GB18030, into garbage."""
    text = SEEDS[0].read_text(encoding="utf-8")[:400]
    assert decode(text.encode(enc)) == (text, enc)
    short = "主要预期目标是：地区生产总值增长6%左右，城镇新增就业1万人。"
    assert decode(short.encode(enc)) == (short, enc)


def test_gb18030_of_even_length_is_not_taken_for_utf16():
    text = SEEDS[1].read_text(encoding="utf-8")[:400]
    data = text.encode("gb18030")
    data = data if len(data) % 2 == 0 else data + b" "
    assert decode(data)[1] == "gb18030"
