"""`chronotope geoparse [FILE...|-] [--date YYYY[-MM[-DD]]] [--json]`: the places and dates of texts.

`--date` gives the texts their document date, as the build does for documents: dates without a
year take it from there, and "yesterday" or "the 7th inst." are read against it.

Every input is read and checked before anything is printed: a file that is missing, binary
(it holds NUL bytes), not UTF-8 or over 50 MB stops the command with one line naming it and
exit code 2, so the JSON Lines on stdout are always one per input, in order.
"""
from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from mapapp.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, emit_json_line, fail

MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"
NUL = b"\x00"


def read_input(name: str) -> str:
    """Return the text of a file (or stdin for "-"); raise ValueError saying what is wrong."""
    if name == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(name)
        try:
            if path.is_dir():
                raise ValueError("is a folder, not a text file")
            if path.stat().st_size > MAX_BYTES:
                raise ValueError(f"too large ({path.stat().st_size / 2**20:.0f} MB; the limit is 50 MB)")
            data = path.read_bytes()
        except FileNotFoundError:
            raise ValueError("no such file") from None
        except OSError as err:
            raise ValueError(f"cannot read: {err.strerror or err}") from None
    if len(data) > MAX_BYTES:
        raise ValueError("too large (over 50 MB)")
    nul = data.find(NUL)
    if nul >= 0:
        raise ValueError(f"binary data (a NUL byte at offset {nul}), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise ValueError(f"line {line}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})") \
            from None


def document_date(ctx, param, value: str | None):
    """Return the DateRange of a --date value (YYYY, YYYY-MM or YYYY-MM-DD), None without one."""
    from documents.edtf import read_edtf
    from documents.errors import DateError

    if value is None:
        return None
    try:
        return read_edtf(value)
    except DateError as err:
        raise click.BadParameter(str(err)) from None


MARKDOWN = (".md", ".markdown")


def markdown_body(name: str, text: str, context):
    """Return (text, date, origin) to geoparse: of a Markdown file with front matter, its body (offsets
    count from there), dated and placed by its front matter unless --date says otherwise; else `text` as is."""
    if not name.lower().endswith(MARKDOWN) or text.split("\n", 1)[0].strip() != "---":
        return text, context, None
    from documents.errors import DocumentError
    from documents.frontmatter import read_markdown

    try:
        documents, _ = read_markdown(text, name)
    except DocumentError as err:
        raise ValueError(str(err)) from None
    doc = documents[0]
    return doc.body, context or doc.date, doc.origin


def marked(text: str, mentions) -> str:
    """Return `text` with each place mention marked [[like this]] (unresolved ones [[?like this]])."""
    out, last = [], 0
    for m in mentions:
        out.append(text[last:m.start])
        out.append(f"[[{'' if m.place else '?'}{text[m.start:m.end]}]]")
        last = m.end
    out.append(text[last:])
    return "".join(out)


def table(mentions) -> str:
    """Return a readable table of the mentions: span, text, place, kind, point and score."""
    rows = [("span", "text", "place", "kind", "lat", "lon", "score")]
    for m in mentions:
        p = m.place
        rows.append((f"{m.start}-{m.end}", m.text, p.name if p else "(unresolved)", p.kind if p else "",
                     f"{p.lat:.2f}" if p else "", f"{p.lon:.2f}" if p else "", f"{m.score:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)


@click.command("geoparse")
@click.argument("files", nargs=-1)
@click.option("--date", "context", metavar="YYYY[-MM[-DD]]", callback=document_date,
              help="The texts' document date: dates without a year take it from here, relative ones are read against it.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per input, in order.")
def command(files: tuple[str, ...], context, as_json: bool) -> None:
    """Find and resolve the places (and dates) in FILEs, or in stdin ("-" or no FILE)."""
    names = list(files) or [STDIN]
    inputs = []
    for name in names:
        try:
            inputs.append(markdown_body(name, read_input(name), context))
        except ValueError as err:
            fail(f"{'<stdin>' if name == STDIN else name}: {err}", EXIT_BAD_INPUT)

    from gazetteer.cycles import paused_cycle_collection
    from gazetteer.errors import GazetteerError
    from gazetteer.places.index import load_gazetteer
    from mapapp.analysis.pipeline import analyse_text, analysis_fields
    from mapapp.cli.place_lines import encoded_places

    # Frozen before the collector runs again and kept to the end of the process: the collector's
    # first pass would walk all of the gazetteer once (a tenth of the start-up), and its full
    # passes between texts again and again (half of their cost on many short texts).
    with paused_cycle_collection():
        try:
            gazetteer = load_gazetteer()
        except GazetteerError as err:
            fail(f"gazetteer: {err}", EXIT_BAD_INPUT)
        gc.freeze()
    for name, (text, dated, origin) in zip(names, inputs, strict=True):
        # Paused until the text's records are written and freed: resumed while they were alive, the
        # collector's first pass would walk every one of them (3 % of the command on a long text).
        with paused_cycle_collection():
            try:
                # Its records show no movement's drawn line: the points of the lines are not made.
                analysis = analyse_text(text, dated, origin, gazetteer=gazetteer, lines=False)
            except Exception as err:  # one line, never a traceback
                fail(f"{name}: geoparsing failed: {type(err).__name__}: {err}", EXIT_FAILED)
            if as_json:
                emit_json_line({**analysis_fields(name, analysis), "places": encoded_places(analysis)})
            else:
                if len(names) > 1:
                    click.echo(f"== {name}")
                click.echo(marked(text, analysis.mentions))
                click.echo()
                click.echo(table(analysis.mentions))
            del analysis
