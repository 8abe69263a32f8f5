// Qamrov web app: map, region selector, as-of slider, targets dashboard, gap tables and the upload page.
// Plain ES module over Leaflet (global L from the WebJar); every request goes to this server only.
import { upload } from './upload.js';

const L = window.L;
const API = 'api/v1';
const LANGS = { uz: 'uz-Latn', ru: 'ru', en: 'en' };
// first and last month of the as-of slider: past year-ends back to 2019, planned sites up to end-2027
const SLIDER_START = { y: 2019, m: 12 };
const SLIDER_END = { y: 2027, m: 12 };
const SITES_MIN_ZOOM = 9;
const SITES_SINGLE_ZOOM = 12;
const FIBER_MIN_ZOOM = 10;
const SETTLEMENTS_MIN_ZOOM = 8;
const PAGE = 50;
const COLORS = { covered: '#1a9850', uncovered: '#d73027', site: '#4a3aa8', fiber: '#e08214', coverage: '#3182bd', rail: '#555' };

// ------------------------------------------------------------------ state, i18n, fetch bookkeeping

const state = {
  lang: 'uz', dict: {}, region: '', service: 'mobile_internet', asOf: null, shade: 'settlements.mobile_internet.pct',
  technology: '4G', kind: 'settlements', sort: null, offset: 0, ref: '', regions: [], gapFeatures: [], numberMatched: 0,
};
const debug = { busy: 0, requests: 0, errors: [], layerCounts: {}, version: 1 };
window.qamrov = debug;

