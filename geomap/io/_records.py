"""Tables of incident fields → checked columns → :class:`~geomap.incidents._model.Incident` values or a GeoDataFrame.

Every reader maps its layout onto our field names (ACLED's, see
:data:`geomap.incidents._model.ACLED_COLUMNS`) and hands the columns to :func:`check_table`,
which checks each column at once (Python runs once per distinct value, not per row)
and reports each bad cell as a :class:`RowError`. The :class:`CheckedTable` it
returns makes incidents (:meth:`CheckedTable.to_incidents`) or, faster, a
GeoDataFrame (:meth:`CheckedTable.to_frame`) of the good rows.

What happens to a row with a problem:

=====================================================  ===========================
problem                                                 the row is
=====================================================  ===========================
text, NaN or infinity in a numeric column               dropped, reported
coordinates out of range, or only one of the two        dropped, reported
a date that is not a date                                dropped, reported
an event type or sub-event type outside ACLED's list     dropped, reported
an id already seen                                       dropped, reported (first kept)
coordinates that look swapped                            kept as given, reported
invalid UTF-8, invalid geometry (readers)                kept, repaired, reported
=====================================================  ===========================
"""

from __future__ import annotations

import datetime as _dt
from collections import deque
from dataclasses import fields
from itertools import repeat
from typing import TYPE_CHECKING, Any, Sequence

from ..incidents import EVENT_TYPES, Incident
from ._columns import distinct, gc_paused, per_value
from ._results import FrameResult, ReadResult, RowError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["FIELDS", "CheckedTable", "FrameResult", "ReadResult", "RowError", "check_table"]

#: Our fields in :class:`Incident` order.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Incident))
_DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(Incident)}
_DEFAULTS.update(event_date=None, time_precision=1, disorder_type="", event_type="", sub_event_type="")
_INTS = ("time_precision", "inter1", "inter2", "geo_precision", "fatalities", "fatalities_low", "fatalities_best",
         "fatalities_high", "injuries", "evidence_start", "evidence_end", "trigger_start", "trigger_end",
         "place_start", "place_end")
_OPTIONAL_INTS = frozenset({"fatalities_low", "fatalities_best", "fatalities_high", "injuries"})
_NON_NEGATIVE = frozenset({"fatalities"}) | _OPTIONAL_INTS
_CHOICES = {"time_precision": (1, 2, 3), "geo_precision": (1, 2, 3), "inter1": tuple(range(9)),
            "inter2": tuple(range(9))}
_STRS = tuple(n for n in FIELDS if isinstance(_DEFAULTS[n], str) and n != "event_id")
_TRUE = frozenset({"true", "1", "yes", "y", "t", "civilian targeting"})
_FALSE = frozenset({"", "false", "0", "no", "n", "f"})
_VALID_PAIRS = frozenset((e, s) for e, subs in EVENT_TYPES.items() for s in subs)
#: Text fields whose values are (nearly) all distinct in real exports; the others repeat a few values.
_PER_EVENT = frozenset({"event_id", "notes", "source_url"})


def _text(value: Any) -> str:
    s = "" if value is None else str(value)
    return s if len(s) <= 200 else s[:199] + "…"


class _Checker:
    """Collects row errors and the mask of rows to keep while the columns are checked."""

    def __init__(self, rows: np.ndarray, column_names: dict[str, str]) -> None:
        import numpy as np

        self.rows = rows
        self.keep = np.ones(len(rows), dtype=bool)
        self.errors: list[RowError] = []
        self.names = column_names

    def flag(self, mask: Any, field: str, values: Any, reason: str, *, drop: bool = True) -> None:
        import numpy as np

        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        vals = values.to_numpy(dtype=object) if hasattr(values, "to_numpy") else np.asarray(values, dtype=object)
        column = self.names.get(field, field)
        for i in np.flatnonzero(mask):
            self.errors.append(RowError(int(self.rows[i]), column, _text(vals[i]),
                                        reason + ("; row dropped" if drop else "")))
        if drop:
            self.keep &= ~mask


