"""geoparse end to end: the seed article, bad input, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.text._readers import Document
from geomap.geoparse._geoparse import geoparse, resolve_spans


def _span(text, surface):
    """``surface`` (its first occurrence) resolved as a given span of ``text``."""
    start = text.index(surface)
    return resolve_spans(text, [(start, start + len(surface))])[0]


EXAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "examples"
SEED = EXAMPLES / "armenia-azerbaijan-2023-03-20.txt"


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent (the team's shared examples); the seed test needs it")
    text = SEED.read_text(encoding="utf-8")
    return text, geoparse(text)


@pytest.mark.parametrize(
    ("surface", "check"),
    [
        ("Zangilan", lambda p: p.country == "AZ" and p.kind.value in ("admin1", "admin2") and "Zangilan" in p.name),
        ("Karabakh", lambda p: p.place_id == "curated:karabakh"),
        ("Lachin corridor", lambda p: p.place_id == "curated:lachin-corridor"),
        ("Washington", lambda p: p.country == "US" and p.feature_code == "PPLC"),
        ("Munich", lambda p: p.country == "DE"),
        ("Brussels", lambda p: p.country == "BE"),
        ("Moscow", lambda p: p.country == "RU" and p.feature_code == "PPLC"),
        ("Yerevan", lambda p: p.country == "AM"),
        ("Baku", lambda p: p.country == "AZ"),
        ("Iran", lambda p: p.kind.value == "country" and p.country == "IR"),
        ("South Caucasus", lambda p: p.name == "South Caucasus"),
    ],
)
def test_seed_places_resolved(seed, surface, check):
    _, resolved = seed
    found = [r.place for r in resolved if r.surface == surface]
    assert found, f"{surface} not found"
    assert all(check(p) for p in found), {p.place_id for p in found}


@pytest.mark.parametrize("word", ["March", "Lavrov", "Sergey", "Sergei", "Ararat", "Mirzoyan", "Nikol",
                                  "Pashinian", "Ilham", "Aliyev", "Antony", "Blinken"])
def test_seed_no_false_toponyms(seed, word):
    _, resolved = seed
    assert not [r for r in resolved if word in r.surface.split()]


def test_bundled_example_has_no_organisation_as_a_town():
    # "the International Committee of the Red Cross" names no hamlet in North Carolina.
    text = (Path(__file__).resolve().parents[3] / "geomap" / "data" / "example-article.txt").read_text(encoding="utf-8")
    resolved = geoparse(text)
    assert not [r for r in resolved if "Cross" in r.surface.split()]
    assert {"Yerevan", "Jermuk", "Goris", "Ijevan", "Zangilan", "Stepanakert"} <= {r.surface for r in resolved}


def test_an_alternate_name_inside_an_area_the_story_names_is_that_place():
    # "Stepanakert" is only an alternate name of Khankendi: it counts where the story names the
    # area around it (and a neighbour supports the small town), not where it names only a country.
    text = ("Shelling hit Shusha in Nagorno-Karabakh overnight. "
            "Residents of Stepanakert spent the night in basements.")
    assert [r.place.name for r in geoparse(text) if r.surface == "Stepanakert"] == ["Khankendi"]
    only_country = "Azerbaijan reopened the road. Residents of Stepanakert spent the night in basements."
    assert not [r for r in geoparse(only_country) if r.surface == "Stepanakert"]


def test_seed_offsets(seed):
    text, resolved = seed
    assert all(text[r.start:r.end] == r.surface for r in resolved)


@pytest.mark.parametrize("text", ["", "   \n", "nothing to see here, at all.", "The cat sat on the mat."])
def test_no_places(text):
    assert geoparse(text) == []


def test_document_and_bad_type():
    assert [r.surface for r in geoparse(Document("Rain in Baku."))] == ["Baku"]
    with pytest.raises(TypeError):
        geoparse(b"Baku")  # type: ignore[arg-type]


def test_demonyms_option():
    assert [r.surface for r in geoparse("Armenian troops in Baku")] == ["Baku"]
    assert [r.place.country for r in geoparse("Armenian troops in Baku", demonyms=True)] == ["AM", "AZ"]


def test_large_text_works():
    text = "Shelling near Lachin and Baku. " * 20_000 + "Lavrov said nothing. " * 5_000
    resolved = geoparse(text)
    assert len(resolved) == 40_000
    assert {r.place.country for r in resolved} == {"AZ"}


def test_resolve_spans():
    text = "Moscow, Idaho and Paris"
    answers = resolve_spans(text, [(0, 6), (18, 23)])
    assert [a.place.country for a in answers] == ["US", "FR"]
    assert resolve_spans("Xqzzy", [(0, 5)]) == [None]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A name the gazetteer lacks is placed in the town the document names most, and says so.
        ("A fire on Xqzzy Street in Baku. Baku firemen came.", (10, 22), "Baku"),
        # A longer name is not read as a place named by one of its common words ("Union", "Point").
        ("The Student Union met.", (4, 17), None),
        ("Boats at Woodman Point.", (9, 22), None),
    ],
)
def test_resolve_spans_unknown_names(text, span, expected):
    (answer,) = resolve_spans(text, [span])
    if expected is None:
        assert answer is None
    else:
        assert answer.place.name == expected and "not in the gazetteer" in answer.reasons[0]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A facility named after a far-away city or a person is placed in the story's town...
        ("Fans in Cairo. The Christopher Inn in Cairo closed; Cairo police came.", (19, 34), "Cairo"),
        ("Readers in Baku. Baku's Carnegie Library reopened in Baku.", (24, 40), "Baku"),
        # ... the country or state named inside it holds that town ...
        ("Diplomats left Moscow. The British Embassy in Moscow closed; Moscow said no.", (27, 42), "Moscow"),
        # ... a name built on a country's own name is the country, wherever the story is ...
        ("Traders in Monterrey and Monterrey banks watch the Bank of Mexico closely.", (51, 65), "Mexico"),
        # ... and a big city keeps its name even far from the story's town.
        ("Fans in Chicago and Chicago cheered the Boston Marathon winner.", (40, 55), "Boston"),
    ],
)
def test_resolve_spans_facilities(text, span, expected):
    (answer,) = resolve_spans(text, [span])
    assert answer.place.name == expected, answer.reasons


def test_cli_places(tmp_path):
    from geomap.cli import app

    path = tmp_path / "a.txt"
    path.write_text("Shelling hit villages near Zangilan and Baku.", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["places", str(path), "--jsonl"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert json.loads(runner.invoke(app, ["places", str(path), "--json"]).stdout) == [row]
    assert [p["surface"] for p in row["places"]] == ["Zangilan", "Baku"]
    result = runner.invoke(app, ["places", str(path), "--geojson"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["type"] == "FeatureCollection"
    result = runner.invoke(app, ["places", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_eval(tmp_path):
    from geomap.cli import app

    corpus = Path(__file__).resolve().parents[2] / "data" / "eval" / "gwn.xml"
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "geoparse", "--format", "gwn", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {"docs", "gold", "predicted", "precision", "recall", "f1", "acc161", "mean_km", "median_km",
            "auc"} <= set(report)
    result = runner.invoke(app, ["eval", "geoparse", "--format", "nope", str(corpus)])
    assert result.exit_code == 2


def _spans(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_main_town_is_the_one_the_story_clusters_around():
    # Chicago, Park Ridge and Evanston hold each other; a namesake of "South Side" (first named)
    # does not become the town that unknown streets are placed in.
    text = ("A South Side man was charged after a stabbing on Xqzzy Avenue. Chicago police said he "
            "lived in Park Ridge and worked in Evanston.")
    spans = _spans(text, "South Side", "Xqzzy Avenue", "Chicago", "Park Ridge", "Evanston")
    answers = resolve_spans(text, spans)
    assert answers[1].place.name == "Chicago" and "main town" in answers[1].reasons[0]


def test_main_town_comes_from_the_given_toponyms_first():
    # "Mary" is read as a town by the recogniser; the given toponym Miami is the story's town.
    text = "Mary told reporters the bakery on Qwxyz Road in Miami had closed."
    answers = resolve_spans(text, _spans(text, "Qwxyz Road", "Miami"))
    assert answers[0].place.name == "Miami"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A city of millions keeps its name against a small namesake only the story's country favours ...
        ("U.S. officials said the family flew from the United States to a hospital in Rome.", "Rome", "IT"),
        ("Amy Chen of London-based BOP Consulting spoke in the United States.", "London", "GB"),
        # ... but not against one its state or a container places.
        ("Rome, Georgia, is a small city in the United States.", "Rome", "US"),
    ],
)
def test_world_cities_keep_their_names(text, name, country):
    (answer,) = resolve_spans(text, _spans(text, name))
    assert answer.place.country == country, answer.reasons


def test_an_unknown_name_is_where_the_text_puts_it():
    # The story's town is Moscow, but the hospital is written "in Rome".
    text = "Moscow doctors said the Qwxyz Children's Hospital in Rome took the boy. Moscow was told."
    (answer,) = resolve_spans(text, _spans(text, "Qwxyz Children's Hospital"))
    assert answer.place.name == "Rome" and "written after it" in answer.reasons[0]


def test_a_stray_village_in_a_story_is_a_spot_of_the_story_town():
    # Given as a toponym, "Hubbard" in a Chicago story is a street there, not Hubbard, Ohio.
    text = "Chicago police said the bar on Hubbard near Grand closed. Chicago officials agreed."
    answers = resolve_spans(text, _spans(text, "Hubbard", "Chicago"))
    assert answers[0].place.name == "Chicago" and "far from the story" in answers[0].reasons[0]
    # A big place or one the story supports keeps its own reading.
    text = "Chicago police flew to Dayton, Ohio, where Hubbard, Ohio officials met them."
    answers = resolve_spans(text, _spans(text, "Hubbard"))
    assert answers[0].place.admin1 == "Ohio"


def test_context_is_the_part_of_the_score_the_document_added():
    from geomap import geoparse

    (alone,) = geoparse("Moscow")
    idaho = {r.surface: r for r in geoparse("Students rallied in Moscow, Idaho.")}["Moscow"]
    assert alone.context == 0.0 and idaho.context > 1.0
    assert idaho.to_dict()["context"] == idaho.context


def test_road_numbers_are_placed_like_other_unknown_names():
    # "A417" is a road, not an abbreviation: it is placed in the story's town.
    text = "Cirencester drivers face delays on the A417 near Cirencester this week."
    (answer,) = resolve_spans(text, _spans(text, "A417"))
    assert answer is not None and answer.place.name == "Cirencester"


def test_a_story_without_towns_places_unknown_names_in_its_area():
    text = "Saint Lucia reported that the Qwxyz Protection Area in Saint Lucia was damaged."
    answers = resolve_spans(text, _spans(text, "Saint Lucia", "Qwxyz Protection Area"))
    assert answers[1].place.name == "Saint Lucia" and "main area" in answers[1].reasons[0]
    assert resolve_spans("Xqzzy", [(0, 5)]) == [None]  # nothing named at all: no answer


def test_span_coverage_matches_brute_force():
    import random

    from geomap.geoparse._spans import Coverage

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 15)) for a in (rng.randint(0, 100) for _ in range(rng.randint(0, 8)))]
        covered = Coverage(spans)
        for _ in range(20):
            a = rng.randint(0, 110)
            b = a + rng.randint(1, 10)
            assert covered.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def test_an_unknown_name_falls_back_to_the_area_the_text_names():
    (answer,) = resolve_spans("Xqzzy Street in Kansas.", [(0, 12)])
    assert answer.place.name == "Kansas" and "main area" in answer.reasons[0]


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [("A nerve agent developed by the Soviet Union.", "Soviet Union", "Soviet Union"),
     ("The USSR collapsed.", "USSR", "Soviet Union"), ("Yugoslavia split apart.", "Yugoslavia", "Yugoslavia"),
     ("Czechoslovakia split in 1993.", "Czechoslovakia", "Czechoslovakia")],
)
def test_dissolved_states_are_the_historical_places(text, surface, name):
    # Issue 17: a former country is what it was (kind "historical", the union of its members), not a successor.
    got = {r.surface: r.place for r in geoparse(text)}
    assert got[surface].name == name and got[surface].kind.value == "historical"


@pytest.mark.parametrize(("text", "surface", "country"),
                         [("Tea from Ceylon.", "Ceylon", "LK"), ("Troops left Russia in May.", "Russia", "RU")])
def test_renamed_and_current_states_stay_countries(text, surface, country):
    got = {r.surface: r.place for r in geoparse(text)}
    assert got[surface].country == country and got[surface].kind.value == "country"


def test_a_village_the_gazetteer_lacks_is_in_the_county_written_after_it():
    got = {r.surface: r for r in geoparse("29 April: Donington Park, Leicestershire. 23/24 June: Croft, "
                                          "Yorkshire. 11/12 August: Rockingham, Northamptonshire.")}
    assert got["Rockingham"].place.name == "Northamptonshire"  # not Rockingham, Western Australia
    assert got["Croft"].place.name == "Yorkshire"
    assert "written after it" in got["Rockingham"].reasons[0]


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [("Cases rose in Allamakee County, Dallas County and Polk County, Iowa officials said.",
      "Allamakee County", "admin2"),  # a list of counties, not a county in a county
     ("Birds died at Cattai and Wilberforce in North-Western Sydney, New South Wales.",
      "Wilberforce", "populated_place")],  # no Zambian province in an Australian story
)
def test_no_written_container_where_none_is_meant(text, surface, kind):
    got = _span(text, surface)
    assert got.place.kind.value == kind


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [("Thieves struck Salt + Smoke on Hampton Avenue in the St. Louis Hills area, St. Louis police said.",
      "Hampton Avenue", "St. Louis"),
     ("ALLENDALE, N.J. - The Allendale Woman's Club holds its show at Seasons restaurant in Washington "
      "Township.", "Washington Township", "Allendale"),
     ("HORRY COUNTY, SC - A homeless man lives on Atlantic Avenue in Garden City.", "Atlantic Avenue",
      "Garden City")],
)
def test_a_street_named_after_a_place_is_in_the_storys_town(text, surface, place):
    got = _span(text, surface)
    assert got.place.name == place
    assert "a street named after it" in got.reasons[0]


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [("Lin-Manuel Miranda, the Broadway star, has shingles.", "landmark", "US"),
     ("Floods hit Broadway, Worcestershire, and Evesham.", "populated_place", "GB"),
     ("Police in Broadway, Va., said the fire was out.", "populated_place", "US")],
)
def test_broadway_is_the_theatre_district_unless_the_text_places_a_town(text, kind, country):
    got = {r.surface: r for r in geoparse(text)}["Broadway"]
    assert (got.place.kind.value, got.place.country) == (kind, country)


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [("Romford, Essex saw a stabbing on Friday, and police in Chelmsford appealed for witnesses.", "Romford",
      "Romford"),  # a postal county: Romford is near Essex, though GeoNames puts it in Greater London
     ("Storms hit Kent, Sussex, Surrey and Essex overnight.", "Surrey", "Surrey"),  # a list, no container
     ("Residents of Washington County, Oregon and Portland protested.", "Washington County",
      "Washington County"),  # looked up again inside Oregon
     ("A man was shot on Broadway in Oakland late Friday, police said.", "Broadway", "Oakland")],
)
def test_written_areas_place_only_what_lies_outside_them(text, surface, place):
    got = {r.surface: r for r in geoparse(text)}[surface]
    assert got.place.name == place


def test_washington_county_is_found_again_inside_its_state():
    got = {r.surface: r for r in geoparse("Residents of Washington County, Oregon and Portland protested.")}
    assert got["Washington County"].place.admin1 == "Oregon"


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [("Police fired rubber bullets in Soweto township, while protests continued in Cape Town.",
      "Soweto township", "Soweto"),  # a township by its own name, not one named after a place
     ("The U.S. Embassy in Kyiv was closed.", "U.S. Embassy", "Kyiv"),  # a country's code yields to the town
     ("SA Water crews repaired a burst main in Adelaide.", "SA Water", "Adelaide")],  # "SA" is also a state's
)
def test_names_inside_longer_names_give_way_to_where_the_text_puts_them(text, surface, place):
    got = _span(text, surface)
    assert got.place.name == place


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [("A barn fire was reported in Rockingham, Northamptonshire, England, on Friday. Police in Leicester "
      "said.", "Rockingham", "Northamptonshire"),  # a town, its county and country: no list
     ("Refugees from Aleppo in Ontario marked the anniversary, officials in Toronto said.", "Aleppo", "Aleppo"),
     ("Evacuees from New Orleans in Texas were housed in Houston.", "New Orleans", "New Orleans"),
     ("Crowds filled Times Square in New York.", "Times Square", "Times Square")],
)
def test_written_areas_keep_cities_origins_and_near_landmarks(text, surface, place):
    got = {r.surface: r for r in geoparse(text)}[surface]
    assert got.place.name == place


def test_a_capitalised_township_outside_north_america_is_the_place_itself():
    text = "Police fired rubber bullets in Soweto Township, while protests continued in Cape Town."
    assert _span(text, "Soweto Township").place.name == "Soweto"


@pytest.mark.parametrize(
    ("text", "surface", "place", "admin1"),
    [("Floods hit Perth, Tasmania, and roads to Launceston were closed.", "Perth", "Perth", "Tasmania"),
     ("Storms hit Lloydminster, Saskatchewan, on Monday.", "Lloydminster", "Lloydminster", "Alberta"),
     ("A tornado hit Orlando, Oklahoma on Monday.", "Orlando", "Oklahoma", "Oklahoma"),
     ("Residents from Washington County, Oregon and Portland protested.", "Washington County",
      "Washington County", "Oregon")],
)
def test_written_states_find_their_town_or_let_a_border_town_be(text, surface, place, admin1):
    # Perth is looked up again inside Tasmania; Lloydminster lies on the Alberta line; Orlando,
    # Florida is no reading of "Orlando, Oklahoma", which the gazetteer lacks.
    got = {r.surface: r for r in geoparse(text)}[surface]
    assert (got.place.name, got.place.admin1) == (place, admin1)


@pytest.mark.parametrize(
    ("text", "surface", "place"),
    [("A fire in Berlin Township near Voorhees destroyed a barn.", "Berlin Township", "Voorhees"),
     ("Residents of London Township near London, Ontario voted.", "London Township", "London")],
)
def test_a_north_american_township_named_after_a_foreign_city(text, surface, place):
    got = _span(text, surface)
    assert got.place.name == place and got.place.country in ("US", "CA")


def test_a_span_without_letters_is_no_place():
    assert resolve_spans("Paris, France. ", [(5, 7), (14, 15)]) == [None, None]
