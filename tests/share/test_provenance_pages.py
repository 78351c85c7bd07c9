"""Whose words: every page kind shows the descriptive title and, apart, the compiler's heading and
his collection; old ids made from the headings redirect; the heading's movements are its reading."""
from __future__ import annotations

import html
import re

import pytest

SHAKHTAKHTINSKY = "1921-02-01-report-b-shakhtakhtinsky-v-7ef11e"
FORMER = "1921-02-01-assessment-armenian-liberation-movement-7ef11e"
BAYAZET = "1920-08-07-telegram-command-caucasian-front-205d1b"


def text_of(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def test_the_api_gives_the_descriptive_title_and_the_heading_apart(client):
    doc = client.get(f"/api/documents/{SHAKHTAKHTINSKY}").get_json()
    assert doc["title"] == "Report of B. Shakhtakhtinsky to V. Lenin, February 1921"
    assert doc["heading"].startswith("Assessment of the Armenian Liberation Movement in Nagorno-Karabakh")
    assert doc["collection"]["compiler"].startswith("Yu. G. Barsegov")
    assert doc["editorial_notes"] == ["Emphasis added – Y.B"]
    listed = client.get("/api/documents", query_string={"per_page": 500}).get_json()["documents"]
    assert all("liberation" not in d["title"].lower() for d in listed)


@pytest.mark.parametrize("path", [f"/documents/{FORMER}", f"/documents/{FORMER}/print", f"/api/documents/{FORMER}",
                                  f"/map.png?doc={FORMER}&width=300&height=250", f"/embed?doc={FORMER}"])
def test_an_old_id_made_from_the_heading_redirects_to_the_same_view(client, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response.headers["Location"] == path.replace(FORMER, SHAKHTAKHTINSKY)
    assert client.get(response.headers["Location"]).status_code == 200


def test_an_unknown_id_is_still_not_found(client):
    assert client.get("/api/documents/1921-02-01-no-such-document-000000").status_code == 404


def test_the_document_page_shows_the_heading_as_the_compilers_and_his_collection_and_marks(client):
    page = text_of(client.get(f"/documents/{SHAKHTAKHTINSKY}"))
    assert "Report of B. Shakhtakhtinsky to V. Lenin, February 1921" in page
    assert "Heading in the compilation: “Assessment of the Armenian Liberation Movement" in page
    assert "(the compiler’s heading, not the document’s words)" in page
    assert "compiled by Yu. G. Barsegov" in page and "support the Armenian case" in page
    assert "The compiler’s marks: Emphasis added – Y.B" in page


def test_a_movement_found_only_in_a_heading_is_the_headings_reading(client):
    doc = client.get(f"/api/documents/{BAYAZET}").get_json()
    (stated,) = [m for m in doc["movements"] if m.get("in_heading")]
    assert stated["status"] == "stated only in the heading"   # drawn dashed, never as carried out
    assert doc["heading"][stated["start"]:stated["end"]] == stated["text"]
    page = text_of(client.get(f"/documents/{BAYAZET}"))
    assert "the heading’s reading, not stated in the text" in page


def test_the_about_page_names_each_collection_its_compiler_and_standpoint(client):
    page = text_of(client.get("/about"))
    assert "Nagorno-Karabakh in International Law and Global Politics" in page
    assert "22 documents" in page and "Standpoint" in page and "Artatsolum" in page


def test_handouts_and_oembed_carry_the_descriptive_title_and_the_provenance(client):
    sheet = text_of(client.get(f"/documents/{SHAKHTAKHTINSKY}/print"))
    assert "Report of B. Shakhtakhtinsky to V. Lenin" in sheet and "Heading in the compilation" in sheet
    assert "From the compilation" in sheet
    answer = client.get("/oembed", query_string={"url": f"http://localhost/documents/{SHAKHTAKHTINSKY}"}).get_json()
    assert answer["title"] == "Report of B. Shakhtakhtinsky to V. Lenin, February 1921"


def test_oembed_of_a_document_credits_the_heading_and_collection_as_the_compilers(client):
    answer = client.get("/oembed", query_string={"url": f"http://localhost/documents/{FORMER}"}).get_json()
    assert answer["title"] == "Report of B. Shakhtakhtinsky to V. Lenin, February 1921"   # an old link still answers
    assert answer["heading_in_compilation"].startswith("Assessment of the Armenian Liberation Movement")
    assert answer["collection"].startswith("Nagorno-Karabakh in International Law and Global Politics")


def test_a_tour_step_shows_its_documents_provenance(client):
    page = text_of(client.get("/tours/disputed-districts-1920-1921"))
    assert "Heading in the compilation" in page and "From the compilation" in page


HOSTILE_PAGE = """\
TELEGRAM FROM THE COMMAND <SCRIPT>ALERT(1)</SCRIPT> TO THE 11TH ARMY ON THE MOVE
7 August 1920
Our troops advanced from Goris to Nakhichevan.
RGVA, f. 195, op. 11, d. 24, l. 21. (Emphasis added <script>alert(2)</script> – Y.B.)

Some Compiler “A Book <script>alert(3)</script>”
"""


def test_markup_in_a_heading_and_a_credit_line_stays_inert(make_atlas, app_for, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    client = app_for(make_atlas([corpus]), CORPUS=[corpus]).test_client()
    (listed,) = client.get("/api/documents").get_json()["documents"]
    assert "<SCRIPT>" in listed["heading"]
    for path in (f"/documents/{listed['id']}", "/about", f"/documents/{listed['id']}/print"):
        body = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in body.lower(), path
        assert "&lt;script&gt;alert(3)" in body.lower() or path.endswith("/print"), path
