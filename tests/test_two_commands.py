"""The README's two commands: CI runs exactly the test command, and the run command serves."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fenced_commands(section: str) -> list[str]:
    """The shell commands in the fenced block that follows the README heading `section`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", part, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_ci_runs_exactly_the_readme_test_command():
    (command,) = fenced_commands("Test")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci
    assert ".venv/bin/ruff check ." in ci


def test_the_run_command_installs_then_serves_the_bundled_corpus():
    (command,) = fenced_commands("Run")
    assert "pip install -e ." in command
    assert command.endswith("chronotope serve")
