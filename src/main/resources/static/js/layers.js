// Loading the map's data: regions and districts, roads and rail, uncovered stretches, settlements (every gap, covered
// ones thinned at low zoom), base stations and fiber by viewport, coverage polygons, region shading and labels.
import { API, api, debug, query } from './api.js';
import { fmt, i18n, nameProperties, placeName, t } from './i18n.js';
import { classColor, COLORS, label, legend, m, makeScale, updateZoomHint, ZOOM } from './map.js';
import { bindSettlement, fiberPopup, sitePopup, stretchPopup } from './popups.js';
import { state } from './state.js';

const L = window.L;
const COVERED_CAP = 3000;
const CLUSTER_PX = 48;
export const regionValues = {};
const regionSites = {};
export const refLists = { highways: [], railways: [] };

export const settlementColor = (f) => (f.properties.covered === false ? COLORS.uncovered : f.properties.covered ? COLORS.covered : '#999');
const settlementRadius = (f) => Math.max(2.5, Math.min(7, Math.log10(Math.max(10, f.properties.population || 10)) * 1.6 - 1.5));

export function pointToSettlement(f, ll, renderer) {
  const gap = f.properties.covered === false;
  return L.circleMarker(ll, { renderer, radius: settlementRadius(f) + (gap ? 1 : 0), weight: gap ? 1.5 : 1, color: gap ? '#600' : '#222',
    fillColor: settlementColor(f), fillOpacity: 0.9 });
}

export function regionStyle(f) {
  const code = f.properties.code || f.id;
  const selected = state.region && state.region === code;
  return { color: selected ? '#000' : '#555', weight: selected ? 3 : 1, fillColor: classColor(regionValues[code]), fillOpacity: 0.5 };
}

export function updateCounts() {
  // a LineSet draws its features as one polyline: its count is of the features drawn
  const count = (g) => { if (g.drawnCount) return g.drawnCount(); let n = 0; g.eachLayer(() => { n++; }); return n; };
  for (const k of Object.keys(m.layers)) debug.layerCounts[k] = m.map.hasLayer(m.layers[k]) ? count(m.layers[k]) : 0;
}

const REGION_LIST = `${API}/regions`;
const REGION_OUTLINES = `ogc/collections/regions/items${query({ limit: 100 })}`;
/**
 * Every road and rail line at once (a page of 1,000 drew 1,000 of the 7,923 OSM railway segments an admin may load),
 * drawn to within 50 m (invisible below zoom 12), with what the popups and the road filter read: a third of the bytes.
 */
const LINE_PROPERTIES = { highways: 'id,ref,road_class,name_uz_latn,name_ru,name_en', railways: 'id,line_key,line_name' };
const LINE_LIMIT = 10000;
const linesPath = (kind) => `${API}/layers/${kind}${query({ limit: LINE_LIMIT, simplify_m: 50, properties: LINE_PROPERTIES[kind] })}`;
/** What loadRegions and loadLines ask for: the same whatever the language, region, service or date. */
export const referencePaths = () => [REGION_LIST, REGION_OUTLINES, linesPath('highways'), linesPath('railways')];

/**
 * The regions' list (names, bounds: what the view's own requests need), then their outlines. Resolves with the list
 * loaded and {@code outlines}, a promise of the outlines drawn with their labels: the first load's requests need not
 * wait for 16 KB of polygons (the shading's colours are applied to them when they come).
 */
export async function loadRegions() {
  const outlines = api(REGION_OUTLINES);
  outlines.catch(() => {});
  i18n.regions = await api(REGION_LIST).catch((e) => { debug.errors.push(String(e)); return []; });
  const drawn = outlines.then((fc) => {
    m.layers.regions.clearLayers().addData(fc);
    drawAreaLabels(m.map.getZoom());
  }).catch((e) => { debug.errors.push(String(e)); }).finally(updateCounts);
  return { outlines: drawn };
}

/** District outlines of the selected region (none nationally: 200 outlines would hide the shading). */
export async function loadDistricts() {
  const r = i18n.regions.find((x) => x.code === state.region);
  m.layers.districts.clearLayers();
  districtFeatures = [];
  if (!r || !r.bbox) return;
  try {
    const fc = await api(`ogc/collections/districts/items${query({ bbox: r.bbox.join(','), limit: 1000 })}`);
    districtFeatures = fc.features.filter((f) => f.properties.region === state.region);
    m.layers.districts.addData({ type: 'FeatureCollection', features: districtFeatures });
  } catch (e) {
    debug.errors.push(String(e));
  }
}
let districtFeatures = [];

const REF_ORDER = new Intl.Collator('en', { numeric: true });

