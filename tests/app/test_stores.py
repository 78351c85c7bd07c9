"""The atlas in PostgreSQL/PostGIS answers exactly as the SQLite atlas does (see mapapp/atlas/postgres.py)."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    "/api/movements?from=1920-07-01&to=1920-08-15&limit=3",
    "/api/movements?limit=1",
    "/api/movements?to=1920-08-15&limit=7",
    "/api/places?from=1920-08-01&to=1920-08-31&limit=5&doc_limit=1",
    "/api/places?doc_limit=0",
    "/api/places?bbox=45,39,47,40.5&limit=2",
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


def explain(url: str, version: str, sql: str, params: list) -> str:
    from mapapp.atlas import postgres

    conn = postgres.Schema(url, version).connect()
    try:
        conn.execute("SET enable_seqscan = off")   # a handful of rows: else a scan is cheaper than any index
        return "\n".join(r[0] for r in conn.execute("EXPLAIN " + sql, params))
    finally:
        conn.close()


@pytest.mark.parametrize(("bbox", "indexes"), [
    ((45.0, 39.0, 47.0, 40.5), ("places_geom",)),
    # Across the antimeridian: two boxes, both indexed. Which index serves them is the planner's
    # choice, made on the statistics autovacuum happens to have gathered: the two GiST probes, or
    # one range of the (lon, lat) B-tree (CI saw both). Either way no row is read that the index rules out.
    ((170.0, -90.0, 46.0, 90.0), ("places_geom", "places_by_lon_lat")),
])
def test_the_bbox_query_goes_through_the_gist_index(pg_atlas_url, atlas_path, bbox, indexes):
    from mapapp.atlas import versions
    from mapapp.atlas.query import POSTGRES
    from mapapp.params import BBox

    where, params = POSTGRES.bbox(BBox(*bbox))
    plan = explain(pg_atlas_url, versions.current_version(atlas_path), f"SELECT id FROM places WHERE {where}", params)
    assert any(index in plan for index in indexes) and "Seq Scan" not in plan


@pytest.mark.parametrize(("table", "index"), [("documents", "documents_by_date"), ("movements", "movements_by_date")])
def test_the_date_window_goes_through_the_date_index(pg_atlas_url, atlas_path, table, index):
    from mapapp.atlas import versions
    from mapapp.atlas.query import window_sql
    from mapapp.params import Window

    where, params = window_sql(Window("1920-08-01", "1920-08-31"), "t", 366)
    plan = explain(pg_atlas_url, versions.current_version(atlas_path), f"SELECT * FROM {table} t WHERE {where}",
                   params)
    assert index in plan and "Seq Scan" not in plan


@pytest.mark.parametrize(("text", "words"), [
    ("Zangezur", ("zangezur",)),
    ("Šuša", ("susa",)),
    ("red_army", ("red", "army")),
    ("ШУША", ("шуша",)),
    ("_", ()),
])
def test_the_words_of_a_query_are_those_fts5_indexes(text, words):
    from mapapp.atlas.query import fts_words

    assert fts_words(text) == words


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://me@db/atlas", "postgresql://me@db/atlas"),
    ("postgresql://me:secret@db:5433/atlas", "postgresql://me:***@db:5433/atlas"),
    ("postgres://me:p%40ss@db/atlas?sslmode=require", "postgres://me:***@db/atlas?sslmode=require"),
])
def test_a_database_url_is_shown_without_its_password(url, shown):
    from mapapp.atlas.postgres import shown_url

    assert shown_url(url) == shown


def test_a_database_without_an_atlas_answers_no_atlas(app_for, atlas_path, database_url, tmp_path):
    empty = app_for(atlas_path, DATABASE_URL=database_url()).test_client().get("/api/corpus")
    unreachable = app_for(atlas_path, DATABASE_URL=f"postgresql://me:secret@/none?host={tmp_path}").test_client()
    for response in (empty, unreachable.get("/api/corpus")):
        assert response.status_code == 503 and response.get_json()["error"]["code"] == "no_atlas"
        assert "secret" not in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def like_on_both(postgres_server):
    """A function: whether `text` matches the search pattern of `q`, as (SQLite, PostgreSQL) answer."""
    import psycopg

    from mapapp.atlas.query import POSTGRES, SQLITE, like_pattern

    lite = sqlite3.connect(":memory:")
    pg = psycopg.connect(postgres_server.url("postgres"), autocommit=True)

    def match(text: str, q: str) -> tuple[bool, bool]:
        pattern = like_pattern(q)
        found = lite.execute(f"SELECT {SQLITE.like('?')}", (text, pattern)).fetchone()[0]
        on_pg = pg.execute(f"SELECT {POSTGRES.like('%s')}".replace("?", "%s"), (text, pattern)).fetchone()[0]
        return bool(found), bool(on_pg)

    yield match
    lite.close()
    pg.close()


TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, q=TEXT)
def test_like_means_the_same_on_both_stores(like_on_both, text, q):
    lite, pg = like_on_both(text, q)
    assert lite == pg
    lite, pg = like_on_both(q.upper() + text, q.lower())   # and where case is all that differs
    assert lite == pg


@pytest.mark.parametrize(("text", "q", "expected"), [
    ("Zangezur", "zANGEZUR", True),      # ASCII letters fold
    ("ШУША", "шуша", False),             # other alphabets do not, on either store
    ("100% sure", "0%", True),           # % and _ are taken literally
    ("100 sure", "0%", False),
    ("a_b", "a_b", True),
    ("axb", "a_b", False),
])
def test_like_examples(like_on_both, text, q, expected):
    assert like_on_both(text, q) == (expected, expected)


def test_an_incremental_build_into_the_database_is_a_fresh_one(app_for, database_url, tmp_path):
    from mapapp.atlas.build import plan_build, run_build

    from .corpus_edits import add_document, fix_a_typo

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = [add_document(corpus, n) for n in (1, 2, 3)]
    url = database_url()
    run_build(plan_build([corpus], url))
    fix_a_typo(sources[0])
    report = run_build(plan_build([corpus], url))
    fresh = run_build(plan_build([corpus], tmp_path / "fresh"))
    assert (report.version, report.reused) == (fresh.version, 2)
    for path in ("/api/documents?per_page=500", "/api/places", "/api/events", "/api/movements",
                 "/api/documents?q=the"):
        lite, pg = (app_for(tmp_path / "fresh", **config).test_client().get(path)
                    for config in ({}, {"DATABASE_URL": url}))
        assert pg.data == lite.data and pg.status_code == 200


def test_every_column_of_the_sqlite_atlas_reaches_postgresql():
    """A column the build adds to the SQLite atlas but PostgreSQL lacks would answer differently there."""
    import sqlite3

    from mapapp.atlas import pg_schema, schema

    conn = sqlite3.connect(":memory:")
    conn.executescript(schema.TABLES)
    for table, copied in pg_schema.COPIED.items():
        assert [r[1] for r in conn.execute(f"PRAGMA table_info({table})")] == list(copied), table
