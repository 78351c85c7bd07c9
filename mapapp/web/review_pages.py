"""The editor's pages: `/review`, the queue of the machine's readings nobody has checked yet, and
`/documents/<id>/history`, every change made to a document's readings.

Both are filled in the browser from the corrections API (review_queue.js, history_page.js), which
says in words what each correction is (review_history.js): one wording for the reader, the queue
and the history.
"""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from mapapp import params
from mapapp.atlas.current import current_atlas
from mapapp.errors import Forbidden

bp = Blueprint("review_pages", __name__)


@bp.get("/review")
def review_queue():
    """The review queue, for editors and admins (anyone else is sent to log in first)."""
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    if not current_user.can_write:
        raise Forbidden(f"{current_user.name} is a {current_user.role}; the review queue needs an editor or admin")
    atlas = current_atlas()
    documents = atlas.documents(page=params.page("1", "500"))["documents"]
    return render_template("review.html", documents=documents, version=atlas.version, meta=None,
                           selected={k: request.args.get(k, "") for k in ("doc", "place", "kind")})


@bp.get("/documents/<doc_id>/history")
def document_history(doc_id: str):
    """Who changed what in a document's readings, when, before and after, and their note."""
    doc = current_atlas().document(doc_id)
    return render_template("history.html", doc=doc, version=None, pinned=False, meta=None)
