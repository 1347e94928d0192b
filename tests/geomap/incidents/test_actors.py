"""Actors from one sentence, named and coded as ACLED does, and actor1/actor2 around a trigger.

The sentences are written for these tests in the style of conflict reporting; none is quoted.
"""

from __future__ import annotations

import time

import pytest

from geomap.incidents._actors import Actor, find_actors, primary_actors
from geomap.errors import InputError

MF = "Military Forces of "

# sentence, context country, [(name, inter, iso2, surface)]
CASES = [
    # state forces from demonyms, country names and force words
    ("Armenian forces opened fire near Sotk.", None, [(MF + "Armenia", 1, "AM", "Armenian forces")]),
    ("Azerbaijani troops shelled the area.", None, [(MF + "Azerbaijan", 1, "AZ", "Azerbaijani troops")]),
    ("Russian soldiers entered the village.", None, [(MF + "Russia", 1, "RU", "Russian soldiers")]),
    ("The Israeli army raided the camp at dawn.", None, [(MF + "Israel", 1, "IL", "Israeli army")]),
    ("The Ukrainian military reported the strike.", None, [(MF + "Ukraine", 1, "UA", "Ukrainian military")]),
    ("Ukraine's armed forces struck a fuel depot.", None, [(MF + "Ukraine", 1, "UA", "Ukraine's armed forces")]),
    ("The armed forces of Azerbaijan returned fire.", None,
     [(MF + "Azerbaijan", 1, "AZ", "armed forces of Azerbaijan")]),
    ("Armenian border guards repelled the incursion.", None,
     [(MF + "Armenia", 1, "AM", "Armenian border guards")]),
    ("Nigerian security forces raided the hideout.", None,
     [(MF + "Nigeria", 1, "NG", "Nigerian security forces")]),
    ("Malian troops and Burkinabe soldiers patrolled the border.", None,
     [(MF + "Mali", 1, "ML", "Malian troops"), (MF + "Burkina Faso", 1, "BF", "Burkinabe soldiers")]),
    ("Armenian and Azerbaijani forces exchanged fire.", None,
     [(MF + "Armenia", 1, "AM", "Armenian"), (MF + "Azerbaijan", 1, "AZ", "Azerbaijani forces")]),
    ("Government troops retook the town.", "SD", [(MF + "Sudan", 1, "SD", "troops")]),
    ("Soldiers manned the checkpoint.", None, [("Military Forces", 1, "", "Soldiers")]),
    ("Police dispersed the crowd.", "KE", [("Police Forces of Kenya", 1, "KE", "Police")]),
    ("Kenyan police fired tear gas.", None, [("Police Forces of Kenya", 1, "KE", "Kenyan police")]),
    ("Gendarmes arrested two men.", "BF",
     [("Police Forces of Burkina Faso", 1, "BF", "Gendarmes"), ("Civilians (Burkina Faso)", 7, "BF", "men")]),
    ("Congolese soldiers pushed back the rebels.", "CD",
     [(MF + "the Democratic Republic of Congo", 1, "CD", "Congolese soldiers"),
      ("Rebels (Democratic Republic of Congo)", 2, "CD", "rebels")]),
    # weapons and positions stand for their owner's military
    ("Armenian gunfire on Azerbaijani positions continued.", None,
     [(MF + "Armenia", 1, "AM", "Armenian gunfire"), (MF + "Azerbaijan", 1, "AZ", "Azerbaijani positions")]),
    ("Azerbaijan said Armenian gunfire on its military positions wounded one of its servicemen.", None,
     [(MF + "Armenia", 1, "AM", "Armenian gunfire"), (MF + "Azerbaijan", 1, "AZ", "its military positions"),
      (MF + "Azerbaijan", 1, "AZ", "its servicemen")]),
    ("Israeli air strikes hit Rafah.", None, [(MF + "Israel", 1, "IL", "Israeli air strikes")]),
    ("Heavy shelling hit the positions overnight.", None, []),
    ("The ministers agreed there is no military solution.", None, []),
    ("The political and military leadership of Armenia bears responsibility.", None, []),
    ("Armenia should not abuse the European Union civilian monitoring mission on its soil.", None,
     [("EUMA: European Union Mission in Armenia", 8, "", "European Union civilian monitoring mission")]),
    # named groups
    ("al-Shabaab militants ambushed the convoy.", None, [("Al Shabaab", 2, "SO", "al-Shabaab militants")]),
    ("Boko Haram insurgents abducted 20 schoolchildren.", "NG",
     [("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, "NG", "Boko Haram insurgents"),
      ("Civilians (Nigeria)", 7, "NG", "schoolchildren")]),
    ("ISWAP fighters attacked Nigerian troops.", None,
     [("Islamic State West Africa Province", 2, "NG", "ISWAP fighters"),
      (MF + "Nigeria", 1, "NG", "Nigerian troops")]),
    ("The Islamic State claimed the bombing.", "IQ", [("Islamic State (Iraq)", 2, "IQ", "Islamic State")]),
    ("Taliban fighters seized the district centre.", None, [("Taliban", 2, "AF", "Taliban fighters")]),
    ("Hezbollah fired rockets at the Israeli army.", None,
     [("Hezbollah", 3, "LB", "Hezbollah"), (MF + "Israel", 1, "IL", "Israeli army")]),
    ("Houthi forces attacked a cargo ship.", None, [("Houthi Movement", 2, "YE", "Houthi forces")]),
    ("M23 rebels captured the town.", None, [("M23: March 23 Movement", 2, "CD", "M23 rebels")]),
    ("The RSF shelled El Fasher.", None, [("Rapid Support Forces", 2, "SD", "RSF")]),
    ("Wagner Group mercenaries killed villagers.", "ML",
     [("Wagner Group", 8, "RU", "Wagner Group mercenaries"), ("Civilians (Mali)", 7, "ML", "villagers")]),
    ("JNIM militants attacked a base.", None,
     [("JNIM: Group for Support of Islam and Muslims", 2, "ML", "JNIM militants")]),
    ("ELN guerrillas bombed a pipeline.", None, [("ELN: National Liberation Army", 2, "CO", "ELN guerrillas")]),
    ("FARC dissidents attacked a police station.", "CO",
     [("FARC Dissidents", 2, "CO", "FARC dissidents"), ("Police Forces of Colombia", 1, "CO", "police")]),
    ("PKK militants killed two Turkish soldiers.", None,
     [("PKK: Kurdistan Workers Party", 2, "TR", "PKK militants"), (MF + "Turkey", 1, "TR", "Turkish soldiers")]),
    ("IS IT OVER?", None, []),
    # generic armed groups
    ("Rebels attacked the garrison.", "CF", [("Rebels (Central African Republic)", 2, "CF", "Rebels")]),
    ("Unidentified gunmen killed a farmer.", "NG",
     [("Unidentified Armed Group (Nigeria)", 3, "NG", "gunmen"), ("Civilians (Nigeria)", 7, "NG", "farmer")]),
    ("Fulani militia attacked herders.", "NG", [("Fulani Ethnic Militia (Nigeria)", 4, "NG", "Fulani militia")]),
    ("Russian-backed forces advanced.", None, [("Unidentified Armed Group", 3, "", "Russian-backed forces")]),
    # protesters, rioters, civilians
    ("Environmental activists blocked the road to the mine.", "AZ",
     [("Protesters (Azerbaijan)", 6, "AZ", "Environmental activists")]),
    ("Azerbaijani protesters gathered near the corridor.", None,
     [("Protesters (Azerbaijan)", 6, "AZ", "Azerbaijani protesters")]),
    ("Students marched to parliament.", "GE", [("Protesters (Georgia)", 6, "GE", "Students")]),
    ("Workers on strike blocked the port.", "BD", [("Protesters (Bangladesh)", 6, "BD", "Workers on strike")]),
    ("Rioters torched cars in the suburbs.", "FR", [("Rioters (France)", 5, "FR", "Rioters")]),
    ("Civilians fled the shelling.", None, [("Civilians", 7, "", "Civilians")]),
    ("Palestinian civilians sheltered in the school.", None,
     [("Civilians (Palestine)", 7, "PS", "Palestinian civilians")]),
    ("A journalist was injured.", "AM", [("Civilians (Armenia)", 7, "AM", "journalist")]),
    ("Children were among the wounded.", "SY", [("Civilians (Syria)", 7, "SY", "Children")]),
    # external and other forces
    ("The EU monitoring mission patrolled the border.", "AM",
     [("EUMA: European Union Mission in Armenia", 8, "", "EU monitoring mission")]),
    ("The European Union Monitoring Mission in Armenia (EUMA) reported shooting.", None,
     [("EUMA: European Union Mission in Armenia", 8, "", "European Union Monitoring Mission in Armenia (EUMA)")]),
    ("EU monitors visited the line near Georgia's boundary.", None,
     [("EUMM: European Union Monitoring Mission in Georgia", 8, "", "EU monitors")]),
    ("Russian peacekeepers were deployed to the corridor.", None,
     [(MF + "Russia", 1, "RU", "Russian peacekeepers")]),
    ("UN peacekeepers came under fire.", "CD",
     [("MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo", 8, "",
       "UN peacekeepers")]),
    ("UN peacekeepers came under fire.", None, [("UN: United Nations", 8, "", "UN peacekeepers")]),
    ("UNIFIL reported the incident.", None, [("UNIFIL: United Nations Interim Force in Lebanon", 8, "", "UNIFIL")]),
    ("The CSTO mission arrived in Yerevan.", None,
     [("CSTO: Collective Security Treaty Organization", 8, "", "CSTO mission")]),
    # lexicon rules of issue 16, each with a sentence where it must fire and one where it must not
    ("Georgian units shelled the ridge.", None, [(MF + "Georgia", 1, "GE", "Georgian units")]),
    ("New housing units were built on the hill.", None, []),
    ("Two civilians fled the shelling.", "SY", [("Civilians (Syria)", 7, "SY", "civilians")]),
    ("A civilian mission arrived at the border.", "AM", []),
    ("The European Union sent observers.", "GE", [("EUMM: European Union Monitoring Mission in Georgia", 8, "",
                                                    "European Union")]),
    ("OSCE monitors recorded the explosions.", None,
     [("OSCE: Organization for Security and Co-operation in Europe", 8, "", "OSCE monitors")]),
    ("US troops left the base.", None, [(MF + "the United States", 1, "US", "US troops")]),
    ("Kenyan troops left the base.", None, [(MF + "Kenya", 1, "KE", "Kenyan troops")]),
    ("QSD fighters clashed with tribal gunmen.", None,
     [("SDF: Syrian Democratic Forces", 2, "SY", "QSD fighters"), ("Unidentified Armed Group", 3, "", "gunmen")]),
    ("IS Sahel fighters raided a camp.", None,
     [("Islamic State Sahel Province", 2, "", "IS Sahel fighters")]),
    ("PDF fighters ambushed a convoy.", None, [("PDF: People's Defense Force", 2, "MM", "PDF fighters")]),
    ("Download the pdf of the report.", None, []),
    ("Fano militiamen entered the town.", None, [("Fano Militia", 4, "ET", "Fano militiamen")]),
    ("3R rebels raided a village.", None, [("3R: Return, Reclamation, Rehabilitation", 2, "CF", "3R rebels")]),
    ("The 3R bus line was closed.", None, []),
    ("The military hospital treated him.", None, []),
    # "military forces of X" is one actor, X's, not a nameless "military" beside "forces of X"
    ("Military forces of Azerbaijan fired on the posts of the military forces of Armenia.", None,
     [(MF + "Azerbaijan", 1, "AZ", "Military forces of Azerbaijan"),
      (MF + "Armenia", 1, "AM", "military forces of Armenia")]),
    ("The military spokesman said forces of Armenia withdrew.", None,
     [(MF + "Armenia", 1, "AM", "forces of Armenia")]),
    ("A militiaman was wounded at the checkpoint.", None, [("Unidentified Armed Group", 3, "", "militiaman")]),
    ("He wrote a thesis on militarism in the interwar years.", None, []),
    ("", None, []),
]


@pytest.mark.parametrize(("sentence", "context", "expected"), CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_find_actors(sentence, context, expected):
    got = find_actors(sentence, context_country=context)
    assert [(a.name, a.inter, a.iso2, sentence[a.start:a.end]) for a in got] == expected


def test_at_least_forty_cases():
    assert len(CASES) >= 40


def test_context_country_by_name_or_code():
    assert find_actors("Police fired.", context_country="Kenya") == find_actors("Police fired.", context_country="ke")


def test_context_country_code_missing_from_the_demonym_table():
    assert find_actors("Police fired.", context_country="EH")[0] == Actor("Police Forces of EH", 1, "EH", 0, 6)
    assert find_actors("Police fired.", context_country="UK")[0].name == "Police Forces of the United Kingdom"


def test_unknown_context_country_is_an_input_error():
    with pytest.raises(InputError, match="ISO 3166-1"):
        find_actors("Police fired.", context_country="Atlantis")
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize("bad", [None, 3, b"Armenian forces", ["Armenian forces"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError):
        find_actors(bad)


def test_actor_is_frozen():
    with pytest.raises(AttributeError):
        Actor("Civilians", 7).inter = 6  # type: ignore[misc]


# sentence, context, trigger word, actor1, actor2
PRIMARY = [
    ("Armenian forces fired on Azerbaijani positions.", None, "fired", MF + "Armenia", MF + "Azerbaijan"),
    ("Azerbaijan said Armenian gunfire on its military positions wounded a soldier.", None, "wounded",
     MF + "Armenia", MF + "Azerbaijan"),
    ("Azerbaijan said Armenian gunfire hit its positions.", None, "gunfire", MF + "Armenia", MF + "Azerbaijan"),
    ("Two soldiers were killed by al-Shabaab fighters.", "SO", "killed", "Al Shabaab", MF + "Somalia"),
    ("Villagers were killed by gunmen.", "BF", "killed", "Unidentified Armed Group (Burkina Faso)",
     "Civilians (Burkina Faso)"),
    ("Palestinian civilians were killed in Israeli air strikes.", None, "killed", MF + "Israel",
     "Civilians (Palestine)"),
    ("Clashes between Armenian and Azerbaijani troops left two dead.", None, "Clashes", MF + "Armenia",
     MF + "Azerbaijan"),
    ("Armenian and Azerbaijani forces exchanged fire.", None, "exchanged", MF + "Armenia", MF + "Azerbaijan"),
    ("Police dispersed protesters in Tbilisi.", "GE", "dispersed", "Police Forces of Georgia", "Protesters (Georgia)"),
    ("UNIFIL said Hezbollah fired at Israeli troops.", None, "fired", "Hezbollah", MF + "Israel"),
    ("The Israeli army raided the camp.", None, "raided", MF + "Israel", None),
    # no actor1 when only the target is named
    ("Shots were fired on Azerbaijani positions.", None, "fired", None, MF + "Azerbaijan"),
]


@pytest.mark.parametrize(("sentence", "context", "trigger", "actor1", "actor2"), PRIMARY,
                         ids=[p[0][:40] for p in PRIMARY])
def test_primary_actors(sentence, context, trigger, actor1, actor2):
    a1, a2 = primary_actors(find_actors(sentence, context_country=context),
                            trigger_start=sentence.index(trigger), sentence=sentence)
    assert (a1 and a1.name, a2 and a2.name) == (actor1, actor2)


def test_primary_actors_without_the_sentence():
    s = "Armenian forces fired on Azerbaijani positions."
    a1, a2 = primary_actors(find_actors(s), trigger_start=s.index("fired"))
    assert (a1.name, a2.name) == (MF + "Armenia", MF + "Azerbaijan")
    assert primary_actors([], trigger_start=0) == (None, None)


@pytest.mark.parametrize(
    "text",
    ["Armenian and " * 800 + "forces", "forces " * 1400, "its " * 2500, "al-Shabaab " * 900, "IS " * 3300,
     "( EUMA ) " * 1100, "European Union Monitoring Mission in " * 250, "Azerbaijan's " * 800, "a" * 10_000,
     "Armenian forces fired on Azerbaijani positions. " * 200],
    ids=lambda t: repr(t[:12]),
)
def test_pathological_input_is_fast(text):
    started = time.perf_counter()
    actors = find_actors(text, context_country="AM")
    primary_actors(actors, trigger_start=len(text) // 2, sentence=text)
    assert time.perf_counter() - started < 1.0


# sentence, trigger, agent phrase, patient phrase, actor1, actor2: roles from the clause reading
ROLES = [
    # reported speech: the speaker's country is not the actor
    ("Georgia's interior ministry said Russian units fired on Georgian posts.", "fired", "Russian units", None,
     MF + "Russia", MF + "Georgia"),
    # the patient comes first in a passive, and is no actor1
    ("Two Malian soldiers were killed by JNIM fighters.", "killed", "JNIM fighters", "Two Malian soldiers",
     "JNIM: Group for Support of Islam and Muslims", MF + "Mali"),
    ("Two Malian soldiers were killed.", "killed", None, "Two Malian soldiers", None, MF + "Mali"),
    # without spans, the old reading: the actor before the trigger acts
    ("Malian soldiers attacked a JNIM camp.", "attacked", None, None, MF + "Mali",
     "JNIM: Group for Support of Islam and Muslims"),
]


@pytest.mark.parametrize(("sentence", "trigger", "agent", "patient", "actor1", "actor2"), ROLES,
                         ids=[r[0][:40] for r in ROLES])
def test_primary_actors_with_agent_and_patient(sentence, trigger, agent, patient, actor1, actor2):
    def span(phrase):
        return None if phrase is None else (sentence.index(phrase), sentence.index(phrase) + len(phrase))

    a1, a2 = primary_actors(find_actors(sentence), trigger_start=sentence.index(trigger), sentence=sentence,
                            agent=span(agent), patient=span(patient))
    assert (a1 and a1.name, a2 and a2.name) == (actor1, actor2)


def test_named_actor_file_is_well_formed():
    import csv
    from importlib.resources import files

    text = (files("geomap") / "incidents" / "data" / "named_actors.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert len(rows) >= 60
    for r in rows:
        assert set(r) == {"name", "inter", "iso2", "aliases", "note"}, r
        assert r["name"] and r["note"] and 1 <= int(r["inter"]) <= 8, r
        assert r["iso2"] == "" or (len(r["iso2"]) == 2 and r["iso2"].isupper()), r
        assert all(a.strip() == a and a for a in r["aliases"].split(";")), r
