package uz.qamrov.engine.radio;

import uz.qamrov.engine.footprint.PathLossModel;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Bullington;
import uz.qamrov.engine.terrain.Dem;

/**
 * The radial model as first written (commit e2a8631), kept as the reference for the faster one: one solve per radial
 * and, with a DEM, the one-shot O(n) Bullington at every profile sample (O(n²) per radial). Test code only.
 */
public final class RadialFootprintReference {

    private RadialFootprintReference() {
    }

    public static double[] rangesM(RadialFootprintModel model, Cell cell, uz.qamrov.engine.footprint.EnvironmentClass env,
            Dem dem, RadioSettings settings) {
        RadialSolver solver = model.setup(cell, env).solver();
        AntennaPattern pattern = solver.pattern();
        int n = settings.radials();
        double[] ranges = new double[n];
        double az = cell.isOmni() ? 0 : cell.azimuthDeg();
        double saturated = Double.NaN;
        for (int i = 0; i < n; i++) {
            double off = 360.0 * i / n - az;
            double km;
            if (pattern.horizontalDb(off) <= -pattern.frontToBackDb()) {
                if (Double.isNaN(saturated)) {
                    saturated = rangeKm(solver, pattern.horizontalDb(off));
                }
                km = saturated;
            } else {
                km = rangeKm(solver, pattern.horizontalDb(off));
            }
            ranges[i] = Math.max(km * 1000, PathLossModel.FLOOR_KM * 1000);
        }
        if (dem != null) {
            double stepM = settings.terrainStepM() > 0 ? settings.terrainStepM() : dem.cellSizeM() / 2;
            shorten(dem, stepM, cell, solver, 360.0 / n, az, ranges);
        }
        return ranges;
    }

    /**
     * The reference's terrain walk (every radial, one-shot Bullington at every sample) started from given flat-earth
     * ranges, e.g. the fast model's: compares the walks alone.
     */
    public static double[] terrainRangesM(RadialFootprintModel model, Cell cell,
            uz.qamrov.engine.footprint.EnvironmentClass env, Dem dem, RadioSettings settings, double[] flatRangesM) {
        RadialSolver solver = model.setup(cell, env).solver();
        double[] ranges = flatRangesM.clone();
        double stepM = settings.terrainStepM() > 0 ? settings.terrainStepM() : dem.cellSizeM() / 2;
        shorten(dem, stepM, cell, solver, 360.0 / ranges.length, cell.isOmni() ? 0 : cell.azimuthDeg(), ranges);
        return ranges;
    }

    /**
     * The outermost root by brute force ({@link FlatRanges}' definition): the margin scanned from the horizontal-only
     * bound L⁻¹(allowed + A_H) down to the floor in steps of 0.002 in ln d, the first point at or above 0 found from
     * above, then 60 bisections between it and the point above it. Misses only a covered island narrower than 0.2% of
     * its distance.
     */
    static double outermostKm(RadialSolver solver, double aH) {
        double capKm = solver.capKm();
        if (solver.marginForHorizontalDb(aH, capKm) >= 0) {
            return capKm;
        }
        double upper = Math.min(capKm, inverse(solver, solver.allowedDb() + aH));
        double floor = Math.log(PathLossModel.FLOOR_KM);
        double hi = Math.log(Math.max(upper, PathLossModel.FLOOR_KM));
        if (solver.marginForHorizontalDb(aH, Math.exp(hi)) >= 0) {
            return Math.exp(hi);
        }
        double lo = hi;
        while (true) {
            lo = Math.max(floor, hi - 0.002);
            if (solver.marginForHorizontalDb(aH, Math.exp(lo)) >= 0) {
                break;
            }
            if (lo == floor) {
                return PathLossModel.FLOOR_KM;
            }
            hi = lo;
        }
        for (int i = 0; i < 60; i++) {
            double m = 0.5 * (lo + hi);
            if (solver.marginForHorizontalDb(aH, Math.exp(m)) >= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return Math.exp(lo);
    }

    private static void shorten(Dem dem, double stepM, Cell cell, RadialSolver solver, double stepDeg, double azDeg,
            double[] rangesM) {
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
        for (int i = 0; i < rangesM.length; i++) {
            double r = rangesM[i];
            double step = Math.min(stepM, Math.max(r / 8, 1));
            int n = (int) Math.ceil(r / step);
            double a = Math.toRadians(stepDeg * i);
            double off = stepDeg * i - azDeg;
            double prevD = 0;
            double prevMargin = Double.NaN;
            for (int j = 1; j <= n; j++) {
                double dM = Math.min(j * step, r);
                double[] ll = metric.toLonLat(Math.sin(a) * dM, Math.cos(a) * dM);
                double h = dem.elevationM(ll[0], ll[1]);
                if (Double.isNaN(h)) {
                    break;
                }
                double dKm = dM / 1000;
                double loss = Bullington.excessLossDb(di, hi, j - 1, dKm, ground, hts, h, h + hm, lambdaM);
                double m = solver.marginDb(off, dKm) - loss;
                if (m < 0 && loss > 0) {
                    if (Double.isNaN(prevMargin)) {
                        prevMargin = solver.marginDb(off, 0.001);
                        prevD = 1;
                    }
                    double f = prevMargin / (prevMargin - m);
                    rangesM[i] = Math.max(1, prevD + f * (dM - prevD));
                    break;
                }
                di[j - 1] = dKm;
                hi[j - 1] = h;
                prevD = dM;
                prevMargin = m;
            }
        }
    }

    /** {@link RadialSolver#rangeForHorizontalKm} as first written: 8 fixed-point rounds, then bisection. */
    static double rangeKm(RadialSolver solver, double aH) {
        double capKm = solver.capKm();
        double allowedDb = solver.allowedDb();
        if (solver.marginForHorizontalDb(aH, capKm) >= 0) {
            return capKm;
        }
        double upper = Math.min(capKm, inverse(solver, allowedDb + aH));
        double d = upper;
        for (int i = 0; i < 8; i++) {
            double next = Math.min(capKm, inverse(solver,
                    allowedDb + solver.pattern().gainFromHorizontalDb(aH, solver.depressionDeg(d))));
            if (Math.abs(next - d) <= 1e-7 + 1e-6 * d) {
                if (solver.marginForHorizontalDb(aH, next) >= -1e-6) {
                    return next;
                }
                break;
            }
            d = next;
        }
        double lo = Math.log(PathLossModel.FLOOR_KM);
        double hi = Math.log(Math.max(upper, PathLossModel.FLOOR_KM));
        if (solver.marginForHorizontalDb(aH, Math.exp(hi)) >= 0) {
            return Math.exp(hi);
        }
        if (solver.marginForHorizontalDb(aH, Math.exp(lo)) < 0) {
            return PathLossModel.FLOOR_KM;
        }
        for (int i = 0; i < 40; i++) {
            double m = 0.5 * (lo + hi);
            if (solver.marginForHorizontalDb(aH, Math.exp(m)) >= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return Math.exp(lo);
    }

    private static double inverse(RadialSolver solver, double lossDb) {
        return solver.model().maxDistance(lossDb, solver.link()).distanceKm();
    }
}
