"""The end of a batch: the summary (counts by event type, country and month) and the map."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..io import atomic_write
from ._store import read_incidents

__all__ = ["BatchSummary", "summarise", "write_map", "write_summary"]


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch produced, over all its runs (a resumed run counts the earlier runs' chunks).

    Attributes
    ----------
    outdir : str
    documents, incidents, places, errors, chunks : int
        Totals over the corpus; ``errors`` is the number of documents that failed.
    by_event_type, by_country, by_month : dict of str to int
        Incident counts, largest first (``"unknown"`` where the country or date is).
    chunks_skipped : int
        Chunks a ``--resume`` found already done.
    seconds : float
        Wall time of this run.
    docs_per_second : float
        Documents processed by this run per second of its wall time.
    peak_rss_per_worker : dict of int to int
        Peak resident memory (bytes) of each worker process, by process id, as
        the workers reported it after their last chunk of this run.
    map_path : str
        ``""`` when no map was written.
    """

    outdir: str
    documents: int
    incidents: int
    places: int
    errors: int
    chunks: int
    by_event_type: dict[str, int]
    by_country: dict[str, int]
    by_month: dict[str, int]
    chunks_skipped: int = 0
    seconds: float = 0.0
    docs_per_second: float = 0.0
    peak_rss_per_worker: dict[int, int] = field(default_factory=dict)
    map_path: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; what depends on the run (timing, processes) is under ``"run"``."""
        return {
            "documents": self.documents, "incidents": self.incidents, "places": self.places,
            "errors": self.errors, "chunks": self.chunks, "by_event_type": self.by_event_type,
            "by_country": self.by_country, "by_month": self.by_month,
            "run": {"outdir": self.outdir, "chunks_skipped": self.chunks_skipped, "seconds": round(self.seconds, 3),
                    "docs_per_second": round(self.docs_per_second, 1),
                    "peak_rss_per_worker": {str(k): v for k, v in sorted(self.peak_rss_per_worker.items())},
                    "map": self.map_path},
        }

    def format(self) -> str:
        """A few lines for a terminal."""
        lines = [f"{self.documents:,} documents, {self.incidents:,} incidents, {self.places:,} place mentions, "
                 f"{self.errors:,} failed documents ({self.chunks} chunks, {self.chunks_skipped} resumed)"]
        if self.seconds:
            lines.append(f"{self.seconds:.1f} s, {self.docs_per_second:,.1f} documents/s this run")
        for title, counts in (("event types", self.by_event_type), ("countries", self.by_country),
                              ("months", self.by_month)):
            top = ", ".join(f"{k} {v:,}" for k, v in list(counts.items())[:8])
            more = f" (+{len(counts) - 8} more)" if len(counts) > 8 else ""
            lines.append(f"{title}: {top or '-'}{more}")
        return "\n".join(lines)


def _ranked(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def summarise(outdir: Path, records: Iterable[dict[str, Any]], **run: Any) -> BatchSummary:
    """Merge the manifest's per-chunk counts into a :class:`BatchSummary` (no data is re-read)."""
    totals: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {"event_types": Counter(), "countries": Counter(), "months": Counter()}
    chunks = 0
    for r in records:
        chunks += 1
        for key in ("docs", "incidents", "places", "errors"):
            totals[key] += r[key]
        for key, counter in kinds.items():
            counter.update(r[key])
    months = dict(sorted(kinds["months"].items()))  # chronological reads better than by count
    return BatchSummary(str(outdir), totals["docs"], totals["incidents"], totals["places"], totals["errors"], chunks,
                        _ranked(kinds["event_types"]), _ranked(kinds["countries"]), months, **run)


def write_summary(outdir: Path, summary: BatchSummary) -> Path:
    """Write ``summary.json`` atomically."""
    return atomic_write(outdir / "summary.json", json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n")


def write_map(outdir: Path, *, limit: int) -> Path:
    """Write ``map.html`` with the ``limit`` most confident incidents.

    Uses :func:`geomap.render.render_map` when it is installed, else a plain
    folium map with one escaped marker per incident.
    """
    incidents = read_incidents(outdir, limit=limit)
    try:
        from ..render import render_map
    except ImportError:  # geomap.render is optional here: a plain map still shows the incidents
        fmap = _plain_map(incidents)
    else:
        from ..geoparse import default_gazetteer  # the workers' gazetteer, opened once per process

        fmap = render_map(incidents, gazetteer=default_gazetteer())
    return atomic_write(outdir / "map.html", fmap.get_root().render())


def _escape(text: str) -> str:
    # folium puts tooltips and popups in HTML inside JS template strings, and the text comes from
    # untrusted articles: escape for HTML, then make backticks, dollars and backslashes inert there.
    return html.escape(text).replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def _plain_map(incidents: list[Any]) -> Any:
    import folium

    points = [i for i in incidents if i.latitude is not None and i.longitude is not None]
    fmap = folium.Map(location=[20, 0], zoom_start=2, tiles="OpenStreetMap")
    if points:
        lats = [i.latitude for i in points]
        lons = [i.longitude for i in points]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    for inc in points:
        label = _escape(f"{inc.event_type}: {inc.location} ({inc.event_date or 'no date'})")
        popup = f"<b>{label}</b><br>{_escape(inc.notes[:500])}<br><small>{_escape(inc.event_id)}</small>"
        folium.CircleMarker([inc.latitude, inc.longitude], radius=4, tooltip=folium.Tooltip(label),
                            popup=folium.Popup(popup, max_width=400)).add_to(fmap)
    return fmap
