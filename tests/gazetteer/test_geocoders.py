"""OfflineGeocoder: geopy's interface over the gazetteer, with geopy's and geopandas' tooling."""

from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer import InvalidCoordinates, InvalidQuery, OfflineGeocoder


@pytest.fixture(scope="module")
def geo(gaz):
    return OfflineGeocoder(gaz)


def test_is_a_geopy_geocoder_returning_locations_with_our_record_as_raw(geo):
    assert isinstance(geo, Geocoder)
    loc = geo.geocode("Berdzor")
    assert isinstance(loc, Location)
    assert (round(loc.latitude, 2), round(loc.longitude, 2)) == (39.64, 46.55)
    assert loc.address.startswith("Laçın, ") and loc.address.endswith(", AZ")
    raw = loc.raw
    assert raw["place_id"] == "geonames:147625" and raw["kind"] == "populated_place" and raw["country"] == "AZ"
    assert raw["match"] == "alias" and 0 < raw["score"] and raw["reasons"]
    address, (lat, lon) = loc  # geopy's unpacking, which geopandas relies on
    assert address == loc.address and (lat, lon) == (loc.latitude, loc.longitude)


def test_exactly_one_false_gives_a_ranked_list(geo):
    locs = geo.geocode("Tripoli", exactly_one=False, limit=2)
    assert [loc.raw["country"] for loc in locs] == ["LY", "LB"]
    assert len(geo.geocode("Tripoli", exactly_one=False)) <= 10


def test_filters_of_the_geocoder_and_of_the_query(gaz):
    assert OfflineGeocoder(gaz, country="US").geocode("Moscow").raw["admin1"] == "Idaho"
    geo = OfflineGeocoder(gaz)
    assert geo.geocode("Zangilan", kinds="admin1").raw["kind"] == "admin1"
    assert geo.geocode("Moscow", country="US").raw["country"] == "US"


def test_not_found_is_none_as_geopy_documents(geo):
    assert geo.geocode("Qqqxxzzyy") is None
    assert geo.geocode("Qqqxxzzyy", exactly_one=False) is None


@pytest.mark.parametrize("query", ["", "   ", {"town": ""}, {"city": "Baku", "planet": "Earth"}, {"city": 1},
                                   "x" * 100_000, 12])
def test_failures_raise_instead_of_returning_none(geo, query):
    with pytest.raises(InvalidQuery):
        geo.geocode(query)


def test_reverse(geo):
    loc = geo.reverse("39.64, 46.55")
    assert loc.raw["name"] == "Laçın" and loc.raw["relation"] == "nearest" and loc.raw["distance_km"] < 5
    assert geo.reverse(Point(39.64, 46.55)).raw["place_id"] == loc.raw["place_id"]
    locs = geo.reverse((39.64, 46.55), exactly_one=False)
    assert locs[0].raw["relation"] == "nearest"
    assert {"country"} <= {loc.raw["kind"] for loc in locs[1:]}
    assert all(loc.raw["relation"] == "contains" for loc in locs[1:])


def test_reverse_without_a_town_nearby_answers_the_containing_area(geo):
    # The middle of the Karakum desert: no populated place within 1 km, but in a country.
    loc = geo.reverse((39.0, 60.0), max_km=1)
    assert loc is not None and loc.raw["relation"] == "contains" and loc.raw["country"] == "TM"


def test_reverse_in_the_open_ocean_is_none(geo):
    assert geo.reverse((0.0, -30.0)) is None and geo.reverse((0.0, -30.0), exactly_one=False) is None


@pytest.mark.parametrize("query", ["north, south", (95.0, 10.0), "95, 10", (float("nan"), 1.0), "not a point", 5])
def test_reverse_refuses_bad_points(geo, query):
    with pytest.raises(InvalidCoordinates):
        geo.reverse(query)


def test_it_sends_no_request():
    import geopy.exc

    geo = OfflineGeocoder()
    with pytest.raises(geopy.exc.GeocoderUnavailable, match="sends no requests"):
        geo._call_geocoder("http://127.0.0.1:9/search", lambda x: x)


def test_geopy_rate_limiter_wraps_it(geo):
    from geopy.extra.rate_limiter import RateLimiter

    geocode = RateLimiter(geo.geocode, min_delay_seconds=0)
    assert geocode("Lachin").raw["place_id"] == "geonames:147625"
    assert geocode("Baku", exactly_one=False)[0].raw["country"] == "AZ"
    reverse = RateLimiter(geo.reverse, min_delay_seconds=0)
    assert reverse("39.64, 46.55").raw["name"] == "Laçın"


def test_geopandas_geocode_accepts_it_as_provider():
    # geopandas 1.x calls ``provider(**kwargs)``: it takes the class (and its options), not an instance.
    import geopandas.tools
    import pandas as pd

    df = geopandas.tools.geocode(["Lachin", "Baku", "Qqqxxzzyy"], provider=OfflineGeocoder)
    assert df.crs == "EPSG:4326"
    assert df.loc[0, "address"].startswith("Laçın")
    assert (round(df.geometry[0].x, 2), round(df.geometry[0].y, 2)) == (46.55, 39.64)  # lon/lat, as geopandas wants
    assert df.loc[1, "address"].startswith("Baku")
    assert pd.isna(df.loc[2, "address"]) and df.geometry[2].is_empty  # geopandas' own "not found"
    us = geopandas.tools.geocode(["Moscow"], provider=OfflineGeocoder, country="US")
    assert "Idaho" in us.loc[0, "address"]


def test_geopandas_reverse_geocode_accepts_it_as_provider():
    import geopandas.tools
    from shapely.geometry import Point as ShapelyPoint

    df = geopandas.tools.reverse_geocode([ShapelyPoint(46.55, 39.64)], provider=OfflineGeocoder)
    assert df.loc[0, "address"].startswith("Laçın")
