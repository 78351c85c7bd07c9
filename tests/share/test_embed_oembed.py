"""/embed may be framed by any site, nothing else; /oembed answers oEmbed 1.0; v= pins a view."""
from __future__ import annotations

import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

RICH_REQUIRED = {"type", "version", "html", "width", "height"}


def first_doc(client) -> str:
    return client.get("/api/documents").get_json()["documents"][0]["id"]


def test_only_embed_may_be_framed_by_other_sites(client):
    embed = client.get("/embed?date=1920-08-10")
    assert embed.status_code == 200
    assert embed.headers["Content-Security-Policy"].endswith("; frame-ancestors *")
    assert "X-Frame-Options" not in embed.headers
    for path in ("/", f"/documents/{first_doc(client)}", "/tours/disputed-districts-1920-1921",
                 "/map.png?width=200&height=200", "/oembed?url=http://localhost/", "/tours/"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["X-Frame-Options"] == "SAMEORIGIN", path
        assert "frame-ancestors 'self'" in answer.headers["Content-Security-Policy"], path


def test_embed_is_the_map_with_a_link_to_the_full_view(client):
    version = client.get("/api/corpus").get_json()["version"]
    body = client.get("/embed?date=1920-08-10&z=8&ll=39.5,46.0").get_data(as_text=True)
    assert 'data-embed="true"' in body and "Open in Chronotope" in body
    assert 'id="panel"' not in body
    assert client.get(f"/embed?v={version}").status_code == 200


def oembed(client, url, **params):
    return client.get("/oembed", query_string={"url": url, **params})


@pytest.mark.parametrize(("maxwidth", "maxheight"), [(None, None), (500, None), (None, 300), (320, 260),
                                                     (1200, 900), (250, 200)])
def test_oembed_answer_has_the_required_fields_within_the_limits(client, maxwidth, maxheight):
    params = {k: v for k, v in (("maxwidth", maxwidth), ("maxheight", maxheight)) if v}
    answer = oembed(client, "http://localhost/?date=1920-08-10&z=8&ll=39.5,46.0", format="json", **params)
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    data = answer.get_json()
    assert RICH_REQUIRED <= set(data)
    assert (data["type"], data["version"], data["provider_name"]) == ("rich", "1.0", "Chronotope")
    assert isinstance(data["width"], int) and isinstance(data["height"], int)
    assert data["width"] <= (maxwidth or 10**6) and data["height"] <= (maxheight or 10**6)
    src = re.search(r'<iframe src="([^"]+)" width="(\d+)" height="(\d+)"', data["html"])
    assert (int(src.group(2)), int(src.group(3))) == (data["width"], data["height"])
    query = parse_qs(urlsplit(html.unescape(src.group(1))).query)
    assert query["date"] == ["1920-08-10"] and query["v"] == [client.get("/api/corpus").get_json()["version"]]
    if "thumbnail_url" in data:
        assert data["thumbnail_width"] <= (maxwidth or 10**6) and data["thumbnail_height"] <= (maxheight or 10**6)
        png = client.get(data["thumbnail_url"].replace("http://localhost", ""))
        assert Image.open(io.BytesIO(png.data)).size == (data["thumbnail_width"], data["thumbnail_height"])


def test_oembed_of_a_document_embeds_that_document(client):
    doc = client.get(f"/api/documents/{first_doc(client)}").get_json()
    data = oembed(client, f"http://localhost/documents/{doc['id']}").get_json()
    assert data["title"] == doc["title"]
    assert f"doc={doc['id']}" in html.unescape(data["html"])


@pytest.mark.parametrize(("url", "params", "status"), [
    ("http://elsewhere.example/?date=1920-08-10", {}, 404),
    ("http://localhost/api/corpus", {}, 404),
    ("http://localhost/documents/no-such-document", {}, 404),
    ("http://localhost/", {"format": "xml"}, 501),
    ("http://localhost/", {"maxwidth": "wide"}, 400),
    ("http://localhost/?ll=north", {}, 400),
    ("", {}, 400),
])
def test_oembed_refusals(client, url, params, status):
    assert oembed(client, url, **params).status_code == status


def test_a_pinned_embed_shows_the_old_version_and_a_gone_one_says_so(pinned_client, two_versions):
    _, _, old, new = two_versions
    assert old.version != new.version
    embed = pinned_client.get(f"/embed?v={old.version}&date=1920-08-10")
    assert embed.status_code == 200 and embed.headers["Content-Security-Policy"].endswith("; frame-ancestors *")
    gone = pinned_client.get("/embed?v=0123456789ab&date=1920-08-10&z=8")
    assert gone.status_code == 410 and gone.headers["Content-Security-Policy"].endswith("; frame-ancestors *")
    text = html.unescape(gone.get_data(as_text=True))
    words = " ".join(re.sub(r"<[^>]+>", "", text).split())
    assert "This map was made from data version 0123456789ab, which this server no longer keeps" in words
    assert 'href="/embed?date=1920-08-10&z=8"' in text and "open the current map" in text


def test_pinned_pages_serve_the_version_they_name(pinned_client, two_versions):
    _, _, old, new = two_versions
    newest = {d["id"] for d in pinned_client.get("/api/documents?per_page=500").get_json()["documents"]}
    older = {d["id"] for d in pinned_client.get(f"/api/documents?per_page=500&v={old.version}").get_json()["documents"]}
    (added,) = newest - older
    assert pinned_client.get(f"/documents/{added}").status_code == 200
    assert pinned_client.get(f"/documents/{added}?v={new.version}").status_code == 200
    assert pinned_client.get(f"/documents/{added}?v={old.version}").status_code == 404
    assert pinned_client.get(f"/map.png?doc={added}&v={old.version}").status_code == 404
    kept = next(iter(older))
    page = pinned_client.get(f"/documents/{kept}?v={old.version}").get_data(as_text=True)
    assert f"v={old.version}" in page
    answer = pinned_client.get("/oembed", query_string={"url": f"http://localhost/?v={old.version}"}).get_json()
    assert f"v={old.version}" in answer["html"] and f"v={old.version}" in answer["thumbnail_url"]
    for path in (f"/documents/{kept}?v=0123456789ab", "/map.png?v=0123456789ab",
                 "/tours/disputed-districts-1920-1921?v=0123456789ab"):
        gone = pinned_client.get(path)
        assert gone.status_code == 410 and "no longer keeps" in " ".join(gone.get_data(as_text=True).split()), path
