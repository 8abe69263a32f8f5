package uz.qamrov.engine.bench;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * Every indicator at one date on the shipped national model, repeated (what an incremental update re-evaluates after
 * each change): wall time per evaluation. Not a test:
 * {@code mvn -o test -Dtest=IndicatorsOnlyBenchmarkTest -Dqamrov.bench=true [-Dn=40]}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class IndicatorsOnlyBenchmarkTest {

    @Test
    void everyIndicatorAtOneDate() throws Exception {
        CoverageModel model = GeodataInputs.read(Path.of("geodata")).model();
        LocalDate d = LocalDate.of(2026, 12, 1);
        int n = Integer.getInteger("n", 40);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            model.indicators(d, CoverageFilter.ANY);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] warm = java.util.Arrays.copyOfRange(ms, n / 2, n);
        java.util.Arrays.sort(warm);
        System.out.printf(java.util.Locale.ROOT, "indicators at %s: first %.1f ms; median of the last %d %.1f ms%n", d, ms[0],
                warm.length, warm[warm.length / 2]);
    }
}
