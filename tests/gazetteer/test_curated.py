"""Tests for the curated gazetteer file and its loader (``gazetteer._build.curated``).

The synthetic tests always run; the tests of the shipped ``curated.toml``
need the Natural Earth files of the shared data folder and skip without them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shapely
import shapely.ops
from shapely.geometry import LineString, Point, box

from gazetteer._build.curated import CuratedEntryError, CuratedPlace, load_curated
from gazetteer.errors import GazetteerError

CURATED = Path(__file__).parents[2] / "gazetteer" / "data" / "curated.toml"
SHARED_DATA = Path(__file__).parents[2].parent / "shared" / "data"

# --------------------------------------------------------------------------- helpers


def _toml_value(value: Any) -> str:
    # JSON strings and integers are valid TOML basic strings and integers.
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write_toml(path: Path, entries: list[dict[str, Any]]) -> Path:
    lines = []
    for entry in entries:
        lines.append("[[place]]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in entry.items()]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def entry(**overrides: Any) -> dict[str, Any]:
    """A valid hand-drawn region; keyword ``None`` removes a key."""
    base: dict[str, Any] = {
        "id": "test-region",
        "name": "Test Region",
        "kind": "region",
        "country": "AA",
        "names": ["Testland", "Тестленд"],
        "source": "hand-drawn for the test",
        "geometry": "POLYGON ((0.1 0.1, 0.9 0.1, 0.9 0.9, 0.1 0.9, 0.1 0.1))",
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


# Two unit squares sharing the edge x=1, one far away, two NE rows without an ISO code, and
# three admin-1 areas: two side by side in AA, one in BB.
COUNTRIES = {"AA": box(0, 0, 1, 1), "BB": box(1, 0, 2, 1), "CC": box(5, 5, 6, 6)}
UNCODED = {"Fake Land": box(0.2, 0.2, 0.4, 0.4), "Other Land": box(1.5, 0.5, 1.7, 0.7)}
ADMIN1 = {"AAA-1": box(0, 0, 0.5, 1), "AAA-2": box(0.5, 0, 1, 1), "BBB-1": box(1, 0, 2, 1)}


def load(tmp_path: Path, entries: list[dict[str, Any]], **kwargs: Any) -> list[CuratedPlace]:
    path = write_toml(tmp_path / "curated.toml", entries)
    inputs: dict[str, Any] = {"countries": COUNTRIES, "uncoded": UNCODED, "admin1": ADMIN1}
    inputs.update(kwargs)
    return load_curated(path, **inputs)


# --------------------------------------------------------------------------- synthetic inputs


def test_border_recipe_gives_the_shared_edge(tmp_path):
    [place] = load(tmp_path, [entry(kind="border", country="", geometry=None, derive="border:AA,BB")])
    geom = place.geometry
    assert geom.geom_type == "LineString"
    assert geom.length == pytest.approx(1.0)
    assert geom.equals(LineString([(1, 0), (1, 1)]))


def test_border_recipe_tolerates_edges_that_do_not_coincide(tmp_path):
    # Shapes from another source may miss each other by a few metres.
    countries = {"AA": box(0, 0, 1, 1), "BB": box(1.001, 0, 2, 1)}
    [place] = load(tmp_path, [entry(kind="border", country="", geometry=None, derive="border:AA,BB")],
                   countries=countries)
    assert place.geometry.geom_type in {"LineString", "MultiLineString"}
    assert place.geometry.length == pytest.approx(1.0, abs=0.03)
    # Within the ~500 m tolerance of the true edge, spurs and simplification included.
    assert place.geometry.hausdorff_distance(LineString([(1, 0), (1, 1)])) < 0.006


def test_union_recipe_gives_one_polygon(tmp_path):
    [place] = load(tmp_path, [entry(country="", geometry=None, derive="union:AA,BB")])
    assert place.geometry.geom_type == "Polygon"
    assert place.geometry.area == pytest.approx(2.0)
    assert place.geometry.contains(Point(1.5, 0.5)) and place.geometry.contains(Point(0.5, 0.5))


def test_ne_country_recipe_takes_the_named_row(tmp_path):
    [place] = load(tmp_path, [entry(kind="disputed_area", geometry=None, derive="ne_country:Fake Land")])
    assert place.geometry.equals(UNCODED["Fake Land"])


def test_recipes_joined_with_plus_are_unioned(tmp_path):
    [place] = load(tmp_path, [entry(geometry=None, derive="ne_country:Fake Land + ne_country:Other Land")])
    assert place.geometry.geom_type == "MultiPolygon"
    assert place.geometry.area == pytest.approx(0.08)


def test_admin1_recipe_unions_the_coded_areas(tmp_path):
    [place] = load(tmp_path, [entry(geometry=None, derive="admin1:AAA-1,AAA-2")])
    assert place.geometry.area == pytest.approx(1.0)
    assert place.geometry.contains(Point(0.25, 0.5)) and place.geometry.contains(Point(0.75, 0.5))
    assert not place.geometry.contains(Point(1.5, 0.5))


def test_admin1_border_recipe_is_the_edge_between_two_groups(tmp_path):
    [place] = load(tmp_path, [entry(kind="border", country="", geometry=None,
                                    derive="admin1_border:AAA-1,AAA-2|BBB-1")])
    assert place.geometry.equals(LineString([(1, 0), (1, 1)]))


def test_border_zone_recipe_widens_the_border(tmp_path):
    [place] = load(tmp_path, [entry(kind="border", country="", geometry=None, derive="border_zone:AA,BB")])
    assert place.geometry.geom_type == "Polygon"
    assert place.geometry.contains(Point(1.01, 0.5)) and not place.geometry.contains(Point(1.1, 0.5))


def test_historical_kind_takes_a_union_of_countries(tmp_path):
    [place] = load(tmp_path, [entry(kind="historical", country="", geometry=None, derive="union:AA,BB")])
    assert place.kind == "historical" and place.geometry.area == pytest.approx(2.0)


def test_clip_cuts_a_loose_outline_to_the_country(tmp_path):
    loose = "POLYGON ((0.5 0.2, 1.8 0.2, 1.8 0.8, 0.5 0.8, 0.5 0.2))"
    [place] = load(tmp_path, [entry(geometry=loose, clip="AA")])
    assert place.geometry.contains(Point(0.7, 0.5))
    assert not place.geometry.contains(Point(1.5, 0.5))
    assert place.geometry.bounds[2] < 1.02  # at most the ~1 km margin beyond the border


def test_hand_drawn_entry_keeps_its_fields(tmp_path):
    [place] = load(tmp_path, [entry(names=["Testland", "Test Region", "Testland", "Тестленд"], population=42)])
    assert place == CuratedPlace(id="test-region", name="Test Region", kind="region", country="AA",
                                 names=("Testland", "Тестленд"), population=42,
                                 source="hand-drawn for the test", geometry=place.geometry)
    assert place.__geo_interface__["id"] == "curated:test-region"


def test_population_defaults_to_zero_and_corridor_is_a_line(tmp_path):
    [place] = load(tmp_path, [entry(kind="corridor", geometry="LINESTRING (0.1 0.1, 0.5 0.5, 1.5 0.5)")])
    assert place.population == 0
    assert place.geometry.geom_type == "LineString"


def test_polygons_are_made_valid_and_counter_clockwise(tmp_path):
    bowtie = "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))"
    clockwise = "POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))"
    places = load(tmp_path, [entry(id="bowtie", geometry=bowtie), entry(id="clockwise", geometry=clockwise)])
    for place in places:
        assert place.geometry.is_valid and not place.geometry.is_empty
        for polygon in shapely.get_parts(place.geometry):
            assert shapely.is_ccw(polygon.exterior)
    assert places[0].geometry.area == pytest.approx(0.5)


BAD_ENTRIES = {
    "unknown kind": entry(id="bad-entry", kind="province"),
    "missing names": entry(id="bad-entry", names=None),
    "empty names": entry(id="bad-entry", names=[]),
    "blank name in names": entry(id="bad-entry", names=["ok", " "]),
    "missing source": entry(id="bad-entry", source=None),
    "empty source": entry(id="bad-entry", source="  "),
    "missing name": entry(id="bad-entry", name=None),
    "both geometry and derive": entry(id="bad-entry", derive="union:AA"),
    "neither geometry nor derive": entry(id="bad-entry", geometry=None),
    "unparsable WKT": entry(id="bad-entry", geometry="POLYGON ((0 0, 1 1"),
    "not WKT at all": entry(id="bad-entry", geometry="somewhere near Goris"),
    "latitude out of range": entry(id="bad-entry", geometry="POLYGON ((46 39, 47 39, 47 95, 46 39))"),
    "longitude out of range": entry(id="bad-entry", geometry="LINESTRING (179 0, 181 1)", kind="corridor"),
    "swapped lat/lon": entry(id="bad-entry", geometry="LINESTRING (39.5 46.3, 39.8 146.7)", kind="corridor"),
    "empty WKT geometry": entry(id="bad-entry", geometry="POLYGON EMPTY"),
    "unknown country in border": entry(id="bad-entry", kind="border", geometry=None, derive="border:AA,ZZ"),
    "unknown country in union": entry(id="bad-entry", geometry=None, derive="union:AA,BB,XX"),
    "unknown country in clip": entry(id="bad-entry", clip="QQ"),
    "border with one country": entry(id="bad-entry", kind="border", geometry=None, derive="border:AA"),
    "unknown NE row name": entry(id="bad-entry", geometry=None, derive="ne_country:Atlantis"),
    "unknown admin-1 code": entry(id="bad-entry", geometry=None, derive="admin1:AAA-1,AAA-9"),
    "admin1_border with one group": entry(id="bad-entry", kind="border", geometry=None, derive="admin1_border:AAA-1"),
    "historical drawn as line": entry(id="bad-entry", kind="historical", geometry="LINESTRING (0 0, 1 1)"),
    "unknown recipe": entry(id="bad-entry", geometry=None, derive="buffer:AA"),
    "empty border (not neighbours)": entry(id="bad-entry", kind="border", geometry=None, derive="border:AA,CC"),
    "empty clip": entry(id="bad-entry", clip="CC"),
    "corridor drawn as polygon": entry(id="bad-entry", kind="corridor"),
    "region drawn as line": entry(id="bad-entry", geometry="LINESTRING (0 0, 1 1)"),
    "unknown key": entry(id="bad-entry", geometery="POINT (0 0)"),
    "bad country field": entry(id="bad-entry", country="Azerbaijan"),
    "negative population": entry(id="bad-entry", population=-5),
    "point not a list": entry(id="bad-entry", point="0.5, 0.5"),
    "point with one number": entry(id="bad-entry", point=[0.5]),
    "point with three numbers": entry(id="bad-entry", point=[0.5, 0.5, 0.0]),
    "point of strings": entry(id="bad-entry", point=["0.5", "0.5"]),
    "point of booleans": entry(id="bad-entry", point=[True, False]),
    "point latitude out of range": entry(id="bad-entry", point=[95.0, 0.5]),
    "point longitude out of range": entry(id="bad-entry", point=[0.5, 181.0]),
    "point far from the geometry": entry(id="bad-entry", point=[10.0, 10.0]),
    "point swapped into the wrong hemisphere": entry(id="bad-entry", point=[-20.0, 0.5]),
    "geonameid zero": entry(id="bad-entry", geonameid=0),
    "geonameid negative": entry(id="bad-entry", geonameid=-1545739),
    "geonameid as string": entry(id="bad-entry", geonameid="1545739"),
    "geonameid as float": entry(id="bad-entry", geonameid=1545739.0),
    "geonameid as boolean": entry(id="bad-entry", geonameid=True),
}


@pytest.mark.parametrize("bad", BAD_ENTRIES.values(), ids=BAD_ENTRIES.keys())
def test_bad_entry_raises_value_error_naming_it(tmp_path, bad):
    entries = [entry(id="good-entry"), bad]
    with pytest.raises(ValueError, match="'bad-entry'") as info:
        load(tmp_path, entries)
    assert isinstance(info.value, CuratedEntryError) and isinstance(info.value, GazetteerError)
    assert info.value.entry_id == "bad-entry"


def test_point_and_geonameid_are_carried(tmp_path):
    [place] = load(tmp_path, [entry(point=[0.4, 0.6], geonameid=1545739)])
    assert place.point == (0.4, 0.6) and isinstance(place.point[0], float)
    assert place.geonameid == 1545739
    props = place.__geo_interface__["properties"]
    assert props["point"] == [0.4, 0.6] and props["geonameid"] == 1545739


def test_point_and_geonameid_default_to_none(tmp_path):
    [place] = load(tmp_path, [entry()])
    assert place.point is None and place.geonameid is None
    assert place.__geo_interface__["properties"]["geonameid"] is None


def test_point_may_lie_outside_but_near_the_geometry(tmp_path):
    # A label point off a roughly drawn coast: 2 degrees (~230 km) east of the square.
    [place] = load(tmp_path, [entry(point=[0.5, 3.0])])
    assert place.point == (0.5, 3.0)
    # Integers are numbers too, and a line geometry is measured the same way.
    [line] = load(tmp_path, [entry(kind="corridor", geometry="LINESTRING (0 0, 1 0)", point=[1, 0])])
    assert line.point == (1.0, 0.0)


def test_point_far_from_the_geometry_names_the_distance(tmp_path):
    with pytest.raises(CuratedEntryError, match=r"'far'.*'point'.*km from the geometry"):
        load(tmp_path, [entry(id="far", point=[0.5, 10.0])])


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_point_must_be_finite(tmp_path, value):
    # TOML 1.0 has nan and inf floats, which JSON (and so write_toml) cannot write.
    path = write_toml(tmp_path / "curated.toml", [entry(id="bad-entry")])
    path.write_text(path.read_text(encoding="utf-8") + f"point = [{value}, 0.5]\n", encoding="utf-8")
    with pytest.raises(CuratedEntryError, match="'bad-entry'.*finite"):
        load_curated(path, countries=COUNTRIES, uncoded=UNCODED, admin1=ADMIN1)


def test_admin1_areas_that_do_not_touch_have_no_border(tmp_path):
    with pytest.raises(ValueError, match="'bad-entry'.*empty"):
        load(tmp_path, [entry(id="bad-entry", kind="border", geometry=None, derive="admin1_border:AAA-1|BBB-1")])


def test_duplicate_id_raises(tmp_path):
    with pytest.raises(ValueError, match="'twice'.*duplicate id"):
        load(tmp_path, [entry(id="twice"), entry(id="twice", name="Other")])


def test_entry_without_id_is_named_by_position(tmp_path):
    with pytest.raises(ValueError, match="'#2'"):
        load(tmp_path, [entry(id="first"), entry(id=None)])


def test_invalid_slug_raises(tmp_path):
    with pytest.raises(ValueError, match="'Bad Id'.*slug"):
        load(tmp_path, [entry(id="Bad Id")])


def test_unknown_ne_row_name_suggests_close_ones(tmp_path):
    with pytest.raises(ValueError, match="Fake Land"):
        load(tmp_path, [entry(geometry=None, derive="ne_country:Fake Lands")])
