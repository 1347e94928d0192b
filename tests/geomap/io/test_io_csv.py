"""CSV: ACLED column order, ACLED and UCDP GED exports, generic tables, and bad input row by row."""

from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.incidents._frame import to_geodataframe
from geomap.incidents._model import ACLED_COLUMNS, Incident
from geomap.io import read_frame, read_incidents, write_incidents
from geomap.io._csv import EXTRA_COLUMNS, UCDP_DATE_PRECISION, UCDP_WHERE_PRECISION

DATA = Path(__file__).resolve().parents[2] / "data" / "io"


def _write(tmp_path: Path, text: str | bytes, name: str = "t.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


# -- writing -------------------------------------------------------------------------------------------------------
def test_the_header_is_acled_order_then_ours(tmp_path):
    inc = Incident("e1", datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash",
                   civilian_targeting=True, iso="AZ", latitude=39.1, longitude=46.5)
    path = write_incidents([inc], tmp_path / "a.csv")
    header, row = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    assert tuple(header[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert tuple(header[len(ACLED_COLUMNS):]) == EXTRA_COLUMNS
    cells = dict(zip(header, row))
    assert (cells["event_id_cnty"], cells["year"], cells["civilian_targeting"], cells["iso"]) == (
        "e1", "2023", "Civilian targeting", "AZ")
    assert cells["fatalities_best"] == "" and cells["confidence"] == "0.0"


# -- ACLED and UCDP exports ----------------------------------------------------------------------------------------
def test_an_acled_export_reads_into_the_model():
    res = read_incidents(DATA / "acled_synthetic.csv")
    assert res.errors == []
    by_id = {i.event_id: i for i in res.incidents}
    assert list(by_id) == ["SYN1", "SYN2", "SYN3", "SYN4"]
    a, b, c, d = by_id.values()
    assert (a.event_date, a.inter1, a.inter2, a.iso, a.fatalities, a.latitude) == (
        datetime.date(2023, 3, 20), 1, 1, "AZ", 2, 39.64)
    assert (b.event_date, b.time_precision, b.civilian_targeting, b.inter2) == (
        datetime.date(2023, 3, 21), 2, True, 0)
    assert b.notes == 'Synthetic shelling;\ntwo lines, "quoted" words.'
    assert (c.iso, c.inter1, c.event_type) == ("AM", 6, "Protests")
    assert (d.inter1, d.time_precision, d.geo_precision) == (1, 3, 3)
    assert all(i.fatalities_best is None for i in res.incidents)


def test_a_ucdp_ged_export_reads_into_the_model():
    res = read_incidents(DATA / "ucdp_ged_synthetic.csv")
    assert res.errors == []
    one, two, three = res.incidents
    assert (one.event_id, one.event_date, one.event_type, one.actor1, one.actor2) == (
        "900001", datetime.date(2020, 9, 27), "Battles", "Government of Synthetica", "Synthetic Front")
    assert (one.fatalities, one.fatalities_low, one.fatalities_best, one.fatalities_high) == (6, 6, 8, 10)
    assert (one.geo_precision, one.time_precision, one.location, one.admin1, one.iso) == (
        1, 1, "Lachin town", "Lachin district", "AZ")
    assert (two.event_type, two.sub_event_type, two.civilian_targeting, two.time_precision, two.geo_precision) == (
        "Violence against civilians", "Attack", True, 3, 3)
    assert (three.time_precision, three.geo_precision, three.fatalities, three.iso) == (2, 3, 1, "AM")


@pytest.mark.parametrize(("where_prec", "geo"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (6, 3), (7, 3)])
def test_ucdp_where_prec_table(tmp_path, where_prec, geo):
    assert UCDP_WHERE_PRECISION[where_prec] == geo
    text = (DATA / "ucdp_ged_synthetic.csv").read_text(encoding="utf-8").splitlines()
    header = text[0].split(",")
    row = next(csv.reader([text[1]]))
    row[header.index("where_prec")] = str(where_prec)
    out = _write(tmp_path, text[0] + "\n" + ",".join(f'"{v}"' for v in row) + "\n")
    assert read_incidents(out).incidents[0].geo_precision == geo


@pytest.mark.parametrize(("date_prec", "tp"), [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)])
def test_ucdp_date_prec_table(date_prec, tp):
    assert UCDP_DATE_PRECISION[date_prec] == tp


# -- generic tables ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "kw"), [
    ("lat,lon", {}), ("Latitude,Longitude", {}), ("y,x", {}), ("lat,lng", {}),
    ("north,east", {"lat_column": "north", "lon_column": "east"}),
])
def test_generic_tables_with_coordinates(tmp_path, header, kw):
    path = _write(tmp_path, f"{header},notes,fatalities\n39.64,46.55,one,2\n40.18,44.51,two,\n")
    res = read_incidents(path, **kw)
    assert res.errors == []
    assert [(i.event_id, i.latitude, i.longitude, i.notes, i.fatalities) for i in res.incidents] == [
        ("t:2", 39.64, 46.55, "one", 2), ("t:3", 40.18, 44.51, "two", 0)]


