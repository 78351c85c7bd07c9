"""`chronotope geoparse --json` writes each set of candidates once: its place records must be
exactly the text json.dumps gives for the records every other caller builds."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from mapapp.analysis.pipeline import analyse_text, place_record
from mapapp.cli.place_lines import encoded_places

TEXTS = [
    # the same names again and again (shared candidates), an unresolved name, a quotation mark
    "Our units moved from Geryusy to Nakhichevan, near the village of Tsaghkashenik. Geryusy was "
    "taken again; \"Nakhichevan\" and Geryusy, Geryusy, Shusha and Shushi.",
    # a name split at a line end is read whole and marked fuzzy
    "The 11th Army entered Alexan-\ndropol on 7 November 1920 and left Kars.",
    "Ереван и Карс; Зангезур.",   # Russian: the JSON keeps the letters as they are
]


@pytest.mark.parametrize("text", TEXTS)
def test_each_place_line_is_json_dumps_of_its_record(text, full_gazetteer):
    analysis = analyse_text(text, gazetteer=full_gazetteer)
    # the first mention confirmed by the source's markup: its record has a `review`
    analysis = replace(analysis, confirmed=frozenset({("place", m.start, m.end) for m in analysis.mentions[:1]}))
    expected = [json.dumps(place_record(m, analysis.review_of("place", m)), ensure_ascii=False)
                for m in analysis.mentions]
    assert list(encoded_places(analysis)) == expected and expected


def test_the_lines_hold_fuzzy_and_review_fields(full_gazetteer):
    analysis = analyse_text(TEXTS[1], gazetteer=full_gazetteer)
    analysis = replace(analysis, confirmed=frozenset({("place", m.start, m.end) for m in analysis.mentions[:1]}))
    records = [json.loads(line) for line in encoded_places(analysis)]
    assert "review" in records[0] and any(r.get("fuzzy") for r in records)


def test_the_lines_of_a_set_read_in_one_process_are_json_dumps_of_their_records(full_gazetteer):
    """The heads of places written once are remembered from text to text: still each record's own."""
    folder = Path(__file__).resolve().parents[2] / "bench" / "devset_dispatches" / "texts"
    for path in sorted(folder.glob("*.txt")):
        analysis = analyse_text(path.read_text(encoding="utf-8"), gazetteer=full_gazetteer)
        expected = [json.dumps(place_record(m), ensure_ascii=False) for m in analysis.mentions]
        assert list(encoded_places(analysis)) == expected
