"""`chronotope geoparse`, `chronotope gazetteer lookup` and the places of `chronotope documents --json`."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapapp.cli import main

PLACE_KEYS = {"start", "end", "text", "place_id", "name", "kind", "lat", "lon", "score",
              "uncertainty_km", "candidates"}
CANDIDATE_KEYS = {"place_id", "name", "kind", "lat", "lon", "score", "source", "reasons"}
DATE_KEYS = {"text", "start", "end", "earliest", "latest", "edtf",
             "calendar", "as_written"}   # added after the first contract: the calendar it was written in
TEXT = ("Tiflis. 7 August 1920. Our troops moved from Geryusy toward the city of Nakhichevan; "
        "the Armenian forces withdrew beyond the Kyssyr-Dagh ridge, near the village of Tsaghkashenik.")


def run(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


def lines(result):
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "telegram.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_shape_and_offsets(text_file):
    result = run("geoparse", str(text_file), "--json")
    assert result.exit_code == 0, result.output
    [record] = lines(result)
    assert set(record) == {"source", "places", "dates", "routes", "language"}
    assert record["source"] == str(text_file)
    for place in record["places"]:
        assert set(place) == PLACE_KEYS
        assert TEXT[place["start"]:place["end"]] == place["text"]
        for candidate in place["candidates"]:
            assert set(candidate) == CANDIDATE_KEYS
    found = {p["text"]: p for p in record["places"]}
    assert found["Geryusy"]["name"] == "Goris"
    assert found["Nakhichevan"]["kind"] == "settlement"
    assert "Armenian" not in found
    # an unknown name next to a place cue is reported, unresolved, with a null point
    assert found["Tsaghkashenik"]["lat"] is None and found["Tsaghkashenik"]["place_id"] is None
    assert record["dates"] and set(record["dates"][0]) == DATE_KEYS
    assert record["dates"][0]["earliest"] == "1920-08-07"
    assert isinstance(record["routes"], list)


@pytest.mark.parametrize(("args", "expected"), [
    # without a document date: the year is unknown, said in EDTF; "yesterday" is no date
    ((), [("April 23", None, None, "XXXX-04-23")]),
    (("--date", "1920-08-10"), [("April 23", "1920-04-23", "1920-04-23", "1920-04-23"),
                                ("Yesterday", "1920-08-09", "1920-08-09", "1920-08-09"),
                                ("on the 7th inst.", "1920-08-07", "1920-08-07", "1920-08-07")]),
    # a month: "the 7th inst." is read against it, "yesterday" (which day?) is not
    (("--date", "1921-01"), [("April 23", "1921-04-23", "1921-04-23", "1921-04-23"),
                             ("on the 7th inst.", "1921-01-07", "1921-01-07", "1921-01-07")]),
])
def test_date_gives_the_text_its_document_date(tmp_path, args, expected):
    path = tmp_path / "dispatch.txt"
    path.write_text("On April 23 the column left Shusha. Yesterday it reached Goris, as wired on the 7th inst.",
                    encoding="utf-8")
    result = run("geoparse", str(path), *args, "--json")
    assert result.exit_code == 0, result.output
    [record] = lines(result)
    assert set(record) == {"source", "places", "dates", "routes", "language"}
    assert [(d["text"], d["earliest"], d["latest"], d["edtf"]) for d in record["dates"]] == expected
    assert all(set(d) - DATE_KEYS <= {"note"} for d in record["dates"])


@pytest.mark.parametrize("value", ["1920-13", "10 August 1920", "1920-02-30"])
def test_a_date_that_is_not_a_day_month_or_year_is_refused(text_file, value):
    result = run("geoparse", str(text_file), "--date", value, "--json")
    assert result.exit_code == 2 and "--date" in result.output and result.output.count("\n") <= 4


def test_one_json_line_per_input_in_order(tmp_path):
    paths = []
    for i, name in enumerate(["Baku", "Kars", "Shusha"]):
        path = tmp_path / f"{i}.txt"
        path.write_text(f"A letter from {name}.", encoding="utf-8")
        paths.append(str(path))
    records = lines(run("geoparse", *paths, "--json"))
    assert [r["source"] for r in records] == paths
    assert [[p["text"] for p in r["places"]] for r in records] == [["Baku"], ["Kars"], ["Shusha"]]


def test_reads_stdin():
    records = lines(run("geoparse", "-", "--json", stdin="Troops entered Zangezur."))
    assert records[0]["source"] == "-"
    assert [p["text"] for p in records[0]["places"]] == ["Zangezur"]


def test_text_output_marks_mentions_and_tabulates(text_file):
    result = run("geoparse", str(text_file))
    assert result.exit_code == 0
    assert "[[Geryusy]]" in result.output and "[[?Tsaghkashenik]]" in result.output
    assert "Goris" in result.output and "(unresolved)" in result.output


@pytest.mark.parametrize("content, message", [
    (b"Shusha \xff\xfe broken", "not UTF-8"),
    (b"PK\x03\x04\x00\x00binary", "binary"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, content, message):
    good = tmp_path / "good.txt"
    good.write_text("Baku", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("geoparse", str(good), str(bad), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""           # nothing printed: the output stays one line per input
    assert result.stderr.startswith(f"error: {bad}: ") and message in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_missing_and_huge_files_are_refused(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(51 * 1024 * 1024)   # sparse: refused by its size before it is read
    for path, message in [(tmp_path / "nope.txt", "no such file"), (huge, "too large")]:
        result = run("geoparse", str(path))
        assert result.exit_code == 2 and message in result.stderr


def test_lookup_lists_candidates_with_source_and_score():
    result = run("gazetteer", "lookup", "Nakhichevan", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["query"] == "Nakhichevan"
    kinds = {c["kind"] for c in record["candidates"]}
    assert {"settlement", "district"} <= kinds
    for c in record["candidates"]:
        assert {"place_id", "name", "names", "kind", "lat", "lon", "source", "coord_source", "score"} <= set(c)
    assert [c["score"] for c in record["candidates"]] == sorted((c["score"] for c in record["candidates"]),
                                                                reverse=True)


def test_lookup_folds_spellings_and_says_when_nothing_matches():
    assert "Yerevan" in run("gazetteer", "lookup", "Erivan").output
    result = run("gazetteer", "lookup", "Qwzxv")
    assert result.exit_code == 0 and "no place called" in result.output


def test_documents_json_lists_places_with_offsets_into_the_body():
    result = run("documents", "--json")
    assert result.exit_code == 0
    records = lines(result)
    places = [(r, p) for r in records for p in r["places"]]
    assert len(places) > 100
    for record, place in places:
        assert record["body"][place["start"]:place["end"]] == place["text"]


def test_the_installed_command_runs_without_a_traceback(text_file):
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", "from mapapp.cli import main; main()", "geoparse",
                          str(text_file), "--json"], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["places"]


MARKDOWN_DOC = """---
title: Telegram on Goris
date: 1920-08-10
origin: Tiflis
---
Our troops left Geryusy yesterday for Nakhichevan.
"""


def test_a_markdown_file_is_geoparsed_from_its_body_and_dated_by_its_front_matter(tmp_path):
    path = tmp_path / "telegram.md"
    path.write_text(MARKDOWN_DOC, encoding="utf-8")
    [record] = lines(run("geoparse", str(path), "--json"))
    body = MARKDOWN_DOC.split("---\n", 2)[2].strip()
    found = {p["text"]: p for p in record["places"]}
    assert set(found) == {"Geryusy", "Nakhichevan"}      # not "Tiflis" nor "Goris" of the front matter
    for place in record["places"]:
        assert body[place["start"]:place["end"]] == place["text"]
    assert [(d["text"], d["earliest"]) for d in record["dates"]] == [("yesterday", "1920-08-09")]
    # --date still wins over the front matter
    [dated] = lines(run("geoparse", str(path), "--json", "--date", "1921-01-10"))
    assert [d["earliest"] for d in dated["dates"]] == ["1921-01-09"]


def test_a_russian_text_without_digits_takes_its_dates_from_date(tmp_path):
    path = tmp_path / "svodka.txt"
    path.write_text("Двадцать второго марта части отошли от Аскерана. В конце апреля они вернулись.", encoding="utf-8")
    [record] = lines(run("geoparse", str(path), "--date", "1920-05-02", "--json"))
    assert [(d["text"], d["earliest"], d["latest"]) for d in record["dates"]] == [
        ("Двадцать второго марта", "1920-03-22", "1920-03-22"), ("В конце апреля", "1920-04-21", "1920-04-30")]
