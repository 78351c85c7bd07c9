"""`chronotope export --format FORMAT --out PATH [--date D]`: the whole atlas in the field's formats."""
from __future__ import annotations

import json
from pathlib import Path

import click

from mapapp.cli.output import EXIT_BAD_INPUT, fail

FORMATS = ("lpf", "geojson", "gpkg", "tei", "csv", "annotations")
DEFAULT_BASE = "http://127.0.0.1:5000/"


def _day(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad(value)
    except ValueError:
        return _bad(value)


def _bad(value: str):
    fail(f"--date {value!r}: not a day (YYYY-MM-DD)", EXIT_BAD_INPUT)


def _gazetteer_places(ids):
    """The gazetteer records of `ids` (for name years and links), from every layer."""
    from gazetteer.places.index import load_gazetteer

    gazetteer = load_gazetteer()
    return {pid: place for pid in ids if (place := gazetteer.get(pid)) is not None}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)   # never a half-written file at PATH


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="What to write.")
@click.option("--out", "out", type=click.Path(path_type=Path), required=True,
              help="A file (lpf, gpkg, csv) or a folder (geojson: one file per layer; tei: one file per document).")
@click.option("--date", "day", default=None, help="Only the documents of that day and the claims and control "
                                                    "in force then (YYYY-MM-DD).")
@click.option("--atlas", "atlas_path", type=click.Path(path_type=Path), default=None,
              help="The atlas to export (default: the one `serve` serves, $CHRONOTOPE_ATLAS_DIR).")
@click.option("--base-url", default=DEFAULT_BASE, show_default=True,
              help="Where the app is served: place URIs in LPF are its /places/<id> pages.")
def command(fmt: str, out: Path, day: str | None, atlas_path: Path | None, base_url: str) -> None:
    """Write the atlas (documents, places, mentions, movements, territories) as FORMAT to OUT."""
    from mapapp.atlas.store import open_atlas
    from mapapp.cli.chosen_atlas import chosen_atlas
    from mapapp.errors import AtlasMissing
    from mapapp.exchange.content import read_content

    on = _day(day)
    location = chosen_atlas(atlas_path)
    try:
        atlas = open_atlas(location=location)
    except AtlasMissing as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    if fmt == "annotations":   # the editors' corrections, as W3C Web Annotations (JSON-LD)
        from mapapp.cli.annotations_cmd import collection_text

        text, count = collection_text(location, None, base_url)
        _write(out, text)
        click.echo(f"exported atlas {atlas.version} as annotations: {count} annotations -> {out}")
        return
    content = read_content(atlas, on)
    if fmt == "lpf":
        from mapapp.exchange.lpf import lpf_collection

        places = _gazetteer_places(f["id"] for f in content.places)
        _write(out, json.dumps(lpf_collection(content, base_url, places), ensure_ascii=False, indent=1) + "\n")
        written = f"{len(content.places)} places and {len(content.territories)} territories"
    elif fmt == "geojson":
        from mapapp.exchange.layers import geojson_text, layers

        for name, collection in layers(content).items():
            _write(out / f"{name}.geojson", geojson_text(collection))
        written = "4 layers (places, mentions, movements, territory_periods)"
    elif fmt == "gpkg":
        from mapapp.exchange.geopackage import write_geopackage
        from mapapp.exchange.layers import layers

        write_geopackage(layers(content), out)
        written = "4 layers (places, mentions, movements, territory_periods)"
    elif fmt == "tei":
        from mapapp.exchange.tei import tei_document

        by_id = {f["id"]: f["properties"] for f in content.places}
        for doc in content.documents:
            _write(out / f"{doc['id']}.xml", tei_document(doc, by_id, content.version))
        written = f"{len(content.documents)} documents"
    else:
        from mapapp.exchange.tables import mentions_csv

        _write(out, mentions_csv(content))
        written = f"{sum(1 for _ in content.mentions())} mentions"
    click.echo(f"exported atlas {content.version} as {fmt}: {written} -> {out}")
