"""Lists of places in running text: "Mexico, China, Japan and Brazil".

A comma between two names may write a container ("Moscow, Idaho") or separate
items of a list; the resolver asks here which, and what kind of place a list holds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from gazetteer import Kind

from ._containment import holds, written_as_container

if TYPE_CHECKING:
    from gazetteer import Candidate

    from ._mention import Mention

__all__ = ["in_list", "introduced_kinds", "list_kind"]

# ", ", "; ", " and ", ", or ": what stands between two items of a list. Longer gaps are no
# list separators, and are not matched at all (a regular expression over a long run of
# spaces would cost time quadratic in its length).
_LIST_GAP = re.compile(r"\s*(?:[,;]|,?\s*\b(?:and|or)\b)\s*")
_LIST_GAP_MAX = 12
# How far back a list is followed to find what introduces it.
_LIST_REACH = 20
# Areas a list may name, and how many of a name's first readings say what it can be.
_LISTED_AREA_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2})
_LEADING = 3
# "states such as California or Washington", "countries including Georgia and Armenia".
_INTRODUCED = re.compile(
    r"\b(states|provinces|countries|nations|cities|towns|villages|counties)\s*,?\s+"
    r"(?:such\s+as|like|including|notably|especially)\s+(?:the\s+)?$", re.IGNORECASE)
_INTRODUCED_KINDS = {"states": Kind.ADMIN1, "provinces": Kind.ADMIN1, "countries": Kind.COUNTRY,
                     "nations": Kind.COUNTRY, "cities": Kind.POPULATED_PLACE, "towns": Kind.POPULATED_PLACE,
                     "villages": Kind.POPULATED_PLACE, "counties": Kind.ADMIN2}


def _separates(text: str, a: Mention, b: Mention) -> bool:
    """Whether the text between mentions ``a`` and ``b`` separates two items of a list."""
    return b.start - a.end <= _LIST_GAP_MAX and _LIST_GAP.fullmatch(text, a.end, b.start) is not None


def in_list(text: str, mentions: Sequence[Mention], cands: Sequence[Sequence[Candidate]], i: int) -> bool:
    """Whether "X, Y" at mention ``i`` is two items of a list rather than a place and its container.

    It is when X and Y read first as places of one kind and a third such place is listed
    next to them: "Mexico, China, Japan and Brazil", "Georgia, Illinois, Missouri and Ohio".
    So it is when X, which can be read as an area of the list's country, stands between two
    names whose first readings include areas of that kind ("Utah, Virginia, Washington, West
    Virginia"). "Moscow, Idaho", "Atlanta, Georgia, USA" and "Springfield, Illinois, Columbus,
    Ohio" are not.
    """
    def peers(a: int, b: int) -> bool:
        return (0 <= a and b < len(mentions) and bool(cands[a]) and bool(cands[b])
                and cands[a][0].place.kind is cands[b][0].place.kind
                and _separates(text, mentions[a], mentions[b]))

    if (peers(i, i + 1) and not holds(cands, i, i + 1)
            and (peers(i - 1, i) or peers(i + 1, i + 2) and not holds(cands, i + 1, i + 2))):
        return True
    # "Utah, Virginia, Washington, West Virginia and Wyoming": X stands between two states and
    # can be read as one; the town of Washington, West Virginia is not what the list names.
    if i == 0 or i + 1 >= len(mentions) or not (cands[i - 1] and cands[i] and cands[i + 1]):
        return False
    shared = _leading_kinds(cands[i - 1]) & _leading_kinds(cands[i + 1]) & _LISTED_AREA_KINDS
    # X's reading must lie in the list's country: "Maryland, Vienna, Virginia" lists no Austrian state.
    countries = {c.place.country for c in cands[i + 1][:_LEADING] if c.place.kind in shared}
    return (any(c.place.kind in shared and c.place.country in countries for c in cands[i])
            and _separates(text, mentions[i - 1], mentions[i]) and _separates(text, mentions[i], mentions[i + 1]))


def _leading_kinds(cands: Sequence[Candidate]) -> set[Kind]:
    """The kinds of a name's first few readings ("Georgia": a country, then a state)."""
    return {c.place.kind for c in cands[:_LEADING]}


def list_kind(text: str, mentions: Sequence[Mention], cands: Sequence[Sequence[Candidate]], i: int,
              kind_of: Callable[[int], Kind]) -> Kind | None:
    """The kind shared by the places listed around mention ``i``, if it stands in a list of them.

    "Arizona, Georgia, Illinois and Ohio": Georgia stands among states; "Manitoba, Ontario and
    New Brunswick": Ontario among provinces. Up to two listed neighbours on each side are read
    with ``kind_of`` (the resolver's first guess for them); two of one kind, more than of any
    other, make the list's kind.
    """
    # "Richmond, Virginia, Fort Lauderdale": Virginia holds its neighbour; it is no item of its own.
    for a in (i - 1, i):
        if (0 <= a and a + 1 < len(mentions) and cands[a] and cands[a + 1]
                and written_as_container(text, mentions[a].end, mentions[a + 1].start) and holds(cands, a, a + 1)):
            return None
    kinds: list[Kind] = []
    for step in (-1, 1):
        a = i
        for _ in range(2):
            b = a + step
            if not 0 <= b < len(mentions) or not cands[b]:
                break
            lo, hi = (b, a) if step < 0 else (a, b)
            if not _separates(text, mentions[lo], mentions[hi]):
                break
            kinds.append(kind_of(b))
            a = b
    if len(kinds) < 2:
        return None
    ranked = Counter(kinds).most_common(2)
    (kind, n), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    return kind if n >= 2 and n > runner_up else None


def introduced_kinds(text: str, mentions: Sequence[Mention], i: int) -> Kind | None:
    """The kind of place a list that holds mention ``i`` is introduced as, if any.

    "western states such as California or Washington": Washington is a state; so is
    each item of the list up to ``_LIST_REACH`` (20) items down.

    Examples
    --------
    >>> from geomap.geoparse import Mention
    >>> text = "states such as California or Washington"
    >>> ms = [Mention(15, 25, "California", "california", "name"), Mention(29, 39, "Washington", "washington", "name")]
    >>> introduced_kinds(text, ms, 1).value
    'admin1'
    """
    first = i
    while first > max(0, i - _LIST_REACH) and _separates(text, mentions[first - 1], mentions[first]):
        first -= 1
    start = mentions[first].start
    found = _INTRODUCED.search(text, max(0, start - 40), start)
    return _INTRODUCED_KINDS[found.group(1).lower()] if found else None
