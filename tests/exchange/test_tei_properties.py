"""The TEI writer and reader agree on any text (hypothesis, bounded): the body read back is the
body written, character for character, and each marked place comes back at its own offsets."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from documents.tei.reader import read_tei
from mapapp.exchange.tei import tei_document

# Any character XML 1.0 can hold but a carriage return (XML reads it as a line end).
CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | \
    st.sampled_from("\n\t <>&\"'")


@st.composite
def documents_with_places(draw):
    body = draw(st.text(CHARACTERS, min_size=1, max_size=300)).strip()
    if not body:
        body = "x"
    places, at = [], 0
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(at, len(body)))
        end = draw(st.integers(start, min(len(body), start + 20)))
        words = body[start:end]
        if not words or words != words.strip() or "\n" in words:
            continue   # a span is its words (trimmed) on one line, as the atlas's mentions are
        places.append({"start": start, "end": end, "text": words, "place_id": "chr:goris", "name": "Goris",
                       "lat": 39.5, "lon": 46.3})
        at = end
    return {"id": "doc-1", "title": "A document", "body": body, "places": places}


@settings(max_examples=150, deadline=None)
@given(documents_with_places())
def test_what_the_writer_writes_the_reader_reads(doc):
    [read], warnings = read_tei(tei_document(doc, {}, "test"), "generated.xml")
    assert warnings == []
    assert read.body == doc["body"]
    assert read.id == "doc-1" and read.title == "A document"
    assert [(m.start, m.end, m.text) for m in read.markup] == [(p["start"], p["end"], p["text"]) for p in doc["places"]]
    assert all("chr:goris" in m.refs for m in read.markup)   # through the file's own listPlace
