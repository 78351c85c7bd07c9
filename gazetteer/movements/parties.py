"""Whose side a movement's actor is on: the party it belongs to, where the document makes it clear.

The actor stays as the text words it ("Our troops", "Dashnak bands"); the party is the timeline's
name for the side ("RSFSR (11th Red Army)"), so that one side is one colour on the map, the
same as its territories. A first-person actor ("our forces") is the writer's side; a named force
is its state's; anything less clear (a person, "the Dashnaks" after the Republic of Armenia handed
over power, "The Armenians" of 1921) gets no party, and is shown in its own words only.
"""
from __future__ import annotations

import re
from datetime import date

RSFSR = "RSFSR (11th Red Army)"
TURKEY = "Grand National Assembly of Turkey"
REPUBLIC_OF_ARMENIA = "Republic of Armenia"
AZERBAIJAN_SSR = "Azerbaijan SSR"
ARMENIAN_SSR = "Armenian SSR"
# The Republic of Armenia handed over power on this day (gazetteer/data/territories/README.md).
REPUBLIC_ENDS = date(1920, 12, 2)

FIRST_PERSON = re.compile(r"^\s*(?:our|we|us)\b", re.I)
# (actor words, party, last day the words mean that party or None): the first that matches wins.
ACTOR_PARTIES: tuple[tuple[re.Pattern, str, date | None], ...] = (
    (re.compile(r"\b(?:red|soviet|rsfsr|11th\s+(?:red\s+)?army|revolutionary military council|caucasian front)\b",
                re.I), RSFSR, None),
    (re.compile(r"\b(?:turkish|turks?|kemalists?|bayazet|khalil|halil)\b", re.I), TURKEY, None),
    (re.compile(r"\b(?:armenian government|armenians|dashnaks?)\b", re.I), REPUBLIC_OF_ARMENIA, REPUBLIC_ENDS),
)
# Writers whose "our" is known: surname -> the side they wrote for.
WRITER_PARTIES = {
    "legrand": RSFSR, "ordzhonikidze": RSFSR, "chicherin": RSFSR, "mdivani": RSFSR, "pugachyov": RSFSR,
    "command of the caucasian front": RSFSR, "makhmudbekov": AZERBAIJAN_SSR, "narimanov": AZERBAIJAN_SSR,
    "shakhtakhtinsky": AZERBAIJAN_SSR, "halil": TURKEY, "mustafa kemal": TURKEY, "kasyan": ARMENIAN_SSR,
    "bekzadyan": ARMENIAN_SSR,
}
# Subjects that are no actor: "The situation is complicated by ..." moves nothing.
NOT_ACTORS = re.compile(r"^\s*(?:the\s+)?(?:situation|question|matter|issue|policy|conduct|position|state of affairs"
                        r"|course|result|news|idea)\b", re.I)


def writer_party(writer: str | None) -> str | None:
    """Return the side a document's writer wrote for, when the table knows them; else None."""
    lowered = (writer or "").lower()
    return next((party for name, party in WRITER_PARTIES.items() if name in lowered), None)


def actor_party(actor: str | None, writer: str | None = None, on: date | None = None) -> str | None:
    """Return the party `actor` belongs to, where the words make it clear (else None).

    `writer` is the document's author (for "our ..."), `on` the movement's date (for words whose
    meaning ends, such as "the Dashnaks" for the Republic of Armenia's forces).
    """
    if not actor or NOT_ACTORS.match(actor):
        return None
    if FIRST_PERSON.match(actor):
        return writer_party(writer)
    for pattern, party, until in ACTOR_PARTIES:
        if pattern.search(actor):
            return party if until is None or on is None or on <= until else None
    return None


def is_actor(phrase: str) -> bool:
    """Return False for a subject that names no one ("The situation"): no movement has it as actor."""
    return not NOT_ACTORS.match(phrase)
