"""Datelines: the publication date of a text, and the date each story of a file starts from.

A wire file often holds several stories, each under its own dateline ("KYIV, March 3,
2022 (Reuters) - ..."); a relative date ("on Monday") in a story is read against that
story's dateline, not the first one of the file. An ACLED note's bracketed span
("Around 1 February 2022 (between 1 - 2 February)") refines the date before it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace
from typing import Callable

from ._dates import _MONTH, _WEEKDAY_PREFIX, DateMention, _unname, find_dates

__all__ = ["by_story", "carried_date", "find_publication_date", "fold_parentheticals", "story_datelines"]

_PLAIN_MONTH = _unname(_MONTH)
_PLAIN_YEAR = r"[12]\d{3}(?!\d)"
_FULL_DATE = (
    rf"(?:{_WEEKDAY_PREFIX}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_PLAIN_MONTH},?\s+{_PLAIN_YEAR}"
    rf"|{_PLAIN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_PLAIN_YEAR}"
    rf"|[12]\d{{3}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep){_PLAIN_YEAR}))"
)
_PUBLICATION_PATTERNS = (
    # "Published: 20 March 2023", "Posted on March 20, 2023"
    re.compile(r"\b(?i:published|posted|first\s+published|publication\s+date|date)\b(?:\s+on)?\s*[:\-\u2013]?\s*"
               rf"(?P<date>{_FULL_DATE})"),
    # "MOSCOW, March 20, 2023 (Reuters) -", caption "... in Moscow, Russia, March 20, 2023. (Photo)"
    re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3},\s+(?:[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'"
               rf"\u2019.-]*){{0,3}},\s+)?(?P<date>{_FULL_DATE})\s*(?:[.(\u2013\u2014-]|$)", re.MULTILINE),
    # a line holding only a date, maybe with a time: "20.03.2023", "Monday, 20 March 2023 10:45"
    re.compile(rf"^[ \t]*(?P<date>{_FULL_DATE})[ \t]*(?:[|,-]?[ \t]*\d{{1,2}}:\d{{2}}[^\n]{{0,20}})?$",
               re.MULTILINE),
    # "Updated March 20, 2023": a last resort, the first publication may be earlier
    re.compile(r"\b(?i:updated|last\s+updated|modified)\b(?:\s+on)?\s*[:\-\u2013]?\s*"
               rf"(?P<date>{_FULL_DATE})"),
)
_PUBLICATION_WINDOW = 1000


def find_publication_date(text: str) -> _dt.date | None:
    """Read the publication date from a dateline or a dated caption near the top of a text.

    Only a full date with its year, in the first 1,000 characters, in one of
    these settings counts, tried in this order: after "Published"/"Posted"/
    "Date"; after a place in a dateline or caption ("MOSCOW, March 20, 2023
    (Reuters) -", "Moscow, Russia, March 20, 2023."); alone on its line
    ("20.03.2023", maybe with a time); after "Updated". A dateline without a
    year ("MOSCOW, March 20 (Reuters) -") gives no date: the year is unknown.

    Parameters
    ----------
    text : str

    Returns
    -------
    datetime.date or None
        ``None`` when no such date is found.

    Raises
    ------
    TypeError
        If ``text`` is not a str.

    Examples
    --------
    >>> find_publication_date("Talks in Yerevan, Armenia, April 3, 2023. (AP Photo)\\nThe ministers met.")
    datetime.date(2023, 4, 3)
    >>> find_publication_date("Updated 4 April 2023\\nPublished: 3 April 2023")
    datetime.date(2023, 4, 3)
    >>> find_publication_date("MOSCOW, March 20 (Reuters) - Talks resumed.") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    head = text[:_PUBLICATION_WINDOW]
    for pattern in _PUBLICATION_PATTERNS:
        for match in pattern.finditer(head):
            mentions = find_dates(match["date"], None)
            if mentions and mentions[0].time_precision == 1:
                return mentions[0].date
    return None


# A dateline opens a line: "KYIV, Ukraine, March 3, 2022 (Reuters) -", "BAKU, 21 February 2023 (AP) -".
_NAME = r"[A-Z][\w'\u2019.-]*"
_DATELINE = re.compile(rf"^[ \t]*{_NAME}(?:[ \t]+(?:and[ \t]+)?{_NAME}){{0,4}},[ \t]+"
                       rf"(?:{_NAME}(?:[ \t]+{_NAME}){{0,3}},[ \t]+)?(?P<date>{_FULL_DATE})[ \t]*[(\u2013\u2014-]",
                       re.MULTILINE)


def story_datelines(text: str) -> list[tuple[int, _dt.date]]:
    """``(offset, date)`` of each dateline that opens a line, in text order.

    Examples
    --------
    >>> t = "KYIV, March 3, 2022 (Reuters) - Shelling.\\n\\nBAKU, 21 February 2023 (AP) - Talks."
    >>> [(o, d.isoformat()) for o, d in story_datelines(t)]
    [(0, '2022-03-03'), (43, '2023-02-21')]
    """
    out = []
    for m in _DATELINE.finditer(text):
        mentions = find_dates(m["date"], None)
        if mentions and mentions[0].time_precision == 1:
            out.append((m.start(), mentions[0].date))
    return out


Finder = Callable[[str, "_dt.date | None", int, "int | None"], list[DateMention]]


def by_story(text: str, published: _dt.date | None, find: Finder) -> list[DateMention]:
    """``find`` over each story of ``text`` against its own dateline's date.

    A text with fewer than two datelines is one story read against ``published``;
    otherwise the text before the first dateline uses ``published`` and each
    dateline's story its date.
    """
    lines = story_datelines(text) if text.count("\n") else []
    if len(lines) < 2:
        return find(text, published, 0, None)
    bounds = [(0, published)] + lines
    out: list[DateMention] = []
    for k, (start, anchor) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        out += find(text, anchor, start, end)
    return out


# "1 February 2022 (between 1 - 2 February)": a span in brackets right after a date
_BRACKET = re.compile(r"\s*\(\s*(?:(?i:between|from|around|approximately)\s+)?$")


def fold_parentheticals(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Each date followed by a bracketed span without a year, refined by that span.

    The span takes the year of the date before it, and the date takes the span's
    precision and interval ("Around 1 February 2022 (between 1 - 2 February)" is
    1 February 2022 at week precision, 1-2 February).

    Examples
    --------
    >>> t = "Around 1 February 2022 (between 1 - 2 February), rebels attacked."
    >>> [(m.text, str(m.date), m.time_precision, str(m.high)) for m in find_dates(t, _dt.date(2023, 2, 21))]
    [('1 February 2022', '2022-02-01', 2, '2022-02-02')]
    """
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("absolute", "month") and m.kind in ("range", "absolute", "future") \
                and _BRACKET.fullmatch(text, prev.end, m.start) and not re.search(r"\d{4}", m.text) \
                and m.low is not None and m.high is not None:
            try:
                low, high = m.low.replace(year=prev.date.year), m.high.replace(year=prev.date.year)
            except ValueError:  # 29 February in another year
                out.append(m)
                continue
            kind = "range" if high > low else prev.kind
            out[-1] = replace(prev, time_precision=max(prev.time_precision, m.time_precision), low=low, high=high,
                              kind=kind)
            continue
        out.append(m)
    return out


_PAST_STORY = _dt.timedelta(days=30)


def carried_date(text: str, mentions: list[DateMention], start: int,
                 published: _dt.date | None) -> DateMention | None:
    """The date a sentence without one inherits from the sentence before it, if any.

    A story that turns to a past event dates that event and then goes on about it
    ("... the fighting of September 2022, when a shootout killed 280. Artillery and
    drones struck Jermuk."): the second sentence is of September 2022 too. Only a
    calendar date or month at least 30 days before publication, in the previous
    sentence of the same paragraph, is carried; a recent date is not, since news
    goes back to the present at once.

    Parameters
    ----------
    text : str
    mentions : list of DateMention
        :func:`find_dates` of ``text``.
    start : int
        Offset of the sentence that has no date.
    published : datetime.date or None

    Examples
    --------
    >>> t = "It recalled the fighting of September 2022. Drones struck Jermuk."
    >>> pub = _dt.date(2023, 2, 21)
    >>> m = carried_date(t, find_dates(t, pub), 44, pub); (m.date.isoformat(), m.time_precision)
    ('2022-09-01', 3)
    >>> carried_date("Talks began on Monday. Drones struck Jermuk.", [], 23, pub) is None
    True
    """
    if published is None:
        return None
    before = [m for m in mentions if m.end <= start]
    if not before:
        return None
    last = before[-1]
    between = text[last.end:start]
    if "\n\n" in between or len(re.findall(r"[.!?][\"'\u201d\u2019)]*\s", between)) != 1:
        return None  # another paragraph, or not the sentence just before
    if last.kind not in ("absolute", "month", "range") or last.date > published - _PAST_STORY:
        return None
    return last
