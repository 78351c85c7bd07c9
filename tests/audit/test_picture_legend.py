"""The map.png legend, on the shipped territories at four dates: fills name parties alphabetically,
grey is 'control not recorded / shared' and comes last, and the hatching names the other claimants
alphabetically; no row asserts an owner."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer.territories.units import feature_collection, load_territories
from mapapp.picture.legend import legend_rows, no_single_control
from mapapp.picture.model import Scene

DATES = ("1919-06-01", "1920-08-15", "1921-03-20", "1921-10-20")


@pytest.fixture(scope="module")
def territories():
    return load_territories()


@pytest.mark.parametrize("day", DATES)
def test_picture_legend_names_parties_alphabetically_and_no_owner(territories, day):
    features = tuple(feature_collection(territories, date.fromisoformat(day))["features"])
    scene = Scene(title=day, bbox=None, territories=features)
    rows = legend_rows(scene)
    fills = [(label, colour) for kind, label, colour in rows if kind == "fill"]
    grey_colour = no_single_control()
    parties = [label.removeprefix("controlled by ") for label, colour in fills if colour != grey_colour]
    assert parties and parties == sorted(parties, key=str.casefold), parties
    grey = [label for label, colour in fills if colour == grey_colour]
    assert grey in ([], ["control not recorded / shared"]) and (not grey or fills[-1][1] == grey_colour)
    hatch = [label for kind, label, _ in rows if kind == "hatch"]
    if hatch:
        named = hatch[0].split("(here: ", 1)[1].rstrip(")").split(", ")
        assert named == sorted(named, key=str.casefold)
    for _, label, _ in rows:
        assert not any(w in label.lower() for w in ("owner", "belongs", "rightful", "sovereign")), label
