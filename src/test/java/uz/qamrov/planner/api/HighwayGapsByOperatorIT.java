package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.planner.coverage.CoverageUpdater;
import uz.qamrov.planner.coverage.NetworkChange;
import uz.qamrov.support.PostgisIT;

/**
 * Highway gaps per operator, through the real coverage service, on a road computed on paper:
 *
 * <pre>
 *   H1 along 39.5° N from 66.1° E to 66.9° E: 0.8° × 86.01 km/° (WGS84 prime-vertical radius at 39.5°) = 68.81 km
 *   km 0 ──────[ A: op_a, 4G omni 10 km at km 17.20 ]──────[ B: op_b, 4G omni 10 km at km 51.61 ]────── km 68.81
 *              7.20 ─────────────────── 27.20        41.61 ─────────────────── 61.61
 * </pre>
 * Uncovered by any operator: 68.81 − 2 × 20 = 28.81 km in three gaps; by op_a alone: 48.81 km (B does not count).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the discs above are worked over flat earth; the road lies in the Zarafshan valley, where the default terrain
// model shortens site A's western radials by ~1 km (a terrain paper case is TerrainFootprintTest's job)
@org.springframework.test.context.TestPropertySource(properties = "qamrov.terrain.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HighwayGapsByOperatorIT extends PostgisIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CoverageUpdater updater;

    @BeforeAll
    void road() {
        jdbc.update("""
                INSERT INTO regions (code, name_uz_latn, name_uz_cyrl, name_ru, name_en, population, geom, source) VALUES
                ('UZ-SA', 'Samarqand viloyati', 'Самарқанд вилояти', 'Самаркандская область', 'Samarkand Region', 1,
                 ST_GeomFromText('MULTIPOLYGON(((66 39,67 39,67 40,66 40,66 39)))', 4326), 'test')""");
        jdbc.update("""
                INSERT INTO highways (ref, road_class, name_uz_latn, geom, source)
                VALUES ('H1', 'international', 'H1', ST_GeomFromText('LINESTRING(66.1 39.5, 66.9 39.5)', 4326), 'test')""");
        // op_c: registered, no site (anOperatorWithoutCellsBeforeADateIsUncoveredOnTheWholeRoad)
        jdbc.update("INSERT INTO operators (code, name) VALUES ('op_a', 'A'), ('op_b', 'B'), ('op_c', 'C')");
        site("op_a", 66.3);
        site("op_b", 66.7);
    }

    private long site(String operator, double lon) {
        return site(operator, lon, "active", "2020-01-01");
    }

    private long site(String operator, double lon, String status, String commissionedOn) {
        long id = jdbc.queryForObject("""
                INSERT INTO base_stations (operator_code, external_id, geom, status, commissioned_on, source)
                VALUES (?, 'S', ST_SetSRID(ST_MakePoint(?, 39.5), 4326), ?, CAST(? AS date), 'test') RETURNING id""",
                Long.class, operator, lon, status, commissionedOn);
        jdbc.update("""
                INSERT INTO cells (base_station_id, external_id, technology, band_mhz, antenna_height_m, range_m)
                VALUES (?, 'c', '4G', 800, 30, 10000)""", id);
        return id;
    }

    private List<double[]> gaps(String operator) throws Exception {
        return stretches(page(operator));
    }

    private JsonNode page(String operator) throws Exception {
        return get("/api/v1/gaps/highways?service=high_speed_mobile&asOf=2025-01-01&sort=from_km"
                + (operator == null ? "" : "&operator=" + operator));
    }

    /** The gaps of the run that replaced the one outdated by a change (a stale run answers meanwhile). */
    private List<double[]> freshGaps(String operator) throws Exception {
        return stretches(await().atMost(Duration.ofSeconds(60)).until(() -> page(operator),
                p -> !p.path("stale").asBoolean()));
    }

    private static List<double[]> stretches(JsonNode page) {
        JsonNode items = page.get("items");
        List<double[]> out = new ArrayList<>();
        items.forEach(i -> out.add(new double[] {i.get("from_km").asDouble(), i.get("to_km").asDouble()}));
        return out;
    }

    private JsonNode get(String url) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Terrain off: the stored run says it was measured over flat earth (issue #11: the run's metadata says so). */
    @Test
    void theRunSaysItWasMeasuredOverFlatEarth() throws Exception {
        gaps(null); // stores the run of the date
        List<String> terrain = new ArrayList<>();
        get("/api/v1/coverage/status").get("runs").forEach(r -> {
            if (r.get("asOf").asText().equals("2025-01-01") && r.get("status").asText().equals("succeeded")) {
                terrain.add(r.get("terrain").asText());
            }
        });
        assertThat(terrain).isNotEmpty().containsOnly("flat-earth");
    }

    @Test
    void anyOperatorLeavesThreeGaps() throws Exception {
        List<double[]> g = gaps(null);
        assertThat(g).hasSize(3);
        assertThat(g.get(0)[1]).isCloseTo(7.20, within(0.05));
        assertThat(g.get(1)[0]).isCloseTo(27.20, within(0.05));
        assertThat(g.get(1)[1]).isCloseTo(41.61, within(0.05));
        assertThat(g.get(2)[0]).isCloseTo(61.61, within(0.05));
        assertThat(g.get(2)[1]).isCloseTo(68.81, within(0.05));
        assertThat(g.stream().mapToDouble(x -> x[1] - x[0]).sum()).isCloseTo(28.81, within(0.1));
    }

    @Test
    void oneOperatorAloneLeavesTheOtherOperatorsStretchUncovered() throws Exception {
        List<double[]> a = gaps("op_a");
        assertThat(a).hasSize(2);
        assertThat(a.get(1)[0]).isCloseTo(27.20, within(0.05));
        assertThat(a.get(1)[1]).isCloseTo(68.81, within(0.05));
        assertThat(a.stream().mapToDouble(x -> x[1] - x[0]).sum()).isCloseTo(48.81, within(0.1));
        List<double[]> b = gaps("op_b");
        assertThat(b.get(0)[1]).isCloseTo(41.61, within(0.05));
    }

    /**
     * Issue #10, found by CoverageConsistencyIT with seed 324815631: the first site of a new operator, planned for
     * 2030, changes no coverage before 2030, and op_c covers none of the road in 2025: one gap, 0–68.81 km. That is
     * its answer before its first site, with the site, and after the site is gone. Before, a run held the stretches
     * of the operators with cells only: op_c's list was empty (as if it covered the whole road) before and after its
     * site; with the site, the run of 2025 stored before the upload stayed current (the change took effect in 2030)
     * and its list was empty too, where a rebuild's run listed the whole road.
     */
    @Test
    void anOperatorWithoutCellsBeforeADateIsUncoveredOnTheWholeRoad() throws Exception {
        assertWholeRoad(gaps("op_c"), "op_c without any site");
        long planned = site("op_c", 66.5, "planned", "2030-01-01");
        try {
            updater.onNetworkChanged(new NetworkChange(java.util.Set.of(planned), java.util.Set.of(), java.util.Set.of(), false));
            assertWholeRoad(freshGaps("op_c"), "op_c with a site planned for 2030");
            assertThat(gaps(null)).as("the other answers stay").hasSize(3);
        } finally {
            jdbc.update("DELETE FROM base_stations WHERE id = ?", planned);
            updater.onNetworkChanged(new NetworkChange(java.util.Set.of(planned), java.util.Set.of(), java.util.Set.of(), false));
        }
        assertWholeRoad(freshGaps("op_c"), "op_c without any site");
        assertThat(freshGaps("op_a")).hasSize(2);
    }

    private static void assertWholeRoad(List<double[]> gaps, String who) {
        assertThat(gaps).as(who + " covers nothing in 2025: one gap, the whole road").hasSize(1);
        assertThat(gaps.get(0)[0]).isCloseTo(0, within(0.01));
        assertThat(gaps.get(0)[1]).isCloseTo(68.81, within(0.05));
    }

    @Test
    void aMisspeltOperatorIsA400NotAnEmptyList() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/v1/gaps/highways?asOf=2025-01-01&operator=op_z")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("op_z");
    }
}
