/**
 * Ellipsoidal measurement on WGS84 without projections.
 *
 * <p>Terms: a <em>local metric</em> is a tangent plane around a reference point in metres (x east, y north) whose
 * distances and azimuths from the reference point equal the geodesic ones to ~1e-5 relative for distances below
 * ~100 km. It uses the WGS84 meridional radius M(φ) and prime-vertical radius N(φ)·cosφ at the mid-latitude, plus
 * the meridian-convergence correction for azimuths.
 *
 * <p>Why this choice: inputs are EPSG:4326 lon/lat over 56°E–73°E, 37°N–46°N. No single UTM zone covers that
 * without ~0.1–0.2% scale error at the edges, and treating degrees as metres is wrong by up to 25% east–west. The
 * engine's geometry is local (cell radii up to ~60 km, line segments of ≤ 2 km), so a per-feature tangent plane is
 * accurate and cheap. Footprints are exact circles/sectors in their site's plane; line lengths are sums of ≤ 2 km
 * pieces, each measured with the metric at its mid-point. Polygon areas use GeographicLib's geodesic
 * {@code PolygonArea}. The {@code LocalMetricTest} compares against GeographicLib {@code Geodesic.WGS84}.
 *
 * <p>Units: metres, square metres, degrees (azimuths clockwise from north in [0, 360)).
 */
package uz.qamrov.engine.geodesy;
