"""Neutral wording: the data and the tour name parties and places without taking a side; every
claimant is named with its source, claims are kept apart from control, and contested places and
territories carry the names every side uses."""
from __future__ import annotations

import json
import re
import subprocess

import pytest
from harness import chronotope_command

from documents.corpus import bundled_corpus
from documents.readers import read_file
from mapapp.tours.tour import load_tour

from .conftest import NETWORK, TERRITORIES, TOURS, load_json, shipped_places, timeline_entries

# Words that pass a verdict on the dispute; allowed only inside a quotation, where a document or
# an author says them.
LOADED = ("liberat", "rightful", "illegal", "illegitimate", "legitimate", "usurp", "aggressor", "invader",
          "bandit", "terrorist", r"belong(s|ed)? to (armenia|azerbaijan|georgia|turkey|russia)",
          "historic lands", "ancestral", "true owner", "puppet", "hast(y|ily)", "so-called", "correct name",
          "incorrect", "wrong name", "proper name", "separatist", "occupied territor",
          # one side's view of a transfer or a capture: "ceded by Armenia" assumes a title the Batum
          # treaties did not leave it; "Kars fell" is the loser's view ("was taken by" is not)
          r"ceded by", r"\bfell\b", r"\bthe fall of\b",
          # three risings of opposite politics are not one party; a narrator's "occupation" of districts
          # the documents call "disputed" takes their word without quoting it
          r"armenian insurgents", r"occupation of the disputed")
QUOTED = (r"(?<![A-Za-z])'.{3,}?'(?![A-Za-z])", r'".*?"', r"\u201c.*?\u201d", r"\u2018.*?\u2019")
ENTRIES = timeline_entries()
PLACES = dict(shipped_places())
UNITS = load_json(TERRITORIES / "units.json")["units"]
TERRITORY_FEATURES = load_json(TERRITORIES / "territories.geojson")["features"]
TOUR_PATHS = sorted(TOURS.glob("*.md")) + sorted(TOURS.glob("*.y*ml"))
DATES = ("1919-06-01", "1920-08-15", "1921-03-20", "1921-10-20")


def unquoted(text: str) -> str:
    """The text without its quotations (which speak for their authors, not for us)."""
    for pattern in QUOTED:
        text = re.sub(pattern, " ", text, flags=re.S)
    return text


def verdicts(text: str) -> list[str]:
    """The loaded words found outside quotations."""
    plain = unquoted(text or "").lower()
    return [w for w in LOADED if re.search(w, plain)]


@pytest.mark.parametrize("text,found", [
    ("the Red Army liberated Shusha", ["liberat"]),
    ("'the liberation of Karabakh' (000 #9)", []),
    ("Georgia annexed it after a hasty plebiscite", ["hast(y|ily)"]),
    ("the uyezd they belonged to in 1918", []),
    ("Karabakh belongs to Azerbaijan", [r"belong(s|ed)? to (armenia|azerbaijan|georgia|turkey|russia)"]),
    ("Armenia's claim, renewed after Mudros", []),
    ("the \u201crightful owner\u201d, as one memorandum puts it", []),
])
def test_verdicts_are_found_outside_quotations_only(text, found):
    assert verdicts(text) == found


@pytest.mark.parametrize("name,entry", ENTRIES, ids=[n for n, _ in ENTRIES])
def test_timeline_note_passes_no_verdict(name, entry):
    assert verdicts(entry.get("note")) == [], f"{name}: {entry.get('note')}"


def _place_texts():
    for name, feature in PLACES.items():
        texts = [feature["properties"].get("note") or ""] + [n.get("note") or "" for n in feature["names"]]
        yield name, " | ".join(texts)


@pytest.mark.parametrize("name,text", list(_place_texts()), ids=list(PLACES))
def test_place_notes_pass_no_verdict(name, text):
    assert verdicts(text) == [], f"{name}: {text}"


ROOT = TERRITORIES.parents[2]
# Every text a user reads that we wrote: prose (quotations excepted), code (its strings are our voice,
# so nothing is excepted) and data (each string value, quotations excepted).
PROSE = [ROOT / "README.md", ROOT / "gazetteer" / "data" / "README.md", TERRITORIES / "README.md",
         NETWORK / "README.md", *TOUR_PATHS]
