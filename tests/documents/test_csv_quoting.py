"""CSV as RFC 4180 writes it: every quoting a spreadsheet or the csv module produces reads back."""
from __future__ import annotations

import csv
import io

import pytest

from documents.errors import DocumentError
from documents.readers import read_documents
from documents.spreadsheet import delimiter_of, read_spreadsheet

TRICKY = [
    'The "Legrand" agreement',
    "Shusha, Geryusy; Nakhichevan\tand back",
    "Two\nlines",
    "Windows\r\nline",
    '"All quoted"',
    "'single' quotes",
    '""',
    "ends with a quote\"",
]


def written(rows: list[list[str]], delimiter: str, quoting: int, terminator: str) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerow(["title", "date", "body"])
    writer.writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])
@pytest.mark.parametrize("terminator", ["\r\n", "\n"])
def test_every_quoting_reads_back(delimiter, quoting, terminator):
    rows = [[text, "10 August 1920", f"Body of {text}"] for text in TRICKY]
    documents, warnings = read_spreadsheet(written(rows, delimiter, quoting, terminator), "t.csv")
    assert warnings == []
    assert [(d.title, d.body) for d in documents] == [(text.strip(), f"Body of {text}".strip())
                                                      for text in TRICKY]


def test_an_escaped_quote_and_a_comma_in_one_field(tmp_path):
    """The header has no quotes; sniffing it used to turn off "" as an escaped quote."""
    path = tmp_path / "sheet.csv"
    path.write_text('title,date,body\n"The ""Legrand"" agreement, signed",10 August 1920,x\n', encoding="utf-8")
    reading = read_documents([path])
    assert [d.title for d in reading.documents] == ['The "Legrand" agreement, signed']
    assert reading.warnings == ()


def test_a_long_body_is_read(tmp_path):
    body = "The commission reports. " * 20_000        # 480 KB, over the csv module's 128 KiB default
    documents, _ = read_spreadsheet(written([["Long", "1920", body]], ",", csv.QUOTE_MINIMAL, "\r\n"), "l.csv")
    assert documents[0].body == body.strip()


@pytest.mark.parametrize(("header", "delimiter"), [
    ("title,date,body", ","), ("title;date;body", ";"), ("title\tdate\tbody", "\t"),
    ('"title; and more",date,body', ","), ('"a,b,c";body', ";"), ("title", ","),
])
def test_the_delimiter_is_the_one_used_outside_quotes(header, delimiter):
    assert delimiter_of(header) == delimiter


def test_a_broken_quote_names_the_line(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text('title,body\nA,"open quote" then text\n', encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        read_documents([path])
    assert caught.value.line == 2 and "broken CSV" in caught.value.message
