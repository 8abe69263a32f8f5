package uz.qamrov.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.geodata.calibration.GeodataInputs;

/**
 * The engine's share of the national upload of issue #14 ({@code scripts/bench-upload.sh}): the shipped national model
 * (default: patterns with terrain) takes 100,000 new Ucell sites with a 4G 1800, a 3G 2100 and a 2G 900 sector
 * (300,000 cells, drawn inside the regions as the upload benchmark draws them). Wall and process CPU of prepare
 * (footprints and reach, read lock), apply (write lock), today's indicators, snapshot and diagnosis; the heap the
 * model holds after a collection, before and after. Not a test:
 * {@code mvn -o test -Dtest=NationalUploadBenchmarkTest -Dqamrov.bench=true -DargLine=-Xmx6g} ({@code -Dbench.sites=N}).
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class NationalUploadBenchmarkTest {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void oneHundredThousandNewSites() throws Exception {
        GeodataInputs in = GeodataInputs.read(Path.of("geodata"));
        long t = System.nanoTime();
        CoverageModel model = in.model();
        System.out.printf("national model built in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        long heapModel = usedAfterGc();
        int n = Integer.getInteger("bench.sites", 100_000);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        draw(in, n, sites, cells);
        long heapInputs = usedAfterGc();
        LocalDate today = LocalDate.of(2026, 12, 2);
        timed("indicators before", () -> model.indicators(today, CoverageFilter.ANY));
        var change = timed("prepare", () -> model.prepareSiteChanges(List.of(), cells, List.of(), sites));
        var stats = timed("apply", () -> model.applySiteChanges(change));
        System.out.println("  " + stats);
        timed("indicators after", () -> model.indicators(today, CoverageFilter.ANY));
        var snapshot = timed("snapshot", () -> model.evaluate(today, CoverageFilter.ANY));
        timed("diagnosis", () -> model.diagnose(snapshot));
        long heapAfter = usedAfterGc();
        System.out.printf("heap after GC: national model %d MB; +%d MB for the drawn inputs; +%d MB after the change "
                + "(%d sites, %d cells)%n", heapModel >> 20, (heapInputs - heapModel) >> 20, (heapAfter - heapInputs) >> 20,
                sites.size(), cells.size());
        if (Boolean.getBoolean("bench.histogram")) {
            System.out.println(histogram().lines().limit(25).collect(java.util.stream.Collectors.joining("\n")));
        }
        System.out.println("cells in the model: " + model.cells().size()); // keeps the model reachable until here
    }

    /** Sites inside the union of the regions, three sectors each, on air from 2026-12-01, ids above the shipped ones. */
    private static void draw(GeodataInputs in, int n, List<Site> sites, List<Cell> cells) {
        Geometry country = new GeometryFactory().buildGeometry(in.areas().stream().filter(a -> a.isRegion())
                .map(a -> a.polygon()).toList()).union();
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(country);
        Envelope box = country.getEnvelopeInternal();
        Random r = new Random(14);
        Validity onAir = new Validity(LocalDate.of(2026, 12, 1), null);
        long siteId = 10_000_000L;
        long cellId = 100_000_000L;
        Object[][] sectors = {{Technology.fromLabel("4G"), 1800}, {Technology.fromLabel("3G"), 2100},
                {Technology.fromLabel("2G"), 900}};
        for (int i = 0; i < n; i++) {
            double lon;
            double lat;
            do {
                lon = box.getMinX() + r.nextDouble() * box.getWidth();
                lat = box.getMinY() + r.nextDouble() * box.getHeight();
            } while (locator.locate(new Coordinate(lon, lat)) != Location.INTERIOR);
            long sid = ++siteId;
            sites.add(new Site(sid, "ucell", lon, lat, onAir));
            for (int c = 0; c < 3; c++) {
                cells.add(new Cell(++cellId, sid, "ucell", (Technology) sectors[c][0], (Integer) sectors[c][1],
                        (double) (c * 120), 65, 28, 60.0, null, lon, lat, onAir, 3.0, null, null));
            }
        }
    }

    private <T> T timed(String what, java.util.function.Supplier<T> work) {
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T out = work.get();
        System.out.printf("%s: %d ms wall / %d ms CPU%n", what, (System.nanoTime() - t0) / 1_000_000,
                (os.getProcessCpuTime() - c0) / 1_000_000);
        return out;
    }

    /** The live heap's classes by size ({@code jcmd GC.class_histogram}). */
    private static String histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        return (String) server.invoke(name, "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }
}