def _stripped(s: pd.Series) -> pd.Series:
    """Text values without surrounding spaces; other values as they are."""
    try:
        out = s.str.strip()
    except AttributeError:  # an object column without a single string
        return s
    if s.dtype == object:  # .str turns the non-strings of a mixed column into NaN: put them back
        out = out.where(out.notna(), s)
    return out


def _blank(s: pd.Series) -> np.ndarray:
    if s.dtype.kind in "biufcmM":
        return s.isna().to_numpy()
    return (s.isna() | _stripped(s).eq("")).to_numpy(dtype=bool)


def _numbers(s: pd.Series) -> pd.Series:
    import pandas as pd

    if s.dtype.kind in "biuf":
        return s.astype("float64")
    values = _stripped(s)
    if values.dtype == object:  # booleans are no numbers here
        values = values.map(lambda v: None if isinstance(v, bool) else v)
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _strings(s: pd.Series) -> pd.Series:
    """The column as text, ``""`` for missing values; numbers without a spurious ``.0``."""
    if s.dtype.kind in "iub":
        return s.astype(str)
    if s.dtype.kind == "f":
        return s.map(lambda v: "" if v != v else (str(int(v)) if float(v).is_integer() else repr(v))).astype(str)
    if s.dtype == object:
        s = s.map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v))
        return s.astype(str)
    return s.fillna("") if s.hasnans else s


def _codes(s: pd.Series | None, n: int) -> tuple[np.ndarray, list[str]]:
    """Factorized text column: codes and distinct values, ``""`` (code 0) for an absent column."""
    import numpy as np
    import pandas as pd

    if s is None:
        return np.zeros(n, dtype=np.int64), [""]
    codes, uniques = pd.factorize(s)
    return codes, [str(u) for u in uniques]


def _dates(s: pd.Series, chk: _Checker, cols: dict[str, Any]) -> None:
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
    cols["event_date"] = table[codes] if n else np.array([], dtype=object)  # code -1 (missing): the trailing None
    cols["_year"] = years[codes] if n else np.array([], dtype=object)  # for the frame's year column


