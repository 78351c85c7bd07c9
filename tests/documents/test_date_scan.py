"""The one-pass scanner of the date forms (documents/date_scan.py) finds exactly what each form's
own pass finds: the same matches, in the same order, on real texts, on every piece of them, and
on generated text made of the words dates are written with; and its work grows with the text.
"""
from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents import dates, relative_dates
from documents.date_scan import FormScanner, _uncaptured
from documents.model import DateRange
from documents.pattern_starts import first_characters

ROOT = Path(__file__).resolve().parents[2]
SCANNERS = {"date forms": dates._SCANNER, "relative dates": relative_dates._SCANNER}
# The development sets, the seeds and the corpus (not the held-out set, which no test reads).
TEXTS = sorted([*(p for p in (ROOT / "bench").glob("*/texts/*.txt") if p.parts[-3] != "heldout"),
                *(ROOT.parent / "shared" / "seeds").glob("*.txt"),
                *(ROOT / "documents" / "corpus").rglob("*.md"), *(ROOT / "documents" / "corpus").rglob("*.txt")])


def passes(scanner: FormScanner, text: str) -> list[list[tuple]]:
    """Each form's matches by its own pass over `text`: (start, end, groups)."""
    return [[(m.start(), m.end(), m.groupdict()) for m in p.finditer(text)] for p in scanner.patterns]


def scanned(scanner: FormScanner, text: str) -> list[list[tuple]]:
    return [[(m.start(), m.end(), m.groupdict()) for m in ms] for ms in scanner.matches(text)]


@pytest.fixture
def every_length(monkeypatch):
    """The scanner used on texts of any length (short ones are otherwise read by the passes)."""
    monkeypatch.setattr(FormScanner, "SHORT", 0)


@pytest.mark.parametrize(("pattern", "begins", "never"), [
    (r"(?P<day>[0-3]?\d)\s+May", "0123456789", "aM ("),
    (r"(?:(?:[Oo]n\s+)?the\s+)?(?P<day>[0-3]?\d)", "Oot19", "Tn x"),
    (r"(?<=\bin\s)(?P<month>June|July)", "J", "ji "),
    (r"(?P<part>(?i:early|mid))", "eEmMé", "xX1"),       # outside ASCII, anything may fold to a letter
    (r"(?P<month>(?:январ|феврал)[ьяе]|ма[йяе])", "яфм", "ЯФa1"),
    (r"(?:\s*x)", "x \n", "y"),
    (r"(?i:[ab])x", "aAbB", "cC1"),
])
def test_first_characters_hold_every_first_character(pattern, begins, never):
    first = first_characters(pattern)
    assert all(re.fullmatch(first, c) for c in begins), first
    assert not any(re.fullmatch(first, c) for c in never), first


@pytest.mark.parametrize("pattern", [r"a?", r".x", r"(?:x|)y?", r"[^a]b"])
def test_first_characters_of_forms_that_may_begin_anywhere(pattern):
    assert first_characters(pattern) is None


@pytest.mark.parametrize(("pattern", "uncaptured"), [
    (r"(?P<day>\d)(?:x)(y)", r"(?:\d)(?:x)(?:y)"),
    (r"[(](?=a)\((?<!b)(?i:c)", r"[(](?=a)\((?<!b)(?i:c)"),
    (r"[]()](?P<m>[^)(])", r"[]()](?:[^)(])"),
])
def test_uncaptured_keeps_the_pattern_but_not_its_groups(pattern, uncaptured):
    assert _uncaptured(pattern) == uncaptured


@pytest.mark.parametrize("pattern", [r"\d+", r"(?<![\w./])a|b", r"(?i)(?<![\w./])a", r"(?<![\w./])(a)(?P=x)"])
def test_a_pattern_that_is_not_a_form_is_refused(pattern):
    with pytest.raises((ValueError, re.error)):
        FormScanner([re.compile(pattern)]).matches("On 6 August 1920 the units moved. " * 10)


@pytest.mark.parametrize("which", SCANNERS)
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_scanner_finds_what_the_passes_find_in_real_texts(every_length, which, path):
    text = path.read_text(encoding="utf-8")
    assert scanned(SCANNERS[which], text) == passes(SCANNERS[which], text)


