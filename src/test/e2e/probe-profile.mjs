// Not a test: the first load's main-thread CPU profile in headless Chromium (for work on #15's first load): the time
// to the cards and to every layer drawn, the 30 functions with the most self time (Chromium's sampling profiler,
// 0.2 ms), and the 12 requests that ended last.
//   node src/test/e2e/probe-profile.mjs http://127.0.0.1:8080
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const BASE = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'qamrov-probe-profile-')), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, viewport: { width: 1600, height: 1000 }, args: ['--no-sandbox', '--disable-gpu'] });
const pg = ctx.pages()[0] || await ctx.newPage();
const cdp = await ctx.newCDPSession(pg);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await pg.goto('about:blank');
// Chromium's own start-up work is done before the profile starts
await new Promise((r) => setTimeout(r, 3000));
await cdp.send('Profiler.start');
const t0 = Date.now();
await pg.goto(`${BASE}/?lang=en`);
await pg.waitForFunction(() => document.querySelector('#cards').dataset.scope === 'UZ', null, { timeout: 60000 });
const tCards = Date.now() - t0;
await pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 60000 });
const tReady = Date.now() - t0;
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const f = n.callFrame;
  const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
console.log(`cards ${tCards} ms, ready ${tReady} ms`);
for (const [k, v] of top) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
const res = await pg.evaluate(() => performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.encodedBodySize]));
for (const r of res.sort((a, b) => (process.env.BY_START ? a[1] - b[1] : b[2] - a[2])).slice(0, process.env.BY_START ? 60 : 12)) console.log(JSON.stringify(r));
await ctx.close();
