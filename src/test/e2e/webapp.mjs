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
import { settle } from './settled-browser.mjs';

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

// Checks known not to hold yet, each with its reason and issue. A listed check that fails is reported as KNOWN (not
// FAIL); one that passes is reported PASS with a reminder to remove it from this list. Keep this list short.
const KNOWN_FAILURES = {
};

// QAMROV_E2E_ONLY=<regex>: run only the checks whose name matches (and the ones they need, e.g. 'page loads|slider'),
// for quicker work on one check; the browser IT runs them all
const ONLY = process.env.QAMROV_E2E_ONLY ? new RegExp(process.env.QAMROV_E2E_ONLY) : null;

async function check(name, fn) {
  if (ONLY && !ONLY.test(name)) return;
  try {
    const before = unexpected.length;
    const detail = await fn();
    assert(unexpected.length === before, `unexpected HTTP errors: ${unexpected.slice(before, before + 5).join(' | ')}`);
    record('PASS', name, `${detail || ''}${KNOWN_FAILURES[name] ? ' (listed in KNOWN_FAILURES: remove it)' : ''}`);
  } catch (e) {
    await pg.screenshot({ path: path.join(SHOTS, `failed-${results.length + 1}.png`) }).catch(() => {});
    const why = String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e);
    if (KNOWN_FAILURES[name]) {
      record('KNOWN', name, `${KNOWN_FAILURES[name]}: ${why}`);
    } else {
      record('FAIL', name, why);
    }
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

const api = async (pathAndQuery) => {
  const res = await context.request.get(`${BASE}${pathAndQuery}`, { timeout: 600000 });
  assert(res.ok(), `${pathAndQuery} answered ${res.status()}`);
  return res;
};
const idle = () => pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });
const bounds = () => pg.evaluate(() => window.qamrov.map.getBounds().toBBoxString());
const shot = (name) => pg.screenshot({ path: path.join(SHOTS, `${name}.png`) });

// the first coverage answer waits for the model build (tens of seconds on the national data), and the first gap list
// for today's run that the build starts (~8 s more): warm both up once so that the page's own requests measure the
// page, not the build
for (const warm of ['/api/v1/targets', '/api/v1/indicators?region=UZ-SA', '/api/v1/gaps/settlements?limit=1']) {
  const res = await context.request.get(`${BASE}${warm}`, { timeout: 600000 }).catch((e) => ({ status: () => String(e) }));
  console.log(`warm-up ${warm}: ${res.status()}`);
}

// the first load is timed in a running browser, as a planner opens the map, not during Chromium's own start-up
// (settled-browser.mjs says why)
const browserState = await settle(userDataDir);

await check('page loads at / with the map, banner and no script errors', async () => {
  const started = Date.now();
  const before = requests.length;
  await pg.goto(`${BASE}/?lang=en`);
  await idle();
  const loadMs = Date.now() - started;
  // WebAppBrowserIT checks that the service warms each of these before it says it is ready (FirstPageWarmup)
  const firstLoad = requests.slice(before).map((u) => new URL(u)).filter((u) => u.origin === new URL(BASE).origin)
    .map((u) => u.pathname).filter((p) => p.startsWith('/api/') || p.startsWith('/ogc/'));
  console.log(`FIRST-LOAD-PATHS ${JSON.stringify([...new Set(firstLoad)])}`);
  // every module the first load fetched was preloaded with the page (one that is not waits for its importer first)
  const scripts = requests.slice(before).map((u) => new URL(u)).filter((u) => u.origin === new URL(BASE).origin)
    .map((u) => u.pathname).filter((p) => p.endsWith('.js') && !p.startsWith('/webjars/') && p !== '/app.js');
  const preloaded = await pg.evaluate(() => [...document.querySelectorAll('link[rel=modulepreload]')].map((l) => new URL(l.href).pathname));
  const late = [...new Set(scripts)].filter((p) => !preloaded.includes(p));
  assert(scripts.length > 0 && late.length === 0, `modules fetched without a modulepreload link: ${late.join(', ')}`);
  assert(await pg.locator('#map.leaflet-container').isVisible(), 'map container not initialised');
  const banner = await pg.locator('#demo-banner').innerText();
  // the banner says what is real and what is synthetic (counts from /api/v1/about)
  assert(/real/i.test(banner) && /synthetic/i.test(banner), `demo banner says: ${banner}`);
  assert(pageErrors.length === 0, `page errors: ${pageErrors.join(' | ')}`);
  await shot('01-map-national');
  return `first load ${loadMs} ms to every layer drawn, ${browserState} (#15's goal ≤ 2 s: timed here, not asserted)`;
});

await check('map renders layers from the API (regions, roads, settlements)', async () => {
  const counts = await pg.evaluate(() => window.qamrov.layerCounts);
  assert(counts.regions >= 14, `regions on the map: ${counts.regions}`);
  assert(counts.highways > 0, `highways on the map: ${counts.highways}`);
  assert(counts.railways > 0, `railways on the map: ${counts.railways}`);
  // every line of both layers, as many as the API has (a page of 1,000 once drew 1,000 of 7,923 OSM railway segments)
  for (const kind of ['highways', 'railways']) {
    const matched = (await (await api(`/api/v1/layers/${kind}?limit=1`)).json()).numberMatched;
    assert(counts[kind] === matched, `${kind}: ${counts[kind]} drawn of ${matched}`);
    // as one polyline with a part per line part (one Leaflet layer per OSM railway segment slowed the first load)
    const drawn = await pg.evaluate((k) => { const l = window.qamrov.layers[k]; const p = l.getLayers();
      return { layers: p.length, parts: p.length ? p[0].getLatLngs().length : 0, of: l.parts.length }; }, kind);
    assert(drawn.layers === 1 && drawn.parts === drawn.of && drawn.parts >= matched, `${kind} drawn as ${JSON.stringify(drawn)}`);
  }
  // national zoom: base stations as one cluster per region, labelled with the region's count
  await pg.waitForFunction(() => document.querySelectorAll('.cluster-region').length >= 14);
  const paths = await pg.locator('.leaflet-map-pane svg path').count();
  assert(paths >= counts.regions, `SVG paths drawn: ${paths}`);
  // roads and rail on a canvas of their own (thousands of SVG paths kept the first page busy), with pixels drawn
  const lines = await pg.evaluate(() => {
    const c = document.querySelector('.leaflet-lines-pane canvas');
    if (!c) return null;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
    return { painted, of: c.width * c.height };
  });
  assert(lines && lines.painted > 0, `the roads' and rail's canvas: ${JSON.stringify(lines)}`);
  return `regions ${counts.regions}, highways ${counts.highways}, railways ${counts.railways}, settlements ${counts.settlements}, uncovered stretches ${counts.stretches}, svg paths ${paths}, line canvas ${lines.painted} of ${lines.of} pixels painted`;
});

