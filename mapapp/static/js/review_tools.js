// The reader in review mode (a logged-in editor): confirm, reject or re-link each place mention,
// link words the machine missed, create a place, correct dates, movements and the document's fields,
// and undo any change. Every change is one W3C annotation; the reader and the map are then fetched
// anew, so the change shows at once.
import { el } from "./dom.js";
import { _ } from "./i18n.js";
import { movementKindName, placeKindName } from "./kinds.js";
import { bodies, rangeOffsets, reviewLine, scoreText, Writer } from "./corrections.js";
import { button, dateForm, field, fieldsForm, input, movementForm, placeForm, placeName, placeSearch }
  from "./review_forms.js";
import { describeChange, describePlaceChange } from "./review_history.js";
import { charOffset, textSlice, unitIndex } from "./text_offsets.js";


export class ReviewTools {
  /** `reader`: the side panel's Reader; `map`: the Leaflet map; `api`: the page's Api (its kept
   * answers are dropped after each change). */
  constructor({ reader, map, api, root }) {
    this.reader = reader;
    this.map = map;
    this.api = api;
    this.root = root || "";
    this.writer = new Writer(this.root);
    this.doc = null;
    this.target = null;               // {span: {start, end}, text, mention?}
    this.open = new Set(["changes"]);
    this.status = el("p", { class: "rv-status", role: "status", id: "review-status", tabindex: "-1" });
    this.targetArea = el("div", { class: "rv-target" });
    this.sections = el("div", { class: "rv-sections" });
    this.node = el("section", { id: "review-tools", class: "review-tools", "aria-labelledby": "review-heading" },
      el("h3", { id: "review-heading" }, _("Review")), this.status, this.targetArea, this.sections);
    reader.nodes.body.after(this.node);
    document.addEventListener("selectionchange", () => this.takeSelection());
  }

  /** Show the tools for a freshly (re)loaded document. */
  show(doc) {
    const same = this.doc && this.doc.id === doc.id;
    this.doc = doc;
    if (!same) this.target = null;
    else if (this.target) {   // the words chosen, as the server now reads them
      const m = doc.places.find((p) => p.start === this.target.span.start && p.end === this.target.span.end);
      this.target = m ? { span: { start: m.start, end: m.end }, text: m.text, mention: m } : { ...this.target, mention: null };
    }
    this.drawTarget();
    this.drawSections();
  }

  /** A mention in the text was chosen (click or Enter). */
  choose(mention) {
    this.target = { span: { start: mention.start, end: mention.end }, text: mention.text, mention };
    this.drawTarget();
    this.targetArea.querySelector("button")?.focus({ preventScroll: false });
  }

  /** Words selected in the text become the target (a mention the machine missed, a date, a movement). */
  takeSelection() {
    const selection = document.getSelection();
    if (!this.doc || !selection || selection.isCollapsed || !selection.rangeCount) return;
    const span = rangeOffsets(this.reader.nodes.body, selection.getRangeAt(0));
    if (!span) return;
    this.target = { span, text: textSlice(this.doc.body, span.start, span.end), mention: null };
    this.drawTarget();
  }

  // ---- the chosen mention or words

  drawTarget() {
    const t = this.target;
    if (!t) {
      this.targetArea.replaceChildren(el("p", { class: "muted" },
        _("Choose a place name in the text, or select words the machine missed (or find them here).")), this.findForm());
      return;
    }
    const m = t.mention;
    const head = el("p", { class: "rv-quote" }, el("q", {}, t.text), m && m.place_id ? ` \u2192 ${m.name || m.place_id}` : null,
      m && m.score !== null && m.score !== undefined ? el("span", { class: "muted" }, " (", scoreText(m.score), ")") : null);
    const who = m ? el("p", { class: "rv-who" }, reviewLine(m.review)) : null;
    const actions = [];
    if (m && m.place_id) {
      actions.push(button(_("Confirm"), () => this.save(bodies.link(m.place_id), t.span, _("Confirmed.")), { class: "rv-confirm" }));
    }
    if (m) {
      actions.push(button(_("Not a place"), () => this.save(bodies.assess("not-a-place"), t.span, _("Rejected.")), { class: "rv-reject" }),
        button(_("Not this place"), () => this.save(bodies.assess("not-this-place"), t.span, _("Rejected.")), { class: "rv-reject-place" }));
    }
    const candidates = (m?.candidates || []).filter((c) => c.place_id && c.place_id !== m.place_id);
    const others = candidates.length ? el("div", { class: "rv-candidates" }, el("h4", {}, _("The resolver's other candidates")),
      el("ul", {}, candidates.map((c) => el("li", {}, button(_("Link to %(name)s", { name: c.name || c.place_id }),
        () => this.link(c.place_id, c.name), { class: "rv-candidate", dataset: { place: c.place_id } }),
        el("span", { class: "muted" }, " ", [c.kind && placeKindName(c.kind), c.source, c.place_id, scoreText(c.score)].filter(Boolean).join(" · ")))))) : null;
    const more = el("div", { class: "rv-more" });
    this.targetArea.replaceChildren(...[head, who,
      el("div", { class: "rv-actions", role: "group", "aria-label": _("Decide") }, actions,
        button(_("New place…"), () => more.replaceChildren(placeForm(t.text, (place) => this.createAndLink(place), () => this.pick())),
          { class: "rv-new-place" }),
        m ? null : button(_("Mark as a date"), () => more.replaceChildren(dateForm({ text: t.text }, (v) => this.save(bodies.date(v), t.span, _("Date added.")),
          { heading: _("Add a date"), words: false })), { class: "rv-add-date" }),
        m ? null : button(_("Add a movement"), () => more.replaceChildren(movementForm({}, this.writer,
          (v) => this.save(bodies.movement(v), t.span, _("Movement added.")), _("Add a movement"))), { class: "rv-add-movement" }),
        button(_("Cancel"), () => { this.target = null; this.drawTarget(); }, { class: "rv-cancel" })),
      others, placeSearch(this.writer, (p) => this.link(p.id, placeName(p))), more].filter(Boolean));
  }

