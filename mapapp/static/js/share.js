// The Share button copies the link of this view; where the clipboard is refused, the link is
// shown selected in a field to copy by hand. In an embed, "Open in Chronotope" follows the view.
import { _ } from "./i18n.js";

export function setUpShare(app, view) {
  const button = document.getElementById("share");
  const field = document.getElementById("share-url");
  const status = document.getElementById("share-status");
  const open = document.getElementById("open-full");

  function showField(url) {
    field.hidden = false;
    field.value = url;
    field.focus();
    field.select();
    status.textContent = _("Copy the selected link.");
  }

  button?.addEventListener("click", async () => {
    const url = view.url();
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      field.value = url;
      status.textContent = _("Link copied.");
    } catch {
      showField(url);
    }
  });

  return {
    update() {
      if (open) open.href = view.url();
      if (field && !field.hidden) field.value = view.url();
    },
  };
}
