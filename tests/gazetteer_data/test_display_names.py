"""Which name a place is shown by: one rule (today's name first; the period's name on request),
and the names of later periods dated, so that no later name passes for the documents' own."""
from __future__ import annotations

import pytest

from gazetteer.places.display import period_name
from gazetteer.places.lpf import bundled_place_files, load_places

PLACES = {p.id: p for path in bundled_place_files() for p in load_places(path)}


@pytest.mark.parametrize(("place_id", "today", "period"), [
    ("chr:gyumri", "Gyumri", "Alexandropol"),
    ("chr:goris", "Goris", "Geryusy"),
    ("chr:yerevan", "Yerevan", "Erivan"),
    ("chr:tbilisi", "Tbilisi", "Tiflis"),
    ("chr:khankendi", "Khankendi", "Khankend"),   # Stepanakert only from 1923
    ("chr:ganja", "Ganja", "Ganja"),              # Elizavetpol was given up in 1918
    ("chr:lachin", "Lachin", "Abdalyar"),         # Berdzor only from 1992
    ("chr:shusha", "Shusha", "Shusha"),
])
def test_todays_name_first_and_the_periods_name_on_request(place_id, today, period):
    place = PLACES[place_id]
    assert (place.name, period_name(place)) == (today, period)


@pytest.mark.parametrize(("place_id", "latin", "script"), [
    ("chr:aghdam", "Akna", "Ակնա"), ("chr:qubadli", "Kashunik", "Քաշունիք"), ("chr:zangilan", "Kovsakan", "Կովսական"),
    ("chr:jabrayil", "Jrakan", "Ջրական"), ("chr:lachin", "Berdzor", "Բերձոր"),
])
def test_post_1990_names_are_dated_and_given_in_armenian_script(place_id, latin, script):
    names = {(n.toponym, n.lang): n for n in PLACES[place_id].names}
    for key in ((latin, "hy-Latn"), (script, "hy")):
        assert key in names, key
        assert names[key].valid_from and names[key].valid_from >= 1990 and names[key].valid_to == 2020, key


@pytest.mark.parametrize(("place_id", "toponym", "lang"), [
    ("chr:kars", "Kars", "tr"), ("chr:ardahan", "არდაგანი", "ka"), ("chr:olty", "Օլթի", "hy"),
    ("chr:olty", "ოლთისი", "ka"), ("chr:surmalu-uyezd", "Sürməli", "az"),
])
def test_each_sides_form_is_there(place_id, toponym, lang):
    assert (toponym, lang) in {(n.toponym, n.lang) for n in PLACES[place_id].names}
