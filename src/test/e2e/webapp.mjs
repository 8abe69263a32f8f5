// End-to-end test of the Qamrov web app in Debian's headless Chromium, driven by playwright-core (no browser download).
//
//   node src/test/e2e/webapp.mjs <baseUrl> <screenshotDir>
//
// Environment:
//   QAMROV_E2E_ADMIN_TOKEN   admin token of the server (qamrov.access.admin-token): the upload check creates an
//                            operator user with it
//   CHROMIUM                 browser executable (default /usr/bin/chromium)
//
// Prints one line per check (PASS / FAIL) and exits 1 if any check failed or the server answered any request with a
// 4xx/5xx the page did not expect (ALLOWED_ERRORS). Only condition waits, no sleeps; no stubbed answers.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [baseArg, shotArg] = process.argv.slice(2);
if (!baseArg) {
  console.error('usage: node webapp.mjs <baseUrl> [screenshotDir]');
  process.exit(2);
}
const BASE = baseArg.replace(/\/$/, '');
const SHOTS = shotArg || 'target/e2e-screenshots';
const ADMIN_TOKEN = process.env.QAMROV_E2E_ADMIN_TOKEN || '';
fs.mkdirSync(SHOTS, { recursive: true });

const results = [];
const requests = [];
const pageErrors = [];

function record(status, name, detail = '') {
  results.push({ status, name, detail });
  console.log(`${status} ${name}${detail ? ` — ${detail}` : ''}`);
}

async function check(name, fn) {
  try {
    const before = unexpected.length;
    const detail = await fn();
    assert(unexpected.length === before, `unexpected HTTP errors: ${unexpected.slice(before, before + 5).join(' | ')}`);
    record('PASS', name, detail || '');
  } catch (e) {
    await pg.screenshot({ path: path.join(SHOTS, `failed-${results.length + 1}.png`) }).catch(() => {});
    record('FAIL', name, String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e));
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ------------------------------------------------------------------ unexpected HTTP errors

// Every 4xx/5xx answer of this server fails the run unless it is listed here with the reason the page expects it.
// There are no substitute answers: the page talks to the real server only.
const ALLOWED_ERRORS = [
  // none yet: add { method, path: /regex/, status, why } only for an error the page is meant to survive
];
const unexpected = [];
function allowed(method, url, status) {
  const p = new URL(url).pathname;
  return ALLOWED_ERRORS.some((a) => a.method === method && a.path.test(p) && a.status === status);
}

// ------------------------------------------------------------------ the browser

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1600, height: 1000 },
  acceptDownloads: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const pageObj = context.pages()[0] || await context.newPage();
const pg = pageObj;
pg.setDefaultTimeout(30000);
pg.on('request', (r) => requests.push(r.url()));
pg.on('pageerror', (e) => pageErrors.push(String(e)));
// an HTTP error answer is reported by the checks that need the data; here only script errors and broken requests
pg.on('console', (m) => {
  if (m.type() === 'error' && !m.text().startsWith('Failed to load resource: the server responded')) pageErrors.push(`console: ${m.text()}`);
});
pg.on('requestfailed', (r) => pageErrors.push(`request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));

pg.on('response', (r) => {
  const u = new URL(r.url());
  if (r.status() >= 400 && u.origin === new URL(BASE).origin && !allowed(r.request().method(), r.url(), r.status())) {
    unexpected.push(`${r.request().method()} ${u.pathname}${u.search} → ${r.status()}`);
  }
});

const idle = () => pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });
const bounds = () => pg.evaluate(() => window.qamrov.map.getBounds().toBBoxString());
const shot = (name) => pg.screenshot({ path: path.join(SHOTS, `${name}.png`) });

// the first coverage answer waits for the model build (tens of seconds on the national data): warm it up once so
// that the page's own requests measure the page, not the build
for (const warm of ['/api/v1/targets', '/api/v1/indicators?region=UZ-SA']) {
  const res = await context.request.get(`${BASE}${warm}`, { timeout: 600000 }).catch((e) => ({ status: () => String(e) }));
  console.log(`warm-up ${warm}: ${res.status()}`);
}

await check('page loads at / with the map, banner and no script errors', async () => {
  await pg.goto(`${BASE}/?lang=en`);
  await idle();
  assert(await pg.locator('#map.leaflet-container').isVisible(), 'map container not initialised');
  const banner = await pg.locator('#demo-banner').innerText();
  assert(/synthetic sites and fiber/i.test(banner), `demo banner says: ${banner}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  await shot('01-map-national');
});

