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
 * The service with no datasource configured: it starts its own PostGIS (password from the owner-only secret),
 * migrates it, reports UP, and restarts it when it dies. Runs the real application (no test profile), as
 * `java -jar` would, only with a temporary data directory.
 */
class ZeroConfigRunIT {

    @Test
    void startsItsOwnPostgisAndIsHealthy(@TempDir Path tmp) throws Exception {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        long postmaster;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QamrovApplication.class).run(
                "--server.port=0", "--qamrov.embedded-db.data-dir=" + tmp.resolve("pgdata"),
                "--qamrov.geodata.load-on-start=false", "--qamrov.coverage.compute-on-start=false",
                "--qamrov.embedded-db.watchdog-interval=1s")) {
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://127.0.0.1:");
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\":{\"status\":\"UP\"");
            assertThat(Files.exists(tmp.resolve("pgdata/PG_VERSION"))).isTrue();
            assertThat(ctx.getEnvironment().getProperty("spring.datasource.password")).as("the generated secret")
                    .isEqualTo(Files.readString(tmp.resolve("pgdata/" + ClusterSecret.FILE_NAME)).strip());

            // PostgreSQL dies under the running service: its watchdog starts it again on the same port
            Path pgdata = tmp.resolve("pgdata");
            long pidBefore = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
            // -W: not waiting for the pid file to go. With -w, pg_ctl waited for it while the watchdog had already
            // started a new postmaster (a new pid file) and timed out after a minute (seen once in CI)
            new ClusterCommands(pgdata, PostgisCluster.isRoot()).run(java.time.Duration.ofSeconds(60),
                    PostgisBinaries.locate(Path.of("/")).pgCtl().toString(), "-D", pgdata.toString(), "-m", "immediate", "-W", "stop");
            long t0 = System.nanoTime();
            org.awaitility.Awaitility.await("ready again after the watchdog's restart").atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> Files.exists(pgdata.resolve("postmaster.pid"))
                            && Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip()) != pidBefore
                            && HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            long pidAfter = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
            assertThat(pidAfter).as("a new postmaster").isNotEqualTo(pidBefore);
            System.out.printf("embedded cluster back (readiness 200) %d ms after it was stopped%n", (System.nanoTime() - t0) / 1_000_000);
            assertThat(watchdogThreads()).as("the watchdog runs with the service").isEqualTo(1);
            postmaster = pidAfter;
        }
        // closed: the cluster stops with the last service using it, not when the JVM ends (by then the test's
        // temporary directory is gone and pg_ctl cannot stop it)
        assertThat(Files.exists(tmp.resolve("pgdata/postmaster.pid"))).as("pid file removed by a clean stop").isFalse();
        assertThat(PostgisClusterIT.running(postmaster)).as("postmaster %d still running", postmaster).isFalse();
        // closed: nothing may restart the cluster any more (its data directory is about to be deleted)
        // (close() waits for the timer; its thread may take a moment more to end)
        org.awaitility.Awaitility.await("the watchdog stops with the last service using the cluster")
                .atMost(java.time.Duration.ofSeconds(5)).until(() -> watchdogThreads() == 0);
    }

    private static long watchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("qamrov-db-watchdog")).count();
    }
}
