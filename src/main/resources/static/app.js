// Qamrov web app entry point: wires the modules in js/ (no bundler; native ES modules over Leaflet's global L).
// Every request goes to this server only.
import { upload } from './upload.js';
import { API, api, debug, prefetch, query } from './js/api.js';
import { esc, fmt, i18n, loadLanguage, t, tag } from './js/i18n.js';
import { readUrl, saveUrl, state } from './js/state.js';
import { setupSlider } from './js/slider.js';
import { COUNTRY, m, setupMap, switcher, visibleLayers } from './js/map.js';
import { hexagonAt, lineAt, regionAt } from './js/pick.js';
import { linePopup } from './js/popups.js';
import {
  applyNotes, loadCoverage, loadDistricts, loadLines, loadRegions, loadShading, loadStretches,
  loadViewportLayers, pointToSettlement, redrawLegend, referencePaths, regionStyle, updateCounts,
} from './js/layers.js';
import { loadDashboard } from './js/dashboard.js';
import { clearSelection, loadGaps, renderRefSelect, select, setupGaps } from './js/gaps.js';
import { setupSearch } from './js/search.js';
import { loadComparison, OPERATORS_PATH, setupOperators } from './js/operators.js';
import { hexStyle, loadHexagons, onHexOperator } from './js/hexagons.js';

const $ = (sel) => document.querySelector(sel);
const L = window.L;
let slider;
let restoring = true;
const save = () => { if (!restoring) saveUrl(m.map); };

// without animation: the map is at the region's view at once, so the layers are asked for once, for that view (an
// animated zoom asked for the old view's layers, then again for the new one's when the animation ended)
function zoomToRegion() {
  const r = i18n.regions.find((x) => x.code === state.region);
  if (r && r.bbox) m.map.fitBounds([[r.bbox[1], r.bbox[0]], [r.bbox[3], r.bbox[2]]], { padding: [10, 10], animate: false });
  else if (!state.region) m.map.fitBounds(COUNTRY, { animate: false });
}

// A move made by the page itself: whoever moves the map loads the viewport's layers once afterwards. Leaflet fires
// moveend inside the move, and the handler's load (its answer thrown away, parsed and all) doubled a region switch's
// work.
let movingQuietly = false;
function moveQuietly(move) {
  movingQuietly = true;
  try {
    move();
  } finally {
    movingQuietly = false;
  }
}

/**
 * Everything that depends on region, service or date. {@code regionOnly}: only the region changed, and the regions'
 * shading (every region's value of the service and date) stays as it is. {@code move}: a map move to make once the
 * other requests are on their way (redrawing every layer for the new view takes the page ~50 ms). {@code keepPage}:
 * the gap table stays on its page (the same view drawn again).
 */
async function refreshAll({ regionOnly = false, move = null, keepPage = false } = {}) {
  if (!keepPage) state.offset = 0;
  const loads = [loadDashboard(), loadGaps(), loadStretches(), loadCoverage(), regionOnly ? null : loadShading(), loadComparison(),
    loadHexagons()];
  if (move) moveQuietly(move);
  m.layers.regions.setStyle(regionStyle);
  await Promise.all([...loads, loadViewportLayers()]);
  save();
}

async function selectRegion(code) {
  state.region = code;
  $('#region').value = code;
  await Promise.all([loadDistricts(), refreshAll({ regionOnly: true, move: zoomToRegion })]);
}
debug.selectRegion = selectRegion;
debug.regionAt = (lat, lon) => regionAt(L.latLng(lat, lon));

function route() {
  const up = location.hash === '#upload';
  $('#view-map').hidden = up;
  $('#view-upload').hidden = !up;
  $('#nav-map').classList.toggle('active', !up);
  $('#nav-upload').classList.toggle('active', up);
  if (!up && m.map) m.map.invalidateSize();
}

