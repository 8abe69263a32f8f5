package uz.qamrov.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uz.qamrov.QamrovApplication;
import uz.qamrov.support.TestPostgis;

/**
 * The service on the shipped national dataset under bounded mixed load (run with {@code scripts/bench-load.sh};
 * loopback only; every phase has a fixed duration and request count):
 * <ol>
 *   <li>a gap list for months nobody viewed (mid-month dates the background never precomputes), one at a time;</li>
 *   <li>8 concurrent readers of 8 different new dates, against the single-date time of phase 1 (ratio);</li>
 *   <li>a gap list of a new date while a 1,000-site import is being applied;</li>
 *   <li>the wait until the background precomputation (today, year-ends, the slider's month-ends) has settled, then a
 *       gap list for slider months nobody asked for;</li>
 *   <li>mixed load for {@code bench.minutes}: gap lists, the M39 profile, tiles, OGC bbox reads, indicators for varying
 *       dates, a national coverage.geojson every {@code bench.exportEveryS} s, a 10-row upload of sites going on air today
 *       every 30 s (time until
 *       its job, coverage included, is done); errors, requests over 5 s, live threads and heap sampled each 10 s.</li>
 * </ol>
 * Prints a Markdown section for docs/benchmarks.md.
 */
public final class LoadBenchmark {

