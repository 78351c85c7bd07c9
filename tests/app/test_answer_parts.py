"""Answers joined from parts are the JSON of their whole records, to the byte: a movement's Feature
(rows.movement_json), whatever the document's id and title hold, and a capped place's counts
(caps.PlaceCap.counts_json)."""
from __future__ import annotations

import json

import pytest

from mapapp.atlas.caps import PlaceCap
from mapapp.atlas.rows import dumps, movement_json

GEOMETRY = {"type": "LineString", "coordinates": [[45.1, 39.2], [46.0, 39.5]]}
PROPS = {"start": 3, "end": 9, "text": "Goris", "kind": "advance", "actor": "the 11th Army"}


@pytest.mark.parametrize(("doc_id", "title"), [
    ("1920-08-10-agreement", "Agreement, 10 August 1920"),
    ("d-1", None),
    ("ru-шуша", "Телеграмма — «Шуша»"),
    ("q", 'The "so-called" districts\\ and a tab\there'),
    ("ctl", "line\nbreak \x01 and \u2028 separator"),
    ("astral", "𝔊oris 😀"),
])
def test_a_movement_feature_is_the_json_of_its_record(doc_id, title):
    joined = movement_json(doc_id, title, 2, dumps(GEOMETRY), dumps(PROPS))
    whole = {"type": "Feature", "id": f"{doc_id}/2", "geometry": GEOMETRY,
             "properties": {**PROPS, "document_id": doc_id, "document_title": title}}
    assert joined == dumps(whole)
    assert json.loads(joined) == whole


@pytest.mark.parametrize(("mentions", "count"), [(1, 1), (0, 0), (12, 3), (123456789, 98765)])
def test_a_capped_places_counts_are_the_json_of_its_properties(mentions, count):
    cap = PlaceCap(600, 0)
    assert "{" + cap.counts_json(mentions, count) + "}" == dumps(cap.properties(mentions, [], count))
