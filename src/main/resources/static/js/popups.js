// Popup contents of every map feature.
import { API, api, query } from './api.js';
import { esc, fmt, km, placeName, regionName, t } from './i18n.js';
import { state } from './state.js';
import { signalRows } from './gapReasons.js';

const row = (label, value) => `<tr><th>${esc(label)}</th><td>${value}</td></tr>`;

export function settlementPopup(p) {
  const yesNo = p.covered === true ? t('popup.yes') : p.covered === false ? t('popup.no') : '—';
  return `<strong>${esc(placeName(p))}</strong> <small>${esc(regionName(p.region))}</small><table class="kv">
    ${row(t('popup.population'), fmt(p.population, 0))}
    ${p.households !== undefined ? row(t('popup.households'), fmt(p.households, 0)) : ''}
    ${row(`${t('popup.covered')} (${t(`svc.${p.service || state.service}`)})`, esc(yesNo))}
    ${p.operators && p.operators.length ? row(t('popup.operators'), esc(p.operators.join(', '))) : ''}
    ${row(t('popup.nearestSite'), p.nearest_site_m !== undefined ? `${km(p.nearest_site_m)} km` : '<span class="pending">…</span>')}
    ${row(t('popup.nearestFiber'), p.nearest_fiber_m !== undefined ? `${km(p.nearest_fiber_m)} km` : '<span class="pending">…</span>')}
    ${signalRows(p, row)}
    ${p.source ? row(t('popup.source'), esc(p.source)) : ''}</table>`;
}

/**
 * Binds a settlement popup; nearest site/fiber and the signal class come from the settlement's own OGC feature when
 * missing (the OGC API waits for a new month's covered classes, which the map's layer may not have yet).
 */
export function bindSettlement(f, layer) {
  layer.bindPopup(() => settlementPopup(f.properties));
  layer.on('popupopen', async (e) => {
    const p = f.properties;
    if (p.nearest_site_m !== undefined && !p.signal_classes_pending) return;
    p.signal_classes_pending = false;
    try {
      const full = await api(`ogc/collections/settlements/items/${p.id}${query({ service: state.service, datetime: state.asOf })}`);
      Object.assign(p, { nearest_site_m: full.properties.nearest_site_m ?? null, nearest_fiber_m: full.properties.nearest_fiber_m ?? null,
        households: full.properties.households, source: full.properties.source, operators: full.properties.operators,
        signal_class: full.properties.signal_class, best_level_dbm: full.properties.best_level_dbm,
        gap_reason: full.properties.gap_reason, gap_reason_details: full.properties.gap_reason_details });
    } catch {
      Object.assign(p, { nearest_site_m: null, nearest_fiber_m: null });
    }
    e.popup.setContent(settlementPopup(p));
  });
}

export function linePopup(p) {
  return `<strong>${esc(p.ref || p.line_name || '')}</strong><br>${esc(placeName(p))}`;
}

export function stretchPopup(p) {
  const regions = (p.regions || [p.region]).filter(Boolean).map(regionName).join(', ');
  return `<strong>${esc(p.ref || p.line_name || p.line_key)}</strong> — ${esc(t('legend.stretchUncovered'))}<table class="kv">
    ${row(t('col.from_km'), fmt(p.from_km, 1))}${row(t('col.to_km'), fmt(p.to_km, 1))}
    ${row(t('popup.length'), `${fmt(p.length_km, 1)} km`)}${row(t('col.regions'), esc(regions))}
    ${p.longest_gap_km !== undefined ? row(t('col.longest_gap'), fmt(p.longest_gap_km, 1)) : ''}
    ${signalRows(p, row)}</table>`;
}

export function fiberPopup(p) {
  return `<strong>${esc(t('layer.fiber'))}</strong><table class="kv">${row(t('popup.operator'), esc(p.operator))}
    ${row(t('popup.commissioned'), esc(p.commissioned_on || '—'))}</table>`;
}

export function sitePopup(p) {
  return `<strong>${esc(t('popup.site'))} ${esc(p.external_id || p.id)}</strong><table class="kv">
    ${row(t('popup.operator'), esc(p.operator))}${row(t('popup.cells'), esc(p.technologies || '—'))}
    ${row(t('popup.commissioned'), esc(p.commissioned_on || '—'))}</table>`;
}
