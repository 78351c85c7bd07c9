"""Every place of the gold seed annotations is in the curated gazetteer, where the scorer needs it."""
from __future__ import annotations

from gazetteer.geodesy import distance_km
from gazetteer.model import LonLat

# The geoparse scorer's tolerances by gold kind (km).
TOLERANCE_KM = {"settlement": 15, "region": 60, "river": 60, "ridge": 60,
                "mountain": 30, "country": 600, "other": 60}


def test_every_gold_mention_names_a_place_within_tolerance(bundled_places, gold_entries):
    by_name = {}
    for place in bundled_places:
        for name in place.names:
            by_name.setdefault(name.toponym.casefold(), []).append(place)
    missing = []
    for entry in gold_entries:
        tol = TOLERANCE_KM[entry["kind"]]
        near = [p for p in by_name.get(entry["mention"].casefold(), [])
                if distance_km(LonLat(entry["lon"], entry["lat"]), p) <= tol]
        if not near:
            missing.append(f"{entry['mention']} ({entry['canonical']})")
    assert missing == []


def test_uncertain_gold_places_are_uncertain_here_too(bundled_places, gold_entries):
    """A place the annotators found doubtful is doubtful in the gazetteer, with a radius at least as wide."""
    by_source = {}
    for place in bundled_places:
        by_source.setdefault(place.name, place)
    for entry in (e for e in gold_entries if e.get("uncertain")):
        place = by_source[entry["canonical"]]
        assert place.certainty == "uncertain"
        assert place.uncertainty_km >= entry["radius_km"]
        assert place.note


def test_every_place_says_where_its_coordinates_come_from(bundled_places):
    assert [p.id for p in bundled_places if not p.coord_source.strip()] == []
