"""A place's names by match key: the spellings a text's name may stand for, indexed once per place."""
from __future__ import annotations

import pytest

from gazetteer.geoparse.placenames import names_with_key
from gazetteer.model import Place, PlaceName
from gazetteer.names.normalize import name_key

ERIVAN = Place("t:erivan", "Yerevan", "settlement", 44.51, 40.18,
               names=(PlaceName("Erivan", valid_to=1936), PlaceName("Yerevan"), PlaceName("Ереван", "ru"),
                      PlaceName("Irevan", "az")))


@pytest.mark.parametrize(("written", "expected"), [
    ("Erivan", ["Erivan"]),
    ("Yerevan", ["Yerevan"]),
    ("YEREVAN", ["Yerevan"]),
    ("Erevan", ["Yerevan"]),         # an initial Ye/E folds alike
    ("Irevan", ["Irevan"]),
    ("Ереван", ["Ереван"]),
    ("Eriwan", ["Erivan"]),          # w/v fold alike
    ("Tiflis", []),
])
def test_names_with_key(written, expected):
    assert [n.toponym for n in names_with_key(ERIVAN, name_key(written))] == expected


def test_a_place_of_another_gazetteer_with_the_same_id_is_indexed_afresh():
    other = Place("t:erivan", "Erivan", "settlement", 44.51, 40.18, names=(PlaceName("Erevan"),))
    assert [n.toponym for n in names_with_key(ERIVAN, name_key("Erevan"))] == ["Yerevan"]
    assert [n.toponym for n in names_with_key(other, name_key("Erevan"))] == ["Erevan"]
    assert [n.toponym for n in names_with_key(ERIVAN, name_key("Erivan"))] == ["Erivan"]
