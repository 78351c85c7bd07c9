"""Uncertainty you can see: what is dated only to a month fades in and out over it on the map and in the list."""
from __future__ import annotations

import pytest

from .mappage import open_map

pytestmark = pytest.mark.browser

VAGUE_MOVEMENT = """() => window.chronotopeLayers.movements.getLayers()
    .filter((l) => l.options.fade !== undefined).map((l) => [l.options.fade, l.options.opacity])"""


def vague_doc_fade(page) -> list[float]:
    return page.evaluate("""() => [...document.querySelectorAll('#doc-list .doc.vague')]
        .map((li) => Number(li.style.getPropertyValue('--fade')))""")


@pytest.mark.parametrize("date, window, faded", [
    ("1921-02-07", 7, True),     # a week into "February 1921": faint
    ("1921-02-28", 30, False),   # the whole month in the window: as clear as any
])
def test_a_movement_dated_to_a_month_fades_in_over_it(page, live_server, screenshot, date, window, faded):
    open_map(page, f"{live_server}/?date={date}&window={window}")
    fades = [fade for fade, _ in page.evaluate(VAGUE_MOVEMENT)]
    assert fades
    assert (min(fades) < 0.6) == faded
    screenshot(page, f"vague-{date}-{window}")


def test_a_document_dated_to_a_month_fades_in_the_list(page, live_server):
    open_map(page, f"{live_server}/?date=1921-02-07&window=7")
    fades = vague_doc_fade(page)
    assert fades and all(0.25 <= f < 1 for f in fades)
    assert "Dated only to" in page.locator("#doc-list .doc.vague").first.get_attribute("title")
