// Languages of the interface and of place names; number formatting that never rounds a shortfall up to the target.
import { api, setAcceptLanguage } from './api.js';

/** UI language code (select value, i18n file name) → BCP 47 tag. */
export const LANGS = { uz: 'uz-Latn', 'uz-Cyrl': 'uz-Cyrl', ru: 'ru', en: 'en' };
const NAME_KEYS = { uz: 'name_uz_latn', 'uz-Cyrl': 'name_uz_cyrl', ru: 'name_ru', en: 'name_en' };
const LOCALES = { uz: 'uz-Latn-UZ', 'uz-Cyrl': 'uz-Cyrl-UZ', ru: 'ru-RU', en: 'en-GB' };

export const i18n = { lang: 'uz', dict: {}, regions: [] };
const $ = (sel) => document.querySelector(sel);

export const t = (key, vars = {}) => {
  const s = i18n.dict[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
};
export const tag = () => LANGS[i18n.lang];

export async function loadLanguage(lang) {
  i18n.lang = LANGS[lang] ? lang : 'uz';
  i18n.dict = await api(`i18n/${i18n.lang}.json`);
  localStorage.setItem('qamrov.lang', i18n.lang);
  document.documentElement.lang = LANGS[i18n.lang];
  setAcceptLanguage(`${LANGS[i18n.lang]}, en;q=0.5`);
  $('#lang').value = i18n.lang;
  document.title = t('app.title');
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

/** A place name in the chosen language where known, else Uzbek (Latin). Regions and search hits carry names{tag}. */
export function placeName(p) {
  if (!p) return '';
  if (p.names) return p.names[LANGS[i18n.lang]] || p.names['uz-Latn'] || p.code || '';
  return p[NAME_KEYS[i18n.lang]] || p.name_uz_latn || p.name || p.line_name || '';
}

/** The properties placeName reads for a settlement in the chosen language (for a layer asked for a few properties). */
export const nameProperties = () => [...new Set([NAME_KEYS[i18n.lang], 'name_uz_latn'])];

export const regionName = (code) => {
  const r = i18n.regions.find((x) => x.code === code);
  return r ? placeName(r) : (code || '');
};

// one formatter per language and number of digits: toLocaleString builds a new one on every call, and a region
// switch formats a few thousand numbers
const formats = new Map();
function numberFormat(digits) {
  const key = `${i18n.lang}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[i18n.lang], { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}
export const fmt = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '—' : numberFormat(digits).format(Number(v)));
export const km = (m) => (m === null || m === undefined ? '—' : fmt(m / 1000, 1));
export const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * A value beside its target, with as many decimals as it takes for the display not to cross the target: 99.975 %
 * against 100 % reads "99.98", never "100" next to BEHIND (and 0.4 km against 0 km reads "0.4", not "0").
 */
export function fmtAgainst(value, target, direction, digits = 1) {
  if (value === null || value === undefined || target === null || target === undefined) return fmt(value, digits);
  const short = direction === 'at_most' ? value > target : value < target;
  let d = digits;
  const rounded = (x, n) => Math.round(x * 10 ** n) / 10 ** n;
  while (short && d < 4 && (direction === 'at_most' ? rounded(value, d) <= target : rounded(value, d) >= target)) d++;
  return fmt(value, d);
}
