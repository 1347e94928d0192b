"""The actors of an incident in one sentence, named and coded the way ACLED does.

:func:`find_actors` finds every actor mention in a sentence, in text order;
:func:`primary_actors` picks ACLED's ``actor1`` (who acts) and ``actor2`` (the
target) around the incident's trigger word.

ACLED's inter codes: 1 state forces, 2 rebel groups, 3 political militias,
4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
forces. Our mapping:

* State forces (1): a demonym, a country name ("Azerbaijan's army") or a
  possessive pronoun ("its servicemen") with a force word. Names follow ACLED:
  "Military Forces of Armenia", "Police Forces of Kenya" (ACLED adds the
  regime's years, which one sentence cannot tell). Border guards and
  "security forces" count as military, gendarmes as police. Weapon and
  position words ("Armenian gunfire", "Azerbaijani positions") stand for the
  military of their owner and need one. Foreign state forces keep code 1:
  "Russian peacekeepers" are "Military Forces of Russia", as ACLED keeps a
  state's forces under code 1 wherever they act.
* Named groups: the data file ``geomap/incidents/data/named_actors.csv`` (read by
  :mod:`geomap.incidents._actor_lexicon`) gives each its ACLED name, inter code and
  home country, with aliases: rebel groups (2) such as al-Shabaab, JNIM, ISWAP, IS
  Sahel, SDF/QSD, HTS, PDF, Arakan Army; political militias (3) such as Hezbollah,
  Wazalendo, cartels and gangs; identity militias (4) such as Fano and CODECO;
  external forces (8): Wagner, UN, EU, OSCE, AU, CSTO and NATO missions; and state
  forces' own acronyms (FARDC, IDF, SAF). "UN peacekeepers" and "EU monitors" are
  named after the mission of the country (MONUSCO in Congo, EUMA in Armenia, EUMM
  in Georgia); bare "peacekeepers" with no owner or mission are "Peacekeeping
  Forces" (8). The codes are our reading of ACLED's practice: check them against
  ACLED's actor list before comparing.
* Generic groups: "rebels", "insurgents", "separatists" are "Rebels (X)" (2,
  our name: ACLED would name the group);
  "militants", "jihadists", "gunmen", "bandits", "militia" are ACLED's
  "Unidentified Armed Group (X)" (3), and so are "Russian-backed forces" (a
  proxy is no state's forces); an ethnic name with "militia" or "herdsmen" is
  "Fulani Ethnic Militia (X)" (4), a "communal militia" without one
  "Communal Militia (X)".
* "rioters", "mob" are "Rioters (X)" (5); "protesters", "demonstrators",
  "activists", "students", "workers on strike" are "Protesters (X)" (6);
  "civilians", "villagers", "residents", "farmers", "a journalist",
  "children" are "Civilians (X)" (7). X is the demonym's country when there is
  one, else ``context_country``; with neither the name has no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from ._actor_lexicon import (
    _AFTER_NAMED,
    _BY_SHORT,
    _ETHNIC,
    _GROUP_HEADS,
    _HEADS,
    _LOCATIVE,
    _MAX,
    _MODIFIERS,
    _NAMED,
    _NEEDS_OWNER,
    _ADJECTIVE_USE,
    _SHARED,
    _UN_MISSIONS,
    _Tok,
    _country_code,
    _country_name,
    _countries,
    _tokens,
)

__all__ = ["Actor", "find_actors", "primary_actors"]


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor mention.

    Attributes
    ----------
    name : str
        ACLED-style name ("Military Forces of Armenia", "Protesters (Kenya)").
    inter : int
        ACLED inter code, 1..8.
    iso2 : str
        The country the actor belongs to (a state's forces, a nation's civilians,
        a group's home country); ``""`` for international missions or when unknown.
    start, end : int
        Character offsets of the mention in the sentence.
    """

    name: str
    inter: int
    iso2: str = ""
    start: int = -1
    end: int = -1


_V = TypeVar("_V")


