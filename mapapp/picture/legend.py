"""What a picture's fills, hatching and legend say: pure functions of a `Scene`, colours from the palette.

A territory's fill is its one controlling party's colour, grey when none or several control it, as
on the live map; hatching marks a claim by a party not in control. Colours are as seen (`Palette.seen`).
"""
from __future__ import annotations

from mapapp.palette import palette
from mapapp.picture.model import Bbox, Scene


def party_colours(parties: tuple[str, ...]) -> dict[str, str]:
    """The fill of each party's territories as a picture draws it (the palette's colour, as seen)."""
    colours = palette()
    return {party: colours.seen(colour) for party, colour in colours.party_colours(parties).items()}


def no_single_control() -> str:
    """The grey of a territory no one party controls (none recorded, or several), as seen."""
    return palette().seen(palette().no_single_control)


def parties_of(entries: object) -> list[str]:
    """Party names from a territory's `control`/`claims` (names or timeline-entry dicts)."""
    names = []
    for entry in entries or []:
        name = entry.get("party") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name not in names:
            names.append(name)
    return names


def territory_colour(properties: dict, colours: dict[str, str]) -> str:
    """The fill of a territory: its one controlling party's colour, grey when none or several.

    An entry over part of the unit only (`partial`) does not make it divided: the unit is not its.
    """
    control = whole_controllers(properties)
    if len(control) == 1 and control[0] in colours:
        return colours[control[0]]
    return no_single_control()


def visible(features: tuple[dict, ...], bbox: Bbox | None) -> list[dict]:
    """The features whose geometry reaches into `bbox` (all of them without a bbox)."""
    if bbox is None:
        return list(features)
    from shapely.geometry import box, shape

    view = box(*bbox)
    return [f for f in features if f.get("geometry") and shape(f["geometry"]).intersects(view)]


def scene_colours(scene: Scene) -> dict[str, str]:
    """The colour of each party of the scene (of every party in the data when the scene lists them)."""
    return party_colours(scene.parties or tuple(
        p for t in scene.territories for key in ("control", "claims") for p in parties_of(t["properties"].get(key))))


def is_disputed_feature(properties: dict) -> bool:
    """True when the territory's feature says it is disputed on its date: the atlas's `disputed`, which
    `gazetteer.territories.timeline.is_disputed` decides (more than one claimant), as the API answers."""
    return properties.get("disputed") is True


def other_claimants(properties: dict) -> list[str]:
    """The parties claiming a territory that do not control it (the reason for its hatching)."""
    control = set(parties_of(properties.get("control")))
    return [p for p in parties_of(properties.get("claims")) if p not in control]


def whole_controllers(properties: dict) -> list[str]:
    """The parties holding the whole unit: control entries not marked `partial`."""
    return parties_of([e for e in properties.get("control") or [] if not (isinstance(e, dict) and e.get("partial"))])


def partial_holders(properties: dict) -> list[str]:
    """The parties holding only part of a territory (`partial` control entries), not its controller:
    drawn as a hatch in their colour over the unit, never as the whole unit's fill."""
    whole = set(whole_controllers(properties))
    return [p for p in parties_of([e for e in properties.get("control") or [] if isinstance(e, dict) and e.get("partial")])
            if p not in whole]


def legend_entries(scene: Scene, bbox: Bbox | None = None) -> list[tuple[str, str]]:
    """(label, colour) for each fill the picture shows (inside `bbox` when given), in legend order:
    parties alphabetically (no side first), then 'control not recorded / shared'; in the scene's words."""
    colours, grey, words = scene_colours(scene), no_single_control(), scene.words
    entries = {}
    for feature in visible(scene.territories, bbox):
        fill = territory_colour(feature["properties"], colours)
        control = whole_controllers(feature["properties"])
        one = len(control) == 1 and fill != grey
        entries[(not one, control[0].casefold() if one else "")] = (
            words.controlled_by % {"party": control[0]} if one else words.no_single_control, fill)
    return [entries[key] for key in sorted(entries)]


def legend_rows(scene: Scene, bbox: Bbox | None = None) -> tuple[tuple[str, str, str], ...]:
    """(kind, label, colour) for each line of the legend: fills, hatching, places, movements."""
    colours, words = palette(), scene.words
    rows = [("fill", label, colour) for label, colour in legend_entries(scene, bbox)]
    claimants = sorted({p for t in visible(scene.territories, bbox) for p in other_claimants(t["properties"])},
                       key=str.casefold)
    if claimants:
        rows.append(("hatch", words.hatched % {"parties": ", ".join(claimants)}, colours.hatch))
    party_colour = scene_colours(scene)
    for holder in sorted({p for t in visible(scene.territories, bbox) for p in partial_holders(t["properties"])},
                         key=str.casefold):
        rows.append(("partial", words.partial % {"party": holder}, party_colour.get(holder, colours.hatch)))
    if any(is_disputed_feature(t["properties"]) for t in visible(scene.territories, bbox)):
        rows.append(("disputed", words.disputed, colours.outline))
    if scene.places:
        rows.append(("place", words.place, colours.place))
    if scene.movements:
        rows.append(("movement", words.movement, colours.movement))
    return tuple(rows)
