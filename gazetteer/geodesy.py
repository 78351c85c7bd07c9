"""Distances, lines and areas on the Earth: one `pyproj.Geod` on the WGS84 ellipsoid for all of them.

Everything that measures (the geoparser's "near the field", the route network, the gazetteer
checks, the territories' areas) comes here, so two parts never measure one distance two ways.
"""
from __future__ import annotations

from pyproj import Geod

from gazetteer.model import LonLat

GEOD = Geod(ellps="WGS84")


def distance_km(a, b) -> float:
    """Return the geodesic distance in km between two points (anything with `lon`, `lat`)."""
    return GEOD.inv(a.lon, a.lat, b.lon, b.lat, return_back_azimuth=False)[2] / 1000


def geodesic_points(a: LonLat, b: LonLat, step_km: float) -> tuple[LonLat, ...]:
    """Return points from `a` to `b` along the geodesic, about `step_km` apart (ends included,
    the points between rounded to 5 decimals, about a metre)."""
    n = max(1, int(distance_km(a, b) // step_km))
    if n == 1:
        return (a, b)
    between = GEOD.npts(a.lon, a.lat, b.lon, b.lat, n - 1)
    return (a, *(LonLat(round(lon, 5), round(lat, 5)) for lon, lat in between), b)


def area_km2(geometry) -> float:
    """Return the area in km² of a shapely geometry in lon/lat, on the ellipsoid."""
    return abs(GEOD.geometry_area_perimeter(geometry)[0]) / 1e6