def _longest(table: dict[tuple[str, ...], _V], keys: list[str], i: int) -> tuple[int, _V] | None:
    """The longest phrase of ``table`` starting at ``keys[i]``: (its length, its value)."""
    for n in range(min(_MAX, len(keys) - i), 0, -1):
        hit = table.get(tuple(keys[i:i + n]))
        if hit is not None:
            return n, hit
    return None


def _name_ending_at(toks: list[_Tok], k: int, ctx: str) -> tuple[int, str] | None:
    """A country name or national demonym whose last token is ``k``: (first token, iso2)."""
    names = _countries()[1]
    for n in range(min(5, k + 1), 0, -1):
        phrase = tuple(t.key for t in toks[k - n + 1:k + 1])
        iso = names.get(phrase)
        if iso and toks[k - n + 1].text[:1].isupper():
            if len(phrase) == 1 and phrase[0] in _SHARED and ctx in _SHARED[phrase[0]]:
                iso = ctx
            return k - n + 1, iso
    return None


class _Hit(NamedTuple):
    first: int           # first token
    last: int            # last token
    kind: str            # a head category, or "named"
    owner: str           # iso2, "its" (resolved later), or ""
    fixed: tuple[str, int, str] | None = None


def _owners(toks: list[_Tok], s: int, ctx: str, taken: int) -> list[tuple[int, int, str]]:
    """Owners left of the head at ``s``: (first, last token, iso2 or "its"), in text order.

    Several for "Armenian and Azerbaijani forces"."""
    k = s - 1
    while k > taken and toks[k].key in _MODIFIERS and k >= s - 3:
        k -= 1
    if k <= taken:
        return []
    if toks[k].key in ("its", "their"):
        return [(k, k, "its")]
    out: list[tuple[int, int, str]] = []
    while k > taken:
        got = _name_ending_at(toks, k, ctx)
        if got is None or got[0] <= taken:
            break
        out.insert(0, (got[0], k, got[1]))
        k = got[0] - 1
        if k - 1 > taken and toks[k].key in ("and", ","):
            k -= 1
        else:
            break
    return out