def test_a_place_column_is_geocoded_offline(tmp_path, gaz):
    path = _write(tmp_path, "site,fatalities\nLachin,1\nYerevan,0\nNowhere-on-earth-xyz,3\n,1\nQwxzvbn,0\n")
    res = read_incidents(path, place_column="site", gazetteer=gaz)
    assert [(i.location, i.country, i.iso) for i in res.incidents] == [
        ("Laçın", "Azerbaijan", "AZ"), ("Yerevan", "Armenia", "AM")]
    assert res.incidents[0].place_id == "geonames:147625" and res.incidents[0].geo_precision == 1
    assert [(e.row, e.column) for e in res.errors] == [(4, "site"), (5, "site"), (6, "site")]
    assert "closest: Earth, a partial match" in res.errors[0].reason
    assert res.errors[1].reason == "no coordinates and no place name; row dropped"


def test_coordinates_win_over_the_place_column(tmp_path):
    path = _write(tmp_path, "lat,lon,site\n40.0,45.0,Lachin\n")
    (inc,) = read_incidents(path, place_column="site").incidents
    assert (inc.latitude, inc.longitude, inc.place_id) == (40.0, 45.0, "")


@pytest.mark.parametrize(("text", "kw", "match"), [
    ("name,value\na,1\n", {}, "no coordinate columns"),
    ("lat,value\n1,1\n", {}, "no coordinate columns"),
    ("lat,lon\n1,1\n", {"lat_column": "latitude"}, "no latitude column 'latitude'; columns: lat, lon"),
    ("lat,lon\n1,1\n", {"place_column": "site"}, "no place column 'site'"),
])
def test_missing_coordinate_columns_are_a_clear_file_level_error(tmp_path, text, kw, match):
    with pytest.raises(InputError, match=match):
        read_incidents(_write(tmp_path, text), **kw)


@pytest.mark.parametrize(("data", "match"), [(b"", "empty file"), (b"  \n", "empty file"),
                                             (b"\x00\x01binary", "binary data")])
def test_empty_and_binary_files_are_clear_errors(tmp_path, data, match):
    with pytest.raises(InputError, match=match):
        read_incidents(_write(tmp_path, data))


# -- bad rows ------------------------------------------------------------------------------------------------------
BAD_ROWS = [
    # (row text, column, reason fragment, kept?)
    ("b2,abc,46.5,AZ", "lat", "not a finite number", False),
    ("b3,NaN,46.5,AZ", "lat", "not a finite number", False),
    ("b4,inf,46.5,AZ", "lat", "not a finite number", False),
    ("b5,91,46.5,AZ", "lat", "out of range -90..90", False),
    ("b6,40,-180.5,AZ", "lon", "out of range -180..180", False),
    ("b7,40,,AZ", "lon", "missing while the other coordinate is given", False),
    ("b8,46.55,39.64,AZ", "lat", "coordinates look swapped", True),
    ("ok,39.64,46.55,AZ", "", "", True),
    ("ok,39.1,46.1,AZ", "id", "duplicate id (first at row 3)", False),
]


