package uz.qamrov.geodata.generator;

import java.util.function.Supplier;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.geodata.calibration.Terrain;

/**
 * Where a synthetic site may stand in relief: operators build near roads and settlements, and in the mountains along
 * the valleys and passes, not on ridge lines. The rule (documented in geodata/README.md):
 * <ul>
 * <li>a position is <b>on a ridge</b> when its elevation (DEM cell, {@link Terrain#elevationM}) exceeds the median
 * of the DEM cells within {@link #MEDIAN_RADIUS_M} ({@link Terrain#localMedianM}) by more than {@link #RIDGE_EXCESS_M}
 * and no settlement point lies within {@link #SETTLEMENT_M} (a village on a hilltop keeps its mast);</li>
 * <li>a candidate on a ridge is redrawn from its own placement (up to {@link #REDRAWS} times, from the generator's
 * separate {@code siting} stream, so no other draw shifts); the first redraw off the ridge is taken, else the redraw
 * with the smallest excess over the local median.</li>
 * </ul>
 * With a 1′ DEM (≈ 1.4 × 1.85 km cells) narrower ridges are invisible to the rule.
 */
final class SiteSiting {

    static final double MEDIAN_RADIUS_M = 5_000;
    static final double RIDGE_EXCESS_M = 100;
    static final double SETTLEMENT_M = 500;
    static final int REDRAWS = 16;

    private final Terrain terrain;
    private final PointGrid settlements;
    private int relocated;
    private int keptHigh;

    /**
     * @param settlements settlement points (see {@link PointGrid}); a site within {@link #SETTLEMENT_M} of one is
     *                    never on a ridge
     */
    SiteSiting(Terrain terrain, PointGrid settlements) {
        this.terrain = terrain;
        this.settlements = settlements;
    }

    /** Metres by which the position stands above the median of its surroundings (negative in a valley). */
    double excessM(double lon, double lat) {
        return terrain.elevationM(lon, lat) - terrain.localMedianM(lon, lat, MEDIAN_RADIUS_M);
    }

    boolean onRidge(double lon, double lat) {
        return excessM(lon, lat) > RIDGE_EXCESS_M && settlements.nearest(lon, lat, SETTLEMENT_M) == null;
    }

    /** The candidate if it is not on a ridge, else a redraw as described in the class comment. */
    Coordinate place(Coordinate candidate, Supplier<Coordinate> redraw) {
        if (!onRidge(candidate.x, candidate.y)) {
            return candidate;
        }
        relocated++;
        Coordinate best = candidate;
        double bestExcess = excessM(candidate.x, candidate.y);
        for (int i = 0; i < REDRAWS; i++) {
            Coordinate c = redraw.get();
            if (!onRidge(c.x, c.y)) {
                return c;
            }
            double e = excessM(c.x, c.y);
            if (e < bestExcess) {
                best = c;
                bestExcess = e;
            }
        }
        keptHigh++;
        return best;
    }

    /** Candidates found on a ridge (and moved). */
    int relocated() {
        return relocated;
    }

    /** Of those, how many found no redraw off the ridge (they took the lowest redraw). */
    int keptHigh() {
        return keptHigh;
    }
}
