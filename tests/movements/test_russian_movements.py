"""Movements stated in Russian: the common verbs of troop movement, through the whole analysis."""
from __future__ import annotations

import pytest

from gazetteer.movements.russian import sentence_spans
from mapapp.analysis.pipeline import analyse_text

FORMS = [
    # (text, kind, waypoint names in order, status, actor)
    ("Наши части заняли Горис.", "occupation", ["Goris"], "occurred", "Наши части"),
    ("Противник отошел от Кафана на юг.", "withdrawal", ["Kapan"], "occurred", "Противник"),
    ("Войска отошли къ Александрополю.", "withdrawal", ["Gyumri"], "occurred", "Войска"),
    ("Турецкие войска выступили из Карса на Александрополь.", "advance", ["Kars", "Gyumri"], "occurred",
     "Турецкие войска"),
    ("Кавалерийский полк прибыл в Нахичевань.", "journey", ["Nakhchivan"], "occurred", "Кавалерийский полк"),
    ("Дивизия наступает от Казаха на Дилижан.", "advance", ["Qazax", "Dilijan"], "under way", "Дивизия"),
    ("Полк двинулся через Казах на Дилижан.", "advance", ["Qazax", "Dilijan"], "occurred", "Полк"),
    ("Отряд выступил из Акстафы и двинулся через Казах на Дилижан.", "advance",
     ["Aghstafa", "Qazax", "Dilijan"], "occurred", "Отряд"),
    ("Приказываю бригаде занять Шушу.", "occupation", ["Shusha"], "ordered", "бригаде"),
    ("Части 11-й армии вступили в Баку.", "occupation", ["Baku"], "occurred", "Части 11-й армии"),
    ("Армянские войска оставили Карс.", "withdrawal", ["Kars"], "occurred", "Армянские войска"),
]


@pytest.mark.parametrize("text, kind, names, status, actor", FORMS)
def test_russian_movement(full_gazetteer, text, kind, names, status, actor):
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.kind, [w.name for w in move.waypoints], move.status, move.actor) == (kind, names, status, actor)
    assert text[move.start:move.end] == move.text


@pytest.mark.parametrize("text", [
    "Из Агдама в Шушу ведет шоссе.",                  # a road
    "Наши части не заняли Горис.",                    # negated
    "В Карсе спокойно. Связь с Эриванью прервана.",   # no movement word
    "Представитель выступил с речью в Тифлисе.",      # a speech, not a march
])
def test_not_a_movement(full_gazetteer, text):
    assert analyse_text(text, gazetteer=full_gazetteer).movements == ()


def test_two_verbs_one_subject_keep_their_own_places_and_the_subject(full_gazetteer):
    moves = analyse_text("Наши части заняли Горис и двинулись к Лачину.", gazetteer=full_gazetteer).movements
    assert [(m.kind, [w.name for w in m.waypoints], m.actor) for m in moves] == [
        ("occupation", ["Goris"], "Наши части"), ("advance", ["Lachin"], "Наши части")]


def test_a_movement_takes_the_date_of_its_sentence(full_gazetteer):
    text = "Телеграмма от 28 апреля 1920 г.\nВ начале июня 1920 г. отряд выступил из Агдама на Шушу."
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.earliest.isoformat(), move.latest.isoformat(), move.actor) == ("1920-06-01", "1920-06-10", "отряд")


@pytest.mark.parametrize("text, pieces", [
    ("Баку, 12 июня 1920 г. Части вступили в Шушу.", 2),
    ("Письмо от 15 июля 1918 г. по ст. ст.\nВойска вошли в Карс.", 2),
    ("Прибыл ген. Андраник. 28 июля отряд отошел.", 2),
    ("Одно предложение без точки", 1),
])
def test_sentences(text, pieces):
    assert len(sentence_spans(text)) == pieces


def test_the_language_is_recorded(full_gazetteer):
    assert analyse_text("Наши части заняли Горис.", gazetteer=full_gazetteer).language == "ru"
    assert analyse_text("Наши части заняли Горис.", gazetteer=full_gazetteer, language="ru-petr1708").language \
        == "ru-petr1708"
