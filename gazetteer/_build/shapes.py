"""How shapes are stored: simplified to a tolerance, and valid."""

from __future__ import annotations

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
    """A shape's middle as (lat, lon): its centroid when that lies inside, else a point surely inside.

    Gazetteers place an area or a water body at its middle; a shape's centroid is
    that, unless the shape bends round it (a ring of states, a crescent sea) or is split
    at the antimeridian, where shapely's representative point stands in.
    """
    minx, _, maxx, _ = geom.bounds
    if maxx - minx > _HALF_WORLD_DEG:
        # Split at the antimeridian (Alaska, Fiji, the Pacific): the planar centroid would fall on
        # the far side of the world, so the parts west of it are moved east by 360 degrees first.
        geom = _east_of_antimeridian(geom)
    c = geom.centroid
    p = c if geom.contains(c) else geom.representative_point()
    return p.y, (p.x + 180.0) % 360.0 - 180.0


def _east_of_antimeridian(geom: Any) -> Any:
    """``geom`` with its parts in the western hemisphere moved 360 degrees east."""
    import shapely
    from shapely.affinity import translate

    parts = getattr(geom, "geoms", [geom])
    return shapely.union_all([translate(g, xoff=360.0) if g.bounds[2] <= 0 else g for g in parts])
