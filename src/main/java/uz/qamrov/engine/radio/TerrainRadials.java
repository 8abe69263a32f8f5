package uz.qamrov.engine.radio;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Bullington;
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
                // without excess loss the flat-earth solution (already in rangesM) stands
                if (m < 0 && loss > 0) {
                    if (Double.isNaN(prevMargin)) {
                        // blocked before the first sample: the margin near the mast is that of the flat budget
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
}
