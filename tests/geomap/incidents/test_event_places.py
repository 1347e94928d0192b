"""Where an incident happened: the most specific place its clause names (issue 16, item 5).

The sentences are written for these tests; none is quoted from a corpus. Each rule has a
sentence where it must fire and one where it must not.
"""

from __future__ import annotations

import pytest

from geomap.incidents._extract import extract_incidents
from geomap.incidents._place_cues import (is_locative, is_modifier, names_a_site, names_something_else, near_cue,
                                          part_of_name, unknown_place_before)

PUB = "2023-05-01"


def _one(text):
    incs = extract_incidents(text, published=PUB)
    assert len(incs) == 1, [(i.event_type, i.location) for i in incs]
    return incs[0]


def test_a_town_listed_after_a_country_is_the_place():
    i = _one("In June 2022, drones struck villages inside Armenia, including Jermuk, killing a shepherd.")
    assert (i.location, i.geo_precision) == ("Jermuk", 1)


def test_a_country_alone_stays_the_country():
    i = _one("On 2 June 2022, drones struck villages inside Armenia, killing a shepherd.")
    assert (i.country, i.geo_precision) == ("Armenia", 3) and i.location == "Armenia"


def test_unknown_place_with_its_areas_goes_to_the_area_and_keeps_its_name():
    i = _one("On 9 June 2021, gunmen killed six herders in Qqwembo (Anzourou, Tillaberi).")
    assert (i.location, i.geo_precision, i.country) == ("Qqwembo", 2, "Niger")
    assert i.admin1.startswith("Tillab")


def test_known_place_without_a_parenthetical_keeps_town_precision():
    i = _one("On 9 June 2021, gunmen killed six herders in Tillaberi.")
    assert (i.geo_precision, i.country) == (1, "Niger") and i.location.startswith("Tillab")


def test_unknown_village_of_a_known_area():
    i = _one("On Monday, government forces shelled the village of Qqarnoun in the southern countryside of Idleb.")
    assert (i.location, i.geo_precision, i.country, i.admin1) == ("Qqarnoun", 2, "Syria", "Idlib")


def test_a_known_village_keeps_its_own_place():
    i = _one("On Monday, government forces shelled the village of Saraqib.")
    assert (i.location, i.geo_precision, i.country) == ("Saraqib", 1, "Syria")


def test_name_inside_an_administration_is_not_the_town():
    i = _one("Russian forces shelled Kostiantynivka on Monday, killing two civilians, "
             "the Donetsk regional military administration said.")
    assert i.location != "Donetsk" and i.country == "Ukraine"
    assert i.location.startswith("Kost")


def test_a_square_in_a_city_is_the_city():
    i = _one("Thousands protested in the Republic square in Yerevan on Sunday.")
    assert (i.location, i.country) == ("Yerevan", "Armenia")


def test_admin_area_beats_the_country():
    i = _one("Russian jets struck Idlib province in northwestern Syria on Monday, killing four civilians.")
    assert (i.admin1, i.country) == ("Idlib", "Syria") and i.location != "Syria"


@pytest.mark.parametrize(("cue", "text", "place", "expected"), [
    (near_cue, "Gunmen attacked a bus near Kidal.", "Kidal", True),
    (near_cue, "Gunmen attacked a bus in Kidal.", "Kidal", False),
    (near_cue, "Jets struck the area of Saraqib.", "Saraqib", True),
    (near_cue, "Jets struck the Idlib countryside.", "Idlib", True),
    (near_cue, "Jets struck Idlib city.", "Idlib", False),
    (names_something_else, "Volunteers of the Kenya Red Cross helped.", "Kenya", True),
    (names_something_else, "Police cleared the Republic square at night.", "Republic", True),
    (names_something_else, "Kyiv police said the blast was an attack.", "Kyiv", True),
    (names_something_else, "Shells fell on Kyiv overnight.", "Kyiv", False),
    (names_something_else, "Kenya sent troops.", "Kenya", False),
    (is_modifier, "A Kenyan and a UK soldier were hurt.", "UK", True),
    (is_modifier, "Two soldiers were hurt in the UK and Kenya.", "UK", False),
    (part_of_name, "Fighters of Jabhat al-Nusra advanced.", "Nusra", True),
    (part_of_name, "Fighters advanced towards al-Nusra near Homs.", "Homs", False),
    (part_of_name, "The Oromo Liberation Army attacked.", "Oromo Liberation Army", True),
    (part_of_name, "The army attacked Oromia.", "Oromia", False),
    (names_a_site, "A bomb hit the Karachi stadium.", "Karachi", True),
    (names_a_site, "The Karachi council met.", "Karachi", False),
])
def test_place_cue(cue, text, place, expected):
    s = text.index(place)
    assert cue(text, s, s + len(place)) is expected


def test_is_locative_object_and_subject():
    t = "Armenia said Azerbaijan shelled Jermuk."
    trig = t.index("shelled")
    assert is_locative(t, t.index("Jermuk"), t.index("Jermuk") + 6, trig, trig + 7)
    assert not is_locative(t, 0, 7, trig, trig + 7)


def test_unknown_place_before_needs_a_parenthesis():
    t = "in Zibane (Anzourou, Tillaberi)"
    assert unknown_place_before(t, t.index("Anzourou")) == "Zibane"
    assert unknown_place_before("in Zibane, Anzourou", 11) == ""


def test_unknown_place_given_a_bearing_from_a_known_one():
    i = _one("On Monday, gunmen killed a trader in Qqamara, south of Baghdad.")
    assert (i.location, i.geo_precision, i.country) == ("Qqamara", 2, "Iraq")
    text = "On Monday, gunmen killed a trader in Qqamara, south of Baghdad."
    assert text[i.place_start:i.place_end] == "Qqamara"


def test_known_place_given_a_bearing_stays_itself():
    i = _one("On Monday, gunmen killed a trader in Basra, south of Baghdad.")
    assert (i.location[:5], i.geo_precision, i.country) == ("Basra", 1, "Iraq")


def test_unknown_neighbourhood_of_a_known_city():
    i = _one("In the south Baghdad neighbourhood of Qqbayaa, a roadside bomb killed one civilian on Monday.")
    assert (i.location, i.geo_precision, i.country) == ("Qqbayaa", 2, "Iraq")
