"""The offline gazetteer as a geopy geocoder: :class:`OfflineGeocoder`.

It answers geopy's ``geocode`` and ``reverse`` from the embedded gazetteer, makes
no request, and so fits anywhere geopy's geocoders do: ``geopy.extra.rate_limiter``,
``geopandas.tools.geocode(..., provider=OfflineGeocoder)``, or as the online half of
code written for Nominatim.

Importing this module imports geopy (a quarter of a second); ``import gazetteer``
does not, until :class:`OfflineGeocoder` is first used.
"""

from __future__ import annotations

import warnings
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderUnavailable as _GeopyUnavailable
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .errors import InvalidCoordinates, InvalidQuery, PlaceNotFound
from .lookup import Gazetteer
from .models import Candidate, Kind, Place

__all__ = ["OfflineGeocoder", "candidate_to_location"]

# The most specific area answers a reverse query when no town is near.
_AREA_PRIORITY = (Kind.ADMIN2, Kind.ADMIN1, Kind.DISPUTED_AREA, Kind.REGION, Kind.COUNTRY)


class _NoNetworkAdapter(BaseSyncAdapter):
    """geopy's Geocoder needs an adapter; this one guarantees that no request is ever sent."""

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise _GeopyUnavailable(f"OfflineGeocoder sends no requests (asked for {url})")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> Any:
        raise _GeopyUnavailable(f"OfflineGeocoder sends no requests (asked for {url})")


def _address(place: Place) -> str:
    parts = [place.name]
    for part in (place.admin1, place.country):
        if part and part not in parts:
            parts.append(part)
    return ", ".join(parts)


def candidate_to_location(candidate: Candidate, **extra: Any) -> Location:
    """A geopy :class:`~geopy.location.Location` of a gazetteer candidate.

    ``raw`` is the place record (:meth:`Place.to_dict`) with the candidate's
    ``score``, ``match``, ``matched_name`` and ``reasons``, plus ``extra``.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> loc = candidate_to_location(Gazetteer().lookup("Lachin")[0])
    >>> loc.address, loc.raw["place_id"], loc.raw["kind"]
    ('Laçın, ..., AZ', 'geonames:147625', 'populated_place')
    """
    place = candidate.place
    raw = place.to_dict()
    raw.update(score=candidate.score, match=candidate.match.value, matched_name=candidate.matched_name,
               reasons=list(candidate.reasons), **extra)
    return Location(_address(place), Point(place.latitude, place.longitude), raw)


