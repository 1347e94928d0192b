"""Checks every reader makes on a geometry before it becomes an incident's.

A geometry read from a file must have finite coordinates inside WGS84's ranges
(longitude -180..180, latitude -90..90) at every vertex, not only at its first
point; an empty one is no geometry. A feature's own point wins over
``latitude``/``longitude`` properties that say otherwise (reported).
"""

from __future__ import annotations

from typing import Any

from ._results import RowError

__all__ = ["geometry_problem", "json_coordinates_problem", "json_geometry_problem", "take_point"]

#: Degrees within which a point and its ``latitude``/``longitude`` properties are taken to agree
#: (our writers round to 6 decimal places).
_AGREE = 1e-6


def geometry_problem(geom: Any) -> str | None:
    """Why a shapely geometry cannot be an incident's shape, or ``None`` when it can.

    Examples
    --------
    >>> import shapely
    >>> geometry_problem(shapely.from_wkt("LINESTRING (46 39, 300 100)"))
    'coordinates out of range (longitude -180..180, latitude -90..90)'
    >>> geometry_problem(shapely.from_wkt("LINESTRING (0 0, 1 1)")) is None
    True
    """
    import numpy as np
    import shapely

    coords = shapely.get_coordinates(geom)
    if not np.isfinite(coords).all():
        return "NaN or infinite coordinates"
    if len(coords) and (np.abs(coords[:, 0]).max() > 180 or np.abs(coords[:, 1]).max() > 90):
        return "coordinates out of range (longitude -180..180, latitude -90..90)"
    return None


def json_coordinates_problem(value: Any, depth: int = 0) -> str | None:
    """Why a GeoJSON ``coordinates`` value is malformed (booleans, text, too deep), or ``None``.

    ``json.loads`` gives ``true`` as a Python ``bool``, which shapely would take as 1.

    Examples
    --------
    >>> json_coordinates_problem([True, False])
    'a coordinate is true, not a number'
    >>> json_coordinates_problem([[1, 2], [3.5, 4]]) is None
    True
    """
    if depth > 4:
        return "coordinates nested too deep"
    if isinstance(value, bool):
        return f"a coordinate is {str(value).lower()}, not a number"
    if isinstance(value, (int, float)):
        return None
    if isinstance(value, list):
        for v in value:
            problem = json_coordinates_problem(v, depth + 1)
            if problem is not None:
                return problem
        return None
    return f"a coordinate is {type(value).__name__}, not a number"


def json_geometry_problem(gj: Any, depth: int = 0) -> str | None:
    """:func:`json_coordinates_problem` over a GeoJSON geometry object, collections included.

    Examples
    --------
    >>> json_geometry_problem({"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, "2"]}]})
    'a coordinate is str, not a number'
    """
    if not isinstance(gj, dict) or depth > 4:
        return None  # shapely says what is wrong with it
    if gj.get("type") == "GeometryCollection":
        parts = gj.get("geometries")
        for part in parts if isinstance(parts, list) else ():
            problem = json_geometry_problem(part, depth + 1)
            if problem is not None:
                return problem
        return None
    return json_coordinates_problem(gj.get("coordinates"))


def take_point(rec: dict[str, Any], x: float, y: float, row: int, errors: list[RowError]) -> None:
    """Set ``rec``'s coordinates to the feature's point; report properties that disagree with it."""
    given = [rec.get("longitude"), rec.get("latitude")]
    if any(v is not None and str(v).strip() != "" for v in given):
        try:
            gx, gy = (float(v) for v in given)  # type: ignore[arg-type]
            agree = abs(gx - x) <= _AGREE and abs(gy - y) <= _AGREE
        except (TypeError, ValueError):
            agree = False
        if not agree:
            errors.append(RowError(row, "latitude", f"{given[1]}, {given[0]}"[:200],
                                   f"latitude/longitude properties differ from the feature's point ({y!r}, {x!r}); "
                                   "the point is kept"))
    rec["longitude"], rec["latitude"] = x, y
