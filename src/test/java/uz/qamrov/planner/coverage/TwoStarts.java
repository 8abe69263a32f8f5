package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uz.qamrov.QamrovApplication;
import uz.qamrov.support.TestPostgis;

/**
 * The real application started on a database of its own, as often as a test restarts it, and what the restart tests
 * do to it over HTTP: wait until ready, upload sites as the admin, read.
 */
final class TwoStarts {

    static final String ADMIN = "restart-admin-token-0123456789";
    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    final String db;

    TwoStarts(String hint) {
        this.db = TestPostgis.newDatabase(hint);
    }

    /** Starts the application on the database, without the shipped geodata; {@code polygons}: compute them. */
    ConfigurableApplicationContext start(boolean polygons) {
        return new SpringApplicationBuilder(QamrovApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db, "--spring.datasource.username=postgres",
                "--spring.datasource.password=" + TestPostgis.cluster().password(),
                "--qamrov.embedded-db.enabled=false", "--qamrov.geodata.load-on-start=false",
                "--qamrov.coverage.precompute=TODAY", "--qamrov.coverage.polygons=" + polygons,
                "--qamrov.access.admin-token=" + ADMIN, "--logging.level.root=WARN");
    }

    static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    void awaitReady(String base) throws Exception {
        Awaitility.await("readiness").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(base + "/actuator/health/readiness").statusCode() == 200);
        // ready includes today's targets computed once the model is built (DashboardWarmup), then the web page's
        // first requests answered once (FirstPageWarmup)
        JsonNode readiness = json.readTree(get(base + "/actuator/health/readiness").body());
        assertThat(readiness.at("/components/dashboard/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/coverage/status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/components/firstPage/status").asText()).isEqualTo("UP");
    }

    /** A row of one 4G cell of ucell's site {@code site}, on air since 2021-04-01. */
    static String row(String site, double lon, double lat) {
        return "ucell," + site + ",1," + lon + "," + lat + ",30,active,2021-04-01,,4G,1800,90,65,3,28,60,3000\n";
    }

    /** Uploads a sites CSV as the admin and waits for its job to succeed with no coverage note. */
    void upload(String base, String csv, String query) throws Exception {
        awaitReady(base);
        String boundary = "----restart" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sites.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/base-stations" + query))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String job = json.readTree(r.body()).path("id").asText();
        JsonNode j = Awaitility.await("job " + job).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> json.readTree(get(base + "/api/v1/jobs/" + job).body()),
                        n -> !n.path("status").asText().equals("queued") && !n.path("status").asText().equals("running"));
        assertThat(j.path("status").asText()).as(j.toString()).isEqualTo("succeeded");
        assertThat(j.path("report").path("coverageNote").isMissingNode()).as(j.toString()).isTrue();
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
