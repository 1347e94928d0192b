"""Where geomap writes, and how: checked paths, files replaced atomically, outputs that land together.

The rule for output paths (:func:`resolve_output_path`):

* a relative path is taken relative to the current directory, as every command-line tool
  does; ``outputs/`` is only where commands write when no path is given
  (:data:`DEFAULT_OUTPUT_DIR`). Code that builds file names from data passes ``root``, and
  the path must then stay inside it (a document id must never choose where a file lands);
* the folder must exist (``mkdirs=True`` creates it) and be an ordinary folder: geomap
  never writes into ``/dev``, ``/proc`` or ``/sys``;
* an existing target must be a regular file (after symbolic links): a FIFO, a device or a
  socket is refused, so ``-o /dev/null`` never replaces ``/dev/null``;
* temporary files that a killed run left beside the target are removed.

Every file is written by :func:`atomic_write` or :func:`atomic_writer`: the bytes go to a
temporary file in the same folder, are flushed to disk, and only then replace the target
with :func:`os.replace`, so a reader sees the old file or the new one, never half of one,
and a failed write leaves the old file untouched. :func:`write_together` does the same for
several files at once: either all of them are replaced or none is.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import IO, Iterator, Literal, overload

from ..errors import OutputError

__all__ = ["DEFAULT_OUTPUT_DIR", "atomic_path", "atomic_write", "atomic_writer", "in_default_folder",
           "remove_stale_temporaries", "resolve_output_path", "write_together"]

#: The folder, relative to the current directory, where commands write when no path is given.
DEFAULT_OUTPUT_DIR = "outputs"

#: Kernel trees where files are devices or views of the system, never outputs.
_SYSTEM_TREES = (Path("/dev"), Path("/proc"), Path("/sys"))
#: A temporary of ours: ``.<stem>.<pid>-<random>.tmp<suffix>``; the pid tells whether its writer still runs.
_TEMPORARY = re.compile(r"^\.(?P<stem>.*)\.(?P<pid>\d+)-[^.]+\.tmp(?P<suffix>.*)$")
#: Temporaries without a pid (written before pids were recorded) are stale after this long.
_STALE_SECONDS = 3600.0


def resolve_output_path(path: str | os.PathLike[str], *, mkdirs: bool = False,
                        root: str | os.PathLike[str] | None = None) -> Path:
    """The absolute path to write to, after checking that geomap may write there.

    Parameters
    ----------
    path : str or os.PathLike
        The path asked for. Relative paths are relative to the current directory.
    mkdirs : bool
        Create a missing folder (with its parents) instead of refusing the path.
    root : str or os.PathLike, optional
        Confine the path to this folder (after ``..`` and symbolic links), for names built from data.

    Returns
    -------
    pathlib.Path
        Absolute and resolved (symbolic links followed).

    Raises
    ------
    OutputError
        For an empty name or a folder; a path outside ``root``; a missing folder without
        ``mkdirs``; a folder under ``/dev``, ``/proc`` or ``/sys``; an existing target that
        is not a regular file (a FIFO, a device, a socket); a folder that cannot be written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> resolve_output_path(root / "map.html").name
    'map.html'
    >>> resolve_output_path(root / "new" / "map.html")
    Traceback (most recent call last):
    ...
    geomap.errors.OutputError: ...: the folder ... does not exist; create it first or pass --mkdirs
    >>> resolve_output_path(root / "new" / "map.html", mkdirs=True).parent.is_dir()
    True
    >>> resolve_output_path(root / ".." / "map.html", root=root)
    Traceback (most recent call last):
    ...
    geomap.errors.OutputError: ...: outside the output folder ...
    >>> resolve_output_path("/dev/null")
    Traceback (most recent call last):
    ...
    geomap.errors.OutputError: /dev/null: geomap does not write under /dev, /proc or /sys
    """
    raw = Path(path)
    if str(path).strip() == "" or raw.name in ("", ".", ".."):
        raise OutputError(f"{str(path)!r}: not a file name; give a file to write, e.g. -o outputs/map.html")
    target = (raw if raw.is_absolute() else Path.cwd() / raw).resolve()
    if root is not None:
        base = Path(root).resolve()
        if not target.is_relative_to(base):
            raise OutputError(f"{path}: outside the output folder {base}")
    if any(target.is_relative_to(tree) for tree in _SYSTEM_TREES) and os.name == "posix":
        raise OutputError(f"{path}: geomap does not write under /dev, /proc or /sys")
    _check_target(path, target)
    folder = target.parent
    if not folder.exists():
        if not mkdirs:
            raise OutputError(f"{path}: the folder {folder} does not exist; create it first or pass --mkdirs")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create the folder {folder}: {exc.strerror or exc}") from exc
    elif not folder.is_dir():
        raise OutputError(f"{path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write into the folder {folder}")
    remove_stale_temporaries(target)
    return target


def in_default_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` lies directly in the default output folder, which commands create when missing.

    Examples
    --------
    >>> in_default_folder("outputs/map.html"), in_default_folder("maps/map.html")
    (True, False)
    """
    folder = (Path.cwd() / Path(path)).parent
    return os.path.normpath(folder) == os.path.normpath(Path.cwd() / DEFAULT_OUTPUT_DIR)


