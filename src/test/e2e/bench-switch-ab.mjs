// Not a test: region switches between views already shown, on two services side by side (A and B, e.g. two builds),
// in alternation, so that both are measured in the same minutes of a shared machine (see scripts/bench-switch-ab.sh):
//   node src/test/e2e/bench-switch-ab.mjs http://127.0.0.1:PORT_A http://127.0.0.1:PORT_B [ROUNDS]
// Each round, for A then B, in a fresh browser profile: the first load, three regions opened once, then 5 rounds of
// national → UZ-SA → UZ-TO → UZ-FA (20 switches; goal ≤ 500 ms when cached). A timing ends as bench-map.mjs's do.
// Prints a markdown table for docs/benchmarks.md.
// THROTTLE_KBPS=10000 THROTTLE_LATENCY_MS=40 emulates a slower link in the browser (DevTools' network throttling,
// which counts the bytes on the wire: compressed answers take less time), both ways; without them, loopback.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settle } from './settled-browser.mjs';

const [A, B] = process.argv.slice(2, 4).map((u) => u.replace(/\/$/, ''));
const ROUNDS = Number(process.argv[4] || 3);
const KBPS = Number(process.env.THROTTLE_KBPS || 0);
const LATENCY_MS = Number(process.env.THROTTLE_LATENCY_MS || 0);
// The first load is timed once the browser's start-up is done (settled-browser.mjs). SETTLE_A=0 or SETTLE_B=0 times
// it right after Chromium's launch instead, as this script did before, for A or B (one service, both ways)
const SETTLE = { A: process.env.SETTLE_A !== '0', B: process.env.SETTLE_B !== '0' };
if (!A || !B) {
  console.error('usage: node bench-switch-ab.mjs <baseUrlA> <baseUrlB> [rounds]');
  process.exit(2);
}

async function run(base, name) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-bench-ab-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const pg = ctx.pages()[0] || await ctx.newPage();
  if (KBPS > 0) {
    const cdp = await ctx.newCDPSession(pg);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: LATENCY_MS,
      downloadThroughput: KBPS * 1000 / 8, uploadThroughput: KBPS * 1000 / 8 });
  }
  const idle = () => pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });
  const region = async (code) => {
    const t0 = Date.now();
    await pg.selectOption('#region', code);
    await pg.waitForFunction((c) => document.querySelector('#cards').dataset.scope === (c || 'UZ'), code, { timeout: 300000 });
    await idle();
    return Date.now() - t0;
  };
  const state = SETTLE[name] ? await settle(profile) : 'browser not settled';
  const t0 = Date.now();
  await pg.goto(`${base}/?lang=en`);
  await pg.waitForFunction(() => document.querySelector('#cards').dataset.scope === 'UZ', null, { timeout: 300000 });
  await idle();
  const first = Date.now() - t0;
  const regions = ['UZ-SA', 'UZ-TO', 'UZ-FA'];
  for (const r of regions) await region(r);
  const cached = [];
  for (let round = 0; round < 5; round++) for (const r of ['', ...regions]) cached.push(await region(r));
  await ctx.close();
  fs.rmSync(profile, { recursive: true, force: true });
  return { first, cached, state };
}

const p50 = (ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
const rows = [];
for (let i = 1; i <= ROUNDS; i++) {
  for (const [name, base] of [['A', A], ['B', B]]) {
    const r = await run(base, name);
    console.log(`round ${i}, ${name}: first load ${r.first} ms, ${r.state}`);
    rows.push([i, name, r]);
  }
}
if (KBPS > 0) console.log(`\nlink emulated in the browser: ${KBPS} kbit/s each way, ${LATENCY_MS} ms latency`);
console.log('\n| round | service | first load (ms) | switches p50 (ms) | max | ≤ 500 ms |\n|---|---|---|---|---|---|');
for (const [i, name, r] of rows) {
  console.log(`| ${i} | ${name} | ${r.first} | ${p50(r.cached)} | ${Math.max(...r.cached)} | ${r.cached.filter((x) => x <= 500).length} of 20 |`);
}
for (const name of ['A', 'B']) {
  const all = rows.filter((r) => r[1] === name).flatMap((r) => r[2].cached);
  console.log(`${name}: all ${all.length} switches p50 ${p50(all)} ms, ${all.filter((x) => x <= 500).length} ≤ 500 ms`);
}
