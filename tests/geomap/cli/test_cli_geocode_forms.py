"""``geomap geocode``, ``reverse`` and ``gazetteer search`` in the forms a newcomer types them (issue 19)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from geomap.cli import app

runner = CliRunner()


@pytest.mark.parametrize("args", [["40.7", "-74.0"], ["40.7,-74.0"], ["40.7, -74.0"], ["-33.92", "18.42"],
                                  ["--json", "40.7", "-74.0"]])
def test_reverse_takes_negative_numbers_and_one_argument(args):
    res = runner.invoke(app, ["reverse", *args])
    assert res.exit_code == 0, res.output
    out = res.stdout if "--json" not in args else json.loads(res.stdout)["nearest"]["admin1"]
    assert "New York" in out or "Western Cape" in out


@pytest.mark.parametrize("args,message", [
    (["reverse", "40.7"], "LAT LON"),
    (["reverse", "1", "2", "3"], "LAT LON"),
    (["reverse", "1_0", "2"], "numbers"),
    (["reverse", "--bogus", "2"], "numbers"),
])
def test_reverse_user_errors(args, message):
    res = runner.invoke(app, args)
    assert res.exit_code == 2 and res.stderr.count("\n") == 1 and message in res.stderr, res.output


def test_reverse_over_the_ocean_finds_nothing_and_exits_1():
    res = runner.invoke(app, ["reverse", "0", "-30"])
    assert res.exit_code == 1 and "no populated place within 50 km" in res.stderr
    res = runner.invoke(app, ["reverse", "0,-30", "--json"])
    assert res.exit_code == 1 and json.loads(res.stdout) == {"nearest": None, "distance_km": None, "areas": []}


def test_geocode_json_is_one_document():
    res = runner.invoke(app, ["geocode", "Paris, Texas", "London ON CA", "Germany, Aachen", "--json", "-n", "1"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["query"], r["country"]) for r in rows] == [("Paris, Texas", "US"), ("London ON CA", "CA"),
                                                          ("Germany, Aachen", "DE")]


def test_geocode_not_found_inside_its_containers_exits_1():
    res = runner.invoke(app, ["geocode", "Paris, Germany", "--json"])
    assert res.exit_code == 1 and json.loads(res.stdout) == [] and "no place found for 'Paris, Germany'" in res.stderr


def test_geocode_structured_options():
    res = runner.invoke(app, ["geocode", "Springfield", "--admin1", "MA", "--country", "United States", "-n", "1"])
    assert res.exit_code == 0, res.output
    header, row = res.stdout.splitlines()
    assert header.split()[:4] == ["name", "kind", "country", "admin1"] and "Massachusetts" in row
    res = runner.invoke(app, ["geocode", "Springfield", "--admin1", "Atlantis"])
    assert res.exit_code == 2 and "no admin1 area 'Atlantis'" in res.stderr


def test_search_json_is_one_array_and_the_table_has_a_header():
    res = runner.invoke(app, ["gazetteer", "search", "Springf", "--json", "-n", "3"])
    assert res.exit_code == 0 and len(json.loads(res.stdout)) == 3
    res = runner.invoke(app, ["gazetteer", "search", "Springf", "-n", "2"])
    assert res.stdout.splitlines()[0].split()[:2] == ["name", "kind"]
    res = runner.invoke(app, ["gazetteer", "search", "Qqqxxzzyy", "--json"])
    assert res.exit_code == 1 and json.loads(res.stdout) == []
    res = runner.invoke(app, ["gazetteer", "search", "Lon", "-n", "-1"])
    assert res.exit_code == 2 and "limit" in res.stderr
