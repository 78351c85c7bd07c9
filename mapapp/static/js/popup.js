// A place's popup, built from DOM nodes: names in all variants, type, certainty, documents.
import { longRange } from "./dates.js";
import { el } from "./dom.js";
import { _, pageLang } from "./i18n.js";
import { readersName } from "./placenames.js";
import { certaintyName, documentTitle, placeKindName } from "./kinds.js";

// Which name a place is shown by: the documents' period's (the default) or today's (the record's
// title); the reader's choice, remembered and kept in the view's URL (`names=`). The gazetteer says
// which name is which (gazetteer/places/display.py).
const NAME_CHOICE = "chronotope.names";
export function nameChoice() {
  try { return localStorage.getItem(NAME_CHOICE) === "today" ? "today" : "period"; } catch { return "period"; }
}
export function setNameChoice(choice) {
  try { localStorage.setItem(NAME_CHOICE, choice === "period" ? "period" : "today"); } catch { /* private mode */ }
}
/** Return the name a place is shown by, as the reader chose: today's or the period's. */
export function shownName(props, choice = nameChoice()) {
  return (choice === "period" && props.period_name) || props.name;
}

function namesList(props) {
  const names = (props.names || []).map((n) => el("li", {}, n.toponym,
    n.lang ? el("span", { class: "lang" }, ` (${n.lang})`) : null,
    n.years ? el("span", { class: "years" }, ` ${n.years}`) : null,
    n.note ? el("span", { class: "name-note" }, ` \u2014 ${n.note}`) : null));
  return names.length ? [el("p", { class: "names-note" }, _("All its names, in no order of preference:")),
    el("ul", { class: "names" }, names)] : null;
}

function readersNameLine(props) {
  const name = pageLang !== "en" ? readersName(props.names, pageLang, shownName(props)) : null;
  return name ? el("p", { class: "readers-name" }, _("In your language:") + " ", el("span", { lang: pageLang }, name))
    : null;
}

function certaintyText(props) {
  const parts = [_("location: %(certainty)s", { certainty: certaintyName(props.certainty) })];
  if (props.uncertainty_km) parts.push(_("within about %(km)s km", { km: props.uncertainty_km }));
  return parts.join(", ");
}

/** The line under a popup's first documents: "all N documents", a link to the reader's list of them. */
function allDocuments(place, name, listPlace) {
  const count = place.document_count;
  if (!(count > (place.documents || []).length)) return "";
  const text = _("all %(count)s documents", { count });
  if (!listPlace) return el("span", { class: "muted" }, text);
  return el("button", { type: "button", class: "link-button all-docs", onclick: () => listPlace(place.id, name) }, text);
}

/** Return the popup element for a place feature; its document list fills from `loadPlace`. */
export function placePopup(props, loadPlace, openDocument, linkNote = null, listPlace = null) {
  // The open document's link to this place: the machine's, or checked by a person (and whom).
  const link = linkNote ? linkNote(props.id) : null;
  const docs = el("ol", { class: "popup-docs" }, el("li", { class: "muted" }, _("loading documents…")));
  const all = el("p", { class: "popup-all" });   // "all N documents", when the popup lists only the first
  const note = el("p", { class: "place-note" });   // the gazetteer's note: why a location is uncertain, other names
  const node = el("div", { class: "place-popup" },
    el("h3", {}, shownName(props)),
    readersNameLine(props),
    namesList(props),
    el("p", { class: "kind" }, `${placeKindName(props.kind)} · ${certaintyText(props)}`),
    props.coord_source ? el("p", { class: "source" }, _("coordinates: %(source)s", { source: props.coord_source })) : null,
    note,
    link ? el("p", { class: "link-note" }, _("In the open document: %(how)s", { how: link })) : null,
    el("p", { class: "mentions" }, _("mentions in the documents shown: %(count)s", { count: props.mentions ?? 0 })),
    el("h4", {}, _("Documents naming it")),
    docs, all);
  loadPlace(props.id).then((place) => {
    note.textContent = place.properties.note || "";
    docs.replaceChildren(...(place.properties.documents || []).map((d) => el("li", {},
      el("a", { href: `?doc=${encodeURIComponent(d.id)}&date=${d.earliest}`, class: "doc-link",
        onclick: (e) => { e.preventDefault(); openDocument(d.id); } }, documentTitle(d)),
      el("span", { class: "muted" }, ` ${d.date_text || longRange(d.earliest, d.latest)}`))));
    all.replaceChildren(allDocuments(place.properties, shownName(props), listPlace));
  }).catch(() => docs.replaceChildren(el("li", { class: "muted" }, _("could not load the documents"))));
  return node;
}
