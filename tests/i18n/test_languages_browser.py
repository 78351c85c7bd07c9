"""The map in every language, in chromium: the scripts' strings and dates translated, the layout holding."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date
from browser.mappage import open_map

from mapapp.web.i18n import LANGUAGES

pytestmark = pytest.mark.browser

DAY = "1920-08-10"
LOCALES = {"en": "en_GB"}
STRINGS = Path(__file__).resolve().parents[2] / "mapapp" / "translations"


def overflowing(page) -> list[str]:
    """Return the ids of the time bar's and panel's boxes whose content is wider than they are."""
    return page.evaluate("""() => [...document.querySelectorAll(
        '#timebar, #timebar > :not(.visually-hidden), #panel, .languages')]
        .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.id || e.className)""")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_map_speaks_each_language_and_its_layout_holds(live_server, page, screenshot, code):
    open_map(page, f"{live_server}/?date={DAY}&window=30&lang={code}")
    strings = json.loads(page.evaluate(f"fetch('/i18n/{code}.json').then(r => r.text())"))["messages"]
    assert page.evaluate("document.documentElement.lang") == code
    assert page.inner_text("#legend summary, #legend h3 >> nth=0").strip() in (strings["Legend"],
                                                                                strings["Disputed territories on this date"],
                                                                                strings["Movements (arrow: direction)"],
                                                                                strings["Places"])
    # The date as Babel writes it in that language (CLDR's long form).
    assert page.inner_text("#date-label") == format_date(date(1920, 8, 10), "long", locale=LOCALES.get(code, code))
    assert overflowing(page) == []
    screenshot(page, f"map-{code}")


def test_a_chosen_language_survives_moving_the_slider(live_server, page):
    open_map(page, f"{live_server}/?date={DAY}&window=30&lang=hy")
    page.focus("#slider")
    page.keyboard.press("ArrowRight")
    page.evaluate("window.chronotope.idle()")
    assert "lang=hy" in page.url
    assert "lang=ka" in page.get_attribute("a[data-lang=ka]", "href")
    assert "date=" in page.get_attribute("a[data-lang=ka]", "href")


def test_kinds_statuses_and_titles_are_in_the_pages_language(live_server, page, screenshot):
    """Issue #13: no English codes ("settlement", "advance", "occurred") nor English titles in ru."""
    open_map(page, f"{live_server}/?date={DAY}&window=30&lang=ru")
    strings = json.loads(page.evaluate("fetch('/i18n/ru.json').then(r => r.text())"))["messages"]
    # a place's popup names its kind in Russian
    page.evaluate("window.chronotopeLayers.places.getLayers()[0].openPopup()")
    kind = page.locator(".place-popup .kind").inner_text().split(" · ")[0]
    assert kind in {strings[w] for w in ("settlement", "region", "district", "province", "country", "river", "lake",
                                         "ridge", "mountain", "mountain pass", "place")}, kind
    # and the documents naming it by their titles in Russian
    page.locator(".place-popup .popup-docs a").first.wait_for()
    named = page.locator(".place-popup .popup-docs a").all_inner_texts()
    place_id = page.evaluate("window.chronotopeLayers.places.getLayers()[0].getElement().dataset.place")
    english_named = page.evaluate("id => fetch('/api/places/' + encodeURIComponent(id)).then(r => r.json())"
                                  ".then(p => p.properties.documents.map(d => d.title))", place_id)
    assert named and not set(named) & set(english_named), named
    page.keyboard.press("Escape")
    # a movement's tooltip: its kind and status in Russian
    tip = page.evaluate("""() => { const l = window.chronotopeLayers.movements.getLayers()
            .find(x => x.getTooltip && x.getTooltip()); l.openTooltip(l.getLatLngs ? l.getLatLngs()[0] : undefined);
            return l.getTooltip().getElement().innerText; }""")
    first, _actor, status = tip.split(" · ")[:3]
    assert first in {strings[w] for w in ("advance", "attack", "journey", "occupation", "transfer", "withdrawal", "movement")}, tip
    assert status in {strings[w] for w in ("occurred", "habitual", "agreed", "ordered", "ordered, not secured",
                                           "intended", "demanded", "expected", "proposed", "under way")} | {""}, tip
    # the list's titles are composed in Russian, not the API's English ones
    titles = page.locator(".doc-button .doc-title").all_inner_texts()
    english = page.evaluate(f"fetch('/api/documents?date={DAY}&per_page=500').then(r => r.json())"
                            ".then(a => a.documents.map(d => d.title))")
    assert titles and not set(titles) & set(english)
    assert any(" августа 1920\u202fг." in t or " августа 1920 г." in t for t in titles), titles
    page.locator(".doc-button").first.click()
    page.wait_for_selector("#reader:not([hidden])")
    assert page.locator("#reader-title").inner_text() in titles
    screenshot(page, "map-ru-kinds-and-titles")
