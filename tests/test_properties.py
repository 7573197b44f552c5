"""Arbitrary text: the extractor returns a valid frame or raises a PlanstatsError, and every span cites its raw text."""

import csv
import math
import os
import warnings

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planstats as ps

pytestmark = pytest.mark.slow  # run by make test, left out of make test-lowest

SEED_TEXT = SEEDS[0].read_text(encoding="utf-8")[:1500]
PIECES = st.sampled_from(
    list("0123456789%.-—、，,；。：:（）()“”以上左右万亿元家个增长下降分别其中新增IO①２０％\n ")
) | st.sampled_from(
    [
        "增长",
        "以上",
        "分别",
        "其中",
        "控制在",
        "以内",
        "不少于",
        "主要预期目标是：",
        "个百分点",
        "2022年",
        "亿元",
        "萬",
        "増長",
        "九点五",
        "两点三",
    ]
)


def _check(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ps.PlanstatsWarning)
        df = ps.extract_text(text, region="测试区", year=2023)
    ps.validate(df)
    for r in df.itertuples(index=False):
        assert text[r.start : r.end] == r.raw
        assert math.isfinite(r.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_target_like_noise(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text):
    _check(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED_TEXT) - 1), st.sampled_from(["", "、", "%", "2", "增长", "\n3、"])),
        max_size=8,
    )
)
def test_mutated_seed(edits):
    text = SEED_TEXT
    for pos, insert in sorted(edits, reverse=True):
        text = text[:pos] + insert + text[pos + 1 :]
    _check(text)


_FULL_WIDTH = str.maketrans({**{c: chr(ord(c) + 0xFEE0) for c in "0123456789"}, "%": "％"})
MUTATIONS = st.sampled_from(["delete", "duplicate", "traditional", "full_width", "markup"])
MARKUP = ["<p>", "</p>", "&nbsp;", "**", "<br/>", "\u200b", "\ufeff", "\r\n", "\t"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(MUTATIONS, st.integers(0, len(SEED_TEXT) - 1), st.integers(1, 40), st.sampled_from(MARKUP)),
        max_size=6,
    )
)
def test_seed_with_deletions_duplications_mixed_scripts_full_width_and_markup(edits):
    import opencc

    from planstats.read.script import _t2s  # noqa: F401 - OpenCC is loaded either way

    to_traditional = opencc.OpenCC("s2t")
    text = SEED_TEXT
    for kind, pos, length, markup in edits:
        pos = min(pos, len(text))
        piece = text[pos : pos + length]
        if kind == "delete":
            text = text[:pos] + text[pos + length :]
        elif kind == "duplicate":
            text = text[:pos] + piece + piece + text[pos + length :]
        elif kind == "traditional":
            text = text[:pos] + to_traditional.convert(piece) + text[pos + length :]
        elif kind == "full_width":
            text = text[:pos] + piece.translate(_FULL_WIDTH) + text[pos + length :]
        else:
            text = text[:pos] + markup + text[pos:]
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_raise_a_document_error(data):
    from planstats.read.decode import decode

    try:
        text, _ = decode(data, "x.txt")
    except ps.DocumentError:
        return
    assert isinstance(text, str)
    _check(text)


# ---------------------------------------------------------------------------------------
# fuzz: text, region, year and manifest values; nothing but a PlanstatsError may come out.
# Seeded and short here (FUZZ_EXAMPLES, default 300); the long run of issue 52 is
#   PLANSTATS_FUZZ=20000 .venv/bin/python -m pytest tests/test_properties.py -k fuzz -p no:cacheprovider

FUZZ_EXAMPLES = int(os.environ.get("PLANSTATS_FUZZ", "300"))
ANY_TEXT = st.tuples(  # a target first, often: a region or year only reaches the frame with a row
    st.sampled_from(["", "地区生产总值增长6%。", "2024年主要目标：城乡居民人均可支配收入分别增长6%、7%。"]),
    st.text(max_size=120) | st.lists(PIECES, max_size=40).map("".join),
).map("".join)
ODD_TEXT = st.lists(  # lone surrogates (st.text never makes them), NUL and controls too
    st.characters() | st.sampled_from(["\ud9a1", "\udc80", "\x00", "\n", ",", '"']), max_size=12
).map("".join)
YEARS = st.none() | st.integers(2000, 2030) | st.integers(-(10**6), 10**6) | st.floats() | st.booleans() | ODD_TEXT


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=ANY_TEXT, region=st.none() | ODD_TEXT, year=YEARS)
def test_fuzz_extract_text_raises_only_planstats_errors(text, region, year):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            df = ps.extract_text(text, region=region, year=year)
    except ps.PlanstatsError:
        return
    ps.validate(df)
    assert all(text[r.start : r.end] == r.raw for r in df.itertuples(index=False))


@settings(
    max_examples=max(10, FUZZ_EXAMPLES // 30), deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(text=ANY_TEXT, region=ODD_TEXT, year=ODD_TEXT, name=ODD_TEXT)
def test_fuzz_a_manifest_raises_only_planstats_errors(tmp_path_factory, text, region, year, name):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "plan.txt").write_text(
        "某某县2024年工作要点\n" + text.encode("utf-8", "replace").decode(), encoding="utf-8"
    )
    with open(folder / "manifest.csv", "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
        csv.writer(f).writerows([["file", "region", "year"], ["plan.txt", region, year], [name, region, year]])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ps.extract(folder / "plan.txt")
            ps.build([folder], out=folder / "out.csv", workers=1, progress=False)
    except ps.PlanstatsError:
        pass
