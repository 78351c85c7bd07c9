"""The corrections API: W3C annotations on documents, their history and undo, the review queue,
the gazetteer search and new user-layer places (docs/annotations-api.md).

Reading is open to all; every write needs an editor or admin (`writer_required`) and the CSRF
token (the app's CSRFProtect), and is one history entry in the corrections store. A change is
patched into the served atlas at once (`corrections.live`), so every answer shows it.
"""
from __future__ import annotations

import json
from dataclasses import replace

from flask import Blueprint, Response, current_app, request
from flask_login import current_user

from mapapp.accounts import store as accounts
from mapapp.atlas.current import current_atlas
from mapapp.atlas.query import document_body
from mapapp.corrections import anchor, live, places
from mapapp.corrections.annotation import CONTEXT, LINK, MOVEMENT, Annotation, parse, to_w3c
from mapapp.corrections.store import CorrectionsStore, StaleAnnotation, UnknownAnnotation
from mapapp.errors import ApiError, NotFound, PreconditionRequired
from mapapp.message_ids import N_
from mapapp.web import places_made
from mapapp.web.accounts import writer_required

bp = Blueprint("corrections", __name__, url_prefix="/api")
JSONLD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def corrections() -> CorrectionsStore:
    return CorrectionsStore(current_app.config.get("DATABASE_URL") or current_app.config["ATLAS_DIR"])


def public_names() -> dict[str, str | None]:
    """Account name -> the name public pages may show (None: the editor did not agree to be named)."""
    return accounts.public_names(accounts.accounts_location(current_app.config))


def base() -> str:
    return request.url_root.rstrip("/")


def _json(value, status: int = 200, mimetype: str = "application/json") -> Response:
    response = Response(json.dumps(value, ensure_ascii=False), status=status, mimetype=mimetype)
    response.headers["Cache-Control"] = "no-cache"
    return response


def _annotation_response(a: Annotation, status: int = 200) -> Response:
    response = _json(to_w3c(a, base(), public_names().get(a.creator or ""), current_user.is_authenticated),
                     status, JSONLD)
    response.set_etag(dict(a.extra)["etag"])
    return response


def _document_body(doc_id: str) -> str:
    atlas = current_atlas()
    if not atlas.has_document(doc_id):
        atlas.raise_if_renamed(doc_id)
        raise NotFound(N_("no document %(doc)s in atlas %(version)s"), doc=repr(doc_id), version=atlas.version)
    return document_body(atlas.conn, doc_id)


def lookup_place(place_id: str):
    """The place of any gazetteer layer, or the atlas's own row (as a Place), or None."""
    return places.place(place_id)


def _check(a: Annotation) -> Annotation:
    """Refuse an annotation whose quote is not in the document or whose places are unknown (400, 404)."""
    body = _document_body(a.document_id)
    if a.selection is not None:
        span = anchor.anchor(body, a.selection)
        if span is None:
            raise ApiError(N_("TextQuoteSelector.exact: %(quote)s is not in the body of document %(doc)s"),
                           "bad_annotation", 400, quote=repr(a.selection.exact[:60]), doc=repr(a.document_id))
    wanted = ([a.place] if a.action == LINK else []) + list(a.values.get("waypoints", ()) if a.action == MOVEMENT else [])
    for place_id in wanted:
        if lookup_place(place_id) is None and not _atlas_has_place(place_id):
            raise NotFound(N_("no place %(place)s in the gazetteer"), place=repr(place_id))
    return a


def _atlas_has_place(place_id: str) -> bool:
    return current_atlas().conn.execute("SELECT 1 FROM places WHERE id = ?", (place_id,)).fetchone() is not None


def republish(doc_ids, readings=None) -> None:
    """Patch the changed documents into the served atlas (within the request: the answer shows it)."""
    live.patch_served(current_atlas().path, corrections(), doc_ids, lookup_place, public_names(), readings)


