"""The atlas a request reads: the current version, or the one its `v=` parameter pins."""
from __future__ import annotations

from flask import current_app, g, request

from mapapp.atlas.store import Atlas, open_atlas
from mapapp.params import ParamError


def current_atlas(version: str | None = None) -> Atlas:
    """Return the atlas for this request: `version`, else the request's `v=`, else the current one.

    Raises AtlasMissing (503) when nothing is built and VersionGone (410) for a version not kept.
    """
    if version is None:
        version = request.args.get("v") or None
    if version is not None and version.strip() != version:
        raise ParamError("v", version, "an atlas version has no spaces")
    opened = g.setdefault("_chronotope_atlases", {})   # one look at the disk per request
    if version not in opened:
        opened[version] = open_atlas(version, current_app.config.get("DATABASE_URL") or current_app.config["ATLAS_DIR"])
    return opened[version]
