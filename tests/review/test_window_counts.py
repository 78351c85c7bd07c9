"""The map's place counts under corrections: summed in SQL over the documents grouped by their dates
(mapapp/atlas/place_spans.py), they follow an editor's change at once, on both stores, and stay
what the documents themselves count (the uncapped answer, read from each document's places)."""
from __future__ import annotations

import pytest

from tests.review.conftest import DOC, link
from tests.review.test_annotations_api import body_of

pytestmark = pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)

WINDOW = "from=1920-12-01&to=1920-12-31"    # DOC is dated 26 December 1920
LATER = "from=1923-06-01&to=1923-06-30"     # where a corrected date moves it: no document of its own


def map_counts(reader, window: str) -> dict[str, tuple[int, int]]:
    """The map's ask (counts only): {place: (mentions, documents)}."""
    features = reader.get(f"/api/places?{window}&limit=600&doc_limit=0").get_json()["features"]
    return {f["id"]: (f["properties"]["mentions"], f["properties"]["document_count"]) for f in features}


def listed_counts(reader, window: str) -> dict[str, tuple[int, int]]:
    """The whole answer's: its mentions and how many documents it lists."""
    features = reader.get(f"/api/places?{window}").get_json()["features"]
    return {f["id"]: (f["properties"]["mentions"], len(f["properties"]["documents"])) for f in features}


def test_a_mention_moved_to_another_place_moves_the_windows_counts(site, eve):
    reader = site.test_client()
    before = map_counts(reader, WINDOW)
    assert before == listed_counts(reader, WINDOW) and "chr:ankara" in before
    made = eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, body_of(reader), "Angora", "chr:erzurum"))
    assert made.status_code == 201, made.get_data(as_text=True)
    after = map_counts(reader, WINDOW)
    nothing = (0, 0)   # a place no document of the window names is not in the answer
    assert after.get("chr:ankara", nothing)[0] == before["chr:ankara"][0] - 1
    assert after["chr:erzurum"] == tuple(n + 1 for n in before.get("chr:erzurum", nothing))
    assert {k: v for k, v in after.items() if k not in ("chr:ankara", "chr:erzurum")} == \
        {k: v for k, v in before.items() if k not in ("chr:ankara", "chr:erzurum")}
    for window in (WINDOW, "", "to=1920-12-26", "from=1920-12-26"):
        assert map_counts(reader, window) == listed_counts(reader, window), window
    # Withdrawn, the counts are the build's again, to the byte.
    url = "/api/annotations/" + made.get_json()["id"].rsplit("/", 1)[1]
    assert eve.delete(url, headers={"If-Match": made.headers["ETag"]}).status_code == 204
    assert map_counts(reader, WINDOW) == before


def test_a_document_redated_takes_its_places_counts_to_its_new_window(site, eve):
    reader = site.test_client()
    before, later = map_counts(reader, WINDOW), map_counts(reader, LATER)
    ours = {m["place_id"] for m in reader.get(f"/api/documents/{DOC}").get_json()["places"] if m.get("place_id")}
    assert ours and ours <= set(before) and not ours & set(later)
    made = eve.post(f"/api/documents/{DOC}/annotations", json={
        "type": "Annotation", "target": {"source": DOC},
        "body": {"type": "DateValue", "purpose": "editing", "earliest": "1923-06-10", "latest": "1923-06-10",
                 "precision": "day", "calendar": "gregorian"}})
    assert made.status_code == 201, made.get_data(as_text=True)
    moved, arrived = map_counts(reader, WINDOW), map_counts(reader, LATER)
    assert set(arrived) == ours
    for place in ours:
        assert arrived[place][1] == 1
        left = tuple(b - a for b, a in zip(before[place], arrived[place], strict=True))
        assert moved.get(place, (0, 0)) == left
    for window in (WINDOW, LATER, ""):
        assert map_counts(reader, window) == listed_counts(reader, window), window
