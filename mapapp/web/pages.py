"""The map page `/` and the files it needs (Leaflet, the basemap), all served by the app itself."""
from __future__ import annotations

import io
from dataclasses import replace

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    request,
    send_file,
    send_from_directory,
    url_for,
)
from flask_babel import gettext

from mapapp.atlas.current import current_atlas
from mapapp.corpus_text import corpus_text
from mapapp.errors import VersionGone
from mapapp.web import assets
from mapapp.web.period_basemap import relief_bounds
from mapapp.web.sharing import gone_page, request_meta

bp = Blueprint("pages", __name__)

ASSET_MAX_AGE = 24 * 3600   # revalidated by ETag after that; the files change only with a release


def render_map_page(embed: bool = False, **context) -> str:
    """Return the map page's HTML; `embed=True` leaves out the side panel (used by /embed)."""
    from mapapp.web.mapview import build_map, map_parts

    version = assets.leaflet_version()
    m = build_map(
        leaflet_js=url_for("pages.leaflet", filename="leaflet.js", v=version),
        leaflet_css=url_for("pages.leaflet", filename="leaflet.css", v=version),
        basemap={name: url_for("pages.basemap", name=name) for name in assets.BASEMAP_FILES},
        tiles=bool(current_app.config.get("TILES", False)),
        say=gettext,
        period={"relief": url_for("period_basemap.relief"), "relief_box": relief_bounds()["bounds"],
                "network": url_for("period_basemap.network")},
    )
    context.setdefault("meta", request_meta())
    site = corpus_text(current_app.config.get("CORPUS") or ())
    if site == corpus_text(()):   # the bundled corpus's words are in the catalogues; a user's are data
        site = replace(site, description=str(gettext(site.description)))
    return render_template("index.html", map=map_parts(m), embed=embed, site=site, **context)


@bp.errorhandler(VersionGone)
def _gone(error: VersionGone) -> Response:
    return gone_page(error)


@bp.get("/")
def index() -> str:
    if request.args.get("v"):
        current_atlas()     # a data version the server no longer keeps: the plain 410 page, as /embed
    return render_map_page()


@bp.get("/vendor/leaflet/<path:filename>")
def leaflet(filename: str):
    """Leaflet's files from the installed xstatic-leaflet package."""
    return send_from_directory(assets.leaflet_dir(), filename, max_age=ASSET_MAX_AGE)


@bp.get("/basemap/<name>.geojson")
def basemap(name: str):
    """The shipped basemap (Natural Earth, public domain) as GeoJSON."""
    path = assets.basemap_path(name)
    if path is None:
        abort(404)
    # From memory, not an open file: a client that goes away mid-answer leaves no file handle behind.
    return send_file(io.BytesIO(path.read_bytes()), mimetype="application/geo+json", max_age=ASSET_MAX_AGE,
                     etag=str(path.stat().st_mtime_ns), last_modified=path.stat().st_mtime)
