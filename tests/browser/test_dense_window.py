"""The map at a dense window (a generated corpus packed into two months, as a large archive is): the
map draws what its caps keep and says what it left out; a place's popup lists its first documents
and "all N documents" opens the reader's list of every document naming it."""
from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from .mappage import idle, open_map

pytestmark = pytest.mark.browser

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "corpus_gen.py"
DAY = "1920-08-31"


@pytest.fixture(scope="module")
def dense_atlas(make_atlas, tmp_path_factory) -> Path:
    """400 generated documents dated within July and August 1920 (seed 7)."""
    spec = importlib.util.spec_from_file_location("dense_corpus_gen", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dense_corpus_gen"] = module
    try:
        spec.loader.exec_module(module)
        folder = tmp_path_factory.mktemp("dense_corpus")
        module.write_corpus(folder, 400, seed=7, first=date(1920, 7, 1), last=date(1920, 8, 31))
    finally:
        del sys.modules["dense_corpus_gen"]
    return make_atlas([folder])


@pytest.fixture
def dense_server(app_for, dense_atlas, serve_app) -> str:
    return serve_app(app_for(dense_atlas))


def get(page, path: str) -> dict:
    return page.evaluate("path => fetch(path).then(r => r.json())", path)


def test_a_dense_window_draws_the_capped_movements_and_says_how_many_there_are(page, dense_server, screenshot):
    open_map(page, dense_server + f"/?date={DAY}&window=30")
    whole = get(page, f"/api/movements?from=1920-08-02&to={DAY}")
    drawn = page.locator(".leaflet-movements-pane path.movement").count()
    assert len(whole["features"]) > 300 and drawn <= 300 and drawn > 100
    note = page.locator("#legend .cap-note").inner_text()
    assert f"of {len(whole['features'])} movements are drawn" in note
    screenshot(page, "dense-window-capped-movements")


def test_a_popup_lists_the_first_documents_and_all_of_them_open_in_the_list(page, dense_server, screenshot):
    open_map(page, dense_server + f"/?date={DAY}&window=30")
    places = get(page, f"/api/places?from=1920-08-02&to={DAY}")
    busiest = max(places["features"], key=lambda f: len(f["properties"]["documents"]))
    place_id = busiest["id"]
    count = get(page, "/api/documents?per_page=1&place=" + place_id)["total"]
    assert count > 20
    page.locator(f"path.place-marker[data-place='{place_id}']").dispatch_event("click")
    popup = page.locator(".place-popup")
    popup.locator(".popup-docs a.doc-link").first.wait_for()
    assert popup.locator(".popup-docs a.doc-link").count() == 20
    link = popup.locator(".all-docs")
    assert link.inner_text() == f"all {count} documents"
    screenshot(page, "dense-window-popup")
    link.click()
    page.wait_for_function("id => document.getElementById('documents').dataset.place === id", arg=place_id)
    listed = page.locator("#doc-list .doc-button")
    assert listed.count() == min(count, 500)
    assert page.locator("#doc-count").inner_text().startswith(str(count))
    # Every listed document names the place (the reader's own answer for one of them says so).
    last = listed.last.get_attribute("data-doc")
    doc = get(page, "/api/documents/" + last)
    assert place_id in {m["place_id"] for m in doc["places"]}
    idle(page)


def test_every_label_is_as_large_as_its_text_measured_alone(page, dense_server):
    """Labels are measured all at once: each must still get the box its text takes alone, or labels overlap."""
    open_map(page, dense_server + f"/?date={DAY}&window=30")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.leaflet-labels-pane .label-icon')].map((icon) => {
        const label = icon.firstElementChild;
        const ruler = document.querySelector('.label-ruler');
        const alone = document.createElement('span');
        alone.className = label.className;
        alone.textContent = label.textContent;
        ruler.replaceChildren(alone);
        const measured = [alone.offsetWidth, alone.offsetHeight];
        ruler.replaceChildren();
        return [label.textContent, [icon.offsetWidth, icon.offsetHeight], measured];
    })""")
    assert len(sizes) > 20
    assert [(text, box) for text, box, _ in sizes] == [(text, alone) for text, _, alone in sizes]


# What the map draws, in drawing order: each marker's place, shape and style, each movement's path,
# style, classes and arrowhead, and the labels.
DRAWN_JS = """() => {
    const look = (p, names) => names.map((n) => p.getAttribute(n));
    return {
        places: [...document.querySelectorAll('.leaflet-places-pane path')].map((p) =>
            look(p, ['data-place', 'd', 'class', 'stroke', 'stroke-width', 'stroke-dasharray', 'fill-opacity',
                     'aria-label'])),
        movements: [...document.querySelectorAll('path.movement')].map((p) =>
            look(p, ['d', 'class', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'marker-end'])),
        arrowheads: [...document.querySelectorAll('.leaflet-movements-pane marker')].map((m) => m.id).sort(),
        labels: [...document.querySelectorAll('.leaflet-labels-pane [data-label]')].map((l) => l.textContent).sort(),
    };
}"""


@pytest.mark.parametrize("with_document", [False, True], ids=["no-document", "document-open"])
def test_a_slider_step_redraws_in_place_what_a_fresh_page_draws(page, dense_server, with_document):
    """A step keeps the markers of the places still shown and draws the new movements on the lines of
    those gone, making no new ones; and the map it leaves is the one a fresh page of that view draws."""
    query = "date=1920-08-20&window=30"
    open_map(page, dense_server + "/?" + query)
    if with_document:
        doc = get(page, "/api/documents?from=1920-08-01&to=1920-08-20&per_page=1")["documents"][0]["id"]
        open_map(page, dense_server + f"/?{query}&doc={doc}")
    before = page.evaluate("""() => {
        window.drawnBefore = new Set(document.querySelectorAll('.leaflet-places-pane path, path.movement'));
        return [...document.querySelectorAll('.leaflet-places-pane path')].map((p) => p.dataset.place);
    }""")
    page.locator("#next").click()
    page.wait_for_function("() => !location.search.includes('date=1920-08-20')")
    idle(page)
    made = page.evaluate("""() => ({
        places: [...document.querySelectorAll('.leaflet-places-pane path')]
            .filter((p) => !window.drawnBefore.has(p)).map((p) => p.dataset.place),
        movements: [...document.querySelectorAll('path.movement')].filter((p) => !window.drawnBefore.has(p)).length,
        lines: document.querySelectorAll('path.movement').length,
    })""")
    stepped = page.evaluate(DRAWN_JS)
    shown_after = [p[0] for p in stepped["places"]]
    assert set(shown_after) != set(before)                       # the step changed the window's places
    assert sorted(made["places"]) == sorted(set(shown_after) - set(before))   # only the new ones made
    # 300 movements, most of them new to the window, drawn on the lines already there (a line and a
    # ring are not drawn on each other: a few more rings, say, are made anew)
    assert made["lines"] == 300 and made["movements"] <= 10, made
    fresh = page.context.new_page()
    try:
        open_map(fresh, page.url)
        if with_document:
            assert "doc=" in page.url
        assert fresh.evaluate(DRAWN_JS) == stepped
    finally:
        fresh.close()
