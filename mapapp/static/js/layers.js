// Drawing the API's answers on the map's data layers: places, territories, and movements (movement_lines.js).
import { alphabetical, NO_SINGLE_CONTROL, palette } from "./colours.js";
import { el } from "./dom.js";
import { CENTRED, LabelLayer, labelSize } from "./labels.js";
import { MovementLines } from "./movement_lines.js";
import { stackInOrder } from "./stacking.js";
import { nameChoice, placePopup, shownName } from "./popup.js";
import { waterAnchors } from "./waters.js";
import { _ } from "./i18n.js";

const L = window.L;
export const PLACE_COLOUR = palette.place;   // a place marker's outline
export const PLACE_FILL = palette.place_fill;

/** Return the radius of a place marker named `mentions` times (area grows with the count). */
export function placeRadius(mentions) {
  return 4 + 3 * Math.sqrt(Math.max(1, mentions || 1));
}

/** Return the party a claim or control entry names (a name, or {party} / {name}), or null. */
export function partyOf(entry) {
  if (!entry) return null;
  if (typeof entry === "string") return entry;
  return entry.party || entry.name || null;
}

/** Return {claimants, controllers, partial} (party names) of a territory's properties on the shown date.

 * `controllers` hold the whole unit; `partial` hold only a part (an entry the data marks `partial`),
 * and are drawn as a hatch, never as the unit's holder. */
export function territoryStatus(props) {
  const claims = Array.isArray(props.claims) ? props.claims : [];
  const control = Array.isArray(props.control) ? props.control : (props.control ? [props.control] : []);
  // Alphabetical, so that no side is named first in tooltips and legends.
  const names = (entries) => [...new Set(entries.map(partyOf).filter(Boolean))].sort(alphabetical);
  const whole = names(control.filter((e) => !e.partial));
  return { claimants: names(claims), controllers: whole,
    partial: names(control.filter((e) => e.partial)).filter((n) => !whole.includes(n)) };
}

/** Return a caution of a note (gazetteer.territories.timeline.CAUTIONS) in the page's language. */
export function cautionWord(caution) {
  const words = { partial: _("partial"), approximate: _("approximate"), "sources disagree": _("sources disagree"),
    "not ratified": _("not ratified"), uncertain: _("uncertain"), unverified: _("unverified"),
    contested: _("contested") };
  return words[caution] || caution;
}

/** Return "Party (partial, approximate)": a claim or control entry with the cautions of its note. */
export function entryLabel(entry) {
  const cautions = (entry && entry.cautions) || [];
  return cautions.length ? `${partyOf(entry)} (${cautions.map(cautionWord).join(", ")})` : partyOf(entry);
}

/** Return the entries' labels, alphabetical by party: "A (partial); B". */
function entryLabels(entries) {
  return [...(entries || [])].sort((a, b) => alphabetical(partyOf(a), partyOf(b))).map(entryLabel).join("; ");
}

/** Return the popup of a territory: every claim and control in force, each with its note and source. */
export function territoryPopup(props) {
  const item = (e) => el("li", {}, el("strong", {}, partyOf(e)), e.note ? ` — ${e.note}` : "",
    el("br"), el("small", {}, _("source: %(source)s", { source: e.source || _("not given") })));
  const part = (title, entries) => [el("h4", {}, title), (entries || []).length
    ? el("ul", {}, [...entries].sort((a, b) => alphabetical(partyOf(a), partyOf(b))).map(item))
    : el("p", {}, _("none recorded"))];
  return el("div", { class: "territory-popup" }, el("h3", {}, props.name),
    ...part(_("Control"), props.control), ...part(_("Claims"), props.claims));
}

