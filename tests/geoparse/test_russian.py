"""Russian place names in every grammatical case and in the old orthography (pymorphy3 lemmas,
with a stem for toponyms the dictionary lacks)."""
from __future__ import annotations

import pytest

from gazetteer.geoparse.linker import geoparse
from gazetteer.geoparse.russian import build_index, forms, modern, russian_hits, stem


@pytest.mark.parametrize("word, folded", [
    ("Тифлисѣ", "тифлисе"), ("Делижанъ", "делижан"), ("Донесенiе", "донесение"), ("Ѳеодосия", "феодосия"),
    ("Ъ", "ъ"),
])
def test_old_letters_are_folded(word, folded):
    assert modern(word) == folded


@pytest.mark.parametrize("a, b", [
    ("Шуша", "Шуши"), ("Шуша", "Шушу"), ("Эривань", "Эривани"), ("Эривань", "Эриванью"),
    ("Карабах", "Карабахе"), ("Зангезурский", "Зангезурского"), ("губерния", "губернии"),
    ("Нахичевань", "Нахичевани"), ("Тифлис", "Тифлисѣ"),
])
def test_forms_of_one_word_meet(a, b):
    assert forms(a) & forms(b)


@pytest.mark.parametrize("a, b", [("Баку", "Бака"), ("Карс", "Кара"), ("Горис", "Гори"), ("Шуша", "Шушинский")])
def test_other_words_do_not_meet(a, b):
    assert not (forms(a) & forms(b))


def test_a_short_word_has_no_stem():
    assert stem("Баку".lower()) is None and stem("эривани") == "~эриван"


NAMES = ["Шуша", "Эривань", "Зангезурский уезд", "Нагорный Карабах", "Карабах"]


@pytest.mark.parametrize("text, found", [
    ("выступили из Шуши на восток", ["Шуши"]),
    ("донесение из Зангезурского уезда", ["Зангезурского уезда"]),
    ("вопрос о Нагорном Карабахе", ["Нагорном Карабахе"]),            # the longer name wins
    ("в Эривани, Шуше и Карабахе", ["Эривани", "Шуше", "Карабахе"]),
    ("шуша с маленькой буквы", []),                                   # a name is capitalised
    ("Шуша,\nКарабах", ["Шуша", "Карабах"]),                           # punctuation ends a name
])
def test_names_are_found_in_any_case(text, found):
    class Small:
        places = ()

    from gazetteer.geoparse import russian

    index = build_index(NAMES)
    original = russian.name_index
    russian.name_index = lambda gazetteer: index
    try:
        assert [h.text for h in russian_hits(text, Small())] == found
    finally:
        russian.name_index = original


@pytest.mark.parametrize("text, expected", [
    ("Наши части выступили из Шуши на Герюсы.", {"Шуши": "chr:shusha", "Герюсы": "chr:goris"}),
    ("Донесенiе изъ Эривани: въ Тифлисѣ спокойно.", {"Эривани": "chr:yerevan", "Тифлисѣ": "chr:tbilisi"}),
    ("Дорога от Нахичевани к Ордубаду.", {"Нахичевани": "chr:nakhichevan-town", "Ордубаду": "chr:ordubad"}),
])
def test_the_geoparser_links_russian_names_to_their_places(full_gazetteer, text, expected):
    mentions = {m.text: m.place.id for m in geoparse(text, full_gazetteer) if m.place}
    assert {k: mentions.get(k) for k in expected} == expected


def test_english_text_is_read_as_before(full_gazetteer):
    text = "From Geryusy to Nakhichevan, then to Shusha."
    assert [m.text for m in geoparse(text, full_gazetteer)] == ["Geryusy", "Nakhichevan", "Shusha"]
