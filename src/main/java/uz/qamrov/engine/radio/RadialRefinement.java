package uz.qamrov.engine.radio;

/**
 * Bounded interpolation of terrain radials with recursive refinement. Walking a radial's terrain profile is the
 * expensive part of a footprint; neighbouring radials a fraction of a DEM cell apart see nearly the same profile.
 * So the radials of a cell are walked coarsely and refined where needed:
 *
 * <ol>
 * <li>8 radials evenly spaced around the site are walked (every radial when there are at most 8);</li>
 * <li>between two walked radials a and b (b − a &gt; 1 radials apart), the radials in between are interpolated only if
 * (i) the two are no further apart at the footprint's edge than {@code gapM}: (b − a)·Δθ·E ≤ gap, with E the
 * largest flat-earth range between them when neither is shortened by terrain and the larger of their two reaches
 * when both are; and (ii) they agree: neither is shortened (then none in between is: each keeps its flat-earth
 * range), or both are and their reaches differ by at most {@code toleranceM} (then each in between gets the linear
 * interpolation of the two reaches in azimuth, capped at its own flat-earth range);</li>
 * <li>otherwise the radial halfway between is walked and both halves are refined the same way.</li>
 * </ol>
 *
 * <p>So every radial is either walked or lies between two walked radials that satisfy (i) and (ii); where a ridge
 * ends (one neighbour blocked, the other not) the refinement walks down to adjacent radials. What it cannot see is
 * an obstacle narrower than the gap that both walked neighbours pass beside (or a gap in a ridge both of them
 * meet): with the gap bounded by the DEM's cell size, that is a feature the DEM resolves with a single cell.
 * The error against walking every radial is measured, not bounded: docs/benchmarks.md ("Third pass").
 * Not thread-safe (one per cell).
 */
final class RadialRefinement {

    /** Walks radial i, shortening its range in place. */
    interface Walker {
        void walk(int i);
    }

    private static final int FIRST_PASS = 8;

    private final Walker walker;
    private final double[] rangesM;
    private final double[] flatM;
    private final double stepRad;
    private final double gapM;
    private final double toleranceM;

    /**
     * @param rangesM the flat-earth ranges, shortened in place
     * @param stepRad the angle between adjacent radials (radians)
     */
    RadialRefinement(Walker walker, double[] rangesM, double stepRad, double gapM, double toleranceM) {
        this.walker = walker;
        this.rangesM = rangesM;
        this.flatM = RadialScratch.ofThread().flat(rangesM.length);
        System.arraycopy(rangesM, 0, flatM, 0, rangesM.length);
        this.stepRad = stepRad;
        this.gapM = gapM;
        this.toleranceM = toleranceM;
    }

    void run() {
        int n = rangesM.length;
        int first = Math.min(FIRST_PASS, n);
        for (int j = 0; j < first; j++) {
            walker.walk(j * n / first);
        }
        for (int j = 0; j < first; j++) {
            // the last interval wraps round to radial 0 (index n)
            refine(j * n / first, (j + 1) * n / first);
        }
    }

    /** Radials a and b (b may be n, i.e. radial 0) are walked; fills or walks those strictly between. */
    private void refine(int a, int b) {
        if (b - a <= 1) {
            return;
        }
        int n = rangesM.length;
        double ra = rangesM[a];
        double rb = rangesM[b % n];
        boolean shortA = ra < flatM[a];
        boolean shortB = rb < flatM[b % n];
        if (shortA == shortB) {
            double edgeM;
            if (shortA) {
                edgeM = Math.max(ra, rb);
            } else {
                edgeM = 0;
                for (int i = a; i <= b; i++) {
                    edgeM = Math.max(edgeM, flatM[i % n]);
                }
            }
            if ((b - a) * stepRad * edgeM <= gapM && (!shortA || Math.abs(ra - rb) <= toleranceM)) {
                if (shortA) {
                    for (int i = a + 1; i < b; i++) {
                        double w = (double) (i - a) / (b - a);
                        rangesM[i % n] = Math.min(flatM[i % n], ra + w * (rb - ra));
                    }
                }
                return;
            }
        }
        int mid = (a + b) >>> 1;
        walker.walk(mid % n);
        refine(a, mid);
        refine(mid, b);
    }
}
