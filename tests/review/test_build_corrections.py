"""Corrections last: a build (also --force, also after a corpus edit) applies every correction; one
whose quote is gone is kept and reported as orphaned; a user-layer import makes a new version with
the new links."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from mapapp.atlas.store import open_atlas
from mapapp.corrections.store import CorrectionsStore
from tests.review.conftest import DOC, link, logged_in

LETTER = """---
title: Letter from the Revkom of Zangezur to the Revkom of Armenia
date: March 5, 1921
origin: Goris
kind: letter
archive_ref: A document written for the tests.
---
Our detachment reached Karakilisa at dawn and holds the bridge.
"""

KARAKILISA = {
    "type": "FeatureCollection",
    "features": [{"@id": "user:karakilisa-sisian", "type": "Feature",
                  "properties": {"title": "Karakilisa (Sisian)", "kind": "settlement",
                                 "coord_source": "placed by a user from a 1:200000 map sheet (test data)",
                                 "certainty": "probable"},
                  "names": [{"toponym": "Karakilisa", "lang": "en"}],
                  "geometry": {"type": "Point", "coordinates": [46.03, 39.52]}}]}


def test_build_force_keeps_a_correction(site, eve, atlas_copy, small_corpus, runner):
    text = eve.get(f"/api/documents/{DOC}").get_json()["body"]
    assert eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum")).status_code == 201
    served = open_atlas(location=atlas_copy).version
    result = runner.invoke(["build", "--corpus", str(small_corpus), "--out", str(atlas_copy), "--force"])
    assert result.exit_code == 0, result.output
    atlas = open_atlas(location=atlas_copy)
    assert atlas.version != served   # the corrections are part of what a version is made of
    angora = next(m for m in atlas.document(DOC)["places"] if m["text"] == "Angora")
    assert angora["place_id"] == "chr:erzurum" and angora["review"]["status"] == "corrected"
    again = runner.invoke(["build", "--corpus", str(small_corpus), "--out", str(atlas_copy), "--force"])
    assert again.exit_code == 0
    assert next(m for m in open_atlas(location=atlas_copy).document(DOC)["places"]
                if m["text"] == "Angora")["place_id"] == "chr:erzurum"


def test_a_correction_whose_text_is_gone_is_orphaned_not_dropped(site, eve, atlas_copy, small_corpus, runner,
                                                                 tmp_path):
    text = eve.get(f"/api/documents/{DOC}").get_json()["body"]
    made = eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum")).get_json()
    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    page = next(p for p in corpus.iterdir() if "to make Angora more amenable" in p.read_text(encoding="utf-8"))
    page.write_text(page.read_text(encoding="utf-8").replace("to make Angora more", "to make Kemal more"),
                    encoding="utf-8")
    result = runner.invoke(["build", "--corpus", str(corpus), "--out", str(atlas_copy)])
    assert result.exit_code == 0, result.output
    orphans = CorrectionsStore(atlas_copy).orphaned()
    assert [a.id for a in orphans] == [made["id"].rsplit("/", 1)[1]]
    listing = site.test_client().get(f"/api/documents/{DOC}/annotations").get_json()
    assert listing["total"] == 1 and listing["items"][0]["orphaned"] is True


def test_build_after_a_gazetteer_import_relinks(chronotope, tmp_path):
    home, corpus = tmp_path / "home", tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "letter.md").write_text(LETTER, encoding="utf-8")
    env = {**os.environ, "CHRONOTOPE_HOME": str(home), "CHRONOTOPE_ATLAS_DIR": str(home / "atlas")}

    def run(*args):
        done = subprocess.run([*chronotope, *args], env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done

    def karakilisa():
        atlas = open_atlas(location=home / "atlas")
        doc = atlas.documents()["documents"][0]["id"]
        return atlas.version, next(m for m in atlas.document(doc)["places"] if m["text"] == "Karakilisa")

    run("build", "--corpus", str(corpus))
    before, machine = karakilisa()
    assert machine["place_id"] != "user:karakilisa-sisian"
    places = tmp_path / "karakilisa.lpf.json"
    places.write_text(json.dumps(KARAKILISA), encoding="utf-8")
    run("gazetteer", "import", str(places))
    built = run("build", "--corpus", str(corpus), "--json")
    assert "up to date" not in built.stdout + built.stderr
    after, relinked = karakilisa()
    assert after != before
    assert relinked["place_id"] == "user:karakilisa-sisian"


@pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)
def test_two_servers_on_one_atlas_see_each_others_corrections(site, app_for, atlas_copy, home, store):
    other = app_for(atlas_copy, HOME=home, DATABASE_URL=site.config.get("DATABASE_URL")).test_client()
    before = other.get(f"/api/documents/{DOC}")
    eve = logged_in(site, "eve")
    text = before.get_json()["body"]
    assert eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum")).status_code == 201
    after = other.get(f"/api/documents/{DOC}", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert next(m for m in after.get_json()["places"] if m["text"] == "Angora")["place_id"] == "chr:erzurum"


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_a_build_into_the_database_keeps_a_correction(site, eve, small_corpus, runner, store):
    url = site.config["DATABASE_URL"]
    text = eve.get(f"/api/documents/{DOC}").get_json()["body"]
    assert eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum")).status_code == 201
    for _ in range(2):   # the second build reuses the first's rows, corrected ones among them
        result = runner.invoke(["build", "--database", url, "--corpus", str(small_corpus), "--force"])
        assert result.exit_code == 0, result.output
        angora = next(m for m in open_atlas(location=url).document(DOC)["places"] if m["text"] == "Angora")
        assert (angora["place_id"], angora["review"]["status"]) == ("chr:erzurum", "corrected")
