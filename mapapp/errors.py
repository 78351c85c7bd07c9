"""One table from domain errors to HTTP: JSON under `/api/`, a small HTML page elsewhere.

Flask is imported inside the handlers only, so the atlas store and the command line can
raise these errors without loading the web stack.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from documents.errors import DocumentError
from gazetteer.errors import GazetteerError
from mapapp.atlas.pg_pool import DatabaseBusy
from mapapp.corrections.annotation import AnnotationError
from mapapp.message_ids import N_
from mapapp.params import ParamError, shown

if TYPE_CHECKING:
    from flask import Flask, Response


class ApiError(Exception):
    """An answer that is not the one asked for: a code for scripts, a message for people.

    `message` is English, a message id of the catalogues (marked with `N_`) whose %(name)s
    placeholders `values` fill; the answer gives it in the request's language (`localized`). A
    message no catalogue lists (already translated, or a library's) is shown as it is.
    """

    code = "error"
    status = 500
    retry_after: int | None = None     # seconds, sent as Retry-After

    def __init__(self, message: str, code: str | None = None, status: int | None = None, **values: object):
        self.template, self.values = message, values
        message = message % values if values else message
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status

    def localized(self) -> str:
        """The message in the request's language (the English one outside a request)."""
        from flask import has_request_context

        return translated(self.template, **self.values) if has_request_context() else self.message


class NotFound(ApiError):
    code, status = "not_found", 404


class DocumentRenamed(NotFound):
    """A document asked for by the id it had before: answered by a permanent redirect to its id now."""

    code, status = "moved", 301

    def __init__(self, former_id: str, current_id: str):
        super().__init__(f"document {former_id!r} is now {current_id!r}")
        self.former_id, self.current_id = former_id, current_id


class VersionGone(ApiError):
    code, status = "gone", 410


class AtlasMissing(ApiError):
    code, status = "no_atlas", 503


class LoginRequired(ApiError):
    code, status = "login_required", 401


class Forbidden(ApiError):
    code, status = "forbidden", 403


class Conflict(ApiError):
    code, status = "conflict", 409


class PreconditionRequired(ApiError):
    """A change to something others may change too, sent without the If-Match that guards it."""

    code, status = "precondition_required", 428


class TooManyRequests(ApiError):
    code, status = "too_many_requests", 429

    def __init__(self, message: str, retry_after: int, **values: object):
        super().__init__(message, **values)
        self.retry_after = retry_after


class Busy(ApiError):
    """The server is at its limit for this kind of work; the client may retry shortly."""

    code, status, retry_after = "busy", 503, 2


# Errors raised by the domain packages and the parameter parsers: (code, status). The first
# matching class wins.
ERROR_TABLE: tuple[tuple[type[Exception], str, int], ...] = (
    (ParamError, "bad_parameter", 400),
    (DocumentError, "bad_document", 422),
    (AnnotationError, "bad_annotation", 400),
    (GazetteerError, "bad_gazetteer_data", 500),
    (DatabaseBusy, "database_busy", 503),
)

LOGGED = 300   # characters of a refused request's message in the server log

# Codes for the HTTP errors werkzeug raises itself (unknown route, wrong method, ...).
HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 410: "gone"}
# Their messages, in our words so that the catalogues translate them (werkzeug's are English only).
HTTP_MESSAGES = {
    400: N_("the server could not understand this request (%(http)s)"),
    401: N_("this needs you to log in (%(http)s)"),
    403: N_("you may not see this (%(http)s)"),
    404: N_("nothing here: no page or answer has this address (%(http)s)"),
    405: N_("this address does not take the method %(method)s (%(http)s)"),
    406: N_("this address cannot answer in the form asked for (%(http)s)"),
    410: N_("what this address showed is no longer kept (%(http)s)"),
    411: N_("the request must say its length (%(http)s)"),
    413: N_("the request is larger than this server accepts (%(http)s)"),
    414: N_("the address is longer than this server accepts (%(http)s)"),
    415: N_("this address does not take data of this type (%(http)s)"),
    429: N_("too many requests; wait a moment and try again (%(http)s)"),
    431: N_("the request's headers are larger than this server accepts (%(http)s)"),
    500: N_("internal error; the server log has the details"),
    501: N_("this server does not do that (%(http)s)"),
    503: N_("the server cannot answer just now; try again in a moment (%(http)s)"),
}
CSRF_MESSAGE = N_("the form's security token is missing, out of date or wrong.")


