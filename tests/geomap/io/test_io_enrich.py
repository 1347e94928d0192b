"""Reverse geocoding of incident tables that have only coordinates."""

from __future__ import annotations

import datetime

from geomap.incidents._model import Incident
from geomap.io import enrich


def _inc(event_id: str, **kw) -> Incident:
    return Incident(event_id, datetime.date(2023, 3, 20), 1, "Political violence", "Battles", "Armed clash", **kw)


def test_coordinates_only_get_country_admin_areas_and_location(gaz):
    res = enrich([_inc("a", latitude=39.64, longitude=46.55), _inc("b", latitude=40.18, longitude=44.51)],
                 gazetteer=gaz)
    a, b = res.incidents
    assert (a.country, a.iso, a.location, a.place_id) == ("Azerbaijan", "AZ", "Laçın", "geonames:147625")
    assert a.admin1 == "Lachin Rayon"
    assert (b.country, b.iso, b.admin1) == ("Armenia", "AM", "Yerevan")
    assert res.errors == []


def test_values_already_there_are_kept_unless_overwrite(gaz):
    inc = _inc("a", latitude=39.64, longitude=46.55, location="Berdzor", country="Azerbaijan", place_id="x:1")
    kept = enrich([inc], gazetteer=gaz).incidents[0]
    assert (kept.location, kept.place_id, kept.iso) == ("Berdzor", "x:1", "AZ")
    replaced = enrich([inc], gazetteer=gaz, overwrite=True).incidents[0]
    assert replaced.location == "Laçın"


def test_incidents_without_coordinates_or_country_are_reported_and_kept(gaz):
    res = enrich([_inc("none"), _inc("sea", latitude=42.0, longitude=34.0)], gazetteer=gaz)
    assert [i.event_id for i in res.incidents] == ["none", "sea"]
    assert [(e.row, e.reason.split(";")[0]) for e in res.errors] == [
        (1, "no coordinates"), (2, "no country contains the point")]
    assert res.incidents[1].country == ""
