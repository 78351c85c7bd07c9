"""`/compare`: two dates of one view side by side, a divider swiped between them; the URL is the view."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, render_template, request

from mapapp import params
from mapapp.atlas.current import current_atlas
from mapapp.errors import VersionGone
from mapapp.view_state import state_query
from mapapp.web.sharing import gone_page, request_state

bp = Blueprint("compare", __name__)


@bp.errorhandler(VersionGone)
def _gone(error: VersionGone):
    return gone_page(error)


@bp.get("/compare")
def compare() -> str:
    """`a` and `b` (YYYY-MM-DD; the corpus's first and last dates by default), the view's other
    parameters as on `/`, and `split`, the divider's place in percent of the width."""
    from mapapp.web.i18n import request_words

    long_date = request_words().date
    state = request_state()
    atlas = current_atlas()
    corpus = atlas.corpus()
    a = params.iso_day("a", request.args.get("a")) or corpus.get("earliest")
    b = params.iso_day("b", request.args.get("b")) or corpus.get("latest")
    split = params.whole_number("split", request.args.get("split"), 0, 100, default=50)
    sides = [{"name": name, "date": on, "long": long_date(on) if on else "",
              "src": "/embed?" + state_query(replace(state, date=on), atlas.version)} for name, on in (("a", a), ("b", b))]
    keep = {k: v for k, v in request.args.items() if k not in ("a", "b", "split")}
    return render_template("compare.html", sides=sides, split=split, keep=keep, corpus=corpus,
                           version=atlas.version)
