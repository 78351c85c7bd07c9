"""The generated corpus of the benchmarks (bench/corpus_gen.py): the same for the same seed, read by
the document readers in all three formats, its dates, places and movements found by the analysis."""
from __future__ import annotations

import csv
import importlib.util
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from documents.dates import find_dates
from documents.model import DateRange
from documents.readers import read_documents
from mapapp.analysis.pipeline import analyse_document

BENCH = Path(__file__).resolve().parents[2] / "bench" / "corpus_gen.py"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("bench_corpus_gen", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_corpus_gen"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_corpus_gen"]


@pytest.fixture(scope="module")
def corpus(gen, tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    return folder, gen.write_corpus(folder, 120, seed=7)


def sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".csv", ".txt"))


def test_the_same_seed_writes_the_same_corpus_and_another_seed_another(gen, corpus, tmp_path):
    folder, _ = corpus
    gen.write_corpus(tmp_path / "again", 120, seed=7)
    gen.write_corpus(tmp_path / "other", 120, seed=8)
    first = {p.name: p.read_bytes() for p in sources(folder)}
    assert first == {p.name: p.read_bytes() for p in sources(tmp_path / "again")}
    assert first != {p.name: p.read_bytes() for p in sources(tmp_path / "other")}


def test_every_format_is_read_and_every_document_keeps_its_id_and_date(corpus):
    folder, counts = corpus
    assert all(counts[kind] > 0 for kind in ("markdown", "csv", "page")) and sum(counts.values()) == 120
    reading = read_documents(sources(folder))
    read_ids = {d.id for d in reading.documents}
    given = {p.stem for p in folder.glob("*.md")}
    for sheet in folder.glob("*.csv"):
        with sheet.open(encoding="utf-8", newline="") as rows:
            given |= {row["id"] for row in csv.DictReader(rows)}
    assert len(given) == counts["markdown"] + counts["csv"]
    assert given <= read_ids     # Markdown and CSV documents carry their ids
    # A collection page is split by the reader's heuristics; nearly all its documents come out whole.
    assert len(read_ids - given) >= 0.9 * counts["page"]
    dated = [d for d in reading.documents if d.date is not None]
    assert len(dated) >= 0.95 * len(reading.documents)
    assert all(date(1918, 1, 1) <= d.date.earliest <= date(1923, 12, 31) for d in dated)
    assert len({d.date.earliest.year for d in dated}) == 6


@pytest.mark.parametrize("when", [date(1918, 1, 3), date(1920, 8, 10), date(1921, 2, 22), date(1923, 12, 28)])
def test_every_date_form_written_is_found_in_running_text(gen, when):
    year = DateRange(date(when.year, 1, 1), date(when.year, 12, 31), str(when.year), "year")
    forms = (*gen.date_forms(random.Random(1), when), *gen.russian_forms(when),
             *(gen.yearless_date(random.Random(i), when) for i in range(12)))
    for form in forms:
        text = f"The report came {form}, and nothing more."
        found = find_dates(text, year)
        assert len(found) == 1, form
        assert found[0].text in form
        # Vague forms draw their part of the year at random; all stay within a fortnight of its year.
        assert found[0].range.earliest - timedelta(days=14) <= year.latest, form
        assert found[0].range.latest + timedelta(days=14) >= year.earliest, form


def test_the_analysis_finds_places_dates_and_movements_in_every_kind_of_document(corpus):
    folder, _ = corpus
    documents = read_documents(sources(folder)).documents[:60]
    analyses = [analyse_document(d) for d in documents]
    assert sum(1 for a in analyses if a.mentions) >= 0.9 * len(analyses)
    assert sum(1 for a in analyses if a.dates) >= 0.5 * len(analyses)
    assert sum(1 for a in analyses if a.movements) >= 0.3 * len(analyses)
    places = {m.place.id for a in analyses for m in a.mentions if m.place is not None}
    assert len(places) > 100          # names drawn from the whole gazetteer, not a few
    russian = [a for d, a in zip(documents, analyses, strict=True) if d.language == "ru"]
    assert russian and all(a.mentions for a in russian)
    lengths = sorted(len(d.body) for d in documents)
    assert lengths[0] < 1000 and lengths[-1] > 10_000     # a few lines to several pages
