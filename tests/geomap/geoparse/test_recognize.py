"""Toponym recognition: what is a place name in text and what is not."""

from __future__ import annotations

import pytest

from geomap.geoparse._recognize import Mention, Recognizer, recognize


@pytest.fixture(scope="module")
def rec(gaz):
    return Recognizer(gaz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks were held in Moscow.", ["Moscow"]),
        ("Armenia's volatile border", ["Armenia"]),
        ("the U.S. and EU are meddling", ["U.S.", "EU"]),
        ("as US offers support", ["US"]),
        ("the UK said", ["UK"]),
        ("a blockade of the Lachin corridor", ["Lachin corridor"]),
        ("in the South Caucasus", ["South Caucasus"]),
        ("from Bosnia and Herzegovina", ["Bosnia and Herzegovina"]),
        ("the Zangilan region of Karabakh", ["Zangilan", "Karabakh"]),
        ("the Armenian-Azerbaijani border", ["Armenian-Azerbaijani border"]),
        ("Washington, D.C.", ["Washington, D.C."]),  # one name: the district is part of it
        ("He flew to Calif. yesterday", ["Calif."]),
        ("He moved to St. Louis last year.", ["St. Louis"]),  # an abbreviation's dot inside a name
    ],
)
def test_finds_places(rec, text, expected):
    assert [m.surface for m in rec.recognize(text, demonyms=False)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "On March 20, 2023, nothing happened.",
        "In May the talks resumed.",
        "Sergei Lavrov lashed out.",
        "Russian Foreign Minister Sergey Lavrov spoke.",
        "Foreign Minister Ararat Mirzoyan answered.",
        "Prime Minister Nikol Pashinian and President Ilham Aliyev met.",
        "Secretary of State Antony Blinken called.",
        "Of course, Police said.",
        "Us too.",
        "IT spending rose.",
        "A strong El Niño or La Niña has an impact.",
        "Xinhua reported that Liberal leaders watched the Olympic final.",
    ],
)
def test_rejects_false_hits(rec, text):
    assert [m.surface for m in rec.recognize(text) if m.kind != "demonym"] == []


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [("Armenian troops", "Armenian", "AM"), ("Azerbaijani positions", "Azerbaijani", "AZ"),
     ("South Korean firms", "South Korean", "KR")],
)
def test_demonyms_are_country_cues(rec, text, surface, country):
    (m,) = rec.recognize(text)
    assert (m.surface, m.kind, m.country) == (surface, "demonym", country)
    assert rec.recognize(text, demonyms=False) == []


def test_offsets_select_the_surface(rec):
    text = "Shelling near Laçın and in Şuşa, Azerbaijan’s Karabakh."
    mentions = rec.recognize(text)
    assert mentions and all(text[m.start:m.end] == m.surface for m in mentions)
    assert [m.surface for m in mentions] == ["Laçın", "Şuşa", "Azerbaijan", "Karabakh"]


@pytest.mark.parametrize("text", ["", " ", "no capitals here at all", "12345 ... !!!"])
def test_no_places(rec, text):
    assert rec.recognize(text) == []


def test_module_function_and_mention_fields():
    (m,) = recognize("in Yerevan")
    assert m == Mention(3, 10, "Yerevan", "yerevan")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Acronyms: only those the press writes for a place, or the gazetteer's own abbreviations.
        ("NATO allies met in Brussels.", [("Brussels", "name")]),
        ("The BA flight left Rome.", [("Rome", "name")]),
        ("the SA government in Pretoria", [("SA", "abbreviation"), ("Pretoria", "name")]),
        ("Loggers in BC protested.", [("BC", "abbreviation")]),
        ("Pottery from 400 BC was found.", []),
        # A name in capitals counts in a dateline or a heading, not in running text.
        ("MANILA, Philippines - Rain fell.", [("MANILA", "name"), ("Philippines", "name")]),
        ("WASHINGTON (Reuters) - Talks ended.", [("WASHINGTON", "name")]),
        # State and province abbreviations come from the gazetteer's flag-2 keys, written with their dot.
        ("He flew to Ont. and then to Calif. on Monday.", [("Ont.", "abbreviation"), ("Calif.", "abbreviation")]),
        ("The EU. It said no.", [("EU", "abbreviation")]),
        ("Mr. Smith and Gov. Brown spoke.", []),
    ],
)
def test_capitals_and_abbreviations(rec, text, expected):
    assert [(m.surface, m.kind) for m in rec.recognize(text, demonyms=False)] == expected