await check('national dashboard shows one card per roadmap target', async () => {
  const cards = await pg.locator('#cards .card').count();
  assert(cards >= 5, `cards: ${cards}`);
  const withBar = await pg.locator('#cards .card .bar').count();
  const withSpark = await pg.locator('#cards .card svg.spark').count();
  assert(withBar === cards, 'every card has a progress bar');
  assert(withSpark > 0, 'trend charts drawn');
  const status = await pg.locator('#cards .card .status').allInnerTexts();
  const known = ['met', 'on track', 'behind', 'met by deadline', 'met later', 'missed', ''];
  assert(status.every((s) => known.includes(s.trim().toLowerCase())), `statuses: ${status}`);
  assert(status.some((s) => ['met by deadline', 'met later', 'missed'].includes(s.trim().toLowerCase())),
    `past roadmap deadlines show what happened: ${status}`);
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


await check('every uncovered settlement of the date is drawn at national zoom (covered ones thinned, with a note)', async () => {
  const matched = (await (await api('/api/v1/gaps/settlements?asOf=2019-12-31&limit=1')).json()).numberMatched;
  await pg.waitForFunction((n) => window.qamrov.layerCounts.gapPoints === n, matched);
  const note = await pg.locator('#legend-thinned').innerText();
  const thinned = await pg.evaluate(() => window.qamrov.coveredThinned);
  assert(!thinned || note.length > 0, 'covered settlements are thinned without a note');
  await shot('08-every-gap-national-2019');
  return `${matched} uncovered drawn of ${matched}; thinned note: "${note}"`;
});

await check('every uncovered road and rail stretch of the date is drawn at national zoom', async () => {
  // the whole lists, as a GIS user downloads them; a stretch is one row, and one drawn line however many parts it has
  const key = (p) => `${p.ref ?? p.line_key}@${p.from_km}`;
  const listed = [];
  for (const kind of ['highways', 'railways']) {
    const fc = await (await api(`/api/v1/gaps/${kind}?asOf=2019-12-31&service=mobile_internet&f=geojson`)).json();
    assert(fc.features.length === fc.numberMatched, `${kind}: ${fc.features.length} of ${fc.numberMatched} listed`);
    listed.push(...fc.features.map((f) => key(f.properties)));
  }
  await pg.waitForFunction((n) => window.qamrov.layerCounts.stretches === n, listed.length);
  const drawn = await pg.evaluate(() => {
    const out = [];
    window.qamrov.layers.stretches.eachLayer((l) => out.push(l.feature.properties));
    return out;
  });
  const drawnKeys = new Set(drawn.map(key));
  const missing = listed.filter((k) => !drawnKeys.has(k));
  assert(listed.length > 0 && missing.length === 0 && drawnKeys.size === listed.length,
    `${listed.length} stretches listed, ${drawnKeys.size} distinct drawn; missing ${missing.slice(0, 5)}`);
  return `${listed.length} uncovered stretches drawn of ${listed.length}`;
});

await check('region shading uses quantile classes that separate the regions; labels name the regions', async () => {
  const colors = await pg.evaluate(() => window.qamrov.regionColors);
  const distinct = new Set(Object.values(colors));
  assert(distinct.size >= 4, `distinct region colours: ${[...distinct]}`);
  const legend = await pg.locator('#legend').innerText();
  assert(/quantile/i.test(legend), `legend: ${legend}`);
  const labels = await pg.locator('.region-label').count();
  assert(labels >= 14, `region labels: ${labels}`);
  return `${distinct.size} colours over ${Object.keys(colors).length} regions, ${labels} region labels`;
});

await check('the map asks for a few properties of the covered settlements; a popup fetches the rest from the settlement', async () => {
  const target = await pg.evaluate(() => {
    const q = window.qamrov;
    let best = null;
    q.layers.settlements.eachLayer((l) => {
      const p = l.feature.properties;
      if (p.covered && (!best || p.population > best.feature.properties.population)) best = l;
    });
    return best && { id: best.feature.properties.id, keys: Object.keys(best.feature.properties), asOf: q.state?.asOf };
  });
  assert(target, 'no covered settlement on the map');
  assert(!target.keys.includes('nearest_site_m') && !target.keys.includes('operators'), `the layer carries: ${target.keys}`);
  const asOf = await pg.evaluate(() => document.querySelector('#gap-table').dataset.asOf);
  const full = await (await api(`/ogc/collections/settlements/items/${target.id}?service=mobile_internet&datetime=${asOf}`)).json();
  assert(full.properties.covered === true && full.properties.nearest_site_m !== null, `feature: ${JSON.stringify(full.properties)}`);
  await pg.evaluate((id) => {
    window.qamrov.layers.settlements.eachLayer((l) => { if (l.feature.properties.id === id) l.openPopup(); });
  }, target.id);
  const km = (full.properties.nearest_site_m / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  await pg.waitForFunction((k) => {
    const text = document.querySelector('.leaflet-popup-content')?.innerText || '';
    return new RegExp(`Nearest site[^\\n]*\\t${k.replace('.', '\\.')} km`).test(text);
  }, km, { timeout: 15000 }).catch(async () => {
    throw new Error(`popup: ${await pg.locator('.leaflet-popup-content').innerText()} (expected nearest site ${km} km)`);
  });
  const popup = await pg.locator('.leaflet-popup-content').innerText();
  const operators = full.properties.operators.join(', ');
  assert(popup.includes(operators), `popup without the operators ${operators}: ${popup}`);
  await pg.evaluate(() => { window.qamrov.map.closePopup(); });
  await pg.waitForFunction(() => !document.querySelector('#map .leaflet-popup'));
  await idle();
  return `${full.properties.name_en || full.properties.name_uz_latn} (layer properties: ${target.keys.join(', ')}); popup: nearest site ${km} km, operators ${operators}`;
});

await check('site clusters count every base station in view (the Fergana valley: more than a page of 5,000)', async () => {
  const before = await pg.evaluate(() => { const c = window.qamrov.map.getCenter(); return { lat: c.lat, lng: c.lng, z: window.qamrov.map.getZoom() }; });
  await pg.evaluate(() => { window.qamrov.map.setView([40.6, 71.4], 9.5, { animate: false }); });
  await pg.waitForFunction(() => document.querySelectorAll('#map .leaflet-marker-icon.cluster:not(.cluster-region)').length > 0, null, { timeout: 30000 });
  await idle();
  const view = await pg.evaluate(() => {
    const b = window.qamrov.map.getBounds();
    const counts = [...document.querySelectorAll('#map .leaflet-marker-icon.cluster:not(.cluster-region) span')]
      .map((e) => Number(e.textContent.replace(/[^0-9]/g, '')));
    return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(5)).join(','), counts,
      asOf: document.querySelector('#gap-table').dataset.asOf };
  });
  const matched = (await (await api(`/api/v1/layers/base-stations?bbox=${view.bbox}&asOf=${view.asOf}&limit=1&properties=id`)).json()).numberMatched;
  const drawn = view.counts.reduce((a, b) => a + b, 0);
  assert(matched > 5000, `only ${matched} sites in view: the check needs more than a page`);
  assert(drawn === matched, `the clusters count ${drawn} sites, the layer has ${matched} in view`);
  await pg.evaluate((v) => { window.qamrov.map.setView([v.lat, v.lng], v.z, { animate: false }); }, before);
  await idle();
  return `${view.counts.length} clusters counting ${drawn} of ${matched} sites in view as of ${view.asOf}`;
});

await check('clicking inside a region selects it; a click on a settlement opens its popup instead', async () => {
  const hit = (await (await api(`/api/v1/search?q=${encodeURIComponent('Navoiy viloyati')}`)).json()).find((p) => p.type === 'region');
  assert(hit, 'Navoiy region not found by the search API');
  // an uncovered settlement (SVG, above the canvas of covered ones) takes the click: its popup, no region change
  const gap = await pg.evaluate(() => {
    const map = window.qamrov.map;
    const r = document.getElementById('map').getBoundingClientRect();
    const l = window.qamrov.layers.gapPoints.getLayers().find((x) => {
      const p = map.latLngToContainerPoint(x.getLatLng());
      const el = document.elementFromPoint(r.left + p.x, r.top + p.y);
      return p.x > 40 && p.y > 40 && p.x < r.width - 40 && p.y < r.height - 40 && el && el.closest('.leaflet-gapPoints-pane');
    });
    if (!l) return null;
    const p = map.latLngToContainerPoint(l.getLatLng());
    return { x: r.left + p.x, y: r.top + p.y, name: l.feature.properties.name_uz_latn };
  });
  assert(gap, 'no uncovered settlement to click on the national map');
  await pg.mouse.click(gap.x, gap.y);
  await pg.waitForFunction(() => document.querySelector('.leaflet-popup-content'));
  assert(await pg.locator('#region').inputValue() === '', `a settlement click changed the region to ${await pg.locator('#region').inputValue()}`);
  const popup = await pg.locator('.leaflet-popup-content').innerText();
  // the uncovered settlement on top at that point (several may overlap): a settlement popup, uncovered
  assert(/Population/.test(popup) && /Covered[^\n]*\tno/i.test(popup), `settlement popup: ${popup.slice(0, 120)}`);
  await pg.evaluate(() => { window.qamrov.map.closePopup(); });
  // a closed popup fades out and stays in the page for 200 ms, where it takes clicks (seen in CI: a "bare spot"
  // under it was clicked and nothing happened): wait until it is gone
  await pg.waitForFunction(() => !document.querySelector('#map .leaflet-popup'));
  // the popup may have panned the map: wait until it stands still and its layers are loaded for the new view
  await pg.waitForFunction(() => !window.qamrov.map._animatingZoom && !window.qamrov.map._panAnim?._inProgress);
  await idle();
  // bare spots well inside the region (the 12 px around each inside too: a click lands on whole pixels, so a spot on
  // the border could fall outside), at least 20 px from any point feature and any line segment (not only its
  // vertices) of the clickable layers, and outside every clickable DOM marker (site clusters are 48 px wide)
  const bareSpots = () => pg.evaluate((code) => {
    const q = window.qamrov;
    const map = q.map;
    const r = document.getElementById('map').getBoundingClientRect();
    const points = [];
    const segments = [];
    for (const k of ['settlements', 'gapPoints', 'sites', 'stretches', 'highways', 'railways', 'fiber', 'selection']) {
      if (!map.hasLayer(q.layers[k])) continue;
      q.layers[k].eachLayer((l) => {
        if (l.getLatLng) points.push(map.latLngToContainerPoint(l.getLatLng()));
        else if (l.getLatLngs) {
          const rings = (lls) => (lls.length && Array.isArray(lls[0]) ? lls.flatMap(rings) : [lls]);
          for (const ring of rings(l.getLatLngs())) {
            const pts = ring.map((ll) => map.latLngToContainerPoint(ll));
            for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1], pts[i]]);
            if (pts.length === 1) points.push(pts[0]);
          }
        }
      });
    }
    const toSegment = (x, y, [a, b]) => {
      const dx = b.x - a.x; const dy = b.y - a.y; const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
    };
    const boxes = [...document.querySelectorAll('#map .leaflet-marker-icon.leaflet-interactive')]
      .map((e) => e.getBoundingClientRect());
    const found = [];
    for (let y = 40; y < r.height - 40 && found.length < 3; y += 9) {
      for (let x = 60; x < r.width - 60 && found.length < 3; x += 9) {
        const inside = (dx, dy) => {
          const ll = map.containerPointToLatLng([x + dx, y + dy]);
          const f = q.regionAt(ll.lat, ll.lng);
          return f && (f.properties.code || f.id) === code;
        };
        const cx = r.left + x; const cy = r.top + y;
        // nothing over the map there: a control (legend, layer switcher, notes) or a popup takes a click and does nothing
        const top = document.elementFromPoint(cx, cy);
        if (!top || top.closest('.leaflet-control-container') || top.closest('.leaflet-popup') || !top.closest('#map')) continue;
        if (inside(0, 0) && inside(-12, 0) && inside(12, 0) && inside(0, -12) && inside(0, 12)
          && points.every((p) => Math.hypot(p.x - x, p.y - y) > 20)
          && segments.every((sg) => toSegment(x, y, sg) > 20)
          && boxes.every((b) => cx < b.left - 8 || cx > b.right + 8 || cy < b.top - 8 || cy > b.bottom + 8)
          && found.every((f) => Math.hypot(f.x - cx, f.y - cy) > 60)) {
          found.push({ x: cx, y: cy });
        }
      }
    }
    return found;
  }, hit.id);
  // a spot may still be taken by a feature the geometry above cannot see (a point of a layer reloaded between the
  // search and the click): that is right, and the next spot is tried; a click on bare map that does not select the
  // region is the failure this check is about
  let pt = null;
  const missed = [];
  for (let attempt = 0; attempt < 3 && !pt; attempt++) {
    // computed again after each popup: opening one may have panned the map
    const spots = await bareSpots();
    assert(spots.length > attempt, `no bare spot inside the region at this zoom (${missed.join('; ')})`);
    const spot = spots[attempt];
    // what received the click, for the message if it was neither a feature nor the region
    await pg.evaluate(() => {
      const q = window.qamrov;
      q.clickTrace = {};
      document.addEventListener('click', (e) => { q.clickTrace.target = `${e.target.tagName}.${e.target.className?.baseVal ?? e.target.className}`; }, { once: true, capture: true });
      q.map.once('click', (e) => { q.clickTrace.map = true; q.clickTrace.feature = !!(e.originalEvent && e.originalEvent.qamrovFeature); });
    });
    await pg.mouse.click(spot.x, spot.y);
    const outcome = await pg.waitForFunction((c) => (document.querySelector('#region').value === c ? 'region'
      : document.querySelector('.leaflet-popup-content') ? 'popup' : null), hit.id, { timeout: 15000 })
      .then((h) => h.jsonValue()).catch(() => 'nothing');
    if (outcome === 'region') { pt = spot; break; }
    const what = await pg.evaluate(() => ({ clicked: window.qamrov.regionClicked, trace: window.qamrov.clickTrace,
      popup: document.querySelector('.leaflet-popup-content')?.innerText.slice(0, 60) }));
    missed.push(`(${Math.round(spot.x)}, ${Math.round(spot.y)}): ${outcome} ${JSON.stringify(what)}`);
    // a feature took it: its popup is open, or it marked the click (its popup may have gone with a layer reloaded
    // under the pointer), or a marker that keeps its clicks from the map (DOM markers do) received it
    const featureTookIt = outcome === 'popup' || what.trace?.feature
      || (!what.trace?.map && /leaflet-interactive/.test(what.trace?.target || ''));
    assert(featureTookIt, `a click on a bare spot inside ${hit.id} did not select it: ${missed.join('; ')}`);
    await pg.evaluate(() => { window.qamrov.map.closePopup(); });
    await pg.waitForFunction(() => !document.querySelector('#map .leaflet-popup'));
    await idle();
  }
  assert(pt, `every bare spot was taken by a feature: ${missed.join('; ')}`);
  await idle();
  await pg.waitForFunction((c) => document.querySelector('#cards').dataset.scope === c, hit.id);
  await shot('13-region-clicked');
  await pg.selectOption('#region', '');
  await idle();
  return `a settlement popup near ${gap.name}, region kept; ${hit.id} selected by a click at (${Math.round(pt.x)}, ${Math.round(pt.y)})`;
});

