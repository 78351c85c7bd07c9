"""The layered gazetteer the geoparser searches: user places over curated ones over the broad
layer over the results of online geocoding (for names no other layer knows).

Long one-word names of the user and curated layers also match one vowel off ("Alexandrapol").

`load_gazetteer()` reads the bundled curated files, the user's own files and the broad
layer once per process; `Gazetteer.from_places` builds one from any places (tests).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from gazetteer.cycles import paused_cycle_collection
from gazetteer.geodesy import distance_km
from gazetteer.model import LAYERS, Place
from gazetteer.names.normalize import BARRIER, name_key, name_keys, vowel_variants
from gazetteer.places.broad import BroadLayer, cached, common_keys, load_layer
from gazetteer.places.lpf import bundled_place_files, load_places
from gazetteer.places.userlayer import load_user_places

DUPLICATE_KM = 15.0
AUTOMATON_FORMAT = 2   # part of the cached automaton's name: bump it when `_automaton` changes
UNIT_WORDS = frozenset({"uyezd", "uezd", "district", "province", "vilayet", "governorate", "guberniya",
                        "oblast", "okrug", "sanjak", "gavar", "mahal", "region", "qəzası"})
KIND_WORDS = UNIT_WORDS | frozenset({"village", "town", "city", "river", "ridge", "mountain", "mount",
                                     "lake", "pass", "fortress", "monastery", "station", "settlement",
                                     "country", "state", "republic", "valley", "plain", "gorge"})
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass
class Gazetteer:
    """Places by match key, and one Aho-Corasick automaton over the keys of every layer."""

    places: tuple[Place, ...]                 # the user and curated layers
    keys: dict[str, tuple[int, ...]]          # match key -> indices into `places`
    automaton: ahocorasick.Automaton | None
    broad: BroadLayer | None = None
    # places_for_key's answers: the same names recur in text after text, and each answer costs
    # the distances from every broad-layer namesake to the local places. Not part of the value.
    found: dict[str, tuple[Place, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_places(cls, places: Iterable[Place], broad: BroadLayer | None = None) -> Gazetteer:
        """Return a gazetteer of `places` (a later place with the same id replaces an earlier one)."""
        by_id: dict[str, Place] = {}
        for place in places:
            by_id[place.id] = place
        ordered = tuple(sorted(by_id.values(), key=lambda p: LAYERS.index(p.layer)
                               if p.layer in LAYERS else len(LAYERS)))
        keys: dict[str, list[int]] = {}
        for index, place in enumerate(ordered):
            for key in name_keys(_with_bare_names(place)):
                if len(key.strip()) >= 2:
                    keys.setdefault(key, []).append(index)
        _add_vowel_variants(keys, ordered, broad)
        return cls(ordered, {k: tuple(v) for k, v in keys.items()}, _automaton(keys, broad), broad)

    def places_for_key(self, key: str) -> list[Place]:
        """Return every place one of whose names folds to `key`, user and curated first.

        A broad-layer town that a curated entry of the same name already places (within
        DUPLICATE_KM) is left out: it is the same town.
        """
        known = self.found.get(key)
        if known is None:
            found = [self.places[i] for i in self.keys.get(key, ())]
            if self.broad is not None:
                local = [p for p in found if p.kind == "settlement"]
                found.extend(b for b in self.broad.places_for_key(key)
                             if not any(_close(b, p) for p in local))
            known = tuple(found)
            if known:   # only the gazetteer's own keys: any string may be looked up
                self.found[key] = known
        return list(known)

    def has_key(self, key: str) -> bool:
        """Return True when some place has a name that folds to `key`."""
        return key in self.keys or (self.broad is not None and key in self.broad.keys)

    def lookup(self, name: str) -> list[Place]:
        """Return the places called `name` in any spelling the key folds together."""
        return self.places_for_key(name_key(name))

    def get(self, place_id: str) -> Place | None:
        """Return the local place with this id, if any."""
        return next((p for p in self.places if p.id == place_id), None)


def _add_vowel_variants(keys: dict[str, list[int]], places: tuple[Place, ...], broad: BroadLayer | None) -> None:
    """Add to `keys` the one-vowel variants of the user and curated layers' long one-word names
    ("Alexandrapol"), unless a variant is some other name of any layer (or an English word)."""
    taken = set(keys) | (set(broad.keys) if broad is not None else set())
    fuzzy: dict[str, set[int]] = {}
    for key, indices in keys.items():
        if all(places[i].layer == "geocoded" for i in indices):
            continue
        for variant in vowel_variants(key):
            if variant not in taken:
                fuzzy.setdefault(variant, set()).update(indices)
    common = common_keys()
    for variant, indices in fuzzy.items():
        if variant.strip() not in common:
            keys[variant] = sorted(indices)


def _automaton(keys: dict, broad: BroadLayer | None) -> ahocorasick.Automaton | None:
    """Return the automaton over the local and broad keys; with a cached broad layer, it is
    cached beside it (keyed by the layer's file and the local keys), which halves start-up."""
    if not keys and (broad is None or not broad.keys):
        return None

    def build() -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key in keys:
            if BARRIER not in key:   # "Karakilisa (Zangezur)" is looked up whole, never read whole
                automaton.add_word(key, key)
        for key in (broad.keys if broad is not None else ()):
            if key not in keys:
                automaton.add_word(key, key)
        automaton.make_automaton()
        return automaton

    if broad is None or broad.cache is None:
        return build()
    digest = hashlib.sha1(f"{broad.cache.name} {AUTOMATON_FORMAT}".encode())
    digest.update("\n".join(sorted(keys)).encode())
    return cached(broad.cache.parent / f"automaton-{digest.hexdigest()[:16]}.pickle", build)


def _with_bare_names(place: Place) -> list[str]:
    """Return the place's names, with "Erzurum" added for "Erzurum (vilayet)" or "Kars okrug".

    The bare name of an administrative unit also names its seat; resolution then decides
    between them with the type cues and the evidence of the text.
    """
    names = [place.name, *(n.toponym for n in place.names)]
    unit = place.kind in ("district", "province", "region")
    bare = []
    for name in names:
        stripped = _QUALIFIER.sub("", name).strip()
        if not unit and _qualifier_is_a_kind(name):
            continue   # "Syunik (village)" tells it from the region: the bare name is the region's
        words = stripped.split()
        if unit and len(words) > 1 and words[-1].lower() in UNIT_WORDS:
            stripped = " ".join(words[:-1])
        elif unit and len(words) > 2 and words[0].lower() in UNIT_WORDS and words[1].lower() == "of":
            stripped = " ".join(words[2:])
        if stripped and stripped != name:
            bare.append(stripped)
    return names + bare


def _qualifier_is_a_kind(name: str) -> bool:
    """Return True for "Syunik (village)", "Hrazdan (river)"; False for "Arpachay (Daralagyaz)"."""
    found = _QUALIFIER.search(name)
    return bool(found) and found.group(0).strip(" ()").lower().split(" ")[0] in KIND_WORDS


def _close(a: Place, b: Place, km: float = DUPLICATE_KM) -> bool:
    """Return True when two points are within `km`."""
    return distance_km(a, b) <= km


def local_places() -> list[Place]:
    """Return the curated places shipped in the package and the user's own places.

    The user's imported files make the "user" layer; the results of online geocoding
    (userlayer.GEOCODED_FILE) the "geocoded" layer, ranked below every other one.
    """
    places = []
    for path in bundled_place_files():
        places.extend(load_places(path, "curated"))
    return places + load_user_places()


@cache
def load_gazetteer(broad: bool = True) -> Gazetteer:
    """Return the full gazetteer (loaded once per process); `broad=False` leaves GeoNames out."""
    with paused_cycle_collection():
        return Gazetteer.from_places(local_places(), load_layer() if broad else None)
