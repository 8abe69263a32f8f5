// The planning page: a plan request (targets or budget, region), its progress, the proposals and the cumulative cost
// curve, saving it as a scenario, and scenarios compared side by side. Everything comes from /api/v1; the token
// (operator or admin) is kept for the session only, as on the upload page.
import { showPlanMap } from './plan-map.js';

const api = '/api/v1';
const $ = (s) => document.querySelector(s);
const token = $('#pl-token');
token.value = sessionStorage.getItem('qamrov.token') || '';
token.addEventListener('change', () => sessionStorage.setItem('qamrov.token', token.value.trim()));
let currentPlan = null;

const fmt = (v, d = 1) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en', { maximumFractionDigits: d }));
const headers = (json) => {
  const h = { Accept: 'application/json' };
  if (token.value.trim()) h.Authorization = `Bearer ${token.value.trim()}`;
  if (json) h['Content-Type'] = 'application/json';
  return h;
};
const say = (text, error) => { const p = $('#pl-progress'); p.textContent = text; p.className = error ? 'error' : ''; };

async function regions() {
  const r = await fetch(`${api}/regions`, { headers: headers() });
  if (!r.ok) return;
  const body = await r.json();
  const list = Array.isArray(body) ? body : (body.items || []);
  for (const reg of list) {
    const o = document.createElement('option');
    o.value = reg.code; o.textContent = (reg.names && reg.names.en) || reg.code;
    $('#pl-region').append(o);
  }
}

function request() {
  const body = {};
  const mode = document.querySelector('input[name=pl-mode]:checked').value;
  if (mode === 'fiber-tree') {
    body.mode = 'fiber-tree';
  } else if (mode === 'budget') {
    body.budgetUsd = Number($('#pl-budget').value);
  } else {
    body.targets = {};
    for (const row of document.querySelectorAll('#pl-targets tbody tr')) {
      const box = row.querySelector('input[type=checkbox]');
      if (box.checked) body.targets[box.dataset.goal] = Number(row.querySelector('input[type=number]').value);
    }
  }
  if ($('#pl-region').value) body.region = $('#pl-region').value;
  return body;
}

async function run() {
  $('#pl-result').hidden = true;
  say('submitting…');
  const r = await fetch(`${api}/plans`, { method: 'POST', headers: headers(true), body: JSON.stringify(request()) });
  const body = await r.json();
  if (r.status !== 202) { say(`${body.field ? body.field + ': ' : ''}${body.detail || r.status}`, true); return; }
  let plan = body;
  while (plan.status === 'queued' || plan.status === 'running') {
    say(`${plan.progress.phase} (${plan.progress.percent}%)`);
    await new Promise((ok) => setTimeout(ok, 300));
    plan = await (await fetch(`${api}/plans/${plan.id}`, { headers: headers() })).json();
  }
  if (plan.status !== 'succeeded') { say(`plan failed: ${plan.error}`, true); return; }
  currentPlan = plan;
  if (plan.result.mode === 'fiber-tree') {
    showTree(plan);
  } else {
    show(plan);
  }
  await showPlanMap(plan.id, headers());
  // "done" last: the browser test waits for it, by then the map is drawn too
  say(plan.result.mode === 'fiber-tree' ? `done: ${plan.result.proposalCount} links, ${fmt(plan.result.totalRouteKm)} km of route`
    : `done: ${plan.result.proposalCount} proposals from ${plan.result.candidateCount} candidates`);
}

