"""GeoJSON: each RFC 7946 rule checked on written output; GDAL reads it back; bad GeoJSON input."""

from __future__ import annotations

import datetime
import json
import math
import re

import orjson
import pyogrio
import pytest
import shapely

from geomap.errors import InputError
from geomap.incidents._model import Incident
from geomap.io import read_incidents, write_incidents
from geomap.io._geojson import PRECISION, split_antimeridian

CW_WITH_CCW_HOLE = shapely.Polygon(  # both rings the wrong way round for RFC 7946
    [(46.0, 39.0), (46.0, 40.0), (47.0, 40.0), (47.0, 39.0), (46.0, 39.0)],
    [[(46.2, 39.2), (46.4, 39.2), (46.4, 39.4), (46.2, 39.4), (46.2, 39.2)]])
ACROSS_LINE = shapely.LineString([(179.0, -16.0), (-179.5, -17.0), (-178.0, -18.0)])
ACROSS_POLYGON = shapely.Polygon([(178.0, -17.0), (-178.0, -17.0), (-178.0, -19.0), (178.0, -19.0), (178.0, -17.0)])


def _inc(event_id: str, **kw) -> Incident:
    return Incident(event_id, datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash", **kw)


INCIDENTS = [
    _inc("pt", latitude=39.123456789, longitude=46.987654321, location="Lachin"),
    _inc("poly", geometry_wkb=shapely.to_wkb(CW_WITH_CCW_HOLE), latitude=39.5, longitude=46.5),
    _inc("line", geometry_wkb=shapely.to_wkb(ACROSS_LINE)),
    _inc("fiji", geometry_wkb=shapely.to_wkb(ACROSS_POLYGON)),
    _inc("none", confidence=float("nan")),
    _inc("neg", latitude=-0.0000001, longitude=-0.0000001),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = write_incidents(INCIDENTS, tmp_path_factory.mktemp("gj") / "incidents.geojson")
    return path, path.read_text(encoding="utf-8")


def _features(text: str) -> dict[str, dict]:
    return {f["id"]: f for f in json.loads(text)["features"]}


def _rings(geometry: dict) -> list[tuple[list, bool]]:
    """(ring, is_exterior) for every ring of a Polygon or MultiPolygon."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [(ring, i == 0) for poly in polys for i, ring in enumerate(poly)]


def _positions(geometry: dict) -> list[list[float]]:
    out: list = []

    def walk(c):
        if c and isinstance(c[0], (int, float)):
            out.append(c)
        else:
            for x in c:
                walk(x)
    walk(geometry["coordinates"])
    return out


def test_rfc7946_3_1_1_positions_are_longitude_then_latitude(written):
    f = _features(written[1])["pt"]
    assert f["geometry"] == {"type": "Point", "coordinates": [46.987654, 39.123457]}


def test_rfc7946_4_no_crs_member_anywhere(written):
    doc = json.loads(written[1])
    assert "crs" not in doc
    assert all("crs" not in f and "crs" not in (f["geometry"] or {}) for f in doc["features"])


def test_rfc7946_3_1_6_exterior_rings_counter_clockwise_holes_clockwise(written):
    feats = _features(written[1])
    checked = 0
    for fid in ("poly", "fiji"):
        for ring, exterior in _rings(feats[fid]["geometry"]):
            assert shapely.LinearRing(ring).is_ccw is exterior, (fid, ring)
            checked += 1
    assert checked == 4  # poly's shell and hole, and the two halves of the split polygon


def test_rfc7946_11_2_coordinates_are_rounded_to_the_documented_precision(written):
    assert PRECISION == 6
    positions = [p for f in json.loads(written[1])["features"] if f["geometry"] for p in _positions(f["geometry"])]
    assert positions
    for p in positions:
        for v in p:
            assert round(v, PRECISION) == v
    coordinate_text = re.findall(r'"coordinates":(\[[^"]*\])', written[1])
    assert coordinate_text and all(len(d) <= PRECISION for t in coordinate_text for d in re.findall(r"\.(\d+)", t))
    props = _features(written[1])["pt"]["properties"]
    assert (props["latitude"], props["longitude"]) == (39.123457, 46.987654)
    assert _features(written[1])["neg"]["geometry"]["coordinates"] == [0.0, 0.0]  # no "-0.0"
    assert "-0.0," not in written[1]


def test_rfc7946_no_nan_or_infinity(written):
    def refuse(name):
        raise AssertionError(f"{name} in output")
    doc = json.loads(written[1], parse_constant=refuse)
    assert _features(written[1])["none"]["properties"]["confidence"] is None
    assert _features(written[1])["none"]["geometry"] is None
    assert all(math.isfinite(v) for f in doc["features"] if f["geometry"] for p in _positions(f["geometry"])
               for v in p)


def test_rfc7946_3_1_9_geometries_crossing_the_antimeridian_are_split(written):
    feats = _features(written[1])
    line, poly = feats["line"]["geometry"], feats["fiji"]["geometry"]
    assert line["type"] == "MultiLineString" and poly["type"] == "MultiPolygon"
    for geom in (line, poly):
        parts = geom["coordinates"]
        assert len(parts) == 2
        for part in parts:
            seq = part if geom["type"] == "MultiLineString" else part[0]
            xs = [p[0] for p in seq]
            assert all(-180 <= x <= 180 for x in xs)
            assert all(abs(a - b) <= 180 for a, b in zip(xs, xs[1:]))
    # the cut is at ±180°, where the straight (lon/lat) segment between the two vertices meets it
    assert line["coordinates"][0][-1] == [180.0, -16.666667] and line["coordinates"][1][0] == [-180.0, -16.666667]
    assert shapely.geometry.shape(poly).area == pytest.approx(4 * 2)  # 178°E to 182°E (178°W), 17°S to 19°S


@pytest.mark.parametrize(("geom", "expected_parts"), [
    (shapely.LineString([(170, 10), (-170, 20)]), 2),
    (shapely.LineString([(10, 10), (20, 20)]), 1),
    (shapely.LineString([(-170, 10), (170, 10), (-170, 20)]), 3),
    (shapely.Polygon([(170, 0), (190, 0), (190, 10), (170, 10)]), 2),  # given unwrapped, past 180
    (shapely.Point(179.9, 0), 1),
])
def test_split_antimeridian_table(geom, expected_parts):
    out = split_antimeridian(geom)
    assert len(shapely.get_parts(out)) == expected_parts
    assert all(-180 <= x <= 180 for x in shapely.get_coordinates(out)[:, 0])


def test_gdal_reads_the_geojson_back_with_the_same_features(written):
    path, text = written
    gdf = pyogrio.read_dataframe(path)
    ours = json.loads(text)["features"]
    assert len(gdf) == len(ours)
    assert gdf["event_id"].tolist() == [f["id"] for f in ours]
    for (_, row), f in zip(gdf.iterrows(), ours):
        if f["geometry"] is None:
            assert row.geometry is None
            continue
        assert row.geometry.equals_exact(shapely.geometry.shape(f["geometry"]), 1e-9), f["id"]
        assert row["location"] == f["properties"]["location"]
    assert pyogrio.read_info(path)["crs"] == "EPSG:4326"


# -- bad input -----------------------------------------------------------------------------------------------------
def test_truncated_geojson_is_a_clear_error(tmp_path):
    path = write_incidents(INCIDENTS, tmp_path / "a.geojson")
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(InputError, match="not valid JSON"):
        read_incidents(path)


@pytest.mark.parametrize("doc", [{"type": "Feature", "geometry": None, "properties": {}}, [], {"type": "Point"},
                                 {"type": "FeatureCollection"}, "text"])
def test_anything_but_a_feature_collection_is_a_clear_error(tmp_path, doc):
    path = tmp_path / "a.geojson"
    path.write_bytes(orjson.dumps(doc))
    with pytest.raises(InputError, match="not a GeoJSON FeatureCollection"):
        read_incidents(path)


def _collection(tmp_path, *features):
    path = tmp_path / "in.geojson"
    path.write_bytes(orjson.dumps({"type": "FeatureCollection", "features": list(features)}))
    return path


def test_an_invalid_geometry_is_repaired_with_make_valid_and_reported(tmp_path):
    bowtie = {"type": "Polygon", "coordinates": [[[46, 39], [47, 40], [47, 39], [46, 40], [46, 39]]]}
    path = _collection(tmp_path, {"type": "Feature", "id": "bow", "geometry": bowtie, "properties": {}},
                       {"type": "Feature", "id": "ok", "geometry": {"type": "Point", "coordinates": [46.5, 39.5]},
                        "properties": {}})
    res = read_incidents(path, check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["bow", "ok"]
    (err,) = res.errors
    assert (err.row, err.column) == (1, "geometry") and "Self-intersection" in err.value
    assert "make_valid" in err.reason
    repaired = shapely.from_wkb(res.incidents[0].geometry_wkb)
    # make_valid keeps both triangles of the bow tie; buffer(0) would keep only one
    assert repaired.geom_type == "MultiPolygon" and repaired.area == pytest.approx(0.5)


def test_features_that_are_not_features_are_skipped_and_reported(tmp_path):
    path = _collection(tmp_path, {"type": "Point", "coordinates": [1, 2]}, "x",
                       {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.5, 39.5]},
                        "properties": {"event_id": "e", "fatalities": "many"}},
                       {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.5, 39.5]},
                        "properties": {"event_id": "f", "latitude": None}})
    res = read_incidents(path, check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["f"]
    assert [(e.row, e.column) for e in res.errors] == [(1, ""), (2, ""), (3, "fatalities")]


def test_a_third_party_point_collection_reads_with_ids_from_the_feature(tmp_path):
    path = _collection(tmp_path, {"type": "Feature", "id": 7, "geometry": {"type": "Point", "coordinates": [46.55, 39.64]},
                                  "properties": {"name": "x"}})
    (inc,) = read_incidents(path).incidents
    assert (inc.event_id, inc.latitude, inc.longitude) == ("7", 39.64, 46.55)


@pytest.mark.parametrize("geometry", [{"type": "Polygon"}, {"type": "Hexagon", "coordinates": []}, "POINT (1 2)",
                                      {"type": "Point", "coordinates": ["a", "b"]}])
def test_unreadable_geometries_are_skipped_and_reported(tmp_path, geometry):
    path = _collection(tmp_path, {"type": "Feature", "geometry": geometry, "properties": {}},
                       {"type": "Feature", "geometry": None, "properties": {"event_id": "ok"}})
    res = read_incidents(path)
    assert [i.event_id for i in res.incidents] == ["ok"]
    assert [(e.row, e.column) for e in res.errors] == [(1, "geometry")]
