"""The 1920 roads and railways: loading, routing along them, and straight lines where they end."""
from __future__ import annotations

import json

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.geodesy import distance_km
from gazetteer.model import LonLat
from gazetteer.movements.finder import find_movements
from gazetteer.movements.network import (
    SNAP_KM,
    draw_path,
    great_circle,
    line_from_feature,
    load_network,
    network_from_lines,
)

from .conftest import places_by_name


@pytest.fixture(scope="module")
def network():
    return load_network()


@pytest.fixture(scope="module")
def place():
    index = places_by_name()
    return lambda name: index[name][0]


def _near(point: LonLat, stop: LonLat, km: float = 1.0) -> bool:
    return distance_km(point, stop) <= km


def _stop(network, name: str) -> LonLat:
    return network.nodes[network.names.index(name)]


def test_route_along_the_road_passes_the_towns_between(network, place):
    path, approximate = draw_path([place("Shusha"), place("Nakhchivan")], network)
    assert approximate is False
    for town in ("Abdalyar (Lachin)", "Geryusy (Goris)", "Sisian", "Karmalinovka (Bichenak)"):
        assert any(_near(p, _stop(network, town)) for p in path), town


def test_route_by_rail_from_kars_to_julfa_turns_south_at_the_ulukhanlu_junction(network, place):
    path, approximate = draw_path([place("Kars"), place("Julfa")], network)
    assert approximate is False
    stops = [network.names[network.nodes.index(p)] for p in path if p in network.nodes]
    assert stops.index("Alexandropol (Gyumri)") < stops.index("Ulukhanlu (Masis)") < stops.index("Shakhtakhty")
    assert "Erivan (Yerevan)" not in stops  # the shortest way does not go up to Erivan and back


def test_a_place_off_the_network_gives_a_great_circle_marked_approximate(network, place):
    path, approximate = draw_path([place("Baku"), place("Moscow")], network)
    assert approximate is True
    assert path[0] == LonLat(place("Baku").lon, place("Baku").lat)
    assert path[-1] == LonLat(place("Moscow").lon, place("Moscow").lat)
    assert len(path) > 10  # a curve, not one straight segment


def test_without_a_network_every_line_is_approximate(place):
    path, approximate = draw_path([place("Kars"), place("Gyumri")], None)
    assert approximate is True
    assert len(path) == 3  # about 70 km: split every 25 km


def test_a_single_place_movement_is_a_point(place):
    assert draw_path([place("Shusha")], None) == ((LonLat(46.75, 39.76),), False)
    point, approximate = draw_path([place("Zangezur")], None)
    assert len(point) == 1 and approximate is True  # a region's centre is not a precise place


def test_find_movements_draws_along_the_network(mark, network):
    text, mentions = mark("Our troops are continuing their movement from [Gerusy] toward [Nakhichevan].")
    (movement,) = find_movements(text, mentions, network=network)
    assert movement.approximate is False
    assert any(_near(p, _stop(network, "Engelaurt (Angeghakot)")) for p in movement.path)
    (plain,) = find_movements(text, mentions)
    assert plain.approximate is True


def test_withdrawal_from_a_region_is_a_directed_event_at_it(mark, network):
    text, mentions = mark("Everything changed after the withdrawal of the Red Army from [Zangezur].")
    (movement,) = find_movements(text, mentions, network=network)
    assert (movement.kind, [w.name for w in movement.waypoints], len(movement.path)) == \
        ("withdrawal", ["Zangezur"], 1)


def test_snapping_stops_at_its_radius():
    a, b, c = LonLat(45.0, 40.0), LonLat(45.5, 40.0), LonLat(45.5, 40.3)
    net = network_from_lines([line_from_feature(_feature("test", [[a.lon, a.lat], [b.lon, b.lat]]))])
    from gazetteer.model import Place

    far = Place("far", "Far", "settlement", c.lon, c.lat)
    near = Place("near", "Near", "settlement", 45.01, 40.01)
    assert distance_km(c, b) > SNAP_KM
    assert draw_path([near, Place("b", "B", "settlement", b.lon, b.lat)], net)[1] is False
    assert draw_path([near, far], net)[1] is True


