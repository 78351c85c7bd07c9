"""A document's date in the calendar it was written in beside the Gregorian one ("28 July 1920
(O.S.) = 10 August 1920"), in each interface language.

Gregorian and Julian month names, and each language's date patterns, are CLDR's (through Babel);
Rumi and Hijri month names come from the gettext catalogues. The scripts get the same words
from `/i18n/<lang>.json` (`calendar_words`) and write a date the same way (static/js/calendars.js).
"""
from __future__ import annotations

import re

from mapapp.message_ids import N_

# How a date in another calendar is set beside the Gregorian one, by calendar.
SIDE_BY_SIDE = {"julian": N_("%(written)s (O.S.) = %(gregorian)s"),
                "rumi": N_("%(written)s (Rumi) = %(gregorian)s"),
                "hijri": N_("%(written)s (Hijri) = %(gregorian)s")}
# The Rumi months, numbered as the Julian months they stand for (Kânunusani first), in the
# transliteration English-language scholarship uses.
RUMI_MONTHS = (N_("Kânunusani"), N_("Şubat"), N_("Mart"), N_("Nisan"), N_("Mayıs"), N_("Haziran"), N_("Temmuz"),
               N_("Ağustos"), N_("Eylül"), N_("Teşrinievvel"), N_("Teşrinisani"), N_("Kânunuevvel"))
HIJRI_MONTHS = (N_("Muharram"), N_("Safar"), N_("Rabi al-Awwal"), N_("Rabi al-Thani"), N_("Jumada al-Awwal"),
                N_("Jumada al-Thani"), N_("Rajab"), N_("Shaban"), N_("Ramadan"), N_("Shawwal"), N_("Dhu al-Qadah"),
                N_("Dhu al-Hijjah"))
_TOKEN = re.compile(r"'([^']*)'|d+|M+|L+|y+")


def _locale(code: str) -> str:
    return "en_GB" if code == "en" else code   # "10 August 1920", as mapapp.web.i18n.date_words


def calendar_words(code: str) -> dict:
    """Return how language `code` writes dates in each calendar: the long and month-and-year
    patterns, and per calendar its month names (as a date uses them, and standing alone) and the
    pattern that sets it beside the Gregorian date."""
    from babel import Locale
    from babel.dates import get_date_format, get_month_names
    from flask_babel import force_locale, gettext

    locale = _locale(code)
    cldr = [get_month_names("wide", context=context, locale=locale) for context in ("format", "stand-alone")]
    gregorian = [[names[m] for m in range(1, 13)] for names in cldr]
    with force_locale(code):
        rumi = [gettext(name) for name in RUMI_MONTHS]
        hijri = [gettext(name) for name in HIJRI_MONTHS]
        beside = {key: gettext(pattern) for key, pattern in SIDE_BY_SIDE.items()}
    months = {"gregorian": gregorian, "julian": gregorian, "rumi": [rumi, rumi], "hijri": [hijri, hijri]}
    return {"long": get_date_format("long", locale=locale).pattern,
            "month": Locale.parse(locale).datetime_skeletons["yMMMM"].pattern,
            "calendars": {key: {"months": names[0], "standalone": names[1], "beside": beside.get(key)}
                          for key, names in months.items()}}


def fill(pattern: str, day: tuple[int, int, int], months: list[str], standalone: list[str]) -> str:
    """Return the (year, month, day) `day` written with a CLDR `pattern` and these month names."""
    year, month, number = day

    def token(match: re.Match) -> str:
        text = match.group(0)
        if match.group(1) is not None:
            return match.group(1)
        if text[0] == "d":
            return str(number).zfill(len(text))
        if text[0] in "ML":
            return (months if text[0] == "M" else standalone)[month - 1] if len(text) >= 4 else str(month).zfill(len(text))
        return str(year)

    return _TOKEN.sub(token, pattern)


def _days(first: tuple[int, int, int], last: tuple[int, int, int], precision: str, words: dict, names: dict) -> str:
    """One interval: a day, a whole month ("March 1920"), else "first – last"."""
    if first == last:
        return fill(words["long"], first, names["months"], names["standalone"])
    if precision == "month" and first[:2] == last[:2] and first[2] == 1:
        return fill(words["month"], first, names["months"], names["standalone"])
    return " – ".join(fill(words["long"], d, names["months"], names["standalone"]) for d in (first, last))


def _parts(iso: str) -> tuple[int, int, int]:
    year, month, day = iso.split("-")
    return int(year), int(month), int(day)


def side_by_side(doc: dict, words: dict) -> str | None:
    """Return the date of `doc` (an API document answer) in its own calendar beside the Gregorian
    one, in the language of `words` (from `calendar_words`); None when it was written in the
    Gregorian calendar or is undated."""
    written = doc.get("date_as_written")
    if not written or not doc.get("earliest") or written["calendar"] not in SIDE_BY_SIDE:
        return None
    names = words["calendars"][written["calendar"]]
    first, last = _parts(written["earliest"]), _parts(written["latest"])
    earliest, latest = _parts(doc["earliest"]), _parts(doc.get("latest") or doc["earliest"])
    precision = doc.get("precision") or "day"
    shown = _days(first, last, precision, words, names)
    gregorian = _days(earliest, latest, precision, words, words["calendars"]["gregorian"])
    return names["beside"].replace("%(written)s", shown).replace("%(gregorian)s", gregorian)

