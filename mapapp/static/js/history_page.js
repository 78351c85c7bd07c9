// /documents/<id>/history: the document's changes, newest first, from /api/documents/<id>/history.
import { el } from "./dom.js";
import { _ } from "./i18n.js";
import { describeAnnotation } from "./review_history.js";

const page = document.getElementById("history");
const status = document.getElementById("history-status");
const actions = () => ({ create: _("made"), update: _("changed"), delete: _("withdrawn"), undo: _("undone"),
  place: _("new place") });

async function show() {
  const id = page.dataset.docId;
  try {
    const response = await fetch(`${page.dataset.root}/api/documents/${encodeURIComponent(id)}/history`,
      { cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    const answer = await response.json();
    const words = actions();
    const entries = [...answer.entries].reverse();
    document.getElementById("history-rows").replaceChildren(...entries.map((e) => el("tr", { class: "history-entry" },
      el("td", {}, el("time", { datetime: e.at }, (e.at || "").slice(0, 19).replace("T", " "))),
      el("td", {}, e.who || _("an editor")), el("td", {}, words[e.action] || e.action),
      el("td", {}, describeAnnotation(e.before)), el("td", {}, describeAnnotation(e.after)), el("td", {}, e.note || ""))));
    status.textContent = entries.length ? _("%(count)s changes", { count: entries.length }) : _("No change yet.");
  } catch (error) {
    status.textContent = _("Could not load the history: %(problem)s", { problem: error.message });
  }
}
show();
