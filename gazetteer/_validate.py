"""Checks on caller input, shared by every public entry point."""

from __future__ import annotations

import math
import numbers
import re
from typing import Any

from .errors import InvalidCoordinates, InvalidQuery

MAX_QUERY_CHARS = 1000
MAX_LIMIT = 1000
# A number as people write one: "40.7", "-74", ".5", "1e3"; not "1_0", which Python's float() reads as 10.
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NOT_FINITE = frozenset({"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"})


def check_text(value: Any, what: str) -> str:
    """Return ``value`` stripped, refusing non-strings, over-long, empty and unencodable text."""
    if not isinstance(value, str):
        raise InvalidQuery(f"{what} must be a string, not {type(value).__name__}")
    if len(value) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"query too long: {len(value):,} characters (at most {MAX_QUERY_CHARS:,})")
    text = value.strip()
    if not text:
        raise InvalidQuery(f"empty query: give {what}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidQuery(f"{what} {value!r} holds a lone surrogate, which is no character") from None
    return text


def check_query(name: Any) -> str:
    """Return the stripped query or raise :class:`InvalidQuery`.

    Examples
    --------
    >>> check_query("  Lachin ")
    'Lachin'
    >>> check_query("\\ud800")
    Traceback (most recent call last):
    gazetteer.errors.InvalidQuery: a place name '\\ud800' holds a lone surrogate, which is no character
    """
    return check_text(name, "a place name")


def check_limit(limit: Any, most: int = MAX_LIMIT) -> int:
    """Return ``limit`` or raise :class:`InvalidQuery` for anything but an integer from 1 to ``most``.

    Examples
    --------
    >>> check_limit(5)
    5
    >>> check_limit(True)
    Traceback (most recent call last):
    gazetteer.errors.InvalidQuery: limit must be an integer from 1 to 1000, got True
    """
    if isinstance(limit, bool) or not isinstance(limit, numbers.Integral) or not 1 <= int(limit) <= most:
        raise InvalidQuery(f"limit must be an integer from 1 to {most}, got {limit!r}")
    return int(limit)


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("a boolean is no coordinate")
    if isinstance(value, str):
        text = value.strip()
        if not (_DECIMAL.fullmatch(text) or text.lower() in _NOT_FINITE):
            raise ValueError(text)
        return float(text)
    if not isinstance(value, numbers.Real):
        raise TypeError(type(value).__name__)
    return float(value)


def check_coordinates(lat: Any, lon: Any) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats or raise :class:`InvalidCoordinates`.

    Examples
    --------
    >>> check_coordinates("39.6", 46.5)
    (39.6, 46.5)
    >>> check_coordinates("1_0", "2")
    Traceback (most recent call last):
    gazetteer.errors.InvalidCoordinates: coordinates must be numbers, got lat='1_0', lon='2'
    """
    try:
        flat, flon = _number(lat), _number(lon)
    except (TypeError, ValueError):
        raise InvalidCoordinates(f"coordinates must be numbers, got lat={lat!r}, lon={lon!r}") from None
    except OverflowError:
        raise InvalidCoordinates("coordinates must be finite, got a number too large for a float") from None
    if not (math.isfinite(flat) and math.isfinite(flon)):
        raise InvalidCoordinates(f"coordinates must be finite, got lat={flat}, lon={flon}")
    if not -90 <= flat <= 90:
        raise InvalidCoordinates(f"latitude {flat} is outside -90..90")
    if not -180 <= flon <= 180:
        raise InvalidCoordinates(f"longitude {flon} is outside -180..180")
    return flat, flon


def check_point(point: Any, what: str = "near") -> tuple[float, float]:
    """Return a ``(lat, lon)`` pair given as a sequence of two numbers, or raise :class:`InvalidCoordinates`.

    Examples
    --------
    >>> check_point((40, -74.0))
    (40.0, -74.0)
    """
    try:
        pair = tuple(point) if not isinstance(point, (str, bytes, dict)) else ()
    except TypeError:
        pair = ()
    if len(pair) != 2:
        raise InvalidCoordinates(f"{what} must be a (lat, lon) pair, got {point!r}")
    return check_coordinates(*pair)


def check_max_km(max_km: Any) -> float:
    """Return a search radius in km (0 < r <= 2000) or raise :class:`InvalidQuery`."""
    if isinstance(max_km, bool) or not isinstance(max_km, numbers.Real) or not 0 < float(max_km) <= 2000:
        raise InvalidQuery(f"max_km must be between 0 and 2000, got {max_km!r}")
    return float(max_km)
