// The printable region report (report.html?region=UZ-SA&service=…&asOf=…&lang=…): the region's PNG map, its roadmap
// targets with their status, the largest uncovered settlements and the longest uncovered stretches, for one service
// and date. report.css lays it out on A4; "Print" (or the browser's "Save as PDF") makes the paper copy.
import { API, api, debug, query } from './api.js';
import { esc, fmt, fmtAgainst, i18n, km, loadLanguage, placeName, regionName, t } from './i18n.js';
import { reasonText, reasonTitle } from './gapReasons.js';

const $ = (sel) => document.querySelector(sel);
const TOP = 25;
const url = new URLSearchParams(location.search);
const view = {
  region: url.get('region') || '',
  service: ['mobile_internet', 'high_speed_mobile', 'fixed_broadband'].includes(url.get('service')) ? url.get('service') : 'mobile_internet',
  asOf: /^\d{4}-\d{2}-\d{2}$/.test(url.get('asOf') || '') ? url.get('asOf') : '',
  technology: ['2G', '3G', '4G', '5G'].includes(url.get('tech')) ? url.get('tech') : '4G',
};

const head = (cells) => `<tr>${cells.map(([text, cls]) => `<th class="${cls || ''}">${esc(text)}</th>`).join('')}</tr>`;
const num = (text) => `<td class="num">${text}</td>`;
// the gap's reason in words with its numbers (issue #11); the code on the cell
const reason = (p) => `<td class="reason" data-reason="${esc(p.gap_reason || '')}">${esc(reasonText(p) || '—')}</td>`;

function renderTargets(report) {
  const rows = (report.targets || []).map((e) => {
    const pct = e.unit === '%';
    const unit = pct ? ' %' : e.unit && e.unit !== 'count' ? ` ${e.unit}` : '';
    const digits = pct ? 1 : 0;
    const title = t(`ind.${e.indicatorKey}`) === `ind.${e.indicatorKey}` ? e.title : t(`ind.${e.indicatorKey}`);
    return `<tr data-key="${esc(e.indicatorKey)}" data-status="${esc(e.status || '')}"><td>${esc(title)}</td>
      ${num(`${fmtAgainst(e.value, e.target, e.direction, digits)}${esc(unit)}`)}
      ${num(`${e.direction === 'at_most' ? '≤' : '≥'} ${fmt(e.target, digits)}${esc(unit)}`)}
      <td>${esc(e.deadline || '—')}</td>
      <td><span class="status status-${esc(e.status || 'none')}">${esc(e.status ? t(`status.${e.status}`) : '—')}</span></td></tr>`;
  });
  $('#report-targets thead').innerHTML = head([[t('report.target')], [t('dash.current'), 'num'], [t('dash.target'), 'num'],
    [t('dash.deadline')], [t('report.status')]]);
  $('#report-targets tbody').innerHTML = rows.join('');
}

function renderSettlements(list) {
  $('#report-settlements thead').innerHTML = head([[t('col.name')], [t('col.district')], [t('col.population'), 'num'],
    [t('col.nearest_site'), 'num'], [t('col.nearest_fiber'), 'num'], [reasonTitle(), 'reason']]);
  $('#report-settlements tbody').innerHTML = (list.items || []).map((s) => `<tr data-id="${esc(s.id)}"><td>${esc(placeName(s))}</td>
    <td>${esc(s.district_names ? placeName({ names: s.district_names }) : s.district_name || '')}</td>${num(fmt(s.population, 0))}
    ${num(km(s.nearest_site_m))}${num(km(s.nearest_fiber_m))}${reason(s)}</tr>`).join('');
  $('#report-settlements-count').textContent = t('report.ofTotal', { shown: fmt((list.items || []).length, 0), n: fmt(list.numberMatched, 0) });
}

