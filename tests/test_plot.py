"""Charts: what is drawn equals the analysis it shows; Chinese renders as glyphs (the suite
turns matplotlib's "Glyph … missing" warning into an error, see setup.cfg)."""

import io
import math
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from conftest import make_frame
from matplotlib import font_manager

import planstats as ps


@pytest.fixture(scope="module")
def data():
    return ps.load()


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _render(ax, fmt="png"):
    buf = io.BytesIO()
    ax.figure.savefig(buf, format=fmt)
    return buf.getvalue()


def _bars(ax):
    return [p for p in ax.patches if type(p).__name__ == "Rectangle" and p.get_height() != 0]


def test_missing_glyphs_fail_the_suite():
    fig, ax = plt.subplots()
    ax.set_title("地区生产总值", fontfamily="DejaVu Sans")
    with pytest.raises(UserWarning, match="Glyph"):
        fig.savefig(io.BytesIO(), format="png")


def test_compare_bars_equal_the_comparison(data):
    ax = ps.plot.compare(data, "gdp_growth")
    expected = ps.targets(data, "gdp_growth")
    assert sorted(round(b.get_height(), 6) for b in _bars(ax)) == sorted(expected["value"].round(6))
    labels = {t.get_text() for t in ax.texts}
    assert {"≈12", "≥20", "8–10", "≈6", "15"} <= labels
    hatched = [b for b in _bars(ax) if b.get_hatch()]
    assert sorted(b.get_height() for b in hatched) == sorted(expected.loc[expected.qualifier == "approx", "value"])
    assert any(line.get_marker() == "^" for line in ax.lines)  # the floor of 2023
    assert ax.get_ylabel() == "GDP growth (%)"
    assert any("Source: 西咸新区2022年工作要点" in t.get_text() for t in ax.figure.texts)
    _render(ax)


def test_compare_in_chinese_renders_glyphs(data):
    ax = ps.plot.compare(data, "gdp_growth", lang="zh")
    assert "西咸新区 (功能区)" in [t.get_text() for t in ax.get_xticklabels()]  # with its level: zones and a county
    for fmt in ("png", "svg", "pdf"):
        assert _render(ax, fmt)


def test_plots_do_not_change_global_settings(data):
    before = dict(matplotlib.rcParams)
    ps.plot.heatmap(data, lang="zh")
    ps.plot.trajectory(data, "gdp_growth", lang="zh")
    after = dict(matplotlib.rcParams)
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}


def test_trajectory_leaves_a_gap_for_a_year_without_a_plan():
    df = make_frame(dict(year=2021, value=8.0), dict(year=2023, value=10.0), dict(region="B", year=2022, value=7.0))
    ax = ps.plot.trajectory(df, "gdp_growth")
    line = next(line for line in ax.lines if line.get_label() == "A")
    assert list(line.get_xdata()) == [2021, 2022, 2023]
    y = line.get_ydata()
    assert y[0] == 8.0 and math.isnan(y[1]) and y[2] == 10.0


def test_heatmap_scales_each_metric_and_shows_real_values():
    df = make_frame(
        dict(region="A", value=8.0),
        dict(region="B", value=12.0, qualifier="at_least"),
        dict(region="A", metric="new_high_tech_enterprises", kind="level", unit="家", value=300.0, verb="新增"),
        dict(region="B", metric="new_high_tech_enterprises", kind="level", unit="家", value=100.0, verb="新增"),
    )
    ax = ps.plot.heatmap(df, year=2022)
    mesh = ax.collections[0]
    scaled = np.ma.filled(mesh.get_array(), np.nan).reshape(2, 2)
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert columns == ["GDP growth (%)", "New national high-tech enterprises (家)"]
    assert scaled.tolist() == [[0.0, 1.0], [1.0, 0.0]]  # rows A, B: lowest 0, highest 1 per metric
    assert sorted(t.get_text() for t in ax.texts) == ["100", "300", "8", "≥12"]


def test_yoy_in_points_for_rates_and_percent_for_levels(data):
    ax = ps.plot.yoy(data, "gdp_growth")
    assert [b.get_height() for b in _bars(ax)] == ps.yoy(data, "gdp_growth")["change"].tolist() == [8.0]
    assert ax.get_ylabel() == "GDP growth (change, pp)"
    ax = ps.plot.yoy(data, "new_high_tech_enterprises")
    assert [round(b.get_height(), 4) for b in _bars(ax)] == [round(350 / 300 * 100, 4)]


def test_plots_draw_on_a_given_axes(data):
    fig, axes = plt.subplots(1, 2)
    assert ps.plot.compare(data, "gdp_growth", ax=axes[0]) is axes[0]
    assert ps.plot.yoy(data, "gdp_growth", ax=axes[1]) is axes[1]


def test_empty_plot_says_so():
    ax = ps.plot.compare(make_frame(dict(value=8.0)), "cpi_growth")
    assert [t.get_text() for t in ax.texts] == ["no cpi_growth targets"]