def _parsed(doc_id: str | None = None) -> Annotation:
    data = request.get_json(silent=True)
    if data is None:
        raise ApiError(N_("the request body must be one W3C annotation as JSON"), "bad_annotation", 400)
    return _check(parse(data, doc_id))


def _if_match() -> str:
    value = request.headers.get("If-Match")
    if not value:
        raise PreconditionRequired(N_("send If-Match with the annotation's ETag (GET it first)"))
    return value.strip().removeprefix("W/")


def _stale(exc: StaleAnnotation) -> Response:
    response = _annotation_response(exc.current, 409)
    return response


@bp.get("/documents/<doc_id>/annotations")
def list_annotations(doc_id: str) -> Response:
    _document_body(doc_id)
    names = public_names()
    items = [to_w3c(a, base(), names.get(a.creator or ""), current_user.is_authenticated)
             for a in corrections().annotations(doc_id)]
    for item in items:
        item.pop("@context", None)
    return _json({"@context": CONTEXT, "id": f"{base()}/api/documents/{doc_id}/annotations",
                  "type": "AnnotationCollection", "total": len(items), "items": items}, mimetype=JSONLD)


@bp.post("/documents/<doc_id>/annotations")
@writer_required
def add_annotation(doc_id: str) -> Response:
    a = _parsed(doc_id)
    made = corrections().add(replace(a, id=None, creator=None, created=None, modified=None), current_user.name)
    republish([doc_id])
    response = _annotation_response(made, 201)
    response.headers["Location"] = f"{base()}/api/annotations/{made.id}"
    return response


def _stored(aid: str) -> Annotation:
    try:
        return corrections().get(aid)
    except UnknownAnnotation:
        raise NotFound(N_("no annotation %(annotation)s"), annotation=repr(aid)) from None


@bp.get("/annotations/<aid>")
def get_annotation(aid: str) -> Response:
    return _annotation_response(_stored(aid))


@bp.put("/annotations/<aid>")
@writer_required
def put_annotation(aid: str) -> Response:
    old = _stored(aid)
    if_match = _if_match()
    new = _parsed(old.document_id)
    try:
        made = corrections().update(aid, new, current_user.name, if_match)
    except StaleAnnotation as exc:
        return _stale(exc)
    republish([old.document_id])
    return _annotation_response(made)


@bp.delete("/annotations/<aid>")
@writer_required
def delete_annotation(aid: str) -> Response:
    old = _stored(aid)
    if_match = _if_match()
    try:
        corrections().delete(aid, current_user.name, if_match, request.args.get("note"))
    except StaleAnnotation as exc:
        return _stale(exc)
    republish([old.document_id])
    return Response(status=204)


def _named(entries: list[dict]) -> list[dict]:
    """History entries as this client may see them: an editor's account name only if they agreed to be named."""
    if not current_user.is_authenticated:
        names = public_names()
        for entry in entries:
            entry["who"] = names.get(entry["who"] or "")
    return entries


@bp.get("/documents/<doc_id>/history")
def history(doc_id: str) -> Response:
    _document_body(doc_id)
    entries = _named(corrections().history(doc_id))
    return _json({"document_id": doc_id, "total": len(entries), "entries": entries})


@bp.get("/history/places")
def place_history() -> Response:
    """The changes to the places made in the app (made, undone), oldest first."""
    entries = _named(corrections().place_history())
    return _json({"total": len(entries), "entries": entries})


@bp.post("/history/<int:entry_id>/undo")
@writer_required
def undo(entry_id: int) -> Response:
    store = corrections()
    change = store.entry(entry_id)
    if change is not None and store.is_place_change(change):   # a place made in the app (places_made)
        return _json(places_made.undo(change, current_app.config["HOME"], store, current_user.name, republish), 201)
    try:
        entry, doc_id = store.undo(entry_id, current_user.name)
    except UnknownAnnotation:
        raise NotFound(N_("no history entry %(entry)s"), entry=entry_id) from None
    republish([doc_id])
    return _json(entry, 201)
