"""Distances come from one `pyproj.Geod` on WGS84 (gazetteer.geodesy), checked against known values."""
from __future__ import annotations

import math

import pytest

from gazetteer.geodesy import distance_km, geodesic_points
from gazetteer.model import LonLat


def dms(degrees: float, minutes: float, seconds: float) -> float:
    return math.copysign(abs(degrees) + minutes / 60 + seconds / 3600, degrees)


@pytest.mark.parametrize(("a", "b", "km", "tolerance_km"), [
    # One degree of longitude on the equator: the equatorial radius 6378.137 km times pi/180.
    (LonLat(0, 0), LonLat(1, 0), 111.319491, 1e-6),
    # The meridian quadrant of WGS84 (equator to pole): 10,001.965729 km.
    (LonLat(0, 0), LonLat(0, 90), 10001.965729, 1e-6),
    # Vincenty's (1975) test line, Flinders Peak to Buninyong (Geoscience Australia): 54,972.271 m.
    (LonLat(dms(144, 25, 29.5244), -dms(37, 57, 3.7203)), LonLat(dms(143, 55, 35.3839), -dms(37, 39, 10.1561)),
     54.972271, 0.001),
    # Yerevan to Baku and Shusha to Goris: the spherical haversine (R = 6371 km) gives 454.5 and
    # 45.1 km; the ellipsoid differs from that sphere by under 0.5 % at these latitudes.
    (LonLat(44.5152, 40.1872), LonLat(49.8671, 40.4093), 454.5, 454.5 * 0.005),
    (LonLat(46.7539, 39.7583), LonLat(46.3406, 39.5075), 45.1, 45.1 * 0.005),
])
def test_known_distances(a, b, km, tolerance_km):
    assert distance_km(a, b) == pytest.approx(km, abs=tolerance_km)
    assert distance_km(b, a) == pytest.approx(km, abs=tolerance_km)


@pytest.mark.parametrize(("a", "b", "step_km"), [
    (LonLat(44.5152, 40.1872), LonLat(49.8671, 40.4093), 25.0),
    (LonLat(43.0, 40.6), LonLat(43.1, 40.6), 25.0),   # shorter than a step: the two ends
])
def test_geodesic_points_keep_their_ends_and_spacing(a, b, step_km):
    points = geodesic_points(a, b, step_km)
    steps = [distance_km(p, q) for p, q in zip(points, points[1:], strict=False)]
    assert (points[0], points[-1]) == (a, b)
    assert max(steps) <= 2 * step_km and sum(steps) == pytest.approx(distance_km(a, b), abs=0.01)
