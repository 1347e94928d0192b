"""The builder's full-GeoNames-dump path, on a fixture in the dump formats."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.build import build, main

DUMP = Path(__file__).resolve().parents[1] / "data" / "geonames_dump"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Gazetteer:
    out = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    build(out, dump=DUMP, log=lambda *_: None)
    return Gazetteer(out)


def test_places_and_kinds(tiny):
    assert tiny.info()["counts"] == {"admin1": 1, "country": 2, "physical_feature": 1, "populated_place": 4}
    assert tiny.lookup("Araz")[0].place.kind is Kind.PHYSICAL_FEATURE


def test_alternate_names_are_indexed(tiny):
    assert tiny.lookup("Բերձոր")[0].place.place_id == "geonames:147625"
    assert tiny.lookup("Zangelan")[0].place.place_id == "geonames:146901"
    # IATA codes are abbreviations; links are not names at all.
    assert tiny.lookup("EVN")[0].place.name == "Yerevan"
    link = tiny.lookup("https://en.wikipedia.org/wiki/Lachin", fuzzy=False)
    assert all(c.match.value == "partial" for c in link)  # never the link as a name


def test_each_place_counts_its_names(tiny):
    lachin = tiny.get("geonames:147625")
    # Main name and alternates, not abbreviations or codes ("EVN" does not count for Yerevan).
    con = sqlite3.connect(tiny.store.path)
    names = con.execute("SELECT count(*) FROM names WHERE id = 147625 AND flag IN (0, 1)").fetchone()[0]
    assert lachin.name_count == names >= 3
    codes = con.execute("SELECT count(*) FROM names WHERE id = 616052 AND flag = 2").fetchone()[0]
    yerevan = tiny.get("geonames:616052")
    assert codes >= 1 and yerevan.name_count == con.execute(
        "SELECT count(*) FROM names WHERE id = 616052 AND flag IN (0, 1)").fetchone()[0]


def test_admin_names_come_from_the_code_files(tiny):
    goris = tiny.lookup("Goris")[0].place
    assert goris.admin1 == "Syunik" and goris.admin2 == "Goris Municipality"


def test_countries_from_country_info(tiny):
    az = tiny.lookup("Azerbaijan")[0].place
    assert az.kind is Kind.COUNTRY and az.place_id == "geonames:587116"
    assert tiny.lookup("Moscow", fuzzy=False) == []


def test_names_of_absent_places_are_dropped(tiny):
    con = sqlite3.connect(tiny.store.path)
    assert con.execute("SELECT count(*) FROM names WHERE id = 999999").fetchone()[0] == 0


def test_cli_needs_a_source(capsys):
    assert main(["-o", "/tmp/never.sqlite"]) == 2
    assert "give --data" in capsys.readouterr().err
