"""The API's documents and date records say the calendar their dates were written in, and the
date as written, beside the Gregorian interval."""
from __future__ import annotations

import pytest

from .conftest import document


@pytest.mark.parametrize(("title", "calendar", "as_written", "earliest", "latest"), [
    ("Telegram on the road from Shusha", "julian", ("1920-07-28", "1920-07-28"), "1920-08-10", "1920-08-10"),
    ("Report on the road to Kars", "rumi", ("1336-11-15", "1336-11-15"), "1920-11-15", "1920-11-15"),
    ("Letter from Nakhichevan", "hijri", ("1339-03-05", "1339-03-05"), "1920-11-15", "1920-11-19"),
])
def test_a_document_answer_carries_its_calendar_and_date_as_written(calendar_client, title, calendar, as_written,
                                                                    earliest, latest):
    doc = document(calendar_client, title)
    assert (doc["calendar"], doc["earliest"], doc["latest"]) == (calendar, earliest, latest)
    assert doc["date_as_written"] == {"calendar": calendar, "earliest": as_written[0], "latest": as_written[1]}
    listed = calendar_client.get("/api/documents?per_page=500").get_json()["documents"]
    assert next(d for d in listed if d["id"] == doc["id"])["date_as_written"] == doc["date_as_written"]


def test_dates_in_the_text_carry_their_calendar(calendar_client):
    telegram = document(calendar_client, "Telegram on the road from Shusha")
    assert [(d["text"], d["calendar"], d["as_written"], d["earliest"]) for d in telegram["dates"]] == [
        ("27 July 1920 (O.S.)", "julian", {"calendar": "julian", "earliest": "1920-07-27", "latest": "1920-07-27"},
         "1920-08-09")]
    report = document(calendar_client, "Report on the road to Kars")
    assert [(d["calendar"], d["earliest"], d["latest"]) for d in report["dates"]] == [
        ("rumi", "1920-10-01", "1920-10-31")]


def test_a_gregorian_date_says_so_and_has_no_other_form(client):
    listed = client.get("/api/documents?per_page=500").get_json()["documents"]
    assert listed and all((d["calendar"], d["date_as_written"]) == ("gregorian", None) for d in listed if d["earliest"])
    # the first document whose text gives dates (a text may give none of its own)
    doc = next(found for found in (client.get(f"/api/documents/{d['id']}").get_json() for d in listed)
               if found["dates"])
    assert all((d["calendar"], d["as_written"]) == ("gregorian", None) for d in doc["dates"])
