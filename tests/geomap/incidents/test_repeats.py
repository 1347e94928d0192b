"""One incident per event: back-references fold into the first report (geomap.incidents._repeats)."""

from __future__ import annotations

import pytest

from geomap.incidents import extract_incidents
from geomap.incidents._repeats import is_back_reference


@pytest.mark.parametrize("text, word, expected", [
    ("Four guards died in the attack.", "attack", True),
    ("Thursday's raid was the third this year.", "raid", True),
    ("Her arrest drew protests abroad.", "arrest", True),
    ("Gunmen launched an attack on a bus.", "attack", False),          # indefinite: a new event
    ("The BLA claimed a second attack on the line.", "attack", False),  # "second": another event
    ("Militants attacked the convoy.", "attacked", False),              # a verb
    ("The raid led to the arrest of five men.", "arrest", False),       # "the arrest of X": a new event
])
def test_back_reference(text: str, word: str, expected: bool) -> None:
    start = text.index(word)
    assert is_back_reference(text, start, start + len(word)) is expected


def test_a_back_reference_adds_its_toll_to_the_event_it_names() -> None:
    text = ("Gunmen attacked a bus near Garissa on Tuesday. "
            "Nine passengers and two guards died in the attack, officials said.")
    incs = extract_incidents(text, published="2024-05-09")
    assert len(incs) == 1
    assert (incs[0].fatalities, str(incs[0].event_date)) == (11, "2024-05-07")


def test_a_dated_mention_is_another_event() -> None:
    text = ("Gunmen attacked a bus near Garissa on Tuesday. "
            "On Wednesday the attack on a police post near Mandera killed two officers.")
    assert len(extract_incidents(text, published="2024-05-09")) == 2


def test_a_same_day_report_placed_only_at_the_country_joins_the_placed_one() -> None:
    text = ("Police said a drone strike killed a militant commander on Thursday. "
            "Officials said the drone strike on Thursday hit his car near Bosaso in Somalia.")
    incs = extract_incidents(text, published="2024-05-10")
    assert [(i.event_type, i.location) for i in incs] == [("Explosions/Remote violence", "Bosaso")]


def test_same_day_events_in_two_provinces_stay_apart() -> None:
    text = ("Police arrested five men in Garissa county on Thursday. "
            "Police also arrested three men in Mandera county on Thursday.")
    assert len(extract_incidents(text, published="2024-05-10")) == 2


def test_a_dated_back_reference_dates_the_event_reported_without_a_date() -> None:
    text = ("Gunmen attacked a bus near Garissa, killing four passengers, police said. "
            "Tuesday's attack was claimed by al-Shabab militants.")
    (inc,) = extract_incidents(text, published="2024-05-09")   # a Thursday
    assert (str(inc.event_date), inc.time_precision, inc.fatalities) == ("2024-05-07", 1, 4)
