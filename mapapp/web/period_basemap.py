"""The period basemap's files: named rivers and lakes, the mountains' relief, the 1920 network.

All drawn by the page itself from these answers (no tile server), cached like the other basemap files.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from flask import Blueprint, Response

from gazetteer.movements.network import bundled_network_file
from mapapp.waters import BASEMAP_DIR, gazetteer_waters

bp = Blueprint("period_basemap", __name__)

ASSET_MAX_AGE = 24 * 3600   # as the other basemap files (pages.ASSET_MAX_AGE)
RELIEF_FILE = BASEMAP_DIR / "relief.jpg"


@lru_cache(maxsize=1)
def relief_bounds() -> dict:
    """The box the relief picture covers and where it comes from (relief.json)."""
    return json.loads((BASEMAP_DIR / "relief.json").read_text(encoding="utf-8"))


def _answer(body: bytes, mimetype: str) -> Response:
    response = Response(body, mimetype=mimetype)
    response.set_etag(hashlib.sha1(body).hexdigest()[:20])
    response.cache_control.public = True
    response.cache_control.max_age = ASSET_MAX_AGE
    return response


@lru_cache(maxsize=1)
def _waters_body() -> bytes:
    return json.dumps(gazetteer_waters(), ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


@lru_cache(maxsize=1)
def _network_body() -> bytes:
    """The bundled 1920 network, each line with `layer` (its kind: railway or road) for the style."""
    collection = json.loads(bundled_network_file().read_text(encoding="utf-8"))
    features = [{"type": "Feature", "geometry": f["geometry"],
                 "properties": {**f["properties"], "layer": f["properties"].get("kind", "road")}}
                for f in collection.get("features", [])]
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


@bp.get("/basemap/waters.geojson")
def waters():
    """The basemap's rivers and lakes with every name the gazetteer gives them."""
    return _answer(_waters_body(), "application/geo+json")


@bp.get("/basemap/network.geojson")
def network():
    """The railways and main roads of 1920 that movements are routed along (gazetteer/data/network)."""
    return _answer(_network_body(), "application/geo+json")


@bp.get("/basemap/relief.jpg")
def relief():
    """The mountains' shading (Natural Earth shaded relief, public domain): white where flat, multiplied in."""
    return _answer(RELIEF_FILE.read_bytes(), "image/jpeg")
