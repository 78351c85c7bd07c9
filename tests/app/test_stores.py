"""The atlas in PostgreSQL/PostGIS answers exactly as the SQLite atlas does (see mapapp/atlas/postgres.py)."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest

# Every route with parameters that exercise each query: windows open and closed, full text and
# LIKE, bbox (also across the antimeridian), a name search, paging, pinned versions, errors.
API_PATHS = [
    "/api/corpus",
    "/api/documents?per_page=500",
    "/api/documents?from=1920-08-01&to=1920-08-31",
    "/api/documents?from=1920-09-01",
    "/api/documents?to=1920-06-30&per_page=3&page=2",
    "/api/documents?q=Zangezur",
    "/api/documents?q=zangezur+karabakh",
    "/api/documents?q=ZANGEZUR",
    "/api/documents?q=Шуша",
    "/api/documents?q=%22unbalanced+AND+(NEAR",
    "/api/documents?q=_",
    "/api/documents?q=a_b",
    "/api/documents?q=red_army+caucasian_front",
    "/api/places",
    "/api/places?from=1920-08-01&to=1920-08-31",
    "/api/places?bbox=45,39,47,40.5",
    "/api/places?bbox=170,-90,46,90",
    "/api/places?bbox=46.5,39.7,46.8,39.8",
    "/api/places?q=shusha",
    "/api/places?q=Нахичевань",
    "/api/places?q=%25",
    "/api/movements",
    "/api/movements?from=1920-07-01&to=1920-08-15",
    "/api/events?from=1920-08-01&to=1920-08-31",
    "/api/events",
    "/api/territories",
    "/api/territories?date=1920-08-10",
    "/api/description?date=1920-08-10&window=30",
    "/api/documents/no-such-document",
    "/api/places/no-such-place",
    "/api/documents?v=000000000000",
    "/api/documents?v=nonsense",
]


@pytest.fixture
def both(app_for, atlas_path, pg_atlas_url):
    """The test clients of one atlas: as its SQLite file, and as published into PostgreSQL."""
    return (app_for(atlas_path).test_client(), app_for(atlas_path, DATABASE_URL=pg_atlas_url).test_client())


@pytest.mark.parametrize("path", API_PATHS)
def test_every_api_answer_is_the_same_bytes_on_both_stores(both, path):
    lite, pg = (client.get(path) for client in both)
    assert (pg.status_code, pg.headers.get("ETag"), pg.data) == (lite.status_code, lite.headers.get("ETag"), lite.data)


@pytest.mark.parametrize("q", ["zangezur", "ZANGEZUR karabakh", "Шуша", "50%", "a_b", "'; DROP TABLE documents; --"])
def test_search_without_full_text_index_is_the_same_on_both_stores(app_for, atlas_path, database_url, tmp_path, q):
    """A SQLite without FTS5 makes atlases that search by LIKE, which folds ASCII letters only: so does PostgreSQL."""
    from mapapp.atlas import postgres, versions

    copy = tmp_path / "atlas"
    shutil.copytree(atlas_path, copy)
    built = versions.current_file(copy)
    with closing(sqlite3.connect(built)) as conn, conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'fts'")
    url = database_url()
    postgres.publish(url, built, versions.current_version(copy), keep=5)
    lite, pg = (app_for(copy, **config).test_client().get(f"/api/documents?per_page=500&q={q}")
                for config in ({}, {"DATABASE_URL": url}))
    assert pg.data == lite.data
