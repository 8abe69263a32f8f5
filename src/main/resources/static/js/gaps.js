// Gap tables: settlements (with district), highway and railway gaps (continuous across regions), searched, sorted and
// paged by the server over the whole list; a spinner and no rows of another date while a new list loads.
import { API, api, debug, query } from './api.js';
import { esc, fmt, i18n, km, placeName, regionName, t } from './i18n.js';
import { m } from './map.js';
import { refLists } from './layers.js';
import { reasonText, reasonTitle } from './gapReasons.js';
import { state } from './state.js';

const L = window.L;
const PAGE = 50;
const $ = (sel) => document.querySelector(sel);

const districtName = (p) => (p.district_names ? placeName({ names: p.district_names }) : p.district_name || '');
// the reason of the gap in words with its numbers (issue #11); its code stays on the cell for tests and styling
const REASON = { key: 'reason', title: reasonTitle, cls: 'reason', value: (p) => esc(reasonText(p)) || '—',
  attrs: (p) => ` data-reason="${esc(p.gap_reason || '')}"` };
const regionsOf = (p) => (p.regions && p.regions.length ? p.regions : [p.region]).filter(Boolean).map(regionName).join(', ');

const COLUMNS = {
  settlements: [
    { key: 'name', label: 'col.name', sort: 'name', value: (p) => esc(placeName(p)) },
    { key: 'district', label: 'col.district', value: (p) => esc(districtName(p)) },
    { key: 'region', label: 'col.region', sort: 'region', value: (p) => esc(regionName(p.region)), national: true },
    { key: 'population', label: 'col.population', sort: 'population', num: true, value: (p) => fmt(p.population, 0) },
    // before the distances: in the narrow panel the first columns are the ones seen without scrolling
    REASON,
    { key: 'nearest_site', label: 'col.nearest_site', sort: 'nearest_site', num: true, value: (p) => km(p.nearest_site_m) },
    { key: 'nearest_fiber', label: 'col.nearest_fiber', sort: 'nearest_fiber', num: true, value: (p) => km(p.nearest_fiber_m) },
  ],
  highways: [
    { key: 'ref', label: 'col.ref', sort: 'ref', value: (p) => `<strong>${esc(p.ref)}</strong>` },
    { key: 'from_km', label: 'col.from_km', sort: 'from_km', num: true, value: (p) => fmt(p.from_km, 1) },
    { key: 'to_km', label: 'col.to_km', num: true, value: (p) => fmt(p.to_km, 1) },
    { key: 'length', label: 'col.length', sort: 'length', num: true, value: (p) => fmt(p.length_km, 1) },
    { key: 'regions', label: 'col.regions', sort: 'region', value: (p) => esc(regionsOf(p)) },
    REASON,
  ],
  railways: [
    { key: 'line', label: 'col.line', sort: 'ref', value: (p) => esc(p.line_name || p.line_key) },
    { key: 'from_km', label: 'col.from_km', sort: 'from_km', num: true, value: (p) => fmt(p.from_km, 1) },
    { key: 'to_km', label: 'col.to_km', num: true, value: (p) => fmt(p.to_km, 1) },
    { key: 'length', label: 'col.length', sort: 'length', num: true, value: (p) => fmt(p.length_km, 1) },
    { key: 'regions', label: 'col.regions', sort: 'region', value: (p) => esc(regionsOf(p)) },
    REASON,
  ],
};
const DEFAULT_SORT = { settlements: '-population', highways: '-length', railways: '-length' };
// the region column repeats itself once a region is chosen
const columns = () => COLUMNS[state.kind].filter((c) => !(c.national && state.region));

function gapParams(extra = {}) {
  return { region: state.region, service: state.service, asOf: state.asOf, sort: state.sort || DEFAULT_SORT[state.kind],
    ref: state.kind === 'settlements' ? '' : state.ref, q: state.text, ...extra };
}

function renderHead() {
  const sort = state.sort || DEFAULT_SORT[state.kind];
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/, '');
  $('#gap-table thead').innerHTML = `<tr>${columns().map((c) => `<th class="${c.num ? 'num' : ''} ${c.sort ? 'sortable' : ''}"
    data-sort="${c.sort || ''}" aria-sort="${c.sort === key ? (desc ? 'descending' : 'ascending') : 'none'}">${esc(c.title ? c.title() : t(c.label))}${c.sort === key ? (desc ? ' ▼' : ' ▲') : ''}</th>`).join('')}</tr>`;
}