const $ = (sel) => document.querySelector(sel);
const t = (key, vars = {}) => {
  const s = state.dict[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
};

async function api(path, { raw = false } = {}) {
  debug.busy++;
  debug.requests++;
  try {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    if (raw) return res;
    if (!res.ok) {
      const err = new Error(`${res.status} ${path}`);
      err.status = res.status;
      throw err;
    }
    return await res.json();
  } finally {
    debug.busy--;
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function loadLanguage(lang) {
  state.lang = LANGS[lang] ? lang : 'uz';
  state.dict = await api(`i18n/${state.lang}.json`);
  localStorage.setItem('qamrov.lang', state.lang);
  document.documentElement.lang = LANGS[state.lang];
  $('#lang').value = state.lang;
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

/** A place name in the chosen language where known, else Uzbek (Latin). Regions carry names{uz-Latn,ru,en}. */
function placeName(p) {
  if (!p) return '';
  if (p.names) return p.names[LANGS[state.lang]] || p.names['uz-Latn'] || p.code;
  const key = { uz: 'name_uz_latn', ru: 'name_ru', en: 'name_en' }[state.lang];
  return p[key] || p.name_uz_latn || p.name || p.line_name || '';
}

const regionName = (code) => {
  const r = state.regions.find((x) => x.code === code);
  return r ? placeName(r) : (code || '');
};

const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—'
  : Number(v).toLocaleString(LANGS[state.lang] === 'uz-Latn' ? 'uz' : LANGS[state.lang], { maximumFractionDigits: digits }));
const km = (m) => (m === null || m === undefined ? '—' : fmt(m / 1000, 1));
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// ------------------------------------------------------------------ as-of slider

function sliderMonth(i) {
  const total = SLIDER_START.m - 1 + i;
  return { y: SLIDER_START.y + Math.floor(total / 12), m: (total % 12) + 1 };
}
const monthEnd = ({ y, m }) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const todayIso = () => new Date().toISOString().slice(0, 10);

function setupSlider() {
  const max = (SLIDER_END.y - SLIDER_START.y) * 12 + (SLIDER_END.m - SLIDER_START.m);
  const now = new Date();
  const idx = Math.min(max, Math.max(0, (now.getFullYear() - SLIDER_START.y) * 12 + (now.getMonth() + 1 - SLIDER_START.m)));
  const slider = $('#asof');
  slider.max = String(max);
  slider.value = String(idx);
  slider.dataset.today = String(idx);
  const label = () => {
    const i = Number(slider.value);
    const today = i === Number(slider.dataset.today);
    state.asOf = today ? null : monthEnd(sliderMonth(i));
    $('#asof-label').textContent = today ? `${t('ctl.today')} (${todayIso()})` : state.asOf;
    $('#asof-planned').hidden = !(state.asOf && state.asOf > todayIso());
  };
  label();
  slider.addEventListener('input', label);
  slider.addEventListener('change', () => { label(); refreshAll(); });
  debug.setAsOf = (iso) => {
    const d = new Date(`${iso}T00:00:00Z`);
    slider.value = String((d.getUTCFullYear() - SLIDER_START.y) * 12 + (d.getUTCMonth() + 1 - SLIDER_START.m));
    slider.dispatchEvent(new Event('change'));
  };
}

// ------------------------------------------------------------------ map

let map;
const layers = {};
const overlays = {};

function setupMap() {
  // no basemap: our own layers (regions, roads, settlements) are the background, so the page works offline
  map = L.map('map', { preferCanvas: false, zoomSnap: 0.25, minZoom: 5, maxZoom: 16, attributionControl: true })
    .fitBounds([[37.1, 55.9], [45.6, 73.2]]);
  // credits the open sources require (the same lines as GET /api/v1/about gives)
  map.attributionControl.setPrefix(false).addAttribution('Towns © GeoNames, SimpleMaps (CC BY 4.0) · Made with Natural Earth · Terrain: SRTM30_PLUS');
  debug.map = map;
  map.createPane('regionsPane').style.zIndex = 300;
  map.createPane('coveragePane').style.zIndex = 350;
  map.createPane('linesPane').style.zIndex = 400;
  map.createPane('stretchPane').style.zIndex = 410;
  map.createPane('pointsPane').style.zIndex = 450;
  map.createPane('selectionPane').style.zIndex = 500;
  const points = L.canvas({ pane: 'pointsPane', padding: 0.2 });

  layers.regions = L.geoJSON(null, { pane: 'regionsPane', style: regionStyle, onEachFeature: bindRegion });
  layers.coverage = L.geoJSON(null, { pane: 'coveragePane', style: { color: COLORS.coverage, weight: 0.5, fillOpacity: 0.25 } });
  layers.highways = L.geoJSON(null, { pane: 'linesPane', style: { color: COLORS.covered, weight: 3, opacity: 0.9 }, onEachFeature: bindLine });
  layers.railways = L.geoJSON(null, { pane: 'linesPane', style: { color: COLORS.rail, weight: 2.5, dashArray: '6 4' }, onEachFeature: bindLine });
  layers.stretches = L.geoJSON(null, { pane: 'stretchPane', style: { color: COLORS.uncovered, weight: 5, opacity: 0.95 }, onEachFeature: bindStretch });
  layers.settlements = L.geoJSON(null, {
    pane: 'pointsPane',
    pointToLayer: (f, ll) => L.circleMarker(ll, { renderer: points, radius: settlementRadius(f), weight: 1, color: '#222',
      fillColor: settlementColor(f), fillOpacity: 0.9 }),
    onEachFeature: bindSettlement,
  });
  layers.sites = L.layerGroup();
  layers.fiber = L.geoJSON(null, { pane: 'linesPane', style: { color: COLORS.fiber, weight: 1.5, opacity: 0.8 }, onEachFeature: bindFiber });
  layers.selection = L.geoJSON(null, {
    pane: 'selectionPane', style: { color: '#ffd400', weight: 8, opacity: 0.9 },
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 12, color: '#ffd400', weight: 4, fill: false }),
  });

  for (const k of ['regions', 'highways', 'railways', 'stretches', 'settlements', 'sites', 'fiber', 'selection']) layers[k].addTo(map);
  layerSwitcher();
  legend();
  L.control.scale({ imperial: false }).addTo(map);
  map.on('moveend', () => loadViewportLayers());
  map.on('overlayadd overlayremove', () => { updateCounts(); loadViewportLayers(); if (map.hasLayer(layers.coverage)) loadCoverage(); });
}

let switcher;
function layerSwitcher() {
  if (switcher) switcher.remove();
  const o = {};
  for (const k of ['regions', 'coverage', 'highways', 'railways', 'stretches', 'settlements', 'sites', 'fiber']) {
    const label = k === 'stretches' ? t('legend.stretchUncovered') : t(`layer.${k}`);
    o[label] = layers[k];
  }
  switcher = L.control.layers(null, o, { collapsed: false, position: 'topright' }).addTo(map);
}

let legendControl;
function legend() {
  if (legendControl) legendControl.remove();
  legendControl = L.control({ position: 'bottomright' });
  legendControl.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.id = 'legend';
    const shadeTitle = t(`ind.${state.shade}`);
    div.innerHTML = `<strong>${esc(t('legend.title'))}</strong>
      <div><i class="dot" style="background:${COLORS.covered}"></i>${esc(t('layer.settlements'))}: ${esc(t('legend.covered'))}</div>
      <div><i class="dot" style="background:${COLORS.uncovered}"></i>${esc(t('layer.settlements'))}: ${esc(t('legend.uncovered'))}</div>
      <div><i class="line" style="background:${COLORS.covered}"></i>${esc(t('layer.highways'))}</div>
      <div><i class="line dashed" style="border-color:${COLORS.rail}"></i>${esc(t('layer.railways'))}</div>
      <div><i class="line thick" style="background:${COLORS.uncovered}"></i>${esc(t('legend.stretchUncovered'))}</div>
      <div><i class="dot" style="background:${COLORS.site}"></i>${esc(t('legend.site'))}</div>
      <div><i class="line" style="background:${COLORS.fiber}"></i>${esc(t('legend.fiber'))}</div>
      <div><i class="box" style="background:${COLORS.coverage};opacity:.5"></i>${esc(t('legend.coverage'))}</div>
      <div class="ramp-title">${esc(t('layer.regions'))}: ${esc(shadeTitle)}</div>
      <div class="ramp"><span>0%</span><i></i><span>100%</span></div>
      <div class="hint" id="legend-zoom">${esc(t('legend.zoomSites'))}</div>`;
    return div;
  };
  legendControl.addTo(map);
  updateZoomHint();
}

