package uz.qamrov.planner.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uz.qamrov.planner.access.AccessProperties;
import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.coverage.CoverageRuns;
import uz.qamrov.planner.target.DashboardWarmed;

/**
 * Part of readiness: the web page's first load, asked once over loopback before the service says it is ready. Right
 * after a start each of those answers runs code the JIT has not compiled yet, six at a time on two cores: the first
 * visitor's load took 1.9–2.7 s against 1.4–1.7 s once the same GETs had been answered once (docs/benchmarks.md, "The
 * first load right after a start"). Nothing is cached by this beyond what any visitor's requests leave; the answers
 * are read and thrown away.
 *
 * <p>First it waits until today's stored run is fresh. After an upgrade (or inputs changed while the service was down)
 * every stored run is stale: today's replacement is computed first, on both cores, and the first page asked before
 * it is stored warmed the caches of the stale run. The first visitor then loaded the page beside that computation,
 * with none of its answers cached (2.3–2.7 s with the OSM railways loaded, docs/benchmarks.md). On a first start the
 * page's gap lists wait for today's run anyway; on a restart with nothing changed it is there already.
 *
 * <p>Runs after today's target report ({@link DashboardWarmed}), so it does not compute that twice. A failure is
 * logged and never keeps the service out of traffic. Skipped (UP at once) without a model built on start, when reads
 * need a token, over TLS and without a web server of its own.
 */
