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

await check('the map page links to the planning page', async () => {
  await pg.goto(`${BASE}/`);
  const href = await pg.getAttribute('#nav-planning', 'href');
  assert(href === 'planning/index.html', `link ${href}`);
});

await check('a target plan runs, shows progress, proposals and the cost curve', async () => {
  await pg.goto(`${BASE}/planning/index.html`);
  await pg.fill('#pl-token', process.env.QAMROV_E2E_ADMIN_TOKEN || '');
  await pg.dispatchEvent('#pl-token', 'change');
  await pg.click('#pl-run');
  await pg.waitForSelector('#pl-result:not([hidden])');
  const rows = await cells('#pl-proposals tbody tr');
  assert(rows.length === 2, `proposals ${JSON.stringify(rows)}`);
  assert(rows[0][1] === 'upgrade_to_4g' && rows[0][3] === '25,000', `first ${rows[0]}`);
  assert(rows[1][1] === 'new_site' && rows[1][4] === '170,000', `second ${rows[1]}`);
  assert((await pg.textContent('#pl-total')).includes('170,000'), 'total');
  assert((await pg.getAttribute('#pl-curve polyline', 'data-points')) === '2', 'curve points');
  const goals = await cells('#pl-goals tbody tr');
  const mi = goals.find((g) => g[0] === 'settlements.mobile_internet');
  assert(mi && mi[1] === '33.3' && mi[2] === '100', `goal row ${mi}`);
  await pg.screenshot({ path: path.join(SHOTS, 'planning-plan.png'), fullPage: true });
  return `${rows.length} proposals`;
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
  const id = await pg.evaluate(() => document.querySelector('#pl-geojson').getAttribute('href').split('/')[4]);
  const plan = await pg.evaluate(async (pid) => (await fetch(`/api/v1/plans/${pid}`,
    { headers: { Authorization: `Bearer ${document.querySelector('#pl-token').value.trim()}` } })).json(), id);
  const links = plan.result.proposals;
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

await check('no request left localhost and no script error', async () => {
  const foreign = requests.filter((u) => !u.startsWith(BASE) && !u.startsWith('data:'));
  assert(foreign.length === 0, `foreign ${foreign.slice(0, 3)}`);
  assert(pageErrors.length === 0, `errors ${pageErrors.slice(0, 3)}`);
});

await context.close();
const failed = results.filter((r) => r === 'FAIL').length;
console.log(`SUMMARY ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
