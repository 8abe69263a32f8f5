package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.sun.net.httpserver.HttpServer;

import uz.qamrov.planner.access.AccessProperties;
import uz.qamrov.planner.coverage.CoverageProperties;
import uz.qamrov.planner.target.DashboardWarmed;

/** The first page's requests, asked of a real HTTP server on loopback that records what it was asked. */
class FirstPageWarmupTest {

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private HttpServer http;

    private int serve(int status) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Accept: "
                    + exchange.getRequestHeaders().getFirst("Accept"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        return http.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private static ServerProperties boundTo(String address) throws IOException {
        ServerProperties server = new ServerProperties();
        server.setAddress(InetAddress.getByName(address));
        return server;
    }

    @Test
    void theLogNamesTheSlowestPathsSlowestFirst() {
        var took = new java.util.LinkedHashMap<String, Long>();
        took.put("/api/v1/regions", 12L);
        took.put("/api/v1/gaps/settlements", 812L);
        took.put("/", 3L);
        took.put("/api/v1/targets", 240L);
        assertThat(FirstPageWarmup.slowest(took, 3))
                .isEqualTo("/api/v1/gaps/settlements 812 ms, /api/v1/targets 240 ms, /api/v1/regions 12 ms");
        assertThat(FirstPageWarmup.slowest(took, 9)).endsWith("/ 3 ms");
        assertThat(FirstPageWarmup.slowest(new java.util.LinkedHashMap<>(), 3)).isEmpty();
    }

    @Test
    void asksEveryPathOnceInTurnAsThePageDoesThenIsReady() throws IOException {
        int port = serve(200);
        // bound to every interface: asked over loopback
        FirstPageWarmup warmup = new FirstPageWarmup(true, boundTo("0.0.0.0"), () -> { });
        assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(warmup.health().getDetails()).containsEntry("firstPage", "waiting for today's target report");

        // the dashboard may be warm before the web server has said its port: the warm-up waits for it
        warmup.onDashboardWarmed(new DashboardWarmed());
        assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        warmup.portIs(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> warmup.health().getStatus().equals(Status.UP));

        assertThat(asked).containsExactlyElementsOf(FirstPageWarmup.PATHS.stream()
                .map(p -> "GET " + p + " Accept: " + (p.startsWith("/api/") || p.startsWith("/ogc/") ? "application/json" : "*/*"))
                .toList());
        // a second generation's dashboard does not ask again
        warmup.onDashboardWarmed(new DashboardWarmed());
        assertThat(asked).hasSize(FirstPageWarmup.PATHS.size());
    }

    @Test
    void asksThePageOnlyOnceTodaysRunIsFresh() throws Exception {
        int port = serve(200);
        java.util.concurrent.CountDownLatch fresh = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        FirstPageWarmup warmup = new FirstPageWarmup(true, boundTo("127.0.0.1"), () -> {
            waiting.countDown();
            try {
                fresh.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        warmup.portIs(port);
        warmup.onDashboardWarmed(new DashboardWarmed());
        assertThat(waiting.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(warmup.health().getDetails()).containsEntry("firstPage", "waiting for today's run to be fresh");
        assertThat(asked).isEmpty();

        fresh.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> warmup.health().getStatus().equals(Status.UP));
        assertThat(asked).hasSize(FirstPageWarmup.PATHS.size());
    }

    @Test
    void aRunThatCannotBeFreshDoesNotKeepThePageUnasked() throws Exception {
        int port = serve(200);
        FirstPageWarmup warmup = new FirstPageWarmup(true, boundTo("127.0.0.1"), () -> {
            throw new IllegalStateException("the network keeps changing");
        });
        warmup.portIs(port);
        warmup.onDashboardWarmed(new DashboardWarmed());
        await().atMost(Duration.ofSeconds(30)).until(() -> warmup.health().getStatus().equals(Status.UP));
        assertThat(asked).hasSize(FirstPageWarmup.PATHS.size());
    }

    @Test
    void answersOtherThan200AreReportedAndDoNotKeepTheServiceOutOfTraffic() throws Exception {
        int port = serve(500);
        assertThat(FirstPageWarmup.get("http://127.0.0.1:" + port, List.of("/a", "/b?x=1")))
                .containsExactly("/a → 500", "/b?x=1 → 500");

        FirstPageWarmup warmup = new FirstPageWarmup(true, boundTo("127.0.0.1"), () -> { });
        warmup.portIs(port);
        warmup.onDashboardWarmed(new DashboardWarmed());
        await().atMost(Duration.ofSeconds(30)).until(() -> warmup.health().getStatus().equals(Status.UP));
        assertThat(asked).hasSize(2 + FirstPageWarmup.PATHS.size());
    }

    @Test
    void aPortNobodyListensOnGivesOneFailurePerPath() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        List<String> failed = FirstPageWarmup.get("http://127.0.0.1:" + closed, List.of("/a", "/b"));
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0)).startsWith("/a → java.net.ConnectException");
    }

    @Test
    void disabledIsReadyAtOnceAndAsksNothing() throws IOException {
        int port = serve(200);
        FirstPageWarmup warmup = new FirstPageWarmup(false, boundTo("127.0.0.1"), () -> { });
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        warmup.portIs(port);
        warmup.onDashboardWarmed(new DashboardWarmed());
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(asked).isEmpty();
    }

    /** The benchmarks run the service's context without a web server: it has no ServerProperties, and must start. */
    @Test
    void aContextWithoutAWebServerStartsWithTheWarmupOff() {
        new ApplicationContextRunner().withUserConfiguration(WithoutWebServer.class)
                .withPropertyValues("qamrov.coverage.compute-on-start=true").run(context -> {
                    assertThat(context).hasNotFailed();
                    FirstPageWarmup warmup = context.getBean(FirstPageWarmup.class);
                    warmup.onDashboardWarmed(new DashboardWarmed());
                    assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Configuration
    @EnableConfigurationProperties({CoverageProperties.class, AccessProperties.class})
    @Import(FirstPageWarmup.class)
    static class WithoutWebServer {
    }
}
