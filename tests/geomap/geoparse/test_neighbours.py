"""Nearest-neighbour closeness: the grid finds what is near, and only that."""

from __future__ import annotations

from dataclasses import replace

import pytest

from geomap import geoparse
from geomap.geoparse._neighbours import Neighbours


@pytest.fixture(scope="module")
def town(gaz):
    return gaz.lookup("Suva", kinds="populated_place")[0].place


def _at(town, pid, lat, lon):
    return replace(town, place_id=pid, latitude=lat, longitude=lon)


def test_across_the_antimeridian(town):
    east, west = _at(town, "e", -16.0, 179.9), _at(town, "w", -16.0, -179.9)
    assert Neighbours([("w", west)]).nearest_km(east, "e") == pytest.approx(21.4, abs=0.5)


def test_nothing_within_reach_and_own_name_skipped(town):
    here, far = _at(town, "a", 10.0, 10.0), _at(town, "b", 20.0, 10.0)
    assert Neighbours([("b", far)]).nearest_km(here, "a") is None
    assert Neighbours([("a", _at(town, "c", 10.1, 10.0))]).nearest_km(here, "a") is None
    assert not Neighbours([])


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        # The nearest other place named decides between namesakes of like standing.
        ("Floods hit Springfield and Chicopee on Monday.", "Springfield", "Massachusetts"),
        ("Rain fell on Richmond and Petersburg.", "Petersburg", "Virginia"),
    ],
)
def test_namesakes_near_each_other(text, surface, admin1):
    got = {r.surface: r.place for r in geoparse(text)}
    assert got[surface].admin1 == admin1


def test_a_narrower_reach_per_query(town):
    here, there = _at(town, "a", 45.0, 10.0), _at(town, "b", 45.0, 11.0)  # about 79 km apart
    near = Neighbours([("b", there)])
    assert near.nearest_km(here, "a") == pytest.approx(78.6, abs=0.5)
    assert near.nearest_km(here, "a", within_km=50) is None
    assert near.nearest_km(here, "a", within_km=0) is None


def test_nan_coordinates_are_skipped(town):
    assert Neighbours([("b", _at(town, "b", float("nan"), 10.0))]).nearest_km(_at(town, "a", 45.0, 10.0), "a") is None
    assert Neighbours([("b", _at(town, "b", 45.0, 10.0))]).nearest_km(_at(town, "a", float("nan"), 10.0), "a") is None
