"""``geomap geocode``, ``reverse`` and ``gazetteer``: output, exit codes and start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from geomap.cli import app

runner = CliRunner()


def test_geocode_json_has_the_documented_keys():
    res = runner.invoke(app, ["geocode", "Lachin", "Lachin corridor", "--json", "--limit", "3"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == 2
    town = lines[0][0]
    assert {"name", "kind", "country", "admin1", "lat", "lon", "population", "score", "place_id"} <= set(town)
    assert town["country"] == "AZ" and "geometry_type" not in town
    assert lines[1][0]["geometry_type"] == "LineString"


def test_geocode_table():
    res = runner.invoke(app, ["geocode", "Moscow", "--country", "US", "--limit", "1"])
    assert res.exit_code == 0
    header, row = res.stdout.splitlines()
    assert header.split() == ["name", "kind", "country", "admin1", "lat", "lon", "population", "score"]
    assert "Idaho" in row


def test_geocode_kind_filter():
    res = runner.invoke(app, ["geocode", "Zangilan", "--kind", "admin1", "--json"])
    assert json.loads(res.stdout)[0]["kind"] == "admin1"


@pytest.mark.parametrize("args,message", [
    (["geocode", "  "], "empty query"),
    (["geocode", "Baku", "--country", "XX"], "unknown country code"),
    (["geocode", "Baku", "--kind", "village"], "unknown kind"),
    (["geocode", "Baku", "--limit", "0"], "limit"),
    (["reverse", "nan", "10"], "finite"),
    (["reverse", "95", "10"], "latitude 95.0"),
    (["reverse", "10", "200"], "longitude 200.0"),
    (["reverse", "north", "10"], "numbers"),
])
def test_user_errors_are_one_line_and_exit_2(args, message):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and message in res.stderr
    assert "Traceback" not in res.output


def test_huge_query_is_refused():
    res = runner.invoke(app, ["geocode", "x" * 10_000_000])
    assert res.exit_code == 2 and "query too long" in res.stderr


def test_not_found_exits_1():
    res = runner.invoke(app, ["geocode", "Qqqxxzzyy"])
    assert res.exit_code == 1 and "no place found" in res.stderr


def test_reverse_and_info():
    res = runner.invoke(app, ["reverse", "39.64", "46.55", "--json"])
    out = json.loads(res.stdout)
    assert out["nearest"]["name"] == "Laçın" and out["areas"][0]["kind"] == "country"
    res = runner.invoke(app, ["gazetteer", "info", "--json"])
    assert json.loads(res.stdout)["counts"]["corridor"] >= 1
    res = runner.invoke(app, ["gazetteer", "search", "Lachin cor"])
    assert "Lachin corridor" in res.stdout


def test_missing_database_is_a_clear_error(tmp_path):
    res = runner.invoke(app, ["geocode", "Baku", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "gazetteer database not found" in res.stderr
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00not a database" * 100)
    res = runner.invoke(app, ["geocode", "Baku", "--db", str(bad)])
    assert res.exit_code == 2 and "not a gazetteer database" in res.stderr


def test_geocode_imports_no_heavy_libraries():
    code = ("import sys, runpy; sys.argv = ['geomap', 'geocode', 'Lachin'];\n"
            "try:\n    runpy.run_module('geomap', run_name='__main__')\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
            "heavy = [m for m in ('pandas', 'geopandas', 'folium', 'shapely') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out and "Laçın" in out


def test_python_m_geomap_help():
    out = subprocess.run([sys.executable, "-m", "geomap", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "geocode" in out.stdout
