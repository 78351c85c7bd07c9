"""`gazetteer geocode` against a misbehaving service (a local server started by each test).

Each case printed a traceback, followed another host, waited a minute or stored an answer as is.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from gazetteer.places.geocode import MAX_TEXT, usable_result
from gazetteer.places.userlayer import load_user_places

GOOD = {"lat": "39.4930558", "lon": "45.9730521", "class": "place", "type": "village", "name": "Brnakot",
        "display_name": "Brnakot, Sisian, Syunik Province, Armenia", "address": {"country_code": "am"}}


def serve(answer):
    """Start a server whose GET handler is `answer(handler)`; return (base URL, paths seen, server)."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(urlsplit(self.path).path)
            answer(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", seen, server


def send_json(handler, value):
    body = json.dumps(value).encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.fixture()
def servers():
    started = []

    def start(answer):
        url, seen, server = serve(answer)
        started.append(server)
        return url, seen

    yield start
    for server in started:
        server.shutdown()
        server.server_close()


def one_line_failure(result, url):
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: geocoding at {url} failed")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.network
def test_a_redirect_to_another_host_is_refused(cli, home, servers):
    other, other_seen = servers(lambda h: send_json(h, [GOOD]))
    other = other.replace("127.0.0.1", "localhost")

    def redirect(handler):
        handler.send_response(302)
        handler.send_header("Location", other + handler.path)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    url, _ = servers(redirect)
    result = cli("gazetteer", "geocode", "Brunakot", "--url", url, "--min-delay", "0")
    one_line_failure(result, url)
    assert "refused a redirect" in result.stderr and other_seen == []
    assert load_user_places(home) == []


@pytest.mark.network
def test_a_redirect_on_the_same_host_is_followed(cli, home, servers):
    def answer(handler):
        if handler.path.startswith("/moved"):
            return send_json(handler, [GOOD])
        handler.send_response(301)
        handler.send_header("Location", "/moved" + handler.path)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    url, seen = servers(answer)
    result = cli("gazetteer", "geocode", "Brunakot", "--url", url, "--min-delay", "0")
    assert result.exit_code == 0, result.output
    assert seen == ["/search", "/moved/search"]


@pytest.mark.network
@pytest.mark.parametrize("bad", [{"lat": "NaN", "lon": "45"}, {"lat": "39", "lon": "inf"},
                                 {"lat": "1e999", "lon": "45"}, {"lat": "39", "lon": None}])
def test_an_answer_without_a_usable_point_is_one_line_and_not_stored(cli, home, servers, bad):
    url, _ = servers(lambda h: send_json(h, [{**GOOD, **bad}]))
    result = cli("gazetteer", "geocode", "Brunakot", "--url", url, "--min-delay", "0")
    one_line_failure(result, url)
    assert "'Brunakot'" in result.stderr
    assert json.loads((home / "geocode-cache.json").read_text()) == {}
    assert load_user_places(home) == []


@pytest.mark.network
def test_a_huge_answer_is_cut_before_it_is_stored(cli, home, servers):
    url, _ = servers(lambda h: send_json(h, [{**GOOD, "display_name": "Brnakot, " + "x" * 5_000_000,
                                              "extra": "y" * 1_000_000}]))
    result = cli("gazetteer", "geocode", "Brunakot", "--url", url, "--min-delay", "0")
    assert result.exit_code == 0, result.output
    assert (home / "geocode-cache.json").stat().st_size < 4 * MAX_TEXT
    [place] = load_user_places(home)
    assert len(place.note) < 2 * MAX_TEXT


@pytest.mark.network
def test_a_service_that_never_answers_times_out_in_seconds(cli, home):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)     # connections are queued, never accepted: no answer ever comes
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        started = time.perf_counter()
        result = cli("gazetteer", "geocode", "Brunakot", "--url", url, "--min-delay", "0", "--timeout", "1")
        elapsed = time.perf_counter() - started
    finally:
        listener.close()
    one_line_failure(result, url)
    assert elapsed < 5


@pytest.mark.parametrize("result", [
    [GOOD], "text", {"lat": "nan", "lon": "1"}, {"lat": "-91", "lon": "1"}, {"lat": "1", "lon": "180.5"},
])
def test_only_a_result_with_a_finite_point_in_range_is_usable(result):
    with pytest.raises(ValueError):
        usable_result(result, "q")


def test_a_usable_result_keeps_only_known_short_fields():
    kept = usable_result({**GOOD, "name": "n" * 1000, "extra": "e", "osm_id": 5, "address": {"country_code": "AM1"}},
                         "q")
    assert set(kept) == {"lat", "lon", "class", "type", "name", "display_name", "osm_id"}
    assert (len(kept["name"]), kept["osm_id"]) == (MAX_TEXT, "5")
