"""``geomap incidents``: outputs, CSV mode with per-row errors, and bad input."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from geomap.cli import app

runner = CliRunner()
def test_json_lines_use_the_model_field_names(article):
    res = runner.invoke(app, ["incidents", str(article), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(rows) == 1
    r = rows[0]
    for key in ("event_type", "sub_event_type", "event_date", "time_precision", "latitude", "longitude",
                "geo_precision", "fatalities", "location", "country", "actor1", "actor2", "notes", "injuries"):
        assert key in r
    assert r["event_type"] == "Explosions/Remote violence" and r["event_date"] == "2023-03-20"
    assert (r["fatalities"], r["injuries"]) == (2, 5)


def test_published_option_wins(article):
    res = runner.invoke(app, ["incidents", str(article), "--json", "--published", "2023-03-28"])
    assert json.loads(res.stdout.splitlines()[0])["event_date"] == "2023-03-27"


def test_csv_of_texts_records_bad_rows_and_goes_on(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text("id,notes,event_date\n"
                 "1,\"Rebels ambushed an army convoy near Goma, killing four soldiers.\",2024-05-02\n"
                 "2,,2024-05-02\n"
                 "3,\"Police arrested 12 protesters in Nairobi.\",not a date\n"
                 "4,\"Protesters rallied in Dakar against fuel prices.\",2024-05-03\n", encoding="utf-8")
    res = runner.invoke(app, ["incidents", str(p), "--text-column", "notes", "--date-column", "event_date", "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    errors = {r["row"]: r["error"] for r in rows if "error" in r}
    assert set(errors) == {1, 2} and "notes" in errors[1] and "event_date" in errors[2]
    ok = {r["row"]: r for r in rows if "error" not in r}
    assert set(ok) == {0, 3}
    assert ok[0]["location"] == "Goma" and ok[0]["fatalities"] == 4 and ok[3]["event_type"] == "Protests"


@pytest.mark.parametrize("content,message", [(b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"caf\xe9 latte", "UTF-8")])
def test_bad_files_are_one_line_errors(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    res = runner.invoke(app, ["incidents", str(p)])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert res.stderr.startswith("geomap: error:")


def test_missing_text_column(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    res = runner.invoke(app, ["incidents", str(p), "--text-column", "notes"])
    assert res.exit_code == 2 and "no column 'notes'" in res.stderr


def test_text_without_events_prints_nothing(tmp_path):
    p = tmp_path / "calm.txt"
    p.write_text("The weather in Baku was mild and the markets were busy.", encoding="utf-8")
    res = runner.invoke(app, ["incidents", str(p), "--json"])
    assert res.exit_code == 0 and res.stdout == ""


@pytest.mark.parametrize("flag", ["--geojson", "--csv"])
def test_geojson_and_csv_outputs(article, flag):
    res = runner.invoke(app, ["incidents", str(article), flag])
    assert res.exit_code == 0, res.output
    if flag == "--geojson":
        fc = json.loads(res.stdout)
        assert fc["type"] == "FeatureCollection" and "crs" not in fc and len(fc["features"]) == 1
    else:
        header, row = res.stdout.splitlines()[:2]
        assert header.startswith("event_id_cnty,event_date,year,time_precision") and "Sotk" in row
