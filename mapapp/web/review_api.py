"""The review queue, the gazetteer search and new places (docs/annotations-api.md).

The queue lists the machine's place links nobody has reviewed yet, least certain first: by the
resolver's score, then by its lead over the runner-up candidate (rows.queue_order; the SQL in
mapapp/atlas/review_queue.py reads one page through an index).
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, request
from flask_login import current_user

from mapapp import params
from mapapp.atlas.current import current_atlas
from mapapp.atlas.review_queue import queue_page
from mapapp.atlas.rows import queue_order
from mapapp.corrections import places
from mapapp.corrections.annotation import to_w3c
from mapapp.corrections.newplace import place_json
from mapapp.web import places_made
from mapapp.web.accounts import writer_required
from mapapp.web.corrections_api import base, corrections, public_names, republish

bp = Blueprint("review", __name__, url_prefix="/api")


def _json(value, status: int = 200) -> Response:
    response = Response(json.dumps(value, ensure_ascii=False), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.get("/review/queue")
def queue() -> Response:
    doc = params.short_text("doc", request.args.get("doc"))
    place = params.short_text("place", request.args.get("place"))
    kind = params.short_text("kind", request.args.get("kind"))
    page = params.page(request.args.get("page"), request.args.get("per_page"))
    found = queue_page(current_atlas().conn, doc, place, kind, page.size, page.number)
    items = []
    for doc_id, text in found.rows:
        record = json.loads(text)
        items.append({"document_id": doc_id, "start": record["start"], "end": record["end"],
                      "text": record["text"], "place": {"id": record["place_id"], "name": record["name"],
                                                        "kind": record["kind"]},
                      "score": record.get("score"), "lead": queue_order(record)[1],
                      "candidates": record.get("candidates", [])})
    names = public_names()
    orphaned = [to_w3c(a, base(), names.get(a.creator or "")) for a in corrections().orphaned()
                if not doc or a.document_id == doc]
    return _json({"items": items, "total": found.waiting, "page": page.number, "per_page": page.size,
                  "orphaned": orphaned, "progress": {"reviewed": found.reviewed, "total": found.total}})


@bp.get("/gazetteer/search")
def gazetteer_search() -> Response:
    q = params.short_text("q", request.args.get("q"))
    found = places.search(q) if q else []
    return _json({"q": q, "total": len(found), "places": [place_json(p) for p in found]})


@bp.post("/places")
@writer_required
def create_place() -> Response:
    """Create a user-layer place, then analyse again the documents whose text names it."""
    made = places_made.create(request.get_json(silent=True), current_app.config["HOME"], corrections(),
                              current_user.name, republish)
    return _json(made, 201)