export async function loadLines() {
  await Promise.all(['highways', 'railways'].map(async (kind) => {
    try {
      const fc = await api(linesPath(kind));
      // more lines than one answer holds: the next pages too, never some of them silently
      for (let offset = LINE_LIMIT; offset < fc.numberMatched; offset += LINE_LIMIT) {
        const more = await api(`${linesPath(kind)}&offset=${offset}`);
        fc.features.push(...more.features);
      }
      m.layers[kind].setFeatures(fc.features);
      // one pass and one collator: with the ~8,000 OSM railway segments, a find per line key and a localeCompare with
      // options per comparison (a collator built each time) took 450 ms of the first load's main thread
      const names = new Map();
      for (const f of fc.features) {
        const r = kind === 'highways' ? f.properties.ref : f.properties.line_key;
        if (r && !names.has(r)) names.set(r, f.properties.line_name);
      }
      refLists[kind] = [...names.keys()].sort(REF_ORDER.compare).map((r) => ({ ref: r, name: names.get(r) }));
    } catch (e) {
      debug.errors.push(String(e));
    }
  }));
  updateCounts();
}

/**
 * Uncovered road and rail stretches of the chosen service, drawn in red. Roads and rail are measured for mobile
 * services only: with fixed broadband there are none to draw, and the legend says why (no silent 4G substitute).
 */
export async function loadStretches() {
  const features = [];
  applyNotes();
  if (state.service !== 'fixed_broadband') {
    await Promise.all(['highways', 'railways'].map(async (kind) => {
      try {
        const fc = await api(`${API}/gaps/${kind}${query({ region: state.region, service: state.service, asOf: state.asOf, f: 'geojson' })}`);
        features.push(...fc.features);
      } catch (e) {
        debug.errors.push(String(e));
      }
    }));
  }
  m.layers.stretches.clearLayers().addData({ type: 'FeatureCollection', features });
  m.layers.stretches.eachLayer((l) => l.bindPopup(() => stretchPopup(l.feature.properties)));
  updateCounts();
}

/** Every uncovered settlement of the service, date and region (the whole gap list: never capped by the map). */
let gapKey = '';
let gapSeq = 0;
export async function loadGapPoints() {
  const key = [state.region, state.service, state.asOf].join('|');
  if (key === gapKey) return;
  const seq = ++gapSeq;
  m.layers.gapPoints.clearLayers();
  try {
    const fc = await api(`${API}/gaps/settlements${query({ region: state.region, service: state.service, asOf: state.asOf, f: 'geojson' })}`);
    if (seq !== gapSeq) return;
    m.layers.gapPoints.clearLayers().addData(fc);
    m.layers.gapPoints.eachLayer((l) => bindSettlement(l.feature, l));
    gapKey = key;
    debug.gapPointsMatched = fc.numberMatched;
    notes.gapCount = fc.numberMatched;
    applyNotes();
  } catch (e) {
    debug.errors.push(String(e));
  }
  updateCounts();
}

// what the legend says about the data on the map (kept across legend redraws)
const notes = { gapCount: null, thinned: null };
export function applyNotes() {
  const count = document.getElementById('legend-gap-count');
  if (count) count.textContent = notes.gapCount === null ? '' : `(${fmt(notes.gapCount, 0)})`;
  const thin = document.getElementById('legend-thinned');
  if (thin) {
    thin.hidden = !notes.thinned;
    if (notes.thinned) thin.textContent = t('legend.thinned', { shown: fmt(notes.thinned.shown, 0), n: fmt(notes.thinned.n, 0) });
  }
  const lines = document.getElementById('legend-service-lines');
  if (lines) lines.hidden = state.service !== 'fixed_broadband';
}
export function redrawLegend() {
  legend((x) => fmt(x, 1));
  applyNotes();
}

