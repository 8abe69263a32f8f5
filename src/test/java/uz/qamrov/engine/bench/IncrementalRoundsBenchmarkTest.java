package uz.qamrov.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * Rounds of a 1,000-site change on the shipped national model (default model: patterns with terrain), as
 * {@code bench-coverage.sh} makes them: every round turns the same sites' sectors by 30° more; then the same sites
 * decommissioned (only the period on air changes). Wall and process CPU of each round's prepare and apply, then every
 * indicator at one date (what the service's round re-evaluates). Not a test:
 * {@code mvn -o test -Dtest=IncrementalRoundsBenchmarkTest -Dqamrov.bench=true}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class IncrementalRoundsBenchmarkTest {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 12, 1);

    @Test
    void roundsOfOneThousandTurnedSites() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        CoverageModel model = in.model();
        Random rnd = new Random(1000);
        List<Long> siteIds = new ArrayList<>(in.sites().stream().map(s -> s.id()).toList());
        java.util.Collections.shuffle(siteIds, rnd);
        Set<Long> chosen = new HashSet<>(siteIds.subList(0, 1000));
        List<Cell> current = new ArrayList<>(model.cells().stream().filter(c -> chosen.contains(c.siteId())).toList());
        for (int round = 0; round < Integer.getInteger("bench.rounds", 6); round++) {
            List<Cell> turned = current.stream().map(c -> c.azimuthDeg() == null ? c
                    : new Cell(c.id(), c.siteId(), c.operator(), c.technology(), c.bandMhz(), (c.azimuthDeg() + 30) % 360,
                            c.beamwidthDeg(), c.antennaHeightM(), c.eirpDbm(), c.rangeM(), c.lon(), c.lat(), c.validity(),
                            c.tiltDeg(), c.frontToBackDb(), c.observedRangeM())).toList();
            List<Long> ids = current.stream().map(Cell::id).toList();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            var prepared = model.prepareSiteChanges(ids, turned, List.of(), List.of());
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            var stats = model.applySiteChanges(prepared);
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            model.indicators(TODAY, uz.qamrov.engine.measure.CoverageFilter.ANY);
            long t3 = System.nanoTime();
            System.out.printf("round %d: prepare %d ms wall / %d ms CPU, apply %d ms wall / %d ms CPU, indicators %d ms;"
                    + " round %d ms; %s%n", round, (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (c2 - c1) / 1_000_000, (t3 - t2) / 1_000_000, (t3 - t0) / 1_000_000, stats);
            current = new ArrayList<>(turned);
        }
        // the same 1,000 sites decommissioned at the end of 2026: only the period on air changes, footprints stay
        List<Cell> closed = current.stream().map(c -> c.withValidity(new uz.qamrov.engine.model.Validity(
                c.validity().from(), java.time.LocalDate.of(2026, 12, 31)))).toList();
        long reusedBefore = model.footprintsReused();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        var prepared = model.prepareSiteChanges(current.stream().map(Cell::id).toList(), closed, List.of(), List.of());
        long t1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        model.applySiteChanges(prepared);
        System.out.printf("decommission: prepare %d ms wall / %d ms CPU, apply %d ms wall; %d footprints kept%n",
                (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000,
                model.footprintsReused() - reusedBefore);
    }
}
