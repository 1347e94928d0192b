"""GeoJSON (RFC 7946) writer and reader.

The writer follows RFC 7946 to the letter:

* coordinates are WGS84 longitude, latitude (§3.1.1, §4), with no ``crs`` member;
* exterior rings are counter-clockwise and holes clockwise (§3.1.6);
* coordinates are rounded to :data:`PRECISION` = 6 decimal places, about 0.1 m on the
  ground (§11.2 recommends no more than 6); the ``latitude``/``longitude`` properties are
  rounded alike, so that the geometry and the properties agree;
* lines and polygons that cross the antimeridian are cut in two at ±180° (§3.1.9);
* no NaN or infinity anywhere: a missing value is ``null``.

Each feature's ``id`` is the incident's ``event_id``; its properties are
:meth:`Incident.to_dict` (``year`` and ``geometry_type`` are derived and ignored on reading).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError
from ..incidents import Incident
from ._records import CheckedTable

__all__ = ["PRECISION", "read_geojson", "rfc7946_geometry", "write_geojson"]

#: Decimal places kept in written coordinates: 1e-6 degree is about 0.11 m.
PRECISION = 6


def _round(v: float) -> float:
    r = round(v, PRECISION)
    return r + 0.0  # no "-0.0"


def _unwrap(coords: Any) -> Any:
    """Longitudes made continuous along a sequence (each step under 180°)."""
    import numpy as np

    xy = np.asarray(coords, dtype=float).copy()
    if len(xy) > 1:
        dx = np.diff(xy[:, 0])
        xy[1:, 0] -= 360.0 * np.cumsum(np.round(dx / 360.0))
    return xy


def _crosses(geom: Any) -> bool:
    import numpy as np
    import shapely

    parts = shapely.get_parts(geom)
    for part in parts:
        rings = [part] if part.geom_type == "LineString" else (
            [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [])
        for ring in rings:
            x = np.asarray(ring.coords)[:, 0]
            if len(x) and (np.abs(x).max() > 180 or (len(x) > 1 and np.abs(np.diff(x)).max() > 180)):
                return True
    return False


def split_antimeridian(geom: Any) -> Any:
    """Cut a line or polygon that crosses ±180° longitude into parts on either side.

    A step of more than 180° between two vertices is taken to go the short way,
    across the antimeridian (§3.1.9 of RFC 7946).

    Examples
    --------
    >>> import shapely
    >>> split_antimeridian(shapely.LineString([(170, 10), (-170, 20)])).wkt
    'MULTILINESTRING ((170 10, 180 15), (-180 15, -170 20))'
    """
    import shapely

    if geom is None or geom.is_empty or geom.geom_type == "Point" or not _crosses(geom):
        return geom
    out = []
    for part in shapely.get_parts(geom):
        if part.geom_type == "LineString":
            unwrapped = shapely.LineString(_unwrap(part.coords))
        elif part.geom_type == "Polygon":
            shell = _unwrap(part.exterior.coords)
            start = shell[0, 0]
            holes = []
            for ring in part.interiors:
                h = _unwrap(ring.coords)
                h[:, 0] += 360.0 * round((start - h[0, 0]) / 360.0)
                holes.append(h)
            unwrapped = shapely.Polygon(shell, holes)
        else:
            out.append(part)
            continue
        minx, _, maxx, _ = unwrapped.bounds
        for k in range(math.floor((minx + 180) / 360), math.floor((maxx + 180) / 360) + 1):
            box = shapely.box(-180 + 360 * k, -90, 180 + 360 * k, 90)
            piece = unwrapped.intersection(box)
            if piece.is_empty:
                continue
            piece = shapely.transform(piece, lambda c, k=k: c - [360.0 * k, 0.0])
            out.extend(p for p in shapely.get_parts(piece) if p.geom_type in ("LineString", "Polygon"))
    if all(p.geom_type == "LineString" for p in out):
        return shapely.MultiLineString(out) if len(out) > 1 else out[0]
    polys = [p for p in out if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(polys) if len(polys) > 1 else polys[0]


def rfc7946_geometry(geom: Any) -> dict[str, Any] | None:
    """A shapely geometry as an RFC 7946 geometry object: split, oriented, rounded.

    Examples
    --------
    >>> import shapely
    >>> rfc7946_geometry(shapely.Polygon([(0, 0), (0, 1), (1, 1), (0, 0)]))["coordinates"]
    [[[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]
    """
    import numpy as np
    import shapely

    if geom is None or geom.is_empty:
        return None
    geom = split_antimeridian(geom)
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    coords = shapely.get_coordinates(geom)
    if not np.isfinite(coords).all():
        raise ValueError("geometry with NaN or infinite coordinates")
    geom = shapely.transform(geom, lambda c: np.round(c, PRECISION) + 0.0)
    return _lists(geom.__geo_interface__)


def _lists(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _lists(v) for k, v in obj.items()}
    if isinstance(obj, (tuple, list)):
        return [_lists(v) for v in obj]
    return obj


def _feature(inc: Incident) -> dict[str, Any]:
    import shapely

    props = inc.to_dict()
    for key in ("latitude", "longitude"):
        if props[key] is not None:
            props[key] = _round(props[key])
    if isinstance(props.get("confidence"), float) and not math.isfinite(props["confidence"]):
        props["confidence"] = None
    if inc.geometry_wkb is not None:
        geometry = rfc7946_geometry(shapely.from_wkb(inc.geometry_wkb))
    elif inc.latitude is not None and inc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [_round(inc.longitude), _round(inc.latitude)]}
    else:
        geometry = None
    return {"type": "Feature", "id": inc.event_id, "geometry": geometry, "properties": props}


def to_geojson_bytes(incidents: Sequence[Incident]) -> bytes:
    """The RFC 7946 FeatureCollection of the incidents, as UTF-8 JSON.

    Examples
    --------
    >>> import datetime, orjson
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.123456789, longitude=46.5)
    >>> orjson.loads(to_geojson_bytes([i]))["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [46.5, 39.123457]}
    """
    import orjson

    features = []
    for inc in incidents:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
        features.append(_feature(inc))
    return orjson.dumps({"type": "FeatureCollection", "features": features})


def write_geojson(incidents: Sequence[Incident], path: str | Path) -> Path:
    """Write incidents as an RFC 7946 GeoJSON FeatureCollection, atomically.

    Examples
    --------
    >>> import datetime, pathlib, tempfile
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.1, longitude=46.5)
    >>> write_geojson([i], pathlib.Path(tempfile.mkdtemp()) / "a.geojson").suffix
    '.geojson'
    """
    from ._outputs import atomic_write

    return atomic_write(path, to_geojson_bytes(incidents))


def read_geojson(path: str | Path, *, gazetteer: Any = None, check_swapped: bool = True) -> CheckedTable:
    """Read a GeoJSON FeatureCollection of incidents (ours, or any with point features).

    Invalid geometries are repaired with ``shapely.make_valid`` (never ``buffer(0)``,
    which can drop parts) and reported; properties go through the same checks as a CSV row.

    Raises
    ------
    InputError
        For a file that is not JSON (truncated), or not a FeatureCollection.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.geojson"
    >>> _ = p.write_text('{"type": "FeatureCollection", "features": [')
    >>> read_geojson(p)
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: ...bad.geojson: not valid JSON (truncated?): ...
    """
    import orjson
    import pandas as pd
    import shapely

    from ._records import FIELDS, RowError, check_table

    p = Path(path)
    try:
        data = orjson.loads(p.read_bytes())
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (truncated?): {exc}") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        kind = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InputError(f"{p}: not a GeoJSON FeatureCollection (found {kind!r})")
    records: list[dict[str, Any]] = []
    geoms: list[bytes | None] = []
    rows: list[int] = []
    errors: list[RowError] = []
    for n, feat in enumerate(data["features"], start=1):
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            errors.append(RowError(n, "", _short(feat), "not a GeoJSON Feature; skipped"))
            continue
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            errors.append(RowError(n, "properties", _short(props), "properties is not an object; skipped"))
            continue
        rec = {k: props[k] for k in FIELDS if k in props}
        if "event_id" not in rec and feat.get("id") is not None:
            rec["event_id"] = str(feat["id"])
        wkb = None
        gj = feat.get("geometry")
        if gj is not None:
            try:
                geom = shapely.geometry.shape(gj)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, shapely.errors.ShapelyError) as exc:
                # shapely.geometry.shape raises any of these for a malformed geometry object
                errors.append(RowError(n, "geometry", _short(gj), f"unreadable geometry ({exc}); skipped"))
                continue
            if not geom.is_valid:
                reason = shapely.is_valid_reason(geom)
                geom = shapely.make_valid(geom)
                errors.append(RowError(n, "geometry", reason, f"invalid geometry ({reason}); repaired with make_valid"))
            if geom.geom_type == "Point":  # the properties win where they have the coordinates
                for key, value in (("longitude", geom.x), ("latitude", geom.y)):
                    if rec.get(key) is None or rec.get(key) == "":
                        rec[key] = value
            elif not geom.is_empty:
                wkb = shapely.to_wkb(geom)
        records.append(rec)
        geoms.append(wkb)
        rows.append(n)
    frame = pd.DataFrame.from_records(records, columns=[c for c in FIELDS if any(c in r for r in records)]) \
        if records else pd.DataFrame()
    return check_table(frame, rows=rows, geometries=geoms, id_prefix=p.stem, gazetteer=gazetteer,
                          check_swapped=check_swapped).add_errors(errors)


def _short(value: Any) -> str:
    import orjson

    try:
        text = orjson.dumps(value).decode()
    except TypeError:
        text = repr(value)
    return text[:200]
