"""How shapes are stored: simplified to a tolerance, and valid."""

from __future__ import annotations

import math
from typing import Any

# Stored shapes are simplified to about 500 m: enough for maps and point-in-polygon
# at the scale of admin areas, and it keeps the database small.
SIMPLIFY_DEG = 0.005
# A shape wider than this (degrees of longitude) is one split at the antimeridian.
_HALF_WORLD_DEG = 180.0


def simplify(geom: Any, tol: float = SIMPLIFY_DEG) -> Any:
    """``geom`` simplified to ``tol`` degrees and made valid; ``None`` for a missing or empty shape."""
    import shapely

    if geom is None or geom.is_empty:
        return None
    out = shapely.make_valid(geom.simplify(tol, preserve_topology=True))
    return out if not out.is_empty else None


def middle(geom: Any) -> tuple[float, float]:
    """A shape's middle as (lat, lon): the area-weighted centre of its largest part, else a point inside it.

    The one point rule of ``data/README.md`` ("Points"): an area stands at the
    centroid of its largest polygon (a country's main landmass, not the middle of it
    and its far islands), unless that polygon bends round its centroid (a ring of
    states, a crescent sea), where shapely's representative point stands in. A shape
    split at the antimeridian (Alaska, Fiji, the Pacific) is joined first.

    Examples
    --------
    >>> from shapely.geometry import MultiPolygon, box
    >>> middle(MultiPolygon([box(0, 0, 10, 10), box(50, 50, 51, 51)]))  # the large part's centre
    (5.0, 5.0)
    """
    minx, _, maxx, _ = geom.bounds
    if maxx - minx > _HALF_WORLD_DEG:
        # Split at the antimeridian (Alaska, Fiji, the Pacific): the planar centroid would fall on
        # the far side of the world, so the parts west of it are moved east by 360 degrees first.
        geom = _east_of_antimeridian(geom)
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        parts = [g for g in geom.geoms if g.geom_type == "Polygon"]
        if parts:  # by area on the ground: a degree of longitude shrinks with the cosine of latitude
            geom = max(parts, key=lambda g: g.area * math.cos(math.radians(g.centroid.y)))
    c = geom.centroid
    p = c if geom.contains(c) else geom.representative_point()
    return p.y, (p.x + 180.0) % 360.0 - 180.0


def _east_of_antimeridian(geom: Any) -> Any:
    """``geom`` with its parts in the western hemisphere moved 360 degrees east."""
    import shapely
    from shapely.affinity import translate

    parts = getattr(geom, "geoms", [geom])
    return shapely.union_all([translate(g, xoff=360.0) if g.bounds[2] <= 0 else g for g in parts])
