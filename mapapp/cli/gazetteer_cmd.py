"""`chronotope gazetteer check|import|export|geocode|lookup`: the gazetteer's data files.

`lookup` lives in its own module, `mapapp.cli.gazetteer_lookup`.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from gazetteer.places.geocode import DEFAULT_TIMEOUT, DEFAULT_URL
from mapapp.cli.gazetteer_import import import_, reference_ids
from mapapp.cli.gazetteer_lookup import lookup
from mapapp.cli.output import EXIT_FAILED, fail


@click.group("gazetteer")
def command() -> None:
    """Check, import, export and geocode gazetteer data (Linked Places Format)."""


def _data_files(files: tuple[Path, ...]) -> tuple[list, list]:
    """Return (DataFile list, problems reading them) for FILES, or bundled + user layer."""
    from gazetteer.errors import GazetteerError
    from gazetteer.places.check import DataFile, Problem
    from gazetteer.places.lpf import bundled_place_files, read_features
    from gazetteer.places.userlayer import GEOCODED_FILE, user_place_files

    bundled = [p.resolve() for p in bundled_place_files()]
    if files:
        chosen = [(Path(f), "curated" if Path(f).resolve() in bundled else "user") for f in files]
    else:
        chosen = [(p, "curated") for p in bundled] + [
            (p, "geocoded" if p.name == GEOCODED_FILE else "user") for p in user_place_files()]
    loaded, problems = [], []
    for path, layer in chosen:
        try:
            loaded.append(DataFile(str(path), layer, tuple(read_features(path))))
        except GazetteerError as err:
            problems.append(Problem(str(path), None, err.message))
    return loaded, problems


@command.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--notes", is_flag=True, help="Also list notes (names shared by several places).")
def check(files: tuple[Path, ...], notes: bool) -> None:
    """Validate FILES (default: every bundled and user data file); exit 1 on errors."""
    from gazetteer.places.check import check_files, errors

    loaded, problems = _data_files(files)
    problems += check_files(loaded, known_ids=reference_ids() if files else ())
    bad = errors(problems)
    for problem in problems:
        if problem.severity == "error" or notes:
            click.echo(str(problem))
    note_count = len(problems) - len(bad)
    records = sum(len(d.features) for d in loaded)
    hint = "" if notes or not note_count else " (--notes lists them)"
    unreadable = len({p.source for p in bad} - {d.source for d in loaded})
    click.echo(f"{len(loaded) + unreadable} files, {records} records: "
               f"{len(bad)} errors, {note_count} notes{hint}")
    if bad:
        raise SystemExit(EXIT_FAILED)


@command.command("export")
@click.option("--format", "fmt", type=click.Choice(["lpf", "geojson", "csv"]), default="lpf",
              show_default=True)
@click.option("--layer", type=click.Choice(["curated", "user", "all"]), default="all", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
def export(fmt: str, layer: str, output: Path | None) -> None:
    """Export the gazetteer as Linked Places JSON, plain GeoJSON points or CSV."""
    from gazetteer.errors import GazetteerError
    from gazetteer.places.export import csv_text, geojson_collection, merge_layers
    from gazetteer.places.lpf import bundled_place_files, feature_collection, load_places
    from gazetteer.places.userlayer import load_user_places

    try:
        curated = [p for f in bundled_place_files() for p in load_places(f)] if layer != "user" else []
        user = load_user_places() if layer != "curated" else []
    except GazetteerError as err:
        fail(str(err))
    places = merge_layers(curated, user)
    if fmt == "csv":
        text = csv_text(places)
    else:
        data = feature_collection(places) if fmt == "lpf" else geojson_collection(places)
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {len(places)} places to {output}", err=True)


def _known_names() -> dict[str, str]:
    """Return {normalised toponym: place id} over the bundled and user layers."""
    from gazetteer.places.check import normalise
    from gazetteer.places.lpf import bundled_place_files, load_places
    from gazetteer.places.userlayer import load_user_places

    places = [p for f in bundled_place_files() for p in load_places(f)] + load_user_places()
    return {normalise(n.toponym): p.id for p in places for n in p.names}


def _save_geocoded(places: list) -> Path:
    """Merge geocoded places into the user layer's geocoded file; return its path."""
    from gazetteer.places.lpf import load_places
    from gazetteer.places.userlayer import GEOCODED_FILE, layer_dir, save_places

    path = layer_dir() / GEOCODED_FILE
    kept = {p.id: p for p in (load_places(path, layer="geocoded") if path.exists() else [])}
    kept.update((p.id, p) for p in places)
    return save_places(kept.values(), GEOCODED_FILE)


@command.command("geocode")
@click.argument("names", nargs=-1, required=True)
@click.option("--url", envvar="CHRONOTOPE_GEOCODER_URL", default=DEFAULT_URL,
              show_default=True, help="Nominatim service URL (or $CHRONOTOPE_GEOCODER_URL).")
@click.option("--min-delay", type=float, default=1.0, show_default=True,
              help="Seconds between requests (Nominatim's usage policy asks for 1).")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path),
              help="JSON cache of answers (default: $CHRONOTOPE_HOME/geocode-cache.json).")
@click.option("--timeout", type=click.FloatRange(min=0.1, max=120), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for each answer of the service.")
@click.option("--force", is_flag=True, help="Also look up names the gazetteer already knows.")
def geocode(names: tuple[str, ...], url: str, min_delay: float, cache_path: Path | None, timeout: float,
            force: bool) -> None:
    """Look NAMES up online (opt-in) and add them to your layer as uncertain places."""
    from geopy.exc import GeopyError

    from gazetteer.datahome import data_home
    from gazetteer.errors import GazetteerError
    from gazetteer.places.check import normalise
    from gazetteer.places.geocode import geocode_names, make_search, read_cache
    from gazetteer.places.userlayer import write_atomically

    try:
        known = {} if force else _known_names()
        cache_path = cache_path or data_home() / "geocode-cache.json"
        cache = read_cache(cache_path)
        search = make_search(url, min_delay, timeout)
    except (GazetteerError, ValueError) as err:
        fail(str(err))
    wanted = []
    for name in names:
        if normalise(name) in known:
            click.echo(f"{name}: already in the gazetteer as {known[normalise(name)]}; skipped (--force asks anyway)")
        else:
            wanted.append(name)
    try:
        results = geocode_names(wanted, search, cache, service=f"Nominatim at {url}")
    except (GeopyError, ValueError) as err:   # ValueError: an answer that is not a usable result
        fail(f"geocoding at {url} failed: {err or type(err).__name__}", EXIT_FAILED)
    finally:
        write_atomically(cache_path, json.dumps(cache, ensure_ascii=False, indent=1) + "\n")
    for name, place in results:
        if place is None:
            click.echo(f"warning: {name}: not found at {url}", err=True)
        else:
            click.echo(f"{name}: {place.name} lon={place.lon:.4f} lat={place.lat:.4f} ({place.kind})")
    found = [p for _, p in results if p is not None]
    if found:
        click.echo(f"added {len(found)} places to {_save_geocoded(found)}")


command.add_command(import_)
command.add_command(lookup)