function renderStretches(lists) {
  const items = lists.flatMap(([kind, l]) => (l.items || []).map((s) => ({ ...s, kind })))
    .sort((a, b) => (b.length_km || 0) - (a.length_km || 0)).slice(0, TOP);
  $('#report-stretches thead').innerHTML = head([[t('col.ref')], [t('col.from_km'), 'num'], [t('col.to_km'), 'num'],
    [t('col.length'), 'num'], [t('col.regions')], [reasonTitle(), 'reason']]);
  $('#report-stretches tbody').innerHTML = items.map((s) => `<tr data-kind="${s.kind}" data-id="${esc(s.id)}"><td>${esc(s.ref || s.line_name || s.line_key || '')}</td>
    ${num(fmt(s.from_km, 1))}${num(fmt(s.to_km, 1))}${num(fmt(s.length_km, 1))}
    <td>${esc((s.regions || [s.region]).filter(Boolean).map(regionName).join(', '))}</td>${reason(s)}</tr>`).join('');
  const n = lists.reduce((sum, [, l]) => sum + (l.numberMatched || 0), 0);
  $('#report-stretches-count').textContent = view.service === 'fixed_broadband' ? t('legend.linesMobileOnly')
    : t('report.ofTotal', { shown: fmt(items.length, 0), n: fmt(n, 0) });
}

async function render() {
  const main = $('#report');
  main.setAttribute('aria-busy', 'true');
  debug.ready = false;
  const scope = { region: view.region, asOf: view.asOf };
  const gapQuery = (extra) => query({ ...scope, service: view.service, ...extra });
  const lines = view.service === 'fixed_broadband' ? [] : ['highways', 'railways'];
  const [targets, settlements, ...stretches] = await Promise.all([
    api(`${API}/targets${query(scope)}`),
    api(`${API}/gaps/settlements${gapQuery({ limit: TOP, sort: '-population' })}`),
    ...lines.map((k) => api(`${API}/gaps/${k}${gapQuery({ limit: TOP, sort: '-length' })}`)),
  ]);
  view.asOf = view.asOf || targets.asOf;
  document.title = `${regionName(view.region)} — ${t('report.kind')} — Qamrov`;
  $('#report-region').textContent = view.region ? regionName(view.region) : t('dash.national');
  $('#report-scope').textContent = `${t(`svc.${view.service}`)} · ${t('ctl.asOf')} ${view.asOf}`;
  renderTargets(targets);
  renderSettlements(settlements);
  renderStretches(lines.map((k, i) => [k, stretches[i]]));
  $('#report-footer').textContent = t('report.footer', { when: new Date().toISOString().slice(0, 16).replace('T', ' '),
    run: settlements.coverage_run ?? '—' });
  $('#back').href = `./${query({ lang: i18n.lang, region: view.region, service: view.service === 'mobile_internet' ? '' : view.service, asOf: view.asOf })}`;
  main.removeAttribute('aria-busy');
}

/**
 * The region's PNG map (the export endpoint). It needs the date's coverage polygons, which the server computes in the
 * background: until then it answers 503 with Retry-After, and the report says the map is being drawn and asks again.
 * Resolves once the image is decoded, so that printing never catches it half-loaded.
 */
async function loadMap() {
  const img = $('#report-map');
  const wait = $('#report-map-wait');
  if (!view.region) {
    img.hidden = true;
    return false;
  }
  img.alt = regionName(view.region);
  const src = `${API}/maps/${view.region}.png${query({ service: view.service, technology: view.technology, asOf: view.asOf })}`;
  wait.hidden = false;
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await fetch(src, { headers: { Accept: 'image/png' } });
    if (res.ok) {
      img.src = URL.createObjectURL(await res.blob());
      await img.decode();
      wait.hidden = true;
      return true;
    }
    if (res.status !== 503) break;
    const seconds = Math.min(60, Number(res.headers.get('Retry-After')) || 10);
    await new Promise((resolve) => { setTimeout(resolve, seconds * 1000); });
  }
  wait.hidden = true;
  debug.errors.push(`map image ${src}`);
  return false;
}

async function main() {
  await loadLanguage(url.get('lang') || localStorage.getItem('qamrov.lang') || 'uz');
  i18n.regions = await api(`${API}/regions`);
  $('#print').addEventListener('click', () => window.print());
  $('#lang').addEventListener('change', async (e) => { await loadLanguage(e.target.value); await render(); debug.ready = true; });
  await render();
  debug.mapLoaded = await loadMap();
  debug.ready = true;
}

main().catch((e) => { debug.errors.push(String(e)); debug.ready = true; console.error(e); });
