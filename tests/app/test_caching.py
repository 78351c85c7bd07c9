"""Every answer has an ETag and a Cache-Control; If-None-Match gives 304; framing is same-origin."""
from __future__ import annotations

import pytest
from flask import Blueprint, g

from mapapp.web.caching import AnswerCache

ROUTES = ["/api/corpus", "/api/documents", "/api/places", "/api/movements", "/api/territories",
          "/api/territories?date=1920-08-10", "/api/events?from=1920-08-01&to=1920-08-31"]


@pytest.mark.parametrize("url", ROUTES)
def test_an_etag_answers_304_without_a_body(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag


def test_a_weak_or_wildcard_etag_also_answers_304(client):
    etag = client.get("/api/corpus").headers["ETag"]
    assert client.get("/api/corpus", headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    assert client.get("/api/corpus", headers={"If-None-Match": "*"}).status_code == 304


def test_different_parameters_have_different_etags(client):
    a = client.get("/api/documents?per_page=1").headers["ETag"]
    b = client.get("/api/documents?per_page=2").headers["ETag"]
    assert a != b


def test_a_stale_etag_gets_the_full_answer(client):
    response = client.get("/api/corpus", headers={"If-None-Match": '"not-the-etag"'})
    assert response.status_code == 200 and response.get_json()["count"] > 0


def test_a_pinned_answer_is_immutable_and_an_unpinned_one_revalidates(client):
    version = client.get("/api/corpus").get_json()["version"]
    assert "immutable" in client.get(f"/api/corpus?v={version}").headers["Cache-Control"]
    assert "must-revalidate" in client.get("/api/corpus").headers["Cache-Control"]


@pytest.mark.parametrize("url", ["/api/corpus", "/api/documents/no-such-id", "/no-such-page"])
def test_framing_by_other_sites_is_refused(client, url):
    response = client.get(url)
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["ETag"] and response.headers["Cache-Control"]


def test_a_view_may_allow_framing_anywhere(app_for, atlas_path):
    app = app_for(atlas_path)
    bp = Blueprint("framed", __name__)

    @bp.get("/framed-test")
    def framed():
        g.frame_ancestors = "*"
        return "<p>embeddable</p>"

    app.register_blueprint(bp)
    response = app.test_client().get("/framed-test")
    assert "X-Frame-Options" not in response.headers
    assert response.headers["Content-Security-Policy"].endswith("; frame-ancestors *")


def test_the_answer_cache_keeps_recent_answers_within_its_size():
    cache = AnswerCache(max_bytes=800)
    made = []

    def make(body: bytes):
        def run() -> bytes:
            made.append(body)
            return body
        return run

    for n in range(10):
        cache.get_or_make(f"k{n}", make(bytes(100)))
    assert cache.size <= 800 and len(made) == 10
    cache.get_or_make("k9", make(b"other"))                 # recent: kept, not made again
    cache.get_or_make("k0", make(bytes(100)))               # oldest: dropped, made again
    assert len(made) == 11
    cache.get_or_make("huge", make(bytes(500)))             # larger than an eighth: never kept
    cache.get_or_make("huge", make(bytes(500)))
    assert len(made) == 13


def test_the_answer_cache_stays_within_its_size_under_threads():
    from concurrent.futures import ThreadPoolExecutor

    cache = AnswerCache(max_bytes=2000)

    def ask(n: int) -> bool:
        key = f"k{n % 37}"
        return cache.get_or_make(key, lambda: key.encode() * 20) == key.encode() * 20

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(2000)))
    assert all(answers) and 0 < cache.size <= 2000
