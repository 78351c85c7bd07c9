"""The corrections routes in the OpenAPI description (docs/annotations-api.md tells the same in prose)."""
from __future__ import annotations

JSON = "application/json"
JSONLD = "application/ld+json"
ERRORS = {400: "a bad parameter, annotation or place (the message names the problem), or a bad CSRF token",
          401: "not logged in", 403: "logged in without the editor role", 404: "no such document, annotation, "
          "place or history entry", 409: "changed meanwhile: the body is the annotation as it is now; "
          "or a place's undo refused (corrections use it, the message names their documents; already undone)",
          410: "the atlas version is no longer kept", 428: "If-Match is missing", 503: "no atlas is built"}

ANNOTATION = {"type": "object", "required": ["type", "body", "target"], "properties": {
    "@context": {}, "id": {"type": "string"}, "type": {"type": "string"},
    "body": {"oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]},
    "target": {"oneOf": [{"type": "object"}, {"type": "string"}]},
    "creator": {"type": "object"}, "created": {"type": "string"}, "modified": {"type": "string"},
    "orphaned": {"type": "boolean"}}}
SCHEMAS = {
    "Annotation": ANNOTATION,
    "AnnotationCollection": {"type": "object", "required": ["@context", "type", "total", "items"], "properties": {
        "@context": {}, "type": {"type": "string", "enum": ["AnnotationCollection"]},
        "total": {"type": "integer", "minimum": 0}, "items": {"type": "array", "items": ANNOTATION}}},
    "History": {"type": "object", "required": ["document_id", "total", "entries"], "properties": {
        "document_id": {"type": "string"}, "total": {"type": "integer"},
        "entries": {"type": "array", "items": {"$ref": "#/components/schemas/HistoryEntry"}}}},
    "HistoryEntry": {"type": "object", "required": ["id", "annotation_id", "who", "at", "action", "before", "after",
                                                    "note"], "properties": {
        "id": {"type": "integer"}, "annotation_id": {"type": "string"}, "who": {"type": "string", "nullable": True},
        "at": {"type": "string"}, "action": {"type": "string"},
        "before": {"type": "object", "nullable": True}, "after": {"type": "object", "nullable": True},
        "note": {"type": "string", "nullable": True}}},
    "PlaceHistory": {"type": "object", "required": ["total", "entries"], "properties": {
        "total": {"type": "integer"}, "entries": {"type": "array", "items": {"$ref": "#/components/schemas/HistoryEntry"}}}},
    "ReviewQueue": {"type": "object", "required": ["items", "total", "page", "per_page", "orphaned", "progress"],
                    "properties": {"items": {"type": "array", "items": {"type": "object"}},
                                   "total": {"type": "integer"}, "page": {"type": "integer"},
                                   "per_page": {"type": "integer"}, "orphaned": {"type": "array"},
                                   "progress": {"type": "object", "required": ["reviewed", "total"]}}},
    "GazetteerPlace": {"type": "object", "required": ["id", "names", "kind", "lon", "lat", "layer", "source",
                                                      "certainty"], "properties": {
        "id": {"type": "string"}, "name": {"type": "string"}, "names": {"type": "array"}, "kind": {"type": "string"},
        "lon": {"type": "number"}, "lat": {"type": "number"}, "layer": {"type": "string"},
        "source": {"type": "string"}, "certainty": {"type": "string"},
        "documents": {"type": "array", "items": {"type": "string"},
                      "description": "a created place's: the documents analysed again"},
        "history_entry": {"type": "integer", "description": "a created place's: its history entry, to undo it"}}},
    "GazetteerSearch": {"type": "object", "required": ["total", "places"], "properties": {
        "q": {"type": "string", "nullable": True}, "total": {"type": "integer"},
        "places": {"type": "array", "items": {"$ref": "#/components/schemas/GazetteerPlace"}}}},
    "NewPlace": {"type": "object", "required": ["names", "kind", "lon", "lat", "source"], "properties": {
        "names": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["toponym"], "properties": {
            "toponym": {"type": "string"}, "lang": {"type": "string"}}}},
        "kind": {"type": "string"}, "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "certainty": {"type": "string", "enum": ["certain", "probable", "approximate", "uncertain"]},
        "source": {"type": "string", "description": "who says it is there (required)"}}},
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _errors(*statuses: int) -> dict:
    return {str(s): {"description": ERRORS[s], "content": {JSON: {"schema": _ref("Error")}}} for s in statuses}


