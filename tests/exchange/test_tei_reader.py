"""TEI P5 as a reader: the header's fields, the body's text with offsets, and the source's own
`placeName/@ref` and `date/@when` markup kept as confirmed readings that win over the machine's."""
from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from documents.readers import read_documents
from gazetteer.places.index import load_gazetteer
from mapapp.analysis.markup import place_for_ref
from mapapp.analysis.pipeline import analyse_document, date_record, place_record

DATA = Path(__file__).parent / "data"
CONFIRMED = {"status": "confirmed", "by": None, "at": None, "note": "from the source's TEI markup"}


@pytest.fixture(scope="module")
def letters():
    return read_documents([DATA / "letters.tei.xml"])


@pytest.fixture(scope="module")
def letter(letters):
    return letters.documents[0]


@pytest.mark.parametrize(("field", "expected"), [
    ("id", "letter-goris"),
    ("title", "Letter from a district commissar to the Revkom"),
    ("author", "A. Commissar"),
    ("recipient", "the Revkom of Armenia"),
    ("origin", "Goris"),
    ("kind", "letter"),
    ("archive_ref", "Test Archive, f. 1, op. 2, d. 3, l. 4"),
    ("language", "en"),
    ("body", "Our detachment left Karakilisa on the sixth and reached Goris.\n"
             "The people of Lost Hamlet ask for bread."),
])
def test_the_header_gives_the_documents_fields(letter, field, expected):
    assert getattr(letter, field) == expected


def test_an_interval_date_keeps_its_words_and_its_ends(letter):
    assert (letter.date.earliest, letter.date.latest, letter.date.text, letter.date.precision) == (
        date(1920, 8, 1), date(1920, 8, 10), "early August 1920", "part-of-month")


def test_a_document_that_cannot_be_read_is_skipped_with_its_line(letters):
    assert len(letters.documents) == 1
    [warning] = letters.warnings
    assert str(warning) == (f"{DATA / 'letters.tei.xml'}:46: <origDate when='1920-13-01'>: "
                            "not a date written YYYY, YYYY-MM or YYYY-MM-DD")


def test_marked_up_places_win_over_the_machines_and_are_confirmed(letter):
    analysis = analyse_document(letter)
    records = [place_record(m, analysis.review_of("place", m)) for m in analysis.mentions]
    # "Karakilisa" alone is ambiguous for the machine; the markup says Sisian, and is confirmed.
    assert [(r["text"], r["place_id"], r.get("review")) for r in records] == [
        ("Karakilisa", "chr:sisian", CONFIRMED), ("Goris", "chr:goris", None), ("Lost Hamlet", None, CONFIRMED)]
    assert records[0]["start"] == letter.body.index("Karakilisa")


def test_a_ref_naming_no_place_is_kept_unlinked_with_a_warning_naming_file_and_xpath(letter):
    assert analyse_document(letter).warnings == (
        f"{DATA / 'letters.tei.xml'}:36: /teiCorpus/TEI[1]/text/body/p[2]/placeName: placeName ref "
        "'chr:nowhere-at-all' names no place in the gazetteer; the mention is kept unlinked",)


def test_a_marked_up_date_is_the_sources_reading(letter):
    analysis = analyse_document(letter)
    [stated] = [date_record(d, analysis.review_of("date", d)) for d in analysis.dates]
    assert stated == {"text": "the sixth", "start": letter.body.index("the sixth"),
                      "end": letter.body.index("the sixth") + 9, "earliest": "1920-08-06",
                      "latest": "1920-08-06", "edtf": "1920-08-06", "review": CONFIRMED,
                      "calendar": "gregorian", "as_written": None}


def test_a_collection_of_divs_is_one_document_each():
    reading = read_documents([DATA / "collection.tei.xml"])
    assert [(d.id, d.title, d.kind, d.origin, d.author, d.date.earliest, d.archive_ref) for d in reading.documents] == [
        ("dispatch-one", "Telegram from Shusha", "telegram", "Shusha", "B. Officer", date(1920, 8, 12), None),
        (reading.documents[1].id, "Report on the roads", "report", None, None, date(1920, 9, 1),
         "Test Archive, f. 9, l. 10")]
    assert all(d.published_in == "Test collection, 2026, pp. 1-2" for d in reading.documents)
    assert "Test Archive" not in reading.documents[1].body   # the reference is a field, not the text


