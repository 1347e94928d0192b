"""What a run of capitalised words holds on its own: its gazetteer hits and its possible demonyms.

Recognition (:mod:`geomap.geoparse._recognize`) folds each run of capitalised
words, matches it against the name automaton, drops the hits that the run's own
characters rule out (a hit starting in lower case, one spanning two sentences)
and splits it into words to look for demonyms. None of that reads the text
around the run, so :class:`RunPlans` does it once per distinct run and keeps the
answer: news repeats its runs ("The", "U.S.", "Trump", "New York"); about half
the runs of a GeoWebNews story already occur earlier in the corpus. What needs
the run's context (datelines, speakers, first names, words also written in lower
case) is left to recognition, for each occurrence.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from gazetteer.demonyms import demonyms as _load_demonyms

from . import _context_rules as rules
from ._fold import _fold

__all__ = ["Hit", "RunPlan", "RunPlans"]

_TOKEN = re.compile(r"[^\W_](?:[\w'’]|\.(?=\w))*\.?")
# A full word, a full stop and a space inside one match: it spans two sentences.
_SENTENCE_INSIDE = re.compile(r"[a-z]{3,}\. ")


class Hit(NamedTuple):
    """A gazetteer name found in a run, with what its own characters say; offsets are the run's."""

    start: int
    end: int
    key: str
    #: The automaton's flags of the name (main name, alias, abbreviation).
    flags: int
    surface: str
    n_letters: int
    #: Every letter is a capital ("UAE", "MANILA").
    upper: bool
    followed_by_dot: bool
    #: Written with dots ("U.S", "N.B."): the dot after it belongs to it.
    dotted: bool
    #: A press abbreviation written in lower case ("Calif", "Ont"): one when its dot or a dateline says so.
    may_abbreviate: bool


class RunPlan(NamedTuple):
    """A run's hits, longest first and then leftmost, and its words if one of them may be a demonym."""

    hits: tuple[Hit, ...]
    #: ``(start, end, word)`` of every word of the run; empty when no word can start a demonym.
    tokens: tuple[tuple[int, int, str], ...]


class RunPlans:
    """The plans of runs, computed once per distinct run against one name automaton.

    Parameters
    ----------
    automaton : ahocorasick.Automaton
        Space-framed name keys with their flags and framed length
        (:mod:`geomap.geoparse._automaton`).
    size : int, default 50_000
        Runs kept; the memo starts afresh when full, so memory stays bounded on any stream.

    Examples
    --------
    >>> from geomap.geoparse._geoparse import default_gazetteer
    >>> from geomap.geoparse._automaton import _automaton
    >>> plans = RunPlans(_automaton(default_gazetteer()))
    >>> [(h.surface, h.start, h.end) for h in plans("Rio de Janeiro").hits][:2]
    [('Rio de Janeiro', 0, 14), ('Rio', 0, 3)]
    >>> [w for _, _, w in plans("Armenian Defence Ministry").tokens]
    ['Armenian', 'Defence', 'Ministry']
    >>> plans("The").tokens
    ()
    """

    def __init__(self, automaton: Any, size: int = 50_000) -> None:
        self._automaton = automaton
        self._size = size
        self._memo: dict[str, RunPlan] = {}
        # A demonym of two words ("South Korean") starts with one of these words too.
        self._demonym_starts = frozenset(k.split(" ", 1)[0] for k in _load_demonyms())

    def __call__(self, run: str) -> RunPlan:
        plan = self._memo.get(run)
        if plan is None:
            if len(self._memo) >= self._size:
                self._memo.clear()
            plan = self._memo[run] = RunPlan(self._hits(run), self._tokens(run))
        return plan

    def _hits(self, run: str) -> tuple[Hit, ...]:
        folded, pos = _fold(run)
        found: list[tuple[int, int, str, int]] = []
        for end, value in self._automaton.iter(f" {folded} "):
            length = value >> 3
            fs = end - length + 1  # index in ``folded`` of the key's first character
            fe = fs + length - 2
            if pos is None:
                rs, re_ = fs, fe
            else:
                rs, re_ = pos[fs], pos[fe - 1] + 1
            found.append((rs, re_, folded[fs:fe], value & 7))
        found.sort(key=lambda h: (h[0] - h[1], h[0]))
        hits = (_hit(run, *h) for h in found)
        return tuple(h for h in hits if h is not None)

    def _tokens(self, run: str) -> tuple[tuple[int, int, str], ...]:
        tokens = tuple((t.start(), t.end(), t.group()) for t in _TOKEN.finditer(run))
        starts = self._demonym_starts
        return tokens if any(_bare(w).lower() in starts for _, _, w in tokens) else ()


def _bare(word: str) -> str:
    """A word without its final dots and possessive ("Britain's" -> "Britain")."""
    bare = word.rstrip(".")
    return bare[:-2] if bare.endswith(("'s", "’s")) else bare


def _hit(run: str, rs: int, re_: int, key: str, flags: int) -> Hit | None:
    """A hit with what its characters say, or ``None`` where they alone rule it out."""
    surface = run[rs:re_]
    if not surface[0].isupper():
        return None
    last = surface.replace("-", " ").rsplit(" ", 1)[-1]
    if not last[:1].isupper() and last not in rules.TRAILING_WORDS:
        return None
    if _SENTENCE_INSIDE.search(surface):
        return None  # "Washington. D.C. officials": two sentences, not "Washington D.C."
    letters = [c for c in surface if c.isalpha()]
    upper = all(c.isupper() for c in letters)
    followed_by_dot = re_ < len(run) and run[re_] == "."
    # Only a last word with dots ("N.B", "U.S") takes the dot after it: "U.S. Virgin Islands."
    # ends a sentence.
    dotted = "." in last or (followed_by_dot and upper and len(letters) <= 4 and re_ >= 2 and run[re_ - 2] == ".")
    may_abbreviate = not upper and key in rules.press_abbreviations() and key not in rules.TITLES
    return Hit(rs, re_, key, flags, surface, len(letters), upper, followed_by_dot, dotted, may_abbreviate)
