package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.HttpApiIT;

/** Layers by bbox with as-of filtering of the versioned network (see fixtures/api-fixture.sql). */
class LayerApiIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();

    JsonNode fc(String path) throws Exception {
        var res = get(path, "application/json");
        assertThat(res.getStatusCode().value()).as(res.getBody()).isEqualTo(200);
        assertThat(res.getHeaders().getContentType().toString()).isEqualTo("application/geo+json");
        return json.readTree(res.getBody());
    }

    static List<Long> ids(JsonNode fc) {
        List<Long> ids = new ArrayList<>();
        fc.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    @Test
    void baseStationsAsOfADateFollowCommissioningAndVersions() throws Exception {
        // B1 (id 2) is commissioned 2025-06-01; U3 moved on 2024-06-01 (version 3 -> 4)
        assertThat(ids(fc("/api/v1/layers/base-stations?asOf=2024-01-01"))).containsExactly(1L, 3L);
        assertThat(ids(fc("/api/v1/layers/base-stations?asOf=2025-01-01"))).containsExactly(1L, 4L);
        assertThat(ids(fc("/api/v1/layers/base-stations?asOf=2025-07-01"))).containsExactly(1L, 2L, 4L);
        JsonNode u1 = fc("/api/v1/layers/base-stations?asOf=2025-01-01").get("features").get(0);
        assertThat(u1.at("/properties/cell_count").asInt()).isEqualTo(4);
        assertThat(u1.at("/properties/cells/4G").asInt()).isEqualTo(3);
        assertThat(u1.at("/properties/cells/3G").asInt()).isEqualTo(1);
    }

    @Test
    void bboxSelectsFeaturesInside() throws Exception {
        assertThat(ids(fc("/api/v1/layers/base-stations?asOf=2025-07-01&bbox=69,40.5,71,41.5"))).containsExactly(1L, 2L);
        assertThat(ids(fc("/api/v1/layers/settlements?bbox=66,39,68,40"))).containsExactly(4L, 6L);
        assertThat(get("/api/v1/layers/settlements?bbox=1,2,3").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/layers/settlements?bbox=70,40,69,41").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/layers/antennas").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void fiberAsOfDecommissioning() throws Exception {
        assertThat(ids(fc("/api/v1/layers/fiber-routes?asOf=2024-11-30"))).containsExactly(1L, 2L);
        assertThat(ids(fc("/api/v1/layers/fiber-routes?asOf=2024-12-01"))).containsExactly(1L);
    }

    @Test
    void settlementsCarryTheirCoverageStatusAndCellsTheirStation() throws Exception {
        JsonNode features = fc("/api/v1/layers/settlements?service=high_speed_mobile").get("features");
        assertThat(features).hasSize(6);
        assertThat(features.get(0).at("/properties/covered").asBoolean()).isTrue();
        assertThat(features.get(5).at("/properties/covered").asBoolean()).isFalse();
        JsonNode cells = fc("/api/v1/layers/cells?asOf=2025-01-01");
        assertThat(cells.get("numberMatched").asInt()).isEqualTo(5);
        assertThat(cells.at("/features/0/geometry/coordinates").toString()).isEqualTo("[69.5,41]");
        assertThat(fc("/api/v1/layers/highways").get("features")).hasSize(2);
        assertThat(fc("/api/v1/layers/railways").at("/features/0/properties/line_key").asText()).isEqualTo("tashkent-samarkand");
    }

    @Test
    void pagesWithNextLink() throws Exception {
        JsonNode page = fc("/api/v1/layers/settlements?limit=4&offset=0");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(6);
        assertThat(page.get("numberReturned").asInt()).isEqualTo(4);
        String next = GapApiIT.link(page, "next");
        JsonNode last = fc(next.substring(next.indexOf("/api/")));
        assertThat(ids(last)).containsExactly(5L, 6L);
        assertThat(GapApiIT.link(last, "next")).isNull();
    }

    @Test
    void onlyThePropertiesAskedForInTheLayersOrderAndTheSameValuesAsInFull() throws Exception {
        JsonNode full = fc("/api/v1/layers/settlements?service=high_speed_mobile");
        JsonNode slim = fc("/api/v1/layers/settlements?service=high_speed_mobile&properties=covered,id,population");
        assertThat(ids(slim)).isEqualTo(ids(full));
        for (int i = 0; i < full.get("features").size(); i++) {
            JsonNode f = full.at("/features/" + i);
            JsonNode s = slim.at("/features/" + i);
            List<String> names = new ArrayList<>();
            s.get("properties").fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("id", "population", "covered");
            for (String n : names) {
                assertThat(s.at("/properties/" + n)).as(n).isEqualTo(f.at("/properties/" + n));
            }
            assertThat(s.get("geometry")).isEqualTo(f.get("geometry"));
        }
        // the same through the OGC API (Part 6), and the next link keeps the choice
        JsonNode ogc = fc("/ogc/collections/settlements/items?properties=region&limit=1");
        assertThat(ogc.at("/features/0/properties").toString())
                .isEqualTo("{\"region\":" + full.at("/features/0/properties/region") + "}");
        assertThat(GapApiIT.link(ogc, "next")).contains("properties=region");
    }

    @Test
    void anUnknownPropertyIsA400ThatListsTheLayersProperties() throws Exception {
        var res = get("/api/v1/layers/settlements?properties=id,covered,pop", "application/json");
        assertThat(res.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(res.getBody());
        assertThat(problem.get("detail").asText()).contains("'pop'").contains("population").contains("nearest_site_m");
        // a quote cannot reach the SQL: it is not a property name
        assertThat(get("/api/v1/layers/settlements?properties=id')%20e%20--", "application/json").getStatusCode().value())
                .isEqualTo(400);
    }
}
