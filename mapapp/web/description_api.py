"""`GET /api/description`: the written account of a view, for screen readers, alt text and oEmbed."""
from __future__ import annotations

from flask import Blueprint, Response, request
from flask_babel import force_locale

from mapapp.atlas import query
from mapapp.atlas.store import Atlas, Page
from mapapp.description import MAX_DOCUMENTS, describe
from mapapp.picture.scene import view_date, view_window
from mapapp.view_state import ViewState, parse_state
from mapapp.web.api import answer
from mapapp.web.i18n import request_words

bp = Blueprint("description", __name__, url_prefix="/api")


def view_description(atlas: Atlas, args) -> dict:
    """The account of the view the parameters `args` describe (the main page's own parameters), in the
    request's language (`lang`, the reader's choice, Accept-Language: see mapapp.web.i18n)."""
    return describe_view(atlas, parse_state(args))


def describe_view(atlas: Atlas, state: ViewState, lang: str | None = None) -> dict:
    """The account of the view `state` in `lang`, else the request's language: the map's accessible
    description, the alt text of its pictures, the oEmbed `description`."""
    document = atlas.document(state.doc) if state.doc else None
    on = view_date(atlas, state, document)
    window = view_window(state, on, document)
    listed = atlas.documents(window=window, page=Page(1, MAX_DOCUMENTS))
    movements = atlas.movements(window=window)["features"] if "movements" in state.shown_layers else []
    words = request_words(lang)
    with force_locale(words.lang):      # gettext in the account's language, whatever the request's
        account = describe(on, (window.start, window.end), atlas.territories(on)["features"],
                           listed["documents"], listed["total"], movements, state.shown_layers, words)
    return account.as_dict()


def short_account(account: dict, statements: int = 3) -> str:
    """The first `statements` of an account: the paragraph a printed handout has room for."""
    return " ".join(s["text"] for s in account["statements"][:statements])


@bp.get("/description")
def description() -> Response:
    return answer(lambda atlas: query.dumps(view_description(atlas, request.args)))
