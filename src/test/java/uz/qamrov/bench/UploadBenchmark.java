package uz.qamrov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import uz.qamrov.bench.UploadBenchmarkFiles.Outline;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.QamrovApplication;
import uz.qamrov.support.TestPostgis;

/**
 * A national upload through the service, end to end (run with {@code scripts/bench-upload.sh}; loopback only): the
 * service on the shipped dataset in a throwaway PostGIS, then
 * <ol>
 *   <li>N sites × 3 cells (default 100,000 / 300,000 rows, Qamrov CSV, every site inside Uzbekistan's outline as the
 *       database holds it) POSTed as one file: time until the job is done, coverage update included, with the job's
 *       phases as its progress reports them, and the heap of the service's JVM (this one) sampled every 20 ms;</li>
 *   <li>the same file loaded with plain {@code COPY} by hand into a scratch table, and row by row (one prepared
 *       {@code INSERT} per row, one transaction) into the same table, same run (the ratios);</li>
 *   <li>rows/s of each format (CSV, GeoJSON, GeoPackage, zipped Shapefile; files made by ogr2ogr) on a file of
 *       {@code --format-sites} one-cell sites, as dry runs (read, validate, write and roll back; no coverage).</li>
 * </ol>
 * The load average of the machine is read from /proc/loadavg before, during and after. Prints Markdown.
 * {@code --national-format geojson} POSTs the same rows as GeoJSON (one Point feature per cell row) instead of CSV;
 * {@code --skip-baselines} leaves out the two COPY/INSERT baselines; {@code --format-sites 0} the formats table;
 * {@code --formats-only} the national upload (and the wait for the background work before it), for the formats table
 * alone. Each format is then POSTed a second time for its retained heap: the heap used right after the 202, after
 * {@code System.gc()}, minus the same before the POST (what a queued or running job of that file pins), apart from the
 * timed run so that the collections do not count in its rows/s.
 */
public final class UploadBenchmark {

