"""Recognition: which words of a text name places (small real gazetteer, no broad layer)."""
from __future__ import annotations

import pytest

from gazetteer.geoparse.matcher import find_hits


def names(text, gazetteer):
    return [h.text for h in find_hits(text, gazetteer)]


@pytest.mark.parametrize("text, expected", [
    # spellings of the period and of today
    ("Troops left Geryusy at dawn.", ["Geryusy"]),
    ("They reached Şuşa and Nakhchivan.", ["Şuşa", "Nakhchivan"]),
    ("The Erivan government", ["Erivan"]),
    # whole words only
    ("Vanadzor and Karsiyaka are not Van or Kars.", ["Van", "Kars"]),
    # possessive stays outside the span
    ("Armenia’s borders and Turkey's army", ["Armenia", "Turkey"]),
    # each name of a dash chain is its own mention
    ("the Shusha–Geryusy–Engelaurt–Karmelinovka–Nakhichevan route",
     ["Shusha", "Geryusy", "Engelaurt", "Karmelinovka", "Nakhichevan"]),
    # compounds win over the names inside them
    ("Nagorno-Karabakh and Karabakh", ["Nagorno-Karabakh", "Karabakh"]),
    ("the Bazar-Chay area and the Kyssyr-Dagh ridge", ["Bazar-Chay", "Kyssyr-Dagh"]),
    ("Rostov-on-Don. 7/VIII-1920.", ["Rostov-on-Don"]),
    ("Dalarik and Dara-laghez", ["Dalarik", "Dara-laghez"]),
    # capitalised headings
    ("TELEGRAM FROM THE PLENIPOTENTIARY IN ARMENIA", ["ARMENIA"]),
    # bare names inside institutional phrases
    ("the Government of the Republic of Armenia", ["Armenia"]),
    ("Soviet Russia and Soviet Armenia", ["Russia", "Armenia"]),
    # case: a common word in lower case is not a place
    ("a van and a kars", []),
])
def test_recognises_place_names(text, expected, small_gazetteer):
    assert names(text, small_gazetteer) == expected


@pytest.mark.parametrize("text", [
    "The Armenian and Turkish delegations",          # demonyms and adjectives
    "the Azerbaijani SSR and the RSFSR",              # Soviet states, not territories
    "the Russian Federation",                         # adjective + generic word
    "the Caucasian Front",                            # organisation
    "the Caucasus Bureau of the Central Committee",   # organisation named after a place
    "THE CAUCASUS BUREAU",
    "Letter from G. Shusha to the committee",         # a person's initial before a name
    "Comrade Moscow said",                            # a title before a name
    "Any military actions",                           # a function word folding like "Ani"
])
def test_not_places(text, small_gazetteer):
    assert names(text, small_gazetteer) == []


def test_spans_are_offsets_into_the_original_text(small_gazetteer):
    text = "From  Nakhichevan—\nthrough Şuşa, to ARMENIA’s border; Kyssyr–Dagh."
    hits = find_hits(text, small_gazetteer)
    assert [text[h.start:h.end] for h in hits] == [h.text for h in hits]
    assert [h.text for h in hits] == ["Nakhichevan", "Şuşa", "ARMENIA", "Kyssyr–Dagh"]


def test_spans_are_exact_across_chunks(small_gazetteer, monkeypatch):
    import gazetteer.geoparse.matcher as matcher

    monkeypatch.setattr(matcher, "CHUNK", 64)   # many small chunks: offsets must still add up
    text = "The road from Goris to Nakhichevan.\n" * 20
    hits = find_hits(text, small_gazetteer)
    assert len(hits) == 40
    assert all(text[h.start:h.end] == h.text for h in hits)


@pytest.mark.parametrize("text, name, cue", [
    ("the city of Nakhichevan", "Nakhichevan", "settlement"),
    ("the Nakhichevan district", "Nakhichevan", "region"),
    ("from the district of Ijevan", "Ijevan", "region"),
    ("beyond the Kyssyr-Dagh ridge", "Kyssyr-Dagh", "ridge"),
    ("Shushi District Revolutionary Committee", "Shushi", "region"),
])
def test_type_cues_are_recorded(text, name, cue, small_gazetteer):
    hit = next(h for h in find_hits(text, small_gazetteer) if h.text == name)
    assert hit.cue == cue


@pytest.mark.parametrize("text, name", [
    ("near the village of Tsaghkashen", "Tsaghkashen"),
    ("the Kolatak ridge", "Kolatak"),
    ("the Hakari river", "Hakari"),
])
def test_unknown_names_next_to_place_cues_are_reported(text, name, small_gazetteer):
    hits = find_hits(text, small_gazetteer)
    assert [(h.text, h.key) for h in hits] == [(name, None)]


def test_unknown_capitalised_words_without_a_cue_are_not_reported(small_gazetteer):
    assert names("The Revolutionary Committee met Tsaghkashen.", small_gazetteer) == []


def test_a_long_text_scanned_in_parallel_gives_the_same_hits(small_gazetteer, monkeypatch):
    import gazetteer.geoparse.matcher as matcher

    text = ("From Geryusy to the city of Nakhichevan; Soviet Armenia, G. Shusha, "
            "the village of Tsaghkashenik and the Kyssyr-Dagh ridge.\n") * 400
    monkeypatch.setattr(matcher, "CHUNK", 4096)
    monkeypatch.setattr(matcher, "PARALLEL_MIN", 10 ** 9)
    sequential = find_hits(text, small_gazetteer)
    monkeypatch.setattr(matcher, "PARALLEL_MIN", 1000)
    assert find_hits(text, small_gazetteer) == sequential
    assert len(sequential) == 400 * 5   # Geryusy, Nakhichevan, Armenia, Tsaghkashenik, Kyssyr-Dagh


def test_short_capitals_in_a_sentence_are_acronyms_but_headings_are_places(small_gazetteer):
    assert names("We used the BAKU API.", small_gazetteer) == []
    assert names("TELEGRAM TO BAKU", small_gazetteer) == ["BAKU"]


@pytest.mark.parametrize("enabled", [True, False])
def test_geoparse_leaves_the_garbage_collector_as_it_found_it(enabled, small_gazetteer):
    import gc

    from gazetteer.geoparse.linker import geoparse
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert [m.text for m in geoparse("From Geryusy to Nakhichevan.", small_gazetteer)]
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