function updateZoomHint() {
  const hint = document.getElementById('legend-zoom');
  if (hint) hint.hidden = map.getZoom() >= SITES_MIN_ZOOM;
}

// region shading: a red → amber → green ramp over 0..100 %
function rampColor(pct) {
  if (pct === null || pct === undefined) return '#cccccc';
  const x = Math.max(0, Math.min(100, pct)) / 100;
  const stops = [[215, 48, 39], [254, 224, 139], [26, 152, 80]];
  const [a, b, f] = x < 0.5 ? [stops[0], stops[1], x * 2] : [stops[1], stops[2], (x - 0.5) * 2];
  return `rgb(${a.map((c, i) => Math.round(c + (b[i] - c) * f)).join(',')})`;
}

const regionValues = {};
function regionStyle(f) {
  const code = f.properties.code || f.id;
  const selected = state.region && state.region === code;
  return { color: selected ? '#000' : '#555', weight: selected ? 3 : 1, fillColor: rampColor(regionValues[code]), fillOpacity: 0.45 };
}

function bindRegion(f, layer) {
  layer.on('click', (e) => {
    const code = f.properties.code || f.id;
    const v = regionValues[code];
    L.popup().setLatLng(e.latlng).setContent(`<strong>${esc(placeName(f.properties))}</strong><br>${esc(t(`ind.${state.shade}`))}: ${fmt(v)}${v === undefined ? '' : ' %'}
      <br><a href="#" data-region="${esc(code)}" class="pick-region">→ ${esc(t('ctl.region'))}</a>`).openOn(map);
  });
}

const settlementColor = (f) => (f.properties.covered === false ? COLORS.uncovered : f.properties.covered ? COLORS.covered : '#999');
const settlementRadius = (f) => Math.max(2.5, Math.min(7, Math.log10(Math.max(10, f.properties.population || 10)) * 1.6 - 1.5));

function row(label, value) {
  return `<tr><th>${esc(label)}</th><td>${value}</td></tr>`;
}

function settlementPopup(p) {
  const yesNo = p.covered === true ? t('popup.yes') : p.covered === false ? t('popup.no') : '—';
  return `<strong>${esc(placeName(p))}</strong> <small>${esc(regionName(p.region))}</small><table class="kv">
    ${row(t('popup.population'), fmt(p.population, 0))}
    ${row(t('popup.households'), fmt(p.households, 0))}
    ${row(`${t('popup.covered')} (${t(`svc.${p.service || state.service}`)})`, esc(yesNo))}
    ${p.operators && p.operators.length ? row(t('popup.operators'), esc(p.operators.join(', '))) : ''}
    ${row(t('popup.nearestSite'), p.nearest_site_m !== undefined ? `${km(p.nearest_site_m)} km` : '<span class="pending">…</span>')}
    ${row(t('popup.nearestFiber'), p.nearest_fiber_m !== undefined ? `${km(p.nearest_fiber_m)} km` : '<span class="pending">…</span>')}
    ${p.source ? row(t('popup.source'), esc(p.source)) : ''}</table>`;
}

function bindSettlement(f, layer) {
  layer.bindPopup(() => settlementPopup(f.properties));
  layer.on('popupopen', async (e) => {
    const p = f.properties;
    if (p.nearest_site_m !== undefined) return;
    // nearest site / fiber are part of the settlement's coverage row: look it up in the gap list of its region
    try {
      const res = await api(`${API}/gaps/settlements${query({ region: p.region, service: state.service, asOf: state.asOf, sort: 'name', limit: 10000 })}`);
      const hit = (res.items || []).find((x) => x.id === p.id);
      Object.assign(p, { nearest_site_m: hit ? hit.nearest_site_m : null, nearest_fiber_m: hit ? hit.nearest_fiber_m : null, source: hit ? hit.source : p.source });
    } catch {
      Object.assign(p, { nearest_site_m: null, nearest_fiber_m: null });
    }
    e.popup.setContent(settlementPopup(p));
  });
}

function bindLine(f, layer) {
  const p = f.properties;
  layer.bindPopup(() => `<strong>${esc(p.ref || p.line_name || '')}</strong><br>${esc(placeName(p))}`);
}

function bindStretch(f, layer) {
  const p = f.properties;
  layer.bindPopup(() => `<strong>${esc(p.ref || p.line_name || p.line_key)}</strong> — ${esc(t('legend.stretchUncovered'))}<table class="kv">
    ${row(t('col.from_km'), fmt(p.from_km, 1))}${row(t('col.to_km'), fmt(p.to_km, 1))}
    ${row(t('popup.length'), `${fmt(p.length_km, 1)} km`)}${row(t('col.region'), esc(regionName(p.region)))}
    ${p.longest_gap_km !== undefined ? row(t('col.longest_gap'), fmt(p.longest_gap_km, 1)) : ''}</table>`);
}

