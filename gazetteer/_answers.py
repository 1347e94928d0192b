"""An online service's records as candidates: checked coordinates, text safe to print.

A record is the service's answer for one place, as geopy returns it (``address``,
``lat``, ``lon`` and the service's ``raw`` JSON). Nothing in it is trusted: a record
without coordinates of its own is no candidate (geopy would place it at 0, 0), and
text from it loses control characters before it can reach a terminal.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ._cache import normalize_query
from .models import Candidate, Kind, MatchType, Place

__all__ = ["candidate", "clean", "has_point", "seconds"]

# Control characters (C0, DEL, C1) and bidirectional overrides: an answer's text must not drive a terminal.
_UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]")
_MAX_TEXT = 300

_KIND_WORDS = {
    Kind.COUNTRY: ("country",),
    Kind.ADMIN1: ("state", "region", "province", "macroregion"),
    Kind.ADMIN2: ("county", "district", "state_district", "municipality", "macrocounty", "localadmin"),
    Kind.POPULATED_PLACE: ("city", "town", "village", "hamlet", "suburb", "neighbourhood", "neighborhood",
                           "locality", "borough", "quarter", "isolated_dwelling"),
    Kind.PHYSICAL_FEATURE: ("natural", "water", "waterway", "peak", "mountain", "river", "lake", "sea", "bay"),
}
_WORD_KIND = {w: k for k, words in _KIND_WORDS.items() for w in words}


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def seconds(value: Any) -> float | None:
    """A ``Retry-After`` as float seconds (``inf`` for one too long for a float), or ``None``."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except OverflowError:  # 400 digits of seconds
        return math.inf
    except (TypeError, ValueError):
        return None
    return number if number == number else None


def clean(value: Any) -> str:
    """Text from an answer, safe to print: no control characters or direction overrides, and not too long.

    Examples
    --------
    >>> clean("Berdzor\x1b]0;title\x07\x1b[2J")
    'Berdzor\ufffd]0;title\ufffd\ufffd[2J'
    """
    text = _UNSAFE.sub("\ufffd", str(value))
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT - 1] + "…"


def _number(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return math.isfinite(value)
    if isinstance(value, str):
        try:
            return math.isfinite(float(value))
        except ValueError:
            return False
    return False


def has_point(raw: dict[str, Any]) -> bool:
    """Whether a service's record carries coordinates of its own (Nominatim, GeoJSON features, ArcGIS)."""
    if "lat" in raw or "lon" in raw:
        return _number(raw.get("lat")) and _number(raw.get("lon"))
    coords = _mapping(raw.get("geometry")).get("coordinates")
    if isinstance(coords, list):
        return len(coords) >= 2 and _number(coords[0]) and _number(coords[1])
    location = _mapping(raw.get("location"))
    return _number(location.get("x")) and _number(location.get("y"))


def candidate(provider: str, rank: int, rec: dict[str, Any]) -> Candidate | None:
    """The candidate a record makes, or ``None`` when its coordinates are not valid WGS84."""
    try:
        lat, lon = float(rec["lat"]), float(rec["lon"])
    except (KeyError, TypeError, ValueError, OverflowError):
        return None
    if isinstance(rec.get("lat"), bool) or not (math.isfinite(lat) and math.isfinite(lon)) or \
            abs(lat) > 90 or abs(lon) > 180:
        return None
    raw = _mapping(rec.get("raw"))
    props, address = _mapping(raw.get("properties")), _mapping(raw.get("address"))
    # Nominatim, then Photon and Pelias (GeoJSON properties), then ArcGIS.
    words = [raw.get("addresstype"), props.get("layer"), props.get("type"), props.get("osm_value"),
             raw.get("type"), raw.get("class"), props.get("osm_key")]
    kind = next((_WORD_KIND[w] for w in words if isinstance(w, str) and w in _WORD_KIND), None)
    said = next((w for w in words if isinstance(w, str) and w), "no type")
    why = f"kind from {provider}'s {said!r}" if kind else f"kind guessed: {provider} says {said!r}"
    country = address.get("country_code") or props.get("countrycode") or props.get("country_code") or ""
    if not (isinstance(country, str) and re.fullmatch("[A-Za-z]{2}", country)):
        country = ""
    osm_type = raw.get("osm_type") or props.get("osm_type")
    osm_id = raw.get("osm_id") or props.get("osm_id")
    if osm_type and osm_id:
        place_id = clean(f"{provider}:{str(osm_type).lower()}/{osm_id}")
    elif props.get("gid"):
        place_id = clean(f"{provider}:{props['gid']}")
    else:
        place_id = f"{provider}:{lat:.5f},{lon:.5f}"
    text = clean(rec.get("address") or "")
    name = clean(raw.get("name") or props.get("name") or text.split(",")[0].strip() or place_id)
    why = clean(why)
    try:
        place = Place(place_id, name.strip() or place_id, kind or Kind.POPULATED_PLACE, country.upper(), lat, lon,
                      admin1=clean(address.get("state") or props.get("state") or props.get("region") or ""),
                      source=f"{provider} (online): {text}")
    except (TypeError, ValueError):  # a value the place model refuses
        return None
    return Candidate(place, round(1.0 / (1 + rank), 4), MatchType.ONLINE, normalize_query(text),
                     (f"rank {rank + 1} of {provider}", why))
