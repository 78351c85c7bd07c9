// The map page: wires the time controls, the map layers, the reader and the URL together.
import { Api, isAbort } from "./api.js";
import { ColourBook, palette } from "./colours.js";
import { dayOf, isoOf } from "./dates.js";
import { drawLegend } from "./legend.js";
import { MapLayers, partyOf } from "./layers.js";
import { ViewState } from "./view.js";
import { dateNotice } from "./urlstate.js";
import { Reader } from "./panel.js";
import { Timebar } from "./timebar.js";
import { setUpShare } from "./share.js";
import { _, pageLang } from "./i18n.js";
import { nameChoice, setNameChoice } from "./popup.js";
import { ReviewTools } from "./review_tools.js";
import { LIST_DOCUMENTS, movementsParams, placesParams, POPUP_DOCUMENTS } from "./caps.js";

const $ = (id) => document.getElementById(id);
const app = $("app");
const map = window.chronotopeMap;
const api = new Api(app.dataset.root);
const colours = { actors: new ColourBook(palette.actors), parties: new ColourBook(palette.parties) };
const status = $("status");
// The scale bar sits bottom right, above the attribution, where the legend never reaches.
window.L.control.scale({ position: "bottomright" }).addTo(map);

const chronotope = window.chronotope = { draws: 0, lastDrawMs: null, error: null };
const view = new ViewState(map, window.chronotopeLayers, app.dataset.root, () => share.update());
const state = view.state;
const drawer = new MapLayers(map, window.chronotopeLayers, colours, {
  loadPlace: (id) => api.get(`/api/places/${encodeURIComponent(id)}`, { doc_limit: POPUP_DOCUMENTS }),
  listPlace: (id, name) => reader.listPlace(id, name),
  openDocument: (id) => reader.open(id, { push: true }),
  linkNote: (id) => reader.linkNote(id),
});
// The period's names or today's: the reader's choice, remembered and kept in the URL (`names=`);
// changing it renames the markers' tooltips and the labels.
const names = $("name-choice");
function applyNames() {
  if (state.names) setNameChoice(state.names);
  state.names = nameChoice();
  drawer.nameChoice = state.names;
  if (names) names.value = state.names;
}
applyNames();
names?.addEventListener("change", () => {
  state.names = names.value;
  applyNames();
  scheduleDraw();
  view.push();
});
// The rivers' and lakes' names, for their labels (the basemap draws their courses).
fetch(`${app.dataset.root}/basemap/waters.geojson`).then((r) => r.json()).then((w) => drawer.setWaters(w))
  .catch(() => { /* the map is still whole without the rivers' names */ });
const timebar = new Timebar({ slider: $("slider"), label: $("date-label"), prev: $("prev"), next: $("next"),
  play: $("play") }, (iso, { commit }) => {
  state.date = iso;
  if (commit && $("notice")) $("notice").textContent = "";
  scheduleDraw();
  if (commit === "replace") view.replace();
  else if (commit) view.push();
});
const reader = new Reader(app, api, drawer, {
  onOpen: (doc, { push, keepDate }) => {
    state.doc = doc.id;
    // A shared link names its own date; otherwise the slider jumps to the document's date.
    state.date = timebar.show(keepDate && state.date ? state.date : doc.earliest);
    if (push) view.push();
    return scheduleDraw();
  },
  onClose: () => { state.doc = null; view.push(); },
  onMissing: (id) => {
    notify(_("There is no document \u201c%(id)s\u201d in this data version: the map shows all documents instead.", { id }));
    state.doc = null;
    view.replace();
  },
});
// A logged-in editor reads in review mode: every reading of the open document can be corrected.
if (app.dataset.editor === "true" && reader.hasPanel) {
  app.classList.add("editing");
  reader.tools = new ReviewTools({ reader, map, api, root: app.dataset.root });
}
const share = setUpShare(app, view);
// Labels keep clear of the legend: place them again when it opens, folds or moves.
if ($("legend")) new ResizeObserver(() => drawer.labels.redraw()).observe($("legend"));

let corpus = null;
let controller = null;
let pending = null;
let current = Promise.resolve();
let drawnShading = null;
let shownLegend = null;

/** Draw the legend of the last drawn data, with the 1920 network's lines while that layer is on. */
function legend() {
  if (!shownLegend) return;
  const network = window.chronotopeLayers.network;
  drawLegend($("legend"), { ...shownLegend, network: network && map.hasLayer(network) ? network.chronotopeStyles : null },
    colours);
}
map.on("overlayadd overlayremove", legend);

function windowOf(date = state.date) {
  const to = date;
  const from = state.mode === "upto" ? (corpus.earliest || to) : isoOf(dayOf(to) - state.days + 1);
  return { from: from > to ? to : from, to };
}

/** Say on the page what the address asked for that the map could not show (until the view changes). */
function notify(text) {
  const notice = $("notice");
  if (notice) notice.textContent = notice.textContent ? `${notice.textContent} ${text}` : text;
}

function report(error) {
  if (isAbort(error)) return;
  chronotope.error = String(error.message || error);
  if (status) status.textContent = _("Could not load the map's data: %(problem)s", { problem: chronotope.error });
}

