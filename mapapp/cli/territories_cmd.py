"""`chronotope territories`: the disputed territories, and who claimed and held them on a day."""
from __future__ import annotations

import json
from datetime import date

import click

from mapapp import params
from mapapp.cli.output import EXIT_BAD_INPUT, fail


def _parties(entries) -> str:
    return "; ".join(dict.fromkeys(e.party for e in entries)) or "-"


def table(territories, day: date | None) -> str:
    """A readable table: one line per territory, with claims and control on `day` if given."""
    from gazetteer.territories.units import area_km2, territories_on

    if day is None:
        rows = [("id", "level", "area km2", "name")]
        rows += [(t.id, t.level, f"{area_km2(t):,.0f}", t.name) for t in territories]
    else:
        rows = [("id", "level", "claimed by", "controlled by")]
        rows += [(s.territory.id, s.territory.level, _parties(s.claims), _parties(s.control))
                 for s in territories_on(territories, day)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  " + row[-1]
             for row in rows]
    if day is not None:
        lines.append(f"(on {day.isoformat()}; claims overlap and are all kept; sources with --json)")
    return "\n".join(line.rstrip() for line in lines)


def link_documents(collection: dict) -> None:
    """Add "document_id" (the id `chronotope documents` gives) to each claim or control entry
    whose source is a bundled corpus document ("corpus:<file>#<n>"), where it can be read."""
    from documents.corpus import bundled_corpus
    from documents.errors import DocumentError
    from documents.readers import read_file
    from gazetteer.territories.units import corpus_document

    files, read = {p.name: p for p in bundled_corpus()}, {}
    for feature in collection["features"]:
        for entry in feature["properties"].get("claims", []) + feature["properties"].get("control", []):
            cited = corpus_document(entry["source"])
            if cited is None or cited[0] not in files:
                continue
            if cited[0] not in read:
                try:
                    read[cited[0]] = read_file(files[cited[0]])[0]
                except (DocumentError, OSError):  # the citation stays as written
                    read[cited[0]] = []
            if 1 <= cited[1] <= len(read[cited[0]]):
                entry["document_id"] = read[cited[0]][cited[1] - 1].id


@click.command("territories")
@click.option("--date", "day_text", metavar="YYYY-MM-DD",
              help="Show the claims and control in force on this day.")
@click.option("--json", "as_json", is_flag=True, help="Print a GeoJSON FeatureCollection.")
@click.option("--level", metavar="LEVEL", help="Only territories of this level (uyezd, oblast, zone, region, ...).")
@click.option("--data", "data", metavar="FILE", envvar="CHRONOTOPE_TERRITORIES",
              help="A territories GeoJSON file instead of the bundled one ($CHRONOTOPE_TERRITORIES); "
                   "timelines inline as properties.timeline, or from --timeline.")
@click.option("--timeline", "timeline", metavar="FILE",
              help="A timeline JSON file (default: the bundled one, or with --data the inline timelines).")
def command(day_text: str | None, as_json: bool, level: str | None, data: str | None,
            timeline: str | None) -> None:
    """The disputed territories of 1918-1921 with their names, drawing method and certainty;
    with --date, who claimed and who controlled each on that day, with sources."""
    from gazetteer.errors import GazetteerError
    from gazetteer.territories.units import LEVELS, feature_collection, load_territories

    try:
        day = params.day("--date", day_text)
    except params.ParamError as err:
        fail(str(err), EXIT_BAD_INPUT)
    if level and level not in LEVELS:
        fail(f"--level {level!r}: expected one of {', '.join(LEVELS)}", EXIT_BAD_INPUT)
    try:
        territories = load_territories(data, timeline)
    except GazetteerError as err:
        where = f"{err.source}: feature {err.record}" if err.record else err.source
        fail(f"{where}: {err.message}", EXIT_BAD_INPUT)
    if level:
        territories = tuple(t for t in territories if t.level == level)
    if as_json:
        collection = feature_collection(territories, day)
        if day is not None:
            link_documents(collection)
        click.echo(json.dumps(collection, ensure_ascii=False))
    else:
        click.echo(table(territories, day))
