"""`chronotope gazetteer lookup NAME [--json]`: the places a name may mean, best first.

The `gazetteer` command group registers `lookup`; the candidates are scored as the
geoparser scores a bare mention with no context (layer, kind, population, spelling).
"""
from __future__ import annotations

import click

from mapapp.cli.output import EXIT_BAD_INPUT, emit_json_line, fail

LIMIT = 10


def lookup_records(name: str, gazetteer, limit: int = LIMIT) -> list[dict]:
    """Return the candidate places for `name`, best first, as JSON records."""
    from gazetteer.geoparse.resolve import Evidence, TextContext, rank_candidates
    from gazetteer.names.normalize import name_key

    key = name_key(name)
    places = gazetteer.places_for_key(key) if key else []
    evidence = Evidence(key, name.strip(), None, None, None)
    records = []
    for candidate in rank_candidates(places, evidence, TextContext())[:limit]:
        p = candidate.place
        records.append({"place_id": p.id, "name": p.name, "names": [n.toponym for n in p.names],
                        "kind": p.kind, "lat": p.lat, "lon": p.lon, "source": p.layer,
                        "coord_source": p.coord_source, "certainty": p.certainty,
                        "uncertainty_km": p.uncertainty_km, "score": candidate.score,
                        "reasons": list(candidate.reasons)})
    return records


@click.command("lookup")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="One JSON object: the name and its candidates.")
def lookup(name: str, as_json: bool) -> None:
    """Show the places NAME may mean, in any spelling: names, kind, point, source and score."""
    from gazetteer.errors import GazetteerError
    from gazetteer.places.index import load_gazetteer

    if not name.strip():
        fail("lookup: NAME is empty", EXIT_BAD_INPUT)
    try:
        gazetteer = load_gazetteer()
    except GazetteerError as err:
        fail(f"gazetteer: {err}", EXIT_BAD_INPUT)
    records = lookup_records(name, gazetteer)
    if as_json:
        emit_json_line({"query": name, "candidates": records})
        return
    if not records:
        click.echo(f"no place called {name!r}")
        return
    for r in records:
        others = ", ".join(n for n in r["names"] if n != r["name"])[:100]
        click.echo(f"{r['score']:.2f}  {r['name']} ({r['kind']}, {r['source']})  "
                   f"lat {r['lat']:.2f} lon {r['lon']:.2f}  [{r['place_id']}]")
        if others:
            click.echo(f"      also: {others}")
        click.echo(f"      point: {r['coord_source'] or 'no source given'}")
