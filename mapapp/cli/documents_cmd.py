"""`chronotope documents [FILE...] [--json] [--reader NAME]`: list the documents a corpus holds."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import click

from documents.model import Document
from mapapp.cli.output import emit_json_line, fail, warn

READER_NAMES = ("collection", "markdown", "csv", "tei")


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def document_record(doc: Document, places: list[dict] | None = None) -> dict:
    """Return the JSON Lines record of one document (the scripts' contract; extend, don't rename).

    `places`, the geoparser's place records with offsets into the body, is added when given;
    without it the record has no "places" key (an empty list would claim the body names none).
    """
    from mapapp.analysis.pipeline import date_record  # the gazetteer is loaded only if needed

    record = {
        "id": doc.id,
        "source": doc.source,
        # The scripts' contract: the title as the source prints it (a compiler's heading stays one);
        # the neutral title the map and the API use is the added `descriptive_title`.
        "title": doc.heading or doc.title,
        "date_text": doc.date.text if doc.date else None,
        "earliest": _iso(doc.date.earliest) if doc.date else None,
        "latest": _iso(doc.date.latest) if doc.date else None,
        "precision": doc.date.precision if doc.date else None,
        "origin": doc.origin,
        "author": doc.author,
        "recipient": doc.recipient,
        "kind": doc.kind,
        "archive_ref": doc.archive_ref,
        "published_in": doc.published_in,
        "body": doc.body,
        "dates": [date_record(found) for found in doc.dates],
        "language": doc.language,
    }
    if places is not None:
        record["places"] = places
    # Added after the first contract's keys: the compiler's heading, collection and marks.
    record |= {"heading": doc.heading, "collection": asdict(doc.collection) if doc.collection else None,
               "editorial_notes": list(doc.editorial_notes), "former_ids": list(doc.former_ids),
               "descriptive_title": doc.title,
               "calendar": doc.date.calendar if doc.date else None,
               "date_as_written": doc.date.written.record() if doc.date and doc.date.written else None}
    return record


PlaceFinder = Callable[[Document], "list[dict] | None"]


def place_finder() -> PlaceFinder:
    """Return a function giving a document's place records (mapapp.analysis.pipeline), None if not found.

    The documents are listed even when the gazetteer cannot be loaded (a broken user-layer
    file, say): one warning names the file and the problem, and the records go without places.
    """
    try:
        from gazetteer.places.index import load_gazetteer

        gazetteer = load_gazetteer()
    except Exception as err:  # the gazetteer's problem must not stop the listing; one line, no traceback
        warn(f"gazetteer not loaded, documents listed without places: {_described(err)}")
        return lambda doc: None
    from mapapp.analysis.pipeline import analyse_document, place_record

    def places_of(doc: Document) -> list[dict] | None:
        try:
            analysis = analyse_document(doc, gazetteer)
            for line in analysis.warnings:
                warn(line)
            return [place_record(m, analysis.review_of("place", m)) for m in analysis.mentions]
        except Exception as err:  # one document's geoparsing failing leaves the others' places
            warn(f"{doc.source}:{doc.line}: places not found: {_described(err)}")
            return None

    return places_of


def _described(err: Exception) -> str:
    from gazetteer.errors import GazetteerError

    return str(err) if isinstance(err, GazetteerError) else f"{type(err).__name__}: {err}"


def with_folders_opened(files: Sequence[Path]) -> list[Path]:
    """Return `files` with each folder replaced by the source files in it, as `build --corpus` reads
    folders; exits with an error for a folder that holds none."""
    from mapapp.atlas.build import SOURCE_SUFFIXES, collect_sources

    opened: list[Path] = []
    for path in files:
        if not path.is_dir():
            opened.append(path)
            continue
        found = collect_sources([path])
        if not found:
            fail(f"{path}: no documents in this folder ({', '.join(sorted(SOURCE_SUFFIXES))} files)")
        opened += found
    return opened


def load_documents(files: Sequence[Path], reader: str | None = None) -> tuple[Document, ...]:
    """Return the documents of `files` (the bundled corpus if none), printing warnings.

    Exits with an error message, without a traceback, when a file cannot be read.
    """
    from documents.corpus import bundled_corpus
    from documents.errors import DocumentError
    from documents.readers import read_documents

    try:
        reading = read_documents(with_folders_opened(files) or bundled_corpus(), reader)
    except DocumentError as err:
        fail(str(err))
    for problem in reading.warnings:
        warn(str(problem))
    return reading.documents


def _date_cell(doc: Document) -> str:
    if doc.date is None:
        return "undated"
    if doc.date.earliest == doc.date.latest:
        return doc.date.earliest.isoformat()
    return f"{doc.date.earliest.isoformat()}..{doc.date.latest.isoformat()}"


def table_lines(documents: Sequence[Document], width: int) -> list[str]:
    """Return a readable table (id, date, origin, title), titles cut to fit `width` columns."""
    rows = [("ID", "DATE", "ORIGIN", "TITLE")] + [
        (doc.id, _date_cell(doc), doc.origin or "-", doc.title or "(untitled)") for doc in documents
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row in rows:
        left = "  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True))
        room = max(20, width - len(left) - 2)
        title = row[3] if len(row[3]) <= room else row[3][:room - 1] + "…"
        lines.append(f"{left}  {title}")
    return lines


@click.command("documents")
@click.argument("files", nargs=-1, metavar="[FILE]...", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one object per document.")
@click.option("--reader", type=click.Choice(READER_NAMES),
              help="Read every FILE with this reader instead of choosing by extension or content.")
def command(files: tuple[Path, ...], as_json: bool, reader: str | None) -> None:
    """List the documents in FILE... (collection pages .txt, Markdown .md, CSV .csv, TEI .xml).

    With no FILE, the bundled corpus. Unreadable files stop with an error naming file and line;
    documents that cannot be read inside a file are skipped with a warning.
    """
    documents = load_documents(files, reader)
    if as_json:
        places_of = place_finder()
        for doc in documents:
            emit_json_line(document_record(doc, places_of(doc)))
        return
    for line in table_lines(documents, shutil.get_terminal_size((120, 24)).columns):
        click.echo(line)
