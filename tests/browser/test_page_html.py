"""The page as the server sends it: our own asset links, link-preview tags, the shipped basemap."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs

import folium
import pytest


def asset_urls(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)[^>]*?(?:src|href)="([^"]+)"', html)


def test_every_script_and_stylesheet_is_served_by_the_app(client):
    html = client.get("/").get_data(as_text=True)
    urls = [u for u in asset_urls(html) if not u.startswith("data:")]
    local = [u for u in urls if u.startswith("/")]
    assert "/vendor/leaflet/leaflet.js?v=1.9.3" in local
    assert "/vendor/leaflet/leaflet.css?v=1.9.3" in local
    # absolute links (oEmbed discovery, canonical) all point at this server
    absolute = [u for u in urls if u not in local]
    assert any(u.startswith("http://localhost/oembed?") for u in absolute)
    assert all(u.startswith("http://localhost/") for u in absolute)
    for url in local:
        with client.get(url) as answer:   # file answers hold the file open until closed
            assert answer.status_code == 200, url


def test_folium_class_defaults_are_left_alone(client):
    before = (list(folium.Map.default_js), list(folium.Map.default_css))
    client.get("/")
    assert (folium.Map.default_js, folium.Map.default_css) == before
    assert any("cdn" in url for _, url in folium.Map.default_js)   # folium's own, unused by us


def test_each_request_builds_its_own_map(client):
    names = {re.search(r'data-map="(map_[0-9a-f]+)"', client.get("/").get_data(as_text=True)).group(1)
             for _ in range(2)}
    assert len(names) == 2


def test_link_preview_tags_carry_the_view(client):
    html = client.get("/?date=1920-08-10&z=8&ll=39.5,46.0").get_data(as_text=True)
    href = re.search(r'type="application/json\+oembed" href="([^"]+)"', html).group(1)
    endpoint, _, query = unescape(href).partition("?")
    assert endpoint == "http://localhost/oembed"
    assert parse_qs(query)["url"] == ["http://localhost/?date=1920-08-10&z=8&ll=39.5,46.0"]
    assert '<meta property="og:image" content="http://localhost/map.png?date=1920-08-10&amp;z=8&amp;ll=39.5,46.0">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


@pytest.mark.parametrize("name, layers", [
    ("region", {"land", "sea", "lake", "river"}),
    ("world", {"world-land"}),
    ("borders", {"border"}),
])
def test_basemap_files_are_served_as_geojson(client, name, layers):
    with client.get(f"/basemap/{name}.geojson") as answer:
        assert answer.status_code == 200
        assert answer.mimetype == "application/geo+json"
        features = answer.get_json()["features"]
    assert {f["properties"]["layer"] for f in features} == layers


def test_basemap_names_the_lakes_and_rivers_it_shows(client):
    with client.get("/basemap/region.geojson") as answer:
        names = {f["properties"].get("name") for f in answer.get_json()["features"]}
    assert {"Sevan", "Urmia", "Van"} <= names
    assert any(n and n.startswith("Aras") for n in names) and any(n and n.startswith("Kura") for n in names)


def test_unknown_basemap_and_vendor_files_are_404(client):
    assert client.get("/basemap/secret.geojson").status_code == 404
    assert client.get("/vendor/leaflet/../../../../etc/passwd").status_code == 404


@pytest.mark.parametrize("tiles, offered", [(False, False), (True, True)])
def test_online_tiles_only_when_the_setting_is_on(app_for, atlas_path, tiles, offered):
    html = app_for(atlas_path, TILES=tiles).test_client().get("/").get_data(as_text=True)
    assert ("tile.openstreetmap.org" in html) is offered


@pytest.mark.parametrize("tiles", [False, True])
def test_the_page_head_keeps_every_script_and_stylesheet_folium_links(tiles):
    from mapapp.web.mapview import build_map, map_parts

    m = build_map(leaflet_js="/vendor/leaflet/leaflet.js", leaflet_css="/vendor/leaflet/leaflet.css",
                  basemap={"world": "/w", "region": "/r", "borders": "/b"}, tiles=tiles)
    parts = map_parts(m)
    folium_head = m.get_root().header.render()
    linked = set(asset_urls(folium_head))
    assert linked == set(asset_urls(str(parts.header))) == {"/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css"}
    assert "<style" in folium_head and "<style" not in parts.header and "viewport" not in parts.header
