"""Compare two gazetteer databases table by table: is a build reproduced?

Usage::

    python -m gazetteer._build.compare A.sqlite B.sqlite

Prints, for every table, the row counts and whether the rows are identical
(compared through a SHA-256 of all rows in primary-key order); the ``meta``
table is compared without ``build_date``. Exits 0 when everything but the
build date is identical, 1 otherwise, 2 when a file cannot be read.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

__all__ = ["compare", "main"]

#: Metadata that differs between two builds of the same inputs by design.
_VOLATILE_META = frozenset({"build_date"})


def _tables(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                       "AND name NOT LIKE 'bbox_%' ORDER BY name")
    return [name for (name,) in rows]


def _digest(con: sqlite3.Connection, table: str) -> tuple[int, str]:
    h = hashlib.sha256()
    n = 0
    where = f" WHERE key NOT IN ({','.join('?' * len(_VOLATILE_META))})" if table == "meta" else ""
    args = sorted(_VOLATILE_META) if table == "meta" else []
    order = "key" if table == "meta" else "1, 2" if table == "names" else "1"
    for row in con.execute(f"SELECT * FROM {table}{where} ORDER BY {order}", args):
        h.update(repr(row).encode("utf-8"))
        n += 1
    return n, h.hexdigest()


def compare(a: Path, b: Path) -> list[tuple[str, int, int, bool]]:
    """``(table, rows in a, rows in b, identical)`` for every table of either database.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name, date in (("a", "2026-01-01"), ("b", "2026-02-02")):
    ...         con = sqlite3.connect(f"{d}/{name}.sqlite")
    ...         _ = con.executescript("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    ...                           "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT);"
    ...                           "INSERT INTO places VALUES (1, 'Lachin');")
    ...         _ = con.execute("INSERT INTO meta VALUES ('build_date', ?)", (date,))
    ...         con.commit(); con.close()
    ...     result = compare(Path(d) / "a.sqlite", Path(d) / "b.sqlite")
    >>> result
    [('meta', 0, 0, True), ('places', 1, 1, True)]
    """
    out = []
    ca = sqlite3.connect(f"{Path(a).resolve().as_uri()}?mode=ro", uri=True)
    cb = sqlite3.connect(f"{Path(b).resolve().as_uri()}?mode=ro", uri=True)
    try:
        ta, tb = _tables(ca), _tables(cb)
        for table in sorted(set(ta) | set(tb)):
            na, da = _digest(ca, table) if table in ta else (0, "")
            nb, db = _digest(cb, table) if table in tb else (0, "-")
            out.append((table, na, nb, da == db))
    finally:
        ca.close()
        cb.close()
    return out


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python -m gazetteer._build.compare A B``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m gazetteer._build.compare A.sqlite B.sqlite", file=sys.stderr)
        return 2
    try:
        rows = compare(Path(args[0]), Path(args[1]))
    except sqlite3.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{'table':<10}{'rows A':>12}{'rows B':>12}  identical")
    for table, na, nb, same in rows:
        print(f"{table:<10}{na:>12,}{nb:>12,}  {'yes' if same else 'NO'}")
    return 0 if all(same for *_, same in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
