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
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * Footprint build cost per cell, flat earth vs the national DEM, single thread, on 3,000 cells of 1,000 3-sector
 * sites spread over 56–72°E × 38–44°N (the mix of the national dataset: 2G 900 / 4G 800 / 4G 1800 rural).
 * {@code mvn -o test -Dtest=RadialFootprintBenchmarkTest -Dqamrov.bench=true}. Prints thread CPU time, which the
 * shared machine's load does not inflate.
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
        for (int round = 0; round < 2; round++) {
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
            System.out.printf("round %d: flat %.3f ms/cell, terrain %.3f ms/cell (ratio %.1f); mean max radial %.0f m flat, %.0f m terrain%n",
                    round, (c1 - c0) / 1e6 / cells.size(), (c2 - c1) / 1e6 / cells.size(), (double) (c2 - c1) / (c1 - c0),
                    a / cells.size(), b / cells.size());
        }
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
