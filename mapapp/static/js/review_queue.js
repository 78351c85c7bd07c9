// /review: the machine's place links nobody has checked, least certain first, worked through from the
// keyboard (j/k, c, x, n, l, o, ?) or with the buttons; the progress and the orphaned corrections.
import { el } from "./dom.js";
import { _, pageLang } from "./i18n.js";
import { placeKindName } from "./kinds.js";
import { bodies, scoreText, Writer } from "./corrections.js";
import { button, placeName, placeSearch } from "./review_forms.js";
import { describeAnnotation } from "./review_history.js";
import { textLength, textSlice } from "./text_offsets.js";

const $ = (id) => document.getElementById(id);
const root = $("queue").dataset.root || "";
const writer = new Writer(root);
const numbers = new Intl.NumberFormat(pageLang);
const CONTEXT = 90;   // characters of text shown on each side of the words

const state = { items: [], current: 0, page: 1, total: 0, progress: { reviewed: 0, total: 0 }, docs: new Map() };

function filters() {
  return Object.fromEntries([...new FormData($("queue-filters"))].filter(([, v]) => v));
}

function document_(id) {
  if (!state.docs.has(id)) {
    state.docs.set(id, fetch(`${root}/api/documents/${encodeURIComponent(id)}`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null)));
  }
  return state.docs.get(id);
}

/** Return a snippet of the text around an item's words (the API's offsets), the words marked. */
function context(body, item) {
  const from = Math.max(0, item.start - CONTEXT);
  const to = Math.min(textLength(body), item.end + CONTEXT);
  return el("p", { class: "queue-context" }, from > 0 ? "\u2026" : "", textSlice(body, from, item.start),
    el("mark", {}, textSlice(body, item.start, item.end)), textSlice(body, item.end, to),
    to < textLength(body) ? "\u2026" : "");
}

function progressText() {
  const { reviewed, total } = state.progress;
  return _("%(reviewed)s of %(total)s mentions reviewed", { reviewed: numbers.format(reviewed), total: numbers.format(total) });
}

function tell(text) {
  $("queue-progress").textContent = text ? `${text} ${progressText()}` : progressText();
}

async function load({ more = false } = {}) {
  state.page = more ? state.page + 1 : 1;
  try {
    const answer = await writer.queue({ ...filters(), page: state.page, per_page: 50 });
    state.items = more ? [...state.items, ...answer.items] : answer.items;
    state.total = answer.total;
    state.progress = answer.progress;
    if (!more) state.current = 0;
    drawOrphans(answer.orphaned || []);
    draw();
    tell("");
  } catch (error) {
    $("queue-progress").textContent = _("Could not load the queue: %(problem)s", { problem: error.message });
  }
}

function itemNode(item, index) {
  const node = el("li", { class: "queue-item", tabindex: "-1", "aria-current": index === state.current ? "true" : null,
    dataset: { doc: item.document_id, start: item.start } });
  const score = scoreText(item.score);
  const lead = item.lead === undefined ? "" : _("lead %(lead)s", { lead: Number(item.lead).toFixed(2) });
  const links = el("div", { class: "queue-relink" });
  const relink = () => {
    const others = (item.candidates || []).filter((c) => c.place_id && c.place_id !== item.place?.id);
    const search = placeSearch(writer, (p) => decide(item, bodies.link(p.id), _("Linked to %(name)s.", { name: placeName(p) })));
    links.replaceChildren(...[others.length ? el("ul", {}, others.map((c) => el("li", {},
      button(_("Link to %(name)s", { name: c.name || c.place_id }), () => decide(item, bodies.link(c.place_id),
        _("Linked to %(name)s.", { name: c.name || c.place_id })), { class: "rv-candidate", dataset: { place: c.place_id } }),
      el("span", { class: "muted" }, " ", [c.kind && placeKindName(c.kind), c.place_id, scoreText(c.score)].filter(Boolean).join(" · "))))) : null,
    search].filter(Boolean));
    search.focusBox();
  };
  node.relink = relink;
  node.append(
    el("h3", {}, el("q", {}, item.text), " \u2192 ", item.place?.name || item.place?.id || _("no place"),
      el("span", { class: "muted" }, ` ${[item.place?.id, item.place?.kind && placeKindName(item.place.kind), score, lead].filter(Boolean).join(" · ")}`)),
    el("p", { class: "queue-doc" }, el("a", { href: `${root}/?doc=${encodeURIComponent(item.document_id)}`, class: "queue-open" },
      item.document_id)),
    el("div", { class: "queue-actions", role: "group", "aria-label": _("Decide") },
      item.place?.id ? button(_("Confirm"), () => decide(item, bodies.link(item.place.id), _("Confirmed.")), { class: "rv-confirm" }) : null,
      button(_("Not a place"), () => decide(item, bodies.assess("not-a-place"), _("Rejected.")), { class: "rv-reject" }),
      button(_("Not this place"), () => decide(item, bodies.assess("not-this-place"), _("Rejected.")), { class: "rv-reject-place" }),
      button(_("Re-link…"), relink, { class: "rv-relink" })),
    links);
  document_(item.document_id).then((doc) => {
    if (!doc) return;
    node.querySelector(".queue-open").textContent = doc.title || doc.id;
    node.querySelector(".queue-doc").after(context(doc.body, item));
  });
  return node;
}

