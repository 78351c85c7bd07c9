"""Layout checks run in the page: what sticks out of the screen, which controls cannot be reached."""
from __future__ import annotations

# Every element (outside the map's own panes, which are larger than the screen by design) must
# fit the screen's width; every visible control, scrolled into view as a finger or the Tab key
# would, must lie inside the viewport and be the element found at its centre (not covered).
LAYOUT_PROBLEMS = """() => {
  const W = document.documentElement.clientWidth, H = window.innerHeight;
  const problems = [];
  const shown = (e) => { const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'
      && !e.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)'); };
  const name = (e) => e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
      ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"';
  if (document.documentElement.scrollWidth > W + 1)
    problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${W}px screen`);
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('.leaflet-pane, svg, script, style') || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > W + 1 || r.left < -1) problems.push(`${name(e)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
  }
  const controls = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');
  for (const c of controls) {
    if (c.closest('.leaflet-pane') || !shown(c) || c.disabled) continue;
    c.scrollIntoView({block: 'nearest', inline: 'nearest'});
    const r = c.getBoundingClientRect();
    const first = c.getClientRects()[0];   // a link wrapped over lines is hit on its first line
    const x = Math.min(Math.max(first.left + first.width / 2, 0), W - 1),
      y = Math.min(Math.max(first.top + first.height / 2, 0), H - 1);
    if (r.left < -1 || r.right > W + 1 || r.top < -1 || r.bottom > H + 1) {
      problems.push(`${name(c)} lies at ${Math.round(r.left)},${Math.round(r.top)}..${Math.round(r.right)},${Math.round(r.bottom)} outside ${W}x${H}`);
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(c.contains(hit) || (c.labels && [...c.labels].some((l) => l.contains(hit)))))
      problems.push(`${name(c)} is covered by ${hit ? name(hit) : 'nothing'}`);
  }
  window.scrollTo(0, 0);
  return [...new Set(problems)];
}"""


def layout_problems(page) -> list[str]:
    """Return one line per element wider than the screen or control out of reach (empty: none)."""
    return page.evaluate(LAYOUT_PROBLEMS)


def box(page, selector: str) -> dict | None:
    """The bounding box of the first element matching `selector`, or None when it is not shown."""
    return page.evaluate("""(s) => { const e = document.querySelector(s);
        if (!e) return null; const r = e.getBoundingClientRect();
        return r.width && r.height ? {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                                      width: r.width, height: r.height} : null; }""", selector)


def overlap(a: dict, b: dict) -> float:
    """The area two boxes share, in square pixels."""
    w = min(a["right"], b["right"]) - max(a["left"], b["left"])
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(0.0, w) * max(0.0, h)
