package uz.qamrov.planner.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.QamrovApplication;
import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.planner.coverage.NetworkChange;
import uz.qamrov.support.TestPostgis;

/**
 * National-scale write benchmark (issue #14): 100,000 new sites with 300,000 cells written through the import path
 * (COPY staging + set-based upserts, {@link ImportWriter}) and reflected in coverage ({@code CoverageUpdater.onNetworkChanged}, as after an import),
 * against the same rows loaded with plain {@code COPY} by hand in the same run; plus how fast each reader parses.
 * Run with {@code scripts/bench-ingest.sh [--sites N] [--no-geodata]}.
 *
 * <p>Validation is not in this figure: it belongs to the row validator, measured on its own; the rows here are
 * built as the validator would hand them over.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        int sites = Integer.parseInt(value(a, "--sites", "100000"));
        boolean geodata = !a.contains("--no-geodata");
        String url = TestPostgis.newDatabase("bench_ingest");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QamrovApplication.class)
                .web(WebApplicationType.NONE).profiles("test").run(
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=" + TestPostgis.cluster().password(), "--qamrov.geodata.load-on-start=" + geodata,
                        "--qamrov.coverage.compute-on-start=false", "--logging.level.uz.qamrov=WARN")) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            ImportWriter writer = ctx.getBean(ImportWriter.class);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            CoverageService coverage = ctx.getBean(CoverageService.class);
            if (jdbc.queryForObject("SELECT count(*) FROM operators", Integer.class) == 0) {
                jdbc.execute("INSERT INTO operators (code, name) VALUES ('beeline', 'Beeline'), ('mobiuz', 'Mobiuz')");
            }
            System.out.printf(Locale.ROOT, "dataset: %d sites, %d cells before the upload%n",
                    jdbc.queryForObject("SELECT count(*) FROM base_stations", Long.class),
                    jdbc.queryForObject("SELECT count(*) FROM cells", Long.class));
            if (geodata) {
                long t0 = System.nanoTime();
                coverage.rebuild();
                System.out.printf(Locale.ROOT, "coverage model built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            List<Rows.ImportRow> rows = rows("beeline", "BENCH-", sites, 42);

            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = mem.getHeapMemoryUsage().getUsed();
            AtomicLong heapPeak = new AtomicLong(heapBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
            long t0 = System.nanoTime();
            java.util.UUID job = java.util.UUID.randomUUID(); // the diff rows belong to a job
            ctx.getBean(IngestRepository.class).insertJob(job, Layer.BASE_STATIONS, UploadFormat.CSV, "bench.csv", false,
                    "{}", "bench", null, rows.size());
            ImportWriter.Outcome o = tx.execute(s -> writer.write(Layer.BASE_STATIONS, rows,
                    new ImportWriter.Target(job, today, "bench", false), n -> { }));
            double writeS = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            ctx.getBean(uz.qamrov.planner.coverage.CoverageUpdater.class).onNetworkChanged(new NetworkChange(o.baseStationIds(), java.util.Set.of(), java.util.Set.of(), false));
            double coverageS = (System.nanoTime() - t1) / 1e9;
            sampler.shutdown();
            long cells = rows.stream().mapToLong(r -> ((Rows.Site) r).cells().size()).sum();
            System.out.printf(Locale.ROOT, "import path: %d sites inserted (diff rows %d), %d cells: write %.2f s, coverage %.2f s,"
                    + " heap growth %d MB%n", o.inserted(), o.diffRows(), cells, writeS, coverageS,
                    (heapPeak.get() - heapBefore) >> 20);

            // the baseline: the same rows (another operator, so nothing collides) by plain COPY, cells joined by key
            List<Rows.ImportRow> same = rows("mobiuz", "BENCH-", sites, 42);
            long t2 = System.nanoTime();
            tx.executeWithoutResult(s -> plainCopy(ctx.getBean(DataSource.class), jdbc, same));
            double copyS = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "plain COPY by hand: %.2f s; ratio import write / plain COPY = %.2f%n", copyS, writeS / copyS);

            parseRates(Math.min(sites, 20_000));
        }
    }

    /** Sites spread over the country's middle (Tashkent–Samarkand box), 3 sectors each. */
    static List<Rows.ImportRow> rows(String operator, String prefix, int n, long seed) {
        Random r = new Random(seed);
        GeometryFactory gf = new GeometryFactory();
        List<Rows.ImportRow> out = new ArrayList<>(n);
        int row = 1;
        for (int i = 0; i < n; i++) {
            double lon = 65.5 + r.nextDouble() * 4.0;
            double lat = 39.5 + r.nextDouble() * 1.8;
            List<Rows.Cell> cells = new ArrayList<>(3);
            List<Integer> rowNumbers = new ArrayList<>(3);
            for (int c = 0; c < 3; c++) {
                cells.add(new Rows.Cell(String.valueOf(c + 1), c == 0 ? "4G" : c == 1 ? "3G" : "2G", c == 0 ? 1800 : c == 1 ? 2100 : 900,
                        c * 120.0, 65.0, 3.0, 28.0, 60.0, null, null));
                rowNumbers.add(row++);
            }
            out.add(new Rows.Site(rowNumbers, operator, prefix + i, gf.createPoint(new Coordinate(lon, lat)), 30.0, "active",
                    LocalDate.of(2020, 1, 1), null, cells, null, null));
        }
        return out;
    }

    static void plainCopy(DataSource ds, JdbcTemplate jdbc, List<Rows.ImportRow> rows) {
        StringBuilder sitesCsv = new StringBuilder();
        StringBuilder cellsCsv = new StringBuilder();
        for (Rows.ImportRow r : rows) {
            Rows.Site s = (Rows.Site) r;
            sitesCsv.append(s.operator()).append(',').append(s.siteId()).append(",SRID=4326;POINT(").append(s.geometry().getX())
                    .append(' ').append(s.geometry().getY()).append("),").append(s.towerHeightM()).append(",active,")
                    .append(s.commissionedOn()).append(",bench\n");
            for (Rows.Cell c : s.cells()) {
                cellsCsv.append(s.siteId()).append(',').append(c.cellId()).append(',').append(c.technology()).append(',')
                        .append(c.bandMhz()).append(',').append(c.azimuthDeg()).append(',').append(c.beamwidthDeg()).append(',')
                        .append(c.tiltDeg()).append(',').append(c.antennaHeightM()).append(',').append(c.eirpDbm()).append('\n');
            }
        }
        try {
            Connection con = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(ds);
            var copy = con.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY base_stations (operator_code, external_id, geom, tower_height_m, status, commissioned_on, source)"
                    + " FROM STDIN WITH (FORMAT csv)", new java.io.StringReader(sitesCsv.toString()));
            jdbc.execute("CREATE TEMP TABLE bench_cells (site text, external_id text, technology text, band_mhz int, azimuth_deg real,"
                    + " beamwidth_deg real, tilt_deg real, antenna_height_m real, eirp_dbm real) ON COMMIT DROP");
            copy.copyIn("COPY bench_cells FROM STDIN WITH (FORMAT csv)", new java.io.StringReader(cellsCsv.toString()));
            jdbc.execute("""
                    INSERT INTO cells (base_station_id, external_id, technology, band_mhz, azimuth_deg, beamwidth_deg, tilt_deg,
                                       antenna_height_m, eirp_dbm)
                    SELECT b.id, c.external_id, c.technology, c.band_mhz, c.azimuth_deg, c.beamwidth_deg, c.tilt_deg,
                           c.antenna_height_m, c.eirp_dbm
                    FROM bench_cells c JOIN base_stations b ON b.operator_code = 'mobiuz' AND b.external_id = c.site""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows per second of each reader on the same n sites (one cell each), files written to a temp directory. */
    static void parseRates(int n) throws Exception {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("site_id,cell_id,lon,lat,technology,band_mhz,antenna_height_m\n");
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        double[][] xy = new double[n][];
        List<java.util.Map<String, String>> attrs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lon = 65.5 + r.nextDouble() * 4.0;
            double lat = 39.5 + r.nextDouble() * 1.8;
            xy[i] = new double[] {lon, lat};
            csv.append("S-").append(i).append(",1,").append(lon).append(',').append(lat).append(",4G,1800,28\n");
            geojson.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"site_id\":\"S-").append(i)
                    .append("\",\"cell_id\":\"1\",\"technology\":\"4G\",\"band_mhz\":1800,\"antenna_height_m\":28},")
                    .append("\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(lon).append(',').append(lat).append("]}}");
            attrs.add(java.util.Map.of("site_id", "S-" + i, "cell_id", "1", "technology", "4G", "band_mhz", "1800",
                    "antenna_heig", "28"));
        }
        geojson.append("]}");
        java.util.Map<String, byte[]> shp = new java.util.LinkedHashMap<>();
        shp.put("s.shp", ShapefileBytes.points(xy));
        shp.put("s.dbf", ShapefileBytes.dbf(attrs, StandardCharsets.UTF_8));
        IngestProperties limits = ReaderTestSupport.limits(1_000_000, 512, 10_000_000, 600);
        Path dir = Files.createTempDirectory("bench-parse");
        Path gj = dir.resolve("s.geojson");
        Files.writeString(gj, geojson);
        Path gpkg = dir.resolve("s.gpkg");
        boolean ogr = new ProcessBuilder("ogr2ogr", "-f", "GPKG", gpkg.toString(), gj.toString()).inheritIO().start().waitFor() == 0;
        rate("CSV", "s.csv", csv.toString().getBytes(StandardCharsets.UTF_8), limits, n);
        rate("GeoJSON", "s.geojson", Files.readAllBytes(gj), limits, n);
        rate("zipped shapefile", "s.zip", ShapefileBytes.zip(shp), limits, n);
        if (ogr) {
            rate("GeoPackage", "s.gpkg", Files.readAllBytes(gpkg), limits, n);
        }
        SafeUnzip.deleteTree(dir);
    }

    static void rate(String name, String file, byte[] bytes, IngestProperties limits, int n) {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 4; run++) { // run 0 warms the JIT
            long t0 = System.nanoTime();
            ParsedFile f = ReaderTestSupport.parse(file, bytes, Layer.BASE_STATIONS, limits, null);
            double s = (System.nanoTime() - t0) / 1e9;
            if (f.features().size() != n) {
                throw new IllegalStateException(name + ": " + f.features().size() + " of " + n);
            }
            if (run > 0) {
                best = Math.min(best, s);
            }
        }
        System.out.printf(Locale.ROOT, "parse %-17s %7d rows, %6.1f MB: best %.2f s = %,.0f rows/s%n", name, n, bytes.length / 1e6, best,
                n / best);
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
