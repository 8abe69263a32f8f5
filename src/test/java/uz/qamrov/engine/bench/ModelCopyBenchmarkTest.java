package uz.qamrov.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.DemFiles;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * A second model of the shipped national dataset (default model: pattern radials with terrain), as planning's
 * what-if copy and a full rebuild make one: from scratch, and taking the first model's footprints, with all cells
 * unchanged and with 1% of them changed. Same run, alternated; the indicators must agree. Not a test:
 * {@code mvn -o test -Dtest=ModelCopyBenchmarkTest -Dqamrov.bench=true}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class ModelCopyBenchmarkTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void secondModelOfTheNationalDataset() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        Dem dem = DemFiles.read(GeodataInputs.DEFAULT_DEM);
        CoverageModel first = in.model(dem);
        // 1% of the cells re-tilted: what a day of uploads might change
        List<Cell> changed = new ArrayList<>(in.cells());
        for (int i = 0; i < changed.size(); i += 100) {
            Cell c = changed.get(i);
            changed.set(i, new Cell(c.id(), c.siteId(), c.operator(), c.technology(), c.bandMhz(), c.azimuthDeg(),
                    c.beamwidthDeg(), c.antennaHeightM(), c.eirpDbm(), c.rangeM(), c.lon(), c.lat(), c.validity(),
                    (c.tiltDeg() == null ? 2.0 : c.tiltDeg()) + 1, c.frontToBackDb(), c.observedRangeM()));
        }
        for (int rep = 0; rep < 2; rep++) {
            CoverageModel scratch = timed("from scratch", () -> in.model(dem));
            CoverageModel same = timed("taking the first model's footprints, nothing changed",
                    () -> in.builder(dem).reuseFootprints(first.reusableFootprints()).build());
            CoverageModel onePercent = timed("taking the first model's footprints, 1% of cells re-tilted",
                    () -> in.builder(dem).cells(changed).reuseFootprints(first.reusableFootprints()).build());
            System.out.printf("footprints taken: %d of %d (their hits: %d); %d of %d (%d)%n", same.footprintsReused(),
                    same.cells().size(), same.hitsReused(), onePercent.footprintsReused(), onePercent.cells().size(),
                    onePercent.hitsReused());
            assertSameIndicators(scratch, same);
        }
    }

    private CoverageModel timed(String what, Supplier<CoverageModel> build) {
        System.gc();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        CoverageModel m = build.get();
        System.out.printf("%s: %d ms wall, %d ms CPU%n", what, (System.nanoTime() - t0) / 1_000_000,
                (os.getProcessCpuTime() - c0) / 1_000_000);
        return m;
    }

    private static void assertSameIndicators(CoverageModel a, CoverageModel b) {
        List<IndicatorValue> x = a.indicators(TODAY, CoverageFilter.ANY).values();
        List<IndicatorValue> y = b.indicators(TODAY, CoverageFilter.ANY).values();
        assertThat(x).hasSameSizeAs(y);
        for (int i = 0; i < x.size(); i++) {
            assertThat(x.get(i).value()).as(x.get(i).key() + " " + x.get(i).scopeCode()).isCloseTo(y.get(i).value(),
                    within(1e-9));
        }
    }
}
