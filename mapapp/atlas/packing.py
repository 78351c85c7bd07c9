"""How the atlas stores its longer JSON columns: zlib-compressed, each kind of column with a preset
dictionary of its own (zdicts/<kind>.txt), and read back to the same text, byte for byte.

A mention's record, a movement's properties, most of their words recur from row to row (the
keys, the reasons in words, the places' names and points) but not within one short row, which
zlib alone shrinks by a third; primed with a dictionary of such rows, to a fifth or an eighth.
The dictionaries are our own rows (bench/zdicts.py makes them from atlases of the bundled and of
a generated corpus). An atlas records the digest of the dictionaries it was written with
(`DIGEST`, meta `packing`): one written with others is rebuilt, as one of another schema is.

A document's text is packed too ("body"): the full-text index keeps its own words (contentless),
and SQL that must read the text (the LIKE search where FTS5 is missing) calls `unpacked(kind, x)`,
which `register` gives a connection. A movement's line is stored as whole-number steps
(`steps`), to the byte the same JSON once read back, and zlib'd JSON only where that cannot be.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "zdicts"
# The packed columns: a mention's record, a movement's properties and geometry, a document's
# dates, a place's Feature head, a document's text, a place's names.
KINDS = ("mention", "movement", "geometry", "dates", "place", "body", "names")
DICTIONARIES = {kind: (FOLDER / f"{kind}.txt").read_bytes() for kind in KINDS}
# Packed without a dictionary: a territory's Feature and timeline (few rows, each long enough alone).
DICTIONARIES["territory"] = b""
DIGEST = hashlib.sha256(b"".join(hashlib.sha256(DICTIONARIES[k]).digest() for k in KINDS)).hexdigest()[:16]
LEVEL = 9


# The first byte of a packed line: how the rest is stored.
DEFLATED, STEPS = b"z", b"s"


def pack(kind: str, text: str) -> bytes:
    """The bytes stored for `text` (JSON, or a document's text) in a column of `kind`."""
    if kind == "geometry":
        return steps(text) or DEFLATED + deflate(kind, text)
    return deflate(kind, text)


def unpack(kind: str, stored: bytes) -> str:
    """The text that `pack(kind, text)` stored."""
    if kind == "geometry":
        return from_steps(stored[1:]) if stored[:1] == STEPS else inflate(kind, stored[1:])
    return inflate(kind, stored)


def deflate(kind: str, text: str) -> bytes:
    primed = (DICTIONARIES[kind],) if DICTIONARIES[kind] else ()
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, *primed)
    return compressor.compress(text.encode("utf-8")) + compressor.flush()


def inflate(kind: str, stored: bytes) -> str:
    primed = (DICTIONARIES[kind],) if DICTIONARIES[kind] else ()
    return zlib.decompressobj(-15, *primed).decompress(stored).decode("utf-8")


def text_of(kind: str, value: bytes | str | None) -> str | None:
    """A packed column's text as a store gives it: PostgreSQL keeps a document's text plain."""
    return value if value is None or isinstance(value, str) else unpack(kind, bytes(value))


def register(conn: sqlite3.Connection) -> None:
    """Give a SQLite connection `unpacked(kind, column)`: the text of a packed column, for SQL that reads it."""
    conn.create_function("unpacked", 2, text_of, deterministic=True)


# A line (or point) whose numbers are all decimals with at most MAX_DECIMALS digits after the
# point, as JSON writes floats, is stored as integers: the number of decimals d, then for each
# point its coordinates times 10**d, as zigzag varints: the first point whole, the second as its
# step from the first, the others as the change of step (the drawn lines are mostly even steps
# along a straight course, so that is a byte or two). n / 10**d is the float nearest the decimal
# n·10⁻ᵈ, which is the float that was written, so its JSON comes back to the byte; `steps` checks it.
SHAPES = {"Point": b"P", "LineString": b"L"}
MAX_DECIMALS = 9