const HATCH_ANGLES = [45, -45, 0];
/** Return the fill of a hatch in `colour` (an SVG pattern made once per colour and angle). */
export function hatchFill(colour, index = 0) {
  const angle = HATCH_ANGLES[index % HATCH_ANGLES.length];
  const id = `hatch-${colour.replace("#", "")}-${angle < 0 ? "m" + -angle : angle}`;
  let defs = document.getElementById("chronotope-patterns");
  if (!defs) {
    const holder = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    holder.setAttribute("width", "0");
    holder.setAttribute("height", "0");
    holder.setAttribute("aria-hidden", "true");
    holder.style.position = "absolute";
    defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
    defs.id = "chronotope-patterns";
    holder.append(defs);
    document.body.append(holder);
  }
  if (!document.getElementById(id)) {
    const pattern = document.createElementNS("http://www.w3.org/2000/svg", "pattern");
    Object.entries({ id, width: 8, height: 8, patternUnits: "userSpaceOnUse", patternTransform: `rotate(${angle})` })
      .forEach(([k, v]) => pattern.setAttribute(k, v));
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    Object.entries({ x1: 0, y1: 0, x2: 0, y2: 8, stroke: colour, "stroke-width": 3 })
      .forEach(([k, v]) => line.setAttribute(k, v));
    pattern.append(line);
    defs.append(pattern);
  }
  return `url(#${id})`;
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

/** Return a place label's hover text: the other of its names, said which it is (the period's or today's). */
export function labelTitle(text, p) {
  if (p.name && text !== p.name) return _("%(name)s (today's name)", { name: p.name });
  if (p.period_name && text !== p.period_name) return _("%(name)s (name in 1920–21)", { name: p.period_name });
  return p.name;
}

/** Return whether two Sets (or two Maps) hold the same entries. */
function sameEntries(a, b) {
  if (a.size !== b.size) return false;
  for (const [key, value] of a.entries()) if (!b.has(key) || (b instanceof Map && b.get(key) !== value)) return false;
  return true;
}

export class MapLayers {
  constructor(map, layers, colours, actions) {
    this.map = map;
    this.layers = layers;
    this.colours = colours;        // ColourBook shared with the legend
    this.actions = actions;        // {loadPlace(id), openDocument(id)}
    this.markers = new Map();      // place id -> circle marker
    this.documentPlaces = new Set(); // places the open document names
    this.documentId = null;          // the open document
    this.written = new Map();        // place id -> how the open document writes it
    this.places = [];                // the drawn places' properties
    this.territoryNames = [];        // [id, name, centre] of the drawn territories
    this.waters = [];                // the basemap's rivers and lakes, with their names (/basemap/waters.geojson)
    this.labels = new LabelLayer(map, () => this.labelItems());
    this.movements = new MovementLines(map, layers.movements, colours, actions, (id) => this.markers.get(id));
  }

  /** What may be labelled: the open document's places first (as it writes them), then the shown
   * places by how often they are named (in the period's spelling or today's, as the reader chose),
   * then the territories' names and the rivers' and lakes' (not counted against the limit). */
  labelItems() {
    const items = [];
    if (this.map.hasLayer(this.layers.places)) {
      for (const p of this.places) {
        const marker = this.markers.get(p.id);
        if (!marker) continue;
        const own = this.documentPlaces.has(p.id);
        const written = own ? this.written.get(p.id) : null;
        const text = written || shownName(p, this.nameChoice);
        items.push({ key: `place:${p.id}`, latlng: marker.getLatLng(), text, title: labelTitle(text, p),
          className: `place-label ${labelSize(p.mentions)}${own ? " in-document" : ""}`,
          radius: marker.getRadius() + 1.5, weight: (own ? 1e6 : 0) + (p.mentions || 0),
          onClick: () => marker.openPopup() });
      }
    }
    if (this.map.hasLayer(this.layers.territories) && this.map.getZoom() >= 7) {
      for (const [id, name, centre] of this.territoryNames) {
        items.push({ key: `territory:${id}`, latlng: centre, text: name, className: "territory-label",
          radius: 0, weight: -1, positions: CENTRED, free: true });
      }
    }
    if (this.layers.basemap && this.map.hasLayer(this.layers.basemap)) {
      const view = this.map.getBounds().pad(-0.08);
      for (const f of this.waters) {
        const [anchor, ...others] = waterAnchors(f.geometry, view);
        if (!anchor) continue;
        const p = f.properties;
        items.push({ key: `water:${p.place || p.name}`, latlng: anchor, latlngs: others, text: p.label, title: p.names_title,
          className: `water-label ${p.layer}`, radius: 0, weight: p.layer === "lake" ? -2 : -3, positions: CENTRED,
          free: true });
      }
    }
    return items;
  }

  /** Set the basemap's rivers and lakes (a FeatureCollection with `label` and `names_title`) and label them. */
  setWaters(collection) {
    this.waters = (collection && collection.features) || [];
    this.labels.redraw();
  }

  /** How places are named: "period" or "today" (the reader's choice); redraws their tooltips and labels. */
  get nameChoice() { return this.chosenNames || nameChoice(); }

  set nameChoice(choice) { this.chosenNames = choice; }

  /** Draw the window's places. A place drawn at the last step keeps its marker, updated where its
   * count or name changed: a step at a dense window keeps most of its 600 places, and making each
   * anew (a path, a tooltip, listeners) was most of the step's time. */
  drawPlaces(collection) {
    const group = this.layers.places;
    const kept = this.markers;
    this.markers = new Map();
    this.places = [];
    for (const f of collection.features || []) {
      if (!f.geometry || f.geometry.type !== "Point") continue;
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      let marker = kept.get(p.id);
      if (marker) {
        kept.delete(p.id);
        this.updateMarker(marker, p, lat, lon);
      } else {
        marker = this.newMarker(p, lat, lon).addTo(group);
        this.reachable(marker, p);
        if (this.documentPlaces.has(p.id)) {
          marker.setStyle(this.styleOf(p.id, false));
          marker.getElement()?.classList.add("in-document");
        }
      }
      this.markers.set(p.id, marker);
      this.places.push(p);
    }
    for (const gone of kept.values()) group.removeLayer(gone);
    stackInOrder([...this.markers.values()]);
    this.labels.redraw();
  }

  /** Return a new marker of a place, with its tooltip and popup. */
  newMarker(p, lat, lon) {
    const marker = L.circleMarker([lat, lon], {
      pane: "places", radius: placeRadius(p.mentions), color: PLACE_COLOUR, weight: 1.5,
      fillColor: PLACE_FILL, fillOpacity: 0.75, className: "place-marker",
      dashArray: p.certainty && p.certainty !== "certain" ? "3 3" : null });
    marker.chronotopePlace = p;
    marker.chronotopeName = shownName(p, this.nameChoice);
    marker.bindTooltip(el("span", {}, marker.chronotopeName), { direction: "top" });
    marker.bindPopup(() => placePopup(marker.chronotopePlace, this.actions.loadPlace, this.actions.openDocument,
      this.actions.linkNote, this.actions.listPlace), { maxWidth: 320 });
    return marker;
  }

  /** Bring a kept marker to the place's properties at this step, as a new one would be drawn. */
  updateMarker(marker, p, lat, lon) {
    const was = marker.chronotopePlace;
    marker.chronotopePlace = p;
    // A marker taken away and drawn anew closed its popup: a step still closes it.
    if (marker.isPopupOpen()) marker.closePopup();
    const at = marker.getLatLng();
    if (at.lat !== lat || at.lng !== lon) marker.setLatLng([lat, lon]);
    if (was.mentions !== p.mentions) marker.setRadius(placeRadius(p.mentions));
    if ((was.certainty || "certain") !== (p.certainty || "certain")) {
      marker.setStyle({ dashArray: p.certainty && p.certainty !== "certain" ? "3 3" : null });
    }
    if (marker.chronotopeHighlighted) this.highlight(p.id, false, marker);
    const name = shownName(p, this.nameChoice);
    if (name !== marker.chronotopeName || was.mentions !== p.mentions) this.nameMarker(marker, p);
    if (name !== marker.chronotopeName) {
      marker.chronotopeName = name;
      marker.setTooltipContent(el("span", {}, name));
    }
  }

  /** Let keyboard and screen-reader users reach a marker: focusable, named, Enter opens its popup. */
  reachable(marker, p) {
    const path = marker.getElement();
    if (!path) return;
    path.setAttribute("data-place", p.id);
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    this.nameMarker(marker, p);
    path.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { e.preventDefault(); marker.openPopup(); }
    });
  }

  nameMarker(marker, p) {
    marker.getElement()?.setAttribute("aria-label",
      _("%(name)s, mentions: %(count)s", { name: shownName(p, this.nameChoice), count: p.mentions ?? 0 }));
  }

  /** Draw the movements of the window `shown` ({from, to}), after the places (their routes stop at
   * the places' circles). */
  drawMovements(collection, shown = null, options = {}) {
    this.movements.draw(collection, shown, options);
  }

  drawTerritories(collection) {
    const group = this.layers.territories;
    group.clearLayers();
    const parties = this.colours.parties;
    this.territoryNames = [];
    L.geoJSON(collection, {
      pane: "territories",
      style: (f) => territoryStyle(f.properties, parties),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        layer.bindTooltip(el("span", {}, el("strong", {}, p.name), el("br"),
          _("claimed by: %(parties)s", { parties: entryLabels(p.claims) || _("no claim recorded") }), el("br"),
          _("controlled by: %(parties)s", { parties: entryLabels(p.control) || _("no control recorded") }), el("br"),
          el("small", {}, _("click for each entry's note and source"))), { sticky: true });
        layer.bindPopup(() => territoryPopup(p), { maxWidth: 360 });
        this.territoryNames.push([p.id, p.name, layer.getBounds().getCenter()]);
      },
    }).eachLayer((layer) => layer.addTo(group));
    // Control of a part only: a hatch in the holder's colour over the unit (where in it, the note says).
    L.geoJSON({ type: "FeatureCollection", features: (collection.features || [])
      .flatMap((f) => territoryStatus(f.properties).partial.map((party, i) => ({ ...f, hatch: { party, i } }))) }, {
      pane: "territories", interactive: false,
      style: (f) => ({ stroke: false, fillColor: hatchFill(parties.of(f.hatch.party), f.hatch.i), fillOpacity: 0.7,
        className: "territory-partial" }),
    }).eachLayer((layer) => layer.addTo(group));
    this.labels.redraw();
  }

  styleOf(placeId, hovered) {
    if (hovered) return { color: "#111", weight: 4, fillOpacity: 1 };
    if (this.documentPlaces.has(placeId)) return { color: "#1d1d6b", weight: 3, fillOpacity: 0.95 };
    return { color: PLACE_COLOUR, weight: 1.5, fillOpacity: 0.75 };
  }

  /** Highlight (or un-highlight) the marker of a place; returns it, or null if not shown. */
  highlight(placeId, on, marker = this.markers.get(placeId)) {
    if (!marker) return null;
    marker.chronotopeHighlighted = on;
    marker.setStyle(this.styleOf(placeId, on));
    marker.getElement()?.classList.toggle("highlighted", on);
    if (on) marker.bringToFront();
    return marker;
  }

  /** Mark the markers of the places the open document names (`written`: place id -> its spelling
   * there, for the labels), and draw its movements bolder. */
  setDocument(docId, ids, written = new Map()) {
    // After a slider step the document is most often the same: its lines and markers are drawn so.
    const same = docId === this.documentId && sameEntries(ids, this.documentPlaces) && sameEntries(written, this.written);
    this.documentId = docId;
    this.documentPlaces = ids;
    this.written = written;
    if (same) return;
    this.movements.setDocument(docId);
    for (const [id, marker] of this.markers) {
      marker.setStyle(this.styleOf(id, false));
      marker.getElement()?.classList.toggle("in-document", ids.has(id));
    }
    this.labels.redraw();
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