def find_actors(sentence: str, *, context_country: str | None = None) -> list[Actor]:
    """Every actor mentioned in ``sentence``, in text order, named and coded as ACLED does.

    Parameters
    ----------
    sentence : str
        One sentence of reporting.
    context_country : str, optional
        ISO2 code or name of the country the report is about; names actors that the
        sentence gives no country ("police" → "Police Forces of Kenya").

    Returns
    -------
    list of Actor
        One per mention; the same actor may appear more than once.

    Raises
    ------
    TypeError
        If ``sentence`` is not a ``str``.
    geomap.errors.InputError
        If ``context_country`` is neither a two-letter code nor a known country name.

    Examples
    --------
    >>> [(a.name, a.inter) for a in find_actors("Armenian forces fired on Azerbaijani positions.")]
    [('Military Forces of Armenia', 1), ('Military Forces of Azerbaijan', 1)]
    >>> find_actors("Police dispersed protesters in Nairobi.", context_country="KE")[0]
    Actor(name='Police Forces of Kenya', inter=1, iso2='KE', start=0, end=6)
    >>> [a.name for a in find_actors("Azerbaijan said Armenian gunfire wounded one of its servicemen.")]
    ['Military Forces of Armenia', 'Military Forces of Azerbaijan']
    >>> [(a.name, a.inter) for a in find_actors("al-Shabaab militants attacked AU troops.")]
    [('Al Shabaab', 2), ('AU: African Union', 8)]
    """
    if not isinstance(sentence, str):
        raise TypeError(f"find_actors() needs a str, got {type(sentence).__name__}")
    ctx = _country_code(context_country) if context_country else ""
    toks = _tokens(sentence)
    keys = [t.key for t in toks]
    hits: list[_Hit] = []
    taken = -1                                      # last token already inside a hit
    i = 0
    while i < len(toks):
        named = _longest(_NAMED, keys, i)
        if named is not None and not (toks[i].text == "IS" and named[0] == 1 and not _is_group(keys, i)):
            n, fixed = named
            last = i + n - 1
            follow = _longest(_HEADS, keys, last + 1)
            if follow is not None and follow[1] in _GROUP_HEADS:
                last += follow[0]                   # "al-Shabaab militants", "ELN guerrillas"
            elif last + 1 < len(toks) and keys[last + 1] in _AFTER_NAMED:
                last += 1                           # "CSTO mission", "Wagner Group mercenaries"
            if (last + 3 < len(toks) and toks[last + 1].text == "(" and toks[last + 3].text == ")"
                    and _NAMED.get((keys[last + 2],)) == fixed):
                last += 3                           # "... Mission in Armenia (EUMA)"
            hits.append(_Hit(i, last, "named", "", fixed))
            taken = last
            i = last + 1
            continue
        head = _longest(_HEADS, keys, i)
        if head is None:
            i += 1
            continue
        n, kind = head
        last = i + n - 1
        if n == 1 and last + 1 < len(keys) and keys[last + 1] in _ADJECTIVE_USE.get(keys[i], ()):
            i += 1                                  # "no military solution", "a civilian mission"
            continue
        owners = _owners(toks, i, ctx, taken)
        if kind in ("armed", "identity") and owners == [] and i - 1 > taken and keys[i - 1] in _ETHNIC:
            hits.append(_Hit(i - 1, last, "ethnic", ctx))
        elif kind in ("military", "police") and owners == [] and (
                i - 1 > taken and keys[i - 1].endswith(("-backed", "-aligned", "-affiliated"))):
            hits.append(_Hit(i - 1, last, "armed", ctx))   # "Russian-backed forces" are no state's forces
        elif owners:
            for first, end, iso in owners[:-1]:
                hits.append(_Hit(first, end, kind, iso))
            hits.append(_Hit(owners[-1][0], last, kind, owners[-1][2]))
        elif kind in ("military", "police") and last + 2 < len(toks) and keys[last + 1] == "of" and (
                got := _name_starting_at(toks, last + 2, ctx)):
            hits.append(_Hit(i, got[0], kind, got[1]))       # "the armed forces of Azerbaijan"
            last = got[0]
        elif kind not in _NEEDS_OWNER:
            hits.append(_Hit(i, last, kind, ctx))
        taken = max(taken, last)
        i = last + 1
    subject = _subject(toks, hits, ctx)
    return [_actor(h, toks, ctx, subject, sentence) for h in hits]


def _is_group(keys: list[str], i: int) -> bool:
    """Upper-case "IS" is the group after "the"/"by"/"of"... or before "fighters"; else the verb in a headline."""
    return (i > 0 and keys[i - 1] in ("the", "by", "of", "from", "against", "with", "and")) or (
        i + 1 < len(keys) and (keys[i + 1] in _AFTER_NAMED or _HEADS.get((keys[i + 1],)) in _GROUP_HEADS))


def _name_starting_at(toks: list[_Tok], i: int, ctx: str) -> tuple[int, str] | None:
    """A country name or national demonym whose first token is ``i``: (last token, iso2)."""
    if not toks[i].text[:1].isupper():
        return None
    names = _countries()[1]
    for n in range(min(5, len(toks) - i), 0, -1):
        phrase = tuple(t.key for t in toks[i:i + n])
        iso = names.get(phrase)
        if iso:
            return i + n - 1, (ctx if n == 1 and phrase[0] in _SHARED and ctx in _SHARED[phrase[0]] else iso)
    return None


def _subject(toks: list[_Tok], hits: list[_Hit], ctx: str) -> str:
    """The country "its"/"their" points to: the first country named outside an actor, else the context."""
    inside = {k for h in hits for k in range(h.first, h.last + 1)}
    free: list[tuple[bool, str]] = []
    k = 0
    while k < len(toks):
        got = _name_starting_at(toks, k, ctx) if k not in inside else None
        if got is None:
            k += 1
            continue
        # "Azerbaijan said" is a subject; "in Armenia" only a place.
        free.append((k > 0 and toks[k - 1].key in _LOCATIVE, got[1]))
        k = got[0] + 1
    subjects = [iso for locative, iso in free if not locative] or [iso for _, iso in free]
    return subjects[0] if subjects else ctx


