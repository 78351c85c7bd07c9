"""Which record of another gazetteer is the same place as ours: never a name alone."""
from __future__ import annotations

import pytest
from shapely.geometry import box

from gazetteer.model import Place, PlaceLink
from gazetteer.places.reconcile import ExternalRecord, fold, reconcile

# A square of about 110 by 85 km around 40.5°N 45.5°E, standing for a country's outline.
SQUARE = box(45.0, 40.0, 46.0, 41.0)
ARMENIA = ExternalRecord(key="NE_ID 1", kind="country", names=("Armenia", "Republic of Armenia"),
                         wikidata="Q399", geometry=SQUARE, country_code="AM")
TOWN = ExternalRecord(key="town 7", kind="settlement", names=("Baki",), wikidata="Q9248",
                      geometry=box(49.85, 40.35, 49.95, 40.42), country_code="AZ", geonames_id=587084)


def place(name="Armenia", kind="country", lon=45.5, lat=40.5, code="AM", valid_to=None, links=()):
    return Place(id="chr:x", name=name, kind=kind, lon=lon, lat=lat, country_code=code, valid_to=valid_to,
                 links=tuple(links))


GEONAMES_BAKU = PlaceLink("closeMatch", "https://sws.geonames.org/587084/")


@pytest.mark.parametrize("ours,records,expected", [
    (place(), [ARMENIA], ("closeMatch", "Q399")),                                   # name, kind, code, inside
    (place(lon=46.2), [ARMENIA], ("closeMatch", "Q399")),                            # 17 km outside: within 25
    (place(lon=47.0), [ARMENIA], None),                                              # same name, 84 km away
    (place(kind="region"), [ARMENIA], None),                                         # another kind
    (place(code="AZ"), [ARMENIA], None),                                             # another country code
    (place(name="Republic of Armenia", valid_to=1920), [ARMENIA], None),            # a state that ended
    (place(name="Persia"), [ARMENIA], None),                                         # the point alone
    (place(name="ARMENIA"), [ARMENIA], ("closeMatch", "Q399")),                      # case folded
    (place(name="Bakı", kind="settlement", lon=49.89, lat=40.38, code="AZ"), [TOWN],
     ("closeMatch", "Q9248")),                                                       # diacritics folded
    (place(name="Baku", kind="settlement", lon=49.89, lat=40.38, code="AZ", links=[GEONAMES_BAKU]), [TOWN],
     ("exactMatch", "Q9248")),                                                       # GeoNames id agrees
    (place(), [ARMENIA, ExternalRecord(key="NE_ID 2", kind="country", names=("Armenia",), wikidata="Q15239622",
                                       geometry=SQUARE, country_code="AM")], None),  # two items: ambiguous
    (place(), [ExternalRecord(key="NE_ID 3", kind="country", names=("Armenia",), wikidata="399",
                              geometry=SQUARE, country_code="AM")], None),           # not a Q-id
])
def test_reconcile(ours, records, expected):
    found = reconcile(ours, records, tolerance_km=25)
    got = (found.link.type, found.link.identifier.rsplit("/", 1)[1]) if found else None
    assert got == expected


def test_a_match_says_why_and_links_the_entity_uri():
    found = reconcile(place(lon=46.2), [ARMENIA], tolerance_km=25)
    assert found.link.identifier == "http://www.wikidata.org/entity/Q399"
    assert 15 < found.distance_km < 20
    assert "Armenia" in found.reason and "25 km" in found.reason


@pytest.mark.parametrize("a,b", [("Türkiye", "turkiye"), ("  United   States ", "united states"),
                                 ("Şəki", "səki"), ("Bakı", "baki")])
def test_fold(a, b):
    assert fold(a) == fold(b)
