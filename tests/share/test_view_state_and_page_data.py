"""Pure pieces: the view in a URL, and the document text cut into linked mentions."""
from __future__ import annotations

import pytest

from mapapp.params import ParamError
from mapapp.view_state import ViewState, parse_state, state_query
from mapapp.web.page_data import Segment, body_segments, document_places, excerpt


@pytest.mark.parametrize(("args", "expected"), [
    ({}, ViewState()),
    ({"date": "1920-08-10", "window": "upto"}, ViewState(date="1920-08-10", window="upto")),
    ({"ll": "39.5,46.0", "z": "8"}, ViewState(lon=46.0, lat=39.5, zoom=8.0)),
    ({"layers": "territories,places"}, ViewState(layers=("territories", "places"))),
    ({"layers": ""}, ViewState(layers=())),
    ({"doc": " d1 ", "v": "abc123abc123"}, ViewState(doc="d1", version="abc123abc123")),
    ({"from": "1920-08-01", "to": "1920-08-31"}, ViewState(start="1920-08-01", end="1920-08-31")),
    ({"width": "640", "unrelated": "x"}, ViewState()),
])
def test_parse_state(args, expected):
    assert parse_state(args) == expected


@pytest.mark.parametrize(("args", "words"), [
    ({"date": "1920-13-45"}, "date='1920-13-45'"),
    ({"ll": "46"}, "'lat,lon'"),
    ({"ll": "95,46"}, "on the globe"),
    ({"z": "0"}, "zoom level from 1 to 18"),
    ({"z": "eight"}, "zoom level"),
    ({"layers": "places,tiles"}, "unknown layer 'tiles'"),
    ({"from": "1920-09-01", "to": "1920-08-01"}, "is after"),
])
def test_parse_state_names_the_bad_parameter(args, words):
    with pytest.raises(ParamError) as caught:
        parse_state(args)
    assert words in str(caught.value)


@pytest.mark.parametrize(("state", "version", "extra", "query"), [
    (ViewState(), "v1", {}, "v=v1"),
    (ViewState(date="1920-08-10", lon=46.0, lat=39.5, zoom=8), None, {},
     "date=1920-08-10&ll=39.5,46&z=8"),
    (ViewState(doc="a b&c", layers=("territories", "places"), version="old"), None, {"width": 300},
     "doc=a+b%26c&layers=territories,places&v=old&width=300"),
    (ViewState(version="old"), "new", {}, "v=new"),
])
def test_state_query(state, version, extra, query):
    assert state_query(state, version, **extra) == query


def test_state_query_round_trips():
    state = ViewState(date="1921-01-29", doc="d", lon=45.41, lat=39.21, zoom=9, layers=("places",),
                      window="upto", version="abc")
    from urllib.parse import parse_qsl

    assert parse_state(dict(parse_qsl(state_query(state)))) == state


def mention(start, end, text, place_id="p"):
    return {"start": start, "end": end, "text": text, "place_id": place_id, "name": text}


@pytest.mark.parametrize(("body", "mentions", "expected"), [
    ("From Goris to Nakhichevan.", [mention(5, 10, "Goris", "g"), mention(14, 25, "Nakhichevan", "n")],
     [Segment("From "), Segment("Goris", "g", "Goris"), Segment(" to "), Segment("Nakhichevan", "n", "Nakhichevan"),
      Segment(".")]),
    ("Nagorno-Karabakh", [mention(8, 16, "Karabakh", "k"), mention(0, 16, "Nagorno-Karabakh", "nk")],
     [Segment("Nagorno-Karabakh", "nk", "Nagorno-Karabakh")]),                  # the longer one wins
    ("abc", [mention(0, 9, "abc")], [Segment("abc")]),                          # offsets outside the body
    ("abc", [{"start": 0, "end": 3, "text": "abc", "place_id": None}], [Segment("abc")]),
    ("", [], []),
])
def test_body_segments(body, mentions, expected):
    assert body_segments(body, mentions) == expected
    assert "".join(s.text for s in body_segments(body, mentions)) == body


def test_document_places_counts_each_place_once_in_order():
    found = document_places([mention(0, 5, "Goris", "g"), mention(9, 15, "Gerusy", "g"), mention(20, 25, "Baku", "b")])
    assert [(p["id"], p["count"], p["texts"]) for p in found] == [("g", 2, ["Goris", "Gerusy"]), ("b", 1, ["Baku"])]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short text", 100, "short text"),
    ("one two three four", 10, "one two …"),
    ("averyveryverylongword and more", 10, "averyveryv …"),
    ("  spaced  ", 100, "spaced"),
])
def test_excerpt(text, limit, expected):
    assert excerpt(text, limit) == expected
