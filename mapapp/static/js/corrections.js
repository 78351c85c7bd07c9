// Corrections as the API takes them (docs/annotations-api.md): W3C annotations built from a span of
// a document's body, and the editor's requests (each with the page's CSRF token).
import { _ } from "./i18n.js";
import { charOffset, textSlice } from "./text_offsets.js";

const CONTEXT_CHARS = 32;   // prefix and suffix: enough to find the quote again after an edit of the text

/** Return the selectors of body[start:end] (the API's offsets, in characters): a TextQuoteSelector
 * (exact, prefix, suffix) and a TextPositionSelector (start, end), as the W3C model has them. */
export function selectors(body, start, end) {
  return [{ type: "TextQuoteSelector", exact: textSlice(body, start, end),
    prefix: textSlice(body, Math.max(0, start - CONTEXT_CHARS), start), suffix: textSlice(body, end, end + CONTEXT_CHARS) },
  { type: "TextPositionSelector", start, end }];
}

/** Return a W3C annotation of document `doc` ({id, body}) with `body` (the correction) on the span
 * `span` ({start, end}, or null for the document as a whole), and the editor's `note` if any. */
export function annotation(doc, body, span = null, note = "") {
  const target = { source: doc.id };
  if (span) target.selector = selectors(doc.body, span.start, span.end);
  const bodies = note ? [body, { type: "TextualBody", purpose: "commenting", value: note }] : body;
  return { "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", body: bodies, target };
}

/** The bodies of the corrections an editor makes. */
export const bodies = {
  link: (placeId) => ({ type: "SpecificResource", purpose: "identifying", source: placeId }),
  assess: (value) => ({ type: "TextualBody", purpose: "assessing", value }),
  date: ({ earliest, latest, precision, calendar, dateText }) => ({ type: "DateValue", purpose: "editing",
    earliest, latest: latest || earliest, precision: precision || "day", calendar: calendar || "gregorian",
    ...(dateText ? { dateText } : {}) }),
  movement: ({ actor, kind, status, earliest, latest, waypoints }) => ({ type: "MovementValue", purpose: "editing",
    waypoints, ...Object.fromEntries(Object.entries({ actor, kind, status, earliest, latest })
      .filter(([, v]) => v !== null && v !== undefined && v !== "")) }),
  field: (field, value) => ({ type: "FieldValue", purpose: "editing", field, value }),
};

/** Return the words for who made a reading: the machine, or a person (named when they agreed to be). */
export function reviewLine(review) {
  if (!review) return _("linked by the machine, not yet checked");
  const name = review.by;
  switch (review.status) {
    case "corrected": return name ? _("corrected by %(name)s", { name }) : _("corrected by an editor");
    case "added": return name ? _("added by %(name)s", { name }) : _("added by an editor");
    case "rejected": return name ? _("rejected by %(name)s", { name }) : _("rejected by an editor");
    default: return name ? _("checked by %(name)s", { name }) : _("checked by an editor");
  }
}

/** Return a resolver's score in words ("score 0.43"), or null when there is none. */
export function scoreText(score) {
  return score === null || score === undefined ? null : _("score %(score)s", { score: Number(score).toFixed(2) });
}

/** Return true when a person stands behind a reading (confirmed, corrected or added it). */
export function checked(review) {
  return Boolean(review) && review.status !== "rejected";
}

/** Return the offsets in `container`'s text of a DOM Range inside it (the API's, in characters), or
 * null when it is not inside. */
export function rangeOffsets(container, range) {
  if (!range || !container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const text = container.textContent;
  const units = before.toString().length;
  const start = charOffset(text, units);
  const end = charOffset(text, units + range.toString().length);
  return end > start ? { start, end } : null;
}

/** The editor's requests: JSON with the CSRF token of the page's <meta name="csrf-token">. */
export class Writer {
  constructor(root = "") {
    this.root = root;
    this.token = document.querySelector('meta[name="csrf-token"]')?.content || "";
  }

  async send(method, path, data = undefined) {
    const response = await fetch(`${this.root}${path}`, { method, credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": this.token, Accept: "application/json" },
      body: data === undefined ? undefined : JSON.stringify(data) });
    if (!response.ok) {
      let message = String(response.status);
      try { message = (await response.json()).error.message; } catch { /* not JSON */ }
      throw Object.assign(new Error(message), { status: response.status });
    }
    return response.status === 204 ? null : response.json();
  }

  annotate(doc, body, span = null, note = "") {
    return this.send("POST", `/api/documents/${encodeURIComponent(doc.id)}/annotations`,
      annotation(doc, body, span, note));
  }

  history(docId) { return this.send("GET", `/api/documents/${encodeURIComponent(docId)}/history`); }
  placeHistory() { return this.send("GET", "/api/history/places"); }
  undo(entryId) { return this.send("POST", `/api/history/${encodeURIComponent(entryId)}/undo`, {}); }
  search(q) { return this.send("GET", `/api/gazetteer/search?q=${encodeURIComponent(q)}`); }
  createPlace(place) { return this.send("POST", "/api/places", place); }
  /** Withdraw an annotation (its `id` URL): read its ETag, then DELETE with If-Match. */
  async withdraw(annotationUrl) {
    const path = new URL(annotationUrl, location.href).pathname;
    const current = await fetch(path, { cache: "no-store", credentials: "same-origin" });
    if (!current.ok) throw Object.assign(new Error(String(current.status)), { status: current.status });
    const response = await fetch(path, { method: "DELETE", credentials: "same-origin",
      headers: { "X-CSRF-Token": this.token, "If-Match": current.headers.get("ETag") || "*" } });
    if (!response.ok) throw Object.assign(new Error(String(response.status)), { status: response.status });
  }

  queue(params) {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ""));
    return this.send("GET", `/api/review/queue${q.size ? "?" + q : ""}`);
  }
}
