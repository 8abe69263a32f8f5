package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.support.ApiIT;

/**
 * A dry-run upload previews the indicator changes the import would cause, as a what-if on a copy of the current
 * model; nothing is written and the live model stays as it was. Fixture {@link PlanningApiIT#seedVillages}: villages
 * A (pop 5000, served by SA's 4G), B (2000, SB is 2G only) and C (800, no site) in Samarqand. On paper:
 *
 * <pre>
 *   settlements with mobile internet   A          1 of 3 = 33.333 %
 *   + a 4G site at C                   A, C       2 of 3 = 66.667 %
 *   population with mobile internet    5000 / 7800 = 64.103 %  →  5800 / 7800 = 74.359 %
 *   + 4G on B as well (last step)      A, B, C    3 of 3 = 100 %
 * </pre>
 * The second test changes the database for real, so it runs last (one database per class); it also checks that the
 * copy a dry run used follows an import and a full recompute in the background, before any what-if asks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DryRunWhatIfIT extends ApiIT {

    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";

    @Autowired
    CoverageService coverage;
    @Autowired
    WhatIfEngine whatIf;

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
    }

    /** One omni cell with a 3 km radius at (lon, lat): a village at that point is inside its footprint. */
    static byte[] site(String id, String technology, double lon, double lat) {
        return utf8(HEADER + "ucell," + id + ",1," + lon + "," + lat + ",30,active,,," + technology + ",800,,360,,30,,3000\n");
    }

    JsonNode dryRun(byte[] csv) throws Exception {
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "sites.csv", csv, "dryRun", "true");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    static JsonNode change(JsonNode job, String key, String scope) {
        for (JsonNode c : job.at("/report/indicatorChanges")) {
            if (c.get("key").asText().equals(key) && c.get("scope").asText().equals(scope)) {
                return c;
            }
        }
        throw new AssertionError("no change of " + key + " in " + scope + ": " + job.at("/report"));
    }

    /** Today's national value of the live model, in API units (what /api/v1/indicators answers). */
    double liveNational(String key) {
        return CoverageService.apiValue(coverage.indicators(null).national(key).orElseThrow());
    }

    @Test
    @Order(1)
    void aDryRunOfASiteCoveringAnUncoveredVillageReportsTheChangeOnPaperAndChangesNothing() throws Exception {
        double liveBefore = liveNational("settlements.mobile_internet.pct");
        assertThat(liveBefore).isCloseTo(100.0 / 3, within(1e-6));
        long generation = coverage.generation();
        int sites = count("SELECT count(*) FROM base_stations");
        int cells = count("SELECT count(*) FROM cells");

        JsonNode job = dryRun(site("SC", "4G", 66.50, 39.80));
        JsonNode settlements = change(job, "settlements.mobile_internet.pct", "UZ");
        assertThat(settlements.get("before").asDouble()).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(settlements.get("after").asDouble()).isCloseTo(200.0 / 3, within(1e-6));
        assertThat(settlements.get("unit").asText()).isEqualTo("%");
        JsonNode region = change(job, "settlements.mobile_internet.pct", "UZ-SA");
        assertThat(region.get("after").asDouble()).isCloseTo(200.0 / 3, within(1e-6));
        JsonNode people = change(job, "population.mobile_internet.pct", "UZ");
        assertThat(people.get("before").asDouble()).isCloseTo(100.0 * 5000 / 7800, within(1e-6));
        assertThat(people.get("after").asDouble()).isCloseTo(100.0 * 5800 / 7800, within(1e-6));
        assertThat(job.at("/report/coverageNote").asText()).contains("what-if");
        // the diff endpoint shows the same preview
        var started = mvc.perform(get("/api/v1/jobs/" + job.get("id").asText() + "/diff")).andReturn();
        JsonNode diff = body(mvc.perform(asyncDispatch(started)).andReturn());
        assertThat(diff.get("indicatorChanges")).isEqualTo(job.at("/report/indicatorChanges"));

        // nothing was written, the live model did not move
        assertThat(count("SELECT count(*) FROM base_stations")).isEqualTo(sites);
        assertThat(count("SELECT count(*) FROM cells")).isEqualTo(cells);
        assertThat(count("SELECT count(*) FROM base_stations WHERE external_id = 'SC'")).isZero();
        assertThat(coverage.generation()).isEqualTo(generation);
        assertThat(liveNational("settlements.mobile_internet.pct")).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(liveNational("population.mobile_internet.pct")).isCloseTo(100.0 * 5000 / 7800, within(1e-6));
    }

    /**
     * The what-if copy follows the coverage generation, not the live model's identity or size: a same-day rewrite
     * (2G at C replaced by 4G under the same ids: no count changes, the live model is changed in place) must reach
     * the next dry run's baseline.
     */
    @Test
    @Order(2)
    void theWhatIfCopyFollowsTheCoverageGenerationThroughASameDayRewrite() throws Exception {
        // C gets a 2G site for real: no mobile internet yet; a dry run builds the what-if copy on this generation
        JsonNode real2g = importFile("base-stations", ADMIN_TOKEN, "sites.csv", site("SD", "2G", 66.50, 39.80));
        assertThat(real2g.path("status").asText()).as(real2g.toString()).isEqualTo("succeeded");
        JsonNode preview = dryRun(site("SD", "4G", 66.50, 39.80));
        assertThat(change(preview, "settlements.mobile_internet.pct", "UZ").get("after").asDouble())
                .isCloseTo(200.0 / 3, within(1e-6));
        int sites = count("SELECT count(*) FROM base_stations");
        int cells = count("SELECT count(*) FROM cells");
        List<Long> ids = jdbc.queryForList("SELECT id FROM base_stations WHERE external_id = 'SD'", Long.class);

        // the same-day rewrite for real: same base-station id, as many rows as before
        JsonNode real4g = importFile("base-stations", ADMIN_TOKEN, "sites.csv", site("SD", "4G", 66.50, 39.80));
        assertThat(real4g.path("status").asText()).as(real4g.toString()).isEqualTo("succeeded");
        assertThat(jdbc.queryForList("SELECT id FROM base_stations WHERE external_id = 'SD'", Long.class)).isEqualTo(ids);
        assertThat(count("SELECT count(*) FROM base_stations")).isEqualTo(sites);
        assertThat(count("SELECT count(*) FROM cells")).isEqualTo(cells);
        assertThat(liveNational("settlements.mobile_internet.pct")).isCloseTo(200.0 / 3, within(1e-6));
        // the copy a dry run used follows the import's generation in the background, before any what-if asks
        org.awaitility.Awaitility.await("the what-if copy follows the import").atMost(java.time.Duration.ofSeconds(30))
                .until(whatIf::copyCurrent);

        // the next dry run (4G on SB at B) starts from A and C served: 2 of 3 → 3 of 3
        String sb = HEADER + "ucell,SB,b,66.70,39.65,30,active,,,4G,800,,360,,30,,3000\n";
        JsonNode next = dryRun(utf8(sb));
        JsonNode settlements = change(next, "settlements.mobile_internet.pct", "UZ");
        assertThat(settlements.get("before").asDouble()).isCloseTo(200.0 / 3, within(1e-6));
        assertThat(settlements.get("after").asDouble()).isCloseTo(100.0, within(1e-6));
        assertThat(whatIf.generation()).isEqualTo(coverage.generation());

        // a full recompute (a new copy, not a difference) is followed in the background as well
        long before = coverage.generation();
        coverage.rebuild();
        assertThat(coverage.generation()).isGreaterThan(before);
        org.awaitility.Awaitility.await("the what-if copy follows the rebuild").atMost(java.time.Duration.ofSeconds(30))
                .until(whatIf::copyCurrent);
        assertThat(whatIf.generation()).isEqualTo(coverage.generation());
    }
}
