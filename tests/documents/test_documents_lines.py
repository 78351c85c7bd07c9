"""Pure line readers of the collection page: date lines, headings, citations, kinds and parties."""
from __future__ import annotations

import pytest

from documents.citations import find_citation, find_publication
from documents.datelines import read_dateline, read_inline_dateline, read_trailing_dateline
from documents.headings import is_furniture, is_heading_like, strip_number
from documents.ids import slugify
from documents.kinds import kind_of, parties_of


@pytest.mark.parametrize(("line", "text", "place", "earliest", "latest", "body_from"), [
    ("December 23, 1920 “…If we alienate", "December 23, 1920", None, "1920-12-23", "1920-12-23",
     "“…If we alienate"),
    ("Kars, January 8, 1921", "Kars, January 8, 1921", "Kars", "1921-01-08", "1921-01-08", ""),
    ("December 23, 1920“…If we", "December 23, 1920", None, "1920-12-23", "1920-12-23", "“…If we"),
    ("Tiflis. 7 August 1920", "Tiflis. 7 August 1920", "Tiflis", "1920-08-07", "1920-08-07", ""),
    ("No. 03, February 15, 1921 In addition", "No. 03, February 15, 1921", None, "1921-02-15", "1921-02-15",
     "In addition"),
    ("No. 12, Moscow, March 1, 1921", "No. 12, Moscow, March 1, 1921", "Moscow", "1921-03-01", "1921-03-01", ""),
    ("Early January 1921 With a sense", "Early January 1921", None, "1921-01-01", "1921-01-10",
     "With a sense"),
    ("February 1921", "February 1921", None, "1921-02-01", "1921-02-28", ""),
    ("Rostov-on-Don. 7/VIII-1920. In addition", "Rostov-on-Don. 7/VIII-1920", "Rostov-on-Don", "1920-08-07",
     "1920-08-07", ". In addition"),
    ("[August 1920]", "[August 1920]", None, "1920-08-01", "1920-08-31", ""),
    ("8 January 1921, Kars", "8 January 1921, Kars", "Kars", "1921-01-08", "1921-01-08", ""),
    ("Tiflis, 10 August 1920, 11 p.m.", "Tiflis, 10 August 1920, 11 p.m.", "Tiflis", "1920-08-10", "1920-08-10", ""),
    ("Moscow, Kremlin, 20 November 1920", "Moscow, Kremlin, 20 November 1920", "Moscow, Kremlin", "1920-11-20",
     "1920-11-20", ""),
    ("Erivan, 15 (28) July 1920", "Erivan, 15 (28) July 1920", "Erivan", "1920-07-28", "1920-07-28", ""),
    ("1920", "1920", None, "1920-01-01", "1920-12-31", ""),
    ("Secret. 7 August 1920", "Secret. 7 August 1920", None, "1920-08-07", "1920-08-07", ""),
    ("December 1920 – January 1921", "December 1920 – January 1921", None, "1920-12-01", "1921-01-31", ""),
])
def test_date_lines(line, text, place, earliest, latest, body_from):
    found = read_dateline(line)
    assert (found.text, found.place, found.range.earliest.isoformat(), found.range.latest.isoformat()) == (
        text, place, earliest, latest)
    assert found.range.text == text and line[found.end:].strip() == body_from.strip()


def test_dating_clause_and_undated_lines():
    clause = read_dateline("On the 10th day of August 1920, the Russian Socialist Federative Soviet Republic")
    assert clause.clause and clause.text == "On the 10th day of August 1920"
    undated = read_dateline("[Undated]")
    assert undated.range is None and undated.text == "[Undated]"


@pytest.mark.parametrize("line", [
    "1920 was a year of war in the region", "On 2 August the Revolutionary Military Council presented",
    "No. 731.", "16 versts from Aghdam", "In addition to my report dated December 4, 1920, I submit",
    "“L. Serebryakov 22.II.21.”",
])
def test_lines_that_are_not_date_lines(line):
    assert read_dateline(line) is None


@pytest.mark.parametrize(("line", "heading", "text"), [
    ("On Joint Discussion with the Azerbaijani SSR Regarding the Transfer of Disputed Territories to Armenia "
     "February 23, 1921", "On Joint Discussion with the Azerbaijani SSR Regarding the Transfer of Disputed "
     "Territories to Armenia", "February 23, 1921"),
    ("Justifying the Renewal of Territorial Claims No. 12, Moscow, March 1, 1921",
     "Justifying the Renewal of Territorial Claims", "No. 12, Moscow, March 1, 1921"),
])
def test_headings_that_end_with_their_date(line, heading, text):
    found_heading, found = read_trailing_dateline(line)
    assert (found_heading, found.text) == (heading, text)