function fillShadeSelect() {
  const keys = ['settlements.mobile_internet.pct', 'population.mobile_internet.pct', 'settlements.high_speed_mobile.pct',
    'settlements.fixed_broadband.pct', 'households.fixed_broadband.pct', 'telecom.coverage.pct'];
  if (!keys.includes(state.shade)) state.shade = keys[0];
  $('#shade').innerHTML = keys.map((k) => `<option value="${k}">${esc(t(`ind.${k}`))}</option>`).join('');
  $('#shade').value = state.shade;
}

/** The least technology that gives each mobile service the page offers (the engine's Service.minimumTechnology). */
const SERVICE_TECHNOLOGY = { mobile_internet: '3G', high_speed_mobile: '4G' };

/**
 * A service chosen drives the layers that have their own selector too: regions are shaded by the share of
 * settlements with that service, and the coverage polygons are those of its least technology (fixed broadband has
 * none: they stay as they were). Either can still be picked by hand afterwards.
 */
function followService() {
  const shade = `settlements.${state.service}.pct`;
  if ([...$('#shade').options].some((o) => o.value === shade)) {
    state.shade = shade;
    $('#shade').value = shade;
  }
  const tech = SERVICE_TECHNOLOGY[state.service];
  if (tech) {
    state.technology = tech;
    $('#technology').value = tech;
    redrawLegend();
  }
}

function fillRegionSelect() {
  const sel = $('#region');
  sel.querySelectorAll('option[value]:not([value=""])').forEach((o) => o.remove());
  for (const r of i18n.regions) {
    const o = document.createElement('option');
    o.value = r.code;
    o.textContent = r.names[tag()] || r.names['uz-Latn'];
    sel.append(o);
  }
  sel.value = state.region;
}

async function relabel() {
  fillShadeSelect();
  fillRegionSelect();
  switcher();
  redrawLegend();
  slider.relabel();
  renderRefSelect();
  save();
  await Promise.all([loadDashboard(), loadGaps(), loadViewportLayers(), loadComparison(), loadHexagons()]);
}

/** A search hit: a region is selected, a district or settlement is shown and highlighted. */
async function goTo(place) {
  if (place.type === 'region') {
    await selectRegion(place.id);
    return;
  }
  const [x0, y0, x1, y1] = place.bbox;
  const feature = { type: 'Feature', id: Number(place.id) || place.id, geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
    properties: { ...place, id: place.id } };
  if (place.type === 'district') {
    m.layers.selection.clearLayers();
    m.map.flyToBounds([[y0, x0], [y1, x1]], { padding: [20, 20], duration: 0.5 });
  } else {
    select('settlements', feature);
  }
  save();
}

/** Restores a selection from the URL once the map and tables are loaded. */
async function restoreSelection() {
  const s = state.selection;
  if (!s) return;
  try {
    if (s.kind === 'settlements') {
      const f = await api(`ogc/collections/settlements/items/${s.id}${query({ service: state.service, datetime: state.asOf })}`);
      select('settlements', f, { fly: !state.view });
    } else {
      const hit = state.gapFeatures.find((f) => Number(f.id) === s.id)
        || (await api(`${API}/gaps/${s.kind}${query({ region: state.region, service: state.service, asOf: state.asOf, f: 'geojson' })}`))
          .features.find((f) => Number(f.id) === s.id);
      if (hit) select(s.kind, hit, { fly: !state.view });
    }
  } catch (e) {
    debug.errors.push(String(e));
  }
}

debug.hexagonAt = (lat, lon) => { const l = hexagonAt(L.latLng(lat, lon)); return l ? l.feature.properties : null; };

