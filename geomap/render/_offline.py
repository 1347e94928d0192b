"""The map page's JavaScript and CSS, inlined: a page never loads a script or style from the network.

Every file comes from a package installed from PyPI, read at render time; nothing is fetched
and nothing is copied into this repository:

* Leaflet 1.9.3 (JS, CSS and its control images, as ``data:`` URIs) from ``XStatic-Leaflet``;
* Leaflet.heat from folium's own wheel (``folium/templates/leaflet_heat.min.js``).

Clustering, the fullscreen button, the minimap, the legend and the time slider are geomap's own
small scripts (:mod:`geomap.render._cluster`, :mod:`geomap.render._controls`...), so
Leaflet.markercluster, jQuery, Bootstrap and Font Awesome are not needed at all: the type icons
are inline SVG.
"""

from __future__ import annotations

import base64
import functools
import importlib
import re
from pathlib import Path

__all__ = ["asset_tags"]

# (kind, package that carries the file, file inside the package's data folder)
_ASSETS: tuple[tuple[str, str, str], ...] = (
    ("css", "xstatic.pkg.leaflet", "leaflet.css"),
    ("js", "xstatic.pkg.leaflet", "leaflet.js"),
    ("js", "folium", "templates/leaflet_heat.min.js"),
)
_PIP_NAMES = {"xstatic.pkg.leaflet": "XStatic-Leaflet", "folium": "folium"}
_SOURCE_MAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.MULTILINE)
_CSS_URL = re.compile(r"url\((['\"]?)(images/[\w.-]+\.png)\1\)")
_END_TAG = re.compile(r"</(script|style)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def asset_tags() -> str:
    """The ``<style>``/``<script>`` elements of the page's libraries, inlined, in load order.

    Cached: the files do not change while the process runs, and a batch renders many maps.

    Returns
    -------
    str
        HTML for the page's ``<head>``.

    Raises
    ------
    ImportError
        When a package that carries a file is not installed (the message names it).

    Examples
    --------
    >>> tags = asset_tags()
    >>> "<script src=" in tags, "<link" in tags, "sourceMappingURL" in tags, "L.HeatLayer" in tags
    (False, False, False, True)
    """
    out = []
    for kind, pkg, name in _ASSETS:
        folder = _data_dir(pkg)
        text = _SOURCE_MAP.sub("", (folder / name).read_text(encoding="utf-8"))
        # A file that contained "</script" would end our inline element early.
        text = _END_TAG.sub(lambda m: "<\\/" + m.group(1), text)
        if kind == "css":
            text = _CSS_URL.sub(lambda m: f"url({_data_uri(folder / m.group(2))})", text)
            out.append(f"<style>/* {name} */\n{text}\n</style>")
        else:
            out.append(f"<script>/* {name} */\n{text}\n</script>")
    return "\n".join(out)


def _data_dir(pkg: str) -> Path:
    try:
        module = importlib.import_module(pkg)
    except ImportError as exc:
        raise ImportError(f"the offline map needs {_PIP_NAMES[pkg]}: pip install {_PIP_NAMES[pkg]}") from exc
    base = getattr(module, "BASE_DIR", None)  # XStatic packages name their data folder
    return Path(base) if base else Path(module.__file__ or "").parent


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
