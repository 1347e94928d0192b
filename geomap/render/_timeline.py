"""The time slider: a date window that filters every type layer, the clusters and the heatmap together.

folium's TimestampedGeoJson cannot work with marker clusters or layer toggles. This control
only moves a window (``from``, ``to`` in days since 1970-01-01); :data:`geomap.render._script.MAIN_JS`
keeps each type's incidents in an array with their dates and, on every change, hands the
cluster layer (:mod:`geomap.render._cluster`), the heatmap and the uncertainty overlay the
incidents that are inside the window and of a type that is switched on. Incidents without a
date are always shown (the legend says so).
"""

from __future__ import annotations

__all__ = ["TIMELINE_JS"]

TIMELINE_JS = r"""
(function () {
"use strict";
var G = window.geomap = window.geomap || {};
G.dayString = function (day) { return new Date(day * 86400000).toISOString().slice(0, 10); };

// A bar at the bottom centre of the map with two sliders (from, to) over the event dates.
// onChange(from, to) is called at most every `delay` ms while a slider moves.
G.addTimeline = function (map, days, onChange, delay) {
  var lo = days[0], hi = days[days.length - 1];
  var bar = G.el("div", "gm-timeline");
  L.DomEvent.disableClickPropagation(bar);
  L.DomEvent.disableScrollPropagation(bar);
  bar.appendChild(G.el("div", "gm-timeline-title", "Event dates"));
  var label = bar.appendChild(G.el("div", "gm-timeline-range"));
  function slider(name, value) {
    var row = bar.appendChild(G.el("label", "gm-timeline-row"));
    row.appendChild(G.el("span", "gm-timeline-name", name));
    var input = row.appendChild(G.el("input"));
    input.type = "range"; input.min = lo; input.max = hi; input.step = 1; input.value = value;
    input.setAttribute("aria-label", name + " date");
    return input;
  }
  var from = slider("From", lo), to = slider("To", hi);
  var reset = bar.appendChild(G.el("button", "gm-timeline-reset", "All dates"));
  reset.type = "button";
  var timer = null;
  function show() {
    label.textContent = G.dayString(+from.value) + " \u2013 " + G.dayString(+to.value);
  }
  function changed(now) {
    show();
    clearTimeout(timer);
    var fire = function () { onChange(+from.value, +to.value, +from.value > lo || +to.value < hi); };
    if (now) fire(); else timer = setTimeout(fire, delay);
  }
  from.addEventListener("input", function () { if (+from.value > +to.value) to.value = from.value; changed(false); });
  to.addEventListener("input", function () { if (+to.value < +from.value) from.value = to.value; changed(false); });
  reset.addEventListener("click", function () { from.value = lo; to.value = hi; changed(true); });
  show();
  map.getContainer().appendChild(bar);
  return {element: bar, from: from, to: to, set: function (a, b) { from.value = a; to.value = b; changed(true); }};
};
})();
"""
