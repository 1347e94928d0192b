"""Panels that fold into buttons when the screen is too small for all of them, and popups that open in view.

The map's panels (layer list, legend, date slider, minimap, attribution) each fold into a
button. :js:`geomap.Layout.fit` opens every panel the reader has not closed, then, as long as
a panel's box overlaps another panel or a fixed control (title, zoom buttons, scale bar),
folds the first such panel in the order of precedence (attribution, minimap, layer list, date
slider, legend): on a desktop screen everything stays open, on a phone the panels become a row
of buttons. It runs again whenever the map's size changes. A panel the reader opens closes the
others it would cover.

:js:`geomap.popupOptions` sizes a popup to the screen and pans it into view below the title.
"""

from __future__ import annotations

__all__ = ["LAYOUT_CSS", "LAYOUT_JS"]

LAYOUT_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};

function box(el) {
  if (!el || !el.isConnected) return null;
  var r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? r : null;
}
G.overlaps = function (a, b) {
  return !!(a && b) && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
};

// A panel that folds into a button labelled `label`; hooks.expand/collapse run after each change.
G.Foldable = function (el, label, hooks) {
  var self = this, open = G.el("button", "gm-open", label), shut = G.el("button", "gm-shut", "\u00d7");
  this.el = el;
  this.hooks = hooks || {};
  open.type = shut.type = "button";
  open.title = "Show " + label.toLowerCase();
  shut.title = "Hide " + label.toLowerCase();
  shut.setAttribute("aria-label", shut.title);
  el.insertBefore(shut, el.firstChild);
  el.insertBefore(open, el.firstChild);
  L.DomEvent.on(open, "click", function (e) { L.DomEvent.stop(e); self.expand(); if (self.onUser) self.onUser(self, true); });
  L.DomEvent.on(shut, "click", function (e) { L.DomEvent.stop(e); self.collapse(); if (self.onUser) self.onUser(self, false); });
};
G.Foldable.prototype.collapsed = function () { return this.el.classList.contains("gm-collapsed"); };
G.Foldable.prototype.collapse = function () {
  this.el.classList.add("gm-collapsed");
  if (this.hooks.collapse) this.hooks.collapse();
};
G.Foldable.prototype.expand = function () {
  this.el.classList.remove("gm-collapsed");
  if (this.hooks.expand) this.hooks.expand();
};

// Leaflet's layer control folds itself; this gives it the same interface, opened by a click or tap.
G.foldLayers = function (control) {
  var el = control.getContainer(), panel = {el: el};
  panel.collapsed = function () { return !el.classList.contains("leaflet-control-layers-expanded"); };
  panel.collapse = function () { control.collapse(); };
  panel.expand = function () { control.expand(); };
  L.DomEvent.on(control._layersLink, "click", function (e) {
    L.DomEvent.stop(e);
    control.expand();
    if (panel.onUser) panel.onUser(panel, true);
  });
  control._map.on("click", function () { if (panel.folded) control.collapse(); });
  return panel;
};

// The attribution folds into an "i" button; Leaflet rewrites its text, so the state is a class.
G.foldAttribution = function (control) {
  var el = control.getContainer(), panel = {el: el};
  panel.collapsed = function () { return el.classList.contains("gm-collapsed"); };
  panel.collapse = function () { el.classList.add("gm-collapsed"); el.title = "Attribution"; };
  panel.expand = function () { el.classList.remove("gm-collapsed"); el.title = ""; };
  L.DomEvent.on(el, "click", function (e) {
    if (!panel.collapsed()) return;
    L.DomEvent.stop(e);
    panel.expand();
    if (panel.onUser) panel.onUser(panel, true);
  });
  return panel;
};

