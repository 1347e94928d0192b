"""The gazetteer's error tree.

Every error raised on purpose by :mod:`gazetteer` derives from
:class:`GazetteerError`; each subclass also derives from the built-in
exception a caller would naturally catch::

    GazetteerError(Exception)
    ├── InvalidQuery(GazetteerError, ValueError)       empty, too long, bad option
    │   ├── InvalidCoordinates(InvalidQuery)           NaN, lat outside ±90, lon outside ±180
    │   ├── UnknownCountry(InvalidQuery)               a country code the gazetteer lacks
    │   └── GeocoderConfigError(InvalidQuery)          unknown online service, missing user agent, refused key
    ├── PlaceNotFound(GazetteerError, LookupError)     an id or name with no place
    ├── GazetteerDataError(GazetteerError, OSError)    the database is missing or damaged
    ├── CuratedEntryError(GazetteerError, ValueError)  a malformed entry of the curated file (at build time)
    └── GeocoderServiceError(GazetteerError, RuntimeError)  an online geocoder failed (after retries)
        ├── GeocoderRateLimited(GeocoderServiceError)          HTTP 429 that outlasted the retries; .retry_after
        ├── GeocoderTimedOut(GeocoderServiceError, TimeoutError)  no answer in time (or HTTP 503/504)
        └── GeocoderUnavailable(GeocoderServiceError, ConnectionError)  the service cannot be reached
"""

from __future__ import annotations

__all__ = [
    "CuratedEntryError",
    "GazetteerDataError",
    "GazetteerError",
    "GeocoderConfigError",
    "GeocoderRateLimited",
    "GeocoderServiceError",
    "GeocoderTimedOut",
    "GeocoderUnavailable",
    "InvalidCoordinates",
    "InvalidQuery",
    "PlaceNotFound",
    "UnknownCountry",
]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class InvalidQuery(GazetteerError, ValueError):
    """A query or option the gazetteer cannot answer as given."""


class InvalidCoordinates(InvalidQuery):
    """A latitude or longitude that is NaN, infinite or out of range."""


class UnknownCountry(InvalidQuery):
    """A country code that names no country in the gazetteer.

    Attributes
    ----------
    code : str
        The code as the caller gave it.
    """

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown country code {code!r}: use an ISO 3166-1 alpha-2 or alpha-3 code")


class PlaceNotFound(GazetteerError, LookupError):
    """No place answers to the given id or name.

    Attributes
    ----------
    key : str
        The id or name that was looked up.
    """

    def __init__(self, key: str, message: str | None = None) -> None:
        self.key = key
        super().__init__(message or f"no place with id {key!r}")


class GazetteerDataError(GazetteerError, OSError):
    """The gazetteer database is missing, unreadable or of an unknown version."""


class GeocoderServiceError(GazetteerError, RuntimeError):
    """An online geocoder failed; never turned into an empty answer."""


class GeocoderRateLimited(GeocoderServiceError):
    """The service kept answering HTTP 429 (too many requests).

    Attributes
    ----------
    retry_after : float or None
        Seconds the service asked to wait (its ``Retry-After`` header), where it said.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class GeocoderTimedOut(GeocoderServiceError, TimeoutError):
    """The service did not answer in time, or said it was overloaded (HTTP 503, 504)."""


class GeocoderUnavailable(GeocoderServiceError, ConnectionError):
    """The service could not be reached (DNS, refused connection, network down)."""


class GeocoderConfigError(InvalidQuery):
    """An online geocoder is configured wrongly: unknown service, missing user agent, refused key."""


class CuratedEntryError(GazetteerError, ValueError):
    """An entry of the curated file is malformed or its geometry cannot be made.

    Attributes
    ----------
    entry_id : str
        The ``id`` of the entry (or ``"#<n>"``, its position, when it has none).
    """

    def __init__(self, entry_id: str, problem: str) -> None:
        self.entry_id = entry_id
        super().__init__(f"curated entry {entry_id!r}: {problem}")
