// The document list and the reader: a document's text with its place mentions highlighted
// (focusable; hover or focus lights the marker, click pans to it) and its movements underlined.
import { sideBySide } from "./calendars.js";
import { longRange } from "./dates.js";
import { el } from "./dom.js";
import { _ } from "./i18n.js";
import { checked, reviewLine } from "./corrections.js";
import { textLength, textSlice } from "./text_offsets.js";
import { documentTitle, movementKindName, movementStatusName } from "./kinds.js";

/** Return the body cut at every mention and movement boundary: [{start, end, mention, movement}], in
 * the API's offsets (characters, see text_offsets.js). */
export function segments(body, mentions, movements) {
  const length = textLength(body);
  const cuts = new Set([0, length]);
  for (const r of [...mentions, ...movements]) {
    if (r.start >= 0 && r.end <= length && r.start < r.end) { cuts.add(r.start); cuts.add(r.end); }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end,
      mention: mentions.findIndex((m) => m.start <= start && end <= m.end),
      movement: movements.findIndex((m) => m.start <= start && end <= m.end) });
  }
  return out;
}

/** Return a DocumentFragment of `body` with mentions as <mark> and movements as underlines. */
export function markedText(body, mentions, movements, hooks) {
  const frag = document.createDocumentFragment();
  let current = null;   // the <mark> of the mention being written, if any
  let currentIndex = -1;
  for (const seg of segments(body, mentions, movements)) {
    const text = textSlice(body, seg.start, seg.end);
    const piece = seg.movement >= 0 ? el("span", { class: "movement-text", title: movementTitle(movements[seg.movement]) }, text)
      : document.createTextNode(text);
    if (seg.mention < 0) { frag.append(piece); current = null; currentIndex = -1; continue; }
    if (seg.mention !== currentIndex) {
      const m = mentions[seg.mention];
      current = el("mark", { class: mentionClass(m), tabindex: "0",
        dataset: { place: m.place_id || "", start: m.start, review: m.review ? m.review.status : "machine" },
        title: `${m.name || m.text} \u2014 ${reviewLine(m.review)}` });
      hooks.bind(current, m);
      frag.append(current);
      currentIndex = seg.mention;
    }
    current.append(piece);
  }
  return frag;
}

/** Return the class of a mention's <mark>: resolved or not, checked by a person, rejected. */
export function mentionClass(m) {
  if (m.review && m.review.status === "rejected") return "mention rejected";
  return ["mention", m.place_id ? null : "unresolved", checked(m.review) ? "checked" : null].filter(Boolean).join(" ");
}

function movementTitle(m) {
  // The document's words for the actor, quoted, then the side they belong to where it is clear.
  return [movementKindName(m.kind), m.actor ? `\u201c${m.actor}\u201d` : null, m.party, movementStatusName(m.status)]
    .filter(Boolean).join(" · ");
}

/** The compilation a document comes from, in one line: its title, its compiler and its standpoint. */
export function collectionLine(collection) {
  if (!collection) return null;
  return [`“${collection.title}”`, collection.compiler ? _("compiled by %(compiler)s", { compiler: collection.compiler }) : null,
    collection.standpoint].filter(Boolean).join(" · ");
}

/** A document's kind (documents/model.py KINDS) named in the page's language, as mapapp/description.py names it. */
function kindName(kind) {
  const names = { letter: _("Letter"), telegram: _("Telegram"), memorandum: _("Memorandum"), report: _("Report"),
    minutes: _("Minutes"), transcript: _("Transcript"), agreement: _("Agreement"), address: _("Address"),
    interview: _("Interview"), other: _("Document") };
  return names[kind] || kind;
}

/** The label of a part of a citation (documents/citations.py CITATION_LABELS) in the page's language. */
function citationLabel(label) {
  return { Archive: _("Archive"), "Published in": _("Published in") }[label] || label;
}

/** Return the [label, value] rows of a document's facts; its citation is the server's (`doc.citation`). */
export function factRows(doc) {
  const marks = (doc.editorial_notes || []).join("; ");
  // A date written in another calendar is shown in it beside the Gregorian one.
  const rows = [[_("Date"), `${doc.date_text || ""} (${sideBySide(doc) || longRange(doc.earliest, doc.latest)})`],
    [_("Written at"), doc.origin], [_("Kind"), kindName(doc.kind)], [_("From"), doc.author], [_("To"), doc.recipient],
    [_("Heading in the compilation"), doc.heading
      ? _("\u201c%(heading)s\u201d (the compiler\u2019s heading, not the document\u2019s words)", { heading: doc.heading }) : null],
    [_("Collection"), collectionLine(doc.collection)],
    [_("Compiler\u2019s marks"), marks ? _("%(marks)s (the compiler\u2019s, not the document\u2019s)", { marks }) : null],
    ...(doc.citation || []).map((part) => [citationLabel(part.label), part.text]), [_("Source file"), doc.source]];
  return rows.filter(([, v]) => v);
}

function facts(doc) {
  return factRows(doc).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]);
}

/** Return the list item of a document in the side panel. */
export function listItem(doc, onOpen, selected) {
  return el("li", { class: selected ? "doc selected" : "doc" },
    el("button", { type: "button", class: "doc-button", dataset: { doc: doc.id }, "aria-current": selected ? "true" : null,
      onclick: () => onOpen(doc.id) },
      el("span", { class: "doc-title" }, documentTitle(doc) || "(untitled)"),
      el("span", { class: "doc-meta" }, [doc.date_text || longRange(doc.earliest, doc.latest), doc.origin, kindName(doc.kind)]
        .filter(Boolean).join(" · "))));
}

/** Fill the reader with a document (from /api/documents/<id>). */
export function fillReader(nodes, doc, hooks) {
  nodes.title.textContent = documentTitle(doc) || "(untitled)";
  nodes.meta.replaceChildren(...facts(doc));
  // The document's own page, and who corrected what in it.
  const page = `${document.getElementById("app")?.dataset.root || ""}/documents/${encodeURIComponent(doc.id)}`;
  if (nodes.page) nodes.page.href = page;
  if (nodes.history) nodes.history.href = `${page}/history`;
  const mentions = [...(doc.places || [])].sort((a, b) => a.start - b.start);
  // A movement stated in the heading has offsets into the heading: not highlighted in the body.
  const movements = (doc.movements || []).filter((m) => !m.in_heading).sort((a, b) => a.start - b.start);
  nodes.body.replaceChildren(markedText(doc.body || "", mentions, movements, hooks));
  nodes.prev.disabled = !doc.prev;
  nodes.next.disabled = !doc.next;
}
