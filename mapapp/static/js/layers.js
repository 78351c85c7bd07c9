// Drawing the API's answers on the map's data layers: places, movements, territories.
import { addArrowhead } from "./arrows.js";
import { alphabetical, NO_SINGLE_CONTROL, palette } from "./colours.js";
import { longRange } from "./dates.js";
import { el } from "./dom.js";
import { placePopup } from "./popup.js";
import { _ } from "./i18n.js";

const L = window.L;
// Statuses such as "occurred"; anything else ("intended", "ordered, not secured", "agreed") is
// drawn dashed, as not (known to be) carried out.
const CARRIED_OUT = /^(occurred|carried out|completed|done)\b/i;
const KIND_WEIGHT = { attack: 4.5, advance: 3.5, occupation: 3.5, withdrawal: 2.5, transfer: 2.5,
  journey: 2, route: 2 };
export const PLACE_COLOUR = palette.place;   // a place marker's outline
export const PLACE_FILL = palette.place_fill;

/** Return the radius of a place marker named `mentions` times (area grows with the count). */
export function placeRadius(mentions) {
  return 4 + 3 * Math.sqrt(Math.max(1, mentions || 1));
}

/** Return the Leaflet style of a movement: colour by actor, width by kind, dashes by status. */
export function movementStyle(props, colour) {
  let dashArray = null;
  if (props.status && !CARRIED_OUT.test(props.status)) dashArray = "9 7";
  else if (props.approximate) dashArray = "3 6";
  return { pane: "movements", color: colour, weight: KIND_WEIGHT[props.kind] || 2.5, opacity: 0.9,
    dashArray, className: `movement movement-${props.kind || "other"}` };
}

function latLngs(coordinates) {
  return coordinates.map(([lon, lat]) => [lat, lon]);
}

/** Return the party a claim or control entry names (a name, or {party} / {name}), or null. */
export function partyOf(entry) {
  if (!entry) return null;
  if (typeof entry === "string") return entry;
  return entry.party || entry.name || null;
}

/** Return {claimants, controllers} (party names) of a territory's properties on the shown date. */
export function territoryStatus(props) {
  const claims = Array.isArray(props.claims) ? props.claims : [];
  const control = Array.isArray(props.control) ? props.control : (props.control ? [props.control] : []);
  // Alphabetical, so that no side is named first in tooltips and legends.
  const names = (entries) => [...new Set(entries.map(partyOf).filter(Boolean))].sort(alphabetical);
  return { claimants: names(claims), controllers: names(control) };
}

/** Return the fill colour of a territory: its one controlling party's, else the grey of no single control. */
export function territoryColour(controllers, parties) {
  return controllers.length === 1 ? parties.of(controllers[0]) : NO_SINGLE_CONTROL;
}

/** Return the Leaflet style of a territory on the shown date, as the pictures draw it: the fill laid
 * at the palette's opacity, a dashed outline when the API calls it disputed (more than one claimant). */
export function territoryStyle(props, parties) {
  const disputed = props.disputed === true;
  return { color: palette.outline, weight: disputed ? 2.5 : 1, dashArray: disputed ? "7 5" : null,
    fillColor: territoryColour(territoryStatus(props).controllers, parties), fillOpacity: palette.fill_opacity,
    className: disputed ? "territory disputed" : "territory" };
}

export class MapLayers {
  constructor(map, layers, colours, actions) {
    this.map = map;
    this.layers = layers;
    this.colours = colours;        // ColourBook shared with the legend
    this.actions = actions;        // {loadPlace(id), openDocument(id)}
    this.markers = new Map();      // place id -> circle marker
    this.documentPlaces = new Set(); // places the open document names
    this.documentId = null;          // the open document, whose movements are drawn bolder
    this.lines = [];                 // [layer, properties, style] of the drawn movements
  }

  drawPlaces(collection) {
    const group = this.layers.places;
    group.clearLayers();
    this.markers.clear();
    for (const f of collection.features || []) {
      if (!f.geometry || f.geometry.type !== "Point") continue;
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.circleMarker([lat, lon], {
        pane: "places", radius: placeRadius(p.mentions), color: PLACE_COLOUR, weight: 1.5,
        fillColor: PLACE_FILL, fillOpacity: 0.75, className: "place-marker",
        dashArray: p.certainty && p.certainty !== "certain" ? "3 3" : null });
      marker.bindTooltip(el("span", {}, p.name), { direction: "top" });
      marker.bindPopup(() => placePopup(p, this.actions.loadPlace, this.actions.openDocument), { maxWidth: 320 });
      marker.addTo(group);
      this.reachable(marker, p);
      if (this.documentPlaces.has(p.id)) marker.setStyle(this.styleOf(p.id, false));
      this.markers.set(p.id, marker);
    }
  }

