package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uz.qamrov.support.HttpApiIT;

/** Layers by bbox with as-of filtering of the versioned network (see fixtures/api-fixture.sql). */
class LayerApiIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

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
        // a base station's per-row subqueries: only the ones asked for are built, with the same values
        JsonNode sites = fc("/api/v1/layers/base-stations?asOf=2025-01-01");
        JsonNode few = fc("/api/v1/layers/base-stations?asOf=2025-01-01&properties=technologies,id");
        assertThat(ids(few)).isEqualTo(ids(sites)).isNotEmpty();
        for (int i = 0; i < sites.get("features").size(); i++) {
            assertThat(few.at("/features/" + i + "/properties").toString()).isEqualTo("{\"id\":" + sites.at("/features/" + i + "/properties/id")
                    + ",\"technologies\":" + sites.at("/features/" + i + "/properties/technologies") + "}");
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

    @Test
    void siteClustersCountEverySiteOfTheDateInTheCellsOfTheMapsPixelGrid() throws Exception {
        // the oracle: the layer's own sites of the date, put in cells here with the web map's pixel formula (Web
        // Mercator on 256-pixel tiles, from longitude and latitude), counted and averaged
        for (String asOf : List.of("2024-01-01", "2025-07-01")) {
            JsonNode sites = fc("/api/v1/layers/base-stations?asOf=" + asOf + "&limit=10000&properties=id");
            for (double zoom : new double[] {0, 6.5, 9, 14}) {
                java.util.Map<String, double[]> expected = new java.util.TreeMap<>();
                for (JsonNode f : sites.get("features")) {
                    double lon = f.at("/geometry/coordinates/0").asDouble();
                    double lat = f.at("/geometry/coordinates/1").asDouble();
                    double scale = 256 * Math.pow(2, zoom);
                    double px = (lon + 180) / 360 * scale;
                    double py = (1 - Math.log(Math.tan(Math.toRadians(lat)) + 1 / Math.cos(Math.toRadians(lat))) / Math.PI) / 2 * scale;
                    double[] cell = expected.computeIfAbsent(Math.floor(px / 48) + ":" + Math.floor(py / 48), k -> new double[3]);
                    cell[0]++;
                    cell[1] += lon;
                    cell[2] += lat;
                }
                JsonNode clusters = fc("/api/v1/layers/base-stations/clusters?asOf=" + asOf + "&zoom=" + zoom);
                assertThat(clusters.get("numberMatched").asLong()).isEqualTo(sites.get("numberMatched").asLong());
                List<String> got = new ArrayList<>();
                clusters.get("features").forEach(f -> got.add(String.format(java.util.Locale.ROOT, "%d@%.5f,%.5f",
                        f.at("/properties/count").asLong(), f.at("/geometry/coordinates/0").asDouble(), f.at("/geometry/coordinates/1").asDouble())));
                List<String> want = expected.values().stream().map(c -> String.format(java.util.Locale.ROOT, "%d@%.5f,%.5f",
                        (long) c[0], c[1] / c[0], c[2] / c[0])).toList();
                assertThat(got).as("%s at zoom %s", asOf, zoom).containsExactlyInAnyOrderElementsOf(want);
            }
            // one cell of 256 pixels at zoom 0 is the whole world: one cluster of every site
            JsonNode world = fc("/api/v1/layers/base-stations/clusters?asOf=" + asOf + "&zoom=0&cell_px=256");
            assertThat(world.get("features")).hasSize(1);
            assertThat(world.at("/features/0/properties/count").asLong()).isEqualTo(sites.get("numberMatched").asLong()).isPositive();
        }
        assertThat(get("/api/v1/layers/base-stations/clusters?zoom=23", "application/json").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/layers/base-stations/clusters?zoom=9&cell_px=2", "application/json").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/layers/base-stations/clusters", "application/json").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void simplifyMetresDropsTheVerticesWithinThatDistanceAndKeepsTheStoredLength() throws Exception {
        // a kink 0.0003° of latitude (33.4 m) off the chord between its neighbours: gone within 50 m, kept within 20 m
        jdbc.update("INSERT INTO railways (id, line_key, line_name, geom, source) VALUES (90, 'kink', 'Kink',"
                + " 'SRID=4326;LINESTRING(71.5 42,71.5005 42.0003,71.501 42)', 'test')");
        try {
            String path = "/api/v1/layers/railways?bbox=71.4,41.9,71.6,42.1";
            assertThat(fc(path).at("/features/0/geometry/coordinates").toString())
                    .isEqualTo("[[71.5,42],[71.5005,42.0003],[71.501,42]]");
            assertThat(fc(path + "&simplify_m=20").at("/features/0/geometry/coordinates").toString())
                    .isEqualTo("[[71.5,42],[71.5005,42.0003],[71.501,42]]");
            JsonNode drawn = fc(path + "&simplify_m=50").at("/features/0");
            assertThat(drawn.at("/geometry/coordinates").toString()).isEqualTo("[[71.5,42],[71.501,42]]");
            // the length is the stored line's: two legs of hypot(0.0005° lon, 0.0003° lat) at 42° N, not the chord
            double legM = Math.hypot(0.0005 * 111_320 * Math.cos(Math.toRadians(42)), 0.0003 * 111_320);
            assertThat(drawn.at("/properties/length_km").asDouble())
                    .isCloseTo(2 * legM / 1000, org.assertj.core.data.Offset.offset(0.002));
            assertThat(fc(path + "&simplify_m=50&properties=id,line_key").at("/features/0/properties").toString())
                    .isEqualTo("{\"id\":90,\"line_key\":\"kink\"}");
            for (String bad : new String[] {"0", "-5", "5001", "NaN"}) {
                assertThat(get(path + "&simplify_m=" + bad).getStatusCode().value()).as("simplify_m=" + bad).isEqualTo(400);
            }
        } finally {
            jdbc.update("DELETE FROM railways WHERE id = 90");
        }
    }
}
