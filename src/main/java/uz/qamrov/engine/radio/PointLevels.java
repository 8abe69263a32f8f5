package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.geodesy.FdlibmAtan;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Bullington;
import uz.qamrov.engine.terrain.Dem;

/**
 * Level of a cell at a point with the same solver as {@link RadialFootprintModel} (one definition of a level:
 * threshold + the radial margin {@code allowed + A(φ, θ) − L(d)}, minus the {@link Bullington} terrain excess of the
 * profile from the site to the point, sampled as {@link TerrainRadials} samples a radial). Works whatever footprints
 * the model draws: with hard wedges the levels are still those of the antenna pattern, so signal classes and gap
 * reasons exist in every footprint mode. Thread-safe; {@code dem} null = flat earth.
 */
public final class PointLevels {

    /** How far under the threshold a point beyond a cell's reach is put (dB). */
    static final double BEYOND_REACH_DB = 0.1;

    private final RadialFootprintModel model;
    private final Dem dem;
    private final double stepM;

    public PointLevels(RadialFootprintModel model, Dem dem) {
        this.model = model;
        this.dem = dem;
        this.stepM = dem == null ? 0 : model.settings().terrainStepM() > 0 ? model.settings().terrainStepM() : dem.cellSizeM() / 2;
    }

    /** Whether levels include terrain (a DEM is in use). */
    public boolean terrain() {
        return dem != null;
    }

    /**
     * What a cell's levels need whatever the point: its solver, threshold and the metric around its site. Immutable;
     * a diagnosis asks the same cell for many points (every settlement in its reach), so callers keep it per cell.
     */
    public static final class Prepared {
        final Cell cell;
        final RadialSolver solver;
        final double thresholdDbm;
        final LocalMetric metric;
        final double boresightHorizontalDb;

        Prepared(Cell cell, RadialSolver solver, double thresholdDbm, LocalMetric metric) {
            this.cell = cell;
            this.solver = solver;
            this.thresholdDbm = thresholdDbm;
            this.metric = metric;
            this.boresightHorizontalDb = solver.pattern().horizontalDb(0);
        }
    }

    /** The per-cell part of {@link #level}, for a cell in an environment of class {@code environment}. */
    public Prepared prepare(Cell cell, EnvironmentClass environment) {
        return new Prepared(cell, model.setup(cell, environment).solver(), model.budget().of(cell.technology()).thresholdDbm(),
                LocalMetric.at(cell.lon(), cell.lat()));
    }

    /**
     * Level of {@code cell} (in an environment of class {@code environment}) at (lon, lat). With
     * {@code withTerrain} false the terrain is skipped (levelDbm = flatLevelDbm): a cheap upper bound, since terrain
     * only adds loss.
     */
    public PointLevel level(Cell cell, EnvironmentClass environment, double lon, double lat, boolean withTerrain) {
        return level(prepare(cell, environment), lon, lat, withTerrain);
    }

