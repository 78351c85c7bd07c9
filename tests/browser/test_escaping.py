"""Document text, titles and place names reach the page only as text: markup in them stays inert."""
from __future__ import annotations

import json

import pytest

from .mappage import idle, open_map, shown

pytestmark = pytest.mark.browser

ATTACK = "<script>window.__pwned = 1</script>\" onmouseover=\"window.__pwned = 2\" x=\""
PLACE_NAME = f"Xanadukh {ATTACK}"
DOCUMENT = f"""\
---
title: Report {ATTACK} on the detachment
date: August 12, 1920
origin: Goris {ATTACK}
kind: report
---
The detachment left Xanadukh for Goris {ATTACK} on the same day.
Our troops advanced from Xanadukh to Goris. <img src=x onerror="window.__pwned = 3">
"""
USER_PLACE = {"type": "FeatureCollection", "features": [{
    "@id": "user:xanadukh", "type": "Feature",
    "properties": {"title": PLACE_NAME, "kind": "settlement", "coord_source": f"a test {ATTACK}",
                   "certainty": "approximate", "uncertainty_km": 5},
    "names": [{"toponym": "Xanadukh", "lang": "en"}, {"toponym": PLACE_NAME, "lang": "en"}],
    "geometry": {"type": "Point", "coordinates": [46.1, 39.4]}}]}


@pytest.fixture(scope="module")
def hostile_atlas(tmp_path_factory, make_atlas):
    """An atlas of one hostile Markdown document naming a hostile place of the user's own layer."""
    from gazetteer.places.index import load_gazetteer

    home = tmp_path_factory.mktemp("hostile_home")
    (home / "gazetteer").mkdir()
    (home / "gazetteer" / "hostile.lpf.json").write_text(json.dumps(USER_PLACE), encoding="utf-8")
    corpus = tmp_path_factory.mktemp("hostile_corpus")
    (corpus / "hostile.md").write_text(DOCUMENT, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHRONOTOPE_HOME", str(home))
        load_gazetteer.cache_clear()   # the gazetteer is loaded once per process: make it read our layer
        try:
            location = make_atlas([corpus])
        finally:
            load_gazetteer.cache_clear()
    return location, corpus


@pytest.fixture
def hostile_url(hostile_atlas, app_for, serve_app):
    location, corpus = hostile_atlas
    return serve_app(app_for(location, CORPUS=[corpus]))


def test_markup_in_documents_and_place_names_stays_inert(page, hostile_url, screenshot):
    open_map(page, hostile_url + "/?date=1920-08-12&window=30")
    assert "user:xanadukh" in shown(page)["places"]
    # the list: the title as text
    item = page.locator(".doc-button").first
    assert ATTACK in item.inner_text()
    item.hover()
    item.click()
    page.wait_for_selector("#reader:not([hidden]) .mention")
    idle(page)
    assert ATTACK in page.locator("#reader-title").inner_text()
    assert page.locator("#reader-body").inner_text().count(ATTACK) == 1
    assert ATTACK in page.locator("#reader-meta").inner_text()
    for mention in page.locator(".mention").all():
        mention.hover()
    # the marker: tooltip and popup show the name as text
    marker = page.locator("path.place-marker[data-place='user:xanadukh']")
    marker.hover()
    assert PLACE_NAME in page.locator(".leaflet-tooltip").first.inner_text()
    page.evaluate("window.chronotopeLayers.places.getLayers()"
                  ".find(l => l.getElement().dataset.place === 'user:xanadukh').openPopup()")
    popup = page.locator(".place-popup")
    popup.locator(".popup-docs a").first.wait_for()
    assert popup.locator("h3").inner_text() == PLACE_NAME
    assert PLACE_NAME in popup.locator(".names").inner_text()
    popup.hover()
    screenshot(page, "escaping")
    # nothing ran, and no element came from the text
    assert page.evaluate("window.__pwned") is None
    # (the one picture of the map is our own relief overlay)
    assert page.locator("#app script, #app img:not(img.relief), .leaflet-popup script, .leaflet-tooltip script").count() == 0
    assert page.locator("[onmouseover]").count() == 0


def test_markup_stays_inert_in_the_server_rendered_head(client_for_hostile):
    html = client_for_hostile.get("/?doc=%3Cscript%3Ealert(1)%3C/script%3E&date=1920-08-12").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "%3Cscript%3E" in html or "&lt;script&gt;" in html


@pytest.fixture
def client_for_hostile(hostile_atlas, app_for):
    location, corpus = hostile_atlas
    return app_for(location, CORPUS=[corpus]).test_client()


def test_markup_stays_inert_in_review_mode_the_history_and_the_document_page(hostile_atlas, app_for, serve_app,
                                                                             page, tmp_path):
    """An editor's review tools, the change list, the history page and the document page show the
    document's words, a place's name and an editor's public name only as text."""
    import shutil

    from fixtures_review import PASSWORD, log_in

    from mapapp.accounts import store

    location, corpus = hostile_atlas
    atlas = shutil.copytree(location, tmp_path / "atlas", ignore=shutil.ignore_patterns("*.lock", ".*"))
    home = tmp_path / "home"
    store.add_user(home, "eve", "editor", PASSWORD, "test", public_name=f"Eve {ATTACK}")
    base = serve_app(app_for(atlas, CORPUS=[corpus], HOME=home))
    log_in(page, base)
    open_map(page, base + "/?date=1920-08-12&window=30")
    page.locator(".doc-button").first.click()
    page.locator("#review-tools").wait_for()
    page.locator("#reader-body mark.mention").first.click()
    page.locator("#review-tools .rv-confirm").click()
    page.wait_for_function("() => document.getElementById('review-status').textContent === 'Confirmed.'")
    idle(page)
    page.evaluate("document.querySelectorAll('#review-tools details').forEach((d) => { d.open = true; })")
    assert f"Eve {ATTACK}" in page.locator("#reader-body mark.checked").first.get_attribute("title")
    assert page.locator("#review-tools input[name=title]").input_value() == f"Report {ATTACK} on the detachment"
    assert page.locator("#review-tools script, #review-tools img, [onmouseover]").count() == 0
    doc = page.evaluate("window.chronotope.state.doc")
    page.goto(f"{base}/documents/{doc}/history")
    page.locator("#history-rows tr").first.wait_for()
    assert page.locator("#history-rows script, #history-rows img").count() == 0
    page.goto(f"{base}/documents/{doc}")
    assert f"Eve {ATTACK}" in page.locator(".doc-body a.mention.checked").first.get_attribute("title")
    assert page.locator(".doc-body script, .doc-body img, [onmouseover]").count() == 0
    assert page.evaluate("window.__pwned") is None
