"""The pure core of corrections, as tables: reading a W3C annotation, anchoring a quote in a changed
text, applying corrections to a reading."""
from __future__ import annotations

import pytest

from mapapp.corrections.anchor import anchor, quote_at
from mapapp.corrections.annotation import LINK, REJECT, AnnotationError, Selection, parse, to_w3c
from mapapp.corrections.apply import apply

TEXT = "From Goris the detachment went to Sisian; at Sisian it rested. Goris was quiet."


def annotation(body, selector=True, source="/documents/d1"):
    target = {"source": source}
    if selector:
        target["selector"] = [{"type": "TextQuoteSelector", "exact": "Sisian", "prefix": "went to ", "suffix": "; at"},
                              {"type": "TextPositionSelector", "start": 34, "end": 40}]
    return {"type": "Annotation", "body": body, "target": target}


PLACE = {"type": "SpecificResource", "purpose": "identifying", "source": "chr:sisian"}


@pytest.mark.parametrize("body, action, place", [
    (PLACE, LINK, "chr:sisian"),
    ({**PLACE, "source": "http://127.0.0.1:5000/places/chr:goris"}, LINK, "chr:goris"),
    ({**PLACE, "source": "https://sws.geonames.org/616052/"}, LINK, "geonames:616052"),
    ([{"type": "TextualBody", "purpose": "classifying", "value": "PLACE"}, PLACE], LINK, "chr:sisian"),
    ({"type": "TextualBody", "purpose": "assessing", "value": "not-a-place"}, REJECT, None),
])
def test_annotations_are_read(body, action, place):
    a = parse(annotation(body), "d1")
    assert (a.action, a.place, a.document_id) == (action, place, "d1")
    assert a.selection == Selection("Sisian", "went to ", "; at", 34, 40)


@pytest.mark.parametrize("data, problem", [
    ([], "a JSON object"),
    ({"type": "Note"}, "type"),
    (annotation(PLACE, source="/documents/other"), "names document 'other'"),
    (annotation({"type": "SpecificResource", "purpose": "identifying"}), "body.source"),
    (annotation({"type": "TextualBody", "purpose": "assessing", "value": "maybe"}), "body.value"),
    (annotation([PLACE, PLACE]), "exactly one body"),
    (annotation(PLACE, selector=False), "target.selector"),
    (annotation({"type": "DateValue", "purpose": "editing", "earliest": "10 Aug 1920"}), "body.earliest"),
    (annotation({"type": "DateValue", "purpose": "editing", "earliest": "1920-08-10", "latest": "1920-08-01"}),
     "body.latest"),
    (annotation({"type": "DateValue", "purpose": "editing", "earliest": "1921-02-29"}), "not a day of the Gregorian"),
    (annotation({"type": "DateValue", "purpose": "editing", "earliest": "1920-08-10", "calendar": "lunar"}),
     "body.calendar"),
    (annotation({"type": "MovementValue", "purpose": "editing", "waypoints": []}), "body.waypoints"),
    (annotation({"type": "FieldValue", "purpose": "editing", "field": "body", "value": "x"}, selector=False),
     "body.field"),
    (annotation({"type": "FieldValue", "purpose": "editing", "field": "title", "value": "x"}), "no selector"),
])
def test_bad_annotations_are_refused_naming_the_problem(data, problem):
    with pytest.raises(AnnotationError, match=problem):
        parse(data, "d1")


def test_a_selection_whose_position_and_quote_disagree_in_length_is_refused():
    data = annotation(PLACE)
    data["target"]["selector"][1]["end"] = 45
    with pytest.raises(AnnotationError, match="differ in length"):
        parse(data, "d1")


def test_an_annotation_survives_writing_and_reading_back():
    a = parse(annotation([PLACE, {"type": "TextualBody", "purpose": "commenting", "value": "on the Vorotan"}]), "d1")
    assert parse(to_w3c(a), "d1") == a


@pytest.mark.parametrize("text, selection, found", [
    (TEXT, Selection("Sisian", "went to ", "; at", 34, 40), (34, 40)),                 # where it was
    ("Later: " + TEXT, Selection("Sisian", "went to ", "; at", 34, 40), (41, 47)),     # moved: prefix and suffix say which
    (TEXT, Selection("Sisian", "went to ", "; at", 45, 51), (45, 51)),                 # the position first
    (TEXT, Selection("Sisian", "; at ", " it rested", None, None), (45, 51)),          # no position: by context
    (TEXT, Selection("Goris", "", "", None, None), (5, 10)),                           # nothing else: the first
    ("Now. " + TEXT, Selection("Goris", "rested. ", " was", 2, 7), (68, 73)),          # context beats nearness
    ("Now. " + TEXT, Selection("Goris", "", "", 60, 65), (68, 73)),                    # else the nearest
    (TEXT.replace("Sisian", "Angeghakot"), Selection("Sisian", "went to ", "; at", 34, 40), None),   # gone: orphaned
])
def test_a_quote_is_anchored_by_position_then_by_context_then_by_nearness(text, selection, found):
    assert anchor(text, selection) == found


def test_quote_at_gives_what_anchor_finds_again():
    s = quote_at(TEXT, 45, 51, context=8)
    assert (s.exact, s.prefix, s.suffix) == ("Sisian", "ian; at ", " it rest")
    assert anchor("Now. " + TEXT, s) == (50, 56)


def mention(start, end, place, score=0.5):
    return {"start": start, "end": end, "text": TEXT[start:end], "place_id": place, "name": place, "kind": "settlement",
            "lat": 39.5, "lon": 46.0, "score": score, "candidates": []}


