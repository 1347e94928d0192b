"""geomap.io: every format reads back what it wrote, field for field; the API's shape and atomic writes."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
import shapely

import geomap.io
from geomap.errors import InputError, OutputError
from geomap.incidents._frame import to_geodataframe
from geomap.incidents._model import Incident
from geomap.io import FORMATS, format_for, read_frame, read_incidents, write_incidents

EXTENSIONS = [".geojson", ".json", ".csv", ".gpkg", ".parquet", ".geoparquet", ".kml"]

LINE = shapely.LineString([(46.5, 39.6), (46.7, 39.8), (46.9, 39.7)])
POLYGON = shapely.Polygon([(46.0, 39.0), (47.0, 39.0), (47.0, 40.0), (46.0, 40.0), (46.0, 39.0)],
                          [[(46.2, 39.2), (46.2, 39.4), (46.4, 39.4), (46.4, 39.2), (46.2, 39.2)]])


def _incidents() -> list[Incident]:
    full = Incident(
        "d1:0-10", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
        actor1='Forces "A", of Somewhere', actor2="Forces B", inter1=1, inter2=8, civilian_targeting=True,
        country="Azerbaijan", iso="AZ", admin1="Lachin", admin2="", location="Laçın", latitude=39.64,
        longitude=46.55, geo_precision=1, fatalities=2, fatalities_low=2, fatalities_best=3, fatalities_high=5,
        injuries=4, source="Wire", source_url="https://example.org/a?b=1&c=2",
        notes="Line one\nline two, with <tags> & ampersands; ünïcödé Լաչին Лачин", evidence_start=3,
        evidence_end=40, place_id="geonames:147625", confidence=0.75, trigger="clash", trigger_start=5,
        trigger_end=10, place_start=20, place_end=25)
    corridor = Incident("d1:50-90", None, 3, "Strategic developments", "Strategic developments", "Other",
                        location="Lachin corridor", latitude=39.7, longitude=46.7, geo_precision=3,
                        geometry_wkb=shapely.to_wkb(LINE), place_id="curated:lachin-corridor")
    region = Incident("d2:1-2", datetime.date(2020, 1, 1), 2, "", "", "", geometry_wkb=shapely.to_wkb(POLYGON),
                      confidence=1.0, fatalities_low=0)
    nowhere = Incident("d3:0-1", datetime.date(2021, 12, 31), 3, "Demonstrations", "Protests", "Peaceful protest",
                       notes="=SUM(A1:A2) looks like a formula", injuries=0)
    return [full, corridor, region, nowhere]


def _same(a: Incident, b: Incident) -> list[str]:
    diffs = []
    for f in dataclasses.fields(Incident):
        va, vb = getattr(a, f.name), getattr(b, f.name)
        if f.name == "geometry_wkb":
            same = (va is None) == (vb is None) and (va is None or shapely.from_wkb(va).equals_exact(
                shapely.from_wkb(vb), 0))
        else:
            same = va == vb and type(va) is type(vb)
        if not same:
            diffs.append(f"{a.event_id}.{f.name}: {va!r} != {vb!r}")
    return diffs


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_a_write_read_round_trip_keeps_every_field(tmp_path, ext):
    incidents = _incidents()
    path = write_incidents(incidents, tmp_path / f"incidents{ext}")
    res = read_incidents(path)
    assert res.errors == []
    assert [i.event_id for i in res.incidents] == [i.event_id for i in incidents]
    assert [d for a, b in zip(incidents, res.incidents) for d in _same(a, b)] == []


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_an_empty_table_round_trips(tmp_path, ext):
    res = read_incidents(write_incidents([], tmp_path / f"empty{ext}"))
    assert (res.incidents, res.errors) == ([], [])


@pytest.mark.parametrize("ext", [".csv", ".geojson", ".gpkg"])
def test_read_frame_has_the_values_of_to_geodataframe(tmp_path, ext):
    path = write_incidents(_incidents(), tmp_path / f"incidents{ext}")
    frame = read_frame(path).frame
    expected = to_geodataframe(read_incidents(path).incidents)
    assert list(frame.columns) == list(expected.columns)
    assert frame.crs == expected.crs
    for col in expected.columns:
        if col == "geometry":
            assert all((a is None and b is None) or a.equals_exact(b, 0)
                       for a, b in zip(frame.geometry, expected.geometry)), col
            continue
        got = [None if v is None or v != v else v for v in frame[col].tolist()]
        want = [None if v is None or v != v else v for v in expected[col].tolist()]
        assert got == want, col


@pytest.mark.parametrize(("name", "fmt"), [("a.GEOJSON", "geojson"), ("a.json", "geojson"), ("a.gpkg", "gpkg"),
                                           ("a.csv", "csv"), ("a.parquet", "parquet"), ("a.geoparquet", "parquet"),
                                           ("a.kml", "kml")])
def test_the_extension_picks_the_format(name, fmt):
    assert format_for(name) == fmt


@pytest.mark.parametrize("bad", ["a.shp", "a", "a.xlsx"])
def test_an_unknown_extension_is_a_clear_error_listing_the_valid_ones(tmp_path, bad):
    with pytest.raises(InputError, match=r"valid: \.csv, \.geojson, .*\.kml, \.parquet"):
        write_incidents(_incidents(), tmp_path / bad)


def test_an_unknown_format_name_lists_the_valid_ones(tmp_path):
    with pytest.raises(InputError, match="valid: csv, geojson, gpkg, kml, parquet"):
        write_incidents([], tmp_path / "a.csv", format="xlsx")
    assert sorted(FORMATS) == ["csv", "geojson", "gpkg", "kml", "parquet"]


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, ext):
    path = write_incidents(_incidents()[:1], tmp_path / f"incidents{ext}")
    before = path.read_bytes()
    with pytest.raises(TypeError):
        write_incidents([_incidents()[0], "not an incident"], path)  # type: ignore[list-item]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_write_into_an_unwritable_place_is_an_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        write_incidents([], blocker / "sub" / "a.geojson")


def test_reading_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_incidents(tmp_path / "missing.csv")


def test_csv_options_are_refused_for_other_formats(tmp_path):
    path = write_incidents([], tmp_path / "a.geojson")
    with pytest.raises(InputError, match="CSV input only"):
        read_incidents(path, lat_column="lat")


def test_all_is_sorted_and_lists_the_public_names():
    public = {n for n in vars(geomap.io) if not n.startswith("_") and not isinstance(getattr(geomap.io, n),
                                                                                      type(geomap.io))}
    public -= {"annotations", "csv", "io", "os", "Path", "Any", "Iterable", "Sequence", "InputError", "Incident",
               "CheckedTable"}
    assert geomap.io.__all__ == sorted(geomap.io.__all__)
    assert set(geomap.io.__all__) == public


def test_row_errors_are_values_not_exceptions():
    e = geomap.io.RowError(3, "latitude", "abc", "not a finite number; row dropped")
    assert not isinstance(e, BaseException)
    assert e.to_dict() == {"row": 3, "column": "latitude", "value": "abc", "reason": "not a finite number; row dropped"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.row = 4  # type: ignore[misc]


def test_write_errors_writes_a_csv_report(tmp_path):
    errors = [geomap.io.RowError(3, "notes", 'a "quoted", value', "why")]
    path = geomap.io.write_errors(errors, tmp_path / "out.csv.errors.csv")
    assert path.read_text(encoding="utf-8").splitlines() == ["row,column,value,reason", '3,notes,"a ""quoted"", value",why']
