"""Countries stand at GeoNames' own reference points, the convention the gazetteer's ids come from."""

from __future__ import annotations

import csv

import pytest

from gazetteer import Gazetteer, Kind
from gazetteer.build import COUNTRY_POINTS, read_country_points


def test_the_table_is_whole_and_valid():
    with open(COUNTRY_POINTS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["iso"] for r in rows]
    assert len(rows) == 196 and len(set(codes)) == 196
    assert all(len(c) == 2 and c.isupper() for c in codes)
    assert all(-90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180 for r in rows)


def test_geonames_points_win_over_the_fallback():
    points = read_country_points()
    assert points["US"] == (39.76, -98.5)
    assert points["CA"] == (60.10867, -113.64258)
    assert points["AM"] == (40.25, 45.0)


@pytest.mark.parametrize("name, lat, lon", [
    ("United States", 39.76, -98.5), ("India", 22.0, 79.0), ("Japan", 35.68536, 139.75309),
    ("Azerbaijan", 40.5, 47.5), ("Russia", 60.0, 100.0),
])
def test_shipped_database_uses_them(gaz: Gazetteer, name, lat, lon):
    place = gaz.lookup(name, kinds=Kind.COUNTRY)[0].place
    assert (place.latitude, place.longitude) == pytest.approx((lat, lon))


def test_a_bad_row_is_refused(tmp_path):
    bad = tmp_path / "points.csv"
    bad.write_text("iso,name,latitude,longitude\nXX,Nowhere,95,10\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad point for XX"):
        read_country_points(bad)