function bindFiber(f, layer) {
  const p = f.properties;
  layer.bindPopup(() => `<strong>${esc(t('layer.fiber'))}</strong><table class="kv">${row(t('popup.operator'), esc(p.operator))}
    ${row(t('popup.commissioned'), esc(p.commissioned_on || '—'))}</table>`);
}

function sitePopup(p) {
  return `<strong>${esc(t('layer.sites'))} ${esc(p.external_id || p.id)}</strong><table class="kv">
    ${row(t('popup.operator'), esc(p.operator))}${row(t('popup.cells'), esc(p.technologies || '—'))}
    ${row(t('popup.commissioned'), esc(p.commissioned_on || '—'))}</table>`;
}

// ------------------------------------------------------------------ layer loading

function updateCounts() {
  const count = (g) => { let n = 0; g.eachLayer(() => { n++; }); return n; };
  for (const k of Object.keys(layers)) {
    debug.layerCounts[k] = map.hasLayer(layers[k]) ? count(layers[k]) : 0;
  }
}

async function loadRegions() {
  state.regions = await api(`${API}/regions`).catch((e) => { debug.errors.push(String(e)); return []; });
  const sel = $('#region');
  const current = sel.value;
  sel.querySelectorAll('option[value]:not([value=""])').forEach((o) => o.remove());
  for (const r of state.regions) {
    const o = document.createElement('option');
    o.value = r.code;
    o.textContent = placeName(r);
    sel.append(o);
  }
  sel.value = current;
  try {
    const fc = await api(`ogc/collections/regions/items${query({ limit: 100, f: 'json' })}`);
    layers.regions.clearLayers().addData(fc);
  } catch (e) {
    debug.errors.push(String(e));
  }
  updateCounts();
}

async function loadLines() {
  for (const kind of ['highways', 'railways']) {
    try {
      const fc = await api(`${API}/layers/${kind}${query({ limit: 1000 })}`);
      layers[kind].clearLayers().addData(fc);
      if (kind === 'highways') fillRefs('highways', fc.features.map((f) => f.properties.ref));
      else fillRefs('railways', fc.features.map((f) => f.properties.line_key), fc.features);
    } catch (e) {
      debug.errors.push(String(e));
    }
  }
  updateCounts();
}

const refLists = { highways: [], railways: [] };
function fillRefs(kind, refs, features = []) {
  refLists[kind] = [...new Set(refs.filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((r) => ({ ref: r, name: (features.find((f) => f.properties.line_key === r) || { properties: {} }).properties.line_name }));
  if (state.kind === kind) renderRefSelect();
}

function renderRefSelect() {
  const box = $('#ref-filter');
  box.hidden = state.kind === 'settlements';
  if (box.hidden) return;
  $('#ref-label').textContent = t(state.kind === 'highways' ? 'gaps.road' : 'gaps.line');
  const sel = $('#ref');
  sel.innerHTML = `<option value="">${esc(t(state.kind === 'highways' ? 'gaps.allRoads' : 'gaps.allLines'))}</option>`
    + refLists[state.kind].map((r) => `<option value="${esc(r.ref)}">${esc(r.name || r.ref)}</option>`).join('');
  sel.value = state.ref;
}

async function loadStretches() {
  // uncovered stretches of both kinds for the region, drawn in red over the roads and rails
  const features = [];
  for (const kind of ['highways', 'railways']) {
    try {
      const fc = await api(`${API}/gaps/${kind}${query({ region: state.region, service: state.service === 'fixed_broadband' ? 'high_speed_mobile' : state.service, asOf: state.asOf, limit: 10000, f: 'geojson' })}`);
      features.push(...fc.features);
    } catch (e) {
      debug.errors.push(String(e));
    }
  }
  layers.stretches.clearLayers().addData({ type: 'FeatureCollection', features });
  updateCounts();
}

let viewportSeq = 0;
async function loadViewportLayers() {
  const seq = ++viewportSeq;
  updateZoomHint();
  const b = map.getBounds();
  const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(',');
  const z = map.getZoom();
  const jobs = [];
  if (map.hasLayer(layers.settlements)) {
    // national view: only the selected region's settlements (or the biggest ones) to keep the map readable
    const params = z >= SETTLEMENTS_MIN_ZOOM || state.region
      ? { bbox: z >= SETTLEMENTS_MIN_ZOOM ? bbox : regionBbox(), service: state.service, asOf: state.asOf, limit: 5000 }
      : { bbox, service: state.service, asOf: state.asOf, limit: 3000 };
    jobs.push(api(`${API}/layers/settlements${query(params)}`).then((fc) => {
      if (seq !== viewportSeq) return;
      layers.settlements.clearLayers().addData(fc);
    }).catch((e) => { debug.errors.push(String(e)); layers.settlements.clearLayers(); }));
  }
  if (map.hasLayer(layers.sites)) {
    if (z >= SITES_MIN_ZOOM) {
      jobs.push(api(`${API}/layers/base-stations${query({ bbox, asOf: state.asOf, limit: 5000 })}`).then((fc) => {
        if (seq !== viewportSeq) return;
        drawSites(fc.features, z);
      }).catch((e) => { debug.errors.push(String(e)); layers.sites.clearLayers(); }));
    } else {
      drawRegionSiteClusters();
    }
  }
  if (map.hasLayer(layers.fiber)) {
    if (z >= FIBER_MIN_ZOOM) {
      jobs.push(api(`${API}/layers/fiber-routes${query({ bbox, asOf: state.asOf, limit: 5000 })}`).then((fc) => {
        if (seq !== viewportSeq) return;
        layers.fiber.clearLayers().addData(fc);
      }).catch((e) => { debug.errors.push(String(e)); layers.fiber.clearLayers(); }));
    } else {
      layers.fiber.clearLayers();
    }
  }
  await Promise.all(jobs);
  updateCounts();
}

function regionBbox() {
  const r = state.regions.find((x) => x.code === state.region);
  return r && r.bbox ? r.bbox.join(',') : null;
}

/** Below the site zoom: one cluster per region with its number of base stations (as of the chosen date). */
function drawRegionSiteClusters() {
  layers.sites.clearLayers();
  for (const r of state.regions) {
    const n = regionSites[r.code];
    if (!r.bbox || n === undefined) continue;
    const ll = [(r.bbox[1] + r.bbox[3]) / 2, (r.bbox[0] + r.bbox[2]) / 2];
    L.marker(ll, { pane: 'pointsPane', icon: L.divIcon({ className: 'cluster cluster-region', html: `<span>${fmt(n)}</span>`, iconSize: [48, 24] }) })
      .bindPopup(t('popup.sites', { n: fmt(n) }))
      .on('dblclick', () => map.fitBounds([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]]))
      .addTo(layers.sites);
  }
}

/** Sites: one marker each when zoomed in, else grid clusters of 48 screen pixels with a count. */
function drawSites(features, zoom) {
  layers.sites.clearLayers();
  if (zoom >= SITES_SINGLE_ZOOM) {
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { pane: 'pointsPane', radius: 5, color: '#fff', weight: 1, fillColor: COLORS.site, fillOpacity: 1 })
        .bindPopup(() => sitePopup(f.properties)).addTo(layers.sites);
    }
    return;
  }
  const cells = new Map();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = map.project([lat, lon], zoom);
    const key = `${Math.floor(p.x / 48)}:${Math.floor(p.y / 48)}`;
    const c = cells.get(key) || { n: 0, lat: 0, lon: 0 };
    c.n++; c.lat += lat; c.lon += lon;
    cells.set(key, c);
  }
  for (const c of cells.values()) {
    const ll = [c.lat / c.n, c.lon / c.n];
    const size = c.n > 99 ? 36 : c.n > 9 ? 30 : 24;
    L.marker(ll, { pane: 'pointsPane', icon: L.divIcon({ className: 'cluster', html: `<span>${c.n}</span>`, iconSize: [size, size] }) })
      .bindPopup(t('popup.sites', { n: c.n })).on('dblclick', () => map.setView(ll, zoom + 2)).addTo(layers.sites);
  }
}