class OfflineGeocoder(Geocoder):
    """A geopy geocoder over the offline gazetteer.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The gazetteer to answer from; the shipped one by default.
    country : str, optional
        Keep places of this country only (ISO alpha-2 or alpha-3), for every query.
    kinds : Kind, str or iterable of them, optional
        Keep places of these kinds only (``"populated_place"``, ``"admin1"``...).
    fuzzy : bool
        Accept near spellings when nothing matches exactly.
    user_agent : str, optional
        Accepted for geopy compatibility; nothing is sent anywhere.

    Notes
    -----
    The methods follow geopy's interface, not this package's house rules, so that
    the class works with geopy's and geopandas' tooling: ``exactly_one=True`` returns
    one :class:`~geopy.location.Location` and ``exactly_one=False`` a list, and a query
    that finds nothing returns ``None`` -- geopy's documented meaning of *not found*,
    which is an answer, not a failure. Failures still raise: an empty query or bad
    coordinates raise :class:`~gazetteer.InvalidQuery` (a ``ValueError``, which is
    what geopandas expects), a damaged database
    :class:`~gazetteer.GazetteerDataError`. For a result type that does not depend
    on a flag, use :meth:`Gazetteer.lookup` or :class:`~gazetteer.GeocoderChain`.

    ``Location.raw`` is the place record: ``place_id``, ``name``, ``kind``,
    ``country``, ``admin1``, ``lat``, ``lon``, ``population``... with ``score``,
    ``match`` and ``reasons``.

    Examples
    --------
    >>> geo = OfflineGeocoder()
    >>> loc = geo.geocode("Berdzor")
    >>> loc.address, round(loc.latitude, 2), round(loc.longitude, 2)
    ('Laçın, ..., AZ', 39.64, 46.55)
    >>> loc.raw["place_id"], loc.raw["match"]
    ('geonames:147625', 'alias')
    >>> [l.raw["country"] for l in geo.geocode("Tripoli", exactly_one=False, limit=2)]
    ['LY', 'LB']
    >>> geo.geocode("Qqqxxzzyy") is None
    True
    >>> geo.reverse("39.64, 46.55").raw["name"]
    'Laçın'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, country: str | None = None, kinds: Any = None,
                 fuzzy: bool = True, user_agent: str | None = None) -> None:
        super().__init__(user_agent=user_agent, adapter_factory=_NoNetworkAdapter)
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer()
        self.country = country
        self.kinds = kinds
        self.fuzzy = fuzzy

    def geocode(self, query: str | dict[str, str], *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                limit: int | None = None, country: str | None = None, kinds: Any = None) -> Any:
        """Look a name up; geopy's contract (see the class notes).

        Parameters
        ----------
        query : str or dict
            A place name in any script or spelling, possibly with its containers
            ("Paris, Texas"); or Nominatim's structured query, a dict with any of
            ``city``, ``county``, ``state``, ``country`` (and ``street``,
            ``postalcode``, ``amenity``, which an offline gazetteer cannot use and
            ignores: the answer is then the city's, and ``raw["ignored"]`` names them).
        exactly_one : bool
            One :class:`~geopy.location.Location`, or a list of them.
        timeout : ignored
            Accepted for geopy compatibility.
        limit : int, optional
            At most this many locations when ``exactly_one=False`` (10 by default).
        country, kinds : optional
            Override the geocoder's filters for this query.

        Returns
        -------
        Location, list of Location, or None
            ``None`` when no place answers to the name.

        Raises
        ------
        InvalidQuery
            Empty or over-long query, a dict with unknown keys or none to look up; bad
            ``limit``, ``country`` or ``kinds``.

        Examples
        --------
        >>> OfflineGeocoder().geocode("Laçın").raw["kind"]
        'populated_place'
        >>> OfflineGeocoder().geocode({"city": "Paris", "state": "Texas", "country": "USA"}).raw["admin1"]
        'Texas'
        """
        n = 1 if exactly_one else (10 if limit is None else limit)
        country = country if country is not None else self.country
        kinds = kinds if kinds is not None else self.kinds
        extra: dict[str, Any] = {}
        try:
            if isinstance(query, dict):
                name, fields, ignored = _structured(query)
                country = fields.pop("country", country)
                if kinds is None and not any(query.get(k) for k in _NAME_KEYS[:4]):
                    # {"state": "Texas"}: the state, not a town of that name.
                    kinds = next(_NAME_KINDS[k] for k in ("county", "state", "country") if query.get(k) == name)
                if ignored:
                    extra["ignored"] = ignored
                cands = self.gazetteer.lookup(name, country=country, admin1=fields.get("admin1"),
                                              admin2=fields.get("admin2"), kinds=kinds, limit=n, fuzzy=self.fuzzy)
            elif isinstance(query, str):
                cands = self.gazetteer.lookup(query, country=country, kinds=kinds, limit=n, fuzzy=self.fuzzy)
            else:
                raise InvalidQuery(f"OfflineGeocoder takes a place name as a string or a structured query as a "
                                   f"dict, got {type(query).__name__}")
        except PlaceNotFound:
            return None  # a state or county the gazetteer lacks: nothing lies inside it
        if not cands:
            return None
        locations = [candidate_to_location(c, **extra) for c in cands]
        return locations[0] if exactly_one else locations

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                max_km: float = 50.0) -> Any:
        """The nearest populated place and the areas containing a point; geopy's contract.

        Parameters
        ----------
        query : str, tuple or geopy Point
            ``"lat, lon"``, ``(lat, lon)`` or a :class:`geopy.point.Point`.
        exactly_one : bool
            The nearest populated place (or, with none within ``max_km``, the most
            specific containing area), or the list: nearest place first, then the
            containing areas, country first.
        max_km : float
            Search radius for the nearest populated place.

        Returns
        -------
        Location, list of Location, or None
            ``None`` when no town is near and no area contains the point.
            ``raw["relation"]`` is ``"nearest"`` (with ``raw["distance_km"]``) or ``"contains"``.

        Raises
        ------
        InvalidCoordinates
            A point geopy cannot read, or out-of-range coordinates.

        Examples
        --------
        >>> [l.raw["relation"] for l in OfflineGeocoder().reverse((39.64, 46.55), exactly_one=False)][:2]
        ['nearest', 'contains']
        """
        if isinstance(query, (tuple, list)) and len(query) == 2:
            lat, lon = query  # checked by the gazetteer, with its own messages
        else:
            try:
                with warnings.catch_warnings():
                    # geopy warns, then raises, on an out-of-range latitude: the error is enough.
                    warnings.simplefilter("ignore", UserWarning)
                    point = query if isinstance(query, Point) else Point(query)
            except (ValueError, TypeError) as exc:
                raise InvalidCoordinates(f"not a point: {query!r} ({exc})") from exc
            lat, lon = point.latitude, point.longitude
        res = self.gazetteer.reverse(lat, lon, max_km=max_km)
        out = []
        if res.nearest is not None:
            out.append(_place_location(res.nearest, relation="nearest", distance_km=res.distance_km))
        if exactly_one:
            if out:
                return out[0]
            areas = sorted(res.areas, key=lambda a: _AREA_PRIORITY.index(a.kind) if a.kind in _AREA_PRIORITY else 99)
            return _place_location(areas[0], relation="contains") if areas else None
        out += [_place_location(a, relation="contains") for a in res.areas]
        return out or None


# Nominatim's structured query: which key is the name looked up, which a container, which is ignored.
_NAME_KEYS = ("amenity", "city", "town", "village", "county", "state", "country")
_CONTAINER_KEYS = {"county": "admin2", "state": "admin1", "country": "country"}
_IGNORED_KEYS = frozenset({"street", "postalcode"})
_NAME_KINDS = {"county": Kind.ADMIN2, "state": Kind.ADMIN1, "country": Kind.COUNTRY}


def _structured(query: dict[str, Any]) -> tuple[str, dict[str, str], list[str]]:
    """A structured query as ``(name, lookup keywords, ignored keys)``: the most specific part is the name.

    Examples
    --------
    >>> _structured({"city": "London", "state": "Ontario", "country": "Canada"})
    ('London', {'admin1': 'Ontario', 'country': 'Canada'}, [])
    >>> _structured({"state": "Texas", "country": "US", "street": "1 Main St"})
    ('Texas', {'country': 'US'}, ['street'])
    """
    unknown = sorted(str(k) for k in query if k not in _CONTAINER_KEYS and k not in _NAME_KEYS
                     and k not in _IGNORED_KEYS)
    if unknown:
        raise InvalidQuery(f"unknown keys in a structured query: {', '.join(unknown)} (use "
                           f"{', '.join(sorted({*_NAME_KEYS, *_IGNORED_KEYS}))})")
    given = {k: v for k, v in query.items() if v is not None and not (isinstance(v, str) and not v.strip())}
    bad = sorted(k for k, v in given.items() if not isinstance(v, str))
    if bad:
        raise InvalidQuery(f"structured query values must be strings: {', '.join(bad)}")
    name_key = next((k for k in _NAME_KEYS if k in given), None)
    if name_key is None:
        raise InvalidQuery("a structured query needs one of: " + ", ".join(_NAME_KEYS))
    fields = {_CONTAINER_KEYS[k]: v for k, v in given.items() if k in _CONTAINER_KEYS and k != name_key}
    return given[name_key], fields, sorted(k for k in given if k in _IGNORED_KEYS)


def _place_location(place: Place, **extra: Any) -> Location:
    raw = place.to_dict()
    raw.update(extra)
    return Location(_address(place), Point(place.latitude, place.longitude), raw)
