"""Tour files: both formats read, and every broken file named with its line."""
from __future__ import annotations

import re
from datetime import date

import pytest

from mapapp.tours.tour import TourError, bundled_tours_folder, find_tours, load_tour

MARKDOWN = """\
---
title: A short tour
---
For the teacher: two steps.

## The telegram
doc: "003-03"
view: {lon: 45.9, lat: 39.5, z: 8, layers: [territories, places]}

Legrand writes from Tiflis.

Second paragraph.

> The Armenian government will be asked
> to indicate its consent.

- Who writes?
- To whom, and
  why?

## The agreement
date: 1920-08-10

Signed that day.
"""

YAML = """\
title: A YAML tour
summary: Two steps.
steps:
  - doc: "000-04"
    caption: A letter.
    questions:
      - Who writes?
  - date: 1921-03-01
    title: Moscow
    caption: A memorandum.
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_tour_reads_steps_caption_quote_questions(tmp_path):
    tour = load_tour(write(tmp_path, "short.md", MARKDOWN))
    assert (tour.name, tour.title, tour.summary) == ("short", "A short tour", "For the teacher: two steps.")
    first, second = tour.steps
    assert (first.title, first.doc, first.date) == ("The telegram", "003-03", None)
    assert (first.view.lon, first.view.lat, first.view.zoom) == (45.9, 39.5, 8)
    assert first.view.layers == ("territories", "places")
    assert first.caption == "Legrand writes from Tiflis.\n\nSecond paragraph."
    assert first.quote == "The Armenian government will be asked to indicate its consent."
    assert first.questions == ("Who writes?", "To whom, and why?")
    assert (second.date, second.caption, second.line) == (date(1920, 8, 10), "Signed that day.", 21)


def test_yaml_tour_reads_steps(tmp_path):
    tour = load_tour(write(tmp_path, "plain.yaml", YAML))
    assert [s.title for s in tour.steps] == ["Step 1", "Moscow"]
    assert tour.steps[1].date == date(1921, 3, 1)
    assert tour.steps[0].questions == ("Who writes?",)


BROKEN = [
    # (file name, text, line, words in the message)
    ("a.yaml", "title: x\nsteps:\n  - caption: no doc nor date\n", 3, "needs a 'doc' or a 'date'"),
    ("b.yaml", "title: x\nsteps:\n  - doc: a\n", 3, "missing 'caption'"),
    ("c.yaml", "title: x\nsteps:\n  - doc: a\n    caption: c\n    view: {lon: 200, lat: 39}\n", 5,
     "'lon' must be a number from -180 to 180"),
    ("d.yaml", "title: x\nsteps:\n  - doc: a\n    caption: c\n    view: {lon: 45}\n", 5, "both 'lon' and 'lat'"),
    ("e.yaml", "title: x\nsteps:\n  - doc: a\n    caption: c\n    view: {layers: [tiles]}\n", 5,
     "unknown layer 'tiles'"),
    ("f.yaml", "title: x\nsteps:\n  - date: 1920-13-01\n    caption: c\n", 3, "'date': expected a real day as YYYY-MM-DD"),
    ("g.yaml", "title: x\nsteps:\n  - doc: a\n    caption: c\n    colour: red\n", 3, "unknown key 'colour'"),
    ("h.yaml", "title: x\nsteps: []\n", 1, "non-empty list of 'steps'"),
    ("i.yaml", "title: x\nsteps:\n  - doc: a\n    caption: [c\n", 5, "not valid YAML"),
    ("j.yaml", "steps:\n  - doc: a\n    caption: c\n", 1, "missing 'title'"),
    ("k.md", "title: no front matter\n", 1, "starts with '---'"),
    ("l.md", "---\ntitle: x\n", 1, "not closed"),
    ("m.md", "---\ntitle: x\n---\n## One\ndoc: a\nview: {z: 40}\n\nCaption.\n", 6, "'z' must be a number"),
    ("n.md", "---\ntitle: x\n---\n## One\n\nNo doc here.\n", 4, "needs a 'doc' or a 'date'"),
    ("o.md", "---\ntitle: [x\n---\n## One\ndoc: a\n\nC.\n", 2, "broken YAML front matter"),
    ("p.txt", "title: x\n", None, "ends in"),
    ("q.yaml", "title: &t x\nsummary: *t\nsteps:\n  - doc: a\n    caption: c\n", 2, "aliases (*t) are not allowed"),
    ("r.md", "---\na0: &a0 [x, x, x]\n" + "\n".join([f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)])
     + "\n---\n## One\ndoc: a\n\nC.\n", 3, "aliases (*a0) are not allowed"),
    ("s.yaml", "title: x\ncolour: red\nsteps:\n  - doc: a\n    caption: c\n", 1, "unknown key 'colour'"),
    ("t.yaml", "title: x\nsteps:\n  - doc: a\n    caption: c\n    view: {z: 1" + "0" * 5000 + "}\n", 5,
     "a number longer than 40 digits"),
    ("u.yaml", "title: x\nsteps: " + "[" * 3000 + "]" * 3000 + "\n", 2, "nested more than 20 levels"),
]


@pytest.mark.parametrize(("name", "text", "line", "words"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_tour_names_file_line_and_problem(tmp_path, name, text, line, words):
    path = write(tmp_path, name, text)
    with pytest.raises(TourError) as caught:
        load_tour(path)
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_find_tours_earlier_folder_wins_and_odd_names_are_skipped(tmp_path):
    first, second = tmp_path / "corpus-tours", tmp_path / "bundled"
    first.mkdir()
    second.mkdir()
    write(first, "shared.md", MARKDOWN)
    write(second, "shared.yaml", YAML)
    write(second, "other.yaml", YAML)
    write(second, "Not A Name.yaml", YAML)
    write(second, "notes.txt", "x")
    found = find_tours([first, second, tmp_path / "missing"])
    assert found == {"shared": first / "shared.md", "other": second / "other.yaml"}


def test_the_bundled_tours_all_load():
    found = find_tours([bundled_tours_folder()])
    assert found, "no tour shipped in mapapp/tours/data/"
    for path in found.values():
        tour = load_tour(path)
        assert len(tour.steps) >= 6
        assert all(step.caption and step.questions for step in tour.steps)


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_the_shipped_tour_quotes_the_documents_word_for_word(seed_files):
    """Every quotation in the shipped tour (quote blocks and "..." in captions) is in the corpus."""
    corpus = _normalised(" ".join(path.read_text(encoding="utf-8") for path in seed_files))
    tour = load_tour(bundled_tours_folder() / "disputed-districts-1920-1921.md")
    quoted = []
    for step in tour.steps:
        quoted += [step.quote] if step.quote else []
        for text in (step.caption, *step.questions):
            quoted += [q for q in re.findall(r'"([^"]+)"', text) if len(q.split()) >= 4]
    assert len(quoted) >= 15
    missing = [q for q in quoted if _normalised(q) not in corpus]
    assert missing == []


def test_the_shipped_tour_covers_the_three_episodes_in_date_order():
    tour = load_tour(bundled_tours_folder() / "disputed-districts-1920-1921.md")
    dates = [step.date for step in tour.steps]
    assert dates == sorted(dates)
    assert any(date(1920, 8, 6) <= d <= date(1920, 8, 10) for d in dates)      # occupation, Legrand
    assert any(date(1920, 11, 30) <= d <= date(1921, 1, 31) for d in dates)    # the declarations
    assert any(date(1921, 2, 1) <= d <= date(1921, 3, 16) for d in dates)      # Moscow conference


MAP_LAYERS = [
    # a step's layers, the layers its live map and picture show: the period basemap under them
    ("[territories, places]", ("basemap", "relief", "territories", "places")),
    ("[territories, movements, network]", ("basemap", "relief", "territories", "movements", "network")),
    ("\"relief,places\"", ("relief", "places")),               # a step that chooses its ground keeps it
    ("[basemap, borders, territories]", ("basemap", "borders", "territories")),
    ("[]", None),                                             # none listed: the map's own default
]


@pytest.mark.parametrize(("listed", "shown"), MAP_LAYERS)
def test_steps_are_drawn_on_the_period_basemap(tmp_path, listed, shown):
    path = write(tmp_path, "t.yaml", f"title: x\nsteps:\n  - doc: a\n    caption: c\n    view: {{layers: {listed}}}\n")
    assert load_tour(path).steps[0].view.map_layers == shown
