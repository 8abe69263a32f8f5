package uz.qamrov.planner.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import uz.qamrov.support.ThreeVillages;
import uz.qamrov.support.ApiIT;

/**
 * The settlements layer's kept answers ({@link LayerAnswers}) are the answers: asked twice, the same bytes and
 * headers; after an import that changes coverage, the new run's status, not the kept one. The three villages of the
 * planning fixture: B has only a 2G cell (no mobile internet) until a 4G site is imported there.
 */
class SettlementLayerAnswersIT extends ApiIT {

    private static final String PATH = "/api/v1/layers/settlements?bbox=66,39,67,40.5&service=mobile_internet";

    private MvcResult layer() throws Exception {
        MvcResult started = mvc.perform(get(PATH)).andReturn();
        MvcResult done = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn() : started;
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        return done;
    }

    private Map<String, Boolean> covered(MvcResult r) throws Exception {
        Map<String, Boolean> out = new TreeMap<>();
        JsonNode fc = json.readTree(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
        fc.get("features").forEach(f -> out.put(f.at("/properties/name_uz_latn").asText(),
                f.at("/properties/covered").asBoolean()));
        return out;
    }

    @Test
    void aKeptAnswerIsTheAnswerAndAnImportGivesTheNewRunsStatus() throws Exception {
        ThreeVillages.seed(jdbc);
        MvcResult first = layer();
        MvcResult again = layer();
        assertThat(again.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(again.getResponse().getHeader("X-Total-Count")).isEqualTo("3")
                .isEqualTo(first.getResponse().getHeader("X-Total-Count"));
        assertThat(covered(again)).containsExactly(Map.entry("Alpha", true), Map.entry("Bravo", false),
                Map.entry("Charlie", false));

        String csv = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
                + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
                + "ucell,SB4,1,66.70,39.65,30,active,2021-04-01,,4G,800,,360,,28,60,3000\n";
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "sb4.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(covered(layer())).containsExactly(Map.entry("Alpha", true), Map.entry("Bravo", true),
                Map.entry("Charlie", false));
    }
}
