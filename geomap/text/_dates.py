"""Dates in news text, resolved against the publication date.

:func:`find_dates` finds the date expressions of a text ("Feb. 20", "20 March
2023", "on Monday", "yesterday", "last week", "in October", "two days ago",
"since December", "2023-03-20") and resolves each to a :class:`DateMention`
in ACLED's terms: a ``date`` and a ``time_precision`` (1 day, 2 week, 3 month).
:mod:`._datelines` reads datelines: the publication date, and the date each story of a
file starts from.

Conventions
-----------
- ``date`` is always the **first day** of the period the expression denotes
  (``low``): the Monday of a week, the 1st of a month. ACLED's codebook leaves
  the day chosen within a week or month to its coders; the first day keeps
  ``date.strftime("%Y-%m")`` equal to the month meant, and ``low``/``high``
  carry the whole interval for a caller that wants another convention.
- Weeks run Monday to Sunday. "early/mid/late March" is precision 3 with the
  interval 1-10, 11-20, 21-end ("beginning of", "middle of", "end of" alike).
- Without a year, a day or a month is the latest one whose start is not after
  publication: published 2023-03-20, "Feb. 20" is 2023-02-20, "in October" is
  October 2022 and "late March" March 2022. A day that does not exist in that
  year ("Feb. 29" resolved to 2023) is skipped.
- Weekdays resolve backwards, as news writes: "Monday" is the publication day
  if it is a Monday, else the Monday before; "last Monday" is the Monday
  strictly before publication; "next Monday" is the first one after.
- A mention is ``kind="future"`` when it starts after publication: "tomorrow",
  "next week", "next month", "later this week", or an explicit date such as
  "April 5, 2023" in a text of 2023-03-20. It keeps its date, so an extractor
  can drop it.
- Not emitted: a year alone ("in 2020", "last year": ACLED has no year
  precision), vague spans ("a few days ago", "recently"), and, when
  ``published`` is ``None``, every expression that needs it (relative ones,
  weekdays, days and months without a year).
- ``text`` (and the offsets) leave out a plain preposition ("on Monday" gives
  "Monday") but keep the words that change the meaning ("since", "last",
  "early", "ago").

- Numeric dates: ``2023-03-20``; ``20.03.2023`` is read day-month-year;
  ``20/03/2023`` or ``03/20/2023`` only when one number is above 12 (or both
  are equal): ``03/04/2023`` is skipped.

Kinds: ``"absolute"`` (a calendar day), ``"range"`` ("20-22 March": precision
2 up to seven days, else 3), ``"month"`` (a month, or part of one),
``"relative"`` (resolved from the publication date), ``"range_start"``
("since ...": ``high`` is the publication date), ``"future"``.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ._numbers import SMALL

__all__ = ["DateMention", "find_dates", "resolve_date"]

_DAY = _dt.timedelta(days=1)

_FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")
_MONTH_NUMBER = {name[:3].lower(): number for number, name in enumerate(_FULL_MONTHS, start=1)}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Capitalised month names only: "march" and "may" are common words.
_AMBIGUOUS_BARE = {"March", "MARCH", "May", "MAY"}


def _prefixes(names: Iterable[str]) -> str:
    # Title and upper case, grouped by first letter: the regex engine tries far fewer branches.
    variants = sorted({v for n in names for v in (n, n.upper())}, key=lambda s: (-len(s), s))
    by_first: dict[str, list[str]] = {}
    for variant in variants:
        by_first.setdefault(variant[0], []).append(re.escape(variant[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))


def _unname(pattern: str) -> str:
    return re.sub(r"[(][?]P<[a-z0-9]+>", "(?:", pattern)


_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTH = rf"(?:{_prefixes(_FULL_MONTHS)})\b"
_MONTH = rf"(?P<month>(?:{_prefixes(_FULL_MONTHS)})\b|(?:{_prefixes(_ABBREVIATIONS)})\b\.?)"
_WEEKDAY = rf"(?:{_prefixes(_WEEKDAYS)})\b"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"
_DAY_NUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>[12]\d{3})(?![\d:])"
_DASH = r"\s*[-\u2013\u2014]\s*"
_QUALIFIER = (r"(?P<qual>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of)(?:\s+|-)"
              r"|(?i:mid)(?=[A-Z]))?")
# The counts "N days/weeks/months ago" takes in words: one to twelve, "a"/"an", "a couple of".
_NUMBER_WORDS = {"a": 1, "an": 1, **{w: n for w, n in SMALL.items() if 1 <= n <= 12}, "a couple of": 2}

# Each form is written once, with named groups for its parser; the combined
# scanner is built from the same text with those groups made non-capturing.
_FORMS: dict[str, str] = {
    "iso": r"(?<![\d./-])(?P<year>[12]\d{3})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?![\d-])",
    "slash": r"(?<![\d./-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>[12]\d{3})(?![\d/])",
    "dotted": r"(?<![\d./-])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>[12]\d{3})(?!\d|\.\d)",
    "range_dm": rf"(?<![\d.,:/])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DASH}(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
                rf"\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    "range_md": rf"{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{_DASH}(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
                rf"(?![\d:])(?:,?\s+{_YEAR})?",
    "dmy": rf"{_WEEKDAY_PREFIX}(?<![\d.,:/])(?:the\s+)?{_DAY_NUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
    "mdy": rf"{_WEEKDAY_PREFIX}{_MONTH}\s+(?:the\s+)?{_DAY_NUM}(?:,?\s+{_YEAR})?",
    "month": rf"{_QUALIFIER}(?P<month>{_FULL_MONTH}|(?:{_prefixes(_ABBREVIATIONS)})\b\.?(?=,?\s+[12]\d{{3}}))"
             rf"(?:,?\s+{_YEAR})?",
    "ago": rf"(?i:(?P<n>\d{{1,3}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})\s+"
           r"(?P<unit>day|week|month)s?\s+ago)\b",
    "weekday": rf"(?<!Black )(?<!Good )(?<!Bloody )(?<!Holy )(?<!Cyber )"
               rf"(?P<mod>(?i:last|next|this|past)\s+)?(?P<weekday>{_WEEKDAY})",
    "phrase": r"(?i:(?P<phrase>the\s+day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|"
              r"this\s+(?:morning|afternoon|evening)|tomorrow|"
              r"(?:(?:earlier|later)\s+)?this\s+(?:week|month)|(?:(?:early|late)\s+)?last\s+(?:week|month)|"
              r"the\s+previous\s+(?:week|month)|next\s+(?:week|month)|(?:the\s+)?past\s+week|"
              r"(?:last|this|next)\s+weekend|(?:over\s+)?the\s+weekend)\b)",
}
_PARSERS = {name: re.compile(form) for name, form in _FORMS.items()}
_LEAD = r"(?P<lead>\b(?i:since|in|on|during|of|until|by|from|through|throughout)\s+)?"
# The lookahead holds every first character a match can have: it skips most words at once.
_SCANNER = re.compile(
    r"\b(?=[\dA-Zabdefilmnopstuy])" + _LEAD + "(?:" + "|".join(
        f"(?P<{name}>{_unname(form)})" for name, form in _FORMS.items()
    ) + ")"
)
_LEAD_WORDS_KEPT = ("since",)
# Every date expression holds one of these; the scanner only runs in windows
# around them, which makes plain prose cheap (one fast pass over the text).
_TRIGGER = re.compile(
    r"\b(?=[\dJFMASONDTWYEtywmnae])(?:\d+|" + _prefixes([n[:3] for n in _FULL_MONTHS + _WEEKDAYS])
    + r"|(?:[Tt]o(?:day|night|morrow)|[Yy]esterday|[Ww]eek(?:end)?|[Mm]o(?:nth|rning)|[Nn]ight|[Aa](?:fternoon|go)"
    r"|[Ee]vening|TO(?:DAY|NIGHT|MORROW)|YESTERDAY|WEEK(?:END)?|MO(?:NTH|RNING)|NIGHT|A(?:FTERNOON|GO)|EVENING)\b)"
)
_BEFORE, _AFTER = 32, 16  # the most text a form has before its first trigger, after its last one


def _windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(text):
        low, high = max(0, match.start() - _BEFORE), match.end() + _AFTER
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


# The last text's windows and their ends: a file of many datelined stories is read story by story
# (``_datelines.by_story``), and each story takes its windows from one scan of the whole text.
_LAST_WINDOWS: tuple[str, list[tuple[int, int]], list[int]] | None = None


def _windows_between(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The windows of ``text`` cut to ``text[lo:hi]``, in order (sorted and apart, so found by bisection)."""
    global _LAST_WINDOWS
    last = _LAST_WINDOWS
    if last is not None and last[0] is text:
        windows, ends = last[1], last[2]
    else:
        windows = _windows(text)
        ends = [b for _, b in windows]
        _LAST_WINDOWS = (text, windows, ends)
    spans = []
    for k in range(bisect.bisect_right(ends, lo), len(windows)):
        a, b = windows[k]
        if a >= hi:
            break
        spans.append((max(a, lo), b if b < hi else hi))
    return spans


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text, resolved.

    Attributes
    ----------
    start, end : int
        Character offsets: ``text == source[start:end]``.
    text : str
        The expression as written.
    date : datetime.date
        The first day of the period the expression denotes (ACLED ``event_date``).
    time_precision : int
        1 day, 2 week, 3 month (ACLED).
    kind : str
        ``"absolute"``, ``"range"``, ``"month"``, ``"relative"``, ``"range_start"`` or ``"future"``.
    low, high : datetime.date or None
        The interval denoted, both ends included; ``high`` is ``None`` for
        "since ..." when the publication date is unknown.

    Examples
    --------
    >>> import datetime
    >>> [m] = find_dates("Shelling resumed in October.", datetime.date(2023, 3, 20))
    >>> m.text, m.date.isoformat(), m.time_precision, m.kind, m.high.isoformat()
    ('October', '2022-10-01', 3, 'month', '2022-10-31')
    """

    start: int
    end: int
    text: str
    date: _dt.date
    time_precision: int
    kind: str
    low: _dt.date | None
    high: _dt.date | None


_Resolved = tuple[_dt.date, _dt.date, int, str]  # low, high, precision, kind


def _month_end(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: _dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _year_for(month: int, day: int, published: _dt.date) -> int:
    # The latest year in which (month, day) is not after publication.
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def _week(monday: _dt.date) -> _Resolved:
    return monday, monday + 6 * _DAY, 2, "relative"


def _month_span(year: int, month: int) -> _Resolved:
    return _dt.date(year, month, 1), _month_end(year, month), 3, "relative"


def _day_span(day: _dt.date) -> _Resolved:
    return day, day, 1, "relative"


def _calendar_day(groups: dict[str, str | None], published: _dt.date | None, day2: bool = False
                  ) -> _Resolved | None:
    raw_month = groups["month"] or ""
    month = int(raw_month) if raw_month.isdigit() else _month_number(raw_month)
    day = int(groups["day"] or 0)
    last = int(groups["day2"] or 0) if day2 else day
    if groups["year"]:
        year = int(groups["year"])
    elif published is None:
        return None
    else:
        year = _year_for(month, day, published)
    low, high = _dt.date(year, month, day), _dt.date(year, month, last)  # ValueError: skipped
    if high < low:
        return None
    if high == low:
        return low, high, 1, "absolute"
    return low, high, 2 if (high - low).days < 7 else 3, "range"


_QUALIFIED = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20), "middle": (11, 20),
              "late": (21, 31), "end": (21, 31)}


def _month(groups: dict[str, str | None], published: _dt.date | None) -> _Resolved | None:
    month = _month_number(groups["month"] or "")
    qualifier = (groups["qual"] or "").lower().replace("-", " ").split()
    first, last = _QUALIFIED[next(w for w in qualifier if w in _QUALIFIED)] if qualifier else (1, 31)
    if groups["year"]:
        year = int(groups["year"])
    elif published is None:
        return None
    else:
        year = _year_for(month, first, published)
    end = _month_end(year, month)
    return _dt.date(year, month, first), end.replace(day=min(last, end.day)), 3, "month"


def _relative(name: str, groups: dict[str, str | None], published: _dt.date) -> _Resolved | None:
    monday = published - published.weekday() * _DAY
    if name == "ago":
        raw = (groups["n"] or "").lower()
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[" ".join(raw.split())]
        unit = (groups["unit"] or "").lower()
        if unit == "day":
            return _day_span(published - count * _DAY)
        if unit == "week":
            target = published - 7 * count * _DAY
            return _week(target - target.weekday() * _DAY)
        return _month_span(*_add_months(published, -count))
    if name == "weekday":
        weekday = _WEEKDAYS.index((groups["weekday"] or "").title())
        mod = (groups["mod"] or "").strip().lower()
        if mod in ("last", "past"):
            return _day_span(published - ((published.weekday() - weekday - 1) % 7 + 1) * _DAY)
        if mod == "next":
            return _day_span(published + ((weekday - published.weekday() - 1) % 7 + 1) * _DAY)
        if mod == "this":
            return _day_span(monday + weekday * _DAY)
        return _day_span(published - ((published.weekday() - weekday) % 7) * _DAY)
    phrase = " ".join((groups["phrase"] or "").lower().split())
    if phrase.endswith("weekend"):
        saturday = monday - 2 * _DAY if phrase.startswith("last") else monday + 5 * _DAY
        if not phrase.startswith(("this", "next", "last")) and saturday > published:
            saturday -= 7 * _DAY  # "over the weekend": the latest one begun
        if phrase.startswith("next"):
            saturday += 7 * _DAY
        return saturday, saturday + _DAY, 2, "relative"
    if phrase == "the day before yesterday":
        return _day_span(published - 2 * _DAY)
    if phrase in ("yesterday", "last night"):
        return _day_span(published - _DAY)
    if phrase == "tomorrow":
        return _day_span(published + _DAY)
    if phrase.startswith(("today", "tonight", "this m", "this a", "this e")) and "month" not in phrase:
        return _day_span(published)
    if phrase.endswith("past week"):
        return published - 6 * _DAY, published, 2, "relative"
    shift = -1 if ("last" in phrase or "previous" in phrase) else 1 if "next" in phrase else 0
    if phrase.endswith("week"):
        low, high, precision, kind = _week(monday + 7 * shift * _DAY)
    else:
        low, high, precision, kind = _month_span(*_add_months(published, shift))
    if phrase.startswith("earlier"):
        high = published
    elif phrase.startswith("later"):
        low, high = published + _DAY, max(high, published + _DAY)
    return low, high, precision, kind


def _resolve(name: str, groups: dict[str, str | None], published: _dt.date | None) -> _Resolved | None:
    if name == "iso" or name == "dotted":
        return _calendar_day({**groups, "day2": None}, published)
    if name == "slash":
        a, b = int(groups["a"] or 0), int(groups["b"] or 0)
        if a != b and a <= 12 and b <= 12:
            return None  # 03/04/2023: day-month or month-day, unknowable
        day, month = (a, b) if a > 12 or a == b else (b, a)
        return _calendar_day({"day": str(day), "month": str(month), "year": groups["year"]}, published)
    if name in ("range_dm", "range_md"):
        return _calendar_day(groups, published, day2=True)
    if name in ("dmy", "mdy"):
        return _calendar_day({**groups, "day2": None}, published)
    if name == "month":
        return _month(groups, published)
    if published is None:
        return None
    return _relative(name, groups, published)


def _check_published(published: object) -> _dt.date | None:
    if isinstance(published, _dt.datetime):
        return published.date()
    if published is None or isinstance(published, _dt.date):
        return published
    raise TypeError(f"published must be a datetime.date or None, not {type(published).__name__}")


def find_dates(text: str, published: _dt.date | None) -> list[DateMention]:
    """Find the date expressions of a text and resolve them against its publication date.

    One scan of one compiled pattern; see the module docstring for the forms and
    the conventions (first day of the period, backward resolution, kinds).

    Parameters
    ----------
    text : str
        The text; offsets refer to it.
    published : datetime.date or None
        The publication date. Without it only dates that carry their year are
        found. A :class:`datetime.datetime` is reduced to its date.

    Returns
    -------
    list of DateMention
        In text order, not overlapping. Impossible dates ("February 30") are skipped.

    Raises
    ------
    TypeError
        If ``text`` is not a str or ``published`` not a date or None.

    Examples
    --------
    >>> import datetime
    >>> text = "Two soldiers died on Feb. 20; talks were held on Monday, and again in early March."
    >>> for m in find_dates(text, datetime.date(2023, 3, 20)):
    ...     print(m.text, m.date, m.time_precision, m.kind)
    Feb. 20 2023-02-20 1 absolute
    Monday 2023-03-20 1 relative
    early March 2023-03-01 3 month
    >>> [m.text for m in find_dates("Clashes on Monday and on 20 March 2023.", None)]
    ['20 March 2023']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    from ._anchored import anchored_dates
    from ._datelines import by_story, fold_parentheticals

    published = _check_published(published)
    return anchored_dates(text, fold_parentheticals(text, by_story(text, published, _find_dates)), published)


