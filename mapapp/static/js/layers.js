// Drawing the API's answers on the map's data layers: places, movements, territories.
import { addArrowhead } from "./arrows.js";
import { alphabetical, NO_SINGLE_CONTROL, palette } from "./colours.js";
import { fadeOf, longRange, shareShown } from "./dates.js";
import { el } from "./dom.js";
import { CENTRED, LabelLayer, labelSize } from "./labels.js";
import { run } from "./playback.js";
import { stackInOrder } from "./stacking.js";
import { nameChoice, placePopup, shownName } from "./popup.js";
import { waterAnchors } from "./waters.js";
import { _ } from "./i18n.js";
import { movementKindName, movementStatusName } from "./kinds.js";

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

export const NO_PARTY = palette.unstated;   // an actor whose side the document does not make clear

/** Return the colour of a movement: its actor's party's, grey when the party is not clear. */
export function movementColour(props, parties) {
  return props.party ? parties.of(props.party) : NO_PARTY;
}

/** Return who moved, in the document's words (quoted) and with the party they belong to. */
export function actorLabel(props) {
  if (!props.actor) return _("actor not stated");
  const words = `\u201c${props.actor}\u201d`;
  return props.party ? `${props.party}: ${words}` : _("%(words)s (side not clear)", { words });
}

/** Return the Leaflet style of a movement: colour by party, width by kind, dashes by status. */
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

