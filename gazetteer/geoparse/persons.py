"""Names the gazetteer knows as places but that a text most likely uses for something else.

Applied after resolution, with what recognition cannot know: the chosen place's layer, its
distance from the document's region and the years its name was in use. Each rule yields
to a place cue next to the name ("the city of X", "X district", "renamed X"):

- a Soviet-era name that is also a person's surname (Ordzhonikidze 1931-1944, Makharadze,
  Mikoyan) is the person, unless a cue says place or the document's date falls in the
  years of that name and a preposition stands before it ("in Ordzhonikidze");
- a broad-layer alternate name that looks like a surname ("Jugheli" for Zestaponi) or is a
  short word of up to four letters ("Nur", "Reza", "Hamo", "Uzun") is a person's name;
- a broad-layer town thousands of kilometres from the document's region, small for its
  distance and not in a country the text names, is a person's namesake ("Lansing" in
  Michigan, "Haskell" in Texas); Trieste or Toulon, big enough in Europe, stay.
"""
from __future__ import annotations

from gazetteer.geodesy import distance_km
from gazetteer.geoparse.matcher import Hit
from gazetteer.geoparse.placenames import names_with_key
from gazetteer.model import LonLat, Place
from gazetteer.names.normalize import name_key
from gazetteer.names.stoplists import EVENT_WORDS, PERSON_KEYS, PREPOSITIONS, naming_cue

PERIOD_END = 1921        # the field's years end here: a name first used later is a renaming
FAR_KM = 2500.0              # beyond it, a town of under SMALL_TOWN people needs evidence...
SMALL_TOWN = 50_000
OTHER_CONTINENT_KM = 5000.0  # ...and beyond this (the Americas, East Asia), one under BIG_CITY
BIG_CITY = 300_000
SHORT_KEY = 4
KNOWN_CITY = 100_000   # a city this big and NEAR_KM near is known by its short alternates too
NEAR_KM = 1500.0
# Endings of surnames as they fold (normalize.fold_word): -adze, -idze, -shvili, -eli
# (Georgian), -yan/-ian (Armenian), -sky/-ski; Russian -ov/-ev/-in only for Soviet renamings.
SURNAME_ENDINGS = ("adze", "idze", "shvili", "eli", "ian", "ski")
SOVIET_SURNAME_ENDINGS = SURNAME_ENDINGS + ("ov", "ev", "in")


def not_meant(hit: Hit, place: Place, context, region: LonLat, countries: frozenset[str]) -> str | None:
    """Return why `place`, chosen for `hit`, is not what the text means (a person), else None.

    `context` is the TextContext, `region` the document's centre, `countries` the country
    codes of the countries the text names.
    """
    if _has_place_cue(hit):
        return None
    word = hit.key.strip() if hit.key else ""
    if place.layer != "broad":
        return _soviet_surname(hit, word, place, context)
    if place.kind == "country":
        return None
    km = distance_km(place, region)
    population = place.population or 0
    alternate = name_key(place.name) != hit.key
    known = population >= KNOWN_CITY and km <= NEAR_KM   # "Orfa" for Urfa, "Hama" for Hamāh
    if alternate and not known and " " not in word and (
            len(word) <= SHORT_KEY or word.endswith(SURNAME_ENDINGS)):
        return f"'{hit.text}' is a short or surname-like alternate name of {place.name}: a person"
    if place.country_code not in countries:
        if (km > OTHER_CONTINENT_KM and population < BIG_CITY) or (km > FAR_KM and population < SMALL_TOWN):
            return f"{place.name} is {km:,.0f} km from the document's region, with no evidence for it"
    return None


def _has_place_cue(hit: Hit) -> bool:
    """A type cue, a renaming ("renamed X"), or an event of the place ("Treaty of X", "X Conference")."""
    if hit.cue is not None or naming_cue(hit.before):
        return True
    words = hit.before.split(" ") if hit.before else []
    event_before = len(words) == 2 and words[1] == "of" and words[0] in EVENT_WORDS
    return event_before or hit.after in EVENT_WORDS


def _soviet_surname(hit: Hit, word: str, place: Place, context) -> str | None:
    """A name first used after the field's years, and given up since, that is a surname."""
    if " " in word or not any(n.valid_from is not None and n.valid_to is not None for n in place.names):
        return None
    names = names_with_key(place, hit.key)
    if not names or not all(n.valid_from is not None and n.valid_from > PERIOD_END - 1
                            and n.valid_to is not None for n in names):
        return None
    if word not in PERSON_KEYS and not word.endswith(SOVIET_SURNAME_ENDINGS):
        return None
    previous = hit.before.split(" ")[-1] if hit.before else ""
    if previous in PREPOSITIONS and _dated_within(context, names):
        return None   # "in Ordzhonikidze" in a text of the years the town bore that name
    first = min(n.valid_from for n in names)
    return f"'{hit.text}' was a name of {place.name} only from {first}: here a person"


def _dated_within(context, names) -> bool:
    """Return True when the text's dates fall within the years of one of `names`."""
    years = context.years() if context is not None else None
    if years is None:
        return False
    first, last = years
    return any(n.valid_from <= last and first <= n.valid_to for n in names)