    /** {@link #level(Cell, EnvironmentClass, double, double, boolean)} with the cell's part prepared. */
    public PointLevel level(Prepared p, double lon, double lat, boolean withTerrain) {
        Cell cell = p.cell;
        RadialSolver solver = p.solver;
        double threshold = p.thresholdDbm;
        LocalMetric metric = p.metric;
        double[] xy = metric.toLocal(lon, lat);
        double dM = Math.hypot(xy[0], xy[1]);
        double dKm = Math.max(dM / 1000, PathLossModel.FLOOR_KM);
        double az = Math.toDegrees(FdlibmAtan.atan2(xy[0], xy[1]));
        double off = cell.isOmni() ? 0 : AntennaPattern.offBoresightDeg(az - cell.azimuthDeg());
        // the distance's terms once for both radials (RadialSolver.marginDb's arithmetic, the same bits)
        double vertical = solver.verticalDb(dKm);
        double lossDb = solver.pathLossDb(dKm);
        double flat = threshold + solver.marginFromTermsDb(solver.pattern().horizontalDb(off), vertical, lossDb);
        double boresight = threshold + solver.marginFromTermsDb(p.boresightHorizontalDb, vertical, lossDb);
        double loss = 0;
        PointLevel.Obstacle obstacle = null;
        if (withTerrain && dem != null && dM > 1) {
            double[] t = terrainLoss(cell, solver, metric, xy, dM);
            if (t != null && t[0] > 0) {
                loss = t[0];
                obstacle = new PointLevel.Obstacle(t[1], t[2], t[3]);
            }
        }
        double level = flat - loss;
        double bore = boresight - loss;
        boolean beyond = dKm > solver.capKm() + 1e-9;
        if (beyond) {
            double cap = threshold - BEYOND_REACH_DB;
            level = Math.min(level, cap);
            flat = Math.min(flat, cap);
            bore = Math.min(bore, cap);
        }
        return new PointLevel(cell.id(), cell.technology(), cell.isOmni(), dM, off, level, flat, bore, threshold, loss,
                obstacle, beyond);
    }

    /**
     * An upper bound of the flat margin ({@link #level}'s {@code marginDb()} without terrain) of the cell at a point
     * {@code distanceM} from it ({@link LocalMetric#distanceM}), from one path loss and none of the pattern's angles:
     * the antenna pattern only attenuates (A ≤ 0), and the path loss only grows with the distance, taken here 1 % + 1 m
     * short of the exact one (the two local metrics agree far closer than that). A search for the best level computes
     * the real margin only where this bound can still win.
     */
    public double flatMarginUpperBoundDb(Prepared p, double distanceM) {
        double dM = Math.max(0, distanceM * 0.99 - 1);
        return p.solver.allowedDb() - p.solver.pathLossDb(Math.max(dM / 1000, PathLossModel.FLOOR_KM)) + 1e-9;
    }

    /** {loss dB, obstacle lon, lat, height} or null when the profile leaves the DEM. */
    private double[] terrainLoss(Cell cell, RadialSolver solver, LocalMetric metric, double[] xy, double dM) {
        double ground = dem.elevationM(cell.lon(), cell.lat());
        if (Double.isNaN(ground)) {
            return null;
        }
        double step = Math.min(stepM, Math.max(dM / 8, 1));
        int n = (int) Math.ceil(dM / step);
        double[] di = new double[n];
        double[] hi = new double[n];
        double[][] ll = new double[n][];
        for (int j = 1; j <= n; j++) {
            double f = Math.min(j * step, dM) / dM;
            ll[j - 1] = metric.toLonLat(xy[0] * f, xy[1] * f);
            double h = dem.elevationM(ll[j - 1][0], ll[j - 1][1]);
            if (Double.isNaN(h)) {
                return null;
            }
            di[j - 1] = Math.min(j * step, dM) / 1000;
            hi[j - 1] = h;
        }
        double dKm = dM / 1000;
        double hts = ground + cell.antennaHeightM();
        double hr = hi[n - 1];
        double hrs = hr + solver.link().mobileHeightM();
        double lambdaM = 299.792458 / solver.link().frequencyMhz();
        // the interior profile is samples 1..n-1; the receiver stands on sample n (the point itself)
        double loss = Bullington.excessLossDb(di, hi, n - 1, dKm, ground, hts, hr, hrs, lambdaM);
        int worst = -1;
        double worstNu = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n - 1; i++) {
            double d = di[i];
            double h = hi[i] + 500 * d * (dKm - d) / Bullington.EFFECTIVE_EARTH_RADIUS_KM - (hts * (dKm - d) + hrs * d) / dKm;
            double nu = h * Math.sqrt(0.002 * dKm / (lambdaM * d * (dKm - d)));
            if (nu > worstNu) {
                worstNu = nu;
                worst = i;
            }
        }
        return worst < 0 ? new double[] {loss, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {loss, ll[worst][0], ll[worst][1], hi[worst]};
    }
}
