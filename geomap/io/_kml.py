"""KML 2.2 for Google Earth: one Placemark per incident, every field in ExtendedData.

A Placemark's ``name`` is the location (or the event id), its ``description`` the
evidence sentence, its ``TimeStamp`` the event date; ``ExtendedData`` holds every field
of :meth:`Incident.to_dict` as text, so that reading the file back loses nothing.
The geometry is the line or polygon where the incident has one (exterior rings
counter-clockwise), else its point; coordinates are ``lon,lat`` at full precision.
Text is escaped by :mod:`xml.etree.ElementTree`; the few control characters XML 1.0
cannot carry at all (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F) become U+FFFD, so
they are the one thing a KML round trip does not keep. The reader refuses documents
with a DTD in any encoding (no entity expansion).
"""

from __future__ import annotations

import math

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError
from ..incidents import Incident
from ._geomcheck import geometry_problem, take_point
from ._records import FIELDS, CheckedTable, RowError, check_table

__all__ = ["read_kml", "to_kml_bytes", "write_kml"]

NS = "http://www.opengis.net/kml/2.2"
_Q = "{" + NS + "}"


def _coords(seq: Any) -> str:
    return " ".join(f"{x!r},{y!r}" for x, y, *_ in seq)


def _geometry(parent: ET.Element, geom: Any) -> None:
    if geom.geom_type == "Point":
        ET.SubElement(ET.SubElement(parent, "Point"), "coordinates").text = f"{geom.x!r},{geom.y!r}"
    elif geom.geom_type == "LineString":
        ET.SubElement(ET.SubElement(parent, "LineString"), "coordinates").text = _coords(geom.coords)
    elif geom.geom_type == "Polygon":
        poly = ET.SubElement(parent, "Polygon")
        ring = ET.SubElement(ET.SubElement(poly, "outerBoundaryIs"), "LinearRing")
        ET.SubElement(ring, "coordinates").text = _coords(geom.exterior.coords)
        for hole in geom.interiors:
            ring = ET.SubElement(ET.SubElement(poly, "innerBoundaryIs"), "LinearRing")
            ET.SubElement(ring, "coordinates").text = _coords(hole.coords)
    else:  # Multi* and collections
        multi = ET.SubElement(parent, "MultiGeometry")
        for part in geom.geoms:
            _geometry(multi, part)


# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return _NOT_XML.sub("\ufffd", str(v))


def to_kml_bytes(incidents: Sequence[Incident], *, name: str = "geomap incidents") -> bytes:
    """The incidents as a KML document (UTF-8).

    Examples
    --------
    >>> import datetime
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              location="Tom & Jerry <b>", latitude=39.1, longitude=46.5)
    >>> b"<name>Tom &amp; Jerry &lt;b&gt;</name>" in to_kml_bytes([i])
    True
    """
    import shapely

    ET.register_namespace("", NS)
    root = ET.Element("kml", xmlns=NS)
    doc = ET.SubElement(root, "Document")
    ET.SubElement(doc, "name").text = name
    for inc in incidents:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
        pm = ET.SubElement(doc, "Placemark")
        ET.SubElement(pm, "name").text = _text(inc.location or inc.event_id)
        if inc.notes:
            ET.SubElement(pm, "description").text = _text(inc.notes)
        if inc.event_date is not None:
            ET.SubElement(ET.SubElement(pm, "TimeStamp"), "when").text = inc.event_date.isoformat()
        ext = ET.SubElement(pm, "ExtendedData")
        for key, value in inc.to_dict().items():
            if key in ("year", "geometry_type"):
                continue
            data = ET.SubElement(ext, "Data", name=key)
            ET.SubElement(data, "value").text = _text(value)
        shape = inc.shape()
        if shape is not None:
            _geometry(pm, shapely.orient_polygons(shape, exterior_cw=False))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_kml(incidents: Sequence[Incident], path: str | Path) -> Path:
    """Write incidents as KML, atomically.

    Examples
    --------
    >>> import datetime, pathlib, tempfile
    >>> i = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              latitude=39.1, longitude=46.5)
    >>> write_kml([i], pathlib.Path(tempfile.mkdtemp()) / "a.kml").suffix
    '.kml'
    """
    from ._outputs import atomic_write

    return atomic_write(path, to_kml_bytes(incidents))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_coords(text: str | None) -> list[tuple[float, float]]:
    out = []
    for tup in (text or "").split():
        parts = tup.split(",")
        x, y = float(parts[0]), float(parts[1])
        if not (math.isfinite(x) and math.isfinite(y)):
            # before shapely sees it: a NaN vertex makes a geometry no check downstream can trust
            raise ValueError(f"non-finite coordinate {tup!r}")
        out.append((x, y))
    return out