await check('map renders layers from the API (regions, roads, settlements)', async () => {
  const counts = await pg.evaluate(() => window.qamrov.layerCounts);
  assert(counts.regions >= 14, `regions on the map: ${counts.regions}`);
  assert(counts.highways > 0, `highways on the map: ${counts.highways}`);
  assert(counts.railways > 0, `railways on the map: ${counts.railways}`);
  // national zoom: base stations as one cluster per region, labelled with the region's count
  await pg.waitForFunction(() => document.querySelectorAll('.cluster-region').length >= 14);
  const paths = await pg.locator('.leaflet-map-pane svg path').count();
  assert(paths >= counts.regions + counts.highways, `SVG paths drawn: ${paths}`);
  return `regions ${counts.regions}, highways ${counts.highways}, railways ${counts.railways}, settlements ${counts.settlements}, uncovered stretches ${counts.stretches}, svg paths ${paths}`;
});

await check('national dashboard shows one card per roadmap target', async () => {
  const cards = await pg.locator('#cards .card').count();
  assert(cards >= 5, `cards: ${cards}`);
  const withBar = await pg.locator('#cards .card .bar').count();
  const withSpark = await pg.locator('#cards .card svg.spark').count();
  assert(withBar === cards, 'every card has a progress bar');
  assert(withSpark > 0, 'trend charts drawn');
  const status = await pg.locator('#cards .card .status').allInnerTexts();
  assert(status.every((s) => ['met', 'on track', 'behind', ''].includes(s.trim().toLowerCase())), `statuses: ${status}`);
  return `${cards} cards`;
});

await check('the as-of slider goes back to end-2019, when the network still had many gaps', async () => {
  // today the demo network reaches almost every settlement; end-2019 shows the gap lists at work
  await pg.evaluate(() => window.qamrov.setAsOf('2019-12-31'));
  await idle();
  await pg.waitForFunction(() => document.querySelector('#cards').dataset.asOf === '2019-12-31');
  const label = await pg.locator('#asof-label').innerText();
  assert(label.includes('2019-12-31'), `as-of label: ${label}`);
  return label;
});

let regionCode = 'UZ-SA';
await check('choosing a region updates the dashboard and the gap table', async () => {
  const before = await pg.locator('#dash-scope').innerText();
  const gapRequest = pg.waitForRequest((r) => r.url().includes('/api/v1/gaps/settlements') && r.url().includes(`region=${regionCode}`));
  const targetRequest = pg.waitForRequest((r) => r.url().includes('/api/v1/targets') && r.url().includes(`region=${regionCode}`));
  await pg.selectOption('#region', regionCode);
  await Promise.all([gapRequest, targetRequest]);
  await idle();
  await pg.waitForFunction((c) => document.querySelector('#cards').dataset.scope === c, regionCode);
  const after = await pg.locator('#dash-scope').innerText();
  assert(after !== before && /Samarkand/i.test(after), `dashboard scope: ${before} → ${after}`);
  const rows = await pg.locator('#gap-table tbody tr').count();
  assert(rows > 0, 'no uncovered settlements listed for the region');
  const regions = await pg.locator('#gap-table tbody tr td:nth-child(2)').allInnerTexts();
  assert(regions.every((r) => /Samarkand/i.test(r)), `rows outside the region: ${[...new Set(regions)]}`);
  const count = await pg.locator('#gap-count').innerText();
  await shot('02-region-dashboard-gaps');
  return `${rows} rows, ${count}`;
});

await check('clicking a gap-table row zooms the map to it', async () => {
  const before = await bounds();
  const zoomBefore = await pg.evaluate(() => window.qamrov.map.getZoom());
  await pg.locator('#gap-table tbody tr').first().click();
  await pg.waitForFunction((b) => window.qamrov.map.getBounds().toBBoxString() !== b && window.qamrov.map.getZoom() >= 12, before);
  await pg.waitForFunction(() => !window.qamrov.map._animatingZoom && window.qamrov.busy === 0);
  const zoomAfter = await pg.evaluate(() => window.qamrov.map.getZoom());
  assert(zoomAfter > zoomBefore, `zoom ${zoomBefore} → ${zoomAfter}`);
  const selected = await pg.evaluate(() => window.qamrov.selected && window.qamrov.selected.region);
  assert(selected === regionCode, `selected feature's region: ${selected}`);
  await shot('03-settlement-zoom');
  return `zoom ${zoomBefore} → ${zoomAfter}`;
});

