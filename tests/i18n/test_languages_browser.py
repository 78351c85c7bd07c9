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
