package uz.qamrov.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.SignalReport;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * Signal classes and gap reasons of the shipped national dataset (what every stored run computes since engine-4), at
 * the dates a planner looks at, three rounds on one model (the first pays for the cells' prepared levels): wall and
 * process CPU time, and a digest of every answer so that a faster version can be shown to answer the same. Not a
 * test: {@code mvn -o test -Dtest=SignalDiagnosisBenchmarkTest -Dqamrov.bench=true}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class SignalDiagnosisBenchmarkTest {

    private static final List<LocalDate> DATES = List.of(LocalDate.of(2016, 12, 31), LocalDate.of(2021, 6, 30),
            LocalDate.of(2025, 9, 30));

    @Test
    void diagnoseTheNationalDataset() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        CoverageModel model = in.model();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 3; round++) {
            for (LocalDate d : DATES) {
                CoverageSnapshot snap = model.evaluate(d, CoverageFilter.ANY);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                SignalReport r = model.diagnose(snap);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpu = (os.getProcessCpuTime() - c0) / 1_000_000;
                List<Object> all = new ArrayList<>();
                for (Settlement s : in.settlements()) {
                    for (Service sv : Service.mobile()) {
                        all.add(r.settlement(s.id(), sv).orElse(null));
                    }
                }
                all.addAll(r.stretches());
                System.out.printf("round %d %s: diagnose %d ms, cpu %d ms; digest %08x over %d answers%n", round, d, ms,
                        cpu, all.toString().hashCode(), all.size());
            }
        }
    }
}
