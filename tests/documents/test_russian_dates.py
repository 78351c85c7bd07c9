"""Dates as Russian documents write them (documents.russian_dates, through documents.dates)."""
from __future__ import annotations

from datetime import date

import pytest

from documents.dates import find_dates, parse_date
from documents.model import DateRange

AUGUST_1920 = DateRange(date(1920, 8, 1), date(1920, 8, 31), "август 1920", "month")


@pytest.mark.parametrize("text, written, earliest, latest", [
    ("Баку, 10 августа 1920 г.", "10 августа 1920 г.", "1920-08-10", "1920-08-10"),
    ("получено 3 октября 1918 года", "3 октября 1918 года", "1918-10-03", "1918-10-03"),
    ("сводка 10/VIII-20.", "10/VIII-20", "1920-08-10", "1920-08-10"),
    ("в начале января 1921 года", "в начале января 1921 года", "1921-01-01", "1921-01-10"),
    ("В середине мая 1918 г. войска", "В середине мая 1918 г.", "1918-05-11", "1918-05-20"),
    ("в конце февраля 1921 г.", "в конце февраля 1921 г.", "1921-02-21", "1921-02-28"),
    ("во второй половине июня 1920 г.", "во второй половине июня 1920 г.", "1920-06-16", "1920-06-30"),
    ("в первой половине марта 1921 года", "в первой половине марта 1921 года", "1921-03-01", "1921-03-15"),
    ("в августе 1920 года", "августе 1920 года", "1920-08-01", "1920-08-31"),
    ("сентябрь 1920 г.", "сентябрь 1920 г.", "1920-09-01", "1920-09-30"),
    ("5 авг. 1920 г.", "5 авг. 1920 г.", "1920-08-05", "1920-08-05"),
    ("15 июля 1918 г. по ст. ст.", "15 июля 1918 г. по ст. ст.", "1918-07-28", "1918-07-28"),
    ("15 июля 1918 г. (по старому стилю)", "15 июля 1918 г. (по старому стилю)", "1918-07-28", "1918-07-28"),
    ("Карс, 15 октября 1920 г. Вчера", "15 октября 1920 г.", "1920-10-15", "1920-10-15"),
    # parts of a month and seasons as 19th-century prose writes them, and the old і in June and July
    ("В половине мая 1919 года отряд стоял.", "В половине мая 1919 года", "1919-05-11", "1919-05-20"),
    ("в исходе октября 1827 г. крепость пала", "в исходе октября 1827 г.", "1827-10-21", "1827-10-31"),
    ("В первых числах марта 1921 г. пришли", "В первых числах марта 1921 г.", "1921-03-01", "1921-03-10"),
    ("Летом 1919 года дороги открылись.", "Летом 1919 года", "1919-06-01", "1919-08-31"),
    ("осенью 1827 г. войска вернулись", "осенью 1827 г.", "1827-09-01", "1827-11-30"),
    ("Ранней весною 1828 года", "Ранней весною 1828 года", "1828-03-01", "1828-03-31"),
    ("поздней осенью 1920 года", "поздней осенью 1920 года", "1920-11-01", "1920-11-30"),
    ("зимой 1921 г. перевалы закрыты", "зимой 1921 г.", "1920-12-01", "1921-02-28"),
    ("Донесеніе отъ 7 іюля 1827 г.", "7 іюля 1827 г.", "1827-07-07", "1827-07-07"),
    ("Приказ 2 Iюня 1827 года", "2 Iюня 1827 года", "1827-06-02", "1827-06-02"),
])
def test_russian_date(text, written, earliest, latest):
    [found] = find_dates(text)
    assert (found.text, found.range.earliest.isoformat(), found.range.latest.isoformat()) == (written, earliest, latest)
    assert text[found.start:found.end] == written


def test_old_style_says_it_was_converted():
    [found] = find_dates("28 июля по ст. ст.", AUGUST_1920)
    assert found.range.earliest == date(1920, 8, 10)
    assert "Julian" in found.range.note


@pytest.mark.parametrize("text, day", [
    ("12 мая", date(1920, 5, 12)),              # the year of the document's date
    ("Приказ № 12: в начале июня", date(1920, 6, 1)),
])
def test_without_a_year_the_documents_year(text, day):
    [found] = [f for f in find_dates(text, AUGUST_1920) if f.text != "12"]
    assert found.range.earliest == day


def test_the_date_line_of_a_russian_document():
    assert parse_date("12 июня 1920 г.") == DateRange(date(1920, 6, 12), date(1920, 6, 12), "12 июня 1920 г.", "day")


@pytest.mark.parametrize("text", ["мая", "12 майора", "в конце концов", "Март"])
def test_not_dates(text):
    assert find_dates(text) == []


# Dates without a digit. The sentences are new (no rule was written from them); the year comes
# from the document's date, else it is unknown and reported so.
@pytest.mark.parametrize("text, written, earliest, latest", [
    ("Полк оставил Казах пятнадцатого сентября.", "пятнадцатого сентября", "1920-09-15", "1920-09-15"),
    ("Наступление началось двадцать восьмого апреля на рассвете.", "двадцать восьмого апреля",
     "1920-04-28", "1920-04-28"),
    ("Тридцатого июня отряд прибыл в Горис.", "Тридцатого июня", "1920-06-30", "1920-06-30"),
    ("В ночь на третье марта перешли Араке.", "третье марта", "1920-03-03", "1920-03-03"),
    ("Утром четвёртого октября колонна вошла в Шушу.", "четвёртого октября", "1920-10-04", "1920-10-04"),
    ("к утру четвертого октября", "четвертого октября", "1920-10-04", "1920-10-04"),
    ("Бои шли в конце июля у Нахичевани.", "в конце июля", "1920-07-21", "1920-07-31"),
    ("Во второй половине ноября выпал снег.", "Во второй половине ноября", "1920-11-16", "1920-11-30"),
    ("Съезд собрался в середине февраля.", "в середине февраля", "1920-02-11", "1920-02-20"),
    ("тридцать первого декабря 1920 года", "тридцать первого декабря 1920 года", "1920-12-31", "1920-12-31"),
])
def test_a_russian_date_without_digits(text, written, earliest, latest):
    [found] = find_dates(text, AUGUST_1920)
    assert (found.text, found.range.earliest.isoformat(), found.range.latest.isoformat()) == (written, earliest, latest)
    assert text[found.start:found.end] == written


def test_a_russian_date_without_digits_and_without_context_has_its_year_unknown():
    [found] = find_dates("Отряд вышел из Джебраила семнадцатого мая.")
    assert found.text == "семнадцатого мая" and found.range.earliest is None


def test_an_old_style_date_in_words_is_converted():
    [found] = find_dates("Прибыли в Тифлис двадцатого июля по старому стилю.", AUGUST_1920)
    assert found.range.earliest == date(1920, 8, 2) and "Julian" in found.range.note


@pytest.mark.parametrize("text", ["первого батальона", "второе место", "в конце дороги", "пятого полка мая"])
def test_ordinal_words_that_are_not_dates(text):
    assert find_dates(text, AUGUST_1920) == []
