"""Opt-in geocoding: the pure Nominatim converter, and the CLI against a local Nominatim stand-in."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer.places.geocode import kind_of, place_from_nominatim, slug, split_url
from gazetteer.places.userlayer import load_user_places

# Shaped like an item of Nominatim's /search?format=json&addressdetails=1 answer (documented
# fields); the values are hand-written test data.
BRNAKOT = {"place_id": 1, "osm_type": "node", "osm_id": 3014486015, "lat": "39.4930558",
           "lon": "45.9730521", "class": "place", "type": "village", "addresstype": "village",
           "name": "Brnakot", "display_name": "Brnakot, Sisian, Syunik Province, Armenia",
           "address": {"country_code": "am"}}


def test_nominatim_result_becomes_an_uncertain_geocoded_place():
    place = place_from_nominatim(BRNAKOT, "Brunakot", "Nominatim at http://x")
    assert (place.id, place.name, place.kind, place.layer) == ("geocoded:brunakot", "Brnakot", "settlement", "geocoded")
    assert (place.lon, place.lat) == (45.9730521, 39.4930558)
    assert place.certainty == "uncertain" and place.uncertainty_km and place.note
    assert [n.toponym for n in place.names] == ["Brunakot", "Brnakot"]
    assert place.coord_source == "Nominatim at http://x search for 'Brunakot' (OSM node 3014486015), not checked"
    assert place.country_code == "AM"


@pytest.mark.parametrize("result", [{"lat": "x", "lon": "1"}, {"lon": "1"}, {"lat": "91", "lon": "1"}])
def test_nominatim_result_without_a_usable_point_is_refused(result):
    with pytest.raises(ValueError):
        place_from_nominatim(result, "q", "s")


@pytest.mark.parametrize("result, kind", [
    ({"class": "place", "type": "town"}, "settlement"), ({"class": "waterway", "type": "river"}, "river"),
    ({"class": "natural", "type": "peak"}, "mountain"), ({"class": "boundary", "type": "administrative",
                                                          "addresstype": "country"}, "country"),
    ({"class": "natural", "type": "water"}, "lake"), ({"class": "amenity", "type": "cafe"}, "other"),
])
def test_nominatim_types_map_to_kinds(result, kind):
    assert kind_of(result) == kind


@pytest.mark.parametrize("url, parts", [
    ("http://127.0.0.1:8080", ("http", "127.0.0.1:8080")),
    ("https://nominatim.example.org/geo/", ("https", "nominatim.example.org/geo")),
    ("nominatim.openstreetmap.org", ("https", "nominatim.openstreetmap.org")),
])
def test_service_urls_split_into_scheme_and_domain(url, parts):
    assert split_url(url) == parts


@pytest.mark.parametrize("text, expected", [("Kyssyr-Dagh", "kyssyr-dagh"), ("Şahtaxtı", "sahtaxt"),
                                            ("  ", "place")])
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.fixture()
def nominatim():
    """A local HTTP server answering /search like Nominatim; records the queries it saw."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            seen.append((url.path, query.get("q", [""])[0], query.get("format", [""])[0]))
            found = [BRNAKOT] if query.get("q") == ["Brunakot"] else []
            body = json.dumps(found).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


@pytest.mark.network
def test_geocode_adds_found_names_to_the_user_layer_and_caches(cli, home, nominatim):
    url, seen = nominatim
    first = cli("gazetteer", "geocode", "Brunakot", "Nowhereville", "--url", url, "--min-delay", "0")
    assert first.exit_code == 0, first.output
    assert "Brunakot: Brnakot lon=45.9731 lat=39.4931 (settlement)" in first.stdout
    assert first.stderr.strip() == f"warning: Nowhereville: not found at {url}"
    assert [(path, q, fmt) for path, q, fmt in seen] == [("/search", "Brunakot", "json"),
                                                         ("/search", "Nowhereville", "json")]
    second = cli("gazetteer", "geocode", "Brunakot", "Nowhereville", "--url", url, "--min-delay", "0")
    assert second.exit_code == 0 and len(seen) == 2  # both answers, found or not, came from the cache
    places = load_user_places(home)
    assert [(p.id, p.layer) for p in places] == [("geocoded:brunakot", "geocoded")]
    assert json.loads((home / "geocode-cache.json").read_text())["Nowhereville"] is None


@pytest.mark.network
def test_geocode_skips_names_the_gazetteer_knows(cli, home, nominatim):
    url, seen = nominatim
    result = cli("gazetteer", "geocode", "Geryusy", "--url", url, "--min-delay", "0")
    assert result.exit_code == 0
    assert "Geryusy: already in the gazetteer as chr:goris" in result.stdout
    assert seen == []


@pytest.mark.network
def test_geocode_service_that_cannot_be_reached_is_one_line(cli, home):
    # port 9 (discard) on localhost: nothing listens, the connection is refused at once
    result = cli("gazetteer", "geocode", "Brunakot", "--url", "http://127.0.0.1:9", "--min-delay", "0")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: geocoding at http://127.0.0.1:9 failed")
    assert len(result.stderr.strip().splitlines()) == 1