  /** Find words in the text without a mouse: the next occurrence after the current target. */
  findForm() {
    const words = input("words", "", { required: true });
    const form = el("form", { class: "rv-find" }, field(_("Find words in the text"), words), el("button", { type: "submit" }, _("Find")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const body = this.doc.body;
      const from = this.target ? unitIndex(body, this.target.span.end) : 0;
      let at = body.indexOf(words.value, from);
      if (at < 0) at = body.indexOf(words.value);
      if (at < 0 || !words.value) { this.tell(_("Not found in the text.")); return; }
      const span = { start: charOffset(body, at), end: charOffset(body, at + words.value.length) };
      const mention = this.doc.places.find((m) => m.start === span.start && m.end === span.end) || null;
      this.target = { span, text: words.value, mention };
      this.drawTarget();
      this.targetArea.querySelector("button")?.focus();
    });
    return form;
  }

  link(placeId, name) {
    return this.save(bodies.link(placeId), this.target.span, _("Linked to %(name)s.", { name: name || placeId }));
  }

  async createAndLink(place) {
    this.tell(_("Saving…"));
    try {
      const made = await this.writer.createPlace(place);
      const id = made.id || made.properties?.id;
      await this.link(id, place.names[0].toponym);
    } catch (error) {
      this.tell(_("Not saved: %(problem)s", { problem: error.message }), true);
    }
  }

  /** Wait for a click on the map; resolve to its {lon, lat}. */
  pick() {
    const container = this.map.getContainer();
    container.classList.add("picking");
    this.tell(_("Click the map where the place is."));
    return new Promise((resolve) => this.map.once("click", (e) => {
      container.classList.remove("picking");
      this.marker?.remove();
      this.marker = window.L.circleMarker(e.latlng, { radius: 7, color: "#b3261e", className: "rv-picked" }).addTo(this.map);
      this.tell(_("Point taken: %(lat)s N, %(lon)s E.", { lat: e.latlng.lat.toFixed(4), lon: e.latlng.lng.toFixed(4) }));
      resolve({ lon: e.latlng.lng, lat: e.latlng.lat });
    }));
  }

  // ---- the document's fields and date, its dates, its movements, the changes made

  drawSections() {
    const doc = this.doc;
    const section = (key, title, ...content) => {
      const details = el("details", { class: `rv-section rv-${key}`, open: this.open.has(key) },
        el("summary", {}, title), ...content);
      details.addEventListener("toggle", () => (details.open ? this.open.add(key) : this.open.delete(key)));
      return details;
    };
    const dates = (doc.dates || []).filter((d) => d.start >= 0 && d.end > d.start);
    const movements = (doc.movements || []).filter((m) => !m.in_heading);
    const changes = el("div", { class: "rv-change-list" }, el("p", { class: "muted" }, _("loading…")));
    const madePlaces = el("div", { class: "rv-change-list" }, el("p", { class: "muted" }, _("loading…")));
    this.sections.replaceChildren(
      section("document", _("The document's fields and date"),
        fieldsForm(doc, (v) => this.saveFields(v)),
        el("p", { class: "rv-who" }, _("Date: %(date)s", { date: doc.date_text || doc.earliest || _("undated") })),
        dateForm(doc, (v) => this.save(bodies.date(v), null, _("Date corrected.")), { heading: _("Correct the document's date") })),
      section("dates", _("Dates in the text (%(count)s)", { count: dates.length }),
        el("ul", { class: "rv-list" }, dates.map((d) => this.dateItem(d)))),
      section("movements", _("Movements (%(count)s)", { count: movements.length }),
        el("ul", { class: "rv-list" }, movements.map((m) => this.movementItem(m)))),
      section("changes", _("Changes to this document"), changes,
        el("p", {}, el("a", { href: `${this.root}/documents/${encodeURIComponent(doc.id)}/history`, class: "rv-history-link" },
          _("The document's history")))),
      section("places", _("Places made in the app"), madePlaces));
    this.drawHistory(changes, () => this.writer.history(doc.id), describeChange);
    // Undoing a place's creation is refused while a correction links it (the message names the documents).
    this.drawHistory(madePlaces, () => this.writer.placeHistory(), describePlaceChange);
  }

