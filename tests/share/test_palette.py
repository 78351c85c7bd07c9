"""The one palette: served to the page as the pictures read it, and its party fills, as seen laid
over the land, apart from each other, from the grey of no single control and from bare land, for
normal vision and under simulated protanopia and deuteranopia."""
from __future__ import annotations

import json
from itertools import combinations

import pytest
from colour_vision import ciede2000, ciede2000_lab, over

from gazetteer.territories.units import load_territories
from mapapp.palette import PALETTE_FILE, alphabetical, palette

VISIONS = ("normal", "protanopia", "deuteranopia")
# CIEDE2000: about 1 is the smallest difference seen side by side; fills of neighbouring
# territories, and a fill against the grey or bare land, must differ plainly.
MIN_APART = 8.0


def data_parties() -> list[str]:
    return alphabetical(e.party for t in load_territories() for e in t.timeline)


def seen_fills() -> dict[str, str]:
    """What each fill looks like on the map: the party colours of the data, the grey, bare land."""
    colours = palette()
    fills = {party: colours.seen(colour) for party, colour in colours.party_colours(data_parties()).items()}
    fills["(control not recorded / shared)"] = colours.seen(colours.no_single_control)
    fills["(land)"] = colours.land
    return fills


# Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 17, 25 and 34.
@pytest.mark.parametrize(("one", "two", "expected"), [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_the_published_pairs(one, two, expected):
    assert ciede2000_lab(one, two) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(("one", "two", "vision", "apart"), [
    ("#d62728", "#2ca02c", "normal", True),          # red and green: plain to most ...
    ("#d62728", "#2ca02c", "deuteranopia", False),    # ... one colour without green cones
    ("#e377c2", "#7f7fbf", "protanopia", False),
    ("#1b7f86", "#b5731c", "deuteranopia", True),     # blue-green and orange stay apart
])
def test_the_simulation_merges_what_red_green_blindness_merges(one, two, vision, apart):
    assert (ciede2000(one, two, vision) >= MIN_APART) is apart


def test_the_page_is_served_the_palette_the_pictures_read(client):
    with client.get("/static/palette.json") as served:   # a file answer holds the file open until closed
        assert served.status_code == 200 and served.mimetype == "application/json"
        assert served.get_json() == json.loads(PALETTE_FILE.read_text(encoding="utf-8"))
        assert tuple(served.get_json()["parties"]) == palette().parties


def test_every_party_of_the_data_has_its_own_colour():
    colours = palette().party_colours(data_parties())
    assert len(set(colours.values())) == len(colours) == len(data_parties())


@pytest.mark.parametrize("vision", VISIONS)
def test_fills_stay_apart_for_colour_blind_eyes_too(vision):
    close = [(a, b, round(ciede2000(one, two, vision), 1)) for (a, one), (b, two) in combinations(seen_fills().items(), 2)
             if ciede2000(one, two, vision) < MIN_APART]
    assert close == []


@pytest.mark.parametrize(("colour", "opacity", "ground", "seen"), [
    ("#000000", 0.5, "#ffffff", "#808080"),
    ("#ff0000", 1.0, "#00ff00", "#ff0000"),
    ("#336699", 0.0, "#f1ecdf", "#f1ecdf"),
])
def test_a_fill_is_seen_blended_over_its_ground(colour, opacity, ground, seen):
    assert over(colour, opacity, ground) == seen
    assert palette().__class__(**{**vars(palette()), "fill_opacity": opacity, "land": ground}).seen(colour) == seen
