// The view's state and the URL: pushState on what the reader changes, popstate restores.
import { DEFAULT_LAYERS, queryOf, readState } from "./urlstate.js";

const SWITCHABLE = ["basemap", "relief", "borders", "network", "territories", "movements", "places"];
const MOVE_DEBOUNCE_MS = 400;

export class ViewState {
  constructor(map, layers, root, onChange) {
    this.map = map;
    this.layers = layers;
    this.root = root || "";
    this.onChange = onChange;
    this.state = readState(location.search);
    this.timer = null;
  }

  /** Re-read the state from the address bar (after back/forward). */
  read() {
    Object.assign(this.state, readState(location.search));
  }

  /** The address of this view on the full page. */
  url() {
    return `${location.origin}${this.root}/${queryOf(this.state)}`;
  }

  /** Record the current view as a new history entry (if it differs from the current one). */
  push() {
    this.captureMap();
    const q = queryOf(this.state);
    if (q !== location.search) history.pushState(null, "", q);
    this.relinkLanguages();
    this.onChange();
  }

  replace() {
    this.captureMap();
    history.replaceState(null, "", queryOf(this.state));
    this.relinkLanguages();
    this.onChange();
  }

  /** Point the language choices at this view, so choosing a language keeps the view. */
  relinkLanguages() {
    for (const a of document.querySelectorAll("a[data-lang]")) {
      a.href = queryOf({ ...this.state, lang: a.dataset.lang });
    }
  }

  captureMap() {
    const c = this.map.getCenter();
    this.state.z = this.map.getZoom();
    this.state.ll = [c.lat, c.lng];
    this.state.layers = SWITCHABLE.filter((id) => this.layers[id] && this.map.hasLayer(this.layers[id]));
  }

  /** Put the map's centre, zoom and layers as the state says. */
  applyMapView() {
    const s = this.state;
    if (s.ll || s.z !== null) this.map.setView(s.ll || this.map.getCenter(), s.z ?? this.map.getZoom(), { animate: false });
    const visible = s.layers || DEFAULT_LAYERS;
    for (const id of SWITCHABLE) {
      const layer = this.layers[id];
      if (!layer) continue;
      if (visible.includes(id) && !this.map.hasLayer(layer)) this.map.addLayer(layer);
      if (!visible.includes(id) && this.map.hasLayer(layer)) this.map.removeLayer(layer);
    }
    // Online tiles, where offered, stand in for the shipped basemap when it is switched off.
    const online = this.layers.osm;
    if (online && visible.includes("basemap") === this.map.hasLayer(online)) {
      if (visible.includes("basemap")) this.map.removeLayer(online);
      else this.map.addLayer(online);
    }
  }

  /** Push a history entry when the reader moves the map (debounced) or switches a layer. */
  listen() {
    this.map.on("moveend", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.push(), MOVE_DEBOUNCE_MS);
    });
    this.map.on("overlayadd overlayremove baselayerchange", () => this.push());
  }
}
