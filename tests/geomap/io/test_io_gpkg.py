"""GeoPackage (three layers, opened by GDAL), GeoParquet (metadata) and their bad input."""

from __future__ import annotations

import datetime
import json

import pyarrow.parquet as pq
import pyogrio
import pytest
import shapely

from geomap.errors import InputError
from geomap.incidents._model import Incident
from geomap.io import read_incidents, write_incidents
from geomap.io._gpkg import LAYERS

CORRIDOR = shapely.LineString([(46.4, 39.6), (46.6, 39.75), (46.8, 39.8)])


def _incidents() -> list[Incident]:
    base = ("Political violence", "Battles", "Armed clash")
    return [
        Incident("a", datetime.date(2023, 3, 20), 1, *base, location="Laçın", latitude=39.64, longitude=46.55,
                 place_id="geonames:147625"),
        Incident("b", datetime.date(2023, 3, 21), 1, *base, location="Laçın", latitude=39.64, longitude=46.55,
                 place_id="geonames:147625"),
        Incident("c", datetime.date(2023, 3, 22), 1, *base, location="Lachin corridor", latitude=39.7,
                 longitude=46.6, geometry_wkb=shapely.to_wkb(CORRIDOR), place_id="curated:lachin-corridor"),
        Incident("d", None, 3, *base, place_id="geonames:999999999999"),  # an id this gazetteer lacks
    ]


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory, gaz):
    return write_incidents(_incidents(), tmp_path_factory.mktemp("gpkg") / "incidents.gpkg", gazetteer=gaz)


def test_gdal_opens_the_geopackage_with_its_three_layers(gpkg):
    layers = pyogrio.list_layers(gpkg)
    assert [str(name) for name, _ in layers] == list(LAYERS) == ["incidents", "places", "borders"]
    assert pyogrio.read_info(gpkg, layer="incidents")["features"] == 4
    assert pyogrio.read_info(gpkg, layer="incidents")["crs"] == "EPSG:4326"


def test_the_places_layer_holds_the_distinct_gazetteer_places(gpkg, gaz):
    places = pyogrio.read_dataframe(gpkg, layer="places")
    assert sorted(places["place_id"]) == ["curated:lachin-corridor", "geonames:147625"]
    lachin = places[places["place_id"] == "geonames:147625"].iloc[0]
    assert (lachin["name"], lachin["kind"], lachin["country"]) == ("Laçın", "populated_place", "AZ")
    assert lachin.geometry.geom_type == "Point"
    corridor = places[places["place_id"] == "curated:lachin-corridor"].iloc[0]
    assert corridor.geometry.geom_type == gaz.get("curated:lachin-corridor").geometry_type


def test_the_borders_layer_holds_the_lines_the_incidents_refer_to(gpkg):
    borders = pyogrio.read_dataframe(gpkg, layer="borders")
    assert borders["place_id"].tolist() == ["curated:lachin-corridor"]
    assert borders["kind"].tolist() == ["corridor"]
    assert borders.geometry.iloc[0].equals_exact(CORRIDOR, 0)


def test_reading_a_geopackage_reads_its_incidents_layer(gpkg):
    res = read_incidents(gpkg)
    assert [i.event_id for i in res.incidents] == ["a", "b", "c", "d"] and res.errors == []


def test_a_geopackage_of_another_program_with_one_layer_reads(tmp_path):
    import geopandas

    gdf = geopandas.GeoDataFrame({"name": ["x"], "fatalities": [3]}, geometry=[shapely.Point(46.55, 39.64)],
                                 crs="EPSG:4326")
    path = tmp_path / "other.gpkg"
    gdf.to_file(path, layer="points", driver="GPKG")
    (inc,) = read_incidents(path).incidents
    assert (inc.latitude, inc.longitude, inc.fatalities, inc.event_id) == (39.64, 46.55, 3, "other:1")


def test_a_geopackage_in_another_crs_is_read_in_wgs84(tmp_path):
    import geopandas

    gdf = geopandas.GeoDataFrame({"event_id": ["m"]}, geometry=[shapely.Point(46.55, 39.64)], crs="EPSG:4326")
    path = tmp_path / "merc.gpkg"
    gdf.to_crs(3857).to_file(path, layer="incidents", driver="GPKG")
    (inc,) = read_incidents(path).incidents
    assert (inc.latitude, inc.longitude) == (pytest.approx(39.64), pytest.approx(46.55))


def test_a_file_that_is_no_geopackage_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.gpkg"
    path.write_bytes(b"SQLite format 3\x00 but not really")
    with pytest.raises(InputError, match="not a GeoPackage"):
        read_incidents(path)


def test_geoparquet_carries_its_geo_metadata(tmp_path):
    path = write_incidents(_incidents(), tmp_path / "a.parquet")
    meta = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert meta["primary_column"] == "geometry"
    assert meta["columns"]["geometry"]["encoding"] == "WKB"
    assert [i.event_id for i in read_incidents(path).incidents] == ["a", "b", "c", "d"]


def test_a_file_that_is_no_parquet_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.parquet"
    path.write_bytes(b"PAR1 truncated")
    with pytest.raises(InputError, match="not a GeoParquet file"):
        read_incidents(path)
