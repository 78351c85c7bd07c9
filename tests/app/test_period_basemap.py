"""The period basemap's files: rivers and lakes named from the gazetteer (no side's name first),
the relief picture and the 1920 network, each with where it comes from, served and cached by the app."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer.model import PlaceName
from mapapp.waters import water_label

BASEMAP = Path(__file__).resolve().parents[2] / "mapapp" / "data" / "basemap"


@pytest.mark.parametrize("names, label", [
    # one name per language of the region, alphabetical: the order says nothing of whose it is
    ([("Aras", "en"), ("Araks", "ru-Latn"), ("Аракс", "ru"), ("Araz", "az"), ("Araks", "hy-Latn")],
     "Araks / Aras / Araz"),
    # "Kur" and "Kür" are two spellings, both kept; scripts other than Latin are left to the hover text
    ([("Kura", "en"), ("Kür", "az"), ("Mtkvari", "ka-Latn"), ("მტკვარი", "ka"), ("Kur", "hy-Latn")],
     "Kur / Kür / Kura / Mtkvari"),
    # "Lake", "(river)" and " river" are not names; ə is a Latin letter
    ([("Lake Sevan", "en"), ("Sevan", "hy-Latn"), ("Gokcha", "ru-Latn"), ("Göyçə", "az")], "Gokcha / Göyçə / Sevan"),
    ([("Tartar (river)", "en"), ("Tərtərçay", "az"), ("Terter river", "ru-Latn")], "Tartar / Terter / Tərtərçay"),
    ([], "fallback"),
])
def test_a_waters_label_names_every_side_alphabetically(names, label):
    assert water_label([PlaceName(t, lang) for t, lang in names], fallback="fallback") == label


def test_every_river_and_lake_says_where_it_comes_from_and_is_named(client):
    answer = client.get("/basemap/waters.geojson")
    assert answer.status_code == 200 and answer.mimetype == "application/geo+json"
    assert "max-age" in answer.headers["Cache-Control"] and answer.headers["ETag"]
    waters = {f["properties"]["place"]: f["properties"] for f in answer.get_json()["features"]}
    assert {"chr:aras", "chr:kura", "chr:hakari", "chr:vorotan", "chr:arpa", "chr:tartar-river", "chr:sevan"} <= set(waters)
    assert "Bazarchay" in waters["chr:vorotan"]["label"] and "Vorotan" in waters["chr:vorotan"]["label"]
    assert "Gokcha" in waters["chr:sevan"]["label"] and "Sevan" in waters["chr:sevan"]["label"]
    assert "Акера (ru)" in waters["chr:hakari"]["names_title"]
    again = client.get("/basemap/waters.geojson", headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
    # the courses drawn schematically say so, and through which points
    for props in json.loads((BASEMAP / "rivers.geojson").read_text(encoding="utf-8"))["features"]:
        p = props["properties"]
        assert p["certainty"] == "schematic" and p["source"] and len(p["stops"]) >= 3


def test_the_relief_and_the_network_are_served_with_their_sources(client):
    relief = client.get("/basemap/relief.jpg")
    assert relief.status_code == 200 and relief.mimetype == "image/jpeg"
    assert relief.data.startswith(b"\xff\xd8") and len(relief.data) < 80_000    # light enough to load anywhere
    source = json.loads((BASEMAP / "relief.json").read_text(encoding="utf-8"))
    assert "public domain" in source["source"] and set(source["bounds"]) == {"west", "south", "east", "north"}
    network = client.get("/basemap/network.geojson").get_json()["features"]
    assert {f["properties"]["layer"] for f in network} == {"railway", "road"}
    assert all(f["properties"]["source"] and f["properties"]["certainty"] for f in network)


def test_the_new_layers_are_views_an_embed_and_a_picture_accept(client):
    assert client.get("/embed?date=1920-08-10&layers=basemap,relief,network,places").status_code == 200
    assert client.get("/map.png?date=1920-08-10&layers=basemap,relief,network,places&width=300&height=250") \
        .status_code == 200