export function renderRefSelect() {
  const box = $('#ref-filter');
  box.hidden = state.kind === 'settlements';
  if (box.hidden) return;
  $('#ref-label').textContent = t(state.kind === 'highways' ? 'gaps.road' : 'gaps.line');
  const sel = $('#ref');
  sel.innerHTML = `<option value="">${esc(t(state.kind === 'highways' ? 'gaps.allRoads' : 'gaps.allLines'))}</option>`
    + refLists[state.kind].map((r) => `<option value="${esc(r.ref)}">${esc(r.name || r.ref)}</option>`).join('');
  sel.value = state.ref;
}

function exportLinks() {
  const base = `${API}/gaps/${state.kind}`;
  // the whole filtered list (a download without limit streams every row), not just the page on screen; CSV with a
  // BOM for Excel
  $('#export-geojson').href = `${base}${query(gapParams({ f: 'geojson' }))}`;
  $('#export-csv').href = `${base}${query(gapParams({ f: 'csv', bom: true }))}`;
  $('#export-gpkg').href = `${API}/exports/gaps.gpkg${query({ region: state.region, service: state.service, asOf: state.asOf })}`;
  const png = $('#export-png');
  png.hidden = !state.region;
  if (state.region) {
    png.href = `${API}/maps/${state.region}.png${query({ service: state.service, technology: state.technology, asOf: state.asOf })}`;
  }
  const report = $('#export-report');
  report.hidden = !state.region;
  report.href = `report.html${query({ region: state.region, service: state.service, asOf: state.asOf, tech: state.technology, lang: i18n.lang })}`;
}

let seq = 0;
let onFresh = () => {};
let staleTimer = null;

/**
 * A list read from a stale run (an upload or a new build changed the date; its replacement is being computed) says so
 * above the table, and the page asks again, ever less often, until the replacement is stored; then it redraws the
 * date. The dashboard's cards come from the current model, so without the note they and the table would disagree.
 */
function watchStale(fc, mine) {
  const stale = Boolean(fc.stale);
  $('#gap-stale').hidden = !stale;
  $('#gap-table').dataset.stale = String(stale);
  if (!stale) return;
  debug.staleLists = (debug.staleLists || 0) + 1;
  const path = `${API}/gaps/${state.kind}${query(gapParams({ limit: 1, offset: 0 }))}`;
  const giveUp = Date.now() + 180000; // then the note stays: the list is still the previous answer
  let delay = 1500;
  const recheck = async () => {
    if (mine !== seq) return;
    const answer = await api(path).catch(() => null);
    if (mine !== seq) return;
    if (answer && !answer.stale) {
      debug.staleRefreshed = (debug.staleRefreshed || 0) + 1;
      onFresh();
      return;
    }
    delay = Math.min(10000, delay * 1.5);
    if (Date.now() + delay < giveUp) staleTimer = setTimeout(recheck, delay);
  };
  staleTimer = setTimeout(recheck, delay);
}

export async function loadGaps() {
  const mine = ++seq;
  clearTimeout(staleTimer);
  $('#gap-stale').hidden = true;
  renderHead();
  renderRefSelect();
  exportLinks();
  const msg = $('#gap-message');
  const wrap = $('.table-wrap');
  // never show the previous date's rows under the new date: clear, then a spinner until this list arrives
  state.gapFeatures = [];
  $('#gap-table tbody').innerHTML = '';
  $('#gap-count').textContent = '';
  $('#gap-page').textContent = '';
  wrap.setAttribute('aria-busy', 'true');
  $('#gap-spinner').hidden = false;
  msg.hidden = true;
  let fc;
  try {
    fc = await api(`${API}/gaps/${state.kind}${query(gapParams({ f: 'geojson', limit: PAGE, offset: state.offset }))}`);
  } catch (e) {
    if (mine !== seq) return;
    debug.errors.push(String(e));
    wrap.removeAttribute('aria-busy');
    $('#gap-spinner').hidden = true;
    state.numberMatched = 0;
    msg.hidden = false;
    msg.textContent = t('gaps.unavailable', { status: e.detail || e.status || e.message });
    return;
  }
  if (mine !== seq) return;
  wrap.removeAttribute('aria-busy');
  $('#gap-spinner').hidden = true;
  state.gapFeatures = fc.features || [];
  state.numberMatched = fc.numberMatched ?? state.gapFeatures.length;
  const table = $('#gap-table');
  table.dataset.asOf = fc.as_of || '';
  table.dataset.kind = state.kind;
  table.dataset.run = fc.coverage_run ?? '';
  watchStale(fc, mine);
  $('#gap-count').textContent = t(state.text ? 'gaps.matchedSearch' : 'gaps.matched', { n: fmt(state.numberMatched, 0), q: state.text });
  msg.hidden = state.gapFeatures.length > 0;
  msg.textContent = t(state.text ? 'gaps.noneSearch' : 'gaps.none');
  const n = state.numberMatched;
  $('#gap-page').textContent = n ? t('gaps.page', { from: state.offset + 1, to: state.offset + state.gapFeatures.length, n: fmt(n, 0) }) : '';
  $('#gap-prev').disabled = state.offset === 0;
  $('#gap-next').disabled = state.offset + PAGE >= n;
  const cols = columns();
  $('#gap-table tbody').innerHTML = state.gapFeatures.map((f, i) => `<tr data-index="${i}" data-id="${f.id}" data-region="${esc(f.properties.region)}" tabindex="0">${cols
    .map((c) => `<td class="${c.num ? 'num' : c.cls || ''}"${c.attrs ? c.attrs(f.properties) : ''}>${c.value(f.properties)}</td>`).join('')}</tr>`).join('');
  markSelected();
}