await check('uncovered stretches of M39: highway tab, road filter, row click zooms', async () => {
  await pg.selectOption('#region', '');
  await idle();
  await pg.selectOption('#service', 'high_speed_mobile');
  await idle();
  await pg.locator('#gaps .tabs button[data-kind=highways]').click();
  await idle();
  await pg.waitForFunction(() => document.querySelectorAll('#ref option').length > 1);
  await pg.selectOption('#ref', 'M39');
  await idle();
  const refs = await pg.locator('#gap-table tbody tr td:nth-child(1)').allInnerTexts();
  assert(refs.length > 0, 'no uncovered stretch of M39 listed');
  assert(refs.every((r) => r.trim() === 'M39'), `rows of other roads: ${[...new Set(refs)]}`);
  const csv = await pg.locator('#export-csv').getAttribute('href');
  assert(csv.includes('ref=M39') && csv.includes('f=csv'), `CSV export link: ${csv}`);
  const before = await bounds();
  await pg.locator('#gap-table tbody tr').first().click();
  await pg.waitForFunction((b) => window.qamrov.map.getBounds().toBBoxString() !== b, before);
  await pg.waitForFunction(() => !window.qamrov.map._animatingZoom && window.qamrov.busy === 0);
  await shot('04-m39-stretches');
  return `${refs.length} stretches`;
});

await check('exports: GeoJSON, CSV and GeoPackage links carry the filters; CSV and GeoJSON download', async () => {
  const links = {};
  for (const f of ['geojson', 'csv', 'gpkg']) {
    links[f] = await pg.locator(`#export-${f}`).getAttribute('href');
  }
  for (const f of ['geojson', 'csv']) {
    assert(links[f].includes(`f=${f}`) && links[f].includes('ref=M39'), `${f} link: ${links[f]}`);
  }
  // the GeoPackage holds every gap layer of the chosen service and date in one file
  assert(links.gpkg.includes('api/v1/exports/gaps.gpkg') && links.gpkg.includes('asOf=2019-12-31')
      && links.gpkg.includes('service=high_speed_mobile'), `gpkg link: ${links.gpkg}`);
  const out = [];
  for (const f of ['csv', 'geojson']) {
    const res = await pg.request.get(new URL(links[f], `${BASE}/`).toString());
    assert(res.ok(), `${f} export answered ${res.status()}`);
    const body = await res.text();
    assert(f === 'csv' ? body.split('\n')[0].includes('from_km') : JSON.parse(body).type === 'FeatureCollection', `${f} body`);
    out.push(`${f} ${body.length} bytes`);
  }
  const gpkg = await pg.request.get(new URL(links.gpkg, `${BASE}/`).toString());
  assert(gpkg.ok(), `gpkg export answered ${gpkg.status()}`);
  const head = Buffer.from(await gpkg.body()).subarray(0, 16).toString('latin1');
  assert(head.startsWith('SQLite format 3'), `gpkg is not a SQLite file: ${head}`);
  out.push(`gpkg ${gpkg.status()}`);
  return out.join(', ');
});

await check('language switch changes the labels (en → ru → uz)', async () => {
  await pg.locator('#gaps .tabs button[data-kind=settlements]').click();
  await idle();
  assert((await pg.locator('#dash-title').innerText()).startsWith('Roadmap targets'), 'English title');
  await pg.selectOption('#lang', 'ru');
  await pg.waitForFunction(() => document.documentElement.lang === 'ru');
  await idle();
  const ru = await pg.locator('#dash-title').innerText();
  assert(ru.startsWith('Целевые показатели'), `Russian dashboard title: ${ru}`);
  assert((await pg.locator('#demo-banner').innerText()).includes('синтетические'), 'Russian banner');
  const regionOption = await pg.locator('#region option[value="UZ-SA"]').innerText();
  assert(/Самарканд/.test(regionOption), `region name in Russian: ${regionOption}`);
  await shot('05-russian');
  await pg.selectOption('#lang', 'uz');
  await pg.waitForFunction(() => document.documentElement.lang === 'uz-Latn');
  await idle();
  const uz = await pg.locator('#nav-upload').innerText();
  assert(uz === 'Maʼlumot yuklash', `Uzbek nav: ${uz}`);
  await pg.selectOption('#lang', 'en');
  await pg.waitForFunction(() => document.documentElement.lang === 'en');
  await idle();
  return `ru "${ru}", uz "${uz}"`;
});

async function operatorToken() {
  assert(ADMIN_TOKEN, 'QAMROV_E2E_ADMIN_TOKEN is not set');
  const res = await pg.request.post(`${BASE}/api/v1/users`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { name: `e2e-operator-${Date.now()}`, role: 'operator', operatorCode: 'beeline' },
  });
  assert(res.status() === 201, `creating an operator user answered ${res.status()}: ${await res.text()}`);
  return (await res.json()).token;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-upload-'));
