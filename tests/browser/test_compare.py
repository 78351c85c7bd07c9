"""Compare two dates: one view on two dates, a divider swiped between them, the address its link."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser



def fills(frame) -> list[str]:
    frame.wait_for_function("() => document.getElementById('app').dataset.ready === 'true'", timeout=20_000)
    frame.evaluate("window.chronotope.idle()")
    return frame.evaluate("[...document.querySelectorAll('.leaflet-territories-pane path.territory')]"
                          ".map(p => p.getAttribute('fill'))")


def clip_left(page) -> float:
    return page.evaluate("""() => { const maps = document.getElementById('compare-maps');
        return parseFloat(getComputedStyle(maps).getPropertyValue('--split')); }""")


def test_two_dates_side_by_side_with_a_swipe_shareable_as_a_link(page, live_server, screenshot):
    page.goto(f"{live_server}/compare?a=1920-08-10&b=1921-02-16&z=7&ll=39.8,45.6&split=30")
    frames = {f.url.split("date=")[1][:10]: f for f in page.frames if "/embed?" in f.url}
    assert set(frames) == {"1920-08-10", "1921-02-16"}
    left, right = fills(frames["1920-08-10"]), fills(frames["1921-02-16"])
    assert left and right and left != right           # the two dates differ on the map
    assert clip_left(page) == 30
    page.fill("#swipe", "70")
    page.dispatch_event("#swipe", "input")
    assert clip_left(page) == 70
    assert "split=70" in page.evaluate("location.search")
    # the right-hand map shows right of the divider, the left-hand one left of it
    width = page.evaluate("document.getElementById('compare-maps').clientWidth")
    box = page.locator("#compare-maps").bounding_box()
    hit = lambda x: page.evaluate("([x, y]) => document.elementFromPoint(x, y).className", [x, box["y"] + 100])  # noqa: E731
    assert "compare-a" in hit(box["x"] + 0.5 * width) and "compare-b" in hit(box["x"] + 0.9 * width)
    screenshot(page, "compare-1920-08-10-1921-02-16")
    # a shared link opens the same comparison
    again = page.context.new_page()
    again.goto(page.url)
    assert again.input_value("#swipe") == "70"
    again.close()


@pytest.mark.parametrize("query", ["a=banana", "split=140"])
def test_a_bad_compare_parameter_is_refused_by_name(client, query):
    answer = client.get(f"/compare?{query}")
    assert answer.status_code == 400
    assert query.split("=")[0] in answer.get_data(as_text=True)
