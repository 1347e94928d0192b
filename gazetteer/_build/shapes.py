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
