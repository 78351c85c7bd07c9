"""Every coordinate, polygon, line and date the project ships says where it comes from and how
certain it is; a failure names the record."""
from __future__ import annotations

import re

import pytest

from .conftest import BASEMAP, NETWORK, TERRITORIES, load_json, shipped_places, timeline_entries

CERTAINTIES = {"certain", "probable", "approximate", "uncertain"}
PLACES = shipped_places()
ENTRIES = timeline_entries()
TERRITORY_FEATURES = load_json(TERRITORIES / "territories.geojson")["features"]
NETWORK_FEATURES = load_json(NETWORK / "network.geojson")["features"]
CORPUS_SOURCE = re.compile(r"^corpus:(?P<file>[\w.-]+\.txt)#(?P<n>\d+)$")
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")     # a year or a month: an approximate edge


def _ids(records):
    return [name for name, _ in records]


@pytest.mark.parametrize("name,feature", PLACES, ids=_ids(PLACES))
def test_place_says_where_its_point_comes_from_and_how_certain_it_is(name, feature):
    props = feature["properties"]
    assert (props.get("coord_source") or "").strip(), f"{name}: no coord_source"
    assert props.get("certainty") in CERTAINTIES, f"{name}: certainty {props.get('certainty')!r}"


# A source a reader can check: never our test answer key, never a recollection.
UNCITABLE = re.compile(r"gold/|tests/|\bmemory\b|answer key", re.I)
GEONAMES_ID = re.compile(r"^GeoNames (?:geonameid )?(\d+)")   # the point itself, not a seat it is derived from


@pytest.mark.parametrize("name,feature", PLACES, ids=_ids(PLACES))
def test_a_point_cites_something_a_reader_can_check(name, feature):
    source = feature["properties"].get("coord_source") or ""
    assert not UNCITABLE.search(source), f"{name}: coord_source {source!r}"


@pytest.mark.parametrize("name,feature", PLACES, ids=_ids(PLACES))
def test_a_point_from_geonames_links_to_its_geonames_record(name, feature):
    found = GEONAMES_ID.search(feature["properties"].get("coord_source") or "")
    links = {link["identifier"] for link in feature.get("links", [])}
    if found:
        assert f"https://sws.geonames.org/{found.group(1)}/" in links, f"{name}: no GeoNames link"


ESTIMATE = "no published coordinate found"
UNCHECKED = [p for p in PLACES if ESTIMATE in p[1]["properties"]["coord_source"]]


@pytest.mark.parametrize("name,feature", UNCHECKED, ids=_ids(UNCHECKED))
def test_an_unchecked_estimate_is_not_certain_and_gives_a_radius(name, feature):
    props = feature["properties"]
    assert props["certainty"] != "certain" and (props.get("uncertainty_km") or 0) >= 5, name


@pytest.mark.parametrize("name,feature", UNCHECKED, ids=_ids(UNCHECKED))
def test_an_estimate_says_what_it_was_estimated_from(name, feature):
    # "estimated" alone tells a reader nothing to check the guess against.
    source = feature["properties"]["coord_source"]
    assert re.match(rf"^{ESTIMATE}; estimated from \S.{{10,}}", source), f"{name}: {source!r}"


# The phrasings the gazetteer used before every estimate had to say what it rests on.
VAGUE = re.compile(r"not checked against a published source|curator'?s (?:value|estimate)\W*$|^estimate\b", re.I)


@pytest.mark.parametrize("name,feature", PLACES, ids=_ids(PLACES))
def test_no_point_is_an_unexplained_guess(name, feature):
    source = feature["properties"]["coord_source"]
    assert not VAGUE.search(source), f"{name}: {source!r}"


# A note may explain a point, never vouch for it with a recollection or the test answer key.
UNCITABLE_NOTE = re.compile(r"\bmemory\b|gold point|answer key|\bgold/|tests/", re.I)


@pytest.mark.parametrize("name,feature", PLACES, ids=_ids(PLACES))
def test_a_note_vouches_for_no_point_with_memory_or_the_test_key(name, feature):
    note = feature["properties"].get("note") or ""
    assert not UNCITABLE_NOTE.search(note), f"{name}: note {note!r}"


