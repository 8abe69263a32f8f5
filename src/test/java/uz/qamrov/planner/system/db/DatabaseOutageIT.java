package uz.qamrov.planner.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uz.qamrov.QamrovApplication;

/**
 * The service while its database is gone: readiness DOWN within 5 s, liveness still UP, a database-backed
 * request answered 503 with Retry-After in a few seconds (not a 30 s hang and a 500), and all of it back once
 * PostgreSQL is. Runs against its own cluster, which it stops.
 */
class DatabaseOutageIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void losingTheDatabaseIsReportedQuicklyAndRecovers(@TempDir Path tmp) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (PostgisCluster db = new PostgisCluster(PostgisBinaries.locate(Path.of("/")), tmp.resolve("pg")).start()) {
            db.createDatabase("outage");
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QamrovApplication.class).profiles("test").run(
                    "--server.port=0", "--spring.datasource.url=" + db.jdbcUrl("outage"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=" + db.password())) {
                int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
                assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
                assertThat(get(port, "/api/v1/regions").statusCode()).isEqualTo(200);

                db.close(); // PostgreSQL is gone
                long lost = System.nanoTime();
                HttpResponse<String> readiness;
                do {
                    readiness = get(port, "/actuator/health/readiness");
                } while (readiness.statusCode() == 200 && System.nanoTime() - lost < 10_000_000_000L);
                long downAfterMs = (System.nanoTime() - lost) / 1_000_000;
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("DOWN");
                assertThat(downAfterMs).as("readiness DOWN within 5 s").isLessThan(5_000);

                long t0 = System.nanoTime();
                HttpResponse<String> regions = get(port, "/api/v1/regions");
                long answeredMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(regions.statusCode()).as(regions.body()).isEqualTo(503);
                assertThat(regions.headers().firstValue("Retry-After")).isPresent();
                assertThat(json.readTree(regions.body()).path("type").asText()).isEqualTo("https://qamrov.uz/problems/database-unavailable");
                assertThat(answeredMs).as("503 within 5 s").isLessThan(5_000);

                HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
                assertThat(liveness.statusCode()).as("alive without a database").isEqualTo(200);
                System.out.printf("database outage: readiness DOWN after %d ms, /api/v1/regions 503 in %d ms%n", downAfterMs, answeredMs);

                db.start(); // same port: the pool reconnects by itself
                long back = System.nanoTime();
                int status;
                do {
                    status = get(port, "/api/v1/regions").statusCode();
                } while (status != 200 && System.nanoTime() - back < 30_000_000_000L);
                assertThat(status).isEqualTo(200);
                assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            }
        }
    }
}
