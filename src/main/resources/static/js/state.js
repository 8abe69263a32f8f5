// The whole view in one object, and in the URL: opening a shared URL restores region, service, as-of date, shading,
// coverage technology, gap tab, road, table search, place search text, selection, operators compared, the hexagons'
// operator, visible layers and the map position.
import { i18n } from './i18n.js';

export const DEFAULT_LAYERS = ['regions', 'highways', 'railways', 'stretches', 'settlements', 'sites', 'fiber', 'labels'];

export const state = {
  region: '', service: 'mobile_internet', asOf: null, shade: 'settlements.mobile_internet.pct', technology: '4G',
  kind: 'settlements', sort: null, offset: 0, ref: '', text: '', find: '', selection: null, layers: [...DEFAULT_LAYERS],
  view: null, gapFeatures: [], numberMatched: 0, operators: [], hexOperator: '',
};

/** Reads the view from location.search into state (unknown values are left to the callers to check). */
export function readUrl() {
  const p = new URLSearchParams(location.search);
  const get = (k) => p.get(k) || '';
  if (get('region')) state.region = get('region');
  if (['mobile_internet', 'high_speed_mobile', 'fixed_broadband'].includes(get('service'))) state.service = get('service');
  if (/^\d{4}-\d{2}-\d{2}$/.test(get('asOf'))) state.asOf = get('asOf');
  if (get('shade')) state.shade = get('shade');
  if (['2G', '3G', '4G', '5G'].includes(get('tech'))) state.technology = get('tech');
  if (['settlements', 'highways', 'railways'].includes(get('tab'))) state.kind = get('tab');
  state.ref = get('ref');
  state.text = get('q');
  state.find = get('find');
  state.sort = get('sort') || null;
  const sel = get('sel').match(/^(settlements|highways|railways):(\d+)$/);
  state.selection = sel ? { kind: sel[1], id: Number(sel[2]) } : null;
  if (p.has('layers')) state.layers = get('layers').split(',').filter((l) => DEFAULT_LAYERS.includes(l) || l === 'coverage' || l === 'hexagons');
  const view = get('map').split('/').map(Number);
  state.operators = get('ops').split(',').filter((o) => /^[a-z][a-z0-9_]*$/.test(o));
  state.hexOperator = /^[a-z][a-z0-9_]*$/.test(get('hexop')) ? get('hexop') : '';
  state.view = view.length === 3 && view.every((x) => Number.isFinite(x)) ? { zoom: view[0], lat: view[1], lon: view[2] } : null;
  return { lang: get('lang') };
}

/** The URL of the current view (replaceState keeps the back button for real navigation). */
export function viewUrl(map) {
  const q = new URLSearchParams();
  const set = (k, v) => { if (v !== null && v !== undefined && v !== '') q.set(k, v); };
  set('lang', i18n.lang);
  set('region', state.region);
  if (state.service !== 'mobile_internet') set('service', state.service);
  set('asOf', state.asOf);
  if (state.shade !== 'settlements.mobile_internet.pct') set('shade', state.shade);
  if (state.technology !== '4G') set('tech', state.technology);
  if (state.kind !== 'settlements') set('tab', state.kind);
  set('ref', state.ref);
  set('q', state.text);
  set('find', state.find);
  set('sort', state.sort);
  if (state.selection) set('sel', `${state.selection.kind}:${state.selection.id}`);
  set('ops', state.operators.join(','));
  set('hexop', state.hexOperator);
  if (state.layers.join(',') !== DEFAULT_LAYERS.join(',')) q.set('layers', state.layers.join(','));
  if (map) {
    const c = map.getCenter();
    set('map', `${map.getZoom().toFixed(2)}/${c.lat.toFixed(4)}/${c.lng.toFixed(4)}`);
  }
  return `${location.pathname}?${q.toString()}${location.hash}`;
}

export function saveUrl(map) {
  history.replaceState(null, '', viewUrl(map));
}
