"""A sentence that only reports a toll ("Death toll rises to 66", "184 died yesterday, including 65
children", "At least five civilians were killed") as an incident of its own.

:func:`geomap.incidents._events.find_triggers` leaves a bare toll out on purpose: after an event
sentence it is that event's toll ("ISWAP attacked a base in Monguno. Nine soldiers were killed.").
A headline or a note often gives nothing but the toll, though. :func:`toll_trigger` makes such a
sentence an incident when no event sentence comes right before it, with ACLED's lowest figure and
UCDP's low/best/high from :func:`._casualties.find_casualties`:

* the victims type it: armed men killed is a battle (Armed clash), anyone else an attack on
  civilians (Violence against civilians/Attack), ACLED's default when the perpetrator is unknown;
* a death from an accident, a disaster or a disease is no incident ("12 died in floods"), nor a death
  the sentence does not tie to violence ("killed", "slain", an armed actor, or a word such as attack,
  fighting, blast, shooting beside "died", "deaths" or "toll");
* a running total is no event ("The conflict has killed 120,000 people since 2011", "Hundreds have
  been killed over the past weeks"): ACLED codes events, not totals.

The trigger's strength is 1 (the incident's confidence is lower than an event word's).

Examples
--------
>>> t = "Death toll rises to 66 after market blast."
>>> toll_trigger(t, 0, len(t)) is None   # "blast" is an event word: find_triggers reads this one
False
>>> t = "At least five civilians were killed, residents said."
>>> trig = toll_trigger(t, 0, len(t)); trig.text, trig.event_type, trig.strength
('killed', 'Violence against civilians', 1)
>>> t = "Twelve people died when floods swept the valley."
>>> toll_trigger(t, 0, len(t)) is None
True
"""

from __future__ import annotations

import re

from ._casualties import find_casualties
from ._events import DISORDER_OF, Trigger
from ._lexicon import lexicon
from ._nonreports import running_total

__all__ = ["toll_trigger", "toll_triggers"]

_DEATH = re.compile(r"\b(?:killed|died|dead|death toll|toll|lives|perished|slain|deaths)\b", re.IGNORECASE)
# "The conflict has killed 120,000 people", "have been killed since the war began": a running total.
_WAR = re.compile(r"\b(?:war|conflict|uprising|insurgency|revolution|crisis|violence)\b", re.IGNORECASE)
_RUNNING = re.compile(r"\b(?:since|so far|to date|has killed|have killed|had killed|over the past|in the past|lasted|"
                      r"ended)\b", re.IGNORECASE)
# A running total whatever killed them: "have been killed since ...", "over the past weeks", "so far".
_TOTAL = re.compile(r"\b(?:ha(?:ve|s) been \w+ed\b[^.;]*\bsince|(?:in|over|during) the (?:last|past)\b|so far\b|"
                    r"to date\b|since the (?:beginning|start|launch|outbreak)\b)", re.IGNORECASE)
# Deaths from illness or drugs, which the lexicon's accident class does not name.
_HEALTH = re.compile(r"\b(?:coronavirus|covid|pandemic|epidemic|outbreak|infections?|cases|overdoses?|fentanyl|"
                     r"opioids?|"
                     r"cholera|ebola|measles|malaria|mpox|dengue|famine)\b", re.IGNORECASE)
# "killed"/"slain" say violence; "died", "deaths", "lives", "toll" need a word of violence beside them.
_VIOLENT_WORD = re.compile(r"\b(?:killed|slain)\b", re.IGNORECASE)
_VIOLENCE = re.compile(r"\b(?:attack|attacks|attacked|fighting|clash|clashes|strike|strikes|bomb|bombing|blast|"
                       r"explosion|"
                       r"shelling|shooting|shot|gunfire|raid|ambush|massacre|hijacking|mutiny|violence|unrest|riot|"
                       r"crackdown|war|offensive|assault|insurgents?)\b", re.IGNORECASE)


def toll_trigger(text: str, s: int, e: int) -> Trigger | None:
    """A trigger for the sentence ``text[s:e]`` when it reports a toll of violence and nothing else.

    The caller checks that the sentence has no event word and that the sentence before it
    reports no event (whose toll this would be).
    """
    sentence = text[s:e]
    if _DEATH.search(sentence) is None:
        return None  # cheap test first: most sentences name no death
    classes = lexicon().classes
    if classes["accident"].search(sentence) or _HEALTH.search(sentence) or _TOTAL.search(sentence) or \
            running_total(sentence) or (
            _WAR.search(sentence) and _RUNNING.search(sentence)):
        return None
    if not (_VIOLENT_WORD.search(sentence) or _VIOLENCE.search(sentence) or classes["armed"].search(sentence)):
        return None  # "184 died yesterday": of what, the sentence does not say
    cas = find_casualties(sentence)
    if not (cas.fatalities or cas.low) or not cas.evidence:
        return None
    a, b = cas.evidence[0]
    word = _DEATH.search(sentence, a, b + 1) or _DEATH.search(sentence)
    if word is None:  # pragma: no cover - find_casualties ties each figure to a death word
        return None
    victims = sentence[a:b]
    armed = classes["armed"].search(victims) and not classes["civilians"].search(victims)
    etype, sub = ("Battles", "Armed clash") if armed else ("Violence against civilians", "Attack")
    return Trigger(s + word.start(), s + word.end(), word.group(), etype, sub, DISORDER_OF[sub], 1, "kill",
                   "passive", (s, e), toll=True)


def toll_triggers(text: str, sentences: list[tuple[int, int]],
                  grouped: list[list[tuple[int, int, Trigger]]]) -> list[list[tuple[int, int, Trigger]]]:
    """``grouped`` (the clauses with triggers of each sentence) with a toll-only sentence made one
    clause of its own, unless the sentence before it reports an event.

    Examples
    --------
    >>> t = "Rebels attacked a base. Nine soldiers were killed. Later, 184 people were killed."
    >>> sents = [(0, 23), (24, 50), (51, len(t))]
    >>> out = toll_triggers(t, sents, [[(0, 23, None)], [], []])
    >>> [len(g) for g in out], out[2][0][2].text
    ([1, 0, 1], 'killed')
    """
    out = list(grouped)
    for k, (s, e) in enumerate(sentences):
        if out[k] or (k > 0 and grouped[k - 1]):
            continue
        trig = toll_trigger(text, s, e)
        if trig is not None:
            out[k] = [(s, e, trig)]
    return out