def _parse_date(text: str) -> _dt.date | None:
    text = text.strip()
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d/%m/%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def check_table(frame: pd.DataFrame | dict[str, pd.Series], *, rows: Sequence[int] | np.ndarray | None = None,
                geometries: Sequence[bytes | None] | None = None, id_prefix: str = "row",
                column_names: dict[str, str] | None = None, gazetteer: Any = None,
                check_swapped: bool = True) -> CheckedTable:
    """Check a table whose columns carry our field names; keep its good rows, report the others.

    Parameters
    ----------
    frame : pandas.DataFrame or dict of pandas.Series
        Columns named like :class:`Incident` fields (others are ignored); values as text or typed.
        Missing columns take the model's defaults.
    rows : sequence of int, optional
        The record number of each row, for the errors report (1, 2, ... by default).
    geometries : sequence of bytes or None, optional
        WKB of a line or polygon per row (``geometry_wkb``).
    id_prefix : str
        Rows without an ``event_id`` get ``f"{id_prefix}:{row}"``.
    column_names : dict, optional
        Field → the input's own column name, so that reports name what the user sees.
    gazetteer : gazetteer.Gazetteer, optional
        For the swapped-coordinates check; the shipped one when needed and not given.
    check_swapped : bool
        Report rows whose coordinates fall inside their stated country only once swapped.

    Returns
    -------
    CheckedTable

    Examples
    --------
    >>> import pandas as pd
    >>> res = check_table(pd.DataFrame({"event_id": ["a", "b", "a"], "latitude": ["40.1", "x", "40.2"],
    ...                                     "longitude": [47.0, 47.0, 47.0]}), check_swapped=False)
    >>> [i.event_id for i in res.to_incidents()], [str(e) for e in res.errors]
    (['a'], ["row 2, latitude='x': not a finite number; row dropped", "row 3, event_id='a': duplicate id (first at row 1); row dropped"])
    """
    import numpy as np

    if hasattr(frame, "columns"):
        n = len(frame)
        frame = {str(c): frame[c].reset_index(drop=True) for c in frame.columns}
    else:
        n = len(next(iter(frame.values()))) if frame else len(rows if rows is not None else ())
        frame = {c: v.reset_index(drop=True) for c, v in frame.items()}
    rows_arr = np.arange(1, n + 1) if rows is None else np.asarray(rows, dtype=np.int64)
    chk = _Checker(rows_arr, column_names or {})
    cols: dict[str, Any] = {}
    present = set(frame)

    for name in _INTS:
        if name in present:
            cols[name] = _whole_numbers(frame[name], name, chk)

    _coordinates(frame, present, chk, cols)

    if "confidence" in present:
        s = frame["confidence"]
        blank = _blank(s)
        num = _numbers(s).to_numpy()
        with np.errstate(invalid="ignore"):
            bad = ~blank & ~((num >= 0) & (num <= 1))
        chk.flag(bad, "confidence", s, "not a number from 0 to 1")
        cols["confidence"] = np.where(blank | bad, 0.0, num)

    if "event_date" in present:
        _dates(frame["event_date"], chk, cols)

    if "civilian_targeting" in present:
        cols["civilian_targeting"] = _truths(frame["civilian_targeting"], chk)

    for name in _STRS:
        if name in present:
            cols[name] = _strings(frame[name])

    ids = _ids(frame.get("event_id"), rows_arr, id_prefix)
    cols["event_id"] = ids

    if "event_type" in present or "sub_event_type" in present:
        _event_types(cols.get("event_type"), cols.get("sub_event_type"), chk)

    if geometries is not None:
        cols["geometry_wkb"] = np.array(list(geometries) + [None], dtype=object)[:-1]

    if n:
        _duplicates(ids, chk)

    if check_swapped and n and "_latitude" in cols:
        from ._swap import flag_swapped

        flag_swapped(cols, chk, gazetteer)
    return CheckedTable(cols, chk.keep, chk.errors)


def _whole_numbers(s: pd.Series, name: str, chk: _Checker) -> np.ndarray:
    """An integer field: int64 (the default where blank), or objects with ``None`` where blank for optional counts."""
    import numpy as np

    blank = _blank(s)
    num = _numbers(s).to_numpy()
    with np.errstate(invalid="ignore"):
        bad = ~blank & ~(np.isfinite(num) & (num == np.floor(num)) & (np.abs(num) < 2 ** 53))
        if name in _NON_NEGATIVE:
            neg = ~blank & ~bad & (num < 0)
        else:
            neg = np.zeros(len(num), dtype=bool)
    chk.flag(bad, name, s, "not a whole number")
    chk.flag(neg, name, s, "negative count")
    if name in _CHOICES:
        out_of = ~blank & ~bad & ~np.isin(num, _CHOICES[name])
        chk.flag(out_of, name, s, f"must be one of {', '.join(map(str, _CHOICES[name]))}")
    safe = np.where(blank | bad | ~np.isfinite(num), 0, num).astype(np.int64)
    if name in _OPTIONAL_INTS:
        arr = np.array(safe.tolist(), dtype=object)
        arr[blank] = None
        return arr
    return np.where(blank, _DEFAULTS[name], safe)


def _truths(s: pd.Series, chk: _Checker) -> np.ndarray:
    """``civilian_targeting`` as booleans; a value that is neither true nor false reported."""
    import numpy as np

    if s.dtype.kind == "b":
        return s.to_numpy()

    def truth_of(v: Any) -> int:
        text = "" if v is None or v != v else str(v).strip().lower()
        return 1 if text in _TRUE else 0 if text in _FALSE else -1

    code = per_value(s, truth_of).astype(np.int8)
    chk.flag(code == -1, "civilian_targeting", s, "not true/false")
    return code == 1


