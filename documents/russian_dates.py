"""Dates as Russian documents write them: "10 августа 1920 г.", "в начале января 1921 года",
"в мае 1918 г.", "15 июля 1918 г. по ст. ст.", "десятого августа".

Month names in the genitive ("10 августа"), the nominative ("август 1920") and the prepositional
("в августе 1920 г."), with their usual abbreviations ("авг.", "сент."); "г." / "года" / "году"
after the year; the parts of a month ("в начале", "в середине", "в конце" = its thirds, as
"early/mid/late" in English; "в первой/второй половине" = its halves); a day written as an
ordinal word ("десятого августа", "двадцать первого мая", "первое сентября"). A date followed by
"по ст. ст." or "по старому стилю" is Old Style (Julian) and is converted like "(O.S.)", with
a note. "10/VIII-20" is read by the Roman-numeral form of `documents.date_forms`.

Each form is a (pattern, builder) pair, like those of `date_forms`; `documents.dates` runs them
with the others, so a date without a year takes it the same ways ("12 мая" in a text of 1920).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from itertools import accumulate

from documents.calendars import julian_to_gregorian, month_end, month_third
from documents.date_forms import FULL_YEAR, MONTH_PIECES, Builder, compile_form, year_of
from documents.errors import DateError
from documents.model import DateRange, FoundDate, WrittenDate

# Stems of the month names, and the endings of their cases (nominative, genitive, prepositional).
MONTH_STEMS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
               "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12}
ABBREVIATIONS = {"янв": 1, "февр": 2, "фев": 2, "апр": 4, "авг": 8, "сент": 9, "сен": 9, "окт": 10,
                 "нояб": 11, "ноя": 11, "дек": 12}
# "іюля", "Iюня": the old orthography (and OCR) write June and July with і or a Latin i.
_MONTH = (r"(?P<month>(?:январ|феврал|апрел|[иіIi]юн|[иіIi]юл|сентябр|октябр|ноябр|декабр)[ьяе]|ма[йяе]|март[ае]?"
          r"|август[ае]?|(?:янв|февр?|апр|авг|сент?|окт|нояб?|дек)\.)")
_YEAR = rf"(?:\s+(?P<year>{FULL_YEAR})(?:\s*(?:г\.|года|году|год)(?!\w))?)"
_OLD_STYLE = r"(?P<os>,?\s*\(?по\s+(?:ст\.\s*ст\.|старому\s+стилю)\)?)"
_PART = (r"(?:[Вв]о?\s+)?(?P<part>начале|середине|конце|первой\s+половине|второй\s+половине|половине|исходе"
         r"|первых\s+числах|последних\s+числах)")
# "в половине июля" is mid-July in the prose of the 19th century, "в исходе" its end.
PARTS = {"начале": "early", "середине": "mid", "конце": "late", "половине": "mid", "исходе": "late",
         "первых": "early", "последних": "late"}
HALVES = {"первой": MONTH_PIECES["half"]["first"], "второй": MONTH_PIECES["half"]["second"]}
# A month name anywhere: texts without one and without a digit hold no Russian date.
MONTH_CUE = re.compile(r"(?<!\w)" + _MONTH, re.IGNORECASE)

# Ordinal day words (genitive "десятого", nominative/accusative "десятое"), by stem.
_UNITS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
          "восьм": 8, "девят": 9}
_ORDINALS = {**_UNITS, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
             "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
             "двадцат": 20, "тридцат": 30}
_TENS = {"двадцать": 20, "тридцать": 30}


def _stems(stems) -> str:
    return "|".join(sorted(stems, key=len, reverse=True))


_ENDING = r"(?:ьего|ого|ье|ое)"
_DAY_WORD = (rf"(?P<day>(?i:(?:(?:двадцать|тридцать)\s+(?:{_stems(_UNITS)})|{_stems(_ORDINALS)}){_ENDING}))")


def month_number(written: str) -> int:
    """Return the number of a month written in Russian, in any case or abbreviated."""
    word = written.rstrip(".").lower().replace("і", "и").replace("i", "и")
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    for stem, number in sorted(MONTH_STEMS.items(), key=lambda item: -len(item[0])):
        if word.startswith(stem):
            return number
    raise DateError(f"no month in {written!r}")


def day_number(written: str) -> int:
    """Return the day of a month written in digits or as a Russian ordinal word ("двадцать первого")."""
    if written.isdigit():
        return int(written)
    words = written.lower().split()
    tens = _TENS[words[0]] if len(words) == 2 else 0
    stem = next(s for s in sorted(_ORDINALS, key=len, reverse=True) if words[-1].startswith(s))
    return tens + _ORDINALS[stem]


def _day(match: re.Match, context):
    month = month_number(match.group("month"))
    year = year_of(match, context, month)
    day = day_number(match.group("day"))
    if match.group("os"):
        try:
            when = julian_to_gregorian(year, month, day)
        except ValueError as err:
            raise DateError(str(err)) from None
        return (when, when, "day", f"converted from the Julian calendar (по ст. ст., {match.group(0)})",
                WrittenDate("julian", (year, month, day), (year, month, day)))
    when = date(year, month, day)
    return when, when, "day"


def _part_of_month(match: re.Match, context):
    month = month_number(match.group("month"))
    year = year_of(match, context, month)
    part = match.group("part").split()
    if len(part) == 2 and part[1] == "половине":   # a half
        first, last = HALVES[part[0]]
        return date(year, month, first), date(year, month, last) if last else month_end(year, month), "part-of-month"
    first, last = month_third(year, month, PARTS[part[0]])
    return first, last, "part-of-month"


def _month(match: re.Match, context):
    month = month_number(match.group("month"))
    year = year_of(match, context, month)
    return date(year, month, 1), month_end(year, month), "month"


# "летом 1804 года", "весною 1827 г.", "ранней весной 1827 года": seasons are meteorological, as in
# `documents.date_spans` (spring March-May ...; early / late of a season its first / last month;
# winter of a year the one whose January falls in it).
_SEASON = (r"(?<!\w)(?:(?P<part>[Рр]анн(?:ей|ею)|[Пп]оздн(?:ей|ею)|[Рр]анняя|[Пп]оздняя)\s+)?"
           r"(?P<season>[Вв]есн(?:ой|ою|а)|[Лл]ет(?:ом|о)|[Оо]сен(?:ью|ь)|[Зз]им(?:ой|ою|а))\s+"
           rf"(?P<year>{FULL_YEAR})(?:\s*(?:г\.|года|году|год)(?!\w))?")
SEASONS = {"весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2)}


def _season(match: re.Match, context):
    year = int(match.group("year"))
    written = match.group("season").lower()
    first_month, last_month = next(v for k, v in SEASONS.items() if written.startswith(k))
    first_year = year - 1 if first_month > last_month else year
    first, last = date(first_year, first_month, 1), month_end(year, last_month)
    part = (match.group("part") or "").lower()
    if part.startswith("ран"):
        last = month_end(first.year, first.month)
    elif part.startswith("поздн"):
        first = date(year, last_month, 1)
    if first_month > last_month:
        return first, last, "season", (f"the winter of {year} read as December {year - 1} - February {year} "
                                       f"(the winter whose January falls in {year})")
    return first, last, "season"


# "в апреле месяце": a month named with the word "месяц", its year from the text or the document.
_MONTH_WORD = r"(?<!\w)[Вв]о?\s+" + _MONTH + r"\s+месяце" + _YEAR + "?"


RUSSIAN_FORMS: tuple[tuple[re.Pattern, Builder], ...] = tuple(
    (compile_form(pattern), builder) for pattern, builder in (
        (r"(?P<day>[0-3]?\d)(?:-?го)?\s+" + _MONTH + _YEAR + "?" + _OLD_STYLE + "?", _day),
        (_DAY_WORD + r"\s+" + _MONTH + _YEAR + "?" + _OLD_STYLE + "?", _day),
        (_PART + r"\s+" + _MONTH + _YEAR + "?", _part_of_month),
        (_MONTH + _YEAR, _month),
        (_SEASON, _season),
        (_MONTH_WORD, _month),
    )
)


# A day written without its month: "14-го числа", "10 числа", "28-го," (the ordinal before a stop).
_DAY_ONLY = re.compile(r"(?<![\w/.-])(?P<day>[0-3]?\d)(?:-?го\s+числа|\s+числа|-го(?=\s*[,.;:)]))(?!\w)")
_DAY_CUE = re.compile(r"\d(?:-?го|\s+числа)")


def days_without_month(text: str, found: list[FoundDate], context: DateRange | None) -> list[FoundDate]:
    """The days of `text` written without their month ("выступил 22 ноября 1803 года ... и 28-го
    прибыл"): in the month of the last date to the day before it in the text, else of the
    document's date; with neither, reported with its month and year unknown (EDTF "XXXX-XX-28")."""
    if not _DAY_CUE.search(text):
        return []
    dated = sorted((f for f in found if f.range.has_year and f.range.precision == "day"), key=lambda f: f.end)
    dated_ends = [f.end for f in dated]
    # Found dates by start, with the furthest end reached so far: a place lies inside one of them
    # when the furthest end of those starting at or before it lies past it (bisected, not scanned,
    # so that a long text stays linear).
    spans = sorted((f.start, f.end) for f in found)
    span_starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))
    days = []
    for match in _DAY_ONLY.finditer(text):
        at = bisect_right(span_starts, match.start())
        if at and reach[at - 1] > match.start():
            continue
        day, written = int(match.group("day")), match.group(0)
        last = bisect_right(dated_ends, match.start())
        if last:
            before = dated[last - 1]
            anchor, how = before.range.earliest, f"the month of the date before it in the text ({before.text})"
        elif context is not None and context.has_year and context.precision in ("day", "month"):
            anchor, how = context.earliest, "the document's month"
        else:
            anchor = None
        if anchor is None:
            if 1 <= day <= 31:
                days.append(FoundDate(written, match.start(), match.end(), DateRange(
                    None, None, written, "day", "month and year not given", edtf=f"XXXX-XX-{day:02d}")))
            continue
        if not 1 <= day <= month_end(anchor.year, anchor.month).day:
            continue
        when = date(anchor.year, anchor.month, day)
        days.append(FoundDate(written, match.start(), match.end(), DateRange(when, when, written, "day", how)))
    return days