def steps(text: str) -> bytes | None:
    """A GeoJSON Point or LineString as STEPS bytes, or None when it cannot come back to the byte so."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or list(value) != ["type", "coordinates"] or value["type"] not in SHAPES:
        return None
    points = [value["coordinates"]] if value["type"] == "Point" else value["coordinates"]
    if not isinstance(points, list) or not points or not all(
            isinstance(p, list) and len(p) == 2 and all(type(x) is float for x in p) for p in points):
        return None
    written = [repr(x) for p in points for x in p]
    if any("e" in w or "n" in w for w in written):   # exponents, inf, nan
        return None
    decimals = max(len(w.partition(".")[2]) for w in written)
    if decimals > MAX_DECIMALS:
        return None
    scale = 10 ** decimals
    out = bytearray(STEPS + SHAPES[value["type"]] + bytes([decimals]))
    for i, point in enumerate(points):
        for axis, x in enumerate(point):
            n = round(x * scale)
            if i >= 1:
                n -= round(points[i - 1][axis] * scale)
            if i >= 2:
                n -= round(points[i - 1][axis] * scale) - round(points[i - 2][axis] * scale)
            _varint(out, n)
    stored = bytes(out)
    return stored if from_steps(stored[1:]) == text else None


@lru_cache(maxsize=8192)   # many movements follow the same roads between the same places
def from_steps(stored: bytes) -> str:
    """The GeoJSON text of a line (or point) that `steps` stored (without its first byte)."""
    # Called for every line of a window: the varints read in one loop, the sums by accumulate.
    scale = 10 ** stored[1]
    numbers, n, shift = [], 0, 0
    for byte in stored[2:]:
        n |= (byte & 0x7F) << shift
        if byte < 0x80:
            numbers.append((n >> 1) ^ -(n & 1))   # zigzag
            n = shift = 0
        else:
            shift += 7
    if stored[:1] == SHAPES["Point"]:
        return f'{{"type":"Point","coordinates":[{numbers[0] / scale!r},{numbers[1] / scale!r}]}}'
    xs, ys = numbers[:1], numbers[1:2]
    if len(numbers) > 2:   # the first point, the first step, then each change of step
        xs = accumulate(accumulate(numbers[4::2], initial=numbers[2]), initial=numbers[0])
        ys = accumulate(accumulate(numbers[5::2], initial=numbers[3]), initial=numbers[1])
    return ('{"type":"LineString","coordinates":[' +
            ",".join([f"[{x / scale!r},{y / scale!r}]" for x, y in zip(xs, ys, strict=True)]) + "]}")


def pack_counts(counts: dict[int, int]) -> bytes | None:
    """A document's mentions of each place ({place rowid: mentions}) as stored: None when it names no
    place, else for each place by rowid its step from the one before and its count, in varints."""
    if not counts:
        return None
    out, before = bytearray(), 0
    for place in sorted(counts):
        _varint(out, place - before)
        _varint(out, counts[place])
        before = place
    return bytes(out)


def unpack_counts(stored: bytes | None) -> dict[int, int]:
    """The {place rowid: mentions} that `pack_counts` stored."""
    counts, at, place = {}, 0, 0
    while stored and at < len(stored):
        step, at = _read_varint(stored, at)
        place += step
        counts[place], at = _read_varint(stored, at)
    return counts


def _varint(out: bytearray, n: int) -> None:
    n = n * 2 if n >= 0 else -n * 2 - 1   # zigzag: small negative numbers stay short
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)


def _read_varint(stored: bytes, at: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte = stored[at]
        at += 1
        n |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return (n >> 1 if n % 2 == 0 else -(n >> 1) - 1), at


def pack_or_none(kind: str, text: str | None) -> bytes | None:
    return None if text is None else pack(kind, text)


def unpack_or_none(kind: str, stored: bytes | None) -> str | None:
    return None if stored is None else unpack(kind, stored)
