package uz.qamrov.engine.terrain;

/**
 * Diffraction loss over a terrain profile by the Bullington method of ITU-R P.526-15 §4.5.2 (eqs. 52–60 there
 * numbered in the 2019 edition as part of §4.5 "diffraction over a general path"):
 *
 * <pre>
 * C_e  = 1 / r_e,  r_e = k·6371 km, k = 4/3                                 effective earth curvature
 * S_tim = max_i (h_i + 500·C_e·d_i·(d − d_i) − h_ts) / d_i                   steepest slope seen from the transmitter
 * S_tr  = (h_rs − h_ts) / d                                                  slope of the direct ray
 * LoS (S_tim < S_tr):  ν_max = max_i (h_i + 500·C_e·d_i·(d − d_i) − (h_ts·(d − d_i) + h_rs·d_i)/d)
 *                                  · √(0.002·d / (λ·d_i·(d − d_i)))
 * else: S_rim = max_i (h_i + 500·C_e·d_i·(d − d_i) − h_rs) / (d − d_i),
 *       d_bp = (h_rs − h_ts + S_rim·d) / (S_tim + S_rim),
 *       ν_b  = (h_ts + S_tim·d_bp − (h_ts·(d − d_bp) + h_rs·d_bp)/d) · √(0.002·d / (λ·d_bp·(d − d_bp)))
 * L_uc = J(ν);  L_b = L_uc + (1 − e^(−L_uc/6))·(10 + 0.02·d)
 * J(ν) = 6.9 + 20·log(√((ν − 0.1)² + 1) + ν − 0.1) for ν > −0.78, else 0      (P.526 eq. 31)
 * </pre>
 * d and d_i in km, heights in m above sea level (antenna heights included in h_ts, h_rs), λ in m.
 *
 * <p>The engine adds {@link #excessLossDb} to a median model (Hata, COST-231, TR 38.901) that already carries the
 * loss over smooth ground: the Bullington loss of the real profile minus that of the smooth profile (the straight
 * line between the two ground heights), floored at 0. This is the "delta" idea of P.526 §4.5.3 without its
 * spherical-earth term, which the median model replaces. Without it, a 1.5 m receiver over flat ground would get
 * several dB of "diffraction" from the ground next to it, which Hata already counts.
 *
 * <p>Why Bullington and not Deygout: Bullington replaces the whole profile by one equivalent knife edge, so it is
 * continuous in the receiver position (a radial's level does not jump when a new edge becomes "principal"), costs
 * one pass over the profile and is the method P.526 itself builds its general-path model on; Deygout with up to 3
 * edges overestimates the loss of closely spaced edges, which the 1.8 km grid makes common. Stateless.
 */
public final class Bullington {

    /** Effective earth radius for k = 4/3, km. */
    public static final double EFFECTIVE_EARTH_RADIUS_KM = 6371.0 * 4 / 3;

    private static final double CE = 1 / EFFECTIVE_EARTH_RADIUS_KM;

    private Bullington() {
    }

    /** P.526 eq. 31: knife-edge loss J(ν) in dB, 0 for ν ≤ −0.78. */
    public static double knifeEdgeDb(double nu) {
        if (nu <= -0.78) {
            return 0;
        }
        double v = nu - 0.1;
        return 6.9 + 20 * Math.log10(Math.sqrt(v * v + 1) + v);
    }

    /**
     * Bullington diffraction loss L_b in dB for a path of {@code dKm} whose interior profile points are
     * {@code di[0..n)} (km from the transmitter, strictly between 0 and d) with heights {@code hi[0..n)} (m).
     *
     * @param htsM transmitter height above sea level (ground + mast)
     * @param hrsM receiver height above sea level (ground + 1.5 m)
     */
    public static double lossDb(double[] di, double[] hi, int n, double dKm, double htsM, double hrsM, double lambdaM) {
        return loss(di, hi, n, dKm, htsM, hrsM, lambdaM, Double.NaN, Double.NaN);
    }

    /**
     * Terrain excess: {@code max(0, L_b(profile) − L_b(smooth))}, the smooth profile being the straight line from
     * {@code groundTxM} (at 0) to {@code groundRxM} (at d).
     */
    public static double excessLossDb(double[] di, double[] hi, int n, double dKm, double groundTxM, double htsM,
            double groundRxM, double hrsM, double lambdaM) {
        double real = loss(di, hi, n, dKm, htsM, hrsM, lambdaM, Double.NaN, Double.NaN);
        if (real == 0) {
            return 0;
        }
        return Math.max(0, real - loss(di, hi, n, dKm, htsM, hrsM, lambdaM, groundTxM, groundRxM));
    }

    /** L_b of the smooth profile alone: the straight line from {@code groundTxM} (at 0) to {@code groundRxM} (at d). */
    public static double smoothLossDb(double[] di, int n, double dKm, double groundTxM, double htsM, double groundRxM,
            double hrsM, double lambdaM) {
        return loss(di, null, n, dKm, htsM, hrsM, lambdaM, groundTxM, groundRxM);
    }

    /** With finite g0/g1 the heights are replaced by the line g0 + (g1 − g0)·d_i/d. */
    private static double loss(double[] di, double[] hiIn, int n, double dKm, double htsM, double hrsM, double lambdaM,
            double g0, double g1) {
        if (n == 0 || !(dKm > 0)) {
            return 0;
        }
        boolean smooth = !Double.isNaN(g0);
        double[] hi = smooth ? new double[n] : hiIn;
        if (smooth) {
            for (int i = 0; i < n; i++) {
                hi[i] = g0 + (g1 - g0) * di[i] / dKm;
            }
        }
        double stim = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            stim = Math.max(stim, (hi[i] + 500 * CE * di[i] * (dKm - di[i]) - htsM) / di[i]);
        }
        double str = (hrsM - htsM) / dKm;
        double nu;
        if (stim < str) {
            nu = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double h = hi[i] + 500 * CE * di[i] * (dKm - di[i]) - (htsM * (dKm - di[i]) + hrsM * di[i]) / dKm;
                nu = Math.max(nu, h * Math.sqrt(0.002 * dKm / (lambdaM * di[i] * (dKm - di[i]))));
            }
        } else {
            double srim = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                srim = Math.max(srim, (hi[i] + 500 * CE * di[i] * (dKm - di[i]) - hrsM) / (dKm - di[i]));
            }
            double dbp = (hrsM - htsM + srim * dKm) / (stim + srim);
            double h = htsM + stim * dbp - (htsM * (dKm - dbp) + hrsM * dbp) / dKm;
            nu = h * Math.sqrt(0.002 * dKm / (lambdaM * dbp * (dKm - dbp)));
        }
        double luc = knifeEdgeDb(nu);
        return luc + (1 - Math.exp(-luc / 6)) * (10 + 0.02 * dKm);
    }
}
