"""Persons whose names are, or were, place names: not places unless a cue says so (full gazetteer)."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer.geoparse.linker import TextContext, geoparse
from gazetteer.model import Place, PlaceName
from gazetteer.places.index import Gazetteer

IN_1920 = TextContext(date(1920, 5, 1), date(1920, 5, 31))
IN_1935 = TextContext(date(1935, 3, 1), date(1935, 3, 31))


def mentioned(text, gazetteer, context=None):
    return [m.text for m in geoparse(text, gazetteer, context)]


@pytest.mark.parametrize("text, places", [
    # a first name, then the surname (first name or surname a town somewhere)
    ("Sergo Ordzhonikidze telegraphed from Baku.", ["Baku"]),
    ("In the spring Sergo left Baku for Tiflis.", ["Baku", "Tiflis"]),
    ("Filipp Makharadze chaired the revolutionary committee in Tiflis.", ["Tiflis"]),
    ("Noe Jordania and Valiko Jugheli left Batum by sea.", ["Batum"]),
    ("Movses Silikyan held the line at Sardarapat.", ["Sardarapat"]),
    ("Hamo Ohanjanyan headed the cabinet in Erivan.", ["Erivan"]),
    ("Bekir Sami negotiated in Moscow.", ["Moscow"]),
    # a surname that was later a town's name, alone
    ("Makharadze and Mdivani opposed the line taken in Moscow.", ["Moscow"]),
    ("Mikoyan spoke for the Baku communists.", ["Baku"]),
    ("Jugheli ordered the guard to Gori.", ["Gori"]),
    # titles before, honorifics after
    ("General Thomson landed at Baku in November 1918.", ["Baku"]),
    ("The report of Colonel Rawlinson reached Erzurum.", ["Erzurum"]),
    ("Riza Bey held Kars.", ["Kars"]),
    ("Nur Pasha entered Baku.", ["Baku"]),
    ("Reza Khan marched from Qazvin.", ["Qazvin"]),
    ("Uzun Haji ruled in the mountains of Dagestan.", ["Dagestan"]),
    # short given names of the broad layer, alone
    ("Nur ordered the advance on Ganja.", ["Ganja"]),
    ("Reza was then a brigade commander in Qazvin.", ["Qazvin"]),
    # namesakes far away in the broad layer, with nothing in the text for them
    ("Wilson's arbitration gave Erzurum to Armenia.", ["Erzurum", "Armenia"]),
    ("Thomson recognised the government in Baku.", ["Baku"]),
    ("The Kavbiuro (Ordzhonikidze, Kirov) met in Baku.", ["Baku"]),
    ("Lansing replied to the note from Erivan.", ["Erivan"]),
    ("Haskell arrived in Erivan with the relief mission.", ["Erivan"]),
    # far but big enough, or named with a place cue: places
    ("The delegation sailed from Batum to Trieste and Toulon.", ["Batum", "Trieste", "Toulon"]),
    ("The delegates met at Venice.", ["Venice"]),
    # short alternate names of big cities of the region are theirs
    ("The French evacuated Orfa.", ["Orfa"]),
    ("The caravan reached Hama.", ["Hama"]),
])
def test_persons_are_not_places(text, places, full_gazetteer):
    assert mentioned(text, full_gazetteer) == places


@pytest.mark.parametrize("text, name, context", [
    ("In 1931 Vladikavkaz was renamed Ordzhonikidze.", "Ordzhonikidze", None),
    ("the city of Ordzhonikidze on the Terek", "Ordzhonikidze", None),
    ("The congress met in Ordzhonikidze.", "Ordzhonikidze", IN_1935),
    ("the Treaty of Rapallo", "Rapallo", None),
    # another name of the same place beside it, in parentheses
    ("Ozurgeti (Makharadze) lies in Guria.", "Makharadze", None),
    ("Vladikavkaz (Ordzhonikidze) lay on the Terek.", "Ordzhonikidze", None),
])
def test_a_place_cue_or_the_names_years_keep_a_place(text, name, context, full_gazetteer):
    assert name in mentioned(text, full_gazetteer, context)


def test_a_later_name_is_not_meant_in_a_text_of_before(full_gazetteer):
    assert mentioned("The congress met in Ordzhonikidze.", full_gazetteer, IN_1920) == []


def test_a_later_name_that_is_no_surname_stays_a_place():
    # Leninakan (Gyumri, 1924-1990) is no person's surname: the renamed town is meant
    gyumri = Place(id="t:gyumri", name="Gyumri", kind="settlement", lon=43.85, lat=40.79,
                   names=(PlaceName("Leninakan", valid_from=1924, valid_to=1990),))
    assert mentioned("Leninakan was shaken in 1988.", Gazetteer.from_places([gyumri])) == ["Leninakan"]
