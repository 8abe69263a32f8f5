package uz.qamrov.planner.system.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uz.qamrov.QamrovApplication;

/**
 * The service with no datasource configured: it starts its own PostGIS, migrates it, and reports UP. Runs the
 * real application (no test profile), as `java -jar` would, only with a temporary data directory.
 */
class ZeroConfigRunIT {

    @Test
    void startsItsOwnPostgisAndIsHealthy(@TempDir Path tmp) throws Exception {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QamrovApplication.class).run(
                "--server.port=0", "--qamrov.embedded-db.data-dir=" + tmp.resolve("pgdata"),
                "--qamrov.geodata.load-on-start=false", "--qamrov.coverage.compute-on-start=false")) {
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://127.0.0.1:");
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
            assertThat(Files.exists(tmp.resolve("pgdata/PG_VERSION"))).isTrue();
        }
    }
}