  /** Let keyboard and screen-reader users reach a marker: focusable, named, Enter opens its popup. */
  reachable(marker, p) {
    const path = marker.getElement();
    if (!path) return;
    path.setAttribute("data-place", p.id);
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", _("%(name)s, mentions: %(count)s", { name: p.name, count: p.mentions ?? 0 }));
    path.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); marker.openPopup(); }
    });
  }

  drawMovements(collection) {
    const group = this.layers.movements;
    group.clearLayers();
    this.lines = [];
    for (const f of collection.features || []) {
      if (!f.geometry) continue;
      const p = f.properties;
      const colour = this.colours.actors.of(p.actor);
      const style = movementStyle(p, colour);
      const tip = el("span", {}, `${p.kind || "movement"}${p.actor ? " · " + p.actor : ""} · ${p.status || ""} · `,
        longRange(p.earliest, p.latest), el("br"), el("em", {}, p.document_title || ""));
      let layer;
      if (f.geometry.type === "LineString") {
        layer = L.polyline(latLngs(f.geometry.coordinates), style).addTo(group);
        addArrowhead(layer, colour);
      } else if (f.geometry.type === "Point") {
        const [lon, lat] = f.geometry.coordinates;
        layer = L.circleMarker([lat, lon], { ...style, radius: 7, fill: false }).addTo(group);
      } else continue;
      layer.bindTooltip(tip, { sticky: true });
      layer.on("click", () => p.document_id && this.actions.openDocument(p.document_id));
      this.lines.push([layer, p, style]);
    }
  }

  drawTerritories(collection) {
    const group = this.layers.territories;
    group.clearLayers();
    const parties = this.colours.parties;
    L.geoJSON(collection, {
      pane: "territories",
      style: (f) => territoryStyle(f.properties, parties),
      onEachFeature: (f, layer) => {
        const { claimants, controllers } = territoryStatus(f.properties);
        layer.bindTooltip(el("span", {}, el("strong", {}, f.properties.name), el("br"),
          _("claimed by: %(parties)s", { parties: claimants.join("; ") || _("no claim recorded") }), el("br"),
          _("controlled by: %(parties)s", { parties: controllers.join("; ") || _("no control recorded") })), { sticky: true });
      },
    }).eachLayer((layer) => layer.addTo(group));
  }

  styleOf(placeId, hovered) {
    if (hovered) return { color: "#111", weight: 4, fillOpacity: 1 };
    if (this.documentPlaces.has(placeId)) return { color: "#1d1d6b", weight: 3, fillOpacity: 0.95 };
    return { color: PLACE_COLOUR, weight: 1.5, fillOpacity: 0.75 };
  }

  /** Highlight (or un-highlight) the marker of a place; returns it, or null if not shown. */
  highlight(placeId, on) {
    const marker = this.markers.get(placeId);
    if (!marker) return null;
    marker.setStyle(this.styleOf(placeId, on));
    marker.getElement()?.classList.toggle("highlighted", on);
    if (on) marker.bringToFront();
    return marker;
  }

  /** Mark the markers of the places the open document names, and draw its movements bolder. */
  setDocument(docId, ids) {
    this.documentId = docId;
    this.documentPlaces = ids;
    for (const [layer, p, style] of this.lines) {
      const own = docId !== null && p.document_id === docId;
      layer.setStyle({ weight: own ? style.weight + 2.5 : style.weight, opacity: own || docId === null ? 0.9 : 0.55 });
      layer.getElement()?.classList.toggle("in-document", own);
      if (own) layer.bringToFront();
    }
    for (const [id, marker] of this.markers) {
      marker.setStyle(this.styleOf(id, false));
      marker.getElement()?.classList.toggle("in-document", ids.has(id));
    }
  }

  /** Pan to a place's marker (or to the mention's own coordinates when it is not shown). */
  panTo(placeId, mention) {
    const marker = this.markers.get(placeId);
    const target = marker ? marker.getLatLng() : (Number.isFinite(mention.lat) ? [mention.lat, mention.lon] : null);
    // Those who ask their system for less motion get a jump instead of a glide.
    if (target) this.map.panTo(target, { animate: !matchMedia("(prefers-reduced-motion: reduce)").matches });
    if (marker) this.highlight(placeId, true);
  }

  counts() {
    return { markers: this.layers.places.getLayers().length,
      movements: this.layers.movements.getLayers().length,
      territories: this.layers.territories.getLayers().length };
  }
}
