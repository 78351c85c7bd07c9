"""Picture layout and label placement, pure: where the legend strip goes and which labels fit."""
from __future__ import annotations

import pytest

from mapapp.picture.labels import Box, Mark, place_labels
from mapapp.picture.layout import plan_layout


def measure_fixed(w, h):
    """A legend that is always (w, h) pixels, whatever its type size."""
    return lambda fontsize, wrap, ncol: (w, h)


@pytest.mark.parametrize(("size", "legend", "side", "map_box", "legend_box"), [
    ((1200, 630), (200, 300), "right", (0, 1200 - 200 - 20), (1200 - 220, 1200)),
    ((900, 600), (150, 500), "right", (0, 900 - 170), (730, 900)),
    ((600, 800), (500, 100), "below", (0, 600), (0, 600)),
    ((300, 250), (100, 100), None, (0, 300), None),         # a thumbnail: no legend
    ((900, 600), (600, 100), None, (0, 900), None),         # a legend that never fits: none, not over the map
])
def test_the_legend_strip_takes_its_own_room_beside_or_below_the_map(size, legend, side, map_box, legend_box):
    layout = plan_layout(*size, measure_fixed(*legend))
    assert layout.side == side
    assert (layout.map_box.left, layout.map_box.right) == map_box
    if legend_box is None:
        assert layout.legend_box is None
        return
    if side == "right":
        assert (layout.legend_box.left, layout.legend_box.right) == legend_box
    else:   # below: the map ends where the strip starts, the strip is the legend's height plus padding
        assert layout.map_box.bottom == layout.legend_box.top
        assert layout.legend_box.bottom - layout.legend_box.top == legend[1] + 2 * layout.padding
    assert not layout.map_box.overlaps(layout.legend_box)
    assert layout.title_box.bottom <= layout.map_box.top and layout.map_box.bottom <= layout.attribution_box.top


def test_the_largest_type_that_fits_is_chosen_and_labels_wrap_only_as_needed():
    def measure(fontsize, wrap, ncol):       # wider with bigger type and longer lines
        return fontsize * (wrap or 60) / 2, fontsize * 20 / (wrap or 60) * 10

    layout = plan_layout(900, 600, measure)
    assert layout.legend.size[0] <= 900 * 0.3
    bigger = plan_layout(1600, 1000, measure)
    assert bigger.legend.fontsize > layout.legend.fontsize


def size_of(text):
    return 7.0 * len(text), 12.0


AREA = Box(0, 0, 400, 300)


@pytest.mark.parametrize(("marks", "expected"), [
    ([Mark("a", "Alpha", 100, 100, 1)], ["Alpha"]),
    # the same place twice is labelled once
    ([Mark("a", "Alpha", 100, 100, 1), Mark("a", "Alpha", 100, 100, 1)], ["Alpha"]),
    # two places at one point: both find room, on different sides
    ([Mark("a", "Alpha", 100, 100, 1), Mark("b", "Beta", 100, 100, 2)], ["Beta", "Alpha"]),
    # outside the map: no label
    ([Mark("a", "Alpha", 500, 100, 1)], []),
    # at the right edge the label goes left of its marker rather than off the map
    ([Mark("a", "Alpha", 395, 100, 1)], ["Alpha"]),
])
def test_place_labels(marks, expected):
    labels = place_labels(marks, size_of, AREA, radius=3)
    assert [label.text for label in labels] == expected
    for i, label in enumerate(labels):
        assert label.box.inside(AREA)
        assert not any(label.box.overlaps(other.box) for other in labels[i + 1:])


def test_a_crowd_keeps_the_most_mentioned_labels_and_drops_the_rest():
    crowd = [Mark(f"p{i}", f"Place number {i}", 200, 150 + i, weight=i) for i in range(12)]
    labels = place_labels(crowd, size_of, AREA, radius=3)
    assert 2 <= len(labels) < 12
    assert labels[0].text == "Place number 11"
    boxes = [label.box for label in labels]
    assert all(not a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_a_limit_caps_the_labels():
    spread = [Mark(f"p{i}", f"P{i}", 30 + 60 * (i % 6), 30 + 60 * (i // 6), weight=i) for i in range(12)]
    assert [label.text for label in place_labels(spread, size_of, AREA, radius=3, limit=3)] == ["P11", "P10", "P9"]