async function loadCoverage() {
  if (!map.hasLayer(layers.coverage)) return;
  try {
    const fc = await api(`${API}/coverage.geojson${query({ technology: state.technology, region: state.region, asOf: state.asOf })}`);
    layers.coverage.clearLayers().addData(fc);
  } catch (e) {
    debug.errors.push(String(e));
    layers.coverage.clearLayers();
  }
  updateCounts();
}

/** Base stations per region at the as-of date, from the same indicator calls: the clusters of the national view. */
const regionSites = {};

async function loadShading() {
  // one indicators call per region; the values shade the regions layer
  const key = state.shade;
  await Promise.all(state.regions.map(async (r) => {
    try {
      const res = await api(`${API}/indicators${query({ region: r.code, asOf: state.asOf })}`);
      const ind = (res.indicators || []).find((i) => i.key === key);
      regionValues[r.code] = ind ? ind.value : undefined;
      const sites = (res.indicators || []).find((i) => i.key === 'base_stations.count');
      regionSites[r.code] = sites ? sites.value : undefined;
    } catch {
      regionValues[r.code] = undefined;
    }
  }));
  layers.regions.setStyle(regionStyle);
  if (map.hasLayer(layers.sites) && map.getZoom() < SITES_MIN_ZOOM) drawRegionSiteClusters();
}

// ------------------------------------------------------------------ dashboard

async function loadDashboard() {
  const cards = $('#cards');
  $('#dash-scope').textContent = state.region ? regionName(state.region) : t('dash.national');
  if (!cards.querySelector('.card')) cards.innerHTML = '<p class="message">…</p>';
  let report;
  try {
    report = await api(`${API}/targets${query({ region: state.region, asOf: state.asOf })}`);
  } catch (e) {
    debug.errors.push(String(e));
    cards.innerHTML = `<p class="message">${esc(t('dash.unavailable'))}</p>`;
    cards.dataset.scope = state.region || 'UZ';
    return;
  }
  cards.innerHTML = (report.targets || []).map(card).join('');
  cards.dataset.scope = report.scope || state.region || 'UZ';
  cards.dataset.asOf = report.asOf || '';
}

