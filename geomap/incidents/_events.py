"""Event triggers and ACLED typing: which words make a clause an event, and of what type.

A :class:`Trigger` is an event word of the lexicon (``data/triggers.toml``, read by
:mod:`._lexicon`) found in a text in any of its forms and voices: "troops shell X",
"four soldiers killed", "killed by a sniper", "the shelling of X", "an attack on Y".
Its type is the lexicon entry's, changed by the entry's conditions on who was acted on
(armed actors, civilians, protesters), who acted, and the weapon the clause names
(artillery, aircraft or drones, explosives). Some words are weaker and need
corroboration in their clause (a casualty figure, an armed actor) before they count.

:func:`find_triggers` drops triggers in statements that report no event: negated
("did not attack"), hypothetical or future ("may attack", "threatened to attack",
"would strike"), and generic or habitual ("demonstrations are very often held"). A
month's name is never a modal verb or a march: "On 9 May 2020, militants killed ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ._clauses import arguments, clause_bounds, voice_of
from ._lexicon import Entry, Lexicon, lexicon
from ._model import EVENT_TYPES
from ._nonreports import reports_nothing

__all__ = ["DISORDER_OF", "Trigger", "find_triggers", "reports_event"]

#: ACLED's disorder type for each sub-event type.
DISORDER_OF: dict[str, str] = {}
for _etype, _subs in EVENT_TYPES.items():
    for _sub in _subs:
        DISORDER_OF[_sub] = {"Protests": "Demonstrations", "Strategic developments": "Strategic developments"}.get(
            _etype, "Political violence")
DISORDER_OF["Violent demonstration"] = "Demonstrations"
DISORDER_OF["Excessive force against protesters"] = "Political violence; Demonstrations"

# "to" before a verb's base form: an infinitive, which reports an event only after a verb of
# beginning or going on, or an attempt that ACLED codes ("began to shell", "attempted to assassinate").
_INFINITIVE = re.compile(r"\b([\w'’]+)\s+to\s+$")
_ASPECT = frozenset("began begin begins begun start started starts continue continued continues went proceeded "
                    "managed resumed resume attempted".split())
_MONTHS = frozenset({"march", "may"})
_COUNTED = re.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|all|both)\s+"
                      r"(?:[\w-]+\s+)?)\s*$")
# A clause that gives the cause or time of another: "burned houses after separatists killed a soldier"
_BACKGROUND = re.compile(r"\b(?:after|before|since|because|following|when)\s*$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+$")
_PREPOSITIONS = frozenset("in under during after before amid since following of on at by from with without "
                          "against into through despite".split())
_OBJECT_WORD = re.compile(r"\s+(?:the|a|an|his|her|their|its|at|in|on|near|by|with|from|to|and|as|after|during|"
                          r"ahead|while|when|\d)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w'-]+\s+)?$")
# "the army reported six soldiers killed": a toll reported, not a headline
_REPORTED_TOLL = re.compile(r"\b(?:reported|said|says|confirmed|put|counted|found|left)\s+[^,;]*$", re.IGNORECASE)
# "was killed in Idlib on Tuesday": a passive that says where, when or how reports the event itself
_SCENE_AFTER = re.compile(r"\s*(?:\w+ly\s+)?(?:in|near|at|on|outside|inside|during|when|while|after|along|"
                          r"overnight|yesterday|today|by|along|alongside|with|last|this|earlier|later|off|\d|"
                          r"\w+ times)\b",
                          re.IGNORECASE)
_AUX = frozenset("was were been being is are be got get gets".split())
# What makes a weak trigger count: a casualty word or an armed actor in its clause.
_CORROBORATION = re.compile(r"\b(?:killed|dead|died|deaths?|wounded|injured|casualt|soldiers?|troops|forces|"
                            r"militants?|rebels?|fighters?|servicem[ae]n|army|police)\b", re.IGNORECASE)
_PUNCT = str.maketrans({c: " " for c in "\n\t\r.,;:!?()[]{}\"“”‘’/|«»"})
_DETERMINERS = frozenset("a an the this that another its their his her our of deadly armed fresh new latest "
                         "heavy fierce renewed major large huge massive violent peaceful overnight".split())


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
        The lexicon's dictionary form of the event word ("shell" for "shelled").
    voice : str
        ``"active"`` ("troops shelled X"), ``"passive"`` ("soldiers killed", "killed by a
        sniper") or ``"nominal"`` ("the shelling of X").
    clause : tuple of int
        Offsets of the trigger's clause.
    agent, patient : tuple of int or None
        Offsets of who acted (an active verb's subject, a passive's by-phrase) and of who
        or what was acted on, when the clause names them.
    toll : bool
        A bare toll ("Nine soldiers were killed."): an event of its own only when no
        event is reported just before it, whose toll it then is.
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
    toll: bool = False

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


def _scan_text(text: str) -> str:
    """Lower case with punctuation as spaces, offsets kept: what the automaton reads."""
    lower = text.lower()
    if len(lower) != len(text):  # a few letters lower-case to two characters: keep offsets exact
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower.translate(_PUNCT)


def _hits(lex: Lexicon, text: str) -> list[tuple[int, int, tuple[tuple[int, str, str], ...]]]:
    """Whole-word matches of lexicon forms, longest first where they overlap."""
    scan = " " + _scan_text(text) + " "
    found = []
    for end, (length, entries) in lex.automaton.iter(scan):
        # ``end`` is the index in ``scan`` of the form's last character; in ``text`` it ends at ``end``.
        if scan[end + 1].isalnum() or scan[end + 1] in "-'":
            continue
        found.append((end - length, end, entries))
    found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, tuple[tuple[int, str, str], ...]]] = []
    for hit in found:
        if kept and hit[0] < kept[-1][1]:
            continue  # inside or across a longer form found first ("car bomb" in "suicide car bomb")
        kept.append(hit)
    return kept


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, past an article ("cleared a landmine" -> "cleared")."""
    m = re.search(r"([\w'-]+)[\s\"“]*(?:\b(?:an?|the)\s+)?$", text[max(0, start - 30):start], re.IGNORECASE)
    return m.group(1).lower() if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"[\s\"”]*([\w'-]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""


