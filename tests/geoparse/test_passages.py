"""Whole passages in the style of an encyclopedia: every place found, nothing else (full gazetteer)."""
from __future__ import annotations

from gazetteer.geodesy import distance_km
from gazetteer.geoparse.linker import geoparse
from gazetteer.model import LonLat

PASSAGE = (
    "The Democratic Republic of Georgia, with its capital at Tiflis, disputed the Borchaly and "
    "Akhalkalaki districts with Armenia. The Ottoman army under Kazim Karabekir Pasha invaded Armenia "
    "in September 1920, taking Sarikamish, Kars and Alexandropol. Sergo Ordzhonikidze and Anastas "
    "Mikoyan came from Baku. The vilayets of Van, Bitlis and Erzurum had been promised to Armenia by "
    "the Treaty of Sèvres, signed near Paris. Lake Sevan, Mount Aragats and the Zangezur Mountains mark "
    "southern Armenia; Meghri and Kapan lie near the Persian frontier. The Armenian SSR and the RSFSR "
    "signed the Treaty of Kars with Turkey."
)
EXPECTED = ["Georgia", "Tiflis", "Borchaly", "Akhalkalaki", "Armenia", "Armenia", "Sarikamish", "Kars",
            "Alexandropol", "Baku", "Van", "Bitlis", "Erzurum", "Armenia", "Sèvres", "Paris", "Sevan",
            "Mount Aragats", "Zangezur", "Armenia", "Meghri", "Kapan", "Kars", "Turkey"]
POINTS = {"Tiflis": (44.79, 41.72), "Alexandropol": (43.85, 40.79), "Van": (43.38, 38.49),
          "Paris": (2.35, 48.85), "Meghri": (46.24, 38.90)}


def test_an_encyclopedic_passage(full_gazetteer):
    mentions = geoparse(PASSAGE, full_gazetteer)
    assert [m.text for m in mentions] == EXPECTED
    for m in mentions:
        assert PASSAGE[m.start:m.end] == m.text and m.place is not None
        if m.text in POINTS:
            assert distance_km(m.place, LonLat(*POINTS[m.text])) < 15
