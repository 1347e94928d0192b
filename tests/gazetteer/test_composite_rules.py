"""The rules of composite lookups, historical places and near spellings, each with a case where it must
fire and one where it must not."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer, Kind, MatchType, OfflineGeocoder, PlaceNotFound
from gazetteer._build.records import PlaceRecord
from gazetteer._build.writer import GazetteerWriter


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Gazetteer:
    """A gazetteer of six places: today's Russia and Georgia, two former states, a town and a state."""
    out = tmp_path_factory.mktemp("tiny") / "tiny.sqlite"
    w = GazetteerWriter(out)
    w.add(PlaceRecord("geonames:2017370", "Russia", "country", "RU", 60.0, 100.0, population=144_000_000,
                      names={"Soviet Union"}, abbreviations={"RU", "RUS"}))
    w.add(PlaceRecord("team:soviet-union", "Soviet Union", "historical", "", 60.0, 90.0, population=0,
                      names={"USSR"}))
    w.add(PlaceRecord("geonames:614540", "Georgia", "country", "GE", 42.0, 43.5, population=3_700_000,
                      abbreviations={"GE", "GEO"}))
    w.add(PlaceRecord("team:georgia-1918", "Georgia", "historical", "", 42.0, 43.5, names={"Democratic Republic of Georgia"}))
    w.add(PlaceRecord("geonames:4197000", "Georgia", "admin1", "US", 32.75, -83.5, fclass="A", fcode="ADM1",
                      admin1_code="US.GA", abbreviations={"GA"}))
    w.add(PlaceRecord("geonames:4180439", "Atlanta", "populated_place", "US", 33.75, -84.39, population=463_000,
                      fclass="P", fcode="PPLA", admin1_code="US.GA"))
    w.add_admin_name("US.GA", "Georgia")
    w.finish({"sources": "test fixture", "attribution": "test"})
    return Gazetteer(out)


def test_a_historical_place_comes_before_a_country_that_borrows_its_name(tiny):
    first, second = tiny.lookup("Soviet Union")
    assert first.place.kind is Kind.HISTORICAL and second.place.name == "Russia"


def test_a_historical_place_comes_after_todays_owner_of_the_name(tiny):
    ranked = tiny.lookup("Georgia")
    assert ranked[0].place.kind is Kind.COUNTRY
    assert [c.place.kind for c in ranked].index(Kind.HISTORICAL) > 0


def test_kinds_filter_keeps_historical_places(tiny):
    assert [c.place.place_id for c in tiny.lookup("Georgia", kinds="historical")] == ["team:georgia-1918"]
    assert all(c.place.kind is not Kind.HISTORICAL for c in tiny.lookup("Georgia", kinds=["country", "admin1"]))


def test_an_ambiguous_code_is_settled_by_the_name(tiny):
    # "GA" is Georgia the state (a code the tiny gazetteer gives it) and, as ISO 3166-2, other areas;
    # only the state holds an Atlanta.
    assert tiny.lookup("Atlanta, GA")[0].place.place_id == "geonames:4180439"
    assert tiny.lookup("Atlanta, Russia") == []


# -- on the shipped gazetteer --------------------------------------------------------------------------------
@pytest.mark.parametrize("name,kind,country", [
    ("Bosnia and Herzegovina", Kind.COUNTRY, "BA"),
    ("Guinea-Bissau", Kind.COUNTRY, "GW"),
    ("Kansas City", Kind.POPULATED_PLACE, "US"),
    ("Washington, D.C.", Kind.POPULATED_PLACE, "US"),
    ("Trinidad and Tobago", Kind.COUNTRY, "TT"),
    ("Rio de Janeiro", Kind.POPULATED_PLACE, "BR"),
    ("New York", Kind.POPULATED_PLACE, "US"),
])
def test_whole_names_are_not_split(gaz, name, kind, country):
    best = gaz.lookup(name)[0]
    assert (best.place.kind, best.place.country) == (kind, country)
    assert best.match in (MatchType.EXACT, MatchType.ALIAS)


@pytest.mark.parametrize("query", ["Paris, Germany", "Cancun Texas", "Springfield, Japan", "Bethel, NRW, DE"])
def test_nothing_inside_the_containers_is_not_found(gaz, query):
    # Never a namesake elsewhere (Bethel, Connecticut): the gazetteer has no such place there.
    assert gaz.lookup(query) == []
    assert OfflineGeocoder(gaz).geocode(query) is None


