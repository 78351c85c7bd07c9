"""Two real `chronotope serve` processes on one atlas (a folder, or a PostgreSQL database): an editor's
correction made through one is in the other's answers at once, without a build."""
from __future__ import annotations

import http.cookiejar
import json
import os
import re
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from harness import chronotope_command

from mapapp.accounts import store as accounts
from tests.app.test_postgres_serve import Server, get
from tests.review.conftest import DOC, PASSWORD, link


class Editor:
    """A browser-like client of one server: cookies, and the CSRF token of its login page."""

    def __init__(self, base: str, name: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(base + "login").read().decode()
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        form = urllib.parse.urlencode({"username": name, "password": PASSWORD, "csrf_token": self.token}).encode()
        self.opener.open(urllib.request.Request(base + "login", data=form))

    def post(self, path: str, value: dict) -> int:
        request = urllib.request.Request(self.base + path.lstrip("/"), data=json.dumps(value).encode(),
                                         headers={"Content-Type": "application/json", "X-CSRF-Token": self.token})
        with self.opener.open(request) as response:
            return response.status


def shared_atlas(where: str, atlas_path, tmp_path, request, env: dict) -> list[str]:
    """Put a copy of the test atlas where servers started with `env` (changed here) and the returned
    options share it — a folder, or a PostgreSQL database — with an editor "eve" in its accounts."""
    env.pop("CHRONOTOPE_DATABASE_URL", None)
    if where == "folder":
        folder = tmp_path / "atlas"
        shutil.copytree(atlas_path, folder, ignore=shutil.ignore_patterns("*.lock", ".*"))
        option, accounts_at = [], Path(env["CHRONOTOPE_HOME"])
        env["CHRONOTOPE_ATLAS_DIR"] = str(folder)
    else:
        from mapapp.atlas import postgres, versions

        url = request.getfixturevalue("database_url")()
        postgres.publish(url, versions.current_file(atlas_path), versions.current_version(atlas_path), keep=5)
        option, accounts_at = ["--database", url], url   # the accounts are in the database too
    accounts.add_user(accounts_at, "eve", "editor", PASSWORD, "test", public_name="Eve Markarian")
    return option


@pytest.mark.network
@pytest.mark.parametrize("where", ["folder", "database"])
def test_a_correction_made_through_one_server_is_served_by_the_other_at_once(atlas_path, tmp_path, where, request):
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home")}
    option = shared_atlas(where, atlas_path, tmp_path, request, env)
    command = [*chronotope_command(), "serve", *option, "--port", "0", "--threads", "2"]
    servers = [Server(command, env) for _ in range(2)]
    try:
        first, second = servers
        status, before = get(second.url + f"api/documents/{DOC}")
        assert status == 200
        editor = Editor(first.url, "eve")
        assert editor.post(f"/api/documents/{DOC}/annotations", link(DOC, before["body"], "Angora", "chr:erzurum")) == 201
        status, after = get(second.url + f"api/documents/{DOC}")
        angora = next(m for m in after["places"] if m["text"] == "Angora")
        assert (angora["place_id"], angora["review"]["by"]) == ("chr:erzurum", "Eve Markarian")
        events = get(second.url + "api/events")[1]["features"]
        assert "chr:erzurum" in [f["properties"]["place_id"] for f in events if f["properties"]["document_id"] == DOC]
    finally:
        for server in servers:
            server.stop()
