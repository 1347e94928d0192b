"""Light syntax around an event word: its clause, its voice, who acted and who was acted on.

No parser: a clause runs between sentence punctuation, semicolons, dashes and a comma
or word that opens another clause ("..., but", "while", "which"); inside it, an active
verb's agent is the noun phrase before it and its patient the phrase after it (after
its preposition for verbs such as "fire on"); a passive verb swaps them and takes its
agent from a by-phrase; a noun ("the shelling of X", "an attack on Y", "a clash
between A and B") takes its patient from its preposition and its agent from "by".
"""

from __future__ import annotations

import re

__all__ = ["Span", "arguments", "clause_bounds", "voice_of"]

Span = tuple[int, int]

# A clause begins after these (the match's end); "as" and "after" open a clause of their own
# ("two killed as troops open fire").
_OPENS = re.compile(
    r"[.;:!?]\s|[;:]|\s[–—]\s|\s-\s|\(|\)|\n|"
    r",\s*(?:but|while|whereas|although|though|and then|which|who|whom|where|when|as|after|before|"
    r"because|since|killing|wounding|injuring|leaving|according to)\b|"
    r"\b(?:but|while|whereas|although|as|after|before|because|when)\s",
    re.IGNORECASE)
# Said-clauses: what follows the reporting verb is the reported clause.
_REPORTED = re.compile(r"\b(?:said|says|say|claimed|claims|reported|reports|stated|states|added|alleged|announced|"
                       r"accused \w+ of|told \w+)\s+(?:that\s+)?", re.IGNORECASE)
_BE = frozenset("was were is are be been being got get gets getting 's".split())
_HAVE = frozenset("has have had having 've 'd".split())
_SKIP = frozenset("reportedly allegedly also reportedly then later all both not never reportedly "
                  "just recently again jointly repeatedly mistakenly deliberately fatally seriously "
                  "critically badly severely".split())
# Words that begin a direct object: the verb before them is active ("killed nine civilians").
_OBJECT_START = re.compile(r"\s*(?:the|a|an|at least|some|several|many|dozens|hundreds|scores|his|her|their|its|"
                           r"our|two|three|four|five|six|seven|eight|nine|ten|\d|him|them|us|it|one|more than|"
                           r"over|up to|nearly|about|around|[A-Z][\w'’-]+)\b")
# Words after which a bare participle is a reduced passive ("soldiers killed in an ambush").
_AFTER_PASSIVE = re.compile(r"\s*(?:$|[,.;:!?()–—-]|(?:in|near|at|on|during|ahead|as|after|while|when|by|"
                            r"outside|inside|overnight|yesterday|today|last|this|following|amid|since|"
                            r"and (?:\w+ )?(?:wounded|injured|killed)|under)\b)")
_TIME_WORDS = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d|January|February|March|April|May|"
               r"June|July|August|September|October|November|December|the (?:night|morning|evening|eve|day))")
_ARG_END = re.compile(r",|\s(?:in|near|at|located|outside|around|inside|on (?=(?:Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday|\d|January|February|March|April|May|June|July|August|September|October|"
                      r"November|December))|during|killing|wounding|injuring|leaving|with|using|after|before|as|"
                      r"while|when|amid|since|following|reportedly)\b")
_DATE_LEAD = re.compile(r"^\s*(?:(?:on|in|around|about|between|since|early|late|last)\s+(?:[^,]|,\d){0,40},(?!\d)\s*)+",
                        re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^\s*(?:and|then|also|that|meanwhile|separately|reportedly)\s+", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> Span:
    """Offsets of the clause of ``text[start:end]``, within ``text[lo:hi]``.

    Examples
    --------
    >>> t = "Rebels shelled the town, while police arrested two men."
    >>> a, b = clause_bounds(t, 7, 14); t[a:b]
    'Rebels shelled the town'
    >>> a, b = clause_bounds(t, 38, 46); t[a:b]
    'police arrested two men'
    """
    hi = len(text) if hi is None else hi
    cs = lo
    for m in _OPENS.finditer(text, max(lo, start - 300), start):
        if m.end() <= start and not _in_gloss(text, m.start()):
            cs = m.end()
    after = next((m for m in _OPENS.finditer(text, end, min(hi, end + 300)) if not _in_gloss(text, m.start())), None)
    ce = after.start() if after else min(hi, end + 300)
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and (text[ce - 1].isspace() or text[ce - 1] in ".!?,"):
        ce -= 1
    return cs, ce


# A short gloss in brackets, with no comma or verb-like break inside: "(Sunday)", "(AFP)", "(Siberia)".
_GLOSS = re.compile(r"\([^(),;:.!?\n]{1,25}\)")


def _in_gloss(text: str, at: int) -> bool:
    """Whether the bracket at ``text[at]`` opens or closes a short gloss, which does not end its clause
    ("I was bombed on Monday and yesterday (Sunday) by aircraft": the by-phrase is the same clause's)."""
    if text[at] == "(":
        return bool(_GLOSS.match(text, at))
    if text[at] == ")":
        gloss = _GLOSS.match(text, text.rfind("(", max(0, at - 26), at)) if "(" in text[max(0, at - 26):at] else None
        return gloss is not None and gloss.end() == at + 1
    return False


def _words_before(text: str, lo: int, start: int, n: int = 3) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’]+", text[max(lo, start - 40):start])][-n:]


