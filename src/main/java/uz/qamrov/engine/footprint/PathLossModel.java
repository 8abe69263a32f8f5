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
     * Largest distance whose loss does not exceed {@code allowedPathLossDb}. Below the model's minimum distance the
     * formula is extrapolated (never clamped up: that would inflate a cell's area); above the maximum the answer is
     * the maximum, flagged {@code clamped}. This default bisects on log-distance between {@link #FLOOR_KM} and the
     * maximum; log-linear models override it with the closed form.
     */
    default MaxDistance maxDistance(double allowedPathLossDb, RadioLink link) {
        double lo = FLOOR_KM;
        double hi = maxDistanceKm();
        if (pathLossDb(lo, link) > allowedPathLossDb) {
            return new MaxDistance(lo, false);
        }
        if (pathLossDb(hi, link) <= allowedPathLossDb) {
            return new MaxDistance(hi, true);
        }
        double a = Math.log(lo);
        double b = Math.log(hi);
        // 40 halvings of a log-range of at most ln(1e5) leave a relative error below 1e-11
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

    /**
     * {@link #maxDistance} for one link, as a function of the allowed loss only: a radial solver asks it for ~100
     * losses per cell, so models with per-link constants (logarithms of heights and frequency) compute them once.
     * The answers are exactly those of {@link #maxDistance}.
     */
    default LinkInverse inverseFor(RadioLink link) {
        return allowed -> maxDistance(allowed, link);
    }

    /**
     * {@link #pathLossDb} of one link as a function of distance only: the radial model evaluates it a few hundred
     * times per cell, so models with per-link constants (logarithms of heights and frequency) compute them once. The
     * answers are exactly those of {@link #pathLossDb} (same expressions in the same order: same bits;
     * {@code LinkLossTest}).
     */
    default LinkLoss lossFor(RadioLink link) {
        return distanceKm -> pathLossDb(distanceKm, link);
    }

    /** {@link PathLossModel#pathLossDb} of one link. */
    @FunctionalInterface
    interface LinkLoss {
        double pathLossDb(double distanceKm);
    }

    /** {@link PathLossModel#maxDistance} of one link. */
    @FunctionalInterface
    interface LinkInverse {
        MaxDistance maxDistance(double allowedPathLossDb);
    }

    /** Shortest distance any model answers (1 m): below it a "range" means no coverage worth drawing. */
    double FLOOR_KM = 0.001;

    /**
     * Limits a closed-form solution: above {@code maxKm} to {@code maxKm} with {@code clamped}; below the floor to
     * the floor. Solutions between the floor and the model's minimum distance are kept (extrapolation, see
     * {@link #maxDistance}).
     */
    static MaxDistance clamp(double distanceKm, double maxKm) {
        if (!(distanceKm >= FLOOR_KM)) {
            return new MaxDistance(FLOOR_KM, false);
        }
        if (distanceKm > maxKm) {
            return new MaxDistance(maxKm, true);
        }
        return new MaxDistance(distanceKm, false);
    }

    /** Free-space loss in dB at a 3-D distance {@code d3M} metres and {@code fMhz}: 20·log(4π·d·f/c). */
    static double freeSpaceDb(double d3M, double fMhz) {
        return 20 * Math.log10(d3M) + 20 * Math.log10(fMhz) - 27.55;
    }
}
