"""A place's names by their match key, indexed once per place rather than folded per mention."""
from __future__ import annotations

from gazetteer.model import Place, PlaceName
from gazetteer.names.normalize import name_key

_BY_KEY: dict[str, tuple[Place, dict[str, tuple[PlaceName, ...]]]] = {}


def names_with_key(place: Place, key: str) -> tuple[PlaceName, ...]:
    """Return the names of `place` that fold to `key`, in the place's order."""
    found = _BY_KEY.get(place.id)
    if found is None or found[0] is not place:   # a place of another gazetteer under the same id
        index: dict[str, list[PlaceName]] = {}
        for name in place.names:
            index.setdefault(name_key(name.toponym), []).append(name)
        found = _BY_KEY[place.id] = (place, {k: tuple(v) for k, v in index.items()})
    return found[1].get(key, ())
