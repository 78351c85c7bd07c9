// The editor's forms: a gazetteer search, a new place, a date, a movement. Each is a <form> of
// labelled controls that calls back with plain values; nothing here writes.
import { el } from "./dom.js";
import { _ } from "./i18n.js";
import { certaintyName, placeKindName } from "./kinds.js";

const PLACE_KINDS = ["settlement", "region", "district", "province", "country", "river", "lake", "ridge",
  "mountain", "pass", "other"];
const CERTAINTIES = ["certain", "probable", "approximate", "uncertain"];
const PRECISIONS = ["day", "month", "year", "season", "range"];
const CALENDARS = ["gregorian", "julian"];
let serial = 0;

/** Return a labelled control: [label, control], the control with a fresh id. */
export function field(label, control) {
  control.id ||= `rv-${++serial}`;
  return el("p", { class: "rv-field" }, el("label", { for: control.id }, label), control);
}

export function input(name, value = "", attrs = {}) {
  return el("input", { name, value: value ?? "", autocomplete: "off", ...attrs });
}

export function select(name, options, value, label = (o) => o) {
  return el("select", { name }, options.map((o) => el("option", { value: o, selected: o === value }, label(o))));
}

export function button(label, onclick, attrs = {}) {
  return el("button", { type: "button", onclick, ...attrs }, label);
}

function values(form) {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
}

function submitting(form, onSubmit) {
  form.addEventListener("submit", (e) => { e.preventDefault(); onSubmit(values(form), form); });
  return form;
}

/** Return the name a gazetteer search answer gives a place. */
export function placeName(p) {
  return p.name || p.names?.[0]?.toponym || p.id;
}

/** Return the places of a /api/gazetteer/search answer (a list, or an object holding one). */
export function placesOf(answer) {
  return Array.isArray(answer) ? answer : (answer.places || answer.results || answer.items || []);
}

/** A search of the gazetteer (every layer, any spelling); `choose(place)` gets the one picked.
 * `verb` words the result buttons, e.g. "Link to %(name)s". */
export function placeSearch(writer, choose, { label = _("Search the gazetteer (any spelling)"), verb } = {}) {
  const results = el("ul", { class: "rv-results", "aria-live": "polite" });
  const box = input("q", "", { type: "search", required: true, minlength: 2, class: "rv-search" });
  const form = submitting(el("form", { class: "rv-search-form", role: "search" }, field(label, box),
    el("button", { type: "submit" }, _("Search")), results), async ({ q }) => {
    results.replaceChildren(el("li", { class: "muted" }, _("searching…")));
    try {
      const found = placesOf(await writer.search(q));
      results.replaceChildren(...(found.length ? found.map((p) => el("li", {},
        button(verb ? verb(p) : _("Link to %(name)s", { name: placeName(p) }), () => choose(p),
          { class: "rv-choice", dataset: { place: p.id } }),
        el("span", { class: "muted" }, ` ${[p.kind && placeKindName(p.kind), p.layer, p.id].filter(Boolean).join(" · ")}`)))
        : [el("li", { class: "muted" }, _("No place of that name in the gazetteer."))]));
    } catch (error) {
      results.replaceChildren(el("li", { class: "rv-error" }, error.message));
    }
  });
  form.focusBox = () => box.focus();
  return form;
}

/** A new place for the user gazetteer: names, kind, location, certainty and source (all required but
 * the language). `pick()` asks the map for a point and resolves to {lon, lat}. */
export function placeForm(name, onSubmit, pick) {
  const lon = input("lon", "", { inputmode: "decimal", required: true, pattern: "-?\\d+(\\.\\d+)?" });
  const lat = input("lat", "", { inputmode: "decimal", required: true, pattern: "-?\\d+(\\.\\d+)?" });
  const form = submitting(el("form", { class: "rv-form rv-place-form" },
    el("h4", {}, _("New place")),
    field(_("Name"), input("toponym", name, { required: true })),
    field(_("Language of the name (e.g. ru, hy, az, en)"), input("lang", "")),
    field(_("Kind"), select("kind", PLACE_KINDS, "settlement", placeKindName)),
    field(_("Longitude (east)"), lon), field(_("Latitude (north)"), lat),
    pick ? button(_("Pick the point on the map"), async () => {
      const point = await pick();
      if (point) { lon.value = point.lon.toFixed(5); lat.value = point.lat.toFixed(5); lon.focus(); }
    }, { class: "rv-pick" }) : null,
    field(_("Certainty of the location"), select("certainty", CERTAINTIES, "approximate", certaintyName)),
    field(_("Source (who says it is there)"), input("source", "", { required: true })),
    el("button", { type: "submit" }, _("Create the place and link it"))), (v) => onSubmit({
    names: [{ toponym: v.toponym, ...(v.lang ? { lang: v.lang } : {}) }], kind: v.kind,
    lon: Number(v.lon), lat: Number(v.lat), certainty: v.certainty, source: v.source }));
  return form;
}

