"""Line-end hyphens rejoined with a map back to the original offsets; the language of a text."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from documents.dehyphenate import dehyphenate
from documents.language import detect_language


@pytest.mark.parametrize("text, joined", [
    ("to Alexan-\ndropol on", "to Alexandropol on"),
    ("Alexan- \n  dropol", "Alexandropol"),
    ("Alexan-\r\ndropol", "Alexandropol"),
    ("Nagorno-\nKarabakh", "Nagorno-\nKarabakh"),       # a hyphen of the name itself
    ("in 1920-\n21 winter", "in 1920-\n21 winter"),     # numbers are not words
    ("Alexan-dropol", "Alexan-dropol"),                 # no line end
    ("the line\nends here", "the line\nends here"),
    ("Эри-\nвань", "Эривань"),
    ("Zan-\ngezur and Nakhiche-\nvan", "Zangezur and Nakhichevan"),
    # only a letter before the hyphen makes a break (the search looks back from each hyphen)
    ("Ré-\nvolution", "Révolution"),
    ("-\nvan", "-\nvan"),                                 # the text's first character
    ("Zan -\ngezur", "Zan -\ngezur"),                     # a dash after a space
    ("1-\nvan", "1-\nvan"),
    ("x_-\nvan", "x_-\nvan"),
    ("Zan--\ngezur", "Zan--\ngezur"),                     # a dash of two hyphens
])
def test_rejoined(text, joined):
    assert dehyphenate(text).text == joined


def test_spans_map_back_to_the_text_as_written():
    text = "From Zan-\ngezur to Alexan-\ndropol."
    joined = dehyphenate(text)
    start = joined.text.index("Alexandropol")
    span = joined.span_in_original(start, start + len("Alexandropol"))
    assert text[span[0]:span[1]] == "Alexan-\ndropol"
    assert joined.crosses_a_cut(start, start + len("Alexandropol"))
    assert not joined.crosses_a_cut(0, 4)
    assert text[slice(*joined.span_in_original(0, 4))] == "From"


_TEXTS = st.text(alphabet=st.sampled_from(list("aB -\n\t1\r")), max_size=60)


@given(_TEXTS)
def test_every_character_maps_back_to_itself(text):
    joined = dehyphenate(text)
    for i, c in enumerate(joined.text):
        assert text[joined.start_in_original(i)] == c
        assert joined.end_in_original(i + 1) == joined.start_in_original(i) + 1


@given(_TEXTS, st.data())
def test_spans_map_back_in_order_and_hold_what_was_cut(text, data):
    joined = dehyphenate(text)
    start = data.draw(st.integers(0, len(joined.text)))
    end = data.draw(st.integers(start, len(joined.text)))
    first, last = joined.span_in_original(start, end)
    assert 0 <= first <= last <= len(text)
    assert dehyphenate(text[first:last]).text == joined.text[start:end]


@pytest.mark.parametrize("text, language", [
    ("The Turkish troops withdrew from the town of Kars to the frontier.", "en"),
    ("Наши войска заняли Шушу и двинулись к Герусам.", "ru"),
    ("Войска заняли Шушу. Вчера Legrand прибыл в Эривань.", "ru"),
    ("Наши войска въ Эривани i въ Карсѣ.", "ru"),
    ("Les troupes turques sont entrées dans la ville de Kars avec le général.", "fr"),
    ("Die türkischen Truppen sind in die Stadt Kars eingerückt und haben sich mit den Armeniern", "de"),
    ("Հայաստանի Հանրապետություն", "hy"),
    ("საქართველოს დემოკრატიული რესპუბლიკა", "ka"),
    ("جمهوری آذربایجان", "und-Arab"),
    ("Kars Erivan Tiflis", "und-Latn"),
    ("1920 — 1921", None),
])
def test_language(text, language):
    assert detect_language(text) == language
