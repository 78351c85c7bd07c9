// Arrowheads for movement lines: an SVG <marker> per colour in the renderer's <svg>.
const SVG = "http://www.w3.org/2000/svg";

function markerId(colour) {
  return "ct-arrow-" + colour.replace(/[^0-9a-zA-Z]/g, "");
}

function ensureMarker(svg, colour) {
  const id = markerId(colour);
  if (svg.querySelector("#" + id)) return id;
  let defs = svg.querySelector("defs");
  if (!defs) {
    defs = document.createElementNS(SVG, "defs");
    svg.insertBefore(defs, svg.firstChild);
  }
  const marker = document.createElementNS(SVG, "marker");
  for (const [k, v] of Object.entries({ id, viewBox: "0 0 10 10", refX: "8", refY: "5",
    markerWidth: "4", markerHeight: "4", orient: "auto-start-reverse", markerUnits: "strokeWidth" })) {
    marker.setAttribute(k, v);
  }
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M0,0 L10,5 L0,10 z");
  path.setAttribute("fill", colour);
  marker.appendChild(path);
  defs.appendChild(marker);
  return id;
}

/** Give a drawn L.Polyline an arrowhead at its end, in its own colour. */
export function addArrowhead(polyline, colour) {
  const path = polyline.getElement && polyline.getElement();
  if (!path || !path.ownerSVGElement) return;
  path.setAttribute("marker-end", `url(#${ensureMarker(path.ownerSVGElement, colour)})`);
}
