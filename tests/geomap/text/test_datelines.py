"""ACLED note date forms, datelines of several stories, and dates carried to the next sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from geomap.text import carried_date, find_dates
from geomap.text._datelines import story_datelines

PUB = dt.date(2023, 2, 21)


@pytest.mark.parametrize("text, expected", [
    ("On 9 May 2020, militants killed nine civilians in the village.", ("2020-05-09", 1)),
    ("On 2 March 2022, protesters marched to the square.", ("2022-03-02", 1)),
    ("On January 22, police arrested two traders.", ("2023-01-22", 1)),
    ("Around 1 February 2022 (between 1 - 2 February), gunmen raided a farm.", ("2022-02-01", 2)),
    ("In September 2022, drones struck a town near the border.", ("2022-09-01", 3)),
])
def test_acled_note_forms(text, expected):
    got = [(m.date.isoformat(), m.time_precision) for m in find_dates(text, PUB)]
    assert got == [expected]


def test_a_bracketed_span_keeps_its_own_year_when_it_has_one():
    t = "On 30 December 2021 (or 2 January 2022), rebels attacked a post."
    assert [m.date.isoformat() for m in find_dates(t, PUB)] == ["2021-12-30", "2022-01-02"]


def test_month_names_are_dates_not_verbs_or_modals():
    t = "In May, troops withdrew; in March they may return."
    assert [m.text for m in find_dates(t, PUB)] == ["May", "March"]


def test_each_dateline_anchors_its_own_story():
    text = ("KYIV, March 3, 2022 (Reuters) - Shelling hit the city on Monday.\n\n"
            "BAKU, 21 February 2023 (AP) - Troops clashed on Monday.")
    assert [d.isoformat() for _, d in story_datelines(text)] == ["2022-03-03", "2023-02-21"]
    mondays = [m.date.isoformat() for m in find_dates(text, None) if m.text == "Monday"]
    assert mondays == ["2022-02-28", "2023-02-20"]


def test_a_file_of_many_stories_reads_each_against_its_own_dateline():
    # Stories read one by one share one scan of the file (its speed: benchmarks/datelines_speed.py).
    stories = [("KYIV, March 3, 2022 (Reuters) - Shelling hit the city on Monday.", "2022-02-28"),
               ("BAKU, 21 February 2023 (AP) - Troops clashed on Monday.", "2023-02-20"),
               ("LAGOS, Jan. 5, 2021 (AP) - Gunmen struck on Monday, and again on Jan. 2.", "2021-01-04")] * 200
    text = "\n\n".join(story for story, _ in stories)
    found = find_dates(text, None)
    assert [m.date.isoformat() for m in found if m.text == "Monday"] == [monday for _, monday in stories]
    assert [m.date.isoformat() for m in found if m.text == "Jan. 2"] == ["2021-01-02"] * 200
    assert all(text[m.start:m.end] == m.text for m in found)


def test_one_dateline_is_no_story_split():
    text = "KYIV, March 3, 2022 (Reuters) - Shelling hit the city on Monday."
    assert [m.date.isoformat() for m in find_dates(text, PUB) if m.text == "Monday"] == ["2023-02-20"]


def test_a_past_event_carries_its_date_to_the_next_sentence():
    t = ("The clash revived memories of the fighting of September 2022, when a shootout killed 280 people. "
         "Artillery and drones struck towns inside the country.")
    start = t.index("Artillery")
    m = carried_date(t, find_dates(t, PUB), start, PUB)
    assert m is not None and (m.date.isoformat(), m.time_precision) == ("2022-09-01", 3)


@pytest.mark.parametrize("text", [
    "Talks were held on 20 February 2023. Drones struck a depot.",          # recent: news is back to the present
    "The war began in September 2022.\n\nDrones struck a depot.",          # another paragraph
    "It began in September 2022. Talks followed. Drones struck a depot.",  # not the sentence just before
])
def test_no_date_is_carried(text):
    start = text.index("Drones")
    assert carried_date(text, find_dates(text, PUB), start, PUB) is None
