"""A temporary path beside the target, renamed over it on success: for writers that want a path (GDAL).

:func:`geomap.outputs.atomic_writer` covers writers that take a file object; GDAL opens
the file itself, so it gets a path with the right extension instead.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from ..errors import OutputError

__all__ = ["atomic_path"]


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh path in the target's folder; it replaces ``path`` when the block ends without error.

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
        os.unlink(name)  # GDAL wants to create the file itself
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
        raise
