"""Fuzz the readers of text, JSON Lines, CSV, GeoJSON and KML (issue 20).

Properties, for any input:

* the reader gives a typed error (:class:`~geomap.errors.GeomapError`) or a valid result, never
  another exception;
* no GeoJSON written from a result has a coordinate that is out of range or not finite;
* every output parses back: the GeoJSON, the CSV and the KML of the incidents read.

Bounded for CI: about a minute in all (``max_examples`` per reader, no deadline).
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.text import iter_jsonl, read_text
from geomap.errors import GeomapError, RecordError
from geomap.io import dumps_incidents, read_incidents
from geomap.io._kml import to_kml_bytes

# derandomize: CI runs the same examples every time, so a red run is reproducible, never a lottery.
SETTINGS = settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-1000, 1000),
                    st.sampled_from([90, -90, 180, -180, 90.0000001, 1e308, 0.0, -0.0]))
cells = st.one_of(st.text(max_size=12), numbers.map(repr), st.sampled_from(
    ["", "nan", "inf", "-inf", "1e999", "true", "2023-03-20", "2023-02-30", "20230320", "=1+1", "'=x", "Battles",
     "Armed clash", "\ud800", "\x00", "\r", '"', ";", "\t", ","]))
json_values = st.recursive(st.one_of(st.none(), st.booleans(), numbers.filter(lambda v: math.isfinite(v)),
                                     st.text(max_size=8)),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.text(max_size=6), inner, max_size=4)),
                           max_leaves=12)
coordinate = st.lists(numbers.filter(lambda v: math.isfinite(v)) | st.booleans() | st.none(), min_size=0, max_size=3)
geometries = st.one_of(
    st.builds(lambda c: {"type": "Point", "coordinates": c}, coordinate | st.none()),
    st.builds(lambda c: {"type": "LineString", "coordinates": c}, st.lists(coordinate, max_size=4)),
    st.builds(lambda c: {"type": "MultiPoint", "coordinates": c}, st.lists(coordinate, max_size=4)),
    st.builds(lambda c: {"type": "Polygon", "coordinates": [c]}, st.lists(coordinate, max_size=5)),
    json_values,
)
FIELDS = ["event_id", "event_date", "latitude", "longitude", "event_type", "sub_event_type", "fatalities", "notes",
          "actor1", "time_precision", "confidence", "civilian_targeting"]


def _check_outputs(incidents: list[Any], tmp: Path) -> None:
    """The incidents' GeoJSON is in range and finite; GeoJSON, CSV and KML all read back."""
    data = orjson.loads(dumps_incidents(incidents, format="geojson"))
    for feature in data["features"]:
        _in_range(feature["geometry"]["coordinates"] if feature["geometry"] else [])
    ids = [i.event_id for i in incidents]
    for name, payload in (("o.geojson", dumps_incidents(incidents, format="geojson").encode()),
                          ("o.csv", dumps_incidents(incidents, format="csv").encode()),
                          ("o.kml", to_kml_bytes(incidents))):
        (tmp / name).write_bytes(payload)
        back = read_incidents(tmp / name, check_swapped=False)
        assert [i.event_id for i in back.incidents] == ids, (name, back.errors)


def _in_range(coords: Any) -> None:
    if coords and isinstance(coords[0], (int, float)):
        lon, lat = coords[:2]
        assert math.isfinite(lon) and math.isfinite(lat) and abs(lon) <= 180 and abs(lat) <= 90, coords
    else:
        for c in coords:
            _in_range(c)


def _read(path: Path, tmp: Path) -> None:
    try:
        result = read_incidents(path, check_swapped=False)
    except GeomapError:
        return
    _check_outputs(result.incidents, tmp)


@SETTINGS
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_text_reader(data):
    try:
        doc = read_text(data)
    except GeomapError:
        return
    doc.text.encode("utf-8")  # no lone surrogate gets through
    json.dumps(doc.text, ensure_ascii=False).encode("utf-8")


@SETTINGS
@given(st.lists(st.binary(max_size=80) | st.builds(lambda d: json.dumps(d), json_values)
                | st.builds(lambda t: json.dumps({"text": t, "id": "x"}), st.text(max_size=30)), max_size=5))
def test_jsonl_reader(lines):
    for item in iter_jsonl(lines):
        if isinstance(item, RecordError):
            continue
        for value in (item.text, item.id, item.title, item.url):
            value.encode("utf-8")


@SETTINGS
@given(st.sampled_from([",", ";", "\t"]), st.lists(st.sampled_from(FIELDS), min_size=1, max_size=6, unique=True),
       st.lists(st.lists(cells, min_size=0, max_size=7), max_size=6), st.sampled_from(["utf-8", "utf-16"]))
def test_csv_reader(delimiter, header, rows, encoding):
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        text = "\n".join(delimiter.join(line) for line in [header, *rows]) + "\n"
        (tmp / "in.csv").write_bytes(text.encode(encoding, errors="surrogatepass"))
        _read(tmp / "in.csv", tmp)


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"type": st.just("Feature"), "geometry": geometries | st.none(),
                                       "properties": st.none() | st.dictionaries(st.sampled_from(FIELDS), cells | numbers
                                                                                 | st.booleans(), max_size=5)}),
                max_size=4))
def test_geojson_reader(features):
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        body = json.dumps({"type": "FeatureCollection", "features": features}, allow_nan=True)
        (tmp / "in.geojson").write_bytes(body.encode("utf-8", errors="surrogatepass"))
        _read(tmp / "in.geojson", tmp)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["Point", "LineString", "Polygon", "MultiGeometry"]),
                          st.lists(st.lists(numbers.map(repr) | st.text(max_size=4), max_size=3).map(",".join),
                                   max_size=4).map(" ".join),
                          st.dictionaries(st.sampled_from(FIELDS), cells.filter(lambda c: "\x00" not in c),
                                          max_size=3)), max_size=3))
def test_kml_reader(placemarks):
    from xml.sax.saxutils import escape, quoteattr

    def geometry(kind: str, coords: str) -> str:
        c = f"<coordinates>{escape(coords)}</coordinates>"
        if kind == "Polygon":
            return f"<Polygon><outerBoundaryIs><LinearRing>{c}</LinearRing></outerBoundaryIs></Polygon>"
        if kind == "MultiGeometry":
            return f"<MultiGeometry><Point>{c}</Point><LineString>{c}</LineString></MultiGeometry>"
        return f"<{kind}>{c}</{kind}>"

    marks = "".join(
        "<Placemark><ExtendedData>"
        + "".join(f"<Data name={quoteattr(k)}><value>{escape(v)}</value></Data>" for k, v in data.items())
        + f"</ExtendedData>{geometry(kind, coords)}</Placemark>" for kind, coords, data in placemarks)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        doc = f'<kml xmlns="http://www.opengis.net/kml/2.2"><Document>{marks}</Document></kml>'
        (tmp / "in.kml").write_bytes(doc.encode("utf-8", errors="surrogatepass"))
        _read(tmp / "in.kml", tmp)
