/**
 * Spatial indexes over WGS84 lon/lat envelopes: an STRtree for the coarse filter plus an exact second step
 * (analytic footprint test or prepared point-in-polygon locator). Terms: an <em>area</em> is a region or district
 * polygon; a <em>footprint</em> is a cell's covered area (see {@code uz.qamrov.engine.footprint}). Envelopes are in
 * degrees; exact tests measure in metres with {@code LocalMetric}. Indexes are built once and immutable, so
 * concurrent reads are safe.
 */
package uz.qamrov.engine.index;
