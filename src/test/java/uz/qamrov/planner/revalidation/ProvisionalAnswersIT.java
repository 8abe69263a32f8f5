package uz.qamrov.planner.revalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import uz.qamrov.planner.api.TileApiIT;
import uz.qamrov.support.ApiIT;
import uz.qamrov.support.ThreeVillages;

/** Answers that will change under the same tag are never kept by a cache ({@link ProvisionalAnswers}). */
class ProvisionalAnswersIT extends ApiIT {

    private static final String LAYER = "/api/v1/layers/settlements?bbox=66,39,67,40.5&service=mobile_internet";
    private static final String GAPS = "/api/v1/gaps/settlements?service=mobile_internet&f=geojson";

    private MockHttpServletResponse read(String path) throws Exception {
        return Reads.read(mvc, path, null);
    }

    private boolean stale(MockHttpServletResponse r) throws Exception {
        return json.readTree(r.getContentAsByteArray()).path("stale").asBoolean();
    }

    /**
     * The stored run of a past date that an upload outdated is served stale while its replacement computes, and the
     * replacement changes no tag: an answer from the stale run that a cache kept would be revalidated to a 304 and
     * stay the answer until the next upload. So every read of a stale run (gap list, layer, tile) says no-store, and
     * the fresh answer after it is revalidated as usual. One date per kind of read: the first read of a date after the
     * upload is the one that finds its run stale for sure (the test profile precomputes only today; that read starts
     * the replacement).
     */
    @Test
    void anAnswerFromAStaleRunIsNeverKept() throws Exception {
        ThreeVillages.seed(jdbc);
        int[] tile = TileApiIT.tileOf(66.70, 39.65, 8); // Bravo's tile
        String gaps = GAPS + "&asOf=2022-06-30";
        String layer = LAYER + "&asOf=2022-07-31";
        String tilePath = "/tiles/settlements/8/" + tile[0] + "/" + tile[1]
                + ".mvt?service=mobile_internet&asOf=2022-08-31";
        String export = "/api/v1/exports/uncovered_settlements.csv?service=mobile_internet&asOf=2022-09-30";
        List<CSVRecord> exported = csv(read(export));
        assertThat(exported).extracting(r -> r.get("name_uz_latn")).containsExactlyInAnyOrder("Bravo", "Charlie");
        assertThat(exported).allMatch(r -> r.get("stale").equals("false"));
        String generation = exported.get(0).get("coverage_generation");
        MockHttpServletResponse fresh = read(gaps);
        assertThat(stale(fresh)).isFalse();
        assertThat(Reads.names(json, fresh, false)).containsExactly("Bravo", "Charlie");
        for (String path : List.of(gaps, layer, tilePath)) {
            // the run a first read computes is stored gaps first: the layer says no-store until its classes are in
            await(path).atMost(Duration.ofSeconds(60))
                    .until(() -> read(path).getHeader(HttpHeaders.CACHE_CONTROL), "no-cache"::equals);
        }

        String csv = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
                + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
                + "ucell,SB4,1,66.70,39.65,30,active,2021-04-01,,4G,800,,360,,28,60,3000\n";
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "sb4.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");

        MockHttpServletResponse stale = read(gaps);
        assertThat(stale(stale)).as("a 4G site on air since 2021 outdates the run of 2022-06-30").isTrue();
        assertThat(Reads.names(json, stale, false)).as("the previous answer").containsExactly("Bravo", "Charlie");
        assertThat(stale.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(read(layer).getHeader(HttpHeaders.CACHE_CONTROL)).as(layer).isEqualTo("no-store");
        assertThat(read(tilePath).getHeader(HttpHeaders.CACHE_CONTROL)).as(tilePath).isEqualTo("no-store");
        // streamed after the request returned, its query may start after the replacement (20 ms here) is stored: the
        // replaced run's rows stay for ReplacedRuns.GRACE_S (deleted with the replacement, this list was empty in CI)
        MockHttpServletResponse staleExport = read(export);
        assertThat(staleExport.getHeader(HttpHeaders.CACHE_CONTROL)).as(export).isEqualTo("no-store");
        assertThat(csv(staleExport)).as("an export of the stale run says so in every row, with the run's generation")
                .allMatch(r -> r.get("stale").equals("true") && r.get("coverage_generation").equals(generation))
                .extracting(r -> r.get("name_uz_latn")).containsExactlyInAnyOrder("Bravo", "Charlie");

        MockHttpServletResponse replacement = await().atMost(Duration.ofSeconds(60))
                .until(() -> {
                    MockHttpServletResponse r = read(gaps);
                    return stale(r) ? null : r;
                }, Objects::nonNull);
        assertThat(Reads.names(json, replacement, false)).containsExactly("Charlie");
        assertThat(replacement.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
        for (String path : List.of(layer, tilePath)) {
            await(path).atMost(Duration.ofSeconds(60))
                    .until(() -> read(path).getHeader(HttpHeaders.CACHE_CONTROL), "no-cache"::equals);
        }
        List<CSVRecord> replaced = await(export).atMost(Duration.ofSeconds(60))
                .until(() -> csv(read(export)),
                        rows -> !rows.isEmpty() && rows.stream().allMatch(r -> r.get("stale").equals("false")));
        assertThat(replaced).extracting(r -> r.get("name_uz_latn")).containsExactly("Charlie");
        assertThat(Long.parseLong(replaced.get(0).get("coverage_generation")))
                .isGreaterThan(Long.parseLong(generation));
    }

    private static List<CSVRecord> csv(MockHttpServletResponse r) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.getContentAsString(StandardCharsets.UTF_8))).getRecords();
    }
}
