// The operator's resource map: draws the points the page embedded (#map-data, from the territory API) on the offline
// Natural Earth outlines, optional online tiles, one clustered layer per checkbox. The table below the map has the same
// data for screen readers; without JavaScript only the map is missing.
(function () {
  'use strict';
  var colours = { declared: 'declared', estimated: 'estimated', company: 'company' };
  var layerOf = { declared: 'declared', estimated: 'estimated', company: 'companies', hotspot: 'hotspots' };

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (className) { el.className = className; }
    return el;
  }

  function link(href, label) {
    var a = text('a', label);
    a.href = href;
    a.setAttribute('data-enhance-nav', 'false');
    return a;
  }

  function popup(p, el) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    box.appendChild(text('strong', p.t));
    if (p.k === 'estimated') {
      box.appendChild(document.createTextNode(' '));
      box.appendChild(text('span', el.dataset.estimated, 'map-popup-estimated'));
    }
    box.appendChild(text('p', p.d));
    if (p.c) {
      var list = document.createElement('ul');
      p.c.forEach(function (c) { var li = document.createElement('li'); li.appendChild(link(c.h, c.n)); list.appendChild(li); });
      box.appendChild(list);
    } else if (p.h) {
      box.appendChild(link(p.h, p.k === 'declared' ? el.dataset.openListing : el.dataset.openCompany));
    }
    return box;
  }

  function marker(p, el) {
    var hot = p.k === 'hotspot';
    var icon = hot
      ? L.divIcon({ className: 'map-hotspot', html: '!', iconSize: [28, 28] })
      : L.divIcon({ className: 'map-dot map-dot-' + colours[p.k], iconSize: [14, 14] });
    var m = L.marker([p.a, p.o], { icon: icon, title: p.t, alt: p.t, keyboard: true, riseOnHover: true });
    m.bindPopup(function () { return popup(p, el); });
    return m;
  }

  /** Draws the points into one cluster group per layer (hot spots unclustered: they are few and must stand out). */
  function draw(map, el, points, done) {
    var groups = {};
    var pending = 0;
    var finished = function (processed, total) {
      if (processed === total && --pending === 0 && done) { done(); }
    };
    Object.keys(layerOf).forEach(function (k) {
      groups[layerOf[k]] = k === 'hotspot' ? L.layerGroup()
        : L.markerClusterGroup({ chunkedLoading: true, chunkProgress: finished, showCoverageOnHover: false });
    });
    var buckets = {};
    points.forEach(function (p) { (buckets[layerOf[p.k]] = buckets[layerOf[p.k]] || []).push(marker(p, el)); });
    Object.keys(groups).forEach(function (name) { if (buckets[name] && groups[name].addLayers) { pending++; } });
    if (pending === 0 && done) { done(); }
    Object.keys(groups).forEach(function (name) {
      var group = groups[name];
      if (buckets[name]) {
        if (group.addLayers) { group.addLayers(buckets[name]); } else { buckets[name].forEach(function (m) { group.addLayer(m); }); }
      }
      group.addTo(map);
    });
    return groups;
  }

  /** The points embedded for a map element not drawn yet (null: no such map, already drawn, or Leaflet missing). */
  function pointsFor(el, dataId) {
    var source = document.getElementById(dataId);
    if (!el || !source || el.dataset.ready || typeof L === 'undefined') { return null; }
    el.dataset.ready = 'true';
    return JSON.parse(source.textContent);
  }

  /** A map on the offline outlines (and the optional tiles), fitted to the points. */
  function basemap(el, points) {
    var map = L.map(el, { zoomSnap: 0.5, minZoom: 2, maxZoom: 18, worldCopyJump: true });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    map.attributionControl.addAttribution(el.dataset.outlines);
    map.createPane('outlines').style.zIndex = 250;
    fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (topo) {
      L.geoJSON(topojson.feature(topo, topo.objects.countries),
        { pane: 'outlines', interactive: false, style: { color: '#6b7280', weight: 1, fillColor: '#f4f1e8', fillOpacity: 1 } }).addTo(map);
    });
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || '' }).addTo(map);
    }
    // The view first: a cluster group needs the map's zoom when it is added.
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points.map(function (p) { return [p.a, p.o]; })).pad(0.1), { maxZoom: 11 });
    } else {
      map.fitWorld();
    }
    return map;
  }

  /** A project's small map: each flow's site with a line to the installation (#project-map, #project-map-data). */
  function initProject() {
    var el = document.getElementById('project-map');
    var points = pointsFor(el, 'project-map-data');
    if (!points) { return; }
    var map = basemap(el, points);
    var plant = points.filter(function (p) { return p.k === 'installation'; })[0];
    points.forEach(function (p) {
      if (plant && p !== plant) {
        L.polyline([[p.a, p.o], [plant.a, plant.o]], { color: '#0b5cad', weight: 2, opacity: 0.7, interactive: false }).addTo(map);
      }
      var icon = L.divIcon({ className: p === plant ? 'map-hotspot' : 'map-dot map-dot-declared', html: p === plant ? '\u2699' : '', iconSize: p === plant ? [28, 28] : [14, 14] });
      L.marker([p.a, p.o], { icon: icon, title: p.t, alt: p.t, keyboard: true })
        .bindPopup(function () { var box = text('div', '', 'map-popup'); box.appendChild(text('strong', p.t)); box.appendChild(text('p', p.d)); return box; })
        .addTo(map);
    });
    el.setAttribute('data-interactive', 'true');
  }

  function init() {
    var el = document.getElementById('resource-map');
    var points = pointsFor(el, 'map-data');
    if (!points) { return; }
    var map = basemap(el, points);
    var groups = draw(map, el, points);
    document.querySelectorAll('.map-layers input[data-layer]').forEach(function (box) {
      box.addEventListener('change', function () {
        var group = groups[box.dataset.layer];
        if (box.checked) { group.addTo(map); } else { map.removeLayer(group); }
      });
    });
    el.setAttribute('data-interactive', 'true');
    window.symbiosisMap = {
      map: map,
      // For measurements: draws generated points afresh and says how long until every chunk was clustered and painted.
      renderAsync: function (generated) {
        var start = performance.now();
        Object.keys(groups).forEach(function (name) { map.removeLayer(groups[name]); });
        map.fitBounds(L.latLngBounds(generated.map(function (p) { return [p.a, p.o]; })));
        return new Promise(function (resolve) {
          groups = draw(map, el, generated, function () {
            requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(performance.now() - start); }); });
          });
        });
      }
    };
  }

  function initAll() { init(); initProject(); }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', initAll); } else { initAll(); }
  // Enhanced navigation swaps the page without reloading scripts: draw again when it lands on a map.
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', initAll); }
}());
