"""Benchmark of a correction as an editor sees it: from the click in the reader's review tools until
the reader and the map are drawn again with the change (headless chromium, the real app on loopback).

    python bench/review_reader.py                # 10 confirmations in one document
    python bench/review_reader.py --count 30

Builds the bundled corpus into a temporary folder, serves the app on 127.0.0.1 (werkzeug, in a
thread), logs an editor in, opens the document with the most place mentions and confirms them one
after the other (Confirm, then Undo in the list of changes), timing each click until the status says
so and the page's own `chronotope.idle()` resolves. Prints the minimum, median and maximum.
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

# bench/, this script's folder
from editor_site import EDITOR, PASSWORD, editor_site
from spread import spread_line

CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10, help="corrections to make (and undo)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import WSGIRequestHandler, make_server

    with tempfile.TemporaryDirectory(prefix="chronotope-bench-") as folder:
        quiet = type("Quiet", (WSGIRequestHandler,), {"log_request": lambda *a, **k: None})
        server = make_server("127.0.0.1", 0, editor_site(Path(folder)), threaded=True,
                             request_handler=quiet)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        confirm, undo = [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{base}/login")
            page.fill("#username", EDITOR)
            page.fill("#password", PASSWORD)
            page.click("main form button[type=submit]")
            page.wait_for_url(f"{base}/")
            docs = page.evaluate("fetch('/api/documents?per_page=500').then((r) => r.json())")["documents"]
            counts = {d["id"]: len(page.evaluate(f"fetch('/api/documents/{d['id']}').then((r) => r.json())")["places"])
                      for d in docs}
            doc = max(counts, key=counts.get)
            page.goto(f"{base}/?doc={doc}")
            page.wait_for_function("() => document.getElementById('app').dataset.ready === 'true'")
            for i in range(args.count):
                marks = page.locator("#reader-body mark.mention:not(.unresolved)")
                marks.nth(i % marks.count()).click()
                confirm.append(timed(page, lambda: page.locator("#review-tools .rv-confirm").click(), "Confirmed."))
                undo.append(timed(page, lambda: page.locator("#review-tools .rv-undo").first.click(), "Undone."))
            browser.close()
        server.shutdown()

    def line(name, values):
        return spread_line(name, values, 34)

    print(f"{args.count} corrections in the reader of {doc} ({counts[doc]} mentions)")
    print(line("click Confirm until redrawn", confirm))
    print(line("click Undo until redrawn", undo))


def timed(page, click, said: str) -> float:
    """Milliseconds from `click()` until the review status says `said` and the page has drawn."""
    page.evaluate("document.getElementById('review-status').textContent = ''")
    started = time.perf_counter()
    click()
    page.wait_for_function("(t) => document.getElementById('review-status').textContent === t", arg=said)
    page.evaluate("window.chronotope.idle()")
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
