"""An editor's whole review flow in the reader, in headless chromium: log in, open a document, re-link a
mention from its candidates, link words the machine missed, create a place by clicking the map, fix the
document's date, delete a false movement, undo a change. After each step the map, the API and the
document page show it; `chronotope build --force` (the installed command) keeps every change."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from fixtures_review import DOC, create_place, get_json, log_in, mention_at, open_document

from .mappage import idle, open_map, shown

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts"


def done(page, text: str) -> None:
    """Wait until the review status says `text` (it says "Saving…" meanwhile) and the reader and the map
    are drawn again."""
    page.wait_for_function("(t) => { const s = document.getElementById('review-status').textContent;"
                           " return s.includes(t) || s.startsWith('Not saved'); }", arg=text, timeout=20_000)
    assert not page.locator("#review-status").inner_text().startswith("Not saved"), page.locator("#review-status").inner_text()
    idle(page)


def test_an_editor_corrects_a_document_and_a_rebuild_keeps_it(editor_site, page, screenshot, small_corpus,
                                                                review_atlas, review_home, chronotope):
    base = editor_site
    before = get_json(f"{base}/api/documents/{DOC}")
    assert mention_at(before, 543)["place_id"] == "chr:zangezur"
    log_in(page, base)
    open_document(page, base)
    assert "chr:ararat" not in shown(page)["places"]
    lines_before = shown(page)["lines"]
    served_before = len([f for f in get_json(f"{base}/api/movements")["features"] if f["properties"]["document_id"] == DOC])

    # 1. Re-link "Zangezur" (the second of the resolver's candidates is the uyezd).
    page.locator('#reader-body mark[data-start="543"]').click()
    page.locator('#reader-body mark[data-start="543"]').scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "review-reader-viewport.png"))   # the README's picture
    page.locator('#review-tools .rv-candidate[data-place="chr:zangezur-uyezd"]').click()
    done(page, "Linked to")
    relinked = mention_at(get_json(f"{base}/api/documents/{DOC}"), 543)
    assert relinked["place_id"] == "chr:zangezur-uyezd"
    assert relinked["review"]["status"] == "corrected" and relinked["review"]["by"] == "Eve Markarian"
    assert "corrected by Eve Markarian" in page.locator('#reader-body mark[data-start="543"]').get_attribute("title")

    # 2. Words the machine missed: "Ararat", found from the keyboard and linked through a gazetteer search.
    page.locator("#review-tools .rv-cancel").click()
    page.locator("#review-tools .rv-find input").fill("Ararat")
    page.locator("#review-tools .rv-find input").press("Enter")
    page.locator("#review-tools .rv-search").fill("Ararat")
    page.locator("#review-tools .rv-search").press("Enter")
    page.locator('#review-tools .rv-choice[data-place="chr:ararat"]').click()
    done(page, "Linked to")
    body = get_json(f"{base}/api/documents/{DOC}")["body"]
    start = body.index("Ararat")
    added = mention_at(get_json(f"{base}/api/documents/{DOC}"), start)
    assert added["place_id"] == "chr:ararat" and added["review"]["status"] == "added"
    assert "chr:ararat" in shown(page)["places"]
    target = page.locator("#review-tools .rv-target").inner_text()
    assert "Ararat \u2192 Mount Ararat\n\nadded by Eve Markarian\n" in target and "null" not in target
    screenshot(page, "review-reader")

    # 3. A new place, its point clicked on the map, for the second "Engelaurt".
    page.locator('#reader-body mark[data-start="1048"]').click()
    create_place(page, "Engelaurt (editor's reading)", "the editor's reading of a 1920 staff map", "approximate")
    done(page, "Linked to")
    new_place = mention_at(get_json(f"{base}/api/documents/{DOC}"), 1048)["place_id"]
    assert new_place not in {"chr:angeghakot", None}
    assert new_place in shown(page)["places"]
    assert get_json(f"{base}/api/places/{new_place}")["properties"]["name"] == "Engelaurt (editor's reading)"

    # 4. The document's date: 7 to 8 August, a range, with its words.
    page.locator("#review-tools .rv-document summary").click()
    date = page.locator("#review-tools .rv-document .rv-date-form")
    date.locator("input[name=dateText]").fill("Tiflis, 7–8 August 1920")
    date.locator("input[name=latest]").fill("1920-08-08")
    date.locator("select[name=precision]").select_option("range")
    date.locator("button[type=submit]").click()
    done(page, "Date corrected")
    dated = get_json(f"{base}/api/documents/{DOC}")
    assert (dated["earliest"], dated["latest"], dated["date_text"]) == ("1920-08-07", "1920-08-08", "Tiflis, 7–8 August 1920")
    assert DOC in [d["id"] for d in get_json(f"{base}/api/documents?from=1920-08-08&to=1920-08-08")["documents"]]
    assert "Tiflis, 7–8 August 1920" in page.locator("#reader-meta").inner_text()

    # 5. A false movement: the Council's "intention to commence an offensive against Armenia".
    page.locator("#review-tools .rv-movements summary").click()
    false = page.locator("#review-tools .rv-movement-item", has_text="offensive against Armenia")
    false.locator(".rv-delete-movement").click()
    done(page, "Movement deleted")
    movements = get_json(f"{base}/api/documents/{DOC}")["movements"]
    deleted = next(m for m in movements if m["start"] == 1875)
    assert deleted["review"]["status"] == "rejected"
    served = [f for f in get_json(f"{base}/api/movements")["features"] if f["properties"]["document_id"] == DOC]
    assert len(served) == served_before - 1
    assert shown(page)["lines"] == lines_before - 1

    # 6. Undo one change: the re-link of "Zangezur" (the oldest in the list of changes).
    page.locator("#review-tools .rv-change", has_text="zangezur-uyezd").locator(".rv-undo").click()
    done(page, "Undone")
    undone = mention_at(get_json(f"{base}/api/documents/{DOC}"), 543)
    assert undone["place_id"] == "chr:zangezur" and undone["review"] is None
    screenshot(page, "review-flow-reader")

    # The document page shows each change, and who made it.
    page.goto(f"{base}/documents/{DOC}")
    assert page.locator(".doc-date").inner_text().startswith("Tiflis, 7–8 August 1920")
    body_links = page.locator(".doc-body a.mention")
    assert page.locator(f'.doc-body a.mention[href="/places/{new_place}"]').count() == 1
    assert page.locator('.doc-body a.mention.checked[href="/places/chr:ararat"]').count() == 1
    assert "added by Eve Markarian" in page.locator('.doc-body a[href="/places/chr:ararat"]').get_attribute("title")
    assert body_links.count() == len([m for m in get_json(f"{base}/api/documents/{DOC}")["places"]
                                      if m["place_id"] and not (m["review"] or {}).get("status") == "rejected"])
    assert "offensive against Armenia" not in page.locator(".doc-movements").inner_text()
    page.locator("a", has_text="History of corrections").first.click()
    page.locator("#history-rows tr").first.wait_for()
    assert page.locator("#history-rows tr").count() == 6     # five changes and one undo
    screenshot(page, "review-history")

    # A rebuild of the corpus (the installed command, --force) keeps every change.
    env = {**os.environ, "CHRONOTOPE_HOME": str(review_home), "CHRONOTOPE_ATLAS_DIR": str(review_atlas)}
    run = subprocess.run([*chronotope, "build", "--force", "--corpus", str(small_corpus)], env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    rebuilt = get_json(f"{base}/api/documents/{DOC}")
    assert rebuilt["date_text"] == "Tiflis, 7–8 August 1920"
    assert mention_at(rebuilt, 543)["place_id"] == "chr:zangezur"
    assert mention_at(rebuilt, start)["place_id"] == "chr:ararat"
    assert mention_at(rebuilt, 1048)["place_id"] == new_place
    assert next(m for m in rebuilt["movements"] if m["start"] == 1875)["review"]["status"] == "rejected"


def test_a_reader_account_gets_no_review_tools(editor_site, page):
    log_in(page, editor_site, "rita")
    open_map(page, f"{editor_site}/?doc={DOC}")
    assert page.locator("#app").get_attribute("data-editor") == "false"
    assert page.locator("#review-tools").count() == 0


def test_the_queue_is_worked_from_the_keyboard(editor_site, page, screenshot):
    base = editor_site
    log_in(page, base)
    page.goto(f"{base}/review")
    page.locator(".queue-item .queue-context").first.wait_for()
    first = get_json(f"{base}/api/review/queue")
    assert page.locator("#queue-progress").inner_text() == (
        f"{first['progress']['reviewed']} of {first['progress']['total']:,} mentions reviewed")
    screenshot(page, "review-queue")
    page.screenshot(path=str(ARTIFACTS / "review-queue-viewport.png"))
    top = first["items"][0]
    page.keyboard.press("c")                                   # confirm the first, least certain reading
    page.wait_for_function("() => document.getElementById('queue-progress').textContent.startsWith('Confirmed')")
    confirmed = mention_at(get_json(f"{base}/api/documents/{top['document_id']}"), top["start"])
    assert confirmed["review"]["status"] == "confirmed"
    second = get_json(f"{base}/api/review/queue")
    assert second["progress"]["reviewed"] == first["progress"]["reviewed"] + 1
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("x")                                   # the (new) first: not a place
    page.wait_for_function("() => document.getElementById('queue-progress').textContent.startsWith('Rejected')")
    rejected = second["items"][0]
    assert mention_at(get_json(f"{base}/api/documents/{rejected['document_id']}"), rejected["start"])["review"][
        "status"] == "rejected"
    page.keyboard.press("l")                                   # re-link: the search box takes the focus
    assert page.evaluate("document.activeElement.classList.contains('rv-search')")
    page.keyboard.press("Escape")
    page.keyboard.press("?")
    assert page.locator("#queue-help").is_visible()


def test_the_queue_asks_who_you_are(editor_site, page):
    page.goto(f"{editor_site}/review")
    assert page.url.startswith(f"{editor_site}/login")


def test_an_editor_reorders_waypoints_adds_a_movement_and_corrects_a_date_in_the_text(editor_site, page):
    base = editor_site
    log_in(page, base)
    open_document(page, base)

    # A movement's waypoints in another order, from the keyboard's buttons: the uyezd before Zangezur.
    page.locator("#review-tools .rv-movements summary").click()
    item = page.locator("#review-tools .rv-movement-item", has_text="occupy Zangezur and Nakhichevan")
    item.locator(".rv-correct-movement").click()
    item.locator('.rv-waypoints button[data-role="down"]').first.click()
    item.locator("input[name=actor]").fill("the 11th Army")
    item.locator(".rv-movement-form button[type=submit]").click()
    done(page, "Movement corrected")
    moved = next(m for m in get_json(f"{base}/api/documents/{DOC}")["movements"] if m["start"] == 762)
    assert [w["place_id"] for w in moved["waypoints"]] == ["chr:nakhichevan-uyezd", "chr:zangezur"]
    assert moved["actor"] == "the 11th Army" and moved["review"]["status"] == "corrected"

    # A movement the machine missed, from words found in the text, with one waypoint from the gazetteer.
    if page.locator("#review-tools .rv-cancel").count():
        page.locator("#review-tools .rv-cancel").click()
    page.locator("#review-tools .rv-find input").fill("Caucasian Front")
    page.locator("#review-tools .rv-find input").press("Enter")
    page.locator("#review-tools .rv-add-movement").click()
    form = page.locator("#review-tools .rv-more")
    form.locator("input[name=kind]").fill("advance")
    form.locator("input[name=status]").fill("occurred")
    form.locator(".rv-search").fill("Goris")
    form.locator(".rv-search").press("Enter")
    form.locator('.rv-choice[data-place="chr:goris"]').click()
    form.locator(".rv-movement-form button[type=submit]").click()
    done(page, "Movement added")
    body = get_json(f"{base}/api/documents/{DOC}")["body"]
    added = next(m for m in get_json(f"{base}/api/documents/{DOC}")["movements"]
                 if m["start"] == body.index("Caucasian Front"))
    assert [w["place_id"] for w in added["waypoints"]] == ["chr:goris"] and added["review"]["status"] == "added"

    # "2 August" read as the 3rd.
    page.locator("#review-tools .rv-dates summary").click()
    date = page.locator("#review-tools .rv-date", has_text="2 August")
    date.locator(".rv-correct-date").click()
    date.locator("input[name=earliest]").fill("1920-08-03")
    date.locator("input[name=latest]").fill("1920-08-03")
    date.locator("button[type=submit]").click()
    done(page, "Date corrected")
    fixed = next(d for d in get_json(f"{base}/api/documents/{DOC}")["dates"] if d["start"] == 1215)
    assert (fixed["earliest"], fixed["review"]["status"]) == ("1920-08-03", "corrected")

    # The popup of a place the document names says whose link it is.
    page.locator('#reader-body mark[data-start="280"]').click()
    page.locator("#review-tools .rv-confirm").click()
    done(page, "Confirmed")
    page.evaluate("window.chronotopeLayers.places.getLayers()"
                  ".find(l => l.getElement().dataset.place === 'chr:armenia').openPopup()")
    assert page.locator(".place-popup .link-note").inner_text() == "In the open document: checked by Eve Markarian"


def test_the_queue_filters_by_document(editor_site, page):
    log_in(page, editor_site)
    page.goto(f"{editor_site}/review")
    page.locator(".queue-item").first.wait_for()
    page.locator("#filter-doc").select_option(DOC)
    page.locator("#queue-filters button[type=submit]").click()
    page.wait_for_function("(doc) => [...document.querySelectorAll('.queue-item')].every(i => i.dataset.doc === doc)",
                           arg=DOC)
    expected = get_json(f"{editor_site}/api/review/queue?doc={DOC}")["total"]
    assert page.locator(".queue-item").count() == min(expected, 50)
    assert f"doc={DOC}" in page.url


def test_an_orphaned_correction_is_listed_in_the_queue_and_can_be_withdrawn(editor_site, review_atlas, page):
    """A correction whose words left the text (as after a corpus edit and a build) is listed, never dropped."""
    from mapapp.corrections.annotation import LINK, Annotation, Selection
    from mapapp.corrections.store import CorrectionsStore

    store = CorrectionsStore(review_atlas)
    lost = store.add(Annotation(DOC, LINK, Selection("Karakilisa", "letter written at ", " in"), place="chr:sisian"), "eve")
    store.set_orphaned(DOC, {lost.id})
    log_in(page, editor_site)
    page.goto(f"{editor_site}/review")
    orphan = page.locator("#orphan-list .orphan")
    orphan.wait_for()
    assert orphan.inner_text().startswith("\u201cKarakilisa\u201d: linked to chr:sisian")
    orphan.locator("button").click()
    page.locator("#orphan-list li.muted", has_text="None.").wait_for()
    assert get_json(f"{editor_site}/api/review/queue")["orphaned"] == []
    assert [e["action"] for e in get_json(f"{editor_site}/api/documents/{DOC}/history")["entries"]] == ["create", "delete"]