    static final String ADMIN = "bench-admin-token-0123456789";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int sites = Integer.parseInt(value(a, "--sites", "100000"));
        int formatSites = Integer.parseInt(value(a, "--format-sites", "10000"));
        boolean geojson = value(a, "--national-format", "csv").equals("geojson");
        boolean baselines = !a.contains("--skip-baselines");
        boolean national = !a.contains("--formats-only");
        int settlements = Integer.parseInt(value(a, "--settlements", "0"));
        int roads = Integer.parseInt(value(a, "--roads", "0"));
        List<String> load = new ArrayList<>(List.of(loadAverage()));
        String url = TestPostgis.newDatabase("bench_upload");
        String[] settings = BenchArgs.of(Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", TestPostgis.cluster().password(), "server.port", "0", "server.address", "127.0.0.1",
                "qamrov.embedded-db.enabled", "false", "qamrov.rate-limit.enabled", "false", "qamrov.access.admin-token", ADMIN,
                "logging.level.root", "WARN", "logging.level.uz.qamrov.planner.ingest", "INFO"));
        if (System.getProperty("bench.maxUploadMb") != null) { // JAVA_OPTS="-Dbench.maxUploadMb=200": a larger file
            settings = java.util.stream.Stream.concat(java.util.Arrays.stream(settings),
                    java.util.stream.Stream.of("--qamrov.ingest.max-upload-mb=" + System.getProperty("bench.maxUploadMb")))
                    .toArray(String[]::new);
        }
        StringBuilder md = new StringBuilder();
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("bench-upload");
        try (ConfigurableApplicationContext ctx = new SpringApplication(QamrovApplication.class).run(settings)) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            Awaitility.await("service ready").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> get(base + "/actuator/health/readiness").statusCode() == 200);
            double readyS = (System.nanoTime() - t0) / 1e9;
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Outline outline = Outline.of(jdbc);
            long before = jdbc.queryForObject("SELECT count(*) FROM base_stations", Long.class);
            long cellsBefore = jdbc.queryForObject("SELECT count(*) FROM cells", Long.class);

            // warm-up: a small dry run through the same path (JIT, connection pool)
            Path warm = dir.resolve("warm.csv");
            UploadBenchmarkFiles.writeCsv(warm, outline, 2_000, new Random(3), "BENCH-WARM-");
            Job w = upload(base, warm, "sites.csv", true);
            System.out.printf(Locale.ROOT, "warm-up dry run (2,000 sites): %s in %.1f s%n", w.status, w.totalS);

            if (national) {
                Path big = dir.resolve("national.csv");
                UploadBenchmarkFiles.writeCsv(big, outline, sites, new Random(42), "BENCH-N-");
                Path posted = big;
                if (geojson) {
                    posted = dir.resolve("national.geojson");
                    UploadBenchmarkFiles.csvToGeoJson(big, posted);
                }
                // after start (and the warm-up) the service stores runs of other dates and national polygons in the
                // background; timed on top of that, the upload measures the contention, not the import
                double quietS = awaitBackgroundQuiet();
                MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
                long heapBefore = mem.getHeapMemoryUsage().getUsed();
                AtomicLong heapPeak = new AtomicLong(heapBefore);
                List<String> loadDuring = java.util.Collections.synchronizedList(new ArrayList<>());
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max), 0, 20,
                        TimeUnit.MILLISECONDS);
                sampler.scheduleAtFixedRate(() -> loadDuring.add(loadAverage().split(" ")[0]), 0, 10, TimeUnit.SECONDS);
                AfterGc afterGc = AfterGc.listen();
                long uploadStart = System.nanoTime();
                Job job = upload(base, posted, posted.getFileName().toString(), false);
                afterGc.stop();
                sampler.shutdown();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
                for (int i = 0; i < 3; i++) {
                    System.gc();
                }
                long heapAfter = mem.getHeapMemoryUsage().getUsed();
                load.add(loadAverage());
                long after = jdbc.queryForObject("SELECT count(*) FROM base_stations", Long.class);
                long cellsAfter = jdbc.queryForObject("SELECT count(*) FROM cells", Long.class);

                double copyS = baselines ? UploadBaselines.plainCopy(ctx.getBean(DataSource.class), jdbc, big) : Double.NaN;
                double rowByRowS = baselines ? UploadBaselines.rowByRow(ctx.getBean(DataSource.class), jdbc, big) : Double.NaN;

                md.append(String.format(Locale.ROOT, "Run of %s, %d cores, -Xmx%d MB; service ready (dataset loaded, model built) after %.0f s. "
                        + "Load average (1/5/15 min) before: %s; after the upload: %s; 1-min samples every 10 s during it: %s.%n%n",
                        java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, readyS,
                        load.get(0), load.get(1), String.join(", ", loadDuring)));
                md.append(String.format(Locale.ROOT, "Background coverage work (threads coverage-*, ForkJoinPool) settled %.0f s after"
                        + " the warm-up, before the upload (%s).%n%n", quietS, quietS < 0 ? "it had not after 20 min: timed with it running"
                        : "less than 20 ms of their CPU in 5 s"));
                md.append(String.format(Locale.ROOT, "Upload: %,d sites × 3 cells = %,d rows (%.1f MB of %s), status %s; "
                        + "base stations %,d → %,d, cells %,d → %,d.%n%n", sites, 3L * sites, Files.size(posted) / 1e6,
                        geojson ? "GeoJSON, one Point feature per cell row" : "Qamrov CSV", job.status, before, after,
                        cellsBefore, cellsAfter));
                md.append("| what | time | goal |\n|---|---|---|\n");
                md.append(String.format(Locale.ROOT, "| **POST to job done, coverage update included** | **%.1f s** | ≤ 60 s on 2 cores %s |%n",
                        job.totalS, job.totalS <= 60 ? "✔" : "✘"));
                md.append(String.format(Locale.ROOT, "| … upload + read + map (the POST, until 202) | %.1f s | |%n", job.postS));
                job.phases.forEach((phase, s) -> md.append(String.format(Locale.ROOT, "| … %s | %.1f s | |%n", phase, s)));
                md.append(String.format(Locale.ROOT, "| plain `COPY` of the same file into a scratch table, same run | %.1f s | |%n", copyS));
                md.append(String.format(Locale.ROOT, "| **ratio upload / plain COPY** | **%.1f×** | |%n", job.totalS / copyS));
                md.append(String.format(Locale.ROOT, "| the same rows row by row (one prepared INSERT each, one transaction) into the scratch"
                        + " table, same run | %.1f s | |%n", rowByRowS));
                md.append(String.format(Locale.ROOT, "| **ratio row-by-row INSERT / plain COPY** (what bulk writing buys) | **%.1f×** | |%n",
                        rowByRowS / copyS));
                Double writeS = job.phases.get("write");
                if (writeS != null) {
                    md.append(String.format(Locale.ROOT, "| **ratio row-by-row INSERT / the job's write phase** (COPY to staging + set-based"
                            + " versioning) | **%.1f×** | |%n", rowByRowS / writeS));
                }
                md.append(String.format(Locale.ROOT, "| heap: peak used − used before (sampled every 20 ms; includes garbage) | %,d MB | ≤ 512 MB %s |%n",
                        (heapPeak.get() - heapBefore) >> 20, heapPeak.get() - heapBefore <= 512L << 20 ? "✔" : "✘"));
                md.append(String.format(Locale.ROOT, "| heap: used after GC, after − before (what stays: the model's new sites) | %,d MB | |%n",
                        (heapAfter - heapBefore) >> 20));
                // the phases ran one after the other from the POST: the end of the write phase splits the upload's own
                // heap from the coverage update's (the model taking in the new sites)
                double writeEndS = job.postS + job.phases.entrySet().stream().filter(e -> !e.getKey().equals("coverage"))
                        .mapToDouble(Map.Entry::getValue).sum();
                long writeEnd = uploadStart + (long) (writeEndS * 1e9);
                long uploadLive = afterGc.max(uploadStart, writeEnd);
                long coverageLive = afterGc.max(writeEnd, Long.MAX_VALUE);
                md.append(String.format(Locale.ROOT, "| **heap: largest used after a collection, POST to the end of the write phase, − before** "
                        + "(%d collections; retained data, an upper bound on the upload's live heap) | **%,d MB** | ≤ 512 MB %s |%n",
                        afterGc.count(uploadStart, writeEnd), (uploadLive - heapBefore) >> 20, uploadLive - heapBefore <= 512L << 20 ? "✔" : "✘"));
                md.append(String.format(Locale.ROOT, "| heap: the same during the coverage phase (%d collections; the model's update) | %,d MB | |%n",
                        afterGc.count(writeEnd, Long.MAX_VALUE), (coverageLive - heapBefore) >> 20));
                md.append(String.format(Locale.ROOT, "%nJob report: %s%n%n", job.summary));
            }

            md.append(String.format(Locale.ROOT, "Formats, dry runs of %,d one-cell sites (read + validate + write rolled back, then"
                    + " the dry run's what-if of the indicators), after the national run if any; rows/s over read + validate + write;"
                    + " retained heap: a second dry run of the file, heap used after System.gc() right after its 202 − the same"
                    + " before its POST:%n%n"
                    + "| format | file | POST (read) | validate | write | what-if | rows/s | retained heap after the 202 |%n"
                    + "|---|---|---|---|---|---|---|---|%n", formatSites));
            for (String[] f : formatSites == 0 ? List.<String[]>of() : UploadBenchmarkFiles.formats(dir, outline, formatSites)) {
                Path file = Path.of(f[1]);
                Job d = upload(base, file, file.getFileName().toString(), true);
                double validate = d.phases.getOrDefault("validate", 0.0);
                double write = d.phases.getOrDefault("write", 0.0);
                long usedBefore = usedAfterGc();
                long[] retained = {0};
                upload(base, file, file.getFileName().toString(), true, () -> retained[0] = usedAfterGc() - usedBefore);
                md.append(String.format(Locale.ROOT, "| %s | %.1f MB | %.2f s | %.2f s | %.2f s | %.2f s | %,.0f | %.1f MB%s |%n", f[0],
                        Files.size(file) / 1e6, d.postS, validate, write, d.phases.getOrDefault("coverage", 0.0),
                        formatSites / (d.postS + validate + write), retained[0] / 1e6,
                        d.status.equals("succeeded") ? "" : " (" + d.status + ": " + d.summary + ")"));
            }
            if (settlements > 0) {
                md.append(UploadBaselines.settlements(base, ctx.getBean(DataSource.class), outline, dir, settlements));
            }
            if (roads > 0) {
                md.append(UploadRoads.run(base, outline, dir, roads));
            }
            md.append(String.format(Locale.ROOT, "%nLoad average at the end: %s%n", loadAverage()));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("\n===== MARKDOWN =====\n" + md);
        System.exit(0);
    }

    /**
     * Waits (at most 20 min) until the service's background coverage threads have used less than 20 ms of CPU in 5 s;
     * their CPU time, not the process's CPU load, so that a starved but busy thread on a loaded machine still counts
     * as busy.
     *
     * @return seconds waited, or -1 when they were still busy after 20 min
     */
    static double awaitBackgroundQuiet() {
        long t0 = System.nanoTime();
        long[] last = {backgroundCpuNs()};
        try {
            Awaitility.await("background coverage work settled").atMost(Duration.ofMinutes(20)).pollDelay(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofSeconds(5)).until(() -> {
                        long now = backgroundCpuNs();
                        boolean quiet = now - last[0] < 20_000_000L;
                        last[0] = now;
                        return quiet;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return -1;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "background coverage work settled after %.0f s%n", s);
        return s;
    }

    static long backgroundCpuNs() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
            if (t.getThreadName().startsWith("coverage-") || t.getThreadName().startsWith("ForkJoinPool")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /**
     * @param phases seconds per phase as the job's progress reported them (queued, validate, write, coverage), in order
     */
    record Job(String status, double postS, double totalS, Map<String, Double> phases, String summary) {
    }

    /** Heap used after three {@code System.gc()} calls: what is retained, not garbage. */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** POSTs a file as the admin and polls the job every 100 ms (Awaitility), timing each phase its progress reports. */
    static Job upload(String base, Path file, String name, boolean dryRun) throws Exception {
        return upload(base, file, name, dryRun, () -> { });
    }

    /** The same, running {@code accepted} right after the 202 (before the job is polled). */
    static Job upload(String base, Path file, String name, boolean dryRun, Runnable accepted) throws Exception {
        return upload(base, "base-stations", file, name, dryRun, accepted);
    }

    /** The same into any layer. */
    static Job upload(String base, String layer, Path file, String name, boolean dryRun, Runnable accepted) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        var body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + layer
                        + (layer.contains("?") ? "&" : "?") + "dryRun=" + dryRun))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(30)).POST(body).build(), HttpResponse.BodyHandlers.ofString());
        double postS = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 202) {
            return new Job("HTTP " + r.statusCode(), postS, postS, Map.of(), r.body());
        }
        String id = JSON.readTree(r.body()).path("id").asText();
        accepted.run();
        Map<String, Double> phases = new LinkedHashMap<>();
        PhaseClock clock = new PhaseClock(name, phases);
        // Awaitility polls every 100 ms; the clock notes each phase change the job's progress reports
        JsonNode j = Awaitility.await(name).atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> clock.observe(JSON.readTree(get(base + "/api/v1/jobs/" + id).body())), PhaseClock::done);
        JsonNode rep = j.path("report");
        String summary = String.format(Locale.ROOT, "read %d, inserted %d, rejected %d%s%s", rep.path("rowsRead").asInt(),
                rep.path("inserted").asInt(), rep.path("rejected").asInt(),
                rep.path("coverageNote").isTextual() ? "; coverage: " + rep.path("coverageNote").asText() : "",
                j.path("error").isTextual() ? "; error: " + j.path("error").asText() : "");
        if (rep.path("errors").size() > 0) {
            summary += "; first error: " + rep.path("errors").get(0);
        }
        return new Job(j.path("status").asText(), postS, (System.nanoTime() - t0) / 1e9, phases, summary);
    }

    /** Times the phases a job's progress reports (queued, then each {@code progress.phase}) as it is polled. */
    static final class PhaseClock {
        private final String name;
        private final Map<String, Double> phases;
        private String phase = "queued";
        private long since = System.nanoTime();

        PhaseClock(String name, Map<String, Double> phases) {
            this.name = name;
            this.phases = phases;
        }

        JsonNode observe(JsonNode j) {
            String status = j.path("status").asText();
            String now = j.path("progress").path("phase").isTextual() ? j.path("progress").path("phase").asText() : status;
            if (!now.equals(phase) || done(j)) {
                long t = System.nanoTime();
                phases.merge(phase, (t - since) / 1e9, Double::sum);
                System.out.printf(Locale.ROOT, "  %s: %s %.1f s%n", name, phase, (t - since) / 1e9);
                phase = now;
                since = t;
            }
            return j;
        }

        static boolean done(JsonNode j) {
            String status = j.path("status").asText();
            return !status.equals("queued") && !status.equals("running");
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static String value(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
