"""Whose words are these: the descriptive title apart from the compiler's heading, the collection
record every document carries, and the compiler's editorial marks kept as his."""
from __future__ import annotations

from datetime import date

import pytest

from documents.corpus import bundled_corpus
from documents.model import DateRange
from documents.readers import read_documents
from documents.titles import date_words, descriptive_title, retitled_id


def day(text: str) -> DateRange:
    return DateRange(date.fromisoformat(text), date.fromisoformat(text), text)


@pytest.mark.parametrize(("kind", "author", "recipient", "when", "origin", "title"), [
    ("letter", "N. Narimanov", "V. Lenin", day("1921-02-16"), None, "Letter of N. Narimanov to V. Lenin, 16 February 1921"),
    ("report", "T. Makhmudbekov", "Chairman of the Azerbaijani Revkom", day("1921-02-15"), None,
     "Report of T. Makhmudbekov to the Chairman of the Azerbaijani Revkom, 15 February 1921"),
    ("transcript", "G. Ordzhonikidze", "B. Legrand", day("1920-08-10"), None,
     "Record of a conversation between G. Ordzhonikidze and B. Legrand, 10 August 1920"),
    ("interview", "Mustafa Kemal", "E. Eshba", day("1921-01-29"), None,
     "Answers of Mustafa Kemal to questions from E. Eshba, 29 January 1921"),
    ("letter", "“Camarade Halil.”", None, day("1920-08-10"), None, "Letter signed “Camarade Halil”, 10 August 1920"),
    ("agreement", None, None, day("1920-08-10"), None, "Agreement, 10 August 1920"),
    ("telegram", None, None, None, "Tiflis", "Telegram written at Tiflis, undated"),
    ("minutes", "RSFSR Delegation", None, DateRange(date(1921, 2, 1), date(1921, 2, 28), "February 1921", "month"),
     None, "Minutes of a meeting of the RSFSR Delegation, February 1921"),
])
def test_descriptive_title(kind, author, recipient, when, origin, title):
    assert descriptive_title(kind, author, recipient, when, origin) == title


@pytest.mark.parametrize(("span", "words"), [
    (DateRange(date(1921, 1, 1), date(1921, 1, 10), "Early January 1921", "part-of-month"), "early January 1921"),
    (DateRange(date(1921, 1, 21), date(1921, 1, 31), "Late January 1921", "part-of-month"), "late January 1921"),
    (DateRange(date(1920, 12, 1), date(1920, 12, 31), "December 1920", "month"), "December 1920"),
    (DateRange(date(1920, 1, 1), date(1920, 12, 31), "1920", "year"), "1920"),
    (DateRange(date(1918, 1, 1), date(1920, 12, 31), "1918–1920", "years"), "1918–1920"),
    (DateRange(date(1920, 12, 1), date(1921, 2, 28), "winter of 1920–21", "season"), "December 1920 – February 1921"),
])
def test_date_words(span, words):
    assert date_words(span) == words


@pytest.mark.parametrize(("old", "name", "new"), [
    ("1921-02-01-assessment-armenian-liberation-movement-7ef11e", "Report of B. Shakhtakhtinsky to V. Lenin",
     "1921-02-01-report-b-shakhtakhtinsky-v-7ef11e"),
    ("undated-telegram-plenipotentiary-a1b2c3-2", "Telegram", "undated-telegram-a1b2c3-2"),
    ("my-own-id", "Letter", "my-own-id"),
])
def test_retitled_id_keeps_the_day_and_the_documents_own_hash(old, name, new):
    assert retitled_id(old, name) == new


@pytest.fixture(scope="module")
def corpus():
    return read_documents(bundled_corpus()).documents


# Words of the compiler's headings that argue a reading; a descriptive title never has them.
HEADING_WORDS = ("liberation", "subjugate", "expansion", "justifying", "anti-armenian", "sentiment", "betrayal",
                 "demanding", "urging", "recommending", "containing", "deployed")


def test_every_bundled_document_keeps_its_heading_apart_from_a_neutral_title(corpus):
    for doc in corpus:
        assert doc.title and not any(w in doc.title.lower() for w in HEADING_WORDS), doc.title
        assert doc.title.endswith(date_words(doc.date)), doc.title
    headings = [doc.heading for doc in corpus if doc.heading]
    assert len(headings) == 21  # the agreement of 10 August 1920 opens with its dating clause
    assert any(h.startswith("Assessment of the Armenian Liberation Movement") for h in headings)


def test_every_bundled_document_names_its_collection_and_its_compiler(corpus):
    for doc in corpus:
        collection = doc.collection
        assert collection is not None, doc.id
        assert collection.id == "barsegov-nagorno-karabakh"
        assert "Barsegov" in collection.compiler and collection.standpoint and collection.taken_from
        assert collection.credit.startswith("Yuri Barsegov “Nagorno-Karabakh")


def test_old_ids_made_from_the_heading_are_kept_for_redirects(corpus):
    shakhtakhtinsky = next(d for d in corpus if d.id.endswith("7ef11e"))
    assert shakhtakhtinsky.former_ids == ("1921-02-01-assessment-armenian-liberation-movement-7ef11e",)
    assert shakhtakhtinsky.id == "1921-02-01-report-b-shakhtakhtinsky-v-7ef11e"
    ids = {d.id for d in corpus}
    assert not ids & {f for d in corpus for f in d.former_ids}


def test_the_compilers_marks_are_kept_as_his(corpus):
    by_end = {d.id[-6:]: d for d in corpus}
    assert by_end["31f208"].editorial_notes == ()   # its citation has no remark
    assert by_end["b13b4c"].editorial_notes == ("Emphasis added – Y.B",)
    legrand = by_end["e4d5e8"]
    assert legrand.editorial_notes == ("Emphasis added by us. – Y.B", "<…> marks a passage the compiler left out")
    assert "<…>" in legrand.body
    assert by_end["ccab08"].editorial_notes == ("Highlighted by us – Yu. B", "<…> marks a passage the compiler left out")


def test_a_markdown_title_is_the_users_own_and_has_no_heading(data_dir):
    (doc,) = read_documents([data_dir / "kars_telegram.md"]).documents
    assert doc.heading is None and doc.collection is None and doc.former_ids == ()
    assert doc.title == "Telegram from P. Mdivani to G. Chicherin, I. Stalin, and Eliava"
