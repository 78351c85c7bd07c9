"""The whole analysis of a text (dates, places, movements) does work linear in its length.

Work is counted, not timed: the lines of our own code the interpreter runs (loops inside
comprehensions included), module by module. A text four times as long may cost at most
about four times as much in every module; a stage that, say, looked through every date
found before each year-less date (as documents/dates.py once did) costs 6.7 times as much
here, and the test fails.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from gazetteer.movements.patterns import MAX_SENTENCE
from mapapp.analysis.pipeline import analyse_text

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = tuple(str(ROOT / name) for name in ("documents", "gazetteer", "mapapp"))
TIMES = 4
MAX_RATIO = TIMES * 1.1
MIN_LINES = 300   # modules that run fewer lines than this on the short text are fixed costs


@pytest.fixture(scope="module")
def textgen():
    """bench/textgen.py: corpus paragraphs between sentences of places and year-less dates."""
    spec = importlib.util.spec_from_file_location("bench_textgen", ROOT / "bench" / "textgen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def lines_run(text: str, gazetteer) -> Counter:
    """Return how many lines of our code each module runs while analysing `text`."""
    counts: Counter = Counter()

    def tracer(frame, event, arg):
        name = frame.f_code.co_filename
        if name.startswith(PACKAGES):
            counts[name] += 1
            return tracer
        return None   # the standard library and other packages are not ours to count

    sys.settrace(tracer)
    try:
        analyse_text(text, gazetteer=gazetteer)
    finally:
        sys.settrace(None)
    return counts


@pytest.mark.parametrize("punctuated", [True, False], ids=["prose", "no-sentence-ends"])
def test_the_analysis_does_linear_work(textgen, full_gazetteer, punctuated):
    """Also on a text without a full stop (a list, a table, a page of notes), which the movement
    finder cuts into pieces of MAX_SENTENCE characters: several of them, so that the pieces of
    the longer text are no longer than the shorter one's."""
    text = textgen.long_text(12_000) if punctuated else \
        re.sub(r"[.;!?…]", "", textgen.long_text(4 * MAX_SENTENCE))
    analyse_text(text, gazetteer=full_gazetteer)   # loaded, compiled and cached before counting
    once = lines_run(text, full_gazetteer)
    longer = lines_run("\n\n".join([text] * TIMES), full_gazetteer)
    ratios = {Path(name).relative_to(ROOT).as_posix(): longer[name] / count
              for name, count in once.items() if count >= MIN_LINES}
    assert "documents/dates.py" in ratios and "gazetteer/geoparse/matcher.py" in ratios \
        and "gazetteer/movements/finder.py" in ratios
    assert {name: round(r, 2) for name, r in ratios.items() if r > MAX_RATIO} == {}
    assert sum(longer.values()) / sum(once.values()) <= MAX_RATIO

