"""Derive territories.geojson from seeds.csv, frame.json and units.json.

Run from the project root:  python gazetteer/data/territories/derive_polygons.py
It rewrites territories.geojson next to this file and prints each unit's area
beside its reference area. The method, in short: a Voronoi partition of known
settlements (each tagged with the uyezd it belonged to, 1918-1921, including
settlements of the neighbouring uyezds so that those take their share), computed
in a local equirectangular projection, separately within each compartment of a
hand-drawn frame (coasts, the 1878 Russo-Ottoman and the Russo-Persian frontiers,
the Aras and the Kura), and merged per unit. The timeline is not touched.
"""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path

from shapely import set_precision
from shapely.affinity import affine_transform
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient
from shapely.ops import split, unary_union, voronoi_diagram

from gazetteer.geodesy import area_km2

HERE = Path(__file__).resolve().parent
LAT0 = 40.5  # centre of the area: the projection is true to scale along this parallel
KX = math.cos(math.radians(LAT0))


def to_plane(geom):
    """The geometry in the local plane: x = lon * cos(40.5°), y = lat (degrees of latitude)."""
    return affine_transform(geom, [KX, 0, 0, 1, 0, 0])


def to_lonlat(geom):
    return affine_transform(geom, [1 / KX, 0, 0, 1, 0, 0])


def read_seeds() -> list[dict]:
    with open(HERE / "seeds.csv", encoding="utf-8", newline="") as handle:
        return [dict(row, lon=float(row["lon"]), lat=float(row["lat"])) for row in csv.DictReader(handle)]


def compartments(frame: Polygon, cuts: list[LineString]) -> list[Polygon]:
    """The frame cut along each dividing line (rivers that separate uyezds)."""
    parts = [frame]
    for cut in cuts:
        parts = [piece for part in parts for piece in split(part, cut).geoms]
    return parts


def cells_by_group(frame: Polygon, cuts: list[LineString], seeds: list[dict]) -> dict[str, object]:
    """Seed group -> the union of its seeds' Voronoi cells (plane coordinates)."""
    cells: dict[str, list] = {}
    for part in compartments(frame, cuts):
        inside = [s for s in seeds if part.contains(to_plane(Point(s["lon"], s["lat"])))]
        if not inside:
            raise SystemExit(f"a compartment of the frame has no seeds: {part.bounds}")
        points = [to_plane(Point(s["lon"], s["lat"])) for s in inside]
        diagram = voronoi_diagram(MultiPoint(points), envelope=part.buffer(1.0))
        for cell in diagram.geoms:
            owner = next(s for s, p in zip(inside, points, strict=True) if cell.contains(p))
            cells.setdefault(owner["unit"], []).append(cell.intersection(part))
    return {group: unary_union(found) for group, found in cells.items()}


def touched_landmarks(geom, vertices: list[list]) -> list[str]:
    """Landmarks of the frame whose vertex lies on the unit's boundary (within ~1 km)."""
    boundary = geom.boundary
    return [v[2] for v in vertices if boundary.distance(Point(v[0], v[1])) < 0.01]


def method_text(unit: dict, seeds: list[dict], landmarks: list[str], total: int) -> str:
    own = [s["name"] for s in seeds if s["unit"] in unit["parts"]]
    text = (f"derived from known settlements: Voronoi partition of {total} settlements of this and the "
            f"neighbouring uyezds (local equirectangular projection); this unit is the cells of "
            f"{len(own)}: {', '.join(own)}")
    if landmarks:
        text += f"; its outer edge follows: {'; '.join(dict.fromkeys(landmarks))}"
    if unit.get("outline"):
        text += ("; cut to a hand-drawn outline along the foot of the highland: "
                 + "; ".join(v[2] for v in unit["outline"]))
    return text


def unit_geometry(unit: dict, groups: dict) -> object:
    geom = to_lonlat(unary_union([groups[p] for p in unit["parts"]]))
    if unit.get("outline"):
        geom = geom.intersection(Polygon([(v[0], v[1]) for v in unit["outline"]]))
    geom = set_precision(geom, 1e-4)
    # RFC 7946: exterior rings counter-clockwise, holes clockwise
    if geom.geom_type == "MultiPolygon":
        return MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    return orient(geom, 1.0)


def feature(unit: dict, geom, seeds: list[dict], frame_vertices: list[list]) -> dict:
    landmarks = touched_landmarks(geom, frame_vertices)
    method = method_text(unit, seeds, landmarks, len(seeds))
    if unit.get("note"):
        method += ". " + unit["note"]
    sources = ["seeds.csv, frame.json and units.json in gazetteer/data/territories (see README.md)"]
    if unit.get("reference_area_source"):
        sources.append("extent and area: " + unit["reference_area_source"])
    props = {
        "id": unit["id"], "name": unit["name"], "level": unit["level"], "names": unit["names"],
        "method": method,
        "certainty": ("approximate: boundaries drawn from settlements, good to ~10-20 km; "
                      "river and frontier edges to ~5 km"),
        "sources": sources,
    }
    return {"type": "Feature", "id": unit["id"], "properties": props, "geometry": mapping(geom)}


def main() -> None:
    frame_data = json.loads((HERE / "frame.json").read_text(encoding="utf-8"))
    units = json.loads((HERE / "units.json").read_text(encoding="utf-8"))["units"]
    seeds = read_seeds()
    frame = to_plane(Polygon([(v[0], v[1]) for v in frame_data["frame"]]))
    cuts = [to_plane(LineString([(v[0], v[1]) for v in c["line"]])) for c in frame_data["cuts"]]
    groups = cells_by_group(frame, cuts, seeds)
    vertices = frame_data["frame"] + [v for c in frame_data["cuts"] for v in c["line"]]
    features = []
    for unit in units:
        geom = unit_geometry(unit, groups)
        if not geom.is_valid or geom.geom_type not in ("Polygon", "MultiPolygon"):
            raise SystemExit(f"{unit['id']}: derived geometry is {geom.geom_type}, valid={geom.is_valid}")
        features.append(feature(unit, geom, seeds, vertices))
        ref = unit.get("reference_area_km2")
        print(f"{unit['id']:26} {unit['level']:9} {area_km2(geom):7.0f} km2"
              f"  (reference {ref if ref else '-'})")
    collection = {"type": "FeatureCollection", "features": features}
    (HERE / "territories.geojson").write_text(
        json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
