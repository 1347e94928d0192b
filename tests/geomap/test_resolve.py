"""Resolution in context: the right place for a name, given the document."""

from __future__ import annotations

import json

import pytest

from geomap.recognize import Recognizer
from geomap.resolve import ResolvedMention, resolve_mentions


@pytest.fixture(scope="module")
def rec(gaz):
    return Recognizer(gaz)


def _resolve(rec, text):
    return {r.surface: r for r in resolve_mentions(text, rec.recognize(text), rec.gazetteer)}


@pytest.mark.parametrize(
    ("text", "surface", "country", "admin1"),
    [
        ("Students rallied in Moscow, Idaho.", "Moscow", "US", "Idaho"),
        ("Troops entered Moscow.", "Moscow", "RU", None),
        ("Paris, Texas is small.", "Paris", "US", "Texas"),
        ("Talks in Paris.", "Paris", "FR", None),
        ("Washington and Moscow traded barbs.", "Washington", "US", None),
        ("Shelling in the Zangilan region of Karabakh.", "Zangilan", "AZ", None),
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
