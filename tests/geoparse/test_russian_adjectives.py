"""Russian places named by their adjectives beside a unit word, surnames after a rank or a
patronymic, and Latin look-alike letters in OCR'd Cyrillic. Sentences written for these tests."""
from __future__ import annotations

import pytest

from gazetteer.geoparse.linker import geoparse
from gazetteer.geoparse.russian_adjectives import adjective_stems, base


@pytest.mark.parametrize("word, stems", [
    ("Шушинского", ("шушин", "шуш")), ("Карабахскаго", ("карабах",)), ("Елизаветпольской", ("елизаветпол",)),
    ("НАХИЧЕВАНСКОЙ", ("нахичеван",)), ("Талышенскій", ("талышен", "талыш")), ("Шуша", ()), ("сторона", ()),
])
def test_adjective_stems(word, stems):
    assert adjective_stems(word) == stems


@pytest.mark.parametrize("name, stem", [("Шуша", "шуш"), ("Эривань", "эриван"), ("Карабах", "карабах"),
                                        ("Нахичевань", "нахичеван"), ("Баку", "бак")])
def test_name_base(name, stem):
    assert base(name) == stem


@pytest.mark.parametrize("text, found", [
    ("Село лежало в Шушинском уезде, близ Карабахского ханства.",
     [("Шушинском уезде", "chr:shusha-uyezd"), ("Карабахского ханства", "chr:karabakh")]),
    ("Из Елисаветпольской губ. прислали хлеб.", [("Елисаветпольской губ", "chr:ganja")]),
    ("Подать платили и в Казахском же уезде.", [("Казахском же уезде", "chr:kazakh-town")]),
    ("Описаніе Нахичеванской Провинціи напечатано.", [("Нахичеванской Провинціи", "chr:nakhichevan-uyezd")]),
    ("Жители области Эриванской собрались.", [("области Эриванской", "chr:yerevan")]),
    ("Талышенскаго ханства владетель бежал.", [("Талышенскаго ханства", "chr:talysh")]),
])
def test_an_adjective_beside_a_unit_word_names_its_place(full_gazetteer, text, found):
    assert [(m.text, m.place.id) for m in geoparse(text, full_gazetteer)] == found


@pytest.mark.parametrize("text", [
    "Персидское войско стояло у эриванской границы.",   # an adjective with no unit word
    "Шушинский ковер продан на базаре.",                # a thing, not a unit of land
    "Иван Петрович Карягин прибыл.",                    # a surname after a patronymic
    "Приказ подписал полковник Карягин.",               # a surname after a rank
])
def test_no_place(full_gazetteer, text):
    assert [m.text for m in geoparse(text, full_gazetteer) if m.place] == []


@pytest.mark.parametrize("text, found", [
    ("Переправа у Аракc была трудна.", [("Аракc", "chr:aras")]),          # a Latin c
    ("Отрядъ стоялъ въ Шушe.", [("Шушe", "chr:shusha")]),                  # a Latin e
    ("Гарнизон Ганжи сдался; в Ганже тихо.", [("Ганжи", "chr:ganja"), ("Ганже", "chr:ganja")]),   # short, unknown
    ("Транспорт пришел из Трапезонда.", [("Трапезонда", "chr:trabzon")]),
    ("Войска двинулись к Карабагу.", [("Карабагу", "chr:karabakh")]),
])
def test_ocr_letters_and_period_names(full_gazetteer, text, found):
    assert [(m.text, m.place.id) for m in geoparse(text, full_gazetteer)] == found
