"""The JSON and GeoJSON API (`/api/...`): the atlas by time window, place and id.

Every route reads the current atlas, or the version `v=` pins. Parameters are checked
here, once; a bad one is a 400 `bad_parameter` naming it, an unknown id a 404.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date

from flask import Blueprint, Response, current_app, jsonify, request

from mapapp.atlas.current import current_atlas
from mapapp.atlas.store import Atlas, BBox, Page, Window
from mapapp.errors import BadParameter
from mapapp.web.caching import request_etag

bp = Blueprint("api", __name__, url_prefix="/api")

GEOJSON = "application/geo+json"
JSON = "application/json"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50


# --- parameters --------------------------------------------------------------------------
def date_param(name: str) -> str | None:
    """Return the ISO date in parameter `name`, None when absent; 400 when it is not a date."""
    text = request.args.get(name)
    if text is None or text == "":
        return None
    if not DATE_RE.match(text):
        raise BadParameter(f"{name}={text!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise BadParameter(f"{name}={text!r} is not a valid date ({exc})") from None


def window_param() -> Window:
    """Return the window `from`..`to`; 400 when `from` is after `to`."""
    window = Window(date_param("from"), date_param("to"))
    if window.start and window.end and window.start > window.end:
        raise BadParameter(f"from={window.start} is after to={window.end}")
    return window


def int_param(name: str, default: int, low: int, high: int | None = None) -> int:
    """Return the whole number in parameter `name` (default when absent), within [low, high]."""
    text = request.args.get(name)
    if text is None or text == "":
        return default
    if not re.fullmatch(r"[+-]?\d{1,9}", text.strip()):
        raise BadParameter(f"{name}={text!r} is not a whole number")
    value = int(text)
    if value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise BadParameter(f"{name}={value} must be {limit}")
    return value


def page_param() -> Page:
    return Page(int_param("page", 1, 1), int_param("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


def bbox_param() -> BBox | None:
    """Return the `bbox=west,south,east,north` box (degrees), None when absent; 400 when malformed."""
    text = request.args.get("bbox")
    if text is None or text == "":
        return None
    parts = text.split(",")
    problem = "expected four numbers west,south,east,north"
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(parts) == 4 and len(values) == 4 and all(math.isfinite(v) for v in values):
        box = BBox(*values)
        if not (-180 <= box.west <= 180 and -180 <= box.east <= 180):
            problem = "longitudes must lie in [-180, 180]"
        elif not (-90 <= box.south <= box.north <= 90):
            problem = "latitudes must lie in [-90, 90] with south <= north"
        else:
            return box
    raise BadParameter(f"bbox={text!r}: {problem}")


def text_param(name: str) -> str | None:
    text = request.args.get(name)
    return text.strip() or None if text is not None else None


# --- answers -------------------------------------------------------------------------------
def answer(make: Callable[[Atlas], str], mimetype: str = JSON) -> Response:
    """Answer with the JSON text `make(atlas)`, or 304 when the client holds this version's answer."""
    atlas = current_atlas()
    etag = request_etag(atlas.version)
    if request.if_none_match.contains_weak(etag):   # RFC 9110: If-None-Match compares weakly
        response = Response(status=304)
    else:
        cache = current_app.extensions["chronotope.answers"]
        body = cache.get_or_make(etag, lambda: make(atlas).encode("utf-8"))
        response = Response(body, mimetype=mimetype)
    response.set_etag(etag)
    return response


@bp.get("/corpus")
def corpus() -> Response:
    return answer(lambda atlas: atlas.corpus_json())


@bp.get("/documents")
def documents() -> Response:
    window, page, q, place = window_param(), page_param(), text_param("q"), text_param("place")
    return answer(lambda atlas: atlas.documents_json(window, q=q, place=place, page=page))


@bp.get("/documents/<doc_id>")
def document(doc_id: str) -> Response:
    return answer(lambda atlas: atlas.document_json(doc_id))


@bp.get("/places")
def places() -> Response:
    window, bbox, q = window_param(), bbox_param(), text_param("q")
    return answer(lambda atlas: atlas.places_json(window, bbox=bbox, q=q), GEOJSON)


@bp.get("/places/<place_id>")
def place(place_id: str) -> Response:
    return answer(lambda atlas: atlas.place_json(place_id), GEOJSON)


@bp.get("/movements")
def movements() -> Response:
    window = window_param()
    return answer(lambda atlas: atlas.movements_json(window), GEOJSON)


@bp.get("/territories")
def territories() -> Response:
    on = date_param("date")
    return answer(lambda atlas: atlas.territories_json(on), GEOJSON)


@bp.get("/events")
def events() -> Response:
    window = window_param()
    return answer(lambda atlas: atlas.events_json(window), GEOJSON)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 description of these routes."""
    from mapapp.web.openapi import openapi_document

    return jsonify(openapi_document(MAX_PER_PAGE, DEFAULT_PER_PAGE))