def voice_of(text: str, start: int, end: int, tag: str, clause: Span, *, transitive: bool = True) -> str:
    """``"active"``, ``"passive"`` or ``"nominal"`` for the event word ``text[start:end]``.

    ``tag`` is its Penn form (``VBN``, ``VBD``, ``VBZ``, ``VB``, ``VBG``, ``NN``, ``NNS``).

    Examples
    --------
    >>> t = "Four soldiers killed ahead of polls"
    >>> voice_of(t, 14, 20, "VBD", (0, len(t)))
    'passive'
    >>> t = "Militants killed nine civilians"
    >>> voice_of(t, 10, 16, "VBD", (0, len(t)))
    'active'
    """
    if tag in ("NN", "NNS"):
        return "nominal"
    before = [w for w in _words_before(text, clause[0], start, 4) if w not in _SKIP]
    if tag == "VBG":
        if before and before[-1] in _BE | {"were", "was", "kept", "started", "began", "continued", "been"}:
            return "active"
        if not before or before[-1] in {"the", "a", "an", "of", "heavy", "fierce", "renewed", "this", "that",
                                        "overnight", "intense", "sporadic", "deadly", "latest", "continued"}:
            return "nominal"
        return "active"
    if tag in ("VBN", "VBD"):
        if before and before[-1] in _BE:
            return "passive"
        if before and before[-1] in _HAVE:
            return "active"
        after = text[end:clause[1]]
        if re.match(r"\s+by\b", after):
            return "passive"
        if transitive and _AFTER_PASSIVE.match(after) and not _OBJECT_START.match(after):
            return "passive"
    return "active"


def _trim(text: str, a: int, b: int) -> Span | None:
    seg = text[a:b]
    m = _DATE_LEAD.match(seg)
    if m:
        a += m.end()
        seg = text[a:b]
    m = _LEAD_WORDS.match(seg)
    if m:
        a += m.end()
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ")’'"):
        b -= 1
    return (a, b) if b > a else None


def _before(text: str, clause: Span, start: int) -> Span | None:
    """The noun phrase before an event word: from the clause start (or the last reporting
    verb) to the word, less auxiliaries and adverbs."""
    a = clause[0]
    for m in _REPORTED.finditer(text, a, start):
        a = m.end()
    commas = [m.end() for m in re.finditer(r",(?!\d)", text[a:start])]  # "3,000 people" is one phrase
    if commas:
        a += commas[-1]
    b = start
    words = list(re.finditer(r"[\w'’]+", text[a:b]))
    while words and (words[-1].group(0).lower() in _BE | _HAVE | _SKIP | {"did", "had", "have", "has"}):
        b = a + words[-1].start()
        words.pop()
    return _trim(text, a, b)


_PREP_NEXT = re.compile(r"\s*(?:with|in|at|on|near|from|into|during|after|before|for|to|by|as|and|,|$)\b",
                        re.IGNORECASE)


def _after(text: str, clause: Span, end: int, preps: tuple[str, ...] = ()) -> Span | None:
    """The phrase after an event word (after one of ``preps`` when given), to the next
    locative, date or participle phrase."""
    a = end
    if preps and not _OBJECT_START.match(text, a, clause[1]):
        # "fired with small arms on the positions of ...": the target follows the preposition
        m = re.search(r"\b(?:" + "|".join(map(re.escape, preps)) + r")\s+(?!" + _TIME_WORDS + r")",
                      text[a:clause[1]])
        if not m:
            # "attacked soldiers at a checkpoint": no preposition follows, so the object does
            return None if _PREP_NEXT.match(text, a, clause[1]) else _after(text, clause, end)
        a += m.end()
    m = _ARG_END.search(text, a, clause[1])
    return _trim(text, a, m.start() if m else clause[1])


def arguments(text: str, start: int, end: int, voice: str, clause: Span,
              preps: tuple[str, ...] = ()) -> tuple[Span | None, Span | None]:
    """``(agent, patient)`` spans of an event word in its clause.

    Examples
    --------
    >>> t = "On 9 May 2020, militants killed nine civilians in Diffa"
    >>> ag, pa = arguments(t, 25, 31, "active", (0, len(t)))
    >>> t[ag[0]:ag[1]], t[pa[0]:pa[1]]
    ('militants', 'nine civilians')
    >>> t = "a militiaman was killed by a sniper near Horlivka"
    >>> ag, pa = arguments(t, 17, 23, "passive", (0, len(t)))
    >>> t[ag[0]:ag[1]], t[pa[0]:pa[1]]
    ('a sniper', 'a militiaman')
    """
    if voice == "passive":
        by = re.match(r"\s+by\s+", text[end:clause[1]])
        agent = _after(text, clause, end + by.end()) if by else None
        return agent, _before(text, clause, start)
    if voice == "nominal":
        m = re.match(r"\s+(?:of|on|against|upon|at|targeting)\s+", text[end:clause[1]])
        patient = _after(text, clause, end + m.end()) if m else None
        by = re.search(r"\b(?:by|between)\s+", text[end:clause[1]])
        agent = _after(text, clause, end + by.end()) if by else None
        return agent, patient
    patient = _after(text, clause, end, preps)
    return _before(text, clause, start), patient
