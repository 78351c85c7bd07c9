"""The main roads and railways of the region as of 1920, and routing along them.

`load_network()` reads `gazetteer/data/network/network.geojson` (LineStrings, each with `name`,
`kind` railway|road, `source`, `certainty` and `stops`, the names of its vertices).
`draw_path(places, network)` returns the line a movement is drawn with: along the network
where consecutive waypoints both lie within `SNAP_KM` of it and are connected, otherwise
great-circle segments, and whether the line is approximate (`line=False`: only that).
"""
from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from gazetteer import datafiles
from gazetteer.errors import GazetteerError
from gazetteer.geodesy import distance_km, geodesic_points
from gazetteer.model import CERTAINTIES, LonLat, Place

KINDS = ("railway", "road")
SNAP_KM = 10.0
STEP_KM = 25.0  # spacing of the points of a great-circle segment


@dataclass(frozen=True)
class NetworkLine:
    """One road or railway: its vertices and where its course comes from."""

    name: str
    kind: str
    source: str
    certainty: str
    coords: tuple[LonLat, ...]
    stops: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class RouteNetwork:
    """A graph of the lines: nodes are their vertices, shared where lines meet."""

    lines: tuple[NetworkLine, ...]
    nodes: tuple[LonLat, ...]
    names: tuple[str | None, ...]
    edges: dict[int, tuple[tuple[int, float], ...]] = field(default_factory=dict)
    # Legs already routed, by their two end points: a text names the same places again and again,
    # and each leg costs a scan of every node and a shortest-path search. Not part of the value.
    legs: dict[tuple[LonLat, LonLat], tuple[LonLat, ...] | None] = field(
        default_factory=dict, compare=False, repr=False)
    snapped: dict[LonLat, int | None] = field(default_factory=dict, compare=False, repr=False)



@lru_cache(maxsize=4096)  # the same legs recur across a corpus
def great_circle(a: LonLat, b: LonLat, step_km: float = STEP_KM) -> tuple[LonLat, ...]:
    """Return points from `a` to `b` along the geodesic (the ellipsoid's great circle), about
    `step_km` apart."""
    return geodesic_points(a, b, step_km)


def line_from_feature(feature: object) -> NetworkLine:
    """Return the line a GeoJSON feature describes; raise ValueError saying what is wrong."""
    if not isinstance(feature, dict):
        raise ValueError("a feature must be a JSON object")
    props = feature.get("properties") or {}
    geometry = feature.get("geometry") or {}
    if geometry.get("type") != "LineString":
        raise ValueError(f"geometry must be a LineString, not {geometry.get('type')!r}")
    coords = geometry.get("coordinates")
    if not isinstance(coords, list) or len(coords) < 2:
        raise ValueError("a LineString needs at least two positions")
    points = []
    for i, c in enumerate(coords):
        if not (isinstance(c, list) and len(c) >= 2 and all(isinstance(v, int | float) for v in c[:2])):
            raise ValueError(f"position {i + 1} is not [lon, lat]")
        if not (-180 <= c[0] <= 180 and -90 <= c[1] <= 90):
            raise ValueError(f"position {i + 1} out of range: lon={c[0]}, lat={c[1]}")
        points.append(LonLat(float(c[0]), float(c[1])))
    for key in ("name", "source"):
        if not isinstance(props.get(key), str) or not props[key].strip():
            raise ValueError(f"missing properties.{key}")
    if props.get("kind") not in KINDS:
        raise ValueError(f"unknown kind {props.get('kind')!r} (one of {', '.join(KINDS)})")
    if props.get("certainty") not in CERTAINTIES:
        raise ValueError(f"unknown certainty {props.get('certainty')!r} (one of {', '.join(CERTAINTIES)})")
    stops = props.get("stops") or []
    if stops and len(stops) != len(points):
        raise ValueError(f"{len(stops)} stops for {len(points)} positions")
    return NetworkLine(props["name"], props["kind"], props["source"], props["certainty"],
                       tuple(points), tuple(stops))


def network_from_lines(lines: Sequence[NetworkLine]) -> RouteNetwork:
    """Return the graph of `lines`; vertices at the same point (to 1e-4 degree) are one node."""
    index: dict[tuple[float, float], int] = {}
    nodes: list[LonLat] = []
    names: list[str | None] = []
    adjacency: dict[int, dict[int, float]] = {}
    for line in lines:
        previous = None
        for i, p in enumerate(line.coords):
            key = (round(p.lon, 4), round(p.lat, 4))
            if key not in index:
                index[key] = len(nodes)
                nodes.append(p)
                names.append(None)
            node = index[key]
            if line.stops and line.stops[i] and names[node] is None:
                names[node] = line.stops[i]
            if previous is not None and previous != node:
                km = distance_km(nodes[previous], p)
                adjacency.setdefault(previous, {})[node] = km
                adjacency.setdefault(node, {})[previous] = km
            previous = node
    edges = {n: tuple(sorted(nbrs.items())) for n, nbrs in adjacency.items()}
    return RouteNetwork(tuple(lines), tuple(nodes), tuple(names), edges)