/** Return a movement's tooltip: kind, who moved, status, dates and the document's title. */
function movementTip(p) {
  return el("span", {}, `${movementKindName(p.kind)} · ${actorLabel(p)} · ${movementStatusName(p.status)} · `,
    longRange(p.earliest, p.latest), el("br"), el("em", {}, p.document_title || ""));
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
    this.documentId = null;          // the open document, whose movements are drawn bolder
    this.lines = [];                 // [layer, properties, style] of the drawn movements, in drawing order
    this.written = new Map();        // place id -> how the open document writes it
    this.places = [];                // the drawn places' properties
    this.territoryNames = [];        // [id, name, centre] of the drawn territories
    this.waters = [];                // the basemap's rivers and lakes, with their names (/basemap/waters.geojson)
    this.labels = new LabelLayer(map, () => this.labelItems());
    map.on("zoomend", () => this.retrim());
    this.runners = L.layerGroup().addTo(map);   // the dots that travel the routes during playback
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

  /** Draw the movements of the window `shown` ({from, to}); a vaguely dated one fades by the share of
   * its interval the window covers. */
  drawMovements(collection, shown = null, { animate = false } = {}) {
    const group = this.layers.movements;
    // The layers drawn at the last step are reused in their order, lines for lines and rings for
    // rings: a step at a dense window samples its 300 movements anew, and making a line costs its
    // path, tooltip and listeners, while drawing another movement on one costs a few attributes.
    const slots = { LineString: [], Point: [] };
    for (const [layer] of this.lines) slots[layer.chronotopeGeometry].push(layer);
    this.lines = [];
    const before = this.drawnMovements || new Set();
    this.drawnMovements = new Set((collection.features || []).map((f) => f.id));
    for (const f of (collection.features || []).filter((each) => slots[each.geometry?.type])) {
      const p = f.properties;
      // Coloured by the party the actor belongs to (the same colour as its territories); the
      // document's own words for the actor are quoted on hover. A vaguely dated one fades.
      const colour = movementColour(p, this.colours.parties);
      const fade = shown ? fadeOf(shareShown(p.earliest, p.latest, shown.from, shown.to)) : 1;
      const style = { ...movementStyle(p, colour), opacity: 0.9 * fade, fade };
      let layer = slots[f.geometry.type].shift();
      if (layer && layer.chronotopeId === f.id && f.id !== undefined) {
        this.updateLine(layer, p, style);
      } else {
        layer = layer ? this.redrawLine(layer, f, style, colour) : this.newLine(f, style, colour);
        layer.chronotopeId = f.id;
        if (animate && !before.has(f.id) && layer.chronotopeRoute) run(this.map, this.runners, layer, colour);
      }
      this.lines.push([layer, p, style]);
    }
    for (const layer of [...slots.LineString, ...slots.Point]) group.removeLayer(layer);
    // Drawn in the answer's order, the open document's movements on top.
    const own = (line) => this.ownLine(line[1]);
    stackInOrder([...this.lines.filter((l) => !own(l)), ...this.lines.filter(own)].map(([layer]) => layer));
  }

  /** Draw another movement on a layer of the same geometry (its tooltip, if shown, closed: as a
   * removed layer's was). */
  redrawLine(layer, f, style, colour) {
    layer.closeTooltip();
    if (layer.chronotopeRoute) return this.routeLine(layer, f, style, colour);
    const [lon, lat] = f.geometry.coordinates;
    layer.chronotopeMovement = f.properties;
    layer.setLatLng([lat, lon]);
    layer.setStyle({ ...style, ...this.lookOf(layer, f.properties, style), radius: 7, fill: false });
    this.classOf(layer, style);
    return layer;
  }

  /** Return a new movement layer: a line with its arrowhead, or a ring at a point. */
  newLine(f, style, colour) {
    const group = this.layers.movements;
    let layer;
    if (f.geometry.type === "LineString") {
      layer = this.routeLine(L.polyline([], style).addTo(group), f, style, colour);
    } else {
      const [lon, lat] = f.geometry.coordinates;
      layer = L.circleMarker([lat, lon], { ...style, radius: 7, fill: false }).addTo(group);
      this.redrawLine(layer, f, style, colour);
    }
    layer.chronotopeGeometry = f.geometry.type;
    // Written when it is shown: the movement a reused line draws now.
    layer.bindTooltip(() => movementTip(layer.chronotopeMovement), { sticky: true });
    layer.on("click", () => layer.chronotopeMovement.document_id
      && this.actions.openDocument(layer.chronotopeMovement.document_id));
    return layer;
  }

  /** Draw a movement's route on a polyline (new, or one a gone movement drew): trimmed to the edges
   * of its end places' circles, in its style, with its arrowhead; return the line. */
  routeLine(layer, f, style, colour) {
    const p = f.properties;
    const route = latLngs(f.geometry.coordinates);
    const ends = [this.edgeOf(p.waypoints?.[0]), this.edgeOf(p.waypoints?.at(-1))];
    layer.chronotopeMovement = p;
    layer.chronotopeRoute = [route, ends];
    layer.chronotopeWaypoints = [p.waypoints?.[0], p.waypoints?.at(-1)];
    layer.setLatLngs(this.trim(route, ends));
    layer.setStyle({ ...style, ...this.lookOf(layer, p, style) });
    this.classOf(layer, style);
    addArrowhead(layer, colour, 0, style.weight);   // sized for the line as drawn without a document open
    return layer;
  }

  /** Write a movement path's classes (Leaflet writes them once, when it makes the path). */
  classOf(layer, style) {
    layer.getElement()?.setAttribute("class",
      `${style.className} leaflet-interactive${layer.chronotopeOwn ? " in-document" : ""}`);
  }

  /** Bring a kept movement layer to this step's fade, and its ends to its places' circles as drawn now. */
  updateLine(layer, p, style) {
    layer.chronotopeMovement = p;
    if (layer.chronotopeRoute) {
      const [route, ends] = layer.chronotopeRoute;
      const now = layer.chronotopeWaypoints.map((w) => this.edgeOf(w));
      if (now[0] !== ends[0] || now[1] !== ends[1]) {
        layer.chronotopeRoute = [route, now];
        layer.setLatLngs(this.trim(route, now));
      }
    }
    if (layer.chronotopeFade !== style.fade) this.lookOwn(layer, null, style);
  }

  /** Return whether the open document describes a movement (its line is drawn bolder, on top). */
  ownLine(p) {
    return this.documentId !== null && p.document_id === this.documentId;
  }

  /** Return the weight and opacity of a movement for the open document: bolder when it describes
   * it, fainter when another is open; remembered on `layer` (if given) with the fade. */
  lookOf(layer, p, style) {
    const own = this.ownLine(p);
    if (layer) Object.assign(layer, { chronotopeOwn: own, chronotopeFade: style.fade });
    return { weight: own ? style.weight + 2.5 : style.weight, opacity: (own || this.documentId === null ? 0.9 : 0.55) * style.fade };
  }

  /** Style a movement layer for the open document (`p`, else as it was) and this step's fade. */
  lookOwn(layer, p, style) {
    layer.setStyle(this.lookOf(layer, p || layer.chronotopeMovement, style));
    layer.getElement()?.classList.toggle("in-document", layer.chronotopeOwn);
  }

  /** Return how far (px) the edge of a waypoint's place circle lies from its centre, 0 if not drawn. */
  edgeOf(waypoint) {
    const marker = waypoint && this.markers.get(waypoint.place_id);
    return marker ? marker.getRadius() + (marker.options.weight || 0) / 2 : 0;
  }

  /** Return the route with its ends moved to the edges of its first and last places' circles (`ends`, px),
   * so that lines drawn above the markers leave them free to point at and their arrowheads show. */
  trim(route, [start, end]) {
    if (route.length < 2) return route;
    const points = route.map((ll) => this.map.latLngToLayerPoint(ll));
    const shorten = (i, j, by) => {
      const d = points[i].distanceTo(points[j]);
      if (by > 0 && d > 2 * by) points[i] = points[i].add(points[j].subtract(points[i]).multiplyBy(by / d));
    };
    shorten(0, 1, start);
    shorten(points.length - 1, points.length - 2, end);
    return points.map((p) => this.map.layerPointToLatLng(p));
  }

  /** Trim the routes again for the new zoom (their ends are in pixels). */
  retrim() {
    for (const [layer] of this.lines) if (layer.chronotopeRoute) layer.setLatLngs(this.trim(...layer.chronotopeRoute));
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
    for (const [layer, p, style] of this.lines) {
      this.lookOwn(layer, p, style);
      if (layer.chronotopeOwn) layer.bringToFront();
    }
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