def _holds(lex: Lexicon, cond: dict[str, object], toll: bool, passive: bool, regions: dict[str, tuple[str, str]],
           seen: dict[tuple[str, str], bool]) -> bool:
    """Whether a condition holds; ``seen`` remembers each class looked up in each region."""
    form = cond.get("form")
    if form is not None and form != ("toll" if toll else "passive" if passive else ""):
        return False
    for key in ("target", "agent", "weapon", "scene"):
        name = cond.get(key)
        if name is None:
            continue
        region = "clause" if key in ("weapon", "scene") else key
        hit = seen.get((str(name), region))
        if hit is None:
            hit = seen[(str(name), region)] = _names_one(lex.classes[str(name)], *regions[region])
        if not hit:
            return False
    return True


# "a former rebel commander", "an ex-soldier", "supporters of the guerrilla movement": not one of the class.
_FORMER = re.compile(r"\b(?:(?:former|ex-|retired)\s*(?:[\w-]+\s+)?|(?:supporters?|sympathi[sz]ers?|families|relatives|"
                     r"wives|widows|mothers|victims) of (?:the )?(?:[\w()'’-]+\s+){0,4})$", re.IGNORECASE)


def _names_one(pattern: re.Pattern[str], text: str, left: str = "") -> bool:
    """Whether ``text`` names a member of a word class, not a former one or its supporters or kin
    (``left``, the words before ``text``, may say so: "supporters of the | guerrilla movement")."""
    whole = left + text
    return any(not _FORMER.search(whole, max(0, len(left) + m.start() - 60), len(left) + m.start())
               for m in pattern.finditer(text))


# Which word classes the recent texts hold: a sentence is asked once per class, not once per word.
_PRESENT: dict[tuple[str, str], bool] = {}


def _adjectival(text: str, start: int, end: int, clause: tuple[int, int]) -> bool:
    """A participle after an article ("the besieged town", "the wounded") or before its noun
    at the start of its clause ("Detained activist dies")."""
    if _ARTICLE_BEFORE.search(text, max(0, start - 8), start):
        return not re.match(r"\s+by\b", text[end:end + 5])
    return bool(not text[clause[0]:start].strip() and re.match(r"\s+[A-Za-z]+\b(?<!\bby)", text[end:end + 20])
                and not _OBJECT_WORD.match(text, end))


