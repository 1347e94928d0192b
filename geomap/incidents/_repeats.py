"""One incident per event: repeats and back-references merged into the first report.

A story names its event many times: "Militants attacked a train near Sibi on Tuesday. ...
At least 21 passengers died in the attack. ... Tuesday's attack marked an escalation."
ACLED codes one event. Two kinds of repeat are merged here:

* the same type, place and date anywhere in the text, or the same type and date within
  one sentence, or the same type and date where one report names only a country or a
  region above the provinces (or no place) within the other's country;
* a **back-reference**: an event noun with a definite determiner ("the attack", "this
  raid", "Tuesday's bombing", "his arrest") after an incident of a compatible type,
  in a sentence that gives no date of its own or gives that incident's date (or dates an
  incident reported without one: "Tuesday's attack"). It adds its toll to the incident it
  names (when higher) and its place when that had none, and is not an incident of its own.
"""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import replace
from typing import Any, Sequence

from ._model import Incident

__all__ = ["is_back_reference", "merge_repeats"]

# "the attack", "this raid", "the initial attack", "Tuesday's attack", "his arrest", "the bomb and gun attack"
_DEFINITE = re.compile(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|\w['’]s?)"
                       r"\s+(?:[\w-]+\s+){0,3}$")
_NEW_PATIENT = re.compile(r"\s+of\s+(?!(?:the|its|their|his|her|these|those|this)\b)", re.IGNORECASE)
_INDEFINITE_BETWEEN = re.compile(r"\b(?:an?|another|new|fresh|second|separate|further|more|other)\b", re.IGNORECASE)
# Event nouns general enough to name any violent event before them.
_GENERAL_NOUNS = frozenset("attack attacks assault raid incident violence bombing bombings blast blasts explosion "
                           "operation siege ambush killing killings massacre".split())
_ING_NOUNS = frozenset("fighting shelling shooting shootings kidnapping uprising".split())
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_TOLL_FIELDS = ("fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injuries")
_PLACE_FIELDS = ("country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "place_id", "geometry_wkb",
                 "geo_precision", "place_start", "place_end")


def is_back_reference(text: str, start: int, end: int) -> bool:
    """Whether the event noun at ``text[start:end]`` names an event already reported.

    Examples
    --------
    >>> t = "At least 21 passengers died in the attack."
    >>> is_back_reference(t, t.index("attack"), t.index("attack") + 6)
    True
    >>> t = "Gunmen launched an attack on a bus."
    >>> is_back_reference(t, t.index("attack"), t.index("attack") + 6)
    False
    """
    word = text[start:end].lower()
    if word.endswith(("ed", "ing")) and word not in _GENERAL_NOUNS and word not in _ING_NOUNS:
        return False  # a verb ("attacked", "attacking"), not an event noun
    if _NEW_PATIENT.match(text, end):
        return False  # "the arrest of five men", "the killing of 33 fighters": who was acted on is new
        # ("the kidnapping of the girls" names them again)
    m = _DEFINITE.search(text, max(0, start - 40), start)
    return m is not None and not _INDEFINITE_BETWEEN.search(m.group())


def _compatible(earlier: Incident, later: Incident) -> bool:
    if earlier.event_type == later.event_type:
        return True
    return (later.trigger.lower() in _GENERAL_NOUNS and earlier.event_type in _VIOLENT
            and later.event_type in _VIOLENT)


def merge_repeats(incidents: Sequence[Incident], text: str = "", dated: Sequence[bool] = ()) -> list[Incident]:
    """One incident for each event that the text reports more than once.

    Parameters
    ----------
    incidents : sequence of Incident
        In text order.
    text : str
        The document, to read each trigger's determiner; without it only exact repeats merge.
    dated : sequence of bool
        For each incident, whether its sentence gives a date of its own (a back-reference
        with another date is another event).

    Returns
    -------
    list of Incident
        Repeats (same type, place and date anywhere in the text, or the same type and date
        within one sentence) keep the report with the higher toll, then the more precise
        place; a back-reference is folded into the incident it names.

    Examples
    --------
    >>> import datetime as d
    >>> first = Incident(event_id="a", event_date=d.date(2025, 3, 11), time_precision=1,
    ...                  disorder_type="Political violence", event_type="Violence against civilians",
    ...                  sub_event_type="Attack", trigger="attacked", trigger_start=9)
    >>> text = "Militants attacked a train. At least 21 passengers died in the attack."
    >>> later = Incident(event_id="b", event_date=d.date(2025, 3, 12), time_precision=1,
    ...                  disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
    ...                  fatalities=21, trigger="attack", trigger_start=text.rindex("attack"))
    >>> [(i.event_id, i.fatalities) for i in merge_repeats([first, later], text, [False, False])]
    [('a', 21)]
    """
    kept: list[Incident] = []
    # Which kept incidents have each (event, place) and each (event, evidence start), in
    # order: one look-up per incident instead of a scan of all those kept so far.
    index: dict[tuple[Any, ...], list[int]] = {}

    def keys(inc: Incident) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        event = (inc.event_type, inc.sub_event_type, inc.event_date, inc.time_precision)
        return (*event, "place", inc.place_id), (*event, "evidence", inc.evidence_start)

    by_day: dict[tuple[Any, ...], list[int]] = {}  # kept incidents by (event type, date)
    kept_dated: list[bool] = []  # whether each kept incident's date was read in its text
    for n, inc in enumerate(incidents):
        own_date = dated[n] if n < len(dated) else False
        if kept and text and is_back_reference(text, inc.trigger_start, inc.trigger_end):
            k = next((i for i in range(len(kept) - 1, -1, -1) if _compatible(kept[i], inc) and (
                not own_date or not kept_dated[i] or kept[i].event_date == inc.event_date)), None)
            if k is not None:
                folded = _folded(kept[k], inc)
                if own_date and not kept_dated[k]:  # "Tuesday's attack" dates an attack reported undated
                    folded = replace(folded, event_date=inc.event_date, time_precision=inc.time_precision)
                    kept_dated[k] = True
                    by_day.setdefault((folded.event_type, folded.event_date), []).append(k)
                _replace(kept, index, keys, k, folded)
                continue
        found = [index[key][0] for key in keys(inc) if index.get(key)]
        if not found and inc.event_date is not None:
            found = [i for i in by_day.get((inc.event_type, inc.event_date), ()) if _vaguely_placed(kept[i], inc)][:1]
        if not found:
            for key in keys(inc):
                index.setdefault(key, []).append(len(kept))
            by_day.setdefault((inc.event_type, inc.event_date), []).append(len(kept))
            kept.append(inc)
            kept_dated.append(own_date)
            continue
        k = min(found)
        other = kept[k]
        winner, loser = (inc, other) if (inc.fatalities, -inc.geo_precision) > \
            (other.fatalities, -other.geo_precision) else (other, inc)
        if loser.latitude is not None and (winner.latitude is None or _vague(winner) and not _vague(loser)):
            winner = replace(winner, **{f: getattr(loser, f) for f in _PLACE_FIELDS})  # one's toll, the other's place
        _replace(kept, index, keys, k, winner)
    return kept


def _vaguely_placed(a: Incident, b: Incident) -> bool:
    """Whether one of two same-day reports of one event type gives only a country or a region
    above the provinces for its place (or none), within the other's country: "killed in a precision
    airstrike" (the Middle East) and "killed in an airstrike in Iraq's Anbar desert" are one strike."""
    return any(_vague(vague) and vague.iso in ("", other.iso) for vague, other in ((a, b), (b, a)))


def _vague(inc: Incident) -> bool:
    return inc.latitude is None or inc.geo_precision == 3 and not inc.admin1


def _folded(first: Incident, later: Incident) -> Incident:
    """The first report, with a later back-reference's higher toll and its place if the first had none."""
    out = first
    if later.fatalities > first.fatalities:
        out = replace(out, **{f: getattr(later, f) for f in _TOLL_FIELDS})
    if out.latitude is None and later.latitude is not None:
        out = replace(out, **{f: getattr(later, f) for f in _PLACE_FIELDS})
    return out


def _replace(kept: list[Incident], index: dict[tuple[Any, ...], list[int]], keys: Any, k: int,
             new: Incident) -> None:
    for key in keys(kept[k]):
        index[key].remove(k)
    for key in keys(new):
        insort(index.setdefault(key, []), k)
    kept[k] = new
