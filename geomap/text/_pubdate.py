"""Publication dates: parsing the date a document was published.

:func:`parse_date` is public through :mod:`geomap.text._readers`; ``_published`` and
``_first_date`` are the readers' helpers for an argument and for page metadata.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re
from collections.abc import Iterable
from typing import Union

from ..errors import InputError

__all__ = ["parse_date"]

_DateLike = Union[_dt.date, str, None]


# Month names are matched here rather than with strptime's %B, which follows the
# process locale.
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY_MONTH_YEAR = re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE)
# ISO 8601 with a time fromisoformat refuses (e.g. nanoseconds); the date part is enough.
_ISO_PREFIX = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_RFC_2822 = re.compile(r"(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", re.IGNORECASE)
_DATE_FORMS = (
    "2023-03-20, 2023-03-20T10:00:00Z, 20 March 2023, March 20, 2023, "
    "Mon, 20 Mar 2023 10:00:00 GMT"
)


def parse_date(value: _dt.date | str) -> _dt.date:
    """Parse a publication date.

    Accepted forms: ISO 8601 dates and date-times (``2023-03-20``,
    ``2023-03-20T10:00:00Z``), English day-month-year and month-day-year
    (``20 March 2023``, ``20 Mar 2023``, ``March 20, 2023``, with an optional
    weekday), and RFC 2822 (``Mon, 20 Mar 2023 10:00:00 GMT``). Numeric forms
    such as ``03/04/2023`` are refused because they are ambiguous.

    A date-time gives its calendar date as written, without converting its time
    zone: ``2023-03-20T23:30:00-05:00`` is 20 March.

    Parameters
    ----------
    value : str or datetime.date
        A :class:`datetime.datetime` is reduced to its date.

    Returns
    -------
    datetime.date

    Raises
    ------
    InputError
        If the value is not a date in an accepted form; the message lists them.

    Examples
    --------
    >>> parse_date("2023-03-20T10:00:00Z")
    datetime.date(2023, 3, 20)
    >>> parse_date("March 20, 2023")
    datetime.date(2023, 3, 20)
    >>> parse_date("next Tuesday")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geomap.errors.InputError: not a date: 'next Tuesday' (accepted forms: 2023-03-20, ...)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"a date must be a string, not {type(value).__name__}: {value!r}")
    text = value.strip()
    try:
        return _parse_date_str(text)
    except ValueError as exc:  # fromisoformat, date() and parsedate all raise ValueError
        raise InputError(f"not a date: {value!r} (accepted forms: {_DATE_FORMS})") from exc


def _parse_date_str(text: str) -> _dt.date:
    try:
        return _dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if m := _ISO_PREFIX.fullmatch(text):
        return _dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        if m := pattern.fullmatch(text):
            month = _MONTHS.get(m["month"].lower())
            if month is None:
                raise ValueError(f"unknown month {m['month']!r}")
            return _dt.date(int(m["year"]), month, int(m["day"]))
    if _RFC_2822.match(text):
        return email.utils.parsedate_to_datetime(text).date()
    raise ValueError("no accepted form matches")


def _published(value: _DateLike) -> _dt.date | None:
    return None if value is None else parse_date(value)


def _first_date(candidates: Iterable[str]) -> _dt.date | None:
    # Page metadata is often wrong or odd; a date that does not parse is skipped
    # rather than making the whole page unreadable.
    for candidate in candidates:
        try:
            return parse_date(candidate)
        except InputError:
            continue
    return None