def _event_types(event_type: pd.Series | None, sub_event_type: pd.Series | None, chk: _Checker) -> None:
    """Report event types outside ACLED's, and sub-event types outside their event type's; each pair checked once."""
    import numpy as np
    import pandas as pd

    n = len(chk.rows)
    ce, ue = _codes(event_type, n)
    cs, us = _codes(sub_event_type, n)
    known_u = np.array([e == "" or e in EVENT_TYPES for e in ue], dtype=bool)
    known = known_u[ce]
    width = len(us) + 1
    pair_codes, pairs = pd.factorize(ce.astype(np.int64) * width + cs)
    valid_u = np.array([ue[p // width] == "" or (ue[p // width], us[p % width]) in _VALID_PAIRS
                        for p in np.asarray(pairs).tolist()], dtype=bool)
    valid = valid_u[pair_codes]
    chk.flag(~known, "event_type", event_type, f"not an ACLED event type ({'; '.join(EVENT_TYPES)})")
    chk.flag(known & ~valid, "sub_event_type", sub_event_type, "not a sub-event type of its event type")


def _ids(s: pd.Series | None, rows: np.ndarray, id_prefix: str) -> pd.Series:
    """The id column as text; ``f"{id_prefix}:{row}"`` where there is none."""
    import pandas as pd

    def generated() -> pd.Series:
        return pd.Series(rows).astype(str).radd(f"{id_prefix}:") if len(rows) else pd.Series([], dtype=str)

    if s is None:
        return generated()
    ids = _strings(s).reset_index(drop=True)
    blank = ids.eq("")
    return ids.mask(blank, generated()) if blank.any() else ids


def _duplicates(ids: pd.Series, chk: _Checker) -> None:
    """Drop and report each row whose id an earlier row still kept has: the first one stays."""
    import numpy as np

    every = bool(chk.keep.all())
    kept_ids = ids if every else ids[chk.keep]
    dup = kept_ids.duplicated(keep="first").to_numpy()
    if not dup.any():
        return
    kept_rows = chk.rows if every else chk.rows[chk.keep]
    first = dict(zip(kept_ids[~dup].tolist(), kept_rows[~dup].tolist()))
    idx = np.flatnonzero(chk.keep)[dup]
    for i in idx:
        chk.errors.append(RowError(int(chk.rows[i]), chk.names.get("event_id", "event_id"), _text(ids[i]),
                                   f"duplicate id (first at row {first[ids[i]]}); row dropped"))
    chk.keep[idx] = False


class CheckedTable:
    """A table after the checks: the good rows' columns, and the errors; made into incidents or a frame on demand.

    Attributes
    ----------
    errors : list of RowError
        Sorted by row (call :meth:`add_errors` to add a reader's own).
    """

    def __init__(self, cols: dict[str, Any], keep: np.ndarray, errors: list[RowError]) -> None:
        self._cols = cols
        self._keep = keep
        self.errors = sorted(errors, key=lambda e: e.row)

    def add_errors(self, errors: Sequence[RowError]) -> CheckedTable:
        """Merge a reader's own errors (ragged rows, repaired geometries...) in row order."""
        self.errors = sorted([*self.errors, *errors], key=lambda e: e.row)
        return self

    def __len__(self) -> int:
        return int(self._keep.sum())

    def _column(self, name: str) -> list[Any]:
        """The kept rows' values of a field, as the Python objects an incident holds."""
        import numpy as np

        col = self._cols.get(name)
        every = len(self) == len(self._keep)
        if col is None and "_" + name in self._cols:  # coordinates: NaN → None
            floats = self._cols["_" + name] if every else self._cols["_" + name][self._keep]
            out = np.array(floats.tolist(), dtype=object)
            out[np.isnan(floats)] = None
            return out.tolist()
        if col is None:
            return [_DEFAULTS[name]] * len(self)
        if isinstance(col, np.ndarray):
            return (col if every else col[self._keep]).tolist()
        if name in _PER_EVENT:
            objects = col.to_numpy(dtype=object)
        else:  # text repeats: one Python object per distinct value, shared (faster, and less memory)
            codes, values = distinct(col)
            objects = values.to_numpy(dtype=object)[codes]
        return (objects if every else objects[self._keep]).tolist()

    def to_incidents(self) -> list[Incident]:
        """The good rows as incidents, in input order."""
        return _make([(setter, self._column(name)) for name, setter in _setters()], len(self))

    def result(self) -> ReadResult:
        """:class:`ReadResult` of the incidents and the errors."""
        return ReadResult(self.to_incidents(), self.errors)

    def to_frame(self) -> Any:
        """The good rows as a GeoDataFrame with the columns of :func:`geomap.to_geodataframe`."""
        from ._frame import frame_from_columns

        return frame_from_columns(self._cols, self._keep, _DEFAULTS)


def _coordinates(frame: dict[str, pd.Series], present: set[str], chk: _Checker, cols: dict[str, Any]) -> None:
    """``cols["_latitude"]`` and ``cols["_longitude"]``, floats with NaN for blanks; bad coordinates reported."""
    import numpy as np

    n = len(chk.rows)
    if "latitude" not in present and "longitude" not in present:
        return
    nums = {}
    blanks = {}
    for name, limit in (("latitude", 90.0), ("longitude", 180.0)):
        s = frame[name] if name in present else None
        if s is None:
            blanks[name] = np.ones(n, dtype=bool)
            nums[name] = np.full(n, np.nan)
            continue
        blank = _blank(s)
        num = _numbers(s).to_numpy()
        raw = s
        bad = ~blank & ~np.isfinite(num)
        chk.flag(bad, name, raw, "not a finite number")
        with np.errstate(invalid="ignore"):
            out = ~blank & ~bad & (np.abs(num) > limit)
        chk.flag(out, name, raw, f"out of range -{limit:g}..{limit:g}")
        blanks[name] = blank
        nums[name] = num
    half = blanks["latitude"] ^ blanks["longitude"]
    if half.any():
        empty = np.full(n, "", dtype=object)
        for name in ("latitude", "longitude"):  # in a half row, the blank one is missing
            chk.flag(half & blanks[name], name, empty, "missing while the other coordinate is given")
    for name in ("latitude", "longitude"):
        # NaN where blank; a kept row's value is finite or blank (CheckedTable makes the None of incidents).
        cols["_" + name] = np.where(blanks[name], np.nan, nums[name])


_SETTERS: list[tuple[str, Any]] = []
#: Rows per block when incidents are made: 2048 incidents take about 0.7 MB, which stays in a CPU's cache.
_BLOCK = 2048


def _setters() -> list[tuple[str, Any]]:
    if not _SETTERS:
        _SETTERS.extend((name, getattr(Incident, name).__set__) for name in FIELDS)
    return _SETTERS


def _make(columns: list[tuple[Any, list[Any]]], m: int) -> list[Incident]:
    """Incidents from checked columns, without calling ``__init__`` once per row.

    Every check that ``Incident.__post_init__`` makes has been made on whole columns
    by :func:`check_table`, so the slots are filled column by column in C-level loops:
    about three times faster than 100,000 ``__init__`` calls (the import benchmark).
    The rows go in blocks of :data:`_BLOCK`, whose incidents stay in the CPU's cache
    while each column's values are set: about 1.4 times as fast as whole columns at a time.
    """
    with gc_paused():
        objs = list(map(object.__new__, repeat(Incident, m)))
        for lo in range(0, m, _BLOCK):
            block = objs[lo:lo + _BLOCK]
            for setter, values in columns:
                deque(map(setter, block, values[lo:lo + _BLOCK]), maxlen=0)
    return objs
