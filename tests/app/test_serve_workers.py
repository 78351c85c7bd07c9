"""`chronotope serve --workers N`: several server processes on one port, as a user runs them.

Which process answers a connection is read from /proc (the process holding the server's end of
the socket), so the answers themselves carry nothing added for the tests."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from harness import chronotope_command

from mapapp.cli.serve_workers import picture_share
from tests.app.test_cli import descendants
from tests.app.test_postgres_serve import Server
from tests.review.conftest import DOC, link
from tests.review.test_two_servers import Editor, shared_atlas


@pytest.mark.parametrize(("total", "workers", "each"), [
    (4, 1, 4), (4, 2, 2), (4, 3, 2), (4, 8, 1), (12, 2, 6), (1, 4, 1),
])
def test_each_worker_draws_its_share_of_the_pictures(total, workers, each):
    assert picture_share(total, workers) == each


def _server_end(conn: http.client.HTTPConnection, server_port: int) -> int:
    """The inode of the server's end of `conn` (from /proc/net/tcp*)."""
    client_port = conn.sock.getsockname()[1]
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == server_port and \
                    int(fields[2].rsplit(":", 1)[1], 16) == client_port:
                return int(fields[9])
    raise AssertionError(f"no server end for the connection from port {client_port}")


def answering_process(conn: http.client.HTTPConnection, server: subprocess.Popen, server_port: int) -> int:
    """The id of the server process (below `server`) that holds `conn`'s other end."""
    wanted = f"socket:[{_server_end(conn, server_port)}]"
    for pid in descendants(server.pid):
        try:
            if any(os.readlink(fd) == wanted for fd in Path(f"/proc/{pid}/fd").iterdir()):
                return pid
        except OSError:
            continue
    raise AssertionError("no server process holds the connection")


def one_connection_a_worker(url: str, server: subprocess.Popen, workers: int) -> dict[int, http.client.HTTPConnection]:
    """Kept-alive connections until each of `workers` processes holds one; {pid: connection}."""
    host, port = url.split("//")[1].rstrip("/").split(":")
    found: dict[int, http.client.HTTPConnection] = {}
    for _ in range(60):
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        status, _headers, _body = ask(conn, "/api/corpus")
        assert status == 200
        pid = answering_process(conn, server, int(port))
        if pid in found:
            conn.close()
        else:
            found[pid] = conn
        if len(found) == workers:
            return found
    for conn in found.values():
        conn.close()
    raise AssertionError(f"only {len(found)} of {workers} workers answered 60 connections")


def ask(conn: http.client.HTTPConnection, path: str, etag: str | None = None) -> tuple[int, dict, bytes]:
    conn.request("GET", path, headers={"If-None-Match": etag} if etag else {})
    response = conn.getresponse()
    return response.status, dict(response.getheaders()), response.read()


@pytest.mark.network
@pytest.mark.parametrize("where", ["folder", "database"])
def test_two_workers_answer_and_a_correction_through_one_is_in_every_workers_answers(atlas_path, tmp_path,
                                                                                      where, request):
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home"), "CHRONOTOPE_PICTURE_WORKERS": "2"}
    option = shared_atlas(where, atlas_path, tmp_path, request, env)
    env["CHRONOTOPE_WORKERS"] = "2"     # the setting, as `--workers 2` would
    server = Server([*chronotope_command(), "serve", *option, "--port", "0", "--threads", "2"], env)
    try:
        workers = one_connection_a_worker(server.url, server.process, 2)
        before = {}
        for conn in workers.values():   # each worker has the document's answer cached, and its ETag
            status, headers, body = ask(conn, f"/api/documents/{DOC}")
            assert status == 200
            assert ask(conn, f"/api/documents/{DOC}", headers["ETag"])[0] == 304
            before[conn] = (headers["ETag"], json.loads(body))
        assert len({etag for etag, _ in before.values()}) == 1   # the same answer from both

        editor = Editor(server.url, "eve")   # logged in through whichever worker: the session is good on all
        document = next(iter(before.values()))[1]
        assert editor.post(f"/api/documents/{DOC}/annotations", link(DOC, document["body"], "Angora", "chr:erzurum")) \
            == 201

        for conn, (etag, _) in before.items():
            status, headers, body = ask(conn, f"/api/documents/{DOC}", etag)
            assert status == 200 and headers["ETag"] != etag      # no worker answers from its old cache
            angora = next(m for m in json.loads(body)["places"] if m["text"] == "Angora")
            assert (angora["place_id"], angora["review"]["by"]) == ("chr:erzurum", "Eve Markarian")
            status, _headers, body = ask(conn, "/api/events")
            assert "chr:erzurum" in [f["properties"]["place_id"] for f in json.loads(body)["features"]
                                     if f["properties"]["document_id"] == DOC]
        for conn in workers:
            assert answering_process(workers[conn], server.process, int(server.url.rsplit(":", 1)[1].strip("/"))) \
                == conn   # still the same two processes
            workers[conn].close()
    finally:
        server.stop()


def _gone(pids: list[int], within: float) -> list[int]:
    deadline = time.monotonic() + within
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


@pytest.mark.network
@pytest.mark.parametrize("stop", ["kill", "ctrl-c"])
def test_stopping_the_server_stops_every_worker_and_picture_process(small_corpus, atlas_path, tmp_path, stop):
    shutil.copytree(atlas_path, tmp_path / "atlas", ignore=shutil.ignore_patterns("*.lock", ".*"))
    env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas"), "CHRONOTOPE_HOME": str(tmp_path / "home"),
           "CHRONOTOPE_CORPUS": str(small_corpus), "CHRONOTOPE_PICTURE_WORKERS": "2"}
    command = [*chronotope_command(), "serve", "--port", "0", "--workers", "2", "--threads", "2"]
    # A session of its own: Ctrl-C reaches every process of the terminal's group, as in a shell.
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        line = process.stdout.readline()
        assert "serving on http://127.0.0.1:" in line and "2 workers" in line, process.stderr.read()
        url = line.split()[2]
        host, port = url.split("//")[1].rstrip("/").split(":")
        for conn in one_connection_a_worker(url, process, 2).values():
            conn.close()
        deadline = time.monotonic() + 60
        below = descendants(process.pid)
        while len(below) < 2 + 2 * 2 and time.monotonic() < deadline:   # workers, fork servers, picture workers
            time.sleep(0.5)
            below = descendants(process.pid)
        assert len(below) >= 6, below
    finally:
        if stop == "kill":
            process.send_signal(signal.SIGTERM)
        else:
            os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 0
    assert _gone(below, within=15) == []
    errors = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    assert errors.splitlines()[-1] == "stopped" and errors.count("stopped") == 1 and "Traceback" not in errors
    with socket.socket() as again:    # the port is free again
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind((host, int(port)))


def test_workers_on_a_busy_port_is_a_one_line_error(small_corpus, atlas_path, tmp_path):
    shutil.copytree(atlas_path, tmp_path / "atlas")
    env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas"), "CHRONOTOPE_CORPUS": str(small_corpus)}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([*chronotope_command(), "serve", "--port", str(port), "--workers", "2"], env=env,
                                capture_output=True, text=True, timeout=240)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert "Traceback" not in result.stderr and result.stdout == ""
