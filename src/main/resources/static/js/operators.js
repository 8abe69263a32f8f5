// Operators side by side: pick two or more and see their indicators and gap counts next to each other (and every
// operator together), for the chosen region, service and date; on the map, each picked operator's coverage of the
// chosen technology is outlined in its colour and its uncovered settlements are rings of that colour. Reads
// /api/v1/operators, /indicators?operator=, /gaps/*?operator= and /coverage.geojson?operator=.
import { API, api, debug, query } from './api.js';
import { esc, fmt, regionName, t } from './i18n.js';
import { m } from './map.js';
import { state } from './state.js';

const L = window.L;
const $ = (sel) => document.querySelector(sel);
const COLORS = ['#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];
/** Indicator rows (keys of /api/v1/indicators); the gap rows follow them. */
const INDICATORS = ['settlements.mobile_internet.pct', 'population.mobile_internet.pct', 'settlements.high_speed_mobile.pct',
  'highways.international_state.high_speed_mobile.pct', 'households.fixed_broadband.pct', 'base_stations.count', 'fiber.length_km'];
const GAP_KINDS = ['settlements', 'highways', 'railways'];

let operators = [];
let seq = 0;
let renderer;
let areaRenderer;
const color = (code) => COLORS[Math.max(0, operators.findIndex((o) => o.code === code)) % COLORS.length];
const opName = (code) => (operators.find((o) => o.code === code) || { name: code }).name;

/** The operators the API lists (code, name), once {@link setupOperators} has read them. */
export const operatorList = () => operators;

/** What setupOperators asks for (the same whatever the view: the first load asks for it early, see prefetch). */
export const OPERATORS_PATH = `${API}/operators`;

/** The operator picker (from the API; unknown codes of a shared URL are dropped) and the map layer of their gaps. */
export async function setupOperators(onChange) {
  operators = await api(OPERATORS_PATH).catch((e) => { debug.errors.push(String(e)); return []; });
  state.operators = state.operators.filter((c) => operators.some((o) => o.code === c));
  if (!operators.some((o) => o.code === state.hexOperator)) state.hexOperator = '';
  m.map.createPane('operatorPane').style.zIndex = 455;
  renderer = L.svg({ pane: 'operatorPane', padding: 0.2 });
  // a country's coverage outlines are thousands of rings: a canvas draws them faster than SVG elements
  areaRenderer = L.canvas({ pane: 'operatorPane', padding: 0.2 });
  m.layers.operatorGaps = L.layerGroup().addTo(m.map);
  const pick = $('#compare-pick');
  pick.innerHTML = operators.map((o) => `<label><input type="checkbox" value="${esc(o.code)}"${state.operators.includes(o.code) ? ' checked' : ''}>
    <i class="swatch" style="border-color:${color(o.code)}"></i>${esc(o.name)}</label>`).join('');
  pick.addEventListener('change', () => {
    state.operators = [...pick.querySelectorAll('input:checked')].map((x) => x.value);
    loadComparison();
    onChange();
  });
}

/** One column per picked operator next to "all operators": indicator values, then gap counts of the chosen service. */
export async function loadComparison() {
  const mine = ++seq;
  const table = $('#compare-table');
  const ops = [...state.operators];
  $('#compare-scope').textContent = state.region ? regionName(state.region) : t('dash.national');
  $('#compare-hint').hidden = ops.length >= 2;
  m.layers.operatorGaps.clearLayers();
  debug.operatorGaps = {};
  debug.operatorCoverage = {};
  if (ops.length === 0) {
    // the map's size changes only when the table goes (measuring it forces the browser to lay the page out)
    if (!table.hidden) {
      table.hidden = true;
      m.map.invalidateSize();
    }
    table.dataset.ops = '';
    return;
  }
  table.setAttribute('aria-busy', 'true');
  const scope = { region: state.region, asOf: state.asOf };
  const lines = state.service !== 'fixed_broadband';
  const columns = await Promise.all(['', ...ops].map(async (op) => {
    const ind = await api(`${API}/indicators${query({ ...scope, operator: op })}`).catch((e) => { debug.errors.push(String(e)); return null; });
    const gaps = await Promise.all(GAP_KINDS.map((k) => (k !== 'settlements' && !lines ? null
      : api(`${API}/gaps/${k}${query({ ...scope, service: state.service, operator: op, limit: 1 })}`)
        .then((r) => r.numberMatched).catch((e) => { debug.errors.push(String(e)); return undefined; }))));
    const values = Object.fromEntries(((ind && ind.indicators) || []).map((i) => [i.key, i]));
    return { op, values, gaps };
  }));
  if (mine !== seq) return;
  const head = columns.map((c) => (c.op ? `<th data-op="${esc(c.op)}"><i class="swatch" style="border-color:${color(c.op)}"></i>${esc(opName(c.op))}</th>`
    : `<th data-op="">${esc(t('cmp.all'))}</th>`)).join('');
  const cell = (op, value, text) => `<td data-op="${esc(op)}" data-value="${value ?? ''}">${text}</td>`;
  const rows = INDICATORS.map((key) => `<tr data-key="${key}"><th>${esc(t(`ind.${key}`))}</th>${columns.map((c) => {
    const v = c.values[key];
    const unit = !v ? '' : v.unit === '%' ? ' %' : v.unit === 'km' ? ' km' : '';
    return cell(c.op, v ? v.value : null, v ? `${fmt(v.value, v.unit === '%' ? 1 : 0)}${unit}` : '—');
  }).join('')}</tr>`);
  GAP_KINDS.forEach((k, i) => rows.push(`<tr data-key="gaps.${k}"><th>${esc(t(`cmp.gaps.${k}`, { service: t(`svc.${state.service}`) }))}</th>${
    columns.map((c) => cell(c.op, c.gaps[i], c.gaps[i] === null || c.gaps[i] === undefined ? '—' : fmt(c.gaps[i], 0))).join('')}</tr>`));
  table.tHead.innerHTML = `<tr><th></th>${head}</tr>`;
  table.tBodies[0].innerHTML = rows.join('');
  Object.assign(table.dataset, { ops: ops.join(','), scope: state.region || 'UZ', asOf: state.asOf || '', service: state.service });
  table.hidden = false;
  table.removeAttribute('aria-busy');
  m.map.invalidateSize(); // the table took some of the map's height
  await Promise.all([drawOperatorCoverage(ops, mine), drawOperatorGaps(ops, mine)]);
}

/**
 * Each picked operator's coverage of the map's technology ("this technology or better", as the coverage layer):
 * outlines in its colour with a faint fill, dashed from the second operator on so that overlaps stay readable.
 * The technology is the coverage layer's (a service picks it; fixed broadband keeps the last one, as that layer does).
 */
async function drawOperatorCoverage(ops, mine) {
  await Promise.all(ops.map(async (op, i) => {
    try {
      const fc = await api(`${API}/coverage.geojson${query({ technology: state.technology, region: state.region,
        asOf: state.asOf, operator: op })}`);
      if (mine !== seq) return;
      L.geoJSON(fc, { interactive: false, style: { renderer: areaRenderer, color: color(op), weight: 1.5, opacity: 0.9,
        fillColor: color(op), fillOpacity: 0.08, dashArray: i === 0 ? null : '6 4' } }).addTo(m.layers.operatorGaps);
      debug.operatorCoverage[op] = { technology: state.technology, features: fc.features.length,
        areaKm2: fc.features.reduce((sum, f) => sum + f.properties.area_km2, 0) };
    } catch (e) {
      debug.errors.push(String(e));
    }
  }));
}

/**
 * Each picked operator's uncovered settlements, all of them (the whole list, as the gap points: a limit of 10,000
 * dropped some silently at national scope): rings in its colour, a little larger per operator so they nest.
 */
async function drawOperatorGaps(ops, mine) {
  await Promise.all(ops.map(async (op, i) => {
    try {
      const fc = await api(`${API}/gaps/settlements${query({ region: state.region, service: state.service, asOf: state.asOf,
        operator: op, f: 'geojson' })}`);
      if (mine !== seq) return;
      L.geoJSON(fc, { interactive: false, pointToLayer: (f, ll) => L.circleMarker(ll, { renderer, interactive: false,
        radius: 6 + 2 * i, color: color(op), weight: 2, fill: false }) }).addTo(m.layers.operatorGaps);
      debug.operatorGaps[op] = fc.features.length;
    } catch (e) {
      debug.errors.push(String(e));
    }
  }));
}
