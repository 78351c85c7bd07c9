"""Classroom tours: small YAML or Markdown files listing steps through documents and dates.

A tour is either plain YAML::

    title: The disputed districts, 1920-1921
    summary: One paragraph for the teacher.
    steps:
      - title: A telegram from Tiflis
        doc: "003-03"                # a document id, or `date: 1920-08-07`, or both
        view: {lon: 45.9, lat: 39.5, z: 8, layers: [territories, places, movements]}
        caption: Written for students.
        quote: The words of the document itself.
        questions: [What does ... ask for?]

or Markdown with the tour's fields in YAML front matter and one ``## `` section per step: the
section opens with ``key: value`` lines (doc, date, view), then a blank line, then the caption;
``> `` lines are the quote and ``- `` items the questions.
"""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from documents.errors import DocumentError
from documents.frontmatter import LineDict, front_matter, load_yaml
from mapapp import params
from mapapp.view_state import LAYERS as LAYER_NAMES

SUFFIXES = (".yaml", ".yml", ".md")
# The ground every step is drawn on unless its `layers` choose the ground themselves: the period
# basemap's land and named waters, and the relief, as the live map opens with them.
GROUND_LAYERS = ("basemap", "relief", "borders")
PERIOD_BASEMAP = ("basemap", "relief")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class TourError(Exception):
    """A tour file that cannot be used, naming the file, the line and the problem."""

    def __init__(self, message: str, source: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class View:
    """Where the map looks during a step; None leaves the viewer's choice."""

    lon: float | None = None
    lat: float | None = None
    zoom: int | None = None
    layers: tuple[str, ...] = ()

    @property
    def map_layers(self) -> tuple[str, ...] | None:
        """The layers the map shows: the listed ones on the period basemap (unless they name the
        ground themselves: basemap, relief or borders); None, the map's own default, when none are listed."""
        if not self.layers:
            return None
        if any(layer in GROUND_LAYERS for layer in self.layers):
            return self.layers
        return PERIOD_BASEMAP + self.layers


@dataclass(frozen=True)
class TourStep:
    title: str
    caption: str
    doc: str | None = None
    date: date | None = None
    view: View = View()
    quote: str | None = None
    questions: tuple[str, ...] = ()
    line: int = 1


@dataclass(frozen=True)
class Tour:
    name: str
    title: str
    steps: tuple[TourStep, ...]
    summary: str = ""
    source: str = ""


def _yaml(text: str, source: str, first_line: int = 1) -> object:
    """Parse YAML text with documents' one YAML reader; a TourError with the file's line otherwise."""
    try:
        return load_yaml(text, source, first_line)
    except DocumentError as err:
        raise TourError(err.message, source, err.line) from None


def _text(value: object, field: str, source: str, line: int, required: bool = False) -> str | None:
    """The value as text with its whitespace collapsed, paragraphs (blank lines) kept."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise TourError(f"missing {field!r}", source, line)
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TourError(f"{field!r} must be text", source, line)
    paragraphs = re.split(r"\n\s*\n", str(value).strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _date(value: object, source: str, line: int) -> date | None:
    """The step's day, read as a `date=` parameter is (`params.day`)."""
    if value is None:
        return None
    try:
        return params.day("date", str(value))
    except params.ParamError as err:
        raise TourError(f"'date': {err.expected}, not {value!r}", source, line) from None


def _number(view: dict, key: str, low: float, high: float, source: str, line: int) -> float | None:
    value = view.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise TourError(f"view {key!r} must be a number from {low} to {high}, not {value!r}", source, line)
    return float(value)


def _view(value: object, source: str, line: int) -> View:
    """The step's map view; TourError for unknown keys, out-of-range numbers or layers."""
    if value is None:
        return View()
    if not isinstance(value, dict):
        raise TourError("'view' must be a mapping like {lon: 45.9, lat: 39.5, z: 8}", source, line)
    line = getattr(value, "line", line)
    unknown = sorted(map(str, set(value) - {"lon", "lat", "z", "layers"}))
    if unknown:
        raise TourError(f"unknown view key {unknown[0]!r} (use lon, lat, z, layers)", source, line)
    lon = _number(value, "lon", -180, 180, source, line)
    lat = _number(value, "lat", -90, 90, source, line)
    if (lon is None) != (lat is None):
        raise TourError("view needs both 'lon' and 'lat', or neither", source, line)
    zoom = _number(value, "z", 1, 18, source, line)
    layers = value.get("layers") or []
    if isinstance(layers, str):
        layers = [part.strip() for part in layers.split(",") if part.strip()]
    bad = [layer for layer in layers if layer not in LAYER_NAMES]
    if not isinstance(layers, list) or bad:
        raise TourError(f"unknown layer {bad[0] if bad else layers!r} (one of {', '.join(LAYER_NAMES)})",
                        source, line)
    return View(lon=lon, lat=lat, zoom=int(zoom) if zoom is not None else None, layers=tuple(layers))


def _questions(value: object, source: str, line: int) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(q, str) and q.strip() for q in value):
        raise TourError("'questions' must be a list of texts", source, line)
    return tuple(" ".join(q.split()) for q in value)


STEP_KEYS = {"title", "caption", "doc", "date", "view", "quote", "questions"}
TOUR_KEYS = {"title", "summary", "steps"}


