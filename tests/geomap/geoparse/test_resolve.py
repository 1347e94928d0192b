"""Resolution in context: the right place for a name, given the document."""

from __future__ import annotations

import json

import pytest

from geomap.geoparse._geoparse import resolve_spans
from geomap.geoparse._recognize import Recognizer
from geomap.geoparse import ResolvedMention, resolve_mentions


@pytest.fixture(scope="module")
def rec(gaz):
    return Recognizer(gaz)


def _resolve(rec, text):
    return {r.surface: r for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)}


def _span(text, surface):
    """``surface`` (its first occurrence) resolved as a given span of ``text``."""
    start = text.index(surface)
    return resolve_spans(text, [(start, start + len(surface))])[0]


@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        ("Students rallied in Moscow, Idaho.", "Moscow", "US", "Idaho"),
        ("Troops entered Moscow.", "Moscow", "RU", None),
        ("Paris, Texas is small.", "Paris", "US", "Texas"),
        ("Talks in Paris.", "Paris", "FR", None),
        ("Washington and Moscow traded barbs.", "Washington", "US", None),
        ("Shelling in the Zangilan region of Karabakh.", "Zangilan", "AZ", None),
        # The container written after a name is read as one that holds it: the state, not the country.
        ("Samples went to a lab in Atlanta, Georgia.", "Georgia", "US", "Georgia"),
        ("The lab in Georgia confirmed it.", "Georgia", "GE", None),
        # "the X district of Y" is a container phrase, not a feature word before Y.
        ("Groups clashed in the Ain Zara district of Tripoli on Monday.", "Tripoli", "LY", None),
        # A region within one country is weighed like its admin areas: the document's country counts.
        ("Cholera cases rose in Zimbabwe, most of them in the Midlands, Zimbabwe's health ministry said.",
         "Midlands", "ZW", None),
        ("Car plants in the Midlands cut shifts, the UK's industry body said.", "Midlands", "GB", None),
        # A country followed by an attribute is no container of the name before it.
        ("He reported on Trump's entanglements in Russia, U.S. officials said.", "Russia", "RU", None),
    ],
)
def test_context_decides(rec, text, surface, country, admin1):
    r = _resolve(rec, text)[surface]
    assert r.place.country == country
    if admin1 is not None:
        assert r.place.admin1 == admin1
    assert r.reasons and r.score > 0


def test_one_sense_per_document(rec):
    text = "Protests in Moscow, Idaho. Later, Moscow police said the crowd left Moscow."
    places = {r.place.place_id for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)
              if r.surface == "Moscow"}
    assert len(places) == 1


def test_geo_interface_is_a_feature(rec):
    (r,) = resolve_mentions("in Baku", rec.recognize("in Baku"), rec.gazetteer)
    assert isinstance(r, ResolvedMention)
    feature = r.__geo_interface__
    assert feature["type"] == "Feature"
    lon, lat = feature["geometry"]["coordinates"]
    assert (round(lat), round(lon)) == (40, 50)
    assert feature["properties"]["surface"] == "Baku"
    json.dumps(feature)
    assert (r.latitude, r.longitude) == (r.place.latitude, r.place.longitude)


def test_no_mentions(rec):
    assert resolve_mentions("nothing", [], rec.gazetteer) == []


