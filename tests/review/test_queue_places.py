"""The review queue, the gazetteer search and places created in the app, on the real app."""
from __future__ import annotations

import re

import pytest

from mapapp.corrections import places
from tests.review.conftest import DOC, link, logged_in, with_token

SISIAN_KARAKILISA = {"names": [{"toponym": "Angora", "lang": "en"}], "kind": "settlement",
                     "lon": 46.03, "lat": 39.52, "certainty": "probable",
                     "source": "a 1:200000 map sheet of 1915 (test data)"}


def test_the_queue_lists_unreviewed_links_least_certain_first_with_progress(site, eve):
    reader = site.test_client()
    queue = reader.get("/api/review/queue?per_page=500").get_json()
    items = queue["items"]
    assert items and queue["total"] == len(items) == queue["progress"]["total"]
    assert queue["progress"]["reviewed"] == 0
    keys = [(i["score"], i["lead"]) for i in items]
    assert keys == sorted(keys)
    assert all({"document_id", "start", "end", "text", "place", "score", "candidates"} <= set(i) for i in items)
    text = reader.get(f"/api/documents/{DOC}").get_json()["body"]
    eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum"))
    after = reader.get(f"/api/review/queue?doc={DOC}").get_json()
    assert after["progress"]["reviewed"] == 1
    assert "Angora" not in [i["text"] for i in after["items"]]
    assert all(i["document_id"] == DOC for i in after["items"])
    only_baku = reader.get("/api/review/queue?place=chr:baku").get_json()["items"]
    assert only_baku and {i["place"]["id"] for i in only_baku} == {"chr:baku"}


def test_the_gazetteer_search_finds_places_of_every_layer_by_any_spelling(client):
    found = client.get("/api/gazetteer/search?q=Geryusy").get_json()["places"]
    assert "chr:goris" in [p["id"] for p in found]
    goris = next(p for p in found if p["id"] == "chr:goris")
    assert {"id", "names", "kind", "lon", "lat", "layer", "source", "certainty"} <= set(goris)
    assert client.get("/api/gazetteer/search?q=Alexandropol").get_json()["total"] >= 1


def test_a_place_created_in_the_app_is_offered_and_relinks_the_documents_naming_it(site, user_home):
    eve = logged_in(site, "eve")
    made = eve.post("/api/places", json=SISIAN_KARAKILISA)
    assert made.status_code == 201, made.get_data(as_text=True)
    place = made.get_json()
    assert place["id"].startswith("user:") and place["layer"] == "user" and DOC in place["documents"]
    assert (user_home / "gazetteer" / "app-places.lpf.json").exists()
    reader = site.test_client()
    assert place["id"] in [p["id"] for p in reader.get("/api/gazetteer/search?q=Angora").get_json()["places"]]
    angora = next(m for m in reader.get(f"/api/documents/{DOC}").get_json()["places"] if m["text"] == "Angora")
    assert place["id"] in [c["place_id"] for c in angora["candidates"]]


@pytest.mark.parametrize("change, problem", [
    ({"source": ""}, "source"), ({"lon": 200}, "lon"), ({"names": []}, "names"),
    ({"certainty": "sure"}, "certainty"), ({"kind": None}, "kind")])
def test_a_place_without_what_it_needs_is_refused_naming_the_field(site, user_home, change, problem):
    refused = logged_in(site, "eve").post("/api/places", json={**SISIAN_KARAKILISA, **change})
    assert refused.status_code == 400 and refused.get_json()["error"]["message"].startswith(problem)


def test_creating_a_place_needs_an_editor(site, user_home):
    assert with_token(site).post("/api/places", json=SISIAN_KARAKILISA).status_code == 401
    assert logged_in(site, "rita").post("/api/places", json=SISIAN_KARAKILISA).status_code == 403


def test_a_place_another_server_added_is_found_without_a_restart(user_home):
    from gazetteer.model import Place
    from mapapp.corrections import newplace

    assert places.place("chr:goris") is not None   # loaded once
    made = Place("user:brnakot", "Brnakot", "settlement", 45.97, 39.49, coord_source="a map sheet (test data)",
                 layer="user")
    newplace.save(made, user_home)   # as another server process would
    assert places.place("user:brnakot").name == "Brnakot"



@pytest.mark.parametrize("lang", ["ru", "hy", "az", "tr", "ka"])
def test_the_queue_names_the_kinds_of_place_in_the_pages_language(eve, lang):
    # the filter offers each kind by its name in the page's language; the code stays the value sent
    page = eve.get(f"/review?lang={lang}").get_data(as_text=True)
    shown = dict(re.findall(r'<option value="(\w+)"[^>]*>([^<]+)</option>', page))
    assert shown["settlement"] != "settlement" and shown["river"] != "river"
