"""Incident extraction rules, each on sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.incidents._extract import extract_incidents
from geomap.incidents._model import Incident

PUB = dt.date(2024, 3, 20)  # a Wednesday


def one(text: str) -> Incident:
    found = extract_incidents(text, published=PUB)
    assert len(found) == 1, [(i.event_type, i.notes) for i in found]
    return found[0]


@pytest.mark.parametrize("text", [
    "There is no military solution to the conflict, the minister said.",
    "Officials warned that fighting could erupt near Goma if talks fail.",
    "Protests are often held in the capital on weekends.",
    "The army plans to deploy more troops to the border next month.",
    "As for the demonstrations, the constitution guarantees freedom of assembly.",
    "Karabakh was the focal point of two wars in 1994 and 2020.",
    "",
    "The weather in Baku was mild.",
])
def test_statements_that_are_no_incidents(text):
    assert extract_incidents(text, published=PUB) == []


@pytest.mark.parametrize("text,event_type,sub", [
    ("Rebels ambushed an army patrol near Beni on Monday.", "Battles", "Armed clash"),
    ("A drone strike hit a market in Kharkiv on Monday.", "Explosions/Remote violence", "Air/drone strike"),
    ("Gunmen abducted 12 students from a school in Kaduna on Monday.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("Police arrested 11 activists in Bamako on Monday ahead of a banned rally.", "Strategic developments", "Arrests"),
    ("Hundreds of farmers rallied in Nairobi on Monday against new taxes.", "Protests", "Peaceful protest"),
    ("Rioters torched cars and stoned police in Dakar on Monday.", "Riots", "Violent demonstration"),
])
def test_event_types(text, event_type, sub):
    inc = one(text)
    assert (inc.event_type, inc.sub_event_type) == (event_type, sub)
    assert inc.event_date == dt.date(2024, 3, 18) and inc.time_precision == 1


def test_place_is_where_not_who():
    inc = one("Azerbaijan on Monday condemned Armenian gunfire on its positions in the Zangilan region.")
    assert inc.location.startswith("Zangilan") and inc.geo_precision == 2
    assert inc.country == "Azerbaijan"


def test_border_phrases_become_the_border_line():
    inc = one("Soldiers exchanged fire along the Armenia-Azerbaijan border on Monday, killing two.")
    assert inc.place_id == "curated:armenia-azerbaijan-border" and inc.geometry_type == "MultiLineString"
    assert inc.geo_precision == 3 and inc.fatalities == 2


def test_landmarks_are_places_of_incidents():
    inc = one("Hundreds of protesters rallied in Tahrir Square on Friday against the new law.")
    assert inc.place_id == "curated:tahrir-square" and inc.geo_precision == 1 and inc.country == "Egypt"
    inc = one("Police fired tear gas at protesters outside the White House on Monday.")
    assert inc.place_id == "curated:white-house" and inc.geo_precision == 2  # "outside": near the point


def test_toll_in_the_next_sentence():
    found = extract_incidents("ISWAP militants attacked a military base in Monguno on Monday. "
                              "Nine soldiers were killed, according to military sources.", published=PUB)
    assert len(found) == 1 and found[0].fatalities == 9


def test_injuries_are_not_deaths():
    inc = one("Shelling hit Horlivka on Monday and injured one of its residents.")
    assert inc.fatalities == 0 and inc.injuries == 1


def test_evidence_offsets_point_into_the_text():
    text = "Calm returned to Tbilisi. Police dispersed protesters in Batumi on Monday with tear gas."
    inc = one(text)
    assert text[inc.evidence_start:inc.evidence_end] == inc.notes
    assert text[inc.trigger_start:inc.trigger_end] == inc.trigger
    assert text[inc.place_start:inc.place_end] == "Batumi"


def test_publication_date_from_a_dateline():
    inc = extract_incidents("KYIV, March 21, 2024 - Russian missiles struck Odesa on Monday.")[0]
    assert inc.event_date == dt.date(2024, 3, 18)


def test_future_events_are_dropped():
    assert extract_incidents("Unions will hold a protest in Lagos next week.", published=PUB) == []


def test_type_errors():
    with pytest.raises(TypeError):
        extract_incidents(42)  # type: ignore[arg-type]


def _bundled_example():
    from importlib.resources import files

    text = (files("geomap") / "data" / "example-article.txt").read_text(encoding="utf-8")
    return text, extract_incidents(text)


def test_bundled_example_actors_follow_who_fired():
    """Issue 16: "Azerbaijan's ministry said ... Armenian units had opened fire on Azerbaijani
    positions" is Armenia's act on Azerbaijan, and an EU mission is no civilian."""
    text, incs = _bundled_example()
    clash = next(i for i in incs if i.event_type == "Battles" and "Zangilan" in i.location)
    assert (clash.actor1, clash.actor2) == ("Military Forces of Armenia", "Military Forces of Azerbaijan")
    mission = next(i for i in incs if "mission" in i.trigger)
    assert mission.actor1 == "EUMA: European Union Mission in Armenia" and mission.inter1 == 8
    assert not any(i.actor1.startswith("Civilians") for i in incs if "mission" in i.notes)


def test_bundled_example_jermuk_strike_is_at_jermuk():
    """Issue 16: "drones struck towns inside Armenia, including Jermuk" is placed at Jermuk, not Armenia."""
    text, incs = _bundled_example()
    strike = next(i for i in incs if i.event_type == "Explosions/Remote violence" and "Jermuk" in i.notes)
    assert (strike.location, strike.country, strike.geo_precision) == ("Jermuk", "Armenia", 1)
    # its date is carried from the sentence before ("the fighting of September 2022")
    assert (str(strike.event_date)[:7], strike.time_precision) == ("2022-09", 3)


def test_a_second_source_in_the_sentence_lowers_the_toll():
    """ACLED's lowest figure: "killed 11 ..., elders said; the army put the toll at seven" is 7."""
    text = "On 3 April 2024, rebels killed 11 herders in a raid near Beni, elders said; the army put the toll at seven."
    (inc,) = extract_incidents(text)
    assert (inc.fatalities, inc.fatalities_low, inc.fatalities_high) == (7, 7, 11)


def test_a_later_death_in_the_sentence_is_no_second_source():
    text = "On 3 April 2024, rebels killed 11 herders in a raid near Beni; two more died later, elders said."
    (inc,) = extract_incidents(text)
    assert inc.fatalities == 11


def _report(**kw):
    import datetime as _d

    base = dict(event_id="d:0-9:0", event_date=_d.date(2024, 3, 2), time_precision=1,
                disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
                evidence_start=0, evidence_end=90)
    return Incident(**{**base, **kw})


def test_merged_repeats_keep_the_toll_of_one_and_the_place_of_the_other():
    from geomap.incidents._repeats import merge_repeats as _merge_repeats

    placed = _report(location="Gao", latitude=16.27, longitude=-0.04, place_id="geonames:2457163", geo_precision=2)
    tolled = _report(fatalities=3, event_id="d:0-9:50")
    (merged,) = _merge_repeats([placed, tolled])
    assert (merged.fatalities, merged.location, merged.geo_precision) == (3, "Gao", 2)
    # neither placed: nothing to borrow
    (merged,) = _merge_repeats([_report(), tolled])
    assert (merged.fatalities, merged.latitude) == (3, None)
