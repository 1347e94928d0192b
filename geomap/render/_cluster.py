"""Marker clustering of our own: a screen grid, recomputed for the view on every move.

Leaflet.markercluster builds a cluster tree for every zoom level when markers are added: for
100,000 markers that took 12-15 s in headless Chromium, and it would be rebuilt each time the
time slider or a type switch changes which markers are shown. This layer instead keeps the
points' Web Mercator coordinates in two typed arrays and, on every ``moveend``, bins the
points that are shown and in view into square cells of the screen (70 px): a cell with one
point shows that point's marker, a cell with more shows a count, placed at the cells' mean.
That takes a few tens of milliseconds for 100,000 points, the DOM holds only what is in
view, and changing the set of points (:js:`setIndices`) costs one redraw. With clustering
switched off the same layer shows every marker in view.

Clicking a cluster zooms to its points; a cluster whose points all share one place (several
incidents at one town) opens one popup listing them. Unclustered, markers that would sit on
one another (within a few pixels) are fanned out around their spot, each joined to it by a
thin leg ("spiderfied"), so none hides another.
"""

from __future__ import annotations

__all__ = ["CLUSTER_CSS", "CLUSTER_JS"]

CLUSTER_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};

G.GridCluster = L.Layer.extend({
  options: {cellSize: 70, cluster: true, padding: 80, spot: 4, legColor: "#444"},
  // makeMarker(i) -> L.Marker for point i; markers are made when first in view, then kept.
  initialize: function (lats, lons, makeMarker, options) {
    L.setOptions(this, options);
    var n = lats.length;
    this._x = new Float64Array(n);
    this._y = new Float64Array(n);
    this._lat = lats;
    this._lon = lons;
    for (var i = 0; i < n; i++) {
      var s = Math.sin(Math.max(-85.05, Math.min(85.05, lats[i])) * Math.PI / 180);
      this._x[i] = (lons[i] + 180) / 360;
      this._y[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
    }
    this._make = makeMarker;
    this._markers = new Array(n);
    this._idx = [];
    this.group = L.featureGroup();
    this.shown = {markers: 0, clusters: 0, points: 0};
  },
  onAdd: function (map) {
    this.group.addTo(map);
    map.on("moveend", this._draw, this);
    this._draw();
  },
  onRemove: function (map) {
    map.off("moveend", this._draw, this);
    map.removeLayer(this.group);
  },
  setIndices: function (idx) { this._idx = idx; if (this._map) this._draw(); return this; },
  setClustering: function (on) { this.options.cluster = !!on; if (this._map) this._draw(); return this; },
  marker: function (i) { return this._markers[i] || (this._markers[i] = this._make(i)); },
  latLng: function (i) { return L.latLng(this._lat[i], this._lon[i]); },
  // Zoom to a cluster's points, or list them in one popup when they share one place.
  expand: function (cluster, listPopup) {
    var pts = cluster.gmPoints, map = this._map, bounds = L.latLngBounds([]);
    for (var k = 0; k < pts.length; k++) bounds.extend(this.latLng(pts[k]));
    var sw = bounds.getSouthWest(), ne = bounds.getNorthEast();
    if ((sw.lat === ne.lat && sw.lng === ne.lng) || map.getZoom() >= map.getMaxZoom()) listPopup(cluster);
    else map.fitBounds(bounds, {padding: [40, 40], maxZoom: map.getMaxZoom()});
  },
  _draw: function () {
    var map = this._map, z = map.getZoom(), scale = 256 * Math.pow(2, z);
    var pb = map.getPixelBounds(), pad = this.options.padding;
    var x0 = pb.min.x - pad, y0 = pb.min.y - pad, x1 = pb.max.x + pad, y1 = pb.max.y + pad;
    var size = this.options.cluster ? this.options.cellSize : 0;
    var idx = this._idx, X = this._x, Y = this._y, cells = new Map(), layers = [], points = 0;
    var spots = size ? null : new Map(), spot = this.options.spot;
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k], px = X[i] * scale, py = Y[i] * scale;
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      points++;
      if (!size) {
        var sk = Math.round(px / spot) * 4194304 + Math.round(py / spot), s = spots.get(sk);
        if (!s) spots.set(sk, s = {x: px, y: py, pts: []});
        s.pts.push(i);
        continue;
      }
      var key = Math.floor(px / size) * 4194304 + Math.floor(py / size);
      var c = cells.get(key);
      if (!c) cells.set(key, c = {n: 0, sx: 0, sy: 0, pts: []});
      c.n++; c.sx += px; c.sy += py; c.pts.push(i);
    }
    var clusters = 0, self = this;
    this._legs = 0;
    if (spots) spots.forEach(function (s) { self._spiderfy(s, z, layers); });
    cells.forEach(function (c) {
      if (c.n === 1) { self._spiderfy({pts: c.pts}, z, layers); return; }
      clusters++;
      var size = c.n < 10 ? "small" : c.n < 100 ? "medium" : "large";
      var icon = L.divIcon({html: "<div><span>" + c.n + "</span></div>", iconSize: [36, 36],
                            className: "gm-cluster gm-cluster-" + size});
      var m = L.marker(map.unproject([c.sx / c.n, c.sy / c.n], z), {icon: icon, keyboard: false});
      m.gmPoints = c.pts;
      layers.push(m);
    });
    this.group.clearLayers();
    for (var j = 0; j < layers.length; j++) this.group.addLayer(layers[j]);
    this.shown = {markers: layers.length - clusters - this._legs, clusters: clusters, points: points};
    this.fire("draw");
  },
  // The markers of one spot: at their point when alone, else on a circle (a spiral when many)
  // around it, each with a leg back to the spot.
  _spiderfy: function (s, z, layers) {
    // 36 px between neighbours (and between turns of the spiral) keeps 24 px icons apart at any angle.
    var n = s.pts.length, map = this._map, gap = 36, leg = 40, angle = 0;
    for (var k = 0; k < n; k++) {
      var i = s.pts[k], m = this.marker(i), at = L.latLng(this._lat[i], this._lon[i]), radius;
      if (n > 1) {
        if (n <= 9) { angle = 2 * Math.PI * k / n; radius = Math.max(28, gap * n / (2 * Math.PI)); }
        else {
          if (k) { var step = gap / leg; angle += step; leg += gap * step / (2 * Math.PI); }
          radius = leg;
        }
        var spread = map.unproject([s.x + radius * Math.cos(angle), s.y + radius * Math.sin(angle)], z);
        layers.push(L.polyline([at, spread], {color: this.options.legColor, weight: 1.2, opacity: 0.7,
                                              interactive: false, className: "gm-spider-leg"}));
        this._legs++;
        at = spread;
      }
      if (!m.getLatLng().equals(at)) m.setLatLng(at);
      layers.push(m);
    }
  }
});
})();
"""

CLUSTER_CSS = r"""
.gm-cluster { background: none; border: none; }
.gm-cluster div { width: 30px; height: 30px; margin: 3px; border-radius: 50%; text-align: center;
  font: 600 12px/30px system-ui, sans-serif; color: #222; box-shadow: 0 0 0 4px rgba(255,255,255,.55); }
.gm-cluster-small div { background: rgba(110, 204, 57, .85); }
.gm-cluster-medium div { background: rgba(240, 194, 12, .85); }
.gm-cluster-large div { background: rgba(241, 128, 23, .85); }
.gm-list { max-height: 320px; overflow-y: auto; }
.gm-list hr { border: 0; border-top: 1px solid #ccc; margin: 8px 0; }
"""
