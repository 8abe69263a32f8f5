package uz.qamrov.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uz.qamrov.QamrovApplication;
import uz.qamrov.planner.coverage.CoverageRuns;
import uz.qamrov.planner.export.Exports;
import uz.qamrov.planner.system.StreamingQueries;
import uz.qamrov.support.TestPostgis;

/**
 * Benchmark of the API and exports on a synthetic national dataset in a throwaway PostGIS (run with
 * {@code scripts/bench-api.sh}): (1) the national coverage.geojson export streamed vs built in memory (time, sampled
 * heap peak, bytes/s); (2) gap endpoints under load with {@code hey} (p50/p99) vs the same SQL run directly over JDBC.
 * Prints a Markdown section for docs/benchmarks.md. Loopback only; every load phase has a fixed duration.
 */
public final class ApiBenchmark {

    static final String[] REGIONS = {"AN", "BU", "FA", "JI", "NG", "NW", "QA", "QR", "SA", "SI", "SU", "TK", "TO", "XO"};

    public static void main(String[] args) throws Exception {
        int settlements = Integer.getInteger("bench.settlements", 60_000);
        int circles = Integer.getInteger("bench.circles", 12);
        int quadSegs = Integer.getInteger("bench.quadSegs", 256);
        int loadSeconds = Integer.getInteger("bench.loadSeconds", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 8);

        String url = TestPostgis.newDatabase("bench");
        SpringApplication app = new SpringApplication(QamrovApplication.class);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("benchRuns", (CoverageRuns) (LocalDate d) -> 1L));
        String[] settings = BenchArgs.of(Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", TestPostgis.cluster().password(), "server.port", "0", "qamrov.embedded-db.enabled", "false",
                "qamrov.geodata.load-on-start", "false", "logging.level.root", "WARN", "server.compression.enabled", "false",
                "qamrov.rate-limit.enabled", "false"));
        StringBuilder md = new StringBuilder();
        try (ConfigurableApplicationContext ctx = app.run(settings)) {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            generate(jdbc, settlements, circles, quadSegs);
            double genS = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> sizes = jdbc.queryForMap("""
                    SELECT (SELECT count(*) FROM coverage_polygons) AS polygons,
                      (SELECT sum(ST_NPoints(geom)) FROM coverage_polygons) AS vertices,
                      (SELECT count(*) FROM settlements) AS settlements,
                      (SELECT count(*) FROM settlement_coverage WHERE NOT covered) AS uncovered,
                      (SELECT count(*) FROM line_stretches WHERE NOT covered) AS gaps""");
            md.append("## API and exports\n\n");
            md.append("Command: `scripts/bench-api.sh` (`ApiBenchmark` under src/test: a throwaway PostGIS, the app on a random ")
                    .append("loopback port, synthetic national data; ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, shared with other builds, -Xmx").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB).\n\n");
            md.append(String.format(Locale.ROOT, "Data (generated in %.1f s): %s coverage polygons with %s vertices, %s settlements "
                    + "(%s uncovered settlement × service results), %s uncovered highway stretches.%n%n", genS, sizes.get("polygons"), sizes.get("vertices"),
                    sizes.get("settlements"), sizes.get("uncovered"), sizes.get("gaps")));

            if (Boolean.getBoolean("bench.explain")) {
                for (String q : List.of(
                        "SELECT count(*) FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id"
                                + " WHERE sc.run_id = 1 AND sc.service = 'mobile_internet' AND NOT sc.covered AND s.region_code = 'UZ-TO'",
                        "SELECT s.id, ST_AsGeoJSON(s.geom, 6), s.name_uz_latn FROM settlement_coverage sc"
                                + " JOIN settlements s ON s.id = sc.settlement_id WHERE sc.run_id = 1 AND sc.service = 'mobile_internet'"
                                + " AND NOT sc.covered AND s.region_code = 'UZ-TO' ORDER BY s.population DESC NULLS LAST, s.id LIMIT 100")) {
                    jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + q, String.class).forEach(System.out::println);
                }
                System.exit(0);
            }
            exportBenchmark(ctx, port, md);
            loadBenchmark(ctx, port, loadSeconds, concurrency, md);
        }
        System.out.println("\n===== MARKDOWN =====\n" + md);
        System.exit(0);
    }

    static void generate(JdbcTemplate jdbc, int settlements, int circles, int quadSegs) {
        jdbc.execute("INSERT INTO operators (code, name) VALUES ('ucell', 'Ucell'), ('beeline', 'Beeline'), ('uzmobile', 'Uzmobile')");
        for (int i = 0; i < REGIONS.length; i++) {
            double x = 56 + (i % 7) * 2.4;
            double y = 37.5 + (i / 7) * 3.5;
            jdbc.update("""
                    INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source)
                    VALUES (?, ?, ?, ?, ?, 1000000, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)), 'bench')""",
                    "UZ-" + REGIONS[i], "R" + i, "Р" + i, "Р" + i, "Region " + i, x, y, x + 2.4, y + 3.5);
        }
        jdbc.execute("INSERT INTO coverage_runs (id, kind, as_of, status) VALUES (1, 'full', '2025-01-01', 'succeeded')");
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, name_uz_cyrl, name_ru, name_en, kind, population, households,
                  region_code, geom, source)
                SELECT 's' || g, 'Qishloq ' || g, 'Қишлоқ ' || g, 'Кишлак ' || g, 'Village ' || g, 'village',
                  (random() * 5000)::int, (random() * 1000)::int, r.code,
                  ST_SetSRID(ST_MakePoint(ST_XMin(r.geom) + random() * 2.4, ST_YMin(r.geom) + random() * 3.5), 4326),
                  CASE WHEN g % 10 = 0 THEN 'synthetic' ELSE 'bench' END
                FROM generate_series(1, ?) g
                JOIN (SELECT code, geom, row_number() OVER (ORDER BY code) - 1 AS k FROM regions) r ON r.k = g % 14""", settlements);
        jdbc.execute("""
                INSERT INTO settlement_coverage (run_id, settlement_id, service, covered, operators, nearest_site_m, nearest_fiber_m)
                SELECT 1, s.id, v.service, random() > 0.3, '{}', random() * 20000, random() * 30000
                FROM settlements s CROSS JOIN (VALUES ('mobile_internet'), ('high_speed_mobile'), ('fixed_broadband')) v(service)""");
        jdbc.execute("""
                INSERT INTO highways (ref, road_class, name_uz_latn, geom, source)
                SELECT 'M' || g, 'state', 'Road ' || g,
                  ST_MakeLine(ST_MakePoint(56.5 + (g % 40) * 0.4, 37.8 + (g / 40) * 1.4), ST_MakePoint(57.5 + (g % 40) * 0.4, 38.6 + (g / 40) * 1.4)), 'bench'
                FROM generate_series(0, 199) g""");
        jdbc.execute("""
                INSERT INTO line_stretches (run_id, line_kind, line_id, service, covered, from_km, to_km, length_km, region_code, geom)
                SELECT 1, 'highway', h.id, 'mobile_internet', k % 2 = 0, k * 6, k * 6 + 6, 6, 'UZ-' || (ARRAY['AN','BU','TO'])[1 + k % 3],
                  ST_LineSubstring(h.geom, k / 20.0, (k + 1) / 20.0)
                FROM highways h CROSS JOIN generate_series(0, 19) k""");
        // coverage: per region, technology and operator a union of random circles (quad_segs vertices per quarter)
        jdbc.update("""
                INSERT INTO coverage_polygons (run_id, technology, operator_code, region_code, area_km2, geom)
                SELECT 1, t.tech, o.op, r.code, 1000, ST_Multi(ST_Union(ST_Buffer(
                    ST_SetSRID(ST_MakePoint(ST_XMin(r.geom) + 0.3 + random() * 1.8, ST_YMin(r.geom) + 0.3 + random() * 2.9), 4326),
                    0.1 + random() * 0.2, ?)))
                FROM regions r CROSS JOIN (VALUES ('2G'), ('3G'), ('4G'), ('5G')) t(tech)
                CROSS JOIN (VALUES ('*'), ('ucell'), ('beeline')) o(op) CROSS JOIN generate_series(1, ?) c
                GROUP BY r.code, t.tech, o.op""", quadSegs, circles);
        jdbc.execute("ANALYZE");
    }

    // ------------------------------------------------------------------------------------------------ export

    static void exportBenchmark(ConfigurableApplicationContext ctx, int port, StringBuilder md) throws Exception {
        Exports exports = ctx.getBean(Exports.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        ObjectMapper json = ctx.getBean(ObjectMapper.class);
        Exports.CoverageExport export = exports.coverage(null, "*", null, null);
        // warm-up: one of each
        exports.writeCoverageGeoJson(export, OutputStream.nullOutputStream());
        inMemory(jdbc, json, OutputStream.nullOutputStream());

        List<double[]> streamed = new ArrayList<>();
        List<double[]> buffered = new ArrayList<>();
        List<double[]> http = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streamed.add(measure(() -> {
                Counting out = new Counting();
                exports.writeCoverageGeoJson(export, out);
                return out.count;
            }));
            buffered.add(measure(() -> {
                Counting out = new Counting();
                inMemory(jdbc, json, out);
                return out.count;
            }));
            http.add(measure(() -> {
                HttpClient client = HttpClient.newHttpClient();
                HttpResponse<InputStream> res = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/coverage.geojson?operator=*")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long n = 0;
                byte[] buf = new byte[1 << 16];
                try (InputStream in = res.body()) {
                    for (int r; (r = in.read(buf)) > 0;) {
                        n += r;
                    }
                }
                return n;
            }));
        }
        double[] s = median(streamed);
        double[] b = median(buffered);
        double[] h = median(http);
        md.append("### National coverage.geojson (all technologies, operator `*`)\n\n");
        md.append("| variant | time (median of 3) | heap peak above idle (sampled every 2 ms) | bytes | throughput |\n|---|---|---|---|---|\n");
        row(md, "streamed: cursor (fetch 1000) → JsonGenerator, in process", s);
        row(md, "baseline: whole result list + Jackson tree + byte[] in memory", b);
        row(md, "streamed over HTTP (loopback, uncompressed)", h);
        md.append(String.format(Locale.ROOT, "%nRatios streamed / in-memory baseline (same run): time %.2f×, heap peak %.2f×.%n%n",
                s[0] / b[0], s[1] / b[1]));
    }

    /** The naive export: every row in a list, a Jackson tree of the whole collection, then one byte array. */
    static void inMemory(JdbcClient jdbc, ObjectMapper json, OutputStream out) throws Exception {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT id, ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 6, 0) AS geometry, technology, operator_code, region_code, area_km2
                FROM coverage_polygons WHERE run_id = 1 AND operator_code = '*' ORDER BY region_code, technology, id""")
                .query().listOfRows();
        ObjectNode fc = json.createObjectNode();
        fc.put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (Map<String, Object> r : rows) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", ((Number) r.get("id")).longValue());
            f.set("geometry", json.readTree((String) r.get("geometry")));
            ObjectNode p = f.putObject("properties");
            p.put("technology", (String) r.get("technology"));
            p.put("operator", (String) r.get("operator_code"));
            p.put("region", (String) r.get("region_code"));
            p.put("area_km2", ((Number) r.get("area_km2")).doubleValue());
        }
        out.write(json.writeValueAsBytes(fc));
    }

    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** [seconds, heap peak above the idle heap in MB, bytes]. */
    static double[] measure(Callable<Long> work) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc(); // a full collection before the baseline reading (synchronous on the default collector)
        long idle = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(idle);
        // sample the heap every 2 ms while the work runs
        var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 2, java.util.concurrent.TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        long bytes = work.call();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.shutdownNow();
        sampler.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
        return new double[] {seconds, (peak.get() - idle) / 1048576.0, bytes};
    }

    static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] m = sorted.get(sorted.size() / 2).clone();
        m[1] = runs.stream().mapToDouble(r -> r[1]).max().orElse(0); // worst heap peak of the runs
        return m;
    }

    static void row(StringBuilder md, String name, double[] m) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f s | %.0f MB | %.1f MB | %.1f MB/s |%n", name, m[0], m[1], m[2] / 1048576.0,
                m[2] / 1048576.0 / m[0]));
    }

    // ------------------------------------------------------------------------------------------------ load

    static void loadBenchmark(ConfigurableApplicationContext ctx, int port, int seconds, int concurrency, StringBuilder md)
            throws Exception {
        // the baseline runs the SQL the way the endpoints do: through a cursor in a read-only transaction (a portal
        // read with a row limit runs leader-only, so no parallel-worker start-up; plain JDBC would pay ~50 ms for it)
        StreamingQueries streaming = ctx.getBean(StreamingQueries.class);
        String base = "http://127.0.0.1:" + port;
        // endpoint, and the SQL it runs (count + page) for the raw baseline
        String settlementPage = """
                SELECT s.id, ST_AsGeoJSON(s.geom, 6), s.name_uz_latn, s.population, sc.nearest_site_m
                FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id
                WHERE sc.run_id = 1 AND sc.service = 'mobile_internet' AND NOT sc.covered AND s.region_code = 'UZ-TO'
                ORDER BY s.population DESC NULLS LAST, s.id LIMIT 100""";
        String settlementCount = """
                SELECT count(*) FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id
                WHERE sc.run_id = 1 AND sc.service = 'mobile_internet' AND NOT sc.covered AND s.region_code = 'UZ-TO'""";
        String highwayPage = """
                WITH g AS (SELECT line_id, max(length_km) AS m FROM line_stretches WHERE run_id = 1 AND line_kind = 'highway'
                  AND service = 'mobile_internet' AND NOT covered GROUP BY line_id)
                SELECT ls.id, ST_AsGeoJSON(ls.geom, 6), l.ref, ls.from_km, ls.to_km, g.m FROM line_stretches ls
                JOIN highways l ON l.id = ls.line_id JOIN g ON g.line_id = ls.line_id
                WHERE ls.run_id = 1 AND ls.line_kind = 'highway' AND ls.service = 'mobile_internet' AND NOT ls.covered
                ORDER BY ls.length_km DESC NULLS LAST, ls.id LIMIT 100""";
        String highwayCount = """
                SELECT count(*) FROM line_stretches ls JOIN highways l ON l.id = ls.line_id
                WHERE ls.run_id = 1 AND ls.line_kind = 'highway' AND ls.service = 'mobile_internet' AND NOT ls.covered""";
        record Case(String name, String path, List<String> sql) {
        }
        List<Case> cases = List.of(
                new Case("gap settlements, region, JSON, 100/page", "/api/v1/gaps/settlements?region=UZ-TO&limit=100",
                        List.of(settlementCount, settlementPage)),
                new Case("gap settlements, region, GeoJSON", "/api/v1/gaps/settlements?region=UZ-TO&limit=100&f=geojson",
                        List.of(settlementCount, settlementPage)),
                new Case("gap settlements, region, CSV", "/api/v1/gaps/settlements?region=UZ-TO&limit=100&f=csv",
                        List.of(settlementCount, settlementPage)),
                new Case("highway gaps, national, 100/page", "/api/v1/gaps/highways?limit=100", List.of(highwayCount, highwayPage)),
                new Case("highway profile M7", "/api/v1/gaps/highways/M7/profile", List.of("""
                        SELECT k FROM generate_series(0, 119) k LEFT JOIN line_stretches s ON s.run_id = 1 AND s.line_kind = 'highway'
                        AND s.line_id = (SELECT id FROM highways WHERE ref = 'M7') AND s.from_km < k + 1 AND s.to_km > k""")),
                new Case("regions (summary)", "/api/v1/regions", List.of("SELECT code, ST_XMin(geom) FROM regions ORDER BY code")));
        md.append("### Gap and summary endpoints under load\n\n");
        md.append(String.format(Locale.ROOT, "`hey -z %ds -c %d` per endpoint (loopback). Baseline: the endpoint's SQL (count + page) "
                + "through the same cursor/transaction from %d threads for the same duration, no HTTP/JSON.%n%n", seconds, concurrency, concurrency));
        md.append("| endpoint | req/s | p50 | p99 | raw SQL p50 | raw SQL p99 | p99 ratio endpoint / SQL |\n|---|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            String out = run("hey", "-z", seconds + "s", "-c", String.valueOf(concurrency), base + c.path());
            double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
            double p50 = number(out, "50%+ in ([0-9.]+) secs") * 1000;
            double p99 = number(out, "99%+ in ([0-9.]+) secs") * 1000;
            String status = out.contains("[200]") ? "" : " (non-200 answers!)";
            double[] raw = rawSql(streaming, c.sql(), seconds, concurrency);
            md.append(String.format(Locale.ROOT, "| `%s`%s | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f× |%n",
                    c.path(), status, rps, p50, p99, raw[0], raw[1], p99 / raw[1]));
        }
        md.append('\n');
    }

    static double[] rawSql(StreamingQueries streaming, List<String> sql, int seconds, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    streaming.readOnly(() -> sql.forEach(q -> streaming.client().sql(q).query().listOfRows()));
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new double[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1))};
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private ApiBenchmark() {
    }
}
