"""`chronotope serve --workers N`: N server processes on one port (gunicorn, threaded workers).

One waitress process serves Python on one core at a time (the GIL). Here a gunicorn master
holds the listening socket, bound before it starts (so a busy port is our one-line error), and
forks N workers; each makes its own app after the fork, so no SQLite connection, PostgreSQL
connection or picture pool crosses a fork. What each worker keeps for itself (open atlases, the
answer cache, the database pool) is keyed by the atlas's `revision`, read from the atlas at each
request, so a correction written through one worker is in every worker's next answer.
"""
from __future__ import annotations

import math
import signal
import socket
from collections.abc import Callable, Mapping

from gunicorn.app.base import BaseApplication
from gunicorn.sock import create_sockets


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (OSError when it cannot be had)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def picture_share(total: int, workers: int) -> int:
    """Each worker's picture processes, so that the server as a whole keeps about `total`."""
    return max(1, math.ceil(total / workers))


class WorkerServer(BaseApplication):
    """Gunicorn serving `create_app(config)` from `workers` processes of `threads` threads each."""

    def __init__(self, sock: socket.socket, make_app: Callable[[], object], options: Mapping,
                 on_ready: Callable[[], None]):
        self.sock, self.make_app, self.options, self.on_ready = sock, make_app, dict(options), on_ready
        super().__init__()

    def load_config(self) -> None:
        host, port = self.sock.getsockname()[:2]
        settings = {
            "bind": [f"[{host}]:{port}" if ":" in host else f"{host}:{port}"],
            "worker_class": "gthread",
            "preload_app": False,       # each worker makes its app after the fork
            "loglevel": "warning",
            "accesslog": None,
            # The app's own CHRONOTOPE_BEHIND_PROXY decides which X-Forwarded-* to believe, as under waitress.
            "forwarded_allow_ips": "",
            "secure_scheme_headers": {},
            "limit_request_line": 8190,
            "keepalive": 120,           # seconds an idle connection is kept, as waitress keeps it
            # A worker silent this long is restarted; its first seconds (making the app) count, and a
            # shared machine under a build may starve it for a while.
            "timeout": 120,
            "control_socket_disable": True,   # no management socket left in the working folder
            "on_starting": self._take_socket,
            "when_ready": lambda arbiter: self.on_ready(),
            "post_worker_init": _warm_up,
            "worker_int": _quit_once,
            "worker_exit": _let_go,
            **self.options,
        }
        for key, value in settings.items():
            if key in self.cfg.settings:
                self.cfg.set(key, value)

    def _take_socket(self, arbiter) -> None:
        """Serve the socket bound already, rather than let gunicorn bind (and retry) itself."""
        arbiter.LISTENERS = create_sockets(self.cfg, arbiter.log, [self.sock.detach()])

    def load(self):
        return self.make_app()


def _warm_up(worker) -> None:
    """This worker's picture processes start now, as a single server's do."""
    worker.wsgi.extensions["chronotope.picture_pool"].warm_up()


def _quit_once(worker) -> None:
    """A worker told to quit (Ctrl-C reaches it from the terminal, then from the master) quits once:
    a second signal would interrupt its exit."""
    for each in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM):
        signal.signal(each, _already_quitting)   # not SIG_IGN: a signal already pending would raise OSError


def _already_quitting(signum: int, frame: object) -> None:
    pass


def _let_go(arbiter, worker) -> None:
    """A stopping worker stops its picture processes and closes its database connections."""
    from mapapp.atlas import pg_pool

    app = getattr(worker, "wsgi", None)
    if app is not None and hasattr(app, "extensions"):
        app.extensions["chronotope.picture_pool"].shutdown()
    pg_pool.close_all()