READING = {"fields": {"title": "Letter", "earliest": "1921-03-05", "latest": "1921-03-05", "precision": "day"},
           "places": [mention(5, 10, "chr:goris"), mention(34, 40, "chr:vanadzor", 0.43)],
           "dates": [], "movements": [{"start": 0, "end": 40, "text": TEXT[:40], "waypoints": [], "kind": "advance",
                                       "status": "carried out", "review": {"status": "confirmed", "by": None,
                                                                           "at": None, "note": "from TEI markup"}}]}
PLACES = {"chr:sisian": {"name": "Sisian", "kind": "settlement", "lat": 39.52, "lon": 46.03},
          "chr:goris": {"name": "Goris", "kind": "settlement", "lat": 39.5, "lon": 46.33}}
NAMES = {"eve": "Eve Markarian", "ed": None}


def made(body, start=34, end=40, who="eve", selector=True):
    a = parse(annotation(body, selector), "d1")
    return a.__class__(**{**a.__dict__, "creator": who, "modified": "2026-12-06T10:00:00Z", "id": f"a{start}"}), \
        (start, end) if selector else None


@pytest.mark.parametrize("body, span, who, expect", [
    (PLACE, (34, 40), "eve", ("chr:sisian", "corrected", "Eve Markarian")),
    ({**PLACE, "source": "chr:goris"}, (5, 10), "ed", ("chr:goris", "confirmed", None)),
    ({"type": "TextualBody", "purpose": "assessing", "value": "not-this-place"}, (34, 40), "eve",
     ("chr:vanadzor", "rejected", "Eve Markarian")),
    ({**PLACE, "source": "chr:goris"}, (63, 68), "eve", ("chr:goris", "added", "Eve Markarian")),
])
def test_a_place_correction_sets_the_link_and_its_review(body, span, who, expect):
    a, _ = made(body, *span, who)
    done = apply(READING, [(a, span)], PLACES, NAMES, TEXT)
    found = next(m for m in done.reading["places"] if (m["start"], m["end"]) == span)
    assert (found["place_id"], found["review"]["status"], found["review"]["by"]) == expect
    assert found["review"]["at"] == "2026-12-06T10:00:00Z" and done.orphaned == ()
    others = [m for m in done.reading["places"] if (m["start"], m["end"]) != span]
    assert all(m["review"] is None for m in others)


def test_the_pipeline_s_own_review_is_kept_and_the_input_is_not_changed():
    done = apply(READING, [], PLACES, NAMES, TEXT)
    assert done.reading["movements"][0]["review"]["note"] == "from TEI markup"
    assert "review" not in READING["places"][0]


@pytest.mark.parametrize("body, span, orphaned", [
    (PLACE, None, True),                                                                   # quote not anchored
    ({**PLACE, "source": "chr:atlantis"}, (34, 40), True),                                  # place unknown
    ({"type": "TextualBody", "purpose": "assessing", "value": "not-a-date"}, (34, 40), True),  # no date there
])
def test_what_cannot_be_applied_is_reported_orphaned(body, span, orphaned):
    a, _ = made(body)
    done = apply(READING, [(a, span)], PLACES, NAMES, TEXT)
    assert (done.orphaned == (a.id,)) is orphaned


def test_document_date_field_and_movement_corrections():
    date, _ = made({"type": "DateValue", "purpose": "editing", "earliest": "1921-03-01", "latest": "1921-03-10",
                    "precision": "range"}, selector=False)
    title, _ = made({"type": "FieldValue", "purpose": "editing", "field": "title", "value": "Report"}, selector=False)
    move, span = made({"type": "MovementValue", "purpose": "editing", "kind": "withdrawal",
                       "waypoints": ["chr:goris", "chr:sisian"]}, 0, 40)
    done = apply(READING, [(date, None), (title, None), (move, span)], PLACES, NAMES, TEXT).reading
    assert done["fields"]["earliest"] == "1921-03-01" and done["fields"]["precision"] == "range"
    assert done["fields"]["title"] == "Report" and done["reviews"]["title"]["status"] == "corrected"
    movement = done["movements"][0]
    assert movement["kind"] == "withdrawal" and [w["place_id"] for w in movement["waypoints"]] == ["chr:goris", "chr:sisian"]
    assert movement["review"]["status"] == "corrected"


@pytest.mark.parametrize("day, calendar, expect", [
    ("1920-08-10", "gregorian", "1920-08-10"),
    ("1920-07-28", "julian", "1920-08-10"),      # Old Style: 13 days behind in the 20th century
    ("1918-01-31", "julian", "1918-02-13"),      # the day Soviet Russia changed calendars
    ("1899-12-31", "julian", "1900-01-12"),      # 12 days behind in the 19th century
    ("1900-02-29", "julian", "1900-03-13"),      # a leap day only the Julian calendar has
])
def test_a_julian_date_is_placed_on_the_gregorian_calendar(day, calendar, expect):
    from mapapp.corrections.apply import gregorian

    assert gregorian(day, calendar) == expect


def test_a_julian_document_date_is_shown_in_gregorian_with_the_days_as_written():
    a, _ = made({"type": "DateValue", "purpose": "editing", "earliest": "1920-07-28", "calendar": "julian"},
                selector=False)
    done = apply(READING, [(a, None)], PLACES, NAMES, TEXT).reading
    assert (done["fields"]["earliest"], done["fields"]["latest"]) == ("1920-08-10", "1920-08-10")
    assert done["reviews"]["date"]["as_written"] == {"earliest": "1920-07-28", "latest": "1920-07-28",
                                                     "calendar": "julian"}
