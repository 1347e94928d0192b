"""Hostile and unlucky inputs to ``map``, ``incidents`` and ``export`` (issue 20 items 1, 3-5, 14-18, 22;
issue 19 point 5). Each is read through the command line as it was found: a recorded skip with its
reason, or one line on stderr and exit 2; never a traceback."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.io import read_incidents

runner = CliRunner()
POINT = '{"type": "Feature", "geometry": %s, "properties": {"event_id": "%s", "event_date": "2023-03-20"}}'


def _export(*args: str):
    res = runner.invoke(app, ["export", *args])
    assert "Traceback" not in res.output and res.exception is None or isinstance(res.exception, SystemExit), \
        res.output
    return res


def _report(out: Path) -> list[dict[str, str]]:
    path = out.with_name(out.name + ".errors.csv")
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines())) if path.exists() else []


def _collection(path: Path, *features: str) -> Path:
    path.write_text('{"type": "FeatureCollection", "features": [%s]}' % ", ".join(features), encoding="utf-8")
    return path


# -- 1: a lone surrogate in JSON Lines text -------------------------------------------------------------------------
@pytest.fixture
def surrogate_jsonl(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'{"id": "bad", "text": "Troops shelled Zangilan \\ud800 killing two."}\n'
                     b'{"id": "ok", "text": "Troops shelled Zangilan, killing two soldiers.", '
                     b'"published": "2023-03-20"}\n')
    return path


@pytest.mark.parametrize("args", [["incidents", "--json"], ["incidents", "--geojson"], ["map", "-o", "{tmp}/m.html"],
                                  ["export", "-o", "{tmp}/x.csv"], ["export", "-o", "{tmp}/x.kml"]])
def test_lone_surrogate_in_jsonl_is_a_recorded_skip(tmp_path, surrogate_jsonl, args):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    res = runner.invoke(app, [argv[0], str(surrogate_jsonl), *argv[1:]])
    assert res.exit_code == 0, res.output
    assert "lone UTF-16 surrogate U+D800" in res.output and "Traceback" not in res.output
    if argv[0] == "export":  # the good record is still exported
        assert [i.event_id for i in read_incidents(Path(argv[-1])).incidents][0].startswith("ok")


# -- 3, 4, 14: empty, non-finite and out-of-range geometries ---------------------------------------------------------
@pytest.mark.parametrize("geometry, reason", [
    ('{"type": "Point", "coordinates": null}', "a coordinate is NoneType"),
    ('{"type": "Point", "coordinates": [true, false]}', "a coordinate is true"),
    ('{"type": "LineString", "coordinates": [[46, 39], [300, 100]]}', "out of range"),
    ('{"type": "MultiPoint", "coordinates": [[46, 39], [46, 95]]}', "out of range"),
    ('{"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [1, "2"]}]}',
     "a coordinate is str"),
])
def test_bad_geojson_geometries_are_skipped_with_the_reason(tmp_path, geometry, reason):
    src = _collection(tmp_path / "in.geojson", POINT % (geometry, "bad"), POINT % ('{"type": "Point", '
                                                                                  '"coordinates": [46.5, 39.6]}', "ok"))
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert [i.event_id for i in read_incidents(out).incidents] == ["ok"]
    (row,) = _report(out)
    assert row["row"] == "1" and reason in row["reason"] and row["reason"].endswith("skipped")


def test_an_empty_point_is_an_incident_without_coordinates_and_maps(tmp_path):
    src = _collection(tmp_path / "in.geojson", POINT % ('{"type": "Point", "coordinates": []}', "e"))
    res = runner.invoke(app, ["map", str(src), "-o", str(tmp_path / "m.html")])
    assert res.exit_code == 0, res.output
    (inc,) = read_incidents(tmp_path / "m-incidents.geojson").incidents
    assert (inc.event_id, inc.latitude, inc.longitude) == ("e", None, None)


def test_an_infinite_geojson_number_is_one_line_on_stderr(tmp_path):
    src = _collection(tmp_path / "in.geojson", POINT % ('{"type": "Point", "coordinates": [1e999, 0]}', "x"))
    res = _export(str(src), "-o", str(tmp_path / "o.csv"))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "not valid JSON" in res.stderr


@pytest.mark.parametrize("coords", ["nan,nan", "1e999,0", "46.5"])
def test_non_finite_kml_coordinates_are_skipped(tmp_path, coords):
    src = tmp_path / "in.kml"
    src.write_text('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>'
                   f'{coords}</coordinates></Point></Placemark></kml>', encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0 and read_incidents(out).incidents == []
    assert "unreadable geometry" in _report(out)[0]["reason"]


@pytest.mark.parametrize("wkt", ["LINESTRING (0 0, inf inf)", "GEOMETRYCOLLECTION (POINT (nan nan))",
                                 "LINESTRING (46 39, 300 100)"])
def test_non_finite_or_out_of_range_wkt_in_csv_is_dropped(tmp_path, wkt):
    src = tmp_path / "in.csv"
    src.write_text(f'event_id_cnty,event_date,latitude,longitude,geometry\nx,2023-03-20,39,46,"{wkt}"\n'
                   'y,2023-03-20,39,46,\n', encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    assert [i.event_id for i in read_incidents(out).incidents] == ["y"]
    assert _report(out)[0]["column"] == "geometry" and _report(out)[0]["reason"].endswith("row dropped")


# -- 5: an event type without a sub-event type ------------------------------------------------------------------------
def test_event_type_without_sub_event_type_column_is_read_and_reported(tmp_path):
    src = tmp_path / "hand.csv"
    src.write_text("id,lat,lon,event_type\n1,40.1,46.5,Battles\n2,40.2,46.6,Nonsense\n", encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    (inc,) = read_incidents(out).incidents
    assert (inc.event_id, inc.latitude, inc.event_type) == ("1", 40.1, "")
    reasons = {r["row"]: r["reason"] for r in _report(out)}
    assert "without a sub-event type" in reasons["2"] and "row kept" in reasons["2"]
    assert "not an ACLED event type" in reasons["3"]


# -- 15: properties do not overwrite the feature's own point -----------------------------------------------------------
def test_the_features_point_wins_over_latitude_longitude_properties(tmp_path):
    feature = ('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.5, 39.6]}, '
               '"properties": {"event_id": "p", "latitude": 10.0, "longitude": 10.0}}')
    out = tmp_path / "out.csv"
    res = _export(str(_collection(tmp_path / "in.geojson", feature)), "-o", str(out))
    assert res.exit_code == 0
    (inc,) = read_incidents(out, check_swapped=False).incidents
    assert (inc.latitude, inc.longitude) == (39.6, 46.5)
    assert "differ from the feature's point" in _report(out)[0]["reason"]


# -- 16: strict dates, future dates, huge counts -------------------------------------------------------------------------
def test_lax_dates_are_refused_future_dates_flagged_and_huge_counts_named(tmp_path):
    src = tmp_path / "d.csv"
    src.write_text("id,lat,lon,event_date,fatalities\n"
                   "a,40,46,2023-03-20garbage,0\nb,40,46,2023-03-20T25:00:00,0\nc,40,46,20230320,0\n"
                   "d,40,46,2099-01-01,0\ne,40,46,2023-03-20,9223372036854775807\nf,40,46,2023-03-20T10:00:00Z,1\n",
                   encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0
    assert [i.event_id for i in read_incidents(out).incidents] == ["d", "f"]
    reasons = {r["row"]: r["reason"] for r in _report(out)}
    assert all(reasons[r].startswith("not a date") for r in ("2", "3", "4"))
    assert reasons["5"] == "a date in the future; row kept"
    assert reasons["6"].startswith("too large")


# -- 17: a UTF-16 KML with an internal DTD ------------------------------------------------------------------------------
def test_utf16_kml_with_a_dtd_is_refused(tmp_path):
    src = tmp_path / "dtd.kml"
    src.write_bytes('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE kml [<!ENTITY x "EXPANDED">]>'
                    '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&x;</name><Point>'
                    '<coordinates>46.55,39.64</coordinates></Point></Placemark></kml>'.encode("utf-16"))
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "DTD is not accepted" in res.stderr
    assert not out.exists()


# -- 18: CSV formula injection ------------------------------------------------------------------------------------------
def test_csv_export_escapes_formulas_keeps_numbers_and_reads_back(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('id,lat,lon,notes,actor1,location\n=1+1,-12.5,46,"=HYPERLINK(""http://x"")",@SUM(A1),"+cmd"\n',
                   encoding="utf-8")
    out = tmp_path / "out.csv"
    assert _export(str(src), "-o", str(out)).exit_code == 0
    row = next(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert row["event_id_cnty"] == "'=1+1" and row["notes"].startswith("'=HYPERLINK")
    assert row["actor1"] == "'@SUM(A1)" and row["location"] == "'+cmd"
    assert row["latitude"] == "-12.5"  # a number stays a number
    (inc,) = read_incidents(out, check_swapped=False).incidents
    assert (inc.event_id, inc.actor1, inc.latitude) == ("=1+1", "@SUM(A1)", -12.5)


# -- 22: a feature with "properties": null -------------------------------------------------------------------------------
def test_a_feature_with_null_properties_is_skipped_not_an_untyped_incident(tmp_path):
    feature = '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.5, 39.6]}, "properties": null}'
    res = runner.invoke(app, ["map", str(_collection(tmp_path / "in.geojson", feature)), "-o",
                              str(tmp_path / "m.html")])
    assert res.exit_code == 0 and "a feature without properties is no incident; skipped" in res.stderr
    assert read_incidents(tmp_path / "m-incidents.geojson").incidents == []


# -- issue 19 point 5: delimiters and encodings ----------------------------------------------------------------------------
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_csv_delimiters_and_bom_encodings_are_recognised(tmp_path, delimiter, encoding):
    src = tmp_path / "t.csv"
    rows = [["id", "lat", "lon", "location"], ["1", "40.1", "46.5", "Qaraqaya, Şuşa"]]
    src.write_text("".join(delimiter.join(f'"{c}"' if "," in c else c for c in r) + "\n" for r in rows),
                   encoding=encoding)
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))
    assert res.exit_code == 0, res.output
    (inc,) = read_incidents(out).incidents
    assert (inc.event_id, inc.latitude, inc.location) == ("1", 40.1, "Qaraqaya, Şuşa")


def test_latin1_is_decoded_only_when_named(tmp_path):
    src = tmp_path / "l1.csv"
    src.write_bytes("id;lat;lon;location\n1;40.1;46.5;Mérida\n".encode("latin-1"))
    out = tmp_path / "out.geojson"
    res = _export(str(src), "-o", str(out))  # as UTF-8: the bad byte is replaced, and reported
    assert res.exit_code == 0 and "invalid UTF-8" in _report(out)[0]["reason"]
    res = _export(str(src), "-o", str(out), "--encoding", "latin-1")
    assert res.exit_code == 0 and read_incidents(out).incidents[0].location == "Mérida"
    res = _export(str(src), "-o", str(out), "--encoding", "klingon")
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and "unknown encoding 'klingon'" in res.stderr


def test_utf16_without_a_bom_is_refused_as_binary(tmp_path):
    src = tmp_path / "nobom.csv"
    src.write_bytes("id,lat,lon\n1,40,46\n".encode("utf-16-le"))
    res = _export(str(src), "-o", str(tmp_path / "o.geojson"))
    assert res.exit_code == 2 and "binary data" in res.stderr and res.stderr.count("\n") == 1


def test_incidents_json_output_is_json(tmp_path, surrogate_jsonl):
    res = runner.invoke(app, ["incidents", str(surrogate_jsonl), "--jsonl"])
    skipped, found = (json.loads(line) for line in res.stdout.splitlines())
    assert "lone UTF-16 surrogate" in skipped["error"] and found
    # --json prints the same records as one array
    res = runner.invoke(app, ["incidents", str(surrogate_jsonl), "--json"])
    assert json.loads(res.stdout) == [skipped, found]
