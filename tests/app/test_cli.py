"""`chronotope build` and `chronotope serve` as a user runs them."""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from harness import chronotope_command

from .corpus_edits import add_document, unreadable_source

SUMMARY = re.compile(r"^atlas (?P<version>[0-9a-f]{12}) (?P<state>built in [\d.]+ s|up to date): "
                     r"(?P<documents>\d+) documents, (?P<places>\d+) places, (?P<mentions>\d+) mentions, "
                     r"(?P<movements>\d+) movements, (?P<territories>\d+) territories; "
                     r"(?P<sources>\d+) sources \((?P<read>\d+) read, (?P<reused>\d+) reused\) -> (?P<path>.+)$")


def test_build_prints_one_summary_line(runner, small_corpus, tmp_path, app_for):
    result = runner.invoke(["build", "--corpus", str(small_corpus), "--out", str(tmp_path / "atlas")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    summary = SUMMARY.match(lines[0])
    assert summary and summary["state"].startswith("built")
    corpus = app_for(tmp_path / "atlas").test_client().get("/api/corpus").get_json()
    assert (summary["version"], int(summary["documents"])) == (corpus["version"], corpus["count"])
    again = SUMMARY.match(runner.invoke(["build", "--corpus", str(small_corpus),
                                         "--out", str(tmp_path / "atlas")]).stdout.strip())
    assert again["state"] == "up to date" and again["read"] == "0" and again["version"] == summary["version"]


def test_build_uses_the_settings_and_can_answer_json(runner, small_corpus, tmp_path):
    result = runner.invoke(["build", "--json"], env={"CHRONOTOPE_CORPUS": str(small_corpus),
                                                     "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "here")})
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["path"].startswith(str(tmp_path / "here"))
    assert report["documents"] > 0 and report["read"] == report["sources"]


def test_build_writes_a_single_file_when_asked(runner, small_corpus, tmp_path):
    result = runner.invoke(["build", "--corpus", str(small_corpus), "--out", str(tmp_path / "a.sqlite")])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["a.sqlite"]


@pytest.mark.parametrize(("make_bad", "named"), [
    (lambda corpus: corpus / "missing.txt", "missing.txt: no such file"),
    (unreadable_source, "zz-bad-source.txt"),
])
def test_bad_input_is_one_line_and_keeps_the_atlas(runner, small_corpus, tmp_path, make_bad, named):
    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    out = str(tmp_path / "atlas")
    first = runner.invoke(["build", "--corpus", str(corpus), "--out", out])
    bad = make_bad(corpus)
    result = runner.invoke(["build", "--corpus", str(corpus), "--corpus", str(bad), "--out", out])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and named in line and "previous atlas is unchanged" in line
    assert "Traceback" not in result.output
    still = runner.invoke(["build", "--corpus", str(small_corpus), "--out", out]).stdout
    assert SUMMARY.match(first.stdout.strip())["version"] == SUMMARY.match(still.strip())["version"]


def test_help_explains_the_out_choices_and_the_server_options(runner):
    assert {"build", "serve"} <= set(re.findall(r"^  (\w+)", runner.invoke(["--help"]).stdout, re.M))
    text = runner.invoke(["build", "--help"]).stdout
    assert "FOLDER" in text and "FILE" in text and ".sqlite" in text
    assert "--threads" in runner.invoke(["serve", "--help"]).stdout


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)


@pytest.mark.network
def test_serve_builds_the_missing_atlas_then_answers_with_waitress(small_corpus, tmp_path):
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home"), "CHRONOTOPE_CORPUS": str(small_corpus)}
    env.pop("CHRONOTOPE_ATLAS_DIR", None)
    command = [*chronotope_command(), "serve", "--port", "0", "--threads", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(server.stdout, lines), daemon=True).start()
    try:
        deadline, url = time.monotonic() + 240, None
        while url is None and time.monotonic() < deadline and server.poll() is None:
            try:
                url = re.search(r"serving on (http://\S+)", lines.get(timeout=1))[1]
            except queue.Empty:
                continue
        assert url, f"no URL printed; exit {server.poll()}"
        with urllib.request.urlopen(url + "api/corpus", timeout=30) as response:
            assert response.status == 200
            assert response.headers["Server"] == "waitress"
            assert json.load(response)["count"] > 0
        assert list((tmp_path / "home" / "atlas").glob("atlas-*.sqlite"))
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()
        server.stderr.close()


def test_a_long_build_reports_progress_in_a_log(runner, tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(25):
        add_document(corpus, n)
    result = runner.invoke(["build", "--corpus", str(corpus), "--out", str(tmp_path / "atlas")])
    assert result.exit_code == 0, result.output
    progress = [line for line in result.stderr.splitlines() if line.startswith("building atlas: ")]
    assert len(progress) == 10
    assert re.fullmatch(r"building atlas: 25/25 sources, 25 documents, [\d,.]+ documents/s, done in \d+ s", progress[-1])
    assert re.fullmatch(r"building atlas: 3/25 sources, 3 documents, [\d,.]+ documents/s, about \d+ s left",
                        progress[0])
    assert SUMMARY.match(result.stdout.strip())["documents"] == "25"


def test_serve_rebuilds_a_stale_atlas_and_keeps_a_fresh_one(small_corpus, tmp_path):
    from mapapp.cli.build_cmd import ensure_atlas

    corpus = tmp_path / "corpus"
    shutil.copytree(small_corpus, corpus)
    first = ensure_atlas((corpus,), tmp_path / "atlas", keep=5)
    assert ensure_atlas((corpus,), tmp_path / "atlas", keep=5).up_to_date
    add_document(corpus, 1)
    stale = ensure_atlas((corpus,), tmp_path / "atlas", keep=5)
    assert not stale.up_to_date and stale.read == 1 and stale.documents == first.documents + 1


def test_serve_on_a_busy_port_is_a_one_line_error(small_corpus, atlas_path, tmp_path):
    shutil.copytree(atlas_path, tmp_path / "atlas")   # built already: the test reaches the port quickly
    env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas"), "CHRONOTOPE_CORPUS": str(small_corpus)}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([*chronotope_command(), "serve", "--port", str(port)], env=env,
                                capture_output=True, text=True, timeout=240)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"error: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert "Traceback" not in result.stderr and result.stdout == ""


def _serve(env: dict, *args: str) -> tuple[subprocess.Popen, str]:
    """`chronotope serve --port 0 ...` started; (the process, its URL)."""
    server = subprocess.Popen([*chronotope_command(), "serve", "--port", "0", *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(server.stdout, lines), daemon=True).start()
    try:
        found = re.search(r"serving on (http://\S+)", lines.get(timeout=240))
    except queue.Empty:
        found = None
    if not found:
        server.terminate()
        server.wait(timeout=30)
        pytest.fail(f"no URL printed; exit {server.poll()}")
    return server, found[1]


@pytest.mark.network
def test_serve_takes_its_limits_and_hosts_from_the_settings(small_corpus, atlas_path, tmp_path):
    shutil.copytree(atlas_path, tmp_path / "atlas")
    env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas"), "CHRONOTOPE_CORPUS": str(small_corpus),
           "CHRONOTOPE_HOME": str(tmp_path / "home"), "CHRONOTOPE_CONNECTION_LIMIT": "4",
           "CHRONOTOPE_THREADS": "2"}
    server, url = _serve(env)
    host, port = url.split("//")[1].rstrip("/").split(":")
    idle = [socket.create_connection((host, int(port))) for _ in range(2)]
    try:
        time.sleep(0.5)   # both accepted: with the listener and its trigger, the limit (4) is reached
        waiting = socket.create_connection((host, int(port)), timeout=1.5)
        idle.append(waiting)
        waiting.sendall(f"GET /api/corpus HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        with pytest.raises(TimeoutError):
            waiting.recv(12)
        idle.pop(0).close()
        waiting.settimeout(30)
        assert waiting.recv(12) == b"HTTP/1.1 200"     # answered once a connection closed
        evil = urllib.request.Request(url + "tours", headers={"Host": "evil.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(evil, timeout=30)
        refused.value.close()
        assert refused.value.code == 400
        workers = descendants(server.pid)
        assert workers      # the picture workers started with the server
    finally:
        for sock in idle:
            sock.close()
        server.terminate()
        server.wait(timeout=30)
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    # Stopped with it (a leftover worker would also hold the server's stdout open).
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []
    server.stdout.close()


def descendants(pid: int) -> list[int]:
    """The ids of the processes below `pid` (Linux /proc)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found
