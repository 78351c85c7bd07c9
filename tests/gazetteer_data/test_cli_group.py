"""The `gazetteer` command group: its subcommands, including `lookup` from its own module."""
from __future__ import annotations


def test_group_lists_its_subcommands(cli):
    result = cli("gazetteer", "--help")
    assert result.exit_code == 0
    for name in ("check", "import", "export", "geocode"):
        assert f"  {name} " in result.output


def test_lookup_is_a_subcommand_of_the_group(cli):
    assert "  lookup " in cli("gazetteer", "--help").output
    result = cli("gazetteer", "lookup", "--help")
    assert result.exit_code == 0 and "NAME" in result.output


def test_import_format_can_be_forced(cli, home, data_dir):
    result = cli("gazetteer", "import", "--format", "lpf", data_dir / "geonames_sample.tsv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {data_dir / 'geonames_sample.tsv'}: not JSON")
