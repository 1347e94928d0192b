"""Checks on caller input, shared by every public entry point."""

from __future__ import annotations

import math
from typing import Any

from .errors import InvalidCoordinates, InvalidQuery

MAX_QUERY_CHARS = 1000


def check_query(name: Any) -> str:
    """Return the stripped query or raise :class:`InvalidQuery`."""
    if not isinstance(name, str):
        raise InvalidQuery(f"a place name must be a string, not {type(name).__name__}")
    if len(name) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"query too long: {len(name):,} characters (at most {MAX_QUERY_CHARS:,})")
    text = name.strip()
    if not text:
        raise InvalidQuery("empty query: give a place name")
    return text


def check_coordinates(lat: Any, lon: Any) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats or raise :class:`InvalidCoordinates`.

    Examples
    --------
    >>> check_coordinates("39.6", 46.5)
    (39.6, 46.5)
    """
    try:
        flat, flon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidCoordinates(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from None
    if not (math.isfinite(flat) and math.isfinite(flon)):
        raise InvalidCoordinates(f"coordinates must be finite, got lat={flat}, lon={flon}")
    if not -90 <= flat <= 90:
        raise InvalidCoordinates(f"latitude {flat} is outside -90..90")
    if not -180 <= flon <= 180:
        raise InvalidCoordinates(f"longitude {flon} is outside -180..180")
    return flat, flon