await check('a click on a road opens its popup, under the canvas of settlements (a position lookup, not the event)', async () => {
  await idle();
  // a vertex of a highway in view, 10 px from every point feature (a settlement's circle has a radius of at most
  // 8 px, and takes clicks 0.75 px beyond it) and 12 px from every other line, on nothing but the map's own panes
  // (no control, marker or popup)
  const spot = await pg.evaluate(() => {
    const q = window.qamrov;
    const map = q.map;
    const r = document.getElementById('map').getBoundingClientRect();
    const px = (ll) => map.latLngToContainerPoint(ll);
    const points = [];
    for (const k of ['settlements', 'gapPoints', 'sites']) {
      if (map.hasLayer(q.layers[k])) q.layers[k].eachLayer((l) => { if (l.getLatLng) points.push(px(l.getLatLng())); });
    }
    const segmentsOf = (latlngs) => {
      const parts = (lls) => (lls.length && Array.isArray(lls[0]) ? lls.flatMap(parts) : [lls]);
      return parts(latlngs).flatMap((part) => part.slice(1).map((ll, i) => [px(part[i]), px(ll)]));
    };
    const toSegment = (p, [a, b]) => L.LineUtil.pointToSegmentDistance(p, a, b);
    // the stretches are a layer each; roads and rail one polyline per layer, whose parts know their feature
    const lines = [...q.layers.stretches.getLayers().map((l) => ({ feature: l.feature, latlngs: l.getLatLngs() })),
      ...q.layers.highways.parts, ...q.layers.railways.parts];
    // each line's segments in pixels, projected once when first needed
    const projected = new Map();
    const segmentsNear = (l) => projected.get(l) || projected.set(l, segmentsOf(l.latlngs)).get(l);
    for (const road of q.layers.highways.parts) {
      const others = lines.filter((l) => l.feature !== road.feature);
      // a vertex: at national zoom most segments of a line simplified to 50 m are shorter than a pixel
      for (const [, v] of segmentsOf(road.latlngs)) {
        if (v.x < 60 || v.y < 40 || v.x > r.width - 60 || v.y > r.height - 40) continue;
        if (points.some((p) => p.distanceTo(v) < 10)) continue;
        const top = document.elementFromPoint(r.left + v.x, r.top + v.y);
        if (!top || !top.closest('#map') || top.closest('.leaflet-control-container') || top.closest('.leaflet-marker-icon')
          || top.closest('.leaflet-popup')) continue;
        if (others.some((o) => segmentsNear(o).some((sg) => toSegment(v, sg) < 12))) continue;
        return { x: r.left + v.x, y: r.top + v.y, ref: road.feature.properties.ref, top: top.tagName };
      }
    }
    return null;
  });
  assert(spot, 'no point of a highway in view 10 px from every point and 12 px from every other line');
  const regionBefore = await pg.locator('#region').inputValue();
  await pg.mouse.click(spot.x, spot.y);
  await pg.waitForFunction(() => document.querySelector('.leaflet-popup-content'), null, { timeout: 15000 });
  const popup = await pg.locator('.leaflet-popup-content').innerText();
  assert(popup.includes(spot.ref), `the popup of a click on ${spot.ref}: ${popup.slice(0, 120)}`);
  assert(await pg.locator('#region').inputValue() === regionBefore, 'a click on a road changed the region');
  await pg.evaluate(() => { window.qamrov.map.closePopup(); });
  await pg.waitForFunction(() => !document.querySelector('#map .leaflet-popup'));
  await idle();
  return `${spot.ref}: its popup from a click on the ${spot.top} on top (${popup.split('\n')[0]})`;
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
  const regions = await pg.locator('#gap-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.region));
  assert(regions.every((r) => r === regionCode), `rows outside the region: ${[...new Set(regions)]}`);
  const districts = await pg.locator('#gap-table tbody tr td:nth-child(2)').allInnerTexts();
  assert(districts.every((d) => d.trim().length > 0), `district column: ${districts.slice(0, 5)}`);
  const count = await pg.locator('#gap-count').innerText();
  // zoomed to the region: its districts named, one label each, and its towns (the region's city among them)
  const ds = await (await api('/ogc/collections/districts/items?limit=1000')).json();
  const expected = ds.features.filter((f) => f.properties.region === regionCode).length;
  await pg.waitForFunction((n) => document.querySelectorAll('.district-label').length === n, expected, { timeout: 15000 })
    .catch(() => {});
  const districtLabels = await pg.locator('.district-label').count();
  assert(expected > 5 && districtLabels === expected, `district labels: ${districtLabels} of ${expected} districts`);
  await pg.waitForFunction(() => document.querySelectorAll('.town-label').length > 0, null, { timeout: 15000 }).catch(() => {});
  const towns = await pg.locator('.town-label').allInnerTexts();
  assert(towns.some((t) => /samar/i.test(t)), `town labels: ${towns.slice(0, 10)}`);
  await shot('02-region-dashboard-gaps');
  return `${rows} rows, ${count}; ${districtLabels} district labels, ${towns.length} town labels`;
});

await check('switching back to regions already viewed: timed, the dashboard and the gap table follow', async () => {
  const times = [];
  for (const code of ['', regionCode, '', regionCode]) {
    const started = Date.now();
    await pg.selectOption('#region', code);
    await idle();
    await pg.waitForFunction((c) => document.querySelector('#cards').dataset.scope === (c || 'UZ'), code);
    times.push(Date.now() - started);
  }
  const rows = await pg.locator('#gap-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.region));
  assert(rows.length > 0 && rows.every((r) => r === regionCode), `rows after switching back: ${[...new Set(rows)]}`);
  // the first two were viewed before this check (national at load, the region just above): all four are cached
  return `national → ${regionCode} → national → ${regionCode}: ${times.join(' / ')} ms (#15's goal ≤ 500 ms when cached: timed, not asserted)`;
});

/**
 * The reason column of the gap table against the gap list the API gives for the same filters (the export link's
 * query): for the first rows, the row's reason code is the API's gap_reason and its text carries the API's key numbers
 * (formatted here with the browser's own en-GB number format, not the page's code).
 */
async function reasonsMatchApi() {
  const rows = await pg.locator('#gap-table tbody tr').evaluateAll((trs) => trs.slice(0, 12).map((tr) => {
    const td = tr.querySelector('td.reason');
    return { id: Number(tr.dataset.id), code: td ? td.dataset.reason : null, text: td ? td.textContent : null };
  }));
  assert(rows.length > 0, 'no rows');
  assert(rows.every((r) => r.code !== null), 'a row without a reason cell');
  const href = await pg.locator('#export-geojson').getAttribute('href');
  const fc = await (await api(`/${href.replace(/^\/?/, '')}`)).json();
  const byId = new Map(fc.features.map((f) => [Number(f.id), f.properties]));
  const numbers = (p) => {
    const d = p.gap_reason_details || {};
    const kmOf = (m) => (m == null ? null : [m / 1000, 1]);
    return ({
      partly_covered: [[100 * d.covered_share, 0]],
      no_site_within_km: [[d.limit_km, 0], kmOf(d.nearest_site_m)],
      only_2g_nearby: [kmOf(d.nearest_site_m), kmOf(d.nearest_service_site_m)],
      terrain_shadow: [[d.terrain_loss_db, 1], [d.obstacle_height_m, 0]],
      outside_all_beams: [[d.level_dbm, 1], kmOf(d.distance_m)],
      below_threshold: d.cell_id == null ? [] : [[d.level_dbm, 1], [d.threshold_dbm, 1], kmOf(d.distance_m)],
    }[p.gap_reason] || []).filter(Boolean);
  };
  const checked = [];
  for (const r of rows) {
    const p = byId.get(r.id);
    assert(p, `row ${r.id} is not in the API's list`);
    assert(r.code === (p.gap_reason || ''), `row ${r.id}: reason ${r.code} on the page, ${p.gap_reason} from the API`);
    if (!p.gap_reason) continue;
    const wanted = await pg.evaluate((ns) => ns.map(([v, d]) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: d })), numbers(p));
    for (const w of wanted) assert(r.text.includes(w), `row ${r.id} (${p.gap_reason}): "${r.text}" lacks ${w} (${JSON.stringify(p.gap_reason_details)})`);
    checked.push(`${r.id} ${p.gap_reason}`);
  }
  assert(checked.length > 0, 'no row with a reason');
  return `${checked.length} rows: ${[...new Set(checked.map((c) => c.split(' ')[1]))].join(', ')}; e.g. "${rows.find((r) => r.code).text}"`;
}

