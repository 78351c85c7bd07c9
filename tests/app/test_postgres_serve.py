"""`chronotope build --database` and `chronotope serve --database`: several servers on one PostgreSQL."""
from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from harness import chronotope_command

from .corpus_edits import add_document


def build(url: str, corpus: Path, env: dict, *options: str) -> dict:
    result = subprocess.run([*chronotope_command(), "build", "--database", url, "--corpus", str(corpus), "--json",
                             *options],
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


class Server:
    """A `chronotope serve` process, and the URL it printed."""

    def __init__(self, command: list[str], env: dict):
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.process.stdout], daemon=True).start()
        deadline, self.url = time.monotonic() + 240, None
        while self.url is None and time.monotonic() < deadline and self.process.poll() is None:
            try:
                self.url = re.search(r"serving on (http://\S+)", lines.get(timeout=1))[1]
            except (queue.Empty, TypeError):
                continue
        assert self.url, f"no URL printed; exit {self.process.poll()}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.mark.network
def test_two_servers_on_one_database_serve_each_new_build_at_once(database_url, tmp_path):
    url = database_url()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in (1, 2):
        add_document(corpus, n)
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home")}
    env.pop("CHRONOTOPE_DATABASE_URL", None)
    first = build(url, corpus, env)
    assert first["path"].endswith("#atlas_" + first["version"]) and first["documents"] == 2
    assert build(url, corpus, env)["up_to_date"]

    command = [*chronotope_command(), "serve", "--database", url, "--corpus", str(corpus), "--port", "0",
               "--threads", "2"]
    servers = [Server(command, env) for _ in range(2)]
    try:
        for server in servers:
            assert get(server.url + "api/corpus") == (200, get(servers[0].url + "api/corpus")[1])
            assert get(server.url + "api/corpus")[1]["version"] == first["version"]
        add_document(corpus, 3)   # a write: a new version, published while both serve
        second = build(url, corpus, {**env, "CHRONOTOPE_KEEP_VERSIONS": "2"}, "--jobs", "2")
        assert second["version"] != first["version"] and second["documents"] == 3
        assert (second["read"], second["reused"]) == (1, 2)   # incremental: the others come from the database
        for server in servers:
            status, corpus_now = get(server.url + "api/corpus")
            assert (status, corpus_now["version"], corpus_now["count"]) == (200, second["version"], 3)
            status, pinned = get(server.url + f"api/corpus?v={first['version']}")
            assert (status, pinned["version"], pinned["count"]) == (200, first["version"], 2)
        add_document(corpus, 4)
        build(url, corpus, {**env, "CHRONOTOPE_KEEP_VERSIONS": "2"})   # keeps this one and the second
        for server in servers:
            assert get(server.url + f"api/corpus?v={first['version']}")[0] == 410
            assert get(server.url + f"api/corpus?v={second['version']}")[1]["count"] == 3
    finally:
        for server in servers:
            server.stop()