  dateItem(d) {
    const span = { start: d.start, end: d.end };
    const more = el("div");
    return el("li", { class: "rv-date", dataset: { start: d.start } },
      el("q", {}, d.text), " ", [d.earliest, d.latest !== d.earliest ? d.latest : null].filter(Boolean).join(" \u2013 ") || _("year unknown"), " ",
      el("span", { class: "muted" }, reviewLine(d.review)), " ",
      button(_("Correct"), () => more.replaceChildren(dateForm(d, (v) => this.save(bodies.date(v), span, _("Date corrected.")), { words: false })),
        { "aria-label": _("Correct the date %(text)s", { text: d.text }), class: "rv-correct-date" }),
      button(_("Not a date"), () => this.save(bodies.assess("not-a-date"), span, _("Rejected.")),
        { "aria-label": _("%(text)s is not a date", { text: d.text }) }), more);
  }

  movementItem(m) {
    const span = { start: m.start, end: m.end };
    const route = (m.waypoints || []).map((w) => w.name || w.place_id).join(" \u2192 ");
    const more = el("div");
    const label = m.text || textSlice(this.doc.body, m.start, m.end);
    const rejected = m.review?.status === "rejected";
    return el("li", { class: rejected ? "rv-movement-item rejected" : "rv-movement-item" },
      el("strong", {}, [m.kind && movementKindName(m.kind), m.actor ? "\u201c" + m.actor + "\u201d" : null].filter(Boolean).join(" ") || _("movement")),
      ` ${[m.status, route, m.earliest].filter(Boolean).join("; ")} `, el("q", {}, label), " ",
      el("span", { class: "muted" }, reviewLine(m.review)), " ",
      rejected ? null : button(_("Correct"), () => more.replaceChildren(movementForm(m, this.writer,
        (v) => this.save(bodies.movement(v), span, _("Movement corrected.")))),
      { "aria-label": _("Correct the movement %(text)s", { text: label }), class: "rv-correct-movement" }),
      rejected ? null : button(_("Delete"), () => this.save(bodies.assess("not-a-movement"), span, _("Movement deleted.")),
        { "aria-label": _("Delete the movement %(text)s", { text: label }), class: "rv-delete-movement" }), more);
  }

  /** A list of changes (the history `entries` that `load()` answers), newest first, each but an undo
   * with its Undo button; `describe(entry)` says what it was. */
  async drawHistory(node, load, describe) {
    try {
      const entries = [...((await load()).entries || [])].reverse();
      node.replaceChildren(entries.length ? el("ol", { class: "rv-list" }, entries.map((e) => el("li", { class: "rv-change" },
        el("span", {}, describe(e)), el("span", { class: "muted" }, ` ${e.who || ""} ${(e.at || "").slice(0, 16).replace("T", " ")} `),
        e.action === "undo" ? null : button(_("Undo"), () => this.undo(e.id), { class: "rv-undo", "aria-label": _("Undo: %(change)s", { change: describe(e) }) }))))
        : el("p", { class: "muted" }, _("No change yet.")));
    } catch (error) {
      node.replaceChildren(el("p", { class: "rv-error" }, error.message));
    }
  }

  async saveFields(values) {
    const changed = Object.entries(values).filter(([k, v]) => v && v !== (this.doc[k] || ""));
    if (!changed.length) { this.tell(_("Nothing changed.")); return; }
    this.tell(_("Saving…"));
    try {
      for (const [name, value] of changed) await this.writer.annotate(this.doc, bodies.field(name, value));
      await this.refresh(_("Saved."));
    } catch (error) {
      this.tell(_("Not saved: %(problem)s", { problem: error.message }), true);
    }
  }

  // ---- writing, and showing the result

  async save(body, span, done) {
    this.tell(_("Saving…"));
    try {
      await this.writer.annotate(this.doc, body, span);
      this.marker?.remove();
      await this.refresh(done);
    } catch (error) {
      this.tell(_("Not saved: %(problem)s", { problem: error.message }), true);
    }
  }

  async undo(entryId) {
    this.tell(_("Saving…"));
    try {
      await this.writer.undo(entryId);
      await this.refresh(_("Undone."));
    } catch (error) {
      this.tell(_("Not undone: %(problem)s", { problem: error.message }), true);
    }
  }

  /** Fetch the document and the map anew (their answers changed), keeping the reader where it was. */
  async refresh(message) {
    const focusStart = this.target?.span.start;
    this.api.kept.clear();
    await this.reader.open(this.doc.id, { push: false, keepDate: true });
    this.tell(message);
    const mark = focusStart !== undefined && this.reader.nodes.body.querySelector(`mark[data-start="${focusStart}"]`);
    (mark || this.status).focus?.();
  }

  tell(text, error = false) {
    this.status.textContent = text;
    this.status.classList.toggle("rv-error", error);
  }
}
