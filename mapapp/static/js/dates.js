// Dates as whole days since 1970-01-01 (UTC), so the slider and windows are plain integers.
import { _, writtenDate } from "./i18n.js";

const DAY_MS = 86400000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** Return the day number of an ISO date "YYYY-MM-DD", or null if it is not one. */
export function dayOf(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(ms);
  if (d.getUTCMonth() !== +m[2] - 1) return null;
  return Math.round(ms / DAY_MS);
}

/** Return the ISO date "YYYY-MM-DD" of a day number. */
export function isoOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Return a readable date in the page's language, e.g. "10 August 1920", "10 августа 1920 г.". */
export function longDate(day) {
  const d = new Date(day * DAY_MS);
  return writtenDate(d) || `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Return a readable interval: one date, or "1 – 10 January 1921" style ranges. */
export function longRange(earliestIso, latestIso) {
  const a = dayOf(earliestIso);
  const b = dayOf(latestIso);
  if (a === null) return _("undated");
  if (b === null || a === b) return longDate(a);
  return `${longDate(a)} – ${longDate(b)}`;
}

/** Return the share (0..1) of an interval [earliest, latest] that the window [from, to] covers: 1 for
 * a date known to the day inside the window, less for a vague date ("February 1921") the window only
 * touches, so that what is vaguely dated fades in and out over its interval. */
export function shareShown(earliestIso, latestIso, fromIso, toIso) {
  const a = dayOf(earliestIso);
  const b = dayOf(latestIso) ?? a;
  const from = dayOf(fromIso);
  const to = dayOf(toIso);
  if (a === null || from === null || to === null) return 1;
  const covered = Math.min(b, to) - Math.max(a, from) + 1;
  return Math.max(0, Math.min(1, covered / (b - a + 1)));
}

/** Return the opacity factor of something shown `share` of its interval: never quite invisible. */
export function fadeOf(share) {
  return 0.25 + 0.75 * share;
}