G.Layout = function (map, fixed) {
  this.map = map;
  this.fixed = fixed;  // () -> elements that never fold (title, zoom buttons, scale bar)
  this.panels = [];
  this.closed = {};
  map.on("resize", this.fit, this);
};
// Panels are added in their order of precedence for folding: the first folds first.
G.Layout.prototype.add = function (name, panel) {
  var self = this;
  panel.name = name;
  panel.onUser = function (p, opened) { self._user(p, opened); };
  this.panels.push(panel);
  return panel;
};
G.Layout.prototype._others = function (p) {
  var out = this.fixed().map(box);
  this.panels.forEach(function (q) { if (q !== p) out.push(box(q.el)); });
  return out.filter(Boolean);
};
G.Layout.prototype.fit = function () {
  var self = this;
  this.panels.forEach(function (p) { p.folded = false; if (!self.closed[p.name]) p.expand(); });
  for (var round = 0; round < 2 * this.panels.length; round++) {
    var victim = null;
    for (var i = 0; i < this.panels.length && !victim; i++) {
      var p = this.panels[i], r = p.collapsed() ? null : box(p.el);
      if (r && this._others(p).some(function (q) { return G.overlaps(r, q); })) victim = p;
    }
    if (!victim) break;
    victim.collapse();
    victim.folded = true;
  }
  G.folded = this.panels.filter(function (p) { return p.collapsed(); }).map(function (p) { return p.name; });
  if (this.onFold) this.onFold();
};
G.Layout.prototype._user = function (p, opened) {
  this.closed[p.name] = !opened;
  if (opened) {
    var r = box(p.el);
    this.panels.forEach(function (q) {
      if (q !== p && !q.collapsed() && G.overlaps(r, box(q.el))) { q.collapse(); q.folded = true; }
    });
  }
  if (this.onFold) this.onFold();
};

// Popup options for this screen: no wider than the map, scrolled when taller, panned into view
// below the title and above the bottom bar.
G.popupOptions = function (map) {
  var size = map.getSize(), c = map.getContainer(), top = 10;
  var title = c.querySelector(".gm-title");
  if (title) top = Math.max(top, title.getBoundingClientRect().bottom - c.getBoundingClientRect().top + 10);
  var width = Math.max(160, Math.min(360, size.x - 70));
  return {minWidth: Math.min(260, width), maxWidth: width, maxHeight: Math.max(120, size.y - top - 110),
          autoPanPaddingTopLeft: L.point(10, top), autoPanPaddingBottomRight: L.point(10, 40), keepInView: true};
};
})();
"""

LAYOUT_CSS = r"""
.gm-open, .gm-shut { display: none; font: 600 12px/1 system-ui, sans-serif; cursor: pointer; }
.gm-collapsed > * { display: none !important; }
.gm-collapsed { padding: 0 !important; background: none !important; box-shadow: none !important;
  width: auto !important; height: auto !important; border: none !important; }
.gm-collapsed > .gm-open { display: block !important; padding: 8px 10px; border-radius: 6px; border: none;
  background: rgba(255,255,255,.96); box-shadow: 0 1px 4px rgba(0,0,0,.35); color: #222; }
.gm-shut { display: block; position: absolute; top: 2px; right: 2px; width: 20px; height: 20px; padding: 0;
  border: none; background: none; color: #666; font-size: 16px; }
.gm-legend, .gm-minimap { position: relative; }
.gm-legend > .gm-legend-title:first-of-type, .gm-timeline-range { margin-right: 18px; }
.gm-minimap > .gm-shut { z-index: 1001; }
.leaflet-control-attribution.gm-collapsed { font-size: 0 !important; width: 22px !important; height: 22px !important;
  border-radius: 11px; background: rgba(255,255,255,.9) !important; cursor: pointer; overflow: hidden; }
.leaflet-control-attribution.gm-collapsed > * { display: none !important; }
.leaflet-control-attribution.gm-collapsed::after { content: "i"; display: block; font: italic 700 14px/22px Georgia, serif;
  text-align: center; color: #333; }
.leaflet-popup-content { overflow-wrap: break-word; }
@media (max-width: 640px) {
  .gm-title { font-size: 14px; padding: 4px 10px; max-width: calc(100% - 130px) !important; }
  .gm-title-sub { font-size: 11px; }
  .gm-timeline { width: min(300px, calc(100% - 40px)); box-sizing: border-box; }
  .gm-minimap { width: 110px; height: 110px; }
}
"""
