// The legend: what sizes, colours and dashes mean on the shown date. It names every claimant
// with its sources and ranks none.
import { el } from "./dom.js";
import { alphabetical, NO_SINGLE_CONTROL, palette } from "./colours.js";
import { entryLabel, hatchFill, partyOf, PLACE_COLOUR, PLACE_FILL, placeRadius, territoryStatus } from "./layers.js";
import { NO_PARTY } from "./movement_lines.js";
import { _ } from "./i18n.js";
import { capNote } from "./caps.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(width, height, ...shapes) {
  const root = document.createElementNS(SVG, "svg");
  root.setAttribute("width", width);
  root.setAttribute("height", height);
  root.setAttribute("aria-hidden", "true");
  for (const [tag, attrs] of shapes) {
    const s = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
    root.appendChild(s);
  }
  return root;
}

function line(colour, dash, width = 3) {
  return svg(34, 12, ["line", { x1: 2, y1: 6, x2: 32, y2: 6, stroke: colour, "stroke-width": width,
    "stroke-dasharray": dash || "" }]);
}

// A territory's fill laid over the land, as on the map (and as the pictures draw it).
function swatch(colour, dashed) {
  return svg(18, 14, ["rect", { x: 1, y: 1, width: 16, height: 12, fill: palette.land }],
    ["rect", { x: 1, y: 1, width: 16, height: 12, fill: colour, "fill-opacity": palette.fill_opacity,
      stroke: palette.outline, "stroke-width": dashed ? 2 : 1, "stroke-dasharray": dashed ? "4 3" : "" }]);
}

function sourcesByParty(features) {
  const out = new Map();
  for (const f of features) {
    const claims = (values) => _("claims %(territory)s%(cautions)s: %(source)s", values);
    const controls = (values) => _("controls %(territory)s%(cautions)s: %(source)s", values);
    for (const [relation, entries] of [[claims, f.properties.claims], [controls, f.properties.control]]) {
      for (const e of entries || []) {
        const party = partyOf(e);
        if (!party) continue;
        if (!out.has(party)) out.set(party, new Set());
        // Each entry with its territory, its cautions and note, so the legend carries what the map shows.
        const caution = entryLabel(e).slice(party.length);
        out.get(party).add(relation({ territory: f.properties.name, cautions: caution, source: e.source || _("no source") }) +
          (e.note ? ` — ${e.note}` : ""));
      }
    }
  }
  return out;
}

function placesPart() {
  const sizes = [1, 5, 20].map((n) => el("li", {}, svg(40, 34, ["circle", { cx: 20, cy: 17, r: placeRadius(n),
    fill: PLACE_FILL, "fill-opacity": 0.75, stroke: PLACE_COLOUR }]), " " + _("mentions: %(count)s", { count: n })));
  return el("section", {}, el("h3", {}, _("Places")), el("ul", {}, sizes,
    el("li", {}, svg(40, 20, ["circle", { cx: 20, cy: 10, r: 7, fill: PLACE_FILL, stroke: PLACE_COLOUR,
      "stroke-dasharray": "3 3" }]), " " + _("location approximate"))));
}

function movementsPart(movements, parties) {
  // One row per party (coloured as its territories), with the documents' own words for it, quoted.
  const words = new Map();
  for (const f of movements.features || []) {
    const key = f.properties.party || "";
    if (!words.has(key)) words.set(key, new Set());
    words.get(key).add(f.properties.actor ? `\u201c${f.properties.actor}\u201d` : _("actor not stated"));
  }
  const keys = [...words.keys()].sort((a, b) => (a === "") - (b === "") || alphabetical(a, b));
  return el("section", {}, el("h3", {}, _("Movements (arrow: direction)")),
    el("p", { class: "note" }, _("Coloured by the side the documents make clear (\u201cour troops\u201d: the writer's " +
      "side); the documents' own words are quoted.")),
    el("ul", {},
    el("li", {}, line("#555", null), " " + _("carried out")),
    el("li", {}, line("#555", "9 7"), " " + _("intended, ordered, agreed, or stated only in a heading")),
    el("li", {}, line("#555", "3 6"), " " + _("course approximate")),
    el("li", { class: "vague-row" }, line("rgb(85 85 85 / .35)", null), " " + _("faint: dated only to a month or so, fading in and out over it")),
    keys.map((k) => el("li", { class: "actor-party" }, line(k ? parties.of(k) : NO_PARTY, null, 4),
      " " + _("%(party)s: %(words)s", { party: k || _("side not clear"), words: [...words.get(k)].sort().join(", ") })))));
}

