"""Words split at a line end, rejoined, with a map back to the offsets of the original text.

OCR output of printed pages keeps the typesetter's line-end hyphens: "Alexan-\\ndropol". A
hyphen at a line end between two letters, the second lower case, is such a break: the hyphen,
the line break and the spaces around it are cut, and the word is read whole. A capital after
it ("Nagorno-\\nKarabakh", "Erivan-\\nJulfa") is a hyphen of the text, kept.

The analysis reads the rejoined text; every offset it finds is mapped back, so what it reports
points into the text as written. The map holds one entry per cut, not one per character.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# A letter, a hyphen, the line end (spaces around it), a lower-case letter. The hyphen comes
# first and the letter before it is looked behind at from there, so that the search skips from
# hyphen to hyphen in C (a pattern that begins by looking behind is tried at every character).
_BREAK = re.compile(r"-(?<=[^\W\d_]-)[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


@dataclass(frozen=True)
class Dehyphenated:
    """A text with its line-end hyphens cut: `text`, and where the cuts were.

    `cuts[i]` is the offset in `text` where the i-th cut was made, `removed[i]` how many
    characters of the original were cut there and before (a running total).
    """

    text: str
    cuts: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()

    def start_in_original(self, offset: int) -> int:
        """Return the original offset of the character at `offset` (a span's start)."""
        i = bisect_right(self.cuts, offset)
        return offset + (self.removed[i - 1] if i else 0)

    def end_in_original(self, offset: int) -> int:
        """Return the original offset just after the character before `offset` (a span's end)."""
        i = bisect_left(self.cuts, offset)
        return offset + (self.removed[i - 1] if i else 0)

    def span_in_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of text[start:end]."""
        return self.start_in_original(start), self.end_in_original(end)

    def crosses_a_cut(self, start: int, end: int) -> bool:
        """True when text[start:end] holds a rejoined word's two halves."""
        i = bisect_right(self.cuts, start)
        return i < len(self.cuts) and self.cuts[i] < end


def dehyphenate(text: str) -> Dehyphenated:
    """Return `text` with its line-end word breaks rejoined, and the map back to `text`."""
    if "\n" not in text or "-" not in text:
        return Dehyphenated(text)
    pieces, cuts, removed = [], [], []
    last, total = 0, 0
    for match in _BREAK.finditer(text):
        if not text[match.end()].islower():
            continue
        pieces.append(text[last:match.start()])
        total += match.end() - match.start()
        cuts.append(match.start() - (total - (match.end() - match.start())))
        removed.append(total)
        last = match.end()
    if not cuts:
        return Dehyphenated(text)
    pieces.append(text[last:])
    return Dehyphenated("".join(pieces), tuple(cuts), tuple(removed))