function draw() {
  $("queue-list").replaceChildren(...(state.items.length ? state.items.map(itemNode)
    : [el("li", { class: "muted" }, _("Nothing left to check here."))]));
  $("queue-more").hidden = state.items.length >= state.total;
}

function move(to, focus = true) {
  if (!state.items.length) return;
  state.current = Math.max(0, Math.min(state.items.length - 1, to));
  const nodes = [...$("queue-list").children];
  nodes.forEach((n, i) => (i === state.current ? n.setAttribute("aria-current", "true") : n.removeAttribute("aria-current")));
  if (focus) nodes[state.current]?.focus();
}

async function decide(item, body, done) {
  tell(_("Saving…"));
  try {
    const doc = await document_(item.document_id);
    await writer.annotate(doc, body, { start: item.start, end: item.end });
    state.docs.delete(item.document_id);   // its readings changed
    const index = state.items.indexOf(item);
    state.items.splice(index, 1);
    state.total -= 1;
    state.progress = { ...state.progress, reviewed: state.progress.reviewed + 1 };
    state.current = Math.min(index, state.items.length - 1);
    draw();
    move(state.current);
    tell(done);
  } catch (error) {
    tell(_("Not saved: %(problem)s", { problem: error.message }));
  }
}

function drawOrphans(orphans) {
  $("orphan-list").replaceChildren(...(orphans.length ? orphans.map((a) => {
    const doc = String(a.target?.source || "").replace(/^.*\/documents\//, "");
    return el("li", { class: "orphan" }, describeAnnotation(a), " \u00b7 ",
      el("a", { href: `${root}/documents/${encodeURIComponent(doc)}/history` }, doc), " ",
      button(_("Withdraw"), async () => {
        try { await writer.withdraw(a.id); load(); } catch (error) { tell(_("Not saved: %(problem)s", { problem: error.message })); }
      }, { "aria-label": _("Withdraw: %(change)s", { change: describeAnnotation(a) }) }));
  }) : [el("li", { class: "muted" }, _("None."))]));
}

const KEYS = {
  j: () => move(state.current + 1), k: () => move(state.current - 1),
  c: () => $("queue-list").children[state.current]?.querySelector(".rv-confirm")?.click(),
  x: () => $("queue-list").children[state.current]?.querySelector(".rv-reject")?.click(),
  n: () => $("queue-list").children[state.current]?.querySelector(".rv-reject-place")?.click(),
  l: () => $("queue-list").children[state.current]?.relink?.(),
  o: () => { location.href = $("queue-list").children[state.current]?.querySelector(".queue-open")?.href || location.href; },
  "?": () => { $("queue-help").hidden = !$("queue-help").hidden; },
};

document.addEventListener("keydown", (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select, textarea")) {
    if (e.key === "Escape" && e.target.closest(".queue-item")) { e.target.blur(); move(state.current); }
    return;
  }
  const action = KEYS[e.key];
  if (action) { e.preventDefault(); action(); }
});
$("queue-list").addEventListener("focusin", (e) => {
  const item = e.target.closest(".queue-item");
  if (item) move([...$("queue-list").children].indexOf(item), false);
});
$("queue-filters").addEventListener("submit", (e) => {
  e.preventDefault();
  history.replaceState(null, "", `?${new URLSearchParams(filters())}`);
  load();
});
$("queue-more").addEventListener("click", () => load({ more: true }));
load();
