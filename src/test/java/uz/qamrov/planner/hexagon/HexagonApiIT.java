package uz.qamrov.planner.hexagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.uber.h3core.H3Core;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.support.ApiIT;

/**
 * The hexagon view against two independent answers: sums worked by hand from the settlements' populations and their
 * coverage on paper, grouped by the H3 cell the library gives each point; and a plain SQL GROUP BY over the stored
 * results of the run the response names. The paper is worked on hard sector wedges over flat earth, so the service is
 * configured with them ({@code qamrov.terrain.sector-wedges=true}; with the default antenna patterns beeline's back
 * lobe would also reach Shimol and Yaqin, 400–600 m behind its sector):
 *
 * <pre>
 * site A (69.3, 41.2), UZ-TO: ucell's 4G 1800 MHz sector pointing north (0°, 65°), antenna 28 m, and beeline's
 *   on the same mast pointing south (180°, 65°)
 *   Shimol   400 m north of A, 1,200 people   on ucell's boresight: covered by ucell
 *   Yaqin    600 m north of A,   300 people   on ucell's boresight: covered by ucell
 *   Orqa     800 m south of A, 2,000 people   behind ucell's wedge, on beeline's boresight: covered by beeline
 *   Olis     (68.9, 40.9), 47 km from A, 500 people: no site within 20 km, not covered
 *   Boshqa   (66.9, 39.65) in UZ-SA, 700 people: no site, not covered (left out of region=UZ-TO)
 * </pre>
 */
@org.springframework.test.context.TestPropertySource(properties = "qamrov.terrain.sector-wedges=true")
class HexagonApiIT extends ApiIT {

    static final double[] A = {69.3, 41.2};

    /** name → lon, lat, population, the operators covering it on paper (a Set), region. */
    static final Map<String, Object[]> VILLAGES = new LinkedHashMap<>();

    private static boolean loaded;
    private static H3Core h3;