@Component("firstPage")
class FirstPageWarmup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(FirstPageWarmup.class);
    private static final Duration EACH = Duration.ofSeconds(30);

    /**
     * The GETs of the page's first load, national view of today with the default service (static/app.js, main(); the
     * map's national bounds for the settlements). WebAppBrowserIT checks that every path the page asks on its first
     * load is here.
     */
    static final List<String> PATHS = List.of(
            "/", "/app.js", "/app.css", "/js/layers.js", "/i18n/uz.json", "/webjars/leaflet/dist/leaflet.js",
            "/api/v1/regions",
            "/ogc/collections/regions/items?limit=100",
            "/api/v1/layers/highways?limit=10000&simplify_m=50"
                    + "&properties=id%2Cref%2Croad_class%2Cname_uz_latn%2Cname_ru%2Cname_en",
            "/api/v1/layers/railways?limit=10000&simplify_m=50&properties=id%2Cline_key%2Cline_name",
            "/api/v1/operators",
            "/api/v1/targets",
            "/api/v1/indicators/regions",
            "/api/v1/gaps/settlements?service=mobile_internet&sort=-population&f=geojson&limit=50&offset=0",
            "/api/v1/gaps/settlements?service=mobile_internet&f=geojson",
            "/api/v1/gaps/highways?service=mobile_internet&f=geojson",
            "/api/v1/gaps/railways?service=mobile_internet&f=geojson",
            "/api/v1/layers/settlements?bbox=55.43701%2C34.72355%2C73.67432%2C47.62098&service=mobile_internet"
                    + "&limit=3000&properties=id%2Cname_en%2Cname_uz_latn%2Cpopulation%2Cregion%2Ccovered");

    private final boolean enabled;
    private final ServerProperties server;
    /** Waits until today's run is fresh (nothing in tests that ask no coverage). */
    private final Runnable todayFresh;
    private final CountDownLatch portKnown = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile int port;
    private volatile boolean done;
    private volatile boolean asking;

    @Autowired
    FirstPageWarmup(CoverageProperties coverage, AccessProperties access, ObjectProvider<ServerProperties> servers,
            ApplicationContext context, ObjectProvider<CoverageRuns> runs) {
        // without a web server of its own (a mock web environment, or none: the benchmarks' context) there is no port
        // to ask and nobody to serve
        this(servers.getIfAvailable(ServerProperties::new), coverage.computeOnStart() && access.openReads()
                && context instanceof WebServerApplicationContext, () -> runs.ifAvailable(r -> r.freshRun(null)));
    }

    private FirstPageWarmup(ServerProperties server, boolean enabledWithoutTls, Runnable todayFresh) {
        this(enabledWithoutTls && !(server.getSsl() != null && server.getSsl().isEnabled()), server, todayFresh);
    }

    FirstPageWarmup(boolean enabled, ServerProperties server, Runnable todayFresh) {
        this.enabled = enabled;
        this.server = server;
        this.todayFresh = todayFresh;
    }

    @EventListener
    void onServer(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            portIs(event.getWebServer().getPort());
        }
    }

    /** The main web server's port (not the management server's). */
    void portIs(int serverPort) {
        port = serverPort;
        portKnown.countDown();
    }

    @EventListener
    void onDashboardWarmed(DashboardWarmed event) {
        if (!enabled || !started.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::warm, "first-page-warmup");
        t.setDaemon(true);
        t.start();
    }

    private void warm() {
        try {
            if (!portKnown.await(2, TimeUnit.MINUTES)) {
                log.warn("first page: the web server's port is not known after 2 minutes; nothing warmed");
                return;
            }
            String base = "http://" + host() + ":" + port + contextPath();
            long t0 = System.nanoTime();
            boolean fresh = awaitTodayFresh();
            long t1 = System.nanoTime();
            asking = true;
            Map<String, Long> took = new LinkedHashMap<>();
            List<String> failed = get(base, PATHS, took);
            log.info("first page: today's run {} after {} ms, then its {} requests answered in {} ms (readiness waited"
                    + " for them; slowest: {}){}", fresh ? "fresh" : "still stale", (t1 - t0) / 1_000_000, PATHS.size(),
                    (System.nanoTime() - t1) / 1_000_000, slowest(took, 3), failed.isEmpty() ? "" : "; not 200: " + failed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done = true;
        }
    }

    /** Today's fresh run, or a logged reason why not (the page is asked anyway: readiness must not hang on it). */
    private boolean awaitTodayFresh() {
        try {
            todayFresh.run();
            return true;
        } catch (RuntimeException e) {
            log.warn("first page: today's run is not fresh yet ({}); asking the page anyway", e.getMessage());
            return false;
        }
    }

    /** GETs each path in turn, with the Accept header the page sends; returns the paths not answered 200, with what happened. */
    static List<String> get(String base, List<String> paths) throws InterruptedException {
        return get(base, paths, new LinkedHashMap<>());
    }

    /** As {@link #get(String, List)}, writing each path's time in ms into {@code took}. */
    static List<String> get(String base, List<String> paths, Map<String, Long> took) throws InterruptedException {
        List<String> failed = new ArrayList<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(EACH)
                    .header("Accept", accept(path)).header("Accept-Language", "uz").GET().build();
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    failed.add(path + " → " + response.statusCode());
                }
            } catch (java.io.IOException e) {
                failed.add(path + " → " + e);
            }
            took.put(path, (System.nanoTime() - t0) / 1_000_000);
        }
        return failed;
    }

    /** The {@code n} slowest paths with their times, slowest first ("path 812 ms, …"): where a slow first load goes. */
    static String slowest(Map<String, Long> took, int n) {
        return took.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(java.util.stream.Collectors.joining(", "));
    }

    /** What the page accepts: JSON from the API, anything for its own files (the HTML page has no JSON form). */
    private static String accept(String path) {
        return path.startsWith("/api/") || path.startsWith("/ogc/") ? "application/json" : "*/*";
    }

    private String host() {
        InetAddress address = server.getAddress();
        InetAddress target = address == null || address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        String host = target.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private String contextPath() {
        String path = server.getServlet().getContextPath();
        return path == null ? "" : path;
    }

    @Override
    public Health health() {
        if (done || !enabled) {
            return Health.up().build();
        }
        String doing = asking ? "asking the web page's first requests once"
                : started.get() ? "waiting for today's run to be fresh" : "waiting for today's target report";
        return Health.outOfService().withDetail("firstPage", doing).build();
    }
}