def test_save_writes_each_format_atomically(data, tmp_path):
    ax = ps.plot.compare(data, "gdp_growth")
    paths = ps.plot.save(ax, tmp_path / "gdp.png", formats=["svg", "pdf"])
    assert [p.name for p in paths] == ["gdp.png", "gdp.svg", "gdp.pdf"]
    assert paths[0].read_bytes()[:4] == b"\x89PNG" and paths[2].read_bytes()[:4] == b"%PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gdp.pdf", "gdp.png", "gdp.svg"]
    with pytest.raises(ps.ArgumentError, match=r"must be one of \['png', 'svg', 'pdf'\], but 'jpg'"):
        ps.plot.save(ax, tmp_path / "gdp.jpg")


def test_a_system_cjk_font_is_preferred(monkeypatch):
    fake = font_manager.FontEntry(fname="/nonexistent/wqy.ttc", name="WenQuanYi Micro Hei")
    others = [f for f in font_manager.fontManager.ttflist if f.name not in ps.plot.SYSTEM_CJK]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [*others, fake])
    assert ps.plot.cjk_font.__wrapped__() == "WenQuanYi Micro Hei"


def _no_cjk_font_but_planstats_own(monkeypatch):
    import importlib.util

    monkeypatch.setattr(
        font_manager.fontManager,
        "ttflist",
        [f for f in font_manager.fontManager.ttflist if f.name not in ps.plot.SYSTEM_CJK],
    )
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # no mpl-font


def test_without_a_cjk_font_charts_draw_with_the_subset_planstats_carries(monkeypatch):
    """mpl-font (69 MB) is an extra now: a machine with neither it nor a system CJK font draws with the
    subset in planstats/data/fonts, which has every character of the region tables (no Glyph warning:
    the suite makes those errors)."""
    _no_cjk_font_but_planstats_own(monkeypatch)
    assert ps.plot.cjk_font.__wrapped__() == "Planstats Sans CJK"
    monkeypatch.setattr("planstats.chartstyle.cjk_font", ps.plot.cjk_font.__wrapped__)
    from planstats.chartstyle import _families

    assert _families()[1] == "Planstats Sans CJK"  # what every chart below draws its Chinese with
    data = ps.load()
    charts = [
        lambda: ps.plot.compare(data, "gdp_growth", lang="zh"),
        lambda: ps.plot.trajectory(data, "gdp_growth", lang="zh"),
        lambda: ps.plot.yoy(data, "gdp_growth", lang="zh"),
        lambda: ps.plot.heatmap(data, lang="zh"),
    ]
    for chart in charts:
        ax = chart()
        ax.figure.canvas.draw()
        plt.close(ax.figure)
    assert ps.plot.BUNDLED_FONT.stat().st_size < 5_000_000
    setup = (Path(__file__).resolve().parent.parent / "setup.cfg").read_text(encoding="utf-8")
    assert "mpl-font" not in setup.split("[options.extras_require]")[0]


def test_without_even_its_own_font_the_error_says_what_to_install(monkeypatch, tmp_path):
    _no_cjk_font_but_planstats_own(monkeypatch)
    monkeypatch.setattr("planstats.chartstyle.BUNDLED_FONT", tmp_path / "gone.otf")
    with pytest.raises(ps.plot.FontError, match=r"reinstall planstats.*fonts-noto-cjk.*planstats\[fonts\]"):
        ps.plot.cjk_font.__wrapped__()


def test_style_keeps_what_a_backend_set_up_inside_it():
    """Jupyter's backend turns interactive mode on with the first figure of a kernel; if the style
    put it back off, every later chart of the kernel went unshown."""
    import matplotlib as mpl

    before = mpl.is_interactive()
    try:
        mpl.interactive(False)
        with ps.plot.style():
            mpl.interactive(True)  # what ipykernel's backend does when the first figure is made
            assert mpl.rcParams["axes.spines.top"] is False  # the style holds inside
        assert mpl.is_interactive() and mpl.rcParams["axes.spines.top"] is True
    finally:
        mpl.interactive(before)


def _many(n=30):
    """``n`` regions of made-up names (no English name), two plan years, every qualifier, and a conflict."""
    rows = []
    for i in range(n):
        for j, y in enumerate((2022, 2023)):
            q = ("exact", "approx", "at_least", "range", "at_most")[(i + j) % 5]
            row = dict(
                region=f"第{i:02d}县",
                year=y,
                value=4 + (i * 7 + j * 3) % 9,
                qualifier=q,
                start=i * 100 + j * 10,
                end=i * 100 + j * 10 + 5,
            )
            rows.append({**row, "value_high": row["value"] + 1.5} if q == "range" else row)
    rows.append(dict(region="第00县", year=2022, value=3.0, section="body", start=60, end=65))
    return make_frame(*rows)


def _overlapping(labels):
    """Pairs of tick labels whose boxes overlap, once drawn."""
    boxes = [t.get_window_extent() for t in labels if t.get_text()]
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]


