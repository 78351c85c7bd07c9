"""/documents/<id> and /places/<id>: what a reader sees, linked and escaped; their handouts."""
from __future__ import annotations

import html
import re

import pytest


def documents(client, **params):
    return client.get("/api/documents", query_string={"per_page": 500, **params}).get_json()["documents"]


def with_places(client):
    """The detail of a bundled document that names places and has an origin and an author."""
    for listed in documents(client):
        doc = client.get(f"/api/documents/{listed['id']}").get_json()
        if doc["places"] and doc["origin"] and doc["author"] and doc["archive_ref"]:
            return doc
    pytest.fail("no bundled document with places, origin, author and archive_ref")


def test_document_page_shows_heading_facts_text_and_citation(client):
    doc = with_places(client)
    page = client.get(f"/documents/{doc['id']}")
    assert page.status_code == 200
    text = html.unescape(page.get_data(as_text=True))
    for field in ("title", "date_text", "origin", "author", "archive_ref"):
        assert doc[field] in text, field
    assert f'/map.png?doc={doc["id"]}' in text
    plain = re.sub(r"<[^>]+>", "", text)
    assert " ".join(doc["body"].split()[:30]) in " ".join(plain.split())


def test_document_page_links_every_place_mention(client):
    doc = with_places(client)
    body = client.get(f"/documents/{doc['id']}").get_data(as_text=True)
    links = re.findall(r'<a class="mention" href="/places/([^"]+)"[^>]*>([^<]*)</a>', body)
    expected = [(m["place_id"], m["text"]) for m in sorted(doc["places"], key=lambda m: m["start"])]
    assert [(pid, html.unescape(t)) for pid, t in links] == expected
    for place_id in {m["place_id"] for m in doc["places"]}:
        assert client.get(f"/places/{place_id}").status_code == 200


