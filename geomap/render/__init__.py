"""Incident maps: one standalone HTML page, fast with many incidents, safe with untrusted text.

:func:`render_map` returns a :class:`folium.Map` that holds, besides Leaflet's map, one
element of ours: the libraries (CDN links, or inlined with ``offline=True``), the page's
scripts and the incidents as one compact JSON object. Markers, clusters, heatmap, time
slider, legend and popups are made in the browser from that object (see
:mod:`geomap.render._script`); text reaches the page only as escaped JSON and is shown with
``textContent``, except layer names, which Leaflet treats as HTML and which are
HTML-escaped (:mod:`geomap.render._escape`).

:func:`save_map` writes the page atomically; ``geomap map`` writes the incidents' GeoJSON
beside it with :func:`geomap.io.write_incidents`.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..incidents import Incident
from ..io import atomic_write
from ._escape import html_text, json_for_script

if TYPE_CHECKING:  # pragma: no cover
    import folium
    from gazetteer import Gazetteer

__all__ = ["render_map", "save_map"]


def render_map(incidents: Iterable[Incident], *, borders: bool = True, cluster: bool = True,
               heatmap: bool = False, uncertainty: bool | None = None, offline: bool = False,
               title: str = "Incidents", subtitle: str | None = None, collapsed_layers: bool = False,
               gazetteer: Gazetteer | None = None) -> folium.Map:
    """A map of incidents: a layer per event type, clusters, heatmap, time slider, borders and legend.

    Parameters
    ----------
    incidents : iterable of Incident
        Incidents without a valid point (no coordinates, NaN, out of range) are left off the
        map, and the legend says how many. An empty iterable gives an empty map that says
        "No incidents to show", centred on the world.
    borders : bool
        Draw, as switchable overlays, the borders of the countries in view, curated border
        lines (Armenia–Azerbaijan...), disputed and breakaway areas (Nagorno-Karabakh...), the
        admin areas of the incidents' places, and corridors (Lachin...), from the gazetteer.
    cluster : bool
        Start with marker clustering on (it can be switched in the layer control).
    heatmap : bool
        Start with the heatmap on.
    uncertainty : bool or None
        Start with the location-uncertainty overlay on (a circle whose radius follows
        ``geo_precision``, or the corridor's line or region's polygon); ``None``: on for maps of
        up to 1,000 incidents.
    offline : bool
        Inline every script, style and image from installed packages and draw the basemap from
        Natural Earth polygons instead of tiles: the file then makes no network request.
    title, subtitle : str
        Shown at the top of the map (and as the page title); the subtitle defaults to the
        number of incidents and their date range.
    collapsed_layers : bool
        Collapse the layer control into a button.
    gazetteer : Gazetteer, optional
        Where borders and the basemap come from; the shipped one by default.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> import datetime
    >>> from geomap.incidents._model import Incident
    >>> i = Incident("d:0", datetime.date(2023, 2, 20), 1, "Political violence", "Battles", "Armed clash",
    ...              location="Zangilan", latitude=39.08, longitude=46.66)
    >>> m = render_map([i], title="Zangilan")
    >>> html = m.get_root().render()
    >>> "<title>Zangilan</title>" in html, '"Battles"' in html
    (True, True)
    """
    import folium

    from . import _basemap
    from ._cluster import CLUSTER_CSS, CLUSTER_JS
    from ._controls import CONTROLS_JS, CSS
    from ._data import border_payload, build_payload
    from ._legend import LEGEND_JS
    from ._offline import asset_tags
    from ._script import MAIN_JS
    from ._timeline import TIMELINE_JS

    items = list(incidents)
    for inc in items:
        if not isinstance(inc, Incident):
            raise TypeError(f"expected Incident, got {type(inc).__name__}")
    if not isinstance(title, str) or (subtitle is not None and not isinstance(subtitle, str)):
        raise TypeError("title and subtitle must be str")
    if gazetteer is None and (borders or offline):
        from gazetteer import Gazetteer

        gazetteer = Gazetteer()
    payload = build_payload(items, title=title, subtitle=_subtitle(items) if subtitle is None else subtitle,
                            offline=offline, cluster=cluster, heatmap=heatmap, uncertainty=uncertainty,
                            collapsed=collapsed_layers)
    bounds = payload["bounds"]
    box = None if bounds is None else _basemap.view_box([tuple(bounds[0]), tuple(bounds[1])])
    if offline and gazetteer is not None:
        base = _basemap.basemap(gazetteer, box)
        payload["basemap"], payload["labels"] = base["land"], base["labels"]
    if borders and gazetteer is not None:
        payload["borders"] = border_payload(_basemap.border_groups(gazetteer, box, items))

    centre = [30.0, 20.0] if box is None else [(box[1] + box[3]) / 2, (box[0] + box[2]) / 2]
    fmap = folium.Map(location=centre, zoom_start=2 if box is None else 6, tiles=None, control_scale=True)
    data = json_for_script(payload)
    # branca names the map with a random id; one drawn from the data makes the same input give
    # the same page, byte for byte (committed example maps do not change for nothing).
    fmap._id = hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]
    # folium's defaults (jQuery, Bootstrap, Font Awesome, awesome-markers) come from CDNs and
    # nothing here uses them; our element brings what the page needs.
    fmap.default_js = []
    fmap.default_css = []
    # branca pastes the title into <title> unescaped.
    fmap.get_root().title = html_text(title)  # type: ignore[attr-defined]

    element = _page_element_class()(
        head=asset_tags(offline=offline) + "<style>" + CSS + CLUSTER_CSS + "</style><script>"
        + LEGEND_JS + TIMELINE_JS + CONTROLS_JS + CLUSTER_JS + MAIN_JS + "</script>",
        payload=data)
    fmap.add_child(element, name="geomap_incidents")
    return fmap


@functools.lru_cache(maxsize=1)
def _page_element_class() -> type:
    """The element that puts our head and our data into the page without passing them through Jinja.

    branca compiles the output of every ``MacroElement`` macro as a new Jinja template before
    rendering the page, so text of an incident that reached a macro's output would be run as
    Jinja code (``{{ ... }}``: server-side template injection, Python code execution). Here
    the text is the *value* of a template variable, which Jinja outputs as it is.
    """
    from branca.element import Element, Figure, MacroElement
    from jinja2 import Template

    class _Raw(Element):
        _template = Template("{{ this.text }}")

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class PageElement(MacroElement):
        def __init__(self, head: str, payload: str) -> None:
            super().__init__()
            self._name = "GeomapIncidents"
            self.head = head
            self.payload = payload

        def render(self, **kwargs: object) -> None:  # type: ignore[override]
            figure = self.get_root()
            assert isinstance(figure, Figure), "render the map's figure, not the element alone"
            assert self._parent is not None
            figure.header.add_child(_Raw(self.head), name="geomap_head")
            # After the map's own script (the parent renders first), so the map exists.
            figure.script.add_child(_Raw(f"geomap.render({self._parent.get_name()}, {self.payload});"),
                                    name="geomap_data")

    return PageElement


def _subtitle(items: list[Incident]) -> str:
    n = len(items)
    dates = [i.event_date for i in items if i.event_date is not None]
    text = f"{n:,} incident{'s' if n != 1 else ''}"
    if dates:
        first, last = min(dates), max(dates)
        text += f", {first.isoformat()}" + (f" to {last.isoformat()}" if last != first else "")
    return text


def save_map(fmap: folium.Map, path: str | os.PathLike[str]) -> Path:
    """Write the map's page to ``path`` atomically (see :func:`geomap.io._outputs.atomic_write`).

    The path is used as given: check it first with :func:`geomap.io._outputs.resolve_output_path`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> out = save_map(render_map([], borders=False), pathlib.Path(tempfile.mkdtemp()) / "m.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    return atomic_write(path, fmap.get_root().render())
