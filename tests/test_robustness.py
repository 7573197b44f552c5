"""Robustness: adversarial text is processed in linear time; bad files, interrupted builds."""

import os
import signal
import subprocess
import sys
import time
import warnings

import pandas as pd
import pytest

import planstats as ps
from conftest import ROOT, SEEDS

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


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text_takes_time_linear_in_its_size(name, ordinary_seconds):
    # a quadratic step takes minutes here; the bound is a generous ratio, not seconds
    assert _seconds(ADVERSARIAL[name]) < 20 * ordinary_seconds + 0.5


def test_a_huge_number_is_set_aside_not_made_infinite():
    df, rejects = ps.extract_text("地区生产总值增长" + "9" * 400 + "%。", region="A", year=2023, with_rejects=True)
    assert df.empty
    assert "too large" in rejects["reason"].iloc[0]
