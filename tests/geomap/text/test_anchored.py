"""Dates that count from the date before them ("the next day", "two days later")."""

import datetime as dt

import pytest

from geomap.text import find_dates

PUB = dt.date(2025, 3, 10)  # a Monday


@pytest.mark.parametrize("text, phrase, expected", [
    ("Guards detained a reporter on 4 March. The following day, his colleagues marched to the jail.",
     "The following day", "2025-03-05"),
    ("A car bomb exploded on Thursday. Three days later, the army raided the suburb.", "Three days later",
     "2025-03-09"),
    ("Riots broke out on 6 March 2025; the previous day, police had shot a teenager.", "the previous day",
     "2025-03-05"),
    ("Rebels took the bridge on Saturday, and hours later the air force struck it.", "hours later", "2025-03-08"),
    ("Miners blocked the road on 2 March. Later that day, troops cleared it.", "Later that day", "2025-03-02"),
])
def test_a_phrase_counts_from_the_day_before_it(text, phrase, expected):
    dates = {m.text: m for m in find_dates(text, PUB)}
    assert dates[phrase].date.isoformat() == expected
    assert dates[phrase].time_precision == 1


@pytest.mark.parametrize("text", [
    "The next day, talks resumed in Geneva.",                         # nothing to count from
    "Fighting flared in early March. The next day, aid arrived.",     # only a month before it
    "He arrived three days before the vote and left a day later than planned.",  # no date at all
])
def test_no_anchor_no_date(text):
    assert [m.text for m in find_dates(text, PUB) if "day" in m.text.lower() and "Mon" not in m.text] == []


def test_a_day_after_publication_is_future():
    [_, later] = find_dates("Courts set the hearing for Monday. The day after, lawyers will meet.", PUB)
    assert later.kind == "future" and later.date == dt.date(2025, 3, 11)


def test_words_that_are_not_dates_stay_quiet():
    text = "On 2 March strikers stayed out for the day before the wage talks, and the day after tomorrow they vote."
    assert [m.text for m in find_dates(text, PUB)] == ["2 March", "tomorrow"]
