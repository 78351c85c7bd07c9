"""Timeline lookups: date edges, what is in force on a day, overlapping claims kept."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer.model import TimelineEntry
from gazetteer.territories.timeline import (
    disputed_on,
    entries_on,
    in_force,
    is_disputed,
    parse_edge,
    parties_on,
    source_kind,
    turning_points,
)


def entry(relation, party, start, end, source="ref"):
    return TimelineEntry(relation=relation, party=party, start=start, end=end, source=source)


@pytest.mark.parametrize(("text", "edge", "expected"), [
    ("1920-08-10", "from", date(1920, 8, 10)),
    ("1920-08-10", "to", date(1920, 8, 10)),
    ("1920-08", "from", date(1920, 8, 1)),
    ("1920-08", "to", date(1920, 8, 31)),
    ("1920-02", "to", date(1920, 2, 29)),      # 1920 is a leap year
    ("1921-02", "to", date(1921, 2, 28)),
    ("1919", "from", date(1919, 1, 1)),
    ("1919", "to", date(1919, 12, 31)),
    (None, "from", None),
    (None, "to", None),
])
def test_parse_edge_widens_months_and_years(text, edge, expected):
    assert parse_edge(text, edge) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("10 August 1920", "is not YYYY-MM-DD"),
    ("1920/08/10", "is not YYYY-MM-DD"),
    ("1920-8-10", "is not YYYY-MM-DD"),
    ("1920-02-30", "is not a real date"),
    ("1920-13", "is not a real date"),
])
def test_parse_edge_rejects_what_is_not_a_date(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_edge(text, "from")


LEGRAND = entry("control", "RSFSR (11th Red Army)", date(1920, 7, 28), date(1921, 10, 13))
OPEN_START = entry("claim", "Ottoman Empire", None, date(1918, 10, 30))
OPEN_END = entry("claim", "Azerbaijan SSR", date(1921, 3, 16), None)


@pytest.mark.parametrize(("item", "day", "expected"), [
    (LEGRAND, date(1920, 7, 27), False),     # the day before it begins
    (LEGRAND, date(1920, 7, 28), True),      # first day: inclusive
    (LEGRAND, date(1921, 10, 13), True),     # last day: inclusive
    (LEGRAND, date(1921, 10, 14), False),    # the day after it ends
    (OPEN_START, date(1800, 1, 1), True),
    (OPEN_START, date(1918, 10, 31), False),
    (OPEN_END, date(1921, 3, 15), False),
    (OPEN_END, date(1999, 1, 1), True),
])
def test_in_force_at_the_edges(item, day, expected):
    assert in_force(item, day) is expected


NAKHICHEVAN = (
    entry("claim", "Republic of Armenia", date(1918, 5, 28), date(1920, 12, 2)),
    entry("claim", "Azerbaijan SSR", date(1920, 4, 28), date(1920, 11, 30)),
    entry("claim", "Armenian SSR", date(1920, 12, 2), date(1921, 10, 13)),
    entry("claim", "Azerbaijan SSR", date(1921, 3, 16), None),
    LEGRAND,
)


@pytest.mark.parametrize(("day", "claims", "control"), [
    (date(1920, 8, 15), ("Republic of Armenia", "Azerbaijan SSR"), ("RSFSR (11th Red Army)",)),
    (date(1920, 12, 2), ("Republic of Armenia", "Armenian SSR"), ("RSFSR (11th Red Army)",)),
    (date(1921, 3, 20), ("Armenian SSR", "Azerbaijan SSR"), ("RSFSR (11th Red Army)",)),
    (date(1922, 1, 1), ("Azerbaijan SSR",), ()),
    (date(1918, 1, 1), (), ()),
])
def test_parties_on_a_day_keep_every_overlapping_claim(day, claims, control):
    assert parties_on(NAKHICHEVAN, day, "claim") == claims
    assert parties_on(NAKHICHEVAN, day, "control") == control
    assert disputed_on(NAKHICHEVAN, day) is (len(claims) > 1)


@pytest.mark.parametrize(("claimants", "disputed"), [
    ((), False),
    (("Republic of Armenia",), False),
    (("Armenian SSR", "Armenian SSR"), False),        # one party's two claims, with their own sources
    (("Republic of Armenia", "Azerbaijan SSR"), True),
    (("Armenian SSR", "Azerbaijan SSR", "Grand National Assembly of Turkey"), True),
])
def test_disputed_means_more_than_one_claimant(claimants, disputed):
    assert is_disputed(claimants) is disputed
    assert is_disputed(iter(claimants)) is disputed


def test_entries_on_keeps_two_entries_of_one_party_with_their_own_sources():
    twice = (entry("claim", "Armenian SSR", date(1920, 12, 2), None, "corpus:000.txt#4"),
             entry("claim", "Armenian SSR", date(1921, 6, 12), None, "a declaration"))
    found = entries_on(twice, date(1921, 7, 1), "claim")
    assert [e.source for e in found] == ["corpus:000.txt#4", "a declaration"]
    assert parties_on(twice, date(1921, 7, 1), "claim") == ("Armenian SSR",)


def test_turning_points_are_starts_and_days_after_ends():
    assert turning_points([LEGRAND, OPEN_START, OPEN_END]) == (
        date(1918, 10, 31), date(1920, 7, 28), date(1921, 3, 16), date(1921, 10, 14))


@pytest.mark.parametrize(("source", "kind"), [
    ("corpus:003_56f7da20727ceaf0.txt#6", "document"),
    ("Treaty of Moscow, 16 March 1921", "reference"),
])
def test_source_kind(source, kind):
    assert source_kind(source) == kind


@pytest.mark.parametrize(("note", "expected"), [
    ("partial: the Sharur lowland; start approximate", ("partial", "approximate")),
    ("the treaty was never ratified (uncertain detail)", ("not ratified", "uncertain")),
    ("sources differ on Turkish troops", ("sources disagree",)),
    ("jointly with Georgia: Armenian and Georgian troops", ()),
    (None, ()),
])
def test_cautions_of_a_note(note, expected):
    from gazetteer.territories.timeline import cautions

    assert cautions(note) == expected


@pytest.mark.parametrize(("note", "partial"), [("partial: the Varanda sector", True), ("Partial, over the highland", True),
                                               ("the lowland; partial control elsewhere", False), (None, False)])
def test_partial_means_a_note_that_opens_so(note, partial):
    from gazetteer.territories.timeline import is_partial

    assert is_partial(note) is partial
