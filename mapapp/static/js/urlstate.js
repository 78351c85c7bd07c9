// The view as a URL: /?date=1920-08-10&window=30&doc=<id>&z=8&ll=39.5,46.0&layers=places,movements&names=period&v=<atlas>&lang=<code>
// (the names mapapp/view_state.py reads for /embed and /map.png). `layers` lists the visible
// layers among basemap, relief, borders, network, territories, movements, places; without "basemap"
// the online tiles show, where the server offers them. `names` is how places are labelled:
// "period" (the documents' spelling, the default) or "today".
import { dayOf, longDate } from "./dates.js";
import { _ } from "./i18n.js";

export const DEFAULT_DAYS = 30;
export const DEFAULT_LAYERS = ["basemap", "relief", "borders", "network", "territories", "movements", "places"];
export const NAME_CHOICES = ["period", "today"];

/** Return the state a query string describes; missing or bad parameters are left null. */
export function readState(search) {
  const q = new URLSearchParams(search);
  const state = { date: null, mode: "days", days: DEFAULT_DAYS, doc: null, z: null, ll: null, layers: null,
    v: null, lang: null, names: null };
  if (dayOf(q.get("date")) !== null) state.date = q.get("date");
  const win = q.get("window");
  if (win === "upto") state.mode = "upto";
  else if (/^\d+$/.test(win || "") && +win > 0) state.days = +win;
  if (q.get("doc")) state.doc = q.get("doc");
  const z = Number.parseInt(q.get("z"), 10);
  if (Number.isFinite(z)) state.z = z;
  const ll = (q.get("ll") || "").split(",").map(Number);
  if (ll.length === 2 && ll.every(Number.isFinite) && Math.abs(ll[0]) <= 90) state.ll = ll;
  if (q.get("v")) state.v = q.get("v");
  if (/^[a-z]{2}$/.test(q.get("lang") || "")) state.lang = q.get("lang");
  if (q.has("layers")) state.layers = q.get("layers").split(",").filter(Boolean);
  if (NAME_CHOICES.includes(q.get("names"))) state.names = q.get("names");
  return state;
}

/** Return the query string ("?...") for a state. */
export function queryOf(state) {
  const q = new URLSearchParams();
  if (state.date) q.set("date", state.date);
  q.set("window", state.mode === "upto" ? "upto" : String(state.days));
  if (state.doc) q.set("doc", state.doc);
  if (state.z !== null) q.set("z", String(state.z));
  if (state.ll) q.set("ll", state.ll.map((x) => x.toFixed(4)).join(","));
  if (state.layers) q.set("layers", state.layers.join(","));
  if (state.names) q.set("names", state.names);
  if (state.v) q.set("v", state.v);
  if (state.lang) q.set("lang", state.lang);
  return "?" + q.toString().replaceAll("%2C", ",");
}

/** Return what the page says about the `date=` it was asked for (`asked`, raw) when it shows
 * another (`shown`: not a date, or outside the corpus from /api/corpus), or null when it shows it. */
export function dateNotice(asked, shown, corpus) {
  if (!asked || asked === shown) return null;
  const on = longDate(dayOf(shown));
  if (dayOf(asked) === null) return _("\u201c%(asked)s\u201d is not a date (YYYY-MM-DD): the map shows %(shown)s.", { asked, shown: on });
  return _("The documents run from %(first)s to %(last)s: the map shows %(shown)s, the nearest to %(asked)s.",
    { first: longDate(dayOf(corpus.earliest)), last: longDate(dayOf(corpus.latest)), shown: on, asked: longDate(dayOf(asked)) });
}