def _read_geometry(el: ET.Element) -> Any:
    import shapely

    tag = _local(el.tag)
    if tag == "Point":
        (x, y), = _parse_coords(_find_text(el, "coordinates"))
        return shapely.Point(x, y)
    if tag in ("LineString", "LinearRing"):
        return shapely.LineString(_parse_coords(_find_text(el, "coordinates")))
    if tag == "Polygon":
        shell, holes = None, []
        for child in el:
            ring = next((r for r in child.iter() if _local(r.tag) == "LinearRing"), None)
            if ring is None:
                continue
            coords = _parse_coords(_find_text(ring, "coordinates"))
            if _local(child.tag) == "outerBoundaryIs":
                shell = coords
            elif _local(child.tag) == "innerBoundaryIs":
                holes.append(coords)
        return shapely.Polygon(shell, holes)
    if tag == "MultiGeometry":
        parts = [_read_geometry(c) for c in el if _local(c.tag) in _GEOMETRIES]
        kinds = {p.geom_type for p in parts}
        if kinds == {"Point"}:
            return shapely.MultiPoint(parts)
        if kinds == {"LineString"}:
            return shapely.MultiLineString(parts)
        if kinds == {"Polygon"}:
            return shapely.MultiPolygon(parts)
        return shapely.GeometryCollection(parts)
    raise ValueError(f"unsupported KML geometry {tag}")


_GEOMETRIES = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry")


def _find_text(el: ET.Element, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name:
            return child.text
    return None


def read_kml(path: str | Path, *, gazetteer: Any = None, check_swapped: bool = True) -> CheckedTable:
    """Read the Placemarks of a KML file as incidents (ours, or any with points).

    Placemarks without our ExtendedData take ``location`` from ``name``, ``notes`` from
    ``description`` and ``event_date`` from ``TimeStamp``.

    Raises
    ------
    InputError
        For a file that is not XML, not KML, or has a DTD.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.kml"
    >>> _ = p.write_text('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Lachin</name>'
    ...                  '<Point><coordinates>46.55,39.64</coordinates></Point></Placemark></kml>')
    >>> i = read_kml(p, check_swapped=False).to_incidents()[0]
    >>> i.location, i.latitude, i.longitude
    ('Lachin', 39.64, 46.55)
    """
    import pandas as pd
    import shapely

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from exc
    import defusedxml
    import defusedxml.ElementTree as DET

    try:
        # defusedxml refuses a DTD however the file is encoded (a byte search misses UTF-16).
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputError(f"{p}: KML with a DTD is not accepted (entity expansion)") from exc
    except ET.ParseError as exc:
        raise InputError(f"{p}: not well-formed XML (truncated?): {exc}") from exc
    if _local(root.tag) != "kml":
        raise InputError(f"{p}: not KML (root element {_local(root.tag)!r})")
    records: list[dict[str, Any]] = []
    geoms: list[bytes | None] = []
    rows: list[int] = []
    errors: list[RowError] = []
    for n, pm in enumerate((e for e in root.iter() if _local(e.tag) == "Placemark"), start=1):
        rec: dict[str, Any] = {}
        for data_el in (e for e in pm.iter() if _local(e.tag) in ("Data", "SimpleData")):
            key = data_el.get("name", "")
            if key in FIELDS:  # <Data name><value>, or GDAL's <SchemaData><SimpleData name>
                text = _find_text(data_el, "value") if _local(data_el.tag) == "Data" else data_el.text
                rec[key] = text or ""
        if not rec:
            rec["location"] = (_find_text(pm, "name") or "").strip()
            rec["notes"] = (_find_text(pm, "description") or "").strip()
            rec["event_date"] = (_find_text(pm, "when") or "").strip()
        geom_el = next((c for c in pm if _local(c.tag) in _GEOMETRIES), None)
        wkb = None
        if geom_el is not None:
            try:
                geom = _read_geometry(geom_el)
                problem = geometry_problem(geom)
                if problem is not None:
                    raise ValueError(problem)
            except (ValueError, IndexError, TypeError, shapely.errors.GEOSException) as exc:
                errors.append(RowError(n, "geometry", _local(geom_el.tag), f"unreadable geometry ({exc}); skipped"))
                continue
            if not geom.is_valid:
                reason = shapely.is_valid_reason(geom)
                geom = shapely.make_valid(geom)
                errors.append(RowError(n, "geometry", reason, f"invalid geometry ({reason}); repaired with make_valid"))
            if geom.is_empty:
                pass
            elif geom.geom_type == "Point":
                take_point(rec, geom.x, geom.y, n, errors)
            else:
                wkb = shapely.to_wkb(geom)
        records.append(rec)
        geoms.append(wkb)
        rows.append(n)
    columns = [c for c in FIELDS if any(c in r for r in records)]
    frame = pd.DataFrame.from_records(records, columns=columns).astype(object) if records else pd.DataFrame()
    return check_table(frame, rows=rows, geometries=geoms, id_prefix=p.stem, gazetteer=gazetteer,
                          check_swapped=check_swapped).add_errors(errors)
