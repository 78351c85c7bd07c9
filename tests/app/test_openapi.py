"""The API's OpenAPI description is served, names every route, and schemathesis finds no server
error, no undocumented status or content type and no answer off its schema (bounded run)."""
from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mapapp.params import DEFAULT_PER_PAGE, MAX_PER_PAGE
from mapapp.web.openapi import openapi_document

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 40      # per route and mode: the whole run stays within about a minute on two cores


@pytest.fixture(scope="module")
def api_app(atlas_path, small_corpus, tmp_path_factory):
    from mapapp.app import create_app

    return create_app({"TESTING": True, "HOME": tmp_path_factory.mktemp("home"), "ATLAS_DIR": atlas_path,
                       "CORPUS": [small_corpus]})


@pytest.fixture(scope="module")
def api_schema(api_app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", api_app)


def test_every_api_route_is_described(api_app):
    described = set(api_app.test_client().get("/api/openapi.json").get_json()["paths"])
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule) for rule in api_app.url_map.iter_rules()
              if rule.rule.startswith("/api/")}
    assert described == routes - {"/api/openapi.json"}


GETS = sorted((p, ops["get"]) for p, ops in openapi_document(MAX_PER_PAGE, DEFAULT_PER_PAGE)["paths"].items()
              if "get" in ops)


# Invalid input needs a parameter to be made of: a GET without any is only called with valid ones.
@pytest.mark.parametrize(("path", "mode"), [(p, mode) for p, get in GETS for mode in
                                            (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
                                            if mode is GenerationMode.POSITIVE or get.get("parameters")],
                         ids=lambda value: str(value))
def test_the_api_keeps_its_description(api_schema, path, mode):
    """Valid parameters (positive) and invalid ones (negative): never a 5xx, never off the description."""
    @given(case=api_schema[path]["GET"].as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None,
              derandomize=True)
    def call(case):
        case.call_and_validate(checks=CHECKS)

    call()


@pytest.mark.parametrize("path", ["/api/documents", "/api/places", "/api/movements", "/api/events"])
def test_the_first_day_of_the_calendar_is_refused_with_its_name_not_a_500(api_app, path):
    """Found by schemathesis: the window's index bound went below date.min (500). Days are now
    bounded (mapapp.params): the answer is a 400 that names the parameter."""
    response = api_app.test_client().get(path, query_string={"from": "0001-01-01"})
    assert response.status_code == 400 and response.get_json()["error"]["message"].startswith("from=")