@pytest.mark.parametrize(
    ("text", "surface", "check"),
    [
        # A well-known area beats small towns named after it, whatever country the document names.
        ("Fires in California and Atlantic storms.", "California", lambda p: p.kind.value == "admin1"),
        ("Fires in California and Atlantic storms.", "Atlantic", lambda p: p.kind.value == "physical_feature"),
        ("Hurricanes form over the Atlantic.", "Atlantic", lambda p: p.kind.value == "physical_feature"),
        # ... unless the text places the town.
        ("Atlantic, Iowa, is a small town.", "Atlantic", lambda p: p.kind.value == "populated_place"),
        # An abbreviation names a country only as the press writes it: "SA" is South Africa.
        ("the SA government in Pretoria", "SA", lambda p: p.country == "ZA"),
        ("He flew to Calif. on Monday.", "Calif.", lambda p: p.name == "California" and p.kind.value == "admin1"),
    ],
)
def test_standing_and_abbreviations(rec, text, surface, check):
    assert check(_resolve(rec, text)[surface].place)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mike went home.", []),  # an alternate name of a small town only: not a place here
        ("By Trend Iran's exports fell.", ["Iran"]),  # doubtful, but a country
        ("We met Charlie Wang. Wang spoke.", []),  # a surname, and no prominent Wang
    ],
)
def test_doubtful_mentions_need_a_prominent_place(rec, text, kept):
    assert [r.surface for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Kock said the deal was done.", []),  # a hamlet's name, and nothing in the text points to it
        # The country alone is no support: in a Polish story, Kock may still be a person.
        ("Kock welcomed the deal done in Lublin, Poland.", ["Lublin", "Poland"]),
        ("The deal was done in Kock, near Lublin, Poland.", ["Kock", "Lublin", "Poland"]),  # a locative
        ("Poland's army repelled an attack on Kock.", ["Poland", "Kock"]),  # the object of a noun of war
        ("Kock said the deal was done in Lublin, Poland.", ["Lublin", "Poland"]),  # Kock speaks: a person
        ("Shelling hit Zangilan, Azerbaijan.", ["Zangilan", "Azerbaijan"]),  # small, but its country is named
        ("Talks in Paris.", ["Paris"]),  # a city needs no support
        ("Paul and Michael met Morgan.", []),  # nor districts of Cape Verde and Man, nor a county by one word
        ("Floods hit Morgan County.", ["Morgan County"]),  # with its feature word it is the county
    ],
)
def test_small_places_need_support_in_running_text(rec, text, kept):
    found = resolve_mentions(text, rec.recognize(text), rec.gazetteer, require_support=True)
    assert [r.surface for r in found] == kept
    assert len(resolve_mentions(text, rec.recognize(text), rec.gazetteer)) >= len(kept)


def test_feature_word_before_the_name(rec):
    # "the city of X" calls X a town: the town, not the namesake country or area.
    text = "The county fair returns to Lebanon on Friday, the city of Lebanon said."
    r = _resolve(rec, text)["Lebanon"]
    assert r.place.kind.value == "populated_place"
    assert any("before its name" in why for why in r.reasons)
    r = _resolve(rec, "Tripoli is calm.")["Tripoli"]
    assert r.place.kind.value == "populated_place"
    r = _resolve(rec, "Turning right on red became legal in the province of Quebec.")["Quebec"]
    assert r.place.kind.value == "admin1"


def test_names_inside_longer_names_are_no_document_cues(rec):
    # "Frenchmen Street" may be read as France, but it does not make France the document's
    # country: Lafayette stays the Louisiana town and the match type says how each was read.
    text = "The corner of Frenchmen Street, then Lafayette, Louisiana."
    from geomap.geoparse._recognize import Mention

    mentions = [Mention(14, 30, "Frenchmen Street", "frenchmen street", "name")] + rec.recognize(text)
    got = {r.surface: r for r in resolve_mentions(text, mentions, rec.gazetteer)}
    assert got["Frenchmen Street"].match.value == "partial"
    assert got["Lafayette"].place.admin1 == "Louisiana"
    assert got["Lafayette"].match.value == "exact"
    assert not any("document names FR" in why for why in got["Lafayette"].reasons)
    assert got["Lafayette"].to_dict()["match"] == "exact"


def test_speakers_are_people_unless_prominent(rec):
    text = "Cuts are coming, Johnson said. Moscow said no. Talks in Frankfort, Kentucky."
    got = {r.surface for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)}
    assert "Johnson" not in got and {"Moscow", "Frankfort", "Kentucky"} <= got


