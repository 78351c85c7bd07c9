"""How the atlas stores its longer JSON columns: zlib-compressed, each kind of column with a preset
dictionary of its own (zdicts/<kind>.txt), and read back to the same text, byte for byte.

A mention's record, a movement's properties, most of their words recur from row to row (the
keys, the reasons in words, the places' names and points) but not within one short row, which
zlib alone shrinks by a third; primed with a dictionary of such rows, to a fifth or an eighth.
The dictionaries are our own rows (bench/zdicts.py makes them from atlases of the bundled and of
a generated corpus). An atlas records the digest of the dictionaries it was written with
(`DIGEST`, meta `packing`): one written with others is rebuilt, as one of another schema is.
"""
from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "zdicts"
# The packed columns: a mention's record, a movement's properties and geometry, a document's
# dates, a place's Feature head.
KINDS = ("mention", "movement", "geometry", "dates", "place")
DICTIONARIES = {kind: (FOLDER / f"{kind}.txt").read_bytes() for kind in KINDS}
DIGEST = hashlib.sha256(b"".join(hashlib.sha256(DICTIONARIES[k]).digest() for k in KINDS)).hexdigest()[:16]
LEVEL = 9


def pack(kind: str, text: str) -> bytes:
    """The bytes stored for JSON `text` in a column of `kind`."""
    compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, DICTIONARIES[kind])
    return compressor.compress(text.encode("utf-8")) + compressor.flush()


def unpack(kind: str, stored: bytes) -> str:
    """The JSON text that `pack(kind, text)` stored."""
    return zlib.decompressobj(-15, DICTIONARIES[kind]).decompress(stored).decode("utf-8")


def pack_or_none(kind: str, text: str | None) -> bytes | None:
    return None if text is None else pack(kind, text)


def unpack_or_none(kind: str, stored: bytes | None) -> str | None:
    return None if stored is None else unpack(kind, stored)
