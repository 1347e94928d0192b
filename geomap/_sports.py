"""Whether a story is a sports report, where a bare city's name mostly stands for its team.

"Mississippi State started the game against Louisville", "the Rockets swept
their series with Portland": in a game report, a town named on its own is a team,
and teams are named after big cities. The document's other cues (the dateline's
state, the home team's region) then point to the wrong namesake, a small town
near the venue, so the resolver leans to the largest namesake instead.
"""

from __future__ import annotations

import re

__all__ = ["sports_story"]

# Words of game reports; "season", "points" or "coach" alone occur elsewhere, three kinds do not.
_SPORTS_WORDS = re.compile(
    r"\b(points|rebounds|assists|innings?|touchdowns?|quarterback|playoffs?|coach|season|tournament|scored"
    r"|goals|NCAA|NBA|NFL|NHL|MLB|MLS|halftime|overtime|Final Four|striker|midfielder|pitcher|home run"
    r"|seeded|semifinals?|quarterfinals?|championship)\b", re.IGNORECASE)
_KINDS_NEEDED = 3


def sports_story(text: str) -> bool:
    """Whether a text uses at least three different words of game reports.

    Examples
    --------
    >>> sports_story("Paul scored 27 points as the Rockets won in overtime.")
    True
    >>> sports_story("The flu season peaked early; officials scored the risk as high.")
    False
    """
    kinds: set[str] = set()
    for m in _SPORTS_WORDS.finditer(text):
        kinds.add(m.group(1).lower().rstrip("s"))
        if len(kinds) >= _KINDS_NEEDED:
            return True
    return False
