"""The user's own places: ``geomap gazetteer add/remove`` and the layer the gazetteer reads over the shipped one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gazetteer import Gazetteer
from gazetteer.errors import GazetteerDataError, GazetteerError
from gazetteer.models import Kind
from gazetteer.store import Store, default_user_db_path
from gazetteer.user_places import add_places, remove_places

HEADER = "name,alternate_names,lat,lon,kind,country,admin1,admin2,geometry\n"
# Invented names, so a hit can only come from the user layer.
ROWS = [
    "Nameless Hills (Tartar Region),Nameless Hills|Adsiz Tepeler,40.32,46.93,physical,AZ,,,",
    "Qzyxville,Qzyx;Kzyx Village,39.9,46.8,populated_place,AZE,,,",
    ",no name here,1,1,,AZ,,,",
    "Badlat,,95,0,,AZ,,,",
    "Nocountry,,10,10,,ZZ,,,",
    "Texan Hamlet Qz,,31.5,-97.1,,US,Texas,,",
    "Wrong State Qz,,31.5,-97.1,,US,Nowhere State,,",
    'Blobland Qz,,40.0,46.0,region,AZ,,,"POLYGON ((45.9 39.9, 46.1 39.9, 46.1 40.1, 45.9 40.1, 45.9 39.9))"',
    "Notakind Qz,,1,1,spaceship,AZ,,,",
    "Badwkt Qz,,1,1,,AZ,,,POLYGON ((1 1",
]


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def layer(tmp_path) -> tuple[Path, object]:
    db = tmp_path / "user.sqlite"
    report = add_places(write_csv(tmp_path / "mine.csv", ROWS), db=db)
    return db, report


def test_bad_rows_are_reported_by_line_and_the_rest_added(layer):
    db, report = layer
    assert report.added == 4 and report.replaced == 0
    problems = dict(report.errors)
    assert sorted(problems) == [4, 5, 6, 8, 10, 11]  # line 1 is the header
    assert problems[4] == "missing name"
    assert "95" in problems[5] and "unknown country 'ZZ'" in problems[6]
    assert "unknown admin1 'Nowhere State' in US" == problems[8]
    assert "spaceship" in problems[10] and "WKT" in problems[11]


def test_added_places_resolve_with_their_names_admin_areas_and_shapes(layer):
    db, _ = layer
    gaz = Gazetteer(store=Store(user_db=db))
    town = gaz.lookup("Qzyxville")[0].place
    assert (town.country, town.latitude, town.place_id) == ("AZ", 39.9, "user:2")
    assert gaz.lookup("Kzyx Village")[0].place.name == "Qzyxville"
    assert gaz.lookup("Nameless Hills")[0].place.kind is Kind.PHYSICAL_FEATURE
    texan = gaz.lookup("Texan Hamlet Qz")[0].place
    assert (texan.admin1, texan.admin1_code) == ("Texas", "US.TX")
    assert "Blobland Qz" in [a.name for a in gaz.reverse(40.0, 46.0).areas]
    assert "Blobland Qz" not in [a.name for a in gaz.reverse(40.3, 46.3).areas]
    # The shipped places are all still there.
    assert gaz.lookup("Lachin")[0].place.country == "AZ"
    assert [layer["role"] for layer in gaz.info()["layers"]] == ["shipped", "user"]
    assert gaz.info()["counts"]["populated_place"] > 200_000


def test_the_default_gazetteer_reads_the_user_layer(layer, monkeypatch):
    db, _ = layer
    monkeypatch.setenv("GEOMAP_USER_DB", str(db))
    assert default_user_db_path() == db
    assert Gazetteer().lookup("Qzyxville")[0].place.name == "Qzyxville"
    monkeypatch.setenv("GEOMAP_USER_DB", str(db.with_name("none.sqlite")))
    assert not any(c.place.name == "Qzyxville" for c in Gazetteer().lookup("Qzyxville"))


def test_prefix_search_reads_the_user_layer(layer):
    db, _ = layer
    gaz = Gazetteer(store=Store(user_db=db))
    assert [c.place.place_id for c in gaz.search("Qzyx")] == ["user:2"]
    assert "Nameless Hills (Tartar Region)" in [c.place.name for c in gaz.search("Nameless Hil")]
    # The shipped places are still found.
    assert "Lachin Rayon" in [c.place.name for c in gaz.search("Lachin")]
    # Without the layer (or after removing the place) the prefix finds nothing of it.
    assert not Gazetteer(store=Store(user_db=False)).search("Qzyx")
    remove_places(["Qzyxville"], db=db)
    assert not Gazetteer(store=Store(user_db=db)).search("Qzyx")


def test_cli_search_reads_the_user_layer(layer, monkeypatch):
    from geomap.cli import app

    db, _ = layer
    monkeypatch.setenv("GEOMAP_USER_DB", str(db))
    res = CliRunner().invoke(app, ["gazetteer", "search", "Qzyxv", "--json"])
    assert res.exit_code == 0, res.output
    assert [row["place_id"] for row in json.loads(res.stdout)] == ["user:2"]
    monkeypatch.setenv("GEOMAP_USER_DB", str(db.with_name("none.sqlite")))
    assert CliRunner().invoke(app, ["gazetteer", "search", "Qzyxv", "--json"]).exit_code == 1


def test_a_second_add_replaces_the_same_place_and_changes_the_cache_key(layer, tmp_path):
    db, _ = layer
    before = Store(user_db=db).cache_key()
    report = add_places(write_csv(tmp_path / "again.csv", ["Qzyxville,,39.95,46.85,,AZ,,,"]), db=db)
    assert (report.added, report.replaced) == (0, 1)
    assert Store(user_db=db).cache_key() != before
    [hit] = [c for c in Gazetteer(store=Store(user_db=db)).lookup("Qzyxville") if c.place.name == "Qzyxville"]
    assert hit.place.latitude == 39.95


def test_remove_takes_places_out_by_name_or_id(layer):
    db, _ = layer
    assert remove_places(["Kzyx Village"], db=db) == 1  # any of its names
    assert remove_places(["user:1"], db=db) == 1
    assert remove_places(["Qzyxville"], db=db) == 0
    gaz = Gazetteer(store=Store(user_db=db))
    assert not any(c.place.name == "Qzyxville" for c in gaz.lookup("Qzyxville"))
    assert remove_places([], db=db, everything=True) == 2
    assert Store(user_db=db).layers()[1]["places"] == 0


def test_unreadable_inputs_raise_typed_errors(tmp_path):
    with pytest.raises(GazetteerDataError, match="lacks"):
        add_places(write_csv(tmp_path / "x.csv", []).with_name("x.csv").write_text("a,b\n1,2\n") and tmp_path / "x.csv",
                   db=tmp_path / "u.sqlite")
    with pytest.raises(GazetteerError):
        add_places(tmp_path / "missing.csv", db=tmp_path / "u.sqlite")
    with pytest.raises(GazetteerDataError, match="no user places"):
        remove_places(["x"], db=tmp_path / "none.sqlite")
    not_a_db = tmp_path / "junk.sqlite"
    not_a_db.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(GazetteerDataError):
        Store(user_db=not_a_db)


def test_cli_add_info_places_and_remove(tmp_path, monkeypatch):
    from geomap.cli import app

    db = tmp_path / "cli.sqlite"
    monkeypatch.setenv("GEOMAP_USER_DB", str(db))
    runner = CliRunner()
    res = runner.invoke(app, ["gazetteer", "add", str(write_csv(tmp_path / "mine.csv", ROWS))])
    assert res.exit_code == 0, res.output
    assert "added 4, replaced 0, skipped 6" in res.stdout
    assert "mine.csv:5: skipped: lat 95.0 is outside -90..90" in res.stderr
    res = runner.invoke(app, ["gazetteer", "info"])
    assert "layer: user" in res.stdout and str(db) in res.stdout
    res = runner.invoke(app, ["geocode", "Qzyxville", "--json"])
    assert json.loads(res.stdout)[0]["place_id"] == "user:2"
    text = tmp_path / "story.txt"
    text.write_text("Shelling was reported near Qzyxville on Monday, officials in Baku said.", encoding="utf-8")
    res = runner.invoke(app, ["places", str(text), "--json"])
    assert res.exit_code == 0, res.output
    assert "Qzyxville" in res.stdout and "user:2" in res.stdout
    res = runner.invoke(app, ["gazetteer", "remove", "Qzyxville"])
    assert res.exit_code == 0 and "removed 1" in res.stdout
    res = runner.invoke(app, ["gazetteer", "remove", "Qzyxville"])
    assert res.exit_code == 1
    res = runner.invoke(app, ["places", str(text), "--json"])
    assert "user:2" not in res.stdout
    res = runner.invoke(app, ["gazetteer", "add", str(tmp_path / "nope.csv")])
    assert res.exit_code == 2
