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
    """Console-script entry point (``geomap``).

    A closed pipe (``geomap places a.txt | head -1``) ends quietly with status 0, as Unix tools
    do: the commands catch it themselves, and Click's own output (``--help``) is caught here.
    """
    from ._common import quiet_broken_pipe

    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    command = _register(_MODULES_OF.get(first or "", _MODULES))
    was_devnull = _stdout_is_devnull()
    try:
        sys.exit(command())
    except SystemExit as exc:
        # Click answers a broken pipe by wrapping stdout in its PacifyFlushWrapper and exiting 1; Rich (the
        # help pages) by pointing stdout at /dev/null and exiting 1.
        if exc.code == 1 and (type(sys.stdout).__name__ == "PacifyFlushWrapper"
                              or (_stdout_is_devnull() and not was_devnull)):
            quiet_broken_pipe()
            sys.exit(0)
        raise


def _stdout_is_devnull() -> bool:
    import os

    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(os.devnull))
    except (OSError, ValueError):
        return False
