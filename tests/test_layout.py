"""House rule 1: the layout is the architecture."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "documents": {"flask", "gazetteer", "mapapp", "folium", "werkzeug"},
    "gazetteer": {"flask", "documents", "mapapp", "folium", "werkzeug"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_core_packages_import_neither_flask_nor_each_other(package):
    offenders = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_roots(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_no_utils_modules():
    assert [p for p in ROOT.glob("*/utils.py")] == []


def test_folium_swap_is_lat_then_lon():
    from mapapp.web.geo import folium_location

    assert folium_location(lon=45.41, lat=39.21) == [39.21, 45.41]
