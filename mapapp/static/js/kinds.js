// The data's codes named in the page's language: a place's kind (gazetteer/model.py PLACE_KINDS),
// a movement's kind (gazetteer/movements/patterns.py) and its status (gazetteer/movements/modality.py).
// A code this table does not know is shown as it is. mapapp/code_words.py is the pages' twin.
import { dayOf, longDate } from "./dates.js";
import { _, pageLang, writtenDate } from "./i18n.js";

const PLACE_KINDS = () => ({ settlement: _("settlement"), region: _("region"), district: _("district"),
  province: _("province"), country: _("country"), river: _("river"), lake: _("lake"), ridge: _("ridge"),
  mountain: _("mountain"), pass: _("mountain pass"), other: _("place") });

const MOVEMENT_KINDS = () => ({ advance: _("advance"), attack: _("attack"), journey: _("journey"),
  occupation: _("occupation"), transfer: _("transfer"), withdrawal: _("withdrawal") });

const MOVEMENT_STATUSES = () => ({ occurred: _("occurred"), habitual: _("habitual"), agreed: _("agreed"),
  ordered: _("ordered"), "ordered, not secured": _("ordered, not secured"), intended: _("intended"),
  demanded: _("demanded"), expected: _("expected"), proposed: _("proposed"), "under way": _("under way") });

const CERTAINTIES = () => ({ certain: _("certain"), probable: _("probable"), approximate: _("approximate"),
  uncertain: _("uncertain"), unknown: _("unknown") });

/** How certain a place's location is (gazetteer/model.py CERTAINTIES), in the page's language. */
export function certaintyName(certainty) {
  return CERTAINTIES()[certainty || "unknown"] || certainty;
}

/** A place's kind in the page's language ("place" when it has none). */
export function placeKindName(kind) {
  return PLACE_KINDS()[kind || "other"] || kind;
}

/** A movement's kind in the page's language ("movement" when it has none). */
export function movementKindName(kind) {
  return kind ? MOVEMENT_KINDS()[kind] || kind : _("movement");
}

/** A movement's status in the page's language ("" when it has none). */
export function movementStatusName(status) {
  return status ? MOVEMENT_STATUSES()[status] || status : "";
}

// A document's descriptive title in a language other than English (mapapp/title_words.py, the
// same message ids): the kind in the page's words, the parties as recorded, the date the
// language's way. English pages show the atlas's own title.
const DOC_KINDS = () => ({ letter: _("Letter"), telegram: _("Telegram"), memorandum: _("Memorandum"),
  report: _("Report"), minutes: _("Minutes"), transcript: _("Transcript"), agreement: _("Agreement"),
  address: _("Address"), interview: _("Interview"), other: _("Document") });
const MUTUAL_KINDS = ["agreement", "transcript", "minutes"];
const DAY_MS = 86400000;

function party(value) {
  const text = String(value || "").replace(/^[\s“”"'.,]+|[\s“”"'.,]+$/g, "");
  return text || null;
}

/** A document's dates in words: one day, a whole month, a whole year or a span of days. */
export function dateText(earliest, latest) {
  const a = dayOf(earliest);
  if (a === null) return _("undated");
  const b = dayOf(latest) ?? a;
  if (a === b) return longDate(a);
  const first = new Date(a * DAY_MS), last = new Date(b * DAY_MS), after = new Date((b + 1) * DAY_MS);
  const sameMonth = first.getUTCFullYear() === last.getUTCFullYear() && first.getUTCMonth() === last.getUTCMonth();
  if (first.getUTCDate() === 1 && sameMonth && after.getUTCDate() === 1) return writtenDate(first, true) || longDate(a);
  if (first.getUTCFullYear() === last.getUTCFullYear() && earliest.slice(5) === "01-01" && latest.slice(5) === "12-31") {
    return String(first.getUTCFullYear());
  }
  return `${longDate(a)} – ${longDate(b)}`;
}

/** The title a page in the page's language shows for a document (the API's `title` in English). */
export function documentTitle(doc) {
  if (pageLang === "en" || !doc.kind) return doc.title || doc.id || "";
  const author = party(doc.author), recipient = party(doc.recipient);
  const values = { kind: (DOC_KINDS()[doc.kind] || _("Document")), author, recipient, date: dateText(doc.earliest, doc.latest) };
  if (author && recipient) {
    return MUTUAL_KINDS.includes(doc.kind) ? _("%(kind)s: %(author)s; %(recipient)s, %(date)s", values)
      : _("%(kind)s: %(author)s → %(recipient)s, %(date)s", values);
  }
  if (author) return _("%(kind)s: %(author)s, %(date)s", values);
  if (recipient) return _("%(kind)s: → %(recipient)s, %(date)s", values);
  return _("%(kind)s, %(date)s", values);
}
