"""Where the build puts an area's point: its middle."""

from __future__ import annotations

import shapely

from gazetteer._build.shapes import middle


def test_a_compact_shape_sits_at_its_centroid():
    assert middle(shapely.box(10, 40, 20, 44)) == (42.0, 15.0)


def test_a_shape_bent_round_its_centroid_keeps_a_point_inside():
    # A ring of land round a sea (the Gulf states round the gulf): the centroid lies outside it.
    ring = shapely.box(0, 0, 10, 10).difference(shapely.box(2, 2, 8, 8))
    lat, lon = middle(ring)
    assert ring.contains(shapely.Point(lon, lat))


def test_the_gulf_is_the_persian_gulf(gaz):
    from gazetteer._ranking import haversine_km

    first = gaz.lookup("Gulf")[0].place
    # The Gulf states (the region "the Gulf" names), at the middle of their union by the one point rule.
    assert first.name == "Gulf states"
    assert first.place_id in {a.place_id for a in gaz.reverse(first.latitude, first.longitude).areas}
    # The sea itself sits at its middle, not at an arbitrary point of its outline.
    med = gaz.lookup("Mediterranean Sea")[0].place
    assert haversine_km(med.latitude, med.longitude, 35.0, 18.0) < 400


def test_english_counties_that_geonames_splits_are_found(gaz):
    from gazetteer import Kind

    for name in ("Yorkshire", "West Yorkshire", "Merseyside", "Berkshire", "Northamptonshire", "Greater Manchester"):
        first = gaz.lookup(name, country="GB")[0]
        assert (first.place.name, first.place.kind, first.place.admin1_code) == (name, Kind.ADMIN2, "GB.ENG")
        # A union of GeoNames areas lists their codes; Northamptonshire is one area GeoNames kept.
        assert first.place.admin2_code.startswith("GB.ENG.") and (name == "Northamptonshire") != (
            "|" in first.place.admin2_code)
        assert first.place.geometry_wkb is None  # no drawn shape: reverse geocoding answers with the member
    leeds = gaz.lookup("Leeds", country="GB")[0].place
    west_yorkshire = gaz.lookup("West Yorkshire")[0].place
    assert haversine(leeds, west_yorkshire) < 30


def haversine(a, b):
    from gazetteer._ranking import haversine_km

    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def test_a_composite_area_needs_its_towns(tmp_path):
    import pytest

    from gazetteer._build.composite_areas import add_composite_areas

    bad = tmp_path / "areas.csv"
    bad.write_text("name,country,aliases,members,note\nNowhere,GB,,GB.ENG.ZZ,none\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Nowhere"):
        add_composite_areas(None, {}, print, bad)  # type: ignore[arg-type]  # fails before writing


def test_a_shape_split_at_the_antimeridian_sits_at_its_middle():
    # Alaska's Aleutians cross 180 degrees: the middle is on the mainland side, not in the Atlantic.
    split = shapely.MultiPolygon([shapely.box(170, 50, 180, 60), shapely.box(-180, 50, -140, 70)])
    lat, lon = middle(split)
    assert 55 < lat < 65 and -170 < lon < -150


def test_a_composite_area_file_needs_its_columns(tmp_path):
    import pytest

    from gazetteer._build.composite_areas import add_composite_areas

    bad = tmp_path / "areas.csv"
    bad.write_text("name,members\nNowhere,GB.ENG.ZZ\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        add_composite_areas(None, {}, print, bad)  # type: ignore[arg-type]  # fails before writing
    bad.write_text("name,country,aliases,members,note\nNowhere,GB\n", encoding="utf-8")
    with pytest.raises(ValueError, match="too few fields"):
        add_composite_areas(None, {}, print, bad)  # type: ignore[arg-type]
