package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qamrov.support.ApiIT;

/**
 * The fiber tree along a stored highway, end to end: the villages of {@link PlanningApiIT} plus one highway from the
 * fiber's end (66.90, 39.65) through (66.80, 39.66) to B (66.70, 39.65) — its own database, so PlanningApiIT's paper
 * cases keep their road-less numbers.
 *
 * <p>On paper (geodesic, mid-latitude formula): along the road 8.6511 + 8.6564 = 17.307 km against the straight
 * 17.166 km × 1.3 = 22.315 km → B's cable follows the road. C (38 km from the fiber) hangs on B by the straight
 * corridor (no road near C): 23.904 km × 1.3 = 31.075 km. Route 48.38 km, of it 17.307 km along the road (53.41 km
 * without the road, PlanningApiIT).
 */
class FiberTreeRoadsIT extends ApiIT {

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
        if (count("SELECT count(*) FROM highways") == 0) {
            jdbc.update("""
                    INSERT INTO highways (ref, road_class, name_uz_latn, geom, source) VALUES ('4R99', 'other', 'Test road',
                    ST_GeomFromText('LINESTRING(66.90 39.65, 66.80 39.66, 66.70 39.65)', 4326), 'test')""");
        }
    }

    @Test
    void theCableToBFollowsTheHighwayAndTheEngineStillConfirmsEveryHousehold() throws Exception {
        MvcResult submitted = mvc.perform(post("/api/v1/plans").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("mode", "fiber-tree", "region", "UZ-SA")))).andReturn();
        assertThat(submitted.getResponse().getStatus()).as(submitted.getResponse().getContentAsString()).isEqualTo(202);
        String id = body(submitted).get("id").asText();
        JsonNode plan = Awaitility.await("plan " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(mvc.perform(get("/api/v1/plans/" + id)).andReturn()),
                        p -> p.path("status").asText().equals("succeeded") || p.path("status").asText().equals("failed"));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        JsonNode result = plan.get("result");
        JsonNode toB = result.at("/proposals/0");
        assertThat(toB.get("from").asText()).isEqualTo("fiber");
        assertThat(toB.get("roadKm").asDouble()).isCloseTo(17.307, within(0.01));
        assertThat(toB.get("routeKm").asDouble()).isCloseTo(17.307, within(0.01));
        assertThat(toB.get("straightKm").asDouble()).isCloseTo(17.166, within(0.01));
        assertThat(toB.get("cable")).hasSize(3);
        assertThat(toB.at("/cable/1/0").asDouble()).isCloseTo(66.80, within(1e-9));
        assertThat(toB.at("/cable/1/1").asDouble()).isCloseTo(39.66, within(1e-9));
        JsonNode toC = result.at("/proposals/1");
        assertThat(toC.get("roadKm").asDouble()).isZero();
        assertThat(toC.get("routeKm").asDouble()).isCloseTo(1.3 * 23.904, within(0.01));
        assertThat(result.get("totalRouteKm").asDouble()).isCloseTo(17.307 + 1.3 * 23.904, within(0.02));
        assertThat(result.get("totalRoadKm").asDouble()).isCloseTo(17.307, within(0.01));
        assertThat(result.get("timingsMs").has("roadGraph")).isTrue();
        // the engine what-if of the road-following cables: every household passed, as without the road
        JsonNode after = null;
        for (JsonNode row : result.get("projectedIndicators")) {
            if (row.get("key").asText().equals("households.fixed_broadband.pct") && row.get("scope").asText().equals("UZ")) {
                after = row.get("after");
            }
        }
        assertThat(after).isNotNull();
        assertThat(after.asDouble()).isCloseTo(100.0, within(1e-6));
        // the GeoJSON and the saved scenario carry the road's line, not the chord
        JsonNode fc = body(mvc.perform(get("/api/v1/plans/" + id + "/proposals.geojson")).andReturn());
        assertThat(fc.at("/features/0/geometry/coordinates")).hasSize(3);
        MvcResult saved = mvc.perform(post("/api/v1/scenarios").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("name", "tree along the road " + System.nanoTime(), "planId", id))))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(201);
        long scenario = body(saved).get("id").asLong();
        assertThat(count("""
                SELECT count(*) FROM scenario_items WHERE scenario_id = ? AND kind = 'fiber_route' AND ST_NPoints(geom) = 3
                  AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint(66.80, 39.66), 4326), 1e-9)""", scenario)).isEqualTo(1);
    }
}
