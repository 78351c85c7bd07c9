"""Words that look like place names but are not: demonyms, organisations, persons, archives,
and `not_a_place`, the rule the matcher applies with them to each recognised name.

`common_words()` is the list of English words that are also names of some town in GeoNames
(so "Reading", "Mobile", "Batman" are dropped from the broad layer); it is derived from the
SCOWL word list of Debian's `wamerican` package (public domain-like licence; the provenance
is in the header of gazetteer/data/common_words.txt, made by bench/common_words.py).
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

from gazetteer.names.normalize import DASHES, fold_word

# Demonyms and adjectives: never places, even in capitals at a sentence start.
DEMONYMS = frozenset("""
armenian armenians turkish turk turks turkic azerbaijani azerbaijanis azeri azeris azerbaijanian
georgian georgians russian russians persian persians iranian kurdish kurd kurds kurdistani tatar
tatars tartar tartars caucasian caucasians transcaucasian baltic ottoman ottomans soviet soviets
bolshevik bolsheviks menshevik dashnak dashnaks musavat musavatist english british french
american german italian greek greeks muslim muslims moslem moslems mussulman musulman
christian christians dagestani lezgin lezgins ukrainian polish arab arabs syrian iraqi molokan
molokans european asian anatolian kemalist kemalists entente allied
""".split())

# English function words that a folded name can equal ("Any" folds like "Ani").
FUNCTION_WORDS = frozenset("""
any some all none each every this that these those here there when then also even only many
more most such what which who whom whose why how may might must shall will would could should
can not nor yet still thus hence since until upon after before under over into onto both either
neither other another same very much than while where
""".split())

# Words around a place name in an institutional phrase that still denotes the territory:
# "Republic of Armenia", "Soviet Russia", "Grand National Assembly of Turkey", "Shushi
# District". The bare name is the mention.
GENERIC_WORDS = frozenset("""
republic republics of the socialist soviet democratic federative federal people's peoples grand
national assembly government governments district districts uyezd uezd uyezds uezds province
provinces region governorate guberniya oblast okrug vilayet sanjak city town village kingdom
empire state autonomous independent revolutionary kemalist committee council first second
third provisional ssr assr sfsr ussr
""".split()) | DEMONYMS

# Capitalised words after a place name that keep it a place: "Mudros Armistice", "Kars Treaty".
EVENT_WORDS = frozenset("""
armistice treaty conference agreement peace congress convention declaration protocol accord pact
railway road station bridge uprising rebellion revolt massacre massacres pogrom offensive operation
campaign battle siege war line commission delegation government gulf sea bay strait
""".split())

# Words after a place name that make the phrase an organisation or a unit, not the place:
# "Caucasian Front", "Bayazet Division", "Caucasus Bureau", "11th Army".
ORGANISATION_WORDS = frozenset("""
front division divisions army armies corps brigade brigades regiment regiments battalion
battalions bureau detachment detachments squadron fleet flotilla group
""".split())

# Words after a settlement or mountain that name a polity other than the place ("Ararat
# Republic"); a country or region name followed by them still means the territory.
POLITY_WORDS = frozenset({"republic"})

# Titles before a name and honorifics after it that make it a person.
PERSON_TITLES = frozenset("""
comrade comrades camarade dear general colonel captain lieutenant commander mr mrs dr prof professor citizen
prince count sultan shah tsar king queen president premier minister commissar commissars ataman
marshal admiral sergeant emir sheikh mullah mulla bishop catholicos patriarch ambassador
envoy consul chairman leader
""".split())
PERSON_HONORIFICS = frozenset({"pasha", "bey", "beg", "agha", "efendi", "effendi", "khanum", "khan",
                               "haji", "hajji", "sahib"})
PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "via", "towards", "toward"})
# Words before a name that make it a name whatever else it is: "renamed Ordzhonikidze".
NAMING_WORDS = frozenset({"renamed", "rename", "renaming", "called", "named", "name"})

# Well-known people of 1918-1923 whose names are also (later) place names in GeoNames:
# Vladikavkaz was "Ordzhonikidze", Gyumri "Leninakan"; in these texts they are persons.
PERSON_NAMES = frozenset("""
lenin stalin trotsky chicherin ordzhonikidze kirov narimanov mdivani legrand kemal enver talaat
djemal cemal karabekir andranik nzhdeh dro shaumian shahumyan kasyan myasnikyan bekzadyan
sultanov makhmudbekov shakhtakhtinsky krestinsky frunze budenny kamo eshba halil nuri mikoyan
wrangel denikin kolchak thomson wilson clemenceau curzon karakhan
""".split())

# Given names that are also the names of towns somewhere (Vladimir, David, George, Anna):
# the broad layer leaves them out, so "Sergo Ordzhonikidze" or "Lloyd George" stay persons.
GIVEN_NAMES = frozenset("""
vladimir nikolai ivan hasan hassan ismail david george victoria elizabeth anna sophia nina sergo
sami hayk jacob movses simon alexander thomas michael peter paul james john mark luke mary maria
helen olga tamara lucia marina daniel solomon abraham isaac moses gabriel samuel levon tigran
arshak vahan ashot smbat gevorg ruben boris sergei mikhail joseph grigory anastas ali ahmed
mehmed mustafa kemal rauf said halim yusuf fuat amin jafar samad nasib fatali mirza rza
nur nuri reza riza hamo movses filipp noe valiko budu mamia polikarp akaki evgeni ilia shalva
irakli nariman mammad mamed aram andranik garegin drastamat alexandre nikol avetis sargis
hovhannes khosrov bekir kazim kâzım halil enver talat ahmad husein huseyn mir uzun
""".split())

# Archive abbreviations before a place name: "CGAORSS Armenia", "TsGIA of Armenia".
ARCHIVE_PREFIXES = ("tsg", "cga", "rga", "gaf", "tspa", "cpa", "avpr", "garf", "rgaspi", "rgvia",
                    "tsgia", "tsgaor", "cgaorss", "mna", "naa")

# Words that tell what kind of place follows ("the city of X") or precedes ("X district").
CUE_BEFORE = {
    "city of": "settlement", "town of": "settlement", "village of": "settlement",
    "villages of": "settlement", "fortress of": "settlement", "port of": "settlement",
    "station of": "settlement", "hamlet of": "settlement", "settlement of": "settlement",
    "district of": "region", "districts of": "region", "province of": "region",
    "provinces of": "region", "region of": "region", "uezd of": "region", "uyezd of": "region",
    "vilayet of": "region", "vilayets of": "region", "governorate of": "region",
    "governorates of": "region", "sanjak of": "region", "sanjaks of": "region",
    "uezds of": "region", "uyezds of": "region", "cities of": "settlement", "towns of": "settlement",
    "oblast of": "region", "republic of": "country", "state of": "country",
    "river": "river", "mount": "mountain", "lake": "lake",
}
CUE_AFTER = {
    "district": "region", "districts": "region", "uezd": "region", "uyezd": "region",
    "uezds": "region", "province": "region", "provinces": "region", "region": "region",
    "governorate": "region", "guberniya": "region", "gubernia": "region", "vilayet": "region",
    "sanjak": "region", "vilayets": "region", "oblast": "region", "okrug": "region", "gavar": "region", "mahal": "region",
    "valley": "region", "plain": "region", "steppe": "region",
    "river": "river", "ridge": "ridge", "range": "ridge", "mountains": "ridge", "mountain": "mountain",
    "pass": "pass", "lake": "lake", "city": "settlement", "town": "settlement",
    "village": "settlement", "station": "settlement", "fortress": "settlement",
}
# Place kinds each cue agrees with.
CUE_KINDS = {
    "settlement": {"settlement"},
    "region": {"region", "district", "province", "country"},
    "country": {"country", "region"},
    "river": {"river"},
    "ridge": {"ridge", "mountain", "pass"},
    "mountain": {"mountain", "ridge", "pass"},
    "pass": {"pass", "mountain", "ridge"},
    "lake": {"lake"},
}


@cache
def common_words() -> frozenset[str]:
    """Return the lowercase English words that are also some GeoNames town's name."""
    text = (resources.files("gazetteer") / "data" / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


_WORD = re.compile(r"\w+")
_SOVIET_ACRONYM = re.compile(r"^[A-Z]{0,4}S?F?SR$")


def not_a_place(hit) -> bool:
    """Return True when the words around a hit show it is not a place."""
    words = _WORD.findall(hit.text)
    if _demonym(hit, words):
        return True   # "Armenian", "Russian Federation": adjectives are not annotated as places
    if hit.text.isupper() and len(hit.text) <= 4 and not hit.prev_raw.isupper():
        return True   # "API", "USA" in a sentence: an acronym, not a heading word
    if any(_SOVIET_ACRONYM.match(w) for w in words):
        return True   # "RSFSR", "Azerbaijani SSR": the state, not the territory
    if all(w.lower() in GENERIC_WORDS for w in words):
        return True   # "Government of the Grand National Assembly": no place word in it
    if hit.after in ORGANISATION_WORDS or hit.after in PERSON_HONORIFICS:
        return True
    if len(words) == 1 and hit.cue is None and not naming_cue(hit.before) and (
            words[0].lower() in FUNCTION_WORDS or (fold_word(words[0]) in PERSON_KEYS
                                                   and hit.before.split(" ")[-1] not in PREPOSITIONS
                                                   and not hit.sep_before.endswith("("))):
        return True   # "Any military actions", "Ordzhonikidze" signing a telegram; "in X" and
        # "Vladikavkaz (Ordzhonikidze)": resolution decides (gazetteer.geoparse.persons, resolve._aliases)
    previous = hit.before.split(" ")[-1] if hit.before else ""
    if previous in PERSON_TITLES or (hit.sep_before.strip() in ("", "“", '"')
                                      and hit.prev_raw.lower() in PERSON_TITLES):
        return True
    if hit.sep_before == " " and hit.prev_raw[:1].isupper() and hit.prev_raw.lower() in GIVEN_NAMES:
        return True   # "Filipp Makharadze", "Movses Silikyan": a first name, then the surname
    if words[-1].lower().endswith(_PATRONYMIC) or hit.after.endswith(_PATRONYMIC):
        return True   # "Vladimir Ilyich": a first name and patronymic
    return _initial_before(hit) or _archive_before(hit)


def naming_cue(before: str) -> bool:
    """Return True when the words before a name introduce it as a name ("renamed", "called to")."""
    words = before.split(" ") if before else []
    return bool(words) and (words[-1] in NAMING_WORDS
                            or (len(words) == 2 and words[0] in NAMING_WORDS and words[1] in ("to", "as")))


def _demonym(hit, words: list[str]) -> bool:
    """An adjective of nationality, alone or leading a phrase; "Tartar river" and the hyphenated
    "Kurd-Hajy" are places."""
    if len(words) == 1:
        return fold_word(words[0]) in DEMONYM_KEYS and hit.cue not in _PHYSICAL_CUES
    first_joined = not set(hit.text[len(words[0]):len(words[0]) + 1]) & DASHES
    return (first_joined and fold_word(words[0]) in DEMONYM_KEYS) or fold_word(words[-1]) in DEMONYM_KEYS


def _initial_before(hit) -> bool:
    """'G. Chicherin', 'B. LEGRAND': an initial before the name makes it a person."""
    word = hit.prev_raw
    return hit.sep_before.strip() == "." and len(word) == 1 and word.isupper()


_PHYSICAL_CUES = frozenset({"river", "ridge", "mountain", "pass", "lake"})
_PATRONYMIC = ("ovich", "evich", "ilyich", "ovna", "evna", "ichna")
DEMONYM_KEYS = frozenset(fold_word(w) for w in DEMONYMS)
PERSON_KEYS = frozenset(fold_word(w) for w in PERSON_NAMES)


def _archive_before(hit) -> bool:
    """'CGAORSS Armenia', 'TsGIA of Armenia': an archive's name, not the place."""
    words = hit.before.split(" ") if hit.before else []
    if words and words[-1] == "of":
        words = words[:-1]
    return bool(words) and words[-1].startswith(ARCHIVE_PREFIXES) and len(words[-1]) >= 3