def test_thirty_regions_stay_legible():
    df = _many()
    ax = ps.plot.compare(df, "gdp_growth")
    ax.figure.canvas.draw()
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert (
        len(names) == 30 and names[0] != names[-1] and _overlapping(ax.get_yticklabels()) == []
    )  # horizontal, one line each
    cells = ps.targets(df, "gdp_growth")
    assert len(ax.texts) == len(cells)  # every bar labelled, as the tables write it
    assert any(t.get_text().endswith("†") for t in ax.texts)  # the conflict of 第00县 2022
    assert "† other values in the same document" in [t.get_text() for t in ax.get_legend().get_texts()]
    ax = ps.plot.yoy(df, "gdp_growth")
    ax.figure.canvas.draw()
    assert len(ax.get_yticklabels()) == 30 and _overlapping(ax.get_yticklabels()) == []
    assert all("→" in t.get_text() for t in ax.texts)  # both targets with their qualifiers: ≈12 → ≥20: +8 pp
    ax = ps.plot.trajectory(df, "gdp_growth")
    assert len(ax.get_legend().get_texts()) == ps.plot.TOP
    note = ax.figure.texts[-1].get_text().replace("\n", " ")
    assert "the 20 other regions" in note and all(
        f"第{i:02d}县" in note or f"第{i:02d}县" in [t.get_text() for t in ax.get_legend().get_texts()]
        for i in range(30)
    )


def test_a_chart_does_not_mix_english_and_chinese_names(data):
    import pandas as pd

    df = pd.concat([data, ps.extract_text("主要预期目标是：地区生产总值增长6%。", region="涪城区", year=2022)])
    ticks = [t.get_text() for t in ps.plot.compare(df, "gdp_growth").get_xticklabels()]
    assert "涪城区 (county)" in ticks and "西咸新区 (zone)" in ticks  # all as written, with their level
    assert not any("Xixian" in t for t in ticks)
    ticks = [t.get_text().replace("\n", " ") for t in ps.plot.compare(data, "gdp_growth").get_xticklabels()]
    assert "Xixian New Area (zone)" in ticks  # every region has an English name: all in English


def test_the_gallery_draws_every_chart(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gallery", ps.__file__.replace("planstats/__init__.py", "scripts/gallery.py")
    )
    gallery = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gallery)
    gallery.main(["-o", str(tmp_path)])
    drawn = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(drawn) == 8 and all((tmp_path / n).stat().st_size > 10_000 for n in drawn)
    assert all(f"({n})" in (tmp_path / "README.md").read_text(encoding="utf-8") for n in drawn)


def test_trajectory_labels_of_equal_values_do_not_print_over_each_other_and_show_conflicts():
    df = make_frame(
        dict(region="甲县", value=12.0),
        dict(region="乙县", value=12.0, qualifier="approx", qualifier_text="左右"),
        dict(region="甲县", value=8.0, section="body", start=50, end=55),
    )
    ax = ps.plot.trajectory(df, "gdp_growth")
    ax.figure.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.texts]
    assert sorted(t.get_text() for t in ax.texts) == ["12†", "≈12"] and not boxes[0].overlaps(boxes[1])
    assert "† other values in the same document." in ax.figure.texts[-1].get_text()


def test_import_planstats_does_not_import_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys, planstats; assert 'matplotlib' not in sys.modules; "
        "planstats.plot.compare; assert 'matplotlib' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ps.__file__.rsplit("/planstats/", 1)[0])


@pytest.mark.parametrize("range_as, how", [("mid", "midpoint"), ("high", "upper end")])
def test_every_chart_notes_how_its_values_read_and_the_level_of_each_region(range_as, how):
    df = make_frame(
        dict(region="未央区", value=8.0, value_high=10.0, qualifier="range"),
        dict(region="西咸新区", value=6.0, qualifier="at_least"),
        dict(region="未央区", year=2023, value=7.0),
        dict(region="西咸新区", year=2023, value=7.5),
    )
    charts = [
        ps.plot.compare(df, "gdp_growth", range_as=range_as),
        ps.plot.trajectory(df, "gdp_growth", range_as=range_as),
        ps.plot.heatmap(df, year=2022, min_regions=1, range_as=range_as),
        ps.plot.yoy(df, "gdp_growth", range_as=range_as),
    ]
    for ax in charts:
        note = " ".join(t.get_text() for t in ax.figure.texts).replace("\n", " ")
        assert f"Values: a range by its {how} (range_as='{range_as}')" in note
        assert "≥, ≤ and ≈ at the number stated" in note
        plt.close(ax.figure)
    bars = sorted(b.get_height() for b in _bars(ps.plot.compare(df, "gdp_growth", year=2022, range_as=range_as)))
    assert bars == sorted([6.0, {"mid": 9.0, "high": 10.0}[range_as]])
    ticks = [t.get_text().replace("\n", " ") for t in ps.plot.compare(df, "gdp_growth").get_xticklabels()]
    assert sorted(ticks) == ["未央区 (county)", "西咸新区 (zone)"]  # levels mixed: each with its own
    one_level = make_frame(dict(region="西咸新区"), dict(region="西安高新区", value=9.0))
    ticks = [t.get_text().replace("\n", " ") for t in ps.plot.compare(one_level, "gdp_growth").get_xticklabels()]
    assert "Xixian New Area" in ticks  # one level: no cue needed