def _ok(schema: str | None, media: str = JSON, status: str = "200", description: str = "the answer") -> dict:
    if schema is None:
        return {status: {"description": description}}
    return {status: {"description": description, "content": {media: {"schema": _ref(schema)}}}}


def _path(name: str, description: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string"}, "description": description}


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


CSRF = {"name": "X-CSRF-Token", "in": "header", "required": True, "schema": {"type": "string"},
        "description": "the token of the page's <meta name=\"csrf-token\">"}
IF_MATCH = {"name": "If-Match", "in": "header", "required": True, "schema": {"type": "string"},
            "description": "the annotation's ETag"}
V = {"$ref": "#/components/parameters/v"}


def _write(summary: str, params: list, body: str | None, ok: dict, *errors: int) -> dict:
    operation = {"summary": summary + " (editor or admin, logged in)", "parameters": [CSRF, *params],
                 "responses": {**ok, **_errors(400, 401, 403, 404, *errors)}}
    if body:
        operation["requestBody"] = {"required": True, "content": {JSON: {"schema": _ref(body)},
                                                                  JSONLD: {"schema": _ref(body)}}}
    return operation


def corrections_paths() -> dict:
    """The paths of the corrections API, for openapi_document."""
    doc = _path("doc_id", "a document id")
    aid = {**_path("aid", "an annotation id"), "schema": {"type": "string", "pattern": "^[0-9a-f]{16}$"}}
    entry = {**_path("entry_id", "a history entry id"), "schema": {"type": "integer"}}
    return {
        "/api/documents/{doc_id}/annotations": {
            "get": {"summary": "a document's corrections: a W3C AnnotationCollection", "parameters": [doc, V],
                    "responses": {**_ok("AnnotationCollection", JSONLD), **_errors(400, 404, 410, 503)}},
            "post": _write("add one W3C annotation on the document", [doc], "Annotation",
                           _ok("Annotation", JSONLD, "201", "made: its id, Location and ETag"))},
        "/api/annotations/{aid}": {
            "get": {"summary": "one annotation, with its ETag", "parameters": [aid],
                    "responses": {**_ok("Annotation", JSONLD), **_errors(404)}},
            "put": _write("replace an annotation", [aid, IF_MATCH], "Annotation", _ok("Annotation", JSONLD), 409, 428),
            "delete": _write("withdraw an annotation (its history stays)",
                             [aid, IF_MATCH, _query("note", {"type": "string"}, "why")], None,
                             _ok(None, status="204", description="withdrawn"), 409, 428)},
        "/api/documents/{doc_id}/history": {
            "get": {"summary": "every change to a document's corrections: who, when, before, after, note",
                    "parameters": [doc, V], "responses": {**_ok("History"), **_errors(400, 404, 410, 503)}}},
        "/api/history/places": {
            "get": {"summary": "every change to the places made in the app (made, undone), oldest first",
                    "responses": {**_ok("PlaceHistory")}}},
        "/api/history/{entry_id}/undo": {
            "post": _write("undo one change (itself a history entry), a place's creation too", [entry], None,
                           _ok("HistoryEntry", status="201", description="the undo's history entry"), 409)},
        "/api/review/queue": {
            "get": {"summary": "the machine's place links nobody reviewed yet, least certain first; orphaned "
                               "corrections; progress",
                    "parameters": [_query("doc", {"type": "string", "maxLength": 200}, "one document's"),
                                   _query("place", {"type": "string", "maxLength": 200}, "links to this place"),
                                   _query("kind", {"type": "string", "maxLength": 200}, "the place's kind"),
                                   {"$ref": "#/components/parameters/page"},
                                   {"$ref": "#/components/parameters/per_page"}, V],
                    "responses": {**_ok("ReviewQueue"), **_errors(400, 410, 503)}}},
        "/api/gazetteer/search": {
            "get": {"summary": "places of every gazetteer layer by any spelling",
                    "parameters": [_query("q", {"type": "string", "maxLength": 200}, "a name")],
                    "responses": {**_ok("GazetteerSearch"), **_errors(400)}}},
    }


def place_post() -> dict:
    """POST /api/places, beside the GET of the same path."""
    return _write("create a place in the user gazetteer layer; the documents naming it are analysed again",
                  [], "NewPlace", _ok("GazetteerPlace", status="201", description="made: its id"))
