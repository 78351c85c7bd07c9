// How much of a window the map asks for: the most mentioned places and movements spread over the
// window, never the whole archive (the API's `limit` and `doc_limit`); and the words that say so.
import { _ } from "./i18n.js";

// Enough for a small archive to be drawn whole; at 100,000 documents a step stays quick to draw.
export const MAP_PLACES = 600;
export const MAP_MOVEMENTS = 300;
// The documents a place's popup lists before "all N documents".
export const POPUP_DOCUMENTS = 20;
// The window's documents the side list shows ("first 100 of N"); a place's whole list shows up to 500.
export const LIST_DOCUMENTS = 100;

/** The parameters of the map's places and movements requests. */
export function placesParams() { return { limit: MAP_PLACES, doc_limit: 0 }; }
export function movementsParams() { return { limit: MAP_MOVEMENTS }; }

/** Say what the map leaves out of the window, or "" when it shows all of it. */
export function capNote(places, movements) {
  const parts = [];
  const shownPlaces = (places?.features || []).length;
  if (places?.total > shownPlaces) {
    parts.push(_("The %(shown)s most mentioned of %(total)s places are drawn.", { shown: shownPlaces, total: places.total }));
  }
  const shownMoves = (movements?.features || []).length;
  if (movements?.total > shownMoves) {
    parts.push(_("%(shown)s of %(total)s movements are drawn, chosen evenly over the window.",
      { shown: shownMoves, total: movements.total }));
  }
  return parts.join(" ");
}
