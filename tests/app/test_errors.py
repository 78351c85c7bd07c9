"""Bad input answers 400/404 with {"error": {"code", "message"}} under /api/, an HTML page elsewhere."""
from __future__ import annotations

import pytest

from documents.errors import DocumentError
from gazetteer.errors import GazetteerError
from mapapp.errors import as_api_error, error_response
from mapapp.params import ParamError

BAD_REQUESTS = [
    ("/api/territories?date=1920-13-45", 400, "bad_parameter", "date"),
    ("/api/territories?date=yesterday", 400, "bad_parameter", "date"),
    ("/api/territories?date=19201010", 400, "bad_parameter", "date"),
    ("/api/documents?from=1921-01-01&to=1920-01-01", 400, "bad_parameter", "after"),
    ("/api/movements?from=1921-01-01&to=1920-01-01", 400, "bad_parameter", "after"),
    ("/api/events?from=1921-01-01&to=1920-01-01", 400, "bad_parameter", "after"),
    ("/api/places?from=1921-01-01&to=1920-01-01", 400, "bad_parameter", "after"),
    ("/api/events?to=1920-02-30", 400, "bad_parameter", "to"),
    ("/api/documents?per_page=501", 400, "bad_parameter", "per_page"),
    ("/api/documents?per_page=0", 400, "bad_parameter", "per_page"),
    ("/api/documents?per_page=ten", 400, "bad_parameter", "per_page"),
    ("/api/documents?page=0", 400, "bad_parameter", "page"),
    ("/api/documents?page=99999999999999999999", 400, "bad_parameter", "page"),
    ("/api/places?bbox=1,2,3", 400, "bad_parameter", "bbox"),
    ("/api/places?bbox=a,b,c,d", 400, "bad_parameter", "bbox"),
    ("/api/places?bbox=44,41,47,38", 400, "bad_parameter", "bbox"),
    ("/api/places?bbox=190,38,47,41", 400, "bad_parameter", "bbox"),
    ("/api/places?bbox=nan,38,47,41", 400, "bad_parameter", "bbox"),
    ("/api/documents/no-such-document", 404, "not_found", "no-such-document"),
    ("/api/places/chr:no-such-place", 404, "not_found", "chr:no-such-place"),
    ("/api/documents?place=chr:no-such-place", 404, "not_found", "chr:no-such-place"),
    ("/api/corpus?v=0123456789ab", 410, "gone", "0123456789ab"),
    ("/api/corpus?v=not-a-version", 410, "gone", "not-a-version"),
    ("/api/no-such-route", 404, "not_found", ""),
]


@pytest.mark.parametrize(("url", "status", "code", "named"), BAD_REQUESTS)
def test_bad_requests_answer_a_json_error_naming_the_problem(client, url, status, code, named):
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["code"] == code
    assert named in error["message"]
    assert response.headers["Cache-Control"] == "no-store"


def test_a_wrong_method_is_405_json(client):
    response = client.post("/api/corpus")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_no_atlas_is_a_clear_503(app_for, tmp_path):
    response = app_for(tmp_path / "empty").test_client().get("/api/corpus")
    assert response.status_code == 503
    assert "chronotope build" in response.get_json()["error"]["message"]


def test_pages_outside_the_api_get_an_html_error_page(client):
    response = client.get("/no-such-page-at-all")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>404</h1>" in response.get_data(as_text=True)


def test_the_html_error_page_escapes_the_message(app):
    with app.test_request_context("/somewhere"):
        error = ParamError("x", '<script>alert(1)</script>" onmouseover="y', "expected <b>text</b>")
        response = error_response(as_api_error(error))
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<script>alert" not in html and '" onmouseover' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(("error", "code", "status"), [
    (DocumentError("no date", "a.txt", 4), "bad_document", 422),
    (GazetteerError("no point", "p.json", "chr:x"), "bad_gazetteer_data", 500),
    (ParamError("x", "1", "expected y"), "bad_parameter", 400),
    (RuntimeError("boom"), "internal", 500),
])
def test_the_error_table(error, code, status):
    mapped = as_api_error(error)
    assert (mapped.code, mapped.status) == (code, status)


def test_an_internal_error_does_not_leak_its_details(app):
    with app.test_request_context("/api/x"):
        assert "boom" not in as_api_error(RuntimeError("boom")).message
