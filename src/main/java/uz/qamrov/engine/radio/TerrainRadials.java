package uz.qamrov.engine.radio;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Bullington;
import uz.qamrov.engine.terrain.BullingtonProfile;
import uz.qamrov.engine.terrain.Dem;

/**
 * Shortens flat-earth radials where terrain blocks them: along each radial the DEM is sampled every
 * {@code stepM} (default half a DEM cell), and at each sample the margin of the flat-earth budget minus the
 * {@link Bullington} terrain excess loss of the profile up to there is checked. The radial ends where the margin first
 * falls below 0 (linear interpolation between samples). Areas re-illuminated beyond a shadow (the next slope up) are
 * not added: the footprint stays star-shaped, which undercounts rather than overcounts. Thread-safe.
 */
final class TerrainRadials {

    private final Dem dem;
    private final double stepM;

    TerrainRadials(Dem dem, double stepM) {
        this.dem = dem;
        this.stepM = stepM > 0 ? stepM : dem.cellSizeM() / 2;
    }

    String description() {
        return "dem " + dem.rows() + "x" + dem.cols() + " @" + dem.cellDeg() + "° (" + dem.westLon() + ".." + dem.eastLon()
                + "E, " + dem.southLat() + ".." + dem.northLat() + "N), Bullington (ITU-R P.526), k=4/3";
    }

    /** Shortens {@code rangesM} in place; a site outside the DEM or on nodata keeps its flat-earth radials. */
    void shorten(Cell cell, RadialSolver solver, double stepDeg, double azDeg, double[] rangesM) {
        double ground = dem.elevationM(cell.lon(), cell.lat());
        if (Double.isNaN(ground)) {
            return;
        }
        LocalMetric metric = LocalMetric.at(cell.lon(), cell.lat());
        double hts = ground + cell.antennaHeightM();
        double hm = solver.link().mobileHeightM();
        double lambdaM = 299.792458 / solver.link().frequencyMhz();
        int max = 0;
        for (double r : rangesM) {
            max = Math.max(max, (int) Math.ceil(r / Math.min(stepM, Math.max(r / 8, 1))) + 1);
        }
        double[] di = new double[max + 1];
        double[] hi = new double[max + 1];
        double[] ll = new double[2];
        BullingtonProfile profile = new BullingtonProfile(lambdaM);
        StepTerms terms = new StepTerms(solver, max + 1, rangesM.length, cell.antennaHeightM(), hm, lambdaM);
        for (int i = 0; i < rangesM.length; i++) {
            double r = rangesM[i];
            double step = Math.min(stepM, Math.max(r / 8, 1));
            int n = (int) Math.ceil(r / step);
            LocalMetric.Ray ray = metric.ray(Math.toRadians(stepDeg * i));
            double off = stepDeg * i - azDeg;
            double aH = solver.pattern().horizontalDb(off);
            SampleTerms full = terms.forStep(step, stepM);
            profile.reset(hts);
            for (int j = 1; j <= n; j++) {
                double dM = Math.min(j * step, r);
                ray.pointAt(dM, ll);
                double h = dem.elevationM(ll[0], ll[1]);
                if (Double.isNaN(h)) {
                    break;
                }
                double dKm = dM / 1000;
                // samples at whole steps are at the same distances on every radial with the same step (all long
                // radials, the whole back lobe, mirror images about boresight): their flat-earth terms and
                // smooth-profile loss are computed once per cell and step; only a radial's last, partial step is not
                boolean shared = dM == j * step;
                double flat = shared ? full.marginDb(j, aH) : solver.marginForHorizontalDb(aH, dKm);
                // the excess loss (real − smooth profile) is at most the real profile's loss: below the flat-earth
                // margin it cannot end the radial, and the profile need not compute it exactly
                double real = profile.lossDb(dKm, h + hm, flat);
                if (real > flat) {
                    double smooth = real == 0 ? 0 : shared ? full.smoothLossDb(j, di)
                            : Bullington.smoothLossDb(di, j - 1, dKm, ground, hts, h, h + hm, lambdaM);
                    // below 1e-9 dB the difference is rounding (a profile on the smooth line has no excess)
                    double loss = real - smooth > 1e-9 ? real - smooth : 0;
                    double m = flat - loss;
                    if (m < 0 && loss > 0) {
                        rangesM[i] = crossing(solver, off, di, hi, j - 1, ground, hts, hm, lambdaM, dM, m);
                        break;
                    }
                }
                di[j - 1] = dKm;
                hi[j - 1] = h;
                profile.add(dKm, h);
            }
        }
    }

    /** The {@link SampleTerms} of one cell, one per distinct sample step (few: a cell's ranges repeat). */
    private static final class StepTerms {
        private final RadialSolver solver;
        private final int n;
        private final double mastM;
        private final double mobileM;
        private final double lambdaM;
        // open addressing on the step's bits: a cell has up to ~180 distinct steps (one per mirror pair of short
        // radials), and a boxed HashMap cost 10% of the walk
        private final long[] keys;
        private final SampleTerms[] values;

        /** @param radials the cell's number of radials (an upper bound on its distinct steps) */
        StepTerms(RadialSolver solver, int n, int radials, double mastM, double mobileM, double lambdaM) {
            int size = Integer.highestOneBit(2 * radials) << 1;
            this.keys = new long[size];
            this.values = new SampleTerms[size];
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
            int slot = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & (values.length - 1);
            while (values[slot] != null && keys[slot] != bits) {
                slot = (slot + 1) & (values.length - 1);
            }
            if (values[slot] == null) {
                // a step below the full one is r/8 (or 1 m): at most 9 samples
                keys[slot] = bits;
                values[slot] = new SampleTerms(solver, stepM < fullStepM ? 10 : n, stepM, mastM, mobileM, lambdaM);
            }
            last = values[slot];
            return last;
        }
    }

    /**
     * Per-cell terms at the distances j·step: A_V(θ(d_j)) and L(d_j) (the flat-earth margin of any radial then
     * follows from its A_H with the same arithmetic as {@link RadialSolver#marginForHorizontalDb}) and the
     * Bullington loss of the smooth profile, which does not depend on the ground heights at the two ends (the loss is
     * unchanged when a linear function of distance is added to terrain and antennas alike: the smooth profile reduces
     * to level ground with the mast and the mobile antenna on it). Filled lazily.
     */
    private static final class SampleTerms {
        private final RadialSolver solver;
        private final double stepM;
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
                loss[known] = solver.model().pathLossDb(dKm, solver.link());
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

    /**
     * Where the radial ends, between the last sample that was covered (n points before it) and the blocked sample at
     * {@code dM} with margin {@code m} &lt; 0: linear interpolation of the margin. The covered sample's margin is
     * recomputed exactly (the walk only bounded it).
     */
    private static double crossing(RadialSolver solver, double off, double[] di, double[] hi, int n, double ground,
            double hts, double hm, double lambdaM, double dM, double m) {
        double prevD;
        double prevMargin;
        if (n == 0) {
            // blocked at the first sample: the margin near the mast is that of the flat budget
            prevMargin = solver.marginDb(off, 0.001);
            prevD = 1;
        } else {
            double dKm = di[n - 1];
            double h = hi[n - 1];
            prevD = dKm * 1000;
            prevMargin = solver.marginDb(off, dKm)
                    - Bullington.excessLossDb(di, hi, n - 1, dKm, ground, hts, h, h + hm, lambdaM);
        }
        double f = prevMargin / (prevMargin - m);
        return Math.max(1, prevD + f * (dM - prevD));
    }
}