def bundled_network_file() -> Path:
    """The network shipped in the package."""
    return Path(str(resources.files("gazetteer") / "data" / "network" / "network.geojson"))


def load_network(path: Path | None = None) -> RouteNetwork:
    """Read a network GeoJSON file; GazetteerError naming the file and the feature if broken."""
    path = Path(path) if path is not None else bundled_network_file()
    features = datafiles.read_features(path)
    lines = []
    for i, feature in enumerate(features):
        name = (feature.get("properties") or {}).get("name") if isinstance(feature, dict) else None
        label = f"#{i + 1}" + (f" ({name})" if isinstance(name, str) and name else "")
        try:
            lines.append(line_from_feature(feature))
        except (ValueError, TypeError, AttributeError) as err:
            raise GazetteerError(str(err), str(path), label) from None
    return network_from_lines(lines)


def snap(network: RouteNetwork, point: LonLat, max_km: float = SNAP_KM) -> int | None:
    """The node nearest `point` if it is within `max_km`, else None."""
    best, best_km = None, max_km
    for i, node in enumerate(network.nodes):
        if abs(node.lat - point.lat) > 0.2 or abs(node.lon - point.lon) > 0.3:
            continue  # cheap bounding box before the haversine (0.2 degrees > 10 km)
        km = distance_km(node, point)
        if km <= best_km:
            best, best_km = i, km
    return best


def shortest_path(network: RouteNetwork, a: int, b: int) -> list[int] | None:
    """The nodes of the shortest path from node `a` to node `b` (Dijkstra), or None."""
    dist = {a: 0.0}
    back: dict[int, int] = {}
    queue = [(0.0, a)]
    while queue:
        d, node = heapq.heappop(queue)
        if node == b:
            path = [b]
            while path[-1] != a:
                path.append(back[path[-1]])
            return path[::-1]
        if d > dist.get(node, math.inf):
            continue
        for nxt, km in network.edges.get(node, ()):
            if d + km < dist.get(nxt, math.inf):
                dist[nxt], back[nxt] = d + km, node
                heapq.heappush(queue, (d + km, nxt))
    return None


def draw_path(places: Sequence[Place], network: RouteNetwork | None = None,
              line: bool = True) -> tuple[tuple[LonLat, ...], bool]:
    """The line through `places` and whether it is approximate.

    One place: that point, approximate unless it is a settlement known for certain. Two or
    more: each leg follows the network if both ends snap to it and connect, else a
    great-circle segment, and then the whole line is approximate. `line=False` returns no line,
    only whether it would be approximate (a caller that never draws it is spared the points).
    """
    points = [LonLat(p.lon, p.lat) for p in places]
    if not points:
        return (), True
    if len(points) == 1:
        p = places[0]
        return (points[0],) if line else (), not (p.kind == "settlement" and p.certainty == "certain")
    path: list[LonLat] = []
    approximate = False
    for a, b in pairwise(points):
        leg = _network_leg(network, a, b) if network is not None else None
        if leg is None:
            approximate = True
            if not line:
                break   # approximate whatever the other legs are
            leg = list(great_circle(a, b))
        if line:
            path += leg[1:] if path and path[-1] == leg[0] else leg
    return tuple(path), approximate


MAX_LEGS = 50_000  # legs (and snapped points) remembered per network; then forgotten at once


def _network_leg(network: RouteNetwork, a: LonLat, b: LonLat) -> list[LonLat] | None:
    """The leg from `a` to `b` along the network (remembered per network), or None if it has none."""
    key = (a, b)
    if key not in network.legs:
        if len(network.legs) >= MAX_LEGS:
            network.legs.clear()
        network.legs[key] = _route_leg(network, a, b)
    leg = network.legs[key]
    return list(leg) if leg is not None else None


def _snapped(network: RouteNetwork, point: LonLat) -> int | None:
    """`snap(network, point)`, remembered per network (a place starts and ends many legs)."""
    if point not in network.snapped:
        if len(network.snapped) >= MAX_LEGS:
            network.snapped.clear()
        network.snapped[point] = snap(network, point)
    return network.snapped[point]


def _route_leg(network: RouteNetwork, a: LonLat, b: LonLat) -> tuple[LonLat, ...] | None:
    start, end = _snapped(network, a), _snapped(network, b)
    if start is None or end is None:
        return None
    if start == end:
        return (a, b)
    nodes = shortest_path(network, start, end)
    if nodes is None:
        return None
    return tuple(network.nodes[n] for n in nodes)
