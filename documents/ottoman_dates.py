"""Dates in the Ottoman calendars, as Turkish and Azerbaijani documents write them in Latin
transliteration: Rumi ("15 Mart 1336", "Teşrinievvel 1336", "1336 senesi Mart", "15 Mart 336")
and Hijri ("5 Rebiülevvel 1339", "Ramazan 1338").

Rumi years of the period are four digits from 1256 (1840) to 1341 (1925), or their last three
("336"); Hijri years the same, told apart by the month's name. Both are converted to Gregorian
intervals (`documents.calendars`) and keep the date as written (`WrittenDate`). A Hijri day is
converted with the tabular calendar, and its interval widened by the days the month's observed
start could differ (`HIJRI_SLACK_DAYS`).

Each form is a (pattern, builder) pair, like those of `date_forms`; `documents.dates` runs them.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import timedelta

from documents.calendars import (
    HIJRI_SLACK_DAYS,
    hijri_month_length,
    hijri_to_gregorian,
    rumi_month_length,
    rumi_to_gregorian,
)
from documents.date_forms import Builder, compile_form
from documents.errors import DateError
from documents.model import WrittenDate

# Each month's written forms (Ottoman and Azerbaijani transliterations), by its number: Rumi
# months by the Julian month they stand for, Hijri months from Muharram.
RUMI_FORMS = {
    3: r"Mart", 4: r"Nisan", 5: r"May[ıi]s", 6: r"Haziran", 7: r"Temmuz", 8: r"A[ğg]ustos", 9: r"Eyl[üu]l",
    10: r"Te[şs]rin[-\s]?[iı][-\s]?evvel|Birinci\s+Te[şs]rin",
    11: r"Te[şs]rin[-\s]?[iı][-\s]?sani|[İI]kinci\s+Te[şs]rin",
    12: r"K[âa]nun[-\s]?[uıi][-\s]?evvel|Birinci\s+K[âa]nun",
    1: r"K[âa]nun[-\s]?[uıi][-\s]?sani|[İI]kinci\s+K[âa]nun",
    2: r"[ŞS]ubat",
}
HIJRI_FORMS = {
    1: r"Muharrem|M[əe]h[əe]rr[əe]m", 2: r"S[əa]f[əe]r", 3: r"R[əe]bi[üu]l[-\s]?[əe]vv[əe]l",
    4: r"R[əe]bi[üu]l[-\s]?(?:[aâ]hir|ax[ıi]r)|R[əe]bi[üu]s[-\s]?sani",
    5: r"C[əe]maziy?[əe]l[-\s]?[əe]vv[əe]l|C[əe]mad[iy]y?[əe]l[-\s]?[əe]vv[əe]l",
    6: r"C[əe]maziy?[əe]l[-\s]?(?:[aâ]hir|ax[ıi]r)|C[əe]mad[iy]y?[əe]l[-\s]?(?:[aâ]hir|ax[ıi]r)",
    7: r"R[əe]c[əe][bp]", 8: r"[ŞS]a'?ban", 9: r"Ramazan", 10: r"[ŞS][əe]vval",
    11: r"Zil[-\s]?[kq]a?'?[dd][əe]h?|Zi'?l[-\s]?ka'?de", 12: r"Zil[-\s]?hicc[əe]",
}
_YEAR = r"(?P<year>1[23]\d\d|[23]\d\d)"
_SENE = r"(?:sene(?:si)?\s+)?"


def _alternation(forms: dict[int, str]) -> str:
    return "(?i:" + "|".join(f"(?:{form})" for form in forms.values()) + ")"


def _number(written: str, forms: dict[int, str]) -> int:
    """Return the number of the month `written` (one of `forms`)."""
    for number, form in forms.items():
        if re.fullmatch(f"(?i:{form})", written):
            return number
    raise DateError(f"no month in {written!r}")


def _year(match: re.Match) -> int:
    """Return the year written in `match`; "336" stands for 1336, as Ottoman usage shortens it."""
    written = match.group("year")
    return int(written) + (1000 if len(written) == 3 else 0)


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _rumi_day(match, context):
    year, month, day = _year(match), _number(match.group("month"), RUMI_FORMS), int(match.group("day"))
    if not 1 <= day <= rumi_month_length(year, month):
        raise DateError(f"no such day in the Rumi calendar: {match.group(0)!r}")
    when = rumi_to_gregorian(year, month, day)
    return (when, when, "day", f"converted from the Rumi calendar ({_plain(match.group(0))})",
            WrittenDate("rumi", (year, month, day), (year, month, day)))


def _rumi_month(match, context):
    year, month = _year(match), _number(match.group("month"), RUMI_FORMS)
    days = rumi_month_length(year, month)
    return (rumi_to_gregorian(year, month, 1), rumi_to_gregorian(year, month, days), "month",
            f"converted from the Rumi calendar ({_plain(match.group(0))})",
            WrittenDate("rumi", (year, month, 1), (year, month, days)))


def _hijri_note(match) -> str:
    return (f"converted from the Hijri calendar ({_plain(match.group(0))}) by its tabular form; the month's "
            f"observed start may differ by a day or two, so {HIJRI_SLACK_DAYS} days are allowed on either side")


def _hijri_day(match, context):
    year, month, day = _year(match), _number(match.group("month"), HIJRI_FORMS), int(match.group("day"))
    when = hijri_to_gregorian(year, month, day)
    slack = timedelta(days=HIJRI_SLACK_DAYS)
    return (when - slack, when + slack, "day", _hijri_note(match),
            WrittenDate("hijri", (year, month, day), (year, month, day)))


def _hijri_month(match, context):
    year, month = _year(match), _number(match.group("month"), HIJRI_FORMS)
    days = hijri_month_length(year, month)
    slack = timedelta(days=HIJRI_SLACK_DAYS)
    return (hijri_to_gregorian(year, month, 1) - slack, hijri_to_gregorian(year, month, days) + slack, "month",
            _hijri_note(match), WrittenDate("hijri", (year, month, 1), (year, month, days)))


def _forms(months: str, day, month) -> list[tuple[str, Builder]]:
    """The day, month and "year senesi month" forms of one calendar."""
    return [(r"(?P<day>[0-3]?\d)\s+(?P<month>" + months + r")\s+" + _SENE + _YEAR, day),
            (r"(?P<month>" + months + r")\s+" + _SENE + _YEAR, month),
            (_YEAR + r"\s+sene(?:si)?\s+(?P<month>" + months + r")(?:\s+ay[ıi](?:nda)?)?", month)]


OTTOMAN_FORMS: tuple[tuple[re.Pattern, Builder], ...] = tuple(
    (compile_form(pattern), builder) for pattern, builder in (
        _forms(_alternation(RUMI_FORMS), _rumi_day, _rumi_month)
        + _forms(_alternation(HIJRI_FORMS), _hijri_day, _hijri_month))
)
