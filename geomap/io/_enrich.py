"""Reverse geocoding for incident tables that have only coordinates."""

from __future__ import annotations

import dataclasses
from typing import Any, Iterable

from ..incidents import Incident
from ._records import ReadResult, RowError

__all__ = ["enrich"]


def enrich(incidents: Iterable[Incident], *, gazetteer: Any = None, overwrite: bool = False,
           max_km: float = 50.0) -> ReadResult:
    """Fill ``country``, ``iso``, ``admin1``, ``admin2`` and ``location`` from each incident's coordinates.

    The country and admin areas are the gazetteer areas whose polygons contain the point
    (admin areas from the nearest town of the same country where the gazetteer has no
    admin polygon there); the location is the nearest populated place within ``max_km``
    (its ``place_id`` too, where the incident has none). Fields that already hold a value are kept unless
    ``overwrite``.

    Parameters
    ----------
    incidents : iterable of Incident
    gazetteer : gazetteer.Gazetteer, optional
        The shipped one by default.
    overwrite : bool
        Replace values that are already there.
    max_km : float
        Search radius for the nearest populated place.

    Returns
    -------
    ReadResult
        Every incident, in order (changed or not), and a row error (row = 1-based
        position) for each one without coordinates or in no country.

    Examples
    --------
    >>> import datetime
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.64, longitude=46.55)
    >>> e = enrich([i]).incidents[0]
    >>> e.country, e.iso, e.location
    ('Azerbaijan', 'AZ', 'Laçın')
    """
    if gazetteer is None:
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    out: list[Incident] = []
    errors: list[RowError] = []
    cache: dict[tuple[float, float], Any] = {}
    for n, inc in enumerate(incidents, start=1):
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
        if inc.latitude is None or inc.longitude is None:
            errors.append(RowError(n, "latitude", "", "no coordinates; not enriched"))
            out.append(inc)
            continue
        key = (round(inc.latitude, 5), round(inc.longitude, 5))
        if key not in cache:
            cache[key] = gazetteer.reverse(inc.latitude, inc.longitude, max_km=max_km)
        res = cache[key]
        found: dict[str, str] = {}
        if res.country is not None:
            found["country"] = res.country.name
            found["iso"] = res.country.country
        else:
            errors.append(RowError(n, "latitude", f"{inc.latitude}, {inc.longitude}",
                                   "no country contains the point; country and admin areas left as they were"))
        for area in res.areas:
            if area.kind.value in ("admin1", "admin2") and area.kind.value not in found:
                found[area.kind.value] = area.name
        town = res.nearest
        if town is not None and res.country is not None and town.country == res.country.country:
            # Where the gazetteer has no admin polygon here, the nearest town of the same country
            # tells its admin areas.
            for level in ("admin1", "admin2"):
                if level not in found and getattr(town, level):
                    found[level] = getattr(town, level)
        if res.nearest is not None:
            found["location"] = res.nearest.name
            if not inc.place_id or (overwrite and not inc.location):
                found["place_id"] = res.nearest.place_id
        changes: dict[str, Any] = {k: v for k, v in found.items() if overwrite or not getattr(inc, k)}
        if "place_id" in changes and "location" not in changes:
            del changes["place_id"]  # a place id that does not name the incident's location would mislead
        out.append(dataclasses.replace(inc, **changes) if changes else inc)
    return ReadResult(out, errors)
