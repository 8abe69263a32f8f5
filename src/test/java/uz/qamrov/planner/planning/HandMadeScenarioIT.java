package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import uz.qamrov.support.ApiIT;

/**
 * Scenarios made by hand with fiber and removals, on {@link PlanningApiIT}'s three villages (households A 1000, B 400,
 * C 160; A within 1 km of the distribution cable F1, and served by site SA's 4G cell). Fixed broadband today
 * 1000 / 1560 households = 64.10%; settlements with mobile internet 1 of 3.
 */
class HandMadeScenarioIT extends ApiIT {

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
    }

    private MvcResult postScenario(String token, Object body) throws Exception {
        return mvc.perform(post("/api/v1/scenarios").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    private long created(Object body) throws Exception {
        MvcResult r = postScenario(ADMIN_TOKEN, body);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
        return body(r).get("id").asLong();
    }

    private static double value(JsonNode cmp, String key, Object scenario) {
        JsonNode row = PlanningApiIT.row(cmp, key);
        return scenario == null ? row.get("baseline").asDouble() : row.at("/scenarios/" + scenario).asDouble();
    }

    private static JsonNode change(JsonNode job, String key) {
        for (JsonNode c : job.at("/report/indicatorChanges")) {
            if (c.get("key").asText().equals(key) && c.get("scope").asText().equals("UZ")) {
                return c;
            }
        }
        throw new AssertionError("no change of " + key + " in " + job);
    }

    @Test
    void fiberAddedAndTakenAwayByHandIsMeasuredByTheEngineAndHandedOverAsUploadFiles() throws Exception {
        String n = String.valueOf(System.nanoTime());
        // a distribution cable through B, a cabinet at C, and the cable F1 and SA's 4G cell taken away
        long toB = created(Map.of("name", "cable to B " + n, "fiberRoutes", List.of(Map.of("operator", "ucell",
                "coordinates", List.of(List.of(66.70, 39.645), List.of(66.70, 39.655))))));
        long atC = created(Map.of("name", "cabinet at C " + n, "fiberNodes", List.of(Map.of("operator", "ucell",
                "lon", 66.50, "lat", 39.80, "broadbandPorts", 256))));
        long f1 = jdbc.queryForObject("SELECT id FROM fiber_routes WHERE external_id = 'F1'", Long.class);
        long cellA = jdbc.queryForObject("SELECT id FROM cells WHERE external_id = 'a'", Long.class);
        long without = created(Map.of("name", "without F1 and SA's 4G " + n, "removeFiberRouteIds", List.of(f1),
                "removeCellIds", List.of(cellA)));

        JsonNode cmp = body(mvc.perform(get("/api/v1/scenarios/compare").param("ids", toB + "," + atC + "," + without))
                .andReturn());
        String fixed = "households.fixed_broadband.pct";
        assertThat(value(cmp, fixed, null)).isCloseTo(100.0 * 1000 / 1560, within(1e-6));
        assertThat(value(cmp, fixed, toB)).isCloseTo(100.0 * 1400 / 1560, within(1e-6));
        assertThat(value(cmp, fixed, atC)).isCloseTo(100.0 * 1160 / 1560, within(1e-6));
        assertThat(value(cmp, fixed, without)).isCloseTo(0.0, within(1e-6));
        String mobile = "settlements.mobile_internet.pct";
        assertThat(value(cmp, mobile, toB)).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(value(cmp, mobile, without)).isCloseTo(0.0, within(1e-6));
        // nothing was written into the network
        assertThat(count("SELECT count(*) FROM fiber_routes")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM fiber_nodes")).isZero();

        // the cable as a fiber-routes upload file; our own dry run of it previews what the scenario measured
        JsonNode routes = body(mvc.perform(get("/api/v1/scenarios/" + toB + "/upload.geojson")
                .param("layer", "fiber-routes")).andReturn());
        assertThat(routes.get("features")).hasSize(1);
        assertThat(routes.at("/features/0/geometry/type").asText()).isEqualTo("LineString");
        assertThat(routes.at("/features/0/properties/route_kind").asText()).isEqualTo("distribution");
        assertThat(routes.at("/features/0/properties/status").asText()).isEqualTo("planned");
        JsonNode job = importFile("fiber-routes", ADMIN_TOKEN, "routes.geojson", json.writeValueAsBytes(routes),
                "dryRun", "true", "operator", "ucell");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        // a planned cable does not serve anyone yet: the dry run previews no change, as an import of it would do
        assertThat(job.at("/report/indicatorChanges").isArray()).isTrue();
        assertThat(job.at("/report/indicatorChanges").size()).isZero();
        JsonNode active = json.readTree(json.writeValueAsString(routes).replace("\"planned\"", "\"active\""));
        JsonNode activeJob = importFile("fiber-routes", ADMIN_TOKEN, "routes.geojson", json.writeValueAsBytes(active),
                "dryRun", "true", "operator", "ucell");
        assertThat(change(activeJob, fixed).get("after").asDouble()).isCloseTo(value(cmp, fixed, toB), within(1e-6));
        // the cabinet as a fiber-nodes upload file, accepted by our dry run
        JsonNode nodes = body(mvc.perform(get("/api/v1/scenarios/" + atC + "/upload.geojson")
                .param("layer", "fiber-nodes")).andReturn());
        assertThat(nodes.get("features")).hasSize(1);
        assertThat(nodes.at("/features/0/properties/broadband_ports").asInt()).isEqualTo(256);
        JsonNode nodeJob = importFile("fiber-nodes", ADMIN_TOKEN, "nodes.geojson", json.writeValueAsBytes(nodes),
                "dryRun", "true", "operator", "ucell");
        assertThat(nodeJob.path("status").asText()).as(nodeJob.toString()).isEqualTo("succeeded");
        assertThat(count("SELECT count(*) FROM fiber_routes")).isEqualTo(1);
    }

    @Test
    void badHandMadeScenariosAre400NamingTheFieldAndOperatorsRemoveOnlyTheirOwnFiber() throws Exception {
        MvcResult oneVertex = postScenario(ADMIN_TOKEN, Map.of("name", "x", "fiberRoutes", List.of(Map.of(
                "operator", "ucell", "coordinates", List.of(List.of(66.7, 39.6))))));
        assertThat(oneVertex.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(oneVertex).get("field").asText()).isEqualTo("fiberRoutes[0].coordinates");
        MvcResult badId = postScenario(ADMIN_TOKEN, Map.of("name", "x", "removeCellIds", List.of(0)));
        assertThat(badId.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badId).get("field").asText()).isEqualTo("removeCellIds[0]");
        MvcResult badPorts = postScenario(ADMIN_TOKEN, Map.of("name", "x", "fiberNodes", List.of(Map.of(
                "operator", "ucell", "lon", 66.5, "lat", 39.8, "broadbandPorts", -1))));
        assertThat(body(badPorts).get("field").asText()).isEqualTo("fiberNodes[0].broadbandPorts");
        long f1 = jdbc.queryForObject("SELECT id FROM fiber_routes WHERE external_id = 'F1'", Long.class);
        MvcResult notTheirs = postScenario(token("operator", "beeline"), Map.of("name", "beeline takes F1 away "
                + System.nanoTime(), "removeFiberRouteIds", List.of(f1)));
        assertThat(notTheirs.getResponse().getStatus()).isEqualTo(403);
        MvcResult theirs = postScenario(token("operator", "ucell"), Map.of("name", "ucell takes F1 away "
                + System.nanoTime(), "removeFiberRouteIds", List.of(f1)));
        assertThat(theirs.getResponse().getStatus()).as(theirs.getResponse().getContentAsString()).isEqualTo(201);
    }
}
