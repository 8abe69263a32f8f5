package uz.qamrov.engine.radio;

import uz.qamrov.engine.terrain.Bullington;

/**
 * The {@link SampleTerms} of one cell, one per distinct sample step (few: a cell's ranges repeat): what
 * {@link TerrainRadials} shares between the radials of a cell. Not thread-safe (one per cell walk).
 */
final class TerrainStepTerms {
    private final RadialSolver solver;
    private final int n;
    private final double mastM;
    private final double mobileM;
    private final double lambdaM;
    // open addressing on the step's bits: a cell has up to ~180 distinct steps (one per mirror pair of short
    // radials), and a boxed HashMap cost 10% of the walk; the table starts small and doubles at half full: most cells
    // have a few steps, and the walk's per-cell set-up, where a table sized for 360 radials was the largest
    // allocation, was 3.4% of a national build's samples
    private long[] keys;
    private SampleTerms[] values;
    private int size;

    TerrainStepTerms(RadialSolver solver, int n, double mastM, double mobileM, double lambdaM) {
        this.keys = new long[16];
        this.values = new SampleTerms[16];
        this.solver = solver;
        this.n = n;
        this.mastM = mastM;
        this.mobileM = mobileM;
        this.lambdaM = lambdaM;
    }

    private SampleTerms last;

    SampleTerms forStep(double stepM, double fullStepM) {
        // neighbouring radials mostly share their step (the back lobe, long radials): try the last one first
        if (last != null && last.stepM == stepM) {
            return last;
        }
        long bits = Double.doubleToLongBits(stepM);
        int slot = slotOf(bits, keys, values);
        if (values[slot] == null) {
            if (2 * (size + 1) > values.length) {
                grow();
                slot = slotOf(bits, keys, values);
            }
            // a step below the full one is r/8 (or 1 m): at most 9 samples
            keys[slot] = bits;
            values[slot] = new SampleTerms(solver, stepM < fullStepM ? 10 : n, stepM, mastM, mobileM, lambdaM);
            size++;
        }
        last = values[slot];
        return last;
    }

    private static int slotOf(long bits, long[] keys, SampleTerms[] values) {
        int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & (values.length - 1);
        while (values[slot] != null && keys[slot] != bits) {
            slot = (slot + 1) & (values.length - 1);
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        SampleTerms[] oldValues = values;
        keys = new long[2 * oldKeys.length];
        values = new SampleTerms[2 * oldValues.length];
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                int slot = slotOf(oldKeys[i], keys, values);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /**
     * Per-cell terms at the distances j·step: A_V(θ(d_j)) and L(d_j) (the flat-earth margin of any radial then
     * follows from its A_H with the same arithmetic as {@link RadialSolver#marginForHorizontalDb}) and the
     * Bullington loss of the smooth profile, which does not depend on the ground heights at the two ends (the loss is
     * unchanged when a linear function of distance is added to terrain and antennas alike: the smooth profile reduces
     * to level ground with the mast and the mobile antenna on it). Filled lazily.
     */
    static final class SampleTerms {
        private final RadialSolver solver;
        final double stepM;
        private final double mastM;
        private final double mobileM;
        private final double lambdaM;
        private final double[] vertical;
        private final double[] loss;
        // terms 1..known are filled (a walk asks j = 1, 2, … in order); the smooth loss only where a sample is close
        private int known;
        private double[] smooth;
        private boolean[] smoothKnown;

        SampleTerms(RadialSolver solver, int n, double stepM, double mastM, double mobileM, double lambdaM) {
            this.solver = solver;
            this.stepM = stepM;
            this.mastM = mastM;
            this.mobileM = mobileM;
            this.lambdaM = lambdaM;
            vertical = new double[n];
            loss = new double[n];
        }

        double marginDb(int j, double aH) {
            while (known < j) {
                known++;
                double dKm = known * stepM / 1000;
                vertical[known] = solver.verticalDb(dKm);
                loss[known] = solver.pathLossDb(dKm);
            }
            return solver.marginFromTermsDb(aH, vertical[j], loss[j]);
        }

        /** @param di the sample distances of the radial being walked (j·step, the same on every such radial) */
        double smoothLossDb(int j, double[] di) {
            if (smooth == null) {
                smooth = new double[vertical.length];
                smoothKnown = new boolean[vertical.length];
            }
            if (!smoothKnown[j]) {
                smooth[j] = Bullington.smoothLossDb(di, j - 1, j * stepM / 1000, 0, mastM, 0, mobileM, lambdaM);
                smoothKnown[j] = true;
            }
            return smooth[j];
        }
    }
}
