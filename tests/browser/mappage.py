"""Helpers for driving the map page in the browser tests."""
from __future__ import annotations

READY = "() => document.getElementById('app').dataset.ready === 'true'"


def open_map(page, url: str) -> None:
    """Load the map page at `url` and wait until its first data is drawn."""
    page.goto(url)
    page.wait_for_function(READY, timeout=20000)
    idle(page)


def idle(page) -> None:
    """Wait until the page has drawn what its controls show."""
    page.evaluate("window.chronotope.idle()")


def shown(page) -> dict:
    """Return what the map shows: place ids of the markers, movement lines, territory fills, date."""
    return page.evaluate("""() => ({
        places: [...document.querySelectorAll('.leaflet-places-pane path.place-marker')]
            .map(p => p.dataset.place).sort(),
        lines: document.querySelectorAll('.leaflet-movements-pane path.movement').length,
        fills: [...document.querySelectorAll('.leaflet-territories-pane path.territory')]
            .map(p => p.getAttribute('fill')),
        date: document.getElementById('date-label').textContent,
        search: location.search,
    })""")


def set_slider(page, iso: str) -> None:
    """Move the slider to a date as a person dragging it would (input, then change)."""
    page.evaluate("""(iso) => {
        const s = document.getElementById('slider');
        s.value = String(Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000));
        s.dispatchEvent(new Event('input', {bubbles: true}));
        s.dispatchEvent(new Event('change', {bubbles: true}));
    }""", iso)
    idle(page)
