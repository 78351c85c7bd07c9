"""`chronotope annotations export|import`: the corrections as W3C Web Annotations (JSON-LD)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from mapapp.cli.chosen_atlas import chosen_atlas
from mapapp.cli.output import EXIT_BAD_INPUT, fail

DEFAULT_BASE = "http://127.0.0.1:5000"


def public_names(location=None) -> dict[str, str | None]:
    """Editors' account names and the names they agreed to be shown by: from the database of an atlas
    `location` that is one, else from the data folder."""
    from gazetteer.datahome import data_home
    from mapapp.accounts.store import public_names as names
    from mapapp.atlas.postgres import is_database_url

    return names(location if is_database_url(location) else data_home())


@click.group("annotations")
def command() -> None:
    """Editors' corrections as W3C Web Annotations: export them, import them (also from Recogito)."""


ATLAS = click.option("--atlas", "atlas_path", type=click.Path(path_type=Path), default=None,
                     help="The atlas folder or file (default: the one `serve` serves, $CHRONOTOPE_ATLAS_DIR).")
DATABASE = click.option("--database", default=None, envvar="CHRONOTOPE_DATABASE_URL",
                        help="The atlas's PostgreSQL database instead (default: $CHRONOTOPE_DATABASE_URL).")


def collection_text(location, doc: str | None, base: str) -> tuple[str, int]:
    """The AnnotationCollection of the corrections at `location` (one document's with `doc`), and its size."""
    from mapapp.corrections.exchange import collection
    from mapapp.corrections.store import CorrectionsStore

    found = CorrectionsStore(location).annotations(doc)
    label = f"Chronotope corrections{f' of {doc}' if doc else ''}"
    return json.dumps(collection(found, base.rstrip("/"), public_names(location), label), ensure_ascii=False,
                      indent=1) + "\n", len(found)


@command.command("export")
@click.option("--doc", default=None, help="Only this document's corrections.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="The file to write (default: stdout).")
@click.option("--base-url", default=DEFAULT_BASE, show_default=True, help="Where the app is served: ids are URLs on it.")
@ATLAS
@DATABASE
def export(doc: str | None, out: Path | None, base_url: str, atlas_path: Path | None, database: str | None) -> None:
    """Write the corrections as a W3C Web Annotation collection (JSON-LD)."""
    text, count = collection_text(chosen_atlas(atlas_path, database), doc, base_url)
    if out is None:
        sys.stdout.write(text)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    click.echo(f"exported {count} annotations -> {out}", err=True)


@command.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--as", "who", default=None, help="The account the corrections are recorded as made by "
                                                 "(default: each annotation's creator, else 'import').")
@ATLAS
@DATABASE
def import_(file: Path, who: str | None, atlas_path: Path | None, database: str | None) -> None:
    """Apply the annotations in FILE (ours, or a Recogito export for the same texts, matched by quote)."""
    from dataclasses import replace

    from mapapp.atlas.query import dialect_of, document_body, like_pattern
    from mapapp.atlas.store import open_atlas
    from mapapp.corrections import places
    from mapapp.corrections.exchange import ExchangeError, read, resolve
    from mapapp.corrections.store import CorrectionsStore, UnknownAnnotation
    from mapapp.errors import AtlasMissing

    location = chosen_atlas(atlas_path, database)
    try:
        incoming = read(file)
        atlas = open_atlas(location=location)
    except (ExchangeError, AtlasMissing) as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    conn = atlas.conn

    def body_of(doc_id: str) -> str:
        return document_body(conn, doc_id)

    def containing(quote: str) -> list[str]:
        dialect = dialect_of(conn)
        like = dialect.like(dialect.unpacked("body", "body"))
        return [r[0] for r in conn.execute(f"SELECT id FROM documents WHERE {like} ORDER BY seq", (like_pattern(quote),))]

    store = CorrectionsStore(location)
    ready, problems = [], []
    for item in incoming:
        annotation, problem = resolve(item, atlas.has_document, body_of, containing)
        if problem:
            problems.append(problem)
            continue
        wanted = [annotation.place] if annotation.place else list(annotation.values.get("waypoints", ()))
        unknown = [p for p in wanted if places.place(p) is None
                   and conn.execute("SELECT 1 FROM places WHERE id = ?", (p,)).fetchone() is None]
        if unknown:
            problems.append(f"{item.label}: no place {unknown[0]!r} in the gazetteer")
            continue
        ready.append(annotation)
    stored, skipped = [], 0
    for annotation in ready:
        if annotation.id is not None:
            try:
                store.get(annotation.id, deleted=True)
                skipped += 1   # imported before
                continue
            except UnknownAnnotation:
                pass
        if who:
            annotation = replace(annotation, creator=who)
        stored.append(store.add(annotation, who or annotation.creator or "import", note=f"imported from {file.name}"))
    documents = sorted({a.document_id for a in stored})
    if documents:
        from mapapp.corrections import live

        live.patch_served(atlas.path, store, documents, places.place, public_names(location))
    for problem in problems:
        click.echo(f"not imported: {problem}", err=True)
    click.echo(f"imported {len(stored)} annotations on {len(documents)} documents"
               + (f", {skipped} already here" if skipped else "")
               + (f"; {len(problems)} not imported (listed above)" if problems else ""))
