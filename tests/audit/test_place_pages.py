"""Place pages of the real app show every name without ranking and list the parties of each
territory alphabetically, claims apart from control."""
from __future__ import annotations

import html
import re

import pytest

from .conftest import shipped_places

PLACES = dict(shipped_places())
SHOWN = ("chr:shusha", "chr:khankendi", "chr:nakhichevan-town", "chr:goris")


def _feature(place_id: str) -> dict:
    return next(f for name, f in PLACES.items() if name.endswith(":" + place_id))


def _parties(segment: str) -> list[str]:
    """Party names in a 'controlled by ...' or 'claimed by ...' list, in page order."""
    return [html.unescape(p).strip() for p in re.findall(r"(?:^|,)\s*([^,<>\[\]]+?)\s*<small>", segment)]


@pytest.mark.parametrize("place_id", SHOWN)
def test_place_page_lists_every_name_in_no_order_of_preference(client, place_id):
    page = client.get(f"/places/{place_id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    names = text.split('class="place-names"', 1)[1].split("</section>", 1)[0]
    assert "no order of preference" in names
    shown = [html.unescape(t) for t in re.findall(r'<span lang="[^"]*">(.*?)</span>', names)]
    assert shown == [n["toponym"] for n in _feature(place_id)["names"]]
    assert not re.search(r"\b(correct|incorrect|wrong|proper|official|true)\b", names, re.I)


@pytest.mark.parametrize("place_id", SHOWN)
def test_place_page_names_the_parties_of_a_territory_alphabetically(client, place_id):
    text = client.get(f"/places/{place_id}").get_data(as_text=True)
    lists = re.findall(r"(?:controlled|claimed) by (.*?)(?:;|\.\n)", text, re.S)
    assert lists, f"{place_id}: no territory on any document date"
    for segment in lists:
        parties = _parties(segment)
        assert parties == sorted(parties, key=str.casefold), parties
