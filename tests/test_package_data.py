"""Every data file the packages read is declared as package data, so a non-editable install has it."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("gazetteer", "geomap")
# A file name written in the code: "abbreviations.csv", "data/triggers.toml".
_FILE_NAME = re.compile(r"""["']([\w./-]+\.(?:csv|tsv|txt|toml|json|sqlite))["']""")


def declared() -> dict[str, list[str]]:
    """The package-data patterns of pyproject.toml, by package."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"]


def data_files(package: str) -> list[str]:
    """Every file of a package that is not Python code, relative to the package folder."""
    base = ROOT / package
    return sorted(str(p.relative_to(base)) for p in base.rglob("*")
                  if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts)


def undeclared(package: str, files: list[str], patterns: dict[str, list[str]]) -> list[str]:
    """The files no package-data pattern of ``package`` covers (setuptools' glob: ``*`` stops at ``/``)."""
    pats = patterns.get(package, [])
    return [f for f in files
            if not any(fnmatch.fnmatchcase(f, p) and f.count("/") == p.count("/") for p in pats)]


def names_in_code(package: str) -> set[str]:
    """The file names (last path part) written in a package's code."""
    out: set[str] = set()
    for path in (ROOT / package).rglob("*.py"):
        out |= {Path(m).name for m in _FILE_NAME.findall(path.read_text(encoding="utf-8"))}
    return out


@pytest.mark.parametrize("package", PACKAGES)
def test_every_data_file_of_the_package_is_declared(package):
    files = data_files(package)
    assert "data/README.md" in files
    assert undeclared(package, files, declared()) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_every_data_file_the_code_names_is_declared(package):
    files = data_files(package)
    named = [f for f in files if Path(f).name in names_in_code(package)]
    if package == "gazetteer":  # what a non-editable install lacked before
        assert {"data/abbreviations.csv", "data/demonyms.txt", "data/composite_areas.csv",
                "data/physical_points.csv", "data/dropped_names.csv", "data/curated.toml"} <= set(named)
    assert named and undeclared(package, named, declared()) == []


def test_the_check_catches_an_undeclared_file():
    patterns = {"gazetteer": ["data/*.csv", "py.typed"]}
    assert undeclared("gazetteer", ["data/x.csv", "py.typed"], patterns) == []
    # A file no pattern names, and one in a sub-folder the pattern's "*" does not reach.
    assert undeclared("gazetteer", ["data/x.txt", "data/sub/y.csv"], patterns) == ["data/x.txt", "data/sub/y.csv"]
    assert undeclared("geomap", ["py.typed"], patterns) == ["py.typed"]