@pytest.mark.parametrize(("row", "column", "reason", "kept"), BAD_ROWS)
def test_each_bad_row_is_reported_and_the_others_kept(tmp_path, row, column, reason, kept):
    good = "g1,40.0,47.0,AZ"
    path = _write(tmp_path, "id,lat,lon,iso\n" + good + "\n" + "\n".join(["ok,39.64,46.55,AZ", row]
                                                                          if row.startswith("ok,39.1") else [row]) + "\n")
    res = read_incidents(path)
    ids = [i.event_id for i in res.incidents]
    assert ids[0] == "g1"
    if not reason:
        assert res.errors == []
        return
    (err,) = res.errors
    assert err.column == column and reason in err.reason
    assert err.row == (4 if row.startswith("ok,39.1") else 3)
    assert ids[1:].count(row.split(",")[0]) == (1 if kept or row.startswith("ok,39.1") else 0)
    assert err.reason.endswith("row dropped") is not kept


def test_a_swapped_row_is_kept_as_given(tmp_path):
    res = read_incidents(_write(tmp_path, "id,lat,lon,country\ns,46.55,39.64,Azerbaijan\n"))
    (inc,) = res.incidents
    assert (inc.latitude, inc.longitude) == (46.55, 39.64)
    assert "kept as given" in res.errors[0].reason and res.errors[0].value == "46.55, 39.64"


def _acled_with_problems(tmp_path: Path) -> Path:
    """The ACLED fixture, then rows with the problems its readers handle column by column."""
    header, *rows = list(csv.reader((DATA / "acled_synthetic.csv").read_text(encoding="utf-8").splitlines(True)))
    col = {c: i for i, c in enumerate(header)}

    def like(row: list[str], **cells: str) -> list[str]:
        out = list(row)
        for name, value in cells.items():
            out[col[name]] = value
        return out

    rows += [like(rows[0], event_id_cnty="SYN1"),                                  # duplicate id
             like(rows[0], event_id_cnty=""),                                      # no id
             like(rows[0], event_id_cnty="SYN5", inter1="Space forces"),           # unknown actor type
             like(rows[0], event_id_cnty="SYN6", latitude="46.55", longitude="39.64"),   # swapped
             like(rows[0], event_id_cnty="SYN7", iso="999", country="Atlantis"),   # unknown numeric ISO code
             like(rows[2], event_id_cnty="SYN8", iso="AM", inter2="Rioters"),
             like(rows[2], event_id_cnty="SYN9", latitude="north", event_date="yesterday")]
    path = tmp_path / "acled.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])
    return path


def test_an_acled_export_with_problems_reads_alike_as_incidents_and_as_a_frame(tmp_path):
    path = _acled_with_problems(tmp_path)
    res, fres = read_incidents(path), read_frame(path)
    assert fres.errors == res.errors
    assert [(e.row, e.column) for e in res.errors] == [
        (6, "event_id_cnty"), (8, "inter1"), (9, "latitude"), (12, "latitude"), (12, "event_date")]
    by_id = {i.event_id: i for i in res.incidents}
    assert list(by_id) == ["SYN1", "SYN2", "SYN3", "SYN4", "acled:7", "SYN6", "SYN7", "SYN8"]
    assert [(i.iso, i.inter1, i.inter2) for i in (by_id["SYN7"], by_id["SYN8"])] == [("999", 1, 1), ("AM", 6, 5)]
    expected = to_geodataframe(res.incidents)
    frame = fres.frame
    assert list(frame.columns) == list(expected.columns)
    for name in expected.columns:
        if name == "geometry":
            assert all(a.equals_exact(b, 0) for a, b in zip(frame.geometry, expected.geometry))
            continue
        got = [None if v is None or v != v else v for v in frame[name].tolist()]
        want = [None if v is None or v != v else v for v in expected[name].tolist()]
        assert got == want, name


