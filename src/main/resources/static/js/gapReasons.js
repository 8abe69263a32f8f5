// The reason for a gap and the signal class, in words (issue #11), for the popup, the gap tables' "Reason" column and
// the region report. Plain texts, escaped by the callers. Own small word table (uz-Latn, uz-Cyrl, ru, en as the page)
// so the shared i18n files hold only labels; the key numbers come from gap_reason_details (docs/api.md).
import { esc, fmt, i18n, km } from './i18n.js';

// "nearest 12.3 km" only when the run knows it (a stretch beyond the engine's search has no nearest site)
const near = (m, text) => (m == null ? '' : text(km(m)));

const WORDS = {
  en: {
    signal: 'Signal', cls: { good: 'good', fair: 'fair', below_threshold: 'below threshold' }, why: 'Why not covered',
    column: 'Reason',
    partly_covered: (d) => `only ${fmt(100 * d.covered_share, 0)}% of its area is covered (${fmt(100 * d.required_share, 0)}% needed)`,
    no_site_within_km: (d) => `no base station within ${fmt(d.limit_km, 0)} km${near(d.nearest_site_m, (k) => ` (nearest ${k} km)`)}`,
    only_2g_nearby: (d) => `the nearest site (${km(d.nearest_site_m)} km) has only ${d.nearest_site_technology}; nearest ${d.required_technology}+ site ${d.nearest_service_site_m == null ? 'beyond 20 km' : `${km(d.nearest_service_site_m)} km`}`,
    terrain_shadow: (d) => `terrain shadow: cell ${d.cell_id} would give ${fmt(d.flat_level_dbm)} dBm over flat ground, the ridge at ${fmt(d.obstacle_height_m, 0)} m takes ${fmt(d.terrain_loss_db)} dB`,
    outside_all_beams: (d) => `outside every beam: cell ${d.cell_id} is ${km(d.distance_m)} km away but points ${fmt(Math.abs(d.off_boresight_deg), 0)}° away (${fmt(d.level_dbm)} dBm)`,
    below_threshold: (d) => (d.cell_id == null ? 'no cell reaches it'
      : `best cell ${d.cell_id} (${d.technology}, ${km(d.distance_m)} km) arrives at ${fmt(d.level_dbm)} dBm, needs ${fmt(d.threshold_dbm)} dBm`),
  },
  ru: {
    signal: 'Сигнал', cls: { good: 'хороший', fair: 'средний', below_threshold: 'ниже порога' }, why: 'Почему нет покрытия',
    column: 'Причина',
    partly_covered: (d) => `покрыто лишь ${fmt(100 * d.covered_share, 0)}% площади (нужно ${fmt(100 * d.required_share, 0)}%)`,
    no_site_within_km: (d) => `нет базовой станции в радиусе ${fmt(d.limit_km, 0)} км${near(d.nearest_site_m, (k) => ` (ближайшая ${k} км)`)}`,
    only_2g_nearby: (d) => `на ближайшей станции (${km(d.nearest_site_m)} км) только ${d.nearest_site_technology}; ближайшая станция ${d.required_technology}+ ${d.nearest_service_site_m == null ? 'дальше 20 км' : `в ${km(d.nearest_service_site_m)} км`}`,
    terrain_shadow: (d) => `тень рельефа: хребет высотой ${fmt(d.obstacle_height_m, 0)} м ослабляет сигнал соты ${d.cell_id} на ${fmt(d.terrain_loss_db)} дБ`,
    outside_all_beams: (d) => `вне всех лучей: сота ${d.cell_id} в ${km(d.distance_m)} км направлена в сторону (${fmt(Math.abs(d.off_boresight_deg), 0)}°, ${fmt(d.level_dbm)} дБм)`,
    below_threshold: (d) => (d.cell_id == null ? 'ни одна сота не достаёт'
      : `лучшая сота ${d.cell_id} (${d.technology}, ${km(d.distance_m)} км): ${fmt(d.level_dbm)} дБм при пороге ${fmt(d.threshold_dbm)} дБм`),
  },
  uz: {
    signal: 'Signal', cls: { good: 'yaxshi', fair: 'oʻrtacha', below_threshold: 'chegaradan past' }, why: 'Nega qamrov yoʻq',
    column: 'Sabab',
    partly_covered: (d) => `maydonining faqat ${fmt(100 * d.covered_share, 0)}% qamralgan (${fmt(100 * d.required_share, 0)}% kerak)`,
    no_site_within_km: (d) => `${fmt(d.limit_km, 0)} km ichida baza stansiyasi yoʻq${near(d.nearest_site_m, (k) => ` (eng yaqini ${k} km)`)}`,
    only_2g_nearby: (d) => `eng yaqin stansiyada (${km(d.nearest_site_m)} km) faqat ${d.nearest_site_technology}; eng yaqin ${d.required_technology}+ stansiya ${d.nearest_service_site_m == null ? '20 km dan uzoqda' : `${km(d.nearest_service_site_m)} km`}`,
    terrain_shadow: (d) => `relyef soyasi: ${fmt(d.obstacle_height_m, 0)} m balandlikdagi tizma ${d.cell_id}-sota signalini ${fmt(d.terrain_loss_db)} dB susaytiradi`,
    outside_all_beams: (d) => `barcha nurlardan tashqarida: ${d.cell_id}-sota ${km(d.distance_m)} km uzoqda, boshqa tomonga qaragan (${fmt(Math.abs(d.off_boresight_deg), 0)}°, ${fmt(d.level_dbm)} dBm)`,
    below_threshold: (d) => (d.cell_id == null ? 'hech bir sota yetmaydi'
      : `eng yaxshi sota ${d.cell_id} (${d.technology}, ${km(d.distance_m)} km): ${fmt(d.level_dbm)} dBm, kerak ${fmt(d.threshold_dbm)} dBm`),
  },
  'uz-Cyrl': {
    signal: 'Сигнал', cls: { good: 'яхши', fair: 'ўртача', below_threshold: 'чегарадан паст' }, why: 'Нега қамров йўқ',
    column: 'Сабаб',
    partly_covered: (d) => `майдонининг фақат ${fmt(100 * d.covered_share, 0)}% қамралган (${fmt(100 * d.required_share, 0)}% керак)`,
    no_site_within_km: (d) => `${fmt(d.limit_km, 0)} km ичида база станцияси йўқ${near(d.nearest_site_m, (k) => ` (энг яқини ${k} km)`)}`,
    only_2g_nearby: (d) => `энг яқин станцияда (${km(d.nearest_site_m)} km) фақат ${d.nearest_site_technology}; энг яқин ${d.required_technology}+ станция ${d.nearest_service_site_m == null ? '20 km дан узоқда' : `${km(d.nearest_service_site_m)} km`}`,
    terrain_shadow: (d) => `рельеф сояси: ${fmt(d.obstacle_height_m, 0)} m баландликдаги тизма ${d.cell_id}-сота сигналини ${fmt(d.terrain_loss_db)} dB сусайтиради`,
    outside_all_beams: (d) => `барча нурлардан ташқарида: ${d.cell_id}-сота ${km(d.distance_m)} km узоқда, бошқа томонга қараган (${fmt(Math.abs(d.off_boresight_deg), 0)}°, ${fmt(d.level_dbm)} dBm)`,
    below_threshold: (d) => (d.cell_id == null ? 'ҳеч бир сота етмайди'
      : `энг яхши сота ${d.cell_id} (${d.technology}, ${km(d.distance_m)} km): ${fmt(d.level_dbm)} dBm, керак ${fmt(d.threshold_dbm)} dBm`),
  },
};

const words = () => WORDS[i18n.lang] || WORDS.en;

/** The "Reason" column's title in the page's language. */
export const reasonTitle = () => words().column;

/** A signal class in words ('' for none). */
export const className = (cls) => (cls ? words().cls[cls] || cls : '');

/** The reason of a gap in words with its key numbers; '' where the run has none (fixed broadband, older runs). */
export function reasonText(p) {
  const w = words();
  return p.gap_reason && typeof w[p.gap_reason] === 'function' ? w[p.gap_reason](p.gap_reason_details || {}) : '';
}

/** Popup rows for the signal class and, for a gap, its reason in words; '' when the run has neither. */
export function signalRows(p, row) {
  const w = words();
  let out = '';
  if (p.signal_class) {
    out += row(w.signal, `${esc(className(p.signal_class))}${p.best_level_dbm != null ? ` (${fmt(p.best_level_dbm)} dBm)` : ''}`);
  }
  const why = reasonText(p);
  if (why) out += row(w.why, esc(why));
  return out;
}
