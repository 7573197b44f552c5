"""Arbitrary text: the extractor returns a valid frame or raises a PlanstatsError, and every span cites its raw text."""

import math
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planstats as ps
from conftest import SEEDS

SEED_TEXT = SEEDS[0].read_text(encoding="utf-8")[:1500]
PIECES = st.sampled_from(list("0123456789%.-—、，,；。：:（）()“”以上左右万亿元家个增长下降分别其中新增IO①２０％\n ")) | st.sampled_from(
    ["增长", "以上", "分别", "其中", "控制在", "以内", "不少于", "主要预期目标是：", "个百分点", "2022年", "亿元", "萬", "増長"]
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
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT) - 1), st.sampled_from(["", "、", "%", "2", "增长", "\n3、"])), max_size=8))
def test_mutated_seed(edits):
    text = SEED_TEXT
    for pos, insert in sorted(edits, reverse=True):
        text = text[:pos] + insert + text[pos + 1 :]
    _check(text)
