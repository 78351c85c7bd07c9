"""`/login`, `/logout` and `/admin/users`: who may write, and the guard every write goes through.

Sessions are signed cookies (HttpOnly, SameSite=Lax, Secure behind HTTPS) keyed by the operator's
`CHRONOTOPE_SECRET_KEY`, else a secret made once where the accounts are (the data folder, or the
atlas's database, so that a session made by one server is good on every other); every POST, PUT, PATCH and DELETE needs the CSRF token (a form field
`csrf_token`, or the `X-CSRF-Token` header from the page's `<meta name="csrf-token">`). A session
ends at its next request once its user's password is set anew or the account removed
(`mapapp.accounts.sessions`).
"""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, Flask, current_app, redirect, render_template, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf.csrf import CSRFProtect

from mapapp.accounts import sessions, store
from mapapp.accounts.limits import FailedLogins, SharedFailedLogins
from mapapp.atlas import pg_pool, postgres
from mapapp.errors import Forbidden, LoginRequired, TooManyRequests, translated
from mapapp.message_ids import N_

bp = Blueprint("accounts", __name__)
csrf = CSRFProtect()


class KeyOnFirstUse(SecureCookieSessionInterface):
    """Signed-cookie sessions whose key is read (or made) when first needed, not when the app is
    created: creating an app writes nothing."""

    def get_signing_serializer(self, app: Flask):
        if not app.secret_key:
            try:
                app.secret_key = accounts(app).session_key()
            except (postgres.Error, pg_pool.DatabaseBusy) as exc:
                # The database that keeps the key is out of reach (or has no connection free): no session
                # for this request, which then answers as the atlas's own unreachability says (503), not
                # with a traceback.
                app.logger.warning("no session: the accounts database is out of reach (%s)", type(exc).__name__)
                return None
        return super().get_signing_serializer(app)


class SessionUser(UserMixin):
    """The logged-in user as Flask-Login sees it, with the stamp of the password they logged in under."""

    def __init__(self, user: store.User, stamp: str):
        self.user, self.stamp = user, stamp

    def get_id(self) -> str:
        return sessions.session_id(self.user.name, self.stamp)

    def __getattr__(self, name):
        return getattr(self.user, name)


def accounts(app: Flask | None = None) -> store.AccountsStore:
    """The accounts of this app: in its atlas's database when it has one, else in its data folder."""
    config = (app or current_app).config
    return store.AccountsStore(store.accounts_location(config))


def init_app(app: Flask) -> None:
    """Secret key, cookie flags, CSRF and the login manager."""
    app.session_interface = KeyOnFirstUse()
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
                      SESSION_COOKIE_SECURE=bool(app.config.get("HTTPS")),
                      REMEMBER_COOKIE_HTTPONLY=True, REMEMBER_COOKIE_SAMESITE="Lax",
                      REMEMBER_COOKIE_SECURE=bool(app.config.get("HTTPS")),
                      WTF_CSRF_HEADERS=["X-CSRF-Token", "X-CSRFToken"], WTF_CSRF_TIME_LIMIT=None)
    csrf.init_app(app)
    manager = LoginManager()
    manager.init_app(app)

    @manager.user_loader
    def load(session_id: str):
        if not app.secret_key:   # no session could be read (see KeyOnFirstUse): nobody logged in
            return None
        name, stamp = sessions.parse(session_id)
        found = accounts(app).session_user(name, app.secret_key)
        # A password set since this session began (or an account removed) ends it: logged out.
        return SessionUser(*found) if found and sessions.still_good(stamp, found[1]) else None

    @manager.unauthorized_handler
    def unauthorized():
        raise LoginRequired(N_("log in as %(role)s to change anything"), role=translated(WRITERS))

    shared = accounts(app)
    app.extensions["chronotope.failed_logins"] = SharedFailedLogins(shared) if shared.postgres else FailedLogins()

    @app.after_request
    def private_when_logged_in(response):
        # A page an editor sees carries their CSRF token: no shared cache may keep it.
        if current_user and current_user.is_authenticated:
            response.headers["Cache-Control"] = "private, no-store"
            response.vary.add("Cookie")
        return response


def _requires(allowed, role: str):
    """A view decorator: 401 for a client who is not logged in, 403 for a user `allowed` refuses."""
    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                raise LoginRequired(N_("log in as %(role)s to change anything"), role=translated(role))
            if not allowed(current_user):
                raise Forbidden(N_("%(name)s is a %(role)s; this needs %(needed)s"), name=current_user.name,
                                role=translated(current_user.role), needed=translated(role))
            return view(*args, **kwargs)
        return guarded
    return decorator


# Who may do what, as the messages of 401 and 403 answers say it (translated where they are shown).
WRITERS, ADMINS = N_("an editor or admin"), N_("an admin")
ROLE_WORDS = (N_("reader"), N_("editor"), N_("admin"))   # the roles of mapapp.accounts.store.ROLES
writer_required = _requires(lambda user: user.can_write, WRITERS)
admin_required = _requires(lambda user: user.is_admin, ADMINS)


def _safe_next(target: str | None) -> str:
    """A path on this site to go to after logging in; anything else goes to the map."""
    parts = urlsplit(target or "")
    if not target or parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("login.html", next=next_url, message=None)
    address = request.remote_addr or "unknown"
    failures = current_app.extensions["chronotope.failed_logins"]
    wait = failures.blocked_for(address)
    if wait:
        raise TooManyRequests(N_("too many failed logins from %(address)s; try again in %(seconds)s s"),
                              retry_after=int(wait) + 1, address=address, seconds=int(wait) + 1)
    user = accounts().verify(request.form.get("username", ""), request.form.get("password", ""))
    if user is None:
        failures.fail(address)
        return render_template("login.html", next=next_url, message="Wrong user name or password."), 401
    failures.clear(address)
    _log_in(user.name)
    return redirect(next_url)


def _log_in(name: str) -> None:
    """Make (or renew) this client's session for `name`, stamped with their current password."""
    found = accounts().session_user(name, current_app.secret_key)
    if found:
        login_user(SessionUser(*found))


@bp.post("/logout")
def logout():
    logout_user()
    return redirect("/")


@bp.get("/admin/users")
@admin_required
def users():
    return render_template("users.html", users=accounts().list_users(), roles=store.ROLES,
                           history=accounts().history(limit=50), message=None)


def _account_change(change):
    try:
        change()
    except store.AccountError as exc:
        return render_template("users.html", users=accounts().list_users(), roles=store.ROLES,
                               history=accounts().history(limit=50), message=str(exc)), 400
    return redirect(url_for("accounts.users"))


@bp.post("/admin/users")
@admin_required
def add_user():
    form = request.form
    return _account_change(lambda: accounts().add_user(form.get("name", ""), form.get("role", ""),
                                                       form.get("password", ""), current_user.name,
                                                       form.get("public_name") or None))


@bp.post("/admin/users/<name>/remove")
@admin_required
def remove_user(name: str):
    if name == current_user.name:
        return _account_change(lambda: (_ for _ in ()).throw(store.AccountError("an admin cannot remove themselves")))
    return _account_change(lambda: accounts().remove_user(name, current_user.name))


@bp.post("/admin/users/<name>/password")
@admin_required
def change_password(name: str):
    def change():
        accounts().set_password(name, request.form.get("password", ""), current_user.name)
        if name == current_user.name:   # every other session of theirs ends; this one goes on
            _log_in(name)
    return _account_change(change)
