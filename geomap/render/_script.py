"""The page's main script: markers, popups, layers and the control that switches them.

The incidents arrive as one compact JSON object (:func:`geomap.render._data.build_payload`):
a string table and one array per incident. Markers are made here, in the browser, and only
when they come into view (:mod:`geomap.render._cluster`), so that a map of 100,000 incidents
is one JSON array, not 100,000 folium objects; popups are built only when a marker is
clicked, with ``textContent``, so no incident text is ever parsed as HTML.
The one exception is the layer control, where Leaflet sets names with ``innerHTML``: those
names were HTML-escaped in Python (:func:`geomap.render._escape.layer_name`).
"""

from __future__ import annotations

__all__ = ["MAIN_JS", "ROW_FIELDS"]

#: The order of the values in each incident's array (the JS below reads them by position).
ROW_FIELDS = ("lat", "lon", "type", "sub", "day", "time_precision", "geo_precision", "fatalities", "injuries",
              "actor1", "actor2", "location", "admin1", "country", "source", "url", "notes", "trigger_start",
              "trigger_end", "place_start", "place_end", "geometry")

MAIN_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};
var LAT = 0, LON = 1, TYPE = 2, SUB = 3, DAY = 4, TPREC = 5, GPREC = 6, FAT = 7, INJ = 8, A1 = 9, A2 = 10,
    LOC = 11, ADM = 12, CTRY = 13, SRC = 14, URL = 15, NOTES = 16, TS = 17, TE = 18, PS = 19, PE = 20, GEOM = 21;
var TIME = {1: "exact day", 2: "within a week", 3: "within the month"};
var PLACE = {1: "town", 2: "part of a region", 3: "larger region or border area"};
// A town-level point is uncertain by a couple of km, a "part of a region" one by ~15 km; a larger
// region is drawn as its area (geoms), and left without a shape when its area is unknown.
var RADIUS_M = {1: 2000, 2: 15000};
var BORDER_STYLE = {
  countries: {color: "#555", weight: 1.2, opacity: 0.9, fill: false},
  borders: {color: "#b2182b", weight: 3, dashArray: "8 5", fill: false},
  disputed: {color: "#e08214", weight: 2, dashArray: "4 4", fillColor: "#fdb863", fillOpacity: 0.25},
  admin: {color: "#4d9221", weight: 1, fillColor: "#4d9221", fillOpacity: 0.05},
  corridors: {color: "#542788", weight: 5, opacity: 0.9, dashArray: "1 8", lineCap: "round", fill: false}
};

function text(s) { return document.createTextNode(s); }

G.popup = function (D, i) {
  var r = D.rows[i], s = D.strings, t = D.types[r[TYPE]];
  var box = G.el("div", "gm-popup");
  var head = box.appendChild(G.el("div", "gm-head"));
  head.appendChild(G.el("span", "gm-swatch")).style.background = t.color;
  head.appendChild(G.el("b", null, t.name));
  if (s[r[SUB]]) head.appendChild(G.el("span", "gm-sub", " \u00b7 " + s[r[SUB]]));
  var facts = box.appendChild(G.el("table", "gm-facts"));
  function fact(k, v) {
    var tr = facts.appendChild(G.el("tr"));
    tr.appendChild(G.el("th", null, k));
    tr.appendChild(G.el("td", null, v));
  }
  fact("Date", r[DAY] == null ? "unknown" : G.dayString(r[DAY]) + " (" + TIME[r[TPREC]] + ")");
  fact("Fatalities", r[FAT]);
  fact("Injuries", r[INJ] == null ? "none reported" : r[INJ]);
  var actors = [s[r[A1]], s[r[A2]]].filter(Boolean);
  fact("Actors", actors.length ? actors.join(" \u2014 ") : "not stated");
  var where = [];
  [s[r[LOC]], s[r[ADM]], s[r[CTRY]]].forEach(function (w) { if (w && where.indexOf(w) < 0) where.push(w); });
  fact("Location", (where.join(", ") || "unknown") + " (" + PLACE[r[GPREC]] + ")");
  var notes = s[r[NOTES]];
  if (notes) {
    var q = box.appendChild(G.el("blockquote", "gm-evidence"));
    var spans = [];
    if (r[TS] >= 0) spans.push([r[TS], r[TE], "gm-trigger"]);
    if (r[PS] >= 0) spans.push([r[PS], r[PE], "gm-place"]);
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    spans.forEach(function (sp) {
      if (sp[0] < pos) return;  // overlapping spans: the first one wins
      q.appendChild(text(notes.slice(pos, sp[0])));
      q.appendChild(G.el("mark", sp[2], notes.slice(sp[0], sp[1])));
      pos = sp[1];
    });
    q.appendChild(text(notes.slice(pos)));
  }
  // Where the report comes from and its date: what a reader cites (not the internal id).
  var src = s[r[SRC]], url = s[r[URL]];
  var p = box.appendChild(G.el("div", "gm-source", "Source: " + (src || "not named") +
                                (r[DAY] == null ? "" : " \u00b7 " + G.dayString(r[DAY]))));
  if (url && /^https?:\/\//i.test(url)) {
    var a = p.appendChild(G.el("a", null, url));
    a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
  }
  return box;
};