    @BeforeEach
    void uploadOnce() throws Exception {
        if (loaded) {
            return;
        }
        h3 = H3Core.newInstance();
        village("Shimol", LocalMetric.destination(A[0], A[1], 0, 400), 1200, java.util.Set.of("ucell"), "UZ-TO");
        village("Yaqin", LocalMetric.destination(A[0], A[1], 0, 600), 300, java.util.Set.of("ucell"), "UZ-TO");
        village("Orqa", LocalMetric.destination(A[0], A[1], 180, 800), 2000, java.util.Set.of("beeline"), "UZ-TO");
        village("Olis", new double[] {68.9, 40.9}, 500, java.util.Set.of(), "UZ-TO");
        village("Boshqa", new double[] {66.9, 39.65}, 700, java.util.Set.of(), "UZ-SA");
        String csv = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,technology,band_mhz,"
                + "azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
                + String.format(Locale.ROOT, "ucell,A,1,%.6f,%.6f,30,active,2020-01-01,,4G,1800,0,65,,28,,%n", A[0], A[1]);
        JsonNode job = importFile("base-stations", token("operator", "ucell"), "sites.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        String beeline = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,technology,"
                + "band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n"
                + String.format(Locale.ROOT, "beeline,B,1,%.6f,%.6f,30,active,2020-01-01,,4G,1800,180,65,,28,,%n", A[0], A[1]);
        job = importFile("base-stations", token("operator", "beeline"), "sites.csv", utf8(beeline));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        loaded = true;
    }

    private void village(String name, double[] p, int population, java.util.Set<String> coveredBy, String region) {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES (?, ?, 'village', ?, 100, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'test')""",
                name, name, population, region, p[0], p[1]);
        VILLAGES.put(name, new Object[] {p[0], p[1], population, coveredBy, region});
    }

    private JsonNode read(String path) throws Exception {
        MockHttpServletResponse r = response(path);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        assertThat(r.getContentType()).startsWith("application/geo+json");
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse response(String path) throws Exception {
        // the hexagons stream their body (an async request under MockMvc)
        var started = mvc.perform(get(path)).andReturn();
        return started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
    }

    private static String cellOf(String name, int resolution) {
        Object[] v = VILLAGES.get(name);
        return h3.latLngToCellAddress((double) v[1], (double) v[0], resolution);
    }

    /** h3 → {population, covered population, settlements} worked by hand from the paper coverage of the villages. */
    private static Map<String, long[]> byHand(int resolution, String region) {
        return byHand(resolution, region, null);
    }

    /** The same, covered by one operator ({@code null}: by any). */
    @SuppressWarnings("unchecked")
    private static Map<String, long[]> byHand(int resolution, String region, String operator) {
        Map<String, long[]> out = new TreeMap<>();
        VILLAGES.forEach((name, v) -> {
            if (region != null && !region.equals(v[4])) {
                return;
            }
            long[] sums = out.computeIfAbsent(cellOf(name, resolution), k -> new long[3]);
            sums[0] += (int) v[2];
            java.util.Set<String> by = (java.util.Set<String>) v[3];
            sums[1] += (operator == null ? !by.isEmpty() : by.contains(operator)) ? (int) v[2] : 0;
            sums[2]++;
        });
        return out;
    }

    private static Map<String, long[]> served(JsonNode fc) {
        Map<String, long[]> out = new TreeMap<>();
        fc.get("features").forEach(f -> out.put(f.get("id").asText(), new long[] {f.at("/properties/population").asLong(),
            f.at("/properties/population_covered").asLong(), f.at("/properties/settlements").asLong()}));
        return out;
    }

    @Test
    void nationalCellsAtResolution7SumTheSettlementsOfEachCell() throws Exception {
        // the paper coverage first: the gap list of the same date names exactly the three uncovered villages
        JsonNode gaps = json.readTree(response("/api/v1/gaps/settlements?service=mobile_internet").getContentAsString(StandardCharsets.UTF_8));
        List<String> uncovered = new java.util.ArrayList<>();
        gaps.get("items").forEach(i -> uncovered.add(i.get("name_uz_latn").asText()));
        assertThat(uncovered).containsExactlyInAnyOrder("Olis", "Boshqa");

        JsonNode fc = read("/api/v1/hexagons?service=mobile_internet");
        assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.get("resolution").asInt()).isEqualTo(7);
        assertThat(fc.get("coverage_run").asLong()).isEqualTo(gaps.get("coverage_run").asLong());
        assertThat(served(fc)).usingRecursiveComparison().isEqualTo(byHand(7, null));
        assertThat(fc.get("population").asLong()).isEqualTo(1200 + 300 + 2000 + 500 + 700);
        assertThat(fc.get("population_covered").asLong()).isEqualTo(1200 + 300 + 2000);
        // every cell is a resolution-7 cell, and the covered share is people covered / people, in percent
        fc.get("features").forEach(f -> {
            assertThat(h3.getResolution(f.get("id").asText())).isEqualTo(7);
            long pop = f.at("/properties/population").asLong();
            long cov = f.at("/properties/population_covered").asLong();
            assertThat(f.at("/properties/covered_pct").asDouble()).isCloseTo(100.0 * cov / pop, org.assertj.core.api.Assertions.within(0.005));
        });
    }

    @Test
    void regionCellsDefaultToResolution8AndLeaveOtherRegionsOut() throws Exception {
        JsonNode fc = read("/api/v1/hexagons?service=mobile_internet&region=UZ-TO");
        assertThat(fc.get("resolution").asInt()).isEqualTo(8);
        assertThat(served(fc)).usingRecursiveComparison().isEqualTo(byHand(8, "UZ-TO"));
        assertThat(fc.get("population").asLong()).isEqualTo(1200 + 300 + 2000 + 500);
        // an explicit resolution wins over the default
        assertThat(served(read("/api/v1/hexagons?region=UZ-TO&resolution=6"))).usingRecursiveComparison().isEqualTo(byHand(6, "UZ-TO"));
    }

    /** Oracle: plain SQL over the run's stored rows, grouped by the library's cell of each settlement. */
    @Test
    void prevailingClassIsTheClassOfMostPeopleAsPlainSqlGroupsIt() throws Exception {
        JsonNode fc = read("/api/v1/hexagons?service=mobile_internet&resolution=7");
        long run = fc.get("coverage_run").asLong();
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS village_cells (name text PRIMARY KEY, h3 text)");
        jdbc.execute("TRUNCATE village_cells");
        VILLAGES.keySet().forEach(n -> jdbc.update("INSERT INTO village_cells VALUES (?, ?)", n, cellOf(n, 7)));
        Map<String, String> expected = new HashMap<>();
        jdbc.query("""
                SELECT DISTINCT ON (h3) h3, signal_class FROM (
                  SELECT vc.h3, sc.signal_class, sum(s.population) AS people, count(*) AS n,
                         array_position(ARRAY['good', 'fair', 'below_threshold'], sc.signal_class) AS worse
                  FROM settlement_coverage sc JOIN settlements s ON s.id = sc.settlement_id
                  JOIN village_cells vc ON vc.name = s.external_id
                  WHERE sc.run_id = ? AND sc.service = 'mobile_internet' AND sc.signal_class IS NOT NULL
                  GROUP BY vc.h3, sc.signal_class) c
                ORDER BY h3, people DESC, n DESC, worse DESC""",
                rs -> {
                    expected.put(rs.getString("h3"), rs.getString("signal_class"));
                }, run);
        Map<String, String> servedClasses = new HashMap<>();
        fc.get("features").forEach(f -> servedClasses.put(f.get("id").asText(), f.at("/properties/signal_class").asText(null)));
        assertThat(expected).isNotEmpty();
        assertThat(servedClasses).containsAllEntriesOf(expected);
        // the class populations add up to the cell's people wherever every settlement has a class
        fc.get("features").forEach(f -> {
            JsonNode p = f.get("properties");
            long classes = p.get("population_good").asLong() + p.get("population_fair").asLong()
                    + p.get("population_below_threshold").asLong();
            if (expected.containsKey(f.get("id").asText())) {
                assertThat(classes).isPositive().isLessThanOrEqualTo(p.get("population").asLong());
            }
        });
    }

    @Test
    void hexagonsAreClosedCounterClockwiseRingsAroundTheirSettlements() throws Exception {
        JsonNode fc = read("/api/v1/hexagons?region=UZ-TO");
        GeometryFactory gf = new GeometryFactory();
        Map<String, org.locationtech.jts.geom.Polygon> polygons = new HashMap<>();
        fc.get("features").forEach(f -> {
            assertThat(f.at("/geometry/type").asText()).isEqualTo("Polygon");
            JsonNode ring = f.at("/geometry/coordinates/0");
            Coordinate[] cs = new Coordinate[ring.size()];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
            }
            assertThat(cs).hasSize(7); // six corners, closed (no pentagon lies in Uzbekistan)
            assertThat(cs[0]).isEqualTo(cs[6]);
            assertThat(Orientation.isCCW(cs)).as("RFC 7946: exterior rings counter-clockwise").isTrue();
            polygons.put(f.get("id").asText(), gf.createPolygon(cs));
        });
        VILLAGES.forEach((name, v) -> {
            if ("UZ-TO".equals(v[4])) {
                assertThat(polygons.get(cellOf(name, 8)).contains(gf.createPoint(new Coordinate((double) v[0], (double) v[1]))))
                        .as(name + " lies in its hexagon").isTrue();
            }
        });
    }

    /** Per operator: the people that operator covers, summed by hand from the paper; no signal class (any operator's). */
    @Test
    void anOperatorsCellsCountThePeopleThatOperatorCovers() throws Exception {
        for (String op : List.of("ucell", "beeline")) {
            JsonNode fc = read("/api/v1/hexagons?service=mobile_internet&operator=" + op);
            assertThat(fc.get("operator").asText()).isEqualTo(op);
            assertThat(served(fc)).as(op).usingRecursiveComparison().isEqualTo(byHand(7, null, op));
            fc.get("features").forEach(f -> assertThat(f.at("/properties/signal_class").isNull()).isTrue());
        }
        assertThat(read("/api/v1/hexagons?service=mobile_internet&operator=ucell").get("population_covered").asLong())
                .isEqualTo(1200 + 300);
        assertThat(read("/api/v1/hexagons?service=mobile_internet&operator=beeline&region=UZ-TO").get("population_covered")
                .asLong()).isEqualTo(2000);
        MockHttpServletResponse unknown = response("/api/v1/hexagons?operator=nobody");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat(unknown.getContentAsString()).contains("operator");
    }

    @Test
    void fixedBroadbandHasPeopleButNoSignalClass() throws Exception {
        JsonNode fc = read("/api/v1/hexagons?service=fixed_broadband");
        assertThat(fc.get("population").asLong()).isEqualTo(4700);
        fc.get("features").forEach(f -> assertThat(f.at("/properties/signal_class").isNull()).isTrue());
        assertThat(fc.at("/signal_thresholds/4G/fair_dbm").asDouble()).isEqualTo(-105.0);
        assertThat(fc.at("/signal_thresholds/4G/good_dbm").asDouble()).isEqualTo(-95.0);
    }

    @Test
    void badParametersAreProblems() throws Exception {
        assertThat(response("/api/v1/hexagons?resolution=12").getStatus()).isEqualTo(400);
        assertThat(response("/api/v1/hexagons?service=carrier_pigeon").getStatus()).isEqualTo(400);
        assertThat(response("/api/v1/hexagons?region=UZ-XX").getStatus()).isEqualTo(400);
    }
}
