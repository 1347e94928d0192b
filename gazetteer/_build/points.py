"""Every rule that sets a place's reference point during the build, in one place.

One rule for every area, written in ``data/README.md`` ("Points"):

* every area with a polygon (countries, UN M49 / CLDR groupings, curated regions,
  disputed areas, admin areas, seas and lakes) stands at the area-weighted centre
  (centroid) of its largest polygon, or at a point surely inside that polygon when
  the centre falls outside it (:func:`~gazetteer._build.shapes.middle`);
* a country without a polygon takes Natural Earth's label point where NE has a
  row for it, else the source's own point (a GeoNames dump's; in the shared-data
  build, the mean of its towns' points), else its capital (:func:`country_point`);
* lines (rivers, borders, corridors) stand at a point the curated file gives
  (a river's mouth) or at their midpoint (:func:`shape_point`).

No point is chosen to agree with an annotated corpus: where a corpus places a
country or a region elsewhere, ``geomap eval geoparse`` counts the differences.
"""

from __future__ import annotations

import math
from typing import Any

from .shapes import middle

__all__ = ["GROUPING_IDS", "country_point", "grouping_point", "point_ok", "shape_point"]

# The GeoNames ids of groupings GeoNames has as features (ids only: their points follow the rule).
GROUPING_IDS = {"EU": 6695072}


def point_ok(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180




def country_point(iso: str, *, own: tuple[float, float] | None, label: tuple[Any, Any] | None, geom: Any,
                  capital: tuple[float, float] | None) -> tuple[float, float] | None:
    """A country's point: the middle of its largest polygon, else NE's label, else the source's own, else its capital.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> country_point("XX", own=(1.0, 1.0), label=(40.46, 44.80), geom=box(44, 40, 46, 41), capital=None)
    (40.5, 45.0)
    >>> country_point("XX", own=(1.0, 2.0), label=(40.46, 44.80), geom=None, capital=None)
    (40.46, 44.8)
    >>> country_point("XX", own=(1.0, 2.0), label=None, geom=None, capital=(3.0, 4.0))
    (1.0, 2.0)
    """
    if geom is not None and not geom.is_empty:
        return middle(geom)
    if label is not None and None not in label and point_ok(float(label[0]), float(label[1])):
        return float(label[0]), float(label[1])
    if own is not None and point_ok(*own):
        return own
    return capital


def grouping_point(code: str, geom: Any) -> tuple[float, float, int]:
    """``(lat, lon, geonameid or 0)`` of a UN M49 / CLDR grouping: the middle of the union of its members."""
    return (*middle(geom), GROUPING_IDS.get(code, 0))


def shape_point(geom: Any, given: tuple[float, float] | None = None) -> tuple[float, float]:
    """The point of a shaped place: the one given, the middle of a line, else the shape's middle."""
    if given is not None:
        return given
    if geom.geom_type == "LineString":
        rp = geom.interpolate(0.5, normalized=True)
        return rp.y, rp.x
    return middle(geom)
