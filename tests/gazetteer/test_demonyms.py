from __future__ import annotations

import pytest

from gazetteer import MatchType
from gazetteer.demonyms import Demonym, demonym, demonyms, parse_demonyms


def test_table_loads_and_words_are_lower_case():
    table = demonyms()
    assert len(table) > 300
    assert all(w == w.lower() for w in table)
    assert demonym("AZERBAIJANI") == Demonym("AZ", "Azerbaijan")


@pytest.mark.parametrize("line", ["AM|Armenia", "AM||Armenian", "AM|Armenia|", "a|b|c|d"])
def test_malformed_lines(line):
    with pytest.raises(ValueError, match="line 1"):
        parse_demonyms(line)


def test_first_claim_wins():
    t = parse_demonyms("DM|Dominica|Dominican\nDO|Dominican Republic|Dominican,Dominicans")
    assert t["dominican"].iso2 == "DM" and t["dominicans"].iso2 == "DO"


@pytest.mark.parametrize("word,country,kind", [("Armenian", "AM", "country"), ("British", "GB", "country"),
                                                ("Kurdistan", "", "region"), ("Scottish", "GB", "admin1")])
def test_lookup_finds_the_place_of_a_demonym(gaz, word, country, kind):
    best = next(c for c in gaz.lookup(word) if c.match is MatchType.DEMONYM or word == "Kurdistan")
    assert best.place.country == country and best.place.kind.value == kind


def test_a_place_named_like_a_demonym_comes_first(gaz):
    # "Armenia" the country is an exact name; "Armenian" only a demonym of it.
    assert gaz.lookup("Armenia")[0].match is MatchType.EXACT
