package uz.qamrov.engine.measure;

import java.util.Arrays;

/** Union of the covered intervals an edge's active cells contribute. Static and pure, so it is table-tested. */
final class IntervalMerger {

    static final double[] NONE = new double[0];
    private static final double[] WHOLE = {0, 1};

    private IntervalMerger() {
    }

    /**
     * Merged union of the intervals {@code [t[2k], t[2k+1]]} whose cell {@code cells[k]} has {@code tech[cell] >=
     * minTech}, flattened and sorted; touching intervals merge. Empty when none counts. Each interval is ordered
     * (t0 ≤ t1, {@code Footprint#coveredIntervals}' contract).
     *
     * <p>A sweep over the starts and the ends sorted apart (primitive sorts, no boxed index): the union is where more
     * intervals have started than ended, and a start equal to an end is taken first, so touching intervals merge. This
     * runs for every road and rail edge of every evaluation (a third of an indicator evaluation with a boxed sort).
     */
    static double[] merge(int[] cells, float[] t, byte[] tech, int minTech) {
        int m = 0;
        double[] starts = null;
        double[] ends = null;
        for (int k = 0; k < cells.length; k++) {
            if (tech[cells[k]] >= minTech) {
                if (t[2 * k] <= 0 && t[2 * k + 1] >= 1) {
                    return WHOLE.clone(); // one interval covers the edge: so does the union (in cities, most edges)
                }
                if (starts == null) {
                    starts = new double[cells.length];
                    ends = new double[cells.length];
                }
                starts[m] = t[2 * k];
                ends[m] = t[2 * k + 1];
                m++;
            }
        }
        if (m == 0) {
            return NONE;
        }
        if (m > 1) {
            Arrays.sort(starts, 0, m);
            Arrays.sort(ends, 0, m);
        }
        double[] out = new double[2 * m];
        int o = 0;
        int open = 0;
        int e = 0;
        for (int s = 0; s < m; s++) {
            while (ends[e] < starts[s]) { // ends before this start close intervals (never more than have started)
                if (--open == 0) {
                    out[o++] = ends[e];
                }
                e++;
            }
            if (open++ == 0) {
                out[o++] = starts[s];
            }
        }
        out[o++] = ends[m - 1]; // the last end closes the last run
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    /**
     * {@code length(merge(cells, t, tech, minTech))} without the union's array where one interval covers the whole
     * edge (most edges in towns): an indicator evaluation asks this of every edge and needs only the length.
     */
    static double mergedLength(int[] cells, float[] t, byte[] tech, int minTech) {
        for (int k = 0; k < cells.length; k++) {
            if (tech[cells[k]] >= minTech && t[2 * k] <= 0 && t[2 * k + 1] >= 1) {
                return 1;
            }
        }
        return length(merge(cells, t, tech, minTech));
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
