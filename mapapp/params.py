"""The one reading of a parameter, from a URL or the command line: a day, a window of days, a
bbox, a page, a tour step, a search text, a size in pixels, a map centre and zoom.

Pure functions of the text as given (None, or text that is only blanks, means absent). A value
that cannot be read raises `ParamError` naming the parameter; the app's error table answers it
400 `bad_parameter`, the command line prints it on one line and exits 2. Every parameter is
bounded, so no value reaches date arithmetic, SQL or `int()` beyond what they can take.
"""
from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from gazetteer.model import LonLat

# The days the app can show: those of the years the date finder reads in documents
# (documents.date_forms.FULL_YEAR, 1700-2099; a test pins that they agree), so whatever a corpus
# is dated to can be asked for. The corpus is of 1918-1921; wider would only admit days no
# document has. The bounds also keep arithmetic safe: a window (MAX_WINDOW_DAYS) or a document's
# span subtracted from the first day stays centuries above `date.min`, where `date - timedelta`
# overflows; and every day has four digits of year, so ISO days sort as text, as the atlas
# compares them.
FIRST_DAY = date(1700, 1, 1)
LAST_DAY = date(2099, 12, 31)
DAY_FORM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

DEFAULT_WINDOW_DAYS = 30
MAX_WINDOW_DAYS = (LAST_DAY - FIRST_DAY).days    # a window from the last day back to the first
UP_TO = ("upto", "all", "until")                 # every document up to the day (the page writes "upto")

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_PAGE = 1_000_000
# Search text: a search box needs a few words; SQLite refuses LIKE patterns over 50,000 bytes.
MAX_TEXT = 200
MAX_PIXELS = 100_000
MIN_ZOOM, MAX_ZOOM = 1, 18

WHOLE = re.compile(r"[+-]?[0-9]{1,9}")           # ASCII digits only: int() also reads '٣', not '²'
NUMBER = re.compile(r"[+-]?(?:[0-9]{1,12}(?:\.[0-9]{0,12})?|\.[0-9]{1,12})(?:[eE][+-]?[0-9]{1,3})?")
SHOWN = 40                                       # characters of a bad value repeated in the message


class Window(NamedTuple):
    """An inclusive date window, ISO strings; either end may be open (None)."""

    start: str | None = None
    end: str | None = None

    @property
    def open(self) -> bool:
        return self.start is None and self.end is None


class BBox(NamedTuple):
    west: float
    south: float
    east: float
    north: float


class Page(NamedTuple):
    number: int = 1
    size: int = DEFAULT_PER_PAGE


def N_(message: str) -> str:
    """Mark `message` as a message id for the catalogues (translated where it is shown)."""
    return message


class ParamError(ValueError):
    """A parameter that cannot be read: its `name`, the `value` given and what was `expected`.

    `expected` is a message id with %(name)s placeholders filled from `values`, so the web layer
    can say it in the reader's language (`template` and `values` keep the parts).
    """

    def __init__(self, name: str, value: object, expected: str, **values: object):
        self.name, self.value, self.template, self.values = name, value, expected, values
        self.expected = expected % values if values else expected
        super().__init__(f"{name}={shown(value)}: {self.expected}")


def shown(value: object) -> str:
    """The value as a message repeats it: quoted, escaped, and cut short when long."""
    text = str(value)
    if len(text) <= SHOWN:
        return repr(text)
    return f"{text[:SHOWN]!r}… ({len(text):,} characters)"


def given(text: str | None) -> str | None:
    """The text without surrounding blanks; None when absent or blank."""
    if text is None:
        return None
    text = str(text).strip()
    return text or None


# --- days and windows --------------------------------------------------------------------------
def day(name: str, text: str | None) -> date | None:
    """The day written YYYY-MM-DD in `text`, from FIRST_DAY to LAST_DAY; None when absent."""
    text = given(text)
    if text is None:
        return None
    found = None
    if DAY_FORM.fullmatch(text):
        try:
            found = date.fromisoformat(text)
        except ValueError:
            found = None
    if found is None or not FIRST_DAY <= found <= LAST_DAY:
        raise ParamError(name, text, "expected a real day as YYYY-MM-DD from %(first)s to %(last)s",
                         first=FIRST_DAY, last=LAST_DAY)
    return found


def iso_day(name: str, text: str | None) -> str | None:
    """The day in `text` as ISO text (see `day`); None when absent."""
    found = day(name, text)
    return found.isoformat() if found else None


def date_window(start: str | None, end: str | None) -> Window:
    """The window `from`..`to` (either end open); ParamError when `from` is after `to`."""
    window = Window(iso_day("from", start), iso_day("to", end))
    if window.start and window.end and window.start > window.end:
        raise ParamError("from", window.start, "is after to=%(end)s", end=window.end)
    return window


def window_mode(text: str | None) -> str | None:
    """The `window` of a view as it is kept: N days ("30") or an up-to word; None when absent."""
    text = given(text)
    if text is None or text in UP_TO:
        return text
    return str(whole_number("window", text, 1, MAX_WINDOW_DAYS,
                            expected=N_("'upto' or a number of days from 1 to %(high)s")))