def test_structured_containers_the_gazetteer_lacks(gaz):
    with pytest.raises(PlaceNotFound, match="no admin1 area 'Atlantis'"):
        gaz.lookup("Paris", admin1="Atlantis")
    with pytest.raises(PlaceNotFound):
        gaz.lookup("Paris", admin1="Texas", country="FR")
    assert OfflineGeocoder(gaz).geocode({"city": "Paris", "state": "Atlantis"}) is None


def test_names_that_are_not_places_are_not_read_as_a_name_in_a_container(gaz):
    # "British Embassy" is no place in Tokyo; the longer name falls back to the place inside it.
    assert gaz.lookup("British Embassy Tokyo")[0].place.name == "Tokyo"
    assert gaz.lookup("the Western US")[0].place.country == "US"
    # An admin-2 area alone, without a comma, does not make a reading: "Paris Hilton" is no place in a Hilton county.
    assert gaz.lookup("Paris Hilton")[0].match is MatchType.PARTIAL


def test_a_code_the_gazetteer_lacks_comes_from_iso_3166_2(gaz):
    # "BY" is Belarus's ISO code in the database; ISO 3166-2 DE-BY makes it Bavaria too.
    assert gaz.lookup("Munich, BY")[0].place.admin1 == "Bavaria"
    assert gaz.lookup("Minsk, BY")[0].place.country == "BY"
    # "NRW" is the common short form of DE-NW; not a code of anything else.
    assert gaz.lookup("Cologne, NRW")[0].place.country == "DE"
    assert gaz.lookup("Cologne, NRW", kinds="country") == []


def test_a_postal_code_is_left_out(gaz):
    assert gaz.lookup("Austin, TX 78701")[0].place.admin1 == "Texas"


def test_a_resort_is_not_turned_into_another_city(gaz):
    # Changchun lists "Cancun" among its alternate names; Cancún owns the name.
    assert gaz.lookup("Cancun")[0].place.country == "MX"
    assert gaz.lookup("Cancún")[0].place.country == "MX"
    assert gaz.lookup("Changchun")[0].place.country == "CN"
    # A form of the larger place's own name is still the larger place's (Russia's, not Florida's).
    assert gaz.lookup("St. Petersburg")[0].place.country == "RU"


def test_fuzzy_matches_stay_within_a_typo(gaz):
    assert gaz.lookup("Brussells")[0].place.country == "BE"
    assert gaz.lookup("Londn")[0].place.country == "GB"
    assert gaz.lookup("Sprinfield, IL")[0].place.admin1 == "Illinois"
    assert all(c.place.name != "Changchun" for c in gaz.lookup("Cancunn"))


@pytest.mark.parametrize("query,elsewhere", [
    ("Oahu", "Shīnḏanḏ"),            # one letter off "Oah", a three-letter name of an Afghan town
    ("Mallorca", "Rinconada de Malloa"),  # two letters off "Malloa"
])
def test_fuzzy_matches_never_cross_to_another_name(gaz, query, elsewhere):
    assert all(c.place.name != elsewhere for c in gaz.lookup(query))


def test_macao_and_macau(gaz):
    assert gaz.lookup("Macao")[0].place.kind is Kind.COUNTRY
    assert gaz.lookup("Macau")[0].place.country == "MO"


@pytest.mark.parametrize(("query", "country"), [
    ("Hong Kong, China", "HK"), ("Macau, China", "MO"), ("Macao, China", "MO"), ("Kowloon, China", "HK"),
    ("San Juan, Puerto Rico, USA", "PR"), ("Nuuk, Denmark", "GL"),
])
def test_a_territory_lies_in_the_country_that_governs_it(gaz, query, country):
    assert gaz.lookup(query)[0].place.country == country


def test_a_country_governs_no_territory_natural_earth_does_not_give_it(gaz):
    # Palestine is "Indeterminate" in Natural Earth: no Gaza in Israel; and no Paris is in China or Hong Kong.
    assert gaz.lookup("Gaza, Israel") == [] and gaz.lookup("Paris, China") == [] and gaz.lookup("Paris, Hong Kong") == []
    # A territory does not contain its governing country's places ("Shanghai, Hong Kong").
    assert gaz.lookup("Shanghai, Hong Kong") == []


