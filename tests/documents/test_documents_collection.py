"""The archival collection page reader, on the bundled seed pages and a page of layout variants."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from documents.collection import read_collection
from documents.corpus import bundled_corpus
from documents.errors import DocumentError
from documents.readers import read_documents

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "documents.json"


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


@pytest.fixture(scope="module")
def corpus():
    return read_documents(bundled_corpus())


@pytest.fixture(scope="module")
def by_start(corpus):
    """The bundled documents keyed by the first words of their body."""
    return {" ".join(doc.body.split()[:4]): doc for doc in corpus.documents}


def test_bundled_corpus_reads_to_22_documents_without_warnings(corpus):
    assert [p.name for p in bundled_corpus()] == ["000_79ed1dfa74f0ec45.txt", "003_56f7da20727ceaf0.txt"]
    assert len(corpus.documents) == 22
    assert corpus.warnings == ()
    assert len({doc.id for doc in corpus.documents}) == 22


@pytest.mark.parametrize(("start", "date_text", "earliest", "latest", "origin"), [
    ("“…If we alienate the", "December 23, 1920", "1920-12-23", "1920-12-23", None),
    ("“…However useful it may", "December 1920", "1920-12-01", "1920-12-31", None),
    ("With a sense of", "Early January 1921", "1921-01-01", "1921-01-10", None),
    ("“…Our conduct in this", "Kars, January 8, 1921", "1921-01-08", "1921-01-08", "Kars"),
    ("In addition to my", "No. 03, February 15, 1921", "1921-02-15", "1921-02-15", None),
    ("[…] Based on the", "February 1921", "1921-02-01", "1921-02-28", None),
    ("Given the newly established", "No. 12, Moscow, March 1, 1921", "1921-03-01", "1921-03-01", "Moscow"),
    ("Rostov-on-Don. 7/VIII-1920. In addition", "7 August 1920", "1920-08-07", "1920-08-07", "Rostov-on-Don"),
    ("The Armenian government hopes", "Tiflis. 7 August 1920", "1920-08-07", "1920-08-07", "Tiflis"),
    ("On the 10th day", "On the 10th day of August 1920", "1920-08-10", "1920-08-10", None),
])
def test_hand_checked_dates_and_origins(by_start, start, date_text, earliest, latest, origin):
    doc = by_start[start]
    assert (doc.date.text, doc.date.earliest.isoformat(), doc.date.latest.isoformat(), doc.origin) == (
        date_text, earliest, latest, origin)


def test_headings_numbers_and_two_line_titles(by_start):
    assert by_start["Rostov-on-Don. 7/VIII-1920. In addition"].heading.startswith("TELEGRAM FROM THE COMMAND")
    assert "514" not in by_start["Rostov-on-Don. 7/VIII-1920. In addition"].heading
    assert by_start["Given the newly established"].heading.endswith(
        "V. Lenin Justifying the Renewal of Territorial Claims by the Azerbaijani SSR Against the Armenian "
        "SSR and the Georgian Republic")
    assert by_start["At the apparatus. Legrand."].heading == (
        "RECORD OF A DIRECT TELEPHONE CONVERSATION BETWEEN MEMBER OF THE CAUCASUS BUREAU OF THE CENTRAL "
        "COMMITTEE OF THE RCP(B) AND THE REVOLUTIONARY MILITARY COUNCIL OF THE CAUCASIAN FRONT G. ORDZHONIKIDZE "
        "AND THE PLENIPOTENTIARY REPRESENTATIVE OF THE RSFSR IN ARMENIA B. LEGRAND ON THE CONDITIONS FOR THE "
        "CESSATION OF HOSTILITIES AGAINST THE GOVERNMENT OF ARMENIA")
    agreement = by_start["On the 10th day"]
    assert agreement.heading is None and agreement.kind == "agreement"


def test_body_runs_from_the_date_to_the_citation(by_start):
    first = by_start["“…If we alienate the"]
    assert first.body.endswith("retain Baku…” Georgy Chicherin")   # the signature stays
    assert first.archive_ref == "RGASPI, f. 5, op. 1, d. 2655, l. 35. Original. Autograph."
    letter = by_start["Dear Vladimir Ilyich, A"]
    assert "N. B[ukharin].”" in letter.body and "RGASPI" not in letter.body   # marginalia kept
    assert letter.archive_ref.endswith("Original signatures of Krestinsky, Serebryakov, Radek, Rykov, "
                                       "Kamenev, Bukharin.")


def test_citations_and_publication_notes_leave_out_editorial_remarks(by_start):
    source_only = by_start["“…When we pointed out"]
    assert source_only.archive_ref is None
    assert source_only.published_in.startswith("Source: Armenia. Political and Ethnic Boundaries.")
    assert "Emphasis" not in source_only.published_in and "Emphasis" not in source_only.body
    report = by_start["In addition to my"]
    assert report.archive_ref == "CPA IML, f. 85, op. 13, d. 71, ll. 1–2. Original. Typescript."
    assert report.published_in == "Published in: Nagorno-Karabakh in 1918–1923. Yerevan, 1992, No. 430."
    assert "Copies sent" not in report.body


def test_page_furniture_is_not_a_document(corpus):
    texts = " ".join(norm(doc.heading) + " " + norm(doc.body) for doc in corpus.documents)
    for furniture in ("Read Also", "Recent Posts", "2 weeks ago", "Yuri Barsegov", "SOVIETIZATION OF ARMENIA"):
        assert furniture not in texts


@pytest.mark.parametrize(("start", "kind", "author", "recipient"), [
    ("“…If we alienate the", "letter", "G. Chicherin", "V. Lenin"),
    ("“…When we pointed out", "transcript", "A. Bekzadyan", "A. Mravyan and G. Atarbekov"),
    ("“…Our conduct in this", "telegram", "P. Mdivani", "G. Chicherin, I. Stalin, and Eliava"),
    ("“…The ideas of the", "interview", "Mustafa Kemal", "E. Eshba"),
    ("[…] Based on the", "report", "B. Shakhtakhtinsky", "V. Lenin"),
    ("From the latest summaries", "telegram", "B. Legrand", "Revolutionary Military Council of the Caucasian Front"),
    ("Yesterday, on the 8th,", "letter", None, "Minister of Foreign Affairs of Armenia"),
])
def test_kind_author_recipient_from_the_heading(by_start, start, kind, author, recipient):
    doc = by_start[start]
    assert (doc.kind, doc.author, doc.recipient) == (kind, author, recipient)


def test_dates_in_the_body_use_the_document_date(by_start):
    found = by_start["Yesterday, on the 8th,"].dates
    # a letter of 9 August 1920: "Yesterday, on the 8th, ... He is expected today"
    assert [(f.text, f.range.earliest.isoformat()) for f in found] == [
        ("Yesterday", "1920-08-08"), ("on the 8th", "1920-08-08"), ("today", "1920-08-09")]


@pytest.mark.skipif(not GOLD.exists(), reason="the shared gold answers are not on this machine")
def test_bundled_corpus_matches_the_gold_answers(corpus):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for entry in gold:
        matches = [d for d in corpus.documents if d.source == entry["file"]
                   and norm(entry["first_words"]).casefold() in norm(d.body).casefold()]
        assert len(matches) == 1, entry["first_words"]
        doc = matches[0]
        assert (doc.date.earliest.isoformat(), doc.date.latest.isoformat()) == (entry["earliest"], entry["latest"])
        assert norm(doc.heading) == norm(entry["title"]) if entry["title"] else doc.heading is None
        assert doc.origin == entry["origin"] and doc.date.text == entry["date_text"]
        assert doc.archive_ref == entry["archive_ref"] and doc.published_in == entry["published_in"]
        assert doc.kind == entry["kind"]


def test_layout_variants(data_dir):
    docs, warnings = read_collection((data_dir / "variants_page.txt").read_text(encoding="utf-8"), "variants_page.txt")
    assert [(d.heading[:30], d.date.text if d.date else None, d.origin) for d in docs] == [
        ("TELEGRAM FROM THE COMMAND OF T", "[7 August 1920]", None),
        ("Letter from the People’s Commi", "8 January 1921, Kars", "Kars"),
        ("Report from T. Makhmudbekov to", "Erivan, 15 (28) July 1920", "Erivan"),
        ("Address of the Armenian Revolu", None, None),
    ]
    assert docs[0].archive_ref == "RGVA. F. 195. Op. 11. D. 24. L. 21. Copy." and "12" not in docs[0].heading
    assert docs[1].heading.endswith("to V. Lenin On the Danger of Kemalist Realignment with the Entente")
    assert docs[2].date.earliest.isoformat() == "1920-07-28" and "both calendars" in docs[2].date.note
    assert [(f.text, f.range.earliest.isoformat()) for f in docs[2].dates] == [("2 July 1920 (O.S.)", "1920-07-15")]
    assert [(w.line, "February 30, 1921" in w.message) for w in warnings] == [(22, True)]


@pytest.mark.parametrize(("text", "message"), [
    ("Just some notes about the 1920 events.\nNothing here is a document.\n", "no document found"),
    ("Letter from A. Person to B. Person on a Subject\nFebruary 30, 1921\nText.\n", "February 30, 1921"),
])
def test_a_page_without_documents_is_an_error(text, message):
    with pytest.raises(DocumentError) as caught:
        read_collection(text, "page.txt")
    assert message in str(caught.value) and caught.value.source == "page.txt" and caught.value.line


def test_ids_do_not_change_when_documents_are_added(tmp_path):
    seed = bundled_corpus()[1]
    page = seed.read_text(encoding="utf-8")
    whole = [d.id for d in read_collection(page, seed.name)[0]]
    later_half = page[page.index("On the Cessation of Military Operations"):]
    part = [d.id for d in read_collection(later_half, seed.name)[0]]
    assert part == whole[-3:]
    other = tmp_path / "other.txt"
    other.write_text(later_half, encoding="utf-8")
    both = read_documents([seed, other])
    assert [d.id for d in both.documents][:9] == whole
    assert len({d.id for d in both.documents}) == 12   # same texts in another file: other ids


def test_heading_date_and_body_on_one_line(data_dir):
    docs, warnings = read_collection((data_dir / "inline_page.txt").read_text(encoding="utf-8"), "inline_page.txt")
    assert warnings == []
    assert [(d.date.text, d.date.earliest.isoformat(), d.origin, d.body.split()[:2]) for d in docs] == [
        ("Rostov, August 12, 1920", "1920-08-12", "Rostov", ["No.", "757."]),
        ("August 31, 1920", "1920-08-31", None, ["…The", "Armenians,"]),
        ("July 19, 1920", "1920-07-19", None, ["The", "occupation"]),
    ]
    first, appeal, telegram = docs
    assert first.heading.startswith("Telegram from Member of the Caucasian Bureau of the Central Committee of the RCP(B)")
    assert first.heading.endswith("(Copy to: People’s Commissar for Foreign Affairs of the RSFSR, G. Chicherin) "
                                "Regarding the agreement with Armenia dated August 10, 1920")
    assert first.archive_ref == "RGVA, f. 109, op. 1, d. 40, l. 56." and "Response" not in first.body
    assert appeal.heading.startswith("Appeal from the Commander") and appeal.heading.endswith("against the Dashnaks")
    assert telegram.heading.endswith("to the Minister of Foreign Affairs of Armenia On the Purpose of Occupying "
                                   "Disputed Territories Between Azerbaijan and Armenia")
    assert telegram.archive_ref.startswith("AVPR, f. 148, op. 3, p. 1, d. 2, l. 5. Original; AI RA, f. 276")
    assert telegram.published_in.startswith("Published in the collection: The Victory of Soviet Power")


def test_a_page_title_printed_above_the_full_heading_is_dropped():
    page = ("TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT…\n"
            "TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT TO THE COMMAND OF THE 11TH RED ARMY\n"
            "7 August 1920\nKhalil Pasha departed for Baku.\nRGVA, f. 195, op. 11, d. 24, l. 21.\n")
    (doc,), _ = read_collection(page, "page.txt")
    assert doc.heading == "TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT TO THE COMMAND OF THE 11TH RED ARMY"


def test_signature_over_a_date_inside_a_document_is_not_a_new_document():
    page = ("TELEGRAM OF THE PLENIPOTENTIARY REPRESENTATIVE OF THE RSFSR IN ARMENIA B. LEGRAND TO G. CHICHERIN\n"
            "9 August 1920\nThe Armenian government hopes to obtain the consent of the Soviet government.\n"
            "Plenipotentiary Representative of the RSFSR in Armenia B. Legrand\n10 August 1920\n"
            "RGASPI, f. 64, op. 2, d. 11, ll. 61–62. Copy.\n"
            "Published in: Vestnik Arkhivov Armenii, 1967, No. 3, doc. 17, p. 46.\n")
    (doc,), _ = read_collection(page, "page.txt")
    assert doc.body.endswith("B. Legrand\n10 August 1920") and doc.archive_ref.startswith("RGASPI, f. 64")
    assert doc.published_in == "Published in: Vestnik Arkhivov Armenii, 1967, No. 3, doc. 17, p. 46."


def test_a_heading_in_sentence_case_between_documents():
    page = ("Letter from the Chairman of the Armenian Revkom to the Chairman of the Azerbaijani Revkom\n\n"
            "Early January 1921 With a sense of fraternal admiration. CGAORSS Armenia, f. 113, op. 3, d. 4, l. 13.\n\n"
            "Appeal from the commander of the Eastern Front requesting permission to act against the Dashnaks\n\n"
            "August 31, 1920\n\n…In his letter addressed to the Grand National Assembly, Chicherin stated …\n\n"
            "RGASPI, f. 544, op. 3, d. 15, l. 8.\n")
    docs, _ = read_collection(page, "page.txt")
    assert [(d.heading.split()[0], d.date.earliest.isoformat()) for d in docs] == [
        ("Letter", "1921-01-01"), ("Appeal", "1920-08-31")]


def test_a_document_without_citation_ends_at_the_next_heading_in_capitals():
    page = ("TELEGRAM OF B. LEGRAND TO G. CHICHERIN ON THE SITUATION\n9 August 1920\n"
            "The Armenian government hopes to obtain the consent of the Soviet government.\nOrdzhonikidze\n"
            "TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT\nTO THE COMMAND OF THE 11TH RED ARMY\n7 August 1920\n"
            "Khalil Pasha departed for Baku on 6/VIII.\nRGVA, f. 195, op. 11, d. 24, l. 21.\n")
    first, second = read_collection(page, "page.txt")[0]
    assert first.archive_ref is None and first.body.endswith("Soviet government.\nOrdzhonikidze")
    assert second.heading == "TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT TO THE COMMAND OF THE 11TH RED ARMY"


def test_stamps_and_numbers_between_heading_and_date():
    page = ("REPORT OF T. MAKHMUDBEKOV TO THE CHAIRMAN OF THE AZERBAIJANI REVKOM\nTop Secret\nNo. 03\n"
            "February 15, 1921\nIn addition to my report dated December 4, 1920, I submit the following.\n"
            "CPA IML, f. 85, op. 13, d. 71, ll. 1–2.\n")
    (doc,), _ = read_collection(page, "page.txt")
    assert doc.heading == "REPORT OF T. MAKHMUDBEKOV TO THE CHAIRMAN OF THE AZERBAIJANI REVKOM"
    assert doc.date.earliest.isoformat() == "1921-02-15" and doc.body.startswith("In addition")


def test_number_after_the_date_stays_at_the_start_of_the_body():
    page = ("Report from T. Makhmudbekov to the Chairman of the Azerbaijani Revkom on Measures to Suppress the "
            "Uprising\n\nFebruary 15, 1921, No. 03 In addition to my report dated December 4, 1920, I submit "
            "the following. CPA IML, f. 85, op. 13, d. 71, ll. 1–2.\n")
    (doc,), _ = read_collection(page, "page.txt")
    assert doc.heading.startswith("Report from T. Makhmudbekov") and doc.date.text == "February 15, 1921"
    assert doc.body.startswith("No. 03 In addition")


def test_last_resort_documents_are_the_texts_before_each_citation():
    page = ("Some introduction to the documents below, written by the editor of the site.\n"
            "The Council reports that on 2 August 1920 the ultimatum was presented to the Armenian command.\n"
            "RGASPI, f. 64, op. 2, d. 11, ll. 61–62. Copy.\n"
            "Telegram to Kirov about the offensive\n"
            "The Council resolved on 5 August 1920 to commence an offensive against Armenia.\n"
            "RGVA, f. 195, op. 11, d. 24, l. 21.\n")
    docs, warnings = read_collection(page, "page.txt")
    assert [(d.heading, d.date.earliest.isoformat(), d.archive_ref[:6], d.line) for d in docs] == [
        (None, "1920-08-02", "RGASPI", 1), ("Telegram to Kirov about the offensive", "1920-08-05", "RGVA, ", 4)]
    assert [(w.line, "archival citation" in w.message) for w in warnings] == [(1, True)]


@pytest.mark.parametrize(("page", "title"), [
    ("History\n\nMemorandum from B. Shakhtakhtinsky, Plenipotentiary Representative, to V. Lenin\n\n"
     "Territories in Dispute Among the Transcaucasian Republics\n\nMarch 1, 1921\n\nGiven the newly established "
     "order.\n\nPAAF IML, f. 1022, op. 5, d. 56, l. 1.\n",
     "Memorandum from B. Shakhtakhtinsky, Plenipotentiary Representative, to V. Lenin Territories in Dispute "
     "Among the Transcaucasian Republics"),
    ("Documents of the Moscow Conference of February and March 1921\n\nLetter from N. Narimanov to V. Lenin\n\n"
     "February 16, 1921\n\nDear Vladimir Ilyich,\n\nRGASPI, f. 2, op. 1, d. 24501, ll. 1–2.\n",
     "Letter from N. Narimanov to V. Lenin"),
    ("Telegram from Member of the Caucasian Bureau of the Central Committee\n\nTelegram from Member of the "
     "Caucasian Bureau of the Central Committee of the RCP(B), G. Ordzhonikidze, to E. Sklyansky\n\n"
     "August 27, 1920\n\nI once again confirm.\n\nRGVA, f. 109, op. 1, d. 40, l. 56.\n",
     "Telegram from Member of the Caucasian Bureau of the Central Committee of the RCP(B), G. Ordzhonikidze, to "
     "E. Sklyansky"),
])
def test_headings_over_blank_lines(page, title):
    (doc,), _ = read_collection(page, "page.txt")
    assert doc.heading == title
