// Not a test: prints what the page requests on its first load and on a region switch, with each request's timing
// (for work on #15's first load, month and region switch goals).
//   node src/test/e2e/probe-timings.mjs http://127.0.0.1:8080 [month-end ...]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settle } from './settled-browser.mjs';

const BASE = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const MONTHS = process.argv.slice(3);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-probe-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu'],
});
const pg = ctx.pages()[0] || await ctx.newPage();
const idle = () => pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });
async function phase(name, action) {
  await pg.evaluate(() => performance.clearResourceTimings()).catch(() => {});
  const t0 = Date.now();
  await action();
  await idle();
  const ms = Date.now() - t0;
  const entries = await pg.evaluate(() => performance.getEntriesByType('resource').map((e) => ({
    url: e.name, start: Math.round(e.startTime), dur: Math.round(e.duration), wait: Math.round(e.responseStart - e.requestStart),
    size: e.transferSize })));
  console.log(`== ${name}: ${ms} ms`);
  const base = entries.length ? Math.min(...entries.map((e) => e.start)) : 0;
  for (const e of entries.sort((a, b) => a.start - b.start)) {
    console.log(`  +${String(e.start - base).padStart(5)} ${String(e.dur).padStart(5)} ms (server ${String(e.wait).padStart(5)}) ${String(e.size).padStart(8)} B  ${e.url.replace(BASE, '')}`);
  }
}
console.log(await settle(profile));
await phase('first load', () => pg.goto(`${BASE}/?lang=en`));
// month-ends after the URL (e.g. 2021-03-31): each set on the slider, timed until the gap table shows that date
for (const iso of MONTHS) {
  await phase(`month ${iso}`, async () => {
    await pg.evaluate((d) => window.qamrov.setAsOf(d), iso);
    await pg.waitForFunction((d) => document.querySelector('#gap-table').dataset.asOf === d, iso, { timeout: 300000 });
  });
}
await phase('region UZ-SA', () => pg.selectOption('#region', 'UZ-SA'));
await phase('national again', () => pg.selectOption('#region', ''));
await phase('UZ-SA again', () => pg.selectOption('#region', 'UZ-SA'));
await phase('reload (cached)', () => pg.reload());
await ctx.close();
fs.rmSync(profile, { recursive: true, force: true });
