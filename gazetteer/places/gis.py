"""Places from GIS files, for the user layer: GeoJSON FeatureCollections of Points and
GeoPackage point layers (read with GDAL through pyogrio), made into Linked Places features.

Each row needs a name (`name`, `title` or `toponym`) and a point. Its other columns are read
where they are found: `id` (else the file's stem and the row's number), `kind` (`type`,
`feature_type`; else "other", with a warning), `coord_source` (`source`; else the file and row
are credited, with a warning), `certainty`, `uncertainty_km`, `note`, `parent`, and more names:
`names` ("Erivan (ru-Latn); Երևան (hy)", as Chronotope's own GIS export writes them),
`alternate_names` (comma-separated) and `name_<lang>` / `name:<lang>` columns.
A bad row is one line naming the file, the feature's number (GeoJSON) or fid (GeoPackage), and
the problem.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from gazetteer.datafiles import read_features
from gazetteer.errors import GazetteerError
from gazetteer.model import CERTAINTIES, PLACE_KINDS

NAME_KEYS = ("name", "title", "toponym")
KIND_KEYS = ("kind", "type", "feature_type")
SOURCE_KEYS = ("coord_source", "source")
_LANG_NAME = re.compile(r"name[_:]([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)$")
_WITH_LANG = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def _get(props: dict, *keys: str):
    """The first non-empty value among `keys`, matched without regard to case."""
    lowered = {str(k).lower(): v for k, v in props.items()}
    for key in keys:
        value = lowered.get(key)
        if value is not None and not (isinstance(value, float) and math.isnan(value)) and str(value).strip():
            return value
    return None


def _names(props: dict) -> list[dict]:
    names = []
    listed = _get(props, "names")
    for part in (str(listed).split(";") if listed else []):
        part = part.strip()
        match = _WITH_LANG.match(part)
        toponym, lang = (match[1], match[2]) if match else (part, None)
        if toponym:
            names.append({"toponym": toponym, **({"lang": lang} if lang and lang != "?" else {})})
    alternates = _get(props, "alternate_names", "alternatenames")
    names += [{"toponym": a.strip()} for a in str(alternates or "").split(",") if a.strip()]
    for key, value in props.items():
        match = _LANG_NAME.match(str(key))
        if match and value is not None and str(value).strip() and not isinstance(value, float):
            names.append({"toponym": str(value).strip(), "lang": match[1]})
    return names


def _number(value, what: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} is not a number: {value!r}") from None
    return None if math.isnan(number) else number


def lpf_feature(props: dict, point: tuple[float, float] | None, row: str, path: Path) -> tuple[dict, list[str]]:
    """Return the LPF feature of one GIS row and what was defaulted in it ("kind", "source").

    `row` names the row in messages ("feature 3", "fid 3"). Raises ValueError saying what is wrong.
    """
    if point is None:
        raise ValueError("no Point geometry (only points can be imported as places)")
    lon, lat = point
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"coordinates out of range: lon={lon}, lat={lat}")
    name = _get(props, *NAME_KEYS)
    if name is None:
        raise ValueError(f"no name (a '{NAME_KEYS[0]}', '{NAME_KEYS[1]}' or '{NAME_KEYS[2]}' column)")
    defaulted = []
    kind = _get(props, *KIND_KEYS)
    if kind is None:
        kind, defaulted = "other", defaulted + ["kind"]
    elif str(kind) not in PLACE_KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(PLACE_KINDS)})")
    source = _get(props, *SOURCE_KEYS)
    if source is None:
        source, defaulted = f"user file {path.name}, {row}", defaulted + ["source"]
    certainty = str(_get(props, "certainty") or "certain")
    if certainty not in CERTAINTIES:
        raise ValueError(f"unknown certainty {certainty!r} (one of {', '.join(CERTAINTIES)})")
    radius = _number(_get(props, "uncertainty_km"), "uncertainty_km")
    stated = {"title": str(name).strip(), "kind": str(kind), "coord_source": str(source), "certainty": certainty,
              "uncertainty_km": radius, "note": _get(props, "note"), "parent": _get(props, "parent")}
    pid = _get(props, "id", "@id", "place_id") or f"{_stem(path)}:{row.split()[-1]}"
    return ({"@id": str(pid), "type": "Feature", "properties": {k: v for k, v in stated.items() if v is not None},
             "names": _names(props), "types": [{"label": str(kind)}],
             "geometry": {"type": "Point", "coordinates": [lon, lat]}}, defaulted)


def _stem(path: Path) -> str:
    stem = path.name.split(".")[0]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "import"


def is_lpf(features: list, data_keys: set[str] = frozenset()) -> bool:
    """True when a FeatureCollection is Linked Places (an `@context`, or features with `@id`)."""
    return "@context" in data_keys or any(isinstance(f, dict) and "@id" in f for f in features)


def geojson_rows(path: Path) -> list[tuple[dict, tuple[float, float] | None, str]]:
    """(properties, point, row label) of each feature of a GeoJSON file; GazetteerError if it is none."""
    rows = []
    for i, feature in enumerate(read_features(path), start=1):
        if not isinstance(feature, dict):
            raise GazetteerError(f"feature {i}: not a GeoJSON Feature object", str(path))
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") if isinstance(geometry, dict) and geometry.get("type") == "Point" else None
        point = None
        if isinstance(coords, list) and len(coords) >= 2 and all(
                isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2]):
            point = (float(coords[0]), float(coords[1]))
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        if "id" in feature and "id" not in props:
            props = {**props, "id": feature["id"]}
        rows.append((props, point, f"feature {i}"))
    return rows


def geopackage_rows(path: Path, layer: str | None = None) -> list[tuple[dict, tuple[float, float] | None, str]]:
    """(properties, point, row label) of each row of a GeoPackage layer, read by GDAL (pyogrio).

    Without `layer`: the layer named "places" (as Chronotope's export names it), else the only one.
    """
    import pyogrio

    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception as err:  # GDAL's errors are of several kinds; each becomes one line
        raise GazetteerError(f"cannot read as a GeoPackage: {err}", str(path)) from None
    if layer is None:
        if "places" not in layers and len(layers) != 1:
            raise GazetteerError(f"which layer? it has {', '.join(layers) or 'none'} (--layer NAME)", str(path))
        layer = "places" if "places" in layers else layers[0]
    if layer not in layers:
        raise GazetteerError(f"no layer {layer!r} (it has {', '.join(layers)})", str(path))
    frame = pyogrio.read_dataframe(path, layer=layer, fid_as_index=True)
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    rows = []
    for fid, record in frame.iterrows():
        geometry = record.get("geometry")
        point = (float(geometry.x), float(geometry.y)) if geometry is not None and geometry.geom_type == "Point" else None
        props = {k: v for k, v in record.items() if k != "geometry"}
        rows.append((props, point, f"layer {layer}, fid {fid}"))
    return rows


def gis_features(path: Path, rows) -> tuple[list[dict], list[str], list[str]]:
    """The LPF features of GIS `rows`, one warning per kind of default, and one line per bad row
    ("FILE: feature 3: no name")."""
    features, problems, defaulted = [], [], {"kind": 0, "source": 0}
    for props, point, row in rows:
        try:
            feature, defaults = lpf_feature(props, point, row, path)
        except ValueError as err:
            problems.append(f"{path}: {row}: {err}")
            continue
        features.append(feature)
        for what in defaults:
            defaulted[what] += 1
    warnings = []
    if defaulted["kind"]:
        warnings.append(f"{path}: {defaulted['kind']} places without a kind, imported as 'other'")
    if defaulted["source"]:
        warnings.append(f"{path}: {defaulted['source']} places without a source: their points are credited "
                        f"to your file ('user file {path.name}, ...')")
    return features, warnings, problems