def as_api_error(error: Exception) -> ApiError:
    """Return the ApiError an exception maps to, following the table."""
    from werkzeug.exceptions import HTTPException

    if isinstance(error, ApiError):
        return error
    from flask_wtf.csrf import CSRFError

    if isinstance(error, CSRFError):
        again = translated("Reload the page and try again.")
        return ApiError(f"{translated(CSRF_MESSAGE)} {again}", "csrf_failed", 400)
    if isinstance(error, HTTPException):
        status = error.code or 500
        code = HTTP_CODES.get(status, "http_error")
        if status in HTTP_MESSAGES:
            from flask import request

            return ApiError(HTTP_MESSAGES[status], code, status, http=status,
                            method=request.method)
        return ApiError(error.description or error.name, code, status)
    for cls, code, status in ERROR_TABLE:
        if isinstance(error, cls):
            answer = ApiError(message_of(error), code, status)
            if status == 503:   # a limit reached for a moment: the client may retry
                answer.retry_after = Busy.retry_after
            return answer
    return ApiError(translated("internal error; the server log has the details"), "internal", 500)


def translated(message: str, **values: object) -> str:
    """Return `message` in the request's language (see mapapp.web.i18n), placeholders filled."""
    from flask_babel import gettext

    return gettext(message, **values)


def message_of(error: Exception) -> str:
    """Return the error's message for the reader: a ParamError's in the request's language."""
    if isinstance(error, ParamError):
        return f"{error.name}={shown(error.value)}: {translated(error.template, **error.values)}"
    return str(error)


def wants_json() -> bool:
    """Return True for requests answered in JSON: everything under /api/."""
    from flask import request

    return request.path == "/api" or request.path.startswith("/api/")


def json_error(error: ApiError) -> Response:
    """Return `{"error": {"code", "message"}}` for `error`, with its status."""
    from flask import jsonify

    response = jsonify({"error": {"code": error.code, "message": error.localized()}})
    response.status_code = error.status
    return response


def moved_response(error: DocumentRenamed) -> Response:
    """Return the redirect from a URL naming a document's former id to the same URL with its id now."""
    from flask import redirect, request

    path = request.path.replace(f"/{error.former_id}", f"/{error.current_id}", 1)
    query = request.query_string.decode("latin-1").replace(f"doc={error.former_id}", f"doc={error.current_id}")
    response = redirect(path + (f"?{query}" if query else ""), 301)
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def error_response(error: ApiError) -> Response:
    """Return the JSON or HTML answer for `error`, with its status."""
    from flask import Response, render_template

    if isinstance(error, DocumentRenamed):
        return moved_response(error)

    if wants_json():
        response = json_error(error)
    else:
        html = render_template("error.html", status=error.status, code=error.code, message=error.localized())
        response = Response(html, mimetype="text/html")
    response.status_code = error.status
    response.headers["Cache-Control"] = "no-store"
    if error.retry_after is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def handle(error: Exception) -> Response:
    """The app's one error handler."""
    from flask import current_app, request
    from werkzeug.exceptions import HTTPException

    api_error = as_api_error(error)
    # A fault logs its traceback; a limit reached for a moment (Retry-After) is a refusal.
    if api_error.status >= 500 and api_error.retry_after is None and not isinstance(error, ApiError | HTTPException):
        current_app.logger.exception("unhandled error on %s", shown(request.path))
    else:
        log_refused(api_error)
    return error_response(api_error)


def log_refused(error: ApiError) -> None:
    """Log a refused request in one line, bounded whatever was sent (no traceback: nothing broke)."""
    from flask import current_app, request

    current_app.logger.warning("%s %s %s: %s", error.status, request.method, shown(request.path),
                               " ".join(error.message.split())[:LOGGED])


def init_app(app: Flask) -> None:
    """Register the one error handler for every exception."""
    app.register_error_handler(Exception, handle)
