"""The public surface: sorted ``__all__`` that matches what the packages define, documented commands."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest
import typer.main

import gazetteer
import geomap
from geomap.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("package", [gazetteer, geomap])
def test_all_is_sorted_and_resolves(package):
    assert package.__all__ == sorted(package.__all__)
    for name in package.__all__:
        obj = getattr(package, name)
        assert obj.__doc__, f"{package.__name__}.{name} has no docstring"


@pytest.mark.parametrize("package", [gazetteer, geomap])
def test_public_functions_have_examples(package):
    for name in package.__all__:
        obj = getattr(package, name)
        if inspect.isfunction(obj):
            assert "Examples" in (obj.__doc__ or ""), f"{package.__name__}.{name} has no Examples section"


def test_error_trees():
    for name in gazetteer.__all__:
        obj = getattr(gazetteer, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, gazetteer.GazetteerError)
    for name in geomap.__all__:
        obj = getattr(geomap, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            assert issubclass(obj, geomap.GeomapError)
    assert issubclass(gazetteer.PlaceNotFound, LookupError) and issubclass(gazetteer.InvalidQuery, ValueError)
    assert issubclass(geomap.InputError, ValueError) and issubclass(geomap.OutputError, OSError)


def _commands(group, prefix=""):
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, full + " ")
        else:
            yield full, cmd


def test_every_command_has_help_and_is_in_the_readme():
    group = typer.main.get_command(app)
    found = list(_commands(group))
    assert len(found) >= 4
    for name, cmd in found:
        assert (cmd.help or "").strip(), f"`geomap {name}` has no help text"
        assert f"geomap {name}" in README, f"`geomap {name}` is not in the README"


def test_no_module_is_too_long():
    """No module of the project, tests and benchmarks included, is over 500 lines (ARCHITECTURE.md)."""
    root = Path(__file__).resolve().parents[1]
    for folder in ("gazetteer", "geomap", "tests", "benchmarks"):
        for path in (root / folder).rglob("*.py"):
            n = path.read_text(encoding="utf-8").count("\n")
            assert n <= 500, f"{path} has {n} lines: split it"


def test_geoparse_stays_the_function_beside_its_subpackage():
    """``geomap.geoparse`` is the public function even after the stage's subpackage is imported."""
    import subprocess
    import sys

    code = ("import geomap, inspect\n"
            "from geomap.geoparse import _resolve, geoparse\n"
            "import geomap.geoparse._ranker\n"
            "assert inspect.isfunction(geomap.geoparse) and geomap.geoparse is geoparse\n"
            "assert geomap.geoparse('Shelling hit Zangilan.')[0].place.country == 'AZ'\n"
            "assert inspect.ismodule(_resolve)\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
