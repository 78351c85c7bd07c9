// The tour player: one step shown at a time; keys, clicker (PageUp/PageDown) and swipe move it;
// the address follows the step (?step=N), so each step is a link of its own.
(function () {
  "use strict";
  var root = document.querySelector(".tour");
  if (!root) { return; }
  var steps = Array.prototype.slice.call(root.querySelectorAll(".step"));
  var count = steps.length;
  var current = parseInt(root.getAttribute("data-current"), 10) || 1;
  var now = root.querySelector(".progress-now");
  var fill = root.querySelector(".progress-fill");
  var prevLink = root.querySelector(".tour-nav .prev");
  var nextLink = root.querySelector(".tour-nav .next");

  function projecting() { return document.body.classList.contains("projector"); }

  function load(n) {   // pictures are fetched only for the step shown and the next one
    var step = steps[n - 1];
    var img = step && step.querySelector("img[data-src]");
    if (img) { img.setAttribute("src", img.getAttribute("data-src")); img.removeAttribute("data-src"); }
  }

  function live(n) {   // in projector mode, the step's live map (loaded when the step is shown)
    var step = steps[n - 1];
    if (!step || step.querySelector(".step-live")) { return; }
    var frame = document.createElement("iframe");
    frame.className = "step-live";
    frame.title = step.getAttribute("data-live-title");   // in the page's language, from the template
    frame.src = step.getAttribute("data-embed");
    step.querySelector(".step-map").prepend(frame);
  }

  function address(url) {   // a step's link, in projector mode when the player is in it
    if (!url || !projecting()) { return url; }
    return url + (url.indexOf("?") >= 0 ? "&" : "?") + "projector=1";
  }

  function show(n, push) {
    n = Math.max(1, Math.min(count, n));
    steps.forEach(function (step, i) { step.hidden = (i !== n - 1); });
    current = n;
    root.setAttribute("data-current", String(n));
    now.textContent = String(n);
    fill.style.width = (100 * n / count).toFixed(1) + "%";
    load(n); load(n + 1);
    if (projecting()) { live(n); }
    var url = address(steps[n - 1].getAttribute("data-url"));
    prevLink.href = address(steps[Math.max(0, n - 2)].getAttribute("data-url"));
    nextLink.href = address(steps[Math.min(count - 1, n)].getAttribute("data-url"));
    if (push && url) { history.pushState({ step: n }, "", url); }
    document.title = steps[n - 1].querySelector(".step-title").textContent + " · " + count + " steps";
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var forward = ["ArrowRight", "PageDown", " ", "Spacebar"].indexOf(event.key) >= 0 && !event.shiftKey;
    var back = ["ArrowLeft", "PageUp", "Backspace"].indexOf(event.key) >= 0 || (event.key === " " && event.shiftKey);
    if (event.target.closest && event.target.closest("input, textarea, select")) { return; }
    if (forward) { event.preventDefault(); show(current + 1, true); }
    else if (back) { event.preventDefault(); show(current - 1, true); }
    else if (event.key === "Home") { event.preventDefault(); show(1, true); }
    else if (event.key === "End") { event.preventDefault(); show(count, true); }
    else if (event.key === "p" || event.key === "P") { event.preventDefault(); projector(!projecting()); }
  });

  prevLink.addEventListener("click", function (event) { event.preventDefault(); show(current - 1, true); });
  nextLink.addEventListener("click", function (event) { event.preventDefault(); show(current + 1, true); });

  var startX = null;
  root.addEventListener("touchstart", function (event) { startX = event.touches[0].clientX; }, { passive: true });
  root.addEventListener("touchend", function (event) {
    if (startX === null) { return; }
    var dx = event.changedTouches[0].clientX - startX;
    startX = null;
    if (Math.abs(dx) > 50) { show(current + (dx < 0 ? 1 : -1), true); }
  });

  window.addEventListener("popstate", function () {
    var n = parseInt(new URLSearchParams(location.search).get("step"), 10) || 1;
    show(n, false);
  });

  var toggle = root.querySelector(".contrast-toggle");
  function contrast(on) {
    document.body.classList.toggle("high-contrast", on);
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
    try { localStorage.setItem("chronotope.highContrast", on ? "1" : "0"); } catch (e) { /* private mode */ }
  }
  toggle.addEventListener("click", function () { contrast(!document.body.classList.contains("high-contrast")); });
  // The reader's own choice first; without one, the system's wish for more contrast.
  var asked = null;
  try { asked = localStorage.getItem("chronotope.highContrast"); } catch (e) { asked = null; }
  if (asked === null) { document.body.classList.toggle("high-contrast", matchMedia("(prefers-contrast: more)").matches); }
  else { document.body.classList.toggle("high-contrast", asked === "1"); }
  toggle.setAttribute("aria-pressed", document.body.classList.contains("high-contrast") ? "true" : "false");

  var projectorToggle = root.querySelector(".projector-toggle");
  function projector(on) {
    document.body.classList.toggle("projector", on);
    projectorToggle.setAttribute("aria-pressed", on ? "true" : "false");
    show(current, false);
    history.replaceState({ step: current }, "", address(steps[current - 1].getAttribute("data-url")));
  }
  projectorToggle.addEventListener("click", function () { projector(!projecting()); });
  document.body.classList.toggle("projector", new URLSearchParams(location.search).get("projector") === "1");
  projectorToggle.setAttribute("aria-pressed", projecting() ? "true" : "false");
  show(current, false);
})();
