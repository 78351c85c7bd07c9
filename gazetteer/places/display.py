"""Which of a place's names is shown first: today's name, or the name of the documents' period.

The rule, one for every place: the name shown first is the record's `title`, the place's name
today as it is usually written in English (the curated records are made so: Gyumri, Goris, Ganja,
Khankendi, Kars). The **period name** is the name the place bore in 1918–1923 as the period's
documents transliterate it: the first English or Russian-transliterated name that the gazetteer
marks as a period name, or whose years of use cover 1920, and whose years do not exclude 1920
(Alexandropol, Geryusy, Erivan, Tiflis, Khankend); a place with none keeps its title. No name is
ranked above another otherwise: every name stays listed, with its years and note.
"""
from __future__ import annotations

from gazetteer.model import Place, PlaceName

PERIOD_YEAR = 1920
LATIN_LANGS = ("en", "ru-Latn")


def in_use(name: PlaceName, year: int = PERIOD_YEAR) -> bool | None:
    """Return whether `name` was in use in `year`: True or False from its years, None without years."""
    if name.valid_from is None and name.valid_to is None:
        return None
    return (name.valid_from is None or name.valid_from <= year) and (name.valid_to is None or year <= name.valid_to)


def period_name(place: Place, year: int = PERIOD_YEAR) -> str:
    """Return the name `place` bore in `year` as the period's documents write it (else its title)."""
    for name in place.names:
        if name.lang not in LATIN_LANGS:
            continue
        used = in_use(name, year)
        marked = "period" in (name.note or "").lower()
        if used is True or (marked and used is not False):
            return name.toponym
    return place.name


def name_years(name: PlaceName) -> str | None:
    """Return the years a name was in use, as text ("1923–", "1993–2020", "–1923"), or None."""
    if name.valid_from is None and name.valid_to is None:
        return None
    return f"{name.valid_from or ''}–{name.valid_to or ''}"
