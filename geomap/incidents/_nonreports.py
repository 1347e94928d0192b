"""Mentions of an event that report none.

An event word is no report of an event when its clause negates it ("did not attack"),
makes it hypothetical, future or intended ("may attack", "threatened to attack", "hopes
we'll round up"), habitual ("protests are often held"), a topic ("as for the
demonstrations"), a question ("where are the killed journalists?") or a total over a
period ("1,250 have been killed in the last 15 months"). An event noun is none either
when it names a risk or an experience ("threats of violence", "subject to attacks"), a
trend ("ramped up attacks"), events in general ("regular attacks", "several recent
attacks") or a past event by its year ("the 2004 bombing"). Each is one pattern here,
tried on the words of the trigger's clause before (or around) it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ._events import Trigger

__all__ = ["past_year", "reports_nothing", "running_total"]

# Words that make a statement no report of an event, looked for between the clause start and
# the trigger. Modal verbs are matched in lower case only: "May" and "March" are months.
_NEGATION = re.compile(r"\b(?:[Nn]o|[Nn]ot|[Nn]ever|[Ww]ithout|[Nn]either|[Nn]or|[Dd]enied|[Dd]enies|[Dd]eny|"
                       r"[Rr]efused|[Ff]ailed to|n't)\b")
_MODAL = re.compile(r"\b(?:could|would|might|may|will|shall|should|must|can)\b|['’]ll\b")
_IRREALIS = re.compile(
    r"\b(?:plans? to|planned|planning|intends? to|threaten(?:s|ed|ing)?(?: \w+){0,2} to|vow(?:s|ed)?(?: \w+){0,2} to|"
    r"urg(?:e|es|ed|ing)|right (?:of|to)|prepar(?:e|es|ed|ing) (?:for|to|an?)|"
    r"warn(?:s|ed)? (?:of|that|against)|fears? (?:of|that)|risk of|calls? (?:for|on)|called (?:for|on)|urged|"
    r"to prevent|in order to|aims? to|aimed at|ready to|prepared to|if|unless|next (?:week|month|year)|tomorrow|"
    r"upcoming|expected to|scheduled|would-be|possible|potential|attempts? to|trying to|tried to|tr(?:y|ies) to|"
    r"order(?:s|ed|ing)? the|"
    r"expects?|expected|demand(?:s|ed)?|threats? of|accus(?:ed|es|e|ing) \w+(?: \w+)? of|rejected|"
    r"condemn(?:s|ed)? \w+(?: \w+)? for|"
    r"allegations? of|ban(?:s|ned)? on|charged with|convicted of|sentenced (?:to|for)|guilty of|trial (?:for|over)|"
    r"on charges of|suspected of|against any|claim(?:s|ed)? to have|hop(?:es?|ed|ing) (?:for|to|that))\b",
    re.IGNORECASE)
_GENERIC = re.compile(r"\b(?:often|usually|frequently|regularly|routinely|generally|typically|sometimes|commonly|"
                      r"every (?:year|week|month|day)|each year|tend to|are held|is held|periodic|traditionally|"
                      r"habitually)\b", re.IGNORECASE)
# A trigger named as a topic ("As for the demonstrations, ...") reports nothing.
_TOPIC_BEFORE = re.compile(r"\b(?:as for|as to|regarding|concerning|on the (?:issue|subject|question) of|"
                           r"(?:film|book|story|novel|documentary|report|play|song|study|lecture|exhibition|"
                           r"conference|debate|seminar) "
                           r"(?:about|on))\s+"
                           r"(?:(?:the|a|an)\s+)?$",
                           re.IGNORECASE)

_BACK_REFERENCE = re.compile(r"\b(?:after|since|before|following|ahead of)\s+(?:the|its|their|last|this)\s+"
                             r"(?:[\w'.-]+\s+){0,2}$", re.IGNORECASE)

# "had only returned fire", "attacked only army positions": a defence, not a report.
_HEDGE = re.compile(r"\bonly\s+(?:\w+\s+)?$|^\s+only\b", re.IGNORECASE)

# "Where are the examples of killed journalists?": the rest of the sentence is a question.
_SUBORDINATE = re.compile(r"\s*(?:when|whenever|once|if|as soon as)\b", re.IGNORECASE)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:when|whenever|once|if)\s+$", re.IGNORECASE)
_CUMULATIVE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_SINCE_YEAR = re.compile(r"\bsince (?:1[5-9]\d\d|20\d\d)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+ed)\b", re.IGNORECASE)
_ALMOST = re.compile(r"\b(?:almost|nearly|(?:un)?likely to(?: be| have(?: been)?)?)\s+$", re.IGNORECASE)
_QUESTION = re.compile(r"[^.!?\n]*\?")
# "1,250 terrorists have been killed in the last 15 months": a total over a period, not an event.
_PERIOD_TOTAL = re.compile(r"\b(?:in|over|during|within) the (?:last|past) (?:(?:\d[\d,]*|two|three|four|five|six|"
                           r"seven|eight|nine|ten|twelve|several|few|many) (?:days|weeks|months|years|decades)|"
                           r"year|decade|week|month)\b|"
                           r"\bsince the (?:beginning|start) of\b|\bso far this year\b", re.IGNORECASE)
# An event noun as what someone risks or undergoes, or as a trend.
_EXPOSURE = re.compile(r"\b(?:threats? of|subject(?:ed)? to|fac(?:e|es|ed|ing)|encounter(?:s|ed|ing)?|"
                       r"suffer(?:s|ed|ing)?(?: from)?|vulnerable to|at risk of|exposed to|victims? of|"
                       r"protect\w* (?:\w+ )?(?:from|against)|fle(?:e|es|d|eing)(?: from)?|"
                       r"ramp(?:s|ed|ing)? up|step(?:s|ped|ping)? up|intensif\w+|increas\w+ (?:in|of)?|escalation of|"
                       r"surge in|rise in|spike in|wave of|spate of|rash of|string of|number of|forms? of|kinds? of|"
                       r"cases of|investigat\w* into|reports? of|accounts? of|history of|mourning for|"
                       r"(?:risk|chance|danger) of(?: being)?)"
                       r"\s+(?:[\w'’-]+,?\s+){0,4}$", re.IGNORECASE)
# A verb after these is an event of its own: "residents fled as gunmen attacked".
_LINK = re.compile(r"\b(?:as|when|while|after|before|who|that|which|because|until|and)\b", re.IGNORECASE)
# "regular attacks", "several recent attacks": events in general, unless the clause gives their day.
_GENERAL = re.compile(r"\b(?:regular|frequent|repeated|daily|constant|recurr\w+|sporadic|occasional|several|"
                      r"numerous|many|such|recent|previous|past|future|further|more|other|similar)\s+"
                      r"(?:[\w-]+\s+)?$", re.IGNORECASE)
_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|overnight|today|"
                  r"last night)\b", re.IGNORECASE)
# "the 2004 bombing", "the 1860s battle": a past event named by its year.
_YEAR_BEFORE = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)s?\s+(?:[\w-]+\s+)?$")


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins (at most 200 characters back)."""
    lo = max(0, start - 200)
    cut = max(text.rfind(". ", lo, start), text.rfind("? ", lo, start), text.rfind("! ", lo, start),
              text.rfind("\n", lo, start))
    return cut + 1 if cut >= 0 else lo


