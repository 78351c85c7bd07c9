"""The server's pictures in every language: their title's date, legend and attribution from the
catalogues (and CLDR), drawn with glyphs for every script (a missing glyph is a warning, so an error)."""
from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest
from babel.dates import format_date

from mapapp.atlas.current import current_atlas
from mapapp.picture.legend import legend_rows
from mapapp.picture.model import ENGLISH_WORDS
from mapapp.picture.render import render_png
from mapapp.picture.scene import build_scene
from mapapp.view_state import parse_state
from mapapp.web.i18n import LANGUAGES
from mapapp.web.picture_words import picture_words

from .test_no_english_left import assert_from_catalogue

TRANSLATED = [code for code in LANGUAGES if code != "en"]
VIEW = {"date": "1920-08-10", "window": "30"}


def sample(template: str) -> str:
    """The template with each placeholder filled by a name of its own."""
    import re

    return re.sub(r"%\((\w+)\)s", lambda m: f"<{m.group(1)}>", template)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_word_of_a_picture_comes_from_the_catalogue(app, code):
    with app.test_request_context():
        words = picture_words(code)
    assert words.locale == code
    for field in fields(words):
        if field.name not in ("locale", "title_words"):
            assert_from_catalogue(sample(getattr(ENGLISH_WORDS, field.name)), sample(getattr(words, field.name)), code)
    # the words of a document's title: each the catalogue's translation of its message
    for english, shown in words.title_words:
        if shown != english:      # a title's bare shape, "%(kind)s, %(date)s", is the same in some
            assert_from_catalogue(sample(english), sample(shown), code)
    assert len(words.title_words) > 10


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_pictures_title_legend_and_attribution_are_in_its_language(app, code):
    with app.test_request_context("/map.png", query_string=VIEW):
        words = picture_words(code)
        scene = build_scene(current_atlas(), parse_state(VIEW), 800, 600, words)
        english = build_scene(current_atlas(), parse_state(VIEW), 800, 600)
    assert scene.title == format_date(date(1920, 8, 10), "long", locale="en_GB" if code == "en" else code)
    labels, english_labels = ([row[1] for row in legend_rows(s, s.bbox)] for s in (scene, english))
    assert len(labels) == len(english_labels) > 3
    if code != "en":
        assert all(label not in english_labels for label in labels)
        assert scene.attribution != english.attribution
    assert render_png(scene, 800, 600).startswith(b"\x89PNG")     # every glyph found, or a warning fails it


def test_map_png_is_drawn_and_kept_in_the_language_asked_for(client):
    query = "/map.png?date=1920-08-10&window=30&width=400&height=300"
    english, armenian = (client.get(f"{query}&lang={code}") for code in ("en", "hy"))
    assert english.status_code == armenian.status_code == 200
    assert english.data != armenian.data
    assert client.get(f"{query}&lang=en").data == english.data      # each language kept apart in the cache
