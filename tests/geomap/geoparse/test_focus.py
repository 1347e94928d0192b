"""The story's home: the dateline, unambiguous names, a caller's ``near=``/``countries=``, and their features."""

from __future__ import annotations

import pytest

from geomap import NearError, geoparse
from geomap.geoparse import default_gazetteer
from geomap.geoparse._focus import Focus, dateline_span, inferred_focus, user_focus

# A story written for this test: three towns of Tennessee that share their names with world places.
STORY = ("Police in Paris said a truck overturned on the road to Lebanon early Tuesday. "
         "Firefighters from Athens helped clear the wreck.")
STORY_WITH_STATE = ("PARIS, Tenn. \u2014 Police said a truck overturned on the road to Lebanon early Tuesday. "
                    "Firefighters from Athens, Tenn., helped clear the wreck.")
TOWNS = ("Paris", "Lebanon", "Athens")


def _where(resolved, surfaces=TOWNS):
    return {r.surface.title(): (r.place.country, r.place.admin1) for r in resolved if r.surface.title() in surfaces}


# --------------------------------------------------------------------------- the dateline

@pytest.mark.parametrize("text, written", [
    ("ATHENS, Ga. \u2014 A fire closed the mill.", "ATHENS, Ga."),
    ("BAKU and YEREVAN, 21 February 2023. Talks went on.", "BAKU and YEREVAN"),
    ("Breaking\nNASHVILLE, Tenn. (AP) -- Storms hit.", "NASHVILLE, Tenn."),
    ("LONDON (Reuters) - Prices rose.", "LONDON"),
    ("MOSCOW, March 20, 2023 (Reuters) - Talks.", "MOSCOW"),
])
def test_a_dateline_at_the_top_is_found(text, written):
    s, e = dateline_span(text)
    assert text[s:e] == written


@pytest.mark.parametrize("text", [
    "A fire in Athens, Georgia -- the mill closed.",  # a town in running text, not in capitals
    "The mayor of PARIS said nothing.",  # capitals inside a sentence
    "x" * 500 + "\nLONDON (Reuters) - Prices rose.",  # too far down to be the dateline
])
def test_no_dateline_where_the_text_opens_otherwise(text):
    assert dateline_span(text) is None


# --------------------------------------------------------------------------- inferred and given focus

def test_the_admin1_area_of_most_unambiguous_names_is_the_focus():
    gaz = default_gazetteer()
    names = [gaz.lookup(n, limit=25, fuzzy=False) for n in ("Chattanooga", "Cookeville", "Paris")]
    focus = inferred_focus([], names)
    assert focus is not None and focus.admin1s == {"US.TN"} and focus.countries == {"US"}


def test_no_focus_from_ambiguous_names_or_one_firm_name():
    gaz = default_gazetteer()
    assert inferred_focus([], [gaz.lookup(n, limit=25, fuzzy=False) for n in ("Paris", "Lebanon")]) is None
    assert inferred_focus([], [gaz.lookup("Chattanooga", limit=25, fuzzy=False)]) is None


def test_the_datelines_places_give_the_focus_first():
    gaz = default_gazetteer()
    athens_ga = next(c.place for c in gaz.lookup("Athens", limit=5) if c.place.admin1_code == "US.GA")
    names = [gaz.lookup(n, limit=25, fuzzy=False) for n in ("Chattanooga", "Cookeville")]
    focus = inferred_focus([athens_ga], names)
    assert focus.admin1s == {"US.GA"} and focus.point == (athens_ga.latitude, athens_ga.longitude)


def test_a_near_place_name_sets_country_area_and_point():
    focus = user_focus(default_gazetteer(), near="Nashville, Tennessee")
    assert focus.countries == {"US"} and focus.admin1s == {"US.TN"} and focus.point is not None
    assert user_focus(default_gazetteer(), near="France") == Focus(frozenset({"FR"}), given=True)
    # a town's county too, for the county feature
    assert focus.admin2s and all(code.startswith("US.TN.") for code in focus.admin2s)


def test_a_near_point_is_placed_in_its_areas_with_its_radius():
    focus = user_focus(default_gazetteer(), near=(36.16, -86.78, 40), countries="us")
    assert focus.admin1s == {"US.TN"} and focus.countries == {"US"} and focus.scale_km == 40.0


@pytest.mark.parametrize("kwargs, error", [
    ({"near": "Xqzzyville"}, NearError),
    ({"near": (91.0, 0.0)}, NearError),
    ({"near": (10.0, 0.0, -5)}, NearError),
    ({"near": ("a", "b")}, NearError),
    ({"near": ""}, NearError),
    ({"near": (1.0,)}, TypeError),
    ({"near": 5}, TypeError),
    ({"countries": ["USA"]}, NearError),
    ({"countries": [7]}, TypeError),
    ({"countries": 7}, TypeError),
])
def test_a_bad_bias_is_a_typed_error(kwargs, error):
    with pytest.raises(error):
        geoparse("Police in Paris said so.", **kwargs)
    with pytest.raises(error):
        geoparse("", **kwargs)  # even with nothing to parse
    assert issubclass(NearError, ValueError)


