"""Column helpers: work done once per distinct value of a column and spread over its rows.

Incident tables repeat a few values many times (event types, countries, actors, dates):
pandas factorizes a column, Python handles each distinct value once, numpy spreads the
result back by code. Used by the readers and checks in :mod:`geomap.io`.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["distinct", "gc_paused", "per_distinct", "per_value", "text_series"]


def per_value(s: pd.Series, func: Any) -> np.ndarray:
    """``func`` of each distinct value, spread over the rows (columns repeat a few values many times).

    Examples
    --------
    >>> import pandas as pd
    >>> per_value(pd.Series(["a", "b", "a", None]), lambda v: (v or "").upper()).tolist()
    ['A', 'B', 'A', '']
    """
    codes, table = per_distinct(s, func)
    return table[codes]


def per_distinct(s: pd.Series, func: Any) -> tuple[np.ndarray, np.ndarray]:
    """``func`` of each distinct value once, and each row's position in that table.

    Returns
    -------
    codes : numpy.ndarray of int
        ``-1`` for a missing value, which takes the table's last entry, ``func(None)``.
    table : numpy.ndarray of object

    Examples
    --------
    >>> import pandas as pd
    >>> codes, table = per_distinct(pd.Series(["a", None, "a"]), lambda v: v or "?")
    >>> codes.tolist(), table.tolist()
    ([0, -1, 0], ['a', '?'])
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    return codes, np.array([func(u) for u in uniques] + [func(None)], dtype=object)


def distinct(s: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """The distinct values of a column, in its dtype, and each row's position among them.

    Vectorised pandas operations on the (few) distinct values, spread with the codes,
    give what they give on the whole column, for a fraction of the work.

    Returns
    -------
    codes : numpy.ndarray of int
        ``-1`` for a missing value, which is the last of the values when there is one.
    values : pandas.Series

    Examples
    --------
    >>> import pandas as pd
    >>> codes, values = distinct(pd.Series(["b", None, "b", "a"]))
    >>> codes.tolist(), values.tolist()
    ([0, -1, 0, 1], ['b', 'a', nan])
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    values = pd.Series(uniques)
    missing = np.flatnonzero(codes < 0)[:1]
    if len(missing):
        values = pd.concat([values, s.iloc[missing]], ignore_index=True)
    return codes, values


def text_series(values: Sequence[str | None], codes: np.ndarray, index: Any = None) -> pd.Series:
    """A text column, ``values[codes]``, made without a Python string per row.

    Parameters
    ----------
    values : sequence of str or None
        The distinct texts; ``None`` (or NaN) for a missing value.
    codes : numpy.ndarray of int
        Each row's position in ``values`` (not negative).
    index : pandas.Index, optional

    Examples
    --------
    >>> import numpy as np
    >>> text_series(["AZ", "AM", None], np.array([1, 0, 2, 1])).tolist()
    ['AM', 'AZ', nan, 'AM']
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    table = [None if v is None or v != v else str(v) for v in values]
    dtype = pd.Series([""]).dtype
    if dtype == object or getattr(dtype, "storage", None) != "pyarrow":  # pandas without Arrow-backed text
        return pd.Series(np.array(table, dtype=object)[codes], index=index)
    dictionary = pa.array(table, type=pa.large_string())
    column = pa.DictionaryArray.from_arrays(pa.array(codes, type=pa.int64()), dictionary).cast(pa.large_string())
    return pd.Series(column, dtype=dtype, index=index)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a block makes many objects that hold no cycles.

    100,000 new geometries or incidents would otherwise start full collections that
    walk every object in the process (the gazetteer's included), for nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
