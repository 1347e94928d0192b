"""Where geomap writes, and how: paths confined to the output folder, files replaced atomically.

The rule for output paths (:func:`resolve_output_path`):

* the output folder is ``outputs/`` in the current directory unless the caller names another;
* a **relative** path is taken relative to the current directory and must resolve, after
  ``..`` and symbolic links, to a place inside the output folder (``outputs/map.html`` is
  fine, ``../map.html`` and ``outputs/../../map.html`` are refused);
* an **absolute** path is an explicit choice of the user and is accepted anywhere, unless
  the caller passes ``allow_absolute=False`` (as code that builds file names from data
  should: a document id must never choose where a file lands).

Every file is written by :func:`atomic_write` or :func:`atomic_writer`: the bytes go to a
temporary file in the same folder, are flushed to disk, and only then replace the target
with :func:`os.replace`, so a reader sees the old file or the new one, never half of one,
and a failed write leaves the old file untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator, Literal, overload

from ..errors import OutputError

__all__ = ["DEFAULT_OUTPUT_DIR", "atomic_path", "atomic_write", "atomic_writer", "resolve_output_path"]

#: The folder, relative to the current directory, where geomap writes by default.
DEFAULT_OUTPUT_DIR = "outputs"


def resolve_output_path(path: str | os.PathLike[str], *, root: str | os.PathLike[str] = DEFAULT_OUTPUT_DIR,
                        allow_absolute: bool = True) -> Path:
    """The absolute path to write to, after checking that it stays in the output folder.

    Parameters
    ----------
    path : str or os.PathLike
        The path asked for. Relative paths are relative to the current directory.
    root : str or os.PathLike
        The output folder (``outputs`` in the current directory by default).
    allow_absolute : bool
        Accept an absolute ``path`` outside ``root`` (the user typed it).

    Returns
    -------
    pathlib.Path
        Absolute and resolved (symbolic links followed); its folder may not exist yet.

    Raises
    ------
    OutputError
        If the path leaves the output folder, or names a folder.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> resolve_output_path(root / "maps" / "map.html", root=root, allow_absolute=False).name
    'map.html'
    >>> resolve_output_path(root / ".." / "map.html", root=root, allow_absolute=False)
    Traceback (most recent call last):
    ...
    geomap.errors.OutputError: ...: outside the output folder ...
    """
    raw = Path(path)
    if str(path) == "" or raw.name in ("", ".", ".."):
        raise OutputError(f"{str(path)!r}: not a file name")
    base = Path(root).resolve()
    target = (raw if raw.is_absolute() else Path.cwd() / raw).resolve()
    if target.is_dir():
        raise OutputError(f"{path}: is a folder, give a file name")
    if raw.is_absolute() and allow_absolute:
        return target
    if not target.is_relative_to(base):
        hint = "; give an absolute path to write elsewhere" if allow_absolute else ""
        raise OutputError(f"{path}: outside the output folder {base}{hint}")
    return target


@overload
def atomic_writer(path: str | os.PathLike[str], mode: Literal["w"] = "w", *,
                  encoding: str = "utf-8") -> contextlib.AbstractContextManager[IO[str]]: ...
@overload
def atomic_writer(path: str | os.PathLike[str], mode: Literal["wb"], *,
                  encoding: str = "utf-8") -> contextlib.AbstractContextManager[IO[bytes]]: ...


@contextlib.contextmanager  # type: ignore[misc]
def atomic_writer(path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8") -> Iterator[IO]:  # type: ignore[type-arg]
    """A file to write that replaces ``path`` only when the ``with`` block ends without error.

    The folder is created if missing. On an error inside the block the temporary file
    is removed and ``path`` keeps its old content.

    Parameters
    ----------
    path : str or os.PathLike
        The final file (not checked against the output folder: see :func:`resolve_output_path`).
    mode : {"w", "wb"}
        Text (UTF-8, ``\\n`` line ends) or bytes.
    encoding : str
        For text mode.

    Raises
    ------
    OutputError
        If the folder cannot be created or the file cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
    >>> with atomic_writer(target) as f:
    ...     _ = f.write("done")
    >>> target.read_text()
    'done'
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    with atomic_path(path) as tmp:
        try:
            f = open(tmp, "x", encoding=encoding, newline="\n") if mode == "w" else open(tmp, "xb")
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A fresh path beside ``path`` that replaces it when the ``with`` block ends without error.

    For writers that open the file themselves (GDAL); :func:`atomic_writer` builds on it for
    writers that take a file object. The temporary name keeps the target's extension, so
    drivers chosen by extension work, and lies in the same folder, since ``os.replace`` is
    atomic only within one file system. On an error the temporary file is removed and
    ``path`` keeps its old content.

    Raises
    ------
    OutputError
        If the folder cannot be created or the file cannot be moved into place.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.gpkg"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_bytes(b"x")
    >>> target.read_bytes(), tmp.exists()
    (b'x', False)
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".tmp{target.suffix}", dir=target.parent)
        os.close(fd)
        os.unlink(name)  # the writer creates the file itself (GDAL insists)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp's file would be private (0600); give the result the mode a plain open() gives.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
        raise


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_writer`); text is written as UTF-8.

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.geojson"
    >>> atomic_write(target, '{"type": "FeatureCollection", "features": []}').read_text()[:9]
    '{"type": '
    """
    target = Path(path)
    if isinstance(data, str):
        with atomic_writer(target, "w") as f:
            f.write(data)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        with atomic_writer(target, "wb") as fb:
            fb.write(data)
    else:
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    return target
