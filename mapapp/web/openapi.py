"""The OpenAPI 3 description of `/api/...`, served at `/api/openapi.json`.

Its limits are the API's own (`mapapp.web.api`), so the description cannot drift from the checks;
the tests run schemathesis against it.
"""
from __future__ import annotations

from mapapp import params
from mapapp.atlas.versions import VERSION_RE
from mapapp.web import openapi_corrections

JSON, GEOJSON = "application/json", "application/geo+json"
DATE = {"type": "string", "format": "date", "example": "1920-08-10"}
TEXT = {"type": "string", "nullable": True}


def _param(name: str, schema: dict, description: str, where: str = "query") -> dict:
    return {"name": name, "in": where, "required": where == "path", "schema": schema, "description": description}


def _parameters(max_per_page: int, default_per_page: int) -> dict:
    return {
        "v": _param("v", {"type": "string", "pattern": VERSION_RE.pattern},
                    "atlas version to read (410 when the server no longer keeps it)"),
        "from": _param("from", DATE, "start of the window (ISO date, inclusive)"),
        "to": _param("to", DATE, "end of the window (ISO date, inclusive; not before `from`)"),
        "date": _param("date", DATE, "the day whose claims and control are given"),
        "q": _param("q", {"type": "string", "maxLength": params.MAX_TEXT}, "words to look for"),
        "place": _param("place", {"type": "string", "maxLength": params.MAX_TEXT}, "a place id: documents naming it"),
        "window": _param("window", {"type": "string", "example": "30"},
                         "days before `date` whose documents the view shows, or `upto`"),
        "doc": _param("doc", {"type": "string"}, "a document whose view it is"),
        "layers": _param("layers", {"type": "string", "example": "territories,places,movements"},
                         "the layers shown, comma-separated"),
        "lang": _param("lang", {"type": "string", "example": "en"}, "the language of the answer"),
        "page": _param("page", {"type": "integer", "minimum": 1, "default": 1}, "page number"),
        "per_page": _param("per_page", {"type": "integer", "minimum": 1, "maximum": max_per_page,
                                        "default": default_per_page}, "documents per page"),
        "bbox": _param("bbox", {"type": "string", "example": "44.2,38.6,47.9,41.6"},
                       "west,south,east,north in degrees"),
        "limit": _param("limit", {"type": "integer", "minimum": 1, "maximum": params.MAX_LIMIT},
                        "at most this many features, what a map can draw (places: the most mentioned; movements: "
                        "spread evenly over the window), with the window's `total` beside them"),
        "doc_limit": _param("doc_limit", {"type": "integer", "minimum": 0, "maximum": params.MAX_DOC_LIMIT},
                            "at most this many document ids per place (the first by date), with `document_count`"),
        "doc_id": _param("doc_id", {"type": "string"}, "a document id", "path"),
        "place_id": _param("place_id", {"type": "string"}, "a place id", "path"),
    }


SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}},
    "Corpus": {"type": "object", "required": ["version", "count", "earliest", "latest", "dates"], "properties": {
        "version": {"type": "string"}, "count": {"type": "integer", "minimum": 0}, "earliest": TEXT,
        "latest": TEXT, "dates": {"type": "array", "items": {"type": "string"}}}},
    "EDTF": {"type": "string", "nullable": True, "example": "1921-02/1921-03",
             "description": "the date in the Extended Date/Time Format (ISO 8601-2, Library of Congress): a day "
                            "1920-08-10, a month 1921-01, an interval 1921-02/1921-03, an open end 1920-08-10/.., "
                            "an unknown year XXXX-04-23. Documents, their dates, movements, events, a place's "
                            "documents and territory claim and control periods each carry one as `edtf`, beside "
                            "their ISO earliest/latest (or from/to)"},
    "DocumentList": {"type": "object", "required": ["documents", "total", "page", "per_page"], "properties": {
        "documents": {"type": "array", "items": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string"}, "edtf": {"$ref": "#/components/schemas/EDTF"}}}},
        "total": {"type": "integer", "minimum": 0}, "page": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1}}},
    "Document": {"type": "object", "required": ["id", "body", "places"], "properties": {
        "id": {"type": "string"}, "body": {"type": "string"}, "places": {"type": "array"},
        "edtf": {"$ref": "#/components/schemas/EDTF"},
        # the calendar its date was written in, and that date in it (null when Gregorian or undated)
        "calendar": {"type": "string", "nullable": True, "enum": ["gregorian", "julian", "rumi", "hijri", None]},
        "date_as_written": {"type": "object", "nullable": True, "required": ["calendar", "earliest", "latest"],
                            "properties": {"calendar": {"type": "string"}, "earliest": {"type": "string"},
                                           "latest": {"type": "string"}}}}},
    "Description": {"type": "object", "required": ["text", "statements", "sources"], "properties": {
        "text": {"type": "string"}, "statements": {"type": "array"}, "sources": {"type": "array"}}},
    "FeatureCollection": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"$ref": "#/components/schemas/Feature"}}}},
    "Feature": {"type": "object", "required": ["type", "geometry", "properties"], "properties": {
        "type": {"type": "string", "enum": ["Feature"]}, "geometry": {"type": "object", "nullable": True},
        "properties": {"type": "object"}}},
}


def _answer(schema: str, media: str) -> dict:
    return {"description": "the answer", "content": {media: {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _errors(*statuses: int) -> dict:
    meaning = {400: "a bad parameter", 404: "no such id (or place)", 410: "the atlas version is no longer kept",
               503: "no atlas is built"}
    return {str(s): {"description": meaning[s], "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}
            for s in statuses}


def _get(summary: str, params: list[str], schema: str, media: str, errors: tuple[int, ...]) -> dict:
    return {"get": {"summary": summary, "parameters": [{"$ref": f"#/components/parameters/{p}"}
                                                       for p in (*params, "v")],
                    "responses": {"200": _answer(schema, media), "304": {"description": "not modified (ETag)"},
                                  **_errors(*errors)}}}


def openapi_document(max_per_page: int, default_per_page: int) -> dict:
    """The OpenAPI 3.0 description of the API, as a JSON-ready dict."""
    window = ["from", "to"]
    common = (400, 410, 503)
    places = _get("places named in a window", [*window, "bbox", "q", "limit", "doc_limit"], "FeatureCollection",
                  GEOJSON, common)
    places["post"] = openapi_corrections.place_post()
    return {
        "openapi": "3.0.3",
        "info": {"title": "Chronotope API", "version": "1",
                 "description": "Archival documents, places, movements and territories of 1918-1923, by date."},
        "paths": {
            "/api/corpus": _get("the corpus: its version, count and dates", [], "Corpus", JSON, common),
            "/api/documents": _get("documents of a window, by text or place, a page at a time",
                                   [*window, "q", "place", "page", "per_page"], "DocumentList", JSON, (*common, 404)),
            "/api/documents/{doc_id}": _get("one document with its text, places, dates and movements",
                                            ["doc_id"], "Document", JSON, (*common, 404)),
            "/api/places": places,
            "/api/places/{place_id}": _get("one place with its documents", ["place_id", "doc_limit"], "Feature",
                                           GEOJSON, (*common, 404)),
            "/api/movements": _get("movements of a window", [*window, "limit"], "FeatureCollection", GEOJSON, common),
            "/api/territories": _get("territories with their claims and control on a date", ["date"],
                                     "FeatureCollection", GEOJSON, common),
            "/api/events": _get("place mentions of a window's documents", window, "FeatureCollection",
                                GEOJSON, common),
            "/api/description": _get("the view in words, every statement with its sources",
                                     ["date", "window", *window, "doc", "layers", "lang"], "Description", JSON,
                                     (*common, 404)),
            **openapi_corrections.corrections_paths(),
        },
        "components": {"parameters": _parameters(max_per_page, default_per_page),
                       "schemas": {**SCHEMAS, **openapi_corrections.SCHEMAS}},
    }
