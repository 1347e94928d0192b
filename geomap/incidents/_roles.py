"""The two actors of one incident: who acted and who was acted on, coded for its event type.

:func:`incident_actors` reads the actors of an incident's clause
(:func:`geomap.incidents._actors.find_actors`), picks actor1 and actor2 with the
trigger's agent and patient (:func:`geomap.incidents._actors.primary_actors`), and
then applies what ACLED's codebook says about the event type:

* the people who demonstrate are "Protesters (X)" in a protest (actor1; the
  force that intervenes is actor2, and actor1 when it used excessive force) and
  "Rioters (X)" in a riot, whatever noun the text used ("traders who were
  protesting", "residents beat ... to death"); the victim of mob violence is
  "Civilians (X)" when the text names none;
* violence against civilians has civilians as its target: without an actor2 the
  target is "Civilians (X)", and without an actor1 the perpetrator is an
  "Unidentified Armed Group (X)", as ACLED codes an attack nobody claimed;
* a bomb, grenade or mine that nobody is said to have planted is an
  "Unidentified Armed Group (X)" too; a strike or shelling from an unnamed
  side keeps actor1 empty, since only states shell or bomb from the air and
  which state is exactly what the text does not say;
* civilians are never actor1 of violence ("struck Idlib, killing four civilians":
  the civilians are the target);
* an explosion that killed or hurt people and names no armed target hit
  "Civilians (X)".

X is the country of the incident's place when the actor's own words name none.

Examples
--------
>>> a1, a2 = incident_actors("Traders protested in Gusau.", trigger=(8, 17), event_type="Protests",
...                          sub_event_type="Peaceful protest", country="NG")
>>> a1.name, a2
('Protesters (Nigeria)', None)
>>> a1, a2 = incident_actors("A bomb exploded at a market, killing five people.", trigger=(2, 15),
...                          event_type="Explosions/Remote violence",
...                          sub_event_type="Remote explosive/landmine/IED", country="AF", harmed=True)
>>> a1.name, a2.name
('Unidentified Armed Group (Afghanistan)', 'Civilians (Afghanistan)')
"""

from __future__ import annotations

import re

from ._actor_lexicon import _country_name
from ._actors import Actor, find_actors, primary_actors

__all__ = ["incident_actors"]

_CROWD = {6: "Protesters", 7: "Civilians", 5: "Rioters"}      # inter codes of people in a crowd
_PLANTED = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})
_ARMED = frozenset({1, 2, 3, 4, 8})


def _named(kind: str, iso: str, inter: int, like: Actor | None = None) -> Actor:
    name = f"{kind} ({_country_name(iso)})" if iso else kind
    return Actor(name, inter, iso, like.start if like else -1, like.end if like else -1)


_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be|got|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _checked_roles(clause: str, trigger: tuple[int, int], agent: tuple[int, int] | None,
                   patient: tuple[int, int] | None) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Agent and patient, with a verb that carries its own object read as active.

    A trigger such as "killed three fishermen" holds its object; with no auxiliary before it
    and no "by" in it, it is no passive, and what precedes it is its agent."""
    text = clause[trigger[0]:trigger[1]]
    words = text.split()
    if agent is None and patient is not None and len(words) > 1 and words[1].lower() != "by" \
            and patient[1] <= trigger[0] and not _BE_BEFORE.search(clause[max(0, trigger[0] - 30):trigger[0]]):
        return patient, None
    return agent, patient


def incident_actors(clause: str, *, trigger: tuple[int, int], event_type: str, sub_event_type: str,
                    country: str = "", speaker: str | None = None, agent: tuple[int, int] | None = None,
                    patient: tuple[int, int] | None = None,
                    harmed: bool = False) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 of an incident whose trigger is ``clause[trigger[0]:trigger[1]]``.

    Parameters
    ----------
    clause : str
        The incident's clause; ``trigger``, ``agent`` and ``patient`` are offsets in it.
    event_type, sub_event_type : str
        The incident's ACLED types.
    country : str
        ISO2 of the incident's place: names actors that carry no country of their own.
    speaker : str, optional
        ISO2 of a country that speaks in the sentence ("Azerbaijan said ..."), for "its servicemen".
    harmed : bool
        Whether the incident killed or injured anyone.

    Returns
    -------
    (Actor or None, Actor or None)
    """
    agent, patient = _checked_roles(clause, trigger, agent, patient)
    context = speaker or country or None
    try:
        actors = find_actors(clause, context_country=context)
    except ValueError:          # a gazetteer country the demonym table lacks: name no country
        actors = find_actors(clause)
    a1, a2 = primary_actors(actors, trigger_start=trigger[0], sentence=clause, agent=agent, patient=patient)
    iso = country or (speaker or "")
    if a1 is not None and a1.inter == 7 and event_type not in ("Protests", "Riots"):
        a1, a2 = None, a2 if a2 is not None else a1   # civilians are acted on, not actors of violence
    if event_type == "Protests" and sub_event_type == "Excessive force against protesters":
        crowd = next((a for a in (a2, a1) if a is not None and a.inter in _CROWD), None)
        force = next((a for a in (a1, a2) if a is not None and a.inter in _ARMED), None)
        a1, a2 = force, _named("Protesters", crowd.iso2 if crowd and crowd.iso2 else iso, 6, crowd)
    elif event_type == "Protests":
        crowd = next((a for a in (a1, a2) if a is not None and a.inter in _CROWD), None)
        force = next((a for a in (a1, a2) if a is not None and a.inter in _ARMED), None)
        a1, a2 = _named("Protesters", crowd.iso2 if crowd and crowd.iso2 else iso, 6, crowd), force
    elif event_type == "Riots":
        if a1 is None or a1.inter in _CROWD:
            a1 = _named("Rioters", a1.iso2 if a1 and a1.iso2 else iso, 5, a1)
        if a2 is None and sub_event_type == "Mob violence":
            a2 = _named("Civilians", iso, 7)
    if event_type == "Violence against civilians":
        if a1 is None:
            a1 = _named("Unidentified Armed Group", iso, 3)
        if a2 is None or a2.name == a1.name:
            a2 = _named("Civilians", iso, 7)
    elif event_type == "Explosions/Remote violence":
        if a1 is None and sub_event_type in _PLANTED:
            a1 = _named("Unidentified Armed Group", iso, 3)
        if a2 is None and harmed:
            a2 = _named("Civilians", iso, 7)
    return a1, a2
