"""Russian "в ... месяце", seasons without a year, and days written without their month (the parts of
a month, seasons and old spellings of June and July are rows of test_russian_dates). Sentences written for these tests."""
from __future__ import annotations

import pytest

from documents.dates import find_dates


def test_a_month_named_with_mesyats_takes_the_year_of_the_text():
    found = find_dates("Бой был 3 мая 1828 г. В июне месяце полк ушел.")
    assert [(f.text, f.range.earliest.isoformat(), f.range.latest.isoformat()) for f in found] == [
        ("3 мая 1828 г.", "1828-05-03", "1828-05-03"), ("В июне месяце", "1828-06-01", "1828-06-30")]


@pytest.mark.parametrize("text", ["Лето было жарким.", "полетом 1920 года", "за 10 лет 1920 года"])
def test_no_season_without_its_year(text):
    assert [f.text for f in find_dates(text) if "лет" in f.text.lower()] == []


@pytest.mark.parametrize("text, written, earliest, edtf", [
    ("Полк выступил 3 июня 1919 г., а 9-го, у моста, встал.", "9-го", "1919-06-09", None),
    ("Донесение от 2 марта 1921 г. 11-го числа будет смотр.", "11-го числа", "1921-03-11", None),
    ("Ожидаем подкреплений 15 числа.", "15 числа", None, "XXXX-XX-15"),
])
def test_a_day_without_its_month(text, written, earliest, edtf):
    found = [f for f in find_dates(text) if f.text == written]
    assert [(f.range.earliest.isoformat() if f.range.earliest else None, f.range.edtf) for f in found] == [
        (earliest, edtf)]


@pytest.mark.parametrize("text", ["Батальон 28-го полка стоял.", "Выдано 3 числовых таблицы."])
def test_an_ordinal_that_is_no_day(text):
    assert find_dates(text) == []


def test_an_ordinal_day_before_its_month():
    [found] = find_dates("14-го августа 1920 г. полк занял город.")
    assert (found.text, found.range.earliest.isoformat()) == ("14-го августа 1920 г.", "1920-08-14")
