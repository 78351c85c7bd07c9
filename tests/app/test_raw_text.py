"""The API carries document text raw, as JSON: escaping is the job of whatever puts it into HTML."""
from __future__ import annotations

HOSTILE = """---
title: "<script>alert('title')</script> Report from Goris"
date: August 9, 1920
origin: Goris
kind: report
author: "\\" onmouseover=\\"alert('author')"
---
The detachment left Goris <script>alert('body')</script> for Nakhichevan " onmouseover="alert(1)".
"""


def test_hostile_text_comes_back_unchanged_and_as_json(tmp_path, make_atlas, app_for):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    client = app_for(make_atlas([corpus])).test_client()
    (listed,) = client.get("/api/documents").get_json()["documents"]
    response = client.get(f"/api/documents/{listed['id']}")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    doc = response.get_json()
    assert doc["title"] == "<script>alert('title')</script> Report from Goris"
    assert doc["author"] == "\" onmouseover=\"alert('author')"
    assert "<script>alert('body')</script>" in doc["body"]
    assert "\" onmouseover=\"alert(1)\"" in doc["body"]
    events = client.get("/api/events").get_json()["features"]
    assert {e["properties"]["document_title"] for e in events} == {doc["title"]}