@pytest.mark.parametrize("line", [
    "The meeting was held on February 23, 1921", "I refer to my letter of December 4, 1920",
])
def test_sentences_ending_with_a_date_are_not_headings(line):
    assert read_trailing_dateline(line) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT", True),
    ("On the Need to Resolve the Armenian-Azerbaijani Territorial Dispute by Developing a Solution", True),
    ("G. ORDZHONIKIDZE", True),
    ("The omitted section concerns the release of Armenian prisoners of war.", False),
    ("№ 514", False),
    ("Read Also:", False),
    ("Annotations and marginalia on the letter:", False),
    ("Yuri Barsegov “Nagorno-Karabakh in International Law and Global Politics”", False),
])
def test_heading_like_lines(line, expected):
    assert is_heading_like(line) is expected


@pytest.mark.parametrize(("heading", "expected"), [
    ("№ 514 TELEGRAM FROM THE COMMAND", "TELEGRAM FROM THE COMMAND"),
    ("TELEGRAM OF B. LEGRAND (№ 515)", "TELEGRAM OF B. LEGRAND"),
    ("No. 12. Memorandum from B. Shakhtakhtinsky", "Memorandum from B. Shakhtakhtinsky"),
])
def test_collection_numbers_are_not_part_of_the_title(heading, expected):
    assert strip_number(heading) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("…” Georgy Chicherin RGASPI, f. 5, op. 1, d. 2655, l. 35. Original. Autograph.",
     "RGASPI, f. 5, op. 1, d. 2655, l. 35. Original. Autograph."),
    ("Kasyan CGAORSS Armenia, f. 113, op. 3, d. 4, l. 13 verso. Typescript. Published in: Vestnik, 1989.",
     "CGAORSS Armenia, f. 113, op. 3, d. 4, l. 13 verso. Typescript."),
    ("T. Makhmudbekov CPA IML, f. 85, op. 13, d. 71, ll. 1–2. Original. (Emphasis added – Y.B.) *Copies sent",
     "CPA IML, f. 85, op. 13, d. 71, ll. 1–2. Original."),
    ("TsGIA of Armenia, f. 200, op. 1, d. 4, l. 17. Original. Manuscript.",
     "TsGIA of Armenia, f. 200, op. 1, d. 4, l. 17. Original. Manuscript."),
    ("AVPR, f. 04, op. 51, p. 321a, d. 54870, ll. 18–18v. Copy. (Highlighted by us – Yu. B.) 522",
     "AVPR, f. 04, op. 51, p. 321a, d. 54870, ll. 18–18v. Copy."),
    ("RGVA. F. 195. Op. 11. D. 24. L. 21.", "RGVA. F. 195. Op. 11. D. 24. L. 21."),
    ("GARF, f. R-130, op. 4, d. 1. Copy.", "GARF, f. R-130, op. 4, d. 1. Copy."),
    ("Central State Archive of the October Revolution, f. 130, op. 2, d. 5.",
     "Central State Archive of the October Revolution, f. 130, op. 2, d. 5."),
    ("National Archives of Armenia (NAA), f. 200, op. 1, d. 5, l. 3.",
     "National Archives of Armenia (NAA), f. 200, op. 1, d. 5, l. 3."),
    ("Ordzhonikidze Ibid., l. 36. Copy.", "Ibid., l. 36. Copy."),
    ("PRO FO 371/4958, E 1234. Copy.", "PRO FO 371/4958, E 1234. Copy."),
    ("ARF Archives, file 1622, doc. 3. Original.", "ARF Archives, file 1622, doc. 3. Original."),
    ("signed Chicherin. Arch. RA, f. 1, op. 2, d. 3.", "Arch. RA, f. 1, op. 2, d. 3."),
    ("Ivanov Archive of the RA, f. 1, op. 2, d. 3. Copy.", "Archive of the RA, f. 1, op. 2, d. 3. Copy."),
    ("Kasyan CGAORSS Armenia, f. 113, op. 3, d. 4", "CGAORSS Armenia, f. 113, op. 3, d. 4"),   # no page number
    ("RGASPI, f. 5, op. 1, d. 2655, l. 35", "RGASPI, f. 5, op. 1, d. 2655, l. 35"),
])
def test_archival_citations(text, expected):
    found = find_citation(text)
    assert found.text == expected and text[found.start:found.end] == expected


@pytest.mark.parametrize("text", [
    "with a reply due by 5 August, f. the note", "They numbered 1,200, of whom 16 versts away.",
    "Source: Armenia. Political and Ethnic Boundaries. 1878–1948.",
])
def test_texts_without_archival_citation(text):
    assert find_citation(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("…” Source: Armenia. Political and Ethnic Boundaries. 1878–1948. Ed. Anita L. P. Burdett. Archive "
     "Editions, 1998, pp. 654–656. (Emphasis added – Y.B.)",
     "Source: Armenia. Political and Ethnic Boundaries. 1878–1948. Ed. Anita L. P. Burdett. Archive Editions, "
     "1998, pp. 654–656."),
    ("Published in: Nagorno-Karabakh in 1918–1923. Yerevan, 1992, No. 433. (Emphasis added – Y.B.) 656",
     "Published in: Nagorno-Karabakh in 1918–1923. Yerevan, 1992, No. 433."),
])
def test_publication_notes(text, expected):
    assert find_publication(text).text == expected