@pytest.mark.parametrize(("query", "admin1"), [
    ("Tijuana, BC", "Baja California"), ("Ensenada, B.C.", "Baja California"), ("Mexicali BC", "Baja California"),
    ("Victoria, BC", "British Columbia"), ("Kelowna, BC", "British Columbia"), ("Vancouver, BC", "British Columbia"),
])
def test_bc_is_settled_by_what_lies_inside(gaz, query, admin1):
    # Mexico writes BC for Baja California, Canada for British Columbia: the name says which.
    assert gaz.lookup(query)[0].place.admin1 == admin1


def test_a_curated_code_does_not_stand_for_other_states(gaz):
    # "BC" is read as Baja California only, not as any other state whose ISO code ends in BC.
    reader = gaz._containers
    assert {(a.country, a.name) for a in reader.areas("BC", frozenset({Kind.ADMIN1}))} == {
        ("CA", "British Columbia"), ("MX", "Baja California")}
    assert gaz.lookup("Paris, BC") == []


def test_scores_say_which_container_matched(gaz):
    best = gaz.lookup("London, ON, CA")[0]
    assert best.place.admin1 == "Ontario"
    assert "in admin1 Ontario (written 'ON')" in best.reasons and "in country Canada (written 'CA')" in best.reasons


@pytest.mark.parametrize("query,name,country", [
    ("Manaus, Amazonia", "Manaus", "BR"),
    ("Lachin, Karabakh", "Laçın", "AZ"),
    ("Shusha, Nagorno-Karabakh", "Shusha", "AZ"),
    ("Erbil, Kurdistan", "Erbil", "IQ"),
])
def test_a_region_contains_what_its_polygon_covers(gaz, query, name, country):
    best = gaz.lookup(query)[0]
    assert (best.place.name, best.place.country) == (name, country)
    assert best.reasons[-1].startswith("in ")


def test_a_polygon_does_not_take_in_a_namesake_outside_it(gaz):
    assert gaz.lookup("Tripoli, Kurdistan") == []


def test_after_a_comma_a_town_contains_its_quarters(gaz):
    best = gaz.lookup("Soho, London")[0]
    assert (best.place.name, best.place.country) == ("Soho", "GB")
    assert best.reasons[-1] == "in populated_place London (written 'London')"
    # Without a comma a town is no container ("Paris Hilton" is no Paris near a town called Hilton): the
    # longer name falls back to the place named inside it.
    assert gaz.lookup("Soho London")[0].match is MatchType.PARTIAL
    # A town's reach is a few dozen kilometres, not its country: no Soho near Manchester.
    assert gaz.lookup("Soho, Manchester") == []


def test_a_short_word_in_lower_case_is_a_code_only_in_a_text_without_capitals(gaz):
    assert gaz.lookup("paris tx")[0].place.admin1 == "Texas"
    assert gaz.lookup("london on")[0].place.admin1 == "Ontario"
    # "of" is no code in a text that writes capitals, nor "Czech" a place in "Republic of Armenia": the
    # longer name falls back to the place inside it.
    assert gaz.lookup("Czech Republic of Armenia")[0].match is MatchType.PARTIAL


def test_other_scripts_and_their_commas(gaz):
    assert gaz.lookup("القاهرة، مصر")[0].place.country == "EG"  # the Arabic comma
    assert gaz.lookup("東京，日本")[0].place.country == "JP"  # the full-width comma
    # A reading whose name is no place anywhere says nothing: "北京, 中国" is not "中国" inside Beijing.
    assert gaz.lookup("北京, 中国")[0].place.country == "CN"


def test_a_country_name_inside_containers_is_an_own_name(gaz):
    assert gaz.lookup("Georgia, USA")[0].place.kind is Kind.ADMIN1
    assert gaz.lookup("Lebanon, PA")[0].place.admin1 == "Pennsylvania"
    # No village that has "Taiwan" only as an alternate name; the country, as the whole string reads.
    assert gaz.lookup("Taiwan, Province of China")[0].place.country == "TW"


@pytest.mark.parametrize("query,country", [("Congo, Democratic Republic of the", "CD"), ("Gambia, The", "GM"),
                                           ("Korea, Republic of", "KR")])
def test_a_name_with_its_head_put_last(gaz, query, country):
    assert gaz.lookup(query)[0].place.country == country
    # Not a name turned round where nothing ends in "of" or "the": "Paris, Texas" stays Paris in Texas.
    assert gaz.lookup("Paris, Texas")[0].place.admin1 == "Texas"