def test_another_spelling_in_a_country_the_story_names(rec):
    # "Douma" is only an alternate name (of Dūmā): doubtful alone, a place where Syria is named.
    text = "Troops pressed on in the city of Douma, held by Syrian rebels."
    got = {r.surface: r.place for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)}
    assert got["Douma"].country == "SY"
    assert "Douma" not in {r.surface for r in resolve_mentions("Douma fell.", rec.recognize("Douma fell."),
                                                                rec.gazetteer)}


@pytest.mark.parametrize(
    ("text", "surface", "country", "kind"),
    [
        # A list of countries is no chain of containers: "China, Japan" is not a town in Japan.
        ("Cases were reported in Mexico, China, Japan, Ukraine and Brazil.", "China", "CN", "country"),
        ("Officials in Armenia, Azerbaijan, Iraq, Iran and Syria met.", "Iraq", "IQ", "country"),
        # Items of a list are read as the kind of their neighbours: states among states ...
        ("Outbreaks hit Arizona, Colorado, Georgia, Illinois and Missouri.", "Georgia", "US", "admin1"),
        ("Illnesses occurred in British Columbia, Alberta, Manitoba, Ontario and New Brunswick.",
         "Ontario", "CA", "admin1"),
        # ... but a container inside a list of city-state pairs still holds its city.
        ("Offices in Nashville, Tennessee, Richmond, Virginia, Orlando, Florida and Atlanta, Georgia.",
         "Virginia", "US", "admin1"),
        ("Offices in Richmond, Virginia, Fort Lauderdale and Orlando, Florida.", "Virginia", "US", "admin1"),
    ],
)
def test_lists_are_not_containers(rec, text, surface, country, kind):
    place = _resolve(rec, text)[surface].place
    assert (place.country, place.kind.value) == (country, kind)


def test_containers_survive_the_list_rule(rec):
    r = _resolve(rec, "Students rallied in Moscow, Idaho, and in Atlanta, Georgia, USA.")
    assert r["Moscow"].place.admin1 == "Idaho" and r["Atlanta"].place.country == "US"


def test_dotted_abbreviations_name_provinces(rec):
    r = _resolve(rec, "Dogs were stolen from a farm near Fredericton, N.B. on Tuesday.")
    assert r["N.B."].place.name == "New Brunswick" and r["N.B."].place.kind.value == "admin1"


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [
        ("Jobs moved to states such as California or Washington.", "Washington", "admin1", "US"),
        ("Aid went to countries including Armenia, Azerbaijan and Georgia.", "Georgia", "country", "GE"),
        ("Families fled to cities like Lagos, Abuja and Kano.", "Kano", "populated_place", "NG"),
    ],
)
def test_a_list_introduced_by_its_kind(rec, text, surface, kind, country):
    place = _resolve(rec, text)[surface].place
    assert (place.kind.value, place.country) == (kind, country)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [("Troops entered Victoria, British Columbia.", "British Columbia"), ("Victoria, Texas is hot.", "Texas"),
     ("Florence, Alabama flooded.", "Alabama")],
)
def test_a_first_name_with_its_state_is_a_town(rec, text, admin1):
    first = text.split(",")[0].split()[-1]
    assert _resolve(rec, text)[first].place.admin1 == admin1


def test_a_first_name_alone_is_no_town(rec):
    assert "Victoria" not in _resolve(rec, "Victoria said no. Victoria, Beckham and others came.")
    # A country after a first name is no state of a town: these are people.
    got = _resolve(rec, "The finalists were Anna, Italy; Maria, Spain; and Laura, France.")
    assert not {"Anna", "Maria", "Laura"} & set(got)
    assert "Maria" not in _resolve(rec, "Asked about it, Maria, Spain's ambassador, declined.")


