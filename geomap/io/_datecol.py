"""The ``event_date`` column: strict date parsing, once per distinct value; future dates reported.

Used by :func:`geomap.io._records.check_table`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["check_dates"]


def check_dates(s: pd.Series, chk: Any, cols: dict[str, Any]) -> None:
    """``cols["event_date"]``, a date or ``None`` per row; and ``cols["_year"]`` where the dates came as text."""
    import numpy as np
    import pandas as pd

    n = len(s)
    if s.dtype.kind == "M":
        out = np.array(s.dt.date.tolist(), dtype=object)
        out[s.isna().to_numpy()] = None
        cols["event_date"] = out
        return
    codes, uniques = pd.factorize(s)
    parsed: list[_dt.date | None] = []
    bad_u: list[bool] = []
    for u in uniques:
        if isinstance(u, _dt.datetime):
            parsed.append(u.date()); bad_u.append(False)
        elif isinstance(u, _dt.date):
            parsed.append(u); bad_u.append(False)
        elif isinstance(u, str) and not u:
            parsed.append(None); bad_u.append(False)
        else:
            d = _parse_date(str(u))
            parsed.append(d); bad_u.append(d is None)
    table = np.array(parsed + [None], dtype=object)
    bad_table = np.array(bad_u + [False], dtype=bool)
    years = np.array([None if d is None else d.year for d in parsed] + [None], dtype=object)
    bad = bad_table[codes]
    chk.flag(bad, "event_date", s, "not a date (YYYY-MM-DD or '20 March 2023')")
    tomorrow = _dt.date.today() + _dt.timedelta(days=1)  # a day's grace for time zones
    future_u = np.array([d is not None and d > tomorrow for d in parsed] + [False], dtype=bool)
    chk.flag(future_u[codes], "event_date", s, "a date in the future; row kept", drop=False)
    cols["event_date"] = table[codes] if n else np.array([], dtype=object)  # code -1 (missing): the trailing None
    cols["_year"] = years[codes] if n else np.array([], dtype=object)  # for the frame's year column


#: An ISO date, optionally with a time and a zone (the time is checked, then dropped): nothing after it.
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?)?")


def _parse_date(text: str) -> _dt.date | None:
    """A date from ``YYYY-MM-DD`` (a valid time may follow) or a day-month-year form; ``None`` otherwise.

    Strict: ``2023-03-20garbage``, ``2023-03-20T25:00:00`` and ``20230320`` are no dates.

    Examples
    --------
    >>> _parse_date("2023-03-20T10:00:00Z"), _parse_date("2023-03-20T25:00:00"), _parse_date("20230320")
    (datetime.date(2023, 3, 20), None, None)
    """
    text = text.strip()
    m = _ISO_DATE.fullmatch(text)
    if m is not None:
        try:
            day = _dt.date.fromisoformat(m.group(1))
            if m.group(2):
                _dt.time.fromisoformat(m.group(2))
        except ValueError:
            return None
        return day
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
