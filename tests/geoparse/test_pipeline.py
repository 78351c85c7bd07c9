"""mapapp.analysis.pipeline: dates, places and movements of a text or document, and their JSON records."""
from __future__ import annotations

from datetime import date

from documents.model import DateRange, Document
from mapapp.analysis.pipeline import (
    analyse_document,
    analyse_text,
    analysis_record,
    date_record,
    document_places,
    place_record,
)

TEXT = "On 6 August 1920 our units moved from Geryusy to Nakhichevan, near the village of Tsaghkashenik."


def test_analyse_text_finds_dates_places_and_movements(full_gazetteer):
    analysis = analyse_text(TEXT, gazetteer=full_gazetteer)
    assert [d.text for d in analysis.dates] == ["6 August 1920"]
    assert [m.text for m in analysis.mentions] == ["Geryusy", "Nakhichevan", "Tsaghkashenik"]
    assert [m.place.name if m.place else None for m in analysis.mentions] == ["Goris", "Nakhchivan", None]
    moves = [[w.name for w in m.waypoints] for m in analysis.movements]
    assert ["Goris", "Nakhchivan"] in moves


def test_place_records_resolved_and_unresolved(full_gazetteer):
    mentions = analyse_text(TEXT, gazetteer=full_gazetteer).mentions
    resolved, unresolved = place_record(mentions[0]), place_record(mentions[2])
    assert (resolved["place_id"], resolved["kind"]) == ("chr:goris", "settlement")
    assert resolved["candidates"][0]["source"] == "curated" and resolved["candidates"][0]["reasons"]
    assert unresolved == {"start": mentions[2].start, "end": mentions[2].end, "text": "Tsaghkashenik",
                          "place_id": None, "name": None, "kind": None, "lat": None, "lon": None,
                          "score": 0.0, "uncertainty_km": None, "candidates": []}


def test_date_record_and_analysis_record_shapes(full_gazetteer):
    analysis = analyse_text(TEXT, gazetteer=full_gazetteer)
    assert date_record(analysis.dates[0]) == {"text": "6 August 1920", "start": 3, "end": 16,
                                              "earliest": "1920-08-06", "latest": "1920-08-06", "edtf": "1920-08-06",
                                              "calendar": "gregorian", "as_written": None}
    record = analysis_record("x.txt", analysis)
    assert list(record) == ["source", "places", "dates", "routes", "language"]
    assert all({"start", "end", "waypoints"} <= set(r) for r in record["routes"])


def test_a_document_is_analysed_in_its_own_body_with_its_date_and_origin(full_gazetteer):
    body = "The Kazakh frontier and the town of Kars."
    doc = Document(id="d1", source="s.txt", title="Telegram", body=body, origin="Tiflis",
                   date=DateRange(date(1920, 8, 10), date(1920, 8, 10), "10 August 1920"))
    analysis = analyse_document(doc, full_gazetteer)
    assert [m.text for m in analysis.mentions] == ["Kazakh", "Kars"]
    assert analysis.mentions[1].place.kind == "settlement"
    places = document_places(doc)
    assert [body[p["start"]:p["end"]] for p in places] == ["Kazakh", "Kars"]