def test_focus_features_fire_inside_the_focus_only():
    gaz = default_gazetteer()
    paris = {c.place.admin1_code: c.place for c in gaz.lookup("Paris", limit=25, fuzzy=False)}
    focus = user_focus(gaz, near="Nashville, Tennessee")
    inside = focus.features(paris["US.TN"])
    # a home the caller sets has features of its own (home_*), weighted apart from a dateline's (focus_*)
    assert inside["home_country"] == inside["home_admin1"] == 1.0 and 0 < inside["home_near"] < 1
    assert "home_admin2" not in inside  # Paris, Tennessee is in Henry County, not in Nashville's
    assert focus.features(paris["FR.11"]) == {}
    assert focus.features(paris["US.TX"]) == {"home_country": 1.0}
    text_focus = Focus(focus.countries, focus.admin1s, focus.point, admin2s=focus.admin2s)
    assert set(text_focus.features(paris["US.TN"])) == {"focus_country", "focus_admin1", "focus_near"}


def test_a_county_focus_fires_for_the_countys_towns_and_the_county():
    gaz = default_gazetteer()
    henry_tn = next(c.place for c in gaz.lookup("Henry County", limit=25, fuzzy=False) if c.place.admin1_code == "US.TN")
    paris_tn = next(c.place for c in gaz.lookup("Paris", limit=25, fuzzy=False) if c.place.admin1_code == "US.TN")
    focus = user_focus(gaz, near="Paris, Tennessee")
    assert focus.features(henry_tn)["home_admin2"] == 1.0
    assert focus.features(paris_tn)["home_admin2"] == 1.0
    # another county of the same state is in the home area, not in the home county
    other = next(c.place for c in gaz.lookup("Franklin County", limit=25, fuzzy=False) if c.place.admin1_code == "US.TN")
    assert "home_admin2" not in focus.features(other) and focus.features(other)["home_admin1"] == 1.0


# --------------------------------------------------------------------------- the story

def test_with_the_bias_the_towns_are_tennessees():
    assert _where(geoparse(STORY)) != {t: ("US", "Tennessee") for t in TOWNS}  # without it, world places
    for near in ("Nashville, Tennessee", (36.16, -86.78, 150)):
        assert _where(geoparse(STORY, near=near)) == {t: ("US", "Tennessee") for t in TOWNS}, near


def test_a_country_bias_picks_the_countrys_towns_but_not_against_a_country_name():
    found = _where(geoparse(STORY, countries=["US"]))
    assert found["Paris"][0] == found["Athens"][0] == "US"
    # "Lebanon" read first as a country stays it: a home country is no cue against a country's own name
    # (as a named one is not: "Mexico" in a US story), the home area is.
    assert found["Lebanon"] == ("LB", "")


def test_without_the_bias_the_text_that_writes_the_state_places_the_towns():
    found = _where(geoparse(STORY_WITH_STATE))
    assert found["Paris"] == ("US", "Tennessee") and found["Athens"] == ("US", "Tennessee")


def test_the_dateline_places_the_bare_town():
    assert _where(geoparse(STORY_WITH_STATE))["Lebanon"] == ("US", "Tennessee")


def test_a_county_many_states_share_resolves_inside_the_focus_state():
    text = "Henry County deputies closed the road after the crash."
    for near, state in (("Nashville, Tennessee", "Tennessee"), ("Atlanta, Georgia", "Georgia"),
                        ("Richmond, Virginia", "Virginia")):
        assert [r.place.admin1 for r in geoparse(text, near=near)] == [state]


def test_a_county_resolves_inside_the_datelines_state_unless_the_text_says_otherwise():
    text = "FRANKLIN, Tenn. — Henry County deputies closed the road after the crash."
    assert [r.place.admin1 for r in geoparse(text) if r.surface == "Henry County"] == ["Tennessee"]
    written = "Henry County, Georgia deputies closed the road after the crash."
    assert [r.place.admin1 for r in geoparse(written, near="Nashville, Tennessee")
            if r.surface == "Henry County"] == ["Georgia"]


def test_the_text_still_wins_over_the_bias():
    text = "Police in Paris, France said the suspect fled to Athens, Greece."
    found = _where(geoparse(text, near="Nashville, Tennessee"))
    assert found["Paris"][0] == "FR" and found["Athens"][0] == "GR"


def test_a_game_report_keeps_the_teams_cities_whatever_the_home():
    game = "Luka Doncic hit a layup at halftime as the Mavericks beat Portland 101-99 to reach the playoffs."
    assert [r.place.admin1 for r in geoparse(game, near="Dallas, Texas") if r.surface == "Portland"] == ["Oregon"]
    # the same town in a story that is no game report is the home state's
    news = "Police in Portland said the road was closed after the storm."
    assert [r.place.admin1 for r in geoparse(news, near="Dallas, Texas") if r.surface == "Portland"] == ["Texas"]
