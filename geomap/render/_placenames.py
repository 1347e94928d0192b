"""The basemap's place names in the page: country and town labels that never overlap.

The page carries every country's label (:func:`geomap.render._labels.country_labels`, largest
first) and the largest towns (:func:`geomap.render._labels.town_labels`, most populous
first). On every move the layer below places labels greedily in that order of precedence: a
label is shown only where its box (measured with the page's font on a canvas) overlaps no
label, panel or incident marker already placed and lies inside the view (a town's name goes
right of its dot, else left of it). A country's name is shown only when the
country is big enough on screen to hold it; a town's only when its population reaches the
zoom level's minimum, so the world view names capitals and megacities and a district view
names villages. At most ``maxTowns`` town names are shown at once.

Names are data: they are set with ``textContent``, never as HTML.
"""

from __future__ import annotations

__all__ = ["PLACENAMES_CSS", "PLACENAMES_JS"]

PLACENAMES_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};
// The smallest town shown at each zoom level (0..9; deeper zooms show every town that fits).
var MIN_POP = [3e6, 3e6, 2e6, 1e6, 5e5, 2e5, 5e4, 2e4, 5e3, 1e3];
var TOWN_FONT = "12px system-ui, sans-serif", TOWN_H = 15, DOT = 10;

G.PlaceNames = L.Layer.extend({
  // avoid: () -> elements (panels, title) that names must not hide under.
  options: {pane: "gmLabels", pad: 3, maxTowns: 100, avoid: null},
  // countries: [{name, lat, lon, km2, box: [w, s, e, n]}]; towns: [[name, lat, lon, population]].
  initialize: function (countries, towns, options) {
    L.setOptions(this, options);
    this._countries = countries;
    this._towns = towns;
    this.shown = {countries: [], towns: []};
  },
  onAdd: function (map) {
    this._group = L.layerGroup().addTo(map);
    map.on("moveend", this._draw, this);  // a zoom ends with a moveend too
    this._draw();
  },
  onRemove: function (map) {
    map.off("moveend", this._draw, this);
    map.removeLayer(this._group);
  },
  _width: function (text, font, spacing) {
    var c = this._ctx || (this._ctx = document.createElement("canvas").getContext("2d"));
    c.font = font;
    return Math.ceil(c.measureText(text).width + spacing * text.length) + 2;
  },
  redraw: function () { if (this._map) this._draw(); return this; },
  _draw: function () {
    var map = this._map, z = map.getZoom(), size = map.getSize(), pad = this.options.pad, self = this;
    var placed = [], shown = {countries: [], towns: []}, origin = map.getContainer().getBoundingClientRect();
    this._group.clearLayers();
    (this.options.avoid ? this.options.avoid() : []).forEach(function (el) {
      var r = el && el.getBoundingClientRect();
      if (r && r.width) placed.push([r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top]);
    });
    function fits(r) {
      if (r[0] < 0 || r[1] < 0 || r[2] > size.x || r[3] > size.y) return false;
      for (var k = 0; k < placed.length; k++) {
        var q = placed[k];
        if (r[0] < q[2] && q[0] < r[2] && r[1] < q[3] && q[1] < r[3]) return false;
      }
      placed.push(r);
      return true;
    }
    function put(cls, lat, lon, w, h, ax, text) {
      var icon = L.divIcon({className: cls, iconSize: [w, h], iconAnchor: [ax, h / 2], html: ""});
      var m = L.marker([lat, lon], {icon: icon, pane: self.options.pane, interactive: false, keyboard: false});
      self._group.addLayer(m);
      m.getElement().textContent = text;
    }
    var cfs = z <= 3 ? 11 : 13, cfont = "600 " + cfs + "px system-ui, sans-serif", ch = cfs + 4;
    function countries() {
      if (z > 8) return;
      self._countries.forEach(function (c) {
        var a = map.latLngToContainerPoint([c.box[1], c.box[0]]), b = map.latLngToContainerPoint([c.box[3], c.box[2]]);
        var w = self._width(c.name.toUpperCase(), cfont, 0.12 * cfs);
        // Only a country big enough on screen to hold its name (most of it, at least) is named.
        if (Math.abs(b.x - a.x) < 0.6 * w || Math.abs(a.y - b.y) < ch) return;
        var p = map.latLngToContainerPoint([c.lat, c.lon]);
        if (!fits([p.x - w / 2 - pad, p.y - ch / 2 - pad, p.x + w / 2 + pad, p.y + ch / 2 + pad])) return;
        put("gm-country" + (z <= 3 ? " gm-country-small" : ""), c.lat, c.lon, w, ch, w / 2, c.name);
        shown.countries.push(c.name);
      });
    }
    function towns() {
      var min = z < MIN_POP.length ? MIN_POP[Math.max(0, z)] : 0, view = map.getBounds();
      for (var k = 0; k < self._towns.length && shown.towns.length < self.options.maxTowns; k++) {
        var t = self._towns[k];
        if (t[3] < min) break;
        if (!view.contains([t[1], t[2]])) continue;
        var p = map.latLngToContainerPoint([t[1], t[2]]), w = self._width(t[0], TOWN_FONT, 0) + DOT;
        var top = p.y - TOWN_H / 2 - pad, bottom = p.y + TOWN_H / 2 + pad;
        // The name right of its dot, else left of it.
        if (fits([p.x - DOT / 2 - pad, top, p.x - DOT / 2 + w + pad, bottom])) put("gm-town", t[1], t[2], w, TOWN_H, DOT / 2, t[0]);
        else if (fits([p.x + DOT / 2 - w - pad, top, p.x + DOT / 2 + pad, bottom])) {
          put("gm-town gm-town-left", t[1], t[2], w, TOWN_H, w - DOT / 2, t[0]);
        } else continue;
        shown.towns.push(t[0]);
      }
    }
    countries();  // the larger context first: a country's name, then its towns around it
    towns();
    this.shown = shown;
    this.fire("draw");
  }
});
})();
"""

PLACENAMES_CSS = r"""
.gm-country { background: none; border: none; white-space: nowrap; text-align: center; overflow: visible;
  font: 600 13px/17px system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase;
  color: rgba(90,80,60,.6); }
.gm-country-small { font-size: 11px; line-height: 15px; }
.gm-town { background: none; border: none; white-space: nowrap; box-sizing: border-box; padding-left: 10px;
  font: 12px/15px system-ui, sans-serif; color: #333; overflow: visible;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff; }
.gm-town::before { content: ""; position: absolute; left: 1px; top: 5px; width: 5px; height: 5px; border-radius: 50%;
  background: #555; border: 1px solid #fff; }
.gm-town-left { padding-left: 0; padding-right: 10px; text-align: right; }
.gm-town-left::before { left: auto; right: 1px; }
"""
