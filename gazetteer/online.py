"""Offline first, then an online geocoder: :class:`GeocoderChain` and :func:`make_online_geocoder`.

The chain answers a name from the gazetteer when the gazetteer knows it (an exact,
alias or demonym match), and otherwise asks a geopy geocoder (Nominatim, Photon,
Pelias, ArcGIS...). Online answers go through a persistent cache, one rate limit per
service shared by every caller, and a retry policy; a service that keeps failing
raises a typed error (:class:`~gazetteer.GeocoderServiceError` and its subclasses),
never an empty answer.

Importing this module imports geopy; ``import gazetteer`` does not.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from geopy import exc as gexc
from geopy.geocoders.base import Geocoder

from ._answers import candidate, clean, has_point, seconds
from ._cache import GeocodeCache
from ._http import AnswerTooLarge, BoundedAdapter, RedirectRefused
from ._ratelimit import RateLimiter
from .errors import (GeocoderConfigError, GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut,
                     GeocoderUnavailable, InvalidQuery, PlaceNotFound)
from .lookup import Gazetteer
from .models import Candidate, Kind, MatchType, parse_kinds

__all__ = ["SERVICES", "GeocodeResult", "GeocoderChain", "Source", "make_online_geocoder"]

#: The online services :func:`make_online_geocoder` knows.
SERVICES = ("arcgis", "nominatim", "pelias", "photon")
_USER_AGENT_HINT = "user_agent='myapp/1.0 (you@example.org)' (command line: --user-agent 'myapp/1.0 (you@example.org)')"
# Errors that a second try would only repeat.
_FINAL = (RedirectRefused, AnswerTooLarge, gexc.GeocoderQueryError, gexc.GeocoderAuthenticationFailure, gexc.GeocoderInsufficientPrivileges,
          gexc.GeocoderQuotaExceeded, gexc.GeocoderParseError, gexc.ConfigurationError)
_KNOWN = (MatchType.EXACT, MatchType.ALIAS, MatchType.DEMONYM)
# What geopy's parsers raise on valid JSON of the wrong shape ([1, 2, 3], "lat": "abc", NaN...).
_SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)
#: At most this many candidates of a reverse query are kept (a geocode query keeps ``limit``).
REVERSE_LIMIT = 10


class Source(str, enum.Enum):
    """Where an answer of the chain comes from."""

    OFFLINE = "offline"  # the gazetteer
    CACHE = "cache"  # an earlier answer of the online service, from the cache file
    ONLINE = "online"  # the online service, just now

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """The chain's answer to one query.

    Attributes
    ----------
    query : str
        The name, or ``"lat,lon"`` for a reverse query.
    source : Source
    provider : str
        ``"gazetteer"``, or the online service (``"nominatim"``...) for cached and online answers.
    candidates : tuple of Candidate
        Best first; empty when nothing answers (not found is an answer, not a failure).
        Online answers become places with ids such as ``"nominatim:relation/123"``, a
        kind read from the service's type (how, in ``reasons``), ``score`` ``1/rank``
        and ``match`` ``exact`` (the service matched the name by its own rules).
    raw : tuple of dict
        The online service's records, one per candidate (empty for offline answers).
    skipped : tuple of str
        Why records of the service's answer were left out (no coordinates...), one reason each.
    """

    query: str
    source: Source
    provider: str
    candidates: tuple[Candidate, ...]
    raw: tuple[dict[str, Any], ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        """Whether any place answers."""
        return bool(self.candidates)

    @property
    def best(self) -> Candidate:
        """The best candidate.

        Raises
        ------
        PlaceNotFound
            When nothing answers.
        """
        if not self.candidates:
            raise PlaceNotFound(self.query, f"no place found for {self.query!r} ({self.provider})")
        return self.candidates[0]

    @property
    def label(self) -> str:
        """``"offline"``, ``"nominatim"`` or ``"nominatim (cached)"``: for people."""
        if self.source is Source.OFFLINE:
            return "offline"
        return self.provider + (" (cached)" if self.source is Source.CACHE else "")


def make_online_geocoder(name: str, *, user_agent: str | None, domain: str | None = None, scheme: str | None = None,
                         api_key: str | None = None, timeout: float = 10.0, proxies: Any = None,
                         adapter_factory: Any = None) -> Geocoder:
    """A geopy geocoder for an online service, configured and checked.

    Parameters
    ----------
    name : {"nominatim", "photon", "pelias", "arcgis"}
    user_agent : str or None
        Who is asking. Required for Nominatim, whose usage policy forbids anonymous
        clients; the others get ``"geomap"`` when ``None``.
    domain : str, optional
        Host (and port) of the service, for self-hosted servers and tests
        (``"127.0.0.1:8080"``). Required for Pelias.
    scheme : {"https", "http"}, optional
    api_key : str, optional
        Pelias' key (geocode.earth).
    timeout : float
        Seconds to wait for an answer.
    proxies, adapter_factory : optional
        Passed to geopy: ``proxies={}`` ignores the system's proxies; an adapter
        factory replaces the HTTP transport. The default is
        :class:`~gazetteer._http.BoundedAdapter`, geopy's ``URLLibAdapter`` with a total
        time limit (``timeout`` bounds the whole request), a size limit and no redirect
        to another host; it never retries on its own (geopy's ``RequestsAdapter`` lets
        urllib3 retry a 429 or 503 and sleep through its ``Retry-After`` for real, behind
        the back of the chain's shared rate limit and injected clock).

    Raises
    ------
    GeocoderConfigError
        Unknown service (the message lists the valid ones), no user agent for
        Nominatim, no domain for Pelias, or an option geopy refuses.

    Examples
    --------
    >>> make_online_geocoder("nominatim", user_agent="geomap-docs/1.0").domain
    'nominatim.openstreetmap.org'
    >>> make_online_geocoder("nominatim", user_agent=None)
    Traceback (most recent call last):
    ...
    gazetteer.errors.GeocoderConfigError: nominatim requires a user agent that names your application ...
    >>> make_online_geocoder("google", user_agent="x")
    Traceback (most recent call last):
    ...
    gazetteer.errors.GeocoderConfigError: unknown online geocoder 'google'; valid: arcgis, nominatim, pelias, photon
    """
    from geopy.geocoders import ArcGIS, Nominatim, Pelias, Photon

    key = name.strip().lower() if isinstance(name, str) else name
    if key not in SERVICES:
        raise GeocoderConfigError(f"unknown online geocoder {name!r}; valid: {', '.join(SERVICES)}")
    if scheme is not None and scheme not in ("http", "https"):
        raise GeocoderConfigError(f"scheme must be 'http' or 'https', got {scheme!r}")
    agent = user_agent.strip() if isinstance(user_agent, str) else None
    if key == "nominatim" and not agent:
        raise GeocoderConfigError("nominatim requires a user agent that names your application (its usage policy: "
                                  f"https://operations.osmfoundation.org/policies/nominatim/): pass {_USER_AGENT_HINT}")
    if key == "pelias" and not domain:
        raise GeocoderConfigError("pelias has no public default server: pass domain='api.geocode.earth' and an "
                                  "api_key, or the host of your own server (command line: --online-domain)")
    common: dict[str, Any] = {"user_agent": agent or "geomap", "scheme": scheme, "timeout": timeout,
                              "adapter_factory": adapter_factory or BoundedAdapter}
    if proxies is not None:
        common["proxies"] = proxies
    if domain is not None:
        common["domain"] = domain
    try:
        if key == "nominatim":
            return Nominatim(**common)
        if key == "photon":
            return Photon(**common)
        if key == "arcgis":
            return ArcGIS(**common)
        return Pelias(api_key=api_key, **common)
    except gexc.ConfigurationError as exc:
        raise GeocoderConfigError(f"{key}: {exc}") from exc


class GeocoderChain:
    """Answer from the offline gazetteer first, then from an online geocoder.

    Parameters
    ----------
    offline : Gazetteer, optional
        The shipped gazetteer by default.
    online : geopy Geocoder, optional
        From :func:`make_online_geocoder`, or any geopy geocoder. Without one the chain
        answers offline only.
    cache : GeocodeCache, str or Path, optional
        Where online answers (found and not found) are kept; a path opens a
        :class:`~gazetteer._cache.GeocodeCache` there. Its file also carries the rate
        limit, so that several processes share it.
    min_delay : float
        Seconds between two requests to the service, for every caller of this process
        (and of every process using the same cache file). Nominatim allows one per second.
    max_retries : int
        Further tries after a failed request: HTTP 429, 5xx, time-outs and unreachable
        servers are retried; a refused query or key is not.
    backoff : float
        The wait before retry *n* (from 0) is ``backoff * 2**n`` seconds, or the
        service's ``Retry-After`` when it sends one.
    max_wait : float
        A ``Retry-After`` longer than this is not waited for: the chain raises
        :class:`~gazetteer.GeocoderRateLimited` at once, with ``retry_after``.
    clock, sleep : callable
        Time source (seconds since the epoch) and sleep of the rate limiter; injected
        in tests, which never sleep for real.

    Examples
    --------
    >>> chain = GeocoderChain()  # offline only
    >>> res = chain.geocode("Berdzor")
    >>> res.source.value, res.best.place.name
    ('offline', 'Laçın')
    >>> chain.geocode("Qqqxxzzyy").found
    False
    >>> chain.reverse(39.64, 46.55).best.place.name
    'Laçın'
    """

    def __init__(self, offline: Gazetteer | None = None, online: Geocoder | None = None, *,
                 cache: GeocodeCache | str | Path | None = None, min_delay: float = 1.0, max_retries: int = 2,
                 backoff: float = 2.0, max_wait: float = 60.0, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if not isinstance(max_retries, int) or max_retries < 0:
            raise InvalidQuery(f"max_retries must be an integer >= 0, got {max_retries!r}")
        for label, value in (("backoff", backoff), ("max_wait", max_wait)):
            if not isinstance(value, (int, float)) or not value >= 0:
                raise InvalidQuery(f"{label} must be a number of seconds >= 0, got {value!r}")
        self.offline = offline if offline is not None else Gazetteer()
        self.online = online
        self._owns_cache = isinstance(cache, (str, Path))
        self.cache = GeocodeCache(cache) if isinstance(cache, (str, Path)) else cache
        self.max_retries = max_retries
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self.provider = type(online).__name__.lower() if online is not None else "gazetteer"
        # The budget belongs to a server, not to a class: a self-hosted Nominatim has its own.
        self.service = f"{self.provider}@{getattr(online, 'domain', '')}"
        self._limiter = RateLimiter(self.service, min_delay, clock=clock, sleep=sleep,
                                    path=self.cache.path if self.cache is not None else None)

    def geocode(self, name: str, *, country: str | None = None, kinds: Any = None, limit: int = 5) -> GeocodeResult:
        """Candidates for a place name: offline when the gazetteer knows it, else online.

        The gazetteer "knows" a name when it matches a place exactly, as an alias or as
        a demonym; near spellings and partial names are offered only when the online
        service (if any) finds nothing.

        Parameters
        ----------
        name : str
        country : str, optional
            ISO alpha-2 or alpha-3 code, for both the gazetteer and the service.
        kinds : Kind, str or iterable of them, optional
            Keep places of these kinds only (for online answers, the kind read from
            the service's type).
        limit : int
            At most this many candidates.

        Raises
        ------
        InvalidQuery, UnknownCountry
            A bad name, limit or country.
        GeocoderServiceError
            The online service failed after the retries (or at once, for a refused
            query); subclasses :class:`~gazetteer.GeocoderRateLimited`,
            :class:`~gazetteer.GeocoderTimedOut`, :class:`~gazetteer.GeocoderUnavailable`.
        GeocoderConfigError
            The service refused the key or the user agent.

        Examples
        --------
        >>> GeocoderChain().geocode("Tripoli", country="LB").best.place.country
        'LB'
        """
        offline = self.offline.lookup(name, country=country, kinds=kinds, limit=limit)
        if self.online is None or any(c.match in _KNOWN for c in offline):
            return GeocodeResult(name, Source.OFFLINE, "gazetteer", tuple(offline))
        cc = self.offline._country_code(country) if country is not None else None
        params = {"country": cc, "limit": limit}
        source, records, skipped = self._ask("geocode", name, params, lambda: self._geocode_online(name, cc, limit),
                                             limit)
        result = self._online_result(name, source, records, cc, parse_kinds(kinds), skipped)
        if not result.found and offline:
            return GeocodeResult(name, Source.OFFLINE, "gazetteer", tuple(offline))
        return result

    def reverse(self, lat: float, lon: float, *, max_km: float = 50.0) -> GeocodeResult:
        """What lies at a point: offline when the gazetteer has anything there, else online.

        Offline candidates are the nearest populated place (``score`` falls from 1 at
        the point to 0 at ``max_km``) then the areas that contain the point, country
        first, each with ``score`` 1.

        Raises
        ------
        InvalidCoordinates
            NaN, infinite or out-of-range coordinates.
        GeocoderServiceError
            As for :meth:`geocode`.

        Examples
        --------
        >>> [c.reasons[0] for c in GeocoderChain().reverse(39.64, 46.55).candidates][:2]
        ['nearest populated place, 0.3 km', 'contains the point']
        """
        res = self.offline.reverse(lat, lon, max_km=max_km)
        query = f"{float(lat):.6f},{float(lon):.6f}"
        cands = []
        if res.nearest is not None and res.distance_km is not None:
            cands.append(Candidate(res.nearest, round(max(0.0, 1.0 - res.distance_km / max_km), 4), MatchType.EXACT,
                                   reasons=(f"nearest populated place, {res.distance_km:.1f} km",)))
        cands += [Candidate(a, 1.0, MatchType.EXACT, reasons=("contains the point",)) for a in res.areas]
        if cands or self.online is None:
            return GeocodeResult(query, Source.OFFLINE, "gazetteer", tuple(cands))
        online = self.online
        source, records, skipped = self._ask("reverse", query, None,
                                             lambda: online.reverse((float(lat), float(lon)), exactly_one=False),
                                             REVERSE_LIMIT)
        return self._online_result(query, source, records, skipped=skipped)

    def close(self) -> None:
        """Close the files the chain opened (the cache it opened from a path, the rate-limit table)."""
        self._limiter.close()
        if self._owns_cache and self.cache is not None:
            self.cache.close()

    def __enter__(self) -> GeocoderChain:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- online ---------------------------------------------------------------------------------
    def _geocode_online(self, name: str, cc: str | None, limit: int) -> Any:
        from geopy.geocoders import Nominatim, Pelias, Photon

        assert self.online is not None
        options: dict[str, Any] = {}
        if isinstance(self.online, Nominatim):
            options = {"limit": limit, "addressdetails": True, "country_codes": cc.lower() if cc else None}
        elif isinstance(self.online, Photon):
            options = {"limit": limit}
        elif isinstance(self.online, Pelias) and cc:
            options = {"countries": [cc]}
        return self.online.geocode(name, exactly_one=False, **options)

    def _ask(self, method: str, query: str, params: dict[str, Any] | None, call: Callable[[], Any],
             limit: int) -> tuple[Source, list[dict[str, Any]], tuple[str, ...]]:
        """The service's records (from the cache or asked now), at most ``limit``, and why others were left out.

        A record without usable coordinates of its own is left out, never placed at (0, 0)
        (what geopy makes of a record without ``lat``/``lon``); a server that ignores the
        limit has only the first ``limit`` records kept, and cached.
        """
        if self.cache is not None:
            hit = self.cache.get(self.service, method, query, params)
            if isinstance(hit, list):
                return Source.CACHE, hit, ()
        answer = self._with_retries(call)
        locations = answer if isinstance(answer, list) else ([] if answer is None else [answer])
        records: list[dict[str, Any]] = []
        skipped: list[str] = []
        for rank, loc in enumerate(locations):
            if len(records) >= limit:
                skipped.append(f"{len(locations) - rank} record(s) beyond the limit of {limit}")
                break
            raw = getattr(loc, "raw", None)
            if not isinstance(raw, dict) or not has_point(raw):
                skipped.append(f"record {rank + 1}: no coordinates in the answer; left out")
                continue
            records.append({"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": raw})
        if self.cache is not None:
            try:
                self.cache.put(self.service, method, query, records, params)
            except (TypeError, ValueError):  # not JSON-ready (NaN deep in a raw record): not cached
                pass
        return Source.ONLINE, records, tuple(skipped)

    def _with_retries(self, call: Callable[[], Any]) -> Any:
        attempts = self.max_retries + 1
        for attempt in range(attempts):
            self._limiter.wait()
            try:
                return call()
            except gexc.GeocoderRateLimited as exc:
                retry_after = seconds(exc.retry_after)
                wait = retry_after if retry_after is not None else self.backoff * 2 ** attempt
                # Every caller of the service waits, not just this one: the budget is shared.
                self._limiter.defer(min(wait, self.max_wait))
                if wait > self.max_wait or attempt == attempts - 1:
                    raise GeocoderRateLimited(
                        f"{self.provider} is rate-limiting requests (HTTP 429) after {attempt + 1} attempt(s)"
                        + (f"; retry after {retry_after:g} s" if retry_after is not None else ""),
                        retry_after=retry_after) from exc
            except _FINAL as exc:
                raise self._translate(exc, attempt + 1) from exc
            except gexc.GeopyError as exc:
                if attempt == attempts - 1:
                    raise self._translate(exc, attempts) from exc
                self._limiter.defer(self.backoff * 2 ** attempt)
            except _SHAPE_ERRORS as exc:
                # geopy parsed valid JSON that is no answer of the service's kind: asking again gives the same.
                raise GeocoderServiceError(f"{self.provider} answered in an unexpected shape "
                                           f"({type(exc).__name__}: {clean(str(exc))[:200]})") from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _translate(self, exc: Exception, attempts: int) -> GeocoderServiceError | GeocoderConfigError:
        what = f"{self.provider} failed after {attempts} attempt(s): {clean(str(exc))}"
        if isinstance(exc, (gexc.GeocoderAuthenticationFailure, gexc.GeocoderInsufficientPrivileges,
                            gexc.ConfigurationError)):
            return GeocoderConfigError(f"{self.provider} refused the configuration (key or user agent): {clean(str(exc))}")
        if isinstance(exc, gexc.GeocoderTimedOut):
            return GeocoderTimedOut(what)
        if isinstance(exc, gexc.GeocoderUnavailable) or _unreachable(exc):
            return GeocoderUnavailable(what)
        return GeocoderServiceError(what)

    def _online_result(self, query: str, source: Source, records: list[dict[str, Any]],
                       cc: str | None = None, kind_set: frozenset[Kind] | None = None,
                       skipped: tuple[str, ...] = ()) -> GeocodeResult:
        pairs = []
        skipped_list = list(skipped)
        for rank, rec in enumerate(records):
            cand = candidate(self.provider, rank, rec) if isinstance(rec, dict) else None
            if cand is None:  # a cache file written by something else
                skipped_list.append(f"record {rank + 1}: no valid coordinates; left out")
                continue
            pairs.append((cand, rec["raw"]))
        if cc:
            # Photon and ArcGIS take no country filter: drop answers known to lie elsewhere.
            pairs = [(c, r) for c, r in pairs if c.place.country in ("", cc)]
        if kind_set is not None:
            pairs = [(c, r) for c, r in pairs if c.place.kind in kind_set]
        return GeocodeResult(query, source, self.provider, tuple(c for c, _ in pairs), tuple(r for _, r in pairs),
                             tuple(skipped_list))


def _unreachable(exc: BaseException) -> bool:
    """Whether a geopy error comes from a refused connection or an unknown host.

    geopy's URLLib adapter reports both as a bare ``GeocoderServiceError``; the
    socket error is still there in the exception's context.
    """
    import socket

    no_route = (ConnectionError, socket.gaierror)
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        reason = getattr(seen, "reason", None)
        if isinstance(seen, no_route) or isinstance(reason, no_route):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
