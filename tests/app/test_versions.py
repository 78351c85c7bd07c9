"""`v=` pins the atlas a view was made from; a version no longer kept answers 410 `gone`."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from mapapp.atlas.build import plan_build, run_build

from .corpus_edits import add_document

ROUTES = ["/api/corpus", "/api/documents", "/api/places", "/api/movements", "/api/territories",
          "/api/events"]


@pytest.fixture
def two_versions(small_corpus, tmp_path):
    """An atlas folder holding an older and a newer version (one more document)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    location = tmp_path / "atlas"
    old = run_build(plan_build([corpus], location))
    add_document(corpus, 1)
    new = run_build(plan_build([corpus], location))
    return corpus, location, old, new


def test_the_current_version_is_served_and_an_old_one_when_pinned(app_for, two_versions):
    _, location, old, new = two_versions
    client = app_for(location).test_client()
    current = client.get("/api/corpus").get_json()
    pinned = client.get(f"/api/corpus?v={old.version}").get_json()
    assert (current["version"], current["count"]) == (new.version, new.documents)
    assert (pinned["version"], pinned["count"]) == (old.version, old.documents)
    assert old.documents < new.documents
    listed = client.get(f"/api/documents?per_page=500&v={old.version}").get_json()
    assert listed["total"] == old.documents


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_takes_a_pin(app_for, two_versions, route):
    _, location, old, _ = two_versions
    client = app_for(location).test_client()
    assert client.get(f"{route}?v={old.version}").status_code == 200


def test_a_pinned_document_link_keeps_working(app_for, two_versions):
    _, location, old, new = two_versions
    client = app_for(location).test_client()
    old_ids = {d["id"] for d in client.get(f"/api/documents?per_page=500&v={old.version}").get_json()["documents"]}
    new_ids = {d["id"] for d in client.get("/api/documents?per_page=500").get_json()["documents"]}
    (added,) = new_ids - old_ids
    assert client.get(f"/api/documents/{added}").status_code == 200
    assert client.get(f"/api/documents/{added}?v={old.version}").status_code == 404


def test_a_version_no_longer_kept_is_gone(app_for, two_versions):
    corpus, location, old, _ = two_versions
    add_document(corpus, 2)
    newest = run_build(plan_build([corpus], location), keep=1)
    client = app_for(location).test_client()
    response = client.get(f"/api/documents?v={old.version}")
    assert response.status_code == 410
    error = response.get_json()["error"]
    assert error["code"] == "gone"
    assert old.version in error["message"] and "no longer kept" in error["message"]
    assert newest.version in error["message"]


def test_a_single_file_atlas_has_only_its_own_version(app_for, small_corpus, tmp_path):
    report = run_build(plan_build([small_corpus], tmp_path / "one.sqlite"))
    client = app_for(tmp_path / "one.sqlite").test_client()
    assert client.get(f"/api/corpus?v={report.version}").get_json()["version"] == report.version
    assert client.get("/api/corpus?v=0123456789ab").status_code == 410


def make_older(report, key: str = "schema") -> None:
    """Mark an atlas file as written by a Chronotope with another schema (or other packing dictionaries)."""
    with sqlite3.connect(report.path) as conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = ?", (key,))


@pytest.mark.parametrize("key", ["schema", "packing"])
def test_a_version_made_by_an_older_chronotope_is_gone_or_asks_for_a_build(app_for, two_versions, key):
    _, location, old, new = two_versions
    make_older(old, key)
    client = app_for(location).test_client()
    assert client.get("/api/corpus").get_json()["version"] == new.version
    pinned = client.get(f"/api/corpus?v={old.version}")
    assert pinned.status_code == 410 and pinned.get_json()["error"]["code"] == "gone"
    make_older(new, key)
    current = app_for(location).test_client().get("/api/corpus")
    assert current.status_code == 503 and "chronotope build" in current.get_json()["error"]["message"]