// a fiber tree: its links in building order (each link's parent first), the households it passes per region, and
// the engine's projected indicators before and after
function showTree(plan) {
  const res = plan.result;
  $('#pl-result').hidden = false;
  $('#pl-total').textContent = `— ${fmt(res.totalCostUsd, 0)} USD, ${fmt(res.totalRouteKm)} km of route, `
    + `${fmt(res.households, 0)} households (${fmt(res.householdsPerKm)} per km)`
    + (res.unreachable && res.unreachable.settlements ? `; ${res.unreachable.settlements} settlements out of reach` : '');
  const goals = $('#pl-goals tbody'); goals.innerHTML = '';
  for (const g of res.projectedIndicators.filter((r) => r.key === 'households.fixed_broadband.pct')) {
    const tr = goals.insertRow();
    for (const v of [`${g.key} (${g.scope})`, fmt(g.before), fmt(g.after), '—', '—']) tr.insertCell().textContent = v;
  }
  const sf = $('#pl-shortfalls'); sf.innerHTML = '';
  for (const r of res.regions) {
    const li = document.createElement('li');
    li.textContent = `${r.region}: ${r.settlements} settlements, ${fmt(r.households, 0)} households, `
      + `${fmt(r.routeKm)} km, ${r.cabinets} cabinets, ${fmt(r.costUsd, 0)} USD`;
    sf.append(li);
  }
  const tb = $('#pl-proposals tbody'); tb.innerHTML = '';
  let cumulative = 0;
  const points = [];
  let households = 0;
  for (const p of res.proposals) {
    cumulative += p.costUsd;
    households += p.households;
    points.push({ cumulativeCostUsd: cumulative, households });
    const tr = tb.insertRow();
    for (const v of [p.rank, p.type, `settlement ${p.settlementId} from ${p.from} (${fmt(p.lat, 4)}, ${fmt(p.lon, 4)})`,
      fmt(p.costUsd, 0), fmt(cumulative, 0), `fiber, ${fmt(p.routeKm)} km` + (p.roadKm > 0 ? ` (${fmt(p.roadKm)} km along roads)` : '')]) tr.insertCell().textContent = v;
  }
  $('#pl-geojson').href = `${api}/plans/${plan.id}/proposals.geojson`;
  curve(points, 'households');
}

function show(plan) {
  const res = plan.result;
  $('#pl-result').hidden = false;
  $('#pl-total').textContent = `— ${fmt(res.totalCostUsd, 0)} USD${res.targetsMet === false ? ' (targets not all reachable)' : ''}`;
  const goals = $('#pl-goals tbody'); goals.innerHTML = '';
  for (const g of res.goals) {
    const tr = goals.insertRow();
    for (const v of [g.goal, fmt(g.baselinePct), fmt(g.plannedPct), fmt(g.reachablePct), fmt(g.targetPct)]) tr.insertCell().textContent = v;
  }
  const sf = $('#pl-shortfalls'); sf.innerHTML = '';
  for (const s of res.shortfalls) {
    const li = document.createElement('li');
    li.textContent = `${s.goal}: ${fmt(s.open)} open — ${s.reason}${s.uncoverableRefs.length ? ' (e.g. ' + s.uncoverableRefs.slice(0, 5).join(', ') + ')' : ''}`;
    sf.append(li);
  }
  const tb = $('#pl-proposals tbody'); tb.innerHTML = '';
  for (const p of res.proposals) {
    const tr = tb.insertRow();
    for (const v of [p.rank, p.type, `${p.label} (${fmt(p.lat, 4)}, ${fmt(p.lon, 4)})`, fmt(p.costUsd, 0), fmt(p.cumulativeCostUsd, 0), p.backhaul.kind, gainsText(p.gains)]) tr.insertCell().textContent = v;
  }
  $('#pl-geojson').href = `${api}/plans/${plan.id}/proposals.geojson`;
  curve(res.costCurve, res.goals[0] ? res.goals[0].goal : null);
}

// what a proposal adds, goal by goal, in its own units (settlements, people, km, households)
const GAIN_UNITS = { 'settlements.mobile_internet': 'settlements', 'population.mobile_internet': 'people',
  'highways.international_state.4g_km': 'km of highway', 'railways.tashkent_samarkand_bukhara.4g_km': 'km of rail',
  'households.fixed_broadband': 'households' };
function gainsText(gains) {
  return Object.entries(gains || {}).map(([goal, v]) => `+${fmt(v, 1)} ${GAIN_UNITS[goal] || goal}`).join(', ');
}

// the cumulative cost curve: x = cumulative cost, y = cumulative gain of the first goal
function curve(points, goal) {
  const svg = $('#pl-curve'); svg.innerHTML = '';
  if (!points.length || !goal) return;
  const W = 640, H = 220, m = 30;
  const maxX = points[points.length - 1].cumulativeCostUsd || 1;
  const maxY = Math.max(...points.map((p) => p[goal])) || 1;
  const xy = [[m, H - m], ...points.map((p) => [m + (W - 2 * m) * p.cumulativeCostUsd / maxX, H - m - (H - 2 * m) * p[goal] / maxY])];
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute('points', xy.map((q) => q.join(',')).join(' '));
  line.setAttribute('fill', 'none'); line.setAttribute('stroke', '#1565c0'); line.setAttribute('stroke-width', '2');
  line.setAttribute('data-points', String(points.length));
  svg.append(line);
  const label = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  label.setAttribute('x', m); label.setAttribute('y', 16);
  label.textContent = `${goal} gained vs cumulative cost (max ${fmt(maxX, 0)} USD)`;
  svg.append(label);
}

