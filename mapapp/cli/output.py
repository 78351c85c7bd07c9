"""How commands report problems: one line naming file and line, a meaningful exit code."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

# Exit codes that mean something to scripts.
EXIT_OK = 0
EXIT_BAD_INPUT = 2      # a file or argument that cannot be read
EXIT_PARTIAL = 0        # some documents skipped with warnings: still a success
EXIT_FAILED = 1         # the work itself failed (e.g. a build)
STREAM_BATCH = 1000     # records written at once by emit_json_line


def warn(message: str) -> None:
    """Print a warning to stderr."""
    click.echo(f"warning: {message}", err=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    """Print an error to stderr and exit with `code`, without a traceback."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def emit_json_line(obj: object) -> None:
    """Print one JSON Lines record to stdout.

    The lists (or iterators) among a record's values are written an item at a time, so that
    a record of a long text never exists as one string; the line is the same as json.dumps'.
    """
    if not isinstance(obj, dict) or not all(isinstance(k, str) for k in obj) \
            or not any(_streamed(v) for v in obj.values()):
        click.echo(dumps(obj))
        return
    pieces = ["{"]
    for i, (key, value) in enumerate(obj.items()):
        pieces.append(f"{', ' if i else ''}{dumps(key)}: ")
        if not _streamed(value):
            pieces.append(dumps(value))
            continue
        pieces.append("[")
        for j, item in enumerate(value):
            pieces.append(f"{', ' if j else ''}{item if isinstance(item, Encoded) else dumps(item)}")
            if len(pieces) >= STREAM_BATCH:
                click.echo("".join(pieces), nl=False)
                pieces.clear()
        pieces.append("]")
    click.echo("".join(pieces) + "}")


# One encoder for every record: json.dumps with options builds a new one per call, and a long
# text's records are many thousands of calls.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


class Encoded(str):
    """An item of a streamed list already written as JSON (exactly as json.dumps writes it)."""


def dumps(obj: object) -> str:
    """Return `obj` as json.dumps(obj, ensure_ascii=False, default=str) writes it."""
    return _ENCODER.encode(obj)


def _streamed(value: object) -> bool:
    return isinstance(value, list | Iterator)
