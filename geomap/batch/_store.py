"""The output folder of a batch: per-chunk GeoParquet parts, the manifest, errors and summary.

Layout::

    OUTDIR/
      incidents/part-000000.parquet   one GeoParquet file per chunk (EPSG:4326), same schema in every part
      places/part-000000.parquet      the places each document names (one row per mention, point geometry)
      errors/part-000000.jsonl        the documents of the chunk that failed (only when some did)
      manifest.jsonl                  header line, then one line per completed chunk, with its counts
      errors.csv                      all failed documents: doc_id, ref, error_type, reason
      summary.json                    counts by event type, country and month
      map.html                        the incidents on a map
      .geomap-batch.lock              held (flock) by the run using the folder; a second run fails at once

A part file is written to a hidden temporary name, flushed to disk and renamed
into place (:func:`geomap.io._outputs.atomic_writer`), so it is either whole or absent; readers of the folder (pyarrow,
dask) skip hidden names. A chunk counts as done only when its manifest line is
on disk, which is written after its parts: a crash between the two leaves
parts that the resumed run rewrites with identical content. The manifest is
append-only (one ``write`` and ``fsync`` a chunk) rather than rewritten, so
that recording a chunk costs the same for the first and the millionth; a line
torn by a crash is dropped when the run resumes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, OutputError
from ..io import atomic_write, atomic_writer

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

    from ..incidents import Incident
    from ._worker import DocResult

__all__ = ["LOCK", "MANIFEST", "Manifest", "part_path", "read_incidents", "run_lock", "write_chunk"]

MANIFEST = "manifest.jsonl"
#: The lock file a running batch holds in its output folder (hidden: the folder counts as empty with it).
LOCK = ".geomap-batch.lock"
FORMAT = "geomap-batch/1"


def part_path(outdir: Path, table: str, chunk_id: str) -> Path:
    """``OUTDIR/<table>/part-<chunk>.parquet`` (``.jsonl`` for errors)."""
    suffix = "jsonl" if table == "errors" else "parquet"
    return outdir / table / f"part-{chunk_id}.{suffix}"


# --------------------------------------------------------------------------- #
# Part files
# --------------------------------------------------------------------------- #
def _incident_schema() -> pyarrow.Schema:
    import pyarrow as pa

    # Explicit types: a chunk where a column is all empty (no injuries reported, no date) would
    # otherwise write a null-typed column and the parts would no longer read as one dataset.
    s, i, f = pa.string(), pa.int64(), pa.float64()
    return pa.schema([
        ("doc_id", s), ("event_id", s), ("event_date", pa.date32()), ("year", i), ("time_precision", i),
        ("disorder_type", s), ("event_type", s), ("sub_event_type", s), ("actor1", s), ("actor2", s),
        ("inter1", i), ("inter2", i), ("civilian_targeting", pa.bool_()), ("country", s), ("iso", s),
        ("admin1", s), ("admin2", s), ("location", s), ("latitude", f), ("longitude", f), ("geo_precision", i),
        ("fatalities", i), ("fatalities_low", i), ("fatalities_best", i), ("fatalities_high", i),
        ("injuries", i), ("source", s), ("source_url", s), ("notes", s), ("evidence_start", i),
        ("evidence_end", i), ("place_id", s), ("confidence", f), ("trigger", s), ("trigger_start", i),
        ("trigger_end", i), ("place_start", i), ("place_end", i), ("geometry_type", s),
    ])


def _place_schema() -> pyarrow.Schema:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    return pa.schema([
        ("doc_id", s), ("surface", s), ("start", i), ("end", i), ("mention_kind", s), ("score", f),
        ("place_id", s), ("name", s), ("place_kind", s), ("country", s), ("admin1", s), ("admin2", s),
        ("latitude", f), ("longitude", f), ("population", i), ("place_geometry_type", s),
    ])


def _write_geoparquet(path: Path, rows: list[dict[str, Any]], geoms: list[Any], schema: pyarrow.Schema) -> None:
    import geopandas
    import pandas as pd
    import pyarrow as pa

    table = pa.Table.from_pylist(rows, schema=schema)
    frame = table.to_pandas(types_mapper=pd.ArrowDtype)
    gdf = geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"), crs="EPSG:4326")
    buffer = io.BytesIO()
    gdf.to_parquet(buffer, index=False, compression="zstd")
    atomic_write(path, buffer.getvalue())


def _incident_rows(results: Sequence[DocResult]) -> tuple[list[dict[str, Any]], list[Any]]:
    rows, geoms = [], []
    for r in results:
        for inc in r.incidents:
            row = inc.to_dict()
            row["doc_id"] = r.doc_id
            if row["event_date"] is not None:
                row["event_date"] = inc.event_date
            rows.append(row)
            geoms.append(inc.shape())
    return rows, geoms


def _place_rows(results: Sequence[DocResult]) -> tuple[list[dict[str, Any]], list[Any]]:
    import shapely

    rows, geoms = [], []
    for r in results:
        for m in r.places:
            p = m.place
            # The point only: a country's polygon repeated for every mention of it would dwarf the
            # table; place_id joins to the gazetteer for the shape.
            rows.append({"doc_id": r.doc_id, "surface": m.surface, "start": m.start, "end": m.end,
                         "mention_kind": m.kind, "score": m.score, "place_id": p.place_id, "name": p.name,
                         "place_kind": p.kind.value, "country": p.country, "admin1": p.admin1, "admin2": p.admin2,
                         "latitude": p.latitude, "longitude": p.longitude, "population": p.population,
                         "place_geometry_type": p.geometry_type})
            geoms.append(shapely.Point(p.longitude, p.latitude))
    return rows, geoms


def write_chunk(outdir: Path, chunk_id: str, results: Sequence[DocResult], errors: list[dict[str, Any]]) -> None:
    """Write a chunk's incidents, places and errors, each file atomically.

    Parts are written even when empty, so that the dataset always has every
    column with its type.
    """
    rows, geoms = _incident_rows(results)
    _write_geoparquet(part_path(outdir, "incidents", chunk_id), rows, geoms, _incident_schema())
    rows, geoms = _place_rows(results)
    _write_geoparquet(part_path(outdir, "places", chunk_id), rows, geoms, _place_schema())
    if errors:
        # ASCII escapes: a lone surrogate in an id or a message cannot break the write.
        atomic_write(part_path(outdir, "errors", chunk_id), "".join(json.dumps(e) + "\n" for e in errors))


# --------------------------------------------------------------------------- #
# Lock and manifest
# --------------------------------------------------------------------------- #
@contextlib.contextmanager
def run_lock(outdir: Path) -> Iterator[None]:
    """Hold the output folder for one run: a second run on it (``--resume`` twice) fails at once.

    An advisory ``flock`` on :data:`LOCK`, which the system releases when the process
    ends, however it ends (``kill -9`` included): a stale lock file never blocks a resume.

    Raises
    ------
    OutputError
        Another run holds the folder, or the folder cannot be made.
    """
    import fcntl

    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir} is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        fd = os.open(outdir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot use {outdir}: {exc.strerror or exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise OutputError(f"another geomap batch run is using {outdir}; wait for it to finish "
                              "(or stop it) before resuming") from exc
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # releases the lock
class Manifest:
    """The record of completed chunks of a run, append-only.

    Parameters
    ----------
    outdir : Path
    header : dict
        What identifies the run: corpus, kind, chunk size, size limit. A resumed
        run must match it.
    resume : bool
        Keep the completed chunks of a previous run with the same header.

    Raises
    ------
    OutputError
        If the folder holds another run and ``resume`` is false, or holds files
        that are not a batch's.
    InputError
        If resuming with a different corpus or options.
    """

    def __init__(self, outdir: Path, header: dict[str, Any], *, resume: bool) -> None:
        self.path = outdir / MANIFEST
        self.header = {"format": FORMAT, **header}
        self.done: dict[str, dict[str, Any]] = {}
        previous = self._read() if self.path.exists() else None
        if previous is not None and not resume:
            raise OutputError(f"{outdir} holds a previous batch run; pass --resume to continue it, "
                              f"or choose another output folder")
        if previous is None and outdir.exists() and any(not p.name.startswith(".") for p in outdir.iterdir()):
            raise OutputError(f"{outdir} is not empty and holds no batch run; choose an empty or new folder")
        outdir.mkdir(parents=True, exist_ok=True)
        _remove_temporaries(outdir)
        if previous is None:
            atomic_write(self.path, json.dumps(self.header) + "\n")
            return
        old_header, records = previous
        for key in ("format", "corpus", "kind", "chunk_size", "max_doc_bytes", "geomap", "near", "countries"):
            if old_header.get(key) != self.header.get(key):
                raise InputError(f"cannot resume: {key} was {old_header.get(key)!r}, now {self.header.get(key)!r}")
        self.done = {r["chunk"]: r for r in records}
        # Rewrite without a torn last line, so the next append starts on a fresh line.
        atomic_write(self.path, "".join(json.dumps(x) + "\n" for x in [old_header, *records]))

    @staticmethod
    def stored_chunk_size(outdir: Path) -> int | None:
        """The chunk size a previous run in ``outdir`` used, if its manifest says."""
        try:
            with open(outdir / MANIFEST, "rb") as f:
                value = json.loads(f.readline()).get("chunk_size")
        except (OSError, ValueError, AttributeError):
            return None
        return value if isinstance(value, int) else None

    def _read(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        lines = self.path.read_bytes().split(b"\n")
        try:
            header = json.loads(lines[0])
        except ValueError as exc:
            raise OutputError(f"{self.path}: not a batch manifest") from exc
        records = []
        for line in lines[1:]:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line torn by a crash: that chunk is simply not done
            if isinstance(record, dict) and "chunk" in record:
                records.append(record)
        return header, records

    def check(self, chunk_id: str, first: str, docs: int) -> None:
        """Refuse to resume over a corpus whose chunk ``chunk_id`` is no longer the one recorded."""
        record = self.done[chunk_id]
        if record["first"] != first or record["docs"] != docs:
            raise InputError(f"cannot resume: chunk {chunk_id} of the corpus changed since the previous run "
                             f"(it began with {record['first']!r}, {record['docs']} documents; now {first!r}, {docs})")

    def append(self, record: dict[str, Any]) -> None:
        """Record a completed chunk durably (one write, then fsync)."""
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.done[record["chunk"]] = record


def _remove_temporaries(outdir: Path) -> None:
    # geomap.io._outputs.atomic_writer's temporaries: ".<name>.<random>.tmp", left behind only by a kill.
    for folder in (outdir, outdir / "incidents", outdir / "places", outdir / "errors"):
        if folder.is_dir():
            for p in folder.glob(".*.tmp"):
                with contextlib.suppress(FileNotFoundError):
                    p.unlink()


# --------------------------------------------------------------------------- #
# Final outputs
# --------------------------------------------------------------------------- #
def merge_errors(outdir: Path, chunk_ids: Sequence[str]) -> int:
    """Write ``errors.csv`` from the chunks' error parts, in corpus order; return the row count."""
    import csv

    from ..io import escape_cell

    count = 0
    with atomic_writer(outdir / "errors.csv", "w") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["doc_id", "ref", "error_type", "reason"])
        for chunk_id in sorted(chunk_ids):
            path = part_path(outdir, "errors", chunk_id)
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                e = json.loads(line)
                error_type, _, reason = e["error"].partition(": ")
                writer.writerow([escape_cell(v) for v in (e["doc_id"], e["ref"], error_type, reason)])
                count += 1
    return count


