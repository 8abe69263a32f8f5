package uz.qamrov.engine.footprint;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Covered intervals of a straight lon/lat segment, from a footprint that answers them for straight segments of its
 * site plane. A straight lon/lat segment is a slightly curved line in the site plane (a 2 km chord is off by up to
 * ~7 cm). Far from the apex that is negligible, but a segment passing within metres of the site would see spurious
 * gaps between the edges that meet there; there the segment is halved (in lon/lat) until the pieces are ≤ 50 m, where
 * the chord error (< 0.1 mm) is far below the 1 mm boundary tolerance. One definition for {@link SectorFootprint}
 * and {@link RadialFootprint}.
 */
final class NearApexRefinement {

    /** A footprint's covered intervals of a straight segment of its site plane (metres east, north). */
    interface PlaneIntervals {
        double[] intervalsInPlane(double ax, double ay, double bx, double by);
    }

    /** Below this distance from the apex the edges that meet there amplify the chord error; refine there. */
    private static final double NEAR_APEX_M = 100;

    private NearApexRefinement() {
    }

    /**
     * The covered intervals of lon/lat segment A→B ({@link Footprint#coveredIntervals}); {@code refine} false: the
     * shape has no edges meeting at the apex (a disc), the segment is taken whole.
     */
    static double[] coveredIntervals(LocalMetric metric, PlaneIntervals shape, boolean refine, double lonA, double latA,
            double lonB, double latB) {
        double[] a = new double[2];
        double[] b = new double[2];
        metric.toLocal(lonA, latA, a);
        metric.toLocal(lonB, latB, b);
        return refine(metric, shape, refine ? 0 : 8, lonA, latA, lonB, latB, a[0], a[1], b[0], b[1]);
    }

    private static double[] refine(LocalMetric metric, PlaneIntervals shape, int depth, double lonA, double latA,
            double lonB, double latB, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        if (depth >= 8 || len2 <= 50 * 50 || distance2ToApex(ax, ay, dx, dy, len2) > NEAR_APEX_M * NEAR_APEX_M) {
            return shape.intervalsInPlane(ax, ay, bx, by);
        }
        double lonM = 0.5 * (lonA + lonB);
        double latM = 0.5 * (latA + latB);
        double[] m = new double[2];
        metric.toLocal(lonM, latM, m);
        return Intervals.concatHalves(refine(metric, shape, depth + 1, lonA, latA, lonM, latM, ax, ay, m[0], m[1]),
                refine(metric, shape, depth + 1, lonM, latM, lonB, latB, m[0], m[1], bx, by));
    }

    /** Squared distance from the apex (origin) to the chord A + t·D, t ∈ [0, 1]. */
    private static double distance2ToApex(double ax, double ay, double dx, double dy, double len2) {
        double t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        double x = ax + t * dx;
        double y = ay + t * dy;
        return x * x + y * y;
    }
}
