"""`chronotope`: a thin command line over the library.

Commands are imported lazily, so `chronotope documents` does not pay for geopandas.
Each command lives in its own module of this package.
"""
from __future__ import annotations

import importlib

import click

# command name -> "module:attribute"
COMMANDS = {
    "documents": "mapapp.cli.documents_cmd:command",
    "geoparse": "mapapp.cli.geoparse_cmd:command",
    "gazetteer": "mapapp.cli.gazetteer_cmd:command",
    "territories": "mapapp.cli.territories_cmd:command",
    "movements": "mapapp.cli.movements_cmd:command",
    "build": "mapapp.cli.build_cmd:command",
    "serve": "mapapp.cli.serve_cmd:command",
    "export": "mapapp.cli.export_cmd:command",
    "users": "mapapp.cli.users_cmd:command",
    "annotations": "mapapp.cli.annotations_cmd:command",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="chronotope")
def main() -> None:
    """Chronotope: archival documents on a dated map."""
