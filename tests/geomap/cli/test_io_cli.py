"""``geomap export`` and ``geomap enrich``: outputs, errors report next to the output, bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyogrio
import pytest
from typer.testing import CliRunner

from geomap.cli import app
from geomap.io import read_incidents

runner = CliRunner()
DATA = Path(__file__).resolve().parents[2] / "data" / "io"
@pytest.mark.parametrize("ext", [".geojson", ".gpkg", ".csv", ".parquet", ".kml"])
def test_export_an_article_to_every_format(tmp_path, article, ext):
    out = tmp_path / f"out{ext}"
    res = runner.invoke(app, ["export", str(article), "-o", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["incidents"] == 1 and summary["errors_report"] is None
    (inc,) = read_incidents(out).incidents
    assert inc.sub_event_type == "Shelling/artillery/missile attack" and inc.fatalities == 2


def test_export_tables_and_articles_together(tmp_path, article):
    out = tmp_path / "all.gpkg"
    res = runner.invoke(app, ["export", str(article), str(DATA / "acled_synthetic.csv"),
                              str(DATA / "ucdp_ged_synthetic.csv"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote" in res.stdout and "(8 incidents, gpkg)" in res.stdout
    assert [str(n) for n, _ in pyogrio.list_layers(out)] == ["incidents", "places", "borders"]


def test_row_errors_go_to_the_report_next_to_the_output_and_a_summary_to_stderr(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("id,lat,lon\na,40,47\nb,abc,47\nc,95,47\na,41,47\n", encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = runner.invoke(app, ["export", str(table), "-o", str(out)])
    assert res.exit_code == 0, res.output
    report = tmp_path / "out.geojson.errors.csv"
    rows = list(csv.DictReader(report.read_text(encoding="utf-8").splitlines()))
    assert [(r["input"], r["row"], r["column"]) for r in rows] == [(str(table), "3", "lat"), (str(table), "4", "lat"),
                                                                  (str(table), "5", "id")]
    assert "3 row error(s)" in res.stderr and str(report) in res.stderr
    assert len(read_incidents(out).incidents) == 1
    # A clean run removes the stale report.
    table.write_text("id,lat,lon\na,40,47\n", encoding="utf-8")
    assert runner.invoke(app, ["export", str(table), "-o", str(out)]).exit_code == 0
    assert not report.exists()


def test_generic_csv_options(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("site,n,e\nLachin,,\nSomewhere,40.18,44.51\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    res = runner.invoke(app, ["export", str(table), "-o", str(out), "--lat-column", "n", "--lon-column", "e",
                              "--place-column", "site", "-q"])
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    assert [i.location for i in read_incidents(out).incidents] == ["Laçın", "Somewhere"]


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "out.shp"], "unknown extension '.shp'; valid: .csv"),
    (["-o", "../escape.geojson"], "outside the output folder"),
])
def test_bad_output_paths_fail_before_the_work(tmp_path, article, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["export", str(article), *args])
    assert res.exit_code == 2
    assert message in res.stderr and "Traceback" not in res.output


def test_a_file_level_problem_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    res = runner.invoke(app, ["export", str(bad), "-o", str(tmp_path / "o.csv")])
    assert res.exit_code == 2
    assert res.stderr.startswith("geomap: error: ") and "not valid JSON" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_enrich_fills_places_from_coordinates(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("id,lat,lon\na,39.64,46.55\nb,40.18,44.51\nc,,\n", encoding="utf-8")
    out = tmp_path / "enriched.csv"
    res = runner.invoke(app, ["enrich", str(table), "-o", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert (summary["incidents"], summary["enriched"], summary["row_errors"]) == (3, 2, 1)
    a, b, c = read_incidents(out).incidents
    assert (a.country, a.location, b.country, b.admin1, c.country) == ("Azerbaijan", "Laçın", "Armenia", "Yerevan", "")
    rows = list(csv.DictReader((tmp_path / "enriched.csv.errors.csv").read_text(encoding="utf-8").splitlines()))
    assert [(r["row"], r["reason"]) for r in rows] == [("3", "no coordinates; not enriched")]


def test_every_io_command_has_help():
    for command in ("export", "enrich"):
        res = runner.invoke(app, [command, "--help"])
        assert res.exit_code == 0 and "Usage" in res.stdout


def test_bad_json_lines_records_go_to_the_errors_report(tmp_path, article_text):
    lines = tmp_path / "docs.jsonl"
    lines.write_text(json.dumps({"id": "1", "text": article_text}) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = runner.invoke(app, ["export", str(lines), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader((tmp_path / "out.geojson.errors.csv").read_text(encoding="utf-8").splitlines()))
    assert [r["row"] for r in rows] == ["2"] and rows[0]["reason"].endswith("record skipped")
    assert len(read_incidents(out).incidents) == 1
