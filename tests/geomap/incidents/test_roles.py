"""actor1 and actor2 of one incident, coded for its event type (geomap.incidents._roles).

The sentences are written for these tests; none is quoted from a corpus. Each rule has one
sentence where it must fire and one where it must not.
"""

from __future__ import annotations

import pytest

from geomap.incidents._roles import incident_actors

MF = "Military Forces of "


def _roles(sentence, trigger, event_type, sub, country="", **kw):
    start = sentence.index(trigger)
    a1, a2 = incident_actors(sentence, trigger=(start, start + len(trigger)), event_type=event_type,
                             sub_event_type=sub, country=country, **kw)
    return a1 and a1.name, a2 and a2.name


CASES = [
    # protesters are actor1 of a protest whatever noun names them...
    ("Market traders protested against new levies.", "protested", "Protests", "Peaceful protest", "NG",
     ("Protesters (Nigeria)", None)),
    ("Police dispersed striking teachers with tear gas.", "dispersed", "Protests", "Protest with intervention", "KE",
     ("Protesters (Kenya)", "Police Forces of Kenya")),
    # ... but the force is actor1 when it used excessive force
    ("Soldiers fired on a crowd of marchers.", "fired", "Protests", "Excessive force against protesters", "TD",
     (MF + "Chad", "Protesters (Chad)")),
    # and villagers in an arrest stay civilians
    ("Police arrested six villagers after the fight.", "arrested", "Strategic developments", "Arrests", "KE",
     ("Police Forces of Kenya", "Civilians (Kenya)")),
    # a crowd that kills is rioters, its victim a civilian
    ("Residents beat a suspected thief to death.", "beat", "Riots", "Mob violence", "KE",
     ("Rioters (Kenya)", "Civilians (Kenya)")),
    # violence against civilians: unnamed perpetrator and target are filled in
    ("A teacher was abducted on the road to the market.", "abducted", "Violence against civilians",
     "Abduction/forced disappearance", "ML", ("Unidentified Armed Group (Mali)", "Civilians (Mali)")),
    ("Bandits abducted a teacher.", "abducted", "Violence against civilians",
     "Abduction/forced disappearance", "NG", ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")),
    # a planted bomb nobody claimed is an unidentified armed group's; a shelling's side stays unknown
    ("A roadside bomb exploded near the bridge.", "roadside bomb", "Explosions/Remote violence",
     "Remote explosive/landmine/IED", "SO", ("Unidentified Armed Group (Somalia)", None)),
    ("Shells landed near the bridge.", "Shells", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "UA", (None, None)),
    # an explosion that hurt people with no armed target hit civilians; one that hit troops did not
    ("A rocket hit the market, killing four people.", "rocket hit", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "IQ", (None, "Civilians (Iraq)")),
    ("A rocket hit Iraqi troops, killing four.", "rocket hit", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", "IQ", (None, MF + "Iraq")),   # patient: "Iraqi troops"
    # a verb that carries its object and no auxiliary is active, even when read as passive
    ("Gunmen killed three fishermen near the port.", "killed three fishermen", "Violence against civilians",
     "Attack", "MZ", ("Unidentified Armed Group (Mozambique)", "Civilians (Mozambique)")),
]


@pytest.mark.parametrize(("sentence", "trigger", "etype", "sub", "country", "expected"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_incident_actors(sentence, trigger, etype, sub, country, expected):
    harmed = "kill" in sentence
    patient = (sentence.index("Iraqi troops"), sentence.index(",")) if "Iraqi troops" in sentence else None
    assert _roles(sentence, trigger, etype, sub, country, harmed=harmed, patient=patient) == expected


def test_passive_read_of_an_object_carrying_verb_is_made_active():
    s = "Gunmen killed three fishermen near the port."
    t = s.index("killed")
    a1, a2 = incident_actors(s, trigger=(t, t + len("killed three fishermen")), event_type="Violence against civilians",
                             sub_event_type="Attack", country="MZ", agent=None, patient=(0, 6))
    assert (a1.name, a2.name) == ("Unidentified Armed Group (Mozambique)", "Civilians (Mozambique)")
    s = "Three fishermen were killed near the port."
    t = s.index("killed")
    a1, a2 = incident_actors(s, trigger=(t, t + 6), event_type="Violence against civilians",
                             sub_event_type="Attack", country="MZ", agent=None, patient=(0, 15))
    assert (a1.name, a2.name) == ("Unidentified Armed Group (Mozambique)", "Civilians (Mozambique)")
