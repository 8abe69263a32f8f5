package uz.qamrov.engine.terrain;

/**
 * Diffraction loss over a terrain profile by the Deygout construction with up to three edges, as ITU-R P.526-8
 * (2003) §4.5 gives it for a general profile:
 *
 * <pre>
 * h_i  = h_i + 500·C_e·d_i·(d − d_i) − (h_a·(d − d_i) + h_b·d_i)/d                height above the ray a→b (m)
 * ν_i  = h_i·√(0.002·d / (λ·d_i·(d − d_i)))                                      on the path a→b of length d
 * p    = the profile point of largest ν on the whole path (the principal edge)
 * t, r = the points of largest ν on the sub-paths transmitter→p and p→receiver (secondary edges)
 * L    = J(ν_p) + T·(J(ν_t) + J(ν_r) + C),   T = 1 − e^(−J(ν_p)/6),   C = 10 + 0.04·D       (D: path length, km)
 * </pre>
 * with J(ν) of P.526 eq. 31 ({@link Bullington#knifeEdgeDb}, 0 for ν ≤ −0.78), C_e = 1/(k·6371 km), k = 4/3.
 * A sub-path with no interior point, or whose best ν is ≤ −0.78, adds J = 0; without a principal edge
 * (ν_p ≤ −0.78) the loss is 0. d and d_i in km, heights in m above sea level (antennas included), λ in m.
 *
 * <p>Against {@link Bullington} (one equivalent edge): on a single obstacle both give J(ν) plus the same order of
 * correction; with two obstacles of similar height Deygout adds the second edge's loss, which Bullington's single
 * edge (formed by the two steepest rays) does not. That is the case of long mountain paths where the model sees
 * less shadow loss than SPLAT!'s Longley–Rice (docs/engine.md). Stateless; O(n) per profile.
 */
public final class Deygout {

    private static final double CE = 1 / Bullington.EFFECTIVE_EARTH_RADIUS_KM;

    private Deygout() {
    }

    /**
     * Deygout loss in dB for a path of {@code dKm} whose interior profile points are {@code di[0..n)} (km from the
     * transmitter, strictly between 0 and d) with heights {@code hi[0..n)} (m).
     */
    public static double lossDb(double[] di, double[] hi, int n, double dKm, double htsM, double hrsM, double lambdaM) {
        return loss(di, hi, n, dKm, htsM, hrsM, lambdaM, 0, 0);
    }

    /**
     * Terrain excess over the smooth profile, as {@link Bullington#excessLossDb}: {@code max(0, L(profile) −
     * L(smooth))}, the smooth profile being the straight line from {@code groundTxM} (at 0) to {@code groundRxM} (at d).
     */
    public static double excessLossDb(double[] di, double[] hi, int n, double dKm, double groundTxM, double htsM,
            double groundRxM, double hrsM, double lambdaM) {
        double real = loss(di, hi, n, dKm, htsM, hrsM, lambdaM, 0, 0);
        if (real == 0) {
            return 0;
        }
        return Math.max(0, real - loss(di, null, n, dKm, htsM, hrsM, lambdaM, groundTxM, groundRxM));
    }

    private static double loss(double[] di, double[] hi, int n, double dKm, double htsM, double hrsM, double lambdaM,
            double g0, double g1) {
        if (n == 0 || !(dKm > 0)) {
            return 0;
        }
        int p = best(di, hi, 0, n, 0, dKm, htsM, hrsM, lambdaM, g0, g1, dKm);
        double nuP = nu(di, hi, p, 0, dKm, htsM, hrsM, lambdaM, g0, g1, dKm);
        double jp = Bullington.knifeEdgeDb(nuP);
        if (jp == 0) {
            return 0;
        }
        double hp = height(di, hi, p, g0, g1, dKm);
        double jt = 0;
        if (p > 0) {
            int t = best(di, hi, 0, p, 0, di[p], htsM, hp, lambdaM, g0, g1, dKm);
            jt = Bullington.knifeEdgeDb(nu(di, hi, t, 0, di[p], htsM, hp, lambdaM, g0, g1, dKm));
        }
        double jr = 0;
        if (p < n - 1) {
            int r = best(di, hi, p + 1, n, di[p], dKm, hp, hrsM, lambdaM, g0, g1, dKm);
            jr = Bullington.knifeEdgeDb(nu(di, hi, r, di[p], dKm, hp, hrsM, lambdaM, g0, g1, dKm));
        }
        double t = 1 - Math.exp(-jp / 6);
        return jp + t * (jt + jr + 10 + 0.04 * dKm);
    }

    /** The index in [from, to) of largest ν on the sub-path from (aKm, haM) to (bKm, hbM). */
    private static int best(double[] di, double[] hi, int from, int to, double aKm, double bKm, double haM, double hbM,
            double lambdaM, double g0, double g1, double dKm) {
        int best = from;
        double bestNu = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double v = nu(di, hi, i, aKm, bKm, haM, hbM, lambdaM, g0, g1, dKm);
            if (v > bestNu) {
                bestNu = v;
                best = i;
            }
        }
        return best;
    }

    /**
     * ν of point i on the sub-path from (aKm, haM) to (bKm, hbM): its height above the ray between them, with the earth
     * bulge of that sub-path, times √(0.002·s / (λ·s1·s2)).
     */
    private static double nu(double[] di, double[] hi, int i, double aKm, double bKm, double haM, double hbM,
            double lambdaM, double g0, double g1, double dKm) {
        double s = bKm - aKm;
        double s1 = di[i] - aKm;
        double s2 = bKm - di[i];
        double h = height(di, hi, i, g0, g1, dKm) + 500 * CE * s1 * s2 - (haM * s2 + hbM * s1) / s;
        return h * Math.sqrt(0.002 * s / (lambdaM * s1 * s2));
    }

    private static double height(double[] di, double[] hi, int i, double g0, double g1, double dKm) {
        return hi != null ? hi[i] : g0 + (g1 - g0) * di[i] / dKm;
    }
}
