"""The Markdown and CSV readers, and how a reader is chosen for a file."""
from __future__ import annotations

import shutil

import pytest

from documents.errors import DocumentError
from documents.readers import choose_reader, read_documents


def test_markdown_front_matter(data_dir):
    (doc,) = read_documents([data_dir / "kars_telegram.md"]).documents
    assert (doc.title, doc.date.earliest.isoformat(), doc.origin, doc.kind, doc.author) == (
        "Telegram from P. Mdivani to G. Chicherin, I. Stalin, and Eliava", "1921-01-08", "Kars", "telegram",
        "P. Mdivani")
    assert doc.recipient == "G. Chicherin, I. Stalin, and Eliava"   # from the heading, as it was not given
    assert doc.archive_ref == "RGASPI, f. 5, op. 1, d. 2203, l. 43. Copy."
    assert doc.body.startswith("Our conduct in this matter") and doc.source == "kars_telegram.md"
    assert [(f.text, f.range.earliest.isoformat()) for f in doc.dates] == [("on the 5th", "1921-01-05")]


def test_csv_rows(data_dir):
    reading = read_documents([data_dir / "class_documents.csv"])
    assert reading.warnings == ()
    assert [(d.title, d.date.earliest.isoformat(), d.date.latest.isoformat(), d.origin, d.kind, d.line)
            for d in reading.documents] == [
        ("Telegram of B. Legrand to G. Chicherin", "1920-08-07", "1920-08-07", "Tiflis", "telegram", 2),
        ("Agreement between the RSFSR and the Republic of Armenia", "1920-08-10", "1920-08-10", None, "agreement", 3),
        ("Note on the Status of Zangezur", "1921-01-21", "1921-01-31", None, "letter", 4),
    ]
    assert [f.text for f in reading.documents[0].dates] == ["2 August", "5 August"]


def test_csv_with_semicolons_and_other_header_names(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Title;Date;Text\nA Telegram from Kars;January 8, 1921;The Turks have launched action.\n",
                    encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert (doc.title, doc.date.earliest.isoformat(), doc.body) == (
        "A Telegram from Kars", "1921-01-08", "The Turks have launched action.")


def test_csv_bad_rows_are_skipped_with_a_warning_naming_the_line(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text('title,date,body\nGood One,6 August 1920,Text.\nBad Date,Augst 1920,Text.\n'
                    'Bad Kind,1920,"Multi\nline",\n\nGood Two,1921,More text.\n', encoding="utf-8")
    reading = read_documents([path])
    assert [d.title for d in reading.documents] == ["Good One", "Good Two"]
    assert [(w.line, w.source) for w in reading.warnings] == [(3, str(path)), (4, str(path))]
    assert "Augst 1920" in reading.warnings[0].message and "fields" in reading.warnings[1].message


def test_the_reader_is_chosen_by_extension_then_content(tmp_path, data_dir):
    plain = tmp_path / "telegram"   # no extension: front matter gives it away
    shutil.copy(data_dir / "kars_telegram.md", plain)
    assert choose_reader(plain, plain.read_text(encoding="utf-8")) == "markdown"
    table = tmp_path / "sheet.dat"
    shutil.copy(data_dir / "class_documents.csv", table)
    assert choose_reader(table, table.read_text(encoding="utf-8")) == "csv"
    assert choose_reader(data_dir / "variants_page.txt", "") == "collection"
    page = tmp_path / "page.md"     # a collection page saved as .md, read with the reader forced
    shutil.copy(data_dir / "variants_page.txt", page)
    assert len(read_documents([page], reader="collection").documents) == 4
    with pytest.raises(DocumentError, match="front matter"):
        read_documents([page])


@pytest.mark.parametrize(("text", "line", "message"), [
    ("title: no opening line\n---\nText\n", 1, "no YAML front matter"),
    ("---\ntitle: Never closed\nText\n", 1, "not closed"),
    ("---\ntitle: A\ndate: [unclosed\n---\nText\n", 3, "broken YAML front matter"),
    ("---\n- a list\n---\nText\n", 2, "must be a mapping"),
    ("---\ntitle: A\ndate: Febuary 30, 1921\n---\nText\n", 3, "cannot read the date"),
    ("---\ntitle: A\nkind: poem\n---\nText\n", 3, "unknown kind 'poem'"),
    ("---\ntitle: A\ndate: 1921-02-29\n---\nText\n", 3, "cannot read the date '1921-02-29'"),
    ("---\ndate: 1921\n---\n\n", 3, "no document"),
])
def test_markdown_problems_name_the_line(tmp_path, text, line, message):
    path = tmp_path / "mine.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_documents([path])
    assert (caught.value.source, caught.value.line) == (str(path), line)
    assert message in caught.value.message


def test_markdown_unknown_keys_are_refused_naming_the_line(tmp_path):
    """A misspelt key (`tilte:`) would silently lose its value; it is refused instead."""
    path = tmp_path / "mine.md"
    path.write_text("---\ntitle: A Letter\nsender: Someone\ndate: 1921-01-08\n---\nText.\n", encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_documents([path])
    assert caught.value.line == 3 and "unknown front matter key 'sender'" in caught.value.message


@pytest.mark.parametrize(("text", "message"), [
    ("name,when\nA,1921\n", "lacks the column(s) title, body"),
    ("title,body\n", "no rows"),
    ("title,date,body\nA,Febuary 1921,Text\n", "cannot read the date"),
])
def test_csv_problems(tmp_path, text, message):
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_documents([path])
    assert message in caught.value.message and caught.value.line in (1, 2)


@pytest.mark.parametrize("name, text, language", [
    ("given.md", "---\ntitle: Note\nlanguage: hy\n---\nThe troops of the Republic left Kars.\n", "hy"),
    ("detected.md", "---\ntitle: Донесение\n---\nНаши войска заняли Шушу и двинулись к Лачину.\n", "ru"),
    ("rows.csv", "title,body,language\nNote,Наши войска заняли Шушу,fr\n", "fr"),
    ("rows.csv", "title,body\nNote,The troops of the Republic left Kars for the town of Alexandropol.\n", "en"),
])
def test_language_given_in_the_metadata_or_detected(tmp_path, name, text, language):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = read_documents([path]).documents
    assert doc.language == language