def _check_target(path: str | os.PathLike[str], target: Path) -> None:
    """Refuse an existing target that is anything but a regular file."""
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # a new file; its folder is checked next
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder, give a file name")
    if not stat.S_ISREG(mode):
        kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
        raise OutputError(f"{path}: is {kind}; geomap writes only regular files")


def remove_stale_temporaries(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries that a killed writer of ``target`` left beside it; return them.

    A temporary whose writing process still runs is kept. Never raises.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".map.999999999-x1.tmp.html").write_text("half a map")
    >>> [p.name for p in remove_stale_temporaries(folder / "map.html")]
    ['.map.999999999-x1.tmp.html']
    """
    target = Path(target)
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{_glob_escape(target.stem)}.*.tmp{_glob_escape(target.suffix)}"))
    except OSError:
        return removed
    for tmp in candidates:
        m = _TEMPORARY.match(tmp.name)
        try:
            if m is not None:
                if m["stem"] != target.stem or _alive(int(m["pid"])):
                    continue
            elif time.time() - tmp.stat().st_mtime < _STALE_SECONDS:
                continue
            tmp.unlink()
            removed.append(tmp)
        except (OSError, ValueError):
            continue  # gone already, or not ours to remove
    return removed


def _glob_escape(text: str) -> str:
    """``text`` with glob's special characters made literal.

    Examples
    --------
    >>> _glob_escape("a[1]*.txt")
    'a[[]1][*].txt'
    """
    return re.sub(r"([*?[])", r"[\1]", text)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a pid we cannot ask about: not ours to judge
    return True


def _temporary_beside(target: Path) -> Path:
    """A fresh, unused name beside ``target`` that keeps its extension (GDAL picks drivers by it)."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.{os.getpid()}-", suffix=f".tmp{target.suffix}",
                                    dir=target.parent)
        os.close(fd)
        os.unlink(name)  # the writer creates the file itself (GDAL insists)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    return Path(name)


def _publish(tmp: Path, target: Path) -> None:
    # mkstemp's file would be private (0600); give the result the mode a plain open() gives.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, target)


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
        The final file (not checked: see :func:`resolve_output_path`).
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
    ``path`` keeps its old content; errors are those of :func:`write_together`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.gpkg"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_bytes(b"x")
    >>> target.read_bytes(), tmp.exists()
    (b'x', False)
    """
    with write_together(path) as (tmp,):
        yield tmp


@contextlib.contextmanager
def write_together(*paths: str | os.PathLike[str]) -> Iterator[tuple[Path, ...]]:
    """Fresh paths beside each of ``paths`` that replace them all when the ``with`` block ends without error.

    A command whose outputs must succeed or fail together writes each one to its
    temporary; nothing is replaced until every writer has finished, and on an error
    every temporary is removed and every target keeps its old content. A temporary the
    block did not create leaves its target as it was.

    Raises
    ------
    OutputError
        If a temporary cannot be made or a file cannot be moved into place.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> try:
    ...     with write_together(folder / "map.html", folder / "map.geojson") as (html, geojson):
    ...         _ = html.write_text("<html>")
    ...         raise OSError("the disk is full")
    ... except OSError:
    ...     pass
    >>> sorted(p.name for p in folder.iterdir())
    []
    >>> with write_together(folder / "map.html", folder / "map.geojson") as (html, geojson):
    ...     _ = html.write_text("<html>"), geojson.write_text("{}")
    >>> sorted(p.name for p in folder.iterdir())
    ['map.geojson', 'map.html']
    """
    targets = [Path(p) for p in paths]
    tmps: list[Path] = []
    try:
        for target in targets:
            tmps.append(_temporary_beside(target))
        yield tuple(tmps)
        for tmp, target in zip(tmps, targets):
            if tmp.exists():
                _publish(tmp, target)
    except BaseException as exc:
        for tmp in tmps:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            where = targets[0] if len(targets) == 1 else ", ".join(map(str, targets))
            raise OutputError(f"{where}: cannot write: {exc.strerror or exc}") from exc
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
