"""The areas drawn for incidents placed at a region, an admin area or a country; the basemap's names.

What a person sees of them in a browser is checked in ``test_render_browser.py``.
"""

from __future__ import annotations

import datetime

import pytest
import shapely

from geomap.incidents import Incident
from geomap.render import render_map
from geomap.render._areas import AreaFinder
from geomap.render._labels import country_labels, town_labels

from .test_render import payload_of


def incident(**kw) -> Incident:
    base = dict(event_id="d:0", event_date=datetime.date(2023, 2, 20), time_precision=1,
                disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash")
    base.update(kw)
    return Incident(**base)


def area(gaz, **kw):
    found = AreaFinder(gaz)(incident(**kw))
    return None if found is None else shapely.from_wkb(found[1])


def test_a_country_level_incident_is_the_country_not_a_dot(gaz):
    syria = area(gaz, location="Syria", country="Syria", iso="SY", place_id="geonames:163843", latitude=35.0,
                 longitude=38.0, geo_precision=3)
    assert syria is not None and syria.area > 15  # square degrees: Syria is ~18, a 50 km circle ~0.7
    assert syria.contains(shapely.Point(36.3, 33.5))  # Damascus, far from the centre point


def test_an_admin1_incident_is_its_polygon_and_a_table_row_finds_it_by_name(gaz):
    by_id = area(gaz, location="Aleppo", place_id="geonames:170062", latitude=36.2, longitude=37.6, geo_precision=3)
    by_name = area(gaz, admin1="Aleppo", iso="SY", country="Syria", latitude=36.2, longitude=37.6, geo_precision=3)
    assert by_id is not None and by_name is not None and by_id.equals(by_name)
    assert by_id.contains(shapely.Point(38.0374, 36.4831))  # Manbij


def test_an_admin2_area_without_polygon_gets_the_extent_of_its_towns(gaz):
    salkhad = gaz.get("geonames:164916")
    assert salkhad.kind.value == "admin2" and salkhad.geometry_wkb is None
    extent = area(gaz, location=salkhad.name, place_id=salkhad.place_id, latitude=salkhad.latitude,
                  longitude=salkhad.longitude, geo_precision=2)
    assert extent is not None and extent.geom_type == "Polygon"
    assert extent.contains(shapely.Point(salkhad.longitude, salkhad.latitude)) and extent.area < 2


def test_a_town_stays_a_point_and_a_vague_town_is_its_admin1(gaz):
    lachin = dict(location="Lachin", place_id="geonames:147625", latitude=39.637, longitude=46.55, iso="AZ")
    assert area(gaz, geo_precision=1, **lachin) is None
    key, wkb = AreaFinder(gaz)(incident(geo_precision=3, **lachin))
    assert key == "geonames:147626"  # Lachin Rayon, the town's admin-1 area
    assert shapely.from_wkb(wkb).distance(shapely.Point(46.55, 39.637)) < 0.05  # Natural Earth's coarse edge


def test_unknown_places_and_ids_from_another_build_have_no_area(gaz):
    assert area(gaz, place_id="geonames:999999999", geo_precision=3) is None
    assert area(gaz, admin1="Nowhere Province", iso="ZZ", geo_precision=3) is None


def test_the_page_carries_the_area_and_shares_it_between_incidents(gaz):
    items = [incident(event_id=f"s{k}", location="Syria", iso="SY", place_id="geonames:163843", latitude=35.0,
                      longitude=38.0, geo_precision=3) for k in range(3)]
    items.append(incident(event_id="t", location="Lachin", place_id="geonames:147625", latitude=39.637,
                          longitude=46.55, geo_precision=1))
    data = payload_of(render_map(items, borders=False, gazetteer=gaz).get_root().render())
    geom_of = [row[21] for row in data["rows"]]
    assert geom_of[:3] == [0, 0, 0] and geom_of[3] == -1 and len(data["geoms"]) == 1
    assert data["geoms"][0]["type"] in ("Polygon", "MultiPolygon")


def test_country_labels_are_every_country_largest_first(gaz):
    labels = country_labels(gaz)
    assert len(labels) > 200 and labels[0]["km2"] >= labels[1]["km2"] >= labels[-1]["km2"]
    armenia = next(c for c in labels if c["name"] == "Armenia")
    w, s, e, n = armenia["box"]
    assert w <= armenia["lon"] <= e and s <= armenia["lat"] <= n
    assert shapely.Point(armenia["lon"], armenia["lat"]).within(shapely.box(43.4, 38.8, 46.7, 41.4))


@pytest.mark.parametrize("box, inside", [((44.0, 38.0, 47.0, 41.0), "Goris"), ((35.0, 32.0, 37.0, 34.0), "Tiberias")])
def test_town_labels_hold_the_view_s_towns_and_the_world_s_largest(gaz, box, inside):
    towns = town_labels(gaz, box)
    names = [t[0] for t in towns]
    assert inside in names and "Tokyo" in names and len(names) == len(set((t[0], t[1], t[2]) for t in towns))
    assert all(isinstance(t[3], int) and t[3] > 0 for t in towns)