@pytest.mark.parametrize(
    ("text", "surface", "caution"),
    [
        # After a capitalised word that is no first name: maybe a surname, so only a prominent place will do.
        ("By Trend Iran's exports fell.", "Iran", "person name"),
        ("We met Xiaoming Wang. Wang spoke.", "Wang", "person name"),
        # A word that is only an alternate name of some place ("Chen" of Chenzhou).
        ("Chen went home.", "Chen", "alternate name only"),
        ("Talks were held in Moscow.", "Moscow", ""),
        # A one-word name that speaks is a person's, here and elsewhere in the document; resolution
        # still lets a prominent place through ("Moscow said" is the government).
        ("The budget is cut, Johnson said. Johnson is the chair.", "Johnson", "person name"),
        ("“No,” said Noma. Noma went home.", "Noma", "person name"),
        ("He owns horses in Riverdale, says he.", "Riverdale", ""),
        ("She was from Dewsbury said the report.", "Dewsbury", ""),
    ],
)
def test_doubtful_names_carry_a_caution(rec, text, surface, caution):
    cautions = {m.surface: m.caution for m in rec.recognize(text)}
    assert cautions[surface] == caution


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wang Yi met reporters. Wang said the talks went well.", ["Wang"]),  # the given-name use drops
        ("Hillary Clinton spoke. Clinton said no.", []),  # after a known first name: the person throughout
        ("the Munich Security Conference", ["Munich"]),  # a longer run is an organisation, not a person
        # A whole word and a full stop end a sentence: "Justice." is no title before a surname.
        ("He went to the Ministry of Justice. Azerbaijan has a record.", ["Azerbaijan"]),
    ],
)
def test_person_names(rec, text, expected):
    assert [m.surface for m in rec.recognize(text, demonyms=False)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It means battery in English.", []),
        ("English is spoken there.", []),
        ("She speaks Arabic and French.", []),
        ("English football fans cheered.", ["English"]),
        ("British and French troops landed.", ["British", "French"]),
    ],
)
def test_language_names_are_no_demonyms(rec, text, expected):
    assert [m.surface for m in rec.recognize(text) if m.kind == "demonym"] == expected
    assert [m.surface for m in rec.recognize(text, demonyms=False)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state's abbreviation that is also a word counts after its town or after "in" ...
        ("CAMP MURRAY, Wash. - Lt. Col. Thomas spoke.", ["Wash."]),
        ("Rain fell on Springfield, Mass. and Salem, Ore. on Monday.", ["Mass.", "Ore."]),
        ("Offices in Pa. closed.", ["Pa."]),
        ("Sen. Bob Casey, D-Pa., said the bill failed.", ["Pa."]),
        ("Rep. Bruce Westerman, R-Ark., said it.", ["Ark."]),
        ("Ark. Gov. Sarah Huckabee Sanders signed it.", ["Ark."]),
        ("Fires burned in Calif., Wash. and Ore. this week.", ["Calif.", "Wash.", "Ore."]),
        # ... and is the word elsewhere.
        ("He attended Mass. Then he left.", []),
        ("Thanks, said Pa. Then he left.", []),
        ("He built an Ark. Then rain fell.", []),
        ("Thanks, Pa. I will see you later.", []),
        ("She met John, Ill. and tired.", []),
        ("Dr. Ma. said so.", []),
    ],
)
def test_state_abbreviations_that_are_words(rec, text, expected):
    assert [m.surface for m in rec.recognize(text) if m.kind == "abbreviation"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dateline that lost its punctuation still opens the story ...
        ("LONDON The Latest on the nerve agent attack.", ["LONDON"]),
        ("The report.\nMOSCOW Officials said so.", ["MOSCOW"]),
        # ... but capitals before a lower-case word are an organisation's.
        ("NASA officials met.", []),
        # A full stop inside a match ends a sentence; one after a name is not part of it.
        ("He flew to Washington. D.C. officials said.", ["Washington", "D.C."]),
        ("Tickets are sold in the U.S. Virgin Islands.", ["U.S. Virgin Islands"]),
        ("Rain in St. Louis and Ft. Worth.", ["St. Louis", "Ft. Worth"]),
    ],
)
def test_datelines_and_full_stops(rec, text, expected):
    assert [m.surface for m in rec.recognize(text) if m.kind != "demonym"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A given name before a surname that is also some town's name is a person's.
        "Mary Pitman, of Pitman Family Farms, shares her tips.",
        "Photo: Adrian Walker Executive Director.",
        "TTC spokesman Stuart Green said so.",
        "Blues forward duo Sam Gallagher and Che Adams are set to start.",
        "Charlie Wang spoke.",
    ],
)
def test_given_name_and_surname(text):
    from geomap import geoparse

    first = {"Mary", "Adrian", "Stuart", "Sam", "Charlie"}
    assert not first & {m.surface for m in geoparse(text)}


def test_given_name_before_a_state_is_not_a_person(rec):
    # ... but an area's own name after it is no surname ("Austin Texas", written without its comma).
    assert "Austin" in {m.surface for m in rec.recognize("He lives in Austin Texas now.")}
    assert "Tech" not in {m.surface for m in rec.recognize("Students at Virginia Tech protested.")}
    assert "Virginia" in {m.surface for m in rec.recognize("Students at Virginia Tech protested.")}



