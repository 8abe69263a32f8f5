package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qamrov.planner.coverage.CoverageService;
import uz.qamrov.support.ApiIT;

/**
 * Planning's model copy is kept up to date in the background after small changes and released after large ones
 * ({@code qamrov.coverage.copy-max-cells-applied}, here 2 cells): the service then holds one model, not two, and the
 * next what-if makes a new copy whose answer is the paper one. Fixture {@link PlanningApiIT#seedVillages}: villages A,
 * B, C; A is served by 4G.
 */
@TestPropertySource(properties = "qamrov.coverage.copy-max-cells-applied=2")
class WhatIfCopyReleaseIT extends ApiIT {

    @Autowired
    CoverageService coverage;
    @Autowired
    WhatIfEngine whatIf;

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
    }

    private static byte[] cells(String site, double lon, double lat, int count) {
        StringBuilder csv = new StringBuilder(DryRunWhatIfIT.HEADER);
        for (int i = 1; i <= count; i++) {
            csv.append("ucell,").append(site).append(',').append(i).append(',').append(lon).append(',').append(lat)
                    .append(",30,active,,,4G,800,,360,,30,,3000\n");
        }
        return utf8(csv.toString());
    }

    private JsonNode upload(byte[] csv, String... params) throws Exception {
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "sites.csv", csv, params);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    @Test
    void aSmallChangeIsFollowedALargeOneReleasesTheCopyAndTheNextWhatIfMakesANewOne() throws Exception {
        // a dry run makes the copy (4G at B: 1 of 3 villages → 2 of 3)
        JsonNode first = upload(cells("SB", 66.70, 39.65, 1), "dryRun", "true");
        assertThat(DryRunWhatIfIT.change(first, "settlements.mobile_internet.pct", "UZ").get("after").asDouble())
                .isCloseTo(200.0 / 3, within(1e-6));
        long made = whatIf.generation();
        assertThat(made).isEqualTo(coverage.generation());

        // one cell for real (≤ 2): the copy follows by the difference
        upload(cells("SB", 66.70, 39.65, 1));
        Awaitility.await("the copy follows a 1-cell change").atMost(Duration.ofSeconds(30)).until(whatIf::copyCurrent);
        assertThat(whatIf.generation()).isGreaterThan(made);

        // three cells for real (> 2) between the villages: the copy is released, not copied again
        upload(cells("SE", 66.60, 39.72, 3));
        Awaitility.await("the copy is released after a 3-cell change").atMost(Duration.ofSeconds(30))
                .until(() -> whatIf.generation() == -1);
        assertThat(whatIf.copyCurrent()).isFalse();

        // the next what-if makes a new copy of the current generation: A and B served (B since the 1-cell import), so
        // 4G at C takes 2 of 3 villages to 3 of 3
        JsonNode next = upload(cells("SC", 66.50, 39.80, 1), "dryRun", "true");
        JsonNode settlements = DryRunWhatIfIT.change(next, "settlements.mobile_internet.pct", "UZ");
        assertThat(settlements.get("before").asDouble()).isCloseTo(200.0 / 3, within(1e-6));
        assertThat(settlements.get("after").asDouble()).isCloseTo(100.0, within(1e-6));
        assertThat(whatIf.generation()).isEqualTo(coverage.generation());
    }
}