def _find_dates(text: str, published: _dt.date | None, lo: int = 0, hi: int | None = None) -> list[DateMention]:
    """:func:`find_dates` in ``text[lo:hi]`` against one publication date."""
    mentions: list[DateMention] = []
    hi = len(text) if hi is None else hi
    spans = _windows_between(text, lo, hi)
    matches = (match for a, b in spans for match in _SCANNER.finditer(text, a, b))
    for match in matches:
        name = match.lastgroup or ""
        start, end = match.span(name)
        core = text[start:end]
        form = _PARSERS[name].fullmatch(core)
        if form is None:  # pragma: no cover - the scanner and the parsers share their text
            continue
        groups = form.groupdict()
        lead = (match["lead"] or "").strip().lower()
        if name == "month" and groups["month"] in _AMBIGUOUS_BARE and not (lead or groups["qual"] or groups["year"]):
            continue
        try:
            resolved = _resolve(name, groups, published)
        except (ValueError, OverflowError):  # February 30, 2023-13-45, a day before 0001-01-01
            resolved = None
        if resolved is None:
            continue
        low, high, precision, kind = resolved
        high_or_none: _dt.date | None = high
        if lead in _LEAD_WORDS_KEPT:
            start, kind, high_or_none = match.start("lead"), "range_start", published
        if published is not None and low > published:
            kind = "future"
        mentions.append(DateMention(start, end, text[start:end], low, precision, kind, low, high_or_none))
    return mentions


def resolve_date(expression: str, published: _dt.date | None) -> DateMention | None:
    """Resolve one date expression.

    Parameters
    ----------
    expression : str
        A short text holding a date expression ("last Monday", "in October").
    published : datetime.date or None
        The date the expression is relative to.

    Returns
    -------
    DateMention or None
        The first date expression found, with offsets into ``expression``; ``None`` if there is none.

    Examples
    --------
    >>> import datetime
    >>> resolve_date("last week", datetime.date(2023, 3, 20)).date
    datetime.date(2023, 3, 13)
    >>> resolve_date("in 2020", datetime.date(2023, 3, 20)) is None
    True
    """
    mentions = find_dates(expression, published)
    return mentions[0] if mentions else None
