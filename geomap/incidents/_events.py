"""Event triggers and ACLED typing: which words make a clause an event, and of what type.

A :class:`Trigger` is a match of one lexicon entry in a text. The lexicon maps
words and phrases ("shootout", "shelled", "drone strike", "were abducted",
"protesting") to ACLED's event type and sub-event type; some entries are
weaker and need corroboration in their clause (a casualty figure, an armed
actor) before they count. :func:`find_triggers` also drops triggers in
statements that report no event: negated ("there is no military solution"),
hypothetical or future ("could erupt", "plans to"), and generic or habitual
("demonstrations are very often held").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterator

from ._clauses import arguments, clause_bounds, voice_of
from ._model import EVENT_TYPES

__all__ = ["DISORDER_OF", "Trigger", "find_triggers"]

# (pattern, event type, sub-event type, strength): strength 2 is an event on its own,
# 1 needs a casualty figure or an armed actor in the same clause.
_LEXICON: tuple[tuple[str, str, str, int], ...] = (
    # Explosions / remote violence, most specific first
    (r"suicide (?:bomb(?:er|ing|s)?|attack(?:er)?s?|car bomb(?:ing)?)", "Explosions/Remote violence", "Suicide bomb", 2),
    (r"(?:chemical (?:weapons? )?attack|gas attack|chlorine (?:gas )?attack|sarin)", "Explosions/Remote violence", "Chemical weapon", 2),
    (r"(?:drones? (?:strike|attack|hit|struck|targeted|dropped|attacked|slammed)s?|(?:aircraft|jets?|planes?) (?:bombed|struck|hit|attacked|targeted)|launched (?:[\w-]+ ){0,3}drones|(?:air|aerial) ?(?:strike|raid|attack|bombardment)s?|airstrikes?|bombed from the air|warplanes? (?:struck|bombed|hit)|(?:struck|hit) by (?:a |an )?(?:drone|warplane|airstrike)s?|helicopter gunships? (?:struck|attacked))",
     "Explosions/Remote violence", "Air/drone strike", 2),
    (r"(?:bombs? (?:[\w-]+ ){0,6}(?:exploded|detonated|went off|blew up)|(?:detonated|planted|set off) (?:a |an )?(?:[\w-]+ ){0,2}(?:bomb|explosives?|device)|magnetic bomb|roadside bomb|car bomb|(?:land ?)?mines? (?:blast|explosion)|landmine|(?:stepped|drove) (?:on|over) a (?:land ?)?mine|improvised explosive devices?|IEDs?|explosive devices?|bomb (?:blast|explosion)|(?:a |the )?bomb (?:went off|exploded|detonated)|booby[- ]trap)",
     "Explosions/Remote violence", "Remote explosive/landmine/IED", 2),
    (r"(?:hand )?grenades? (?:attack|was thrown|were thrown|exploded)|(?:threw|hurled|lobbed) (?:a )?(?:hand )?grenades?", "Explosions/Remote violence", "Grenade", 2),
    (r"(?:shell(?:ing|ed|s)|artillery|pounded|cluster munitions?|(?:struck|hit|targeted) (?:[\w-]+ ){0,3}with (?:missiles|rockets)|rockets? (?:fired )?(?:[\w-]+ ){0,4}(?:hit|struck|landed)|mortar (?:fire|rounds?|shells?|attacks?)|mortars?|rocket (?:fire|attacks?|strikes?)|rockets? (?:hit|struck|landed|were fired)|fired rockets|missile (?:strikes?|attacks?)|missiles? (?:hit|struck|slammed)|bombard(?:ed|ment))",
     "Explosions/Remote violence", "Shelling/artillery/missile attack", 2),
    # Battles
    (r"(?:recaptured|retook|regained control of|took back|liberated)", "Battles", "Government regains territory", 1),
    (r"(?:overran|seized control of|captured the (?:town|village|city|base)|took control of)", "Battles", "Non-state actor overtakes territory", 1),
    (r"(?:shoot-?outs?|gun ?fights?|firefights?|exchanges? of fire|exchanged fire|skirmish(?:es|ed)?|clash(?:es|ed)?|fighting|fought|battles?|gunfire|gun battles?|(?:opened fire|fired) on (?:\w+ ){0,2}(?:positions|troops|soldiers|forces|posts|units|patrols?)|killed (?:[\w-]+ ){0,2}(?:militants|insurgents|fighters|rebels|jihadists|gunmen|attackers)|ambush(?:ed|es)?|attacked (?:\w+ ){0,2}(?:positions|posts|checkpoints?|bases?|patrols?|convoys?))",
     "Battles", "Armed clash", 2),
    (r"(?:flare-? ?ups?|outbreaks?|escalations?|upsurges?) (?:in|of) (?:violence|fighting|hostilities)", "Battles", "Armed clash", 1),
    # Violence against civilians
    (r"(?:abduct(?:ed|ion|ions)|kidnapp?(?:ed|ing|ings)|forcibly disappeared|taken hostage|seized as hostages?)", "Violence against civilians", "Abduction/forced disappearance", 2),
    (r"(?:raped|rape|sexual(?:ly)? (?:violence|assault(?:ed)?))", "Violence against civilians", "Sexual violence", 2),
    (r"(?:massacred?|executed|beheaded|gunned down|shot dead|hacked to death|stabbed to death|burned alive|killed (?:[\w-]+ ){0,3}(?:civilians|villagers|residents|farmers|herders|fishermen|workers|miners|worshippers|passengers|children|women|students|teachers|journalists|traders|pilgrims|patients|displaced people|a girl|a boy|a child|a woman|a man|a civilian|a journalist|a farmer|a teacher|a student)|shot (?:and (?:killed|wounded|injured) )?(?:civilians|villagers|residents|farmers|herders|fishermen|workers|miners|worshippers|passengers|children|women|students|teachers|journalists|traders|pilgrims|patients|displaced people|a girl|a boy|a child|a woman|a man|a civilian|a journalist|a farmer|a teacher|a student)|attack(?:ed|s)? (?:on )?(?:[\w-]+ ){0,3}(?:villagers|civilians|residents|farmers|worshippers|passengers|villages?|camps?|sites?|neighbou?rhoods?|markets?|churche?s?|mosques?|schools?|hospitals?|buses))",
     "Violence against civilians", "Attack", 2),
    # "killed 12 people": an attack on civilians only when nothing else in the clause says battle or strike.
    (r"killed (?:[\w-]+ ){0,3}people", "Violence against civilians", "Attack", 1),
    # Riots
    (r"(?:lynched|beat (?:[\w-]+ ){0,8}to death|mob (?:violence|justice|attack(?:ed)?)|(?:a |an angry )?mob (?:attacked|beat|burned|torched|lynched|stormed))", "Riots", "Mob violence", 2),
    (r"(?:riot(?:s|ed|ing|ers)?|violent (?:protests?|demonstrations?)|stoned (?:the )?(?:police|security forces|officers|vehicles)|(?:threw|hurled) (?:stones|rocks|petrol bombs|molotov cocktails)|burning tyres|smashed (?:the )?windows|(?:protesters|demonstrators|rioters) (?:threw|hurled|torched|set fire|clashed|stormed|attacked|burned|looted))",
     "Riots", "Violent demonstration", 2),
    # Protests
    (r"(?:(?:fired|opened fire|shot) (?:[\w-]+ ){0,3}(?:on|at|into) (?:the |a )?(?:crowd of )?(?:protesters|demonstrators|crowds?|marchers|mourners))",
     "Protests", "Excessive force against protesters", 2),
    (r"(?:(?:tear ?gas|water cannons?|rubber bullets|batons) (?:to|was used|were used)|dispersed (?:the )?(?:protesters|demonstrators|protest|rally|crowd|march)|broke up (?:the |a )?(?:protest|rally|demonstration|sit-in))",
     "Protests", "Protest with intervention", 2),
    (r"(?:protest(?:s|ed|ing|ers)?|demonstrat(?:ion|ions|ed|ors)|rall(?:y|ies|ied)|sit-ins?|marched|(?:held|staged) (?:a |an )?(?:[\w-]+ ){0,2}(?:march|vigil)|took to the streets|gathered (?:in|outside|at|near|on) (?:[\w'’-]+ ){0,6}(?:to demand|to protest|against|demanding|calling for)|picket(?:ed|s)?|went on strike|hunger strike|strikers|walkouts?)",
     "Protests", "Peaceful protest", 2),
    # Strategic developments
    (r"(?:looted|looting|ransacked|vandali[sz]ed|torched|set fire to|burned down|(?:burned|destroyed|demolished) (?:[\w'’-]+ ){0,3}(?:houses|homes|huts|shops|property|buildings|bus|buses|vehicles|cars|trucks|stations?|markets?|offices|churches|schools))", "Strategic developments", "Looting/property destruction", 2),
    (r"(?:arrested|detained|arrests|detentions|rounded up|taken into custody)", "Strategic developments", "Arrests", 2),
    (r"(?:signed (?:\w+ ){0,3}(?:agreement|accord|deal|truce|ceasefire|cease-fire|treaty|memorandum)|agreed (?:on|to) (?:a |an )?(?:ceasefire|cease-fire|truce|deal|agreement|prisoner exchange)|reached [\"\u201c]?(?:a |an )?(?:\w+ ){0,2}(?:agreement|deal|understanding|accord|truce|ceasefire|cease-fire)|brokered (?:a |an )?(?:ceasefire|cease-fire|truce|deal)|(?:ceasefire|cease-fire|truce) (?:took effect|came into force|was agreed|was signed)|prisoner (?:exchange|swap))",
     "Strategic developments", "Agreement", 2),
    (r"(?:defused|dismantled (?:an? )?(?:bomb|IED|explosive)|intercepted (?:\w+ ){0,2}(?:drones?|missiles?|rockets?)|shot down (?:\w+ ){0,2}(?:drones?|missiles?))", "Strategic developments", "Disrupted weapons use", 2),
    (r"(?:withdrew|handed over|pulled out of|ceded|entered (?:[\w-]+ ){0,2}without a fight)", "Strategic developments", "Non-violent transfer of territory", 1),
    (r"(?:(?:set up|established|opened|built) (?:a |an |its |their |the )?(?:new )?(?:forward |military |permanent )?(?:base|headquarters|checkpoint|outpost|camp))", "Strategic developments", "Headquarters or base established", 2),
    (r"(?:deployed|deployment of|dispatched|sent) (?:\w+ ){0,4}(?:mission|peacekeepers|peacekeeping|troops|observers|monitors|contingent)",
     "Strategic developments", "Other", 2),
    # A blockade is often named long after it began ("the blockade has led to..."): an event
    # only where armed actors or casualties make it one; protesters blocking a road are a protest.
    (r"(?:blockade|blockaded|blocked the (?:road|highway|corridor))", "Strategic developments", "Other", 1),
)

#: ACLED's disorder type for each sub-event type.
DISORDER_OF: dict[str, str] = {}
for _etype, _subs in EVENT_TYPES.items():
    for _sub in _subs:
        DISORDER_OF[_sub] = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}.get(
            _etype, "Political violence")
DISORDER_OF["Violent demonstration"] = "Demonstrations"
DISORDER_OF["Excessive force against protesters"] = "Political violence; Demonstrations"

_ENTRIES = [(re.compile(r"\b" + p + r"\b", re.IGNORECASE), et, st, strength) for p, et, st, strength in _LEXICON]
_COMBINED = re.compile("|".join(f"(?P<t{i}>\\b(?:{p})\\b)" for i, (p, _, _, _) in enumerate(_LEXICON)), re.IGNORECASE)

# Every trigger contains one of these stems. Most sentences contain none, and a scan for
# literal stems is many times faster than the full trigger pattern, which then runs only
# where a stem occurs.
# Each entry is matched inside words, so short stems carry spaces ("| raid" is not "afraid",
# "| rape" not "grape"); "|" stands for a space. The text is scanned with a space before it.
_STEM_WORDS = frozenset(w.replace("|", " ") for w in """suicide chemical |gas chlorine sarin drone airstrike
air|strike air|raid air|attack air|bombard aerial |raid bomb warplane gunship struck|by hit|by |mine landmine
explosive |ied blast booby grenade threw hurled lobbed shell artillery mortar rocket missile recaptur retook regained
took|back took|control liberat overran seized captured shootout shoot-out gunfight gun|fight gun|battle firefight
of|fire exchanged|fire skirmish clash fighting fought battle gunfire opened|fire ambush attack flare-up flareup
flare|up outbreak escalat upsurge abduct kidnap disappeared hostage |rape raped sexual massacre execut lynch behead
gunned shot|dead shot|down hacked stabbed burned|alive burned|down burnt killed |mob mob| |riot violent protest
demonstr rally rallies rallied sit-in marched picket strike tear|gas teargas water|cannon rubber|bullet baton
dispersed broke|up loot ransack vandal torch set|fire destroy arrest detain detention rounded|up custody signed
agreed reached broker ceasefire cease-fire truce prisoner defus dismantl intercept withdrew handed|over pulled|out
ceded set|up establish deploy dispatch troops peacekeep mission observers monitors contingent blockade
blocked detonated planted magnetic targeted dropped launched aircraft jets planes pounded munition fired|on
beat stoned stones rocks tyres smashed gathered took|to|the|streets staged held opened built outpost
entered| shot| burned| demolished""".split())


def _stem_automaton() -> Any:
    import ahocorasick

    auto = ahocorasick.Automaton()
    for stem in _STEM_WORDS:
        auto.add_word(stem, len(stem))
    auto.make_automaton()
    return auto


# A multi-pattern scan (pyahocorasick) for the stems costs a fraction of one regex pass.
_STEMS = _stem_automaton()

# Words that make a statement no report of an event, looked for between the clause start and the trigger.
_NEGATION = re.compile(r"\b(?:no|not|never|without|neither|nor|denied|denies|deny|refused|n't)\b", re.IGNORECASE)
_IRREALIS = re.compile(
    r"\b(?:could|would|might|may|will|shall|should|must|plans? to|planned|planning|intends? to|threaten(?:s|ed)? to|"
    r"warn(?:s|ed)? (?:of|that|against)|fears? (?:of|that)|risk of|calls? (?:for|on)|called for|urged|"
    r"to prevent|in order to|aims? to|aimed at|ready to|prepared to|if|unless|next (?:week|month|year)|tomorrow|"
    r"upcoming|expected to|scheduled|would-be|possible|potential|attempts? to|trying to)\b",
    re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:often|usually|frequently|regularly|routinely|generally|typically|sometimes|commonly|"
                      r"every (?:year|week|month|day)|each year|tend to|are held|is held|periodic)\b", re.IGNORECASE)
# Trigger words used in a sense that is no event.
_NOT_EVENT_BEFORE = re.compile(r"\b(?:diplomatic|verbal|political|legal|media|cyber|information|trade|price|"
                                r"economic|propaganda|rhetorical|bidding|turf|court|election|electoral|fight against)\s+$",
                                re.IGNORECASE)
# A trigger named as a topic ("As for the demonstrations, ...") reports nothing.
_TOPIC_BEFORE = re.compile(r"\b(?:as for|as to|regarding|concerning|on the (?:issue|subject|question) of)\s+(?:the\s+)?$",
                           re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;:!?]|,\s*(?:but|while|whereas|although|and|which|who|as)\b|\bbut\b|\bwhile\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports an event.

    Attributes
    ----------
    start, end : int
        Offsets in the text given to :func:`find_triggers`.
    text : str
    event_type, sub_event_type, disorder_type : str
        ACLED's taxonomy.
    strength : int
        2 an event on its own, 1 an event only with corroboration in its clause.
    lemma : str
        The event word's dictionary form ("shell" for "shelled", "attack" for "attacks").
    voice : str
        ``"active"`` ("troops shelled X"), ``"passive"`` ("soldiers killed", "killed by a
        sniper") or ``"nominal"`` ("the shelling of X").
    clause : tuple of int
        Offsets of the trigger's clause.
    agent, patient : tuple of int or None
        Offsets of who acted (an active verb's subject, a passive's by-phrase) and of who
        or what was acted on, when the clause names them.
    """

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    disorder_type: str
    strength: int
    lemma: str = ""
    voice: str = "active"
    clause: tuple[int, int] = (0, 0)
    agent: tuple[int, int] | None = None
    patient: tuple[int, int] | None = None

    def shifted(self, offset: int) -> Trigger:
        """The same trigger with every offset moved by ``offset`` (from a sentence to its document).

        Examples
        --------
        >>> t = find_triggers("Rebels shelled Avdiivka.")[0]
        >>> t.shifted(100).start, t.shifted(100).clause, t.shifted(100).agent
        (107, (100, 123), (100, 106))
        """
        def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
            return None if span is None else (span[0] + offset, span[1] + offset)

        return replace(self, start=self.start + offset, end=self.end + offset,
                       clause=move(self.clause) or self.clause, agent=move(self.agent), patient=move(self.patient))


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches around stem hits where a trigger may match (no trigger starts over 50
    characters before its stem or ends over 80 after it), merged."""
    out: list[tuple[int, int]] = []
    lower = text.lower()
    if len(lower) != len(text):  # a few letters lower-case to two characters: keep offsets exact
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for end, length in _STEMS.iter(" " + lower):  # end is then the offset in text of the stem's last char + 1
        a, b = max(0, end - length - 50), min(len(text), end + 80)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _matches(text: str) -> Iterator[Trigger]:
    seen_end = -1
    for a, b in _windows(text):
        for m in _COMBINED.finditer(text, max(a, seen_end), b):
            seen_end = m.end()
            yield _trigger(m)


def _trigger(m: re.Match[str]) -> Trigger:
    idx = int(m.lastgroup[1:]) if m.lastgroup else 0
    _, et, st, strength = _LEXICON[idx]
    return Trigger(m.start(), m.end(), m.group(0), et, st, DISORDER_OF[st], strength)


def _clause_prefix(text: str, start: int) -> str:
    """The text from the start of the trigger's clause to the trigger."""
    window = text[max(0, start - 200):start]
    cut = 0
    for m in _CLAUSE_START.finditer(window):
        cut = m.end()
    return window[cut:]


