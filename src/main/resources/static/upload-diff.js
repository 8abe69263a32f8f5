// The diff of an import or a dry run on the upload page's own map: sites added / moved (with the distance) /
// re-parametrised (with the fields) / removed, fiber routes added or removed, coloured by change, with a legend that
// counts every row of the diff (GET /api/v1/jobs/{id}/diff, JSON: per-operator counts and fiber km) and draws up to
// MAX_DRAWN of them (GET /api/v1/jobs/{id}/diff?f=geojson&limit=…). Region outlines give the place; no basemap tiles.

export const CHANGES = ['added', 'moved', 'reparametrised', 'removed'];
const COLOURS = { added: '#1a9850', moved: '#2c7bb6', reparametrised: '#e08214', removed: '#d7191c' };
// a national import can change 100,000 sites: the legend counts them all, the map draws the first ones only
const MAX_DRAWN = 5000;

export function diffView({ api, t, esc, fmt, debug, headers }) {
  const block = document.querySelector('#up-diff-block');
  let map = null;
  let features = null;
  let outlines = null;

  function ensureMap() {
    if (map) return;
    map = L.map('up-diff-map', { zoomSnap: 0.25, preferCanvas: true, attributionControl: false });
    map.setView([41.4, 64.6], 5);
    outlines = L.geoJSON(null, { style: { color: '#8a94a6', weight: 1, fill: false }, interactive: false }).addTo(map);
    features = L.geoJSON(null, {
      style: (f) => ({ color: COLOURS[f.properties.change] || '#555', weight: 3, dashArray: f.properties.change === 'removed' ? '6 4' : null }),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        radius: 6, weight: 2, color: '#fff', fillColor: COLOURS[f.properties.change] || '#555', fillOpacity: 0.9,
      }),
      onEachFeature: (f, l) => l.bindPopup(popup(f.properties)),
    }).addTo(map);
    debug.diffMap = map;
  }

  function popup(p) {
    const what = [`<strong>${esc(p.operator)} ${esc(p.external_id)}</strong>`, esc(t(`up.diff.${p.change}`))];
    if (p.change === 'moved' && p.moved_m != null) what.push(esc(t('up.diff.movedBy', { m: fmt(p.moved_m, 0) })));
    if (p.fields && p.fields.length && p.change !== 'added' && p.change !== 'removed') what.push(esc(p.fields.join(', ')));
    if (p.length_km != null) what.push(`${fmt(p.length_km, 2)} km`);
    return what.join('<br>');
  }

  async function get(path) {
    debug.busy++;
    try {
      const res = await fetch(path, { headers: headers() });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(`${res.status}: ${body.detail || res.statusText}`);
      return body;
    } finally {
      debug.busy--;
    }
  }

  /** Totals over every operator of the diff: rows per change, fiber km added and removed. */
  function totals(summary) {
    const n = { added: 0, moved: 0, reparametrised: 0, removed: 0, fiberKmAdded: 0, fiberKmRemoved: 0 };
    for (const o of summary.operators || []) {
      for (const c of CHANGES) n[c] += o[c] || 0;
      n.fiberKmAdded += o.fiberKmAdded || 0;
      n.fiberKmRemoved += o.fiberKmRemoved || 0;
    }
    return n;
  }

  function legend(n, drawn, matched) {
    const rows = CHANGES.map((c) => `<li data-change="${c}"><span class="swatch" style="background:${COLOURS[c]}"></span>
      ${esc(t(`up.diff.${c}`))} <span class="count">${n[c]}</span></li>`).join('');
    const fiber = n.fiberKmAdded || n.fiberKmRemoved
      ? `<li data-change="fiber">${esc(t('up.diff.fiberKm', { added: fmt(n.fiberKmAdded, 1), removed: fmt(n.fiberKmRemoved, 1) }))}</li>` : '';
    const capped = drawn < matched ? `<p class="note">${esc(t('up.diff.capped', { drawn, matched }))}</p>` : '';
    document.querySelector('#up-diff-legend').innerHTML = `<ul>${rows}${fiber}</ul>${capped}`;
  }

  async function show(jobId, dryRun) {
    block.hidden = false;
    document.querySelector('#up-diff-title').textContent = t(dryRun ? 'up.diff.titleDry' : 'up.diff.title');
    ensureMap();
    map.invalidateSize();
    const id = encodeURIComponent(jobId);
    const [summary, fc] = await Promise.all([get(`${api}/jobs/${id}/diff?limit=1`),
      get(`${api}/jobs/${id}/diff?f=geojson&limit=${MAX_DRAWN}`)]);
    if (outlines.getLayers().length === 0) {
      outlines.addData(await get(`ogc/collections/regions/items?limit=100`).catch(() => ({ type: 'FeatureCollection', features: [] })));
    }
    features.clearLayers().addData(fc);
    const n = totals(summary);
    legend(n, fc.features.length, summary.numberMatched);
    block.dataset.counts = JSON.stringify({ ...n, drawn: fc.features.length, matched: summary.numberMatched });
    if (fc.features.length) {
      map.fitBounds(features.getBounds().pad(0.5), { maxZoom: 13 });
    }
  }

  function hide() {
    block.hidden = true;
    delete block.dataset.counts;
    if (features) features.clearLayers();
  }

  return { show, hide };
}
