"""Event-type styles (colour and icon) and the categorical legend with counts.

folium has no categorical legend, so this is a small Leaflet control of our own. Every piece
of text in it is set with ``textContent``; the only markup is the static SVG of the icons,
whose colours come from :data:`TYPE_STYLES` (checked to be ``#rrggbb``).
"""

from __future__ import annotations

import re

__all__ = ["LEGEND_JS", "TYPE_STYLES", "type_style"]

#: Colour and icon of each ACLED event type. Shapes differ as well as colours, so the map
#: reads for colour-blind users and in greyscale.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Battles": ("#d62728", "battle"),
    "Explosions/Remote violence": ("#ff7f0e", "explosion"),
    "Violence against civilians": ("#9467bd", "civilians"),
    "Protests": ("#1f77b4", "protest"),
    "Riots": ("#8c564b", "riot"),
    "Strategic developments": ("#2ca02c", "strategic"),
}
_FALLBACK = ("#7f7f7f", "other")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def type_style(event_type: str) -> tuple[str, str]:
    """``(colour, icon key)`` of an event type; grey and a plain dot for an unknown one.

    Examples
    --------
    >>> type_style("Battles"), type_style("Something else")
    (('#d62728', 'battle'), ('#7f7f7f', 'other'))
    """
    colour, icon = TYPE_STYLES.get(event_type, _FALLBACK)
    if not _HEX.fullmatch(colour):  # the colour is pasted into SVG markup: never anything but #rrggbb
        raise ValueError(f"bad colour {colour!r} for {event_type!r}")
    return colour, icon


LEGEND_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};
// White glyphs on a coloured disc, 24x24 view box; static markup, no data in it.
G.GLYPHS = {
  battle: '<path d="M7 7l10 10M17 7L7 17M6 10l4-4M14 18l4-4" stroke="#fff" stroke-width="2.2" stroke-linecap="round" fill="none"/>',
  explosion: '<path d="M12 4l1.8 4.6 4.7-1.5-2.6 4.2 4 2.7-4.9.4.4 4.9L12 16l-3.4 3.3.4-4.9-4.9-.4 4-2.7L5.5 7.1l4.7 1.5z" fill="#fff"/>',
  civilians: '<path d="M12 5.5v8" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/><circle cx="12" cy="17.6" r="1.6" fill="#fff"/>',
  protest: '<path d="M8 5v14" stroke="#fff" stroke-width="2" stroke-linecap="round"/><path d="M8.5 5.5h8l-2 3 2 3h-8z" fill="#fff"/>',
  riot: '<path d="M12 4.5c1 3 4.5 4.5 4.5 8.5a4.5 4.5 0 0 1-9 0c0-2 1-3 2-4 .2 1.5 1 2.3 2 2.5-.5-2.5 0-5 .5-7z" fill="#fff"/>',
  strategic: '<path d="M12 5l6 7-6 7-6-7z" fill="#fff"/>',
  other: '<circle cx="12" cy="12" r="3.5" fill="#fff"/>'
};
G.svgIcon = function (type, size) {
  return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="' + size + '" height="' + size +
    '"><circle cx="12" cy="12" r="10.5" fill="' + type.color + '" stroke="#fff" stroke-width="1.5"/>' +
    (G.GLYPHS[type.icon] || G.GLYPHS.other) + '</svg>';
};
G.el = function (tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = String(text);
  return e;
};
// Line and area symbols for the border overlays (static markup).
G.LINE_SYMBOLS = {
  countries: '<svg width="28" height="10"><path d="M1 5h26" stroke="#555" stroke-width="1.5"/></svg>',
  borders: '<svg width="28" height="10"><path d="M1 5h26" stroke="#b2182b" stroke-width="3" stroke-dasharray="7 4"/></svg>',
  disputed: '<svg width="28" height="14"><rect x="1" y="1" width="26" height="12" fill="#fdb863" fill-opacity=".4" stroke="#e08214" stroke-width="2" stroke-dasharray="4 3"/></svg>',
  admin: '<svg width="28" height="14"><rect x="1" y="1" width="26" height="12" fill="#4d9221" fill-opacity=".08" stroke="#4d9221" stroke-width="1"/></svg>',
  corridors: '<svg width="28" height="10"><path d="M3 5h22" stroke="#542788" stroke-width="4" stroke-linecap="round" stroke-dasharray="1 6"/></svg>',
  uncertainty: '<svg width="28" height="16"><path d="M2 5l7-4 9 2 8 6-5 6-12-1z" fill="#555" fill-opacity=".1" stroke="#555" stroke-width="1"/><circle cx="11" cy="8" r="2.5" fill="none" stroke="#555" stroke-width="1"/></svg>'
};

G.Legend = L.Control.extend({
  options: {position: "bottomleft"},
  initialize: function (data, options) { L.setOptions(this, options); this._data = data; },
  onAdd: function () {
    var D = this._data, box = G.el("div", "gm-legend");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    box.appendChild(G.el("div", "gm-legend-title", "Incidents by type"));
    this._counts = [];
    this._rows = [];
    var self = this;
    if (!D.types.length) box.appendChild(G.el("div", "gm-legend-empty", "No incidents to show"));
    D.types.forEach(function (t) {
      var row = box.appendChild(G.el("div", "gm-legend-row"));
      var icon = row.appendChild(G.el("span", "gm-legend-icon"));
      icon.innerHTML = G.svgIcon(t, 18);
      row.appendChild(G.el("span", "gm-legend-name", t.name));
      self._counts.push(row.appendChild(G.el("span", "gm-legend-count", t.count)));
      self._rows.push(row);
    });
    this._note = box.appendChild(G.el("div", "gm-legend-note", D.note || ""));
    var keys = D.borders.map(function (b) { return [b.key, b.name]; });
    if (D.rows.length) keys.push(["uncertainty", "Location uncertainty"]);
    if (keys.length) {
      box.appendChild(G.el("div", "gm-legend-title gm-legend-sub", "Lines and areas"));
      keys.forEach(function (k) {
        var row = box.appendChild(G.el("div", "gm-legend-row"));
        row.appendChild(G.el("span", "gm-legend-icon")).innerHTML = G.LINE_SYMBOLS[k[0]] || "";
        row.appendChild(G.el("span", "gm-legend-name", k[1]));
      });
    }
    return box;
  },
  // counts: incidents of each type inside the time window; on: whether each type is switched on.
  update: function (counts, on, windowed) {
    var D = this._data;
    for (var k = 0; k < counts.length; k++) {
      this._counts[k].textContent = windowed ? counts[k] + " of " + D.types[k].count : String(counts[k]);
      this._rows[k].classList.toggle("gm-off", !on[k]);
    }
  }
});
})();
"""
