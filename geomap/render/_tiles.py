"""The optional online tile layer, drawn over the offline basemap.

A page always draws the Natural Earth basemap from its own data; tiles are an opt-in layer on
top (``render_map(tiles="osm")``, ``geomap map --tiles osm``). A tile that fails to load is
hidden, so the basemap shows through wherever the network does not reach.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ._escape import html_text

__all__ = ["TileError", "tile_layer"]

_OSM = {"url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "max_zoom": 19,
        "attribution": '\u00a9 <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'}
# {z}, {x} and {y}, and optionally Leaflet's {s} (subdomain) and {r} (retina suffix); nothing else in braces.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ALLOWED = {"z", "x", "y", "s", "r"}
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\`]")


class TileError(InputError):
    """A ``tiles`` value that is neither ``"osm"``, ``"none"`` nor an http(s) tile URL template."""


def tile_layer(tiles: str | None) -> dict[str, Any] | None:
    """The tile layer the page draws over its basemap, or ``None`` for ``"none"``.

    Parameters
    ----------
    tiles : str or None
        ``"none"`` (or ``None``, or ``""``): no tiles. ``"osm"``: OpenStreetMap's standard tiles.
        Otherwise an ``http://`` or ``https://`` URL template with ``{z}``, ``{x}`` and ``{y}``.

    Returns
    -------
    dict or None
        ``{"url", "max_zoom", "attribution"}``; ``attribution`` is HTML (for a URL, its host, escaped).

    Raises
    ------
    TileError
        For any other value (the message says what is accepted).

    Examples
    --------
    >>> tile_layer("none") is None, tile_layer("osm")["url"]
    (True, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    >>> tile_layer("https://tiles.example.org/{z}/{x}/{y}.png")["attribution"]
    'Tiles: tiles.example.org'
    >>> tile_layer("javascript:alert(1)//{z}{x}{y}")
    Traceback (most recent call last):
    ...
    geomap.render._tiles.TileError: tiles must be "osm", "none" or an http(s) URL template with {z}, {x} and {y}, got 'javascript:alert(1)//{z}{x}{y}'
    """
    if tiles is None or tiles.strip().lower() in ("", "none"):
        return None
    if tiles.strip().lower() == "osm":
        return dict(_OSM)
    url = tiles.strip()
    names = set(_PLACEHOLDER.findall(url))
    parts = urlsplit(url) if not _UNSAFE.search(url) else None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname
            or not {"z", "x", "y"} <= names or not names <= _ALLOWED):
        raise TileError('tiles must be "osm", "none" or an http(s) URL template with {z}, {x} and {y}, '
                        f"got {tiles!r}")
    return {"url": url, "max_zoom": 19, "attribution": "Tiles: " + html_text(parts.hostname)}
