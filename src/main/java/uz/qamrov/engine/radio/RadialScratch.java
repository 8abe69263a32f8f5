package uz.qamrov.engine.radio;

/**
 * Working arrays a thread reuses from one footprint to the next: the arrays a footprint needs only while it is built
 * (each radial's A_H, the flat-earth table of {@link FlatRanges}, the flat ranges {@link RadialRefinement} compares
 * with). New arrays for them were a fifth of the garbage of a 1,000-site incremental round (JFR allocation samples,
 * docs/benchmarks.md), and every young collection in a round adds its pause to it. Each kind of array has one user
 * at a time on a thread (a footprint is built start to end on one thread, and none of these users calls another of
 * the same kind); their contents are not kept. Not thread-safe: one per thread.
 */
final class RadialScratch {

    private static final ThreadLocal<RadialScratch> OF_THREAD = ThreadLocal.withInitial(RadialScratch::new);

    private double[] horizontal = new double[0];
    private double[] table = new double[0];
    private double[] suffixMax = new double[0];
    private double[] flat = new double[0];

    static RadialScratch ofThread() {
        return OF_THREAD.get();
    }

    /** At least {@code n} doubles for the radials' A_H ({@link RadialFootprintModel}). */
    double[] horizontal(int n) {
        return horizontal = atLeast(horizontal, n);
    }

    /** At least {@code n} doubles for a {@link FlatRanges} table. */
    double[] table(int n) {
        return table = atLeast(table, n);
    }

    /** At least {@code n} doubles for a {@link FlatRanges} table's suffix maximum. */
    double[] suffixMax(int n) {
        return suffixMax = atLeast(suffixMax, n);
    }

    /** At least {@code n} doubles for the flat-earth ranges {@link RadialRefinement} keeps. */
    double[] flat(int n) {
        return flat = atLeast(flat, n);
    }

    private static double[] atLeast(double[] a, int n) {
        return a.length >= n ? a : new double[Math.max(n, 2 * a.length)];
    }
}
