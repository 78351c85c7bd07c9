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


PACKAGES = ("documents", "gazetteer", "mapapp")
# Subpackage -> what it must not import: places and territories are looked up by text analysis, never
# the other way round.
NO_TEXT_ANALYSIS = {"gazetteer.places": ("gazetteer.geoparse", "gazetteer.movements"),
                    "gazetteer.territories": ("gazetteer.geoparse", "gazetteer.movements")}


def module_name(path: Path) -> str:
    """'gazetteer.places.index' for gazetteer/places/index.py; a package's __init__ is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    """Every module of the project's packages by dotted name."""
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The project modules `name` imports anywhere in its file (inside functions too): for `from a
    import b`, the module a.b when there is one, else a."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


@pytest.mark.parametrize(("graph", "cycles"), [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b", "c"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b"], ["c", "d"]]),
])
def test_import_cycles_finds_strongly_connected_modules(graph, cycles):
    assert import_cycles(graph) == cycles


def test_imports_inside_functions_and_relative_imports_count(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("def f():\n    from pkg.two import g\n")
    (package / "two.py").write_text("from . import one\nimport pkg\n")
    known = {"pkg", "pkg.one", "pkg.two"}
    assert imported_modules("pkg.one", package / "one.py", known) == {"pkg.two"}
    assert imported_modules("pkg.two", package / "two.py", known) == {"pkg.one", "pkg"}


def test_no_import_cycles_anywhere_not_even_inside_functions():
    assert import_cycles(import_graph()) == []


@pytest.mark.parametrize("package", sorted(NO_TEXT_ANALYSIS))
def test_places_and_territories_import_no_text_analysis(package):
    graph = import_graph()
    offenders = {name: sorted(m for m in imported if m.startswith(NO_TEXT_ANALYSIS[package]))
                 for name, imported in graph.items() if name == package or name.startswith(package + ".")}
    assert {name: bad for name, bad in offenders.items() if bad} == {}


def private_imports(path: Path) -> list[str]:
    """The names starting with one underscore that `path` imports from a module of the project."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return sorted(f"{node.module}.{alias.name}" for node in ast.walk(tree)
                  if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                  and node.module.split(".")[0] in PACKAGES
                  for alias in node.names if alias.name.startswith("_") and not alias.name.startswith("__"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_the_core_packages_use_each_others_public_names_only(package):
    # A private name is free to change with its module; what another module needs is made public there.
    offenders = {str(path.relative_to(ROOT)): private_imports(path) for path in sorted((ROOT / package).rglob("*.py"))}
    assert {path: names for path, names in offenders.items() if names} == {}