def test_a_game_report_names_teams_by_their_big_cities(rec):
    """In a sports story a bare town's name is a team: the big city, not a namesake near the venue."""
    game = ("DALLAS, Texas (AP) — Luka Doncic hit a layup at halftime as the Mavericks beat Portland "
            "to reach the playoffs.")
    got = _resolve(rec, game)["Portland"]
    assert got.place.admin1 == "Oregon"
    assert any("sports story" in why for why in got.reasons)
    # The same names outside a game report: the state the story is in chooses.
    news = "DALLAS, Texas (AP) — The Mavericks' owner met Portland officials on Tuesday night in Texas."
    assert _resolve(rec, news)["Portland"].place.admin1 == "Texas"
    # A container written next to the name still wins in a game report.
    placed = "Portland, Texas hit a layup at halftime to win the playoffs' first round."
    assert _resolve(rec, placed)["Portland"].place.admin1 == "Texas"
    # The bonus goes to a town read by its own name, not to Oklahoma City for "Oklahoma".
    state = "Oklahoma beat Texas 34-30 at halftime of the playoffs; the quarterback threw a touchdown."
    assert _resolve(rec, state)["Oklahoma"].place.kind.value == "admin1"


@pytest.mark.parametrize(
    ("text", "sports"),
    [("Paul hit a layup at halftime; the Rockets reach the playoffs.", True),
     ("The NCAA tournament's Final Four tips off; the quarterback is out.", True),
     ("The flu season peaked early and officials scored the risk as high.", False),
     # Everyday words that sport also uses do not make a game report.
     ("Lawmakers worked overtime in budget season; a bus coach firm scored a contract worth points.", False)],
)
def test_a_sports_story_needs_three_kinds_of_game_words(text, sports):
    from geomap.geoparse._sports import sports_story

    assert sports_story(text) is sports


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [("U.S. officials said American tourists in Venice were safe, the U.S. State Department said.", "Venice", "IT"),
     ("The U.S. Army said the sergeant, an American, was born in Colchester and trained in the U.S.", "Colchester",
      "GB"),
     # A namesake that is a city in its own right keeps the story's country.
     ("Canadian police in London said the Canadian man was arrested; Canada's courts will decide.", "London", "CA")],
)
def test_a_town_named_in_many_languages_outranks_a_small_namesake(rec, text, surface, country):
    got = _resolve(rec, text)[surface]
    assert got.place.country == country
    if country != "CA":
        assert any("named in many languages" in why for why in got.reasons)


def test_a_village_many_towns_are_named_like_is_still_weighed(rec):
    # Newport, Tipperary is about the 22nd "Newport" of the gazetteer; beside Nenagh it is the one meant.
    got = _resolve(rec, "Buses from Limerick and Nenagh to Newport were cancelled.")["Newport"]
    assert (got.place.country, got.place.admin1) == ("IE", "Munster")


def test_a_feature_word_after_a_compound_is_the_compounds():
    text = "Trade grew across the Asia-Pacific region this year."
    got = _span(text, "Pacific")
    assert got.place.name == "Pacific Ocean"
    assert not any("feature word" in why for why in got.reasons)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [("Campbell Davis of the British Embassy Tokyo said the ban was lifted.", "British Embassy Tokyo", "Tokyo"),
     ("The Bank of Japan kept rates on hold.", "Bank of Japan", "Japan"),
     ("Horses raced in the Dubai World Cup.", "Dubai World Cup", "Dubai")],
)
def test_a_short_name_inside_a_longer_one_places_it_when_it_is_a_big_city_or_country(text, name, place):
    got = _span(text, name)
    assert got.place.name == place


def test_a_name_read_as_a_province_does_not_vouch_for_its_own_city(rec):
    text = ("Montreal-area mayors appealed to the Quebec government; right turns on red became legal "
            "in Quebec in 2003, Canada's transport ministry said.")
    got = _resolve(rec, text)["Quebec"]
    assert got.place.kind.value == "admin1"
    assert not any("document names Quebec" in why for why in got.reasons)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [("Tourists flocked to Holland, Michigan last year.", "Holland", "US"),
     ("Holland, Belgium and France signed the pact.", "Holland", "NL"),
     ("Georgia, Armenia said no.", "Georgia", "GE")],
)
def test_a_country_known_by_another_name_may_be_a_town_its_neighbour_holds(rec, text, surface, country):
    assert _resolve(rec, text)[surface].place.country == country