@pytest.mark.parametrize(("a", "b"), [(LonLat(44.5, 40.2), LonLat(49.9, 40.4)),
                                      (LonLat(37.6, 55.8), LonLat(45.4, 39.2))])
def test_great_circle_keeps_its_ends_and_spacing(a, b):
    points = great_circle(a, b)
    assert points[0] == a and points[-1] == b
    steps = [distance_km(p, q) for p, q in zip(points, points[1:], strict=False)]
    assert max(steps) <= 30 and abs(sum(steps) - distance_km(a, b)) < 1.0


def test_bundled_lines_each_say_where_they_come_from(network):
    assert {line.kind for line in network.lines} == {"railway", "road"}
    assert all(line.source and line.certainty and len(line.stops) == len(line.coords) for line in network.lines)


def _feature(name, coords, **props):
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"name": name, "kind": "road", "source": "test", "certainty": "approximate",
                           **props}}


BROKEN = [
    (_feature("Short road", [[45.0, 40.0]]), "#2 (Short road)", "at least two positions"),
    (_feature("Lost road", [[45.0, 40.0], [245.0, 40.0]]), "#2 (Lost road)", "position 2 out of range"),
    (_feature("Odd road", [[45.0, 40.0], [46.0, 40.0]], kind="canal"), "#2 (Odd road)", "unknown kind 'canal'"),
    (_feature("Sure road", [[45.0, 40.0], [46.0, 40.0]], certainty="yes"), "#2 (Sure road)",
     "unknown certainty 'yes'"),
    (_feature("", [[45.0, 40.0], [46.0, 40.0]]), "#2", "missing properties.name"),
    (_feature("Unsourced", [[45.0, 40.0], [46.0, 40.0]], source=""), "#2 (Unsourced)", "missing properties.source"),
    ({"type": "Feature", "geometry": {"type": "Point", "coordinates": [45, 40]},
      "properties": {"name": "Dot"}}, "#2 (Dot)", "must be a LineString"),
    (_feature("Stops", [[45.0, 40.0], [46.0, 40.0]], stops=["A"]), "#2 (Stops)", "1 stops for 2 positions"),
    ("a string", "#2", "must be a JSON object"),
]


@pytest.mark.parametrize(("feature", "label", "problem"), BROKEN, ids=[b[2] for b in BROKEN])
def test_bad_network_file_names_file_feature_and_problem(tmp_path, feature, label, problem):
    good = _feature("Good road", [[45.0, 40.0], [46.0, 40.0]])
    path = tmp_path / "roads.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [good, feature]}), encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        load_network(path)
    assert str(caught.value).startswith(f"{path}: record {label}: ")
    assert problem in str(caught.value)


@pytest.mark.parametrize(("content", "problem"), [
    ("{not json", "not JSON"),
    ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
])
def test_unreadable_network_file_names_the_file(tmp_path, content, problem):
    path = tmp_path / "roads.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError, match=problem) as caught:
        load_network(path)
    assert str(caught.value).startswith(str(path))


@pytest.mark.parametrize("names", [
    ["Shusha", "Nakhchivan"],           # along the road: not approximate
    ["Baku", "Moscow"],                 # off the network: approximate
    ["Kars", "Julfa", "Baku"],          # a leg along the rails, then one off them
    ["Baku", "Moscow", "Kars", "Julfa"],
    ["Shusha"], ["Zangezur"], [],
])
def test_without_the_line_a_path_is_approximate_exactly_when_its_line_would_be(names, network, place):
    places = [place(n) for n in names]
    for net in (network, None):
        line, approximate = draw_path(places, net)
        assert draw_path(places, net, line=False) == ((), approximate)
