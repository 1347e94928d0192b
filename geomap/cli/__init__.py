"""The ``geomap`` command line: a thin shell over the library.

Each area has its own module that registers its commands on the Typer app.
The console script imports only the module of the command it runs (building
every command's parameters costs more than answering a lookup), and heavy
libraries (pandas, geopandas, folium) are imported inside the commands that
need them, so ``geomap geocode`` starts fast. ``geomap.cli.app`` (for tests
and embedding) has every command.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from ._common import app as _app

__all__ = ["app", "main"]

#: The modules that define commands, all of them registered for ``--help``.
_MODULES = ("_gazetteer", "_places", "_incidents", "_map", "_io", "_batch")
#: Which module(s) a first argument needs.
_MODULES_OF = {
    "geocode": ("_gazetteer",), "reverse": ("_gazetteer",), "gazetteer": ("_gazetteer",),
    "places": ("_places",), "incidents": ("_incidents",), "eval": ("_places", "_incidents"),
    "map": ("_map",), "export": ("_io",), "enrich": ("_io",), "batch": ("_batch",),
}


def _register(modules: tuple[str, ...]) -> Any:
    for name in modules:
        importlib.import_module(f"{__name__}.{name}")
    return _app


def __getattr__(name: str) -> Any:
    if name == "app":
        return _register(_MODULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point (``geomap``)."""
    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    sys.exit(_register(_MODULES_OF.get(first or "", _MODULES))())