GEONAMES_URI = re.compile(r"^https://sws\.geonames\.org/[1-9]\d*/$")
WIKIDATA_URI = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9]\d*$")
LINKED = [p for p in PLACES if p[1].get("links")]
WIKIDATA_LINKS = [(f"{name}:{link['identifier']}", link) for name, feature in LINKED for link in feature["links"]
                  if "wikidata" in link["identifier"].lower()]


@pytest.mark.parametrize("name,feature", LINKED, ids=_ids(LINKED))
def test_links_are_geonames_or_wikidata_uris_of_an_lpf_match_type(name, feature):
    identifiers = [link["identifier"] for link in feature["links"]]
    assert len(identifiers) == len(set(identifiers)), f"{name}: a link twice"
    for link in feature["links"]:
        assert link["type"] in ("closeMatch", "exactMatch"), f"{name}: link type {link['type']!r}"
        assert GEONAMES_URI.match(link["identifier"]) or WIKIDATA_URI.match(link["identifier"]), \
            f"{name}: {link['identifier']!r} is neither a GeoNames nor a Wikidata entity URI"


@pytest.mark.parametrize("name,link", WIKIDATA_LINKS, ids=_ids(WIKIDATA_LINKS))
def test_a_wikidata_link_is_a_well_formed_q_id_uri(name, link):
    # wd:Q…, a bare Q-id or a /wiki/ page URL would not reconcile in WHG: the entity URI does.
    assert WIKIDATA_URI.match(link["identifier"]), f"{name}: {link['identifier']!r}"


def test_some_places_link_to_wikidata():
    assert WIKIDATA_LINKS, "no place links to Wikidata"


@pytest.mark.parametrize("name,feature", [p for p in PLACES if p[1]["properties"]["certainty"] != "certain"],
                         ids=_ids(p for p in PLACES if p[1]["properties"]["certainty"] != "certain"))
def test_a_place_not_certain_gives_its_radius(name, feature):
    km = feature["properties"].get("uncertainty_km")
    assert isinstance(km, (int, float)) and km > 0, f"{name}: {feature['properties']['certainty']} without uncertainty_km"


UNSURE = [p for p in PLACES if p[1]["properties"]["certainty"] in ("uncertain", "probable")]


@pytest.mark.parametrize("name,feature", UNSURE, ids=_ids(UNSURE))
def test_an_uncertain_or_unchecked_place_says_why_in_a_note(name, feature):
    # Approximate areas explain themselves in coord_source ("approximate centre", "point = the seat");
    # a doubtful or unchecked point needs words of its own for the reader.
    assert (feature["properties"].get("note") or "").strip(), f"{name}: {feature['properties']['certainty']} without a note"


@pytest.mark.parametrize("feature", TERRITORY_FEATURES, ids=[f["properties"]["id"] for f in TERRITORY_FEATURES])
def test_territory_polygon_has_method_certainty_and_sources(feature):
    props = feature["properties"]
    assert (props.get("method") or "").strip(), f"{props['id']}: no method"
    assert (props.get("certainty") or "").strip(), f"{props['id']}: no certainty"
    sources = props.get("sources")
    assert isinstance(sources, list) and sources and all(str(s).strip() for s in sources), f"{props['id']}: no sources"


@pytest.mark.parametrize("name,entry", ENTRIES, ids=_ids(ENTRIES))
def test_timeline_entry_has_a_source_that_resolves(name, entry, timeline):
    source = entry.get("source") or ""
    if source.startswith("ref:"):
        assert source[4:] in timeline["references"], f"{name}: {source} is not listed under references"
    else:
        match = CORPUS_SOURCE.match(source)
        assert match, f"{name}: source {source!r} is neither ref:<key> nor corpus:<file>#<n>"
        assert (TERRITORIES.parents[2] / "documents" / "corpus" / match["file"]).exists(), f"{name}: {source}"


