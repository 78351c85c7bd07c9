"""Place labels that do not overlap: a greedy placement in picture pixels, pure.

Labels are tried in order of importance (most-mentioned place first); each takes the first of a
few positions around its marker whose box stays inside the map and clear of the labels already
placed and of every marker; a label with no free position is left out.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Box(NamedTuple):
    """A rectangle in picture pixels, y growing downwards."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """True when the two boxes share some area (touching edges do not count)."""
        return (self.left < other.right and other.left < self.right
                and self.top < other.bottom and other.top < self.bottom)

    def inside(self, other: Box) -> bool:
        """True when this box lies wholly within `other`."""
        return (other.left <= self.left and self.right <= other.right
                and other.top <= self.top and self.bottom <= other.bottom)

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class Mark:
    """A place to label: its key (to label it once), text, pixel position and importance."""

    key: str
    text: str
    x: float
    y: float
    weight: float = 0.0


@dataclass(frozen=True)
class Label:
    """A placed label: its text's box and how to anchor it (matplotlib's ha/va at the box corner)."""

    key: str
    text: str
    box: Box
    ha: str
    va: str


# Where a label may go around its marker, in order of preference: (ha, va, dx, dy), y downwards.
# The box is anchored by its (ha, va) corner at the marker's centre moved by dx, dy times the
# reach (marker radius + gap + 1 px), so that even beside another marker on the same point it is clear.
POSITIONS = (("left", "bottom", 1, -0.2), ("left", "top", 1, 0.2), ("right", "bottom", -1, -0.2),
             ("right", "top", -1, 0.2), ("center", "bottom", 0, -1), ("center", "top", 0, 1),
             ("left", "center", 1, 0), ("right", "center", -1, 0))


def box_at(x: float, y: float, size: tuple[float, float], ha: str, va: str) -> Box:
    """The box of a text of `size` (w, h) anchored at (x, y) by its ha/va corner."""
    w, h = size
    left = {"left": x, "right": x - w, "center": x - w / 2}[ha]
    top = {"bottom": y - h, "top": y, "center": y - h / 2}[va]
    return Box(left, top, left + w, top + h)


def place_labels(marks: Iterable[Mark], size_of: Callable[[str], tuple[float, float]], area: Box,
                 radius: float, gap: float = 2.0, limit: int | None = None) -> list[Label]:
    """The labels that fit, most important first: each place once, none overlapping another or a marker.

    `size_of(text)` gives a text's (width, height) in pixels; `area` is the map's box; `radius` the
    markers' radius; `gap` the clear space kept around each label; `limit` caps how many are drawn.
    """
    chosen: dict[str, Mark] = {}
    for mark in sorted(marks, key=lambda m: (-m.weight, m.text, m.key)):
        chosen.setdefault(mark.key, mark)
    marks = list(chosen.values())
    markers = {m.key: Box(m.x - radius, m.y - radius, m.x + radius, m.y + radius) for m in marks}
    placed: list[Label] = []
    for mark in marks:
        if limit is not None and len(placed) >= limit:
            break
        if not mark.text or not (area.left <= mark.x <= area.right and area.top <= mark.y <= area.bottom):
            continue
        size = size_of(mark.text)
        reach = radius + gap + 1
        for ha, va, dx, dy in POSITIONS:
            box = box_at(mark.x + dx * reach, mark.y + dy * reach, size, ha, va)
            clear = box.grown(gap)
            if (box.inside(area) and not any(clear.overlaps(label.box) for label in placed)
                    and not any(clear.overlaps(marker) for key, marker in markers.items() if key != mark.key)):
                placed.append(Label(mark.key, mark.text, box, ha, va))
                break
    return placed