def _present(lex: Lexicon, name: str, text: str) -> bool:
    """Whether ``text`` holds a word of class ``name``."""
    key = (name, text)
    hit = _PRESENT.get(key)
    if hit is None:
        if len(_PRESENT) > 4096:
            _PRESENT.clear()
        hit = _PRESENT[key] = bool(lex.classes[name].search(text))
    return hit


def _typed(lex: Lexicon, entry: Entry, text: str, start: int, end: int, tags: set[str],
           lemma: str, target_text: str | None = None) -> Trigger | None:
    """The trigger of ``entry`` at ``text[start:end]``, with its conditions applied."""
    if entry.strength == 0 and target_text is None and not any(
            all(_present(lex, name, text) for name in names) for names in entry.needs):
        return None  # an entry that needs words this text lacks ("launched" without an offensive)
    before = _word_before(text, start)
    if _word_after(text, end) in entry.not_next or before in entry.not_prev:
        return None
    infinitive = _INFINITIVE.search(text, max(0, start - 40), start)
    if tags & {"VB", "VBP"} and not tags & {"VBD", "VBG", "VBZ"} and infinitive \
            and infinitive.group(1).lower() not in _ASPECT and entry.event_type != "Protests":
        # "went there to try to kill", "early to capture the vote": a purpose, not an event; but one
        # who acts "to protest" protests ("shunned work to protest")
        return None
    if tags <= {"VB", "VBP"} and _ARTICLE.search(text[max(0, start - 30):start]):
        return None  # "a powerful storm": a verb's base form inside a noun phrase is a noun
    if tags <= {"VBZ", "VB", "VBP"} and _COUNTED.search(text, max(0, start - 30), start):
        return None  # "three storms", "8,000 Egyptian pounds": a plural noun, not a verb
    if before in _DETERMINERS and tags & {"VB", "VBP", "VBZ", "VBG"} and "VBD" not in tags:
        if not tags & {"NN", "NNS"} and "VBG" not in tags:
            return None  # "a torch rally": a verb's form used as a noun the entry does not list
        tags = tags & {"NN", "NNS", "VBG"}  # "an attack on", "the shelling of"
    if tags & {"NN", "NNS"} and before in _PREPOSITIONS:
        tags = tags & {"NN", "NNS"}  # "under torture", "in clashes"
    tag = next((t for t in ("VBD", "VBG", "VBZ", "VB", "VBP", "NNS", "NN") if t in tags), "NN")
    clause = clause_bounds(text, start, end)
    if tags == {"VBD"} and _adjectival(text, start, end, clause):
        return None  # "Detained activist dies", "the wounded soldiers": a participle used as an adjective
    voice = voice_of(text, start, end, tag, clause, transitive=not (entry.preps or entry.intransitive))
    preps = () if lemma.rsplit(" ", 1)[-1] in entry.preps else entry.preps  # "fire on": the patient follows
    agent, patient = arguments(text, start, end, voice, clause, preps)
    toll = voice == "passive" and agent is None and not _SCENE_AFTER.match(text[end:end + 40]) and \
        (before in _AUX or bool(_REPORTED_TOLL.search(text, clause[0], start)))
    if target_text is not None:
        target = target_text
    elif patient is not None:
        target = text[patient[0]:patient[1]]
    elif voice == "passive":
        target = text[clause[0]:start]
    else:
        target = text[end:clause[1]]
    who = text[agent[0]:agent[1]] if agent is not None else (text[clause[0]:start] if voice == "active" else "")
    etype, sub, strength = entry.event_type, entry.sub_event_type, entry.strength
    who_from = agent[0] if agent is not None else clause[0]
    regions = {"target": (target, ""), "agent": (who, text[max(0, who_from - 60):who_from]),
               "clause": (text[clause[0]:clause[1]], "")}
    seen: dict[tuple[str, str], bool] = {}
    for cond in entry.when:
        if _holds(lex, cond, toll, voice == "passive", regions, seen):
            etype = str(cond.get("type", etype))
            sub = str(cond.get("sub", sub))
            strength = int(str(cond.get("strength", strength)))
            break
    if strength <= 0:
        return None
    return Trigger(start, end, text[start:end], etype, sub, DISORDER_OF[sub], strength, lemma, voice, clause,
                   agent, patient, toll and entry.casualty)


