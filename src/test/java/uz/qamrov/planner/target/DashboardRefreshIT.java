package uz.qamrov.planner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.qamrov.support.ApiIT;

/**
 * After an upload that changes past dates, today's national target report is computed again in the background, so
 * the next visitor's {@code /api/v1/targets} evaluates nothing: every year-end of its series and today were evaluated
 * on the new generation before it asked. The count of evaluations is the service's own metric
 * ({@code qamrov.coverage.evaluations}); the report's value shows it is of the new generation, not an old one kept.
 *
 * <pre>
 *   UZ-TO: one village (69.3 E, 41.2 N); target base_stations.count ≥ 2 by 2023-12-31 (series from 2019)
 *   generation 1: no site             → 0 base stations in the series and today
 *   upload: a 3-sector site on air since 2019-01-01 (every year-end of the series changes)
 *   generation 2: 1 base station at every year-end and today
 * </pre>
 */
class DashboardRefreshIT extends ApiIT {

    static final String SITES = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
            + "ucell,dash-1,1,69.30010,41.20010,30,active,2019-01-01,,4G,800,0,65,2,28,60,\n"
            + "ucell,dash-1,2,69.30010,41.20010,30,active,2019-01-01,,4G,800,120,65,2,28,60,\n"
            + "ucell,dash-1,3,69.30010,41.20010,30,active,2019-01-01,,4G,800,240,65,2,28,60,\n";

    @Autowired
    MeterRegistry meters;

    @Test
    void anUploadChangingPastDatesLeavesTodaysTargetReportComputedForTheNextVisitor() throws Exception {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('dash-s', 'Yangiobod', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.3, 41.2), 4326), 'test')""");
        jdbc.update("""
                INSERT INTO targets (indicator_key, kind, target_value, unit, direction, deadline, title, source_document, source_item)
                VALUES ('base_stations.count', 'target', 2, 'count', 'at_least', '2023-12-31', '2 stations', 'test', 'I.6')""");
        mvc.perform(post("/api/v1/coverage/recompute").header("Authorization", "Bearer " + ADMIN_TOKEN));
        await().atMost(Duration.ofSeconds(60)).until(() -> generation() > 0 && idle());
        assertThat(stations(targets())).as("no site yet").isEqualTo(0.0);

        JsonNode job = importFile("base-stations", token("operator", "ucell"), "sites.csv", utf8(SITES));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        long g2 = generation();
        // the refresh runs once uploads have paused; the run store's own work for g2 must be over too, so that no
        // evaluation but the visitor's own could be counted below
        await().atMost(Duration.ofSeconds(60)).until(() -> refreshedGeneration() >= g2 && idle());

        double before = indicatorEvaluations();
        JsonNode report = targets();
        assertThat(indicatorEvaluations() - before).as("evaluations the visitor's /targets computed itself").isZero();
        assertThat(stations(report)).as("the report is of the new generation").isEqualTo(1.0);
        assertThat(report.path("targets").get(0).path("series").size()).as("year-ends 2019–2025 and today").isEqualTo(8);
    }

    private double indicatorEvaluations() {
        return meters.get("qamrov.coverage.evaluations").tag("kind", "indicators").counter().count();
    }

    private long generation() throws Exception {
        return status().path("model").path("generation").asLong();
    }

    private boolean idle() throws Exception {
        JsonNode s = status();
        return s.path("model").path("pendingRuns").asInt() == 0 && !s.path("progress").path("state").asText().equals("running");
    }

    private JsonNode status() throws Exception {
        return body(mvc.perform(get("/api/v1/coverage/status")).andReturn());
    }

    private long refreshedGeneration() throws Exception {
        JsonNode health = body(mvc.perform(get("/actuator/health")).andReturn());
        return health.path("components").path("dashboard").path("details").path("targetsOfGeneration").asLong(-1);
    }

    private JsonNode targets() throws Exception {
        return body(mvc.perform(get("/api/v1/targets")).andReturn());
    }

    private static double stations(JsonNode report) {
        for (JsonNode t : report.path("targets")) {
            if (t.path("indicatorKey").asText().equals("base_stations.count")) {
                return t.path("value").asDouble();
            }
        }
        throw new AssertionError("no base_stations.count target in " + report);
    }
}
