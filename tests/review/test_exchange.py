"""Corrections as files: the export is a W3C AnnotationCollection that JSON-LD expands without losing
a term, a fresh atlas importing it answers as the first, a Recogito export is matched by quote, and a
bad file is refused in one line with nothing stored lost."""
from __future__ import annotations

import json

import pytest
from pyld import jsonld

from mapapp.atlas.store import open_atlas
from mapapp.corrections.annotation import ANNO_CONTEXT, NS, OWN_CONTEXT
from mapapp.corrections.store import CorrectionsStore
from tests.review.conftest import DOC, link, quote

# The Web Annotation terms the export uses, with the IRIs the W3C Web Annotation Vocabulary
# (https://www.w3.org/TR/annotation-vocab/, W3C Recommendation, 2017) gives them; written for this test
# from the vocabulary's term list rather than copied, so the loader below needs no network.
OA, AS, DCT = "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/activitystreams#", "http://purl.org/dc/terms/"
ANNO_TERMS = {"@context": {
    "id": {"@id": "@id", "@type": "@id"}, "type": {"@id": "@type", "@type": "@id"},
    "Annotation": OA + "Annotation", "AnnotationCollection": AS + "OrderedCollection",
    "TextualBody": OA + "TextualBody", "SpecificResource": OA + "SpecificResource",
    "TextQuoteSelector": OA + "TextQuoteSelector", "TextPositionSelector": OA + "TextPositionSelector",
    "Person": "http://xmlns.com/foaf/0.1/Person",
    "identifying": OA + "identifying", "commenting": OA + "commenting", "editing": OA + "editing",
    "body": {"@id": OA + "hasBody", "@type": "@id"}, "target": {"@id": OA + "hasTarget", "@type": "@id"},
    "source": {"@id": OA + "hasSource", "@type": "@id"}, "selector": {"@id": OA + "hasSelector", "@type": "@id"},
    "creator": {"@id": DCT + "creator", "@type": "@id"}, "purpose": {"@id": OA + "hasPurpose", "@type": "@vocab"},
    "items": {"@id": AS + "items", "@type": "@id", "@container": "@list"},
    "created": DCT + "created", "modified": DCT + "modified", "value": "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
    "start": OA + "start", "end": OA + "end", "exact": OA + "exact", "prefix": OA + "prefix", "suffix": OA + "suffix",
    "name": "http://xmlns.com/foaf/0.1/name", "label": "http://www.w3.org/2000/01/rdf-schema#label",
    "total": AS + "totalItems"}}


def offline_loader(url, options=None):
    assert url == ANNO_CONTEXT, f"the export needs no context but anno.jsonld and its own ({url})"
    return {"contextUrl": None, "documentUrl": url, "document": ANNO_TERMS}


def scalars(value) -> list:
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "@context" for s in scalars(v)]
    if isinstance(value, list):
        return [s for v in value for s in scalars(v)]
    return [value]


@pytest.fixture
def corrected(site, eve):
    """Four corrections on DOC: a re-link with a note, a rejection, a new title, the document's date."""
    text = eve.get(f"/api/documents/{DOC}").get_json()["body"]
    url = f"/api/documents/{DOC}/annotations"
    assert eve.post(url, json=link(DOC, text, "Angora", "chr:erzurum", note="Erzurum is meant")).status_code == 201
    reject = link(DOC, text, "Estonia", "chr:estonia")
    reject["body"] = {"type": "TextualBody", "purpose": "assessing", "value": "not-a-place"}
    assert eve.post(url, json=reject).status_code == 201
    for body in ({"type": "FieldValue", "purpose": "editing", "field": "title", "value": "Conversation in Moscow"},
                 {"type": "DateValue", "purpose": "editing", "earliest": "1920-12-20", "latest": "1920-12-26",
                  "precision": "range", "calendar": "gregorian"}):
        made = eve.post(url, json={"type": "Annotation", "body": body, "target": {"source": DOC}})
        assert made.status_code == 201, made.get_data(as_text=True)
    return site


def test_document_fields_and_date_corrections_show_in_the_document_and_its_listing(corrected):
    client = corrected.test_client()
    doc = client.get(f"/api/documents/{DOC}").get_json()
    assert doc["title"] == "Conversation in Moscow" and doc["earliest"] == "1920-12-20"
    assert doc["reviews"]["title"]["status"] == "corrected" and doc["reviews"]["date"]["by"] == "Eve Markarian"
    listed = client.get("/api/documents?q=Moscow").get_json()["documents"]
    assert DOC in [d["id"] for d in listed]
    assert next(d for d in client.get("/api/documents?per_page=500").get_json()["documents"]
                if d["id"] == DOC)["title"] == "Conversation in Moscow"


