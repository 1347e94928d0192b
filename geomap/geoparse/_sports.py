"""Whether a story is a sports report, where a bare city's name mostly stands for its team.

"Mississippi State started the game against Louisville", "the Rockets swept
their series with Portland": in a game report, a town named on its own is a team,
and teams are named after big cities. The document's other cues (the dateline's
state, the home team's region) then point to the wrong namesake, a small town
near the venue, so the resolver leans to the largest namesake instead.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["sports_story"]

# Words only game reports use, one kind per entry. Everyday words that sport also uses ("season",
# "coach", "overtime", "scored", "points", "tournament") do not count: a budget story has them all.
_SPORTS_WORDS = (
    ("rebound", "rebounds"), ("inning", "innings"), ("touchdown", "touchdowns"), ("quarterback",),
    ("playoff", "playoffs"), ("ncaa",), ("nba",), ("nfl",), ("nhl",), ("mlb",), ("mls",), ("halftime",),
    ("final four",), ("striker",), ("midfielder",), ("goalkeeper",), ("pitcher",), ("home run", "home runs"),
    ("semifinal", "semifinals"), ("quarterfinal", "quarterfinals"), ("layup",), ("free throw", "free throws"),
    ("3-pointer", "3-pointers"), ("hat trick",), ("penalty kick",), ("field goal",), ("homered",), ("slam dunk",),
)
_KINDS_NEEDED = 3


@lru_cache(maxsize=1)
def _words_automaton() -> Any:
    """Every form of every kind in one Aho-Corasick automaton, valued ``(kind, length)``: one pass per text."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for kind, forms in enumerate(_SPORTS_WORDS):
        for form in forms:
            automaton.add_word(form, (kind, len(form)))
    automaton.make_automaton()
    return automaton


def sports_story(text: str) -> bool:
    """Whether a text uses at least three different kinds of words only game reports use.

    Examples
    --------
    >>> sports_story("Paul hit a layup at halftime; the Rockets reach the playoffs.")
    True
    >>> sports_story("Lawmakers worked overtime in budget season; a coach firm scored a contract.")
    False
    """
    low = text.lower()
    kinds: set[int] = set()
    for last, (kind, length) in _words_automaton().iter(low):  # every occurrence of every form, in C
        if kind in kinds:
            continue
        at, end = last + 1 - length, last + 1
        if (at == 0 or not low[at - 1].isalnum()) and (end == len(low) or not low[end].isalnum()):  # whole words
            kinds.add(kind)
            if len(kinds) >= _KINDS_NEEDED:
                return True
    return False
