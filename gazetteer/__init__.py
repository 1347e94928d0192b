"""An offline gazetteer: GeoNames places, admin areas, countries and curated regions.

The geopy side (:class:`OfflineGeocoder`, :class:`GeocoderChain`,
:func:`make_online_geocoder`) is imported on first use, so that ``import gazetteer``
stays free of geopy's start-up cost.

Examples
--------
>>> from gazetteer import Gazetteer
>>> Gazetteer().lookup("Laçın")[0].place.name
'Laçın'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._cache import GeocodeCache
from .errors import (CuratedEntryError, GazetteerDataError, GazetteerError, GeocoderConfigError, GeocoderRateLimited,
                     GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable, InvalidCoordinates, InvalidQuery,
                     PlaceNotFound, UnknownCountry)
from .lookup import Gazetteer, ReverseResult
from .models import Candidate, Kind, MatchType, Place
from .normalize import normalize_name

if TYPE_CHECKING:  # pragma: no cover
    from .geocoders import OfflineGeocoder
    from .online import GeocodeResult, GeocoderChain, Source, make_online_geocoder

__all__ = [
    "Candidate",
    "CuratedEntryError",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "GeocodeCache",
    "GeocodeResult",
    "GeocoderChain",
    "GeocoderConfigError",
    "GeocoderRateLimited",
    "GeocoderServiceError",
    "GeocoderTimedOut",
    "GeocoderUnavailable",
    "InvalidCoordinates",
    "InvalidQuery",
    "Kind",
    "MatchType",
    "OfflineGeocoder",
    "Place",
    "PlaceNotFound",
    "ReverseResult",
    "Source",
    "UnknownCountry",
    "make_online_geocoder",
    "normalize_name",
]

# Names whose modules import geopy, loaded on first access.
_LAZY = {"OfflineGeocoder": ".geocoders", "GeocodeResult": ".online", "GeocoderChain": ".online",
         "Source": ".online", "make_online_geocoder": ".online"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