_NAMES_BY_KIND = {"military": ("Military Forces of {}", "Military Forces", 1),
                  "target": ("Military Forces of {}", "Military Forces", 1),
                  "weapon": ("Military Forces of {}", "Military Forces", 1),
                  "police": ("Police Forces of {}", "Police Forces", 1),
                  "rebels": ("Rebels ({})", "Rebels", 2),
                  "armed": ("Unidentified Armed Group ({})", "Unidentified Armed Group", 3),
                  "identity": ("Communal Militia ({})", "Communal Militia", 4),
                  "rioters": ("Rioters ({})", "Rioters", 5),
                  "protesters": ("Protesters ({})", "Protesters", 6),
                  "civilians": ("Civilians ({})", "Civilians", 7)}


# Country names that take "the" after "of" in ACLED's state-force names.
_TAKES_THE = re.compile(r"^(?:United |Democratic Republic|Central African Republic|Czech Republic|Dominican Republic|"
                        r"Republic of|Philippines$|Netherlands$|Gambia$|Bahamas$|Comoros$|Maldives$|Seychelles$)"
                        r"|Islands$")


def _actor(h: _Hit, toks: list[_Tok], ctx: str, subject: str, sentence: str) -> Actor:
    start, end = toks[h.first].start, toks[h.last].end
    if h.kind == "named":
        assert h.fixed is not None
        name, inter, iso = h.fixed
        if name == "@EU":                           # which EU mission depends on where
            where = ctx if ctx in ("AM", "GE") else subject
            name = _BY_SHORT["EUMA"] if where == "AM" or "Armenia" in sentence else (
                _BY_SHORT["EUMM"] if where == "GE" or "Georgia" in sentence else "EU: European Union")
        elif name == "@UN":
            name = _BY_SHORT[_UN_MISSIONS[ctx]] if ctx in _UN_MISSIONS else "UN: United Nations"
        elif name == "Islamic State" and (iso or ctx):
            name, iso = f"Islamic State ({_country_name(iso or ctx)})", iso or ctx
        return Actor(name, inter, iso, start, end)
    if h.kind == "ethnic":
        ethnic = toks[h.first].text.capitalize()
        label = f"{ethnic} Ethnic Militia"
        return Actor(f"{label} ({_country_name(h.owner)})" if h.owner else label, 4, h.owner, start, end)
    iso = subject if h.owner == "its" else h.owner
    if h.kind == "peacekeepers":
        if h.owner and iso:
            return Actor(f"Military Forces of {_country_name(iso)}", 1, iso, start, end)
        if ctx in _UN_MISSIONS:
            return Actor(_BY_SHORT[_UN_MISSIONS[ctx]], 8, "", start, end)
        return Actor("Peacekeeping Forces", 8, "", start, end)
    with_country, without, inter = _NAMES_BY_KIND[h.kind]
    name = _country_name(iso)
    if with_country.endswith(" of {}") and _TAKES_THE.search(name):
        name = "the " + name                     # "Military Forces of the United States"
    return Actor(with_country.format(name) if iso else without, inter, iso, start, end)


