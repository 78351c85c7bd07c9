"""One side, one colour: a movement's actor belongs to the party the document makes clear, and keeps
its own words; a subject that moves nothing is no actor."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer.movements.parties import actor_party, is_actor


@pytest.mark.parametrize(("actor", "writer", "on", "party"), [
    ("our forces", "B. Legrand", date(1920, 8, 6), "RSFSR (11th Red Army)"),
    ("Our troops", "G. Ordzhonikidze", date(1920, 8, 10), "RSFSR (11th Red Army)"),
    ("our units", "T. Makhmudbekov", date(1921, 2, 15), "Azerbaijan SSR"),
    ("our troops", None, date(1920, 8, 10), None),                  # whose "our": not known
    ("Red troops", None, None, "RSFSR (11th Red Army)"),
    ("the forces of the RSFSR", None, None, "RSFSR (11th Red Army)"),
    ("THE TURKISH BAYAZET DIVISION", None, None, "Grand National Assembly of Turkey"),
    ("Khalil Pasha", None, None, "Grand National Assembly of Turkey"),
    ("Dashnak bands", "“Camarade Halil.”", date(1920, 8, 10), "Republic of Armenia"),
    ("The Dashnaks", "T. Makhmudbekov", date(1921, 2, 15), None),   # after the Republic handed over power
    ("Tarkhan", None, None, None),
    ("The situation", None, None, None),
    (None, "B. Legrand", None, None),
])
def test_actor_party(actor, writer, on, party):
    assert actor_party(actor, writer, on) == party


@pytest.mark.parametrize(("phrase", "actor"), [("The situation", False), ("the question", False),
                                                ("The Armenian Government", True), ("Our troops", True)])
def test_is_actor(phrase, actor):
    assert is_actor(phrase) is actor


def test_the_atlas_records_the_party_beside_the_words(tmp_path):
    import json

    from mapapp.atlas.packing import unpack
    from mapapp.atlas.rows import analyse_source

    path = tmp_path / "legrand.md"
    path.write_text("---\ntitle: Telegram from B. Legrand to G. Chicherin\ndate: 1920-08-10\nauthor: B. Legrand\n---\n"
                    "Our troops are continuing their movement from Gerusy toward Nakhichevan.\n", encoding="utf-8")
    (row,) = analyse_source(path).movements
    record = json.loads(unpack("movement", row["props"]))
    assert (record["actor"], record["party"]) == ("Our troops", "RSFSR (11th Red Army)")