def _clause_rest(text: str, end: int) -> str:
    """The text from the trigger to the end of its clause."""
    window = text[end:end + 200]
    m = _CLAUSE_START.search(window)
    return window[:m.start()] if m else window


def find_triggers(text: str) -> list[Trigger]:
    """Event triggers in a sentence or passage, without negated, hypothetical or generic ones.

    Parameters
    ----------
    text : str
        A sentence (or a passage; clauses are found within it).

    Returns
    -------
    list of Trigger
        In textual order.

    Examples
    --------
    >>> [(t.text, t.sub_event_type) for t in find_triggers("Armenian forces shelled positions near Tavush.")]
    [('shelled', 'Shelling/artillery/missile attack')]
    >>> find_triggers("There is no military solution, and protests are very often held in the capital.")
    []
    >>> [t.event_type for t in find_triggers("Activists have been protesting against the mine.")]
    ['Protests']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    out = []
    for trig in _matches(text):
        prefix = _clause_prefix(text, trig.start)
        if _NOT_EVENT_BEFORE.search(text[max(0, trig.start - 30):trig.start]) or \
                _TOPIC_BEFORE.search(text[max(0, trig.start - 40):trig.start]):
            continue
        if _NEGATION.search(prefix) or _IRREALIS.search(prefix) or _GENERIC.search(prefix):
            continue
        if _GENERIC.search(_clause_rest(text, trig.end)):
            continue  # "demonstrations ... are very often held": a habit, not an event
        out.append(_with_syntax(text, trig))
    return out


_IRREGULAR = {"shot": "shoot", "fought": "fight", "struck": "strike", "hit": "hit", "overran": "overrun",
              "retook": "retake", "took": "take", "threw": "throw", "hurled": "hurl", "beat": "beat",
              "broke": "break", "withdrew": "withdraw", "held": "hold", "built": "build", "sent": "send",
              "set": "set", "burnt": "burn"}
_NOUN_TRIGGERS = re.compile(r"(?:s|ion|ions|ment|ments|fire|strike|strikes|raid|raids|attack|attacks|clash|clashes|"
                            r"battle|battles|protest|protests|rally|rallies|riot|riots|blast|bomb|bombs|mortar|"
                            r"artillery|ambush|truce|ceasefire|deal)$")


def _with_syntax(text: str, trig: Trigger) -> Trigger:
    """The trigger with its lemma, voice, clause and arguments."""
    words = re.findall(r"[A-Za-z'-]+", trig.text)
    head = words[0].lower() if words else trig.text.lower()
    for w in words:  # the first word that looks verbal is the head ("drone strike" -> strike)
        if re.search(r"(?:ed|ing)$", w.lower()) or w.lower() in _IRREGULAR:
            head = w.lower()
            break
    else:
        head = words[-1].lower() if words else head
    if head in _IRREGULAR:
        lemma, tag = _IRREGULAR[head], "VBD"
    elif head.endswith("ed"):
        lemma, tag = re.sub(r"(?:ied)$", "y", re.sub(r"(?<=[^e])ed$|(?<=e)d$", "", head)), "VBD"
    elif head.endswith("ing"):
        lemma, tag = head[:-3], "VBG"
    else:
        lemma, tag = re.sub(r"(?:es|s)$", "", head) if _NOUN_TRIGGERS.search(head) else head, "NN"
    clause = clause_bounds(text, trig.start, trig.end)
    voice = voice_of(text, trig.start, trig.end, tag, clause)
    agent, patient = arguments(text, trig.start, trig.end, voice, clause, preps=("on", "at", "upon") if "fire" in trig.text.lower() else ())
    return replace(trig, lemma=lemma, voice=voice, clause=clause, agent=agent, patient=patient)