def primary_actors(actors: list[Actor], *, trigger_start: int, sentence: str = "",
                   agent: tuple[int, int] | None = None,
                   patient: tuple[int, int] | None = None) -> tuple[Actor | None, Actor | None]:
    """ACLED's ``actor1`` (who acts) and ``actor2`` (the target) around a trigger word.

    A heuristic over :func:`find_actors`' output, in this order:

    0. With the trigger's ``agent`` and ``patient`` spans (offsets in ``sentence``, from the
       clause reading of :class:`geomap.incidents._events.Trigger`), an actor inside the
       agent acts and one inside the patient is acted on, in either voice: "soldiers were
       killed by militants" and "militants killed soldiers" both give the militants. In
       reported speech the agent starts after the reporting verb, so the speaker ("A's
       ministry said B's units opened fire on A's positions") is not the actor.
    1. An actor whose mention holds the trigger ("Armenian *gunfire*") acts.
    2. With ``sentence`` given, an actor after "by" following the trigger acts
       ("soldiers were killed by militants", "killed in Israeli strikes"), and one after "on", "at" or
       "against" is the target ("gunfire on its positions").
    3. Otherwise ``actor1`` is the nearest actor before the trigger (two actors
       joined by "and" count in text order) and ``actor2`` the first actor after
       it with another name; with nothing after the trigger, the next actor
       before it; with nothing before, the first two after it ("clashes between
       Armenian and Azerbaijani forces").

    ACLED itself says actor1 and actor2 imply no direction; this order is ours.

    Examples
    --------
    >>> s = "Azerbaijan said Armenian gunfire on its positions wounded a soldier."
    >>> a1, a2 = primary_actors(find_actors(s), trigger_start=s.index("wounded"), sentence=s)
    >>> a1.name, a2.name
    ('Military Forces of Armenia', 'Military Forces of Azerbaijan')
    >>> s = "Two soldiers were killed by al-Shabaab fighters."
    >>> a1, a2 = primary_actors(find_actors(s, context_country="SO"), trigger_start=s.index("killed"), sentence=s)
    >>> a1.name, a2.name
    ('Al Shabaab', 'Military Forces of Somalia')
    >>> s = "Azerbaijan's ministry said Armenian units opened fire on Azerbaijani positions."
    >>> a1, a2 = primary_actors(find_actors(s), trigger_start=s.index("opened"), sentence=s,
    ...                         agent=(s.index("Armenian"), s.index(" opened")))
    >>> a1.name, a2.name
    ('Military Forces of Armenia', 'Military Forces of Azerbaijan')
    >>> primary_actors([], trigger_start=0)
    (None, None)
    """
    def other(pool: list[Actor], than: Actor) -> Actor | None:
        return next((a for a in pool if a.name != than.name), None)

    def marked(words: str) -> set[int]:
        pattern = re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)
        return {n for n, a in enumerate(actors) if sentence and pattern.search(sentence, max(0, a.start - 16), a.start)}

    before = [n for n, a in enumerate(actors) if a.end <= trigger_start]
    after = [n for n, a in enumerate(actors) if a.start > trigger_start]
    on, by = marked("on|at|against|targeting|toward|towards"), marked("by|in")
    holding = [a for n, a in enumerate(actors) if a.start <= trigger_start < a.end and n not in on]
    inside = {name: [n for n, a in enumerate(actors) if span and span[0] <= a.start and a.end <= span[1]]
              for name, span in (("agent", agent), ("patient", patient))}
    doing = [actors[n] for n in inside["agent"] if n not in on]
    if doing and not holding:
        actor1 = doing[0]
        acted_on = [actors[n] for n in inside["patient"]]
        return actor1, other([*acted_on, *(actors[n] for n in sorted(on)), *(actors[n] for n in after),
                              *(actors[n] for n in reversed(before))], actor1)
    if inside["patient"] and not holding:
        on = on | set(inside["patient"])       # the patient is no actor1, whatever precedes it
    targets = [actors[n] for n in sorted(on)]
    agents = [actors[n] for n in after if n in by]
    if holding or agents:
        actor1 = (holding or agents)[0]
        return actor1, other([*targets, *(actors[n] for n in reversed(before)), *(actors[n] for n in after)], actor1)
    doers = [actors[n] for n in before if n not in on] or [actors[n] for n in before if not inside["patient"]]
    if doers:
        actor1 = doers[-1]
        if len(doers) > 1 and 0 <= actor1.start - doers[-2].end <= 5:
            actor1 = doers[-2]            # "Armenian and Azerbaijani forces": text order
        return actor1, other([*targets, *(actors[n] for n in after), *(actors[n] for n in reversed(before))], actor1)
    free = [n for n in after if n not in on]
    if free:
        first = actors[free[0]]
        return first, other([*(actors[n] for n in sorted(on)), *(actors[n] for n in after[1:])], first)
    if after or inside["patient"]:   # only targets ("Two soldiers killed"): who acted is not said
        return None, actors[(inside["patient"] or after)[0]]
    return None, None
