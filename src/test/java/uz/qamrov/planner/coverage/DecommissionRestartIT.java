package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The real application, started twice on one database: a {@code snapshot=full} decommission, then a restart. After
 * it every coverage endpoint answers 200 and the decommissioned sites are gone (it used to answer 400 everywhere: the
 * decommissioned copy has an empty period and the model loader threw on it). Also: readiness only once the first
 * model exists, and the admin token works as soon as the port accepts requests.
 */
class DecommissionRestartIT {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tashkent"));
    final TwoStarts app = new TwoStarts("restart");
    final ObjectMapper json = app.json;

    @Test
    void aDecommissionSurvivesARestartAndEveryCoverageEndpointAnswers() throws Exception {
        try (ConfigurableApplicationContext first = app.start(false)) {
            String base = TwoStarts.base(first);
            new ResourceDatabasePopulator(new ClassPathResource("fixtures/operators.sql"),
                    new ClassPathResource("fixtures/regions.sql")).execute(first.getBean(DataSource.class));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("""
                    INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                    VALUES ('r1', 'Birinchi', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.30, 41.30), 4326), 'test'),
                           ('r2', 'Ikkinchi', 'village', 700, 150, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.50, 41.30), 4326), 'test')""");
            app.upload(base, TwoStarts.HEADER + TwoStarts.row("R-1", 69.30, 41.30) + TwoStarts.row("R-2", 69.50, 41.30)
                    + TwoStarts.row("R-3", 69.70, 41.30), "");
            app.upload(base, TwoStarts.HEADER + TwoStarts.row("R-1", 69.30, 41.30), "?snapshot=full");
            assertThat(sitesToday(base)).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = app.start(false)) {
            String base = TwoStarts.base(second);
            app.awaitReady(base);
            for (String path : new String[] {"/api/v1/indicators", "/api/v1/gaps/settlements", "/api/v1/gaps/highways",
                "/api/v1/layers/base-stations?asOf=" + TODAY, "/ogc/collections/base-stations/items", "/api/v1/coverage/status",
                "/tiles/settlements/7/88/47.mvt", "/api/v1/targets"}) {
                HttpResponse<String> r = app.get(base + path);
                assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            }
            assertThat(sitesToday(base)).as("only R-1 is on air after the restart").isEqualTo(1);
            JsonNode layer = json.readTree(app.get(base + "/api/v1/layers/base-stations?asOf=" + TODAY).body());
            assertThat(layer.path("features")).hasSize(1);
            assertThat(layer.path("features").get(0).path("properties").path("external_id").asText()).isEqualTo("R-1");
        }
    }

    private double sitesToday(String base) throws Exception {
        app.awaitReady(base);
        JsonNode ind = json.readTree(app.get(base + "/api/v1/indicators").body());
        for (JsonNode v : ind.findValues("indicators").isEmpty() ? java.util.List.of(ind) : ind.findValues("indicators")) {
            for (JsonNode e : v) {
                if (e.path("key").asText().equals("base_stations.count")) {
                    return e.path("value").asDouble();
                }
            }
        }
        throw new AssertionError("no base_stations.count in " + ind);
    }
}
