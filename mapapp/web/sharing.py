"""What every shareable page carries: pinned links, the oEmbed discovery tag, og:/twitter: tags,
and the clear page for a pinned data version the server no longer keeps."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Response, render_template, request, url_for

from mapapp.errors import VersionGone, log_refused
from mapapp.view_state import ViewState, parse_state, state_query
from mapapp.web.security import public_root

CARD_SIZE = (1200, 630)   # the size social sites show a large card at


def request_state() -> ViewState:
    """The view this request's parameters describe; 400 naming a bad parameter (a ParamError)."""
    return parse_state(request.args)


def page_url(path: str, query: str = "") -> str:
    """The absolute URL of one of our pages, `path` from the app's root (for links that leave the
    site: oEmbed, cards, print)."""
    return f"{public_root()}{path}" + (f"?{query}" if query else "")


def app_path(endpoint: str) -> str:
    """The path of `endpoint` from the app's root (url_for's, without the prefix the app is mounted at)."""
    return url_for(endpoint)[len(request.script_root):]


def share_meta(title: str, state: ViewState, version: str, path: str, description: str = "") -> dict:
    """The template values of the discovery and card tags of a page showing `state`."""
    here = page_url(path, state_query(state, version) if path in ("/", "/embed") else f"v={version}")
    png = page_url(app_path("share_pages.map_png"),
                   state_query(state, version, width=CARD_SIZE[0], height=CARD_SIZE[1]))
    oembed = page_url(app_path("embed.oembed_answer"), urlencode({"url": here, "format": "json"}))
    return {"title": title, "url": here, "image": png, "image_size": CARD_SIZE, "oembed": oembed,
            "description": description}


def request_meta(title: str | None = None) -> dict:
    """The discovery and card tags of the page being served, its state read from its own query."""
    from flask_babel import gettext

    title = title or gettext("Chronotope: documents on a dated map")
    query = request.query_string.decode("utf-8", "replace")
    png = page_url(app_path("share_pages.map_png"), query)
    here = page_url(request.path, query)
    oembed = page_url(app_path("embed.oembed_answer"), urlencode({"url": here, "format": "json"}))
    return {"title": title, "url": here, "image": png, "image_size": None, "oembed": oembed,
            "description": ""}


def gone_page(error: VersionGone) -> Response:
    """410: the pinned data version is gone; say so plainly and link the same view on current data."""
    log_refused(error)
    asked = request.args.get("v", "")
    current = [(k, v) for k, v in request.args.items(multi=True) if k != "v"]
    link = request.path + ("?" + urlencode(current) if current else "")
    html = render_template("gone.html", version=asked, link=link, detail=error.localized())
    response = Response(html, status=410, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response
