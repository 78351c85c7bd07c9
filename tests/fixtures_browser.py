"""Fixtures for browser tests: the real app on loopback, driven by headless chromium.

- `live_server`: the `app` fixture (from `fixtures_app`) served by werkzeug on a free loopback
  port in a thread; its value is the base URL, e.g. "http://127.0.0.1:54321".
- `serve_app`: a factory for serving an app variant: `url = serve_app(create_app({...}))`.
- `browser`: Debian's chromium, headless, through Playwright's sync API (one per session; Playwright
  gives each launch a fresh, temporary user-data-dir).
- `page`: a fresh browser context and page per test. It records every request and aborts any that
  leaves the served origins (the test then fails at teardown), captures console errors and page
  errors (a test fails at teardown if there were any, unless it sets `page.watch.allow_console_errors`),
  records every Content-Security-Policy violation (a test fails at teardown on any), and saves a screenshot to `test-artifacts/<test name>.png`.
- `screenshot`: `screenshot(page, "name")` saves `test-artifacts/name.png` mid-test.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}

# Origins of every server started by `serve_app` in this session: the only ones a page may reach.
_SERVED_ORIGINS: set[str] = set()


def origin_of(url: str) -> str:
    """Return "scheme://host:port" of `url` (the port made explicit)."""
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(parts.scheme, 0)
    return f"{parts.scheme}://{parts.hostname}:{port}"


def leaves_origins(url: str, origins: set[str]) -> bool:
    """Return True when a request to `url` would leave `origins` (local schemes never do)."""
    scheme = urlsplit(url).scheme
    if scheme in LOCAL_SCHEMES:
        return False
    return origin_of(url) not in origins


@dataclass
class PageWatch:
    """What a page did: every request URL, those refused as foreign, console and page errors."""

    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    allow_console_errors: bool = False

    def problems(self) -> list[str]:
        """Return one line per rule the page broke."""
        lines = [f"request left the server: {url}" for url in self.foreign]
        lines += [f"Content-Security-Policy violation: {text}" for text in self.csp_violations]
        if not self.allow_console_errors:
            lines += [f"console error: {text}" for text in self.console_errors]
        return lines


def _quiet_handler():
    from werkzeug.serving import WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs) -> None:  # tests read failures, not access logs
            pass

    return QuietHandler


def _read_whole(app):
    """`app`, each answer read whole before it is sent. werkzeug's server drains the socket before
    it closes an answer, so a browser that hangs up mid-answer left a static file open (a
    ResourceWarning the suite fails on); the app has no streamed answers."""
    def whole(environ, start_response):
        answer = app(environ, start_response)
        try:
            return [b"".join(answer)]
        finally:
            if hasattr(answer, "close"):
                answer.close()

    return whole


class LiveServer:
    """A WSGI app served by werkzeug on 127.0.0.1 in a daemon thread."""

    def __init__(self, app) -> None:
        from werkzeug.serving import make_server

        self._server = make_server("127.0.0.1", 0, _read_whole(app), threaded=True,
                                   request_handler=_quiet_handler())
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> LiveServer:
        self._thread.start()
        _SERVED_ORIGINS.add(origin_of(self.url))
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        _SERVED_ORIGINS.discard(origin_of(self.url))


@pytest.fixture
def serve_app() -> Iterator[Callable[[object], str]]:
    """A factory: serve a Flask app on a free loopback port and return its base URL."""
    servers: list[LiveServer] = []

    def serve(app) -> str:
        servers.append(LiveServer(app).start())
        return servers[-1].url

    yield serve
    for server in servers:
        server.stop()


@pytest.fixture
def live_server(app, serve_app) -> str:
    """The base URL of the real app (the `app` fixture) served on loopback."""
    return serve_app(app)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium, launched once per session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_")[:120] or "page"


def save_screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to test-artifacts/<name>.png and return its path."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{_safe_name(name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot() -> Callable[[object, str], Path]:
    return save_screenshot


CSP_BINDING = "__chronotopeCspViolation"
CSP_LISTENER = f"""document.addEventListener("securitypolicyviolation", (e) => window.{CSP_BINDING}(
    `${{e.violatedDirective}} blocked ${{e.blockedURI || "inline"}} at ${{e.sourceFile}}:${{e.lineNumber}}`));"""


def _watch(context, page) -> PageWatch:
    """Record requests and console errors; abort any request that leaves the served origins."""
    watch = PageWatch()

    def route(route_) -> None:
        url = route_.request.url
        watch.requests.append(url)
        if leaves_origins(url, _SERVED_ORIGINS):
            watch.foreign.append(url)
            route_.abort("blockedbyclient")
        else:
            route_.continue_()

    context.route("**/*", route)
    # Every frame reports what its Content-Security-Policy blocked (the init script itself is
    # injected by the browser, so no policy stops it).
    context.expose_function(CSP_BINDING, lambda text: watch.csp_violations.append(text))
    context.add_init_script(CSP_LISTENER)
    # A refused foreign request shows as a console error too; it is reported once, as foreign.
    page.on("console", lambda msg: msg.type == "error" and not _is_refusal(msg.text)
            and watch.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: watch.console_errors.append(f"uncaught: {exc}"))
    return watch


def _is_refusal(text: str) -> bool:
    return "ERR_BLOCKED_BY_CLIENT" in text


@pytest.fixture
def page(browser, serve_app, request):
    """A fresh page in its own context; fails the test if it left the server or logged errors.

    It asks for `serve_app` so that servers started through it (`live_server` too) stop only
    after the page has closed, whatever order a test names its fixtures in.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  permissions=["clipboard-read", "clipboard-write"])
    page_ = context.new_page()
    page_.watch = _watch(context, page_)
    yield page_
    try:
        save_screenshot(page_, request.node.name)
    except Exception as exc:  # a closed or crashed page must not hide the test's own result
        print(f"screenshot failed: {exc}")
    problems = page_.watch.problems()
    context.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
