"""How commands report problems: one line naming file and line, a meaningful exit code."""
from __future__ import annotations

import json
import sys

import click

# Exit codes that mean something to scripts.
EXIT_OK = 0
EXIT_BAD_INPUT = 2      # a file or argument that cannot be read
EXIT_PARTIAL = 0        # some documents skipped with warnings: still a success
EXIT_FAILED = 1         # the work itself failed (e.g. a build)


def warn(message: str) -> None:
    """Print a warning to stderr."""
    click.echo(f"warning: {message}", err=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    """Print an error to stderr and exit with `code`, without a traceback."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def emit_json_line(obj: object) -> None:
    """Print one JSON Lines record to stdout."""
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))
