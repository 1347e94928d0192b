"""Lists of places and containers: right readings, and cost linear in the text however it is built."""

from __future__ import annotations

import pytest

from geomap.geoparse import _geoparse as geoparsing
from geomap.geoparse import _enumerations
from geomap import geoparse
from geomap.geoparse._containment import inside
from geomap.geoparse._recognize import Mention


def _mentions(text, names):
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Mention(start, start + len(name), name, name.lower(), "name"))
        pos = start + len(name)
    return out


class _CountingPattern:
    """Stands in for a compiled pattern and records the length of every span it is asked to match."""

    def __init__(self, pattern):
        self.pattern, self.spans = pattern, []

    def fullmatch(self, text, pos, endpos):
        self.spans.append(endpos - pos)
        return self.pattern.fullmatch(text, pos, endpos)


def test_long_gaps_are_never_matched(monkeypatch):
    counting = _CountingPattern(_enumerations._LIST_GAP)
    monkeypatch.setattr(_enumerations, "_LIST_GAP", counting)
    got = geoparse("Paris" + " " * 200_000 + "London, Berlin and Madrid")
    assert [r.surface for r in got] == ["Paris", "London", "Berlin", "Madrid"]
    assert counting.spans and max(counting.spans) <= _enumerations._LIST_GAP_MAX


@pytest.mark.parametrize(("gap", "separates"), [(", ", True), (" and ", True), (", or ", True), ("; ", True),
                                                (" ", False), (" in ", False), (",\n\n\n\n\n\n\n\n\n\n\nand ", False)])
def test_what_separates_list_items(gap, separates):
    text = "Paris" + gap + "London"
    a, b = _mentions(text, ["Paris", "London"])
    assert _enumerations._separates(text, a, b) is separates


def test_an_introduced_list_is_followed_back_a_bounded_way(monkeypatch):
    states = ["Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Delaware", "Florida"] * 5
    text = "states such as " + ", ".join(states)
    ms = _mentions(text, states)
    assert _enumerations.introduced_kinds(text, ms, 3).value == "admin1"
    assert _enumerations.introduced_kinds(text, ms, len(ms) - 1) is None  # beyond _LIST_REACH
    calls = []
    real = _enumerations._separates
    monkeypatch.setattr(_enumerations, "_separates", lambda *a: calls.append(1) or real(*a))
    for i in range(len(ms)):
        _enumerations.introduced_kinds(text, ms, i)
    assert len(calls) <= len(ms) * _enumerations._LIST_REACH


def test_the_focus_weighs_few_contenders(gaz, monkeypatch):
    names = [c.place.name for c in gaz.lookup("Springfield", kinds="populated_place", limit=50)]
    towns = ["Dallas", "Houston", "Austin", "Denver", "Boston", "Chicago", "Phoenix", "Seattle", "Portland",
             "Atlanta", "Miami", "Detroit", "Memphis", "Nashville", "Louisville", "Baltimore", "Milwaukee",
             "Albuquerque", "Tucson", "Fresno", "Sacramento", "Omaha", "Raleigh", "Oakland", "Minneapolis",
             "Tulsa", "Cleveland", "Wichita", "Arlington", "Tampa", "Honolulu", "Anaheim", "Aurora"]
    text = " ".join(f"Rain fell on {t}." for t in towns + names)
    calls = []
    real = geoparsing._km
    monkeypatch.setattr(geoparsing, "_km", lambda *a: calls.append(1) or real(*a))
    resolved = geoparse(text)
    assert len(resolved) >= len(towns)
    distinct = len({r.place.place_id for r in resolved})
    # Each of at most _FOCUS_CONTENDERS towns against each distinct place, and each mention once more.
    assert len(calls) <= geoparsing._FOCUS_CONTENDERS * distinct + 2 * len(resolved)


def test_a_town_holds_no_other_town(gaz):
    dallas = gaz.lookup("Dallas", country="US", kinds="populated_place")[0].place
    fort_worth = gaz.lookup("Fort Worth", country="US", kinds="populated_place")[0].place
    texas = gaz.lookup("Texas", kinds="admin1")[0].place
    assert not inside(dallas, fort_worth) and not inside(fort_worth, dallas)
    assert inside(dallas, texas)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "admin1"),
    [("Cases were found in Utah, Virginia, Washington, West Virginia and Wyoming.", "Washington", "admin1",
      "Washington"),
     ("Stores in Texas, Georgia, Washington, Virginia and Ohio closed.", "Washington", "admin1", "Washington"),
     # Not a list: a town and its state, after a town.
     ("Flights left Dallas, Moscow, Idaho and Boise.", "Moscow", "populated_place", "Idaho")],
)
def test_a_name_between_two_states_is_a_state_not_a_town_in_the_next(text, surface, kind, admin1):
    got = {r.surface: r for r in geoparse(text)}[surface]
    assert (got.place.kind.value, got.place.admin1) == (kind, admin1)


def test_a_county_without_a_code_holds_the_towns_within_its_reach(gaz):
    leeds = gaz.lookup("Leeds", country="GB")[0].place
    york = gaz.lookup("York", country="GB")[0].place
    west_yorkshire = gaz.lookup("West Yorkshire")[0].place
    yorkshire = gaz.lookup("Yorkshire", country="GB")[0].place
    assert inside(leeds, west_yorkshire) and inside(york, yorkshire)
    assert not inside(york, west_yorkshire)  # York is a borough of its own, beside West Yorkshire
    assert not inside(gaz.lookup("London")[0].place, yorkshire)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [("Police in Cheshire, Connecticut said the suspect fled toward New Haven.", "Cheshire", "US"),
     ("He was born in Cheshire, England and moved to Berkshire.", "Cheshire", "GB"),
     ("Race dates: 23/24 June: Croft, Yorkshire. 11/12 August: Snetterton, Norfolk.", "Croft", "GB")],
)
def test_english_counties_and_their_namesakes(text, surface, country):
    assert {r.surface: r for r in geoparse(text)}[surface].place.country == country


@pytest.mark.parametrize(
    ("text", "surface", "country", "kind"),
    [("The firm has offices in Maryland, Vienna, Virginia and Texas.", "Vienna", "US", "populated_place"),
     ("Sheriffs in Delaware, Berlin, Maryland, and New Jersey met Friday.", "Berlin", "US", "populated_place")],
)
def test_a_list_of_states_does_not_read_a_town_as_a_foreign_state(text, surface, country, kind):
    got = {r.surface: r for r in geoparse(text)}[surface]
    assert (got.place.country, got.place.kind.value) == (country, kind)


def test_reverse_geocoding_answers_with_the_member_area_not_the_county(gaz):
    # Leeds lies in West Yorkshire and Yorkshire, but its own admin-2 area is the borough.
    assert all(p.name not in ("Yorkshire", "West Yorkshire") for p in gaz.reverse(53.80, -1.55).areas)
