"""Reverse geocoding: the nearest populated place to a point and the areas that contain it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from ._ranking import haversine_km
from .models import Kind, Place
from .store import Store, cell_of

__all__ = ["ReverseResult", "containing", "covers", "nearest_town"]

AREA_KINDS = ("country", "admin1", "admin2", "disputed_area", "region")
PlaceOf = Callable[[tuple[Any, ...]], Place]


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What lies at a point.

    Attributes
    ----------
    nearest : Place or None
        The nearest populated place within the search radius.
    distance_km : float or None
        Distance to ``nearest``.
    areas : tuple of Place
        Areas whose polygon contains the point, largest kind first (country,
        admin1, admin2, disputed and other regions).
    """

    nearest: Place | None
    distance_km: float | None
    areas: tuple[Place, ...]

    @property
    def country(self) -> Place | None:
        """The containing country, where a country polygon contains the point."""
        return next((a for a in self.areas if a.kind is Kind.COUNTRY), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return {"nearest": self.nearest.to_dict() if self.nearest else None, "distance_km": self.distance_km,
                "areas": [a.to_dict() for a in self.areas]}


def nearest_town(store: Store, place_of: PlaceOf, lat: float, lon: float,
                 max_km: float) -> tuple[float, Place] | None:
    """The populated place nearest to a point within ``max_km``, with its distance, or ``None``."""
    dlat = max_km / 111.0
    dlon = min(180.0, max_km / (111.0 * max(0.01, math.cos(math.radians(lat)))))
    cells = sorted({cell_of(max(-90.0, min(90.0, y)), ((x + 180.0) % 360.0) - 180.0)
                    for y in _steps(lat - dlat, lat + dlat) for x in _steps(lon - dlon, lon + dlon)})
    best: tuple[float, Place] | None = None
    for i in range(0, len(cells), 500):
        for row in store.towns_in_cells(cells[i:i + 500]):
            place = place_of(row)
            d = haversine_km(lat, lon, place.latitude, place.longitude)
            if d <= max_km and (best is None or d < best[0]):
                best = (d, place)
    return best


def containing(store: Store, place_of: PlaceOf, poly_cache: dict[str, Any], lat: float, lon: float) -> list[Place]:
    """The areas whose polygon contains a point, largest kind first (shapes cached in ``poly_cache``)."""
    import shapely

    order = {k: i for i, k in enumerate(AREA_KINDS)}
    found = [place for place in map(place_of, store.rows_in_box(lon, lon, lat, lat, AREA_KINDS))
             if place.geometry_wkb is not None and covers(poly_cache, place, lat, lon)]
    found.sort(key=lambda p: order.get(p.kind.value, 99))
    return found


def covers(poly_cache: dict[str, Any], area: Place, lat: float, lon: float) -> bool:
    """Whether an area's shape meets a point; prepared shapes are kept in ``poly_cache`` by place id."""
    import shapely

    if area.geometry_wkb is None:
        return False
    geom = poly_cache.get(area.place_id)
    if geom is None:
        geom = poly_cache[area.place_id] = shapely.from_wkb(area.geometry_wkb)
        shapely.prepare(geom)
    return bool(geom.intersects(shapely.Point(lon, lat)))


def _steps(low: float, high: float) -> list[float]:
    """Points one degree apart from low to high, both ends included (to enumerate grid cells)."""
    out = [low + i for i in range(int(math.floor(high - low)) + 1)]
    return out + [high]
