"""`chronotope movements [FILE...] [--json] [--network FILE]`: the movements documents describe.

Reads the documents of FILEs (the bundled corpus if none), finds their place mentions and
the movements they state, and prints a table, or with `--json` one GeoJSON
FeatureCollection: a LineString per movement through its waypoints (along the 1920 roads and
railways where it can), or a Point for a movement stated at a single place. Movements stated
in a document's heading come first, with `in_heading` true and start/end into the title.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import click

from mapapp.cli.documents_cmd import load_documents
from mapapp.cli.output import fail


def movement_feature(movement, document_id: str | None, source: str | None, in_heading: bool = False,
                     writer: str | None = None) -> dict | None:
    """Return the GeoJSON feature of a `Movement` (as the atlas serves it), None when it has no point.

    `in_heading`: stated in the document's heading; start/end are then offsets into the heading.
    `writer`: the document's author, whose side a first-person actor ("our troops") is.
    """
    from mapapp.analysis.geojson import movement_feature as feature
    from mapapp.analysis.pipeline import route_record

    properties = {**route_record(movement, in_heading, writer), "document_id": document_id, "source": source,
                  "in_heading": in_heading}
    return feature(movement, properties)


def _date_cell(props: dict) -> str:
    if props["earliest"] is None:
        return "undated"
    if props["earliest"] == props["latest"]:
        return props["earliest"]
    return f"{props['earliest']}..{props['latest']}"


def cell(value: object) -> str:
    """Return a value as one table cell: its runs of whitespace (newlines too) as single spaces."""
    return " ".join(str(value).split())


def table_lines(features: Sequence[dict], width: int) -> list[str]:
    """Return a readable table: document, date, kind, status, actor, route; routes cut to `width`."""
    rows = [("DOCUMENT", "DATE", "KIND", "STATUS", "ACTOR", "ROUTE")]
    for f in features:
        p = f["properties"]
        route = " → ".join(cell(w["name"]) for w in p["waypoints"]) + (" (approx.)" if p["approximate"] else "")
        rows.append((cell(p["document_id"] or "-"), _date_cell(p), cell(p["kind"]), cell(p["status"]),
                     cell(p["actor"] or "-")[:30], route))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        left = "  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True))
        room = max(20, width - len(left) - 2)
        lines.append(f"{left}  {r[5][:room]}".rstrip())
    return lines


@click.command("movements")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One GeoJSON FeatureCollection of the movements.")
@click.option("--network", "network_file", type=click.Path(path_type=Path), default=None,
              help="A roads-and-railways GeoJSON to draw along, instead of the bundled one.")
def command(files: tuple[Path, ...], as_json: bool, network_file: Path | None) -> None:
    """List the movements and routes the documents of FILEs (default: the bundled corpus) state."""
    from gazetteer.errors import GazetteerError
    from gazetteer.movements.network import draw_path, load_network
    from gazetteer.places.index import load_gazetteer
    from mapapp.analysis.pipeline import analyse_document

    documents = load_documents(files)
    try:
        network = load_network(network_file)
        gazetteer = load_gazetteer()
    except GazetteerError as err:
        fail(str(err))
    features = []
    for doc in documents:
        analysis = analyse_document(doc, gazetteer)
        stated = [(m, True) for m in analysis.heading_movements] + [(m, False) for m in analysis.movements]
        for movement, in_heading in stated:
            if network_file is not None:  # redraw along the network the user gave
                path, approximate = draw_path(movement.waypoints, network)
                movement = replace(movement, path=path, approximate=approximate)
            feature = movement_feature(movement, doc.id, doc.source, in_heading, doc.author)
            if feature is not None:
                features.append(feature)
    if as_json:
        click.echo(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False))
        return
    if not features:
        click.echo("no movements found")
        return
    for line in table_lines(features, shutil.get_terminal_size((120, 20)).columns):
        click.echo(line)
