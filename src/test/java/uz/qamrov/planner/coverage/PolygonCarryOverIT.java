package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * Coverage polygons are the slow part of a run, computed in the background. After an upload the coverage export
 * must not wait for (or fail on) the new polygons: it answers at once from the previous run's polygons, until the new
 * run's are stored; then it answers from the new run, and the previous run is gone.
 */
class PolygonCarryOverIT extends ApiIT {

    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";

    @Test
    void theExportAnswersFromThePreviousPolygonsUntilTheNewOnesAreStored() throws Exception {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('poly-s', 'Olmazor', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.4, 41.1), 4326), 'test')""");
        JsonNode job = importFile("base-stations", token("operator", "beeline"), "sites.csv", utf8(HEADER
                + "beeline,poly-1,1,69.40000,41.10000,30,active,2019-01-01,,4G,800,0,360,2,28,60,\n"));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");

        JsonNode first = export(); // no polygons yet: waits for them
        long runA = first.path("coverage_run").asLong();
        assertThat(first.path("features").size()).as("the site's coverage in UZ-TO").isPositive();
        assertThat(polygonRuns()).containsExactly(runA);

        // a second site far away: a new generation, today's run B is stored by the import, without polygons
        job = importFile("base-stations", token("operator", "beeline"), "sites.csv", utf8(HEADER
                + "beeline,poly-2,1,70.20000,41.30000,30,active,2019-01-01,,4G,800,0,360,2,28,60,\n"));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        long runB = jdbc.queryForObject("SELECT max(id) FROM coverage_runs WHERE status = 'succeeded'", Long.class);
        assertThat(runB).isGreaterThan(runA);

        assertThat(polygonRuns()).as("run A stays while B has no polygons").containsExactly(runA);

        // the test profile computes polygons only when asked, so B's cannot be there yet
        JsonNode meanwhile = export();
        assertThat(meanwhile.path("coverage_run").asLong()).as("the previous polygons, at once").isEqualTo(runA);
        assertThat(meanwhile.path("features").size()).isEqualTo(first.path("features").size());
        JsonNode after = await().atMost(Duration.ofSeconds(60)).until(this::export, e -> e.path("coverage_run").asLong() == runB);
        assertThat(after.path("features").size()).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> !polygonRuns().contains(runA));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM coverage_runs WHERE id = ?", Integer.class, runA))
                .as("run A, kept only for its polygons, is deleted once B has them").isZero();
    }

    private java.util.List<Long> polygonRuns() {
        return jdbc.queryForList("SELECT DISTINCT run_id FROM coverage_polygons ORDER BY run_id", Long.class);
    }

    private JsonNode export() throws Exception {
        var started = mvc.perform(get("/api/v1/coverage.geojson?region=UZ-TO")).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }
}
