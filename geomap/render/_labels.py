"""Place names for the basemap, from the gazetteer: every country, and the largest towns.

The page has no tiles by default, so the names a reader finds a place by come from here. The
page's script (:mod:`geomap.render._placenames`) picks, on every move, the names that fit: the
largest countries and towns first, each name only where it overlaps no name already placed.

* :func:`country_labels` — every country with a polygon: its name, a point inside its largest
  part (where a label reads best), that part's box and its size (the order of precedence).
* :func:`town_labels` — the most populous towns of the world, and those of the map's box.
"""

from __future__ import annotations

import functools
import math
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._basemap import Box, country_rows

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer

__all__ = ["country_labels", "town_labels"]

#: How many towns the page carries for the whole world, and how many more from the map's box.
WORLD_TOWNS, BOX_TOWNS = 2500, 3000
_KM_PER_DEGREE = 111.32
_MAX_CELLS = 900


def country_labels(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Every country's label: ``{"name", "lat", "lon", "km2", "box": [w, s, e, n]}``, largest first.

    ``km2`` and ``box`` are those of the country's largest part (mainland), the part the label
    is on.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> labels = country_labels(Gazetteer())
    >>> names = [c["name"] for c in labels]
    >>> names.index("Russia") < names.index("Armenia"), len(labels) > 200
    (True, True)
    """
    return [dict(c) for c in _country_labels(str(gazetteer.store.path))]


@functools.lru_cache(maxsize=4)
def _country_labels(path: str) -> tuple[dict[str, Any], ...]:
    import shapely
    from shapely.ops import polylabel

    _, names, wkbs, _ = country_rows(path)
    whole = shapely.from_wkb(list(wkbs))
    # Coarse shapes (0.1 degree) are enough to place a label and take a tenth of the time.
    coarse = shapely.simplify(whole, 0.1, preserve_topology=False)
    out = []
    for name, geom, full in zip(names, coarse, whole):
        parts = [p for p in shapely.get_parts(geom) if not p.is_empty and p.is_valid]
        if parts:
            biggest = max(parts, key=lambda g: g.area)
            point = polylabel(biggest, tolerance=0.05)  # the point farthest from the edges
        else:  # too small for the coarse shapes: any point inside the real one
            biggest = max(shapely.get_parts(full), key=lambda g: g.area)
            point = biggest.point_on_surface()
        w, s, e, n = biggest.bounds
        km2 = biggest.area * _KM_PER_DEGREE ** 2 * math.cos(math.radians(point.y))
        out.append({"name": name, "lat": round(point.y, 3), "lon": round(point.x, 3), "km2": round(km2),
                    "box": [round(w, 2), round(s, 2), round(e, 2), round(n, 2)]})
    out.sort(key=lambda c: -c["km2"])
    return tuple(out)


def town_labels(gazetteer: Gazetteer, box: Box | None) -> list[list[Any]]:
    """Towns as ``[name, lat, lon, population]``, most populous first, each once.

    The :data:`WORLD_TOWNS` most populous towns of the world, and the :data:`BOX_TOWNS` most
    populous inside ``box`` (the map's first view), so zooming in finds smaller towns there.

    Examples
    --------
    >>> from gazetteer import Gazetteer
    >>> towns = town_labels(Gazetteer(), (44.0, 38.0, 47.0, 41.0))
    >>> names = [t[0] for t in towns]
    >>> towns[0][3] >= towns[1][3], names.index("Yerevan") < names.index("Goris")
    (True, True)
    >>> len(town_labels(Gazetteer(), None)) == WORLD_TOWNS
    True
    """
    path = str(gazetteer.store.path)
    rows = list(_world_towns(path))
    if box is not None:
        rows += _box_towns(path, box)
    seen: set[int] = set()
    out = []
    for place_id, name, lat, lon, population in sorted(rows, key=lambda r: -r[4]):
        if place_id not in seen:
            seen.add(place_id)
            out.append([name, lat / 1e5, lon / 1e5, population])
    return out


@functools.lru_cache(maxsize=4)
def _world_towns(path: str) -> tuple[tuple[Any, ...], ...]:
    return tuple(_towns(path, "", (), WORLD_TOWNS))


@functools.lru_cache(maxsize=64)
def _box_towns(path: str, box: Box) -> tuple[tuple[Any, ...], ...]:
    from gazetteer.store import cell_of

    where = "AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    args: tuple[Any, ...] = (round(box[1] * 1e5), round(box[3] * 1e5), round(box[0] * 1e5), round(box[2] * 1e5))
    cells = [cell_of(lat, lon) for lat in range(math.floor(box[1]), math.floor(box[3]) + 1)
             for lon in range(math.floor(box[0]), math.floor(box[2]) + 1)]
    if len(cells) <= _MAX_CELLS:  # through the one-degree cell index of towns, not the whole table
        where += f" AND cell IN ({','.join('?' * len(cells))})"
        args += tuple(cells)
    return tuple(_towns(path, where, args, BOX_TOWNS))


def _towns(path: str, where: str, args: tuple[Any, ...], limit: int) -> list[tuple[Any, ...]]:
    # One query on the documented schema (places: kind 0 is a populated place, coordinates in
    # 1e-5 degrees); the store has no "largest towns" query and a full read of the table takes ~0.1 s.
    from gazetteer.store import Store

    from gazetteer.store import Store

    Store(path).close()  # checks that the file is a gazetteer of the schema this code reads
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return con.execute("SELECT id, name, lat, lon, population FROM places WHERE kind = 0 AND population > 0 "
                           + where + " ORDER BY population DESC LIMIT ?", (*args, limit)).fetchall()
    finally:
        con.close()
