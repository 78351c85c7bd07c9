"""Names read through OCR noise: the fuzzy layer, and line-end hyphens in the geoparse output."""
from __future__ import annotations

import json
import subprocess

import pytest
from harness import chronotope_command

from gazetteer.geoparse import fuzzy
from gazetteer.geoparse.fuzzy import ocr_readings
from gazetteer.geoparse.linker import geoparse


@pytest.mark.parametrize("text, written, place", [
    ("The Turks took A1exandropol.", "A1exandropol", "Gyumri"),
    ("The Turks took Alexandrop0l.", "Alexandrop0l", "Gyumri"),
    ("Troops reached Nakhichcvan.", "Nakhichcvan", "Nakhchivan"),
    ("Troops reached Erzerurn.", "Erzerurn", "Erzurum"),
    ("Troops reached Alexan dropol.", "Alexan dropol", "Gyumri"),
    ("Troops reached Alexan\ndropol.", "Alexan\ndropol", "Gyumri"),
    ("Troops reached Elizavctpol.", "Elizavctpol", "Ganja"),
])
def test_a_noisy_name_is_read_and_marked_fuzzy(full_gazetteer, text, written, place):
    [mention] = geoparse(text, full_gazetteer)
    assert (mention.text, mention.place.name, mention.fuzzy) == (written, place, True)


@pytest.mark.parametrize("text", [
    "The Ossetian and Ajarian deputies met.",          # a name with a letter added: an adjective
    "Georgy Chicherin answered at once.",              # a first name one letter from Georgia
    "It was headed by Nariman Narimanov.",             # a person's name before a surname
    "The Armenians and the Georgians agreed.",         # demonyms
    "Command was given to the Division.",              # English words
    "The Azcrbaijani and Arrnenian units.",            # a noisy demonym is still a demonym
])
def test_clean_words_near_a_name_are_not_read_as_it(full_gazetteer, text):
    assert [m.text for m in geoparse(text, full_gazetteer) if m.fuzzy] == []


def test_clean_names_are_not_fuzzy(full_gazetteer):
    mentions = geoparse("From Alexandropol to Nakhichevan and Erzurum.", full_gazetteer)
    assert [(m.text, m.fuzzy) for m in mentions] == [
        ("Alexandropol", False), ("Nakhichevan", False), ("Erzurum", False)]


@pytest.mark.parametrize("word, readings", [
    ("Sharnkhor", ["Shamkhor"]),
    ("A1exandr0pol", ["Alexandr0pol", "A1exandropol", "Alexandropol"]),
    ("Kars", []),
])
def test_ocr_readings(word, readings):
    assert ocr_readings(word) == readings


def test_geoparse_json_points_into_the_text_as_written(tmp_path):
    text = "On 7 November 1920 the Turks marched from Kars to Alexan-\ndropol and took Sharnkhor.\n"
    path = tmp_path / "ocr.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([*chronotope_command(), "geoparse", str(path), "--json"],
                         capture_output=True, text=True, check=True)
    record = json.loads(out.stdout)
    places = {p["text"]: p for p in record["places"]}
    for p in record["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
    assert places["Alexan-\ndropol"]["name"] == "Gyumri" and places["Alexan-\ndropol"]["fuzzy"] is True
    assert places["Sharnkhor"]["fuzzy"] is True
    assert "fuzzy" not in places["Kars"]
    [route] = record["routes"]
    assert text[route["start"]:route["end"]] == route["text"]
    assert [w["name"] for w in route["waypoints"]][:2] == ["Kars", "Gyumri"]
    assert record["dates"][0]["text"] == "7 November 1920"
    assert record["language"] == "en"


def test_noisy_texts_read_in_one_process_find_what_each_finds_alone(full_gazetteer):
    """The words read against the gazetteer are remembered from text to text: the same hits."""
    texts = ["The Turks took A1exandropol.", "Refugees reached Nakhichcvan; the Turks took A1exandropol again.",
             "The Sharnkhor District and Alexan dropol; Refugees from Nakhichcvan."]

    def fuzzy_mentions(text):
        return [(m.start, m.end, m.place.id) for m in geoparse(text, full_gazetteer) if m.fuzzy]

    alone = []
    for text in texts:
        fuzzy._INDEXES.clear()   # each text read as if it were the first
        alone.append(fuzzy_mentions(text))
    assert [fuzzy_mentions(text) for text in texts] == alone and all(alone)
