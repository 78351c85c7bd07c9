"""oEmbed answers built by the pure functions: which URLs are ours, sizes within the limits."""
from __future__ import annotations

import pytest

from mapapp.web.oembed import Size, answer, fit_size, iframe_html, parse_our_url, thumbnail_size

HOST = "maps.example.org:8080"


@pytest.mark.parametrize(("url", "expected"), [
    ("http://maps.example.org:8080/?date=1920-08-10&z=8", ("map", None, (("date", "1920-08-10"), ("z", "8")))),
    ("https://MAPS.example.org:8080/embed?v=abc", ("map", None, (("v", "abc"),))),
    ("http://maps.example.org:8080/documents/1920-08-10-agreement", ("document", "1920-08-10-agreement", ())),
    ("http://maps.example.org:8080/places/chr:goris?v=1", ("place", "chr:goris", (("v", "1"),))),
    ("http://maps.example.org:8080/", ("map", None, ())),
    ("http://maps.example.org/?date=1920-08-10", None),          # another port is another site
    ("http://evil.example.com:8080/", None),
    ("ftp://maps.example.org:8080/", None),
    ("http://maps.example.org:8080/api/corpus", None),             # not a page
    ("http://maps.example.org:8080/static/app.js", None),
    ("not a url", None),
    ("http://[bad/", None),
])
def test_parse_our_url(url, expected):
    found = parse_our_url(url, HOST)
    assert (tuple(found) if found else None) == expected


@pytest.mark.parametrize(("maxwidth", "maxheight", "expected"), [
    (None, None, (640, 480)),
    ("", "", (640, 480)),
    (1000, 1000, (640, 480)),
    (500, None, (500, 375)),
    (None, 300, (400, 300)),
    (320, 260, (320, 250)),      # shape kept until the minimum height
    (300, 250, (300, 250)),
    (200, 150, (200, 150)),      # below the minimum only when the limits say so
    ("800", "240", (320, 240)),
])
def test_fit_size_stays_within_limits(maxwidth, maxheight, expected):
    size = fit_size(maxwidth, maxheight)
    assert size == expected
    assert size.width <= int(maxwidth or 10**6) and size.height <= int(maxheight or 10**6)


@pytest.mark.parametrize(("maxwidth", "maxheight"), [("0", None), ("-5", None), ("wide", None), (None, "1.5")])
def test_fit_size_refuses_limits_that_are_not_sizes(maxwidth, maxheight):
    with pytest.raises(ValueError):
        fit_size(maxwidth, maxheight)


def test_iframe_html_escapes_its_attributes():
    html = iframe_html('http://h/embed?a=1&b="x"', Size(300, 250), 'A <b>"title"</b>')
    assert 'src="http://h/embed?a=1&amp;b=&quot;x&quot;"' in html
    assert 'title="A &lt;b&gt;&quot;title&quot;&lt;/b&gt;"' in html
    assert 'width="300" height="250"' in html


@pytest.mark.parametrize(("size", "expected"), [(Size(640, 480), Size(640, 480)), (Size(300, 250), Size(300, 250)),
                                                (Size(199, 150), None), (Size(400, 150), None)])
def test_thumbnail_size(size, expected):
    assert thumbnail_size(size) == expected


def test_answer_has_the_rich_type_fields_of_oembed_1_0():
    data = answer(embed_src="http://h/embed?v=1", title="Map", provider_url="http://h/", size=Size(500, 375),
                  thumbnail_url="http://h/map.png?v=1", thumbnail_size=Size(500, 375))
    assert (data["type"], data["version"], data["width"], data["height"]) == ("rich", "1.0", 500, 375)
    assert data["html"].startswith('<iframe src="http://h/embed?v=1"')
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (500, 375)
    without = answer(embed_src="http://h/embed", title="Map", provider_url="http://h/", size=Size(200, 150))
    assert not {"thumbnail_url", "thumbnail_width", "thumbnail_height"} & set(without)
