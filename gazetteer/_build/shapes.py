"""How shapes are stored: simplified to a tolerance, and valid."""

from __future__ import annotations

from typing import Any

# Stored shapes are simplified to about 500 m: enough for maps and point-in-polygon
# at the scale of admin areas, and it keeps the database small.
SIMPLIFY_DEG = 0.005


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
    that, unless the shape bends round it (a ring of states, a crescent sea), where
    shapely's representative point stands in.
    """
    c = geom.centroid
    p = c if geom.contains(c) else geom.representative_point()
    return p.y, p.x
