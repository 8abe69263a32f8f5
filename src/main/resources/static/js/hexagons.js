// The H3 hexagon view (issue #15): people and covered people per cell for the chosen service, coloured by the
// prevailing signal class (mobile services) or by the covered share (fixed broadband, which has no signal level; and
// one operator's coverage, chosen in the legend: classes are diagnosed for all operators together), with a legend
// that gives the class thresholds the server sends (the engine's own numbers, never copied here).
import { API, api, debug, query } from './api.js';
import { esc, fmt, t } from './i18n.js';
import { m } from './map.js';
import { operatorList } from './operators.js';
import { state } from './state.js';

const L = window.L;
export const HEX_COLORS = { good: '#1a9850', fair: '#fee08b', below_threshold: '#d73027', none: '#bdbdbd',
  all: '#1a9850', partly: '#fdae61', nobody: '#d73027' };
// 2G..5G as the legend groups them: 4G and 5G share their thresholds
const TECH_GROUPS = [['4G', '5G'], ['3G'], ['2G']];

let last = null;
let lastKey = '';

/** What a cell is coloured by: its prevailing class, or for fixed broadband its covered share. */
const byCover = () => state.service === 'fixed_broadband' || state.hexOperator !== '';

export function hexKey(p) {
  if (!byCover()) return p.signal_class || 'none';
  return p.population_covered === 0 ? 'nobody' : p.population_covered >= p.population ? 'all' : 'partly';
}

export const hexStyle = (f) => ({ color: '#333', weight: 0.6, opacity: 0.7, fillColor: HEX_COLORS[hexKey(f.properties)], fillOpacity: 0.55 });

function popup(p) {
  const row = (k, v) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`;
  return `<strong>H3 ${esc(p.h3)}</strong> <small>res ${p.resolution}</small><table class="kv">
    ${row(t('hex.people'), fmt(p.population, 0))}
    ${row(`${t('hex.covered')} (${t(`svc.${state.service}`)}${state.hexOperator ? `, ${esc(opName(state.hexOperator))}` : ''})`, `${fmt(p.population_covered, 0)} (${p.covered_pct == null ? '—' : `${fmt(p.covered_pct, 2)} %`})`)}
    ${row(t('hex.settlements'), `${fmt(p.settlements, 0)} (${fmt(p.settlements_covered, 0)} ${esc(t('legend.covered'))})`)}
    ${p.signal_class ? row(t('hex.class'), esc(t(`hex.${p.signal_class}`))) : ''}</table>`;
}

/** Loads the cells of the region (res 8) or the country (res 7) when the layer is on. */
let seq = 0;
export async function loadHexagons() {
  const layer = m.layers.hexagons;
  if (!m.map.hasLayer(layer)) {
    drawHexLegend(null);
    return;
  }
  const key = [state.region, state.service, state.asOf, state.hexOperator].join('|');
  // another overlay was toggled: the cells on the map are still this view's
  if (key === lastKey && last) {
    drawHexLegend(last);
    return;
  }
  const mine = ++seq;
  try {
    const fc = await api(`${API}/hexagons${query({ region: state.region, service: state.service, asOf: state.asOf,
      operator: state.hexOperator || undefined })}`);
    if (mine !== seq) return;
    layer.clearLayers().addData(fc);
    layer.eachLayer((l) => l.bindPopup(() => popup(l.feature.properties)));
    last = fc;
    lastKey = key;
    debug.hexagons = { matched: fc.numberMatched, resolution: fc.resolution, population: fc.population, run: fc.coverage_run,
      covered: fc.population_covered, operator: state.hexOperator };
  } catch (e) {
    if (mine !== seq) return;
    debug.errors.push(String(e));
    layer.clearLayers();
    last = null;
    lastKey = '';
  }
  drawHexLegend(last);
}

/** "4G/5G ≥ -95 dBm (RSRP)": one class boundary per technology group, from the server's signal_thresholds. */
function thresholdText(th, cls) {
  return TECH_GROUPS.filter((g) => th[g[0]]).map((g) => {
    const x = th[g[0]];
    const range = cls === 'good' ? `≥ ${fmt(x.good_dbm, 0)}` : cls === 'fair' ? `${fmt(x.fair_dbm, 0)} … ${fmt(x.good_dbm, 0)}`
      : `< ${fmt(x.fair_dbm, 0)}`;
    return `${g.join('/')} ${range} dBm ${x.measure.replace(/ \(.*\)$/, '')}`;
  }).join(' · ');
}

const opName = (code) => (operatorList().find((o) => o.code === code) || { name: code }).name;

let onOperatorChange = () => {};
/** Called after the legend's operator choice changed (the page saves its URL). */
export function onHexOperator(fn) {
  onOperatorChange = fn;
}

let control;
/**
 * The hexagon legend (bottom left): what the colours mean, the thresholds, how people are counted, and whose
 * coverage: all operators together or one of them (choosing reloads the cells).
 */
export function drawHexLegend(fc) {
  if (control) control.remove();
  control = null;
  if (!fc || !m.map.hasLayer(m.layers.hexagons)) return;
  control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend hex-legend');
    div.id = 'hex-legend';
    const th = fc.signal_thresholds || {};
    const box = (k) => `<i class="box" style="background:${HEX_COLORS[k]};opacity:.75"></i>`;
    const classes = byCover()
      ? ['all', 'partly', 'nobody'].map((k) => `<div class="class" data-key="${k}">${box(k)}${esc(t(`hex.${k}`))}</div>`).join('')
      : ['good', 'fair', 'below_threshold'].map((k) => `<div class="class" data-class="${k}">${box(k)}<b>${esc(t(`hex.${k}`))}</b>
          <div class="threshold">${esc(thresholdText(th, k))}</div></div>`).join('')
        + `<div class="class" data-key="none">${box('none')}${esc(t('hex.none'))}</div>`;
    const options = [['', t('hex.allOperators')], ...operatorList().map((o) => [o.code, o.name])]
      .map(([code, name]) => `<option value="${esc(code)}"${code === state.hexOperator ? ' selected' : ''}>${esc(name)}</option>`).join('');
    const note = state.hexOperator ? t('hex.noteOperator', { op: opName(state.hexOperator) })
      : t(state.service === 'fixed_broadband' ? 'hex.noteFixed' : 'hex.note');
    div.innerHTML = `<details open><summary><strong>${esc(t('hex.title', { res: fc.resolution }))}</strong></summary>
      <label class="hex-operator">${esc(t('hex.operator'))} <select id="hex-operator">${options}</select></label>
      <div class="ramp-title">${esc(t(byCover() ? 'hex.byCover' : 'hex.byClass'))}</div>
      ${classes}
      <div class="hint">${esc(note)}</div>
      <div class="hint">${esc(t('hex.people'))}: ${fmt(fc.population, 0)} · ${esc(t('hex.covered'))}: ${fmt(fc.population_covered, 0)}</div></details>`;
    div.querySelector('#hex-operator').addEventListener('change', (e) => {
      state.hexOperator = e.target.value;
      onOperatorChange();
      loadHexagons();
    });
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  control.addTo(m.map);
}