const header = 'site_id,cell_id,operator,lon,lat,technology,band_mhz,azimuth_deg,beamwidth_deg,antenna_height_m,tower_height_m,status,commissioned_on';
const badFile = path.join(tmp, 'bad-sites.csv');
fs.writeFileSync(badFile, `${header}\nE2E-BAD-1,A,beeline,66.95,95.1,4G,1800,0,65,30,35,active,2024-01-15\nE2E-BAD-2,A,beeline,66.96,39.66,9G,1800,400,65,30,35,active,2024-01-15\n`);
const goodFile = path.join(tmp, 'good-sites.csv');
fs.writeFileSync(goodFile, `${header}\nE2E-GOOD-1,A,beeline,66.2,39.2,4G,1800,0,65,30,35,active,2024-01-15\nE2E-GOOD-1,B,beeline,66.2,39.2,4G,1800,180,65,30,35,active,2024-01-15\n`);

await check('upload: a bad file shows the row errors; a good file shows progress and then the indicator changes', async () => {
  const token = await operatorToken();
  await pg.locator('#nav-upload').click();
  await pg.waitForFunction(() => !document.querySelector('#view-upload').hidden);
  await pg.fill('#up-token', token);
  await pg.selectOption('#up-layer', 'base-stations');
  await pg.setInputFiles('#up-file', badFile);
  await pg.locator('#up-dry').click();
  await pg.waitForFunction(() => ['rejected', 'failed'].includes(document.querySelector('#up-status').dataset.status));
  const status = await pg.locator('#up-status').getAttribute('data-status');
  const message = await pg.locator('#up-message').innerText();
  assert(status === 'rejected', `bad file ended ${status}: ${message}`);
  const errors = await pg.locator('#up-errors tbody tr').count();
  assert(errors >= 2, `row errors shown: ${errors}`);
  const errorText = await pg.locator('#up-errors tbody').innerText();
  assert(/lat/i.test(errorText) && /technology/i.test(errorText), `errors name the fields: ${errorText}`);
  assert(await pg.locator('#up-import').isDisabled(), 'import stays disabled after a rejected dry run');
  await shot('06-upload-rejected');

  await pg.setInputFiles('#up-file', goodFile);
  await pg.locator('#up-dry').click();
  await pg.waitForFunction(() => document.querySelector('#up-status').dataset.status === 'succeeded'
    || document.querySelector('#up-status').dataset.status === 'failed' || document.querySelector('#up-status').dataset.status === 'rejected');
  assert(await pg.locator('#up-status').getAttribute('data-status') === 'succeeded', `good dry run: ${await pg.locator('#up-message').innerText()}`);
  await pg.waitForFunction(() => !document.querySelector('#up-import').disabled);
  const progressSeen = pg.waitForFunction(() => document.querySelector('#up-status').dataset.status === 'running'
    || Number(document.querySelector('#up-progress').value) > 0, null, { polling: 'raf' });
  await pg.locator('#up-import').click();
  await progressSeen;
  await pg.waitForFunction(() => ['succeeded', 'failed', 'rejected'].includes(document.querySelector('#up-status').dataset.status)
    && !document.querySelector('#up-changes-block').hidden || document.querySelector('#up-status').dataset.status === 'failed', null, { timeout: 180000 });
  assert(await pg.locator('#up-status').getAttribute('data-status') === 'succeeded', `import: ${await pg.locator('#up-message').innerText()}`);
  const changes = await pg.locator('#up-changes tbody tr').count();
  assert(changes >= 1, 'indicator changes table is empty');
  assert(Number(await pg.locator('#up-progress').getAttribute('value')) === 100 || await pg.evaluate(() => document.querySelector('#up-progress').value === 100), 'progress ends at 100');
  await shot('07-upload-imported');
  return `${errors} row errors; ${changes} indicator change rows`;
});

await check('no request left the local server', async () => {
  const foreign = requests.filter((u) => {
    const { protocol, hostname } = new URL(u);
    return !(protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost');
  });
  assert(requests.length > 0, 'no request recorded');
  assert(foreign.length === 0, `requests to other hosts: ${foreign.slice(0, 5).join(', ')}`);
  return `${requests.length} requests, all local`;
});

await check('no script errors during the run', async () => {
  assert(pageErrors.length === 0, pageErrors.slice(0, 5).join(' | '));
});

await check('no HTTP error the page did not expect, over the whole run', async () => {
  if (unexpected.length) throw new Error(`${unexpected.length} unexpected: ${unexpected.slice(0, 8).join(' | ')}`);
  return `allow-list: ${ALLOWED_ERRORS.length} entries`;
});

await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
fs.rmSync(tmp, { recursive: true, force: true });

const failed = results.filter((r) => r.status === 'FAIL').length;
console.log(`SUMMARY ${results.length - failed}/${results.length} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
