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