/** Fetch the window's places, movements, territories and documents, and draw them. */
async function draw() {
  controller?.abort();
  const ctl = controller = new AbortController();
  const started = performance.now();
  const { to } = windowOf();
  try {
    const [places, movements, territories, documents] = await Promise.all(
      requests(to).map(([path, params]) => path ? api.get(path, params, ctl.signal) : null));
    if (ctl.signal.aborted) return;
    // The labels are placed once, after every layer and the legend have changed.
    drawer.labels.batch(() => {
      // Claims and control change seldom: redraw the territories only when they do.
      const shading = JSON.stringify((territories.features || []).map((f) => [f.id, f.properties.claims, f.properties.control]));
      if (shading !== drawnShading) drawer.drawTerritories(territories);
      drawnShading = shading;
      drawer.drawPlaces(places);          // first: the movements' arrowheads stop at the places' circles
      drawer.drawMovements(movements, windowOf(), { animate: timebar.playing });
      shownLegend = { movements, territories, places };
      legend();
      if (documents) reader.list(documents, state.doc, windowOf());
      reader.markDocumentPlaces();
    });
    if (status) status.textContent = "";
    chronotope.lastDrawMs = performance.now() - started;
    chronotope.draws += 1;
    app.dataset.drawn = to;
    setTimeout(prefetchNeighbours, 0);
    describeSoon(to);
  } catch (error) {
    report(error);
  }
}

let describing = null;

/** Put the written account of the view (/api/description, in the page's language) in the live region
 * screen readers read out, once the date has stayed put for a moment. */
function describeSoon(date) {
  const region = $("description");
  if (!region) return;
  clearTimeout(describing);
  describing = setTimeout(async () => {
    const params = { date, window: state.mode === "upto" ? "upto" : state.days, doc: state.doc,
      layers: state.layers ? state.layers.join(",") : null, lang: pageLang };
    try {
      const account = await api.get("/api/description", params);
      if (app.dataset.drawn === date) region.textContent = account.text;
    } catch (error) {
      region.textContent = "";   // the map itself still shows; the status line reports data errors
    }
  }, 700);
}

/** The API requests one date's view needs: places, movements, territories, documents. */
function requests(date) {
  const { from, to } = windowOf(date);
  return [["/api/places", { from, to, ...placesParams() }], ["/api/movements", { from, to, ...movementsParams() }],
    ["/api/territories", { date: to }],
    reader.hasPanel ? ["/api/documents", { from, to, per_page: LIST_DOCUMENTS }] : [null, null]];
}

function prefetchNeighbours() {
  // The previous and next document dates are where play, the buttons and arrow keys go next.
  for (const date of timebar.neighbours()) {
    for (const [path, params] of requests(date)) if (path) api.prefetch(path, params);
  }
}

function scheduleDraw() {
  // One draw per animation frame while the slider is dragged; a newer draw aborts an older one.
  if (!pending) {
    pending = new Promise((resolve) => requestAnimationFrame(() => {
      pending = null;
      current = draw();
      resolve(current);
    }));
  }
  return pending;
}
chronotope.idle = async () => { await pending; await current; await reader.current; };
chronotope.counts = () => drawer.counts();
chronotope.state = state;

async function restore() {
  const named = Boolean(state.date);   // a link with a document but no date shows the document's date
  applyNames();
  view.applyMapView();
  timebar.show(state.date || corpus.latest || corpus.earliest);
  state.date = isoOf(timebar.day);
  if ($("notice")) $("notice").textContent = "";
  const notice = dateNotice(new URLSearchParams(location.search).get("date"), state.date, corpus);
  if (notice && !state.doc) notify(notice);
  $("mode") && ($("mode").value = state.mode);
  $("days") && ($("days").value = String(state.days));
  const drawn = scheduleDraw();
  if (state.doc) await reader.open(state.doc, { push: false, keepDate: named });
  else reader.close({ silent: true });
  await drawn;
}

function wireControls() {
  for (const id of ["mode", "days"]) {
    $(id)?.addEventListener("change", () => {
      state.mode = $("mode").value;
      state.days = Number($("days").value);
      $("days").disabled = state.mode === "upto";
      scheduleDraw();
      view.push();
    });
  }
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    // Space plays on the page and the map, but stays the space of a control inside the map (the
    // layer switcher's checkboxes, a popup's links and buttons).
    const control = t.closest?.("input, button, select, textarea, a[href], .leaflet-control");
    if (e.key === " " && !control && (t === document.body || t.closest?.(".leaflet-container"))) {
      e.preventDefault();
      timebar.toggle();
    }
  });
  window.addEventListener("popstate", () => { view.read(); restore(); });
}

async function boot() {
  const basemap = window.chronotopeLayers.basemap?.chronotopeReady;
  try {
    api.version = state.v || app.dataset.version || null;   // a pinned link keeps its atlas
    // The whole territory timeline once, so each party keeps its colour on every date.
    const [answer, all] = await Promise.all([api.get("/api/corpus"), api.get("/api/territories").catch(() => null)]);
    corpus = answer;
    api.version = corpus.version || api.version;
    state.v = api.version;
    colours.parties.learn(partiesOf(all));
  } catch (error) {
    report(error);
    return;
  }
  timebar.setCorpus(corpus);
  wireControls();
  await restore();
  await basemap;
  view.replace();
  view.listen();
  app.dataset.ready = "true";
}

function partiesOf(collection) {
  const names = [];
  for (const f of (collection && collection.features) || []) {
    for (const e of [...(f.properties.timeline || []), ...(f.properties.claims || []), ...(f.properties.control || [])]) {
      names.push(partyOf(e));
    }
  }
  return names.filter(Boolean);
}

chronotope.ready = boot();
