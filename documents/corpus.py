"""The bundled corpus: the seed collection pages shipped inside the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

CORPUS_SUFFIXES = (".txt", ".md", ".csv")


def bundled_corpus() -> list[Path]:
    """Return the paths of the bundled corpus files, sorted by name."""
    folder = Path(str(resources.files("documents") / "corpus"))
    return sorted(p for p in folder.iterdir() if p.suffix in CORPUS_SUFFIXES and p.is_file())