function progressFraction(e) {
  if (e.value === null || e.value === undefined) return 0;
  if (e.direction === 'at_most') {
    // e.g. uncovered km → 0: progress is how much of the first value in the series has been closed
    const first = (e.series || []).find((s) => s.value !== null)?.value ?? e.value;
    if (first <= e.target) return 1;
    return Math.max(0, Math.min(1, (first - e.value) / (first - e.target)));
  }
  return e.target > 0 ? Math.max(0, Math.min(1, e.value / e.target)) : 1;
}

function card(e) {
  const unit = e.unit === '%' ? ' %' : e.unit && e.unit !== 'count' ? ` ${e.unit}` : '';
  const digits = e.unit === '%' ? 1 : 0;
  const status = e.status || 'none';
  return `<article class="card status-${esc(status)}" data-key="${esc(e.indicatorKey)}">
    <header><h3 title="${esc(e.title || '')}">${esc(t(`ind.${e.indicatorKey}`) === `ind.${e.indicatorKey}` ? e.title : t(`ind.${e.indicatorKey}`))}</h3>
      <span class="status">${esc(e.status ? t(`status.${e.status}`) : '')}</span></header>
    <div class="value"><strong>${fmt(e.value, digits)}${esc(unit)}</strong>
      <span>${esc(t('dash.target'))}: ${e.direction === 'at_most' ? '≤' : '≥'} ${fmt(e.target, digits)}${esc(unit)}</span></div>
    <div class="bar" role="progressbar" aria-valuenow="${Math.round(progressFraction(e) * 100)}" aria-valuemin="0" aria-valuemax="100">
      <i style="width:${(progressFraction(e) * 100).toFixed(1)}%"></i></div>
    <footer><span>${esc(t('dash.deadline'))}: ${esc(e.deadline || '—')}</span>
      ${e.projectedAtDeadline !== null && e.projectedAtDeadline !== undefined ? `<span>${esc(t('dash.projected'))}: ${fmt(e.projectedAtDeadline, digits)}${esc(unit)}</span>` : ''}</footer>
    ${sparkline(e)}
    <p class="source" title="${esc(e.notes || '')}">${esc(e.sourceDocument || '')}${e.sourceItem ? ` — ${esc(e.sourceItem)}` : ''}</p>
  </article>`;
}

