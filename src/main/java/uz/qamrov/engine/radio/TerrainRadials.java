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
    private final Dem.Sampler heights;
    private final double stepM;
    private final double gapM;
    private final double toleranceM;

    /**
     * @param gapM       the widest gap at a footprint's edge between two walked radials whose neighbours in between
     *                   are interpolated (0: the DEM's cell size; negative: walk every radial)
     * @param toleranceM how far apart the reaches of two shortened walked radials may be for the radials between them
     *                   to be interpolated
     */
    TerrainRadials(Dem dem, double stepM, double gapM, double toleranceM) {
        this.dem = dem;
        this.heights = dem.sampler();
        this.stepM = stepM > 0 ? stepM : dem.cellSizeM() / 2;
        this.gapM = gapM;
        this.toleranceM = toleranceM;
    }

    String description() {
        return "dem " + dem.rows() + "x" + dem.cols() + " @" + dem.cellDeg() + "° (" + dem.westLon() + ".." + dem.eastLon()
                + "E, " + dem.southLat() + ".." + dem.northLat() + "N), Bullington (ITU-R P.526), k=4/3";
    }

    /**
     * Shortens {@code rangesM} in place; a site outside the DEM or on nodata keeps its flat-earth radials.
     *
     * @param walked if not null, set to true at each radial whose profile was walked (the others were interpolated)
     * @return the number of radials walked
     */
    int shorten(Cell cell, RadialSolver solver, double stepDeg, double azDeg, double[] rangesM, boolean[] walked) {
        double ground = dem.elevationM(cell.lon(), cell.lat());
        if (Double.isNaN(ground)) {
            return 0;
        }
        Walk walk = new Walk(cell, solver, ground, stepDeg, azDeg, rangesM, walked);
        if (gapM < 0) {
            for (int i = 0; i < rangesM.length; i++) {
                walk.walk(i);
            }
        } else {
            new RadialRefinement(walk, rangesM, Math.toRadians(stepDeg), gapM > 0 ? gapM : dem.cellSizeM(), toleranceM)
                    .run();
        }
        return walk.count;
    }

    /** The walk of one cell's radials: what they share (the site, the step terms, the profile buffers). */
    final class Walk implements RadialRefinement.Walker {
        private final RadialSolver solver;
        private final double ground;
        private final double stepDeg;
        private final double azDeg;
        private final double[] rangesM;
        private final boolean[] walked;
        private final LocalMetric metric;
        private final double hts;
        private final double hm;
        private final double lambdaM;
        private final double[] di;
        private final double[] hi;
        private final double[] ll = new double[2];
        private final BullingtonProfile profile;
        private final TerrainStepTerms terms;
        private int count;

        Walk(Cell cell, RadialSolver solver, double ground, double stepDeg, double azDeg, double[] rangesM,
                boolean[] walked) {
            this.solver = solver;
            this.ground = ground;
            this.stepDeg = stepDeg;
            this.azDeg = azDeg;
            this.rangesM = rangesM;
            this.walked = walked;
            metric = LocalMetric.at(cell.lon(), cell.lat());
            hts = ground + cell.antennaHeightM();
            hm = solver.link().mobileHeightM();
            lambdaM = 299.792458 / solver.link().frequencyMhz();
            int max = 0;
            for (double r : rangesM) {
                max = Math.max(max, (int) Math.ceil(r / Math.min(stepM, Math.max(r / 8, 1))) + 1);
            }
            di = new double[max + 1];
            hi = new double[max + 1];
            profile = new BullingtonProfile(lambdaM);
            terms = new TerrainStepTerms(solver, max + 1, cell.antennaHeightM(), hm, lambdaM);
        }

        /** Walks radial i's profile from the site, shortening {@code rangesM[i]} where terrain blocks it. */
        @Override
        public void walk(int i) {
            count++;
            if (walked != null) {
                walked[i] = true;
            }
            double r = rangesM[i];
            double step = Math.min(stepM, Math.max(r / 8, 1));
            int n = (int) Math.ceil(r / step);
            LocalMetric.Ray ray = metric.ray(Math.toRadians(stepDeg * i));
            double off = stepDeg * i - azDeg;
            double aH = solver.pattern().horizontalDb(off);
            TerrainStepTerms.SampleTerms full = terms.forStep(step, stepM);
            profile.reset(hts);
            for (int j = 1; j <= n; j++) {
                double dM = Math.min(j * step, r);
                ray.pointAt(dM, ll);
                double h = heights.elevationM(ll[0], ll[1]);
                if (Double.isNaN(h)) {
                    return;
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
                        return;
                    }
                }
                di[j - 1] = dKm;
                hi[j - 1] = h;
                profile.add(dKm, h);
            }
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
