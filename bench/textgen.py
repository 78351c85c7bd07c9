"""Varied text of any size for the benchmarks: the corpus's paragraphs, reshuffled, between
sentences made from the gazetteer's names and dates.

    python bench/textgen.py --kb 800 > long.txt

The paragraphs come from the bundled seed pages and the held-out encyclopedic passages
(bench/heldout/texts), drawn at random (a fixed seed), so a long text is not one text copied.
Between them go sentences naming curated places of the gazetteer (every one in turn, in random
order) with dates written in the forms the documents use, some without a year ("on 6 August",
"on 22.II"), which take theirs from the text before them.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "documents" / "corpus", ROOT / "bench" / "heldout" / "texts")
QUALIFIER = re.compile(r"\s*\([^)]*\)")   # "Nukha (uyezd)": the text writes "Nukha"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
SENTENCES = (
    "On {day} {month} {year} the detachment moved from {a} to {b}.",
    "By {month} {year} the troops had withdrawn from {a} towards {b}, and on {day} {month} they reached {c}.",
    "The telegram from {a} of {day}/{roman} reports that the road to {b} is held.",
    "Our units occupied {a} on {day}.{roman}, and the enemy fell back on {b} and {c}.",
    "In {year} the district of {a} was claimed by both sides; the village of {b} changed hands twice.",
    "Refugees from {a} and {b} arrived in {c} on {day} {month}.",
    "{a}, {b} and {c} were named in the report of {month} {day}, {year}.",
)


def paragraphs() -> list[str]:
    """Return the paragraphs of the bundled corpus and the held-out passages."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return found


def place_names() -> list[str]:
    """Return the preferred names of the gazetteer's curated places (alphabetical)."""
    from gazetteer.places.index import load_gazetteer

    names = (QUALIFIER.sub("", p.name).strip() for p in load_gazetteer(broad=False).places)
    return sorted({name for name in names if name and name.isascii()})


class TextMaker:
    """Makes text from the corpus and the gazetteer, the same for the same seed."""

    def __init__(self, seed: int = 1920):
        self.random = random.Random(seed)
        self.paragraphs = paragraphs()
        self.names = place_names()
        self._names: list[str] = []

    def _name(self) -> str:
        if not self._names:   # every name in turn, each round in a new order
            self._names = self.names[:]
            self.random.shuffle(self._names)
        return self._names.pop()

    def sentence(self) -> str:
        """Return one sentence naming places and dates."""
        month = self.random.randrange(12)
        return self.random.choice(SENTENCES).format(
            a=self._name(), b=self._name(), c=self._name(), day=self.random.randint(1, 28),
            month=MONTHS[month], roman=ROMAN[month], year=self.random.choice((1918, 1919, 1920, 1921)))

    def paragraph(self) -> str:
        """Return a corpus paragraph, or a few made sentences (about one time in three)."""
        if self.random.random() < 0.35:
            return " ".join(self.sentence() for _ in range(self.random.randint(2, 6)))
        return self.random.choice(self.paragraphs)

    def text(self, size: int) -> str:
        """Return about `size` characters (whole paragraphs, cut at `size`)."""
        out, length = [], 0
        while length < size:
            out.append(self.paragraph())
            length += len(out[-1]) + 2
        return "\n\n".join(out)[:size]


def long_text(characters: int, seed: int = 1920) -> str:
    """Return one text of `characters` characters."""
    return TextMaker(seed).text(characters)


def short_texts(count: int, characters: int = 2000, seed: int = 1921) -> list[str]:
    """Return `count` different texts of about `characters` characters each."""
    maker = TextMaker(seed)
    return [maker.text(characters) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=float, default=400, help="size in thousands of characters (default 400)")
    parser.add_argument("--seed", type=int, default=1920)
    args = parser.parse_args()
    sys.stdout.write(long_text(int(args.kb * 1000), args.seed))


if __name__ == "__main__":
    main()
