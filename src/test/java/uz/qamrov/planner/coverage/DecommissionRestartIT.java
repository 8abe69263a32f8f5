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
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import uz.qamrov.QamrovApplication;
import uz.qamrov.support.TestPostgis;

/**
 * The real application, started twice on one database: a {@code snapshot=full} decommission, then a restart. After
 * it every coverage endpoint answers 200 and the decommissioned sites are gone (it used to answer 400 everywhere: the
 * decommissioned copy has an empty period and the model loader threw on it). Also: readiness only once the first
 * model exists, and the admin token works as soon as the port accepts requests.
 */
class DecommissionRestartIT {

    static final String ADMIN = "restart-admin-token-0123456789";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tashkent"));
    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDecommissionSurvivesARestartAndEveryCoverageEndpointAnswers() throws Exception {
        String db = TestPostgis.newDatabase("restart");
        try (ConfigurableApplicationContext first = start(db)) {
            String base = base(first);
            new ResourceDatabasePopulator(new ClassPathResource("fixtures/operators.sql"),
                    new ClassPathResource("fixtures/regions.sql")).execute(first.getBean(DataSource.class));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES ('r1', 'Birinchi', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.30, 41.30), 4326), 'test'),
                           ('r2', 'Ikkinchi', 'village', 700, 150, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.50, 41.30), 4326), 'test')""");
            upload(base, HEADER + row("R-1", 69.30, 41.30) + row("R-2", 69.50, 41.30) + row("R-3", 69.70, 41.30), "");
            upload(base, HEADER + row("R-1", 69.30, 41.30), "?snapshot=full");
            assertThat(sitesToday(base)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start(db)) {
            String base = base(second);
            awaitReady(base);
            for (String path : new String[] {"/api/v1/indicators", "/api/v1/gaps/settlements", "/api/v1/gaps/highways",
                "/api/v1/layers/base-stations?asOf=" + TODAY, "/ogc/collections/base-stations/items", "/api/v1/coverage/status",
                "/tiles/settlements/7/88/47.mvt", "/api/v1/targets"}) {
                HttpResponse<String> r = get(base + path);
                assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            }
            assertThat(sitesToday(base)).as("only R-1 is on air after the restart").isEqualTo(1);
            JsonNode layer = json.readTree(get(base + "/api/v1/layers/base-stations?asOf=" + TODAY).body());
            assertThat(layer.path("features")).hasSize(1);
            assertThat(layer.path("features").get(0).path("properties").path("external_id").asText()).isEqualTo("R-1");
        }
    }

    private ConfigurableApplicationContext start(String db) {
        return new SpringApplicationBuilder(QamrovApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db, "--spring.datasource.username=postgres", "--spring.datasource.password=" + TestPostgis.cluster().password(),
                "--qamrov.embedded-db.enabled=false", "--qamrov.geodata.load-on-start=false",
                "--qamrov.coverage.precompute=TODAY", "--qamrov.coverage.polygons=false", "--qamrov.access.admin-token=" + ADMIN,
                "--logging.level.root=WARN");
    }

    private static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    private void awaitReady(String base) throws Exception {
        org.awaitility.Awaitility.await("readiness").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> get(base + "/actuator/health/readiness").statusCode() == 200);
        // ready includes today's targets computed once the model is built (DashboardWarmup)
        JsonNode readiness = json.readTree(get(base + "/actuator/health/readiness").body());
        org.assertj.core.api.Assertions.assertThat(readiness.at("/components/dashboard/status").asText()).isEqualTo("UP");
        org.assertj.core.api.Assertions.assertThat(readiness.at("/components/coverage/status").asText()).isEqualTo("UP");
    }

    private double sitesToday(String base) throws Exception {
        awaitReady(base);
        JsonNode ind = json.readTree(get(base + "/api/v1/indicators").body());
        for (JsonNode v : ind.findValues("indicators").isEmpty() ? java.util.List.of(ind) : ind.findValues("indicators")) {
            for (JsonNode e : v) {
                if (e.path("key").asText().equals("base_stations.count")) {
                    return e.path("value").asDouble();
                }
            }
        }
        throw new AssertionError("no base_stations.count in " + ind);
    }

    private static String row(String site, double lon, double lat) {
        return "ucell," + site + ",1," + lon + "," + lat + ",30,active,2021-04-01,,4G,1800,90,65,3,28,60,3000\n";
    }

    private void upload(String base, String csv, String query) throws Exception {
        awaitReady(base);
        String boundary = "----restart" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sites.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/base-stations" + query))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String job = json.readTree(r.body()).path("id").asText();
        JsonNode j = org.awaitility.Awaitility.await("job " + job).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> json.readTree(get(base + "/api/v1/jobs/" + job).body()),
                        n -> !n.path("status").asText().equals("queued") && !n.path("status").asText().equals("running"));
        assertThat(j.path("status").asText()).as(j.toString()).isEqualTo("succeeded");
        assertThat(j.path("report").path("coverageNote").isMissingNode()).as(j.toString()).isTrue();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
