"""What tests share besides fixtures: the command to run, and the files of ../shared/."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def chronotope_command() -> list[str]:
    """The installed `chronotope` of the interpreter running the tests (never one found on PATH)."""
    script = Path(sys.executable).with_name("chronotope")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "mapapp"]


def shared_path(*parts: str) -> Path:
    """A file of ../shared/ (gold, scorers): skip the test when it is missing, fail under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{path} is missing: CI runs with shared/ beside the repository")
        pytest.skip(f"{path} is not beside the repository")
    return path
