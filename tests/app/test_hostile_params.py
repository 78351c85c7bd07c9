"""Hostile parameters (issue 16's twenty 500s): each is a 400 naming the parameter, JSON under
/api/ and an HTML page elsewhere, with no traceback in the body and one line in the server log."""
from __future__ import annotations

import logging
from urllib.parse import quote

import pytest

TOUR = "/tours/disputed-districts-1920-1921"
DIGITS = "9" * 5000

# (url, the parameter the answer names); every one of these answered 500 before mapapp.params.
FIVE_HUNDREDS = [
    ("/api/documents?from=0001-01-01", "from"),
    ("/api/places?from=0001-01-01", "from"),
    ("/api/movements?from=0001-01-01", "from"),
    ("/api/events?from=0001-01-01", "from"),
    ("/map.png?from=0001-01-01", "from"),
    ("/map.png?date=0001-01-01", "date"),
    ("/map.png?window=1000000", "window"),
    ("/map.png?window=999999999999", "window"),
    ("/map.png?window=%C2%B2", "window"),
    (f"/map.png?window={DIGITS}", "window"),
    (f"{TOUR}?step=%C2%B2", "step"),
    (f"{TOUR}?step=%C2%B9", "step"),
    (f"{TOUR}?step={DIGITS}", "step"),
    (f"{TOUR}/print?step=%C2%B2", "step"),
    (f"{TOUR}/print?step=%C2%B9", "step"),
    (f"{TOUR}/print?step={DIGITS}", "step"),
    ("/api/places?q=" + "a" * 50_000, "q"),
    ("/api/places?q=" + quote("%" * 25_000), "q"),
    ("/api/documents?q=" + "-" * 50_000, "q"),
]


@pytest.mark.parametrize(("url", "named"), FIVE_HUNDREDS, ids=[u[:60] for u, _ in FIVE_HUNDREDS])
def test_a_hostile_parameter_is_a_400_naming_it(client, url, named):
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == 400, body[:300]
    assert "Traceback" not in body and len(body) < 20_000
    if url.startswith("/api/"):
        error = response.get_json()["error"]
        assert error["code"] == "bad_parameter" and error["message"].startswith(f"{named}=")
    else:
        assert response.mimetype == "text/html" and f"{named}=" in body


@pytest.mark.parametrize("maxwidth", ["abc", "²", DIGITS, "0"])
def test_oembed_names_a_bad_maxwidth_in_its_own_words(client, maxwidth):
    response = client.get("/oembed", query_string={"url": "http://localhost/?date=1920-08-10",
                                                   "maxwidth": maxwidth})
    message = response.get_json()["error"]["message"]
    assert response.status_code == 400 and "maxwidth=" in message
    assert "invalid literal" not in message and "int()" not in message


@pytest.mark.parametrize("url", ["/api/territories?date=19201201", "/api/territories?date=1920-W48-3",
                                 "/map.png?date=19201201", "/embed?date=1920-W48-3"])
def test_a_day_is_yyyy_mm_dd_on_every_route(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "expected a real day as YYYY-MM-DD" in response.get_data(as_text=True)


@pytest.mark.parametrize("day", ["1920-08-15", "19200815", "1920-W33-7", "0001-01-01", "1920-02-30"])
def test_the_api_and_the_command_line_read_a_day_alike(client, runner, day):
    api = client.get(f"/api/territories?date={day}")
    cli = runner.invoke(["territories", "--date", day, "--json"])
    assert (api.status_code == 400) == (cli.exit_code == 2)
    if cli.exit_code == 2:
        assert cli.output.strip() == "error: " + api.get_json()["error"]["message"].replace("date=", "--date=", 1)


@pytest.mark.parametrize(("url", "starts"), [
    (f"/map.png?window={DIGITS}", "400 GET '/map.png': window='9999"),
    ("/api/places?q=" + "a%0A" * 25_000, "400 GET '/api/places': q='a\\na\\n"),   # no forged lines
    ("/oembed?url=http://localhost/&maxwidth=abc", "400 GET '/oembed': bad parameter: maxwidth='abc'"),
    ("/embed?v=0123456789ab", "410 GET '/embed': atlas version 0123456789ab"),
    ("/api/documents/no-such-document", "404 GET '/api/documents/no-such-document'"),
])
def test_a_refused_request_logs_one_line_not_a_traceback(client, caplog, url, starts):
    with caplog.at_level(logging.INFO):
        response = client.get(url)
    assert 400 <= response.status_code < 500
    ours = [r for r in caplog.records if r.name == client.application.logger.name]
    assert len(ours) == 1
    record = ours[0]
    assert record.levelno == logging.WARNING and record.exc_info is None
    line = record.getMessage()
    assert "\n" not in line and len(line) < 500
    assert line.startswith(starts)


def test_an_unexpected_error_still_logs_its_traceback(app, caplog):
    """The other side of the rule: a real fault keeps its traceback in the log (never in the body)."""
    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    with caplog.at_level(logging.INFO):
        response = app.test_client().get("/boom")
    assert response.status_code == 500 and "boom" not in response.get_data(as_text=True)
    assert [r.exc_info is not None for r in caplog.records if r.name == app.logger.name] == [True]
