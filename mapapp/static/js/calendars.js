// A document's date in the calendar it was written in beside the Gregorian one ("28 July 1920 (O.S.) =
// 10 August 1920"), with the words of /i18n/<lang>.json; the pages write it the same way on the server
// (mapapp/web/calendar_words.py).
import { calendarWords } from "./i18n.js";

/** Return the day [year, month, day] written with a CLDR pattern and these month names. */
export function fill(pattern, [year, month, day], months, standalone) {
  return pattern.replace(/'([^']*)'|d+|M+|L+|y+/g, (token, quoted) => {
    if (quoted !== undefined) return quoted;
    if (token[0] === "d") return String(day).padStart(token.length, "0");
    if (token[0] === "M" || token[0] === "L") {
      return token.length >= 4 ? (token[0] === "M" ? months : standalone)[month - 1]
        : String(month).padStart(token.length, "0");
    }
    return String(year);
  });
}

// One interval: a day, a whole month ("March 1920"), else "first – last".
function days(first, last, precision, words, names) {
  const write = (pattern, d) => fill(pattern, d, names.months, names.standalone);
  if (first.join() === last.join()) return write(words.long, first);
  if (precision === "month" && first[0] === last[0] && first[1] === last[1] && first[2] === 1) {
    return write(words.month, first);
  }
  return `${write(words.long, first)} – ${write(words.long, last)}`;
}

const parts = (iso) => iso.split("-").map(Number);

/** Return the date of `doc` (an API document answer) in its own calendar beside the Gregorian one, or
 * null when it was written in the Gregorian calendar, is undated, or the words did not load. */
export function sideBySide(doc, words = calendarWords()) {
  const written = doc.date_as_written;
  const names = words && written ? words.calendars[written.calendar] : null;
  if (!names || !names.beside || !doc.earliest) return null;
  const precision = doc.precision || "day";
  const shown = days(parts(written.earliest), parts(written.latest), precision, words, names);
  const gregorian = days(parts(doc.earliest), parts(doc.latest || doc.earliest), precision, words,
    words.calendars.gregorian);
  return names.beside.replace("%(written)s", shown).replace("%(gregorian)s", gregorian);
}
