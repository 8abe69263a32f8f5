package uz.qamrov.engine.footprint;

/**
 * Median path loss in dB between a base station and a mobile as a function of distance, valid inside a stated
 * frequency and distance range. Implementations: {@link OkumuraHata}, {@link Cost231Hata}, {@link Tr38901}.
 * Loss increases monotonically with distance, which {@link #maxDistance} relies on.
 */
public interface PathLossModel {

    String name();

    double minFrequencyMhz();

    double maxFrequencyMhz();

    double minDistanceKm();

    double maxDistanceKm();

    /** Median path loss in dB at horizontal distance {@code distanceKm}. */
    double pathLossDb(double distanceKm, RadioLink link);

    /**
     * Largest distance whose loss does not exceed {@code allowedPathLossDb}, clamped to the validity range. This
     * default bisects on log-distance; log-linear models override it with the closed form.
     */
    default MaxDistance maxDistance(double allowedPathLossDb, RadioLink link) {
        double lo = minDistanceKm();
        double hi = maxDistanceKm();
        if (pathLossDb(lo, link) > allowedPathLossDb) {
            return new MaxDistance(lo, true);
        }
        if (pathLossDb(hi, link) <= allowedPathLossDb) {
            return new MaxDistance(hi, true);
        }
        double a = Math.log(lo);
        double b = Math.log(hi);
        // 40 halvings of a log-range of at most ln(1e4) leave a relative error below 1e-11
        for (int i = 0; i < 40; i++) {
            double m = 0.5 * (a + b);
            if (pathLossDb(Math.exp(m), link) <= allowedPathLossDb) {
                a = m;
            } else {
                b = m;
            }
        }
        return new MaxDistance(Math.exp(a), false);
    }

    /** Clamps a closed-form solution to the validity range. */
    static MaxDistance clamp(double distanceKm, double minKm, double maxKm) {
        if (!(distanceKm >= minKm)) {
            return new MaxDistance(minKm, true);
        }
        if (distanceKm > maxKm) {
            return new MaxDistance(maxKm, true);
        }
        return new MaxDistance(distanceKm, false);
    }
}
