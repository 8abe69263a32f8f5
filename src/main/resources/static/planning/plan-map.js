// A plan on the map: the region outlines for orientation (OGC API) and the plan's proposals exactly as
// /api/v1/plans/{id}/proposals.geojson gives them (new sites, upgrades and added sectors as points coloured by type,
// a fiber tree's links as lines), fitted into view, with a legend counting each type. No tile basemap: the page
// loads nothing from outside the service.
const COLOURS = { new_site: '#c62828', upgrade_to_4g: '#1565c0', upgrade_to_5g: '#6a1b9a', add_sector: '#ef6c00',
  upgrade_to_5g_with_sector: '#8e24aa' };
const colour = (f) => COLOURS[f.properties.type] || (f.geometry.type === 'LineString' ? '#2e7d32' : '#455a64');
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const usd = (v) => Number(v || 0).toLocaleString('en', { maximumFractionDigits: 0 });

let map = null;
let drawn = null;

function create() {
  map = L.map('pl-map', { attributionControl: false }).setView([41.3, 64.5], 5);
  const outlines = L.geoJSON(null, { style: { color: '#888', weight: 1, fill: false }, interactive: false }).addTo(map);
  drawn = L.geoJSON(null, {
    pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7, color: '#fff', weight: 1, fillColor: colour(f), fillOpacity: 0.95 }),
    style: (f) => ({ color: colour(f), weight: 3 }),
    onEachFeature: (f, layer) => layer.bindPopup(`${esc(f.properties.rank)}. ${esc(f.properties.type)}: `
      + `${esc(f.properties.label || f.properties.settlementId || '')}, ${usd(f.properties.costUsd)} USD`),
  }).addTo(map);
  fetch('/ogc/collections/regions/items?limit=100', { headers: { Accept: 'application/geo+json' } })
    .then((r) => (r.ok ? r.json() : null)).then((fc) => { if (fc) outlines.addData(fc); }).catch(() => {});
}

/** Draws plan {@code planId}'s proposals (replacing the last plan's) and says what it drew in the legend. */
export async function showPlanMap(planId, headers) {
  if (!map) create();
  map.invalidateSize(); // the result section was hidden until now
  const r = await fetch(`/api/v1/plans/${planId}/proposals.geojson`, { headers });
  if (!r.ok) throw new Error(`proposals.geojson: HTTP ${r.status}`);
  const fc = await r.json();
  drawn.clearLayers().addData(fc);
  const counts = {};
  for (const f of fc.features) counts[f.properties.type] = (counts[f.properties.type] || 0) + 1;
  document.querySelector('#pl-map-legend').innerHTML = Object.entries(counts).map(([type, n]) =>
    `<span><i style="background:${COLOURS[type] || '#2e7d32'}"></i>${esc(type)}: ${n}</span>`).join('');
  if (fc.features.length) map.fitBounds(drawn.getBounds().pad(0.5), { maxZoom: 11, animate: false });
  // what the browser test reads: each drawn feature's type and position (a line by its last point, the settlement)
  window.qamrovPlanning = { map, drawn: [] };
  drawn.eachLayer((l) => {
    const ll = l.getLatLng ? l.getLatLng() : l.getLatLngs()[l.getLatLngs().length - 1];
    window.qamrovPlanning.drawn.push({ type: l.feature.properties.type, rank: l.feature.properties.rank, lat: ll.lat, lon: ll.lng,
      line: !l.getLatLng });
  });
}
