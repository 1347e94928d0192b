"""Mentions of an event that report none (geomap.incidents._nonreports), each beside a sentence
of the same shape that does report one. All sentences are our own."""

from __future__ import annotations

import pytest

from geomap.incidents._events import find_triggers

CASES = [
    # (reports an event, reports none)
    ("Gunmen killed two herders near the well on Sunday.",
     "Where are the herders that gunmen killed near the well?"),                              # question
    ("Police rounded up forty suspects in the market on Friday.",
     "We hope we'll round up the smugglers before the holiday."),                             # 'll modal
    ("Rebels shelled the garrison town on Tuesday.",
     "The rebels went to the hills to shell the garrison town."),                             # purpose infinitive
    ("The militia began to shell the garrison town on Tuesday.",
     "The militia is said to hope to shell the garrison town."),
    ("An attack on a convoy killed four soldiers on Monday.",
     "Convoy drivers face threats of attack on the northern road."),                          # exposure
    ("Bandits abducted eleven travellers on Monday.",
     "Travellers on the road are subject to abductions and extortion."),
    ("Separatists attacked two police stations on Monday.",
     "The separatists have stepped up attacks on police stations."),                          # trend
    ("Several attacks on police stations on Monday left four officers dead.",
     "The villagers complain of regular attacks by cattle raiders."),                         # events in general
    ("A bombing at the market killed six people on Friday.",
     "A court opened the trial over the 2009 bombing of the market."),                        # a past year's event
    ("Troops killed 40 insurgents in the hills on Saturday.",
     "Troops have killed 400 insurgents in the past two years, the ministry said."),          # a total over a period
    ("The governor ordered troops into the town after rioters burned the court house.",
     "The judge ordered the arrest of the former minister."),                                 # an order
    ("Police have arrested 40 people in the capital on Monday.",
     "Police have arrested 4,000 people since the coup in February."),                        # a running total
    ("A gunman shot dead a judge outside the court on Monday.",
     "The judge was almost shot dead outside the court."),                                    # it did not happen
    ("Rebels seized the town of Kodo on Monday.",
     "The remarks are likely to be seized on by the opposition."),
    ("Rebels ambushed an army patrol near the river on Monday.",
     "Rebels traditionally flee into the forest when attacked by the army."),                 # a habit
    ("Gunmen attacked the village of Kodo overnight.",
     "The rights group's report documents cases of abduction along the road."),               # counted cases
    ("Residents fled as gunmen attacked the village of Kodo overnight.",
     "Residents fled from the fighting in the hills."),                                       # exposure, not a verb
    ("Militants have attacked the police post in Kodo on Monday.",
     "Since 2015, militants have attacked police posts in the district."),                    # since a year: a total
    ("Gunmen tortured two herders near the well on Monday.",
     "Deportees face a real risk of being tortured at home."),                                # a risk
    # a relative clause on the subject does not make the main verb unreal, but its own verb stays its own
    ("Smugglers who tried to cross the river at night were shot dead by border guards.",
     "The guards said they would shoot smugglers who tried to cross the river at night."),
    ("Two herders who had refused to pay the levy were abducted from their camp on Friday.",
     "Two herders who had refused to pay the levy may have been abducted from their camp."),  # its own modal
    ("The envoy said the rebels returned a truck that was seized by bandits last week.",
     "The envoy said the rebels must return a truck that was seized by bandits last week."),  # inside the relative
    ("Activists who never carried weapons were arrested outside the court.",
     "Activists who carried weapons were never arrested outside the court."),                 # the main verb negated
]


@pytest.mark.parametrize("event, none", CASES)
def test_a_report_fires_and_its_nonreport_does_not(event: str, none: str) -> None:
    assert find_triggers(event), event
    assert not find_triggers(none), none


@pytest.mark.parametrize("text, word, expected", [
    ("The leader was captured in 2005 and faces trial.", "captured", True),
    ("In 2019, the group killed 40 people in a string of raids.", "killed", True),
    ("Teachers protested against the pension law approved in 1996.", "protested", False),   # another verb's year
    ("The militia, founded in mid-1994, captured the airport in September.", "captured", False),  # a month
    ("Diario 2001 reported that gunmen shot a photographer.", "shot", False),             # a year in a name
])
def test_a_past_year_dates_only_its_own_event(text: str, word: str, expected: bool) -> None:
    from geomap.incidents._nonreports import past_year

    start = text.index(word)
    assert past_year(text, 0, len(text), start, start + len(word), 2024) is expected
