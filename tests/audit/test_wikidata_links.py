"""Wikidata links: each one cites where it comes from, names one place only, and reaches the LPF
export and the API, so that the World Historical Gazetteer and others can reconcile with ours."""
from __future__ import annotations

import datetime
import json
import re
import subprocess

import pytest

from gazetteer.places.lpf import feature_from_place, place_from_feature

from .conftest import shipped_places

PLACES = shipped_places()
WIKIDATA_URI = re.compile(r"^http://www\.wikidata\.org/entity/(Q[1-9]\d*)$")


def wikidata_links(feature: dict) -> list[dict]:
    return [link for link in feature.get("links", []) if "wikidata" in link["identifier"].lower()]


WITH_WIKIDATA = [(name, feature) for name, feature in PLACES if wikidata_links(feature)]
BY_ID = {feature["@id"]: feature for _, feature in PLACES}

# Well-known places and the items everyone knows them by: a wrong column read, a link lost or one
# given to the wrong record fails here.
WELL_KNOWN = [
    ("chr:armenia", "Q399"),
    ("chr:azerbaijan", "Q227"),
    ("chr:georgia", "Q230"),
    ("chr:turkey", "Q43"),
    ("chr:russia", "Q159"),
    ("chr:khor-virap", "Q20518220"),
]


def test_a_share_of_the_places_links_to_wikidata():
    assert len(WITH_WIKIDATA) >= 30, f"only {len(WITH_WIKIDATA)} places link to Wikidata"


@pytest.mark.parametrize("name,feature", WITH_WIKIDATA, ids=[n for n, _ in WITH_WIKIDATA])
def test_a_wikidata_link_is_one_well_formed_item_and_cites_its_source(name, feature):
    links = wikidata_links(feature)
    assert len(links) == 1, f"{name}: {len(links)} Wikidata items"
    assert WIKIDATA_URI.match(links[0]["identifier"]), f"{name}: {links[0]['identifier']!r}"
    sources = [s for s in feature["properties"].get("link_sources", []) if s["identifier"] == links[0]["identifier"]]
    assert len(sources) == 1, f"{name}: the link's source is not written down"
    cited = sources[0]
    for key in ("source", "record", "read", "matched_on"):
        assert str(cited.get(key) or "").strip(), f"{name}: the link's source does not say its {key}"
    datetime.date.fromisoformat(cited["read"])
    assert WIKIDATA_URI.match(links[0]["identifier"]).group(1) in cited["field"], f"{name}: {cited['field']!r}"


@pytest.mark.parametrize("name,feature", PLACES, ids=[n for n, _ in PLACES])
def test_every_link_source_belongs_to_a_link(name, feature):
    identifiers = {link["identifier"] for link in feature.get("links", [])}
    for cited in feature["properties"].get("link_sources", []):
        assert cited["identifier"] in identifiers, f"{name}: a source for {cited['identifier']}, which it lacks"


def test_no_wikidata_item_names_two_of_our_places():
    owners: dict[str, list[str]] = {}
    for name, feature in WITH_WIKIDATA:
        owners.setdefault(wikidata_links(feature)[0]["identifier"], []).append(name)
    assert {uri: names for uri, names in owners.items() if len(names) > 1} == {}


def test_no_state_that_ended_carries_an_item_matched_by_name():
    # The Republic of Armenia of 1918-1920 is not today's Armenia (Q399), though it bears its formal name.
    ended = [name for name, feature in PLACES if feature["properties"].get("valid_to") is not None
             and any(s.get("matched_on", "").startswith("name ") for s in feature["properties"].get("link_sources", []))]
    assert ended == []
    assert not wikidata_links(BY_ID["chr:republic-of-armenia"])


@pytest.fixture(scope="module")
def lpf_export(chronotope, atlas_path, tmp_path_factory):
    """The session atlas exported as LPF by the installed command, by place id."""
    out = tmp_path_factory.mktemp("wikidata-lpf") / "atlas.lpf.json"
    done = subprocess.run([*chronotope, "export", "--format", "lpf", "--atlas", str(atlas_path), "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {f["properties"]["chronotope_id"]: f for f in json.loads(out.read_text(encoding="utf-8"))["features"]}


@pytest.mark.parametrize("pid,qid", WELL_KNOWN)
def test_well_known_places_link_to_their_wikidata_item(pid, qid):
    assert [link["identifier"] for link in wikidata_links(BY_ID[pid])] == [f"http://www.wikidata.org/entity/{qid}"]


# The atlas holds the places its documents name: Khor Virap is named by none of the bundled corpus.
IN_THE_ATLAS = [(pid, qid) for pid, qid in WELL_KNOWN if pid != "chr:khor-virap"]


@pytest.mark.parametrize("pid,qid", IN_THE_ATLAS)
def test_the_lpf_export_and_the_api_carry_the_wikidata_link(pid, qid, lpf_export, client):
    recorded = BY_ID[pid]["links"]
    wikidata = {"type": "closeMatch", "identifier": f"http://www.wikidata.org/entity/{qid}"}
    assert pid in lpf_export, f"{pid} is not in the export"
    assert lpf_export[pid]["links"] == recorded
    assert wikidata in lpf_export[pid]["links"]
    cited = [c["label"] for c in lpf_export[pid]["citations"] if c["label"].startswith(wikidata["identifier"] + ":")]
    assert len(cited) == 1 and "Natural Earth 5.1.1" in cited[0] and "read 2026-12-06" in cited[0], cited
    answer = client.get(f"/api/places/{pid}")
    assert answer.status_code == 200, pid
    props = answer.get_json()["properties"]
    assert props["links"] == recorded
    assert wikidata in props["links"]


@pytest.mark.parametrize("name,feature", WITH_WIKIDATA, ids=[n for n, _ in WITH_WIKIDATA])
def test_the_gazetteers_own_lpf_keeps_where_each_link_comes_from(name, feature):
    again = feature_from_place(place_from_feature(feature))
    assert again["links"] == feature["links"]
    assert again["properties"]["link_sources"] == feature["properties"]["link_sources"]


def test_the_lpf_export_carries_wikidata_links(lpf_export):
    exported = [pid for pid, f in lpf_export.items() if any(WIKIDATA_URI.match(link["identifier"])
                                                              for link in f.get("links", []))]
    assert len(exported) >= 3, f"only {exported} carry a Wikidata link in the export"
    for pid in exported:
        assert lpf_export[pid]["links"] == BY_ID[pid]["links"], pid
