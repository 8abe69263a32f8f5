package uz.qamrov.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageUnionBuilder;
import uz.qamrov.engine.measure.RegionCoverage;
import uz.qamrov.engine.measure.RegionUnionMemo;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * Dissolved coverage polygons of the shipped national dataset with the service's default model (pattern radials with
 * terrain), as a stored run builds them (every technology "or better", for any operator and for each operator, per
 * region): (1) the unions of three regions with and without the co-sited merge, same run, same answer; (2) the whole
 * national set with the memo, again with nothing changed, after a 10-site upload, and for the month before. Wall and
 * process CPU time. Not a test: {@code mvn -o test -Dtest=PolygonUnionBenchmarkTest -Dqamrov.bench=true}.
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class PolygonUnionBenchmarkTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void unionsOfTheNationalDataset() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        CoverageModel model = in.model();
        List<String> operators = new ArrayList<>();
        operators.add(null);
        model.cells().stream().map(Cell::operator).distinct().sorted().forEach(operators::add);

        // (1) baseline and merged, three regions, any operator, ≥2G and ≥4G
        for (String region : List.of("UZ-SI", "UZ-TO", "UZ-XO")) {
            CoverageModel one = model;
            for (Technology t : List.of(Technology.G2, Technology.G4)) {
                long[] base = measure(() -> regionUnion(one, region, t, false));
                double baseKm2 = lastKm2;
                long[] merged = measure(() -> regionUnion(one, region, t, true));
                System.out.printf("%s ≥%s any operator: cell by cell %d ms wall, %d ms CPU; sites merged %d ms wall, %d ms"
                        + " CPU (×%.1f CPU); %.4f vs %.4f km²%n", region, t, base[0], base[1], merged[0], merged[1],
                        (double) base[1] / merged[1], baseKm2, lastKm2);
                assertThat(lastKm2).isCloseTo(baseKm2, within(baseKm2 * 1e-6));
            }
        }

        // (2) the national set with the memo
        long modelOnly = usedAfterGc();
        RegionUnionMemo memo = new RegionUnionMemo(model.geometryFactory());
        report("national set, first", memo, measure(() -> nationalSet(model, operators, memo, TODAY)));
        report("national set, nothing changed", memo, measure(() -> nationalSet(model, operators, memo, TODAY)));
        long withMemo = usedAfterGc();
        System.out.printf("heap used after GC: %d MB with the %d kept unions, %d MB before them (the model alone)%n",
                withMemo >> 20, memo.size(), modelOnly >> 20);
        Random rnd = new Random(10);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        Validity onAir = new Validity(TODAY, null);
        for (int i = 0; i < 10; i++) {
            var at = in.sites().get(rnd.nextInt(in.sites().size()));
            long siteId = 9_000_000_000L + i;
            sites.add(new Site(siteId, "ucell", at.lon() + 0.01, at.lat() + 0.01, onAir));
            for (int k = 0; k < 3; k++) {
                cells.add(new Cell(siteId * 10 + k, siteId, "ucell", Technology.G4, 1800, 120.0 * k, 65, 30, null, null,
                        at.lon() + 0.01, at.lat() + 0.01, onAir));
            }
        }
        model.applySiteChanges(List.of(), cells, List.of(), sites);
        report("national set after 10 new ucell 4G sites", memo, measure(() -> nationalSet(model, operators, memo, TODAY)));
        report("national set, the month before (the new sites not yet on air)", memo,
                measure(() -> nationalSet(model, operators, memo, TODAY.minusMonths(1).withDayOfMonth(31))));
    }

    private double lastKm2;

    private void regionUnion(CoverageModel model, String region, Technology t, boolean merge) {
        List<RegionCoverage> all = new CoverageUnionBuilder(model).technologyAtLeast(t).verticesPerFullCircle(32)
                .mergeCoSited(merge).build(new CoverageUnionBuilder.Inputs(
                        new CoverageUnionBuilder(model).technologyAtLeast(t).collect(TODAY).footprints(),
                        model.adminAreas().stream().filter(a -> a.isRegion() && a.code().equals(region)).toList()));
        lastKm2 = all.stream().mapToDouble(RegionCoverage::areaKm2).sum();
    }

    private static void nationalSet(CoverageModel model, List<String> operators, RegionUnionMemo memo, LocalDate d) {
        for (String op : operators) {
            for (Technology t : Technology.values()) {
                new CoverageUnionBuilder(model).technologyAtLeast(t).operator(op).verticesPerFullCircle(32).memo(memo)
                        .build(d);
            }
        }
    }

    private RegionUnionMemo.Counts lastCounts = new RegionUnionMemo.Counts(0, 0, 0, 0);

    private void report(String what, RegionUnionMemo memo, long[] ms) {
        RegionUnionMemo.Counts now = memo.counts();
        System.out.printf("%s: %d ms wall, %d ms CPU; region unions kept %d, built %d%n", what, ms[0], ms[1],
                now.kept() - lastCounts.kept(), now.built() + now.empty() - lastCounts.built() - lastCounts.empty());
        lastCounts = now;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private long[] measure(Runnable r) {
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        return new long[] {(System.nanoTime() - t0) / 1_000_000, (os.getProcessCpuTime() - c0) / 1_000_000};
    }
}
