// Many lines drawn as one multi-part polyline on a canvas. With the ~8,000 OSM railway segments an admin may load,
// one Leaflet layer per segment (a layer, a projection and a stroke each) took 99–296 ms to build and draw, one
// polyline 32–113 ms (src/test/e2e/probe-lines.mjs). A click finds its line by position (js/pick.js), part by part,
// through partsNear.
const L = window.L;

const linesOf = (g) => (!g ? [] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : []);

/** A layer group holding one polyline of every feature's parts, drawn with {@code options} (renderer, pane, style). */
export const LineSet = L.LayerGroup.extend({
  initialize(options) {
    L.LayerGroup.prototype.initialize.call(this);
    this.lineOptions = options;
    this.parts = []; // { feature, latlngs, bounds } per drawn part
  },

  /** Replaces the drawn lines with these GeoJSON features (LineString or MultiLineString). */
  setFeatures(features) {
    this.clearLayers();
    this.parts = [];
    for (const feature of features) {
      for (const coords of linesOf(feature.geometry)) {
        if (coords.length < 2) continue;
        const latlngs = coords.map(([lon, lat]) => L.latLng(lat, lon));
        this.parts.push({ feature, latlngs, bounds: L.latLngBounds(latlngs) });
      }
    }
    if (this.parts.length) this.addLayer(L.polyline(this.parts.map((p) => p.latlngs), this.lineOptions));
    return this;
  },

  /** How many features have a part drawn (a feature without two points has none). */
  drawnCount() {
    return new Set(this.parts.map((p) => p.feature)).size;
  },

  /** The parts whose bounds meet {@code bounds}. */
  partsNear(bounds) {
    return this.parts.filter((p) => p.bounds.intersects(bounds));
  },
});