await check('the gap table shows each gap\'s reason with its numbers, as the API gives it (settlements)', async () => {
  const head = await pg.locator('#gap-table thead th').allInnerTexts();
  assert(head.some((h) => h.trim() === 'Reason'), `columns: ${head}`);
  return reasonsMatchApi();
});

await check('hexagon layer (H3): the region\'s cells as the API sums them, legend names the class thresholds', async () => {
  const href = await pg.locator('#export-geojson').getAttribute('href');
  const params = new URL(href, `${BASE}/`).searchParams;
  const fc = await (await api(`/api/v1/hexagons?region=${regionCode}&service=${params.get('service')}&asOf=${params.get('asOf')}`)).json();
  assert(fc.resolution === 8 && fc.features.length > 0, `API: resolution ${fc.resolution}, ${fc.features.length} cells`);
  await pg.locator('.leaflet-control-layers').hover();
  await pg.locator('.leaflet-control-layers-overlays label', { hasText: 'Hexagons' }).locator('input').check();
  await pg.waitForFunction((n) => window.qamrov.layerCounts.hexagons === n, fc.numberMatched);
  await idle();
  const drawn = await pg.evaluate(() => window.qamrov.hexagons);
  assert(drawn.population === fc.population && drawn.run === fc.coverage_run, `drawn ${JSON.stringify(drawn)}`);
  // the most populous cell, found on the map by its centre, carries the API's numbers
  const top = fc.features[0];
  const ring = top.geometry.coordinates[0].slice(0, -1);
  const [lon, lat] = [ring.reduce((s, c) => s + c[0], 0) / ring.length, ring.reduce((s, c) => s + c[1], 0) / ring.length];
  const hit = await pg.evaluate(([a, b]) => window.qamrov.hexagonAt(a, b), [lat, lon]);
  assert(hit && hit.h3 === top.id && hit.population === top.properties.population
    && hit.population_covered === top.properties.population_covered, `cell at ${lat},${lon}: ${JSON.stringify(hit)}`);
  const legend = await pg.locator('#hex-legend').innerText();
  const th = fc.signal_thresholds;
  const n = (v) => Number(v).toLocaleString('en-GB', { maximumFractionDigits: 0 });
  for (const word of ['good', 'fair', 'below threshold']) assert(legend.includes(word), `legend lacks "${word}": ${legend}`);
  for (const tech of ['4G', '3G', '2G']) {
    for (const v of [th[tech].good_dbm, th[tech].fair_dbm]) assert(legend.includes(n(v)), `legend lacks ${tech} ${v} dBm: ${legend}`);
  }
  assert(legend.includes('RSRP') && legend.includes('RSCP') && legend.includes('RxLev'), `legend measures: ${legend}`);
  await shot('02b-hexagons-region');
  // one operator's coverage, chosen in the legend: the API's sums for that operator, coloured by covered share
  const ops = await pg.locator('#hex-operator option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert(ops.length > 0, 'the legend offers no operator');
  const op = ops[0];
  const byOp = await (await api(`/api/v1/hexagons?region=${regionCode}&service=${params.get('service')}&asOf=${params.get('asOf')}&operator=${op}`)).json();
  await pg.locator('#hex-operator').selectOption(op);
  await pg.waitForFunction((o) => window.qamrov.hexagons && window.qamrov.hexagons.operator === o, op);
  await idle();
  const mine = await pg.evaluate(() => window.qamrov.hexagons);
  assert(mine.matched === byOp.numberMatched && mine.covered === byOp.population_covered && mine.population === fc.population,
    `drawn for ${op}: ${JSON.stringify(mine)}, API ${byOp.numberMatched} cells, ${byOp.population_covered} covered`);
  assert(byOp.population_covered <= fc.population_covered, `${op} covers ${byOp.population_covered} > all operators ${fc.population_covered}`);
  const opLegend = await pg.locator('#hex-legend').innerText();
  assert(opLegend.includes('everyone covered') && !opLegend.includes('RSRP'), `legend for ${op}: ${opLegend}`);
  assert(new URL(pg.url()).searchParams.get('hexop') === op, `URL ${pg.url()}`);
  await pg.locator('#hex-operator').selectOption('');
  await pg.waitForFunction(() => window.qamrov.hexagons && window.qamrov.hexagons.operator === '');
  await idle();
  // a closer look at the most populous cell and its neighbours (for the README), then back to the region
  const regionView = await bounds();
  await pg.evaluate(([a, b]) => { window.qamrov.map.setView([a, b], 11, { animate: false }); }, [lat, lon]);
  await idle();
  await shot('02c-hexagons-zoomed');
  await pg.evaluate((bb) => { const [w, s, e, n] = bb.split(',').map(Number); window.qamrov.map.fitBounds([[s, w], [n, e]], { animate: false }); }, regionView);
  await idle();
  await pg.locator('.leaflet-control-layers').hover();
  await pg.locator('.leaflet-control-layers-overlays label', { hasText: 'Hexagons' }).locator('input').uncheck();
  await pg.waitForFunction(() => !document.querySelector('#hex-legend'));
  await pg.mouse.move(5, 500);
  await idle();
  return `${fc.numberMatched} cells at res ${fc.resolution}, ${fc.population} people, ${fc.population_covered} covered`
    + ` (${op}: ${byOp.population_covered}); top cell ${top.id} ${top.properties.population} people, class ${top.properties.signal_class}`;
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
  return `${refs.length} stretches; reasons: ${await reasonsMatchApi()}`;
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
    assert(f === 'csv' ? body.split('\n')[0].includes('from_km') : JSON.parse(body.replace(/^\uFEFF/, '')).type === 'FeatureCollection', `${f} body`);
    const disposition = res.headers()['content-disposition'] || '';
    assert(new RegExp(`highway-gaps_UZ_M39_high_speed_mobile_2019-12-31\\.${f}`).test(disposition), `${f} file name: ${disposition}`);
    if (f === 'csv') {
      const bytes = Buffer.from(await res.body());
      assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'the web CSV starts with a UTF-8 BOM (Excel)');
    }
    out.push(`${f} ${body.length} bytes`);
  }
  const gpkg = await pg.request.get(new URL(links.gpkg, `${BASE}/`).toString());
  assert(gpkg.ok(), `gpkg export answered ${gpkg.status()}`);
  const head = Buffer.from(await gpkg.body()).subarray(0, 16).toString('latin1');
  assert(head.startsWith('SQLite format 3'), `gpkg is not a SQLite file: ${head}`);
  out.push(`gpkg ${gpkg.status()}`);
  return out.join(', ');
});

await check('the gap table searches the whole list on the server (a village far down the list is found)', async () => {
  await pg.locator('#gaps .tabs button[data-kind=settlements]').click();
  await idle();
  await pg.selectOption('#service', 'fixed_broadband');
  await idle();
  const all = await (await api('/api/v1/gaps/settlements?service=fixed_broadband&asOf=2019-12-31&limit=1')).json();
  const offset = Math.min(1000, all.numberMatched - 1);
  const far = (await (await api(`/api/v1/gaps/settlements?service=fixed_broadband&asOf=2019-12-31&limit=1&offset=${offset}`)).json()).items[0];
  await pg.fill('#gap-filter', far.name_uz_latn);
  await pg.waitForFunction((name) => [...document.querySelectorAll('#gap-table tbody tr td:first-child')].some((td) => td.textContent === name), far.name_uz_latn);
  await idle();
  const rows = await pg.locator('#gap-table tbody tr').count();
  const count = await pg.locator('#gap-count').innerText();
  const districts = await pg.locator('#gap-table tbody tr td:nth-child(2)').allInnerTexts();
  await shot('09-gap-search-whole-list');
  await pg.fill('#gap-filter', '');
  await idle();
  return `"${far.name_uz_latn}" (row ${offset + 1} of ${all.numberMatched}) → ${rows} rows, ${count}, districts ${[...new Set(districts)].join('; ')}`;
});

