"""The Host header is not trusted: unknown hosts answer 400, absolute URLs come from the settings,
and X-Forwarded-* headers count only behind a proxy the settings name."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from mapapp.settings import Settings, trusted_hosts

EVIL = "evil.example"
ABSOLUTE = re.compile(r'(?:href|content|src)="(https?://[^"]+)"')


def absolute_hosts(text: str) -> set[str]:
    """The host[:port] of every absolute URL in attributes of `text` (and in oEmbed JSON)."""
    urls = ABSOLUTE.findall(text) + re.findall(r'"(?:thumbnail_url|provider_url)": ?"([^"]+)"', text)
    urls += re.findall(r'src=\\?"(https?://[^"\\]+)', text)
    return {urlsplit(u.replace("&amp;", "&")).netloc for u in urls}


@pytest.mark.parametrize(("settings", "expected"), [
    (Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas")), ("localhost", "127.0.0.1")),
    (Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), SERVER_NAME="maps.example.org:8443"), ("maps.example.org",)),
    (Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), SERVER_NAME="maps.example.org", TRUSTED_HOSTS=(".example.org",)),
     (".example.org",)),
])
def test_trusted_hosts(settings, expected):
    assert trusted_hosts(settings) == expected


@pytest.mark.parametrize("path", ["/", "/tours", "/tours/", "/api/corpus", "/oembed?url=http://evil.example/",
                                  "/embed", "/map.png?width=200&height=200"])
def test_an_unknown_host_answers_400(client, path):
    answer = client.get(path, headers={"Host": EVIL})
    assert answer.status_code == 400, path
    assert EVIL not in answer.headers.get("Location", "")
    assert f"//{EVIL}" not in answer.get_data(as_text=True)   # named in the message, never linked


def test_a_redirect_stays_on_our_host(client):
    answer = client.get("/tours")
    assert answer.status_code in (301, 308)
    assert urlsplit(answer.headers["Location"]).netloc in ("", "localhost")


@pytest.fixture
def named_client(app_for, atlas_path):
    """The app as maps.example.org, also answering `localhost` (the test client's host)."""
    return app_for(atlas_path, SERVER_NAME="maps.example.org",
                   TRUSTED_HOSTS=["maps.example.org", "localhost"]).test_client()


def page_paths(client) -> list[str]:
    doc = client.get("/api/documents").get_json()["documents"][0]["id"]
    return ["/?date=1920-08-10", "/embed?date=1920-08-10", f"/documents/{doc}",
            "/tours/disputed-districts-1920-1921", "/oembed?url=http://maps.example.org/%3Fdate%3D1920-08-10"]


def test_absolute_urls_come_from_the_server_name_whatever_the_host(named_client):
    for path in page_paths(named_client):
        answer = named_client.get(path, headers={"Host": "localhost"})
        assert answer.status_code == 200, path
        assert absolute_hosts(answer.get_data(as_text=True)) == {"maps.example.org"}, path
        assert "Host" not in answer.headers.get("Vary", ""), path


def test_absolute_urls_from_the_host_vary_by_it(client):
    for path in page_paths(client)[:-1] + ["/oembed?url=http://localhost/%3Fdate%3D1920-08-10"]:
        answer = client.get(path)
        assert absolute_hosts(answer.get_data(as_text=True)) == {"localhost"}, path
        assert "Host" in answer.headers["Vary"], path


@pytest.mark.parametrize(("proxies", "headers", "expected"), [
    (0, {"X-Forwarded-Host": EVIL, "X-Forwarded-Proto": "https"}, "http://localhost/"),
    (0, {"X-Forwarded-Host": "maps.example.org"}, "http://localhost/"),
    (1, {"X-Forwarded-Host": "maps.example.org", "X-Forwarded-Proto": "https"}, "https://maps.example.org/"),
    (1, {"X-Forwarded-Host": EVIL}, 400),
])
def test_forwarded_headers_count_only_behind_a_proxy(app_for, atlas_path, proxies, headers, expected):
    client = app_for(atlas_path, BEHIND_PROXY=proxies,
                     TRUSTED_HOSTS=["localhost", "maps.example.org"]).test_client()
    answer = client.get("/?date=1920-08-10", headers=headers)
    if expected == 400:
        assert answer.status_code == 400
        return
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', answer.get_data(as_text=True))[1]
    assert canonical.startswith(expected)


def test_behind_a_proxy_under_a_prefix_links_carry_the_prefix_once(app_for, atlas_path):
    client = app_for(atlas_path, BEHIND_PROXY=1, SERVER_NAME="maps.example.org").test_client()
    body = client.get("/?date=1920-08-10", headers={
        "Host": "maps.example.org", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "maps.example.org",
        "X-Forwarded-Prefix": "/chronotope"}).get_data(as_text=True)
    links = {u.replace("&amp;", "&") for u in ABSOLUTE.findall(body)}
    assert any(u.startswith("https://maps.example.org/chronotope/map.png?") for u in links), links
    assert any(u.startswith("https://maps.example.org/chronotope/oembed?") for u in links), links
    assert not any("/chronotope/chronotope" in u for u in links), links
