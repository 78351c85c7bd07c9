"""Pages to read, teach and print from: documents, places, tours, handouts, and the map as a PNG."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, render_template, request
from flask_babel import gettext

from mapapp import params
from mapapp.atlas.current import current_atlas
from mapapp.errors import AtlasMissing, Busy, NotFound, VersionGone
from mapapp.view_state import ViewState, state_query
from mapapp.web.caching import PINNED
from mapapp.web.sharing import gone_page, request_state, share_meta

bp = Blueprint("share_pages", __name__)
bp.register_error_handler(VersionGone, gone_page)

PAPERS = ("a4", "letter")
PRINT_EXCERPT = 1100     # characters of a document on a one-page handout
PICTURE_WAIT = 30        # seconds a request waits for its picture before answering 503


def init_app(app: Flask) -> None:
    """The picture cache (on disk under CACHE_DIR, shared by processes) and the drawing pool."""
    from mapapp.picture.cache import PictureCache
    from mapapp.picture.pool import shared_pool

    app.extensions["chronotope.pictures"] = PictureCache(Path(app.config["CACHE_DIR"]) / "pictures")
    app.extensions["chronotope.picture_pool"] = shared_pool(app.config["PICTURE_WORKERS"],
                                                            app.config["PICTURE_QUEUE"])


@bp.get("/map.png")
def map_png() -> Response:
    """The view drawn server-side, width x height (200-2400 px, 800x600 otherwise); cached.

    Drawn in the picture pool, off the request threads; 503 with Retry-After when it is full.
    """
    from mapapp.picture.cache import PictureCache
    from mapapp.picture.pool import PoolFull, draw_view
    from mapapp.picture.render import clamp_size
    from mapapp.view_state import cache_key

    state = request_state()
    atlas = current_atlas()
    width, height = clamp_size(request.args.get("width"), request.args.get("height"))
    if state.doc and not atlas.has_document(state.doc):
        atlas.raise_if_renamed(state.doc)
        raise NotFound(f"no document {state.doc!r} in atlas {atlas.version}")
    cache: PictureCache = current_app.extensions["chronotope.pictures"]
    key = PictureCache.key(atlas.state, cache_key(state), width, height)
    body = cache.get(key)
    if body is None:
        try:
            body = current_app.extensions["chronotope.picture_pool"].run(
                key, draw_view, str(current_app.config["ATLAS_DIR"]), atlas.version, state, width, height,
                timeout=PICTURE_WAIT)
        except PoolFull as full:
            raise Busy(f"the server is drawing other pictures ({full}); try again in a moment") from None
        cache.put(key, body)
    response = Response(body, mimetype="image/png")
    response.headers["Cache-Control"] = PINNED if state.version else "public, max-age=300"
    return response


def paper() -> str:
    return params.choice("paper", request.args.get("paper"), PAPERS)


@bp.get("/about")
def about_page() -> str:
    """Where the documents come from: each compilation, its compiler and standpoint, and how we word things."""
    atlas = current_atlas()
    return render_template("about.html", collections=atlas.collections(), version=atlas.version,
                           pinned=bool(request.args.get("v")), meta=None)


@bp.get("/documents/<doc_id>")
def document_page(doc_id: str) -> str:
    from mapapp.web.page_data import body_segments, document_places

    atlas = current_atlas()
    doc = atlas.document(doc_id)
    state = ViewState(doc=doc_id)
    from mapapp.web.description_api import describe_view

    return render_template(
        "document.html", doc=doc, description=describe_view(atlas, state)["text"], segments=body_segments(doc["body"], doc["places"]),
        places=document_places(doc["places"]), version=atlas.version, pinned=bool(request.args.get("v")),
        map_query=state_query(state, atlas.version, width=640, height=400),
        map_link=state_query(ViewState(doc=doc_id, date=doc.get("earliest")), atlas.version),
        meta=share_meta(doc.get("title") or doc_id, state, atlas.version, f"/documents/{doc_id}",
                        f"{doc.get('date_text') or ''} {doc.get('origin') or ''}".strip()))


@bp.get("/documents/<doc_id>/print")
def document_print(doc_id: str) -> str:
    from mapapp.web.description_api import describe_view, short_account
    from mapapp.web.page_data import excerpt, provenance_lines

    atlas = current_atlas()
    doc = atlas.document(doc_id)
    state = ViewState(doc=doc_id)
    account = describe_view(atlas, state)
    summary = short_account(account)      # room for it is taken from the excerpt: one page still
    sheets = [{"title": doc.get("title") or gettext("(untitled document)"), "date_text": doc.get("date_text"),
               "provenance": provenance_lines(doc, gettext),
               "text": excerpt(doc["body"], max(PRINT_EXCERPT - len(summary), PRINT_EXCERPT // 2)), "quote": None, "questions": (),
               "citation": doc["citation"],
               "map_query": state_query(state, atlas.version, width=1000, height=560),
               "description": account["text"], "summary": summary,
               "link": share_meta("", state, atlas.version, f"/documents/{doc_id}")["url"]}]
    return render_template("print.html", title=sheets[0]["title"], sheets=sheets, paper=paper(),
                           version=atlas.version)


@bp.get("/places/<path:place_id>")
def place_page(place_id: str) -> str:
    from mapapp.web.page_data import territories_at

    atlas = current_atlas()
    feature = atlas.place(place_id)
    lon, lat = feature["geometry"]["coordinates"][:2]
    documents = feature["properties"].get("documents") or []
    rows = [{"doc": d, "territories": territories_at(atlas, lon, lat, d.get("earliest"))} for d in documents]
    state = ViewState(place=place_id, lon=lon, lat=lat, zoom=8)
    return render_template(
        "place.html", place=feature["properties"], lon=lon, lat=lat, rows=rows, version=atlas.version,
        pinned=bool(request.args.get("v")),
        map_query=state_query(state, atlas.version, width=640, height=400),
        meta=share_meta(feature["properties"]["name"], state, atlas.version, f"/places/{place_id}"))


def _tour(name: str):
    """The tour called `name` with the atlas it plays on; 404 for no such tour."""
    from mapapp.web.tour_pages import find_tour

    tour = find_tour(name)
    if tour is None:
        raise NotFound(f"no tour {name!r}; the tours are listed at /tours/")
    return tour


@bp.get("/tours/")
def tours_index() -> str:
    from mapapp.web.tour_pages import list_tours

    try:
        version = current_atlas().version     # the footer names the data the tours are shown on
    except AtlasMissing:
        version = None
    return render_template("tours.html", tours=list_tours(), version=version)


@bp.get("/tours/<name>")
def tour_page(name: str) -> str:
    from mapapp.web.tour_pages import tour_steps

    tour = _tour(name)
    atlas = current_atlas()
    steps = tour_steps(tour, atlas)
    current = params.step(request.args.get("step"), len(steps))
    first = steps[current - 1]
    return render_template("tour.html", tour=tour, steps=steps, current=current, version=atlas.version,
                           pinned=True,
                           meta=share_meta(tour.title, first["state"], atlas.version, f"/tours/{name}",
                                           tour.summary[:200]))


@bp.get("/tours/<name>/print")
def tour_print(name: str) -> str:
    from mapapp.web.tour_pages import print_sheets

    tour = _tour(name)
    atlas = current_atlas()
    sheets = print_sheets(tour, atlas)
    if params.given(request.args.get("step")):
        sheets = [sheets[params.step(request.args.get("step"), len(sheets)) - 1]]
    return render_template("print.html", title=tour.title, sheets=sheets, paper=paper(), version=atlas.version)
