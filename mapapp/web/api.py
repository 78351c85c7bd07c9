"""The JSON and GeoJSON API (`/api/...`): the atlas by time window, place and id.

Every route reads the current atlas, or the version `v=` pins. Parameters are checked
by `mapapp.params`, once; a bad one is a 400 `bad_parameter` naming it, an unknown id a 404.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, current_app, jsonify, request

from mapapp import params
from mapapp.atlas.caps import PlaceCap
from mapapp.atlas.current import current_atlas
from mapapp.atlas.store import Atlas
from mapapp.params import Page, Window
from mapapp.web.caching import UNPINNED, request_etag

bp = Blueprint("api", __name__, url_prefix="/api")

GEOJSON = "application/geo+json"
JSON = "application/json"


# --- parameters: read by mapapp.params, whose ParamError answers 400 naming the parameter ---
def window_param() -> Window:
    return params.date_window(request.args.get("from"), request.args.get("to"))


def page_param() -> Page:
    return params.page(request.args.get("page"), request.args.get("per_page"))


# --- answers -------------------------------------------------------------------------------
def answer(make: Callable[[Atlas], str], mimetype: str = JSON) -> Response:
    """Answer with the JSON text `make(atlas)`, or 304 when the client holds this version's answer."""
    atlas = current_atlas()
    etag = request_etag(atlas.state)   # the revision too: a correction changes the answers
    if request.if_none_match.contains_weak(etag):   # RFC 9110: If-None-Match compares weakly
        response = Response(status=304)
    else:
        cache = current_app.extensions["chronotope.answers"]
        body = cache.get_or_make(etag, lambda: make(atlas).encode("utf-8"))
        response = Response(body, mimetype=mimetype)
    response.set_etag(etag)
    if request.args.get("v") and atlas.version == _current_version() and _correctable():
        # Editors correct the current version in place: a pinned answer of it may still change.
        response.headers["Cache-Control"] = UNPINNED
    return response


def _current_version() -> str:
    from mapapp.atlas.store import open_atlas

    return open_atlas(None, current_app.config.get("DATABASE_URL") or current_app.config["ATLAS_DIR"]).version


def _correctable() -> bool:
    """True when corrections are kept for this atlas (so it may change without a build)."""
    from mapapp.corrections.store import CorrectionsStore

    return CorrectionsStore(current_app.config.get("DATABASE_URL") or current_app.config["ATLAS_DIR"]).exists()


@bp.get("/corpus")
def corpus() -> Response:
    return answer(lambda atlas: atlas.corpus_json())


@bp.get("/documents")
def documents() -> Response:
    window, page = window_param(), page_param()
    q = params.short_text("q", request.args.get("q"))
    place = params.short_text("place", request.args.get("place"))
    return answer(lambda atlas: atlas.documents_json(window, q=q, place=place, page=page))


@bp.get("/documents/<doc_id>")
def document(doc_id: str) -> Response:
    return answer(lambda atlas: atlas.document_json(doc_id))


@bp.get("/places")
def places() -> Response:
    window, bbox = window_param(), params.bbox(request.args.get("bbox"))
    q = params.short_text("q", request.args.get("q"))
    limit, doc_limit = params.limit(request.args.get("limit")), params.doc_limit(request.args.get("doc_limit"))
    # Either cap makes the answer the map's: counts beside what was left out (the default answer stays whole).
    cap = None if limit is None and doc_limit is None else PlaceCap(limit, doc_limit)
    return answer(lambda atlas: atlas.places_json(window, bbox=bbox, q=q, cap=cap), GEOJSON)


@bp.get("/places/<place_id>")
def place(place_id: str) -> Response:
    doc_limit = params.doc_limit(request.args.get("doc_limit"))
    return answer(lambda atlas: atlas.place_json(place_id, doc_limit), GEOJSON)


@bp.get("/movements")
def movements() -> Response:
    window, limit = window_param(), params.limit(request.args.get("limit"))
    return answer(lambda atlas: atlas.movements_json(window, limit), GEOJSON)


@bp.get("/territories")
def territories() -> Response:
    on = params.iso_day("date", request.args.get("date"))
    return answer(lambda atlas: atlas.territories_json(on), GEOJSON)


@bp.get("/events")
def events() -> Response:
    window = window_param()
    return answer(lambda atlas: atlas.events_json(window), GEOJSON)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 description of these routes."""
    from mapapp.web.openapi import openapi_document

    return jsonify(openapi_document(params.MAX_PER_PAGE, params.DEFAULT_PER_PAGE))
