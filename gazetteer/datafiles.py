"""Reading the gazetteer's JSON data files, with errors that name the file and the problem."""
from __future__ import annotations

import json
from pathlib import Path

from gazetteer.errors import GazetteerError


def read_json(path: Path) -> object:
    """The parsed JSON of `path`; GazetteerError naming the file if it cannot be read or parsed."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise GazetteerError(f"cannot read: {getattr(err, 'strerror', None) or err}", str(path)) from None
    except json.JSONDecodeError as err:
        raise GazetteerError(f"not JSON: {err.msg} at line {err.lineno}, column {err.colno}",
                             str(path)) from None


def read_features(path: Path, what: str = "GeoJSON FeatureCollection") -> list:
    """The `features` of a FeatureCollection file; GazetteerError saying it is not `what` otherwise."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" \
            or not isinstance(data.get("features"), list):
        raise GazetteerError(f"not a {what}", str(path))
    return data["features"]
