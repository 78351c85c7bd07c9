"""`chronotope serve`: build the atlas if missing or stale, then serve the app."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import click

from mapapp.cli.output import EXIT_FAILED, fail


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; the URL printed says which).")
@click.option("--corpus", "corpus", multiple=True, type=click.Path(path_type=Path),
              help="A source file or a folder of them (repeatable). Default: $CHRONOTOPE_CORPUS, "
                   "else the bundled corpus.")
@click.option("--threads", type=click.IntRange(1, 256),
              help="Request threads of the production server (waitress; each worker's with --workers). "
                   "Default: $CHRONOTOPE_THREADS, else 24.")
@click.option("--connection-limit", type=click.IntRange(1, 100_000),
              help="Open connections the server (each worker) accepts before it queues new ones. "
                   "Default: $CHRONOTOPE_CONNECTION_LIMIT, else 500.")
@click.option("--workers", type=click.IntRange(1, 64),
              help="Server processes on the port (more than 1: gunicorn, each with --threads threads; for "
                   "more than one core). Default: $CHRONOTOPE_WORKERS, else 1 (one waitress process).")
@click.option("--database", "database", metavar="URL", default=None,
              help="Serve the atlas kept in this PostgreSQL/PostGIS database (postgresql://user@host/db), "
                   "building it there first if needed. Default: $CHRONOTOPE_DATABASE_URL.")
@click.option("--debug", is_flag=True, help="Use Flask's development server, with the debugger and reloader.")
def command(host: str, port: int, corpus: tuple[Path, ...], threads: int | None, connection_limit: int | None,
            workers: int | None, database: str | None, debug: bool) -> None:
    """Serve the map and the API; builds the atlas first when it is missing or stale."""
    from mapapp.atlas.build import corpus_paths
    from mapapp.cli.build_cmd import ensure_atlas, summary
    from mapapp.settings import SettingsError, from_env, with_overrides

    try:
        settings = with_overrides(from_env(), {"DATABASE_URL": database} if database else None)
    except SettingsError as exc:
        fail(str(exc))
    paths = corpus_paths(corpus or settings.CORPUS)
    report = ensure_atlas(paths, settings.atlas_location, settings.KEEP_VERSIONS)
    click.echo(summary(report), err=True)
    from mapapp.app import create_app
    from mapapp.atlas import pg_pool

    workers = workers or settings.WORKERS
    if workers > 1 and not debug:
        pg_pool.close_all()    # no connection of the build's look at the database is shared by forked workers
        _serve_workers(create_app, {"CORPUS": paths, "DATABASE_URL": settings.DATABASE_URL}, settings,
                       host, port, workers, threads or settings.THREADS, connection_limit or settings.CONNECTION_LIMIT,
                       report.version)
        return
    pg_pool.release_thread()   # the build's look at the database: its connection is the requests' now

    app = create_app({"CORPUS": paths, "DATABASE_URL": settings.DATABASE_URL})
    if debug:
        click.echo(f"serving (Flask debug server) on http://{host}:{port}/", err=True)
        app.run(host=host, port=port, debug=True)
        return
    import waitress

    app.extensions["chronotope.picture_pool"].warm_up()   # the first picture asked for is not slower
    # Answers of a few MB (a busy month's events) stay in memory rather than in a temporary file.
    try:
        server = waitress.create_server(app, host=host, port=port, threads=threads or settings.THREADS,
                                        connection_limit=connection_limit or settings.CONNECTION_LIMIT,
                                        outbuf_overflow=32 << 20)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_FAILED)
    _note_hosts(host, settings)
    click.echo(f"serving on http://{host}:{server.effective_port}/ (atlas {report.version}; Ctrl-C stops)")
    signal.signal(signal.SIGTERM, _interrupt)    # `kill` stops it as Ctrl-C does, picture workers too
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.close()
        app.extensions["chronotope.picture_pool"].shutdown()


def _note_hosts(host: str, settings) -> None:
    from mapapp.settings import LOOPBACK_HOSTS

    if host not in LOOPBACK_HOSTS and not (settings.SERVER_NAME or settings.TRUSTED_HOSTS):
        click.echo("note: only requests for localhost or 127.0.0.1 are answered (others get 400); set "
                   "CHRONOTOPE_SERVER_NAME or CHRONOTOPE_TRUSTED_HOSTS to the names clients use", err=True)


def _serve_workers(create_app, config: dict, settings, host: str, port: int, workers: int, threads: int,
                   connection_limit: int, version: str) -> None:
    """Serve from `workers` gunicorn processes until Ctrl-C or SIGTERM stops the master (and so all)."""
    from mapapp.cli import serve_workers

    try:
        sock = serve_workers.listen(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_FAILED)
    _note_hosts(host, settings)
    bound = sock.getsockname()[1]
    config = {**config, "PICTURE_WORKERS": serve_workers.picture_share(settings.PICTURE_WORKERS, workers),
              "PICTURE_QUEUE": serve_workers.picture_share(settings.PICTURE_QUEUE, workers)}

    def ready() -> None:   # in the master, once it listens (each worker makes its app as it starts)
        click.echo(f"serving on http://{host}:{bound}/ (atlas {version}; {workers} workers; Ctrl-C stops)")

    server = serve_workers.WorkerServer(sock, lambda: create_app(config), {
        "workers": workers, "threads": threads, "worker_connections": connection_limit}, ready)
    master = os.getpid()
    try:
        server.run()
    except SystemExit as exit_:
        # A worker ends by SystemExit too, up through this frame of its parent's: only the master reports.
        if os.getpid() != master or exit_.code not in (0, None):
            raise
    click.echo("stopped", err=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