@pytest.mark.parametrize(("ref", "place_id"), [
    ("#chr-sisian", "chr:sisian"),
    ("chr:sisian", "chr:sisian"),
    ("#pl-chr_sisian", "chr:sisian"),                     # Chronotope's own export's anchors
    ("geonames:174763", "chr:sisian"),                    # the GeoNames point the curated place cites
    ("https://sws.geonames.org/174763/", "chr:sisian"),
    ("https://www.geonames.org/174895/goris.html", "chr:goris"),
    ("http://127.0.0.1:5000/places/chr:goris", "chr:goris"),
    ("https://maps.example.org/atlas/places/chr%3Agoris", "chr:goris"),
    ("geonames:616052", "chr:yerevan"),
    ("geonames:6913519", "geonames:6913519"),             # a town only the broad GeoNames layer has
    ("#nowhere", None),
    ("geonames:999999999", None),
])
def test_refs_name_gazetteer_places(ref, place_id):
    place = place_for_ref(ref, load_gazetteer())
    assert (place.id if place else None) == place_id


def _run(*args: str, home: Path) -> subprocess.CompletedProcess:
    from tests.harness import chronotope_command

    env = {**os.environ, "CHRONOTOPE_HOME": str(home)}
    return subprocess.run([*chronotope_command(), *args], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize(("text", "message"), [
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<teiHeader>\n</TEI>",
     "bad.xml:3: not well-formed XML: Opening and ending tag mismatch: teiHeader line 2 and TEI"),
    ("<?xml version='1.0'?>\n<html><body/></html>",
     "bad.xml:2: not a TEI document: the root element is <html>, not <TEI> or <teiCorpus>"),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader/></TEI>",
     "bad.xml:1: no document: a <TEI> needs a <text> with a <body>"),
    ("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body>\n<p><date when='21-08'>x</date></p></body></text></TEI>",
     "bad.xml:2: <date when='21-08'>: not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_bad_tei_is_one_line_naming_file_and_line(tmp_path, text, message):
    (tmp_path / "bad.xml").write_text(text, encoding="utf-8")
    done = _run("documents", str(tmp_path / "bad.xml"), home=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"error: {tmp_path}/{message}\n"


def test_external_entities_are_never_expanded_nor_fetched(tmp_path):
    (tmp_path / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    (tmp_path / "hostile.xml").write_text(
        f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://{tmp_path}/secret.txt">]>'
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>Before &xxe; after.</p>"
        "</body></text></TEI>", encoding="utf-8")
    [doc] = read_documents([tmp_path / "hostile.xml"]).documents
    assert doc.body == "Before after."


def test_an_entity_bomb_is_one_line_not_a_hang(tmp_path):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    (tmp_path / "bomb.xml").write_text(
        f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{laughs}]>'
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>&l9;</p></body></text></TEI>", encoding="utf-8")
    done = _run("documents", str(tmp_path / "bomb.xml"), home=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {tmp_path}/bomb.xml:1: not well-formed XML: ")
    assert done.stderr.count("\n") == 1


def test_a_corpus_folder_of_tei_builds_with_the_warnings_on_stderr(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "letters.xml").write_bytes((DATA / "letters.tei.xml").read_bytes())
    done = _run("build", "--corpus", str(corpus), "--out", str(tmp_path / "atlas.sqlite"), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "letters.xml:46: <origDate when='1920-13-01'>" in done.stderr
    assert ("letters.xml:36: /teiCorpus/TEI[1]/text/body/p[2]/placeName: placeName ref 'chr:nowhere-at-all' "
            "names no place in the gazetteer") in done.stderr
    assert "Traceback" not in done.stderr and ": 1 documents," in done.stdout
