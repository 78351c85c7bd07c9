"""The synthetic corpus of bench/app.py: the seed pages with every date moved, read like the seeds."""
from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from documents.readers import read_documents

BENCH = Path(__file__).resolve().parents[2] / "bench" / "app.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_app", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_app"] = module   # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_app"]


@pytest.mark.parametrize(("text", "days", "expected"), [
    ("December 23, 1920 “…If", 40, "February 1, 1921 “…If"),
    ("Tiflis. 7 August 1920", 40, "Tiflis. 16 September 1920"),
    ("On the 10th day of August 1920, the", 3, "On the 13th day of August 1920, the"),
    ("Early January 1921", 40, "Early February 1921"),
    ("No. 12, Moscow, March 1, 1921", 0, "No. 12, Moscow, March 1, 1921"),
    ("the year 1920 and page 1920", 40, "the year 1920 and page 1920"),
])
def test_shift_dates(bench, text, days, expected):
    assert bench.shift_dates(text, days) == expected


def test_the_synthetic_corpus_holds_the_seed_documents_shifted(bench, tmp_path):
    copies = bench.synthetic_corpus(tmp_path, 44, step_days=10)
    assert copies == 2
    seeds = read_documents(bench.SEEDS).documents
    shifted = read_documents(sorted(tmp_path.glob("syn00001-*"))).documents
    assert len(shifted) == len(seeds)
    for seed, copy in zip(seeds, shifted, strict=True):
        assert copy.date.earliest == seed.date.earliest + timedelta(days=10) or copy.date.precision != "day"
        assert copy.date.earliest > date(1920, 1, 1)
    assert len({d.id for d in read_documents(sorted(tmp_path.iterdir())).documents}) == 2 * len(seeds)