def _named_in_passing(text: str, trig: Trigger) -> bool:
    """An event noun that names a risk, an experience, a trend, events in general or a past year's event
    (in any reading: "stepped up attacks" and "the Kabul attack" may read as verbs)."""
    window = text[max(trig.clause[0], trig.start - 60):trig.start]
    exposed = _EXPOSURE.search(window)
    if exposed and not _LINK.search(exposed.group()) or _YEAR_BEFORE.search(window):
        return True
    plural = trig.text.lower().endswith("s")
    return plural and bool(_GENERAL.search(window)) and not _DAY.search(text, trig.clause[0], trig.clause[1])


# The main verb's finite auxiliary right before a trigger ("... were reportedly killed"), and a
# relative pronoun before it whose clause holds words of its own.
_FINITE_AUX = re.compile(r"(?<!\bto )(?<!\bbe )\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?$",
                         re.IGNORECASE)
_NOT_FINITE = re.compile(r"\b(?:could|would|might|may|will|shall|should|must|can|not|never|to)\s+"
                         r"(?:have been|has been|had been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:who|that|which)\b", re.IGNORECASE)


def _without_relative(prefix: str) -> str:
    """The words before a trigger less a relative clause on its subject, whose own verbs do not
    make the main one unreal: "men who tried to flee were shot" reports a shooting; in "a plane
    that was seized" the trigger is the relative clause's own verb, and nothing is removed."""
    aux = _FINITE_AUX.search(prefix)
    if aux is None or _NOT_FINITE.search(prefix):
        return prefix
    pronouns = list(_RELATIVE.finditer(prefix, 0, aux.start()))
    if not pronouns or not prefix[pronouns[-1].end():aux.start()].strip():
        return prefix
    return prefix[:pronouns[-1].start()] + prefix[aux.start():]


