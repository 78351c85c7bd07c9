"""Russian movements found by lemma: every aspect, participle and gerund of the verbs, nouns of
movement, prepositions across a frame word. Sentences written for these tests."""
from __future__ import annotations

import pytest

from gazetteer.movements.russian_verbs import reading
from mapapp.analysis.pipeline import analyse_text


@pytest.mark.parametrize("word, kind, status", [
    ("наступали", "advance", "occurred"), ("наступающие", "advance", "under way"), ("двинувшись", "advance", "occurred"),
    ("занявши", "occupation", "occurred"), ("займут", "occupation", "intended"), ("взяв", "occupation", "occurred"),
    ("отступившие", "withdrawal", "occurred"), ("отходят", "withdrawal", "under way"),
    ("выступившій", "advance", "occurred"), ("прибывший", "journey", "occurred"), ("прибудут", "journey", "intended"),
    ("осадили", "attack", "occurred"), ("осаждая", "attack", "under way"), ("перешедшие", "advance", "occurred"),
    ("вторжение", "advance", "occurred"), ("отъезда", "journey", "occurred"), ("экспедиціи", "advance", "occurred"),
])
def test_a_movement_word_by_its_lemma(word, kind, status):
    assert reading(word)[0] == kind and reading(word)[3] == status


@pytest.mark.parametrize("word", ["прибыль", "сторона", "отряд", "выступ", "занятия"])
def test_not_a_movement_word(word):
    assert reading(word) is None


FORMS = [
    # (text, kind, waypoint names in order)
    ("Батальон, прибывший вчера в Шушу, занял город.", "journey", ["Shusha"]),
    ("Перешедшие через Аракс персы стали лагерем.", "advance", ["Aras"]),
    ("Конница, выступивши из Ганжи, шла всю ночь.", "advance", ["Ganja"]),
    ("Турки осадили Карс.", "attack", ["Kars"]),
    ("Из Тифлиса выслали две роты.", "transfer", ["Tbilisi"]),
    ("Отъезд посольства в Персию отложен не был.", "journey", ["Persia"]),
    ("Ждали нападения на кр. Шушу.", "attack", ["Shusha"]),
    ("Пришло известие о вторжении со стороны Нахичевани.", "advance", ["Nakhchivan"]),
    ("Суда подвозят хлеб из Поти к берегам Абхазии.", "transfer", ["Poti", "Abkhazia"]),
    ("Князь, придя в Шамхор, потребовал сдачи.", "journey", ["Shamkir"]),
    ("Персияне отступили за Аракс.", "withdrawal", ["Aras"]),            # за + accusative: where to
    ("Хан бежал за р. Аракс.", "withdrawal", ["Aras"]),
]


@pytest.mark.parametrize("text, kind, names", FORMS)
def test_russian_movement_by_lemma(full_gazetteer, text, kind, names):
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.kind, [w.name for w in move.waypoints]) == (kind, names)
    assert text[move.start:move.end] == move.text


@pytest.mark.parametrize("text", [
    "Уезд граничит с Персией и с Эриванской губернией.",         # "с" with the instrumental: "with"
    "Селение входило в состав Карабахского ханства.",           # belonging, not entering
    "Эти уезды входили в Бакинскую губернию.",
    "Путь от Шуши к Горису занят снегом.",                       # a road does not move
    "Уполномоченный выступил с заявлением в Тифлисе.",           # a statement, not a march
    "Начальник в Шуше донес о нападении.",                       # a noun takes only the places after it
    "Персияне, отступив, стали за Араксом.",                     # за + instrumental: where, not where to
])
def test_not_a_russian_movement(full_gazetteer, text):
    assert analyse_text(text, gazetteer=full_gazetteer).movements == ()
