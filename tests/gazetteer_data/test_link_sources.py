"""A user's gazetteer file may say where each of its links comes from: the import keeps it, the
export gives it back, and a source that does not say what it is stops the import with one line."""
from __future__ import annotations

import json

import pytest

WIKIDATA = "http://www.wikidata.org/entity/Q2658136"
SOURCE = {"identifier": WIKIDATA, "source": "a printed gazetteer, vol. 2", "record": "entry 1841",
          "read": "2026-12-01", "field": "its Wikidata item", "matched_on": "the entry's name and map sheet"}


def user_file(tmp_path, sources):
    feature = {"@id": "user:goris-test", "type": "Feature",
               "properties": {"title": "Goris", "kind": "settlement", "coord_source": "a printed gazetteer, vol. 2",
                              "certainty": "probable", "uncertainty_km": 2, "link_sources": sources},
               "names": [{"toponym": "Goris", "lang": "en"}, {"toponym": "Geryusy", "lang": "ru-Latn"}],
               "geometry": {"type": "Point", "coordinates": [46.34, 39.51]},
               "links": [{"type": "closeMatch", "identifier": WIKIDATA}]}
    path = tmp_path / "mine.lpf.json"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}), encoding="utf-8")
    return path


def test_the_import_keeps_where_a_link_comes_from(cli, tmp_path):
    assert cli("gazetteer", "import", user_file(tmp_path, [SOURCE])).exit_code == 0
    exported = json.loads(cli("gazetteer", "export", "--format", "lpf", "--layer", "user").output)
    (feature,) = exported["features"]
    assert feature["links"] == [{"type": "closeMatch", "identifier": WIKIDATA}]
    assert feature["properties"]["link_sources"] == [SOURCE]


@pytest.mark.parametrize("missing", ["identifier", "source", "record", "read"])
def test_a_link_source_that_does_not_say_what_it_is_stops_the_import(cli, home, tmp_path, missing):
    path = user_file(tmp_path, [{k: v for k, v in SOURCE.items() if k != missing}])
    result = cli("gazetteer", "import", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {path}: record 1 (user:goris-test): "
                                     "a link source needs 'identifier', 'source', 'record' and 'read'")
    assert not (home / "gazetteer").exists() or list((home / "gazetteer").iterdir()) == []


def test_a_source_for_a_link_the_record_lacks_stops_the_import(cli, tmp_path):
    path = user_file(tmp_path, [SOURCE, {**SOURCE, "identifier": "http://www.wikidata.org/entity/Q1"}])
    result = cli("gazetteer", "import", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {path}: record 1 (user:goris-test): a link source for "
                                     "http://www.wikidata.org/entity/Q1, which is not among the record's links")
