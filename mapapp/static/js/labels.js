// Labels on the live map: the greedy placement of mapapp/picture/labels.py, in screen pixels.
// Marks are tried most important first; each takes the first position around its marker whose box
// stays inside the map and clear of the labels already placed and of every other marker; a mark
// with no free position stays unlabelled. Redone when the map moves or zooms and on every draw.
import { el } from "./dom.js";

const L = window.L;

// (ha, va, dx, dy) as in mapapp/picture/labels.py POSITIONS (a test keeps the two equal).
export const POSITIONS = [["left", "bottom", 1, -0.2], ["left", "top", 1, 0.2], ["right", "bottom", -1, -0.2],
  ["right", "top", -1, 0.2], ["center", "bottom", 0, -1], ["center", "top", 0, 1], ["left", "center", 1, 0],
  ["right", "center", -1, 0]];
export const CENTRED = [["center", "center", 0, 0]];   // a territory's name, over its middle

/** Return the box [left, top, right, bottom] of a (w, h) text anchored at x, y by its ha/va corner. */
export function boxAt(x, y, [w, h], ha, va) {
  const left = { left: x, right: x - w, center: x - w / 2 }[ha];
  const top = { bottom: y - h, top: y, center: y - h / 2 }[va];
  return [left, top, left + w, top + h];
}