await check('the service drives every layer: fixed broadband draws no 4G road gaps and says why; shading and coverage follow', async () => {
  await pg.waitForFunction(() => window.qamrov.layerCounts.stretches === 0);
  assert(await pg.locator('#legend-service-lines').isVisible(), 'legend note on roads/rail and fixed broadband');
  const shadeOf = () => pg.evaluate(() => ({ shade: document.querySelector('#shade').value,
    technology: document.querySelector('#technology').value, ramp: document.querySelector('.ramp-title')?.textContent || '' }));
  const fixed = await shadeOf();
  assert(fixed.shade === 'settlements.fixed_broadband.pct', `regions shaded by ${fixed.shade} under fixed broadband`);
  await pg.selectOption('#service', 'mobile_internet');
  await idle();
  const mobile = await shadeOf();
  assert(mobile.shade === 'settlements.mobile_internet.pct' && mobile.technology === '3G',
    `under mobile internet: shaded by ${mobile.shade}, coverage of ${mobile.technology}`);
  assert(new URL(pg.url()).searchParams.get('tech') === '3G', `URL keeps the coverage's technology: ${pg.url()}`);
  return `fixed broadband: 0 road/rail stretches drawn, note shown, regions shaded by ${fixed.shade}; mobile internet: `
    + `${mobile.shade}, 3G+ coverage ("${mobile.ramp.trim()}")`;
});

await check('a month nobody viewed: spinner, and never the previous date\'s rows under the new date', async () => {
  await pg.evaluate(() => {
    window.qamrovLog = [];
    const table = document.querySelector('#gap-table');
    const record = () => window.qamrovLog.push({ t: performance.now(), asOf: table.dataset.asOf || '', rows: table.tBodies[0].rows.length,
      spinner: !document.querySelector('#gap-spinner').hidden, label: document.querySelector('#asof-label').textContent });
    new MutationObserver(record).observe(document.querySelector('#gaps'), { subtree: true, childList: true, attributes: true });
  });
  const started = Date.now();
  await pg.evaluate(() => window.qamrov.setAsOf('2021-06-30'));
  await pg.waitForFunction(() => document.querySelector('#gap-table').dataset.asOf === '2021-06-30', null, { timeout: 120000 });
  const tableMs = Date.now() - started;
  await idle();
  const allMs = Date.now() - started;
  const log = await pg.evaluate(() => window.qamrovLog);
  await shot('10-new-month-2021-06');
  // back to end-2019 before asserting: the checks after this one expect it
  await pg.evaluate(() => window.qamrov.setAsOf('2019-12-31'));
  await idle();
  // stale = rows of another date while the page already says the new one (a late answer of the old date that
  // lands before the slider moved is not shown under the new date)
  const stale = log.filter((e) => e.rows > 0 && e.label.includes('2021-06-30') && e.asOf !== '2021-06-30');
  assert(stale.length === 0, `rows of another date shown under the new one: ${JSON.stringify(stale.slice(0, 3))}`);
  assert(log.some((e) => e.label.includes('2021-06-30')), `the date label never showed the new month: ${JSON.stringify(log.slice(0, 3))}`);
  assert(log.some((e) => e.spinner), 'no spinner while the new list loaded');
  return `gap table answered in ${tableMs} ms, every layer in ${allMs} ms (target ≤ 2 s is the coverage store's job)`;
});

await check('language switch changes the labels (en → ru → uz → uz-Cyrl)', async () => {
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
  await pg.selectOption('#lang', 'uz-Cyrl');
  await pg.waitForFunction(() => document.documentElement.lang === 'uz-Cyrl');
  await idle();
  const cyr = await pg.locator('#nav-upload').innerText();
  assert(cyr === 'Маълумот юклаш', `Uzbek Cyrillic nav: ${cyr}`);
  const cyrRegion = await pg.locator('#region option[value="UZ-SA"]').innerText();
  assert(/Самарқанд/.test(cyrRegion), `region name in Uzbek Cyrillic: ${cyrRegion}`);
  await shot('05b-uzbek-cyrillic');
  await pg.selectOption('#lang', 'en');
  await pg.waitForFunction(() => document.documentElement.lang === 'en');
  await idle();
  return `ru "${ru}", uz "${uz}", uz-Cyrl "${cyr}"`;
});


await check('settlement CSV for Excel: BOM, Cyrillic names intact, scope/service/as-of in the file name and rows', async () => {
  await pg.selectOption('#region', 'UZ-QR');
  await idle();
  await pg.selectOption('#service', 'fixed_broadband');
  await idle();
  const href = await pg.locator('#export-csv').getAttribute('href');
  assert(href.includes('bom=true'), `CSV link: ${href}`);
  const res = await api(`/${href}`);
  const bytes = Buffer.from(await res.body());
  assert(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'BOM');
  const text = bytes.subarray(3).toString('utf8');
  const header = text.split('\n')[0].split(',');
  const cyr = header.indexOf('name_uz_cyrl');
  const asOf = header.indexOf('as_of');
  const first = text.split('\n')[1];
  assert(/[\u0400-\u04FF]/.test(first), `a Cyrillic name in the first row: ${first}`);
  assert(first.includes('2019-12-31') && asOf > 0, 'as_of column');
  const disposition = res.headers()['content-disposition'];
  assert(/settlement-gaps_UZ-QR_fixed_broadband_2019-12-31\.csv/.test(disposition), disposition);
  const gpkg = await pg.locator('#export-gpkg').getAttribute('href');
  const g = await api(`/${gpkg}`);
  assert(/gaps_UZ-QR_fixed_broadband_2019-12-31\.gpkg/.test(g.headers()['content-disposition']), g.headers()['content-disposition']);
  const png = await pg.locator('#export-png').getAttribute('href');
  assert((await api(`/${png}`)).headers()['content-type'].startsWith('image/png'), 'PNG map');
  await pg.selectOption('#service', 'mobile_internet');
  await idle();
  return `${disposition}; name_uz_cyrl column ${cyr}`;
});

await check('place search finds Qo‘ng‘irot typed as "Kungrad", "Қўнғирот" and "Qongirot" and jumps to it', async () => {
  const found = [];
  for (const q of ['Kungrad', 'Қўнғирот', 'Qongirot']) {
    await pg.fill('#place-search', '');
    await pg.evaluate(() => { window.qamrov.searchHits = null; });
    await pg.locator('#place-search').pressSequentially(q, { delay: 10 });
    await pg.waitForFunction(() => window.qamrov.searchHits);
    const first = await pg.evaluate(() => window.qamrov.searchHits[0]);
    assert(first && first.names['uz-Latn'].startsWith('Qoʻngʻirot'), `${q} → ${first && first.names['uz-Latn']}`);
    found.push(`${q} → ${first.names['uz-Latn']} (${first.type})`);
  }
  const before = await bounds();
  await pg.locator('#place-search').press('Enter');
  await pg.waitForFunction((b) => window.qamrov.map.getBounds().toBBoxString() !== b && window.qamrov.selected, before);
  await pg.waitForFunction(() => !window.qamrov.map._animatingZoom && window.qamrov.busy === 0);
  await shot('11-search-qongirot');
  return found.join('; ');
});

