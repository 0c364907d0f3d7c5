// The operator's resource map: draws the points the page embedded (#map-data, from the territory API) on the offline
// Natural Earth outlines, optional online tiles, one clustered layer per checkbox, territory outlines and exchange lines.
// A crowded territory arrives as the server's clusters; panning and zooming then asks /operator/map/data for the view.
// The table below the map has the same data for screen readers; without JavaScript only the map is missing.
(function () {
  'use strict';
  var colours = { declared: 'declared', estimated: 'estimated', reported: 'estimated', company: 'company' };
  var layerOf = { declared: 'declared', estimated: 'estimated', reported: 'estimated', company: 'companies', hotspot: 'hotspots' };

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

  /** A cluster the server sent for a crowded view: its count, and a click zooms to its extent. */
  function serverCluster(map, p) {
    var m = L.marker([p.a, p.o], {
      icon: L.divIcon({ className: 'map-server-cluster', html: String(p.n), iconSize: [40, 40] }),
      title: p.t + ' ' + p.d, alt: p.t, keyboard: true
    });
    m.on('click', function () { map.fitBounds([[p.b[0], p.b[1]], [p.b[2], p.b[3]]], { padding: [20, 20] }); });
    return m;
  }

  /**
   * Draws the points into one group per layer: a client-side cluster group of the points (hot spots unclustered: they
   * are few and must stand out) and the server's clusters beside it.
   */
  function draw(map, el, points, done) {
    var groups = {};
    var pending = 0;
    var finished = function (processed, total) {
      if (processed === total && --pending === 0 && done) { done(); }
    };
    var buckets = {};
    var servers = {};
    points.forEach(function (p) {
      if (p.k === 'cluster') { (servers[p.l] = servers[p.l] || []).push(serverCluster(map, p)); }
      else { (buckets[layerOf[p.k]] = buckets[layerOf[p.k]] || []).push(marker(p, el)); }
    });
    var names = ['declared', 'estimated', 'companies', 'hotspots'];
    names.forEach(function (name) { if (buckets[name] && name !== 'hotspots') { pending++; } });
    if (pending === 0 && done) { done(); }
    names.forEach(function (name) {
      var group = L.layerGroup();
      if (buckets[name] && name === 'hotspots') {
        buckets[name].forEach(function (m) { group.addLayer(m); });
      } else if (buckets[name]) {
        var cluster = L.markerClusterGroup({ chunkedLoading: true, chunkProgress: finished, showCoverageOnHover: false });
        cluster.addLayers(buckets[name]);
        group.addLayer(cluster);
      }
      (servers[name] || []).forEach(function (m) { group.addLayer(m); });
      groups[name] = group.addTo(map);
    });
    return groups;
  }

  /** Accepted exchanges: a line from the offer's site to the want's, with its popup. */
  function lines(map, el, items) {
    var group = L.layerGroup();
    items.forEach(function (x) {
      var line = L.polyline([x.f, x.t], { className: 'map-exchange', weight: 3 });
      line.bindPopup(function () { return popup({ k: 'declared', t: x.title, d: x.d, h: x.h }, el); });
      group.addLayer(line);
    });
    return group.addTo(map);
  }

  /** The territories' outlines, under the points and not clickable. */
  function areas(map, items) {
    var group = L.layerGroup();
    items.forEach(function (a) {
      L.geoJSON(a.g, { interactive: false, style: { className: 'map-territory', weight: 2, fill: false } }).addTo(group);
    });
    return group.addTo(map);
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
    groups.exchanges = lines(map, el, JSON.parse((document.getElementById('map-lines') || { textContent: '[]' }).textContent));
    groups.territories = areas(map, JSON.parse((document.getElementById('map-areas') || { textContent: '[]' }).textContent));
    var view = { box: null, clustered: points.some(function (p) { return p.k === 'cluster'; }) };
    // Shows a view's data in place of the last one, each layer as its checkbox says.
    var replace = function (data) {
      ['declared', 'estimated', 'companies', 'hotspots', 'exchanges'].forEach(function (name) { map.removeLayer(groups[name]); });
      var fresh = draw(map, el, data.points);
      fresh.exchanges = lines(map, el, data.lines);
      Object.keys(fresh).forEach(function (name) { groups[name] = fresh[name]; });
      document.querySelectorAll('.map-layers input[data-layer]').forEach(function (box) {
        if (!box.checked && groups[box.dataset.layer]) { map.removeLayer(groups[box.dataset.layer]); }
      });
      view.clustered = data.points.some(function (p) { return p.k === 'cluster'; });
    };
    // A crowded territory comes as the server's clusters: panning or zooming asks for the view's own points. A view
    // that needed no clusters is complete, and is asked again only when the map leaves it.
    var seq = 0;
    var timer = null;
    var refetch = function () {
      var b = map.getBounds();
      var box = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())];
      var inside = view.box === null || (box[0] >= view.box[0] && box[1] >= view.box[1] && box[2] <= view.box[2] && box[3] <= view.box[3]);
      if (!el.dataset.dataUrl || (inside && !view.clustered) || box[0] >= box[2]) { return; }
      var mine = ++seq;
      var url = el.dataset.dataUrl + (el.dataset.dataUrl.indexOf('?') < 0 ? '?' : '&') + 'bbox=' +
        box.map(function (x) { return x.toFixed(4); }).join(',') + '&zoom=' + Math.round(map.getZoom());
      el.setAttribute('aria-busy', 'true');
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (data && mine === seq) { replace(data); view.box = box; el.setAttribute('data-view', box.join(',')); }
        })
        .catch(function () { /* the view stays as it was; the table below is unchanged */ })
        .then(function () { if (mine === seq) { el.removeAttribute('aria-busy'); } });
    };
    map.on('moveend', function () { clearTimeout(timer); timer = setTimeout(refetch, 300); });
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
        ['declared', 'estimated', 'companies', 'hotspots'].forEach(function (name) { map.removeLayer(groups[name]); });
        map.fitBounds(L.latLngBounds(generated.map(function (p) { return [p.a, p.o]; })));
        return new Promise(function (resolve) {
          var fresh = draw(map, el, generated, function () {
            requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(performance.now() - start); }); });
          });
          Object.keys(fresh).forEach(function (name) { groups[name] = fresh[name]; });
        });
      }
    };
  }

  function initAll() { init(); initProject(); }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', initAll); } else { initAll(); }
  // Enhanced navigation swaps the page without reloading scripts: draw again when it lands on a map.
  if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', initAll); }
}());
