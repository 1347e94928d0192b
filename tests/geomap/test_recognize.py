"""Toponym recognition: what is a place name in text and what is not."""

from __future__ import annotations

import pytest

from geomap.recognize import Mention, Recognizer, recognize


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
        ("Washington, D.C.", ["Washington", "D.C."]),
        ("He flew to Calif. yesterday", ["Calif."]),
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