/** Return whether two boxes share some area (touching edges do not count). */
export function overlaps(a, b) {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

const grown = (b, by) => [b[0] - by, b[1] - by, b[2] + by, b[3] + by];
const inside = (b, area) => area[0] <= b[0] && b[2] <= area[2] && area[1] <= b[1] && b[3] <= area[3];

/** Return the labels that fit, most important first: [{key, box, ha, va, at}], none overlapping another
 * label, another mark's marker or an obstacle (a box the legend or a control covers). A mark is
 * {key, x, y, size: [w, h], radius, weight, positions?, free?, anchors?}: `anchors` ([[x, y], ...])
 * are other points it may be labelled at, tried in turn after its own (a river's name goes where
 * there is room along it); `at` is the index of the one used (0: x, y). `area` is the map's box;
 * `limit` caps how many labels are placed. */
export function placeLabels(marks, area, { gap = 2, limit = Infinity, obstacles = [] } = {}) {
  // `limit` counts place labels only: a mark with `free: true` (a territory's name) is not counted.
  const order = [...marks].sort((a, b) => b.weight - a.weight || String(a.key).localeCompare(String(b.key)));
  const markers = order.filter((m) => m.radius > 0)
    .map((m) => [m.key, [m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius]]);
  const placed = [];
  let counted = 0;
  for (const mark of order) {
    if (!mark.free && counted >= limit) continue;
    const reach = mark.radius > 0 ? mark.radius + gap + 1 : 0;
    const found = [[mark.x, mark.y], ...(mark.anchors || [])].some(([x, y], at) => {
      if (!(area[0] <= x && x <= area[2] && area[1] <= y && y <= area[3])) return false;
      for (const [ha, va, dx, dy] of mark.positions || POSITIONS) {
        const box = boxAt(x + dx * reach, y + dy * reach, mark.size, ha, va);
        const clear = grown(box, gap);
        if (inside(box, area) && !placed.some((l) => overlaps(clear, l.box))
            && !markers.some(([key, m]) => key !== mark.key && overlaps(clear, m))
            && !obstacles.some((o) => overlaps(clear, o))) {
          placed.push({ key: mark.key, box, ha, va, at });
          return true;
        }
      }
      return false;
    });
    if (found && !mark.free) counted += 1;
  }
  return placed;
}

/** Return how many place labels a zoom level shows at most (fewer when zoomed out). */
export function labelLimit(zoom) {
  return zoom <= 6 ? 10 : zoom === 7 ? 25 : Infinity;
}

/** Return the size class of a place label by how often the window's documents name it. */
export function labelSize(mentions) {
  return mentions >= 10 ? "major" : mentions >= 3 ? "middle" : "minor";
}

/** The label layer: one Leaflet divIcon per placed label, in the "labels" pane above markers. */
export class LabelLayer {
  constructor(map, source) {
    this.map = map;
    this.group = L.layerGroup().addTo(map);
    this.source = source;     // () => [{key, latlng, latlngs?, text, title, className, radius, weight, positions, free, onClick}]
    this.ruler = el("div", { class: "label-ruler", "aria-hidden": "true" });
    this.sizes = new Map();   // "class\0text" -> [w, h]: a label's size, measured once
    // A font that arrives late changes every size.
    document.fonts?.addEventListener("loadingdone", () => this.sizes.clear());
    map.getContainer().append(this.ruler);
    map.on("zoomend moveend resize overlayadd overlayremove", () => this.redraw());
  }

  /** The boxes, in map pixels, of what lies over the map: its controls and the legend. */
  obstacles() {
    const container = this.map.getContainer();
    const origin = container.getBoundingClientRect();
    const over = [...container.querySelectorAll(".leaflet-control"), ...document.querySelectorAll(".map-area > .legend")];
    return over.map((node) => node.getBoundingClientRect()).filter((r) => r.width && r.height)
      .map((r) => [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
  }

  /** Return each item's [width, height] as its label, px. The texts not measured before are measured
   * together (one layout for all, not one each: a dense window has hundreds), and remembered. */
  measureAll(items) {
    const key = (item) => `${item.className}\u0000${item.text}`;
    const missing = [...new Map(items.filter((item) => !this.sizes.has(key(item))).map((i) => [key(i), i])).values()];
    if (missing.length) {
      if (this.sizes.size > 20000) this.sizes.clear();
      // Each probe is positioned on its own in the ruler (map.css), so it measures alone.
      const probes = missing.map((item) => el("span", { class: item.className }, item.text));
      this.ruler.replaceChildren(...probes);
      missing.forEach((item, i) => this.sizes.set(key(item), [probes[i].offsetWidth, probes[i].offsetHeight]));
      this.ruler.replaceChildren();
    }
    return items.map((item) => this.sizes.get(key(item)));
  }

  /** Run `draw`, placing the labels once after it however often it asks (a slider step changes
   * places, movements and the open document's marks, each of which asks). */
  batch(draw) {
    this.held = (this.held || 0) + 1;
    try {
      return draw();
    } finally {
      this.held -= 1;
      if (!this.held && this.asked) this.redraw();
    }
  }

  redraw() {
    if (this.held) {
      this.asked = true;
      return;
    }
    this.asked = false;
    const size = this.map.getSize();
    const items = this.source();
    const sizes = this.measureAll(items);
    const marks = items.map((item, i) => {
      const p = this.map.latLngToContainerPoint(item.latlng);
      const anchors = (item.latlngs || []).map((ll) => this.map.latLngToContainerPoint(ll)).map((a) => [a.x, a.y]);
      return { ...item, x: p.x, y: p.y, anchors, size: sizes[i] };
    });
    const byKey = new Map(marks.map((m) => [m.key, m]));
    const placed = placeLabels(marks, [4, 4, size.x - 4, size.y - 4],
      { limit: labelLimit(this.map.getZoom()), obstacles: this.obstacles() });
    this.group.clearLayers();
    for (const label of placed) {
      const mark = byKey.get(label.key);
      const [x, y] = label.at ? mark.anchors[label.at - 1] : [mark.x, mark.y];
      const latlng = label.at ? mark.latlngs[label.at - 1] : mark.latlng;
      const node = el("span", { class: mark.className, title: mark.title || null, dataset: { label: mark.key } }, mark.text);
      const icon = L.divIcon({ className: "label-icon", html: node, iconSize: mark.size,
        iconAnchor: [x - label.box[0], y - label.box[1]] });
      const marker = L.marker(latlng, { icon, pane: "labels", keyboard: false, interactive: Boolean(mark.onClick) });
      if (mark.onClick) marker.on("click", mark.onClick);
      marker.addTo(this.group);
    }
  }
}
