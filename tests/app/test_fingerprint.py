"""A change to any code whose output the atlas stores makes a new atlas version (no stale answers)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from mapapp.atlas.versions import ANALYSIS_PACKAGES, analysis_fingerprint

ROOT = Path(__file__).resolve().parents[2]
SHAPING = ["documents/dates.py", "gazetteer/geoparse/resolve.py", "gazetteer/data/places/x.lpf.json",
           "mapapp/analysis/pipeline.py", "mapapp/atlas/build.py", "mapapp/atlas/rows.py",
           "mapapp/atlas/new_module.py", "gazetteer/movements/new_module.py"]


@pytest.fixture
def tree(tmp_path):
    for name in SHAPING + ["mapapp/web/api.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# v1\n")
    return tmp_path


@pytest.mark.parametrize("name", SHAPING)
def test_changing_code_that_shapes_stored_answers_changes_the_fingerprint(tree, name):
    before = analysis_fingerprint(tree)
    (tree / name).write_text("# v2\n")
    assert analysis_fingerprint(tree) != before


def test_code_that_only_serves_answers_leaves_the_fingerprint(tree):
    before = analysis_fingerprint(tree)
    (tree / "mapapp/web/api.py").write_text("# v2\n")
    assert analysis_fingerprint(tree) == before


def _module_file(name: str) -> Path | None:
    base = ROOT / name.replace(".", "/")
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def _project_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {n for n in names if n.split(".")[0] in {"documents", "gazetteer", "mapapp"}}


def test_everything_the_build_imports_is_fingerprinted():
    """A module the build reaches outside the fingerprinted packages could change its output unseen."""
    seen, todo = set(), ["mapapp.atlas.build"]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        todo.extend(_project_imports(path))
    outside = sorted(str(_module_file(n).relative_to(ROOT)) for n in seen
                     if not any(_module_file(n).relative_to(ROOT).as_posix() == p or
                                _module_file(n).relative_to(ROOT).as_posix().startswith(p + "/")
                                for p in ANALYSIS_PACKAGES)
                     and not _module_file(n).name == "__init__.py")
    assert outside == []
