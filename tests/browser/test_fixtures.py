"""The browser fixtures themselves: a page that reaches outside its server, or breaks its CSP, is caught."""
from __future__ import annotations

import pytest
from flask import Flask

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><title>t</title><p id="ok">local</p>
<img src="/local.png" alt=""><img src="https://tile.openstreetmap.org/0/0/0.png" alt="">"""


@pytest.fixture
def tiny_url(serve_app):
    app = Flask("tiny")
    app.add_url_rule("/", "index", lambda: PAGE)
    app.add_url_rule("/local.png", "png", lambda: ("", 204))
    app.add_url_rule("/plain", "plain", lambda: "<!doctype html><title>plain</title>")
    app.add_url_rule("/strict", "strict", lambda: (STRICT_PAGE, {"Content-Security-Policy": "script-src 'self'"}))
    return serve_app(app)


STRICT_PAGE = """<!doctype html><title>strict</title><p id="ok">strict</p>
<script>document.getElementById("ok").textContent = "ran";</script>"""


def test_foreign_request_is_refused_and_recorded(page, tiny_url):
    page.goto(tiny_url + "/")
    page.wait_for_load_state("load")
    assert page.inner_text("#ok") == "local"
    assert page.watch.foreign == ["https://tile.openstreetmap.org/0/0/0.png"]
    assert tiny_url + "/local.png" in page.watch.requests
    page.watch.foreign.clear()  # the fixture would otherwise (rightly) fail this test


def test_console_errors_are_captured(page, tiny_url):
    page.goto(tiny_url + "/plain")
    page.evaluate("console.error('boom')")
    page.evaluate("setTimeout(() => { throw new Error('late'); }, 0)")
    for _ in range(50):     # the uncaught error reaches Python a little later
        if any("late" in e for e in page.watch.console_errors):
            break
        page.wait_for_timeout(100)
    assert "boom" in page.watch.console_errors
    assert any("late" in e for e in page.watch.console_errors)
    page.watch.allow_console_errors = True


def test_a_content_security_policy_violation_is_recorded(page, tiny_url):
    page.goto(tiny_url + "/strict")
    for _ in range(50):
        if page.watch.csp_violations:
            break
        page.wait_for_timeout(100)
    assert page.inner_text("#ok") == "strict"      # the inline script did not run
    assert page.watch.csp_violations and "script-src" in page.watch.csp_violations[0]
    assert any("Content-Security-Policy violation" in line for line in page.watch.problems())
    page.watch.csp_violations.clear()   # the fixture would otherwise (rightly) fail this test
    page.watch.allow_console_errors = True
