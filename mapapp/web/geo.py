"""The one place where (lon, lat) becomes folium's (lat, lon)."""
from __future__ import annotations


def folium_location(lon: float, lat: float) -> list[float]:
    """Return [lat, lon], the order folium and Leaflet take."""
    return [lat, lon]
