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
        GeodataInputs in = inputs();
        CoverageModel model = in.model();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < Integer.getInteger("qamrov.bench.rounds", 3); round++) {
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

    /** The shipped dataset; with {@code -Dqamrov.bench.railways=true} the real OSM railways added ({@link OsmRailways}). */
    private static GeodataInputs inputs() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        return Boolean.getBoolean("qamrov.bench.railways") ? OsmRailways.addedTo(in) : in;
    }

    /**
     * Today's run after an upload of 10 new sites (3 cells each, placed on existing sites' positions of the dataset so
     * that they land where people live): the diagnosis from scratch against the one that keeps the untouched covered
     * settlements ({@code diagnose(snapshot, previous, touched)}), CPU time, and every answer compared.
     */
    @Test
    void diagnoseAfterATenSiteUpload() throws Exception {
        GeodataInputs in = inputs();
        CoverageModel model = in.model();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LocalDate today = LocalDate.of(2025, 9, 30);
        SignalReport previous = model.diagnose(model.evaluate(today, CoverageFilter.ANY));
        java.util.Random rnd = new java.util.Random(10);
        for (int round = 0; round < 3; round++) {
            List<uz.qamrov.engine.model.Site> sites = new ArrayList<>();
            List<uz.qamrov.engine.model.Cell> cells = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var at = in.sites().get(rnd.nextInt(in.sites().size()));
                long siteId = 9_000_000_000L + round * 100 + i;
                sites.add(new uz.qamrov.engine.model.Site(siteId, "bench", at.lon() + 0.01, at.lat() + 0.01,
                        uz.qamrov.engine.model.Validity.ALWAYS));
                for (int k = 0; k < 3; k++) {
                    cells.add(new uz.qamrov.engine.model.Cell(siteId * 10 + k, siteId, "bench",
                            uz.qamrov.engine.model.Technology.G4, 1800, 120.0 * k, 65, 30, null, null, at.lon() + 0.01,
                            at.lat() + 0.01, uz.qamrov.engine.model.Validity.ALWAYS));
                }
            }
            var stats = model.applySiteChanges(List.of(), cells, List.of(), sites);
            CoverageSnapshot snap = model.evaluate(today, CoverageFilter.ANY);
            long c0 = os.getProcessCpuTime();
            SignalReport full = model.diagnose(snap);
            long c1 = os.getProcessCpuTime();
            SignalReport incremental = model.diagnose(snap, previous, stats.touchedSettlementIds());
            long c2 = os.getProcessCpuTime();
            int differ = 0;
            for (Settlement s : in.settlements()) {
                for (Service sv : Service.mobile()) {
                    if (!java.util.Objects.equals(full.settlement(s.id(), sv), incremental.settlement(s.id(), sv))) {
                        differ++;
                    }
                }
            }
            if (!full.stretches().equals(incremental.stretches())) {
                differ++;
            }
            System.out.printf("10 new sites, round %d: %d settlements touched; diagnosis from scratch cpu %d ms, "
                    + "incremental cpu %d ms (%d of %d stretches kept); answers that differ: %d%n", round,
                    stats.touchedSettlementIds().size(), (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000,
                    incremental.stretchesFromPrevious(), incremental.stretches().size(), differ);
            org.assertj.core.api.Assertions.assertThat(differ).isZero();
            previous = incremental;
        }
    }

    /**
     * The browser test's jump on the slider, end-2019 to mid-2021, from scratch and from end-2019's report: CPU of the
     * settlements and the stretches apart (in the browser test's stored run of that month, signals were 1.6 s of 3.1 s).
     */
    @Test
    void diagnoseAJumpOfEighteenMonths() throws Exception {
        GeodataInputs in = inputs();
        CoverageModel model = in.model();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SignalReport previous = model.diagnose(model.evaluate(LocalDate.of(2019, 12, 31), CoverageFilter.ANY));
        for (int rep = 0; rep < 3; rep++) {
            BothWays b = diagnoseBothWays(model, model.evaluate(LocalDate.of(2021, 6, 30), CoverageFilter.ANY), previous, os);
            System.out.printf("2019-12-31 -> 2021-06-30: from scratch %d ms CPU; from end-2019: settlements %d ms, "
                    + "%d stretches %d ms CPU (%d settlements from the previous report)%n", b.scratchNs() / 1_000_000,
                    b.settlementsNs() / 1_000_000, b.carried().stretches().size(), b.stretchesNs() / 1_000_000,
                    b.carried().settlementsFromPrevious());
            org.assertj.core.api.Assertions.assertThat(differingAnswers(in.settlements(), b.full(), b.carried())).isZero();
        }
    }

    /**
     * The slider's months in a row (what the background precomputation and a reader moving the slider ask for), each
     * diagnosed from scratch and from the previous month's report: CPU time of both, and every answer compared.
     */
    @Test
    void diagnoseTheNextMonth() throws Exception {
        GeodataInputs in = inputs();
        CoverageModel model = in.model();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LocalDate first = LocalDate.of(2021, 12, 31);
        SignalReport previous = model.diagnose(model.evaluate(first, CoverageFilter.ANY));
        long scratchCpu = 0;
        long carriedCpu = 0;
        for (int m = 1; m <= 12; m++) {
            LocalDate d = first.plusMonths(m).withDayOfMonth(first.plusMonths(m).lengthOfMonth());
            BothWays b = diagnoseBothWays(model, model.evaluate(d, CoverageFilter.ANY), previous, os);
            SignalReport carried = b.carried();
            System.out.printf("  settlements cpu %d ms, %d stretches cpu %d ms (%d kept)%n", b.settlementsNs() / 1_000_000,
                    carried.stretches().size(), b.stretchesNs() / 1_000_000, carried.stretchesFromPrevious());
            int differ = differingAnswers(in.settlements(), b.full(), carried);
            int kept = 0;
            for (Settlement s : in.settlements()) {
                kept += carried.settlement(s.id(), Service.MOBILE_INTERNET).orElse(null)
                        == previous.settlement(s.id(), Service.MOBILE_INTERNET).orElse(null) ? 1 : 0;
            }
            long carriedNs = b.settlementsNs() + b.stretchesNs();
            scratchCpu += b.scratchNs();
            carriedCpu += carriedNs;
            System.out.printf("%s: from scratch cpu %d ms, from the month before cpu %d ms; %d of %d settlements kept "
                    + "as they were, %d from the previous best; answers that differ: %d%n", d, b.scratchNs() / 1_000_000,
                    carriedNs / 1_000_000, kept, in.settlements().size(), carried.settlementsFromPrevious() - kept, differ);
            org.assertj.core.api.Assertions.assertThat(differ).isZero();
            previous = carried;
        }
        System.out.printf("12 months: from scratch cpu %d ms, from the month before cpu %d ms (%.1fx)%n",
                scratchCpu / 1_000_000, carriedCpu / 1_000_000, (double) scratchCpu / carriedCpu);
    }

    /**
     * What a reader's new month waits for since the runs are stored gaps first: from today's report (the only one a
     * service has right after its start), early months diagnosed whole and only their gaps (the places without a
     * service), wall time on both cores; the gap report's answers compared with the whole diagnosis'.
     */
    @Test
    void diagnoseTheGapsFirst() throws Exception {
        GeodataInputs in = inputs();
        CoverageModel model = in.model();
        SignalReport today = model.diagnose(model.evaluate(LocalDate.of(2026, 12, 3), CoverageFilter.ANY));
        for (int rep = 0; rep < 2; rep++) {
            for (LocalDate d : List.of(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 3, 31), LocalDate.of(2022, 5, 31),
                    LocalDate.of(2023, 10, 31))) {
                CoverageSnapshot snap = model.evaluate(d, CoverageFilter.ANY);
                long t0 = System.nanoTime();
                var whole = model.diagnosisInParts(snap, today, java.util.Set.of());
                whole.settlements(0, whole.settlementCount());
                whole.stretches(0, whole.stretchCount());
                SignalReport all = whole.report();
                long t1 = System.nanoTime();
                var gaps = model.diagnosisInParts(snap, today, java.util.Set.of());
                gaps.gapSettlements(0, gaps.settlementCount());
                gaps.gapStretches(0, gaps.stretchCount());
                SignalReport first = gaps.gapReport();
                long t2 = System.nanoTime();
                int answered = 0;
                for (Settlement s : in.settlements()) {
                    for (Service sv : Service.mobile()) {
                        var a = first.settlement(s.id(), sv);
                        if (a.isPresent()) {
                            answered++;
                            org.assertj.core.api.Assertions.assertThat(a).isEqualTo(all.settlement(s.id(), sv));
                        }
                    }
                }
                long stretches = first.stretches().stream().filter(java.util.Objects::nonNull).count();
                for (int k = 0; k < snap.stretches().size(); k++) {
                    if (first.stretches().get(k) != null) {
                        org.assertj.core.api.Assertions.assertThat(first.stretches().get(k)).isEqualTo(all.stretches().get(k));
                    }
                }
                System.out.printf("%s from today's report: whole diagnosis %d ms (%d settlements carried over); gaps first"
                        + " %d ms (%d settlement answers of %d, %d stretches of %d)%n", d, (t1 - t0) / 1_000_000,
                        all.settlementsFromPrevious(), (t2 - t1) / 1_000_000, answered / Service.mobile().length,
                        in.settlements().size(), stretches, snap.stretches().size());
            }
        }
    }

    /** A snapshot diagnosed from scratch and from a previous report (settlements, then stretches), with process CPU. */
    private record BothWays(SignalReport full, SignalReport carried, long scratchNs, long settlementsNs, long stretchesNs) {
    }

    private static BothWays diagnoseBothWays(CoverageModel model, CoverageSnapshot snap, SignalReport previous,
            com.sun.management.OperatingSystemMXBean os) {
        long c0 = os.getProcessCpuTime();
        SignalReport full = model.diagnose(snap);
        long c1 = os.getProcessCpuTime();
        var parts = model.diagnosisInParts(snap, previous, java.util.Set.of());
        parts.settlements(0, parts.settlementCount());
        long c2 = os.getProcessCpuTime();
        parts.stretches(0, parts.stretchCount());
        SignalReport carried = parts.report();
        long c3 = os.getProcessCpuTime();
        return new BothWays(full, carried, c1 - c0, c2 - c1, c3 - c2);
    }

    /** Settlement answers (per mobile service) that differ between two reports, plus one if their stretches differ. */
    private static int differingAnswers(java.util.List<Settlement> settlements, SignalReport a, SignalReport b) {
        int differ = 0;
        for (Settlement s : settlements) {
            for (Service sv : Service.mobile()) {
                if (!java.util.Objects.equals(a.settlement(s.id(), sv), b.settlement(s.id(), sv))) {
                    differ++;
                }
            }
        }
        return differ + (a.stretches().equals(b.stretches()) ? 0 : 1);
    }
}