@pytest.mark.parametrize("name,entry", ENTRIES, ids=_ids(ENTRIES))
def test_timeline_entry_names_a_listed_party_and_a_relation(name, entry, timeline):
    assert entry.get("relation") in ("claim", "control"), f"{name}: relation {entry.get('relation')!r}"
    assert entry.get("party") in timeline["parties"], f"{name}: party {entry.get('party')!r} not in parties"


APPROXIMATE = [(n, e) for n, e in ENTRIES
               if e["relation"] == "control" and any(PARTIAL_DATE.match(e.get(k) or "") for k in ("from", "to"))]


@pytest.mark.parametrize("name,entry", APPROXIMATE, ids=_ids(APPROXIMATE))
def test_control_known_only_to_the_month_or_year_says_so(name, entry):
    # A claim opens with a declaration or a treaty; control changes on the ground, so a month-level
    # edge there is a guess the reader must be told about.
    assert "approximate" in (entry.get("note") or ""), f"{name}: {entry.get('from')}..{entry.get('to')} without 'approximate'"


def test_the_timeline_covers_every_territory_drawn(timeline):
    drawn = {f["properties"]["id"] for f in TERRITORY_FEATURES}
    assert drawn == set(timeline["territories"]), drawn ^ set(timeline["territories"])


@pytest.mark.parametrize("feature", NETWORK_FEATURES, ids=[f["properties"]["name"] for f in NETWORK_FEATURES])
def test_network_line_has_source_and_certainty(feature):
    props = feature["properties"]
    assert (props.get("source") or "").strip(), f"{props['name']}: no source"
    assert props.get("certainty") in CERTAINTIES, f"{props['name']}: certainty {props.get('certainty')!r}"


BASEMAP_FILES = sorted(p.name for p in BASEMAP.glob("*.geojson"))


@pytest.mark.parametrize("filename", BASEMAP_FILES)
def test_basemap_file_is_documented_with_its_source(filename):
    readme = (BASEMAP / "README.md").read_text(encoding="utf-8")
    assert f"`{filename}`" in readme, f"{filename} is not described in mapapp/data/basemap/README.md"
    source = readme.split("## Source", 1)
    assert len(source) == 2 and "public domain" in source[1].lower(), "the basemap README names no source and licence"


def test_there_is_a_basemap_to_check():
    assert BASEMAP_FILES, "no basemap files found"


# The links reach the formats other gazetteers read: the LPF export and the API.
LINKS_BY_ID = {feature["@id"]: feature["links"] for _, feature in LINKED}


@pytest.fixture(scope="module")
def lpf_export(chronotope, atlas_path, tmp_path_factory):
    """The session atlas exported as LPF by the installed command."""
    import json
    import subprocess

    out = tmp_path_factory.mktemp("provenance-lpf") / "atlas.lpf.json"
    done = subprocess.run([*chronotope, "export", "--format", "lpf", "--atlas", str(atlas_path), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {f["properties"]["chronotope_id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["features"]}


def test_the_lpf_export_carries_the_links_of_every_place_that_has_them(lpf_export):
    linked = sorted(pid for pid in lpf_export if pid in LINKS_BY_ID)
    assert len(linked) >= 10, f"only {len(linked)} linked places in the export"
    for pid in linked:
        assert lpf_export[pid].get("links") == LINKS_BY_ID[pid], pid
    curated_unlinked = {feature["@id"] for _, feature in PLACES} - set(LINKS_BY_ID)
    assert not [pid for pid in lpf_export if pid in curated_unlinked and lpf_export[pid].get("links")]


def test_the_places_api_gives_each_place_its_links(client):
    features = client.get("/api/places").get_json()["features"]
    linked = [f for f in features if f["properties"]["id"] in LINKS_BY_ID]
    assert len(linked) >= 10, f"only {len(linked)} linked places in /api/places"
    for feature in linked:
        assert feature["properties"].get("links") == LINKS_BY_ID[feature["properties"]["id"]], feature["properties"]["id"]
    place = client.get(f"/api/places/{linked[0]['properties']['id']}").get_json()
    assert place["properties"]["links"] == LINKS_BY_ID[linked[0]["properties"]["id"]]
