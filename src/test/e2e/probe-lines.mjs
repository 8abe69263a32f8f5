// Not a test: the railways drawn two ways on the loaded page, alternated 5 times (for #15's first load): as one Leaflet
// layer per line (L.geoJSON, before) and as one multi-part polyline (js/lineSet.js). Per round and way: ms to build
// and add the layer, ms to its first frame, ms for a zoom in and out (two frames each).
//   node src/test/e2e/probe-lines.mjs http://127.0.0.1:8080
import { chromium } from 'playwright-core';
const BASE = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const b = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const pg = await b.newPage({ viewport: { width: 1600, height: 1000 } });
await pg.goto(`${BASE}/?lang=en`);
await pg.waitForFunction(() => window.qamrov && window.qamrov.ready && window.qamrov.busy === 0, null, { timeout: 60000 });
const out = await pg.evaluate(async () => {
  const { LineSet } = await import('/js/lineSet.js');
  const q = window.qamrov; const map = q.map;
  const fc = await (await fetch('/api/v1/layers/railways?limit=10000&simplify_m=50&properties=id%2Cline_key%2Cline_name')).json();
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const renderer = L.canvas({ pane: 'linesPane', padding: 0.2 });
  const opts = { pane: 'linesPane', renderer, interactive: false, color: '#555', weight: 2.5, dashArray: '6 4' };
  const res = { geojson: [], lineSet: [] };
  for (let i = 0; i < 5; i++) {
    for (const kind of ['geojson', 'lineSet']) {
      const feats = JSON.parse(JSON.stringify(fc.features));
      await frame();
      const t0 = performance.now();
      const layer = kind === 'geojson' ? L.geoJSON({ type: 'FeatureCollection', features: feats }, { ...opts, style: { color: '#555', weight: 2.5, dashArray: '6 4' } }) : new LineSet(opts).setFeatures(feats);
      layer.addTo(map);
      const t1 = performance.now();
      await frame();
      const t2 = performance.now();
      map.setZoom(map.getZoom() + 0.5, { animate: false }); await frame();
      map.setZoom(map.getZoom() - 0.5, { animate: false }); await frame();
      const t3 = performance.now();
      layer.remove();
      res[kind].push([Math.round(t1 - t0), Math.round(t2 - t0), Math.round(t3 - t2)]);
    }
  }
  return res;
});
console.log(JSON.stringify(out));
await b.close();
