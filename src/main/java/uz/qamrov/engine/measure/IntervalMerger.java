package uz.qamrov.engine.measure;

import java.util.Arrays;

/** Union of the covered intervals an edge's active cells contribute. Static and pure, so it is table-tested. */
final class IntervalMerger {

    static final double[] NONE = new double[0];

    private IntervalMerger() {
    }

    /**
     * Merged union of the intervals {@code [t[2k], t[2k+1]]} whose cell {@code cells[k]} has {@code tech[cell] >=
     * minTech}, flattened and sorted; touching intervals merge. Empty when none counts.
     */
    static double[] merge(int[] cells, double[] t, byte[] tech, int minTech) {
        int m = 0;
        double[] buf = null;
        for (int k = 0; k < cells.length; k++) {
            if (tech[cells[k]] >= minTech) {
                if (buf == null) {
                    buf = new double[2 * cells.length];
                }
                buf[2 * m] = t[2 * k];
                buf[2 * m + 1] = t[2 * k + 1];
                m++;
            }
        }
        if (m == 0) {
            return NONE;
        }
        Integer[] order = new Integer[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
        }
        final double[] b = buf;
        Arrays.sort(order, (x, y) -> Double.compare(b[2 * x], b[2 * y]));
        double[] out = new double[2 * m];
        int o = 0;
        double s = b[2 * order[0]];
        double en = b[2 * order[0] + 1];
        for (int k = 1; k < m; k++) {
            double s2 = b[2 * order[k]];
            double e2 = b[2 * order[k] + 1];
            if (s2 <= en) {
                en = Math.max(en, e2);
            } else {
                out[o++] = s;
                out[o++] = en;
                s = s2;
                en = e2;
            }
        }
        out[o++] = s;
        out[o++] = en;
        return Arrays.copyOf(out, o);
    }

    /** Total length of flattened intervals. */
    static double length(double[] iv) {
        double sum = 0;
        for (int k = 0; k < iv.length; k += 2) {
            sum += iv[k + 1] - iv[k];
        }
        return sum;
    }
}
