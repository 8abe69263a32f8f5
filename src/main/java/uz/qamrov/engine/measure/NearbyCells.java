package uz.qamrov.engine.measure;

import java.util.Arrays;

/**
 * The cell slots within reach of a place and their approximate distances, as a diagnosis collects them (primitive
 * arrays: a town has thousands).
 */
final class NearbyCells {
    int n;
    int[] slots = new int[256];
    double[] approx = new double[256];

    void add(int slot, double a) {
        if (n == slots.length) {
            slots = Arrays.copyOf(slots, n * 2);
            approx = Arrays.copyOf(approx, n * 2);
        }
        slots[n] = slot;
        approx[n++] = a;
    }

    /** The k-th smallest approximate distance; infinite with fewer than k cells. */
    double kthSmallest(int k) {
        if (n < k) {
            return Double.POSITIVE_INFINITY;
        }
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            double a = approx[i];
            if (a < best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] > a) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = a;
            }
        }
        return best[k - 1];
    }
}
