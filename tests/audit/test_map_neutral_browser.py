"""The map page in headless chromium names places and parties without ranking them: popups list
every name 'in no order of preference' with the gazetteer's note, and the legend and territory
tooltips name parties alphabetically, claims apart from control."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser
READY = "() => document.getElementById('app').dataset.ready === 'true'"


def open_map(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(READY, timeout=20000)
    page.evaluate("window.chronotope.idle()")


@pytest.mark.parametrize("place_id", ["chr:shusha", "chr:goris"])
def test_popup_lists_every_name_unranked_with_the_note(page, live_server, screenshot, place_id):
    open_map(page, live_server + "/?date=1920-08-10&window=30")
    page.evaluate("id => window.chronotopeLayers.places.getLayers()"
                  ".find(l => l.getElement().dataset.place === id).openPopup()", place_id)
    popup = page.locator(".place-popup")
    popup.locator(".popup-docs a").first.wait_for()
    info = page.evaluate("id => fetch('/api/places/' + encodeURIComponent(id)).then(r => r.json())", place_id)
    text = popup.inner_text()
    assert "in no order of preference" in text
    assert [n["toponym"] for n in info["properties"]["names"]] == popup.locator(".names li").evaluate_all(
        "items => items.map(li => li.firstChild.textContent)")
    assert info["properties"]["note"] and info["properties"]["note"] in popup.locator(".place-note").inner_text()
    assert not re.search(r"\b(correct|incorrect|wrong|proper|true name)\b", text, re.I)
    screenshot(page, f"audit-popup-{place_id.split(':')[1]}")


def test_legend_and_tooltips_name_parties_alphabetically(page, live_server, screenshot):
    open_map(page, live_server + "/?date=1921-02-16&window=30")
    parties = page.locator(".legend-body li.party > span").evaluate_all(
        "spans => spans.map(s => s.firstChild.textContent.trim())")
    assert len(parties) >= 3 and parties == sorted(parties, key=lambda p: p.casefold())
    assert "a claim is not control" in page.locator(".legend-body").inner_text()
    # (the hatches over units held in part are drawings without tooltips of their own)
    tips = page.evaluate("window.chronotopeLayers.territories.getLayers().filter(l => l.getTooltip())"
                         ".map(l => l.getTooltip().getContent().textContent)")
    assert tips
    for tip in tips:
        tip = tip.split("click for")[0]
        for label in ("claimed by: ", "controlled by: "):
            listed = tip.split(label, 1)[1].split("controlled by:")[0].strip()
            names = [] if listed.startswith("no ") else listed.split("; ")
            assert names == sorted(names, key=str.casefold), tip
    screenshot(page, "audit-legend-1921-02-16")


def test_notes_reach_the_map_hatches_and_popups(page, live_server, screenshot):
    # 10 Aug 1920: the Red Army holds Nakhichevan uyezd, Armenia a part of it (Shakhtakhty).
    open_map(page, live_server + "/?date=1920-08-10&window=30")
    tips = page.evaluate("window.chronotopeLayers.territories.getLayers().filter(l => l.getTooltip())"
                         ".map(l => l.getTooltip().getContent().textContent)")
    nakhichevan = next(t for t in tips if t.startswith("Nakhichevan uyezd"))
    assert "Republic of Armenia (partial" in nakhichevan and "RSFSR (11th Red Army)" in nakhichevan
    hatches = page.locator("path.territory-partial")
    assert hatches.count() >= 1 and "url(#hatch-" in hatches.first.get_attribute("fill")
    assert "held part of the unit" in page.locator(".legend-body").inner_text()
    page.evaluate("window.chronotopeLayers.territories.getLayers().filter(l => l.getTooltip())"
                  ".find(l => l.feature.properties.id === 'nakhichevan-uyezd').openPopup()")
    popup = page.locator(".territory-popup")
    assert "Shakhtakhty" in popup.inner_text() and "source:" in popup.inner_text()
    screenshot(page, "audit-partial-control-1920-08-10")
