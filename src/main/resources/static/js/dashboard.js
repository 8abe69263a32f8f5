// Roadmap target cards: value against target (never rounded across it), progress, deadline, projection, trend.
import { API, api, debug, query } from './api.js';
import { esc, fmt, fmtAgainst, regionName, t } from './i18n.js';
import { state } from './state.js';

const $ = (sel) => document.querySelector(sel);
let seq = 0;

export async function loadDashboard() {
  const mine = ++seq;
  const cards = $('#cards');
  $('#dash-scope').textContent = state.region ? regionName(state.region) : t('dash.national');
  cards.setAttribute('aria-busy', 'true');
  cards.classList.add('loading');
  let report;
  try {
    report = await api(`${API}/targets${query({ region: state.region, asOf: state.asOf })}`);
  } catch (e) {
    if (mine !== seq) return;
    debug.errors.push(String(e));
    cards.innerHTML = `<p class="message">${esc(t('dash.unavailable'))}</p>`;
    cards.dataset.scope = state.region || 'UZ';
    cards.removeAttribute('aria-busy');
    cards.classList.remove('loading');
    return;
  }
  if (mine !== seq) return;
  cards.innerHTML = (report.targets || []).map(card).join('');
  cards.dataset.scope = report.scope || state.region || 'UZ';
  cards.dataset.asOf = report.asOf || '';
  cards.removeAttribute('aria-busy');
  cards.classList.remove('loading');
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
  const pct = e.unit === '%';
  const unit = pct ? ' %' : e.unit && e.unit !== 'count' ? ` ${e.unit}` : '';
  const digits = pct ? 1 : 0;
  const status = e.status || 'none';
  // a share cannot be projected past 100 %: the trend line is extrapolated, the physical limit is not
  const projected = e.projectedAtDeadline === null || e.projectedAtDeadline === undefined ? null
    : pct ? Math.min(100, Math.max(0, e.projectedAtDeadline)) : Math.max(0, e.projectedAtDeadline);
  const title = t(`ind.${e.indicatorKey}`) === `ind.${e.indicatorKey}` ? e.title : t(`ind.${e.indicatorKey}`);
  return `<article class="card status-${esc(status)}" data-key="${esc(e.indicatorKey)}">
    <header><h3 title="${esc(e.title || '')}">${esc(title)}</h3>
      <span class="status">${esc(e.status ? t(`status.${e.status}`) : '')}</span></header>
    <div class="value"><strong>${fmtAgainst(e.value, e.target, e.direction, digits)}${esc(unit)}</strong>
      <span>${esc(t('dash.target'))}: ${e.direction === 'at_most' ? '≤' : '≥'} ${fmt(e.target, digits)}${esc(unit)}</span></div>
    <div class="bar" role="progressbar" aria-valuenow="${Math.round(progressFraction(e) * 100)}" aria-valuemin="0" aria-valuemax="100">
      <i style="width:${(progressFraction(e) * 100).toFixed(1)}%"></i></div>
    <footer><span>${esc(t('dash.deadline'))}: ${esc(e.deadline || '—')}</span>
      ${projected !== null ? `<span class="projected">${esc(t('dash.projected'))}: ${fmtAgainst(projected, e.target, e.direction, digits)}${esc(unit)}</span>` : ''}</footer>
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
