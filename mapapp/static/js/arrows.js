// Arrowheads for movement lines: an SVG <marker> per colour, size and offset in the renderer's <svg>.
// Movements are drawn above the place markers, their routes trimmed to the circles' edges (movement_lines.js),
// so the tip sits at the edge of the destination's circle; `offset` moves it further back.
const SVG = "http://www.w3.org/2000/svg";

/** Return the arrowhead's length in pixels for a line of `weight` pixels. */
export function arrowSize(weight) {
  return Math.round(4 + 2.6 * weight);
}

/** Return the marker's refX (in its 10-unit viewBox, tip at 10) that puts the tip `offset` px before the end. */
export function arrowRefX(size, offset) {
  return 10 + (10 * offset) / size;
}

function markerId(colour, size, offset) {
  return `ct-arrow-${colour.replace(/[^0-9a-zA-Z]/g, "")}-${size}-${Math.round(offset)}`;
}

function ensureMarker(svg, colour, size, offset) {
  const id = markerId(colour, size, offset);
  if (svg.querySelector("#" + id)) return id;
  let defs = svg.querySelector("defs");
  if (!defs) {
    defs = document.createElementNS(SVG, "defs");
    svg.insertBefore(defs, svg.firstChild);
  }
  const marker = document.createElementNS(SVG, "marker");
  for (const [k, v] of Object.entries({ id, viewBox: "0 0 10 10", refX: String(arrowRefX(size, Math.round(offset))),
    refY: "5", markerWidth: String(size), markerHeight: String(size), orient: "auto-start-reverse",
    markerUnits: "userSpaceOnUse", class: "arrowhead" })) {
    marker.setAttribute(k, v);
  }
  marker.dataset.offset = String(Math.round(offset));
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M0,0 L10,5 L0,10 z");
  path.setAttribute("fill", colour);
  marker.appendChild(path);
  defs.appendChild(marker);
  return id;
}

/** Give a drawn L.Polyline an arrowhead at its end, in its own colour, its tip `offset` px short of the end,
 * sized for a line of `weight` px (its own, unless given). */
export function addArrowhead(polyline, colour, offset = 0, weight = polyline.options.weight) {
  const path = polyline.getElement && polyline.getElement();
  if (!path || !path.ownerSVGElement) return;
  const size = arrowSize(weight || 2);
  path.setAttribute("marker-end", `url(#${ensureMarker(path.ownerSVGElement, colour, size, offset)})`);
}
