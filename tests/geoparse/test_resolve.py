"""Resolution: which place a name means, with the evidence of the text (full gazetteer)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from gazetteer.geodesy import distance_km
from gazetteer.geoparse.linker import TextContext, geoparse
from gazetteer.geoparse.resolve import Evidence, rank_candidates
from gazetteer.model import LonLat, Place
from gazetteer.places.index import Gazetteer


def chosen(text, gazetteer, name, context=None):
    mention = next(m for m in geoparse(text, gazetteer, context) if m.text == name)
    return mention


@pytest.mark.parametrize("text, name, lat, lon, km", [
    # Kazakh district is not Kazakhstan
    ("The troops withdrew from the Kazakh district.", "Kazakh", 41.09, 45.37, 40),
    ("from the district of Ijevan to the Kazakh frontier", "Kazakh", 41.09, 45.37, 40),
    # Georgia is the country in the Caucasus, not the US state
    ("Georgia has obtained Batum.", "Georgia", 42.32, 43.36, 300),
    # Van and Mush are Ottoman-Armenian towns and provinces
    ("the provinces of Van, Bitlis and Mush", "Van", 38.49, 43.38, 60),
    ("the provinces of Van, Bitlis and Mush", "Mush", 38.75, 41.51, 60),
    # period names resolve to the place they name
    ("The Erivan government", "Erivan", 40.18, 44.51, 15),
    ("the Angora government", "Angora", 39.93, 32.86, 15),
    ("Tiflis. 7 August 1920", "Tiflis", 41.72, 44.79, 15),
    ("Karmelinovka", "Karmelinovka", 39.5, 45.77, 15),
    # country names get country points
    ("Soviet Russia", "Russia", 61.52, 105.32, 600),
])
def test_resolves_to_the_right_place(text, name, lat, lon, km, full_gazetteer):
    place = chosen(text, full_gazetteer, name).place
    assert distance_km(place, LonLat(lon, lat)) <= km


@pytest.mark.parametrize("text, kind", [
    ("He arrived in the city of Nakhichevan.", "settlement"),
    ("the Shusha–Geryusy–Engelaurt–Karmelinovka–Nakhichevan route", "settlement"),
    ("The Nakhichevan district was occupied.", "district"),
    ("Zangezur, Nakhichevan and Karabakh", "district"),
])
def test_nakhichevan_is_town_or_district_by_context(text, kind, full_gazetteer):
    assert chosen(text, full_gazetteer, "Nakhichevan").place.kind == kind


def test_curated_places_rank_above_the_broad_layer(full_gazetteer):
    mention = chosen("Kars was taken.", full_gazetteer, "Kars")
    assert mention.place.layer == "curated"
    layers = [c.place.layer for c in mention.candidates]
    assert layers == sorted(layers, key=["user", "curated", "broad"].index)


def test_places_outside_the_curated_set_come_from_geonames(full_gazetteer):
    mention = chosen("The delegation travelled on to Marseille.", full_gazetteer, "Marseille")
    assert mention.place.layer == "broad"
    assert "GeoNames" in mention.place.coord_source
    assert distance_km(mention.place, LonLat(5.37, 43.30)) < 15


def test_every_mention_has_scored_candidates_and_a_reason(full_gazetteer):
    for mention in geoparse("Zangezur and Nakhichevan must go to Armenia.", full_gazetteer):
        assert mention.candidates and mention.candidates[0].place == mention.place
        assert mention.score == mention.candidates[0].score
        assert abs(sum(c.score for c in mention.candidates) - 1) < 0.02 or len(mention.candidates) == 5
        assert mention.reason


def test_unknown_names_next_to_cues_are_unresolved(full_gazetteer):
    mention = chosen("near the village of Tsaghkashenik", full_gazetteer, "Tsaghkashenik")
    assert mention.place is None and mention.candidates == ()


def _place(pid, kind, lon, lat, **extra) -> Place:
    return Place(id=pid, name="Alashkert", kind=kind, lon=lon, lat=lat, **extra)


def test_the_document_region_decides_between_namesakes():
    # two curated towns of one name, 600 km apart; the text's other places are near the second
    far = _place("t:far", "settlement", 38.0, 45.0)
    near = _place("t:near", "settlement", 45.5, 39.5)
    goris = Place(id="t:goris", name="Goris", kind="settlement", lon=46.34, lat=39.51)
    gazetteer = Gazetteer.from_places([far, near, goris])
    mention = chosen("From Goris they went to Alashkert.", gazetteer, "Alashkert")
    assert mention.place.id == "t:near"


def test_a_place_not_yet_existing_at_the_documents_date_loses():
    old = _place("t:old", "settlement", 45.0, 40.0, valid_to=1900)
    new = _place("t:new", "settlement", 45.1, 40.1, valid_from=1918)
    gazetteer = Gazetteer.from_places([old, new])
    context = TextContext(date(1920, 8, 6), date(1920, 8, 6))
    assert chosen("to Alashkert", gazetteer, "Alashkert", context).place.id == "t:new"


def test_the_place_of_writing_sets_the_region():
    west = _place("t:west", "settlement", 41.0, 40.0)
    east = _place("t:east", "settlement", 47.0, 40.0)
    baku = Place(id="t:baku", name="Baku", kind="settlement", lon=49.88, lat=40.4)
    gazetteer = Gazetteer.from_places([west, east, baku])
    context = TextContext(origin="Baku")
    assert chosen("News from Alashkert.", gazetteer, "Alashkert", context).place.id == "t:east"


def test_rank_candidates_scores_sum_to_one():
    a, b = _place("t:a", "settlement", 45.0, 40.0), _place("t:b", "district", 45.0, 40.0)
    ranked = rank_candidates([a, b], Evidence(" alashkert ", "Alashkert", "region", None, None), TextContext())
    assert [c.place.id for c in ranked] == ["t:b", "t:a"]
    assert abs(sum(c.score for c in ranked) - 1) < 0.01
    assert any("cue" in r for r in ranked[0].reasons)


@pytest.mark.parametrize("text", [
    "Sergo Ordzhonikidze and Anastas Mikoyan arrived.",
    "David Lloyd George and Woodrow Wilson met.",
    "The British commander, General Thomson, left.",
])
def test_persons_whose_names_are_towns_somewhere_are_not_places(text, full_gazetteer):
    assert [m.text for m in geoparse(text, full_gazetteer)] == []


@pytest.mark.parametrize("name, lat, lon", [("Venice", 45.44, 12.33), ("Sinop", 42.03, 35.15)])
def test_a_broad_layer_town_by_its_own_name_wins_over_alternates(name, lat, lon, full_gazetteer):
    place = chosen(f"The delegation travelled to {name}.", full_gazetteer, name).place
    assert distance_km(place, LonLat(lon, lat)) < 15


def test_a_broad_layer_town_before_an_event_word_stays_a_place(full_gazetteer):
    assert [m.text for m in geoparse("the Marseille Conference", full_gazetteer)] == ["Marseille"]


def test_user_places_rank_first_and_replace_curated_ones_with_their_id():
    curated = _place("t:a", "settlement", 45.0, 40.0)
    other = Place(id="t:b", name="Alashkert", kind="settlement", lon=42.5, lat=39.0, layer="user")
    moved = Place(id="t:a", name="Alashkert", kind="settlement", lon=45.2, lat=40.2, layer="user")
    assert chosen("to Alashkert", Gazetteer.from_places([curated, other]), "Alashkert").place.id == "t:b"
    gazetteer = Gazetteer.from_places([curated, moved])
    assert [c.place for c in chosen("to Alashkert", gazetteer, "Alashkert").candidates] == [moved]


@pytest.mark.parametrize("text, name, expected", [
    # "X (Y)": the name in parentheses is another name of the same place
    ("Sisian (Karakilisa) was held by the partisans.", "Karakilisa", "Sisian"),
    ("Karakilisa (Sisian) was held by the partisans.", "Karakilisa", "Sisian"),
    ("Ghapan (Kafan) was the centre of resistance.", "Kafan", "Kapan"),
    ("The Turks took Alexandropol (Gyumri).", "Alexandropol", "Gyumri"),
    ("The Turks took Alexandropol (modern Gyumri).", "Alexandropol", "Gyumri"),
    # without parentheses the usual reading stays
    ("The railway ran through Karakilisa to Tiflis.", "Karakilisa", "Vanadzor"),
])
def test_a_name_in_parentheses_is_the_same_place(text, name, expected, full_gazetteer):
    assert chosen(text, full_gazetteer, name).place.name == expected


def test_a_region_in_parentheses_is_its_own_mention_and_places_the_name(full_gazetteer):
    mentions = geoparse("The partisans held Karakilisa (Zangezur).", full_gazetteer)
    assert [(m.text, m.place.name) for m in mentions] == [("Karakilisa", "Sisian"), ("Zangezur", "Zangezur")]


@pytest.mark.parametrize("text, name, expected", [
    # ambiguous rivers follow the document's region as towns do
    ("From Nakhichevan the column withdrew north of the Arpachay towards Ordubad.", "Arpachay", "Arpa"),
    ("From Kars the Turks crossed the Arpachay to Alexandropol.", "Arpachay", "Akhurian"),
])
def test_a_physical_feature_follows_the_documents_region(text, name, expected, full_gazetteer):
    assert chosen(text, full_gazetteer, name).place.name == expected


@pytest.mark.parametrize("text", ["The Turks took Alexandrapol.", "The Turks took Aleksandropol.",
                                  "The Turks took Alexandrepol."])
def test_period_spellings_of_long_names(text, full_gazetteer):
    assert chosen(text, full_gazetteer, text.split()[-1].rstrip(".")).place.name == "Gyumri"


def _write_layer(folder, name, place_id, lon, lat, title="Zestaponi"):
    feature = {"@id": place_id, "type": "Feature", "properties": {"title": title, "kind": "settlement",
               "coord_source": "test"}, "names": [{"toponym": title}],
               "geometry": {"type": "Point", "coordinates": [lon, lat]}}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))


@pytest.mark.parametrize("files, expected", [
    # a geocoded result is for a name no other layer knows: the bundled Zestaponi wins
    ({"geocoded.lpf.json": ("geo:z", 44.5, 41.5)}, "bundled"),
    # the user's own file outranks every layer
    ({"geocoded.lpf.json": ("geo:z", 44.5, 41.5), "mine.lpf.json": ("user:z", 43.0, 42.1)}, "user:z"),
])
def test_layer_precedence_user_curated_broad_geocoded(files, expected, tmp_path, monkeypatch):
    from gazetteer.places.broad import load_layer
    from gazetteer.places.index import local_places
    monkeypatch.setenv("CHRONOTOPE_HOME", str(tmp_path))
    for name, (place_id, lon, lat) in files.items():
        _write_layer(tmp_path / "gazetteer", name, place_id, lon, lat)
    gazetteer = Gazetteer.from_places(local_places(), load_layer())
    mention = chosen("The column reached Zestaponi.", gazetteer, "Zestaponi")
    if expected == "bundled":
        assert mention.place.layer in ("curated", "broad") and "geocoded" in {c.place.layer for c in mention.candidates}
    else:
        assert mention.place.id.startswith(expected)
    layers = [c.place.layer for c in mention.candidates]
    assert layers == sorted(layers, key=["user", "curated", "broad", "geocoded"].index)


def test_a_geocoded_place_serves_a_name_no_other_layer_knows(tmp_path, monkeypatch):
    from gazetteer.places.index import local_places
    monkeypatch.setenv("CHRONOTOPE_HOME", str(tmp_path))
    _write_layer(tmp_path / "gazetteer", "geocoded.lpf.json", "geo:t", 45.0, 39.5, title="Tsaghkashenik")
    places = local_places()
    assert [p.layer for p in places if p.id == "geo:t"] == ["geocoded"]
    assert chosen("They reached Tsaghkashenik.", Gazetteer.from_places(places), "Tsaghkashenik").place.id == "geo:t"