def test_document_page_links_previous_and_next_by_date(client):
    listed = documents(client)
    middle = listed[len(listed) // 2]["id"]
    detail = client.get(f"/api/documents/{middle}").get_json()
    body = client.get(f"/documents/{middle}").get_data(as_text=True)
    assert f'rel="prev" href="/documents/{detail["prev"]}' in body
    assert f'rel="next" href="/documents/{detail["next"]}' in body
    first = client.get(f"/documents/{listed[0]['id']}").get_data(as_text=True)
    assert 'rel="prev"' not in first


def test_pages_carry_oembed_discovery_and_card_tags(client):
    doc = with_places(client)
    place_id = doc["places"][0]["place_id"]
    version = client.get("/api/corpus").get_json()["version"]
    for path in (f"/documents/{doc['id']}", f"/places/{place_id}", "/tours/disputed-districts-1920-1921"):
        body = client.get(path).get_data(as_text=True)
        oembed = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', body)
        assert oembed, path
        answer = client.get(html.unescape(oembed.group(1)).replace("http://localhost", ""))
        assert answer.status_code == 200 and answer.get_json()["type"] == "rich", path
        image = re.search(r'<meta property="og:image" content="([^"]+)"', body).group(1)
        assert "/map.png?" in image and f"v={version}" in image
        assert '<meta name="twitter:card" content="summary_large_image">' in body


def test_unknown_document_and_place_are_404_pages(client):
    for path in ("/documents/no-such-document", "/places/chr:nowhere", "/documents/no-such/print"):
        answer = client.get(path)
        assert answer.status_code == 404 and answer.mimetype == "text/html"


def goris(client):
    found = client.get("/api/places", query_string={"q": "Goris"}).get_json()["features"]
    assert found, "Goris is not in the atlas"
    return client.get(f"/api/places/{found[0]['properties']['id']}").get_json()


def test_place_page_shows_names_location_certainty_and_documents_in_date_order(client):
    place = goris(client)
    props = place["properties"]
    body = client.get(f"/places/{props['id']}").get_data(as_text=True)
    text = html.unescape(body)
    for name in props["names"]:
        assert name["toponym"] in text
    assert props["certainty"] in text and props["coord_source"] in text
    lon, lat = place["geometry"]["coordinates"]
    assert f"{lat:.4f}° N, {lon:.4f}° E" in text
    linked = re.findall(r'<li class="place-doc">\s*<a href="/documents/([^"?]+)', body)
    assert linked == [d["id"] for d in props["documents"]] and linked


def test_place_page_names_its_territory_and_who_held_it_on_each_document_date(client):
    from shapely.geometry import Point, shape

    place = goris(client)
    lon, lat = place["geometry"]["coordinates"]
    first = place["properties"]["documents"][0]
    territories = client.get("/api/territories", query_string={"date": first["earliest"]}).get_json()["features"]
    holding = [t for t in territories if t["geometry"] and shape(t["geometry"]).covers(Point(lon, lat))]
    assert holding, "Goris lies in no territory of the atlas"
    body = html.unescape(client.get(f"/places/{place['properties']['id']}").get_data(as_text=True))
    entry = body.split('<li class="place-doc">')[1]
    for territory in holding:
        assert territory["properties"]["name"] in entry
        for held in territory["properties"]["control"] + territory["properties"]["claims"]:
            assert held["party"] in entry and held["source"] in entry


def test_document_handout_has_map_excerpt_citation_and_plain_link(client):
    doc = with_places(client)
    body = html.unescape(client.get(f"/documents/{doc['id']}/print").get_data(as_text=True))
    assert "@page" not in body or "size: letter" not in body
    assert f"/map.png?doc={doc['id']}" in body
    assert doc["archive_ref"] in body
    assert re.search(rf"Online: http://localhost/documents/{re.escape(doc['id'])}\?v=[0-9a-f]{{12}}", body)
    assert "qr" not in body.lower()
    letter = client.get(f"/documents/{doc['id']}/print?paper=letter").get_data(as_text=True)
    assert "@page { size: letter" in letter
    assert client.get(f"/documents/{doc['id']}/print?paper=a3").status_code == 400


HOSTILE_MARKERS = ['<script>alert("title")', '<script>alert("body")', "<img src=x onerror", "<b>Goris</b>",
                   "<script>alert('ref')", '" onmouseover="alert(2)']


def test_document_text_reaches_pages_only_escaped(pinned_client):
    (added,) = [d for d in documents(pinned_client) if "alert" in (d["title"] or "")]
    for path in (f"/documents/{added['id']}", f"/documents/{added['id']}/print"):
        body = pinned_client.get(path).get_data(as_text=True)
        for marker in HOSTILE_MARKERS:
            assert marker not in body, (path, marker)
        assert "&lt;script&gt;alert(" in body
    for place in pinned_client.get(f"/api/documents/{added['id']}").get_json()["places"]:
        page = pinned_client.get(f"/places/{place['place_id']}").get_data(as_text=True)
        assert '<script>alert("title")' not in page


CITATION_PART = re.compile(r'<p class="citation-part"><span class="citation-label">([^<]*):</span> ([^<]*)</p>')


def test_the_page_and_the_handout_cite_each_document_as_the_api_does(client):
    # One formatter (documents.citations.document_citation) makes the citation every view shows.
    from documents.citations import document_citation

    cited = 0
    for listed in documents(client):
        doc = client.get(f"/api/documents/{listed['id']}").get_json()
        parts = [(p["label"], p["text"]) for p in doc["citation"]]
        assert doc["citation"] == document_citation(doc)
        page = client.get(f"/documents/{doc['id']}").get_data(as_text=True)
        assert [(html.unescape(a), html.unescape(b)) for a, b in CITATION_PART.findall(page)] == parts
        handout = html.unescape(client.get(f"/documents/{doc['id']}/print").get_data(as_text=True))
        assert (f"Source: {' · '.join(text for _, text in parts)}" in handout) == bool(parts)
        cited += bool(parts)
    assert cited >= 10


@pytest.mark.parametrize(("record", "parts"), [
    ({"archive_ref": "RGASPI, f. 5, op. 1, d. 2655, l. 35.", "published_in": "Nagorny Karabakh v 1918-1923 gg."},
     [("Archive", "RGASPI, f. 5, op. 1, d. 2655, l. 35."), ("Published in", "Nagorny Karabakh v 1918-1923 gg.")]),
    ({"archive_ref": None, "published_in": " Pravda, 4 December 1920 "}, [("Published in", "Pravda, 4 December 1920")]),
    ({"archive_ref": "  ", "published_in": ""}, []),
    ({}, []),
    # a note that names its own label is not shown as "Published in: Published in: ..."
    ({"published_in": "Published in: Vestnik Arkhivov Armenii, 1967"}, [("Published in", "Vestnik Arkhivov Armenii, 1967")]),
    ({"published_in": "published in : Pravda"}, [("Published in", "Pravda")]),
    ({"published_in": "Published in:"}, [("Published in", "Published in:")]),
])
def test_a_document_citation_is_its_archive_then_its_publication(record, parts):
    from documents.citations import document_citation

    assert [(p["label"], p["text"]) for p in document_citation(record)] == parts
