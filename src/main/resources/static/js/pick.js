// What lies under a map click, found by position. The canvases stack (hexagons, roads and rail, covered settlements),
// and the topmost one receives every click in the map: a feature on a lower canvas, in SVG under a canvas, or a region
// polygon never sees its own click. The map's click handler asks here instead.
import { contains, m } from './map.js';

const L = window.L;
// how near a click must be to a line, in screen pixels: about a finger's width on a 2.5 px line
const LINE_TOLERANCE_PX = 6;
// the red stretches lie above the roads, and fibre is drawn only from zoom 10: the first layer with a line near wins
const LINE_LAYERS = ['stretches', 'highways', 'railways', 'fiber'];

/** The region polygon under a point, or null. */
export function regionAt(latlng) {
  const hit = m.layers.regions.getLayers().find((l) => l.feature && l.feature.geometry
    && contains(l.feature.geometry, latlng.lng, latlng.lat));
  return hit ? hit.feature : null;
}

/** The hexagon under a point when that layer is on, or null. */
export function hexagonAt(latlng) {
  if (!m.map.hasLayer(m.layers.hexagons)) return null;
  return m.layers.hexagons.getLayers().find((l) => contains(l.feature.geometry, latlng.lng, latlng.lat)) || null;
}

/**
 * The nearest line within {@link LINE_TOLERANCE_PX} of a point, of the first visible line layer that has one:
 * {feature, layer}, where layer is the line's own Leaflet layer when it has one (stretches, fibre: their popups are
 * bound), null for roads and rail (one polyline per layer: js/lineSet.js); or null.
 */
export function lineAt(latlng) {
  const map = m.map;
  const p = map.latLngToContainerPoint(latlng);
  // a box of the tolerance around the click: lines whose bounds miss it are skipped without projecting a vertex
  const box = L.latLngBounds(map.containerPointToLatLng([p.x - LINE_TOLERANCE_PX, p.y + LINE_TOLERANCE_PX]),
    map.containerPointToLatLng([p.x + LINE_TOLERANCE_PX, p.y - LINE_TOLERANCE_PX]));
  for (const key of LINE_LAYERS) {
    const group = m.layers[key];
    if (!map.hasLayer(group)) continue;
    let best = null;
    let bestPx = LINE_TOLERANCE_PX;
    const consider = (feature, layer, latlngs) => {
      const px = pixelsToLine(map, p, latlngs);
      if (px <= bestPx) { best = { feature, layer }; bestPx = px; }
    };
    if (group.partsNear) {
      for (const part of group.partsNear(box)) consider(part.feature, null, part.latlngs);
    } else {
      group.eachLayer((l) => { if (l.getLatLngs && l.getBounds().intersects(box)) consider(l.feature, l, l.getLatLngs()); });
    }
    if (best) return best;
  }
  return null;
}

// the shortest distance in pixels from a container point to a (multi)line's segments
function pixelsToLine(map, p, latlngs) {
  if (latlngs.length && Array.isArray(latlngs[0])) return Math.min(...latlngs.map((part) => pixelsToLine(map, p, part)));
  let best = Infinity;
  let a = null;
  for (const ll of latlngs) {
    const b = map.latLngToContainerPoint(ll);
    best = Math.min(best, a ? L.LineUtil.pointToSegmentDistance(p, a, b) : p.distanceTo(b));
    a = b;
  }
  return best;
}