def step_from_mapping(raw: object, number: int, source: str, line: int) -> TourStep:
    """Return the TourStep a mapping describes; TourError naming the file and line otherwise."""
    if not isinstance(raw, dict):
        raise TourError(f"step {number} must be a mapping", source, line)
    line = getattr(raw, "line", line)
    unknown = sorted(map(str, set(raw) - STEP_KEYS))
    if unknown:
        raise TourError(f"step {number}: unknown key {unknown[0]!r} (use {', '.join(sorted(STEP_KEYS))})",
                        source, line)
    doc = _text(raw.get("doc"), "doc", source, line)
    when = _date(raw.get("date"), source, line)
    if doc is None and when is None:
        raise TourError(f"step {number} needs a 'doc' or a 'date'", source, line)
    return TourStep(
        title=_text(raw.get("title"), "title", source, line) or f"Step {number}",
        caption=_text(raw.get("caption"), "caption", source, line, required=True),
        doc=doc, date=when, view=_view(raw.get("view"), source, line),
        quote=_text(raw.get("quote"), "quote", source, line),
        questions=_questions(raw.get("questions"), source, line), line=line)


def tour_from_mapping(raw: object, name: str, source: str) -> Tour:
    """Return the Tour a parsed YAML document describes."""
    if not isinstance(raw, dict):
        raise TourError("a tour must be a mapping with 'title' and 'steps'", source, 1)
    unknown = sorted(map(str, set(raw) - TOUR_KEYS))
    if unknown:
        raise TourError(f"unknown key {unknown[0]!r} (use {', '.join(sorted(TOUR_KEYS))})",
                        source, getattr(raw, "line", 1))
    steps = raw.get("steps")
    if not isinstance(steps, list) or not steps:
        raise TourError("a tour needs a non-empty list of 'steps'", source, getattr(raw, "line", 1))
    return Tour(
        name=name, source=source,
        title=_text(raw.get("title"), "title", source, getattr(raw, "line", 1), required=True),
        summary=_text(raw.get("summary"), "summary", source, 1) or "",
        steps=tuple(step_from_mapping(s, i, source, getattr(raw, "line", 1))
                    for i, s in enumerate(steps, start=1)))


KEY_LINE = re.compile(r"^[a-z_]+:(\s|$)")


def _front_matter(lines: list[str], source: str) -> tuple[dict, int]:
    """The YAML front matter of a Markdown tour and the index of the line after it."""
    try:
        meta, close = front_matter(lines, source)
    except DocumentError as err:
        raise TourError(err.message, source, err.line) from None
    return meta, close + 1


def _markdown_step(heading: str, body: list[str], first: int, source: str) -> dict:
    """The step mapping of one '## ' section; `first` is the file line number of body[0]."""
    i = 0
    while i < len(body) and not body[i].strip():
        i += 1
    start = i
    while i < len(body) and KEY_LINE.match(body[i]):
        i += 1
    step = _yaml("\n".join(body[start:i]), source, first_line=first + start) if i > start else None
    step = step if isinstance(step, dict) else LineDict()
    step.line = first - 1
    step.setdefault("title", heading)
    caption, quote, questions = [], [], []
    for text in body[i:]:
        if text.startswith(">"):
            quote.append(text[1:].strip())
        elif re.match(r"^\s*[-*] ", text):
            questions.append(text.strip()[2:])
        elif questions and text.startswith("  ") and text.strip():
            questions[-1] += " " + text.strip()
        else:
            caption.append(text)
    step.setdefault("caption", "\n".join(caption).strip())
    if quote:
        step.setdefault("quote", " ".join(quote))
    if questions:
        step.setdefault("questions", questions)
    return step


def parse_markdown(text: str, name: str, source: str) -> Tour:
    """Return the Tour a Markdown file (front matter + one '## ' section per step) describes."""
    lines = text.splitlines()
    meta, i = _front_matter(lines, source)
    sections: list[tuple[str, int, list[str]]] = []
    intro: list[str] = []
    for number, line in enumerate(lines[i:], start=i + 1):
        if line.startswith("## "):
            sections.append((line[3:].strip(), number + 1, []))
        elif sections:
            sections[-1][2].append(line)
        else:
            intro.append(line)
    meta.setdefault("summary", "\n".join(intro).strip() or None)
    meta["steps"] = [_markdown_step(h, body, first, source) for h, first, body in sections]
    return tour_from_mapping(meta, name, source)


def load_tour(path: Path) -> Tour:
    """Return the tour in a .yaml/.yml/.md file; TourError naming the file and line otherwise."""
    path = Path(path)
    source = str(path)
    if path.suffix not in SUFFIXES:
        raise TourError(f"a tour file ends in {', '.join(SUFFIXES)}", source)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise TourError("not a regular file", source)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise TourError(f"cannot read: {err}", source) from None
    name = path.stem
    if path.suffix == ".md":
        return parse_markdown(text, name, source)
    return tour_from_mapping(_yaml(text, source), name, source)


def bundled_tours_folder() -> Path:
    """The folder of tours shipped with the package (mapapp/tours/data/)."""
    return Path(__file__).resolve().parent / "data"


def find_tours(folders: list[Path]) -> dict[str, Path]:
    """Tour files by name (file stem) in `folders`; an earlier folder wins a name clash."""
    found: dict[str, Path] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).iterdir()):
            if path.suffix in SUFFIXES and NAME_PATTERN.match(path.stem) and path.stem not in found:
                found[path.stem] = path
    return found
