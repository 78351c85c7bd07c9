"""The `gazetteer` command group: its subcommands, including ones defined in sibling modules."""
from __future__ import annotations

import pytest

from mapapp.cli import gazetteer_cmd


def test_group_lists_its_subcommands(cli):
    result = cli("gazetteer", "--help")
    assert result.exit_code == 0
    for name in ("check", "import", "export", "geocode"):
        assert f"  {name} " in result.output


@pytest.mark.parametrize("target, listed", [
    ("mapapp.cli.documents_cmd:command", True),      # a module that exists stands in for gazetteer_lookup
    ("mapapp.cli.no_such_module:lookup", False),
])
def test_lookup_is_registered_only_when_its_module_exists(cli, monkeypatch, target, listed):
    monkeypatch.setitem(gazetteer_cmd.LAZY_SUBCOMMANDS, "lookup", target)
    assert ("  lookup " in cli("gazetteer", "--help").output) is listed
    result = cli("gazetteer", "lookup", "--help")
    assert (result.exit_code == 0) is listed


def test_import_format_can_be_forced(cli, home, data_dir):
    result = cli("gazetteer", "import", "--format", "lpf", data_dir / "geonames_sample.tsv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {data_dir / 'geonames_sample.tsv'}: not JSON")
