package uz.qamrov.planner.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.util.ArrayList;
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
 * Plans through the API on a real PostGIS, coverage computed by the real service. Three villages in Samarqand:
 *
 * <pre>
 *   C (66.50, 39.80) pop 800   — no site; 38 km from fiber, 24 km from site SB
 *   B (66.70, 39.65) pop 2000  — site SB, 2G only (900 MHz, 2 km)
 *   A (66.90, 39.65) pop 5000  — site SA, 4G (3 km) and distribution fiber to (66.92, 39.65)
 * </pre>
 * Cheapest way to give every village mobile internet, on paper: 4G on SB (25,000 USD) for B; for C only a new site
 * reaches it: 120,000 + one 30 km microwave hop to SB (24 km) 25,000 = 145,000. Total 170,000.
 */
class PlanningApiIT extends ApiIT {

    long idC;

    @BeforeEach
    void world() {
        seedVillages(jdbc);
        idC = jdbc.queryForObject("SELECT id FROM settlements WHERE external_id = 'C'", Long.class);
    }

    /** The three villages, two sites and one cable of the class comment (once per database). */
    static void seedVillages(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        uz.qamrov.support.ThreeVillages.seed(jdbc);
    }

    MvcResult postPlan(String token, Object body) throws Exception {
        var req = post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(req).andReturn();
    }

    JsonNode runPlan(Object body) throws Exception {
        MvcResult r = postPlan(ADMIN_TOKEN, body);
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(202);
        String id = body(r).get("id").asText();
        assertThat(r.getResponse().getHeader("Location")).isEqualTo("/api/v1/plans/" + id);
        return Awaitility.await("plan " + id).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> body(mvc.perform(get("/api/v1/plans/" + id)).andReturn()),
                        p -> p.path("status").asText().equals("succeeded") || p.path("status").asText().equals("failed"));
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void cheapestPlanForEveryVillageIsPricedRankedAndConfirmedByTheEngine() throws Exception {
        JsonNode plan = runPlan(Map.of("targets", Map.of("settlements.mobile_internet", 100)));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        assertThat(plan.at("/progress/percent").asInt()).isEqualTo(100);
        JsonNode result = plan.get("result");
        JsonNode proposals = result.get("proposals");
        assertThat(texts(proposals, "type")).containsExactly("upgrade_to_4g", "new_site");
        assertThat(proposals.get(0).get("costUsd").asDouble()).isEqualTo(25_000);
        assertThat(proposals.get(1).get("costUsd").asDouble()).isEqualTo(145_000);
        assertThat(proposals.get(1).at("/backhaul/kind").asText()).isEqualTo("microwave");
        assertThat(proposals.get(1).get("lon").asDouble()).isCloseTo(66.50, within(1e-9));
        assertThat(result.get("totalCostUsd").asDouble()).isEqualTo(170_000);
        assertThat(result.get("targetsMet").asBoolean()).isTrue();
        // cost curve: cumulative cost and settlements gained after each proposal
        JsonNode curve = result.get("costCurve");
        assertThat(curve.get(0).get("cumulativeCostUsd").asDouble()).isEqualTo(25_000);
        assertThat(curve.get(1).get("cumulativeCostUsd").asDouble()).isEqualTo(170_000);
        assertThat(curve.get(1).get("settlements.mobile_internet").asDouble()).isEqualTo(2);
        // the engine what-if on a detached model: 1 of 3 villages today, all 3 with the plan
        JsonNode pct = null;
        for (JsonNode row : result.get("projectedIndicators")) {
            if (row.get("key").asText().equals("settlements.mobile_internet.pct") && row.get("scope").asText().equals("UZ")) {
                pct = row;
            }
        }
        assertThat(pct).isNotNull();
        assertThat(pct.get("before").asDouble()).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(pct.get("after").asDouble()).isCloseTo(100.0, within(1e-6));
        // and the live network is untouched: today's indicator still says one in three
        JsonNode live = body(mvc.perform(get("/api/v1/indicators")).andReturn());
        assertThat(live.toString()).contains("settlements.mobile_internet.pct");
        assertThat(count("SELECT count(*) FROM base_stations")).isEqualTo(2);
        // GeoJSON of the proposals, lon/lat order
        JsonNode fc = body(mvc.perform(get("/api/v1/plans/" + plan.get("id").asText() + "/proposals.geojson")).andReturn());
        assertThat(fc.get("features")).hasSize(2);
        assertThat(fc.at("/features/1/geometry/coordinates/0").asDouble()).isCloseTo(66.50, within(1e-6));
        assertThat(fc.at("/features/1/properties/type").asText()).isEqualTo("new_site");
    }