let viewportSeq = 0;
export async function loadViewportLayers() {
  const seq = ++viewportSeq;
  updateZoomHint();
  const map = m.map;
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(',');
  const z = map.getZoom();
  const jobs = [];
  if (map.hasLayer(m.layers.settlements)) {
    jobs.push(loadGapPoints());
    // covered settlements: the biggest ones up to a cap at low zoom (the map says so), all of them when zoomed in;
    // only what the marker and its label show (a popup fetches the rest): a third of the full properties' bytes
    const params = { bbox: z >= ZOOM.settlements ? bbox : regionBbox() || bbox, service: state.service, asOf: state.asOf,
      limit: z >= ZOOM.settlements ? 5000 : COVERED_CAP, properties: ['id', ...nameProperties(), 'population', 'region', 'covered'].join(',') };
    jobs.push(api(`${API}/layers/settlements${query(params)}`).then((fc) => {
      if (seq !== viewportSeq) return;
      const covered = fc.features.filter((f) => f.properties.covered !== false);
      if (fc.signal_classes_pending) covered.forEach((f) => { f.properties.signal_classes_pending = true; });
      m.layers.settlements.clearLayers().addData({ type: 'FeatureCollection', features: covered });
      m.layers.settlements.eachLayer((l) => bindSettlement(l.feature, l));
      notes.thinned = fc.numberMatched > fc.numberReturned ? { shown: fc.numberReturned, n: fc.numberMatched } : null;
      applyNotes();
      debug.coveredThinned = Boolean(notes.thinned);
      drawTownLabels(fc.features, z);
    }).catch((e) => { debug.errors.push(String(e)); m.layers.settlements.clearLayers(); }));
  }
  if (map.hasLayer(m.layers.sites)) {
    if (z >= ZOOM.sites) {
      // one marker per site when zoomed in, with what its popup says; else the server counts every site of the view
      // in the cells of 48 pixels the map draws (a page of 5,000 sites undercounted the Fergana valley's 17,752)
      const path = z >= ZOOM.siteSingle
        ? `${API}/layers/base-stations${query({ bbox, asOf: state.asOf, limit: 5000, properties: 'id,operator,external_id,commissioned_on,technologies' })}`
        : `${API}/layers/base-stations/clusters${query({ bbox, asOf: state.asOf, zoom: z, cell_px: CLUSTER_PX })}`;
      jobs.push(api(path).then((fc) => {
        if (seq !== viewportSeq) return;
        drawSites(fc.features, z);
      }).catch((e) => { debug.errors.push(String(e)); clustersDrawn = ''; m.layers.sites.clearLayers(); }));
    } else {
      drawRegionSiteClusters();
    }
  }
  if (map.hasLayer(m.layers.fiber)) {
    if (z >= ZOOM.fiber) {
      jobs.push(api(`${API}/layers/fiber-routes${query({ bbox, asOf: state.asOf, limit: 5000 })}`).then((fc) => {
        if (seq !== viewportSeq) return;
        m.layers.fiber.clearLayers().addData(fc);
        m.layers.fiber.eachLayer((l) => l.bindPopup(() => fiberPopup(l.feature.properties)));
      }).catch((e) => { debug.errors.push(String(e)); m.layers.fiber.clearLayers(); }));
    } else {
      m.layers.fiber.clearLayers();
    }
  }
  await Promise.all(jobs);
  drawAreaLabels(z);
  updateCounts();
}

function regionBbox() {
  const r = i18n.regions.find((x) => x.code === state.region);
  return r && r.bbox ? r.bbox.join(',') : null;
}

// ------------------------------------------------------------------ labels

// what the labels say and where: {key, latlng, text, cls}
let areaLabels = [];
let townLabels = [];
// the label markers on the map by key: a view change adds and removes only the labels that differ (each one is a
// DOM element whose text the browser shapes again when it is added)
const shownLabels = new Map();
function refreshLabels() {
  const wanted = new Map([...areaLabels, ...townLabels].map((l) => [l.key, l]));
  for (const [key, marker] of shownLabels) {
    if (!wanted.has(key)) {
      m.layers.labels.removeLayer(marker);
      shownLabels.delete(key);
    }
  }
  for (const [key, l] of wanted) {
    if (!shownLabels.has(key)) shownLabels.set(key, label(l.latlng, l.text, l.cls).addTo(m.layers.labels));
  }
}
const labelOf = (latlng, text, cls) => ({ key: `${cls}|${text}|${latlng[0].toFixed(5)}|${latlng[1].toFixed(5)}`, latlng, text, cls });

// the centre of a region's or district's bounds by code (outlines do not change while the page is open)
const centres = new Map();
function centreOf(code, layer) {
  if (!centres.has(code)) {
    const c = layer().getBounds().getCenter();
    centres.set(code, [c.lat, c.lng]);
  }
  return centres.get(code);
}

/** Region names nationally, district names of the selected region when zoomed in. */
function drawAreaLabels(z) {
  areaLabels = [];
  if (z < ZOOM.districtLabels || !state.region) {
    for (const r of i18n.regions) {
      const f = m.layers.regions.getLayers().find((l) => (l.feature.properties.code || l.feature.id) === r.code);
      if (f) areaLabels.push(labelOf(centreOf(r.code, () => f), placeName(r), 'region-label'));
    }
  }
  if (state.region && z >= 7) {
    for (const d of districtFeatures) {
      areaLabels.push(labelOf(centreOf(d.properties.code || d.id, () => L.geoJSON(d)), placeName(d.properties), 'district-label'));
    }
  }
  refreshLabels();
}

