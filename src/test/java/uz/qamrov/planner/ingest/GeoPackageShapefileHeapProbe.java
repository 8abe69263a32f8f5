package uz.qamrov.planner.ingest;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The heap a GeoPackage or zipped Shapefile upload keeps while it is read, as {@link GeoJsonHeapProbe} does for
 * GeoJSON: the features read whole (what the request and a queued or running job held before issue #14's streamed
 * GeoPackage and Shapefile: {@link FileParsers#parse} is main's reader collecting into a list) against the same file
 * read through {@link FileParsers#open} with a consumer that keeps nothing (what they hold now). Not a test (nothing
 * asserted): {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath)
 * uz.qamrov.planner.ingest.GeoPackageShapefileHeapProbe 100000} (one-cell site features, 12 properties, written as
 * GeoJSON and converted with ogr2ogr, as the upload benchmark's files are; all in a temp directory, deleted). Used heap
 * after four {@code System.gc()} calls, so it measures what is retained, not garbage.
 */
public final class GeoPackageShapefileHeapProbe {

    public static void main(String[] a) throws Exception {
        int rows = Integer.parseInt(a[0]);
        Path dir = Files.createTempDirectory("probe");
        try {
            Path geojson = dir.resolve("sites.geojson");
            Random r = new Random(42);
            try (BufferedWriter w = Files.newBufferedWriter(geojson)) {
                w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
                for (int i = 0; i < rows; i++) {
                    w.write(String.format(Locale.ROOT, "%s{\"type\":\"Feature\",\"properties\":{\"operator\":\"ucell\",\"site_id\":\"BENCH-N-%d\","
                            + "\"cell_id\":\"%d\",\"tower_h_m\":30,\"status\":\"active\",\"technology\":\"4G\",\"band_mhz\":1800,"
                            + "\"azimuth\":120,\"beamwidth\":65,\"tilt\":3,\"antenna_h\":28,\"eirp_dbm\":60},"
                            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}%n", i == 0 ? "" : ",", i / 3, i % 3 + 1,
                            56 + r.nextDouble() * 17, 37.2 + r.nextDouble() * 8));
                }
                w.write("]}\n");
            }
            Path gpkg = dir.resolve("sites.gpkg");
            run(dir, "ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString());
            Path shp = Files.createDirectory(dir.resolve("shp"));
            run(dir, "ogr2ogr", "-f", "ESRI Shapefile", shp.resolve("sites.shp").toString(), geojson.toString());
            Path zip = dir.resolve("sites.zip");
            run(shp, "zip", "-q", zip.toString(), "sites.shp", "sites.shx", "sites.dbf", "sites.prj");
            probe("GeoPackage", UploadFormat.GEOPACKAGE, gpkg, rows);
            probe("zipped Shapefile", UploadFormat.SHAPEFILE_ZIP, zip, rows);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void probe(String label, UploadFormat format, Path file, int rows) throws Exception {
        IngestProperties limits = ReaderTestSupport.limits(1_000_000, 1024, 50_000_000, 3600);
        long before = GeoJsonHeapProbe.used();
        long t0 = System.nanoTime();
        FileParsers.Opened opened = FileParsers.open(format, file, Layer.BASE_STATIONS, limits, ReaderTestSupport.SRIDS, null);
        long[] n = {0};
        try {
            opened.pass().read(ParseBudget.of(limits), f -> n[0]++);
            double streamS = (System.nanoTime() - t0) / 1e9;
            long afterStream = GeoJsonHeapProbe.used();
            t0 = System.nanoTime();
            ParsedFile whole = FileParsers.parse(format, file, Layer.BASE_STATIONS, limits, ReaderTestSupport.SRIDS, null);
            double wholeS = (System.nanoTime() - t0) / 1e9;
            long afterWhole = GeoJsonHeapProbe.used();
            System.out.printf(Locale.ROOT, "%s: file %.1f MB, %d features (%d streamed)%n", label, Files.size(file) / 1e6,
                    whole.features().size(), n[0]);
            System.out.printf(Locale.ROOT, "  retained after a streamed read (nothing kept, as the request and a queued job now do): %.1f MB in %.2f s%n",
                    (afterStream - before) / 1e6, streamS);
            System.out.printf(Locale.ROOT, "  retained by the features read whole (what main's request and queued job held): %.1f MB in %.2f s%n",
                    (afterWhole - afterStream) / 1e6, wholeS);
            if (whole.features().size() != rows) {
                throw new IllegalStateException("read " + whole.features().size() + " of " + rows);
            }
        } finally {
            opened.cleanup().run();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
