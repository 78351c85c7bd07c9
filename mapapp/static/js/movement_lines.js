// The movements on the map: lines with arrowheads (rings where a movement has no route), coloured by
// party, styled by kind and status, redrawn in place on a slider step.
import { addArrowhead } from "./arrows.js";
import { palette } from "./colours.js";
import { fadeOf, longRange, shareShown } from "./dates.js";
import { el } from "./dom.js";
import { run } from "./playback.js";
import { stackInOrder } from "./stacking.js";
import { _ } from "./i18n.js";
import { movementKindName, movementStatusName } from "./kinds.js";

const L = window.L;
// Statuses such as "occurred"; anything else ("intended", "ordered, not secured", "agreed") is
// drawn dashed, as not (known to be) carried out.
const CARRIED_OUT = /^(occurred|carried out|completed|done)\b/i;
const KIND_WEIGHT = { attack: 4.5, advance: 3.5, occupation: 3.5, withdrawal: 2.5, transfer: 2.5,
  journey: 2, route: 2 };

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

/** Return a movement's tooltip: kind, who moved, status, dates and the document's title. */
function movementTip(p) {
  return el("span", {}, `${movementKindName(p.kind)} · ${actorLabel(p)} · ${movementStatusName(p.status)} · `,
    longRange(p.earliest, p.latest), el("br"), el("em", {}, p.document_title || ""));
}

export class MovementLines {
  /** Draw movements into `group` (a layer group on `map`); `colours` is the ColourBook shared with the
   * legend, `actions.openDocument(id)` opens a clicked movement's document, `markerOf(placeId)` is the
   * place's drawn marker (or undefined), whose circle a route's ends stop at. */
  constructor(map, group, colours, actions, markerOf) {
    this.map = map;
    this.group = group;
    this.colours = colours;
    this.actions = actions;
    this.markerOf = markerOf;
    this.documentId = null;          // the open document, whose movements are drawn bolder
    this.lines = [];                 // [layer, properties, style] of the drawn movements, in drawing order
    this.runners = L.layerGroup().addTo(map);   // the dots that travel the routes during playback
    map.on("zoomend", () => this.retrim());
  }

  /** Draw the movements of the window `shown` ({from, to}); a vaguely dated one fades by the share of
   * its interval the window covers. */
  draw(collection, shown = null, { animate = false } = {}) {
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
    for (const layer of [...slots.LineString, ...slots.Point]) this.group.removeLayer(layer);
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
    let layer;
    if (f.geometry.type === "LineString") {
      layer = this.routeLine(L.polyline([], style).addTo(this.group), f, style, colour);
    } else {
      const [lon, lat] = f.geometry.coordinates;
      layer = L.circleMarker([lat, lon], { ...style, radius: 7, fill: false }).addTo(this.group);
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

  /** Draw the movements of the open document (`docId`, or null) bolder and on top, the others fainter. */
  setDocument(docId) {
    this.documentId = docId;
    for (const [layer, p, style] of this.lines) {
      this.lookOwn(layer, p, style);
      if (layer.chronotopeOwn) layer.bringToFront();
    }
  }

  /** Return how far (px) the edge of a waypoint's place circle lies from its centre, 0 if not drawn. */
  edgeOf(waypoint) {
    const marker = waypoint && this.markerOf(waypoint.place_id);
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
}