/** A date: earliest and latest day, precision and calendar, and the words for it. */
export function dateForm(date, onSubmit, { heading = _("Correct the date"), words = true } = {}) {
  return submitting(el("form", { class: "rv-form rv-date-form" }, el("h4", {}, heading),
    words ? field(_("The date in words"), input("dateText", date.date_text || date.text || "")) : null,
    field(_("Earliest day"), input("earliest", date.earliest || "", { type: "date", required: true })),
    field(_("Latest day"), input("latest", date.latest || "", { type: "date" })),
    field(_("Known to the"), select("precision", PRECISIONS, date.precision || "day")),
    field(_("Calendar"), select("calendar", CALENDARS, date.calendar || "gregorian")),
    el("button", { type: "submit" }, _("Save the date"))), onSubmit);
}

/** A movement: actor, kind, status, dates and its waypoints in order (added by a gazetteer search,
 * moved up and down, removed). */
export function movementForm(movement, writer, onSubmit, heading = _("Correct the movement")) {
  const waypoints = (movement.waypoints || []).filter((w) => w.place_id)
    .map((w) => ({ id: w.place_id, name: w.name || w.place_id }));
  const list = el("ol", { class: "rv-waypoints" });
  const draw = (focusIndex = null, focusRole = null) => {
    list.replaceChildren(...waypoints.map((w, i) => el("li", {}, el("span", {}, w.name), " ",
      button("\u2191", () => { [waypoints[i - 1], waypoints[i]] = [waypoints[i], waypoints[i - 1]]; draw(i - 1, "up"); },
        { disabled: i === 0, "aria-label": _("Move %(name)s earlier", { name: w.name }), dataset: { role: "up" } }),
      button("\u2193", () => { [waypoints[i + 1], waypoints[i]] = [waypoints[i], waypoints[i + 1]]; draw(i + 1, "down"); },
        { disabled: i === waypoints.length - 1, "aria-label": _("Move %(name)s later", { name: w.name }), dataset: { role: "down" } }),
      button("\u2715", () => { waypoints.splice(i, 1); draw(); },
        { "aria-label": _("Remove %(name)s", { name: w.name }), dataset: { role: "remove" } }))));
    if (focusIndex !== null) list.children[focusIndex]?.querySelector(`[data-role="${focusRole}"]:not([disabled])`)?.focus();
  };
  draw();
  const fields = el("form", { class: "rv-form rv-movement-form" }, el("h4", {}, heading),
    field(_("Who moves (the document's words)"), input("actor", movement.actor || "")),
    field(_("Kind of movement"), input("kind", movement.kind || "")),
    field(_("Status"), input("status", movement.status || "")),
    field(_("Earliest day"), input("earliest", movement.earliest || "", { type: "date" })),
    field(_("Latest day"), input("latest", movement.latest || "", { type: "date" })),
    el("p", { class: "rv-label" }, _("Waypoints, in order of movement")), list,
    el("button", { type: "submit" }, _("Save the movement")));
  submitting(fields, (v) => onSubmit({ ...v, waypoints: waypoints.map((w) => w.id) }));
  const search = placeSearch(writer, (p) => { waypoints.push({ id: p.id, name: placeName(p) }); draw(); },
    { label: _("Add a waypoint: search the gazetteer"), verb: (p) => _("Add %(name)s", { name: placeName(p) }) });
  return el("div", { class: "rv-movement" }, fields, search);
}

/** The document's own fields: title, author, recipient, where it was written, its kind. */
export function fieldsForm(doc, onSubmit) {
  const labels = { title: _("Title"), author: _("Author"), recipient: _("Recipient"), origin: _("Written at"),
    kind: _("Kind") };
  return submitting(el("form", { class: "rv-form rv-fields-form" },
    Object.entries(labels).map(([name, label]) => field(label, input(name, doc[name] || ""))),
    el("button", { type: "submit" }, _("Save the fields"))), onSubmit);
}