CRAFTED = (
    "6 August 1920.1921)1922 (15 (28) July 1920) 12/13 February; в начале января 1921 г. по ст. ст.)"
    " 15 Mart 1336, 5 Rebiülevvel 1339; the 11th to the 13th of June; spring and summer of 1919–20;"
    " on Tuesday the 7th inst., yesterday; 10/VIII-20 1918-1920s. İkinci Teşrin 1336 senesi"
)


@pytest.mark.parametrize("which", SCANNERS)
def test_the_scanner_finds_what_the_passes_find_in_every_piece(every_length, which):
    """Pieces that begin and end anywhere: dates cut at either end, at the text's very start."""
    scanner = SCANNERS[which]
    for start in range(0, len(CRAFTED), 3):
        for end in range(start, min(len(CRAFTED), start + 60) + 1, 7):
            assert scanned(scanner, CRAFTED[start:end]) == passes(scanner, CRAFTED[start:end]), (start, end)


WORDS = ["6", "15", "28", "1920", "21", "336", "1339", "August", "May", "Sept.", "the", "of", "on", "On", "in",
         "early", "Mid", "first", "half", "week", "spring", "winter", "and", "to", "between", "st", "th", "inst.",
         "XII", "VIII", "января", "августа", "в", "конце", "г.", "по ст. ст.", "десятого", "Mart", "sene",
         "Rebiülevvel", "İkinci", "Teşrin", "Tuesday", "yesterday", "last", "next", "s", "'"]
PUNCTUATION = [" ", " ", " ", "\n", "\n\n", ", ", ".", "-", "–", "/", "(", ")", "", ";", "-"]
generated = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)), max_size=40).map(
    lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=150, deadline=5000, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=generated)
def test_the_scanner_finds_what_the_passes_find_in_generated_text(text):
    FormScanner.SHORT, short = 0, FormScanner.SHORT
    try:
        for scanner in SCANNERS.values():
            assert scanned(scanner, text) == passes(scanner, text)
    finally:
        FormScanner.SHORT = short


def test_the_scanners_work_grows_with_the_text_and_no_faster():
    """Counted, not timed: the lines the scanner runs (its stops and the forms tried at each) on a
    text (bench/textgen.py) and on four copies of it grow at most about fourfold."""
    spec = importlib.util.spec_from_file_location("bench_textgen", ROOT / "bench" / "textgen.py")
    textgen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(textgen)
    scanner_file = str(ROOT / "documents" / "date_scan.py")

    def lines(text: str) -> int:
        counts: Counter = Counter()

        def tracer(frame, event, arg):
            if frame.f_code.co_filename == scanner_file:
                counts[event] += 1
                return tracer
            return None

        sys.settrace(tracer)
        try:
            dates._SCANNER.matches(text)
        finally:
            sys.settrace(None)
        return counts["line"]

    text = textgen.long_text(25_000)
    short, long = lines(text), lines("\n\n".join([text] * 4))
    assert short > 1000   # the scanner stopped at the dates of the short text
    assert long <= 4 * 1.1 * short, (short, long)


def test_reading_dates_against_the_documents_grows_with_the_text_and_no_faster():
    """A long dispatch with a document date and a weekday in many sentences: the sentence around
    each weekday (is it in the future?) costs the same wherever the weekday stands."""
    relative_file = str(ROOT / "documents" / "relative_dates.py")
    context = DateRange(date(1920, 8, 10), date(1920, 8, 10), "1920-08-10", "day")
    paragraph = ("The column left Shusha on Tuesday. The matter should be raised on Thursday; yesterday the"
                 " council met. Your telegram of the 7th was received. ") * 10

    def lines(text: str) -> int:
        counts: Counter = Counter()

        def tracer(frame, event, arg):
            if frame.f_code.co_filename == relative_file:
                counts[event] += 1
                return tracer
            return None

        sys.settrace(tracer)
        try:
            relative_dates.relative_dates(text, context)
        finally:
            sys.settrace(None)
        return counts["line"]

    short, long = lines(paragraph), lines(paragraph * 8)
    assert short > 300
    assert long <= 8 * 1.1 * short, (short, long)