await check('the URL carries the whole view and opening it restores it', async () => {
  await pg.selectOption('#region', 'UZ-SA');
  await idle();
  await pg.selectOption('#service', 'high_speed_mobile');
  await idle();
  // shading and coverage technology picked by hand after the service (which sets both), and one layer hidden
  await pg.selectOption('#shade', 'households.fixed_broadband.pct');
  await idle();
  await pg.selectOption('#technology', '5G');
  await idle();
  const boxes = pg.locator('.leaflet-control-layers-overlays input[type=checkbox]');
  let hidden = -1;
  for (let k = (await boxes.count()) - 1; k >= 0 && hidden < 0; k--) {
    if (await boxes.nth(k).isChecked()) {
      await boxes.nth(k).evaluate((el) => el.click()); // the collapsed control hides its inputs from a pointer
      hidden = k;
    }
  }
  assert(hidden >= 0, 'a visible layer to hide');
  await idle();
  await pg.locator('#gaps .tabs button[data-kind=highways]').click();
  await idle();
  // the table's search too: the first row's road typed into the filter
  const road = (await pg.locator('#gap-table tbody tr').first().locator('td').first().innerText()).trim();
  await pg.fill('#gap-filter', road);
  await pg.waitForFunction((r) => new URLSearchParams(location.search).get('q') === r, road);
  await idle();
  // and the place search's text, typed but not picked
  await pg.fill('#place-search', 'Urgut');
  await pg.waitForFunction(() => new URLSearchParams(location.search).get('find') === 'Urgut');
  // (not Escape: a type=search box clears itself on Escape)
  await pg.locator('#place-search').evaluate((el) => el.blur());
  await pg.waitForFunction(() => document.querySelector('#place-results').hidden);
  const moved = pg.evaluate(() => new Promise((resolve) => window.qamrov.map.once('moveend', () => resolve(true))));
  await pg.locator('#gap-table tbody tr').first().click();
  await moved;
  await idle();
  // the URL follows the map once the fly-to has ended
  await pg.waitForFunction(() => (new URLSearchParams(location.search).get('map') || '')
    .startsWith(`${window.qamrov.map.getZoom().toFixed(2)}/`));
  const url = pg.url();
  const view = () => ({ region: document.querySelector('#region').value, service: document.querySelector('#service').value,
    asOf: document.querySelector('#asof-label').textContent, tab: document.querySelector('#gaps .tabs button.active').dataset.kind,
    selected: window.qamrov.selected && window.qamrov.selected.id, zoom: window.qamrov.map.getZoom(), center: window.qamrov.map.getCenter(),
    shade: document.querySelector('#shade').value, technology: document.querySelector('#technology').value,
    layers: [...document.querySelectorAll('.leaflet-control-layers-overlays input[type=checkbox]')].map((i) => (i.checked ? 1 : 0)).join(''),
    filter: document.querySelector('#gap-filter').value, place: document.querySelector('#place-search').value, count: document.querySelector('#gap-count').textContent,
    rows: [...document.querySelectorAll('#gap-table tbody tr')].map((r) => r.cells[0].textContent.trim()).join('|') });
  const want = await pg.evaluate(view);
  const other = await context.newPage();
  await other.goto(url);
  await other.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 300000 });
  const got = await other.evaluate(view);
  await other.screenshot({ path: path.join(SHOTS, '12-shared-url-restored.png') });
  await other.close();
  for (const k of ['region', 'service', 'asOf', 'tab', 'selected', 'zoom', 'shade', 'technology', 'layers', 'filter', 'place', 'count', 'rows']) {
    assert(String(got[k]) === String(want[k]), `${k}: ${got[k]} ≠ ${want[k]} (${url})`);
  }
  assert(want.shade === 'households.fixed_broadband.pct' && want.technology === '5G' && want.layers.includes('0')
    && want.filter === road && want.place === 'Urgut' && want.rows.length > 0 && want.rows.split('|').every((r) => r === road),
    `the view shared: ${JSON.stringify(want)}`);
  assert(Math.abs(got.center.lat - want.center.lat) < 0.01 && Math.abs(got.center.lng - want.center.lng) < 0.01, 'map centre');
  // back to the defaults for the checks after this one
  await boxes.nth(hidden).evaluate((el) => el.click());
  await pg.fill('#gap-filter', '');
  await pg.waitForFunction(() => !new URLSearchParams(location.search).has('q'));
  await pg.fill('#place-search', '');
  await pg.waitForFunction(() => !new URLSearchParams(location.search).has('find'));
  await pg.selectOption('#technology', '4G');
  await pg.selectOption('#shade', 'settlements.mobile_internet.pct');
  await idle();
  return url.replace(BASE, '');
});

await check('cards never round a shortfall up to the target; projections stay within 100 %', async () => {
  const cards = await pg.locator('#cards .card').evaluateAll((els) => els.map((c) => ({ key: c.dataset.key, status: c.className,
    value: c.querySelector('.value strong').textContent, projected: (c.querySelector('.projected') || { textContent: '' }).textContent })));
  const bad = cards.filter((c) => /status-behind/.test(c.className || c.status) && /^100 %$/.test(c.value.trim()));
  assert(bad.length === 0, `BEHIND at "100 %": ${JSON.stringify(bad)}`);
  const over = cards.filter((c) => /%/.test(c.projected) && parseFloat(c.projected.replace(/[^\d.,]/g, '').replace(',', '.')) > 100);
  assert(over.length === 0, `projections over 100 %: ${JSON.stringify(over)}`);
  // the live cards may hold no value near its target: the page's own formatter, on values computed on paper
  const near = await pg.evaluate(async () => {
    const { fmtAgainst } = await import('/js/i18n.js');
    return [fmtAgainst(99.975, 100, 'at_least'), fmtAgainst(99.95, 100, 'at_least'), fmtAgainst(0.04, 0, 'at_most'),
      fmtAgainst(100, 100, 'at_least')];
  });
  const num = (x) => Number(x.replace(/\s/g, '').replace(',', '.'));
  assert(num(near[0]) === 99.98 && num(near[1]) === 99.95 && num(near[2]) === 0.04 && num(near[3]) === 100,
    `99.975 / 99.95 against 100, 0.04 against 0 (at most), 100 against 100 read ${JSON.stringify(near)}`);
  return `${cards.length} cards checked; near their targets: ${near.join(', ')}`;
});

await check('operators side by side: two operators next to all of them, as the API counts them, their coverage and gaps on the map', async () => {
  const codes = (await (await api('/api/v1/operators')).json()).map((o) => o.code);
  assert(codes.includes('beeline') && codes.includes('ucell'), `operators: ${codes}`);
  await pg.locator('#compare-pick input[value=beeline]').check();
  await pg.locator('#compare-pick input[value=ucell]').check();
  await pg.waitForFunction(() => document.querySelector('#compare-table').dataset.ops === 'beeline,ucell', null, { timeout: 300000 });
  await idle();
  const view = await pg.evaluate(() => ({ ...document.querySelector('#compare-table').dataset }));
  assert(view.scope === 'UZ-SA' && view.asOf === '2019-12-31', `compared for ${JSON.stringify(view)}`);
  const cells = await pg.locator('#compare-table tbody td').evaluateAll((tds) => tds.map((td) => ({ key: td.parentElement.dataset.key,
    op: td.dataset.op, value: td.dataset.value })));
  const get = (key, op) => Number(cells.find((c) => c.key === key && c.op === op).value);
  const scope = `region=${view.scope}&asOf=${view.asOf}`;
  for (const op of ['', 'beeline', 'ucell']) {
    const ind = await (await api(`/api/v1/indicators?${scope}${op ? `&operator=${op}` : ''}`)).json();
    assert((ind.operator || '') === op, `indicators answered for operator ${ind.operator}`);
    for (const key of ['settlements.mobile_internet.pct', 'settlements.high_speed_mobile.pct', 'base_stations.count']) {
      const want = ind.indicators.find((i) => i.key === key).value;
      assert(get(key, op) === want, `${key} of ${op || 'all'}: table ${get(key, op)}, API ${want}`);
    }
    for (const kind of ['settlements', 'highways']) {
      const n = (await (await api(`/api/v1/gaps/${kind}?${scope}&service=${view.service}&limit=1${op ? `&operator=${op}` : ''}`)).json()).numberMatched;
      assert(get(`gaps.${kind}`, op) === n, `${kind} gaps of ${op || 'all'}: table ${get(`gaps.${kind}`, op)}, API ${n}`);
    }
  }
  // one operator covers at most what all of them cover together, and misses at least what all of them miss
  for (const op of ['beeline', 'ucell']) {
    assert(get('settlements.high_speed_mobile.pct', op) <= get('settlements.high_speed_mobile.pct', ''), `${op} covers more than all`);
    assert(get('gaps.settlements', op) >= get('gaps.settlements', ''), `${op} misses fewer settlements than all`);
  }
  assert(get('base_stations.count', 'beeline') + get('base_stations.count', 'ucell') <= get('base_stations.count', ''), 'site counts');
  // each operator's uncovered settlements on the map, all of them
  const drawn = await pg.evaluate(() => window.qamrov.operatorGaps);
  for (const op of ['beeline', 'ucell']) assert(drawn[op] === get('gaps.settlements', op), `${op}: ${drawn[op]} rings drawn`);
  // and each operator's coverage of the map's technology, as the export answers it; one operator's coverage is part
  // of every operator's together, so its area is at most theirs
  const outlined = await pg.evaluate(() => window.qamrov.operatorCoverage);
  const tech = await pg.locator('#technology').inputValue();
  const areaOf = (fc) => fc.features.reduce((sum, f) => sum + f.properties.area_km2, 0);
  const all = await (await api(`/api/v1/coverage.geojson?technology=${tech}&${scope}`)).json();
  for (const op of ['beeline', 'ucell']) {
    const fc = await (await api(`/api/v1/coverage.geojson?technology=${tech}&${scope}&operator=${op}`)).json();
    const o = outlined[op];
    assert(o && o.technology === tech && o.features === fc.features.length && fc.features.length > 0
      && Math.abs(o.areaKm2 - areaOf(fc)) < 1e-6, `${op}'s ${tech} coverage outlined: ${JSON.stringify(o)}, API ${fc.features.length} features`);
    assert(fc.features.every((f) => f.properties.operator === op), `${op}'s coverage holds another operator's polygons`);
    assert(areaOf(fc) <= areaOf(all) + 1e-3, `${op}'s ${tech} coverage ${areaOf(fc)} km² is more than all operators' ${areaOf(all)} km²`);
  }
  assert(new URL(pg.url()).searchParams.get('ops') === 'beeline,ucell', `URL: ${pg.url()}`);
  await shot('14-operators-side-by-side');
  const summary = ['', 'beeline', 'ucell'].map((op) => `${op || 'all'}: 4G+ ${get('settlements.high_speed_mobile.pct', op).toFixed(2)} %, `
    + `${get('gaps.settlements', op)} settlements unserved`
    + (op ? `, ${tech} coverage ${Math.round(outlined[op].areaKm2)} km² outlined` : '')).join('; ');
  await pg.locator('#compare-pick input[value=beeline]').uncheck();
  await pg.locator('#compare-pick input[value=ucell]').uncheck();
  await pg.waitForFunction(() => document.querySelector('#compare-table').hidden);
  await idle();
  return summary;
});

