"""The import rules of ARCHITECTURE.md, checked by a static scan of every import statement.

Each stage of the flow imports only from the stages before it (and from ``gazetteer``);
the gazetteer imports nothing from ``geomap``. Imports inside functions and under
``TYPE_CHECKING`` count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: unit → the geomap units it may import. A unit is a subpackage of geomap, ``errors``,
#: or the top-level ``geomap`` package itself; ``gazetteer`` may import no geomap unit.
ALLOWED: dict[str, set[str]] = {
    "gazetteer": set(),
    "errors": set(),
    "text": {"errors"},
    "geoparse": {"errors", "text"},
    "incidents": {"errors", "text", "geoparse"},
    "io": {"errors", "text", "incidents"},
    "render": {"errors", "incidents", "io"},
    "evaluate": {"errors", "text", "geoparse", "incidents"},
    "batch": {"errors", "text", "geoparse", "incidents", "io", "render"},
    "cli": {"errors", "text", "geoparse", "incidents", "io", "render", "evaluate", "batch"},
    "geomap": {"errors", "text", "geoparse", "incidents"},
    "__main__": {"cli"},
}
# The top-level package lends one helper to every subpackage (its lazy-export function).
SHARED = {"geomap"}
#: Modules outside the flow that may import more than their unit, each with its reason.
EXCEPTIONS: dict[str, set[str]] = {
    # a development script that fits the ranker's weights on the gold corpora; the library never imports it
    "geomap/geoparse/fit.py": {"evaluate", "io"},
    # a development script that fits the incident gate's weights on the gold sets; the library never imports it
    "geomap/incidents/fit_gate.py": {"evaluate", "io"},
}


def unit_of(module: str) -> str | None:
    """The unit a dotted module name belongs to, or None outside geomap and gazetteer."""
    parts = module.split(".")
    if parts[0] == "gazetteer":
        return "gazetteer"
    if parts[0] != "geomap":
        return None
    return parts[1] if len(parts) > 1 else "geomap"


def module_name(path: Path, root: Path = ROOT) -> tuple[str, bool]:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def imported_modules(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module an import statement in ``path`` names, resolved to an absolute name."""
    name, is_package = module_name(path, root)
    package = name.split(".") if is_package else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # "from geomap import text": the names may be units themselves
            if target == "geomap":
                found += [(node.lineno, f"geomap.{a.name}") for a in node.names
                          if (root / "geomap" / a.name).is_dir() or a.name == "errors"]
    return found


def violations(root: Path = ROOT) -> list[str]:
    bad = []
    for pkg in ("gazetteer", "geomap"):
        for path in sorted((root / pkg).rglob("*.py")):
            unit = unit_of(module_name(path, root)[0])
            for line, target in imported_modules(path, root):
                other = unit_of(target)
                if other is None or other == unit or other == "gazetteer":
                    continue
                if other in SHARED and unit != "gazetteer" and target == "geomap":
                    continue
                if other not in ALLOWED[unit] and other not in EXCEPTIONS.get(path.relative_to(root).as_posix(), ()):
                    bad.append(f"{path.relative_to(root)}:{line}: {unit} may not import {target}")
    return bad


def test_every_unit_has_a_rule():
    units = {p.name for p in (ROOT / "geomap").iterdir() if (p / "__init__.py").exists()}
    assert units <= set(ALLOWED), f"no import rule for {sorted(units - set(ALLOWED))}"


def test_no_forbidden_import():
    assert violations() == []


def test_the_scan_sees_a_forbidden_import(tmp_path):
    """The scan finds a forbidden import wherever it stands: at the top, in a function, relative."""
    cases = [
        ("geomap/geoparse/_bad.py", "from ..incidents import Incident\n"),
        ("geomap/text/_bad.py", "def f():\n    import geomap.render\n"),
        ("gazetteer/_bad.py", "from geomap.errors import InputError\n"),
        ("geomap/io/_bad.py", "from geomap import batch\n"),
    ]
    for n, (rel, source) in enumerate(cases):
        root = tmp_path / str(n)
        for unit in ("text", "geoparse", "io", "batch", "render", "incidents"):
            (root / "geomap" / unit).mkdir(parents=True, exist_ok=True)
        (root / "gazetteer").mkdir(exist_ok=True)
        (root / rel).write_text(source, encoding="utf-8")
        found = violations(root)
        assert len(found) == 1 and "may not import" in found[0], (rel, found)


@pytest.mark.parametrize("unit", sorted(ALLOWED))
def test_rules_follow_the_flow(unit):
    """No rule lets a stage import one after it: the allowed graph has no cycle."""
    seen, stack = set(), [unit]
    while stack:
        for other in ALLOWED.get(stack.pop(), set()):
            assert other != unit, f"{unit} can reach itself through its imports"
            if other not in seen:
                seen.add(other)
                stack.append(other)


def test_no_package_imports_another_packages_private_module():
    """Across stages, names come through a package's ``__init__``, never from its ``_private`` module."""
    bad = []
    for path in sorted((ROOT / "geomap").rglob("*.py")):
        unit = unit_of(module_name(path)[0])
        for line, target in imported_modules(path):
            parts = target.split(".")
            if (parts[0] == "geomap" and len(parts) > 2 and parts[1] != unit and parts[2].startswith("_")
                    and path.relative_to(ROOT).as_posix() not in EXCEPTIONS):
                bad.append(f"{path.relative_to(ROOT)}:{line}: imports {target}")
    assert bad == []
