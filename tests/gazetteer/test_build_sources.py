"""The builder's extra sources: GeoNames per-country dumps and Who's On First admin data, on fixtures."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.build import build, main

DATA = Path(__file__).resolve().parents[1] / "data"
DUMP = DATA / "geonames_dump"
COUNTRY = DATA / "geonames_country"
WOF = DATA / "whosonfirst"


def quiet(*_: object) -> None:
    pass


@pytest.fixture(scope="module")
def merged(tmp_path_factory) -> Gazetteer:
    out = tmp_path_factory.mktemp("gaz") / "merged.sqlite"
    build(out, dump=DUMP, country_dumps=[COUNTRY / "AZ.zip", COUNTRY / "AM.txt"], wof=[WOF], log=quiet)
    return Gazetteer(out)


def test_country_dumps_add_villages_and_names_without_duplicates(merged):
    village = merged.lookup("Qaragol Test Village")[0].place
    assert (village.place_id, village.country, village.admin1) == ("geonames:9990001", "AZ", "Lachin Rayon")
    assert merged.lookup("Testaghbyur")[0].place.place_id == "geonames:9990002"
    # A place both files hold is written once and gains the per-country file's names.
    assert merged.lookup("Lachyn Town")[0].place.place_id == "geonames:147625"
    assert [c.place.place_id for c in merged.lookup("Laçın", fuzzy=False)].count("geonames:147625") == 1
    assert merged.info()["counts"]["admin1"] == 1 + 1  # the dump's Lachin Rayon once, WOF's Syunik


def test_whosonfirst_admin_areas_and_localities(merged):
    syunik = merged.lookup("Սյունիք")[0].place
    assert (syunik.kind, syunik.place_id, syunik.geometry_type) == (Kind.ADMIN1, "wof:1900000001", "Polygon")
    village = merged.lookup("Khndzoresk")[0].place
    assert (village.kind, village.admin1, village.admin2) == (Kind.POPULATED_PLACE, "Syunik", "Goris Community")
    assert village.geometry_type is None
    assert "Goris Community" in [a.name for a in merged.reverse(39.5053, 46.4353).areas]
    # Goris has a GeoNames concordance: its WOF names go to the GeoNames place, not a second Goris.
    assert merged.lookup("Gorisi")[0].place.place_id == "geonames:174875"
    assert [c.place.kind for c in merged.lookup("Goris", fuzzy=False)].count(Kind.POPULATED_PLACE) == 1
    # Not current, and the country (left to countryInfo and Natural Earth), are skipped.
    assert not [c for c in merged.lookup("Old Tatev Hamlet") if c.place.place_id.startswith("wof:")]
    assert "wof:1900000000" not in {c.place.place_id for c in merged.lookup("Armenia")}


def test_whosonfirst_sqlite_distribution_reads_the_same(tmp_path):
    db = tmp_path / "whosonfirst-data-admin-am-latest.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE geojson (id INTEGER NOT NULL, body TEXT, source TEXT, is_alternate BOOLEAN, "
                "alt_label TEXT, lastmodified INTEGER)")
    for f in sorted(WOF.glob("*.geojson")):
        feature = json.loads(f.read_text(encoding="utf-8"))
        con.execute("INSERT INTO geojson VALUES (?,?,?,0,'',0)", (feature["id"], json.dumps(feature), "fixture"))
    # An alternate geometry of Syunik, which the reader must ignore.
    con.execute("INSERT INTO geojson VALUES (1900000001, ?, 'alt', 1, 'quattroshapes', 0)",
                (json.dumps({"type": "Feature", "properties": {"wof:id": 1900000001, "wof:name": "Alt Syunik",
                                                                 "wof:placetype": "region"}}),))
    con.commit()
    con.close()
    out = tmp_path / "wof.sqlite"
    build(out, dump=DUMP, wof=[db], log=quiet)
    gaz = Gazetteer(out)
    assert gaz.lookup("Khndzoresk")[0].place.admin1 == "Syunik"
    assert all(c.match.value == "partial" for c in gaz.lookup("Alt Syunik", fuzzy=False))
    assert gaz.info()["counts"]["admin1"] == 1 + 1  # the dump's Lachin Rayon, and Syunik once


def test_a_folder_of_per_country_dumps_is_a_whole_dump(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    for name in ("countryInfo.txt", "admin1CodesASCII.txt"):
        shutil.copy(DUMP / name, folder / name)
    shutil.copy(COUNTRY / "AZ.zip", folder / "AZ.zip")
    shutil.copy(COUNTRY / "AM.txt", folder / "AM.txt")
    out = tmp_path / "countries.sqlite"
    build(out, dump=folder, log=quiet)
    gaz = Gazetteer(out)
    assert gaz.lookup("Lachyn Town")[0].place.place_id == "geonames:147625"
    assert gaz.lookup("Testaghbyur")[0].place.country == "AM"


def test_bad_inputs_are_one_line_errors(tmp_path, capsys):
    junk = tmp_path / "AZ.zip"
    junk.write_bytes(b"not a zip")
    assert main(["--geonames-dump", str(DUMP), "--geonames-country", str(junk), "-o", str(tmp_path / "x.sqlite")]) == 2
    assert "not a zip file" in capsys.readouterr().err
    notdb = tmp_path / "wof.db"
    notdb.write_bytes(b"junk" * 100)
    assert main(["--geonames-dump", str(DUMP), "--wof", str(notdb), "-o", str(tmp_path / "y.sqlite")]) == 2
    assert "Who's On First" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--geonames-dump", str(empty), "-o", str(tmp_path / "z.sqlite")]) == 2
    assert "per-country" in capsys.readouterr().err
