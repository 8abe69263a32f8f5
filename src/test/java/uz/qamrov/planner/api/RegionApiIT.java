package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import uz.qamrov.support.HttpApiIT;

class RegionApiIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void regionsHaveNamesInFourLanguagesPopulationFlagAndBbox() throws Exception {
        var res = get("/api/v1/regions");
        assertThat(res.getStatusCode().value()).isEqualTo(200);
        JsonNode regions = json.readTree(res.getBody());
        assertThat(regions).hasSize(2);
        JsonNode sa = regions.get(0);
        assertThat(sa.get("code").asText()).isEqualTo("UZ-SA");
        assertThat(sa.at("/names/uz-Latn").asText()).isEqualTo("Samarqand viloyati");
        assertThat(sa.at("/names/uz-Cyrl").asText()).isEqualTo("Самарқанд вилояти");
        assertThat(sa.at("/names/ru").asText()).isEqualTo("Самаркандская область");
        assertThat(sa.at("/names/en").asText()).isEqualTo("Samarkand Region");
        assertThat(sa.get("population").asLong()).isEqualTo(4_000_000);
        assertThat(sa.get("approximate").asBoolean()).isFalse();
        assertThat(sa.get("bbox").toString()).isEqualTo("[66.0,39.0,68.0,40.0]");
    }

    @Test
    void districtsOfARegion() throws Exception {
        JsonNode districts = json.readTree(get("/api/v1/regions/UZ-TO/districts").getBody());
        assertThat(districts).extracting(d -> d.get("code").asText()).containsExactly("TO-01", "TO-02");
        assertThat(districts.get(0).get("regionCode").asText()).isEqualTo("UZ-TO");
    }

    @Test
    void unknownRegionIsA404Problem() throws Exception {
        var res = get("/api/v1/regions/UZ-XX/districts");
        assertThat(res.getStatusCode().value()).isEqualTo(404);
        assertThat(res.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(res.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://qamrov.uz/problems/not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
    }

    @Test
    void swaggerUiAndOpenApiAreServed() throws Exception {
        assertThat(get("/swagger-ui.html").getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode api = json.readTree(get("/v3/api-docs").getBody());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").has("/api/v1/gaps/settlements")).isTrue();
        assertThat(api.get("paths").has("/api/v1/regions/{code}/districts")).isTrue();
    }
}