async function main() {
  const { lang } = readUrl();
  prefetch([...referencePaths(), OPERATORS_PATH]);
  await loadLanguage(lang || localStorage.getItem('qamrov.lang') || 'uz');
  slider = setupSlider(() => refreshAll());
  debug.setAsOf = (iso) => slider.setAsOf(iso);
  fillShadeSelect();
  $('#service').value = state.service;
  $('#technology').value = state.technology;
  setupMap({
    styleRegion: regionStyle,
    styleHexagon: hexStyle,
    pointToSettlement,
    onMove: () => { if (!movingQuietly) { loadViewportLayers(); save(); } },
    onOverlay: () => { state.layers = visibleLayers(); updateCounts(); loadViewportLayers(); loadCoverage(); loadHexagons().then(updateCounts); save(); },
  });
  // a gap list read from a stale run asks again until its replacement is stored, then the date is drawn again
  setupGaps(save, () => refreshAll({ keepPage: true }));
  setupSearch(goTo, (text) => { state.find = text; save(); }, state.find);
  upload({ api: API, t, esc, fmt, debug, lang: tag });
  route();
  window.addEventListener('hashchange', route);
  $('#lang').addEventListener('change', async (e) => { await loadLanguage(e.target.value); await relabel(); });
  $('#region').addEventListener('change', (e) => selectRegion(e.target.value));
  $('#service').addEventListener('change', (e) => {
    state.service = e.target.value;
    followService();
    applyNotes();
    refreshAll();
  });
  $('#shade').addEventListener('change', (e) => { state.shade = e.target.value; loadShading().then(save); });
  $('#technology').addEventListener('change', (e) => {
    state.technology = e.target.value;
    redrawLegend();
    loadCoverage();
    if (state.operators.length) loadComparison(); // the operators' coverage outlines are of this technology
    save();
  });
  $('#share').addEventListener('click', async () => {
    saveUrl(m.map);
    await navigator.clipboard?.writeText(location.href).catch(() => {});
    $('#share').dataset.copied = 'true';
    $('#share').textContent = t('share.copied');
    setTimeout(() => { $('#share').textContent = t('share.button'); }, 2000);
  });
  // A map click that no feature took selects the region under it (the canvas and SVG of points lie above the region
  // polygons, so the regions never see the click themselves). Leaflet's own dispatch: the feature hit first, which
  // marks the event (markFeatureClicks), then the map; no map click after a drag.
  m.map.on('click', (e) => {
    if (e.originalEvent && e.originalEvent.qamrovFeature) return;
    // a road, rail line, red stretch or fibre route near the click opens its popup (their canvas and SVG lie below the
    // points' canvas)
    const line = lineAt(e.latlng);
    debug.lineClicked = line ? line.feature.properties : null;
    if (line) {
      // roads and rail have no layer of their own per line (js/lineSet.js), nor a popup bound
      if (line.layer && line.layer.getPopup()) line.layer.openPopup(e.latlng);
      else m.map.openPopup(linePopup(line.feature.properties), e.latlng);
      return;
    }
    // with the hexagon layer on, a click opens the cell under it (its canvas lies below the points' canvas)
    const cell = hexagonAt(e.latlng);
    if (cell) {
      cell.openPopup(e.latlng);
      return;
    }
    const f = regionAt(e.latlng);
    debug.regionClicked = f ? (f.properties.code || f.id) : null;
    if (f && debug.regionClicked !== state.region) selectRegion(debug.regionClicked);
  });
  // the view's own requests need the regions' list (a shared URL's region, its bounds) and the operators (their names
  // in the comparison), not the roads nor the regions' outlines: those are drawn when they come
  const lines = loadLines().then(renderRefSelect);
  const [{ outlines }] = await Promise.all([loadRegions(), setupOperators(save)]);
  onHexOperator(save);
  if (!i18n.regions.some((r) => r.code === state.region)) state.region = '';
  fillRegionSelect();
  const firstView = () => {
    if (state.view) m.map.setView([state.view.lat, state.view.lon], state.view.zoom, { animate: false });
    else if (state.region) zoomToRegion();
    else m.map.fitBounds(COUNTRY, { animate: false });
  };
  await Promise.all([loadDistricts(), refreshAll({ move: firstView }), lines, outlines]);
  await restoreSelection();
  restoring = false;
  save();
  debug.ready = true;
}

main().catch((e) => { debug.errors.push(String(e)); debug.ready = true; console.error(e); });