def test_text_in_numeric_columns_of_an_acled_export(tmp_path):
    lines = (DATA / "acled_synthetic.csv").read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",2,,1700000000", ",two,,1700000000").replace(",1,Synthetic Wire", ",near,Synthetic Wire")
    res = read_incidents(_write(tmp_path, "\n".join(lines)))
    assert [i.event_id for i in res.incidents] == ["SYN2", "SYN3", "SYN4"]
    assert sorted((e.row, e.column, e.value) for e in res.errors) == [
        (2, "fatalities", "two"), (2, "geo_precision", "near")]


@pytest.mark.parametrize(("cell", "column"), [("2023-02-30", "event_date"), ("yesterday", "event_date"),
                                              ("4", "time_precision"), ("-1", "fatalities"), ("2.5", "fatalities"),
                                              ("1e30", "fatalities"),
                                              ("Battles", "event_type"), ("maybe", "civilian_targeting")])
def test_malformed_values_drop_the_row(tmp_path, cell, column):
    header = "event_id,latitude,longitude,event_type,sub_event_type,event_date,time_precision,fatalities,civilian_targeting"
    good = "g,40,47,Battles,Armed clash,2023-03-20,1,0,false"
    values = dict(zip(header.split(","), good.split(",")))
    values["event_id"] = "b"
    if column == "event_type":
        values.update(event_type="Skirmishes", sub_event_type="Armed clash")
    else:
        values[column] = cell
    res = read_incidents(_write(tmp_path, header + "\n" + good + "\n" + ",".join(values.values()) + "\n"),
                         check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["g"]
    assert [(e.row, e.column) for e in res.errors] == [(3, column)]


def test_invalid_utf8_is_replaced_and_reported_and_the_row_kept(tmp_path):
    data = "id,lat,lon,notes\na,40,47,fine\n".encode() + b"b,40,47,bad \xff\xfe bytes\n" + "c,40,47,ok\n".encode()
    res = read_incidents(_write(tmp_path, data), check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["a", "b", "c"]
    (err,) = res.errors
    assert (err.row, err.column) == (3, "notes") and "U+FFFD" in err.reason
    assert res.incidents[1].notes == "bad \ufffd\ufffd bytes"


@pytest.mark.parametrize("extra", ["b,40,47,x,surplus", "b,40"])
def test_ragged_rows_are_dropped_and_reported(tmp_path, extra):
    text = f'id,lat,lon,notes\na,40,47,"multi\nline, note"\n{extra}\nc,41,47,last\n'
    res = read_incidents(_write(tmp_path, text), check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["a", "c"]
    (err,) = res.errors
    assert err.row == 3 and err.reason.startswith("ragged row")


def test_a_bom_is_ignored(tmp_path):
    res = read_incidents(_write(tmp_path, b"\xef\xbb\xbfid,lat,lon\na,40,47\n"), check_swapped=False)
    assert [i.event_id for i in res.incidents] == ["a"]


def test_duplicate_ids_keep_the_first(tmp_path):
    res = read_incidents(_write(tmp_path, "event_id,latitude,longitude\nx,40,47\ny,40,47\nx,41,47\nx,42,47\n"),
                         check_swapped=False)
    assert [(i.event_id, i.latitude) for i in res.incidents] == [("x", 40.0), ("y", 40.0)]
    assert [(e.row, e.reason) for e in res.errors] == [(4, "duplicate id (first at row 2); row dropped"),
                                                       (5, "duplicate id (first at row 2); row dropped")]


def test_rows_one_field_longer_than_the_header_are_ragged_rows(tmp_path):
    # Found by the readers' fuzz test: pandas read the first column as an index and the read crashed.
    path = tmp_path / "a.csv"
    path.write_text("event_id,latitude,longitude\n0.0,40,45,0.0\n1.0,40,45,0.0\n", encoding="utf-8")
    res = read_incidents(path)
    assert res.incidents == [] and len(res.errors) == 2 and all("ragged row" in str(e) for e in res.errors)
    # the header-only case the fuzz test found is a typed error, never a crash
    path.write_text("event_id,event_type\n0.0,,0.0\n0.0,,0.0\n", encoding="utf-8")
    with pytest.raises(InputError, match="no coordinate columns"):
        read_incidents(path)
