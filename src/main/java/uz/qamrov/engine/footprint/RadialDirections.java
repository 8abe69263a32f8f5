package uz.qamrov.engine.footprint;

/**
 * sin and cos of radial azimuths i·2π/n ({@code [0]}: east, {@code [1]}: north components), shared by every footprint
 * with the same number of radials: a national model holds ~260,000 footprints, so a footprint keeps its ranges and
 * computes its vertices from these. Immutable.
 */
final class RadialDirections {

    private static final double[][] EVERY_DEGREE = compute(360);

    private RadialDirections() {
    }

    static double[][] of(int n) {
        return n == EVERY_DEGREE[0].length ? EVERY_DEGREE : compute(n);
    }

    private static double[][] compute(int n) {
        double step = 2 * Math.PI / n;
        double[][] d = new double[2][n];
        for (int i = 0; i < n; i++) {
            d[0][i] = Math.sin(step * i);
            d[1][i] = Math.cos(step * i);
        }
        return d;
    }
}
