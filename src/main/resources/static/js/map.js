// The Leaflet map: panes, layer objects, layer switcher, legend (with the shading scale) and place labels.
import { debug } from './api.js';
import { esc, t } from './i18n.js';
import { LineSet } from './lineSet.js';
import { state } from './state.js';

const L = window.L;
export const COLORS = { covered: '#1a9850', uncovered: '#d73027', site: '#4a3aa8', fiber: '#e08214', coverage: '#1f5fa8', rail: '#555' };
export const COUNTRY = [[37.1, 55.9], [45.6, 73.2]];
export const ZOOM = { sites: 9, siteSingle: 12, fiber: 10, settlements: 8, districtLabels: 7.5 };
// five classes from red to green
const CLASS_COLORS = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];

export const m = { map: null, layers: {}, scale: null };

export function setupMap({ styleRegion, styleHexagon, pointToSettlement, onMove, onOverlay }) {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 5, maxZoom: 16, attributionControl: true });
  // the credits the open sources require (the same as GET /api/v1/about gives)
  map.attributionControl.setPrefix(false).addAttribution('Towns © GeoNames, SimpleMaps (CC BY 4.0) · Made with Natural Earth · Terrain: SRTM30_PLUS');
  m.map = map;
  debug.map = map;
  debug.layers = m.layers;
  const panes = { regionsPane: 300, districtsPane: 320, hexPane: 340, coveragePane: 350, linesPane: 400, stretchPane: 410, pointsPane: 450,
    gapPointsPane: 460, labelsPane: 470, selectionPane: 500 };
  for (const [name, z] of Object.entries(panes)) map.createPane(name).style.zIndex = z;
  map.getPane('labelsPane').style.pointerEvents = 'none';
  const points = L.canvas({ pane: 'pointsPane', padding: 0.2 });
  // uncovered settlements as SVG (a few thousand at most): a second canvas above the first would swallow every click
  // meant for the covered settlements below it
  const gapPoints = L.svg({ pane: 'gapPointsPane', padding: 0.2 });
  const ly = m.layers;
  ly.regions = L.geoJSON(null, { pane: 'regionsPane', style: styleRegion });
  ly.districts = L.geoJSON(null, { pane: 'districtsPane', style: { color: '#666', weight: 0.8, dashArray: '3 3', fill: false }, interactive: false });
  // up to ~10,000 cells nationally: a canvas (the points' canvas lies above it, so a click finds its cell by position:
  // see hexagonAt in js/pick.js)
  ly.hexagons = L.geoJSON(null, { pane: 'hexPane', style: styleHexagon, renderer: L.canvas({ pane: 'hexPane', padding: 0.2 }) });
  ly.coverage = L.geoJSON(null, { pane: 'coveragePane', style: { color: COLORS.coverage, weight: 0.8, fillColor: COLORS.coverage, fillOpacity: 0.35 } });
  // roads and rail on one canvas, each layer one polyline of all its lines (js/lineSet.js): with the OSM railways
  // loaded they are ~8,000 lines, and as many SVG paths, then canvas layers, kept the first page busy. Not
  // interactive: the settlements' canvas above takes every click anyway, and the map's click handler finds the line
  // by position (js/pick.js)
  const lines = L.canvas({ pane: 'linesPane', padding: 0.2 });
  const line = { pane: 'linesPane', renderer: lines, interactive: false };
  ly.highways = new LineSet({ ...line, color: '#6b6b6b', weight: 2.5, opacity: 0.9 });
  ly.railways = new LineSet({ ...line, color: COLORS.rail, weight: 2.5, dashArray: '6 4' });
  ly.stretches = L.geoJSON(null, { pane: 'stretchPane', style: { color: COLORS.uncovered, weight: 5, opacity: 0.95 } });
  // covered settlements (thinned at low zoom) on a canvas; uncovered ones (never thinned) above them
  ly.settlements = L.geoJSON(null, { pane: 'pointsPane', pointToLayer: (f, ll) => pointToSettlement(f, ll, points) });
  ly.gapPoints = L.geoJSON(null, { pane: 'gapPointsPane', pointToLayer: (f, ll) => pointToSettlement(f, ll, gapPoints) });
  ly.sites = L.featureGroup();
  ly.fiber = L.geoJSON(null, { pane: 'linesPane', style: { color: COLORS.fiber, weight: 1.5, opacity: 0.8 } });
  ly.labels = L.layerGroup();
  ly.selection = L.geoJSON(null, {
    pane: 'selectionPane', style: { color: '#ffd400', weight: 8, opacity: 0.9 },
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 12, color: '#ffd400', weight: 4, fill: false }),
  });
  // the coverage polygons have no popup and fill most of a region: a click on them is a click on the region; roads and
  // rail take no clicks (the map's click handler finds them by position)
  for (const k of ['stretches', 'settlements', 'gapPoints', 'sites', 'fiber', 'selection', 'hexagons']) {
    markFeatureClicks(ly[k]);
  }
  // the uncovered settlements go with the settlements checkbox
  ly.settlements.on('add', () => ly.gapPoints.addTo(map));
  ly.settlements.on('remove', () => ly.gapPoints.remove());
  for (const k of ['districts', 'selection', ...state.layers]) if (ly[k]) ly[k].addTo(map);
  switcher();
  legend();
  L.control.scale({ imperial: false }).addTo(map);
  map.on('moveend', onMove);
  map.on('overlayadd overlayremove', onOverlay);
  return map;
}