G.tooltip = function (D, i) {
  var r = D.rows[i], s = D.strings;
  var day = r[DAY] == null ? "" : " \u00b7 " + G.dayString(r[DAY]);
  return G.el("div", "gm-tip", D.types[r[TYPE]].name + ": " + (s[r[LOC]] || "unknown place") + day);
};

G.render = function (map, D) {
  G.timing = {start: performance.now()};
  var n = D.rows.length, state = {from: -Infinity, to: Infinity, windowed: false};
  G.data = D;
  // Without tiles the map has no zoom range; the cluster layer and the zoom control need one.
  if (map.options.maxZoom == null) map.options.maxZoom = 18;
  if (map.options.minZoom == null) map.options.minZoom = 1;
  map.createPane("gmBase").style.zIndex = 150;
  map.createPane("gmTiles").style.zIndex = 200;
  map.createPane("gmBorders").style.zIndex = 350;
  map.createPane("gmLabels").style.zIndex = 450;
  map.getPane("gmLabels").style.pointerEvents = "none";
  // The basemap is always drawn from the page's own data; tiles, when asked for, go on top.
  map.getContainer().style.background = "#cadbe6";
  L.geoJSON({type: "GeometryCollection", geometries: D.basemap}, {pane: "gmBase", interactive: false,
    style: {stroke: false, fillColor: "#f3f0e8", fillOpacity: 1}}).addTo(map);
  var names = new G.PlaceNames(D.countries, D.towns, {avoid: function () {
    var c = map.getContainer();
    // Panels, and the incidents' markers and clusters: a name never hides under them.
    return Array.prototype.slice.call(c.querySelectorAll(".gm-title, .gm-timeline, .leaflet-control, " +
      ".leaflet-marker-pane .gm-marker, .leaflet-marker-pane .gm-cluster"));
  }});
  if (D.tiles) {
    var tiles = L.tileLayer(D.tiles.url, {pane: "gmTiles", maxZoom: D.tiles.max_zoom, attribution: D.tiles.attribution});
    // A tile that fails leaves a hole through which the basemap shows, and the names come back.
    tiles.on("tileerror", function (e) {
      e.tile.style.visibility = "hidden";
      if (!map.hasLayer(names)) names.addTo(map);
    });
    tiles.addTo(map);
  }
  map.attributionControl.addAttribution(D.attribution);
  var overlays = {}, borderOverlays = {}, icons = D.types.map(function (t) {
    return L.divIcon({className: "gm-marker", html: G.svgIcon(t, 24), iconSize: [24, 24], iconAnchor: [12, 12]});
  });
  // Border overlays: drawn under the markers, listed after the incident layers in the control.
  D.borders.forEach(function (b) {
    var group = L.geoJSON({type: "FeatureCollection", features: b.features.map(function (f) {
      return {type: "Feature", geometry: f.geometry, properties: {name: f.name}};
    })}, {pane: "gmBorders", style: BORDER_STYLE[b.key] || {}, onEachFeature: function (f, layer) {
      layer.bindTooltip(G.el("span", null, f.properties.name), {sticky: true});
    }});
    group.addTo(map);
    borderOverlays[b.label] = group;
  });
  var byType = D.types.map(function () { return []; }), lats = new Float64Array(n), lons = new Float64Array(n);
  for (var i = 0; i < n; i++) {
    lats[i] = D.rows[i][LAT];
    lons[i] = D.rows[i][LON];
    byType[D.rows[i][TYPE]].push(i);
  }
  var layer = new G.GridCluster(lats, lons, function (i) {
    var m = L.marker([lats[i], lons[i]], {icon: icons[D.rows[i][TYPE]], keyboard: false});
    m.gmIndex = i;
    return m;
  }, {cluster: D.cluster});
  var tip = L.tooltip({direction: "top", offset: [0, -10]});
  function listPopup(cluster) {
    var box = G.el("div", "gm-list"), pts = cluster.gmPoints, max = 50;
    box.appendChild(G.el("div", "gm-head", pts.length + " incidents at this place"));
    pts.slice(0, max).forEach(function (i) { box.appendChild(G.el("hr")); box.appendChild(G.popup(D, i)); });
    if (pts.length > max) box.appendChild(G.el("div", "gm-more", "\u2026 and " + (pts.length - max) + " more"));
    L.popup(G.popupOptions(map)).setLatLng(cluster.getLatLng()).setContent(box).openOn(map);
  }
  layer.group.on("click", function (e) {
    if (e.layer.gmPoints) { layer.expand(e.layer, listPopup); return; }
    if (e.layer.gmIndex == null) return;
    L.popup(G.popupOptions(map)).setLatLng(e.layer.getLatLng()).setContent(G.popup(D, e.layer.gmIndex)).openOn(map);
  });
  layer.group.on("mouseover", function (e) {
    var content = e.layer.gmPoints ? G.el("div", "gm-tip", e.layer.gmPoints.length + " incidents: click to see them")
      : e.layer.gmIndex != null ? G.tooltip(D, e.layer.gmIndex) : null;
    if (!content) return;
    tip.setLatLng(e.layer.getLatLng()).setContent(content);
    map.openTooltip(tip);
  });
  layer.group.on("mouseout", function () { map.closeTooltip(tip); });
  layer.addTo(map);
  // After the markers' layer, so that on every move the names are placed around the new markers.
  if (!D.tiles) names.addTo(map);
  var toggles = D.types.map(function (t, k) {
    var g = L.layerGroup().addTo(map);
    overlays['<span class="gm-li">' + G.svgIcon(t, 16) + "</span> " + t.label] = g;
    return g;
  });
  var clustering = L.layerGroup();
  if (D.cluster) clustering.addTo(map);
  var heat = L.heatLayer([], {radius: 22, blur: 18, minOpacity: 0.35});
  if (D.heatmap) heat.addTo(map);
  var uncertainty = L.featureGroup(), shapes = {};
  if (D.uncertainty) uncertainty.addTo(map);
  if (n) {
    overlays["Cluster markers"] = clustering;
    overlays["Heatmap"] = heat;
    overlays["Location uncertainty"] = uncertainty;
  }
  // Incident layers first (what the map is about), then the borders.
  Object.keys(borderOverlays).forEach(function (k) { overlays[k] = borderOverlays[k]; });
  overlays["Place names"] = names;
  var control = L.control.layers(null, overlays, {collapsed: D.collapsed, position: "topright"}).addTo(map);
  var legend = new G.Legend(D).addTo(map);

  function shapeOf(i) {
    var r = D.rows[i], key = r[GEOM] >= 0 ? "g" + r[GEOM] : "i" + i;
    if (!shapes[key]) {
      var color = D.types[r[TYPE]].color;
      if (r[GEOM] < 0 && !RADIUS_M[r[GPREC]]) return null;
      shapes[key] = r[GEOM] >= 0
        ? L.geoJSON(D.geoms[r[GEOM]], {interactive: false, style: {color: color, weight: 2, opacity: 0.6,
            fillColor: color, fillOpacity: 0.08}})
        : L.circle([r[LAT], r[LON]], {radius: RADIUS_M[r[GPREC]], color: color, weight: 1, opacity: 0.6,
            fillOpacity: 0.08, interactive: false});
    }
    return shapes[key];
  }

  function refresh() {
    var visible = [], counts = [], on = [];
    D.types.forEach(function (t, k) {
      on.push(map.hasLayer(toggles[k]));
      var c = 0;
      byType[k].forEach(function (i) {
        var d = D.rows[i][DAY];
        if (d == null || (d >= state.from && d <= state.to)) { c++; if (on[k]) visible.push(i); }
      });
      counts.push(c);
    });
    layer.options.cluster = map.hasLayer(clustering);
    layer.setIndices(visible);
    if (map.hasLayer(heat)) heat.setLatLngs(visible.map(function (i) { return [D.rows[i][LAT], D.rows[i][LON]]; }));
    if (map.hasLayer(uncertainty)) {
      uncertainty.clearLayers();
      var seen = {};
      visible.forEach(function (i) {
        var sh = shapeOf(i);
        if (sh && !seen[L.stamp(sh)]) { seen[L.stamp(sh)] = 1; uncertainty.addLayer(sh); }
      });
    }
    legend.update(counts, on, state.windowed);
    G.visible = visible.length;
    G.ready = true;
    G.timing.ready = G.timing.ready || performance.now();
  }
  map.on("overlayadd overlayremove", function (e) {
    if ((toggles.indexOf(e.layer) < 0 && [clustering, heat, uncertainty].indexOf(e.layer) < 0)) return;
    refresh();
  });
  var days = [];
  D.rows.forEach(function (r) { if (r[DAY] != null) days.push(r[DAY]); });
  days.sort(function (a, b) { return a - b; });
  if (days.length && days[0] !== days[days.length - 1]) {
    G.timeline = G.addTimeline(map, days, function (from, to, windowed) {
      state.from = from; state.to = to; state.windowed = windowed; refresh();
    }, n > 20000 ? 250 : 60);
  }
  var title = G.addTitle(map, D.title, D.subtitle);
  new G.Fullscreen().addTo(map);
  var mini = new G.MiniMap(function () {
    return L.geoJSON({type: "GeometryCollection", geometries: D.basemap}, {interactive: false,
      style: {stroke: false, fillColor: "#e8e2d0", fillOpacity: 1}});
  }).addTo(map);
  // Panels fold into buttons when they do not all fit (phones): the first listed folds first.
  var layout = new G.Layout(map, function () {
    var c = map.getContainer();
    return [title, c.querySelector(".leaflet-control-zoom"), c.querySelector(".gm-fullscreen"),
            c.querySelector(".leaflet-control-scale")];
  });
  layout.add("attribution", G.foldAttribution(map.attributionControl));
  layout.add("minimap", new G.Foldable(mini.getContainer(), "Overview", {expand: function () { mini.refresh(); }}));
  layout.add("layers", G.foldLayers(control));
  if (G.timeline) layout.add("timeline", new G.Foldable(G.timeline.element, "Dates"));
  layout.add("legend", new G.Foldable(legend.getContainer(), "Legend"));
  // Room for the title above, and the time slider and legend below.
  if (D.bounds) map.fitBounds(D.bounds, {paddingTopLeft: [60, 80], paddingBottomRight: [60, 140], maxZoom: 8});
  else map.setView([30, 20], 2);
  refresh();
  layout.fit();
  names.redraw();  // now that the panels have their final size
  layout.onFold = function () { names.redraw(); };
  G.map = map; G.layer = layer; G.refresh = refresh; G.layout = layout; G.names = names; G.minimap = mini;
  G.toggles = toggles; G.clustering = clustering; G.heat = heat; G.control = control; G.legend = legend;
};
})();
"""
