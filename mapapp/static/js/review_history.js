// What a correction says, in words: one annotation (a history entry's before or after) and one change.
import { _ } from "./i18n.js";

function mainBody(annotation) {
  const list = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  return list.find((b) => b && b.purpose !== "commenting") || {};
}

function quoteOf(annotation) {
  const selectors = [annotation.target?.selector || []].flat();
  return selectors.find((s) => s.type === "TextQuoteSelector")?.exact || null;
}

function placeId(source) {
  return String(source || "").replace(/^.*\/places\//, "");
}

/** Return an annotation (W3C JSON) in words: what it says of which words; "—" for none. */
export function describeAnnotation(annotation) {
  if (!annotation) return "\u2014";
  const body = mainBody(annotation);
  const quote = quoteOf(annotation);
  const range = [body.earliest, body.latest !== body.earliest ? body.latest : null].filter(Boolean).join(" \u2013 ");
  let what;
  if (body.purpose === "identifying") what = _("linked to %(place)s", { place: placeId(body.source) });
  else if (body.purpose === "assessing" && body.value === "confirmed") what = _("confirmed");
  else if (body.purpose === "assessing") what = _("rejected: %(verdict)s", { verdict: body.value });
  else if (body.type === "DateValue") what = _("date %(range)s (%(precision)s, %(calendar)s)", { range, precision: body.precision, calendar: body.calendar });
  else if (body.type === "MovementValue") {
    what = _("movement %(route)s", { route: (body.waypoints || []).map(placeId).join(" \u2192 ") })
      + (body.actor ? ` \u201c${body.actor}\u201d` : "") + ([body.kind, body.status].some(Boolean) ? ` (${[body.kind, body.status].filter(Boolean).join(", ")})` : "");
  } else if (body.type === "FieldValue") what = _("%(field)s set to \u201c%(value)s\u201d", { field: body.field, value: body.value });
  else what = JSON.stringify(body);
  return quote ? `\u201c${quote}\u201d: ${what}` : what;
}

/** Return a history entry ({action, before, after}) in words. */
export function describeChange(entry) {
  if (entry.action === "undo") return _("undone: %(what)s", { what: describeAnnotation(entry.before || entry.after) });
  if (entry.action === "delete") return _("withdrawn: %(what)s", { what: describeAnnotation(entry.before) });
  return describeAnnotation(entry.after || entry.before);
}

/** Return a change to the places made in the app ({action, before, after}: places) in words. */
export function describePlaceChange(entry) {
  const place = entry.after || entry.before || {};
  const made = _("new place: %(name)s (%(id)s)", { name: place.name, id: place.id });
  return entry.action === "undo" ? _("undone: %(what)s", { what: made }) : made;
}