await check('the printable region report: PNG map, targets with status, top gaps; printed to PDF', async () => {
  const href = await pg.locator('#export-report').getAttribute('href');
  assert(href && href.includes('region=UZ-SA') && href.includes('asOf=2019-12-31'), `report link: ${href}`);
  const rp = await context.newPage();
  rp.on('pageerror', (e) => pageErrors.push(`report: ${e}`));
  await rp.goto(new URL(href, `${BASE}/`).toString());
  // the PNG map waits for the date's coverage polygons (computed in the background; 503 + Retry-After until then)
  await rp.waitForFunction(() => window.qamrov && window.qamrov.ready, null, { timeout: 900000 });
  const got = await rp.evaluate(() => ({ mapLoaded: window.qamrov.mapLoaded, imgWidth: document.querySelector('#report-map').naturalWidth,
    targets: [...document.querySelectorAll('#report-targets tbody tr')].map((tr) => `${tr.dataset.key}:${tr.dataset.status}`),
    settlements: [...document.querySelectorAll('#report-settlements tbody tr')].map((tr) => Number(tr.dataset.id)),
    stretches: document.querySelectorAll('#report-stretches tbody tr').length, errors: window.qamrov.errors,
    reasons: [...document.querySelectorAll('#report-settlements tbody tr')].map((tr) => ({ id: Number(tr.dataset.id),
      code: tr.querySelector('td.reason').dataset.reason, text: tr.querySelector('td.reason').textContent })) }));
  assert(got.errors.length === 0, `report errors: ${got.errors}`);
  assert(got.mapLoaded && got.imgWidth > 200, `map image: loaded ${got.mapLoaded}, ${got.imgWidth} px wide`);
  const params = new URL(href, `${BASE}/`).searchParams;
  const scope = `region=${params.get('region')}&asOf=${params.get('asOf')}`;
  const targets = (await (await api(`/api/v1/targets?${scope}`)).json()).targets.map((e) => `${e.indicatorKey}:${e.status || ''}`);
  assert(JSON.stringify(got.targets) === JSON.stringify(targets), `targets ${got.targets} ≠ API ${targets}`);
  assert(targets.some((x) => !x.endsWith(':')), 'no target with a status');
  const top = await (await api(`/api/v1/gaps/settlements?${scope}&service=${params.get('service')}&limit=25&sort=-population`)).json();
  assert(JSON.stringify(got.settlements) === JSON.stringify(top.items.map((s) => s.id)), `top settlements ${got.settlements.slice(0, 5)}`);
  assert(got.stretches > 0, 'no uncovered stretch listed');
  // the top gaps carry the API's reason codes, in words
  const byId = new Map(top.items.map((s) => [s.id, s.gap_reason || '']));
  assert(got.reasons.length === top.items.length && got.reasons.every((r) => r.code === byId.get(r.id)),
    `report reasons ${JSON.stringify(got.reasons.slice(0, 3))}`);
  assert(got.reasons.some((r) => r.code && r.text.length > 10), 'no reason in words in the report');
  await rp.screenshot({ path: path.join(SHOTS, '15-region-report.png'), fullPage: false });
  await rp.emulateMedia({ media: 'print' });
  const file = path.join(SHOTS, 'region-report-UZ-SA.pdf');
  const pdf = await rp.pdf({ path: file, format: 'A4', printBackground: true });
  await rp.close();
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
  assert(pdf.subarray(0, 4).toString('latin1') === '%PDF', 'not a PDF');
  // the map image alone is tens of kilobytes; the map on page 1, targets and gap tables after it
  assert(pdf.length > 50000 && pages >= 2, `PDF of ${pdf.length} bytes, ${pages} pages`);
  return `${got.targets.length} targets, ${got.settlements.length} settlements of ${top.numberMatched}, ${got.stretches} stretches; `
    + `PDF ${pdf.length} bytes, ${pages} pages (${file})`;
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
  // the dry run previews the indicator changes (a what-if on the current model), headed as a preview
  await pg.waitForFunction(() => !document.querySelector('#up-changes-block').hidden);
  const previewHeading = await pg.locator('#up-changes-block h3').innerText();
  assert(/what-if/i.test(previewHeading), `the dry run's changes are headed as a what-if: ${previewHeading}`);
  const preview = await pg.locator('#up-changes tbody').innerText();
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
  // the import changed what its dry run said it would: the same rows, before and after, to the digit shown
  const applied = await pg.locator('#up-changes tbody').innerText();
  assert(applied === preview, `the dry run previewed\n${preview}\nthe import changed\n${applied}`);
  assert(!/what-if/i.test(await pg.locator('#up-changes-block h3').innerText()), 'an import\'s changes are not headed as a what-if');
  assert(Number(await pg.locator('#up-progress').getAttribute('value')) === 100 || await pg.evaluate(() => document.querySelector('#up-progress').value === 100), 'progress ends at 100');
  await shot('07-upload-imported');
  return `${errors} row errors; ${changes} indicator change rows, as the dry run previewed`;
});

// the diff on the upload page's map: counts in the legend, features at their places, distances in the popups
const diffCounts = () => pg.evaluate(() => JSON.parse(document.querySelector('#up-diff-block').dataset.counts || 'null'));
const diffDrawn = () => pg.evaluate(() => {
  const out = [];
  window.qamrov.diffMap.eachLayer((l) => {
    // the diff's own features (the region outlines under them carry no change)
    if (l.feature && l.feature.properties.change) {
      out.push({ change: l.feature.properties.change, id: l.feature.properties.external_id, ll: l.getLatLng ? l.getLatLng() : null });
    }
  });
  return out;
});
async function dryRun(layer, file) {
  await pg.selectOption('#up-layer', layer);
  await pg.setInputFiles('#up-file', file);
  await pg.locator('#up-dry').click();
  await pg.waitForFunction(() => ['succeeded', 'rejected', 'failed'].includes(document.querySelector('#up-status').dataset.status)
    && (document.querySelector('#up-status').dataset.status !== 'succeeded' || document.querySelector('#up-diff-block').dataset.counts));
  assert(await pg.locator('#up-status').getAttribute('data-status') === 'succeeded', `dry run of ${file}: ${await pg.locator('#up-message').innerText()}`);
}
const movedFile = path.join(tmp, 'moved-sites.csv');
// E2E-GOOD-1 moved 0.01° east at 39.2°N: N(φ)·cos φ·Δλ = 6,386,682 m × 0.774944 × 1.745329e-4 = 863.8 m
fs.writeFileSync(movedFile, `${header}\nE2E-GOOD-1,A,beeline,66.21,39.2,4G,1800,0,65,30,35,active,2024-01-15\nE2E-GOOD-1,B,beeline,66.21,39.2,4G,1800,180,65,30,35,active,2024-01-15\n`);
const fiberFile = path.join(tmp, 'fiber.geojson');
// 0.1° along the meridian 66.3°E from 39.2 to 39.3°N: M(39.25°)·Δφ = 6,361,018 m × 1.745329e-3 = 11.102 km
fs.writeFileSync(fiberFile, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature',
  properties: { route_id: 'E2E-FIBER-1', operator: 'beeline', route_kind: 'regional', status: 'active' },
  geometry: { type: 'LineString', coordinates: [[66.3, 39.2], [66.3, 39.3]] } }] }));

await check('upload: the diff of an import and of dry runs is on the map with a legend and counts', async () => {
  // the import of the previous check: one site added, drawn where the file put it
  await pg.waitForFunction(() => !document.querySelector('#up-diff-block').hidden && document.querySelector('#up-diff-block').dataset.counts);
  let counts = await diffCounts();
  assert(counts.added === 1 && counts.moved === 0 && counts.reparametrised === 0 && counts.removed === 0 && counts.drawn === 1,
    `import diff counts: ${JSON.stringify(counts)}`);
  let drawn = await diffDrawn();
  assert(drawn.length === 1 && drawn[0].id === 'E2E-GOOD-1' && drawn[0].change === 'added'
    && Math.abs(drawn[0].ll.lng - 66.2) < 1e-6 && Math.abs(drawn[0].ll.lat - 39.2) < 1e-6, `import diff drawn: ${JSON.stringify(drawn)}`);
  assert(/What the import changed/.test(await pg.locator('#up-diff-title').innerText()), 'import diff title');
  const legend = await pg.locator('#up-diff-legend').innerText();
  assert(/Added\s*1/.test(legend) && /Removed\s*0/.test(legend), `legend: ${legend}`);

  // a dry run moving the site: moved, with its distance in the popup; nothing written
  await dryRun('base-stations', movedFile);
  counts = await diffCounts();
  assert(counts.moved === 1 && counts.added === 0 && counts.drawn === 1, `moved diff counts: ${JSON.stringify(counts)}`);
  drawn = await diffDrawn();
  assert(drawn[0].change === 'moved' && Math.abs(drawn[0].ll.lng - 66.21) < 1e-6, `moved diff drawn: ${JSON.stringify(drawn)}`);
  assert(/dry run/.test(await pg.locator('#up-diff-title').innerText()), 'dry-run diff title');
  await pg.evaluate(() => window.qamrov.diffMap.eachLayer((l) => { if (l.feature && l.feature.properties.change) l.openPopup(); }));
  const popup = await pg.locator('#up-diff-map .leaflet-popup-content').innerText();
  assert(/E2E-GOOD-1/.test(popup) && /moved 86[34] m/.test(popup), `popup: ${popup}`);
  await shot('08-upload-diff-moved');

  // a dry run of a fiber route: added, its km in the legend
  await dryRun('fiber-routes', fiberFile);
  counts = await diffCounts();
  assert(counts.added === 1 && Math.abs(counts.fiberKmAdded - 11.102) < 0.002 && counts.fiberKmRemoved === 0,
    `fiber diff counts: ${JSON.stringify(counts)}`);
  const fiberLegend = await pg.locator('#up-diff-legend').innerText();
  assert(/Fiber: 11\.1 km added, 0(\.0)? km removed/.test(fiberLegend), `fiber legend: ${fiberLegend}`);
  await shot('09-upload-diff-fiber');
  const stored = await pg.request.get(`${BASE}/api/v1/layers/base-stations?bbox=66.19,39.19,66.22,39.21`);
  const sites = (await stored.json()).features.filter((f) => f.properties.external_id === 'E2E-GOOD-1');
  assert(sites.length === 1 && Math.abs(sites[0].geometry.coordinates[0] - 66.2) < 1e-6, `the dry run moved nothing: ${JSON.stringify(sites)}`);
  return `import: ${JSON.stringify(await diffCounts())}; popup "${popup.replace(/\n/g, ' ')}"`;
});

