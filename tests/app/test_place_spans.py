"""The documents grouped by their dates, with each group's place counts (mapapp/atlas/place_spans.py):
what the build writes, what a window sums, and a correction's shift, against the documents' own counts."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapapp.atlas import packing, place_spans, schema
from mapapp.atlas.query import window_sql
from mapapp.params import Window

AUG10, AUG11, AUG31 = "1920-08-10", "1920-08-11", "1920-08-31"


def atlas(documents: list[tuple[str | None, str | None, dict[int, int]]]) -> sqlite3.Connection:
    """An atlas in memory holding `documents` (earliest, latest, {place rowid: mentions}), grouped."""
    conn = sqlite3.connect(":memory:")
    schema.create_tables(conn)
    for rowid, (earliest, latest, counts) in enumerate(documents, 1):
        conn.execute("INSERT INTO documents (rowid, id, source_path, source, earliest, latest, body, dates, "
                     "place_counts) VALUES (?, ?, 's', 's', ?, ?, x'', x'', ?)",
                     (rowid, f"d{rowid}", earliest, latest, packing.pack_counts(counts)))
        mentions = [place for place, n in sorted(counts.items()) for _ in range(n)]
        conn.executemany('INSERT INTO mentions (doc, n, place, start, "end", record) VALUES (?, ?, ?, 0, 0, x\'\')',
                         [(rowid, n, place) for n, place in enumerate(mentions)])
    conn.executescript(schema.INDEXES)
    place_spans.fill(conn)
    return conn


def groups(conn) -> dict[tuple, dict[int, tuple[int, int]]]:
    """{(earliest, latest): {place: (mentions, documents)}} as the tables hold them."""
    found: dict[tuple, dict] = {}
    for earliest, latest, place, mentions, documents in conn.execute(
            "SELECT d.earliest, d.latest, s.place, s.mentions, s.documents FROM place_spans s "
            "JOIN document_dates d ON d.rowid = s.dates"):
        found.setdefault((earliest, latest), {})[place] = (mentions, documents)
    return found


@pytest.mark.parametrize(("documents", "expected"), [
    ([(AUG10, AUG10, {1: 2}), (AUG10, AUG10, {1: 3})], {(AUG10, AUG10): {1: (5, 2)}}),
    ([(AUG10, AUG10, {1: 1}), (AUG10, AUG10, {2: 1})], {(AUG10, AUG10): {1: (1, 1), 2: (1, 1)}}),
    ([(AUG10, AUG10, {1: 1}), (AUG11, AUG11, {1: 4})], {(AUG10, AUG10): {1: (1, 1)}, (AUG11, AUG11): {1: (4, 1)}}),
    ([(AUG10, AUG10, {1: 1}), (AUG10, AUG31, {1: 1})], {(AUG10, AUG10): {1: (1, 1)}, (AUG10, AUG31): {1: (1, 1)}}),
    ([(None, None, {1: 1, 2: 2}), (None, None, {2: 1})], {(None, None): {1: (1, 1), 2: (3, 2)}}),
    ([(AUG10, AUG10, {}), (AUG11, AUG11, {3: 1})], {(AUG11, AUG11): {3: (1, 1)}}),
])
def test_each_document_counts_in_the_group_of_its_dates(documents, expected):
    with closing(atlas(documents)) as conn:
        assert groups(conn) == expected
        # A group for each dates that name a place, once: the undated ones too.
        assert conn.execute("SELECT count(*) FROM document_dates").fetchone()[0] == len(expected)


CORPUS = [("1920-07-01", "1920-07-01", {1: 1}), ("1920-07-20", "1920-08-05", {1: 2, 2: 1}),
          (AUG10, AUG10, {2: 3}), (AUG10, AUG10, {2: 1, 3: 1}), ("1920-08-01", AUG31, {3: 2}),
          ("1920-09-15", "1920-09-15", {1: 1}), (None, None, {4: 1})]


@pytest.mark.parametrize(("window", "expected"), [
    (Window(), {1: (4, 3), 2: (5, 3), 3: (3, 2), 4: (1, 1)}),            # everything, undated too
    (Window(AUG10, AUG10), {2: (4, 2), 3: (3, 2)}),
    (Window("1920-08-05", "1920-08-09"), {1: (2, 1), 2: (1, 1), 3: (2, 1)}),   # overlapped by two spans
    (Window("1920-08-06", "1920-08-09"), {3: (2, 1)}),
    (Window(None, "1920-07-25"), {1: (3, 2), 2: (1, 1)}),
    (Window("1920-09-01", None), {1: (1, 1)}),
    (Window("1921-01-01", "1921-01-31"), {}),
])
def test_a_windows_counts_add_up_over_the_groups_it_overlaps(window, expected):
    with closing(atlas(CORPUS)) as conn:
        where, params = window_sql(window, "d", 40)
        found = {p: (m, d) for p, m, d in conn.execute(place_spans.counts_sql("", where), params)}
    assert found == expected


dated = st.sampled_from([None, "1920-08-01", "1920-08-02", "1920-08-20"])
named = st.dictionaries(st.integers(1, 4), st.integers(1, 3), max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dated, named), min_size=1, max_size=6), st.data())
def test_a_documents_shift_leaves_what_grouping_afresh_gives(documents, data):
    """A correction takes a document's counts out of its group and puts its new ones in its new group."""
    documents = [(day, day, counts) for day, counts in documents]
    which = data.draw(st.integers(0, len(documents) - 1))
    day, counts = data.draw(dated), data.draw(named)
    changed = [*documents[:which], (day, day, counts), *documents[which + 1:]]
    with closing(atlas(documents)) as conn, closing(atlas(changed)) as fresh:
        old = documents[which]
        place_spans.shift(conn, old[0], old[1], old[2], -1)
        place_spans.shift(conn, day, day, counts, 1)
        assert groups(conn) == groups(fresh)
