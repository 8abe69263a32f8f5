package uz.qamrov.engine.terrain;

import java.util.Arrays;

/**
 * {@link Bullington} loss along a profile that grows outwards from the transmitter, for a receiver at the newest
 * distance: the footprint model walks each radial and asks the loss at every profile sample, which the one-shot
 * {@link Bullington#lossDb} answers in O(n) per sample, O(n²) per radial. Here, with C = 500/r_e and
 * H_i = h_i − C·d_i² (the heights with the earth bulge's quadratic part taken out):
 *
 * <pre>
 * S_tim = C·d + max_i (H_i − h_ts)/d_i                 a running maximum: O(1) per sample
 * S_rim = max_i (H_i − Y)/(d − d_i) − C·d,  Y = h_rs − C·d²
 *       = the tangent from (d, Y) to the upper convex hull of the points (d_i, H_i), kept incrementally (monotone
 *         chain, amortised O(1) per point); the tangent is found by walking the hull from its right end
 * </pre>
 * In the line-of-sight case (S_tim &lt; S_tr) ν_max needs every point (its √ weight breaks the hull argument), but
 * then every point is below the ray, ν &lt; 0 and L_b ≤ L_b(ν = 0) = J(0) + (1 − e^(−J(0)/6))·(10 + 0.02·d); also
 * ν_max ≤ max_i(clearance_i)·√(0.008/(λ·d)) (clearance &lt; 0, weight ≥ its value at mid-path), where the largest
 * clearance is a support query on the same hull. {@link #lossDb(double, double, double)} uses these bounds to skip the
 * O(n) scan when the caller only needs to know that the loss does not exceed a threshold.
 *
 * <p>Equal to {@link Bullington#lossDb} up to floating-point rounding ({@code BullingtonProfileTest} compares them on
 * random profiles). Mutable and not thread-safe: one instance per walk, {@link #reset} between radials.
 */
public final class BullingtonProfile {

    private static final double C = 500 / Bullington.EFFECTIVE_EARTH_RADIUS_KM;
    private static final double J0 = Bullington.knifeEdgeDb(0);
    private static final double GRAZING_FACTOR = 1 - Math.exp(-J0 / 6);

    private final double lambdaM;
    private double htsM;
    private double[] d = new double[32];
    private double[] h = new double[32];
    private double[] bigH = new double[32];
    private int n;
    private int[] hull = new int[32];
    private int hn;
    private double maxTim;

    /** @param lambdaM wavelength in metres */
    public BullingtonProfile(double lambdaM) {
        this.lambdaM = lambdaM;
    }

    /** Starts a new profile from a transmitter at {@code htsM} above sea level (ground + mast). */
    public void reset(double htsM) {
        this.htsM = htsM;
        n = 0;
        hn = 0;
        maxTim = Double.NEGATIVE_INFINITY;
    }

    /** Number of interior points. */
    public int size() {
        return n;
    }

    /** Appends an interior point at {@code dKm} (greater than every earlier one) with ground height {@code hM}. */
    public void add(double dKm, double hM) {
        if (n == d.length) {
            d = Arrays.copyOf(d, 2 * n);
            h = Arrays.copyOf(h, 2 * n);
            bigH = Arrays.copyOf(bigH, 2 * n);
            hull = Arrays.copyOf(hull, 2 * n);
        }
        double hh = hM - C * dKm * dKm;
        d[n] = dKm;
        h[n] = hM;
        bigH[n] = hh;
        maxTim = Math.max(maxTim, (hh - htsM) / dKm);
        // upper hull, x increasing: drop the last vertex while it is not strictly above the chord to the new point
        while (hn >= 2) {
            int a = hull[hn - 2];
            int b = hull[hn - 1];
            double cross = (d[b] - d[a]) * (hh - bigH[a]) - (bigH[b] - bigH[a]) * (dKm - d[a]);
            if (cross < 0) {
                break;
            }
            hn--;
        }
        hull[hn++] = n;
        n++;
    }

    /** Bullington L_b in dB to a receiver at {@code dKm} (beyond every point) and {@code hrsM} above sea level. */
    public double lossDb(double dKm, double hrsM) {
        return lossDb(dKm, hrsM, Double.NEGATIVE_INFINITY);
    }

    /**
     * As {@link #lossDb(double, double)} when the loss exceeds {@code thresholdDb}; otherwise any value ≤
     * {@code thresholdDb} (the exact loss or an upper bound of it), so {@code lossDb(d, h, t) > t} iff L_b > t.
     */
    public double lossDb(double dKm, double hrsM, double thresholdDb) {
        if (n == 0 || !(dKm > 0)) {
            return 0;
        }
        double stim = C * dKm + maxTim;
        double str = (hrsM - htsM) / dKm;
        double nu;
        if (stim < str) {
            // line of sight: ν < 0, so the loss is at most that of grazing incidence
            double grazing = J0 + GRAZING_FACTOR * (10 + 0.02 * dKm);
            if (grazing <= thresholdDb) {
                return grazing;
            }
            double slope = str - C * dKm;
            double bound = (supportMax(slope) - htsM) * Math.sqrt(0.008 / (lambdaM * dKm));
            if (bound <= -0.78) {
                return 0;
            }
            double upper = lossOf(bound, dKm);
            if (upper <= thresholdDb) {
                return upper;
            }
            nu = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double di = d[i];
                double hc = h[i] + C * di * (dKm - di) - (htsM * (dKm - di) + hrsM * di) / dKm;
                nu = Math.max(nu, hc * Math.sqrt(0.002 * dKm / (lambdaM * di * (dKm - di))));
            }
        } else {
            double srim = tangent(dKm, hrsM - C * dKm * dKm) - C * dKm;
            double dbp = (hrsM - htsM + srim * dKm) / (stim + srim);
            double hb = htsM + stim * dbp - (htsM * (dKm - dbp) + hrsM * dbp) / dKm;
            nu = hb * Math.sqrt(0.002 * dKm / (lambdaM * dbp * (dKm - dbp)));
        }
        return lossOf(nu, dKm);
    }

    private static double lossOf(double nu, double dKm) {
        double luc = Bullington.knifeEdgeDb(nu);
        return luc + (1 - Math.exp(-luc / 6)) * (10 + 0.02 * dKm);
    }

    /** max_i (H_i − Y)/(x − d_i) for x beyond every point: unimodal along the upper hull, largest at the tangent. */
    private double tangent(double x, double y) {
        int k = hn - 1;
        double best = (bigH[hull[k]] - y) / (x - d[hull[k]]);
        while (k > 0) {
            int i = hull[k - 1];
            double v = (bigH[i] - y) / (x - d[i]);
            if (v < best) {
                break;
            }
            best = v;
            k--;
        }
        return best;
    }

    /** max_i (H_i − s·d_i): unimodal along the upper hull. */
    private double supportMax(double s) {
        int k = hn - 1;
        double best = bigH[hull[k]] - s * d[hull[k]];
        while (k > 0) {
            int i = hull[k - 1];
            double v = bigH[i] - s * d[i];
            if (v < best) {
                break;
            }
            best = v;
            k--;
        }
        return best;
    }
}
