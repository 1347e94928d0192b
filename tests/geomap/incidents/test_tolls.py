"""A sentence that reports only a toll is an incident of its own, unless an event sentence comes right before it."""

import pytest

from geomap.incidents._extract import extract_incidents
from geomap.incidents._tolls import toll_trigger

PUB = "2024-05-20"


@pytest.mark.parametrize("text, etype, fatalities, low, best, high", [
    ("At least 31 people were killed on Sunday in Kabul, including 12 children, officials said.",
     "Violence against civilians", 31, 31, 31, None),
    ("Between 9 and 14 soldiers were killed on Saturday near Mopti.", "Battles", 9, 9, None, 14),
    # a year that dates the event is no running total
    ("On 3 May 2015, at least 20 people were killed in Maiduguri, officials said.", "Violence against civilians", 20,
     20, 20, None),
    ("The death toll among soldiers in Goma rose to 43 on Monday.", "Battles", 43, 43, 43, 43),
    ("In Bunia, 57 died on Sunday amid ethnic violence, including 20 women.", "Violence against civilians", 57, 57,
     57, 57),
])
def test_a_toll_alone_is_an_incident(text, etype, fatalities, low, best, high):
    [inc] = extract_incidents(text, published=PUB)
    assert inc.event_type == etype
    assert (inc.fatalities, inc.fatalities_low, inc.fatalities_best, inc.fatalities_high) == (fatalities, low, best,
                                                                                              high)
    assert inc.trigger in text and inc.latitude is not None


@pytest.mark.parametrize("text", [
    "Fourteen fishermen died when their boat capsized in a storm off Mombasa.",      # an accident
    "The war has killed more than 300,000 people since it began in 2011.",            # a running total
    "Hundreds of villagers have been killed over the past few weeks.",                # a running total
    "At least 90 soldiers have been killed since the offensive began.",               # a running total
    "Since 2015, hundreds of people have been killed in bombings in the capital.",   # a total since a year
    "Officials said 40 people were hurt in the crush at the stadium in Accra.",       # injuries only
    "The ministry said the 2019 census counted 12 million people in Kabul.",          # no death at all
    "Officials reported 144 coronavirus deaths in Rome on Sunday.",                   # illness
    "In Bunia, 57 died on Sunday, including 20 women.",                               # died of what?
])
def test_no_incident(text):
    assert toll_trigger(text, 0, len(text)) is None


def test_the_toll_after_an_event_stays_that_events():
    text = "Gunmen attacked a checkpoint in Gao on Sunday. Seven soldiers were killed."
    [inc] = extract_incidents(text, published=PUB)
    assert inc.trigger == "attacked" and inc.fatalities == 7
