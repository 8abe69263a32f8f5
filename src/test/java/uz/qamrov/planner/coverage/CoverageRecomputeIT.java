package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/** A full recompute is admin-only, runs in the background, and reports its progress and the run it stored. */
class CoverageRecomputeIT extends ApiIT {

    @Test
    void onlyAnAdminMayStartAFullRecompute() throws Exception {
        mvc.perform(post("/api/v1/coverage/recompute")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/coverage/recompute").header("Authorization", "Bearer " + token("operator", "ucell")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRecomputeReportsProgressAndStoresTodaysRun() throws Exception {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES ('t1', 'Qarshi', 'city', 250000, 50000, 'UZ-QA', ST_SetSRID(ST_MakePoint(65.79, 38.86), 4326), 'test')""");
        mvc.perform(post("/api/v1/coverage/recompute").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/coverage/status"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var body = mvc.perform(get("/api/v1/coverage/status")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).contains("\"state\":\"idle\"").contains("\"status\":\"succeeded\"");
        });
        mvc.perform(get("/api/v1/coverage/status"))
                .andExpect(jsonPath("$.runs[0].kind").value("full"))
                // the service's DEM (geodata/dem, 1′ grid) and the diffraction method, in the run's metadata
                .andExpect(jsonPath("$.runs[0].terrain").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.startsWith("dem "), org.hamcrest.Matchers.endsWith("Bullington (ITU-R P.526), k=4/3"))))
                .andExpect(jsonPath("$.progress.percent").value(100));
        // the stored run has the settlement, uncovered (no sites at all)
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM settlement_coverage sc JOIN coverage_runs r ON r.id = sc.run_id
                WHERE r.status = 'succeeded' AND sc.service = 'mobile_internet' AND NOT sc.covered""", Integer.class)).isEqualTo(1);
    }
}