// a file in another system's columns (an ITU/Giga fibre set) and a long report: 1,200 rows, each with an unknown
// technology (6G), of which the job's report lists the first 1,000
const ituFile = path.join(tmp, 'itu-fibre.geojson');
fs.writeFileSync(ituFile, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature',
  properties: { line_id: 'E2E-ITU-1', status: 'Operational', operator: 'beeline' },
  geometry: { type: 'LineString', coordinates: [[66.2, 39.2], [66.3, 39.25]] } }] }));
const manyBadFile = path.join(tmp, 'many-bad-sites.csv');
fs.writeFileSync(manyBadFile, `${header}\n${Array.from({ length: 1200 },
  (_, i) => `E2E-MANY-${i},A,beeline,${(66 + i * 0.0005).toFixed(4)},39.5,6G,1800,0,65,30,35,active,2024-01-15`).join('\n')}\n`);

await check('upload: a mapping profile takes another system\'s columns; every row error of a long report downloads; partial imports', async () => {
  const token = await operatorToken();
  await pg.waitForFunction(() => document.querySelectorAll('#up-profile option').length > 1);
  const profiles = await pg.locator('#up-profile option').evaluateAll((os) => os.map((o) => o.value));
  for (const p of ['opencellid', 'geofabrik-railways', 'geofabrik-roads', 'itu-fibre']) {
    assert(profiles.includes(p), `the built-in profiles are offered: ${profiles.join(', ')}`);
  }
  const dryRun = async () => {
    await pg.locator('#up-dry').click();
    await pg.waitForFunction(() => ['succeeded', 'rejected', 'failed'].includes(document.querySelector('#up-status').dataset.status));
    return pg.locator('#up-status').getAttribute('data-status');
  };
  await pg.fill('#up-token', token);
  await pg.selectOption('#up-layer', 'fiber-routes');
  await pg.selectOption('#up-profile', '');
  await pg.setInputFiles('#up-file', ituFile);
  const plain = await dryRun();
  const plainErrors = await pg.locator('#up-errors tbody').innerText();
  assert(plain === 'rejected' && /route_id/.test(plainErrors), `without the profile: ${plain}, ${plainErrors}`);
  await pg.selectOption('#up-profile', 'itu-fibre');
  const mapped = await dryRun();
  const notes = await pg.locator('#up-warnings').innerText();
  assert(mapped === 'succeeded', `with the itu-fibre profile: ${mapped}: ${await pg.locator('#up-message').innerText()}`);
  assert(/mapping 'itu-fibre' applied: route_id ← line_id/.test(notes), `the page says what it mapped: ${notes}`);

  await pg.selectOption('#up-layer', 'base-stations');
  await pg.selectOption('#up-profile', '');
  await pg.setInputFiles('#up-file', manyBadFile);
  assert(await dryRun() === 'rejected', 'the 1,200 bad rows are rejected');
  const shown = await pg.locator('#up-errors tbody tr').count();
  const count = await pg.locator('#up-errors-count').innerText();
  assert(shown === 1000 && /1,000 of 1,200/.test(count), `${shown} rows shown; the page says: ${count}`);
  const [download] = await Promise.all([pg.waitForEvent('download'), pg.locator('#up-errors-csv').click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
  assert(csv.length === 1201 && csv[0].startsWith('row,field,value,message'), `downloaded ${csv.length - 1} rows, header ${csv[0]}`);
  assert(csv.slice(1).every((l) => /^\d+,technology,6G,/.test(l)), `every downloaded error is a row's technology: ${csv[1]}`);
  await shot('07b-upload-long-report');

  // "import the valid rows and report the rest": the same kind of bad row beside a good one passes, one rejected
  const mixedFile = path.join(tmp, 'mixed-sites.csv');
  fs.writeFileSync(mixedFile, `${header}\nE2E-MIX-1,A,beeline,66.4,39.4,4G,1800,0,65,30,35,active,2024-01-15\n`
    + 'E2E-MIX-2,A,beeline,66.41,39.4,6G,1800,0,65,30,35,active,2024-01-15\n');
  await pg.setInputFiles('#up-file', mixedFile);
  assert(await dryRun() === 'rejected', 'all or nothing by default');
  await pg.check('#up-partial');
  const partial = await dryRun();
  const summary = await pg.locator('#up-summary').innerText();
  assert(partial === 'succeeded' && /1 rejected/.test(summary), `with partial=true: ${partial}, ${summary}`);
  await pg.uncheck('#up-partial');
  return `${profiles.length - 1} profiles offered; the ITU set rejected without its profile, passed with it; ${shown} of 1,200 errors shown, all 1,200 downloaded; partial: ${summary}`;
});

// a stored run an upload outdated is served at once, flagged stale, while its replacement computes (the test profile
// precomputes only today, so a past date's replacement starts when it is read): the page must say so, then redraw
await check('a date an upload changed: the gap table says it shows the previous answer, then refreshes by itself', async () => {
  const D = '2025-06-30';
  const table = () => pg.evaluate(() => ({ ...document.querySelector('#gap-table').dataset, note: !document.querySelector('#gap-stale').hidden }));
  await pg.locator('#nav-map').click();
  await pg.waitForFunction(() => !document.querySelector('#view-map').hidden);
  await pg.evaluate((d) => window.qamrov.setAsOf(d), D);
  await pg.waitForFunction((d) => document.querySelector('#gap-table').dataset.asOf === d, D, { timeout: 120000 });
  await idle();
  const before = await table();
  assert(before.stale === 'false' && !before.note, `the first list of ${D} is fresh: ${JSON.stringify(before)}`);

  // an operator's site on air since 2024-01-15: its generation changes every date from then on, D's stored run too
  const token = await operatorToken();
  const auth = { Authorization: `Bearer ${token}` };
  const res = await pg.request.post(`${BASE}/api/v1/uploads/base-stations`, { headers: auth, multipart: { file: {
    name: 'stale-site.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nE2E-STALE-1,A,beeline,66.3,39.3,4G,1800,0,65,30,35,active,2024-01-15\n`) } } });
  assert(res.ok(), `the upload answered ${res.status()}: ${await res.text()}`);
  const { id } = await res.json();
  let job = {};
  for (let i = 0; i < 240 && !['succeeded', 'failed', 'rejected'].includes(job.status); i++) {
    if (i) await new Promise((r) => setTimeout(r, 500));
    job = await (await pg.request.get(`${BASE}/api/v1/jobs/${id}`, { headers: auth })).json();
  }
  assert(job.status === 'succeeded', `the upload ended ${job.status}`);

  // another month, then D again: its list is the previous answer, and the page says so
  await pg.evaluate(() => window.qamrov.setAsOf('2025-03-31'));
  await pg.waitForFunction(() => document.querySelector('#gap-table').dataset.asOf === '2025-03-31', null, { timeout: 120000 });
  await idle();
  const noteShown = pg.waitForFunction(() => !document.querySelector('#gap-stale').hidden, null, { polling: 'raf', timeout: 60000 });
  await pg.evaluate((d) => window.qamrov.setAsOf(d), D);
  await noteShown;
  const staleView = await table();
  const note = await pg.locator('#gap-stale').innerText();
  await shot('11-stale-date-note');
  assert(staleView.asOf === D && staleView.stale === 'true' && staleView.run === before.run,
    `the stale list is the stored run of ${D}: ${JSON.stringify(staleView)} (before: ${before.run})`);
  assert(/previous answer/.test(note), `the note says what the list is: ${note}`);

  // the replacement is stored: the page redraws the date by itself, with no note
  await pg.waitForFunction((d) => { const t = document.querySelector('#gap-table').dataset;
    return t.asOf === d && t.stale === 'false' && document.querySelector('#gap-stale').hidden; }, D, { timeout: 120000 });
  await idle();
  const after = await table();
  assert(after.run !== before.run, `the redrawn list comes from the new run: ${after.run} (was ${before.run})`);
  const counts = await pg.evaluate(() => [window.qamrov.staleLists, window.qamrov.staleRefreshed]);
  return `the stale list of run ${before.run} said so (${JSON.stringify(note.slice(0, 40))}…); redrawn from run ${after.run}; `
    + `stale lists seen ${counts[0]}, redrawn ${counts[1]}`;
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
