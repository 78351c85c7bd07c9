"""What the app believes of a request and what it tells browsers to refuse.

- Hosts: the app answers only the hosts `trusted_hosts(settings)` names (400 for any other), and
  builds absolute URLs (oEmbed, cards, canonical links) from `CHRONOTOPE_SERVER_NAME` when set,
  else from the request's trusted host, with `Vary: Host`.
- Proxies: `X-Forwarded-*` headers are believed only with `CHRONOTOPE_BEHIND_PROXY=N` (N proxies).
- Browsers: a Content-Security-Policy on every answer (scripts from our origin only, or the one
  inline script the page marks with the request's nonce; no plugins), no framing by other sites
  unless a view allows it, no MIME sniffing.
"""
from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, request

from mapapp.settings import trusted_hosts


def content_security_policy(frame_ancestors: str, nonce: str | None = None,
                            image_origins: tuple[str, ...] = ()) -> str:
    """The Content-Security-Policy header value: scripts only from 'self' (and `nonce`), no objects."""
    scripts = "script-src 'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    images = " ".join(("img-src 'self' data: blob:", *image_origins))
    return "; ".join((
        "default-src 'self'", scripts, "style-src 'self' 'unsafe-inline'", images, "connect-src 'self'",
        "font-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        f"frame-ancestors {frame_ancestors}"))


def csp_nonce() -> str:
    """The nonce of this request's inline script (templates call it as `csp_nonce()`)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def public_host() -> str:
    """The host[:port] of our absolute URLs: the SERVER_NAME setting, else the request's trusted host."""
    name = current_app.config.get("SERVER_NAME")
    if name:
        return name
    g.absolute_urls_from_host = True      # the answer depends on Host: caches must know
    return request.host


def public_root() -> str:
    """The absolute URL of the app's root, without the trailing slash."""
    return f"{request.scheme}://{public_host()}{request.script_root}"


def add_security_headers(response: Response) -> Response:
    """CSP and framing on every answer: other sites may frame a view only when it set
    `g.frame_ancestors = "*"`; no sniffing; `Vary: Host` when the answer holds a URL made from it."""
    ancestors = getattr(g, "frame_ancestors", None)
    if not ancestors:
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    # JSON carries document text raw; a browser must never sniff it into HTML.
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers["Content-Security-Policy"] = content_security_policy(
        ancestors or "'self'", g.get("csp_nonce"), current_app.extensions["chronotope.image_origins"])
    if g.get("absolute_urls_from_host"):
        response.vary.add("Host")
        if current_app.config.get("BEHIND_PROXY"):
            response.vary.update(("X-Forwarded-Host", "X-Forwarded-Proto"))
    return response


def _image_origins(app: Flask) -> tuple[str, ...]:
    """Origins pictures may come from besides ours: the online tiles, when offered."""
    if not app.config.get("TILES"):
        return ()
    from mapapp.web.mapview import ONLINE_TILES

    parts = urlsplit(ONLINE_TILES[0])
    return (f"{parts.scheme}://{parts.netloc}",)


def init_app(app: Flask) -> None:
    """Trust only the configured hosts and proxies; send the security headers on every answer."""
    settings = app.extensions["chronotope.settings"]
    # Flask checks request.host against this list and answers 400 for any other host.
    app.config["TRUSTED_HOSTS"] = list(trusted_hosts(settings))
    if settings.BEHIND_PROXY:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = settings.BEHIND_PROXY
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n)
    app.extensions["chronotope.image_origins"] = _image_origins(app)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(add_security_headers)
