// The scripts' interface strings in the page's language (<html lang>), from /i18n/<lang>.json,
// which the server builds from the same gettext catalogues as the pages.
export const pageLang = document.documentElement.lang || "en";
const root = document.getElementById("app")?.dataset.root || "";

let strings = {};
let dates = null;
let calendars = null;
try {   // English too: its calendars' words (Rumi and Hijri month names) come from the server
  const answer = await fetch(`${root}/i18n/${encodeURIComponent(pageLang)}.json`);
  if (answer.ok) ({ messages: strings, dates, calendars } = await answer.json());
} catch {
  strings = {};   // untranslated is still usable: the English ids
}

/** Return how the page's language writes dates in each calendar (see calendars.js), or null. */
export function calendarWords() {
  return calendars;
}

/** Return the date (a UTC Date) written the page's language's way (CLDR's long pattern), or null
 * for English or when the words did not load. `month`: its month and year only (CLDR's yMMMM). */
export function writtenDate(d, month = false) {
  if (!dates) return null;
  const pattern = month ? dates.month_pattern : dates.pattern;
  if (!pattern) return null;
  return pattern.replace(/'([^']*)'|d+|M+|L+|y+/g, (token, quoted) => {
    if (quoted !== undefined) return quoted;
    if (token[0] === "d") return String(d.getUTCDate()).padStart(token.length, "0");
    if (token[0] === "L" && token.length >= 4) return dates.months_alone[d.getUTCMonth()];
    if (token[0] === "M" || token[0] === "L") return token.length >= 4 ? dates.months[d.getUTCMonth()]
      : String(d.getUTCMonth() + 1).padStart(token.length, "0");
    return String(d.getUTCFullYear());
  });
}

/** Return `text` in the page's language, with each %(name)s replaced by values[name]. */
export function _(text, values = {}) {
  return (strings[text] || text).replace(/%\((\w+)\)[sd]/g, (whole, name) =>
    (name in values ? String(values[name]) : whole));
}
