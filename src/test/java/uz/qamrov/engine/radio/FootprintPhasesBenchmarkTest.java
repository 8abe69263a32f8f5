package uz.qamrov.engine.radio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.footprint.RadialFootprint;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.geodata.calibration.GeodataInputs;
import uz.qamrov.planner.terrain.DemFiles;

/**
 * Where a footprint's time goes, phase by phase, on 3,000 cells drawn from the shipped national dataset (seed 1;
 * their real parameters, the national DEM, one thread, suburban): the budget set-up, the flat-earth table
 * ({@link FlatRanges}), the flat ranges (table and one solve per distinct A_H), the terrain walk
 * ({@link TerrainRadials}) and the held footprint ({@link RadialFootprint}: 16-bit ranges, bounding box), next to
 * {@link RadialFootprintModel#build}, which does them all. Each phase is timed on its own (the flat ranges again for
 * the walk to shorten), so the phases add up to more than a build. What the 1,000-site round of issue #10 spends
 * half its time on. Not a test: {@code mvn -o test -Dtest=FootprintPhasesBenchmarkTest -Dqamrov.bench=true}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class FootprintPhasesBenchmarkTest {

    @Test
    void phasesOfAFootprint() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        Dem dem = DemFiles.read(GeodataInputs.DEFAULT_DEM);
        RadioSettings settings = RadioSettings.DEFAULTS;
        RadialFootprintModel model = new RadialFootprintModel(null, LinkBudget.DEFAULTS, settings, dem);
        TerrainRadials terrain = new TerrainRadials(dem, settings.terrainStepM(), settings.terrainGapM(),
                settings.terrainToleranceM());
        List<Cell> cells = new ArrayList<>(in.cells());
        Collections.shuffle(cells, new Random(1));
        cells = cells.subList(0, 3000);
        EnvironmentClass env = EnvironmentClass.SUBURBAN;
        for (int rep = 0; rep < Integer.getInteger("bench.rounds", 12); rep++) {
            long setup = 0;
            long table = 0;
            long flat = 0;
            long walk = 0;
            long held = 0;
            long build = 0;
            double sink = 0;
            for (Cell c : cells) {
                long t0 = System.nanoTime();
                RadialSolver solver = model.setup(c, env).solver();
                long t1 = System.nanoTime();
                sink += new FlatRanges(solver).rangeKm(0);
                long t2 = System.nanoTime();
                double[] ranges = model.flatRangesM(c, solver);
                long t3 = System.nanoTime();
                terrain.shorten(c, solver, 360.0 / ranges.length, c.isOmni() ? 0 : c.azimuthDeg(), ranges, null);
                long t4 = System.nanoTime();
                sink += new RadialFootprint(c.lon(), c.lat(), ranges).maxRangeM();
                long t5 = System.nanoTime();
                sink += model.build(c, env).footprint().maxRangeM();
                long t6 = System.nanoTime();
                setup += t1 - t0;
                table += t2 - t1;
                flat += t3 - t2;
                walk += t4 - t3;
                held += t5 - t4;
                build += t6 - t5;
            }
            System.out.printf("round %d, 3,000 cells, one thread: set-up %d ms, flat-earth table %d ms, flat ranges (table"
                    + " and solves) %d ms, terrain walk %d ms, held footprint %d ms; build %d ms (checksum %.0f)%n", rep,
                    setup / 1_000_000, table / 1_000_000, flat / 1_000_000, walk / 1_000_000, held / 1_000_000,
                    build / 1_000_000, sink);
        }
    }
}
