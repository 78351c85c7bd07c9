// During playback, each movement that comes into the window travels along its route: a dot in the
// actor's colour runs from its first to its last point, so the direction reads without arrowheads.
const L = window.L;
export const RUN_MS = 1200;

/** Return the point `t` (0..1) of the way along a route of layer points, by length. */
export function along(points, t) {
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let left = t * lengths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const f = lengths[i] ? Math.min(1, left / lengths[i]) : 1;
      return { x: points[i].x + f * (points[i + 1].x - points[i].x), y: points[i].y + f * (points[i + 1].y - points[i].y) };
    }
    left -= lengths[i];
  }
  return points[points.length - 1];
}

/** Send a dot along `polyline` (already on `map`) in `colour`; it is removed when it arrives. */
export function run(map, group, polyline, colour, ms = RUN_MS) {
  const points = polyline.getLatLngs().map((ll) => map.latLngToLayerPoint(ll));
  if (points.length < 2) return;
  const dot = L.circleMarker(polyline.getLatLngs()[0], { pane: "movements", radius: 6, color: "#fff", weight: 2,
    fillColor: colour, fillOpacity: 1, interactive: false, className: "movement-runner" }).addTo(group);
  const started = performance.now();
  const step = (now) => {
    const t = Math.min(1, (now - started) / ms);
    dot.setLatLng(map.layerPointToLatLng(L.point(along(points, t))));
    if (t < 1 && group.hasLayer(dot)) requestAnimationFrame(step);
    else group.removeLayer(dot);
  };
  requestAnimationFrame(step);
}
