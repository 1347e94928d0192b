"""The build-time form of a gazetteer entry, shared by every source reader and the writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PlaceRecord:
    """One place as a source reader produces it, before it is written.

    ``internal_id`` is the GeoNames id for GeoNames places (so that alternate
    names from a dump can be streamed in by id) and is assigned by the writer
    for other places.
    """

    place_id: str
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    fclass: str = ""
    fcode: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    source: str = ""
    geometry: Any = None  # shapely geometry or None
    names: set[str] = field(default_factory=set)
    abbreviations: set[str] = field(default_factory=set)
    internal_id: int | None = None
    area_km2: int = 0  # the area of a place stored as a point (a curated island); a polygon's is computed
