package uz.qamrov.planner.revalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import uz.qamrov.support.ApiIT;
import uz.qamrov.support.ThreeVillages;

/**
 * Read answers are revalidated with their ETag: asked again with {@code If-None-Match} while nothing changed, a 304
 * with no body; after an upload or any write request, the new answer. The three villages of the planning fixture:
 * B (Bravo) has only a 2G cell, so no mobile internet, until a 4G site is uploaded there; C (Charlie) has none.
 */
class ReadRevalidationIT extends ApiIT {

    private static final String LAYER = "/api/v1/layers/settlements?bbox=66,39,67,40.5&service=mobile_internet";
    private static final String GAPS = "/api/v1/gaps/settlements?service=mobile_internet&f=geojson";
    private static final String COMPLETE_RUN = "/ogc/collections/settlements/items?limit=10";

    private MockHttpServletResponse read(String path, String ifNoneMatch) throws Exception {
        return Reads.read(mvc, path, ifNoneMatch);
    }

    private List<String> names(MockHttpServletResponse r, boolean coveredOnly) throws Exception {
        return Reads.names(json, r, coveredOnly);
    }

    @Test
    void anAnswerAskedAgainIsA304UntilAnUploadChangesTheData() throws Exception {
        ThreeVillages.seed(jdbc);
        assertThat(read(COMPLETE_RUN, null).getStatus()).isEqualTo(200); // today's run complete: no classes pending

        MockHttpServletResponse layer = read(LAYER, null);
        assertThat(layer.getStatus()).isEqualTo(200);
        String tag = layer.getHeader(HttpHeaders.ETAG);
        assertThat(tag).startsWith("W/\"");
        assertThat(layer.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");
        assertThat(layer.getHeaders(HttpHeaders.VARY)).anyMatch(v -> v.contains("Accept-Language"));
        assertThat(names(layer, true)).containsExactly("Alpha");

        MockHttpServletResponse unchanged = read(LAYER, tag);
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsByteArray()).isEmpty();
        MockHttpServletResponse gaps = read(GAPS, null);
        assertThat(gaps.getHeader(HttpHeaders.ETAG)).as("one tag for every read of the same data").isEqualTo(tag);
        assertThat(names(gaps, false)).containsExactly("Bravo", "Charlie");
        assertThat(read(GAPS, tag).getStatus()).isEqualTo(304);

        String csv = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
                + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
                + "ucell,SB4,1,66.70,39.65,30,active,2021-04-01,,4G,800,,360,,28,60,3000\n";
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "sb4.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");

        read(COMPLETE_RUN, null);
        MockHttpServletResponse after = read(LAYER, tag);
        assertThat(after.getStatus()).as("the old tag is stale after the upload").isEqualTo(200);
        String newTag = after.getHeader(HttpHeaders.ETAG);
        assertThat(newTag).isNotEqualTo(tag);
        assertThat(names(after, true)).containsExactly("Alpha", "Bravo");
        MockHttpServletResponse gapsAfter = read(GAPS, tag);
        assertThat(gapsAfter.getStatus()).isEqualTo(200);
        assertThat(names(gapsAfter, false)).containsExactly("Charlie");
        assertThat(read(GAPS, newTag).getStatus()).isEqualTo(304);
    }

    @Test
    void aWriteRequestMakesEveryTagStale() throws Exception {
        ThreeVillages.seed(jdbc);
        jdbc.update("""
                INSERT INTO highways (ref, road_class, name_uz_latn, name_en, geom, source) VALUES
                ('M1', 'international', 'Bir yoʻl', 'Road One', ST_GeomFromText('LINESTRING(66.45 39.5, 66.55 39.5)', 4326), 'test')""");
        long target = jdbc.queryForObject("""
                INSERT INTO targets (indicator_key, kind, target_value, unit, direction, deadline, title, source_document,
                                     source_item, subject_lines)
                VALUES ('highways.international.high_speed_mobile.pct', 'target', 80, '%', 'at_least', '2023-12-31',
                        '80% of international highways', 'Yoʻl xaritasi', 'I.7', 'highway:class=international')
                RETURNING id""", Long.class);
        MockHttpServletResponse before = read("/api/v1/targets", null);
        String tag = before.getHeader(HttpHeaders.ETAG);
        assertThat(before.getContentAsString()).doesNotContain("highway:key=M1");
        assertThat(read("/api/v1/targets", tag).getStatus()).isEqualTo(304);

        assertThat(mvc.perform(put("/api/v1/targets/" + target + "/subject").contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectLines\":\"highway:key=M1\"}").header("Authorization", "Bearer " + ADMIN_TOKEN))
                .andReturn().getResponse().getStatus()).isEqualTo(200);

        MockHttpServletResponse after = read("/api/v1/targets", tag);
        assertThat(after.getStatus()).as("the old tag is stale after the write").isEqualTo(200);
        assertThat(after.getContentAsString()).contains("highway:key=M1");
    }

    @Test
    void problemsAndAnswersOutsideTheReadsAreNeverKept() throws Exception {
        MockHttpServletResponse missing = read("/api/v1/layers/no-such-layer", null);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(String.join(",", missing.getHeaders(HttpHeaders.CACHE_CONTROL))).contains("no-store");
        MockHttpServletResponse status = read("/api/v1/coverage/status", null);
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(status.getHeader(HttpHeaders.ETAG)).isNull();
    }
}
