package uz.qamrov.engine.measure;

import java.util.Arrays;

/** Union of the covered intervals an edge's active cells contribute. Static and pure, so it is table-tested. */
final class IntervalMerger {

    static final double[] NONE = new double[0];
    private static final double[] WHOLE = {0, 1};

    private IntervalMerger() {
    }

    /**
     * Merged union of the intervals whose cell has {@code tech[cell] >= minTech}, flattened and sorted; touching
     * intervals merge. Empty when none counts. The first {@code whole} cells cover the whole edge, [0, 1]; cell
     * {@code cells[whole + k]} covers {@code [t[2k], t[2k+1]]} ({@link LineEdgeTable}'s layout). Each interval is
     * ordered (t0 ≤ t1, {@code Footprint#coveredIntervals}' contract).
     *
     * <p>A sweep over the starts and the ends sorted apart (primitive sorts, no boxed index): the union is where more
     * intervals have started than ended, and a start equal to an end is taken first, so touching intervals merge. This
     * runs for every road and rail edge of every evaluation (a third of an indicator evaluation with a boxed sort).
     */
    static double[] merge(int[] cells, int whole, float[] t, byte[] tech, int minTech) {
        if (anyCounts(cells, whole, tech, minTech)) {
            return WHOLE.clone(); // one interval covers the edge: so does the union (in cities, most edges)
        }
        int m = 0;
        double[] starts = null;
        double[] ends = null;
        for (int k = whole; k < cells.length; k++) {
            if (tech[cells[k]] >= minTech) {
                int i = 2 * (k - whole);
                if (t[i] <= 0 && t[i + 1] >= 1) {
                    return WHOLE.clone();
                }
                if (starts == null) {
                    starts = new double[cells.length - whole];
                    ends = new double[cells.length - whole];
                }
                starts[m] = t[i];
                ends[m] = t[i + 1];
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
    static double mergedLength(int[] cells, int whole, float[] t, byte[] tech, int minTech) {
        if (anyCounts(cells, whole, tech, minTech)) {
            return 1;
        }
        for (int k = whole; k < cells.length; k++) {
            int i = 2 * (k - whole);
            if (tech[cells[k]] >= minTech && t[i] <= 0 && t[i + 1] >= 1) {
                return 1;
            }
        }
        return length(merge(cells, whole, t, tech, minTech));
    }

    /** Whether one of the first {@code n} cells counts. */
    private static boolean anyCounts(int[] cells, int n, byte[] tech, int minTech) {
        for (int k = 0; k < n; k++) {
            if (tech[cells[k]] >= minTech) {
                return true;
            }
        }
        return false;
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