@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("BEIJING -- At least 141 people are missing.", "BEIJING", "CN"),
        ("BEIJING --At least two people died.", "BEIJING", "CN"),
        # A dateline in capitals is no first name.
        ("VICTORIA - The home of a family was raided.", "VICTORIA", None),
        # The main name without its qualifier ("Ludwigshafen am Rhein") is the name.
        ("A market in the town of Ludwigshafen was closed.", "Ludwigshafen", "DE"),
    ],
)
def test_datelines_and_short_forms_resolve(text, surface, country):
    from geomap import geoparse

    got = {r.surface: r.place for r in geoparse(text)}
    assert surface in got and (country is None or got[surface].country == country)


@pytest.mark.parametrize(
    ("text", "surface"),
    [("SME Mauritius Limited organised it.", "Mauritius"), ("The Venice Commission stated.", "Venice"),
     ("Texas Republicans met.", "Texas"), ("Dublin Football Club won.", "Dublin")],
)
def test_a_place_before_an_organisation_word_is_kept(rec, text, surface):
    # The word after the place names an organisation, not a person: the place is still mentioned.
    assert surface in {m.surface for m in rec.recognize(text)}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A big city's name that is no given name starts a team's name, not a person's ...
        ("The Boston Celtics won.", {"Boston"}),
        ("Houston Rockets beat the Denver Broncos.", {"Houston", "Denver"}),
        # ... while a given name that is also a city is a person before a surname.
        ("Paris Hilton visited.", set()),
        ("Brooklyn Beckham posted.", set()),
    ],
)
def test_teams_and_people_named_after_cities(text, kept):
    from geomap import geoparse

    assert {m.surface for m in geoparse(text)} == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies in Boone Co. said.", [("Boone Co.", "boone county")]),
        ("PLYMOUTH CO. - A suspect was held.", [("PLYMOUTH CO.", "plymouth county")]),
        # A company is no county.
        ("Jones Co. LLC said.", []),
        ("Smith & Jones Co. rose.", []),
    ],
)
def test_county_abbreviations(rec, text, expected):
    assert [(m.surface, m.key) for m in rec.recognize(text) if m.key.endswith("county")] == expected



@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [("EDMONTON, Ky (WBKO) -- One of the biggest fires in the county broke out.", "Ky", "Kentucky"),
     ("ATHENS, Ga -- The Bulldogs won again.", "Ga", "Georgia")],
)
def test_a_dateline_may_drop_the_dot_of_its_state(text, surface, name):
    from geomap import geoparse

    assert {r.surface: r.place.name for r in geoparse(text)}.get(surface) == name


def test_an_undotted_state_abbreviation_outside_a_dateline_is_no_place():
    from geomap import geoparse

    assert "Ky" not in {r.surface for r in geoparse("Talks with Ky (a rebel leader) failed in Hanoi.")}


# -- the per-run plans and the lower-case test: speed-ups that must not change what is found


def test_lower_case_words_are_the_whole_words_written_in_lower_case():
    from geomap.geoparse._lower_case import _SEARCHES, LOWER_WORD, LowerCaseWords

    text = ("A bath in Bath; the bathroom, a sub-reading, reading's end, Reading, nice-ish, "
            "ice cold, paris_x and x_paris, Über über, a mobile home.")
    words = set(LOWER_WORD.findall(text))
    keys = ["bath", "bathroom", "reading", "nice", "ice", "paris", "mobile", "home", "uber", "über",
            "cold", "a", "the", "ath", "sub", "end", "x"]
    keys += [f"word{i}" for i in range(_SEARCHES + 5)]  # past the searches: the word set answers
    lower = LowerCaseWords(text)
    assert [lower.has(k) for k in keys] == [k in words for k in keys]
    assert lower.has("bath") and not lower.has("ath") and not lower.has("reading")  # "sub-reading", "reading's"


def test_a_run_is_planned_once_and_the_memo_stays_bounded(gaz):
    from geomap.geoparse._automaton import _automaton
    from geomap.geoparse._runs import RunPlans

    plans = RunPlans(_automaton(gaz), size=2)
    first = plans("New York")
    assert plans("New York") is first  # kept
    assert [h.surface for h in first.hits] == ["New York", "York"]
    plans("Armenian Defence")
    plans("Paris")
    assert len(plans._memo) <= 2  # a full memo starts afresh
    assert RunPlans(_automaton(gaz))("New York") == first


def test_runs_repeated_in_other_contexts_are_judged_in_each(rec):
    # One plan for both "PARIS"; only the dateline's is a place, a word in capitals elsewhere is not.
    text = "PARIS (Reuters) - Talks on the PARIS accord resumed."
    assert [(m.surface, m.start) for m in rec.recognize(text, demonyms=False)] == [("PARIS", 0)]
