"""KML: escaping, Google Earth's structure, reading other programs' KML, and refusing DTDs."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
import shapely

from geomap.errors import InputError
from geomap.incidents._model import Incident
from geomap.io import read_incidents, write_incidents

NS = {"k": "http://www.opengis.net/kml/2.2"}


def _inc(**kw) -> Incident:
    return Incident("e<1>&", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash", **kw)


def test_placemarks_carry_name_description_time_and_escaped_text(tmp_path):
    path = write_incidents([_inc(location="A & B <script>", notes="</description><x>", latitude=39.1,
                                 longitude=46.5)], tmp_path / "a.kml")
    root = ET.parse(path).getroot()
    pm = root.find("k:Document/k:Placemark", NS)
    assert pm.find("k:name", NS).text == "A & B <script>"
    assert pm.find("k:description", NS).text == "</description><x>"
    assert pm.find("k:TimeStamp/k:when", NS).text == "2023-03-20"
    assert pm.find("k:Point/k:coordinates", NS).text == "46.5,39.1"
    assert b"<script>" not in path.read_bytes()


def test_polygons_are_written_counter_clockwise(tmp_path):
    cw = shapely.Polygon([(46, 39), (46, 40), (47, 40), (47, 39)])
    path = write_incidents([_inc(geometry_wkb=shapely.to_wkb(cw))], tmp_path / "a.kml")
    ring = ET.parse(path).getroot().find(".//k:outerBoundaryIs/k:LinearRing/k:coordinates", NS).text
    coords = [tuple(map(float, p.split(","))) for p in ring.split()]
    assert shapely.LinearRing(coords).is_ccw


def test_kml_from_another_program_reads_name_description_and_when(tmp_path):
    path = tmp_path / "other.kml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
<Placemark><name>Lachin</name><description>Shelling reported.</description>
<TimeStamp><when>2023-03-20</when></TimeStamp><Point><coordinates>46.55,39.64,0</coordinates></Point></Placemark>
<Placemark><name>Corridor</name><LineString><coordinates>46.4,39.6 46.6,39.7</coordinates></LineString></Placemark>
</Folder></Document></kml>""", encoding="utf-8")
    res = read_incidents(path)
    a, b = res.incidents
    assert (a.location, a.notes, a.event_date, a.latitude, a.longitude) == (
        "Lachin", "Shelling reported.", datetime.date(2023, 3, 20), 39.64, 46.55)
    assert shapely.from_wkb(b.geometry_wkb).geom_type == "LineString" and b.latitude is None


@pytest.mark.parametrize(("text", "match"), [
    ('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml>&a;</kml>', "DTD"),
    ("<kml><Document><Placemark>", "not well-formed XML"),
    ("<gpx></gpx>", "not KML"),
])
def test_bad_kml_is_a_clear_error(tmp_path, text, match):
    path = tmp_path / "bad.kml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        read_incidents(path)


def test_an_unreadable_placemark_geometry_is_reported_and_skipped(tmp_path):
    path = tmp_path / "a.kml"
    path.write_text('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>x</name><Point><coordinates>'
                    'east,north</coordinates></Point></Placemark><Placemark><name>y</name><Point><coordinates>'
                    '46.5,39.5</coordinates></Point></Placemark></kml>', encoding="utf-8")
    res = read_incidents(path)
    assert [i.location for i in res.incidents] == ["y"]
    assert [(e.row, e.column) for e in res.errors] == [(1, "geometry")]


def test_kml_written_by_gdal_reads_back(tmp_path):
    import geopandas

    gdf = geopandas.GeoDataFrame({"event_id": ["g1"], "fatalities": [4], "notes": ["from GDAL"]},
                                 geometry=[shapely.Point(46.55, 39.64)], crs="EPSG:4326")
    path = tmp_path / "gdal.kml"
    gdf.to_file(path, driver="KML")
    (inc,) = read_incidents(path).incidents
    assert (inc.event_id, inc.fatalities, inc.notes, inc.latitude, inc.longitude) == ("g1", 4, "from GDAL", 39.64, 46.55)


def test_characters_xml_cannot_carry_become_replacement_characters(tmp_path):
    path = write_incidents([_inc(notes="bell\x07 and tab\t kept", latitude=1.0, longitude=2.0)], tmp_path / "a.kml")
    (inc,) = read_incidents(path, check_swapped=False).incidents
    assert inc.notes == "bell\ufffd and tab\t kept"


@pytest.mark.parametrize("coords", ["0,0 0,nan", "nan,0 1,1", "0,0 inf,1"])
def test_a_line_with_a_non_finite_vertex_is_a_row_error(tmp_path, coords):
    # Found by the readers' fuzz test: a NaN vertex reached shapely and made an invalid line.
    path = tmp_path / "a.kml"
    path.write_text('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>x</name>'
                    f"<LineString><coordinates>{coords}</coordinates></LineString></Placemark></Document></kml>",
                    encoding="utf-8")
    res = read_incidents(path)
    assert res.incidents == [] and "non-finite coordinate" in str(res.errors[0])