function markSelected() {
  document.querySelectorAll('#gap-table tr.selected').forEach((x) => x.classList.remove('selected'));
  if (state.selection && state.selection.kind === state.kind) {
    const tr = document.querySelector(`#gap-table tr[data-id="${state.selection.id}"]`);
    if (tr) tr.classList.add('selected');
  }
}

/** Highlights a feature and flies to it; the selection goes into the URL. */
export function select(kind, f, { fly = true } = {}) {
  m.layers.selection.clearLayers().addData(f);
  state.selection = { kind, id: Number(f.id ?? f.properties.id) };
  debug.selected = f.properties;
  markSelected();
  if (!fly) return;
  if (f.geometry.type === 'Point') {
    const [lon, lat] = f.geometry.coordinates;
    m.map.flyTo([lat, lon], Math.max(m.map.getZoom(), 12), { duration: 0.5 });
  } else {
    m.map.flyToBounds(L.geoJSON(f).getBounds(), { padding: [40, 40], maxZoom: 13, duration: 0.5 });
  }
}

export function clearSelection() {
  m.layers.selection.clearLayers();
  state.selection = null;
  debug.selected = null;
  markSelected();
}

/** {@code onChange}: the view changed (save the URL); {@code refreshDate}: redraw everything of the date. */
export function setupGaps(onChange, refreshDate) {
  onFresh = refreshDate;
  document.querySelectorAll('#gaps .tabs button').forEach((b) => {
    b.classList.toggle('active', b.dataset.kind === state.kind);
    b.addEventListener('click', () => {
      document.querySelectorAll('#gaps .tabs button').forEach((x) => x.classList.toggle('active', x === b));
      state.kind = b.dataset.kind;
      state.sort = null;
      state.offset = 0;
      state.ref = '';
      // the highlighted stretch belongs to the previous tab
      if (state.selection && state.selection.kind !== state.kind) clearSelection();
      loadGaps().then(onChange);
    });
  });
  $('#gap-table thead').addEventListener('click', (e) => {
    const th = e.target.closest('th');
    if (!th || !th.dataset.sort) return;
    const current = state.sort || DEFAULT_SORT[state.kind];
    const key = th.dataset.sort;
    state.sort = current === `-${key}` ? key : current === key ? `-${key}` : (['name', 'ref', 'region', 'from_km'].includes(key) ? key : `-${key}`);
    state.offset = 0;
    loadGaps().then(onChange);
  });
  const pick = (e) => {
    const tr = e.target.closest('tr[data-index]');
    if (!tr) return;
    select(state.kind, state.gapFeatures[Number(tr.dataset.index)]);
    onChange();
  };
  $('#gap-table tbody').addEventListener('click', pick);
  $('#gap-table tbody').addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(e); });
  const filter = $('#gap-filter');
  filter.value = state.text;
  let timer;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    // the server searches the whole list; wait for a pause in typing
    timer = setTimeout(() => { state.text = filter.value.trim(); state.offset = 0; loadGaps().then(onChange); }, 250);
  });
  $('#ref').addEventListener('change', (e) => { state.ref = e.target.value; state.offset = 0; loadGaps().then(onChange); });
  $('#gap-prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadGaps(); });
  $('#gap-next').addEventListener('click', () => { state.offset += PAGE; loadGaps(); });
}
