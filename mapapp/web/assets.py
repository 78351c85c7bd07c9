"""Leaflet and the basemap, served by the app from installed packages and our own files: no CDN."""
from __future__ import annotations

from pathlib import Path

BASEMAP_DIR = Path(__file__).resolve().parent.parent / "data" / "basemap"
BASEMAP_FILES = ("world", "region", "rivers", "borders")


def leaflet_dir() -> Path:
    """Return the folder of the installed `xstatic-leaflet` package holding leaflet.js and its css."""
    from xstatic.pkg import leaflet

    return Path(leaflet.BASE_DIR)


def leaflet_version() -> str:
    """Return the version of the installed Leaflet (used to bust caches of /vendor/leaflet)."""
    from xstatic.pkg import leaflet

    return leaflet.VERSION


def basemap_path(name: str) -> Path | None:
    """Return the shipped basemap file `name` (one of BASEMAP_FILES), or None if unknown."""
    if name not in BASEMAP_FILES:
        return None
    return BASEMAP_DIR / f"{name}.geojson"
