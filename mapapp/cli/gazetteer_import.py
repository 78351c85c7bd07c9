"""`chronotope gazetteer import FILE`: places into the user layer from Linked Places, a GeoNames
dump, GeoJSON points or a GeoPackage layer; every record checked first, the layer file written
atomically, and the places already in it kept."""
from __future__ import annotations

from pathlib import Path

import click

from mapapp.cli.output import EXIT_BAD_INPUT, fail, warn

FORMATS = ("auto", "lpf", "geonames", "geojson", "gpkg")


def reference_ids() -> set[str]:
    """Return the ids of the bundled places, for parents of files checked on their own."""
    from gazetteer.errors import GazetteerError
    from gazetteer.places.lpf import bundled_place_files, read_features

    ids = set()
    for path in bundled_place_files():
        try:
            ids.update(f.get("@id") for f in read_features(path) if isinstance(f, dict))
        except GazetteerError:
            continue  # a broken bundled file is reported when the bundled data is checked
    return ids


def _format_of(path: Path, fmt: str) -> str:
    """The format of an import: as given, else by the file's extension and first bytes."""
    if fmt != "auto":
        return fmt
    if path.suffix.lower() == ".gpkg":
        return "gpkg"
    try:
        with path.open("rb") as file:
            start = file.read(4096).lstrip()
    except OSError:
        return "lpf"   # the reader says what is wrong with the file
    if not start.startswith(b"{"):
        return "geonames"
    return "json"


def read_import(path: Path, fmt: str, layer: str | None = None) -> tuple[list, list[str], list[str]]:
    """Return the LPF features of FILE, warnings, and one line per bad GIS row; GazetteerError if broken."""
    from gazetteer.datafiles import read_json
    from gazetteer.errors import GazetteerError
    from gazetteer.places import gis
    from gazetteer.places.geonames_tsv import read_geonames
    from gazetteer.places.lpf import feature_from_place, read_features

    fmt = _format_of(path, fmt)
    if fmt == "gpkg":
        return gis.gis_features(path, gis.geopackage_rows(path, layer))
    if fmt == "geonames":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GazetteerError(f"cannot read: {err}", str(path)) from None
        return [feature_from_place(p) for p in read_geonames(text.splitlines(), str(path))], [], []
    features = read_features(path)
    if fmt == "geojson" or (fmt == "json" and not gis.is_lpf(features, set(read_json(path)))):
        return gis.gis_features(path, gis.geojson_rows(path))
    for i, feature in enumerate(features):
        # a file from elsewhere may not say where its points come from: it is the user's file
        if isinstance(feature, dict) and isinstance(feature.get("properties"), dict) \
                and not feature["properties"].get("coord_source"):
            feature["properties"]["coord_source"] = f"user file {path.name}, record {i + 1}"
    return features, [], []


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Linked Places JSON, a GeoNames TSV dump, GeoJSON points or a GeoPackage.")
@click.option("--layer", help="The GeoPackage layer to read (default: 'places', or its only layer).")
@click.option("--name", help="File name in the user layer (default: from FILE).")
def import_(file: Path, fmt: str, layer: str | None, name: str | None) -> None:
    """Import FILE into your own gazetteer layer, which overrides the bundled places.

    Places already in the layer file are kept; an imported place with the same id replaces its own.
    """
    from gazetteer.errors import GazetteerError
    from gazetteer.places.check import DataFile, check_files, errors
    from gazetteer.places.lpf import load_places, place_from_feature
    from gazetteer.places.userlayer import layer_dir, layer_file_name, save_places

    try:
        features, warnings, bad_rows = read_import(file, fmt, layer)
    except GazetteerError as err:
        fail(str(err))
    problems = errors(check_files([DataFile(str(file), "user", tuple(features))], reference_ids()))
    if bad_rows or problems:
        for line in bad_rows:
            click.echo(f"error: {line}", err=True)
        for problem in problems:
            click.echo(f"error: {problem.source}: record {problem.record}: {problem.message}"
                       if problem.record else f"error: {problem.source}: {problem.message}", err=True)
        raise SystemExit(EXIT_BAD_INPUT)
    for line in warnings:
        warn(line)
    target_name = layer_file_name(name or file)
    target = layer_dir() / target_name
    try:
        kept = {p.id: p for p in load_places(target, layer="user")} if target.exists() else {}
    except GazetteerError as err:
        fail(f"{err} (the layer file is left as it is; fix it or import under another --name)")
    places = [place_from_feature(f, "user") for f in features]
    before = len(kept)
    kept.update((p.id, p) for p in places)
    save_places(kept.values(), target_name)
    others = len(kept) - len(places)
    click.echo(f"imported {len(places)} places into {target}" + (f" ({others} kept from before)" if before else ""))
