// The "Embed" button of the map page: asks our own /oembed for the iframe code of the current
// view (pinned to its data version) and shows it, selected, ready to copy.
// A classic script: it borrows the page's translations from the i18n module.
import("./i18n.js").then(function (i18n) {
  "use strict";
  var _ = i18n._;
  var share = document.getElementById("share");
  if (!share || document.getElementById("embed-button")) { return; }
  var root = (document.getElementById("app") || document.body).getAttribute("data-root") || "";

  var button = document.createElement("button");
  button.type = "button";
  button.id = "embed-button";
  button.textContent = _("Embed");
  button.title = _("HTML code to put this map, as it is now, on another web page");
  var code = document.createElement("textarea");
  code.id = "embed-code";
  code.className = "embed-code";
  code.readOnly = true;
  code.rows = 3;
  code.hidden = true;
  code.setAttribute("aria-label", _("Code to embed this map view"));
  var status = document.createElement("span");
  status.id = "embed-status";
  status.setAttribute("role", "status");
  share.parentNode.insertBefore(button, share.nextSibling);
  button.parentNode.insertBefore(status, button.nextSibling);
  button.parentNode.insertBefore(code, status.nextSibling);

  button.addEventListener("click", function () {
    var url = root + "/oembed?format=json&url=" + encodeURIComponent(location.href);
    fetch(url).then(function (answer) {
      if (!answer.ok) { throw new Error(_("the server answered %(status)s", { status: answer.status })); }
      return answer.json();
    }).then(function (data) {
      code.value = data.html;
      code.hidden = false;
      code.focus();
      code.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        return navigator.clipboard.writeText(data.html).then(function () {
          status.textContent = _("Embed code copied.");
        }, function () { status.textContent = _("Embed code selected: copy it."); });
      }
      status.textContent = _("Embed code selected: copy it.");
    }).catch(function (error) {
      status.textContent = _("No embed code: %(problem)s", { problem: error.message });
    });
  });
});
