// Browser test of the planning page in Debian's headless Chromium (playwright-core, no browser download).
//
//   node src/test/e2e/planning.mjs <baseUrl> <screenshotDir>
//
// Environment: QAMROV_E2E_ADMIN_TOKEN (a token that may run plans), CHROMIUM (default /usr/bin/chromium).
// Expects the three-village Samarqand fixture of PlanningPageBrowserIT: the cheapest plan for every village is a 4G
// upgrade (25,000 USD) then a new site (145,000 USD). Prints PASS/FAIL per check, then SUMMARY; exit 1 on a failure.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [baseArg, shotArg] = process.argv.slice(2);
const BASE = (baseArg || '').replace(/\/$/, '');
const SHOTS = shotArg || 'target/e2e-screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const results = [];
const requests = [];
const pageErrors = [];

const context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-pl-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const pg = context.pages()[0] || await context.newPage();
pg.setDefaultTimeout(60000);
pg.on('request', (r) => requests.push(r.url()));
pg.on('pageerror', (e) => pageErrors.push(String(e)));

async function check(name, fn) {
  try {
    const detail = await fn();
    results.push('PASS');
    console.log(`PASS ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (e) {
    results.push('FAIL');
    await pg.screenshot({ path: path.join(SHOTS, `planning-failed-${results.length}.png`) }).catch(() => {});
    console.log(`FAIL ${name} — ${String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e)}`);
  }
}
const assert = (c, m) => { if (!c) throw new Error(m); };
const cells = (sel) => pg.$$eval(sel, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
// the plan the page shows, as the API gives it (its id is in the GeoJSON link)
const planOnPage = async () => {
  const id = await pg.evaluate(() => document.querySelector('#pl-geojson').getAttribute('href').split('/')[4]);
  return pg.evaluate(async (pid) => (await fetch(`/api/v1/plans/${pid}`,
    { headers: { Authorization: `Bearer ${document.querySelector('#pl-token').value.trim()}` } })).json(), id);
};

await check('the map page links to the planning page', async () => {
  await pg.goto(`${BASE}/`);
  const href = await pg.getAttribute('#nav-planning', 'href');
  assert(href === 'planning/index.html', `link ${href}`);
});

await check('a target plan runs, shows progress, proposals and the cost curve', async () => {
  await pg.goto(`${BASE}/planning/index.html`);
  await pg.fill('#pl-token', process.env.QAMROV_E2E_ADMIN_TOKEN || '');
  await pg.dispatchEvent('#pl-token', 'change');
  // every text the progress line shows, as it changes
  await pg.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push(document.querySelector('#pl-progress').textContent))
      .observe(document.querySelector('#pl-progress'), { childList: true, characterData: true, subtree: true });
  });
  await pg.click('#pl-run');
  await pg.waitForSelector('#pl-result:not([hidden])');
  await pg.waitForFunction(() => document.querySelector('#pl-progress').textContent.startsWith('done'));
  // while it ran the page said what it was doing: the API's phase and percent (below 100) before "done"
  const seen = await pg.evaluate(() => window.progressSeen);
  const running = seen.filter((t) => /\((\d+)%\)$/.test(t) && Number(t.match(/\((\d+)%\)$/)[1]) < 100);
  assert(running.length > 0 && seen.indexOf(running[0]) < seen.findIndex((t) => t.startsWith('done')),
    `progress shown: ${JSON.stringify(seen)}`);
  const rows = await cells('#pl-proposals tbody tr');
  assert(rows.length === 2, `proposals ${JSON.stringify(rows)}`);
  assert(rows[0][1] === 'upgrade_to_4g' && rows[0][3] === '25,000', `first ${rows[0]}`);
  assert(rows[1][1] === 'new_site' && rows[1][4] === '170,000', `second ${rows[1]}`);
  // each proposal's marginal gain: the upgrade gives B (2,000 people), the new site C (800 people)
  assert(rows[0][6].includes('+1 settlements') && rows[0][6].includes('+2,000 people'), `first gains ${rows[0][6]}`);
  assert(rows[1][6].includes('+1 settlements') && rows[1][6].includes('+800 people'), `second gains ${rows[1][6]}`);
  assert((await pg.textContent('#pl-total')).includes('170,000'), 'total');
  assert((await pg.getAttribute('#pl-curve polyline', 'data-points')) === '2', 'curve points');
  const goals = await cells('#pl-goals tbody tr');
  const mi = goals.find((g) => g[0] === 'settlements.mobile_internet');
  assert(mi && mi[1] === '33.3' && mi[2] === '100', `goal row ${mi}`);
  // the proposals on the map, where the API puts them, with a legend counting each type
  await pg.waitForFunction(() => window.qamrovPlanning && window.qamrovPlanning.drawn.length === 2);
  const plan = await planOnPage();
  const drawn = await pg.evaluate(() => window.qamrovPlanning.drawn);
  for (const p of plan.result.proposals) {
    const d = drawn.find((x) => x.rank === p.rank);
    assert(d && !d.line && d.type === p.type && Math.abs(d.lat - p.lat) < 1e-6 && Math.abs(d.lon - p.lon) < 1e-6,
      `proposal ${p.rank} ${p.type} at ${p.lat},${p.lon}; drawn ${JSON.stringify(d)}`);
  }
  const legend = await pg.textContent('#pl-map-legend');
  assert(legend.includes('upgrade_to_4g: 1') && legend.includes('new_site: 1'), `legend ${legend}`);
  await pg.screenshot({ path: path.join(SHOTS, 'planning-plan.png'), fullPage: true });
  return `${rows.length} proposals, drawn where the API puts them; progress shown: ${running.join(' → ')}`;
});

await check('an invalid budget names the field', async () => {
  await pg.check('input[name=pl-mode][value=budget]');
  await pg.fill('#pl-budget', '-5');
  await pg.click('#pl-run');
  await pg.waitForSelector('#pl-progress.error');
  const text = await pg.textContent('#pl-progress');
  assert(text.startsWith('budgetUsd'), text);
  await pg.check('input[name=pl-mode][value=targets]');
});

await check('a budget plan spends what fits; a plan for two targets names the one it cannot reach', async () => {
  // 30,000 USD: the 4G upgrade (25,000) fits, the new site (145,000) and any fiber do not
  await pg.check('input[name=pl-mode][value=budget]');
  await pg.fill('#pl-budget', '30000');
  await pg.click('#pl-run');
  await pg.waitForFunction(() => document.querySelector('#pl-progress').textContent.startsWith('done'));
  const budget = await cells('#pl-proposals tbody tr');
  assert(budget.length === 1 && budget[0][1] === 'upgrade_to_4g' && budget[0][3] === '25,000', `budget plan ${JSON.stringify(budget)}`);
  // every village with mobile internet and every household with fixed broadband: C is beyond any fiber extension
  await pg.check('input[name=pl-mode][value=targets]');
  await pg.check('#pl-targets input[data-goal="households.fixed_broadband"]');
  await pg.click('#pl-run');
  await pg.waitForFunction(() => document.querySelector('#pl-progress').textContent.startsWith('done'));
  const types = (await cells('#pl-proposals tbody tr')).map((r) => r[1]);
  const plan = await planOnPage();
  assert(JSON.stringify(types) === JSON.stringify(plan.result.proposals.map((p) => p.type)) && types.includes('new_site')
    && types.length === 3, `two-target plan ${types}`);
  const shortfalls = await pg.locator('#pl-shortfalls li').allInnerTexts();
  assert(shortfalls.length === 1 && shortfalls[0].startsWith('households.fixed_broadband'), `shortfalls ${shortfalls}`);
  assert((await pg.textContent('#pl-total')).includes('targets not all reachable'), await pg.textContent('#pl-total'));
  await pg.uncheck('#pl-targets input[data-goal="households.fixed_broadband"]');
  return `budget: ${budget[0][1]}; two targets: ${types.join(', ')}; ${shortfalls[0]}`;
});

await check('the plan saved as a scenario compares side by side with the baseline', async () => {
  await pg.click('#pl-run');
  await pg.waitForFunction(() => document.querySelector('#pl-progress').textContent.startsWith('done'));
  await pg.fill('#pl-scenario-name', 'every village (browser)');
  await pg.click('#pl-save');
  await pg.waitForSelector('#pl-scenarios li');
  await pg.check('#pl-scenarios li:last-child input[type=checkbox]');
  await pg.click('#pl-compare');
  await pg.waitForSelector('#pl-compare-table tbody tr[data-key="settlements.mobile_internet.pct"]');
  const row = (await cells('#pl-compare-table tbody tr[data-key="settlements.mobile_internet.pct"]'))[0];
  assert(row[1] === '33.33' && row[2] === '100', `compare row ${row}`);
  await pg.screenshot({ path: path.join(SHOTS, 'planning-compare.png'), fullPage: true });
});

await check('a fiber tree plan: its links as the API gives them, households per region, saved as a scenario', async () => {
  await pg.check('input[name=pl-mode][value=fiber-tree]');
  await pg.selectOption('#pl-region', 'UZ-SA');
  await pg.click('#pl-run');
  await pg.waitForFunction(() => /^done: \d+ links/.test(document.querySelector('#pl-progress').textContent));
  const rows = await cells('#pl-proposals tbody tr');
  const plan = await planOnPage();
  const links = plan.result.proposals;
  const drawn = await pg.evaluate(() => window.qamrovPlanning.drawn);
  assert(drawn.length === links.length && drawn.every((d) => d.line), `the links drawn as lines: ${JSON.stringify(drawn)}`);
  // the toy region worked on paper (PlanningApiIT): B from the fiber, then C through B; 53.4 km of route
  assert(rows.length === 2 && links.length === 2, `rows ${JSON.stringify(rows)}`);
  assert(rows[0][2].includes('from fiber') && rows[1][2].includes(`from settlement:${links[0].settlementId}`), `order ${rows.map((r) => r[2])}`);
  rows.forEach((r, i) => assert(r[3] === links[i].costUsd.toLocaleString('en'), `row ${i} cost ${r[3]} vs ${links[i].costUsd}`));
  assert((await pg.textContent('#pl-total')).includes('53.4 km of route'), await pg.textContent('#pl-total'));
  const goal = (await cells('#pl-goals tbody tr')).find((g) => g[0] === 'households.fixed_broadband.pct (UZ)');
  assert(goal && goal[2] === '100', `households row ${goal}`);
  await pg.screenshot({ path: path.join(SHOTS, 'planning-fiber-tree.png'), fullPage: true });
  await pg.fill('#pl-scenario-name', 'fiber tree (browser)');
  await pg.click('#pl-save');
  await pg.waitForFunction(() => [...document.querySelectorAll('#pl-scenarios li')].some((li) => li.textContent.includes('fiber tree (browser)')));
  const item = await pg.$$eval('#pl-scenarios li', (lis) => lis.map((li) => li.textContent).find((t) => t.includes('fiber tree (browser)')));
  assert(item.includes('4 items') && item.includes(`${plan.result.totalCostUsd.toLocaleString('en')} USD`), item);
  await pg.check('input[name=pl-mode][value=targets]');
  await pg.selectOption('#pl-region', '');
  return `${rows.length} links, ${item.trim()}`;
});

await check('two scenarios side by side with the baseline; every export of a scenario downloads', async () => {
  const village = 'every village (browser)';
  const tree = 'fiber tree (browser)';
  for (const name of [village, tree]) {
    await pg.locator('#pl-scenarios li', { hasText: name }).last().locator('input[type=checkbox]').check();
  }
  await pg.click('#pl-compare');
  await pg.waitForFunction(() => document.querySelectorAll('#pl-compare-table thead th').length === 4);
  const head = (await cells('#pl-compare-table thead tr'))[0];
  const vi = head.indexOf(village);
  const ti = head.indexOf(tree);
  assert(head[1] === 'baseline' && vi > 1 && ti > 1, `columns ${head}`);
  const row = async (key) => (await cells(`#pl-compare-table tbody tr[data-key="${key}"]`))[0];
  // the village plan closes the mobile gaps and leaves fixed broadband; the fiber tree does the opposite
  const mobile = await row('settlements.mobile_internet.pct');
  assert(mobile[vi] === '100' && mobile[ti] === mobile[1], `mobile internet ${mobile}`);
  const fixed = await row('households.fixed_broadband.pct');
  assert(fixed[ti] === '100' && fixed[vi] === fixed[1] && fixed[1] !== '100', `fixed broadband ${fixed}`);
  await pg.screenshot({ path: path.join(SHOTS, 'planning-compare-two.png'), fullPage: true });
  // the village scenario's four downloads, through the links the page shows
  const item = pg.locator('#pl-scenarios li', { hasText: village }).last();
  const items = Number((await item.textContent()).match(/(\d+) items/)[1]);
  const got = {};
  const download = async (li, name) => {
    const href = await li.locator('a', { hasText: name }).getAttribute('href');
    const res = await pg.evaluate(async (h) => {
      const r = await fetch(h);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { status: r.status, type: r.headers.get('content-type'), text: new TextDecoder().decode(bytes), head: [...bytes.slice(0, 16)] };
    }, href);
    assert(res.status === 200, `${name}: HTTP ${res.status}`);
    return res;
  };
  for (const name of ['GeoJSON', 'CSV', 'GeoPackage']) got[name] = await download(item, name);
  got['upload file'] = await download(item, 'sites');
  const fc = JSON.parse(got.GeoJSON.text);
  assert(fc.type === 'FeatureCollection' && fc.features.length === items, `GeoJSON: ${fc.features.length} features for ${items} items`);
  const csvRows = got.CSV.text.trim().split('\n').length - 1;
  assert(csvRows === items, `CSV: ${csvRows} rows for ${items} items`);
  assert(String.fromCharCode(...got.GeoPackage.head) === 'SQLite format 3\u0000', `GeoPackage header ${got.GeoPackage.head}`);
  const upload = JSON.parse(got['upload file'].text);
  assert(upload.type === 'FeatureCollection' && upload.features.length > 0, `upload file: ${upload.features.length} features`);
  // the neutral-host new site is built by the operator chosen on the page; every row names a known operator
  const builder = await pg.inputValue('#pl-builder');
  const known = await pg.$$eval('#pl-builder option', (os) => os.map((o) => o.value));
  assert(builder && upload.features.some((f) => f.properties.operator === builder)
    && upload.features.every((f) => known.includes(f.properties.operator) && f.properties.status === 'planned'),
  `upload file operators ${upload.features.map((f) => f.properties.operator)} (builder ${builder})`);
  // the fiber tree's links as a fiber-routes upload file: one access cable per link
  const treeItem = pg.locator('#pl-scenarios li', { hasText: tree }).last();
  const cables = JSON.parse((await download(treeItem, 'fiber routes')).text);
  assert(cables.features.length === 2 && cables.features.every((f) => f.geometry.type === 'LineString'
    && f.properties.route_kind === 'distribution'), `fiber routes file ${JSON.stringify(cables.features.map((f) => f.properties))}`);
  return `${head.length - 2} scenarios next to the baseline; ${items} items in GeoJSON, CSV and GeoPackage; `
    + `${upload.features.length} rows in the sites upload file, ${cables.features.length} in the fiber tree's routes file`;
});

await check('no request left localhost and no script error', async () => {
  const foreign = requests.filter((u) => !u.startsWith(BASE) && !u.startsWith('data:'));
  assert(foreign.length === 0, `foreign ${foreign.slice(0, 3)}`);
  assert(pageErrors.length === 0, `errors ${pageErrors.slice(0, 3)}`);
});

await context.close();
const failed = results.filter((r) => r === 'FAIL').length;
console.log(`SUMMARY ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
