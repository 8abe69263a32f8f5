// The upload page: token, layer, column mapping and file; a dry run first, its progress and row-level report; then
// the import and the indicator changes it caused. POST /api/v1/uploads/{layer}?dryRun=true|false[&profile=][&partial=]
// answers 202 {id}; GET /api/v1/jobs/{id} reports status, progress and the import report (its first row errors; every
// one is downloadable from /api/v1/jobs/{id}/errors); what a job that passed changed (or would change) is drawn on the
// page's own map (upload-diff.js).
import { diffView } from './upload-diff.js';

const FINAL = new Set(['succeeded', 'rejected', 'failed']);

export function upload({ api, t, esc, fmt, debug, lang }) {
  const $ = (sel) => document.querySelector(sel);
  const token = $('#up-token');
  const file = $('#up-file');
  const layer = $('#up-layer');
  const dry = $('#up-dry');
  const imp = $('#up-import');
  const profile = $('#up-profile');
  const partial = $('#up-partial');
  let jobId = null; // the job whose report is shown
  token.value = sessionStorage.getItem('qamrov.token') || '';
  let checked = null; // the file + layer that passed a dry run
  const authHeaders = () => ({ Authorization: `Bearer ${token.value.trim()}`, Accept: 'application/json', 'Accept-Language': lang() });
  const diff = diffView({ api, t, esc, fmt, debug, headers: authHeaders });

  const invalidate = () => { checked = null; imp.disabled = true; };
  file.addEventListener('change', invalidate);
  layer.addEventListener('change', invalidate);
  profile.addEventListener('change', invalidate);
  partial.addEventListener('change', invalidate);

  // the built-in and saved mapping profiles (OpenCelliD, Geofabrik, ITU, ...), asked for when the page is first shown
  let profilesAsked = false;
  async function loadProfiles() {
    if (profilesAsked || location.hash !== '#upload') return;
    profilesAsked = true;
    const res = await fetch(`${api}/mapping-profiles`, { headers: { Accept: 'application/json' } });
    if (!res.ok) { profilesAsked = false; return; }
    for (const p of await res.json()) {
      const o = document.createElement('option');
      o.value = p.name;
      o.textContent = p.name;
      o.title = p.description || '';
      profile.append(o);
    }
  }
  window.addEventListener('hashchange', () => loadProfiles().catch((e) => debug.errors.push(`profiles: ${e}`)));
  loadProfiles().catch((e) => debug.errors.push(`profiles: ${e}`));

  /** Every row error of the shown job as a file (fetched with the token: reads may be closed to anonymous callers). */
  async function downloadErrors(format) {
    const res = await fetch(`${api}/jobs/${encodeURIComponent(jobId)}/errors?f=${format}`, { headers: { ...authHeaders(), Accept: '*/*' } });
    if (!res.ok) throw new Error(`errors download answered ${res.status}`);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = `job-${jobId}-errors.${format}`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  }
  for (const format of ['csv', 'geojson']) {
    $(`#up-errors-${format}`).addEventListener('click', () => downloadErrors(format).catch((e) => show('failed', String(e), 'error')));
  }
  token.addEventListener('change', () => sessionStorage.setItem('qamrov.token', token.value.trim()));

  function show(status, message, cls = '') {
    $('#up-result').hidden = false;
    $('#up-status').textContent = status ? t(`job.${status}`) : '';
    $('#up-status').dataset.status = status || '';
    const m = $('#up-message');
    m.textContent = message || '';
    m.className = `message ${cls}`;
  }

  function renderReport(report) {
    const errors = report?.errors || [];
    $('#up-errors-block').hidden = errors.length === 0;
    // the report lists the first errors; the count says how many there are, the buttons download every one
    const total = Math.max(report?.errorCount ?? errors.length, errors.length);
    $('#up-errors-count').textContent = t('up.errorsShown', { shown: fmt(errors.length, 0), total: fmt(total, 0) });
    for (const b of ['#up-errors-csv', '#up-errors-geojson']) $(b).hidden = !jobId;
    const warnings = report?.warnings || [];
    $('#up-warnings').hidden = warnings.length === 0;
    $('#up-warnings').innerHTML = warnings.map((w) => `<li>${esc(w)}</li>`).join('');
    $('#up-errors tbody').innerHTML = errors.map((e) => `<tr><td class="num">${esc(e.row)}</td><td>${esc(e.field)}</td>
      <td>${esc(e.value)}</td><td>${esc(e.message)}</td></tr>`).join('');
    const n = (v) => fmt(v ?? 0, 0);
    $('#up-summary').textContent = report ? t('up.summary', { read: n(report.rowsRead), inserted: n(report.inserted),
      updated: n(report.updated), unchanged: n(report.unchanged), rejected: n(report.rejected) }) : '';
    const changes = report?.indicatorChanges;
    // a dry run's changes are a what-if of the import on the current model: what importing the file would do
    $('#up-changes-block').hidden = !(report && changes);
    const heading = $('#up-changes-block h3');
    heading.dataset.i18n = report?.dryRun ? 'up.changesDry' : 'up.changes';
    heading.textContent = t(heading.dataset.i18n);
    $('#up-changes tbody').innerHTML = (changes || []).length === 0
      ? `<tr><td colspan="4">${esc(t('up.noChanges'))}</td></tr>`
      : changes.map((c) => `<tr><td>${esc(t(`ind.${c.key}`) === `ind.${c.key}` ? c.key : t(`ind.${c.key}`))}</td><td>${esc(c.scope)}</td>
        <td class="num">${fmt(c.before, 2)}</td><td class="num">${fmt(c.after, 2)}</td></tr>`).join('');
  }

  /** Progress as a percentage from whichever shape the job carries (a 0..1 or 0..100 number, or rows read/total). */
  function percent(job) {
    const p = job.progress;
    if (FINAL.has(job.status)) return 100;
    if (typeof p === 'number') return p <= 1 ? p * 100 : p;
    if (p && typeof p.percent === 'number') return p.percent;
    if (p && p.rowsTotal) return (100 * (p.rowsRead || 0)) / p.rowsTotal;
    if (job.rowsTotal) return (100 * (job.rowsRead || 0)) / job.rowsTotal;
    return 0;
  }

  async function run(dryRun) {
    if (!token.value.trim()) { show(null, t('up.needToken'), 'error'); return; }
    if (!file.files[0]) { show(null, t('up.needFile'), 'error'); return; }
    sessionStorage.setItem('qamrov.token', token.value.trim());
    dry.disabled = true;
    imp.disabled = true;
    jobId = null;
    renderReport(null);
    diff.hide();
    $('#up-progress').value = 0;
    show('queued', '');
    const form = new FormData();
    form.append('file', file.files[0]);
    const chosen = { file: file.files[0], layer: layer.value, profile: profile.value, partial: partial.checked };
    debug.busy++;
    try {
      const params = new URLSearchParams({ dryRun: String(dryRun) });
      if (chosen.profile) params.set('profile', chosen.profile);
      if (chosen.partial) params.set('partial', 'true');
      const res = await fetch(`${api}/uploads/${encodeURIComponent(layer.value)}?${params}`, {
        method: 'POST', body: form, headers: authHeaders(),
      });
      const body = await res.json().catch(() => ({}));
      // no such upload here: 405 from the static handler, or a 404 (no upload endpoint, or a layer it does not
      // take); the server's own detail, in the page's language, says which
      if (res.status === 405 || res.status === 404) {
        show(null, body.detail || t('up.unavailable', { status: res.status }), 'error');
        return;
      }
      if (!res.ok) {
        // a problem document: 401 token, 413 size, 415 format, 400 bad request
        show('failed', `${res.status}: ${body.detail || body.title || res.statusText}`, 'error');
        if (body.errors) renderReport({ errors: body.errors });
        return;
      }
      const id = body.id || body.jobId;
      jobId = id;
      let job = body;
      while (!FINAL.has(job.status)) {
        // poll the job until it ends; the server is local, so a short interval is cheap
        await new Promise((r) => { setTimeout(r, 400); });
        const jr = await fetch(`${api}/jobs/${encodeURIComponent(id)}`, { headers: authHeaders() });
        job = await jr.json();
        if (!jr.ok) { show('failed', job.detail || String(jr.status), 'error'); return; }
        $('#up-progress').value = percent(job);
        show(job.status, '');
      }
      $('#up-progress').value = 100;
      const report = job.report || job;
      renderReport(report);
      debug.lastJob = job;
      if (job.status === 'rejected') {
        show('rejected', t('up.rejectedMsg'), 'error');
      } else if (job.status === 'failed') {
        show('failed', job.error || job.detail || '', 'error');
      } else if (dryRun) {
        checked = chosen;
        show('succeeded', t('up.passed'), 'ok');
      } else {
        show('succeeded', `${t('up.imported')} ${report.coverageNote || ''}`, 'ok');
      }
      // the diff is extra: if it cannot be drawn, the job's own result above still stands
      if (job.status === 'succeeded') await diff.show(id, dryRun).catch((e) => debug.errors.push(`diff: ${e}`));
    } catch (e) {
      show('failed', String(e), 'error');
    } finally {
      debug.busy--;
      dry.disabled = false;
      imp.disabled = !(checked && checked.file === file.files[0] && checked.layer === layer.value
        && checked.profile === profile.value && checked.partial === partial.checked);
    }
  }

  dry.addEventListener('click', () => run(true));
  imp.addEventListener('click', () => run(false));
}
