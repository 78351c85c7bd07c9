"""An atlas of documents dated in the Julian, Rumi and Hijri calendars (see data/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "corpus"


@pytest.fixture(scope="session")
def calendar_atlas(make_atlas):
    return make_atlas([DATA])


@pytest.fixture
def calendar_app(app_for, calendar_atlas):
    return app_for(calendar_atlas)


@pytest.fixture
def calendar_client(calendar_app):
    return calendar_app.test_client()


def document(client, title: str) -> dict:
    """Return the API answer of the document titled `title`."""
    listed = client.get("/api/documents?per_page=500").get_json()["documents"]
    (found,) = [d for d in listed if d["title"] == title]
    return client.get(f"/api/documents/{found['id']}").get_json()
