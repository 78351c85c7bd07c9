"""Every answer carries a Content-Security-Policy: scripts only from the server (the map's one
inline bootstrap carries the request's nonce), no plugins; the browser tests fail on a violation."""
from __future__ import annotations

import re

import pytest

from mapapp.web.security import content_security_policy


def directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def test_the_policy_is_strict():
    policy = directives(content_security_policy("'self'", "abc"))
    assert policy["script-src"] == "script-src 'self' 'nonce-abc'"
    assert policy["object-src"] == "object-src 'none'" and policy["base-uri"] == "base-uri 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]


def pages(client) -> list[str]:
    doc = client.get("/api/documents").get_json()["documents"][0]["id"]
    place = client.get("/api/places").get_json()["features"][0]["properties"]["id"]
    return ["/", "/embed", f"/documents/{doc}", f"/documents/{doc}/print", f"/places/{place}", "/tours/",
            "/tours/disputed-districts-1920-1921", "/tours/disputed-districts-1920-1921/print",
            "/api/corpus", "/api/openapi.json", "/map.png?width=200&height=200", "/oembed?url=http://localhost/",
            "/no-such-page", "/api/no-such-route"]


def test_every_answer_forbids_inline_scripts_and_objects(client):
    for path in pages(client):
        answer = client.get(path)
        policy = directives(answer.headers["Content-Security-Policy"])
        assert re.fullmatch(r"script-src 'self'( 'nonce-[\w-]+')?", policy["script-src"]), path
        assert policy["object-src"] == "object-src 'none'", path


def test_each_inline_script_carries_this_requests_nonce(client):
    for path in ("/", "/embed?date=1920-08-10"):
        answers = [client.get(path) for _ in range(2)]
        nonces = [re.search(r"'nonce-([\w-]+)'", a.headers["Content-Security-Policy"])[1] for a in answers]
        assert nonces[0] != nonces[1], path
        for answer, nonce in zip(answers, nonces, strict=True):
            scripts = re.findall(r"<script\b([^>]*)>", answer.get_data(as_text=True))
            inline = [attrs for attrs in scripts if "src=" not in attrs]
            assert inline and all(f'nonce="{nonce}"' in attrs for attrs in inline), path


@pytest.mark.parametrize(("tiles", "expected"), [(False, "img-src 'self' data: blob:"),
                                                 (True, "img-src 'self' data: blob: https://tile.openstreetmap.org")])
def test_pictures_come_from_the_server_and_the_tiles_when_offered(app_for, atlas_path, tiles, expected):
    answer = app_for(atlas_path, TILES=tiles).test_client().get("/")
    assert directives(answer.headers["Content-Security-Policy"])["img-src"] == expected
