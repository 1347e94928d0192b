"""Input checks: that a file, bytes or a string is text the readers can use.

Bytes must be UTF-8 (a BOM is stripped) without NUL bytes; text must not be
binary data in disguise; newlines are normalised to ``\\n``. Errors are
:class:`~geomap.errors.EncodingError`, or :class:`~geomap.errors.InputError`
for a path that is not a readable file.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from ..errors import EncodingError, InputError

_BOM = codecs.BOM_UTF8
# C0 controls other than tab, LF, VT, FF and CR; DEL; C1 controls (what cp1252 or
# binary data look like once decoded).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_SAMPLE = 65_536  # characters: enough to tell binary from text
_CONTROL_SHARE = 0.10


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def _decode_utf8(data: bytes, where: str, *, within: str = "") -> str:
    """Decode UTF-8, refusing NUL bytes and invalid sequences, stripping a BOM.

    ``where`` prefixes error messages (a path, ``<string>``), if not empty;
    ``within`` says what byte offsets count from (" of the line").
    """
    nul = data.find(b"\x00")
    if nul != -1:
        raise EncodingError(
            _at(where, f"binary data (NUL byte at byte offset {nul}{within}), not text")
        )
    start = len(_BOM) if data.startswith(_BOM) else 0
    try:
        # A memoryview slice avoids copying a large input to drop three bytes.
        return str(memoryview(data)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        bad = data[offset : offset + 1].hex()
        raise EncodingError(
            _at(where, f"not valid UTF-8 at byte offset {offset}{within} (byte 0x{bad}: {exc.reason})")
        ) from exc


def _check_text(text: str, where: str) -> None:
    """Refuse text that is binary data in disguise."""
    nul = text.find("\x00")
    if nul != -1:
        raise EncodingError(_at(where, f"binary data (NUL character at offset {nul}), not text"))
    sample = text[:_CONTROL_SAMPLE]
    if sample:
        controls = sum(1 for _ in _CONTROL.finditer(sample))
        if controls / len(sample) > _CONTROL_SHARE:
            raise EncodingError(
                _at(
                    where,
                    f"binary data ({controls} control characters "
                    f"in the first {len(sample)} characters), not text",
                )
            )


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _to_text(data: bytes | str, where: str) -> str:
    if isinstance(data, (bytes, bytearray, memoryview)):
        text = _decode_utf8(bytes(data) if not isinstance(data, bytes) else data, where)
    elif isinstance(data, str):
        text = data[1:] if data.startswith("\ufeff") else data
    else:
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    _check_text(text, where)
    return _normalise_newlines(text)


def _check_file(path: Path) -> os.stat_result:
    try:
        st = path.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    return st
