"""What a corpus calls itself: the title and description its `corpus.yaml` gives the site.

The file sits in the corpus folder (or next to a corpus file); the first corpus path with one gives
the site its words, else the bundled corpus's own file does.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

FILE_NAME = "corpus.yaml"


@dataclass(frozen=True)
class CorpusText:
    """The site's title and one-line description."""

    title: str
    description: str


def bundled_text_file() -> Path:
    from documents.corpus import bundled_corpus

    return bundled_corpus()[0].parent / FILE_NAME


def read_corpus_text(path: Path, default: CorpusText | None = None) -> CorpusText:
    """Return the title and description of a corpus.yaml; a missing key takes `default`'s."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a corpus.yaml holds key: value lines (title, description)")
    fallback = default or CorpusText("Chronotope", "")
    text = {key: str(data[key]).strip() if data.get(key) else getattr(fallback, key)
            for key in ("title", "description")}
    return CorpusText(**text)


def corpus_text(corpus: Sequence[Path]) -> CorpusText:
    """Return the words of the first corpus path with a corpus.yaml, else the bundled corpus's."""
    bundled = read_corpus_text(bundled_text_file())
    for path in corpus:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        if (folder / FILE_NAME).is_file():
            return read_corpus_text(folder / FILE_NAME, CorpusText("Chronotope", ""))
    return bundled
