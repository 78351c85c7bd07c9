// The side panel: the documents of the window, and the reader of one document.
import { fadeOf, shareShown } from "./dates.js";
import { fillReader, listItem } from "./reader.js";
import { _ } from "./i18n.js";
import { reviewLine } from "./corrections.js";

export class Reader {
  constructor(app, api, drawer, callbacks) {
    this.api = api;
    this.drawer = drawer;
    this.callbacks = callbacks;          // {onOpen(doc, {push}), onClose()}
    this.tools = null;                   // the review tools, for a logged-in editor (review_tools.js)
    this.doc = null;
    this.current = Promise.resolve();
    const $ = (id) => document.getElementById(id);
    this.nodes = { list: $("doc-list"), count: $("doc-count"), section: $("documents"), reader: $("reader"),
      title: $("reader-title"), meta: $("reader-meta"), body: $("reader-body"), prev: $("reader-prev"),
      next: $("reader-next"), close: $("reader-close"),
      page: $("reader-page"), history: $("reader-history") };
    this.hasPanel = Boolean(this.nodes.reader);
    if (!this.hasPanel) return;
    this.nodes.close.addEventListener("click", () => this.close());
    this.nodes.prev.addEventListener("click", () => this.doc?.prev && this.open(this.doc.prev, { push: true }));
    this.nodes.next.addEventListener("click", () => this.doc?.next && this.open(this.doc.next, { push: true }));
  }

  /** Show the documents of the window (an /api/documents answer). */
  list(answer, selectedId, shown = null) {
    const docs = answer.documents || [];
    delete this.nodes.section.dataset.place;   // the window's documents again (listPlace sets it)
    this.nodes.list.replaceChildren(...docs.map((d) => {
      const item = listItem(d, (id) => this.open(id, { push: true }), d.id === selectedId);
      // A vaguely dated document ("December 1920") fades in and out over its interval.
      const share = shown ? shareShown(d.earliest, d.latest, shown.from, shown.to) : 1;
      if (share < 1) {
        item.classList.add("vague");
        item.style.setProperty("--fade", String(fadeOf(share)));
        item.title = _("Dated only to %(date)s: %(share)s of it lies in the window",
          { date: d.date_text || _("an interval"), share: `${Math.round(share * 100)}%` });
      }
      return item;
    }));
    const more = answer.total > docs.length
      ? " " + _("(first %(shown)s of %(total)s)", { shown: docs.length, total: answer.total }) : "";
    this.nodes.count.textContent = `${answer.total ?? docs.length}${more}`;
  }

  /** Show every document naming a place (all dates, the first 500), in the list, until the view changes. */
  async listPlace(placeId, name) {
    if (!this.hasPanel) return;
    const answer = await this.api.get("/api/documents", { place: placeId, per_page: 500 });
    if (this.doc) this.close();
    this.list(answer, null);
    const naming = _("naming %(place)s", { place: name });
    this.nodes.count.textContent = `${this.nodes.count.textContent} · ${naming}`;
    this.nodes.section.dataset.place = placeId;
    this.nodes.list.querySelector("a, button")?.focus({ preventScroll: true });
  }

  /** Open a document: its text in the reader, the slider at its date, its places marked. */
  open(id, { push = true, keepDate = false } = {}) {
    this.current = this.api.get(`/api/documents/${encodeURIComponent(id)}`).then((doc) => {
      this.doc = doc;
      if (this.hasPanel) {
        fillReader(this.nodes, doc, { bind: (node, mention) => this.bindMention(node, mention) });
        this.tools?.show(doc);
        this.nodes.section.hidden = true;
        this.nodes.reader.hidden = false;
        this.nodes.reader.scrollTop = 0;
        // The panel scrolls, not the reader: a list scrolled down must not open the text half-way.
        this.nodes.reader.closest(".panel")?.scrollTo(0, 0);
        // Chosen by the reader: focus follows, so keyboard and screen reader users land in the text.
        if (push) this.nodes.reader.focus({ preventScroll: true });
      }
      return this.callbacks.onOpen(doc, { push, keepDate });
    }).catch((error) => {
      if (error.status === 404 && this.callbacks.onMissing) {
        this.close({ silent: true });
        return this.callbacks.onMissing(id);
      }
      const status = document.getElementById("status");
      if (status) status.textContent = _("Could not open the document: %(problem)s", { problem: error.message });
    });
    return this.current;
  }

  close({ silent = false } = {}) {
    this.doc = null;
    if (this.hasPanel) {
      this.nodes.reader.hidden = true;
      this.nodes.section.hidden = false;
    }
    this.markDocumentPlaces();
    if (!silent) this.callbacks.onClose();
  }

  /** Mark on the map the places the open document names. */
  markDocumentPlaces() {
    const mentions = ((this.doc && this.doc.places) || []).filter((m) => m.place_id && m.review?.status !== "rejected");
    const ids = new Set(mentions.map((m) => m.place_id));
    // The labels write each place as the document first does (its period spelling).
    const written = new Map();
    for (const m of [...mentions].sort((a, b) => a.start - b.start)) if (!written.has(m.place_id)) written.set(m.place_id, m.text);
    this.drawer.setDocument(this.doc ? this.doc.id : null, ids, written);
  }

  /** The words of the open document's link to a place: by the machine, or checked by a person. */
  linkNote(placeId) {
    const mention = (this.doc?.places || []).find((m) => m.place_id === placeId && m.review?.status !== "rejected");
    return mention ? reviewLine(mention.review) : null;
  }

  bindMention(node, mention) {
    if (this.tools) {   // review mode: choosing a mention opens its decisions
      node.addEventListener("click", () => this.tools.choose(mention));
      node.addEventListener("keydown", (e) => { if (e.key === "Enter") this.tools.choose(mention); });
    }
    const id = mention.place_id;
    if (!id || mention.review?.status === "rejected") return;
    const on = () => this.drawer.highlight(id, true);
    const off = () => this.drawer.highlight(id, false);
    node.addEventListener("mouseenter", on);
    node.addEventListener("focus", on);
    node.addEventListener("mouseleave", off);
    node.addEventListener("blur", off);
    const pan = () => this.drawer.panTo(id, mention);
    node.addEventListener("click", pan);
    node.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); pan(); } });
  }
}
