"""CSV formula injection: text cells a spreadsheet would run as formulas, escaped as OWASP advises.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with a leading ``'`` (so a spreadsheet shows it as text and runs nothing); so
is a cell that already starts with quotes before one of them, so that reading undoes
exactly one quote and every value comes back as it was. Numbers are written as
numbers: only text is escaped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["escape_cell", "unescape_column"]

_RISKY = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = r"^'(?='*[=+\-@\t\r])"


def escape_cell(value: Any) -> Any:
    """The value to write in a CSV cell: text that could start a formula gets a leading ``'``.

    Examples
    --------
    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("-5 killed"), escape_cell(-5), escape_cell("Lachin")
    ('\\'=HYPERLINK("http://x")', "'-5 killed", -5, 'Lachin')
    """
    if isinstance(value, str) and _RISKY.match(value):
        return "'" + value
    return value


def unescape_column(s: pd.Series) -> pd.Series:
    """Undo :func:`escape_cell` on a text column read back (other columns are returned as they are).

    Examples
    --------
    >>> import pandas as pd
    >>> unescape_column(pd.Series(["'=1+1", "''=x", "'plain", "ok"])).tolist()
    ['=1+1', "'=x", "'plain", 'ok']
    """
    if s.dtype.kind in "biufcmM":
        return s
    try:
        text = s.str
    except AttributeError:  # an object column without a single string
        return s
    quoted = text.startswith("'")  # cheaper than the pattern; nearly every column has no such cell
    quoted = quoted.fillna(False).astype(bool) if s.dtype == object else quoted.astype(bool)
    if not quoted.any():
        return s
    hit = text.match(_ESCAPED)
    hit = (hit.fillna(False) if s.dtype == object else hit).astype(bool)
    return s.where(~hit, text.slice(1))