/** A small inline SVG trend: the series, the target as a dashed line, the deadline at the right edge. */
function sparkline(e) {
  const pts = (e.series || []).filter((s) => s.value !== null && s.value !== undefined);
  if (pts.length === 0) return '';
  const W = 220; const H = 44; const P = 3;
  const times = pts.map((s) => Date.parse(s.date));
  const deadline = e.deadline ? Date.parse(e.deadline) : Math.max(...times);
  const t0 = Math.min(...times); const t1 = Math.max(deadline, ...times);
  const values = pts.map((s) => s.value).concat([e.target]);
  const v0 = Math.min(...values); const v1 = Math.max(...values);
  const x = (tm) => P + (t1 === t0 ? 0 : ((tm - t0) / (t1 - t0)) * (W - 2 * P));
  const y = (v) => H - P - (v1 === v0 ? (H - 2 * P) / 2 : ((v - v0) / (v1 - v0)) * (H - 2 * P));
  const path = pts.map((s, i) => `${i ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(s.value).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1];
  return `<svg class="spark" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="trend">
    <line x1="${P}" x2="${W - P}" y1="${y(e.target).toFixed(1)}" y2="${y(e.target).toFixed(1)}" class="target"/>
    <path d="${path}" class="trend"/>
    <circle cx="${x(Date.parse(last.date)).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="2.5" class="now"/>
    <title>${pts.map((s) => `${s.date}: ${fmt(s.value)}`).join('\n')}</title></svg>`;
}

// ------------------------------------------------------------------ gap tables

const COLUMNS = {
  settlements: [
    { key: 'name', label: 'col.name', sort: 'name', value: (p) => esc(placeName(p)) },
    { key: 'region', label: 'col.region', sort: 'region', value: (p) => esc(regionName(p.region)) },
    { key: 'population', label: 'col.population', sort: 'population', num: true, value: (p) => fmt(p.population, 0) },
    { key: 'nearest_site', label: 'col.nearest_site', sort: 'nearest_site', num: true, value: (p) => km(p.nearest_site_m) },
    { key: 'nearest_fiber', label: 'col.nearest_fiber', sort: 'nearest_fiber', num: true, value: (p) => km(p.nearest_fiber_m) },
  ],
  highways: [
    { key: 'ref', label: 'col.ref', sort: 'ref', value: (p) => `<strong>${esc(p.ref)}</strong>` },
    { key: 'from_km', label: 'col.from_km', sort: 'from_km', num: true, value: (p) => fmt(p.from_km, 1) },
    { key: 'to_km', label: 'col.to_km', num: true, value: (p) => fmt(p.to_km, 1) },
    { key: 'length', label: 'col.length', sort: 'length', num: true, value: (p) => fmt(p.length_km, 1) },
    { key: 'region', label: 'col.region', sort: 'region', value: (p) => esc(regionName(p.region)) },
  ],
  railways: [
    { key: 'line', label: 'col.line', sort: 'ref', value: (p) => esc(p.line_name || p.line_key) },
    { key: 'from_km', label: 'col.from_km', sort: 'from_km', num: true, value: (p) => fmt(p.from_km, 1) },
    { key: 'to_km', label: 'col.to_km', num: true, value: (p) => fmt(p.to_km, 1) },
    { key: 'length', label: 'col.length', sort: 'length', num: true, value: (p) => fmt(p.length_km, 1) },
    { key: 'region', label: 'col.region', sort: 'region', value: (p) => esc(regionName(p.region)) },
  ],
};
const DEFAULT_SORT = { settlements: '-population', highways: '-length', railways: '-length' };

function gapParams(extra = {}) {
  const service = state.kind !== 'settlements' && state.service === 'fixed_broadband' ? 'high_speed_mobile' : state.service;
  return { region: state.region, service, asOf: state.asOf, sort: state.sort || DEFAULT_SORT[state.kind],
    ref: state.kind === 'settlements' ? '' : state.ref, ...extra };
}

function renderGapHead() {
  const sort = state.sort || DEFAULT_SORT[state.kind];
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  $('#gap-table thead').innerHTML = `<tr>${COLUMNS[state.kind].map((c) => `<th class="${c.num ? 'num' : ''} ${c.sort ? 'sortable' : ''}"
    data-sort="${c.sort || ''}" aria-sort="${c.sort === key ? (desc ? 'descending' : 'ascending') : 'none'}">${esc(t(c.label))}${c.sort === key ? (desc ? ' ▼' : ' ▲') : ''}</th>`).join('')}</tr>`;
}

let gapSeq = 0;
async function loadGaps() {
  const seq = ++gapSeq;
  renderGapHead();
  renderRefSelect();
  const base = `${API}/gaps/${state.kind}`;
  // exports: the whole filtered list (up to the server's maximum page), not just the page on screen
  $('#export-geojson').href = `${base}${query(gapParams({ f: 'geojson', limit: 10000 }))}`;
  $('#export-csv').href = `${base}${query(gapParams({ f: 'csv', limit: 10000 }))}`;
  // one GeoPackage with every gap layer (uncovered settlements, highway and railway gaps, settlement status)
  $('#export-gpkg').href = `${API}/exports/gaps.gpkg${query({ region: state.region, service: state.service, asOf: state.asOf })}`;
  const msg = $('#gap-message');
  let fc;
  try {
    fc = await api(`${base}${query(gapParams({ f: 'geojson', limit: PAGE, offset: state.offset }))}`);
  } catch (e) {
    if (seq !== gapSeq) return;
    debug.errors.push(String(e));
    state.gapFeatures = [];
    state.numberMatched = 0;
    $('#gap-table tbody').innerHTML = '';
    msg.hidden = false;
    msg.textContent = t('gaps.unavailable', { status: e.status || e.message });
    $('#gap-count').textContent = '';
    $('#gap-page').textContent = '';
    return;
  }
  if (seq !== gapSeq) return;
  state.gapFeatures = fc.features || [];
  state.numberMatched = fc.numberMatched ?? state.gapFeatures.length;
  $('#gap-count').textContent = t('gaps.matched', { n: fmt(state.numberMatched, 0) });
  msg.hidden = state.gapFeatures.length > 0;
  msg.textContent = t('gaps.none');
  const n = state.numberMatched;
  $('#gap-page').textContent = n ? t('gaps.page', { from: state.offset + 1, to: state.offset + state.gapFeatures.length, n: fmt(n, 0) }) : '';
  $('#gap-prev').disabled = state.offset === 0;
  $('#gap-next').disabled = state.offset + PAGE >= n;
  renderGapRows();
}

function renderGapRows() {
  const filter = $('#gap-filter').value.trim().toLowerCase();
  const cols = COLUMNS[state.kind];
  const rows = state.gapFeatures.map((f, i) => ({ f, i })).filter(({ f }) => {
    if (!filter) return true;
    const p = f.properties;
    return [placeName(p), p.name_uz_latn, p.name_ru, p.name_en, p.ref, p.line_name, regionName(p.region), p.district]
      .some((s) => s && String(s).toLowerCase().includes(filter));
  });
  $('#gap-table tbody').innerHTML = rows.map(({ f, i }) => `<tr data-index="${i}" tabindex="0">${cols.map((c) => `<td class="${c.num ? 'num' : ''}">${c.value(f.properties)}</td>`).join('')}</tr>`).join('');
}

function zoomToFeature(f) {
  layers.selection.clearLayers().addData(f);
  if (f.geometry.type === 'Point') {
    const [lon, lat] = f.geometry.coordinates;
    map.flyTo([lat, lon], Math.max(map.getZoom(), 12), { duration: 0.5 });
  } else {
    map.flyToBounds(L.geoJSON(f).getBounds(), { padding: [40, 40], maxZoom: 13, duration: 0.5 });
  }
  debug.selected = f.properties;
}

function setupGaps() {
  document.querySelectorAll('#gaps .tabs button').forEach((b) => b.addEventListener('click', () => {
    document.querySelectorAll('#gaps .tabs button').forEach((x) => x.classList.toggle('active', x === b));
    state.kind = b.dataset.kind;
    state.sort = null;
    state.offset = 0;
    state.ref = '';
    loadGaps();
  }));
  $('#gap-table thead').addEventListener('click', (e) => {
    const th = e.target.closest('th');
    if (!th || !th.dataset.sort) return;
    const current = state.sort || DEFAULT_SORT[state.kind];
    const key = th.dataset.sort;
    state.sort = current === `-${key}` ? key : current === key ? `-${key}` : (['name', 'ref', 'region', 'from_km'].includes(key) ? key : `-${key}`);
    state.offset = 0;
    loadGaps();
  });
  const pick = (e) => {
    const tr = e.target.closest('tr[data-index]');
    if (!tr) return;
    document.querySelectorAll('#gap-table tr.selected').forEach((x) => x.classList.remove('selected'));
    tr.classList.add('selected');
    zoomToFeature(state.gapFeatures[Number(tr.dataset.index)]);
  };
  $('#gap-table tbody').addEventListener('click', pick);
  $('#gap-table tbody').addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(e); });
  $('#gap-filter').addEventListener('input', renderGapRows);
  $('#ref').addEventListener('change', (e) => { state.ref = e.target.value; state.offset = 0; loadGaps(); });
  $('#gap-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadGaps(); });
  $('#gap-next').addEventListener('click', () => { state.offset += PAGE; loadGaps(); });
}

// ------------------------------------------------------------------ wiring

function fillShadeSelect() {
  const keys = ['settlements.mobile_internet.pct', 'population.mobile_internet.pct', 'settlements.high_speed_mobile.pct',
    'settlements.fixed_broadband.pct', 'households.fixed_broadband.pct', 'telecom.coverage.pct'];
  $('#shade').innerHTML = keys.map((k) => `<option value="${k}">${esc(t(`ind.${k}`))}</option>`).join('');
  $('#shade').value = state.shade;
}

function zoomToRegion() {
  const r = state.regions.find((x) => x.code === state.region);
  if (r && r.bbox) map.fitBounds([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]], { padding: [10, 10] });
  else if (!state.region) map.fitBounds([[37.1, 55.9], [45.6, 73.2]]);
}

async function refreshAll() {
  state.offset = 0;
  layers.regions.setStyle(regionStyle);
  await Promise.all([loadDashboard(), loadGaps(), loadStretches(), loadViewportLayers(), loadCoverage(), loadShading()]);
}

async function selectRegion(code) {
  state.region = code;
  $('#region').value = code;
  history.replaceState(null, '', `${location.pathname}${query({ region: code, lang: state.lang })}${location.hash}`);
  zoomToRegion();
  await refreshAll();
}
debug.selectRegion = selectRegion;

function route() {
  const upload = location.hash === '#upload';
  $('#view-map').hidden = upload;
  $('#view-upload').hidden = !upload;
  $('#nav-map').classList.toggle('active', !upload);
  $('#nav-upload').classList.toggle('active', upload);
  if (!upload && map) map.invalidateSize();
}

async function relabel() {
  fillShadeSelect();
  layerSwitcher();
  legend();
  const regionSel = $('#region');
  for (const o of regionSel.options) {
    if (o.value) o.textContent = regionName(o.value);
  }
  $('#asof').dispatchEvent(new Event('input'));
  await Promise.all([loadDashboard(), loadGaps()]);
}

async function main() {
  const params = new URLSearchParams(location.search);
  await loadLanguage(params.get('lang') || localStorage.getItem('qamrov.lang') || 'uz');
  setupSlider();
  fillShadeSelect();
  setupMap();
  setupGaps();
  upload({ api: API, t, esc, fmt, debug, lang: () => state.lang });
  route();
  window.addEventListener('hashchange', route);
  $('#lang').addEventListener('change', async (e) => { await loadLanguage(e.target.value); await relabel(); });
  $('#region').addEventListener('change', (e) => selectRegion(e.target.value));
  $('#service').addEventListener('change', (e) => { state.service = e.target.value; refreshAll(); });
  $('#shade').addEventListener('change', (e) => { state.shade = e.target.value; legend(); loadShading(); });
  $('#technology').addEventListener('change', (e) => { state.technology = e.target.value; loadCoverage(); });
  map.on('popupopen', (e) => {
    const a = e.popup.getElement().querySelector('.pick-region');
    if (a) a.addEventListener('click', (ev) => { ev.preventDefault(); map.closePopup(); selectRegion(a.dataset.region); });
  });
  await Promise.all([loadRegions(), loadLines()]);
  state.region = params.get('region') && state.regions.some((r) => r.code === params.get('region')) ? params.get('region') : '';
  $('#region').value = state.region;
  if (state.region) zoomToRegion();
  await refreshAll();
  debug.ready = true;
}

main().catch((e) => { debug.errors.push(String(e)); debug.ready = true; console.error(e); });
