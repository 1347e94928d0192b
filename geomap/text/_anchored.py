"""Dates given relative to the date before them: "the next day", "two days later", "hours later".

A story dates its first event and then counts from it: "Police arrested 11 activists on
Friday. The next day, their supporters gathered outside the court". "The next day" is not
the publication date but the Saturday after that Friday. :func:`anchored_dates` finds these
phrases and resolves each against the day-precision date mentioned last before it.

A phrase with no such date before it (only a month, a week, or nothing) is not emitted:
the day it counts from is unknown.

Examples
--------
>>> import datetime
>>> from geomap.text import find_dates
>>> t = "Police arrested 11 activists on Friday. The next day, supporters gathered outside the court."
>>> [(m.text, m.date.isoformat(), m.kind) for m in find_dates(t, datetime.date(2024, 6, 24))]
[('Friday', '2024-06-21', 'relative'), ('The next day', '2024-06-22', 'relative')]
"""

from __future__ import annotations

import datetime as _dt
import re

from ._dates import DateMention
from ._numbers import SMALL

__all__ = ["anchored_dates"]

_COUNTS = {"a": 1, "an": 1, "one": 1, **{w: n for w, n in SMALL.items() if 1 <= n <= 10}}
_COUNT = "|".join(sorted(_COUNTS, key=len, reverse=True))
# "the day before the vote" counts from the vote, not from a date: no anchor.
_OBJECT = r"(?:the|a|an|his|her|their|its|this|that)\b"
_PHRASE = re.compile(
    r"\b(?i:(?P<after>the\s+(?:next|following)\s+day|the\s+day\s+after(?!\s+(?:tomorrow|" + _OBJECT + r"))|"
    rf"(?P<n>\d{{1,2}}|{_COUNT})\s+days?\s+(?:later|afterwards?))"
    r"|(?P<before>the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?!\s+(?:yesterday|" + _OBJECT + r"))|"
    rf"(?P<m>\d{{1,2}}|{_COUNT})\s+days?\s+(?:earlier|before)(?!\s+(?:" + _OBJECT + r")))"
    r"|(?P<same>(?:a\s+few\s+|several\s+|two\s+|three\s+)?hours\s+(?:later|earlier)|"
    r"(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|morning|evening|afternoon)|"
    r"the\s+same\s+day|that\s+(?:night|evening|afternoon)))\b"
)


def anchored_dates(text: str, mentions: list[DateMention], published: _dt.date | None) -> list[DateMention]:
    """``mentions`` with the dates that count from the one before them added, in text order.

    Parameters
    ----------
    text : str
    mentions : list of DateMention
        The dates :func:`geomap.text.find_dates` read, in text order.
    published : datetime.date or None
        A resolved date after it is of kind ``"future"``.

    Examples
    --------
    >>> import datetime
    >>> from geomap.text import find_dates
    >>> t = "The blast was on 3 May 2024. Two days later, a second bomb went off."
    >>> [(m.text, m.date.isoformat()) for m in find_dates(t, datetime.date(2024, 5, 9))]
    [('3 May 2024', '2024-05-03'), ('Two days later', '2024-05-05')]
    >>> [m.text for m in find_dates("The next day, talks resumed.", datetime.date(2024, 5, 9))]
    []
    """
    if not mentions:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    added: list[DateMention] = []
    k = 0
    for match in _PHRASE.finditer(text, mentions[0].end):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            continue
        while k + 1 < len(mentions) and mentions[k + 1].end <= start:
            k += 1
        anchor = mentions[k]
        if anchor.time_precision != 1 or anchor.kind == "future" or anchor.kind == "range_start":
            continue
        shift = 0
        if match["after"]:
            shift = _count(match["n"])
        elif match["before"]:
            shift = -_count(match["m"])
        day = anchor.date + _dt.timedelta(days=shift)
        kind = "future" if published is not None and day > published else "relative"
        added.append(DateMention(start, end, text[start:end], day, 1, kind, day, day))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: m.start)


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else _COUNTS[word]
