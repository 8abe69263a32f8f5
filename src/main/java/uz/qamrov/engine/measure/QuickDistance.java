package uz.qamrov.engine.measure;

import uz.qamrov.engine.geodesy.LocalMetric;

/**
 * Distance from a fixed place on its tangent plane (lon/lat offsets scaled by the radii of curvature at the place):
 * two multiplications and a square root instead of {@link LocalMetric#distanceM}'s trigonometry. Within 2 % + 1 m of
 * {@link LocalMetric#distanceM} up to {@link #RANGE_M} at the latitudes of Uzbekistan and around them
 * ({@code QuickDistanceTest} measures it); beyond that range it measures exactly. Used to discard the cells an
 * answer cannot depend on before measuring the others exactly.
 */
final class QuickDistance {

    /** How far the approximation is used (the error of the east scale grows with the latitude difference). */
    static final double RANGE_M = 100_000;
    private static final double SLACK = 1.02;
    private static final double RAD = Math.PI / 180;

    private final double lon;
    private final double lat;
    private final double kx;
    private final double ky;
    private final boolean exact;

    private QuickDistance(double lon, double lat, boolean exact) {
        this.lon = lon;
        this.lat = lat;
        double phi = lat * RAD;
        this.kx = LocalMetric.primeVerticalRadiusM(phi) * Math.cos(phi) * RAD;
        this.ky = LocalMetric.meridionalRadiusM(phi) * RAD;
        this.exact = exact;
    }

    /** For distances up to {@code radiusM} from (lon, lat). */
    static QuickDistance at(double lon, double lat, double radiusM) {
        return new QuickDistance(lon, lat, !(radiusM * SLACK + 1 <= RANGE_M));
    }

    double distanceM(double lon2, double lat2) {
        if (exact) {
            return LocalMetric.distanceM(lon, lat, lon2, lat2);
        }
        double dx = (lon2 - lon) * kx;
        double dy = (lat2 - lat) * ky;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * The largest value this measure can give a point whose exact distance is {@code m} (and, the bound being
     * symmetric, the largest exact distance of a point this measure puts at {@code m}).
     */
    double upper(double m) {
        return exact ? m : m * SLACK + 1;
    }
}
