package uz.qamrov.engine.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadialFootprintReference;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * Footprint build cost per cell, flat earth vs the national DEM, single thread, on 3,000 cells of 1,000 3-sector
 * sites spread over 56–72°E × 38–44°N (the mix of the national dataset: 2G 900 / 4G 800 / 4G 1800 rural).
 * {@code mvn -o test -Dtest=RadialFootprintBenchmarkTest -Dqamrov.bench=true}. Prints thread CPU time, which the
 * shared machine's load does not inflate much, next to a baseline timed in the same run (the model as first written,
 * {@link RadialFootprintReference}), so the ratio holds whatever the load.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class RadialFootprintBenchmarkTest {

    @Test
    void flatVersusTerrain() throws Exception {
        Dem dem;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz")))) {
            dem = EsriAsciiGridReader.read(in);
        }
        Random rnd = new Random(1);
        List<Cell> cells = new ArrayList<>();
        int[] bands = {900, 800, 1800};
        Technology[] techs = {Technology.G2, Technology.G4, Technology.G4};
        for (int s = 0; s < 1000; s++) {
            double lon = 56 + 16 * rnd.nextDouble();
            double lat = 38 + 6 * rnd.nextDouble();
            int k = rnd.nextInt(3);
            for (int j = 0; j < 3; j++) {
                cells.add(new Cell(s * 3L + j, s, "op", techs[k], bands[k], 120.0 * j, 65, 25 + 20 * rnd.nextDouble(), null,
                        null, lon, lat, Validity.ALWAYS));
            }
        }
        RadialFootprintModel flat = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null);
        RadialFootprintModel terrain = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, dem);
        // baseline in the same run: the model as first written (one solve per radial, O(n²) Bullington per radial)
        double[][] t = new double[4][3];
        for (int round = 0; round < 3; round++) {
            long c0 = cpu();
            double a = 0;
            for (Cell c : cells) {
                a += flat.build(c, EnvironmentClass.RURAL).footprint().maxRangeM();
            }
            long c1 = cpu();
            double b = 0;
            for (Cell c : cells) {
                b += terrain.build(c, EnvironmentClass.RURAL).footprint().maxRangeM();
            }
            long c2 = cpu();
            double ra = 0;
            for (Cell c : cells) {
                ra += new RadialFootprint(c.lon(), c.lat(), RadialFootprintReference.rangesM(flat, c, EnvironmentClass.RURAL,
                        null, RadioSettings.DEFAULTS)).maxRangeM();
            }
            long c3 = cpu();
            double rb = 0;
            for (Cell c : cells) {
                rb += new RadialFootprint(c.lon(), c.lat(), RadialFootprintReference.rangesM(terrain, c,
                        EnvironmentClass.RURAL, dem, RadioSettings.DEFAULTS)).maxRangeM();
            }
            long c4 = cpu();
            double k = 1e6 * cells.size();
            t[0][round] = (c1 - c0) / k;
            t[1][round] = (c2 - c1) / k;
            t[2][round] = (c3 - c2) / k;
            t[3][round] = (c4 - c3) / k;
            System.out.printf("round %d (thread CPU ms/cell): flat %.4f (baseline %.4f, ratio %.2f), terrain %.4f (baseline"
                    + " %.4f, ratio %.2f); mean max radial flat %.0f m (baseline %.0f), terrain %.0f m (baseline %.0f)%n",
                    round, t[0][round], t[2][round], t[0][round] / t[2][round], t[1][round], t[3][round],
                    t[1][round] / t[3][round], a / cells.size(), ra / cells.size(), b / cells.size(), rb / cells.size());
        }
        System.out.printf("best of rounds 1-2: flat %.4f vs %.4f ms/cell, terrain %.4f vs %.4f ms/cell; national 260,710"
                + " cells ≈ %.1f s flat, %.1f s terrain CPU (baseline %.1f s, %.1f s)%n", Math.min(t[0][1], t[0][2]),
                Math.min(t[2][1], t[2][2]), Math.min(t[1][1], t[1][2]), Math.min(t[3][1], t[3][2]),
                Math.min(t[0][1], t[0][2]) * 260.71, Math.min(t[1][1], t[1][2]) * 260.71, Math.min(t[2][1], t[2][2]) * 260.71,
                Math.min(t[3][1], t[3][2]) * 260.71);
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