def reports_nothing(text: str, trig: Trigger) -> bool:
    """Whether a trigger's mention reports no event: negated, hypothetical, generic, topical,
    asked, a risk or trend, a past event named by its year, or a toll summed over a period.

    Parameters
    ----------
    text : str
        The text the trigger's offsets refer to.
    trig : Trigger
        A trigger of :func:`geomap.incidents._events.find_triggers` before filtering.

    Returns
    -------
    bool

    Examples
    --------
    >>> from geomap.incidents._events import find_triggers
    >>> find_triggers("Where are the soldiers who fired on the crowd?")
    []
    >>> find_triggers("Farmers face threats of abduction on the road to market.")
    []
    """
    prefix = text[trig.clause[0]:trig.start]
    sentence = _sentence_start(text, trig.start)
    if _QUESTION.match(text, trig.end) or _PERIOD_TOTAL.search(text, sentence, trig.clause[1]):
        return True
    if _CUMULATIVE.search(prefix) and _SINCE.search(text, trig.end, trig.clause[1]) or \
            _SINCE_YEAR.search(text, sentence, trig.clause[1]) and _PERFECT.search(text, sentence, trig.clause[1]):
        return True  # "forces have arrested 2,400 people since February 1", "since 2011 ... have been": a running total
    if _ALMOST.search(text, max(0, trig.start - 30), trig.start):
        return True  # "was almost gunned down", "likely to be seized": it did not happen
    if _named_in_passing(text, trig):
        return True
    if _TOPIC_BEFORE.search(text[max(0, trig.start - 40):trig.start]):
        return True
    if trig.voice == "nominal" and _BACK_REFERENCE.search(text, max(0, trig.start - 40), trig.start):
        return True  # "a team sent after the September fighting": an event reported before, named in passing
    if _HEDGE.search(text[max(0, trig.start - 20):trig.start]) or _HEDGE.search(text[trig.end:trig.end + 6]):
        return True
    mood = _without_relative(prefix)
    if _NEGATION.search(mood) or _MODAL.search(mood) or _IRREALIS.search(mood) or _GENERIC.search(mood):
        return True
    subordinate = _SUBORDINATE.match(prefix) or _SUBORDINATE_BEFORE.search(text, max(0, trig.start - 12), trig.start)
    if subordinate and _GENERIC.search(text, max(sentence, trig.clause[0] - 100), trig.clause[0]):
        return True  # "rebels regularly escape to the hills when attacked": a habit
    # "demonstrations ... are very often held": a habit, not an event
    return bool(_GENERIC.search(text[trig.end:trig.clause[1]]))


# A year that dates the event: "in 2005", "during 1998", "by early 2003", "in the 1860s" (not
# "Diario 2001", "since 1990", "the law approved in 1996" further on).
_EVENT_YEAR = re.compile(r"\b(?:in|during|by|early|late|mid-?|of|from|to|until|till)\s*(?:the\s+)?"
                         r"(?:early\s+|late\s+|mid-?)?"
                         r"(1[5-9]\d\d|20\d\d)s?\b", re.IGNORECASE)


_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                    r"December)\b(?!,?\s+(?:1[5-9]|20)\d\d)")
_OTHER_VERB = re.compile(r"\b\w+ed\s+$")


def past_year(text: str, start: int, end: int, trig_start: int, trig_end: int, this_year: int | None) -> bool:
    """Whether the clause ``text[start:end]`` dates its event by a past year alone, near its trigger.

    Examples
    --------
    >>> t = "The leader was captured in 2005 and faces trial."
    >>> past_year(t, 0, len(t), 15, 23, 2024)
    True
    >>> t = "In 2019, the group killed 40 people in a string of raids in the north."
    >>> past_year(t, 0, len(t), t.index("killed"), t.index("killed") + 6, 2024)
    True
    >>> t = "Students protested against the amended law that the parliament approved in 1996."
    >>> past_year(t, 0, len(t), 9, 18, 2024)
    False
    """
    if _MONTH.search(text, start, end):
        return False  # "in mid-1994 ... captured Herat in September": the month dates the event
    for m in _EVENT_YEAR.finditer(text, start, end):
        if this_year is not None and int(m.group(1)) >= this_year:
            continue
        if _OTHER_VERB.search(text, max(start, m.start() - 20), m.start()) and not trig_end >= m.start() - 1:
            continue  # "the law approved in 1996": the year of another verb
        if trig_end <= m.start() <= trig_end + 50 or trig_start - 40 <= m.end() <= trig_start or m.start() <= start + 2:
            return True  # near the trigger, or opening its clause ("In 2024, the group killed ...")
    return False


def running_total(text: str) -> bool:
    """Whether a sentence sums casualties or events over a period rather than reporting one event:
    "have been killed since ...", "in the past three years", "since 2011 ... have".

    Examples
    --------
    >>> running_total("At least 900 people have been killed since the fighting began.")
    True
    >>> running_total("Nine soldiers were killed near Kidal on Monday.")
    False
    """
    return bool(_PERIOD_TOTAL.search(text) or _SINCE_YEAR.search(text) and _PERFECT.search(text)
                or re.search(r"\b(?:has|have)\s+(?:\w+ly\s+)?been\s+\w+ed\b[^.;]*\bsince\b", text, re.IGNORECASE))
