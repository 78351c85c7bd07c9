"""Make the preset dictionaries the atlas compresses its JSON columns with (mapapp/atlas/packing.py):
for each kind of column, 32 KB of its rows, drawn at random (seeded) from the atlases given.

    python bench/corpus_gen.py /tmp/train --documents 400 --seed 7      # not the benchmark's seed
    chronotope build --corpus /tmp/train --out /tmp/train-atlas
    chronotope build --out /tmp/bundled-atlas                             # the bundled corpus
    python bench/zdicts.py /tmp/train-atlas /tmp/bundled-atlas --out mapapp/atlas/zdicts [--kinds body]

The dictionaries in the repository were made so, from a generated corpus of 400 documents with
seed 7 and the bundled corpus: the benchmarks' corpora (seed 1920) are not among them. All but
one: the documents' text (`body`) is prose, and a dictionary of generated prose holds the
generator's own sentences, which flatters the generated benchmarks (286 B a document against 546 B)
and serves real text worse (the held-out English passages: 764 B against 634 B). It is made from
real text only, the bundled corpus and the development sets (never the held-out ones):

    python bench/zdicts.py /tmp/bundled-atlas --kinds body --texts bench/devset/texts/*.txt \
        bench/devset_dispatches/texts/*.txt bench/russian/texts/*.txt bench/russian_others/texts/*.txt
Changing a dictionary changes the atlas's `packing` digest: atlases written before are rebuilt.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapapp.atlas import packing  # noqa: E402
from mapapp.atlas.versions import current_file, read_only  # noqa: E402

COLUMNS = {"mention": ("mentions", "record"), "movement": ("movements", "props"),
           "geometry": ("movements", "geometry"), "dates": ("documents", "dates"), "place": ("places", "head"),
           "body": ("documents", "body"), "names": ("places", "names")}
SIZE = 32 * 1024   # zlib's window: more would never be reached


def values(path: Path, kind: str) -> list[str]:
    """The texts of one kind of column in an atlas (packed ones unpacked with today's dictionaries)."""
    table, column = COLUMNS[kind]
    with read_only(path) as conn:
        found = [r[0] for r in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")]
    return [packing.text_of(kind, v) for v in found]


def dictionary(texts: list[str], seed: int) -> bytes:
    """32 KB of the texts in a seeded random order (zlib finds its matches in any part of it)."""
    shuffled = list(texts)
    random.Random(seed).shuffle(shuffled)
    # Cut on a character's boundary, so that the file stays readable text.
    return "".join(shuffled).encode("utf-8")[:SIZE].decode("utf-8", "ignore").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("atlases", nargs="+", type=Path, help="atlas folders or files")
    parser.add_argument("--out", type=Path, default=packing.FOLDER)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kinds", nargs="+", choices=packing.KINDS, default=packing.KINDS,
                        help="remake only these dictionaries (the others' atlases stay readable)")
    parser.add_argument("--texts", nargs="*", type=Path, default=[],
                        help="plain text files that join the atlases' documents as `body` rows")
    args = parser.parse_args(argv)
    files = [current_file(a) if a.is_dir() else a for a in args.atlases]
    args.out.mkdir(parents=True, exist_ok=True)
    for kind in args.kinds:
        texts = [t for f in files for t in values(f, kind)]
        if kind == "body":
            texts += [p.read_text(encoding="utf-8") for p in args.texts]
        made = dictionary(texts, args.seed)
        (args.out / f"{kind}.txt").write_bytes(made)
        print(f"{kind}: {len(made):,} bytes from {len(texts):,} rows")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except sqlite3.Error as exc:
        sys.exit(f"error: {exc}")
