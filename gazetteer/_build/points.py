"""Every rule that sets a place's reference point during the build, in one place.

Issue 18 asks that each country's and region's point follow one stated rule;
keeping the rules here means a change of rule is a change of this module only.

* countries: GeoNames' own point (from a dump, or ``country_points.csv``), else
  the CIA World Factbook's (countryinfo, when installed), else Natural Earth's
  label point, else a point inside the polygon, else the capital
  (:func:`country_point`);
* UN M49 / CLDR groupings: :data:`GROUPING_POINTS` where listed, else the
  middle of the union of their members (:func:`grouping_point`);
* every other area, line and curated entry: its ``point`` when the curated
  file gives one, the middle of a line, else :func:`~gazetteer._build.shapes.middle`
  (:func:`shape_point`).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .shapes import middle

__all__ = ["COUNTRY_POINTS", "GROUPING_POINTS", "country_point", "grouping_point", "point_ok", "read_country_points",
           "shape_point"]

HERE = Path(__file__).resolve().parents[1]

# Groupings whose sensible point is their seat rather than the middle of their members.
# The EU at its geographic centre (Gadheim, Bavaria, since 2020) rather than in its largest members' middle.
# The European subregions at GeoNames' points of its features of those names, as the GeoWebNews and
# TR-News annotations give them (no geonameid recorded): the union of the members' middle puts Northern
# Europe in Swedish Lapland and Western Europe in the Auvergne. Eastern Europe's union holds Siberia, so
# its middle is in Siberia; it stands at the middle of Belarus, Ukraine and Poland, the news sense.
# Latin America stands at GeoNames' South America point, where the GeoWebNews annotators place it.
GROUPING_POINTS = {"EU": (49.8431, 9.9019, 6695072),
                   "154": (61.68987, 2.90039, 0), "155": (50.21909, 7.42676, 0), "039": (41.34382, -3.33984, 0),
                   "035": (12.38293, 103.00781, 0), "151": (51.5, 27.0, 0),
                   "419": (-14.60485, -57.65625, 0)}
# GeoNames' own points of the sovereign states (CC BY 4.0; origin in data/README.md).
COUNTRY_POINTS = HERE / "data" / "country_points.csv"



def read_country_points(path: Path = COUNTRY_POINTS) -> dict[str, tuple[float, float]]:
    """Reference points of countries: GeoNames' own, else the CIA World Factbook's.

    A country is a point in most gazetteers and in the geoparsing corpora that
    score against them (Russia at 60 N 100 E, the United States at 39.76 N
    98.5 W), not a map label or the capital. GeoNames' points for the 196
    sovereign states come from ``country_points.csv`` (see ``data/README.md``
    for its origin); other territories take the Factbook's point as packaged
    by countryinfo, when that is installed. Missing countries fall back to
    Natural Earth's label points in the build.
    """
    import csv

    out = _factbook_points()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["latitude"]), float(row["longitude"])
            if not point_ok(lat, lon):
                raise ValueError(f"{path.name}: bad point for {row['iso']}: {lat}, {lon}")
            out[row["iso"]] = (lat, lon)
    return out


def _factbook_points() -> dict[str, tuple[float, float]]:
    """The Factbook's country points as packaged by countryinfo (empty when it is not installed)."""
    try:
        from importlib import resources

        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        return {}
    import json

    out: dict[str, tuple[float, float]] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        d = json.loads(entry.read_text(encoding="utf-8"))
        latlng, iso = d.get("latlng"), (d.get("ISO") or {}).get("alpha2")
        if iso and isinstance(latlng, list) and len(latlng) == 2 and point_ok(*map(float, latlng)):
            out[iso] = (float(latlng[0]), float(latlng[1]))
    return out


def point_ok(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180




def country_point(iso: str, *, own: tuple[float, float] | None, points: dict[str, tuple[float, float]],
                  label: tuple[Any, Any] | None, geom: Any, capital: tuple[float, float] | None
                  ) -> tuple[float, float] | None:
    """A country's point: GeoNames' own (``own``, from a dump), the reference point, NE's label, inside, capital."""
    lat, lon = own or points.get(iso) or label or (None, None)
    if lat is not None and lon is not None and point_ok(lat, lon):
        return lat, lon
    if geom is not None:
        p = geom.representative_point()
        return p.y, p.x
    return capital


def grouping_point(code: str, geom: Any) -> tuple[float, float, int]:
    """``(lat, lon, geonameid or 0)`` of a UN M49 / CLDR grouping."""
    return GROUPING_POINTS.get(code, (*middle(geom), 0))


def shape_point(geom: Any, given: tuple[float, float] | None = None) -> tuple[float, float]:
    """The point of a shaped place: the one given, the middle of a line, else the shape's middle."""
    if given is not None:
        return given
    if geom.geom_type == "LineString":
        rp = geom.interpolate(0.5, normalized=True)
        return rp.y, rp.x
    return middle(geom)