CODE = sorted((ROOT / "mapapp" / "templates").glob("*.html")) + sorted((ROOT / "mapapp" / "static" / "js").glob("*.js"))
DATA = [TERRITORIES / "units.json", TERRITORIES / "timeline.json", ROOT / "documents" / "corpus" / "collections.json"]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.name)
def test_prose_passes_no_verdict(path):
    assert verdicts(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", CODE, ids=lambda p: p.name)
def test_templates_and_scripts_pass_no_verdict(path):
    plain = path.read_text(encoding="utf-8").lower()
    assert [w for w in LOADED if re.search(w, plain)] == []


@pytest.mark.parametrize("path", DATA, ids=lambda p: p.name)
def test_data_strings_pass_no_verdict(path):
    found = [(text[:60], verdicts(text)) for text in _strings(load_json(path)) if verdicts(text)]
    assert found == []


@pytest.mark.parametrize("text,found", [
    ("Kars fell to the Turkish army", [r"\bfell\b"]),
    ("Kars was taken by the Turkish army", []),
    ("ceded by Armenia at Batum", [r"ceded by"]),
    ("the summer 1920 occupation of the disputed districts", [r"occupation of the disputed"]),
    ("'the temporary occupation of the disputed districts' (Legrand)", []),
])
def test_one_sides_words_are_found(text, found):
    assert verdicts(text) == found


# Contested places: each must carry the forms the sides use (the display name is one of them).
CONTESTED = [
    ("chr:shusha", ["Shusha", "Shushi", "Şuşa", "Շուշի", "Шуша"]),
    ("chr:khankendi", ["Khankendi", "Xankəndi", "Stepanakert", "Ստեփանակերտ"]),
    ("chr:nagorno-karabakh", ["Nagorno-Karabakh", "Artsakh", "Dağlıq Qarabağ", "Լեռնային Ղարաբաղ", "Нагорный Карабах"]),
    ("chr:karabakh", ["Karabakh", "Qarabağ", "Ղարաբաղ", "Artsakh", "Карабах"]),
    ("chr:zangezur", ["Zangezur", "Zəngəzur", "Syunik", "Սյունիք", "Зангезур"]),
    ("chr:nakhichevan-town", ["Nakhichevan", "Nakhijevan", "Naxçıvan", "Նախիջևան", "Нахичевань"]),
    ("chr:nakhichevan-uyezd", ["Nakhichevan", "Nakhijevan", "Naxçıvan", "Nahçıvan"]),
    ("chr:lachin", ["Lachin", "Laçın", "Berdzor"]),
    ("chr:goris", ["Goris", "Geryusy", "Gorus"]),
    ("chr:kapan", ["Kapan", "Kafan", "Qafan"]),
    ("chr:ganja", ["Ganja", "Gəncə", "Elizavetpol", "Gandzak"]),
    ("chr:daralagyaz", ["Daralagyaz", "Dərələyəz", "Vayots Dzor"]),
    ("chr:sharur", ["Sharur", "Şərur", "Շարուր"]),
    ("chr:borchali", ["Borchali", "Borçalı", "ბორჩალო", "Բորչալու"]),
    ("chr:lori", ["Lori", "Loru", "Lore", "Լոռի"]),
    ("chr:akhalkalaki", ["Akhalkalaki", "Akhalkalak", "Ahılkelek", "ახალქალაქი"]),
    ("chr:kars", ["Kars", "Կարս", "Qars"]),
    ("chr:batumi", ["Batumi", "Batum", "ბათუმი"]),
]


@pytest.mark.parametrize("place_id,forms", CONTESTED, ids=[c[0] for c in CONTESTED])
def test_contested_place_has_every_sides_name(place_id, forms):
    feature = next(f for name, f in PLACES.items() if name.endswith(":" + place_id))
    toponyms = {n["toponym"] for n in feature["names"]}
    assert [f for f in forms if f not in toponyms] == [], place_id
    assert feature["properties"]["title"].split(" (")[0] in toponyms | {t.split(" (")[0] for t in toponyms}


# The language in which each claimant's side names places; a territory claimed by a side carries
# a name in its language.
PARTY_LANGUAGE = {"Republic of Armenia": "hy", "Armenian SSR": "hy", "Karabakh Armenian National Council": "hy",
                  "Autonomous Syunik": "hy", "Republic of Mountainous Armenia": "hy", "Andranik's detachment": "hy",
                  "Karabakh Armenian rising of March 1920": "hy", "Lori pro-Soviet rising of February 1921": "hy",
                  "Azerbaijan Democratic Republic": "az", "Azerbaijan SSR": "az",
                  "Democratic Republic of Georgia": "ka", "Georgian SSR": "ka",
                  "Ottoman Empire": ("tr", "ota"), "Grand National Assembly of Turkey": ("tr", "ota"),
                  "RSFSR (11th Red Army)": "ru"}
# Where no form in the claimant's language could be verified; the claim itself is only listed.
NO_VERIFIED_FORM: set[tuple[str, str]] = set()


@pytest.mark.parametrize("feature", TERRITORY_FEATURES, ids=[f["properties"]["id"] for f in TERRITORY_FEATURES])
def test_territory_has_a_name_in_each_claimants_language(feature, timeline):
    tid = feature["properties"]["id"]
    langs = {n["lang"].split("-")[0] for n in feature["properties"]["names"] if n.get("lang")}
    claimants = {e["party"] for e in timeline["territories"][tid] if e["relation"] == "claim"}
    missing = []
    for party in sorted(claimants):
        wanted = PARTY_LANGUAGE.get(party)
        wanted = (wanted,) if isinstance(wanted, str) else wanted
        if wanted and not langs & set(wanted) and (tid, party) not in NO_VERIFIED_FORM:
            missing.append(f"{party} ({'/'.join(wanted)})")
    assert missing == [], f"{tid}: no name in the language of {missing}"


def test_every_party_of_the_timeline_has_its_language_or_is_local(timeline):
    # A new party must be placed in PARTY_LANGUAGE (or knowingly left out as local/foreign).
    local = {"local Muslim councils", "Committee for the Salvation of the Homeland", "South-West Caucasian Republic",
             "Great Britain"}
    assert set(timeline["parties"]) - set(PARTY_LANGUAGE) - local == set()


@pytest.fixture(scope="module", params=DATES)
def territories_on(request) -> tuple[str, dict]:
    """(date, the GeoJSON `chronotope territories --date D --json` prints)."""
    done = subprocess.run([*chronotope_command(), "territories", "--date", request.param, "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return request.param, json.loads(done.stdout)


SOVEREIGNTY_KEYS = {"owner", "sovereign", "sovereignty", "belongs_to", "rightful", "legal_owner", "country"}


def test_territories_on_a_date_keep_claims_apart_from_control_and_source_each(territories_on, timeline):
    day, answer = territories_on
    assert answer["features"], day
    for feature in answer["features"]:
        props = feature["properties"]
        assert not SOVEREIGNTY_KEYS & set(props), f"{day} {props['id']}: {SOVEREIGNTY_KEYS & set(props)}"
        assert isinstance(props["claims"], list) and isinstance(props["control"], list), props["id"]
        for entry in props["claims"] + props["control"]:
            assert entry["party"] in timeline["parties"], f"{day} {props['id']}: {entry['party']}"
            assert entry["source"] and entry["source_kind"] in ("document", "reference"), f"{day} {props['id']}"
            assert entry["from"] <= day and (entry["to"] is None or day <= entry["to"] + "-99"), f"{day} {props['id']}"
        if len({e["party"] for e in props["claims"]}) > 1:
            assert props["disputed"] is True, f"{day} {props['id']}: two claimants but not disputed"


def _steps():
    return [(f"{path.name}:{n}", step) for path in TOUR_PATHS for n, step in enumerate(load_tour(path).steps, 1)]


STEPS = _steps()


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    """Document id -> the words of its body, for every bundled document."""
    out = {}
    for path in bundled_corpus():
        for doc in read_file(path)[0]:
            out[doc.id] = _words(doc.body)
    return out


@pytest.mark.parametrize("name,step", STEPS, ids=[n for n, _ in STEPS])
def test_tour_step_quotes_the_document_it_names(name, step, bodies):
    if step.quote is None:
        assert step.doc is None, f"{name}: a document step without a quotation of its words"
        return
    assert step.doc, f"{name}: a quotation without the document it comes from"
    assert step.doc in bodies, f"{name}: unknown document {step.doc}"
    missing = [piece for piece in re.split(r"\s*(?:\.\.\.|…)\s*", step.quote) if _words(piece) not in bodies[step.doc]]
    assert missing == [], f"{name}: not in {step.doc}: {missing}"


@pytest.mark.parametrize("name,step", STEPS, ids=[n for n, _ in STEPS])
def test_tour_step_passes_no_verdict_and_asks_questions(name, step):
    assert verdicts(step.caption) == [], f"{name}: {step.caption}"
    assert step.questions, f"{name}: no question for the class"
    assert all(verdicts(q) == [] for q in step.questions), name


@pytest.mark.parametrize("path", TOUR_PATHS, ids=lambda p: p.name)
def test_tour_asks_the_class_to_compare_sides(path):
    tour = load_tour(path)
    comparing = [q for s in tour.steps for q in s.questions
                 if re.search(r"\b(compare|contradict|disagree|whose|each side|each writer|both)\b", q, re.I)]
    assert len(comparing) >= 3, f"{path.name}: only {len(comparing)} questions ask to compare perspectives"
