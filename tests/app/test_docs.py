"""The README documents every API route, every setting and the build/serve options."""
from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from mapapp.cli import build_cmd, serve_cmd
from mapapp.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_api_route_is_in_the_readme(app):
    routes = {re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/")}
    documented = set(re.findall(r"`(?:GET|POST|PUT|DELETE) (/api/[^`?]*)`", README))
    missing = {r for r in routes if r.replace("<doc_id>", "<id>").replace("<place_id>", "<id>") not in documented}
    assert routes and missing == set()


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_in_the_readme(name):
    assert f"`CHRONOTOPE_{name}`" in README


def _long_options(command) -> list[str]:
    return [o for p in command.params for o in p.opts if o.startswith("--") and o != "--help"]


@pytest.mark.parametrize("option", sorted(set(_long_options(build_cmd.command) + _long_options(serve_cmd.command))))
def test_every_build_and_serve_option_is_in_the_readme(option, runner):
    helps = runner.invoke(["build", "--help"]).stdout + runner.invoke(["serve", "--help"]).stdout
    assert option in helps and option in README


def test_every_command_is_in_the_readme():
    from mapapp.cli import COMMANDS

    assert [c for c in COMMANDS if f"`chronotope {c}" not in README] == []
