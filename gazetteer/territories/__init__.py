"""Disputed territories: polygons, claims and control over time."""
