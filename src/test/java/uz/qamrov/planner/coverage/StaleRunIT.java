package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * A stored run that a later upload outdates stays readable, flagged {@code "stale": true} with the generation it was
 * computed on, until its replacement (computed in the background) is stored; then the list answers from the new
 * generation. The test profile precomputes only today, so the past date below is recomputed only because it was read.
 */
class StaleRunIT extends ApiIT {

    static final String PAST = "2020-06-15";
    static final String SITES = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
            + "ucell,stale-1,1,69.30010,41.20010,30,active,2019-01-01,,4G,800,0,65,2,28,60,\n"
            + "ucell,stale-1,2,69.30010,41.20010,30,active,2019-01-01,,4G,800,120,65,2,28,60,\n"
            + "ucell,stale-1,3,69.30010,41.20010,30,active,2019-01-01,,4G,800,240,65,2,28,60,\n";

    @Test
    void anOutdatedRunIsServedFlaggedStaleUntilItsReplacementIsStored() throws Exception {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('stale-s', 'Yangiqishloq', 'village', 900, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(69.3, 41.2), 4326), 'test')""");
        mvc.perform(post("/api/v1/coverage/recompute")
                .header("Authorization", "Bearer " + ADMIN_TOKEN));
        await().atMost(Duration.ofSeconds(60)).until(() -> generation() > 0 && !body(mvc.perform(get("/api/v1/coverage/status"))
                .andReturn()).path("progress").path("state").asText().equals("running"));

        JsonNode before = gaps();
        long g1 = before.path("coverage_generation").asLong();
        assertThat(before.path("stale").asBoolean()).as("a run computed for this read is fresh").isFalse();
        assertThat(g1).isEqualTo(generation());
        assertThat(before.path("numberMatched").asLong()).as("no site yet: the village is a gap").isEqualTo(1);

        JsonNode job = importFile("base-stations", token("operator", "ucell"), "sites.csv", utf8(SITES));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        long g2 = generation();
        assertThat(g2).isGreaterThan(g1);

        JsonNode stale = gaps();
        assertThat(stale.path("stale").asBoolean()).as("a site on air since 2019 changes %s: the stored run is outdated", PAST)
                .isTrue();
        assertThat(stale.path("coverage_generation").asLong()).isEqualTo(g1);
        assertThat(stale.path("numberMatched").asLong()).as("the stale run still gives its own answer").isEqualTo(1);

        JsonNode fresh = await().atMost(Duration.ofSeconds(60)).until(this::gaps, b -> !b.path("stale").asBoolean());
        assertThat(fresh.path("coverage_generation").asLong()).isEqualTo(g2);
        assertThat(fresh.path("numberMatched").asLong()).as("the site 1 m away covers the village").isZero();
        assertThat(fresh.path("coverage_run").asLong()).isNotEqualTo(stale.path("coverage_run").asLong());
    }

    private long generation() throws Exception {
        return body(mvc.perform(get("/api/v1/coverage/status")).andReturn()).path("model").path("generation").asLong();
    }

    private JsonNode gaps() throws Exception {
        var started = mvc.perform(get("/api/v1/gaps/settlements?service=mobile_internet&region=UZ-TO&asOf=" + PAST)).andReturn();
        var response = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }
}