    @Test
    void anUnreachableGoalIsAnsweredWithWhatCannotBeClosedAndWhy() throws Exception {
        // fixed broadband: B is 17 km from the distribution cable (an extension), C is 38 km (beyond the 30 km limit)
        JsonNode plan = runPlan(Map.of("targets", Map.of("households.fixed_broadband", 100)));
        assertThat(plan.path("status").asText()).isEqualTo("succeeded");
        JsonNode result = plan.get("result");
        assertThat(texts(result.get("proposals"), "ref")).containsExactly("fiber:settlement:"
                + jdbc.queryForObject("SELECT id FROM settlements WHERE external_id = 'B'", Long.class));
        assertThat(result.get("targetsMet").asBoolean()).isFalse();
        JsonNode sf = result.get("shortfalls").get(0);
        assertThat(sf.get("goal").asText()).isEqualTo("households.fixed_broadband");
        assertThat(sf.get("uncoverable").asDouble()).isEqualTo(160);
        assertThat(texts(sf.get("uncoverableRefs"), "")).hasSize(1);
        assertThat(sf.get("uncoverableRefs").get(0).asText()).isEqualTo("fixed:" + idC);
        assertThat(sf.get("reason").asText()).contains("no candidate covers");
        // a plan of fiber extensions only saves as a scenario too (its cable carries the step's cost)
        MvcResult saved = postScenario(Map.of("name", "fiber to B " + System.nanoTime(), "planId", plan.get("id").asText()));
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(saved).get("costUsd").asDouble()).isCloseTo(result.get("totalCostUsd").asDouble(), within(1.0));
    }

    /** A plan for one region proposes only there: the villages are all in Samarqand, none in Tashkent region. */
    @Test
    void aPlanForARegionProposesOnlyInIt() throws Exception {
        JsonNode samarqand = runPlan(Map.of("targets", Map.of("settlements.mobile_internet", 100), "region", "UZ-SA"))
                .get("result");
        assertThat(texts(samarqand.get("proposals"), "type")).containsExactly("upgrade_to_4g", "new_site");
        assertThat(samarqand.get("totalCostUsd").asDouble()).isEqualTo(170_000);
        JsonNode tashkent = runPlan(Map.of("targets", Map.of("settlements.mobile_internet", 100), "region", "UZ-TO"))
                .get("result");
        assertThat(tashkent.get("proposals")).isEmpty();
        assertThat(tashkent.get("totalCostUsd").asDouble()).isZero();
    }

    /**
     * Every roadmap target at once ({@code allTargets}): the mobile goals take the two proposals of the village plan
     * (170,000 USD, worked out in the class comment), fixed broadband takes the extension to B of the plan above and
     * cannot reach C. The two sets of candidates share nothing, so the joint plan is both, at the sum of their costs,
     * and its one shortfall is C's households.
     */
    @Test
    void everyTargetAtOnceIsBothPlansWithTheOnlyShortfallNamed() throws Exception {
        JsonNode fixedOnly = runPlan(Map.of("targets", Map.of("households.fixed_broadband", 100))).get("result");
        JsonNode plan = runPlan(Map.of("allTargets", true));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        JsonNode result = plan.get("result");
        assertThat(texts(result.get("goals"), "goal")).contains("settlements.mobile_internet", "population.mobile_internet",
                "households.fixed_broadband");
        assertThat(texts(result.get("proposals"), "type")).containsExactlyInAnyOrder("upgrade_to_4g", "new_site",
                fixedOnly.at("/proposals/0/type").asText());
        assertThat(result.get("totalCostUsd").asDouble())
                .isCloseTo(170_000 + fixedOnly.get("totalCostUsd").asDouble(), within(1e-6));
        assertThat(result.get("targetsMet").asBoolean()).isFalse();
        assertThat(texts(result.get("shortfalls"), "goal")).containsExactly("households.fixed_broadband");
        assertThat(result.at("/shortfalls/0/uncoverableRefs/0").asText()).isEqualTo("fixed:" + idC);
        // the engine's what-if of the whole plan: every village with mobile internet
        boolean found = false;
        for (JsonNode row : result.get("projectedIndicators")) {
            if (row.get("key").asText().equals("settlements.mobile_internet.pct") && row.get("scope").asText().equals("UZ")) {
                assertThat(row.get("after").asDouble()).isCloseTo(100.0, within(1e-6));
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    /**
     * The shared tree reaches C through B although C is 38 km from the cable (beyond the 30 km of one extension):
     * fiber (66.90) – B 0.2° of longitude at 39.65°N = 17.167 km, B – C hypot(17.167, 0.15° of latitude = 16.654)
     * = 23.918 km; × 1.3 = 53.41 km of route. Households with fixed broadband 1000 of 1560 → all 1560.
     */
    @Test
    void theFiberTreeReachesCThroughBAndTheEngineConfirmsIt() throws Exception {
        JsonNode plan = runPlan(Map.of("mode", "fiber-tree", "region", "UZ-SA"));
        assertThat(plan.path("status").asText()).as(plan.toString()).isEqualTo("succeeded");
        JsonNode result = plan.get("result");
        long idB = jdbc.queryForObject("SELECT id FROM settlements WHERE external_id = 'B'", Long.class);
        assertThat(texts(result.get("proposals"), "from")).containsExactly("fiber", "settlement:" + idB);
        assertThat(result.at("/proposals/1/settlementId").asLong()).isEqualTo(idC);
        assertThat(result.get("totalRouteKm").asDouble()).isCloseTo(1.3 * (17.167 + 23.918), within(0.1));
        assertThat(result.at("/unreachable/settlements").asInt()).isZero();
        assertThat(result.at("/regions/0/region").asText()).isEqualTo("UZ-SA");
        assertThat(result.at("/regions/0/households").asInt()).isEqualTo(560);
        List<JsonNode> fixed = new ArrayList<>();
        result.get("projectedIndicators").forEach(row -> {
            if (row.get("key").asText().equals("households.fixed_broadband.pct") && row.get("scope").asText().equals("UZ")) {
                fixed.add(row);
            }
        });
        assertThat(fixed).hasSize(1);
        assertThat(fixed.get(0).get("before").asDouble()).isCloseTo(100.0 * 1000 / 1560, within(1e-6));
        assertThat(fixed.get(0).get("after").asDouble()).isCloseTo(100.0, within(1e-6));
        JsonNode fc = body(mvc.perform(get("/api/v1/plans/" + plan.get("id").asText() + "/proposals.geojson")).andReturn());
        assertThat(fc.at("/features/0/geometry/type").asText()).isEqualTo("LineString");
        assertThat(fc.at("/features/0/geometry/coordinates/0/0").asDouble()).isCloseTo(66.90, within(1e-6));
        assertField(Map.of("mode", "fiber-tree", "budgetUsd", 1e6), "mode");
        assertField(Map.of("mode", "steiner"), "mode");

        // the tree saved as a scenario: its two cables (each with the link's cost) and two nodes, compared by the
        // engine like any scenario — every household passed
        MvcResult saved = postScenario(Map.of("name", "fiber tree " + System.nanoTime(), "planId", plan.get("id").asText()));
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(201);
        long scenario = body(saved).get("id").asLong();
        assertThat(body(saved).get("items").asInt()).isEqualTo(4);
        assertThat(body(saved).get("costUsd").asDouble()).isCloseTo(result.get("totalCostUsd").asDouble(), within(1.0));
        JsonNode fixedBroadband = row(compare(String.valueOf(scenario)), "households.fixed_broadband.pct");
        assertThat(fixedBroadband.get("baseline").asDouble()).isCloseTo(100.0 * 1000 / 1560, within(1e-6));
        assertThat(fixedBroadband.at("/scenarios/" + scenario).asDouble()).isCloseTo(100.0, within(1e-6));
    }

    @Test
    void invalidRequestsAre400NamingTheField() throws Exception {
        assertField(Map.of("budgetUsd", -1), "budgetUsd");
        assertField(Map.of("budgetUsd", 1000, "targets", Map.of("settlements.mobile_internet", 50)), "budgetUsd");
        assertField(Map.of(), "budgetUsd");
        assertField(Map.of("budgetUsd", 1e6, "costs", Map.of("fiberPerKmUsd", -5)), "costs.fiberPerKmUsd");
        assertField(Map.of("budgetUsd", 1e6, "costs", Map.of("nonsenseUsd", 5)), "costs.nonsenseUsd");
        assertField(Map.of("targets", Map.of("nonsense", 50)), "targets.nonsense");
        assertField(Map.of("targets", Map.of("settlements.mobile_internet", 150)), "targets.settlements.mobile_internet");
        assertField(Map.of("budgetUsd", 1e6, "region", "UZ-XX"), "region");
        assertField(Map.of("budgetUsd", 1e6, "asOf", "yesterday"), "asOf");
        // who may plan: PlanningRolesIT
        assertThat(postPlan(null, Map.of("budgetUsd", 1e6)).getResponse().getStatus()).isEqualTo(401);
    }

    void assertField(Object body, String field) throws Exception {
        MvcResult r = postPlan(ADMIN_TOKEN, body);
        assertThat(r.getResponse().getStatus()).as(body.toString()).isEqualTo(400);
        assertThat(body(r).get("field").asText()).as(body.toString()).isEqualTo(field);
    }

    @Test
    void adminsEditTheCostModelAndPlansUseIt() throws Exception {
        JsonNode costs = body(mvc.perform(get("/api/v1/planning-costs")).andReturn());
        assertThat(costs.get("costs")).hasSize(14);
        assertThat(texts(costs.get("costs"), "key")).contains("fiberPerKmUsd", "microwaveHopUsd", "upgrade3gTo4gUsd");
        try {
            MvcResult ok = mvc.perform(put("/api/v1/planning-costs").header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"values\": {\"upgrade3gTo4gUsd\": 30000}, \"source\": \"tender 2026\"}")).andReturn();
            assertThat(ok.getResponse().getStatus()).isEqualTo(200);
            MvcResult mult = mvc.perform(put("/api/v1/planning-costs/regions/UZ-SA")
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"multiplier\": 1.5, \"note\": \"mountain works\"}")).andReturn();
            assertThat(mult.getResponse().getStatus()).isEqualTo(200);
            MvcResult bad = mvc.perform(put("/api/v1/planning-costs").header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"values\": {\"fiberRouteFactor\": 0.5}}")).andReturn();
            assertThat(bad.getResponse().getStatus()).isEqualTo(400);
            assertThat(body(bad).get("field").asText()).isEqualTo("fiberRouteFactor");
            MvcResult operator = mvc.perform(put("/api/v1/planning-costs")
                    .header("Authorization", "Bearer " + token("operator", "ucell")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"values\": {\"fiberPerKmUsd\": 1}}")).andReturn();
            assertThat(operator.getResponse().getStatus()).isEqualTo(403);
            // budget 50,000: only the upgrade fits, now 30,000 × 1.5
            JsonNode plan = runPlan(Map.of("budgetUsd", 50_000));
            JsonNode proposals = plan.at("/result/proposals");
            assertThat(texts(proposals, "type")).containsExactly("upgrade_to_4g");
            assertThat(proposals.get(0).get("costUsd").asDouble()).isEqualTo(45_000);
            // a per-plan override beats the stored value
            JsonNode cheaper = runPlan(Map.of("budgetUsd", 50_000, "costs", Map.of("upgrade3gTo4gUsd", 10_000)));
            assertThat(cheaper.at("/result/proposals/0/costUsd").asDouble()).isEqualTo(15_000);
        } finally {
            jdbc.update("UPDATE planning_costs SET value = 25000 WHERE key = 'upgrade3gTo4gUsd'");
            jdbc.update("DELETE FROM planning_cost_regions");
        }
    }

    // ------------------------------------------------------------------ scenarios

    JsonNode compare(String ids) throws Exception {
        MvcResult r = mvc.perform(get("/api/v1/scenarios/compare").param("ids", ids)).andReturn();
        assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
        return body(r);
    }

    static JsonNode row(JsonNode cmp, String key) {
        for (JsonNode r : cmp.get("indicators")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no " + key + " in " + cmp);
    }

    MvcResult postScenario(Object body) throws Exception {
        return mvc.perform(post("/api/v1/scenarios").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
    }

    @Test
    void aPlanSavedAsAScenarioComparesSideBySideWithAHandMadeOneAndExports() throws Exception {
        JsonNode plan = runPlan(Map.of("targets", Map.of("settlements.mobile_internet", 100)));
        MvcResult saved = postScenario(Map.of("name", "every village " + System.nanoTime(), "planId",
                plan.get("id").asText()));
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(201);
        long planScenario = body(saved).get("id").asLong();
        // one new site (1 site + 3 sectors) and the 4G cell beside SB's one 2G cell; the plan's cost travels along
        assertThat(body(saved).get("items").asInt()).isEqualTo(5);
        assertThat(body(saved).get("costUsd").asDouble()).isEqualTo(170_000);
        // hand-made: take site SA (the only 4G, serving A) off the air
        long sa = jdbc.queryForObject("SELECT id FROM base_stations WHERE external_id = 'SA'", Long.class);
        MvcResult removal = postScenario(Map.of("name", "without SA " + System.nanoTime(), "removeSiteIds", List.of(sa)));
        assertThat(removal.getResponse().getStatus()).as(removal.getResponse().getContentAsString()).isEqualTo(201);
        long removalScenario = body(removal).get("id").asLong();

        JsonNode cmp = compare(planScenario + "," + removalScenario);
        JsonNode mi = row(cmp, "settlements.mobile_internet.pct");
        assertThat(mi.get("baseline").asDouble()).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(mi.at("/scenarios/" + planScenario).asDouble()).isCloseTo(100.0, within(1e-6));
        assertThat(mi.at("/scenarios/" + removalScenario).asDouble()).isCloseTo(0.0, within(1e-6));
        // the what-if copy is restored after each scenario: the same comparison again gives the same numbers
        JsonNode again = compare(removalScenario + "," + planScenario);
        assertThat(row(again, "settlements.mobile_internet.pct").get("baseline").asDouble()).isCloseTo(100.0 / 3, within(1e-6));
        assertThat(row(again, "settlements.mobile_internet.pct").at("/scenarios/" + planScenario).asDouble())
                .isCloseTo(100.0, within(1e-6));
        assertThat(count("SELECT count(*) FROM cells")).isEqualTo(2);

        JsonNode fc = body(mvc.perform(get("/api/v1/scenarios/" + planScenario + "/items.geojson")).andReturn());
        assertThat(fc.get("features")).hasSize(5);
        assertThat(texts(fc.get("features"), "type")).containsOnly("Feature");
        String csv = mvc.perform(get("/api/v1/scenarios/" + planScenario + "/items.csv")).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv.lines()).hasSize(6).first().isEqualTo("action,kind,ref,operator,cost_usd,wkt");
        assertGeoPackage(planScenario, removalScenario, sa);
        // the upload file in our base-stations format: SB's new cell under SB's own id; our dry run accepts it
        MvcResult noOperator = mvc.perform(get("/api/v1/scenarios/" + planScenario + "/upload.geojson")).andReturn();
        assertThat(noOperator.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noOperator).get("field").asText()).isEqualTo("operator");
        JsonNode upload = body(mvc.perform(get("/api/v1/scenarios/" + planScenario + "/upload.geojson")
                .param("operator", "ucell")).andReturn());
        List<String> siteIds = new ArrayList<>();
        upload.get("features").forEach(f -> siteIds.add(f.at("/properties/site_id").asText()));
        assertThat(siteIds).hasSize(4).contains("SB");
        JsonNode job = importFile("base-stations", ADMIN_TOKEN, "scenario.geojson",
                json.writeValueAsBytes(upload), "dryRun", "true", "operator", "ucell");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(count("SELECT count(*) FROM base_stations")).isEqualTo(2);
    }

    /** The GeoPackage export read back by an independent reader (mil.nga.geopackage, as the import uses). */
    void assertGeoPackage(long planScenario, long removalScenario, long sa) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("scenario", ".gpkg");
        try {
            MvcResult started = mvc.perform(get("/api/v1/scenarios/" + planScenario + "/items.gpkg")).andReturn();
            MvcResult done = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .asyncDispatch(started)).andReturn();
            assertThat(done.getResponse().getStatus()).isEqualTo(200);
            java.nio.file.Files.write(file, done.getResponse().getContentAsByteArray());
            try (mil.nga.geopackage.GeoPackage gp = mil.nga.geopackage.GeoPackageManager.open(file.toFile(), false)) {
                assertThat(gp.getFeatureTables()).containsExactlyInAnyOrder("scenario_points", "scenario_lines");
                var points = gp.getFeatureDao("scenario_points");
                assertThat(points.count()).isEqualTo(5); // the new site, its 3 sectors, SB's 4G cell
                assertThat(gp.getFeatureDao("scenario_lines").count()).isZero();
                List<Double> lons = new ArrayList<>();
                var rs = points.queryForAll();
                try {
                    while (rs.moveToNext()) {
                        var g = (mil.nga.sf.Point) rs.getRow().getGeometry().getGeometry();
                        lons.add(g.getX());
                    }
                } finally {
                    rs.close();
                }
                assertThat(lons).contains(66.50, 66.70);
            }
            MvcResult s2 = mvc.perform(get("/api/v1/scenarios/" + removalScenario + "/items.gpkg")).andReturn();
            java.nio.file.Files.write(file, mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .asyncDispatch(s2)).andReturn().getResponse().getContentAsByteArray());
            try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    var rs = db.createStatement().executeQuery("SELECT value FROM export_info WHERE key = 'removed'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("site:" + sa);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void badScenariosAre400NamingTheField() throws Exception {
        MvcResult noName = postScenario(Map.of("removeSiteIds", List.of(1)));
        assertThat(noName.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noName).get("field").asText()).isEqualTo("name");
        MvcResult badLon = postScenario(Map.of("name", "x", "sites", List.of(Map.of("lon", 10, "lat", 40, "operator", "ucell"))));
        assertThat(badLon.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(badLon).get("field").asText()).isEqualTo("sites[0].lon");
        assertThat(mvc.perform(get("/api/v1/scenarios/compare").param("ids", "999999")).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }
}
