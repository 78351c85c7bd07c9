"""Write rivers.geojson: the schematic courses of the tributaries the documents' country hangs on.

Usage: python make_rivers.py (from anywhere; reads the gazetteer and region.geojson, writes
rivers.geojson next to this script). Not run by the app or the tests.

Each course is drawn straight from point to point through settlements on the river's banks
(their points are the gazetteer's, `gazetteer/data/places/settlements.lpf.json`, whose records
say where each comes from) and a few points of our own estimate (source, confluences), marked
as such; its mouth is the nearest point of the river it joins as region.geojson draws it.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACES = HERE.parents[2] / "gazetteer" / "data" / "places" / "settlements.lpf.json"

# river -> (gazetteer id of the river, the river it joins, course from source to mouth).
# A str is a settlement of the gazetteer on the bank; a (name, lon, lat) is our estimate.
COURSES = {
    "Arpa": ("chr:arpa", "chr:aras", [
        ("source, north of Jermuk (estimate)", 45.70, 39.95), "chr:jermuk", "chr:vayk", "chr:yeghegnadzor",
        "chr:areni", "chr:sharur-town"]),
    "Vorotan": ("chr:vorotan", "chr:hakari", [
        ("source, Zangezur highlands (estimate)", 45.80, 39.83), "chr:gorayk", "chr:angeghakot",
        "chr:shaki-armenia", "chr:sisian", "chr:tatev", "chr:qubadli",
        ("confluence with the Hakari (estimate)", 46.67, 39.22)]),
    "Hakari": ("chr:hakari", "chr:aras", [
        ("source, Kalbajar-Lachin highlands (estimate)", 46.25, 39.95), "chr:lachin",
        ("confluence with the Vorotan (estimate)", 46.67, 39.22), "chr:zangilan-mincivan"]),
    "Terter": ("chr:tartar-river", "chr:kura", [
        ("source, Kalbajar highlands (estimate)", 45.80, 40.17), "chr:kalbajar",
        ("Sarsang gorge (estimate)", 46.55, 40.14), "chr:aghdara", "chr:tartar", "chr:barda"]),
}
JOINS = {"chr:aras": "Aras (Araks, Araxes)", "chr:kura": "Kura (Mtkvari)"}


def settlements() -> dict[str, tuple[str, float, float]]:
    features = json.loads(PLACES.read_text(encoding="utf-8"))["features"]
    return {f["@id"]: (f["properties"]["title"], *f["geometry"]["coordinates"]) for f in features}


def mouth(river_lines: dict, joins: str, last: tuple[float, float]) -> tuple[float, float]:
    """The vertex of the river `joins` nearest to `last` (the lowest point of the course)."""
    if joins not in JOINS:
        return last
    line = river_lines[JOINS[joins]]
    return min((tuple(p) for p in line), key=lambda p: math.dist(p, last))


def main() -> None:
    places = settlements()
    region = json.loads((HERE / "region.geojson").read_text(encoding="utf-8"))["features"]
    lines = {f["properties"]["name"]: f["geometry"]["coordinates"] for f in region
             if f["properties"]["layer"] == "river"}
    features = []
    for name, (place, joins, course) in COURSES.items():
        stops, coords = [], []
        for point in course:
            title, lon, lat = places[point] if isinstance(point, str) else point
            stops.append(title)
            coords.append([round(lon, 3), round(lat, 3)])
        if joins != "chr:hakari":
            coords.append([round(v, 3) for v in mouth(lines, joins, tuple(coords[-1]))])
            stops.append(f"mouth: nearest point of the {JOINS[joins].split()[0]} as drawn")
        features.append({"type": "Feature", "properties": {
            "layer": "river", "name": name, "place": place, "certainty": "schematic",
            "source": "drawn straight through settlements on its banks (the gazetteer's points) and our "
                      "estimates of its source and confluences; off by several km between them",
            "stops": stops}, "geometry": {"type": "LineString", "coordinates": coords}})
    out = HERE / "rivers.geojson"
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")), encoding="utf-8")
    print(f"{out.name}: {out.stat().st_size} bytes, {len(features)} features")


if __name__ == "__main__":
    main()
