package uz.qamrov.engine.footprint;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Helpers that turn shapes defined in a site's {@link LocalMetric} plane into lon/lat rings that follow them to
 * within a few centimetres, so that the polygon the map, tiles and exports draw is the footprint the engine tests.
 */
final class PolygonRings {

    /** Longest straight lon/lat piece of an edge: a 2.5 km chord is ≤ 0.1 m off the plane's straight line at 40°N. */
    static final double MAX_STEP_M = 2_500;

    /** Largest gap allowed between a circular arc and its chords. */
    static final double MAX_SAGITTA_M = 5;

    private PolygonRings() {
    }

    /** Vertices per full circle so that the sagitta r·(1 − cos(π/n)) is at most {@link #MAX_SAGITTA_M}. */
    static int verticesForSagitta(double radiusM) {
        if (radiusM <= MAX_SAGITTA_M * 2) {
            return 8;
        }
        return (int) Math.ceil(Math.PI / Math.acos(1 - MAX_SAGITTA_M / radiusM));
    }

    /**
     * Appends the interior points of the plane segment (x0, y0)→(x1, y1) (both ends excluded) in lon/lat, spaced at
     * most {@code min(MAX_STEP_M, scaleM / 8)} apart, so that the ring follows the straight line of the plane.
     */
    static void walk(LocalMetric metric, double x0, double y0, double x1, double y1, double scaleM,
            List<Coordinate> ring) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        int k = (int) Math.ceil(len / Math.min(MAX_STEP_M, Math.max(scaleM / 8, 1)));
        for (int i = 1; i < k; i++) {
            double t = (double) i / k;
            double[] ll = metric.toLonLat(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
            ring.add(new Coordinate(ll[0], ll[1]));
        }
    }
}
