"""Small map controls of our own (title, fullscreen, minimap) and the page's CSS.

They replace folium's Fullscreen and MiniMap plugins, whose scripts come only from CDNs, so
the page needs nothing beyond Leaflet and Leaflet.heat. Place-name styles are
:mod:`geomap.render._placenames`; what folds on small screens is :mod:`geomap.render._layout`.
"""

from __future__ import annotations

__all__ = ["CONTROLS_JS", "CSS"]

CONTROLS_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};

G.addTitle = function (map, title, subtitle) {
  if (!title) return null;
  var box = G.el("div", "gm-title");
  box.appendChild(G.el("div", "gm-title-main", title));
  if (subtitle) box.appendChild(G.el("div", "gm-title-sub", subtitle));
  map.getContainer().appendChild(box);
  return box;
};

G.Fullscreen = L.Control.extend({
  options: {position: "topleft"},
  onAdd: function (map) {
    var bar = G.el("div", "leaflet-bar gm-fullscreen");
    var a = bar.appendChild(G.el("a"));
    a.innerHTML = '<svg viewBox="0 0 16 16" width="16" height="16" style="vertical-align:middle"><path d="M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5" fill="none" stroke="#333" stroke-width="2"/></svg>';
    a.href = "#"; a.title = "Full screen"; a.setAttribute("role", "button");
    L.DomEvent.on(a, "click", function (e) {
      L.DomEvent.preventDefault(e);
      var c = map.getContainer();
      if (document.fullscreenElement) document.exitFullscreen();
      else if (c.requestFullscreen) c.requestFullscreen();
    });
    document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });
    return bar;
  }
});

// A small overview map that follows the main one; click it to move there.
G.MiniMap = L.Control.extend({
  options: {position: "bottomright", zoomOffset: 5},
  initialize: function (makeBase, options) { L.setOptions(this, options); this._makeBase = makeBase; },
  onAdd: function (map) {
    var box = G.el("div", "gm-minimap leaflet-bar");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    this._box = box;
    this._main = map;
    var self = this;
    // The overview needs its container in the page to measure it: build it once added.
    setTimeout(function () { self._build(); }, 0);
    return box;
  },
  _build: function () {
    var main = this._main, off = this.options.zoomOffset;
    var mini = L.map(this._box, {attributionControl: false, zoomControl: false, dragging: false,
      scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false});
    // A view before any layer: vector layers added to a map without one never get a renderer box.
    mini.setView(main.getCenter(), Math.max(0, main.getZoom() - off), {animate: false});
    this._makeBase().addTo(mini);
    var frame = L.rectangle(main.getBounds(), {color: "#c00", weight: 1.5, fillOpacity: 0.1, interactive: false});
    frame.addTo(mini);
    function sync() {
      mini.setView(main.getCenter(), Math.max(0, main.getZoom() - off), {animate: false});
      frame.setBounds(main.getBounds());
    }
    main.on("moveend zoomend", sync);
    mini.on("click", function (e) { main.panTo(e.latlng); });
    sync();
    this.mini = mini;
    this._sync = sync;
  },
  // After the box was hidden (folded) and shown again: measure it anew and follow the main map.
  refresh: function () {
    if (!this.mini) return;
    this.mini.invalidateSize({animate: false});
    this._sync();
  }
});
})();
"""

CSS = r"""
.gm-marker { background: none; border: none; }
.gm-marker svg { display: block; filter: drop-shadow(0 1px 1px rgba(0,0,0,.45)); }
.gm-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1000;
  background: rgba(255,255,255,.92); padding: 6px 14px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font: 600 16px/1.3 system-ui, sans-serif; text-align: center; max-width: min(55%, calc(100% - 140px));
  pointer-events: none; box-sizing: border-box;
  white-space: pre-wrap; overflow-wrap: break-word; }
.gm-title-sub { font-weight: 400; font-size: 12px; color: #555; }
.gm-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px; font: 12px/1.4 system-ui, sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); max-width: 260px; white-space: pre-wrap; overflow-wrap: break-word; }
.gm-legend-title { font-weight: 600; margin-bottom: 3px; }
.gm-legend-sub { margin-top: 6px; }
.gm-legend-row { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.gm-legend-row.gm-off { opacity: .35; }
.gm-legend-icon { display: inline-flex; width: 28px; justify-content: center; }
.gm-legend-name { flex: 1; }
.gm-legend-count { font-variant-numeric: tabular-nums; font-weight: 600; margin-left: 8px; }
.gm-legend-note, .gm-legend-empty { color: #555; font-style: italic; }
.gm-legend-note:empty { display: none; }
.gm-timeline { position: absolute; bottom: 22px; left: 50%; transform: translateX(-50%); z-index: 1000;
  background: rgba(255,255,255,.94); padding: 6px 12px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.3);
  font: 12px/1.4 system-ui, sans-serif; width: 300px; }
.gm-timeline-title { font-weight: 600; display: inline; }
.gm-timeline-range { display: inline; margin-left: 8px; font-variant-numeric: tabular-nums; }
.gm-timeline-row { display: flex; align-items: center; gap: 6px; }
.gm-timeline-name { width: 34px; }
.gm-timeline-row input { flex: 1; }
.gm-timeline-reset { font-size: 11px; margin-top: 2px; }
.gm-fullscreen a { font-size: 18px; line-height: 30px; text-decoration: none; color: #333; }
.gm-minimap { width: 150px; height: 150px; }
.gm-popup { font: 12px/1.4 system-ui, sans-serif; max-width: 340px; white-space: pre-wrap; overflow-wrap: break-word; }
.gm-head { font-size: 13px; margin-bottom: 4px; }
.gm-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; }
.gm-sub { color: #444; }
.gm-facts th { text-align: left; padding-right: 8px; color: #555; font-weight: 500; vertical-align: top; }
.gm-facts td { white-space: pre-wrap; }
.gm-evidence { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #bbb; background: #f7f7f7; }
mark.gm-trigger { background: #ffd54f; }
mark.gm-place { background: #b3e5fc; }
.gm-source { color: #444; }
.gm-source a { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.gm-more { color: #888; font-size: 10px; margin-top: 4px; }
.gm-spider-leg { pointer-events: none; }
.gm-tip { white-space: pre-wrap; }
.leaflet-control-layers-overlays label span { white-space: pre-wrap; }
.gm-li svg { vertical-align: middle; }
"""
