package uz.qamrov.engine.footprint;

import java.util.Arrays;

/** Flat {@code [t0, t1, t0, t1…]} interval arrays of {@link Footprint#coveredIntervals}. */
final class Intervals {

    private Intervals() {
    }

    /** Joins intervals of the first half (t in [0, 1] → [0, 0.5]) and the second half ([0, 1] → [0.5, 1]). */
    static double[] concatHalves(double[] left, double[] right) {
        double[] out = new double[left.length + right.length];
        int n = 0;
        for (int i = 0; i < left.length; i += 2) {
            out[n++] = 0.5 * left[i];
            out[n++] = 0.5 * left[i + 1];
        }
        for (int i = 0; i < right.length; i += 2) {
            double s = 0.5 + 0.5 * right[i];
            double e = 0.5 + 0.5 * right[i + 1];
            if (n > 0 && s <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], e);
            } else {
                out[n++] = s;
                out[n++] = e;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