    static final String ADMIN = "bench-admin-token-0123456789";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int minutes = Integer.getInteger("bench.minutes", 10);
        int exportEveryS = Integer.getInteger("bench.exportEveryS", 20);
        String url = TestPostgis.newDatabase("load");
        SpringApplication app = new SpringApplication(QamrovApplication.class);
        String[] settings = BenchArgs.of(Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                "spring.datasource.password", TestPostgis.cluster().password(), "server.port", "0", "qamrov.embedded-db.enabled", "false",
                "qamrov.rate-limit.enabled", "false",
                "qamrov.access.admin-token", ADMIN, "logging.level.root", "WARN", "logging.level.uz.qamrov", "WARN"));
        StringBuilder md = new StringBuilder("## Coverage consistency and load (issue #10)\n\n");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext ctx = app.run(settings)) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            org.awaitility.Awaitility.await("readiness").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(base + "/actuator/health/readiness").status == 200);
            md.append(String.format(Locale.ROOT, "Command: `scripts/bench-load.sh` (`LoadBenchmark`, the shipped geodata/ in a "
                    + "throwaway PostGIS, %d cores, -Xmx%d MB). Ready (dataset loaded, first model built) after %.0f s.%n%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - t0) / 1e9));

            // 1. months nobody viewed, one at a time
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                single.add(get(base + "/api/v1/gaps/settlements?limit=50&asOf=" + LocalDate.of(2020 + i, 3 + i, 14)).seconds);
            }
            Collections.sort(single);
            double singleMedian = (single.get(1) + single.get(2)) / 2;
            md.append(String.format(Locale.ROOT, "| measure | value |%n|---|---|%n| gap list, a date nobody viewed (median of 4) "
                    + "| %.2f s (each: %s) |%n", singleMedian, fmt(single)));

            // 2. 8 concurrent readers of 8 different new dates
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Result>> fs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LocalDate d = LocalDate.of(2016 + i % 8, 1 + i, 9);
                fs.add(pool.submit(() -> get(base + "/api/v1/gaps/settlements?limit=50&asOf=" + d)));
            }
            List<Double> concurrent = new ArrayList<>();
            for (Future<Result> f : fs) {
                concurrent.add(f.get().seconds);
            }
            Collections.sort(concurrent);
            md.append(String.format(Locale.ROOT, "| 8 readers of 8 new dates at once: slowest / single-date median | %.2f s / %.2f s "
                    + "= ×%.1f on %d cores (each: %s) |%n", concurrent.get(7), singleMedian, concurrent.get(7) / singleMedian,
                    Runtime.getRuntime().availableProcessors(), fmt(concurrent)));

            // 3. a new date during a 1,000-site import
            String bigCsv = sites(1000, new Random(1), "bench-big");
            Future<Result> importing = pool.submit(() -> uploadAndWait(base, bigCsv));
            // pacing, not a wait for a condition: the reader arrives 1.5 s in, while the import is being applied
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            Result during = pacer.schedule(() -> get(base + "/api/v1/gaps/settlements?limit=50&asOf=2019-05-17"), 1500,
                    TimeUnit.MILLISECONDS).get();
            pacer.shutdown();
            Result imported = importing.get();
            if (imported.status != 200) {
                System.out.println("1,000-site import failed: " + imported.body.substring(0, Math.min(600, imported.body.length())));
            }
            md.append(String.format(Locale.ROOT, "| gap list of a new date while a 1,000-site import runs | %.2f s (import, coverage "
                    + "included: %.1f s) |%n", during.seconds, imported.seconds));

            // 4. the background precomputation of today, the year-ends and the slider's month-ends settles (what the
            // slider offers is then stored before anyone asks); then months of the slider nobody asked for
            long tw = System.nanoTime();
            // held for 35 s: dates other than today are queued once uploads have paused for 30 s (precompute-quiet-s)
            org.awaitility.Awaitility.await("precomputation").atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2))
                    .during(Duration.ofSeconds(35)).until(() -> pendingRuns(base) == 0);
            md.append(String.format(Locale.ROOT, "| background precomputation settled (no pending run for 35 s) | %.0f s after "
                    + "step 3, %.0f s after the start |%n", (System.nanoTime() - tw) / 1e9 - 35, (System.nanoTime() - t0) / 1e9 - 35));
            List<Double> sliderMonths = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                LocalDate month = LocalDate.of(2021 + i, 2 + 3 * i, 1).plusMonths(1).minusDays(1);
                sliderMonths.add(get(base + "/api/v1/gaps/settlements?limit=50&asOf=" + month).seconds);
            }
            Collections.sort(sliderMonths);
            md.append(String.format(Locale.ROOT, "| gap list, a slider month nobody asked for, after the precomputation (median of 4) "
                    + "| %.2f s (each: %s) |%n", (sliderMonths.get(1) + sliderMonths.get(2)) / 2, fmt(sliderMonths)));

            // 5. mixed load
            md.append(mixed(base, minutes, exportEveryS));
            pool.shutdownNow();
        }
        System.out.println("\n===== MARKDOWN =====\n" + md);
        System.exit(0);
    }

    record Result(int status, double seconds, String body) {
    }

    static String mixed(String base, int minutes, int exportEveryS) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        Map<String, List<Double>> latency = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        List<Double> uploads = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(4);
        Random seeds = new Random(42);
        for (int r = 0; r < 4; r++) {
            Random rnd = new Random(seeds.nextLong());
            readers.submit(() -> {
                String[] regions = {"UZ-SA", "UZ-TO", "UZ-QR", "UZ-NW", "UZ-FA", "UZ-AN"};
                while (System.nanoTime() < end) {
                    int kind = rnd.nextInt(5);
                    String month = LocalDate.of(2020 + rnd.nextInt(7), 1 + rnd.nextInt(12), 1).plusMonths(1).minusDays(1).toString();
                    String url = switch (kind) {
                        case 0 -> "/api/v1/gaps/settlements?region=" + regions[rnd.nextInt(regions.length)] + "&asOf=" + month;
                        case 1 -> "/api/v1/gaps/highways/M39/profile?asOf=" + month;
                        case 2 -> "/tiles/settlements/8/" + (174 + rnd.nextInt(8)) + "/" + (95 + rnd.nextInt(4)) + ".mvt";
                        case 3 -> "/ogc/collections/base-stations/items?bbox=69.1,41.2,69.4,41.4&limit=100";
                        default -> "/api/v1/indicators?asOf=" + month;
                    };
                    String cls = url.substring(0, url.indexOf('?') > 0 ? url.indexOf('?') : Math.min(url.length(), 18));
                    record(base + url, cls, latency, errors);
                }
                return null;
            });
        }
        // the rate bounds: an export every exportEveryS s, an upload every 30 s, a sample every 10 s (each the delay
        // after the previous one ended), all stopped when the run's minutes are up
        ScheduledExecutorService paced = Executors.newScheduledThreadPool(3);
        paced.scheduleWithFixedDelay(() -> record(base + "/api/v1/coverage.geojson", "coverage.geojson (export)", latency,
                errors), 0, exportEveryS, TimeUnit.SECONDS);
        Random uploadRows = new Random(7);
        AtomicInteger uploadNo = new AtomicInteger();
        paced.scheduleWithFixedDelay(() -> {
            try {
                // new sites going on air today (no commissioning date): what operators upload day to day
                Result r = uploadAndWait(base, sites(10, uploadRows, "bench-small-" + uploadNo.getAndIncrement(), ""));
                uploads.add(r.seconds);
                if (r.status != 200) {
                    errors.computeIfAbsent("upload", k -> new AtomicInteger()).incrementAndGet();
                    System.out.println("upload failed: " + r.body.substring(0, Math.min(600, r.body.length())));
                }
            } catch (Exception e) {
                errors.computeIfAbsent("upload", k -> new AtomicInteger()).incrementAndGet();
                System.out.println("upload failed: " + e);
            }
        }, 0, 30, TimeUnit.SECONDS);
        var mem = ManagementFactory.getMemoryMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        paced.scheduleAtFixedRate(() -> samples.add(String.format(Locale.ROOT, "%d/%d MB", threads.getThreadCount(),
                mem.getHeapMemoryUsage().getUsed() >> 20)), 0, 10, TimeUnit.SECONDS);
        readers.shutdown();
        readers.awaitTermination(minutes + 3L, TimeUnit.MINUTES); // the readers stop at the end of the run
        paced.shutdown(); // cancels the next export, upload and sample; one in progress finishes
        paced.awaitTermination(3, TimeUnit.MINUTES);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "%nMixed load for %d min (4 reader threads, a national "
                + "export every %d s, a 10-row upload of sites going on air today every 30 s):%n%n| class | requests | p50 s | p99 s | max s | over 5 s | errors |%n"
                + "|---|---|---|---|---|---|---|%n", minutes, exportEveryS));
        latency.forEach((cls, list) -> {
            List<Double> l = new ArrayList<>(list);
            Collections.sort(l);
            long slow = l.stream().filter(x -> x > 5).count();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %d | %d |%n", cls, l.size(), pct(l, 0.5), pct(l, 0.99),
                    l.get(l.size() - 1), slow, errors.getOrDefault(cls, new AtomicInteger()).get()));
        });
        List<Double> up = new ArrayList<>(uploads);
        Collections.sort(up);
        md.append(String.format(Locale.ROOT, "%n10-row uploads reflected in coverage (job done, today's run stored): %d uploads, "
                + "median %.1f s, max %.1f s; upload errors %d.%n%nLive threads / heap used every 10 s: %s%n", up.size(),
                up.isEmpty() ? 0 : pct(up, 0.5), up.isEmpty() ? 0 : up.get(up.size() - 1),
                errors.getOrDefault("upload", new AtomicInteger()).get(), String.join(", ", samples)));
        return md.toString();
    }

    static void record(String url, String cls, Map<String, List<Double>> latency, Map<String, AtomicInteger> errors) {
        Result r = get(url);
        latency.computeIfAbsent(cls, k -> Collections.synchronizedList(new ArrayList<>())).add(r.seconds);
        if (r.status >= 400 || r.status < 0) {
            errors.computeIfAbsent(cls, k -> new AtomicInteger()).incrementAndGet();
            System.out.println(cls + " answered " + r.status + " after " + r.seconds + " s: "
                    + r.body.substring(0, Math.min(300, r.body.length())));
        }
    }

    /** Sites on air since 2025-06-01: the change reaches back that far (every later stored run becomes stale). */
    static String sites(int n, Random rnd, String prefix) {
        return sites(n, rnd, prefix, "2025-06-01");
    }

    /** @param commissionedOn empty = none: the site counts from its import date (today), like a new site going on air */
    static String sites(int n, Random rnd, String prefix, String commissionedOn) {
        StringBuilder csv = new StringBuilder("operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,"
                + "decommissioned_on,technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n");
        for (int i = 0; i < n; i++) {
            // inside the country (Navoi-Samarkand-Jizzakh), so no row is rejected by the country check
            double lon = 64.6 + rnd.nextDouble() * 3.0;
            double lat = 39.6 + rnd.nextDouble() * 0.8;
            for (int c = 0; c < 3; c++) {
                csv.append(String.format(Locale.ROOT, "ucell,%s-%d,%d,%.5f,%.5f,30,active,%s,,4G,1800,%d,65,3,28,60,%n",
                        prefix, i, c, lon, lat, commissionedOn, c * 120));
            }
        }
        return csv.toString();
    }

    /** POSTs the CSV as an admin and polls the job until it is done; the time covers parse, write and coverage. */
    static Result uploadAndWait(String base, String csv) throws Exception {
        long t0 = System.nanoTime();
        String boundary = "----bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sites.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/base-stations"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            return new Result(r.statusCode(), (System.nanoTime() - t0) / 1e9, r.body());
        }
        String job = JSON.readTree(r.body()).path("id").asText();
        JsonNode j = org.awaitility.Awaitility.await("job " + job).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> JSON.readTree(get(base + "/api/v1/jobs/" + job).body),
                        d -> !d.path("status").asText().equals("queued") && !d.path("status").asText().equals("running"));
        boolean ok = j.path("status").asText().equals("succeeded") && j.path("report").path("coverageNote").isMissingNode();
        return new Result(ok ? 200 : 500, (System.nanoTime() - t0) / 1e9, j.toString());
    }

    /** Runs the service has queued or is computing ({@code /api/v1/coverage/status}, model.pendingRuns); -1 unknown. */
    static int pendingRuns(String base) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/coverage/status"))
                    .header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("model").path("pendingRuns").asInt(-1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    static Result get(String url) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), (System.nanoTime() - t0) / 1e9, r.body());
        } catch (Exception e) {
            return new Result(-1, (System.nanoTime() - t0) / 1e9, e.toString());
        }
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    static String fmt(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
