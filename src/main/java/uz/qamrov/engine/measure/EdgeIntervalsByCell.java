package uz.qamrov.engine.measure;

import java.util.IdentityHashMap;
import java.util.Map;

import uz.qamrov.engine.measure.CellTable.CellRec;

/**
 * A model's edge table turned around: per cell, the intervals of each line edge its footprint covers. A cell record
 * does not keep them (the edge table has them; with the OSM railways of a country, thousands of short edges per town
 * cell, a copy per cell was ~0.6 GB of a model), so a model built next with the same layout takes them from here
 * ({@link ReusableFootprints}). One counting sort over the table; made under the giving model's read lock.
 */
final class EdgeIntervalsByCell {

    private final Map<CellRec, Integer> slotOf;
    /** Per slot, its first entry; entries of a slot run in ascending edge order, as the table's edges do. */
    private final int[] start;
    private final int[] edge;
    /** Per entry, from and to (the edge table's parameters along the edge, in its single precision). */
    private final float[] t;

    private EdgeIntervalsByCell(Map<CellRec, Integer> slotOf, int[] start, int[] edge, float[] t) {
        this.slotOf = slotOf;
        this.start = start;
        this.edge = edge;
        this.t = t;
    }

    static EdgeIntervalsByCell of(CellTable cells, LineEdgeTable edges) {
        int slots = cells.cells.slotCount();
        Map<CellRec, Integer> slotOf = new IdentityHashMap<>(slots * 2);
        for (int s = 0; s < slots; s++) {
            CellRec r = cells.cells.at(s);
            if (r != null) {
                slotOf.put(r, s);
            }
        }
        int[] start = new int[slots + 1];
        for (int e = 0; e < edges.edgeCount; e++) {
            for (int slot : edges.cells[e]) {
                start[slot + 1]++;
            }
        }
        for (int s = 0; s < slots; s++) {
            start[s + 1] += start[s];
        }
        int[] next = java.util.Arrays.copyOf(start, slots);
        int[] edge = new int[start[slots]];
        float[] t = new float[2 * start[slots]];
        for (int e = 0; e < edges.edgeCount; e++) {
            int[] c = edges.cells[e];
            float[] tt = edges.t[e];
            int whole = edges.whole[e];
            for (int k = 0; k < c.length; k++) {
                int at = next[c[k]]++;
                edge[at] = e;
                t[2 * at] = k < whole ? 0 : tt[2 * (k - whole)];
                t[2 * at + 1] = k < whole ? 1 : tt[2 * (k - whole) + 1];
            }
        }
        return new EdgeIntervalsByCell(slotOf, start, edge, t);
    }

    /**
     * The intervals of {@code rec} on each of its edges, in the order of {@code rec.edges} (as its hits had them);
     * null when the record is not in the giving model or the table does not have one of its edges.
     */
    double[][] of(CellRec rec) {
        Integer slot = slotOf.get(rec);
        if (slot == null) {
            return null;
        }
        int from = start[slot];
        int to = start[slot + 1];
        double[][] out = new double[rec.edges.length][];
        for (int q = 0; q < rec.edges.length; q++) {
            int e = rec.edges[q];
            int i = lowerBound(from, to, e);
            int j = i;
            while (j < to && edge[j] == e) {
                j++;
            }
            if (j == i) {
                return null;
            }
            double[] iv = new double[2 * (j - i)];
            for (int k = 0; k < iv.length; k++) {
                iv[k] = t[2 * i + k]; // widened exactly: attached again, it is the same float
            }
            out[q] = iv;
        }
        return out;
    }

    private int lowerBound(int from, int to, int e) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edge[mid] < e) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