def read_incidents(outdir: str | os.PathLike[str], *, limit: int | None = None) -> list[Incident]:
    """Incidents of a batch output folder, as :class:`~geomap.incidents._model.Incident` values.

    Parameters
    ----------
    outdir : str or os.PathLike
        The folder ``run_batch`` wrote.
    limit : int, optional
        Keep only the ``limit`` most confident (ties by ``event_id``); for a
        map of a corpus too large to draw whole. Only two columns of the
        dataset are read to choose them.

    Returns
    -------
    list of Incident
        Sorted by ``event_id`` (all of them) or by decreasing confidence (with ``limit``).
    """
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    dataset = ds.dataset(Path(outdir) / "incidents", format="parquet")
    expression = None
    if limit is not None:
        keys = dataset.to_table(columns=["event_id", "confidence"])
        if keys.num_rows > limit:
            order = pc.sort_indices(keys, sort_keys=[("confidence", "descending"), ("event_id", "ascending")])
            expression = pc.field("event_id").isin(keys["event_id"].take(order[:limit]))
    table = dataset.to_table(filter=expression)
    incidents = [_row_to_incident(row) for row in table.to_pylist()]
    if limit is not None:
        return sorted(incidents, key=lambda i: (-i.confidence, i.event_id))
    return sorted(incidents, key=lambda i: i.event_id)


def _row_to_incident(row: dict[str, Any]) -> Incident:
    from dataclasses import fields

    from ..incidents import Incident

    names = {f.name for f in fields(Incident)}
    values = {k: v for k, v in row.items() if k in names}
    shape = row.get("geometry_type")
    values["geometry_wkb"] = row["geometry"] if shape not in (None, "Point") else None
    return Incident(**values)
