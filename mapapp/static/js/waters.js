// Where a river's or lake's name goes on the live map: on the stretch of it that is in view.

// Of the vertices of a river in view, where to try its name: the middle one first, then around it.
const TRIES = [0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95];

/** Return the [lat, lon] points a water's label may be anchored at within `view` (Leaflet
 * LatLngBounds), best first, or [] when none of it is in view: for a river, vertices in view from
 * the middle outwards; for a lake, its middle. */
export function waterAnchors(geometry, view) {
  if (!geometry) return [];
  const inView = ([lon, lat]) => view.contains([lat, lon]);
  if (geometry.type === "LineString" || geometry.type === "MultiLineString") {
    const lines = geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates;
    const seen = lines.flat().filter(inView);
    const picks = [...new Set(TRIES.map((share) => Math.min(seen.length - 1, Math.floor(seen.length * share))))];
    return seen.length ? picks.map((i) => [seen[i][1], seen[i][0]]) : [];
  }
  if (geometry.type === "Polygon" || geometry.type === "MultiPolygon") {
    const rings = geometry.type === "Polygon" ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
    const points = rings.flat();
    const lons = points.map((c) => c[0]);
    const lats = points.map((c) => c[1]);
    const middle = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
    return inView(middle) ? [[middle[1], middle[0]]] : [];
  }
  return [];
}
