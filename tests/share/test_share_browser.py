"""In headless chromium: /embed framed by another site, an oEmbed answer's HTML, the tour player,
and handouts that print on one page."""
from __future__ import annotations

import io
import json
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from flask import Flask
from pypdf import PdfReader

pytestmark = pytest.mark.browser

SHIPPED = "disputed-districts-1920-1921"


@pytest.fixture
def other_site(serve_app):
    """A second server on another port (another origin): `other_site(html)` returns its page's URL."""
    pages: dict[str, str] = {}
    site = Flask("other_site")
    site.add_url_rule("/<name>", "page", lambda name: pages[name])
    base = serve_app(site)

    def publish(html: str) -> str:
        name = f"p{len(pages)}.html"
        pages[name] = f"<!doctype html><html><head><title>other site</title></head><body>{html}</body></html>"
        return f"{base}/{name}"

    return publish


def get_json(url: str) -> dict:
    with urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def wait_for_map(frame) -> None:
    """The embedded map page has drawn: Leaflet's container and the open-in link are there."""
    frame.locator(".leaflet-container").wait_for(state="visible", timeout=20_000)
    frame.get_by_text("Open in Chronotope").wait_for(state="visible", timeout=20_000)


def test_embed_renders_inside_an_iframe_of_another_site(live_server, other_site, page):
    url = other_site(f'<iframe id="map" src="{live_server}/embed?date=1920-08-10&z=8&ll=39.5,46.0" '
                     'width="400" height="300"></iframe>')
    assert url.split("/")[2] != live_server.split("/")[2]
    page.goto(url)
    wait_for_map(page.frame_locator("#map"))
    frame = next(f for f in page.frames if "/embed" in f.url)
    box = frame.evaluate("[document.documentElement.clientWidth, document.documentElement.clientHeight]")
    assert box == [400, 300]


def test_other_pages_refuse_to_be_framed_by_another_site(live_server, other_site, page):
    page.watch.allow_console_errors = True   # chromium logs its refusal
    page.goto(other_site(f'<iframe id="tours" src="{live_server}/tours/" width="400" height="300"></iframe>'))
    page.wait_for_timeout(500)
    (framed,) = [f for f in page.frames if f is not page.main_frame]
    assert "Tours for the classroom" not in framed.content()


def test_an_oembed_answer_renders_on_another_site(live_server, other_site, page):
    target = quote(f"{live_server}/?date=1921-01-29&z=7&ll=39.8,46.0", safe="")
    answer = get_json(f"{live_server}/oembed?url={target}&maxwidth=500&maxheight=400&format=json")
    assert {"type", "version", "html", "width", "height"} <= set(answer)
    page.goto(other_site(f'<div id="embed">{answer["html"]}</div>'))
    iframe = page.locator("#embed iframe")
    iframe.wait_for()
    box = iframe.bounding_box()
    assert (round(box["width"]), round(box["height"])) == (answer["width"], answer["height"])
    wait_for_map(page.frame_locator("#embed iframe"))


def shown_step(page) -> int:
    return int(page.locator(".step:not([hidden])").get_attribute("data-step"))


def test_the_tour_steps_forward_and_back_by_keyboard(live_server, page):
    page.goto(f"{live_server}/tours/{SHIPPED}")
    count = page.locator(".step").count()
    assert page.inner_text(".progress") == f"1 / {count}" and shown_step(page) == 1
    for key, expected in (("ArrowRight", 2), ("PageDown", 3), (" ", 4), ("ArrowLeft", 3), ("PageUp", 2)):
        page.keyboard.press(key)
        assert shown_step(page) == expected, key
        assert page.inner_text(".progress") == f"{expected} / {count}"
        assert f"step={expected}" in page.url
    picture = page.locator("#step-2 img")
    picture.evaluate("img => img.decode()")
    assert picture.evaluate("img => img.naturalWidth") == 960
    page.go_back()
    assert shown_step(page) == 3
    page.keyboard.press("End")
    assert shown_step(page) == count
    page.keyboard.press("ArrowRight")
    assert shown_step(page) == count


def test_a_tour_step_link_opens_that_step_and_high_contrast_toggles(live_server, page):
    page.goto(f"{live_server}/tours/{SHIPPED}?step=5")
    assert shown_step(page) == 5
    page.click(".contrast-toggle")
    assert "high-contrast" in page.eval_on_selector("body", "b => b.className")
    page.reload()
    assert "high-contrast" in page.eval_on_selector("body", "b => b.className")   # remembered


def pdf_pages(page, url: str, paper: str) -> int:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    return len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)


def longest_document(live_server: str) -> str:
    listed = get_json(f"{live_server}/api/documents?per_page=500")["documents"]
    bodies = {d["id"]: len(get_json(f"{live_server}/api/documents/{d['id']}")["body"]) for d in listed}
    return max(bodies, key=bodies.get)


def test_a_document_handout_prints_on_one_page(live_server, page):
    doc = longest_document(live_server)
    assert pdf_pages(page, f"{live_server}/documents/{doc}/print", "A4") == 1
    assert pdf_pages(page, f"{live_server}/documents/{doc}/print?paper=letter", "Letter") == 1


def test_a_tour_handout_prints_one_page_per_step(live_server, page):
    assert pdf_pages(page, f"{live_server}/tours/{SHIPPED}/print?step=9", "A4") == 1
    whole = pdf_pages(page, f"{live_server}/tours/{SHIPPED}/print", "A4")
    assert whole == page.locator(".sheet").count() > 1


def test_a_pinned_embed_asks_the_api_for_its_own_version(serve_app, pinned_app, two_versions, page):
    old = two_versions[2].version
    base = serve_app(pinned_app)
    page.goto(f"{base}/embed?v={old}&date=1920-08-10")
    wait_for_map(page)
    page.wait_for_load_state("networkidle")
    asked = [url for url in page.watch.requests if "/api/" in url]
    assert asked and all(f"v={old}" in url for url in asked), asked


def test_the_embed_button_gives_the_iframe_code_of_this_view(live_server, other_site, page):
    page.goto(f"{live_server}/?date=1920-08-10&z=8&ll=39.5,46.0")
    page.click("#embed-button")
    code = page.locator("#embed-code")
    code.wait_for(state="visible")
    html = code.input_value()
    assert html.startswith(f'<iframe src="{live_server}/embed?') and "date=1920-08-10" in html and "v=" in html
    page.goto(other_site(html))
    wait_for_map(page.frame_locator("iframe"))


def swipe(page, dx: int) -> None:
    """A one-finger horizontal swipe of `dx` pixels across the tour."""
    page.evaluate("""dx => {
        const target = document.querySelector('.tour');
        const touch = x => new Touch({identifier: 1, target, clientX: x, clientY: 300});
        target.dispatchEvent(new TouchEvent('touchstart', {touches: [touch(600)], bubbles: true}));
        target.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(600 + dx)], bubbles: true}));
    }""", dx)


def test_the_tour_steps_by_swipe_and_buttons(live_server, page):
    page.goto(f"{live_server}/tours/{SHIPPED}?step=2")
    swipe(page, -200)
    assert shown_step(page) == 3
    swipe(page, 200)
    assert shown_step(page) == 2
    swipe(page, 20)            # a tap, not a swipe
    assert shown_step(page) == 2
    page.click(".tour-nav .next")
    assert shown_step(page) == 3 and "step=3" in page.url
    page.click(".tour-nav .prev")
    assert shown_step(page) == 2
