"""Points by one stated rule (data/README.md, "Points"): every area at the centre of its largest polygon."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

from gazetteer import Gazetteer, Kind
from gazetteer._build import points
from gazetteer._build.countries import country_shapes, sovereigns


def test_a_country_stands_at_the_centre_of_its_largest_polygon():
    from shapely.geometry import MultiPolygon

    mainland_and_isle = MultiPolygon([box(40.0, 30.0, 50.0, 40.0), box(70.0, 10.0, 71.0, 11.0)])
    assert points.country_point("XX", own=(1.0, 1.0), label=(35.5, 44.0), geom=mainland_and_isle,
                                capital=(2.0, 2.0)) == (35.0, 45.0)
    # Without a polygon, NE's label (not a broken one); then the dump's point or its towns' mean; then the capital.
    assert points.country_point("XX", own=None, label=(35.5, 44.0), geom=None, capital=None) == (35.5, 44.0)
    assert points.country_point("XX", own=(1.0, 1.0), label=(float("nan"), 44.0), geom=None, capital=None) == (1.0, 1.0)
    assert points.country_point("XX", own=(1.0, 1.0), label=None, geom=None, capital=(2.0, 2.0)) == (1.0, 1.0)
    assert points.country_point("XX", own=None, label=None, geom=None, capital=(2.0, 2.0)) == (2.0, 2.0)


def test_a_grouping_stands_at_the_middle_of_its_members():
    ring = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(2, 2), (8, 2), (8, 8), (2, 8)]])
    lat, lon, gid = points.grouping_point("155", ring)
    assert ring.contains(box(lon - 1e-9, lat - 1e-9, lon + 1e-9, lat + 1e-9)) and gid == 0  # not the hole's centre
    assert points.grouping_point("EU", box(0, 0, 2, 2)) == (1.0, 1.0, 6695072)  # the id, not a point, is kept
    assert not hasattr(points, "GROUPING_POINTS")


def test_the_label_of_a_code_with_several_rows_is_the_largest_rows():
    rows = [{"ISO_A2": "NO", "geometry": box(10, 76, 30, 80), "LABEL_Y": 78.0, "LABEL_X": 16.0, "NAME": "Svalbard"},
            {"ISO_A2": "NO", "geometry": box(5, 58, 31, 71), "LABEL_Y": 61.4, "LABEL_X": 9.7, "NAME": "Norway"}]
    _, info = country_shapes(rows)
    assert info["NO"]["label"] == (61.4, 9.7)


def test_sovereigns_come_from_natural_earth_and_leave_disputed_rows_out():
    rows = [{"ISO_A2": "CN", "ADMIN": "China", "SOVEREIGNT": "China", "TYPE": "Country"},
            {"ISO_A2": "HK", "ADMIN": "Hong Kong S.A.R.", "SOVEREIGNT": "China", "TYPE": "Country"},
            {"ISO_A2": "IL", "ADMIN": "Israel", "SOVEREIGNT": "Israel", "TYPE": "Country"},
            {"ISO_A2": "PS", "ADMIN": "Palestine", "SOVEREIGNT": "Israel", "TYPE": "Indeterminate"}]
    assert sovereigns(rows) == {"HK": "CN"}


@pytest.mark.parametrize("name, lat, lon", [
    ("United States", 39.53, -99.14), ("Russia", 61.66, 99.07), ("Canada", 57.94, -102.36), ("Armenia", 40.29, 44.93),
])
def test_shipped_database_uses_the_rule(gaz: Gazetteer, name, lat, lon):
    place = gaz.lookup(name, kinds=Kind.COUNTRY)[0].place
    assert (place.latitude, place.longitude) == pytest.approx((lat, lon), abs=0.01)


def test_no_region_stands_at_an_annotators_point(gaz: Gazetteer):
    # The old hand points: Northern Europe at GeoNames' (61.69 N 2.90 E, in the sea off Norway), the Middle East
    # at 33.14 N 35.86 E, the Mediterranean at 35 N 20 E; each now stands inside its own shape.
    for name, old in [("Northern Europe", (61.68987, 2.90039)), ("Middle East", (33.14, 35.86)),
                      ("Mediterranean Sea", (35.0, 20.0))]:
        place = gaz.lookup(name)[0].place
        assert (place.latitude, place.longitude) != pytest.approx(old, abs=0.01), name
