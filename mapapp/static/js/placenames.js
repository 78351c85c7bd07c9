// A place's name in the reader's language and script, where the gazetteer has one. The map keeps
// the period name (the place's own `name`); this is shown beside it, never ranked above the others.

/** Return the first toponym of `names` written in `lang` in its own script (a tag without a
 * script subtag, e.g. "hy", not "hy-Latn"), or null when the gazetteer has none or it is `periodName`. */
export function readersName(names, lang, periodName) {
  const found = (names || []).find((n) => n && n.lang === lang && n.toponym);
  return found && found.toponym !== periodName ? found.toponym : null;
}
