"""The document's other places near a candidate: closeness to the nearest, not to the middle.

A story about London, Ontario names St. Thomas 25 km away; the median point of a
story that also names places on other continents says nothing, the nearest
neighbour does. Places are kept in a grid of one-degree cells, so a document
naming thousands of towns costs linear time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from gazetteer import Place
from gazetteer._ranking import haversine_km

__all__ = ["Neighbours"]

_CELL_DEG = 1.0
# Cells searched on each side: about 220 km north and south, at least that east and west.
_REACH_CELLS = 2


class Neighbours:
    """The local places a document names, by name key, for nearest-neighbour distances.

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

    def __init__(self, places: Iterable[tuple[str, Place]]) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, Place]]] = {}
        for key, p in places:
            self._cells.setdefault(_cell(p.latitude, p.longitude), []).append((key, p))

    def __bool__(self) -> bool:
        return bool(self._cells)

    def nearest_km(self, p: Place, key: str) -> float | None:
        """Distance from ``p`` to the nearest place named by another key, if one is within reach."""
        ci, cj = _cell(p.latitude, p.longitude)
        best: float | None = None
        for i in range(ci - _REACH_CELLS, ci + _REACH_CELLS + 1):
            for j in range(cj - _REACH_CELLS, cj + _REACH_CELLS + 1):
                for k, q in self._cells.get((i, j % int(360 / _CELL_DEG)), ()):
                    if k == key or q.place_id == p.place_id:
                        continue
                    d = haversine_km(p.latitude, p.longitude, q.latitude, q.longitude)
                    if best is None or d < best:
                        best = d
        return best


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor((lon + 180.0) / _CELL_DEG) % int(360 / _CELL_DEG)
