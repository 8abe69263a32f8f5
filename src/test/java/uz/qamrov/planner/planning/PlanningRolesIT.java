package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.JsonNode;

import uz.qamrov.support.ApiIT;

/**
 * Who may plan (docs/api.md, "Roles"): planners and admins run plans and manage every scenario; an operator plans
 * and saves scenarios for its own operator only and deletes only the scenarios it saved; nobody without a token.
 * Planning work never opens the network to planners: an upload or a cost change by a planner is still 403.
 * Fixture: {@link PlanningApiIT#seedVillages} (sites SA and SB are Ucell's).
 */
class PlanningRolesIT extends ApiIT {

    long sa;

    @BeforeEach
    void world() {
        PlanningApiIT.seedVillages(jdbc);
        sa = jdbc.queryForObject("SELECT id FROM base_stations WHERE external_id = 'SA'", Long.class);
    }

    MvcResult send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder req, String token,
            Object body) throws Exception {
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            req.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(req).andReturn();
    }

    int status(MvcResult r) {
        return r.getResponse().getStatus();
    }

    JsonNode awaitPlan(MvcResult submitted) throws Exception {
        assertThat(status(submitted)).as(submitted.getResponse().getContentAsString()).isEqualTo(202);
        String id = body(submitted).get("id").asText();
        return Awaitility.await("plan " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(mvc.perform(get("/api/v1/plans/" + id)).andReturn()),
                        p -> p.path("status").asText().equals("succeeded") || p.path("status").asText().equals("failed"));
    }

    static Map<String, Object> site(String operator) {
        return Map.of("lon", 66.5, "lat", 39.8, "operator", operator);
    }

    @Test
    void plannersRunPlansAndManageEveryScenario() throws Exception {
        String planner = token("planner", null);
        JsonNode plan = awaitPlan(send(post("/api/v1/plans"), planner, Map.of("targets",
                Map.of("settlements.mobile_internet", 100))));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        // the same answer as the admin's plan in PlanningApiIT: 4G on SB + a new site for C
        assertThat(plan.at("/result/totalCostUsd").asDouble()).isEqualTo(170_000);

        MvcResult fromPlan = send(post("/api/v1/scenarios"), planner, Map.of("name", "planner's plan",
                "planId", plan.get("id").asText()));
        assertThat(status(fromPlan)).as(fromPlan.getResponse().getContentAsString()).isEqualTo(201);
        MvcResult handMade = send(post("/api/v1/scenarios"), planner, Map.of("name", "beeline at C",
                "sites", List.of(site("beeline")), "removeSiteIds", List.of(sa)));
        assertThat(status(handMade)).as(handMade.getResponse().getContentAsString()).isEqualTo(201);
        // a scenario saved by an admin is the ministry's too: planners may delete it
        MvcResult byAdmin = send(post("/api/v1/scenarios"), ADMIN_TOKEN, Map.of("name", "admin's",
                "sites", List.of(site("mobiuz"))));
        assertThat(status(send(delete("/api/v1/scenarios/" + body(byAdmin).get("id").asLong()), planner, null)))
                .isEqualTo(204);
        assertThat(status(send(delete("/api/v1/scenarios/" + body(handMade).get("id").asLong()), planner, null)))
                .isEqualTo(204);

        // still read-only for the network, the cost model and users
        assertThat(status(upload("base-stations", planner, "s.csv", utf8("operator,site_id\n")))).isEqualTo(403);
        assertThat(status(send(put("/api/v1/planning-costs"), planner, Map.of("values",
                Map.of("fiberPerKmUsd", 1))))).isEqualTo(403);
        assertThat(status(send(post("/api/v1/users"), planner, Map.of("name", "x", "role", "admin")))).isEqualTo(403);
    }

    @Test
    void operatorsPlanForTheirOwnOperatorOnly() throws Exception {
        String ucell = token("operator", "ucell");
        JsonNode plan = awaitPlan(send(post("/api/v1/plans"), ucell, Map.of("targets",
                Map.of("settlements.mobile_internet", 100))));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        // an absent operator is the token's own: the request is stored that way and Ucell builds every proposal
        assertThat(plan.at("/request/operator").asText()).isEqualTo("ucell");
        assertThat(plan.at("/result/proposals").size()).isEqualTo(2);
        MvcResult saved = send(post("/api/v1/scenarios"), ucell, Map.of("name", "ucell's plan",
                "planId", plan.get("id").asText()));
        assertThat(status(saved)).as(saved.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT DISTINCT operator_code FROM scenario_items WHERE scenario_id = ?",
                String.class, body(saved).get("id").asLong())).containsExactly("ucell");

        assertThat(status(send(post("/api/v1/plans"), ucell, Map.of("budgetUsd", 1e6, "operator", "ucell"))))
                .isEqualTo(202);
        MvcResult other = send(post("/api/v1/plans"), ucell, Map.of("budgetUsd", 1e6, "operator", "beeline"));
        assertThat(status(other)).isEqualTo(403);
        assertThat(body(other).get("detail").asText()).contains("ucell");
        assertThat(status(send(post("/api/v1/plans"), null, Map.of("budgetUsd", 1e6)))).isEqualTo(401);
    }

    @Test
    void operatorsSaveScenariosOfTheirOwnNetworkAndDeleteOnlyTheirs() throws Exception {
        String ucell = token("operator", "ucell");
        String beeline = token("operator", "beeline");
        MvcResult own = send(post("/api/v1/scenarios"), ucell, Map.of("name", "ucell at C",
                "sites", List.of(site("ucell")), "removeSiteIds", List.of(sa)));
        assertThat(status(own)).as(own.getResponse().getContentAsString()).isEqualTo(201);
        long ownId = body(own).get("id").asLong();
        // Beeline may not add Ucell's sites nor take Ucell's site SA off the air
        assertThat(status(send(post("/api/v1/scenarios"), beeline, Map.of("name", "x",
                "sites", List.of(site("ucell")))))).isEqualTo(403);
        assertThat(status(send(post("/api/v1/scenarios"), beeline, Map.of("name", "x",
                "removeSiteIds", List.of(sa))))).isEqualTo(403);
        assertThat(status(send(post("/api/v1/scenarios"), beeline, Map.of("name", "beeline at C",
                "sites", List.of(site("beeline")))))).isEqualTo(201);
        // only its author (or a planner, or an admin) deletes a scenario
        assertThat(status(send(delete("/api/v1/scenarios/" + ownId), beeline, null))).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM scenarios WHERE id = ?", ownId)).isEqualTo(1);
        assertThat(status(send(delete("/api/v1/scenarios/" + ownId), ucell, null))).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM scenarios WHERE id = ?", ownId)).isZero();
    }
}
