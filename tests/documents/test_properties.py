"""Properties of the readers and the date functions, over generated input (hypothesis, bounded).

Any text gives documents or a clean DocumentError, never another exception nor a hang; date
intervals are ordered; every found date's offsets point at its own text.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.dates import find_dates, parse_date
from documents.errors import DateError, DocumentError
from documents.frontmatter import FIELDS
from documents.model import Document
from documents.readers import READERS, load_text

BOUNDED = settings(max_examples=60, deadline=5000, database=None,
                   suppress_health_check=[HealthCheck.too_slow])
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

days = st.dates(min_value=date(1900, 1, 1), max_value=date(1939, 12, 31))
written_dates = st.one_of(
    days.map(lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}"),
    days.map(lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}"),
    days.map(lambda d: f"{MONTHS[d.month - 1]} {d.year}"),
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: str(d.year)),
)
yaml_values = st.one_of(st.text(max_size=40), written_dates, st.integers(), st.none(),
                        st.lists(st.text(max_size=5), max_size=3))


def front_matter_file(meta: dict, body: str) -> str:
    lines = [f"{key}: {value!r}" if isinstance(value, str) else f"{key}: {value}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def csv_file(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["id", "title", "date", "body"])
    writer.writerows(rows)
    return out.getvalue()


def read_or_refuse(reader: str, text: str) -> list[Document]:
    """The reader's documents, [] when it refuses the text with a DocumentError."""
    try:
        documents, warnings = READERS[reader](text, "generated")
    except DocumentError as err:
        assert err.source == "generated" and err.message
        return []
    assert all(isinstance(w, DocumentError) for w in warnings)
    return documents


def check_document(doc: Document) -> None:
    assert isinstance(doc, Document) and doc.id
    if doc.date is not None:
        assert doc.date.earliest <= doc.date.latest
    for found in doc.dates:
        assert doc.body[found.start:found.end] == found.text
        assert found.range.earliest <= found.range.latest


@pytest.mark.parametrize("reader", sorted(READERS))
@BOUNDED
@given(text=st.text(max_size=600))
def test_any_text_gives_documents_or_a_clean_error(reader, text):
    for doc in read_or_refuse(reader, text):
        check_document(doc)


@BOUNDED
@given(meta=st.dictionaries(st.sampled_from(FIELDS + ("tilte", "x")), yaml_values, max_size=6),
       body=st.text(max_size=200))
def test_any_front_matter_gives_a_document_or_a_clean_error(meta, body):
    for doc in read_or_refuse("markdown", front_matter_file(meta, body)):
        check_document(doc)


@BOUNDED
@given(rows=st.lists(st.lists(st.one_of(st.text(max_size=30), written_dates), min_size=4, max_size=4),
                     min_size=1, max_size=5),
       delimiter=st.sampled_from([",", ";", "\t"]))
def test_any_csv_gives_documents_or_a_clean_error(rows, delimiter):
    for doc in read_or_refuse("csv", csv_file(rows, delimiter)):
        check_document(doc)


@BOUNDED
@given(data=st.binary(max_size=300))
def test_any_bytes_are_text_or_a_clean_error(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.txt"
        path.write_bytes(data)
        try:
            text = load_text(path)
        except DocumentError as err:
            assert err.source == str(path)
        else:
            assert text.strip() and text == data.decode("utf-8-sig")
        assert os.listdir(folder) == ["file.txt"]


@BOUNDED
@given(written=written_dates)
def test_a_written_date_is_an_ordered_interval_around_its_day(written):
    found = parse_date(written)
    assert found.earliest <= found.latest
    assert found.latest - found.earliest <= timedelta(days=366)


@BOUNDED
@given(text=st.text(max_size=80))
def test_any_text_is_an_ordered_date_or_a_date_error(text):
    try:
        found = parse_date(text)
    except DateError:
        return
    assert found.earliest <= found.latest


@BOUNDED
@given(parts=st.lists(st.one_of(st.text(max_size=30), written_dates), max_size=8))
def test_found_dates_point_at_their_own_text_in_order(parts):
    text = " ".join(parts)
    found = find_dates(text)
    assert [f.start for f in found] == sorted(f.start for f in found)
    for one, after in zip(found, found[1:], strict=False):
        assert one.end <= after.start
    for one in found:
        assert text[one.start:one.end] == one.text
        assert one.range.earliest <= one.range.latest
