"""The document's other places near a candidate: closeness to the nearest, not to the middle.

A story about London, Ontario names St. Thomas 25 km away; the median point of a
story that also names places on other continents says nothing, the nearest
neighbour does. Places are kept in a grid of half-degree cells searched ring by
ring outwards, stopping as soon as no nearer place can remain or the reach is
passed, so each query reads the few cells around it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from gazetteer import Kind, Place
from gazetteer._ranking import haversine_km

from ._containment import reach_km
from ._ranker import NEAR_SCALE_KM, NEIGHBOUR_SCALE_KM

__all__ = ["LOCAL_KINDS", "Neighbours", "closeness"]

#: Kinds of place a neighbour is: a town or a county.
LOCAL_KINDS = frozenset({Kind.POPULATED_PLACE, Kind.ADMIN2})

_CELL_DEG = 0.5
_LON_CELLS = int(360 / _CELL_DEG)
_KM_PER_DEG = 111.19
# Coarse blocks of cells: a query first asks whether any block within reach holds a place at all
# (most candidates of an ambiguous name are far-away namesakes with nothing around them).
_BLOCK = 4  # cells per block side (2 degrees)
# Up to this many places, a query measures every one instead of walking the grid.
_SCAN_ALL = 32


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
        self._blocks: set[tuple[int, int]] = set()
        self._all: list[tuple[str, Place]] = []
        for key, p in places:
            if math.isfinite(p.latitude) and math.isfinite(p.longitude):
                self._all.append((key, p))
                ci, cj = _cell(p.latitude, p.longitude)
                self._cells.setdefault((ci, cj), []).append((key, p))
                self._blocks.add((ci // _BLOCK, cj // _BLOCK))

    def __bool__(self) -> bool:
        return bool(self._cells)

    def nearest_km(self, p: Place, key: str, within_km: float | None = None) -> float | None:
        """Distance from ``p`` to the nearest place named by another key, if one is within reach.

        ``within_km`` narrows the reach for this query (a caller that only needs a nearer
        neighbour than some distance). Places across a pole are not searched; that is
        where no news story has two towns.
        """
        reach = self.reach_km if within_km is None else min(self.reach_km, within_km)
        if reach <= 0 or not (math.isfinite(p.latitude) and math.isfinite(p.longitude)):
            return None
        if len(self._all) <= _SCAN_ALL:
            # A story's few places: measuring each is cheaper than walking the grid, and gives the
            # same distance (the grid's rings stop only once no nearer place can remain).
            best = _nearest_among(p, key, self._all, math.cos(math.radians(p.latitude)), None)
            return best if best is not None and best <= reach else None
        ci, cj = _cell(p.latitude, p.longitude)
        if not self._any_block_near(p.latitude, ci, cj, reach):
            return None
        best = None
        squeeze = math.cos(math.radians(p.latitude))
        ring = 0
        while True:
            for i, j in _ring(ci, cj, ring):
                best = _nearest_among(p, key, self._cells.get((i, j % _LON_CELLS), ()), squeeze, best)
            # Every place in the next ring is at least this far: ``ring`` whole cells away, with
            # east-west cells narrowed to the widest latitude the ring spans.
            lat_edge = min(89.9, abs(p.latitude) + (ring + 1) * _CELL_DEG)
            bound = ring * _CELL_DEG * _KM_PER_DEG * math.cos(math.radians(lat_edge))
            if (best is not None and best <= bound) or bound > reach or ring >= _LON_CELLS // 2:
                break
            ring += 1
        return best if best is not None and best <= reach else None


    def _any_block_near(self, lat: float, ci: int, cj: int, reach: float) -> bool:
        """Whether any block within ``reach`` km of cell (ci, cj) holds a place."""
        block_deg = _BLOCK * _CELL_DEG
        rows = math.ceil(reach / (block_deg * _KM_PER_DEG))
        narrowest = math.cos(math.radians(min(89.9, abs(lat) + (rows + 1) * block_deg)))
        cols = min(_LON_CELLS // _BLOCK // 2, math.ceil(reach / (block_deg * _KM_PER_DEG * narrowest)))
        bi, bj = ci // _BLOCK, cj // _BLOCK
        blocks_around = _LON_CELLS // _BLOCK
        return any((i, j % blocks_around) in self._blocks
                   for i in range(bi - rows, bi + rows + 1) for j in range(bj - cols, bj + cols + 1))


def _nearest_among(p: Place, key: str, places: Iterable[tuple[str, Place]], squeeze: float,
                   best: float | None) -> float | None:
    """The smaller of ``best`` and the distance from ``p`` to the nearest of ``places`` named by another key.

    Equirectangular distance (``squeeze`` is the cosine of ``p``'s latitude): within the reach
    (a few hundred km) it is within half a percent of the great circle, at a fraction of the cost.
    """
    for k, q in places:
        if k == key or q.place_id == p.place_id:
            continue
        dlon = (q.longitude - p.longitude + 540.0) % 360.0 - 180.0
        d = _KM_PER_DEG * math.hypot(q.latitude - p.latitude, dlon * squeeze)
        if best is None or d < best:
            best = d
    return best


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


def closeness(p: Place, key: str, centre: tuple[float, float] | None, neighbours: Neighbours | None,
               w: dict[str, float], add: Callable[[str, float, str], None]) -> None:
    """Add the stronger of closeness to the document's centre and to its nearest other local place."""
    feature, value, reason = "", 0.0, ""
    if centre is not None:
        d = max(0.0, haversine_km(p.latitude, p.longitude, *centre) - reach_km(p))
        feature, value = "near_centre", math.exp(-d / NEAR_SCALE_KM)
        reason = f"{d:,.0f} km from the document's places"
    bonus = w[feature] * value if feature else 0.0
    # Only a neighbour nearer than the distance at which its bonus would beat the centre's.
    if w["near_neighbour"] > 0:
        worth = NEIGHBOUR_SCALE_KM * math.log(w["near_neighbour"] / max(bonus, 0.01))
        nearest = neighbours.nearest_km(p, key, worth) if neighbours and p.kind in LOCAL_KINDS else None
        if nearest is not None and w["near_neighbour"] * math.exp(-nearest / NEIGHBOUR_SCALE_KM) > bonus:
            feature, value = "near_neighbour", math.exp(-nearest / NEIGHBOUR_SCALE_KM)
            bonus = w[feature] * value
            reason = f"{nearest:,.0f} km from another place the document names"
    if feature and bonus >= 0.01:
        add(feature, value, reason)
