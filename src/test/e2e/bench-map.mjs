// Not a test: the map's timings of issue #15, repeated, in Debian's headless chromium against a running service (see
// scripts/bench-map.sh, which starts one on the shipped data and passes its pid):
//   node src/test/e2e/bench-map.mjs http://127.0.0.1:PORT [SERVICE_PID]
// 1. the first load in a fresh browser profile, right after readiness, once the browser's start-up is done;
// 2. each of three regions opened once (not cached yet), then 5 rounds of national → UZ-SA → UZ-TO → UZ-FA: 20
//    switches between views already shown (goal ≤ 500 ms when cached);
// 3. eight month-ends nobody viewed, while the service precomputes the slider's months after its start; then, once
//    the service's CPU has been quiet for 10 s (the precomputation done), eight other month-ends (goal ≤ 2 s).
// Each timing ends when the page says it is idle and shows the new view (the scope of the cards, the gap table's
// date), as the browser test waits. Prints a markdown table for docs/benchmarks.md.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settle } from './settled-browser.mjs';

const BASE = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const PID = process.argv[3];
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-bench-map-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu'],
});
const pg = ctx.pages()[0] || await ctx.newPage();
const idle = () => pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });

async function timed(action, shown) {
  const t0 = Date.now();
  await action();
  await shown();
  await idle();
  return Date.now() - t0;
}

const region = (code) => timed(() => pg.selectOption('#region', code),
  () => pg.waitForFunction((c) => document.querySelector('#cards').dataset.scope === (c || 'UZ'), code, { timeout: 300000 }));
const month = (iso) => timed(() => pg.evaluate((d) => window.qamrov.setAsOf(d), iso),
  () => pg.waitForFunction((d) => document.querySelector('#gap-table').dataset.asOf === d, iso, { timeout: 300000 }));

/** The service's CPU seconds (user + system) from /proc, or null without a pid. */
function cpuS() {
  if (!PID) return null;
  const f = fs.readFileSync(`/proc/${PID}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

async function quiet() {
  const t0 = Date.now();
  if (!PID) { await new Promise((r) => setTimeout(r, 60000)); return 60; }
  let quietFor = 0;
  while (quietFor < 10 && Date.now() - t0 < 20 * 60000) {
    const a = cpuS();
    await new Promise((r) => setTimeout(r, 2000));
    quietFor = cpuS() - a < 0.2 ? quietFor + 2 : 0; // under 10% of one core
  }
  return (Date.now() - t0) / 1000;
}

function stats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, p50: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}

const rows = [];
console.log(await settle(profile)); // timed in a running browser, not during Chromium's start-up
const first = await timed(() => pg.goto(`${BASE}/?lang=en`), () => pg.waitForFunction(() => document.querySelector('#cards').dataset.scope === 'UZ'));
rows.push(['first load, fresh profile, browser settled', [first], null]);
const regions = ['UZ-SA', 'UZ-TO', 'UZ-FA'];
const firstVisits = [];
for (const r of regions) firstVisits.push(await region(r));
rows.push(['a region opened for the first time', firstVisits, null]);
const cached = [];
for (let round = 0; round < 5; round++) {
  for (const r of ['', ...regions]) cached.push(await region(r));
}
rows.push(['switch to a view already shown (national or region)', cached, 500]);
const early = [];
for (const m of ['2020-02-29', '2020-08-31', '2021-03-31', '2021-09-30', '2022-05-31', '2023-01-31', '2023-10-31', '2024-04-30']) {
  early.push(await month(m));
}
rows.push(['a month nobody viewed, while the slider\'s months are precomputed after the start', early, 2000]);
const waited = await quiet();
const later = [];
for (const m of ['2020-05-31', '2020-11-30', '2021-07-31', '2022-02-28', '2022-10-31', '2023-06-30', '2024-09-30', '2025-03-31']) {
  later.push(await month(m));
}
rows.push([`a month nobody viewed, after the precomputation (service quiet after ${Math.round(waited)} s more)`, later, 2000]);
await ctx.close();
fs.rmSync(profile, { recursive: true, force: true }); // the throwaway profile (8 MB) is not left in /tmp

console.log(`\n| what | n | each (ms) | p50 | p90 | max | within goal |\n|---|---|---|---|---|---|---|`);
for (const [what, ms, goal] of rows) {
  const s = stats(ms);
  const within = goal ? `${ms.filter((x) => x <= goal).length} of ${ms.length} ≤ ${goal} ms` : '';
  console.log(`| ${what} | ${s.n} | ${ms.join(', ')} | ${s.p50} | ${s.p90} | ${s.max} | ${within} |`);
}
