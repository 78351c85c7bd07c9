"""Dates in the API: every one carries its EDTF form, and a date whose year is unknown stays off the slider."""
from __future__ import annotations

import edtf
import pytest

DATED = """---
title: Telegram from Goris
date: August 10, 1920
origin: Goris
kind: telegram
---
Yesterday the column left Shusha. On April 23 it had held Goris; your telegram of the 7th inst. came late.
"""
UNDATED = """---
title: Undated note on the column
kind: memorandum
---
On April 23 the column reached Goris, and in June it left.
"""


@pytest.fixture(scope="module")
def dispatch_atlas(make_atlas, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dispatches")
    (folder / "dated.md").write_text(DATED, encoding="utf-8")
    (folder / "undated.md").write_text(UNDATED, encoding="utf-8")
    return make_atlas([folder])


@pytest.fixture
def dispatches(app_for, dispatch_atlas):
    return app_for(dispatch_atlas).test_client()


def document(client, title: str) -> dict:
    listed = client.get("/api/documents?per_page=500").get_json()["documents"]
    (found,) = [d for d in listed if d["title"] == title]
    return client.get(f"/api/documents/{found['id']}").get_json()


def test_dates_of_a_dated_document_are_read_against_its_date_with_edtf(dispatches):
    doc = document(dispatches, "Telegram from Goris")
    assert [(d["text"], d["earliest"], d["latest"], d["edtf"]) for d in doc["dates"]] == [
        ("Yesterday", "1920-08-09", "1920-08-09", "1920-08-09"),
        ("April 23", "1920-04-23", "1920-04-23", "1920-04-23"),
        ("the 7th inst.", "1920-08-07", "1920-08-07", "1920-08-07")]
    assert "10 August 1920" in doc["dates"][0]["note"]


def test_a_date_without_a_year_in_an_undated_document_is_listed_but_not_placed(dispatches):
    doc = document(dispatches, "Undated note on the column")
    assert doc["earliest"] is None
    assert [(d["text"], d["earliest"], d["latest"], d["edtf"]) for d in doc["dates"]] == [
        ("April 23", None, None, "XXXX-04-23"), ("June", None, None, "XXXX-06")]
    assert all(edtf.parse_edtf(d["edtf"]) for d in doc["dates"])
    corpus = dispatches.get("/api/corpus").get_json()
    assert corpus["dates"] == ["1920-08-10"]                  # the slider's steps: dated documents only
    assert (corpus["earliest"], corpus["latest"]) == ("1920-08-10", "1920-08-10")
    # a window of days lists the dated document only
    listed = dispatches.get("/api/documents?from=1920-04-01&to=1920-12-31").get_json()["documents"]
    assert [d["title"] for d in listed] == ["Telegram from Goris"]
