"""Deaths and injuries reported in one sentence, coded by ACLED's and UCDP's rules.

:func:`find_casualties` reads one sentence and returns a :class:`Casualties`:
ACLED's ``fatalities`` beside UCDP-style ``low``/``best``/``high`` estimates,
``injuries`` kept apart from deaths, and the character offsets of the phrases
it used. :func:`parse_number` reads one number written in digits or words.

A figure counts only when it is tied to a death or injury word (killed, dead,
died, deaths, death toll, lives, fatalities, bodies; injured, wounded, hurt,
injuries) in the same clause, so "280 km", "in 2020" and "a 44-day war" are
never casualties. "Casualties" alone counts neither as deaths nor as
injuries, since it mixes the two; "no casualties" is zero of both.

Coding rules
------------
ACLED codes the most conservative (lowest) reported figure, and 10 for
"tens", 12 for "dozens", 100 for "hundreds" and so on (ACLED's FAQ,
"How does ACLED code fatalities?"). From that we decide:

* A lower bound is the figure: "over 280" is 280, "at least five" is 5,
  "more than 20" is 20; it is also UCDP's ``low`` and ``best``.
* An upper bound ("up to 30", "as many as 30") is the only figure reported,
  so ``fatalities`` is 30 and ``high`` is 30; ``low`` and ``best`` stay
  ``None``. With another figure in the sentence ("at least 12 killed; up to
  30, according to medics") the lowest, 12, wins.
* A range ("between 10 and 15", "10 to 15", "10-15", "10 or 15") gives
  ``fatalities`` and ``low`` 10, ``high`` 15, and ``best`` ``None``: UCDP's
  best is the most likely figure, and a range names none, so we invent no
  midpoint.
* An exact or approximate figure ("5", "about 40") is ``low``, ``best`` and
  ``high`` at once.
* Vague quantities use :data:`VAGUE_COUNTS`: "several", "a few", "a number
  of", "many" are 3 (the smallest plural reading, our conservative choice);
  "tens" 10, "dozens" 12, "scores" 20 (one score, as ACLED takes one dozen),
  "hundreds" 100, "thousands" 1000. They set ``low`` but no ``best``.
  (ACLED's FAQ, as far as we could check it, fixes only tens, dozens and
  hundreds; older codebooks are remembered as coding "several"/"many" as 10.
  We keep the lower 3 until that is confirmed.)
* Conflicting figures of the same kind ("5 killed, according to X; 8
  according to Y") are alternative reports: ``fatalities`` is the lowest,
  ``low`` the lowest, ``high`` the highest, ``best`` ``None`` unless they agree.
* Figures listed together ("three soldiers and two civilians were killed")
  or marked as extra ("three more died", "another two") are added up.
* Subsets ("including two children", "three of them") are not counted again.
* "Killed" with no number near it leaves ``fatalities`` 0 and the estimates
  ``None``: the count is unknown and we do not guess.
* Injuries follow the same lowest-figure rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..text import TOKEN, digit_value, parse_number, read_number_at, word_value

from ._casualty_lexicon import (
    VAGUE_COUNTS,
    _ASIDES,
    _BOUNDARY,
    _CONJ,
    _D,
    _I,
    _LEFT,
    _LEFT_SKIP,
    _MONTHS,
    _OF_NOUNS,
    _PERSONS,
    _PERSON_MODIFIERS,
    _QUALIFIERS,
    _QUAL_BY_LAST,
    _REPORTING,
    _RIGHT,
    _RISE,
    _STOP_VERBS,
    _SUCCUMB,
    _TAKE_LIFE,
    _WOUNDS,
    _SUBSET_BEFORE,
    _SUBSET_OF,
    _UNITS,
    _VAGUE_BY_FIRST,
    _VICTIMS,
    _YEAR_CUES,
    _ZERO_BLOCK,
    _ZERO_WORDS,
)

__all__ = ["Casualties", "VAGUE_COUNTS", "find_casualties", "other_report", "parse_number"]



@dataclass(frozen=True, slots=True)
class Casualties:
    """Deaths and injuries reported in one sentence.

    Attributes
    ----------
    fatalities : int
        ACLED's rule: the lowest reported figure; 0 when none is reported.
    low, best, high : int or None
        UCDP-style estimates; ``None`` where the text gives no such figure.
    injuries : int or None
        The lowest reported number of injured; ``None`` when none is reported.
    evidence : tuple of (int, int)
        Character offsets of the phrases the figures come from, in text order.
    """

    fatalities: int = 0
    low: int | None = None
    best: int | None = None
    high: int | None = None
    injuries: int | None = None
    evidence: tuple[tuple[int, int], ...] = ()


_RANGE = re.compile(r"(\d+)\s?[-\u2013]\s?(\d+)")



_Est = tuple[int, int | None, int | None, int | None]


class _Phrase(NamedTuple):
    start: int          # token index of the first token (qualifier included)
    core: int           # token index where the number itself starts
    end: int            # token index after the phrase
    est: _Est           # value, low, best, high
    additive: bool


def _match(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i:i + len(phrase)]) == phrase


def _estimate(kind: str, lo: int, hi: int = 0) -> _Est:
    """(value for ACLED, low, best, high) of one figure; see the module docstring."""
    return {"range": (lo, lo, None, hi), "lower": (lo, lo, lo, None), "upper": (lo, None, None, lo),
            "vague": (lo, lo, None, None)}.get(kind, (lo, lo, lo, lo))


def _read_phrase(words: list[str], i: int) -> _Phrase | None:
    """A casualty figure starting at token ``i`` (vague, range, bounded or exact)."""
    n = len(words)
    for phrase, value in _VAGUE_BY_FIRST.get(words[i], ()):
        if _match(words, i, phrase) and not (phrase == ("many",) and i > 0 and words[i - 1] in ("as", "how", "so")):
            return _Phrase(i, i, i + len(phrase), _estimate("vague", value), False)
    w = words[i]
    if w in _PERSONS and (i == 0 or words[i - 1] in _BOUNDARY or (
            words[i - 1] in _PERSON_MODIFIERS and (i == 1 or words[i - 2] in _BOUNDARY))):
        # A headline's bare singular ("Militiaman killed by sniper", "Man dies under torture") is one.
        return _Phrase(i, i, i + 1, _estimate("exact", 1), False)
    if w == "the" and i > 0 and words[i - 1] in _LEFT and any(
            k < n and words[k] in _PERSONS for k in (i + 1, i + 2)):
        return _Phrase(i, i, i + 1, _estimate("exact", 1), False)   # "killing the driver"
    if w in ("his", "her") and i + 1 < n and words[i + 1] in _PERSONS:
        return _Phrase(i, i, i + 2, _estimate("exact", 1), False)   # "killed a commissioner and his driver"
    if w in ("a", "an"):
        # "a soldier was killed": the article counts one only before a person noun.
        for k in (i + 1, i + 2):
            if k < n and words[k] in _PERSONS:
                return _Phrase(i, i, i + 1, _estimate("exact", 1), False)
            if k < n and (not words[k][0].isalnum() or words[k] in _RIGHT or words[k] in _LEFT):
                break
    m = _RANGE.fullmatch(w)
    if m:
        lo, hi = sorted((int(m.group(1)), int(m.group(2))))
        return _Phrase(i, i, i + 1, _estimate("range", lo, hi), False)
    if w in ("between", "from"):                  # "between 10 and 15", "from 10 to 15"
        got = read_number_at(words, i + 1)
        joiner = "and" if w == "between" else "to"
        top = read_number_at(words, got[1] + 1) if got and got[1] < n and words[got[1]] == joiner else None
        if got is None or top is None:
            return None
        if w == "from" and i > 0 and words[i - 1] in _RISE:  # "the toll rose from 30 to 40": now 40
            return _Phrase(i, got[1] + 1, top[1], _estimate("exact", top[0]), False)
        lo, hi = sorted((got[0], top[0]))
        return _Phrase(i, i + 1, top[1], _estimate("range", lo, hi), False)
    got = read_number_at(words, i)
    if got is None:
        return None
    value, end = got
    if end + 1 < n and words[end] in ("to", "or") and words[end + 1] not in ("the", "a"):
        hi_got = read_number_at(words, end + 1)
        if hi_got and hi_got[0] > value:
            return _Phrase(i, i, hi_got[1], _estimate("range", value, hi_got[0]), False)
    additive = end < n and words[end] in ("more", "others", "other")   # "three more died"
    return _Phrase(i, i, end + additive, _estimate("exact", value), additive)


def _qualify(words: list[str], p: _Phrase) -> _Phrase:
    """Extend ``p`` leftwards over a qualifier ("at least") or an additive marker ("another")."""
    start, est, additive = p.start, p.est, p.additive
    for phrase, kind in _QUAL_BY_LAST.get(words[start - 1] if start else "", ()):
        k = start - len(phrase)
        if k >= 0 and _match(words, k, phrase):
            if est[1] == est[3] and est[1] is not None and kind != "approx":  # only exact figures take bounds
                est = _estimate(kind, est[0])
            start = k
            break
    if start > 0 and words[start - 1] in ("another", "further", "additional"):
        start, additive = start - 1, True
    return p._replace(start=start, est=est, additive=additive)


def _excluded(words: list[str], p: _Phrase) -> bool:
    """Figures that are no count of people: units, dates, years, subsets, "no one"."""
    n = len(words)
    after = words[p.end] if p.end < n else ""
    before = words[p.start - 1] if p.start > 0 else ""
    core = words[p.core]
    if after in _UNITS or after in _MONTHS:
        return True
    if before in _MONTHS and not (p.start > 1 and digit_value(words[p.start - 2]) is not None):
        return True  # "May 5" is a date, but in "5 May 12 soldiers" the 12 is a count
    if core.isdigit() and len(core) == 4 and 1800 <= int(core) <= 2199 and (before in _YEAR_CUES or before in _MONTHS):
        return True
    if before in _SUBSET_BEFORE or (p.start > 1 and words[p.start - 2] in _SUBSET_BEFORE):
        return True
    if after == "of" and p.end + 1 < n:
        nxt = words[p.end + 1]
        if (nxt in _SUBSET_OF and before not in _LEFT) or (
                nxt == "the" and p.end + 2 < n and words[p.end + 2] in _VICTIMS):
            return True     # "five died, three of them children"; but "killing three of them" counts
    return before == "no" and core == "one"


def _scan_left(words: list[str], p: _Phrase) -> tuple[str, int] | None:
    """The death/injury word governing ``p`` from the left: (kind, token index)."""
    k = p.start - 1
    for _ in range(5):
        if k < 0:
            return None
        w = words[k]
        if w in _LEFT:
            return _LEFT[w], k
        if w in _OF_NOUNS and words[k + 1] == "of":
            return _OF_NOUNS[w], k
        if w == "life" and words[k + 1] == "of" and _TAKE_LIFE.intersection(words[max(0, k - 2):k]):
            return _D, k
        if w == "toll":
            return _D, k
        if w not in _LEFT_SKIP:
            break
        k -= 1
    # "the toll from Saturday's strike rose to 40": "toll" further back, the figure after "to"/"at".
    if p.start > 0 and words[p.start - 1] in ("to", "at"):
        for k in range(p.start - 2, max(-1, p.start - 10), -1):
            if words[k] in _BOUNDARY or digit_value(words[k]) is not None:
                break
            if words[k] == "toll":
                return _D, k
    return None


def _opens_figure(words: list[str], k: int) -> bool:
    """Whether a figure starts at ``words[k]``: a number, a vague quantity, or a qualifier and a number."""
    if k >= len(words):
        return False
    if digit_value(words[k]) is not None or word_value(words[k]) is not None or any(
            _match(words, k, phrase) for phrase, _ in _VAGUE_BY_FIRST.get(words[k], ())):
        return True
    return any(_match(words, k, q) and _opens_figure(words, k + len(q)) for q, _ in _QUALIFIERS
               if q[0] == words[k])


def _scan_right(words: list[str], p: _Phrase) -> tuple[str, int] | int | None:
    """(kind, index) of the word ``p`` counts; or the index of a coordinated figure; or ``None``."""
    k, n = p.end, len(words)
    for _ in range(7):
        if k >= n:
            return None
        w = words[k]
        if w in _SUCCUMB and _WOUNDS.intersection(words[k + 1:k + 4]):
            return _D, k
        if w in _RIGHT:
            if w in _LEFT and _opens_figure(words, k + 1):
                return None  # "3 gunmen killed 5 villagers": the 5 are the dead, not the 3
            return _RIGHT[w], k
        if w in ("and", ",") and (nxt := k + 1 + (k + 1 < n and words[k + 1] in "'\"“")) < n and (
                _opens_figure(words, nxt) or words[nxt] in ("a", "an") and _read_phrase(words, nxt)):
            return nxt   # "17 soldiers and dozens of militants", "11 soldiers and 'around 40 fighters'"
        if w == "," and k + 1 < n and words[k + 1] in _ASIDES:
            # "Five people, including two children, were killed": step over the aside.
            close = next((j for j in range(k + 2, min(n, k + 10)) if words[j] == ","), None)
            if close is not None:
                k = close + 1
                continue
        if w in _BOUNDARY or w in _CONJ or w in _STOP_VERBS or w in _LEFT or digit_value(w) is not None:
            return None
        k += 1
    return None


def _zeros(words: list[str], used: set[int]) -> list[tuple[str, int, int]]:
    """Negated casualty phrases ("no casualties", "no one was hurt"): (kind, first, last token)."""
    out = []
    for i, w in enumerate(words):
        if w not in ("no", "nobody", "none", "not", "without"):
            continue
        if w in ("nobody", "none") or (w == "no" and i + 1 < len(words) and words[i + 1] == "one"):
            # "killed no one", "injured nobody": the verb may come first.
            k = i - 1
            if k >= 0 and words[k] in _ZERO_WORDS:
                out.append((_ZERO_WORDS[words[k]], k, i + (w == "no")))
                used.update(range(k, i + 2))
                continue
        for k in range(i + 1, min(len(words), i + 6)):
            x = words[k]
            if x in _ZERO_WORDS:
                out.append((_ZERO_WORDS[x], i, k))
                used.update(range(i, k + 1))
                break
            if x in _BOUNDARY or x in _ZERO_BLOCK or digit_value(x) is not None or (
                    word_value(x) is not None and not (x == "one" and k == i + 1)):
                break
    return out


def _add(a: _Est, b: _Est) -> _Est:
    def plus(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    return a[0] + b[0], plus(a[1], b[1]), plus(a[2], b[2]), plus(a[3], b[3])


def _combine(groups: list[_Est]) -> _Est:
    """Alternative reports of one toll: the lowest for ACLED, the spread for UCDP."""
    lows = [g[1] for g in groups if g[1] is not None]
    highs = [g[3] if g[3] is not None else g[0] for g in groups]
    bests = {g[2] for g in groups}
    return (min(g[0] for g in groups), min(lows) if lows else None,
            bests.pop() if len(bests) == 1 else None,
            max(highs) if any(g[3] is not None for g in groups) else None)


def find_casualties(sentence: str) -> Casualties:
    """Deaths and injuries reported in one sentence, coded by ACLED's lowest-figure rule.

    Parameters
    ----------
    sentence : str
        One sentence of reporting.

    Returns
    -------
    Casualties
        ``fatalities`` 0 and ``None`` estimates when no figure is tied to a death word.

    Raises
    ------
    TypeError
        If ``sentence`` is not a ``str``.

    Examples
    --------
    >>> c = find_casualties("The shelling killed three soldiers and wounded 12 civilians.")
    >>> c.fatalities, c.injuries
    (3, 12)
    >>> c = find_casualties("The death toll rose to at least 40, officials said.")
    >>> c.fatalities, c.low, c.best, c.high
    (40, 40, 40, None)
    >>> c = find_casualties("Between 10 and 15 people were killed near the 280 km road.")
    >>> c.fatalities, c.low, c.best, c.high, c.evidence
    (10, 10, None, 15, ((0, 36),))
    >>> c = find_casualties("5 killed, according to the army; 8 according to rebels.")
    >>> c.fatalities, c.low, c.best, c.high
    (5, 5, None, 8)
    >>> find_casualties("No one was hurt in the blast.")
    Casualties(fatalities=0, low=0, best=0, high=0, injuries=0, evidence=((0, 15),))
    """
    if not isinstance(sentence, str):
        raise TypeError(f"find_casualties() needs a str, got {type(sentence).__name__}")
    toks = list(TOKEN.finditer(sentence))
    words = [m.group().lower() for m in toks]
    used: set[int] = set()
    zeros = _zeros(words, used)
    phrases: list[_Phrase] = []
    i = 0
    while i < len(words):
        p = _read_phrase(words, i) if i not in used else None
        if p is None:
            i += 1
            continue
        p = _qualify(words, p)
        if not _excluded(words, p):
            phrases.append(p)
        i = max(p.end, i + 1)
    tied, joined = _tie(words, phrases)

    listed_with: dict[int, list[_Phrase]] = {}
    for m, t in joined.items():
        listed_with.setdefault(t, []).append(phrases[m])
    groups: dict[str, list[_Est]] = {_D: [], _I: []}
    spans: list[tuple[int, int]] = []
    for n in sorted(tied):
        p, (kind, word) = phrases[n], tied[n]
        listed = [p, *listed_with.get(n, ())]
        est = p.est
        for q in listed[1:]:
            est = _add(est, q.est)
        if p.additive and groups[kind]:
            groups[kind][-1] = _add(groups[kind][-1], est)
        else:
            groups[kind].append(est)
        spans += [(toks[min(q.start, word) if word >= 0 else q.start].start(), toks[max(q.end - 1, word)].end())
                  for q in listed]
    for kind, first, last in zeros:
        spans.append((toks[first].start(), toks[last].end()))
        for k in ((_D, _I) if kind == "both" else (kind,)):
            groups[k].append((0, 0, 0, 0))
        if kind == _I and not groups[_D]:
            groups[_D].append((0, 0, 0, 0))   # nobody hurt: nobody killed either
    deaths = _combine(groups[_D]) if groups[_D] else (0, None, None, None)
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):           # listed figures share their death word: one span
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return Casualties(*deaths, _combine(groups[_I])[0] if groups[_I] else None, tuple(merged))


def other_report(first: Casualties, other: Casualties) -> Casualties:
    """One toll reported twice ("killed 11, residents said; the army put the toll at seven"):
    the lowest for ACLED, the spread for UCDP's low and high.

    >>> other_report(find_casualties("rebels killed 11"), find_casualties("the army put the toll at seven")).fatalities
    7
    """
    if not (first.fatalities and other.fatalities):
        return first
    d = _combine([(first.fatalities, first.low, first.best, first.high), (other.fatalities, other.low, other.best,
                                                                         other.high)])
    return Casualties(*d, first.injuries, first.evidence)


def _tie(words: list[str], phrases: list[_Phrase]) -> tuple[dict[int, tuple[str, int]], dict[int, int]]:
    """Which figures count deaths or injuries: ({phrase: (kind, word index)}, {listed phrase: phrase})."""
    tied: dict[int, tuple[str, int]] = {}
    via_left: set[int] = set()
    coord: dict[int, int] = {}             # phrase -> the figure listed after it
    start_of = {**{p.start: n for n, p in enumerate(phrases)}, **{p.core: n for n, p in enumerate(phrases)}}
    end_of = {p.end: n for n, p in enumerate(phrases)}
    for n, p in enumerate(phrases):        # 1. tied to a death or injury word on either side
        left = _scan_left(words, p)
        if left is not None:
            tied[n] = left
            via_left.add(n)
            continue
        right = _scan_right(words, p)
        if isinstance(right, tuple):
            tied[n] = right
        elif isinstance(right, int) and right in start_of:
            coord[n] = start_of[right]
    joined: dict[int, int] = {}            # 2. listed figures join the total they are listed with
    for n in sorted(coord, reverse=True):  # "3 soldiers, 2 police and 4 civilians were killed"
        target = joined.get(coord[n], coord[n])
        if target in tied:
            joined[n] = target
    for n, p in enumerate(phrases):        # "killed 3 soldiers, 2 police and 4 civilians"
        k, seen_sep = p.start - 1, False
        while n not in tied and n not in joined and k >= max(0, p.start - 6):
            if seen_sep and k + 1 in end_of:
                prev = joined.get(end_of[k + 1], end_of[k + 1])
                # "killed 12 rebels and several others fled": a figure with a verb of its own is not listed
                if prev in via_left and not _STOP_VERBS.intersection(words[p.end:p.end + 3]):
                    joined[n] = prev
                break
            w = words[k]
            if w in ("and", ","):
                seen_sep = True
            elif not w[0].isalpha() or w in _RIGHT or w in _LEFT or w in _CONJ or w in _STOP_VERBS or (
                    w.endswith("ing") and len(w) > 5):   # "killing two men and burning several houses"
                break
            k -= 1
    last_kind = ""                         # 3. a bare figure opening a clause after a tied one is
    for n, p in enumerate(phrases):        # another source's ("...; 8 according to rebels")
        if n in tied:
            last_kind = tied[n][0]
            continue
        after = words[p.end] if p.end < len(words) else ""
        before = words[p.start - 1] if p.start > 0 else ""
        if last_kind and n not in joined and (not after or after in _BOUNDARY or after in _REPORTING) and (
                before in _BOUNDARY or before in _REPORTING or before in ("while", "whereas", "but", "or", "put")):
            tied[n] = (last_kind, -1)
    return tied, joined
