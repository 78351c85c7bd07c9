// The scripts' interface strings in the page's language (<html lang>), from /i18n/<lang>.json,
// which the server builds from the same gettext catalogues as the pages.
export const pageLang = document.documentElement.lang || "en";
const root = document.getElementById("app")?.dataset.root || "";

let strings = {};
if (pageLang !== "en") {
  try {
    const answer = await fetch(`${root}/i18n/${encodeURIComponent(pageLang)}.json`);
    if (answer.ok) strings = await answer.json();
  } catch {
    strings = {};   // untranslated is still usable: the English ids
  }
}

/** Return `text` in the page's language, with each %(name)s replaced by values[name]. */
export function _(text, values = {}) {
  return (strings[text] || text).replace(/%\((\w+)\)[sd]/g, (whole, name) =>
    (name in values ? String(values[name]) : whole));
}