def test_a_renowned_town_does_not_beat_a_namesake_its_neighbours_place():
    from geomap import geoparse

    got = {r.surface: r for r in geoparse("Police in Geneva said the American suspect fled toward Chicago.")}
    assert got["Geneva"].place.admin1 == "Illinois"


def test_a_county_the_recogniser_doubts_needs_support():
    from geomap import geoparse

    assert [r.surface for r in geoparse("We will vote no, Dorset said on Tuesday.")] == []
    assert [r.surface for r in geoparse("Floods in Leicestershire closed roads.")] == ["Leicestershire"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Every word common: the name of an organisation (or its tail) before a hamlet's, unless the text
        # points to the hamlet.
        ("Volunteers of the Kenya Red Cross handed out water in Garissa on Monday.", ["Kenya", "Garissa"]),
        ("The Red Cross said its convoy reached the besieged town.", []),
        ("The Lebanon Red Cross chapter in Lebanon, Tennessee, collected blood.",
         ["Lebanon", "Lebanon", "Tennessee"]),
        # The hamlet itself, with its state written after it, or its neighbours without any locative.
        ("Red Cross, North Carolina, a town of 700 people, opened a shelter for storm victims.",
         ["Red Cross", "North Carolina"]),
        ("Storm damage closed the road between Red Cross and Oakboro in Stanly County, North Carolina.",
         ["Red Cross", "Oakboro", "Stanly County", "North Carolina"]),
        # Alone, a small town's name of common words is dropped, unless a word of it names a kind of place;
        # one of several words that is no common phrase needs no support, as before; a one-word name does.
        ("Good Hope celebrated its annual festival.", []),
        ("Park City celebrated its annual festival.", ["Park City"]),
        ("Mount Airy celebrated its annual festival.", ["Mount Airy"]),
        ("Oakboro celebrated its annual festival.", []),
    ],
)
def test_a_small_place_named_by_common_words_needs_support(text, places):
    from geomap import geoparse

    assert [r.surface for r in geoparse(text)] == places


def test_a_labour_story_is_no_game_report():
    from geomap.geoparse._sports import sports_story

    text = ("Union striker Homer Jones said the strike fund assists families in Portland, while lawmakers in "
            "Augusta and reporters in the White House bullpen asked about the election shutout.")
    assert not sports_story(text)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [("Separatists attacked a village in Cameroon's West region near Bafoussam.", "West", "admin1", "CM"),
     ("Russia expelled diplomats after the West imposed sanctions.", "West", "region", ""),
     ("Russia expelled Western diplomats after the West imposed sanctions.", "Western", "region", ""),
     ("The Western Province governor met officials in Colombo, Sri Lanka.", "Western Province", "admin1", "LK")],
)
def test_the_west_is_the_western_world_unless_an_owner_or_a_province_word_says_otherwise(text, surface, kind,
                                                                                          country):
    got = _span(text, surface)
    assert (got.place.kind.value, got.place.country) == (kind, country)


def test_a_possessive_writes_the_owner_as_the_container(rec):
    got = _resolve(rec, "Fighting flared in Azerbaijan's Lachin district and Armenia's Syunik province.")
    assert got["Lachin"].place.country == "AZ"
    assert any("in Azerbaijan (written next to it)" in why for why in got["Lachin"].reasons)


def test_a_plural_feature_word_still_writes_a_container():
    from geomap.geoparse._containment import written_as_container

    text = "the Nyanza and Western provinces of Kenya"
    assert written_as_container(text, text.index(" provinces"), text.index("Kenya"))