def test_export_then_import_into_a_fresh_atlas_gives_the_same_document(corrected, atlas_copy, make_atlas,
                                                                       small_corpus, runner, tmp_path):
    out = tmp_path / "corrections.jsonld"
    exported = runner.invoke(["annotations", "export", "--atlas", str(atlas_copy), "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "AnnotationCollection" and collection["@context"][0] == ANNO_CONTEXT
    assert collection["total"] == 4
    fresh = make_atlas([small_corpus], tmp_path / "fresh")
    imported = runner.invoke(["annotations", "import", str(out), "--atlas", str(fresh)])
    assert imported.exit_code == 0 and "imported 4 annotations on 1 documents" in imported.output
    assert open_atlas(location=fresh).document(DOC) == open_atlas(location=atlas_copy).document(DOC)
    assert open_atlas(location=fresh).events() == open_atlas(location=atlas_copy).events()
    again = runner.invoke(["annotations", "import", str(out), "--atlas", str(fresh)])
    assert "imported 0 annotations" in again.output and "4 already here" in again.output


def test_export_format_annotations_writes_the_same_collection(corrected, atlas_copy, runner, tmp_path):
    out = tmp_path / "all.jsonld"
    assert runner.invoke(["export", "--format", "annotations", "--atlas", str(atlas_copy), "--out", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 4


def test_json_ld_expansion_keeps_every_value_of_the_export(corrected, atlas_copy, runner, tmp_path):
    out = tmp_path / "corrections.jsonld"
    runner.invoke(["annotations", "export", "--atlas", str(atlas_copy), "--out", str(out)])
    compact = json.loads(out.read_text(encoding="utf-8"))
    expanded = jsonld.expand(compact, {"documentLoader": offline_loader})
    kept = json.dumps(expanded, ensure_ascii=False)
    terms = {**ANNO_TERMS["@context"], **OWN_CONTEXT}

    def iri(value):   # a type or purpose is kept as the IRI its term names
        found = terms.get(value) if isinstance(value, str) else None
        return found.replace("ctns:", NS) if isinstance(found, str) else value

    lost = [v for v in scalars(compact) if json.dumps(iri(v), ensure_ascii=False).strip('"') not in kept]
    assert lost == []
    assert "https://w3id.org/chronotope/ns#earliest" in kept and OA + "hasPurpose" in kept


def test_a_recogito_export_is_matched_by_quote_and_what_cannot_be_anchored_is_named(atlas_copy, runner,
                                                                                     small_corpus, tmp_path):
    body = open_atlas(location=atlas_copy).document(DOC)["body"]
    selector = quote(body, "Angora")[0]
    recogito = [
        {"@context": ANNO_CONTEXT, "id": "https://recogito.example/annotation/aaa", "type": "Annotation",
         "body": [{"type": "TextualBody", "purpose": "classifying", "value": "PLACE"},
                  {"type": "SpecificResource", "purpose": "identifying", "source": "https://sws.geonames.org/315368/"}],
         "target": {"source": "https://recogito.example/document/x1/part/1", "selector": [selector]}},
        {"@context": ANNO_CONTEXT, "id": "https://recogito.example/annotation/bbb", "type": "Annotation",
         "body": {"type": "SpecificResource", "purpose": "identifying", "source": "chr:baku"},
         "target": {"source": "https://recogito.example/document/x1/part/1",
                    "selector": [{"type": "TextQuoteSelector", "exact": "Atlantis"}]}}]
    path = tmp_path / "recogito.jsonld"
    path.write_text(json.dumps(recogito), encoding="utf-8")
    result = runner.invoke(["annotations", "import", str(path), "--atlas", str(atlas_copy), "--as", "eve"])
    assert result.exit_code == 0, result.output
    assert "imported 1 annotations on 1 documents" in result.output
    assert "not imported" in result.output and "recogito.example/annotation/bbb" in result.output \
        and "Atlantis" in result.output
    angora = next(m for m in open_atlas(location=atlas_copy).document(DOC)["places"] if m["text"] == "Angora")
    assert angora["place_id"] == "geonames:315368" and angora["review"]["status"] == "corrected"


@pytest.mark.parametrize("content, problem", [
    ('{"type": "AnnotationCollection",\n "items": [\n  {"type": "Annotation",}\n ]}', ":3: not JSON"),
    ('"just a string"', ":1: neither an AnnotationCollection"),
])
def test_a_bad_file_is_refused_in_one_line_and_nothing_stored_is_lost(corrected, atlas_copy, runner, tmp_path,
                                                                      content, problem):
    before = CorrectionsStore(atlas_copy).annotations()
    path = tmp_path / "bad.jsonld"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(["annotations", "import", str(path), "--atlas", str(atlas_copy)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and problem in lines[0] and "Traceback" not in result.output
    assert CorrectionsStore(atlas_copy).annotations() == before