@pytest.mark.parametrize(("title", "kind", "author", "recipient"), [
    ("Letter from the People’s Commissar for Foreign Affairs of the RSFSR, G. Chicherin, to V. Lenin on the "
     "Danger of Kemalist Realignment", "letter", "G. Chicherin", "V. Lenin"),
    ("TELEGRAM FROM THE COMMAND OF THE CAUCASIAN FRONT TO THE COMMAND OF THE 11TH RED ARMY ON THE FACT",
     "telegram", "Command of the Caucasian Front", "Command of the 11th Red Army"),
    ("TO THE MINISTER OF FOREIGN AFFAIRS OF ARMENIA CONTAINING A CHARACTERIZATION", "letter", None,
     "Minister of Foreign Affairs of Armenia"),
    ("From the Address of the Armenian Revolutionary Committee to the Peasants of Zangezur", "address",
     "Armenian Revolutionary Committee", "Peasants of Zangezur"),
    ("Responses of Mustafa Kemal, Chairman of the Grand National Assembly of Turkey, to Questions from E. "
     "Eshba, Representative of the Council, Containing Acknowledgment", "interview", "Mustafa Kemal", "E. Eshba"),
    ("Assessment of the Movement as Anti-Soviet in the Report of B. Shakhtakhtinsky, Representative, to "
     "Chairman of the Council of People’s Commissars V. Lenin", "report", "B. Shakhtakhtinsky", "V. Lenin"),
    ("From the Minutes of the Informal Meeting Between the RSFSR Delegation and the Government of Turkey at "
     "the Moscow Conference", "minutes", "RSFSR Delegation and the Government of Turkey", None),
    ("On the Cessation of Military Operations Against Armenia", "letter", None, None),
    (None, "other", None, None),
])
def test_kind_and_parties_from_the_heading(title, kind, author, recipient):
    assert kind_of(title, "") == kind
    assert parties_of(title, kind) == (author, recipient)


def test_untitled_agreement_is_judged_by_its_text():
    assert kind_of(None, "On the 10th day of August 1920, the parties have concluded the present agreement") == (
        "agreement")


@pytest.mark.parametrize(("text", "expected"), [
    ("TELEGRAM OF THE PLENIPOTENTIARY REPRESENTATIVE", "telegram-plenipotentiary-representative"),
    ("Letter from the People’s Commissar for Foreign Affairs", "letter-peoples-commissar-foreign"),
    ("Résumé: Ганджа", "resume"),
])
def test_slugs(text, expected):
    assert slugify(text) == expected


@pytest.mark.parametrize(("line", "heading", "text", "place"), [
    ("Appeal from the Commander of the Eastern Front to the Command of the 11th Red Army requesting help "
     "August 31, 1920 …In his letter", "Appeal from the Commander of the Eastern Front to the Command of the "
     "11th Red Army requesting help", "August 31, 1920", None),
    ("(Copy to: G. Chicherin) Regarding the agreement with Armenia dated August 10, 1920 Rostov, August 27, "
     "1920 No. 757. I once again", "(Copy to: G. Chicherin) Regarding the agreement with Armenia dated August "
     "10, 1920", "Rostov, August 27, 1920", "Rostov"),
    ("Letter from A. Person to B. Person on the Subject No. 12, Moscow, March 1, 1921 Given the newly",
     "Letter from A. Person to B. Person on the Subject", "No. 12, Moscow, March 1, 1921", "Moscow"),
])
def test_heading_date_and_body_on_one_line(line, heading, text, place):
    found_heading, found = read_inline_dateline(line)
    assert (found_heading, found.text, found.place) == (heading, text, place)


@pytest.mark.parametrize("line", [
    "Response to the telegram from E. Sklyansky dated August 26, 1920.",
    "Our troops entered Shusha. On 5 August 1920 the enemy fled",
    "The situation has deteriorated since my report of 2 July 1920 (O.S.). T. Makhmudbekov",
    "December 23, 1920 “…If we alienate",
])
def test_sentences_with_dates_are_not_inline_headings(line):
    assert read_inline_dateline(line) is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Read Also:", True), ("Recent Posts", True), ("2 weeks ago", True), ("1 week ago", True),
    ("Related Posts:", True), ("Recent events in Zangezur", False), ("Also read the report of 2 August.", False),
])
def test_page_furniture(line, expected):
    assert is_furniture(line) is expected


def test_untyped_dispatch_with_an_outgoing_number_is_a_telegram():
    title = "On the Cessation of Military Operations Against Armenia"
    assert kind_of(title, "The region has been occupied by our troops.\nNo. 731.\nOrdzhonikidze") == "telegram"
    assert kind_of(title, "The region has been occupied by our troops. No. 731 was sent.") == "letter"
