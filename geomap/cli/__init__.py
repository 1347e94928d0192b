"""The ``geomap`` command line: a thin shell over the library.

Each area has its own module that registers its commands on :data:`app`.
Heavy libraries (pandas, geopandas, folium) are imported inside the commands
that need them, so ``geomap geocode`` starts fast.
"""

from __future__ import annotations

import sys

import typer

from ._common import app

# Registering commands is importing their modules.
from . import _gazetteer, _incidents, _io, _map, _places  # noqa: E402,F401

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point (``geomap``)."""
    sys.exit(app())
