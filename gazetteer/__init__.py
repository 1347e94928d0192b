"""An offline gazetteer: GeoNames places, admin areas, countries and curated regions.

Examples
--------
>>> from gazetteer import Gazetteer
>>> Gazetteer().lookup("Laçın")[0].place.name
'Laçın'
"""

from .errors import (CuratedEntryError, GazetteerDataError, GazetteerError, GeocoderServiceError, InvalidCoordinates, InvalidQuery,
                     PlaceNotFound, UnknownCountry)
from .lookup import Gazetteer, ReverseResult
from .models import Candidate, Kind, MatchType, Place
from .normalize import normalize_name

__all__ = [
    "Candidate",
    "CuratedEntryError",
    "Gazetteer",
    "GazetteerDataError",
    "GazetteerError",
    "GeocoderServiceError",
    "InvalidCoordinates",
    "InvalidQuery",
    "Kind",
    "MatchType",
    "Place",
    "PlaceNotFound",
    "ReverseResult",
    "UnknownCountry",
    "normalize_name",
]
