"""Sense checks written as lexicon data (data/triggers.toml): each word form or condition added
beside an entry's own `fires`/`quiet` pair has a sentence where it must fire and one where it
must not. All sentences are our own."""

from __future__ import annotations

import pytest

from geomap.incidents._events import find_triggers, reports_event

CASES = [
    # (sentence, expected "type / sub" of its first trigger, or None for no event)
    # "shells" as munitions named, not a shelling
    ("Separatist gunners shells the market every night.", "Explosions/Remote violence / Shelling/artillery/missile attack"),
    ("The factory turned out a million artillery shells last year.", None),
    # fighting, battle, hostilities need an armed side, a weapon or two sides
    ("Fighting between Azeri and Armenian units flared on the ridge.", "Battles / Armed clash"),
    ("Fighting between the two clans emptied the market.", "Battles / Armed clash"),
    ("The singer is still fighting, her manager said.", None),
    ("She won a long battle with her landlord.", None),
    ("Hostilities resumed as artillery hit the ridge.", "Explosions/Remote violence / Shelling/artillery/missile attack"),
    # bombing nouns
    ("A car bombing outside the ministry wounded eight guards.",
     "Explosions/Remote violence / Remote explosive/landmine/IED"),
    ("The novel about a car bombing sold well.", None),
    # rearrest and custody
    ("Police rearrested the opposition leader at his home on Friday.", "Strategic developments / Arrests"),
    ("Two students were taken into custody outside the campus.", "Strategic developments / Arrests"),
    ("The court kept the two students in custody.", None),
    # pacts negotiated between parties to a conflict
    ("The rebels and the army negotiated a pact on prisoner releases in Doha.", "Strategic developments / Agreement"),
    ("The two firms negotiated a pact on shipping rates.", None),
    # cells broken up
    ("Security forces broke up a jihadist cell in the capital on Monday.", "Strategic developments / Arrests"),
    ("Scientists broke up the cell wall with enzymes.", None),
    # an accident named in the clause beats the weapon: a crashed plane is no airstrike
    ("A drone killed three fighters at a checkpoint.", "Explosions/Remote violence / Air/drone strike"),
    ("A cargo plane crashed near the airport, and all six crew were killed.", None),
    # ambushing an armed target is a battle, even in a bus
    ("Rebels ambushed a bus carrying soldiers near the pass.", "Battles / Armed clash"),
    ("Rebels ambushed a bus carrying traders near the pass.", "Violence against civilians / Attack"),
    # a former fighter is a civilian
    ("Gunmen shot dead a militia commander near the well.", "Battles / Armed clash"),
    ("Gunmen shot dead a former militia commander near the well.", "Violence against civilians / Attack"),
    # an adjectival participle after a possessive is no event
    ("Police detained three reporters at the airport.", "Strategic developments / Arrests"),
    ("Inspectors visited its detained migrants centre on the coast.", None),
    # "protest" naming leaders or a movement is no protest
    ("Students protested outside the ministry on Monday.", "Protests / Peaceful protest"),
    ("The protest leaders met the minister on Monday.", None),
    # tear gas canisters found are no intervention
    ("Police fired tear gas at the marchers.", "Protests / Protest with intervention"),
    ("Guards found tear gas cannisters in the yard.", None),
    # trend nouns are no outbreak of fighting
    ("A flare-up of fighting near the dam killed four soldiers.", "Battles / Armed clash"),
    ("A surge in violence pushed the country up the index.", None),
    # a pact between heads of government is no conflict agreement
    ("The army and the rebels signed a pact on a ceasefire.", "Strategic developments / Agreement"),
    ("The two prime ministers signed eight pacts on trade.", None),
    # new members of the word classes
    ("Maoist guerrillas bombed a tax office in the hills.", "Explosions/Remote violence / Remote explosive/landmine/IED"),
    ("The town's football team bombed in the cup final.", None),
    ("A dynamite charge exploded outside the barracks.", "Explosions/Remote violence / Remote explosive/landmine/IED"),
    ("The old boiler exploded in the basement.", None),
    ("Rebels burned down three saw mills near the river.", "Strategic developments / Looting/property destruction"),
    ("The cook burned the rice again.", None),
    ("Enemy planes air-bombed the village at dawn.", "Explosions/Remote violence / Air/drone strike"),
    # "demonstrate to" a purpose of protest
    ("Hundreds of nurses demonstrated to demand higher pay.", "Protests / Peaceful protest"),
    ("The results demonstrated to everyone that the plan works.", None),
    # a bare toll is a trigger flagged as a toll, typed by its victims
    ("Scores of militants were killed.", "Battles / Armed clash"),
    ("At least five villagers were killed.", "Violence against civilians / Attack"),
    # supporters of an armed group who demonstrate are protesters, the armed group itself is not
    ("Some 30 supporters of the rebel movement demonstrated outside the embassy.", "Protests / Peaceful protest"),
    ("Rebel fighters demonstrated outside the embassy.", None),
    ("Some 30 supporters of the (ELN) guerrilla movement which freed two hostages in May, demonstrated in Bonn on "
     "Monday.", "Protests / Peaceful protest"),                     # "supporters of" before the agent's clause
    # armed sides firing small arms at each other fight, mortars or not; mortars alone shell
    ("Troops fired small arms and mortars at rebel positions near the ridge.", "Battles / Armed clash"),
    ("Troops fired mortars at rebel positions near the ridge.",
     "Explosions/Remote violence / Shelling/artillery/missile attack"),
    # a verb's object when no preposition follows: "attacked soldiers" is an attack on armed men
    ("Militia fighters attacked soldiers at a checkpoint, killing two.", "Battles / Armed clash"),
    ("Militia fighters attacked traders at a market, killing two.", "Violence against civilians / Attack"),
    # a protest that turned violent is a riot
    ("A protest by traders turned violent in the market.", "Riots / Violent demonstration"),
    ("A protest by traders stayed peaceful in the market.", "Protests / Peaceful protest"),
    # ethnic cleansing and pogroms are attacks on civilians
    ("Militias carried out ethnic cleansing in three valleys last month.", "Violence against civilians / Attack"),
    ("The museum opened an exhibition on ethnic cleansing in the last century.", None),
    # a short gloss in brackets does not end the clause, so the weapon after it still types the event
    ("The camp was bombed on Friday and again yesterday (Sunday) by government aircraft.",
     "Explosions/Remote violence / Air/drone strike"),
    ("The new play bombed on Friday (its opening night) in the capital.", None),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_sense(sentence: str, expected: str | None) -> None:
    found = find_triggers(sentence)
    if expected is None:  # no trigger, or a weak one with nothing to corroborate it
        assert not reports_event(sentence), [(t.text, t.event_type) for t in found]
    else:
        assert found, sentence
        assert f"{found[0].event_type} / {found[0].sub_event_type}" == expected
