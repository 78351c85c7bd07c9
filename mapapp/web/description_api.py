"""`GET /api/description`: the written account of a view, for screen readers, alt text and oEmbed."""
from __future__ import annotations

from flask import Blueprint, Response, request

from mapapp.atlas import query
from mapapp.atlas.store import Atlas, Page
from mapapp.description import MAX_DOCUMENTS, describe
from mapapp.picture.scene import view_date, view_window
from mapapp.view_state import parse_state
from mapapp.web.api import answer
from mapapp.web.i18n import request_words

bp = Blueprint("description", __name__, url_prefix="/api")


def view_description(atlas: Atlas, args) -> dict:
    """The account of the view the parameters `args` describe (the main page's own parameters), in the
    request's language (`lang`, the reader's choice, Accept-Language: see mapapp.web.i18n)."""
    state = parse_state(args)
    document = atlas.document(state.doc) if state.doc else None
    on = view_date(atlas, state, document)
    window = view_window(state, on, document)
    listed = atlas.documents(window=window, page=Page(1, MAX_DOCUMENTS))
    movements = atlas.movements(window=window)["features"] if "movements" in state.shown_layers else []
    account = describe(on, (window.start, window.end), atlas.territories(on)["features"], listed["documents"],
                       listed["total"], movements, state.shown_layers, request_words())
    return account.as_dict()


@bp.get("/description")
def description() -> Response:
    return answer(lambda atlas: query.dumps(view_description(atlas, request.args)))