@pytest.mark.parametrize(
    ("text", "surface", "kind", "country"),
    [("Separatists attacked a school in the West Region of Cameroon, near Bafoussam.", "West", "admin1", "CM"),
     ("Ghana's Western Region produces most of the cocoa.", "Western", "admin1", "GH")],
)
def test_a_bare_or_regional_west_is_no_world_region(text, surface, kind, country):
    got = _span(text, surface)
    assert (got.place.kind.value, got.place.country) == (kind, country)


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [("Britain's Washington ambassador resigned after the leak, officials in London said.", "Washington", "US"),
     ("America's Paris embassy issued a warning on Friday.", "Paris", "FR"),
     ("China's Taiwan policy hardened, Beijing said.", "Taiwan", "TW")],
)
def test_a_possessive_country_does_not_move_a_country_or_a_city(rec, text, surface, country):
    assert _resolve(rec, text)[surface].place.country == country


def test_the_gulf_states_stay_the_gulf_states(rec):
    # A plural "states" after a name is no feature word: not Gulf Province, Papua New Guinea.
    got = _resolve(rec, "The Gulf states pledged billions in aid to Egypt, officials in Cairo said.")
    assert got["Gulf"].place.name == "Gulf states"


def test_a_bare_west_without_its_article_is_no_world_region():
    text = "An explosion in West killed 15 people, Waco officials said."
    got = _span(text, "West")
    assert got.place.name != "Western world"  # West, Texas or a province called West, not the world


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Putin accused the West of meddling in Ukraine.", "the West"),
     ("Putin accused the  West of meddling in Ukraine.", "West")],
)
def test_the_west_with_its_article_in_or_before_the_span(text, surface):
    assert _span(text, surface).place.name == "Western world"


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [("Ontario's London was hit by a tornado.", "London", "Ontario"),
     ("Texas's Paris is two hours from Dallas.", "Paris", "Texas")],
)
def test_a_state_owns_its_namesake_of_a_world_city(rec, text, surface, admin1):
    assert _resolve(rec, text)[surface].place.admin1 == admin1


def test_plural_feature_words_name_every_listed_province(rec):
    got = _resolve(rec, "Troops moved into the Kherson and Zaporizhzhia oblasts.")
    assert got["Kherson"].place.kind.value == got["Zaporizhzhia"].place.kind.value == "admin1"
    got = _resolve(rec, "Russia claimed to annex the Donetsk and Luhansk regions last year.")
    assert got["Luhansk"].place.kind.value == "admin1"
    assert got["Donetsk"].place.kind.value in ("admin1", "admin2")


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [("Shelling hit several Kyiv districts overnight.", "Kyiv", "populated_place"),  # parts of the city
     ("The Gulf states pledged aid.", "Gulf", "region")],
)
def test_a_plural_after_one_name_is_no_feature_word(rec, text, surface, kind):
    assert _resolve(rec, text)[surface].place.kind.value == kind


def test_the_islamic_republic_stays_iran_when_the_story_names_its_places(rec):
    text = ("Officials in Tehran accused Pakistan of sheltering militants. The Islamic Republic has long "
            "complained about the border.")
    assert _resolve(rec, text)["Islamic Republic"].place.country == "IR"


def test_a_capitalised_west_before_a_lower_case_region_is_a_province():
    text = "Separatists attacked villages in the West region of Cameroon on Sunday."
    assert _span(text, "West region").place.country == "CM"


@pytest.mark.parametrize(
    ("text", "country"),
    [("Pakistan's army chief said the Islamic Republic would not bow to pressure, officials in Islamabad said.",
      "PK"),
     ("Pakistan and Iran traded fire; the Islamic Republic blamed militants.", "IR"),
     ("The Islamic Republic's exports to CIS countries fell by 4 percent.", "IR")],
)
def test_the_islamic_republic_is_the_one_the_story_names(rec, text, country):
    assert _resolve(rec, text)["Islamic Republic"].place.country == country
