// Place search: regions, districts and settlements by any of their names (the server folds scripts and apostrophes).
import { API, api, debug, query } from './api.js';
import { esc, placeName, regionName, t } from './i18n.js';

const $ = (sel) => document.querySelector(sel);

/**
 * onPick(place) runs when a hit is chosen (click, Enter on the first hit, or arrow keys + Enter); onText(text) whenever
 * the box's text settles, so that a shared view carries it. The box starts with `initial` (a restored view's text).
 */
export function setupSearch(onPick, onText = () => {}, initial = '') {
  const input = $('#place-search');
  input.value = initial;
  const list = $('#place-results');
  let hits = [];
  let active = -1;
  let seq = 0;
  let timer;
  const close = () => { list.hidden = true; active = -1; };
  const render = () => {
    list.innerHTML = hits.length === 0 ? `<li class="none">${esc(t('search.none'))}</li>`
      : hits.map((p, i) => `<li role="option" data-index="${i}" class="${i === active ? 'active' : ''}">
        <strong>${esc(placeName(p))}</strong> <small>${esc(t(`search.${p.type}`))}${p.type !== 'region' ? ` · ${esc(regionName(p.region))}` : ''}</small></li>`).join('');
    list.hidden = false;
  };
  const pick = (i) => {
    const p = hits[i];
    if (!p) return;
    clearTimeout(timer); // a search still waiting would put the typed text back over the pick
    input.value = placeName(p);
    onText(input.value);
    close();
    debug.searchPicked = p;
    onPick(p);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { close(); onText(''); return; }
    timer = setTimeout(async () => {
      onText(q);
      const mine = ++seq;
      try {
        const res = await api(`${API}/search${query({ q, limit: 8 })}`);
        if (mine !== seq) return;
        hits = res;
        active = -1;
        debug.searchHits = hits;
        if (document.activeElement === input) render(); // not over the page once the box has lost focus
      } catch (e) {
        debug.errors.push(String(e));
      }
    }, 200);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { active = Math.min(hits.length - 1, active + 1); render(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); e.preventDefault(); }
    if (e.key === 'Enter') { pick(active >= 0 ? active : 0); e.preventDefault(); }
    if (e.key === 'Escape') close();
  });
  list.addEventListener('mousedown', (e) => {
    const li = e.target.closest('li[data-index]');
    if (li) { e.preventDefault(); pick(Number(li.dataset.index)); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