def _is_name(text: str, start: int, end: int) -> bool:
    """An event word written as a name: "May" and "March" capitalised are months; any other
    capitalised in running prose (a lower-case word before it in its sentence) is a name
    ("BP and Shell", "the Easter Vigil"). Headlines in capitals are read as words."""
    word = text[start:end]
    if not word[:1].isupper() or word.isupper():
        return False
    if word.lower() in _MONTHS:
        return True
    before = re.split(r"[.!?\n]\s", text[max(0, start - 200):start])[-1]
    return bool(re.search(r"\b[a-z]{3,}\b", before))


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
    >>> t = find_triggers("Four soldiers killed ahead of polls")[0]
    >>> t.lemma, t.voice, t.event_type
    ('kill', 'passive', 'Battles')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    lex = lexicon()
    found: list[_Found] = []
    for start, end, entries in _hits(lex, text):
        if _is_name(text, start, end):
            continue
        tags: dict[tuple[int, str], set[str]] = {}
        for index, tag, lemma in entries:
            tags.setdefault((index, lemma), set()).add(tag)
        best = _best(lex, text, start, end, tags)
        if best is not None and not reports_nothing(text, best[0]):
            found.append(best)
    return _without_tolls(lex, text, found)


# A trigger found, with its entry's casualty flag and what retyping it needs.
_Found = tuple[Trigger, bool, dict[tuple[int, str], set[str]]]


def _best(lex: Lexicon, text: str, start: int, end: int, tags: dict[tuple[int, str], set[str]],
          target: str | None = None) -> _Found | None:
    """The strongest reading of the words at ``text[start:end]`` among the entries that list them."""
    best: _Found | None = None
    for (index, lemma), entry_tags in tags.items():
        trig = _typed(lex, lex.entries[index], text, start, end, entry_tags, lemma, target)
        if trig is not None and (best is None or trig.strength > best[0].strength):
            best = (trig, lex.entries[index].casualty, tags)
    return best


def _without_tolls(lex: Lexicon, text: str, found: list[_Found]) -> list[Trigger]:
    """The triggers, less casualty words in a sentence that names another violent event:
    "killing two" after "rebels shelled the town" is the shelling's toll. The toll's victims
    then say whom that event struck ("killed 21 villagers in a raid": a raid on civilians),
    and the toll makes a weak event word count. Beside a strategic development only
    ("gunmen burned houses and killed three villagers") a killing stays an event."""
    from ..text import iter_sentences

    if not any(casualty for _, casualty, _ in found):
        return [t for t, _, _ in found]
    out = []
    for s, e in iter_sentences(text):
        here = [f for f in found if s <= f[0].start < e]
        events = [f for f in here if not f[1] and f[0].event_type != "Strategic developments"]
        if not any(f[1] for f in here):
            out += [t for t, _, _ in here]
            continue
        if not events:  # a killing beside a strategic development, unless it is its background
            background = len(here) > 1
            out += [t for t, casualty, _ in here if not (casualty and background and _BACKGROUND.search(
                text, max(0, t.clause[0] - 12), t.clause[0]))]
            continue
        out += [t for t, casualty, _ in here if not casualty and t.event_type == "Strategic developments"]
        victims = [t.patient for t, casualty, _ in here if casualty and t.patient is not None and t.voice != "passive"]
        for trig, _, tags in events:
            if trig.patient is None and victims:
                retyped = _best(lex, text, trig.start, trig.end, tags, text[victims[0][0]:victims[0][1]])
                trig = retyped[0] if retyped is not None else trig
            out.append(replace(trig, strength=2))  # a toll corroborates its event
    return sorted(out, key=lambda t: t.start)


def reports_event(text: str) -> bool:
    """Whether a sentence reports an event: a strong trigger, or a weak one with a casualty
    word or armed actor in its clause.

    Examples
    --------
    >>> reports_event("Police arrested two men in Kano."), reports_event("Police may arrest two men.")
    (True, False)
    """
    return any(t.strength >= 2 or _CORROBORATION.search(text, t.clause[0], t.clause[1] + 200)
               for t in find_triggers(text))