async function save() {
  if (!currentPlan) return;
  const name = $('#pl-scenario-name').value.trim() || `plan ${new Date().toISOString()}`;
  const r = await fetch(`${api}/scenarios`, { method: 'POST', headers: headers(true), body: JSON.stringify({ name, planId: currentPlan.id }) });
  const body = await r.json();
  if (r.status !== 201) { say(`${body.field ? body.field + ': ' : ''}${body.detail}`, true); return; }
  say(`saved as scenario ${body.id}`);
  await scenarios();
}

async function scenarios() {
  const list = await (await fetch(`${api}/scenarios`, { headers: headers() })).json();
  const ul = $('#pl-scenarios'); ul.innerHTML = '';
  for (const s of list) {
    const li = document.createElement('li');
    li.innerHTML = `<label><input type="checkbox" value="${s.id}"> </label>`;
    li.querySelector('label').append(`${s.name} — ${s.items} items, ${fmt(s.costUsd, 0)} USD`);
    const links = document.createElement('span');
    // the scenario's items in three formats, and as a file an operator can upload (our base-station format)
    links.innerHTML = ` <a href="${api}/scenarios/${s.id}/items.geojson">GeoJSON</a> <a href="${api}/scenarios/${s.id}/items.csv">CSV</a>`
      + ` <a href="${api}/scenarios/${s.id}/items.gpkg">GeoPackage</a>`
      + ` upload files: ${UPLOAD_LAYERS.map(([layer, label]) =>
        `<a class="pl-upload-file" data-scenario="${s.id}" data-layer="${layer}" href="#">${label}</a>`).join(' ')}`;
    li.append(links);
    ul.append(li);
  }
  uploadLinks();
}

// a scenario's additions as upload files of our three network layers (GET …/upload.geojson?layer=)
const UPLOAD_LAYERS = [['base-stations', 'sites'], ['fiber-routes', 'fiber routes'], ['fiber-nodes', 'fiber nodes']];

// an upload file names who builds each proposal: a plan's neutral-host sites get the operator chosen here
function uploadLinks() {
  const op = $('#pl-builder').value;
  for (const a of document.querySelectorAll('a.pl-upload-file')) {
    a.href = `${api}/scenarios/${a.dataset.scenario}/upload.geojson?layer=${a.dataset.layer}`
      + `${op ? `&operator=${encodeURIComponent(op)}` : ''}`;
  }
}

async function operators() {
  const r = await fetch(`${api}/operators`, { headers: headers() });
  if (!r.ok) return;
  for (const o of await r.json()) {
    const opt = document.createElement('option');
    opt.value = o.code; opt.textContent = o.name || o.code;
    $('#pl-builder').append(opt);
  }
  uploadLinks();
}

async function compare() {
  const ids = [...document.querySelectorAll('#pl-scenarios input:checked')].map((b) => b.value);
  if (!ids.length) { say('select scenarios to compare', true); return; }
  const region = $('#pl-region').value;
  const r = await fetch(`${api}/scenarios/compare?ids=${ids.join(',')}${region ? '&region=' + region : ''}`, { headers: headers() });
  const body = await r.json();
  if (!r.ok) { say(body.detail, true); return; }
  const table = $('#pl-compare-table');
  table.tHead.innerHTML = `<tr><th>indicator</th><th>baseline</th>${body.scenarios.map((s) => `<th>${s.name}</th>`).join('')}</tr>`;
  const tb = table.tBodies[0]; tb.innerHTML = '';
  for (const row of body.indicators) {
    const tr = tb.insertRow();
    tr.dataset.key = row.key;
    tr.insertCell().textContent = `${row.key} (${row.unit})`;
    tr.insertCell().textContent = fmt(row.baseline, 2);
    for (const id of ids) tr.insertCell().textContent = fmt(row.scenarios[id], 2);
  }
}

// the fiber tree takes no targets or budget: hide the targets while it is chosen
for (const radio of document.querySelectorAll('input[name=pl-mode]')) {
  radio.addEventListener('change', () => { $('#pl-targets').hidden = radio.value === 'fiber-tree' && radio.checked; });
}
$('#pl-run').addEventListener('click', () => run().catch((e) => say(String(e), true)));
$('#pl-save').addEventListener('click', () => save().catch((e) => say(String(e), true)));
$('#pl-compare').addEventListener('click', () => compare().catch((e) => say(String(e), true)));
$('#pl-builder').addEventListener('change', uploadLinks);
regions();
operators();
scenarios();