function territoriesPart(territories, parties) {
  const features = territories.features || [];
  const byParty = sourcesByParty(features);
  const statuses = features.map((f) => territoryStatus(f.properties));
  const rows = [...byParty.keys()].sort(alphabetical).map((party) => {
    const sources = [...byParty.get(party)];
    return el("li", { class: "party" }, swatch(parties.of(party)), el("span", {}, ` ${party}`,
      sources.length ? el("details", { class: "sources" }, el("summary", {}, _("sources (%(count)s)", { count: sources.length })),
        el("ul", {}, sources.map((s) => el("li", {}, s)))) : null));
  });
  const partial = [...new Set(statuses.flatMap((s) => s.partial))].sort(alphabetical);
  const hatches = partial.map((party) => {
    const sample = svg(22, 14, ["rect", { x: 1, y: 1, width: 20, height: 12, fill: hatchFill(parties.of(party)),
      stroke: "#777" }]);
    return el("li", {}, sample, " " + _("hatched: %(party)s held part of the unit (see the note)", { party }));
  });
  return el("section", {}, el("h3", {}, _("Disputed territories on this date")),
    el("p", { class: "note" }, _("Fill: the party in control as the cited sources record it; a claim is not control. " +
      "Parties are listed and coloured alphabetically; no colour means a claim is right.")),
    el("ul", {}, rows, hatches,
      statuses.some((s) => s.controllers.length !== 1) ? el("li", {}, swatch(NO_SINGLE_CONTROL), " " + _("control not recorded / shared")) : null,
      features.some((f) => f.properties.disputed === true) ? el("li", {}, swatch("transparent", true), " " + _("dashed outline: claimed by two or more parties")) : null,
      el("li", {}, line("#6f6a60", "5 4", 1), " " + _("modern borders (today), for orientation"))));
}

// Below this width (or height) the legend starts folded, so that the map stays visible.
export const FOLDED_BELOW = "(max-width: 900px), (max-height: 600px)";

/** Return whether the legend starts open: not in an embed (`collapsed`), not on a small screen. */
export function startsOpen(collapsed, smallScreen) {
  return !collapsed && !smallScreen;
}

/** Move the legend between the map and the side panel (`panel`); the button says where it goes next. */
function placeIn(node, panel, button, inPanel) {
  const home = node.chronotopeHome || (node.chronotopeHome = node.parentNode);
  if (inPanel) panel.querySelector(".panel-head").after(node);
  else home.append(node);
  node.classList.toggle("in-panel", inPanel);
  button.textContent = inPanel ? _("Put it back on the map") : _("Move to the side panel");
  button.setAttribute("aria-pressed", String(inPanel));
}

/** Redraw the legend for the shown answers (the open/closed state stays the reader's). */
/** The period basemap's lines, as the map draws them (`styles`: the basemap layer's, by feature layer). */
function networkPart(styles) {
  const item = (style, text) => el("li", {}, line(style.color, style.dashArray, style.weight + 0.5), " " + text);
  return el("section", { class: "legend-network" }, el("h3", {}, _("Railways and roads of 1920")),
    el("ul", {}, item(styles.railway, _("railway")), item(styles.road, _("road")), item(styles.river, _("river"))));
}

/** Draw the legend of what is shown; `network` is the 1920 network's styles when that layer is on. */
export function drawLegend(node, { movements, territories, places = null, network = null }, colours) {
  let body = node.querySelector(".legend-body");
  if (!body) {
    body = el("div", { class: "legend-body" });
    const open = startsOpen(node.dataset.collapsed === "true", window.matchMedia(FOLDED_BELOW).matches);
    const panel = document.getElementById("panel");
    let move = null;
    if (panel) {
      move = el("button", { type: "button", class: "link-button legend-move", "aria-pressed": "false" });
      move.addEventListener("click", () => placeIn(node, panel, move, !node.classList.contains("in-panel")));
    }
    node.append(el("details", { open: open || null }, el("summary", {}, _("Legend")), move, body));
    if (move) placeIn(node, panel, move, false);
  }
  const left = capNote(places, movements);
  body.replaceChildren(left ? el("p", { class: "note cap-note" }, left) : "", placesPart(),
    movementsPart(movements, colours.parties),
    territoriesPart(territories, colours.parties), network ? networkPart(network) : "");
}
