/**
 * How a cell becomes a coverage footprint.
 *
 * <p>Terms: <em>environment class</em> (URBAN/SUBURBAN/RURAL, from settlement population around the site);
 * <em>path-loss model</em> (median loss in dB vs distance, each with its own frequency and distance validity);
 * <em>link budget</em> (allowed loss = EIRP − threshold − margins); <em>cell range</em> (radius in metres at which the
 * allowed loss is reached, or the operator's explicit range); <em>footprint</em> (the covered area, answered
 * analytically: point containment and covered parameter intervals of a segment).
 *
 * <p>CRS and units: inputs and outputs in WGS84 lon/lat degrees; shapes are exact circles/sectors in the site's
 * {@link uz.qamrov.engine.geodesy.LocalMetric} plane (metres, azimuth clockwise from north). Frequencies in MHz,
 * heights in m, distances in km inside path-loss formulas (as published) and m elsewhere, levels in dBm, losses in
 * dB. Polygons from {@code toPolygon} are approximations for display and union; the analytic form is the truth.
 */
package uz.qamrov.engine.footprint;
