package uz.qamrov.engine.measure;

/** The k smallest (distance, slot) pairs offered, in order; k is small (the settings' nearest cells). */
final class NearestCells {
    final int k;
    int n;
    final double[] d;
    final int[] slots;
    final boolean[] outOfRange;

    NearestCells(int k) {
        this.k = k;
        d = new double[k];
        slots = new int[k];
        outOfRange = new boolean[k];
    }

    void offer(double dist, int slot, boolean out) {
        if (n == k && !before(dist, slot, k - 1)) {
            return;
        }
        int j = n < k ? n++ : k - 1;
        while (j > 0 && before(dist, slot, j - 1)) {
            d[j] = d[j - 1];
            slots[j] = slots[j - 1];
            outOfRange[j] = outOfRange[j - 1];
            j--;
        }
        d[j] = dist;
        slots[j] = slot;
        outOfRange[j] = out;
    }

    private boolean before(double dist, int slot, int j) {
        return dist < d[j] || (dist == d[j] && slot < slots[j]);
    }
}