def window_days(text: str | None) -> int | None:
    """How many days before the view's day its documents reach: DEFAULT_WINDOW_DAYS when
    `window` is absent, None for every document up to the day."""
    mode = window_mode(text)
    if mode is None:
        return DEFAULT_WINDOW_DAYS
    return None if mode in UP_TO else int(mode)


# --- numbers -----------------------------------------------------------------------------------
def whole_number(name: str, text: str | int | None, low: int, high: int, default: int | None = None,
                 expected: str | None = None) -> int | None:
    """The whole number in `text` from `low` to `high`; `default` when absent.

    `expected`, the message of a refusal, may use %(low)s and %(high)s."""
    text = given(text)
    if text is None:
        return default
    if not WHOLE.fullmatch(text) or not low <= int(text) <= high:
        raise ParamError(name, text, expected or N_("expected a whole number from %(low)s to %(high)s"),
                         low=low, high=high)
    return int(text)


def decimal(text: str, low: float, high: float) -> float | None:
    """The decimal number in `text` from `low` to `high`; None when it is none (inf, nan and
    digits of other scripts are none)."""
    text = text.strip()
    if not NUMBER.fullmatch(text) or not low <= float(text) <= high:
        return None
    return float(text)


def page(number_text: str | None, size_text: str | None) -> Page:
    """The page asked for by `page` (1...) and `per_page` (1 to MAX_PER_PAGE)."""
    return Page(whole_number("page", number_text, 1, MAX_PAGE, default=1),
                whole_number("per_page", size_text, 1, MAX_PER_PAGE, default=DEFAULT_PER_PAGE))


def step(text: str | None, count: int) -> int:
    """The 1-based step of a tour of `count` steps asked for by `step`; 1 when absent."""
    return whole_number("step", text, 1, count, default=1, expected=N_("this tour has steps 1 to %(high)s"))


def pixels(name: str, text: str | int | None) -> int | None:
    """A size in pixels (oEmbed's maxwidth, maxheight) from 1 to MAX_PIXELS; None when absent."""
    return whole_number(name, text, 1, MAX_PIXELS,
                        expected=N_("expected a whole number of pixels from 1 to %(high)s"))


# --- answers cut to what a map shows (the API's `limit` and `doc_limit`) ---------------------
MAX_LIMIT = 5000          # features in one capped answer
MAX_DOC_LIMIT = 500       # document ids a place lists in a capped answer (as a page of documents)


def limit(text: str | None) -> int | None:
    """How many features a capped answer keeps (1 to MAX_LIMIT); None when absent (all of them)."""
    return whole_number("limit", text, 1, MAX_LIMIT)


def doc_limit(text: str | None) -> int | None:
    """How many document ids each place lists (0 to MAX_DOC_LIMIT); None when absent (all of them)."""
    return whole_number("doc_limit", text, 0, MAX_DOC_LIMIT)


# --- places on the map -------------------------------------------------------------------------
def bbox(text: str | None) -> BBox | None:
    """The box `west,south,east,north` in degrees (west > east crosses 180°); None when absent."""
    text = given(text)
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) == 4:
        box = BBox(*(decimal(part, -limit, limit) for part, limit in zip(parts, (180, 90, 180, 90), strict=True)))
        if None not in box and box.south <= box.north:
            return box
    raise ParamError("bbox", text, "expected four numbers west,south,east,north: longitudes from -180 to 180, "
                                   "latitudes from -90 to 90, south <= north")


def centre(text: str | None) -> LonLat | None:
    """The map centre `ll`, written "lat,lon" as the page writes it (Leaflet's order); None when absent."""
    text = given(text)
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) == 2:
        lat, lon = decimal(parts[0], -90, 90), decimal(parts[1], -180, 180)
        if lat is not None and lon is not None:
            return LonLat(lon, lat)
    raise ParamError("ll", text, "expected 'lat,lon' on the globe, e.g. ll=39.5,46.0")


def zoom(text: str | None) -> float | None:
    """The zoom level `z`, from MIN_ZOOM to MAX_ZOOM; None when absent."""
    text = given(text)
    if text is None:
        return None
    found = decimal(text, MIN_ZOOM, MAX_ZOOM)
    if found is None:
        raise ParamError("z", text, "expected a zoom level from %(low)s to %(high)s", low=MIN_ZOOM, high=MAX_ZOOM)
    return found


# --- words -------------------------------------------------------------------------------------
def short_text(name: str, text: str | None) -> str | None:
    """Text to search for (`q`) or an id to match (`place`), at most MAX_TEXT characters; None when absent."""
    text = given(text)
    if text is not None and len(text) > MAX_TEXT:
        raise ParamError(name, text, "expected at most %(count)s characters", count=MAX_TEXT)
    return text


def choice(name: str, text: str | None, options: tuple[str, ...]) -> str:
    """One of `options` (case ignored); the first when absent."""
    text = given(text)
    if text is None:
        return options[0]
    if text.lower() not in options:
        raise ParamError(name, text, "expected one of %(options)s", options=", ".join(options))
    return text.lower()
