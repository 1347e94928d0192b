"""Reading a CSV file into a table: its encoding, its delimiter, ragged rows and bad bytes.

* Encoding: UTF-8 (a BOM is skipped; invalid bytes become U+FFFD, reported per cell);
  UTF-16 when the file starts with its BOM; any other encoding (Latin-1, cp1252...)
  only when the caller names it (``encoding=``, ``--encoding``): guessing would turn
  a UTF-8 file with one bad byte into mojibake without a word.
* Delimiter: comma, semicolon or tab, whichever the header row has most of outside
  quotes (a header is short and regular, unlike the text fields below it); comma when
  it has none of them (a one-column table).
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from ..errors import InputError
from ._results import RowError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

__all__ = ["DELIMITERS", "CsvSource", "bad_utf8_errors", "read_table", "sniff_delimiter"]

#: The delimiters the reader recognises.
DELIMITERS = (",", ";", "\t")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def sniff_delimiter(header: str) -> str:
    """The delimiter of a CSV whose first line is ``header``: the most frequent of , ; and tab outside quotes.

    Examples
    --------
    >>> sniff_delimiter("id;lat;lon"), sniff_delimiter('"a,b"\\tlat\\tlon'), sniff_delimiter("text")
    (';', '\\t', ',')
    """
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties go to the first: comma
    return best if counts[best] else ","


class CsvSource:
    """A CSV file's bytes as UTF-8 for the parsers, with its delimiter.

    UTF-8 files are handed to pandas by path (the fast path); other encodings are
    decoded once and re-encoded as UTF-8 in memory.

    Raises
    ------
    InputError
        An unreadable, empty or binary file, an unknown encoding, or bytes the named
        encoding cannot decode.
    """

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        self.path = path
        try:
            with open(path, "rb") as fh:
                head = fh.read(8192)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        bom = next((name for mark, name in _BOMS if head.startswith(mark)), None)
        if encoding is not None:
            try:
                encoding = codecs.lookup(encoding).name
            except (LookupError, TypeError, ValueError) as exc:
                raise InputError(f"unknown encoding {encoding!r} (e.g. utf-8, utf-16, latin-1, cp1252)") from exc
        enc = encoding or bom or "utf-8"
        self.transcoded: bytes | None = None
        if enc in ("utf-8", "utf-8-sig"):
            text_head = head
            if b"\x00" in head:
                raise InputError(f"{path}: binary data, not a CSV file (UTF-16 needs a byte order mark, "
                                 "or name the encoding)")
        else:
            try:
                text = path.read_bytes().decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not valid {enc} at byte offset {exc.start} ({exc.reason})") from exc
            except OSError as exc:
                raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
            text = text.lstrip("\ufeff")
            if "\x00" in text:
                raise InputError(f"{path}: binary data, not a CSV file")
            self.transcoded = text.encode("utf-8", errors="replace")  # a lone surrogate from UTF-16 becomes "?"
            text_head = self.transcoded[:8192]
        stripped = text_head[3:] if text_head.startswith(codecs.BOM_UTF8) else text_head
        if not stripped.strip() and (self.transcoded is not None or path.stat().st_size <= len(head)):
            raise InputError(f"{path}: empty file, expected a CSV header row")
        first = stripped.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        self.delimiter = sniff_delimiter(first)

    def for_pandas(self) -> Any:
        """What ``pandas.read_csv`` reads: the path, or the transcoded bytes."""
        return self.path if self.transcoded is None else io.BytesIO(self.transcoded)

    def whole(self) -> bytes:
        """Every byte of the file as UTF-8 (as far as it is), without a BOM."""
        data = self.path.read_bytes() if self.transcoded is None else self.transcoded
        return data[3:] if data.startswith(codecs.BOM_UTF8) else data


def _ragged(data: bytes, delimiter: str) -> bool:
    """Whether any record has another number of fields than the header (quote-aware, vectorised).

    A quick screen on the raw bytes; when it says yes, the csv module has the last word.
    """
    import numpy as np

    buf = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(buf == ord('"'))
    newlines = np.flatnonzero(buf == ord("\n"))
    if len(quotes):  # a newline ends a record when an even number of quotes precede it
        newlines = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    ends = newlines if len(newlines) and newlines[-1] == len(buf) - 1 else np.append(newlines, len(buf))
    starts = np.concatenate(([0], ends[:-1] + 1))
    commas = np.flatnonzero(buf == ord(delimiter))
    per = np.searchsorted(commas, ends) - np.searchsorted(commas, starts)
    if len(quotes) > 1:
        # Delimiters between a quote and the next one ("" in a field makes two such spans) are data.
        opens, closes = quotes[0:-1:2], quotes[1::2]
        inside = np.searchsorted(commas, closes) - np.searchsorted(commas, opens)
        per -= np.bincount(np.searchsorted(ends, opens), weights=inside, minlength=len(ends)).astype(per.dtype)
    length = ends - starts
    cr = (length == 1) & (buf[np.minimum(starts, len(buf) - 1)] == ord("\r"))
    per = per[(length > 0) & ~cr]
    return bool(len(per) and (per != per[0]).any())


def read_table(path: Path, encoding: str | None = None,
               text_columns: Sequence[str] = ()) -> tuple[pd.DataFrame, np.ndarray, list[RowError], bool]:
    """The CSV as a DataFrame of text and typed columns, its record numbers, ragged rows, and whether UTF-8 was bad.

    ``text_columns`` are read as text whatever they hold: an id ``007`` or ``1e5`` stays as written.
    """
    import numpy as np
    import pandas as pd

    src = CsvSource(path, encoding)
    errors: list[RowError] = []
    bad_utf8 = False
    frame: pd.DataFrame | None
    options: dict[str, Any] = {"na_filter": False, "encoding": "utf-8-sig", "on_bad_lines": "error",
                               "sep": src.delimiter}
    try:
        try:
            frame = pd.read_csv(src.for_pandas(), **options)
        except UnicodeDecodeError:
            # Slower (pandas decodes in Python then): only for files that need it.
            bad_utf8 = True
            frame = pd.read_csv(src.for_pandas(), encoding_errors="replace", **options)
    except pd.errors.EmptyDataError as exc:
        raise InputError(f"{path}: no header row") from exc
    except pd.errors.ParserError:
        frame = None  # a row with too many fields: the csv module below finds them all
        try:
            src.whole().decode("utf-8")
        except UnicodeDecodeError:
            bad_utf8 = True
    if frame is not None and not isinstance(frame.index, pd.RangeIndex):
        # Every row one field longer than the header: pandas takes the first column as an index
        # instead of refusing the rows (found by the readers' fuzz test). They are ragged rows too.
        frame = None
    if frame is not None:
        # A text column that looks numeric in this file (ids 007, 1.0) is read again as text: a second
        # pass over those columns only, where asking for text up front would slow every file down.
        numeric = [c for c in text_columns if c in frame.columns and frame[c].dtype.kind in "biufc"]
        if numeric:
            again = pd.read_csv(src.for_pandas(), usecols=numeric, dtype=str, encoding_errors="replace", **options)
            for c in numeric:
                frame[c] = again[c]
        # pandas pads a short row with empty cells; a short row's last cell is empty, so only
        # files with empty last cells need the (slower) screen of every record's field count.
        last = frame.iloc[:, -1] if len(frame.columns) else None
        if last is None or last.dtype.kind in "biuf" or not last.eq("").any() or \
                not _ragged(src.whole(), src.delimiter):
            return frame, np.arange(2, len(frame) + 2), errors, bad_utf8
    text = src.whole().decode("utf-8", errors="replace")
    try:
        records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=src.delimiter) if r]
    except csv.Error as exc:  # a field over the csv module's size limit, say
        raise InputError(f"{path}: not a CSV file the reader can parse: {exc}") from exc
    if not records:
        raise InputError(f"{path}: no header row")
    header = records[0]
    good: list[list[str]] = []
    rows: list[int] = []
    for n, rec in enumerate(records[1:], start=2):
        if len(rec) != len(header):
            errors.append(RowError(n, "", src.delimiter.join(rec)[:200],
                                   f"ragged row: {len(rec)} fields, the header has {len(header)}; row dropped"))
            continue
        good.append(rec)
        rows.append(n)
    frame = pd.DataFrame(good, columns=header, dtype=object) if good else pd.DataFrame(columns=header, dtype=object)
    return frame, np.asarray(rows, dtype=np.int64), errors, bad_utf8


def bad_utf8_errors(frame: pd.DataFrame, rows: np.ndarray) -> list[RowError]:
    """A row error (row kept) for each cell where invalid UTF-8 became U+FFFD."""
    import numpy as np

    out = []
    for col in frame.columns:
        s = frame[col]
        if s.dtype.kind in "biufcmM":
            continue
        hit = s.astype(str).str.contains("\ufffd", regex=False).to_numpy(dtype=bool)
        for i in np.flatnonzero(hit):
            out.append(RowError(int(rows[i]), str(col), str(s.iloc[i])[:200],
                                "invalid UTF-8 bytes, replaced with U+FFFD; row kept"))
    return out
