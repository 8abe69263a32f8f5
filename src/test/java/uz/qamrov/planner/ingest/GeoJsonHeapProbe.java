package uz.qamrov.planner.ingest;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The heap a GeoJSON upload keeps while it is read: the features read whole (what the request and a queued job held
 * before issue #14's streamed GeoJSON) against a streamed read whose consumer keeps nothing (what they hold now).
 * Not a test (nothing asserted): run with the bench classpath, {@code java -cp target/test-classes:target/classes:$(cat
 * target/bench.classpath) uz.qamrov.planner.ingest.GeoJsonHeapProbe 45000} (features; the file is written to a temp
 * file and deleted). Used heap after four {@code System.gc()} calls, so it measures what is retained, not garbage.
 */
public final class GeoJsonHeapProbe {
    static long used() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] a) throws Exception {
        int rows = Integer.parseInt(a[0]);
        Path f = Files.createTempFile("probe", ".geojson");
        Random r = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < rows; i++) {
                w.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"operator\":\"ucell\",\"site_id\":\"BENCH-N-%d\","
                        + "\"cell_id\":\"%d\",\"tower_height_m\":\"30\",\"status\":\"active\",\"technology\":\"4G\",\"band_mhz\":\"1800\","
                        + "\"azimuth_deg\":\"120\",\"beamwidth_deg\":\"65\",\"tilt_deg\":\"3\",\"antenna_height_m\":\"28\",\"eirp_dbm\":\"60\"},"
                        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}%n", i == 0 ? "" : ",", i / 3, i % 3 + 1,
                        56 + r.nextDouble() * 17, 37.2 + r.nextDouble() * 8));
            }
            w.write("]}\n");
        }
        TextDecoder.Text text = TextDecoder.detect(f);
        ParseBudget budget = new ParseBudget(1_000_000, 50_000_000, 3600);
        long before = used();
        long t0 = System.nanoTime();
        long[] n = {0};
        StreamedFile s = GeoJsonFileReader.stream(text, budget, x -> n[0]++);
        double streamS = (System.nanoTime() - t0) / 1e9;
        long afterStream = used();
        t0 = System.nanoTime();
        ParsedFile whole = GeoJsonFileReader.read(text, new ParseBudget(1_000_000, 50_000_000, 3600));
        double wholeS = (System.nanoTime() - t0) / 1e9;
        long afterWhole = used();
        System.out.printf(Locale.ROOT, "file %.1f MB, %d features (%d streamed)%n", Files.size(f) / 1e6, whole.features().size(), n[0]);
        System.out.printf(Locale.ROOT, "retained after a streamed read (nothing kept, as the request and a queued job now do): %.1f MB in %.2f s%n",
                (afterStream - before) / 1e6, streamS);
        System.out.printf(Locale.ROOT, "retained by the features read whole (what main's request and queued job held): %.1f MB in %.2f s%n",
                (afterWhole - afterStream) / 1e6, wholeS);
        Files.delete(f);
    }
}
