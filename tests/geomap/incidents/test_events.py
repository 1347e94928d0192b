"""Event triggers in every tense, voice and nominal form, with their arguments and the
statements that report no event. All sentences are our own."""

from __future__ import annotations

import pytest

from geomap.incidents._events import find_triggers, reports_event


def _one(text):
    found = find_triggers(text)
    assert found, text
    return found[0]


def _span(text, span):
    return None if span is None else text[span[0]:span[1]]


@pytest.mark.parametrize("text, lemma, voice, event_type", [
    ("Separatist troops shell the suburbs", "shell", "active", "Explosions/Remote violence"),
    ("Gunmen behead 3 members of a village militia", "behead", "active", "Violence against civilians"),
    ("Four soldiers killed ahead of polls", "kill", "passive", "Battles"),
    ("Militiaman killed by sniper near the front", "kill", "passive", "Battles"),
    ("The shelling of the market went on all night", "shell", "nominal", "Explosions/Remote violence"),
    ("An attack on a police post left two officers dead", "attack", "nominal", "Battles"),
    ("A clash between herders and soldiers broke out at the well", "clash", "nominal", "Battles"),
    ("An armed attack claims the life of a teacher", "armed attack", "nominal", "Violence against civilians"),
    ("Detained activist dies under torture", "torture", "nominal", "Violence against civilians"),
])
def test_every_tense_voice_and_nominal_form(text, lemma, voice, event_type):
    t = _one(text)
    assert (t.lemma, t.voice, t.event_type) == (lemma, voice, event_type)


def test_arguments_are_found_in_the_clause_not_a_word_window():
    text = ("military forces of the north fired with small arms, sniper rifles and heavy machine guns on the "
            "positions of the military forces of the south located near the river")
    t = _one(text)
    assert (t.event_type, t.sub_event_type) == ("Battles", "Armed clash")
    assert _span(text, t.agent) == "military forces of the north"
    assert _span(text, t.patient) == "the positions of the military forces of the south"
    assert text[t.clause[0]:t.clause[1]] == text


@pytest.mark.parametrize("text, word, clause", [
    # a short gloss in brackets stays inside its clause
    ("Jets bombed the depot yesterday (Sunday) near the river.", "bombed",
     "Jets bombed the depot yesterday (Sunday) near the river"),
    # a longer aside with its own commas still ends it, as does a bracket's content on its own
    ("Jets bombed the depot (an old mill, locals said) near the river.", "bombed", "Jets bombed the depot"),
    ("Jets bombed the depot (an old mill, locals said) near the river.", "mill", "an old mill, locals said"),
])
def test_a_short_gloss_in_brackets_does_not_end_the_clause(text, word, clause):
    from geomap.incidents._clauses import clause_bounds

    start = text.index(word)
    a, b = clause_bounds(text, start, start + len(word))
    assert text[a:b] == clause


def test_passive_agent_and_patient():
    text = "A militiaman was killed by a sniper near the crossing"
    t = _one(text)
    assert (t.voice, _span(text, t.agent), _span(text, t.patient)) == ("passive", "a sniper", "A militiaman")


def test_reported_speech_agent_is_the_reported_subject():
    text = "The ministry said rebel units opened fire on army positions"
    t = _one(text)
    assert _span(text, t.agent) == "rebel units" and _span(text, t.patient) == "army positions"


@pytest.mark.parametrize("text, sub", [
    ("Troops fired with rifles on the positions of the rebels", "Armed clash"),
    ("Troops fired artillery on the positions of the rebels", "Shelling/artillery/missile attack"),
    ("Drones struck a fuel depot", "Air/drone strike"),
    ("Police fired on a crowd of demonstrators", "Excessive force against protesters"),
    ("Gunmen fired on villagers at a market", "Attack"),
])
def test_the_target_and_the_weapon_set_the_type(text, sub):
    assert _one(text).sub_event_type == sub


def test_a_month_is_not_a_modal_or_a_march():
    assert _one("On 9 May 2020, militants killed nine civilians").event_type == "Violence against civilians"
    assert [t.lemma for t in find_triggers("On 2 March 2022, police arrested two men")] == ["arrest"]


@pytest.mark.parametrize("text", [
    "Militants may attack the town",
    "The army threatened to attack the camp",
    "Rebels did not attack the convoy",
    "Jets would strike the depot",
    "Protests are often held in the square",
    "The film about a massacre won a prize",
])
def test_negated_hypothetical_and_habitual_statements_report_nothing(text):
    assert not reports_event(text), find_triggers(text)


def test_a_toll_after_another_event_is_that_event_s():
    text = "Rebels shelled the town, killing two farmers"
    assert [(t.lemma, t.event_type) for t in find_triggers(text)] == [("shell", "Explosions/Remote violence")]
    (toll,) = find_triggers("Nine soldiers were killed.")  # a toll, an event only where none comes before it
    assert toll.toll and toll.event_type == "Battles"
    assert _one("Nine soldiers were killed in an ambush near the river").lemma == "ambush"


def test_trigger_shifted_moves_every_offset():
    t = _one("Rebels shelled the town")
    moved = t.shifted(10)
    assert (moved.start, moved.clause, moved.agent, moved.patient) == (
        t.start + 10, (t.clause[0] + 10, t.clause[1] + 10), (t.agent[0] + 10, t.agent[1] + 10),
        (t.patient[0] + 10, t.patient[1] + 10))


def test_bad_input_is_a_type_error():
    with pytest.raises(TypeError):
        find_triggers(None)  # type: ignore[arg-type]


def test_a_killing_beside_property_destruction_stays_an_attack_unless_it_is_the_background():
    both = find_triggers("Gunmen burned houses and killed three villagers in the hamlet.")
    assert [t.event_type for t in both] == ["Strategic developments", "Violence against civilians"]
    cause = find_triggers("Soldiers burned houses in a neighbourhood after separatists killed a soldier there.")
    assert [t.event_type for t in cause] == ["Strategic developments"]
