"""The event lexicon file, entry by entry: each entry's own sentence must fire with its
type, and its own quiet sentence must report no event (all sentences written by us)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from geomap.errors import GeomapError
from geomap.incidents._events import find_triggers, reports_event
from geomap.incidents._lexicon import build, lexicon

_RAW = tomllib.loads(resources.files("geomap.incidents").joinpath("data/triggers.toml").read_text("utf-8"))
_ENTRIES = list(enumerate(_RAW["event"]))


def _name(item):
    i, raw = item
    words = [*raw.get("verbs", ()), *raw.get("nouns", ()), *raw.get("phrases", ()), *raw.get("words", ())]
    return f"{i}-{words[0].replace(' ', '_')}"


@pytest.mark.parametrize("item", _ENTRIES, ids=[_name(e) for e in _ENTRIES])
def test_entry_fires_with_its_type(item):
    i, raw = item
    assert raw.get("fires") and raw.get("quiet"), f"entry {i} needs a sentence that fires and one that does not"
    want = raw.get("fires_as") or f"{raw['type']} / {raw['sub']}"
    if not raw.get("fires_as") and raw.get("strength", 2) == 0:
        # a word that is an event only under a condition: the first condition that gives a strength
        cond = next(c for c in raw["when"] if c.get("strength", 0) > 0)
        want = f"{cond.get('type', raw['type'])} / {cond.get('sub', raw['sub'])}"
    got = [f"{t.event_type} / {t.sub_event_type}" for t in find_triggers(raw["fires"])]
    assert want in got and reports_event(raw["fires"]), (raw["fires"], got)


@pytest.mark.parametrize("item", _ENTRIES, ids=[_name(e) for e in _ENTRIES])
def test_entry_quiet_sentence_reports_nothing(item):
    _, raw = item
    assert not reports_event(raw["quiet"]), [(t.text, t.event_type) for t in find_triggers(raw["quiet"])]


def test_every_form_of_a_lemma_is_found():
    forms = {k.strip() for k, _ in lexicon().automaton.items()}
    assert {"shell", "shells", "shelled", "shelling", "shot", "struck", "fought", "beheads", "opened fire"} <= forms


@pytest.mark.parametrize("bad, message", [
    ({"event": [{"verbs": ["x"], "type": "Battles", "sub": "Shelling/artillery/missile attack"}]}, "no sub-event"),
    ({"event": [{"verbs": ["x"], "type": "Battles", "sub": "Armed clash", "colour": 1}]}, "unknown keys"),
    ({"event": [{"verbs": ["x"], "type": "Battles", "sub": "Armed clash", "when": [{"mood": "x"}]}]}, "unknown condition"),
    ({"event": [{"verbs": ["x"], "type": "Battles", "sub": "Armed clash", "when": [{"form": "x"}]}]}, "form must"),
])
def test_a_bad_lexicon_is_a_clear_error(bad, message):
    with pytest.raises(GeomapError, match=message):
        build(bad)
