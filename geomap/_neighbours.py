"""The document's other places near a candidate: closeness to the nearest, not to the middle.

A story about London, Ontario names St. Thomas 25 km away; the median point of a
story that also names places on other continents says nothing, the nearest
neighbour does. Places are kept in a grid of half-degree cells searched ring by
ring outwards, stopping as soon as no nearer place can remain or the reach is
passed, so each query reads the few cells around it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from gazetteer import Place

__all__ = ["Neighbours"]

_CELL_DEG = 0.5
_LON_CELLS = int(360 / _CELL_DEG)
_KM_PER_DEG = 111.19


class Neighbours:
    """The local places a document names, by name key, for nearest-neighbour distances.

    Parameters
    ----------
    places : iterable of (key, Place)
        Each place with the name key it was read from; a query skips its own key.
    reach_km : float, default 200
        Farther neighbours are not looked for (a query answers ``None``).

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> gaz = Gazetteer()
    >>> st_thomas = gaz.lookup("St. Thomas", country="CA", kinds="populated_place")[0].place
    >>> london_on = gaz.lookup("London", country="CA", kinds="populated_place")[0].place
    >>> near = Neighbours([("st thomas", st_thomas)])
    >>> round(near.nearest_km(london_on, "london"))
    24
    >>> near.nearest_km(st_thomas, "st thomas") is None
    True
    """

    def __init__(self, places: Iterable[tuple[str, Place]], reach_km: float = 200.0) -> None:
        self.reach_km = reach_km
        self._cells: dict[tuple[int, int], list[tuple[str, Place]]] = {}
        for key, p in places:
            if math.isfinite(p.latitude) and math.isfinite(p.longitude):
                self._cells.setdefault(_cell(p.latitude, p.longitude), []).append((key, p))

    def __bool__(self) -> bool:
        return bool(self._cells)

    def nearest_km(self, p: Place, key: str) -> float | None:
        """Distance from ``p`` to the nearest place named by another key, if one is within reach.

        Places across a pole are not searched; that is where no news story has two towns.
        """
        if not (math.isfinite(p.latitude) and math.isfinite(p.longitude)):
            return None
        ci, cj = _cell(p.latitude, p.longitude)
        best: float | None = None
        squeeze = math.cos(math.radians(p.latitude))
        ring = 0
        while True:
            for i, j in _ring(ci, cj, ring):
                for k, q in self._cells.get((i, j % _LON_CELLS), ()):
                    if k == key or q.place_id == p.place_id:
                        continue
                    # Equirectangular distance: within the reach (a few hundred km) it is within
                    # half a percent of the great circle, at a fraction of the cost.
                    dlon = (q.longitude - p.longitude + 540.0) % 360.0 - 180.0
                    d = _KM_PER_DEG * math.hypot(q.latitude - p.latitude, dlon * squeeze)
                    if best is None or d < best:
                        best = d
            # Every place in the next ring is at least this far: ``ring`` whole cells away, with
            # east-west cells narrowed to the widest latitude the ring spans.
            lat_edge = min(89.9, abs(p.latitude) + (ring + 1) * _CELL_DEG)
            bound = ring * _CELL_DEG * _KM_PER_DEG * math.cos(math.radians(lat_edge))
            if (best is not None and best <= bound) or bound > self.reach_km or ring >= _LON_CELLS // 2:
                break
            ring += 1
        return best if best is not None and best <= self.reach_km else None


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor((lon + 180.0) / _CELL_DEG) % _LON_CELLS


def _ring(ci: int, cj: int, r: int) -> Iterable[tuple[int, int]]:
    """The cells whose Chebyshev distance from (ci, cj) is exactly ``r``."""
    if r == 0:
        yield ci, cj
        return
    for dj in range(-r, r + 1):
        yield ci - r, cj + dj
        yield ci + r, cj + dj
    for di in range(-r + 1, r):
        yield ci + di, cj - r
        yield ci + di, cj + r