/**
 * Leaflet hands one click first to the feature hit (on the canvas or in SVG), then to the map: the features of this
 * group mark the DOM event, so that the map's own click handler can tell "a feature took it" from "bare map".
 */
export function markFeatureClicks(group) {
  group.on('click', (e) => { if (e.originalEvent) e.originalEvent.qamrovFeature = true; });
}

let switcherControl;
export function switcher() {
  if (switcherControl) switcherControl.remove();
  const o = {};
  for (const k of ['regions', 'hexagons', 'coverage', 'highways', 'railways', 'stretches', 'settlements', 'sites', 'fiber', 'labels']) {
    o[k === 'stretches' ? t('legend.stretchUncovered') : t(`layer.${k}`)] = m.layers[k];
  }
  // collapsed: on a laptop screen the open list and the legend covered much of the map
  switcherControl = L.control.layers(null, o, { collapsed: true, position: 'topright' }).addTo(m.map);
}

/** Which overlays are on, by key (for the URL). */
export const visibleLayers = () => ['regions', 'highways', 'railways', 'stretches', 'settlements', 'sites', 'fiber', 'labels', 'coverage',
  'hexagons']
  .filter((k) => m.map.hasLayer(m.layers[k]));

/**
 * Region shading on quantile classes of the regions' values: the regions differ by a few points (95.6–100 %), so a
 * 0–100 % ramp painted them all the same green. Returns the class breaks for the legend.
 */
export function makeScale(values) {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) { m.scale = null; return; }
  const n = Math.min(CLASS_COLORS.length, new Set(v).size);
  const breaks = [];
  for (let i = 1; i < n; i++) breaks.push(v[Math.floor((i * v.length) / n)]);
  const colors = Array.from({ length: n }, (_, i) => CLASS_COLORS[n === 1 ? 4 : Math.round((i * 4) / (n - 1))]);
  m.scale = { min: v[0], max: v[v.length - 1], breaks, colors };
}

export function classColor(value) {
  if (value === null || value === undefined || !m.scale) return '#cccccc';
  let i = 0;
  while (i < m.scale.breaks.length && value >= m.scale.breaks[i]) i++;
  return m.scale.colors[i];
}

let legendControl;
export function legend(fmt = (x) => x) {
  if (legendControl) legendControl.remove();
  legendControl = L.control({ position: 'bottomright' });
  legendControl.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.id = 'legend';
    const s = m.scale;
    const classes = !s ? `<div class="hint">${esc(t('legend.noData'))}</div>`
      : s.colors.map((c, i) => {
        const lo = i === 0 ? s.min : s.breaks[i - 1];
        const hi = i === s.colors.length - 1 ? s.max : s.breaks[i];
        return `<div class="class"><i class="box" style="background:${c}"></i>${fmt(lo)} – ${fmt(hi)} %</div>`;
      }).join('');
    div.innerHTML = `<details open><summary><strong>${esc(t('legend.title'))}</strong></summary>
      <div><i class="dot" style="background:${COLORS.uncovered}"></i>${esc(t('layer.settlements'))}: ${esc(t('legend.uncovered'))} <b id="legend-gap-count"></b></div>
      <div><i class="dot" style="background:${COLORS.covered}"></i>${esc(t('layer.settlements'))}: ${esc(t('legend.covered'))}</div>
      <div class="hint" id="legend-thinned" hidden></div>
      <div><i class="line thick" style="background:${COLORS.uncovered}"></i>${esc(t('legend.stretchUncovered'))}</div>
      <div class="hint" id="legend-service-lines" hidden>${esc(t('legend.linesMobileOnly'))}</div>
      <div><i class="line" style="background:#6b6b6b"></i>${esc(t('layer.highways'))}</div>
      <div><i class="line dashed" style="border-color:${COLORS.rail}"></i>${esc(t('layer.railways'))}</div>
      <div><i class="dot" style="background:${COLORS.site}"></i>${esc(t('legend.site'))}</div>
      <div><i class="line" style="background:${COLORS.fiber}"></i>${esc(t('legend.fiber'))}</div>
      <div><i class="box" style="background:${COLORS.coverage};opacity:.5"></i>${esc(t('legend.coverage'))} (${esc(state.technology)}+)</div>
      <div class="ramp-title">${esc(t('layer.regions'))}: ${esc(t(`ind.${state.shade}`))}</div>
      <div class="scale-kind">${esc(t('legend.quantiles'))}</div>
      ${classes}
      <div class="hint" id="legend-zoom">${esc(t('legend.zoomSites'))}</div></details>`;
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legendControl.addTo(m.map);
  updateZoomHint();
}

export function updateZoomHint() {
  const hint = document.getElementById('legend-zoom');
  if (hint) hint.hidden = m.map.getZoom() >= ZOOM.sites;
}

/** Ray casting over a GeoJSON (Multi)Polygon: is [lon, lat] inside? */
export function contains(geometry, lon, lat) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polys.some((rings) => rings.reduce((inside, ring, k) => {
    let hit = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]; const [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
    }
    return k === 0 ? hit : inside && !hit;
  }, false));
}

/** A text label (no pointer events) at [lat, lon]. */
export function label(latlng, text, cls) {
  return L.marker(latlng, { pane: 'labelsPane', interactive: false, keyboard: false,
    icon: L.divIcon({ className: `place-label ${cls}`, html: `<span>${esc(text)}</span>`, iconSize: null }) });
}
