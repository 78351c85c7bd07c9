"""Build the shipped basemap from Natural Earth (public domain). Not run by the app or the tests.

Usage: python make_basemap.py NE_DIR [OUT_DIR]
NE_DIR holds `natural_earth_10m/` and `natural_earth_110m/` shapefiles (see README.md for where
we took them from). Writes region.geojson, borders.geojson and world.geojson next to this script.
"""
from __future__ import annotations

import heapq
import json
import math
import sys
from pathlib import Path

import geopandas as gpd
from shapely.geometry import LineString, Point, box, mapping
from shapely.ops import unary_union

REGION = box(34.0, 34.0, 54.0, 46.0)   # the Caucasus and around, with room to pan
LAKES = {"Sevan": (45.30, 40.35), "Urmia": (45.45, 37.70), "Van": (42.90, 38.65)}
# The gazetteer record of each water, whose names the map labels it with (mapapp/waters.py).
PLACES = {"Sevan": "chr:sevan", "Urmia": "chr:urmia-lake", "Van": "chr:van-lake", "Aras": "chr:aras",
          "Kura": "chr:kura"}
# Courses outside the frontier stretches, drawn through towns on the banks (GeoNames points).
ARAS_UPPER = [(41.20, 39.45), (41.50, 39.80), (41.67, 39.98), (42.16, 40.04), (42.60, 40.17),
              (43.13, 40.16), (43.665, 40.110)]
ARAS_LOWER = [(47.991, 39.694), (48.37, 39.93), (48.48, 40.00)]
# Where the Aras is the modern frontier, its course is the Natural Earth boundary line between these.
ARAS_FRONTIER = ((43.665, 40.110), (47.991, 39.694))
KURA = [(42.85, 40.65), (42.70, 41.11), (42.83, 41.40), (42.99, 41.64), (43.39, 41.84),
        (43.60, 42.00), (44.11, 41.98), (44.72, 41.85), (44.80, 41.70), (44.98, 41.56),
        (45.30, 41.35), (45.60, 41.12), (46.00, 40.88), (46.60, 40.93), (47.06, 40.76),
        (47.15, 40.62), (47.71, 40.22), (48.10, 40.05), (48.48, 40.00), (48.98, 39.60),
        (49.25, 39.38), (49.42, 39.32)]


def rounded(geometry, digits: int = 3) -> dict:
    """Return the GeoJSON mapping of `geometry` with coordinates rounded to `digits`."""
    def walk(c):
        return [round(c[0], digits), round(c[1], digits)] if isinstance(c[0], float) else [walk(x) for x in c]
    geo = mapping(geometry)
    return {"type": geo["type"], "coordinates": walk(geo["coordinates"])}


def feature(geometry, layer: str, **props) -> dict:
    return {"type": "Feature", "properties": {"layer": layer, **props}, "geometry": rounded(geometry)}


def read(ne: Path, name: str):
    return unary_union(gpd.read_file(ne / name).geometry)


def frontier_path(lines, start, end) -> list[tuple[float, float]]:
    """Return the shortest run of boundary-line vertices from `start` to `end` (Dijkstra)."""
    adj: dict = {}
    for line in getattr(lines, "geoms", [lines]):
        cs = [(round(x, 5), round(y, 5)) for x, y in line.coords]
        for a, b in zip(cs, cs[1:], strict=False):
            adj.setdefault(a, []).append((math.dist(a, b), b))
            adj.setdefault(b, []).append((math.dist(a, b), a))
    first, last = (min(adj, key=lambda n, p=p: math.dist(n, p)) for p in (start, end))
    dist, prev, queue = {first: 0.0}, {}, [(0.0, first)]
    while queue:
        d, node = heapq.heappop(queue)
        if node == last:
            break
        for length, nxt in adj[node]:
            if d + length < dist.get(nxt, math.inf):
                dist[nxt], prev[nxt] = d + length, node
                heapq.heappush(queue, (d + length, nxt))
    path = [last]
    while path[-1] != first:
        path.append(prev[path[-1]])
    return path[::-1]


def region_features(ne: Path) -> tuple[list, list]:
    """Return (region features, modern border features) clipped to REGION."""
    land = read(ne, "natural_earth_10m/ne_10m_land.shp").intersection(REGION).simplify(0.004)
    sea = read(ne, "natural_earth_10m/ne_10m_ocean.shp").intersection(REGION).simplify(0.004)
    lakes = gpd.read_file(ne / "natural_earth_10m/ne_10m_lakes.shp").geometry
    borders = read(ne, "natural_earth_10m/ne_10m_admin_0_boundary_lines_land.shp").intersection(REGION)
    out = [feature(land, "land"), feature(sea, "sea")]
    for name, (lon, lat) in LAKES.items():
        lake = next(g for g in lakes if g.contains(Point(lon, lat)))
        out.append(feature(lake.simplify(0.002), "lake", name=name, place=PLACES[name]))
    frontier = frontier_path(borders, *ARAS_FRONTIER)
    aras = LineString(ARAS_UPPER[:-1] + frontier + ARAS_LOWER[1:]).simplify(0.002)
    out.append(feature(aras, "river", name="Aras (Araks, Araxes)", place=PLACES["Aras"]))
    out.append(feature(LineString(KURA), "river", name="Kura (Mtkvari)", place=PLACES["Kura"]))
    return out, [feature(borders.simplify(0.003), "border", name="modern borders (today)")]


def world_features(ne: Path) -> list:
    land = read(ne, "natural_earth_110m/ne_110m_admin_0_countries.shp").buffer(0).simplify(0.05)
    return [feature(land.difference(REGION), "world-land")]


def write(path: Path, features: list) -> None:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"{path.name}: {path.stat().st_size} bytes, {len(features)} features")


def main(argv: list[str]) -> None:
    ne = Path(argv[1])
    out = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parent
    region, borders = region_features(ne)
    write(out / "region.geojson", region)
    write(out / "borders.geojson", borders)
    write(out / "world.geojson", world_features(ne))


if __name__ == "__main__":
    main(sys.argv)
