"""The GeoNames broad layer: noise filtered out, built once and cached."""
from __future__ import annotations

import pytest

from gazetteer.places import broad


@pytest.mark.parametrize("name, kept", [
    ("Vanadzor", True),
    ("Rostov-on-Don", True),
    ("Van", False),            # under four letters
    ("EVN", False),            # airport code
    ("yerevan", False),        # all-lowercase alternate
    ("Reading", False),        # an English word
    ("Armenian", False),       # a demonym
    ("Lenin", False),          # a person of the period
    ("Ереван", False),         # not in Latin script
    ("Turkey", True),          # an English word, but kept for a country
])
def test_noise_is_filtered(name, kept):
    assert broad.keep_name(name, country=(name == "Turkey")) is kept


def test_layer_is_built_once_then_read_from_the_cache(shared_cache_dir, monkeypatch):
    # The run's one cache folder: an earlier test may have built the layer there already.
    built = []
    real_build = broad.build_layer
    monkeypatch.setattr(broad, "build_layer", lambda: built.append(1) or real_build())
    first = broad.load_layer()
    [cached] = list(shared_cache_dir.glob("broad-*.pickle"))
    assert first.cache == cached and len(built) <= 1
    second = broad.load_layer()
    assert len(built) <= 1                    # the second load did not parse the JSON again
    assert len(second.records) == len(first.records) > 30000
    kars = [p for p in second.places_for_key(" kars ") if p.country_code == "TR"]
    assert kars and kars[0].coord_source.startswith("GeoNames (CC BY 4.0)")
    assert cached.stat().st_size < 60 * 1024 * 1024
    # the automaton over every layer's keys is cached beside it, and scans alike when read back
    from gazetteer.geoparse.matcher import find_hits
    from gazetteer.places.index import Gazetteer

    built_fresh = Gazetteer.from_places([], broad.BroadLayer(second.records, second.keys))  # not cached
    read_back = Gazetteer.from_places([], second)
    [automaton_file] = list(shared_cache_dir.glob("automaton-*.pickle"))
    read_again = Gazetteer.from_places([], broad.load_layer())
    text = "From Vanadzor to Kars and Marseille."
    assert find_hits(text, read_again) == find_hits(text, read_back) == find_hits(text, built_fresh)
    assert [h.text for h in find_hits(text, read_again)] == ["Vanadzor", "Kars", "Marseille"]
    assert automaton_file.exists()


def test_countries_have_centroids_not_capitals(full_gazetteer):
    russia = next(p for p in full_gazetteer.broad.places_for_key(" rusia ") if p.kind == "country")
    assert russia.lat > 55 and russia.lon > 80      # Siberia, not Moscow