/** Town names: cities at any zoom, towns of 10,000+ from zoom 9, every settlement from zoom 12. */
function drawTownLabels(features, z) {
  const min = z >= 12 ? 0 : z >= 9 ? 10000 : z >= 7 ? 50000 : 150000;
  townLabels = features.filter((f) => (f.properties.population || 0) >= min)
    .sort((a, b) => (b.properties.population || 0) - (a.properties.population || 0)).slice(0, 150)
    .map((f) => labelOf([f.geometry.coordinates[1], f.geometry.coordinates[0]], placeName(f.properties), 'town-label'));
  refreshLabels();
}

// ------------------------------------------------------------------ sites

/** Below the site zoom: one cluster per region with its number of base stations (as of the chosen date). */
let clustersDrawn = ''; // what the region clusters on the map show (language and counts), '' when other markers are there
export function drawRegionSiteClusters() {
  // a region switch asks twice (viewport and shading) for the same clusters: 14 markers in the DOM each time
  const key = `${i18n.lang}|${JSON.stringify(regionSites)}`;
  if (key === clustersDrawn) return;
  clustersDrawn = key;
  m.layers.sites.clearLayers();
  for (const r of i18n.regions) {
    const n = regionSites[r.code];
    if (!r.bbox || n === undefined) continue;
    const ll = [(r.bbox[1] + r.bbox[3]) / 2, (r.bbox[0] + r.bbox[2]) / 2 + 0.5];
    L.marker(ll, { pane: 'pointsPane', icon: L.divIcon({ className: 'cluster cluster-region', html: `<span>${fmt(n)}</span>`, iconSize: [48, 24] }) })
      .bindPopup(t('popup.sites', { n: fmt(n) }))
      .on('dblclick', () => m.map.fitBounds([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]]))
      .addTo(m.layers.sites);
  }
}

/** Sites: one marker each when zoomed in, else the server's clusters (cells of CLUSTER_PX screen pixels) with a count. */
function drawSites(features, zoom) {
  clustersDrawn = '';
  m.layers.sites.clearLayers();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    (zoom >= ZOOM.siteSingle ? siteMarker(f, [lat, lon]) : clusterMarker(f.properties.count, [lat, lon], zoom)).addTo(m.layers.sites);
  }
}

const siteMarker = (f, ll) => L.circleMarker(ll, { pane: 'pointsPane', radius: 5, color: '#fff', weight: 1, fillColor: COLORS.site,
  fillOpacity: 1 }).bindPopup(() => sitePopup(f.properties));

function clusterMarker(n, ll, zoom) {
  const size = n > 99 ? 36 : n > 9 ? 30 : 24;
  return L.marker(ll, { pane: 'pointsPane', icon: L.divIcon({ className: 'cluster', html: `<span>${fmt(n, 0)}</span>`, iconSize: [size, size] }) })
    .bindPopup(t('popup.sites', { n: fmt(n, 0) })).on('dblclick', () => m.map.setView(ll, zoom + 2));
}

export async function loadCoverage() {
  if (!m.map.hasLayer(m.layers.coverage)) return;
  try {
    const fc = await api(`${API}/coverage.geojson${query({ technology: state.technology, region: state.region, asOf: state.asOf })}`);
    m.layers.coverage.clearLayers().addData(fc);
  } catch (e) {
    debug.errors.push(String(e));
    m.layers.coverage.clearLayers();
  }
  updateCounts();
}

/** Every region's values in one call: shading values (quantile classes) and the base-station clusters. */
export async function loadShading() {
  const key = state.shade;
  let byCode = {};
  try {
    const res = await api(`${API}/indicators/regions${query({ asOf: state.asOf })}`);
    byCode = Object.fromEntries((res.regions || []).map((r) => [r.code, r.indicators]));
  } catch (e) {
    debug.errors.push(String(e));
  }
  for (const r of i18n.regions) {
    const values = byCode[r.code] || [];
    const ind = values.find((i) => i.key === key);
    regionValues[r.code] = ind ? ind.value : undefined;
    const sites = values.find((i) => i.key === 'base_stations.count');
    regionSites[r.code] = sites ? sites.value : undefined;
  }
  makeScale(Object.values(regionValues));
  redrawLegend();
  m.layers.regions.setStyle(regionStyle);
  debug.regionColors = Object.fromEntries(i18n.regions.map((r) => [r.code, classColor(regionValues[r.code])]));
  if (m.map.hasLayer(m.layers.sites) && m.map.getZoom() < ZOOM.sites) drawRegionSiteClusters();
}

