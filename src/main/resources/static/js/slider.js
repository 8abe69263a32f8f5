// The as-of slider: one step per month from end-2019 (past year-ends) to end-2027 (planned sites).
import { t } from './i18n.js';
import { state } from './state.js';

const START = { y: 2019, m: 12 };
const END = { y: 2027, m: 12 };
const $ = (sel) => document.querySelector(sel);

function month(i) {
  const total = START.m - 1 + i;
  return { y: START.y + Math.floor(total / 12), m: (total % 12) + 1 };
}
const monthEnd = ({ y, m }) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
export const todayIso = () => new Date().toISOString().slice(0, 10);
const indexOf = (iso) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return (d.getUTCFullYear() - START.y) * 12 + (d.getUTCMonth() + 1 - START.m);
};

/** onChange runs when the user lets go of the slider (or setAsOf is called). */
export function setupSlider(onChange) {
  const max = (END.y - START.y) * 12 + (END.m - START.m);
  const now = new Date();
  const today = Math.min(max, Math.max(0, (now.getFullYear() - START.y) * 12 + (now.getMonth() + 1 - START.m)));
  const slider = $('#asof');
  slider.max = String(max);
  slider.dataset.today = String(today);
  slider.value = String(state.asOf ? Math.min(max, Math.max(0, indexOf(state.asOf))) : today);
  const label = () => {
    const i = Number(slider.value);
    const isToday = i === Number(slider.dataset.today);
    state.asOf = isToday ? null : monthEnd(month(i));
    $('#asof-label').textContent = isToday ? `${t('ctl.today')} (${todayIso()})` : state.asOf;
    $('#asof-planned').hidden = !(state.asOf && state.asOf > todayIso());
  };
  label();
  slider.addEventListener('input', label);
  slider.addEventListener('change', () => { label(); onChange(); });
  return {
    relabel: label,
    setAsOf(iso) {
      slider.value = String(indexOf(iso));
      slider.dispatchEvent(new Event('change'));
    },
  };
}
