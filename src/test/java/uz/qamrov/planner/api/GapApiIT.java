package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import uz.qamrov.support.HttpApiIT;

/** Gap lists against the hand-made fixture (see fixtures/api-fixture.sql for the table of expected answers). */
class GapApiIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();

    JsonNode getJson(String path) throws Exception {
        var res = get(path);
        assertThat(res.getStatusCode().value()).as(res.getBody()).isEqualTo(200);
        return json.readTree(res.getBody());
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.has("properties") ? i.get("id").asLong() : i.get("id").asLong()));
        return ids;
    }

    @Test
    void uncoveredSettlementsAreExactlyTheOnesMarkedUncoveredSortedByPopulationDescending() throws Exception {
        JsonNode page = getJson("/api/v1/gaps/settlements");
        assertThat(ids(page.get("items"))).containsExactly(4L, 2L, 3L, 5L);
        assertThat(page.get("numberMatched").asLong()).isEqualTo(4);
        assertThat(page.get("numberReturned").asLong()).isEqualTo(4);
        JsonNode delta = page.get("items").get(0);
        assertThat(delta.get("name_uz_cyrl").asText()).isEqualTo("Делта");
        assertThat(delta.get("name_ru").asText()).isEqualTo("Дельта");
        assertThat(delta.get("kind").asText()).isEqualTo("village");
        assertThat(delta.get("population").asInt()).isEqualTo(3000);
        assertThat(delta.get("households").asInt()).isEqualTo(700);
        assertThat(delta.get("region").asText()).isEqualTo("UZ-SA");
        assertThat(delta.get("district").asText()).isEqualTo("SA-01");
        assertThat(delta.get("nearest_site_m").asDouble()).isEqualTo(5000.0);
        assertThat(delta.get("nearest_fiber_m").asDouble()).isEqualTo(20000.0);
        assertThat(delta.get("synthetic").asBoolean()).isTrue();
        assertThat(page.get("items").get(1).get("synthetic").asBoolean()).isFalse();
    }

    @Test
    void filtersByRegionDistrictServiceAndOperator() throws Exception {
        assertThat(ids(getJson("/api/v1/gaps/settlements?region=UZ-TO").get("items"))).containsExactly(2L, 3L, 5L);
        assertThat(ids(getJson("/api/v1/gaps/settlements?district=TO-02").get("items"))).containsExactly(3L, 5L);
        assertThat(ids(getJson("/api/v1/gaps/settlements?service=high_speed_mobile&region=UZ-SA").get("items")))
                .containsExactly(4L, 6L);
        // beeline does not serve Alpha (ucell only) nor any uncovered one; it serves Zeta
        assertThat(ids(getJson("/api/v1/gaps/settlements?operator=beeline").get("items"))).containsExactly(1L, 4L, 2L, 3L, 5L);
        assertThat(getJson("/api/v1/gaps/settlements?service=fixed_broadband").get("numberMatched").asLong()).isZero();
    }

    @Test
    void sortsByEveryAllowedKey() throws Exception {
        assertThat(ids(getJson("/api/v1/gaps/settlements?sort=population").get("items"))).containsExactly(5L, 3L, 2L, 4L);
        assertThat(ids(getJson("/api/v1/gaps/settlements?sort=nearest_site").get("items"))).containsExactly(4L, 2L, 3L, 5L);
        // nulls last whichever the direction
        assertThat(ids(getJson("/api/v1/gaps/settlements?sort=nearest_fiber").get("items"))).containsExactly(3L, 2L, 4L, 5L);
        assertThat(ids(getJson("/api/v1/gaps/settlements?sort=-nearest_fiber").get("items"))).containsExactly(4L, 2L, 3L, 5L);
        assertThat(ids(getJson("/api/v1/gaps/settlements?sort=name").get("items"))).containsExactly(2L, 4L, 5L, 3L);
    }

    @Test
    void pagesWithNextLinksUntilTheEnd() throws Exception {
        JsonNode first = getJson("/api/v1/gaps/settlements?limit=3");
        assertThat(ids(first.get("items"))).containsExactly(4L, 2L, 3L);
        assertThat(first.get("numberMatched").asLong()).isEqualTo(4);
        assertThat(first.get("numberReturned").asLong()).isEqualTo(3);
        String next = link(first, "next");
        assertThat(next).contains("offset=3").contains("limit=3");
        assertThat(link(first, "self")).contains("offset=0");
        JsonNode second = getJson(next.substring(next.indexOf("/api/")));
        assertThat(ids(second.get("items"))).containsExactly(5L);
        assertThat(link(second, "next")).isNull();
    }

    @Test
    void limitIsClampedToTheMaximumAndBadParametersAreProblems() throws Exception {
        assertThat(link(getJson("/api/v1/gaps/settlements?limit=99999999"), "self")).contains("limit=10000");
        for (String bad : List.of("sort=drop_table", "service=satellite", "limit=0", "offset=-1", "region=UZ-XX", "asOf=yesterday",
                "f=xml")) {
            var res = get("/api/v1/gaps/settlements?" + bad);
            assertThat(res.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(json.readTree(res.getBody()).get("type").asText()).as(bad).endsWith("/problems/invalid-request");
        }
    }

    @Test
    void geoJsonByAcceptHeaderOrParameter() throws Exception {
        for (var res : List.of(get("/api/v1/gaps/settlements?region=UZ-SA", "application/geo+json"),
                get("/api/v1/gaps/settlements?region=UZ-SA&f=geojson", "application/json"))) {
            assertThat(res.getHeaders().getContentType().toString()).startsWith("application/geo+json");
            JsonNode fc = json.readTree(res.getBody());
            assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.get("features")).hasSize(1);
            assertThat(fc.get("numberMatched").asInt()).isEqualTo(1);
            JsonNode f = fc.get("features").get(0);
            assertThat(f.get("id").asLong()).isEqualTo(4);
            Geometry g = new GeoJsonReader().read(f.get("geometry").toString());
            assertThat(g).isInstanceOf(Point.class);
            assertThat(g.getCoordinate().x).isEqualTo(66.9); // lon first
            assertThat(g.getCoordinate().y).isEqualTo(39.4);
            assertThat(f.at("/properties/name_en").asText()).isEqualTo("Delta");
        }
    }

    @Test
    void csvHasAHeaderAndOneRowPerGap() throws Exception {
        var res = get("/api/v1/gaps/settlements?f=csv&region=UZ-TO");
        assertThat(res.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(res.getBody())).getRecords();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("2", "3", "5");
        assertThat(rows.get(0).get("name_uz_cyrl")).isEqualTo("Бета");
        assertThat(rows.get(0).get("nearest_site_m")).isEqualTo("8000.0");
        assertThat(rows.get(2).get("nearest_fiber_m")).isEmpty();
        assertThat(rows.get(0).get("lon")).isEqualTo("69.3");
    }

    @Test
    void highwayGapsWithTheRoadsLongestGap() throws Exception {
        JsonNode page = getJson("/api/v1/gaps/highways");
        JsonNode items = page.get("items");
        assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
        // default sort: longest stretch first
        assertThat(items).extracting(i -> i.get("ref").asText() + ":" + i.get("from_km").asDouble() + "-" + i.get("to_km").asDouble())
                .containsExactly("M39:10.0-25.0", "A373:0.0-5.0", "M39:40.0-42.5");
        assertThat(items.get(0).get("road_class").asText()).isEqualTo("international");
        assertThat(items.get(0).get("length_km").asDouble()).isEqualTo(15.0);
        assertThat(items.get(2).get("longest_gap_km").asDouble()).isEqualTo(15.0);
        assertThat(items.get(2).get("line_gap_km").asDouble()).isEqualTo(17.5);
        assertThat(items.get(2).get("region").asText()).isEqualTo("UZ-TO");

        assertThat(getJson("/api/v1/gaps/highways?ref=M39&sort=from_km").get("items"))
                .extracting(i -> i.get("from_km").asDouble()).containsExactly(10.0, 40.0);
        assertThat(getJson("/api/v1/gaps/highways?region=UZ-TO&sort=-ref").get("items"))
                .extracting(i -> i.get("ref").asText()).containsExactly("M39", "A373");
        // the fixture stores only the any-operator stretches; per-operator ones come from real runs (HighwayGapsByOperatorIT)
        assertThat(getJson("/api/v1/gaps/highways?operator=ucell").get("items")).isEmpty();
    }

    @Test
    void highwayProfileIsTheCoveredFractionPerKilometre() throws Exception {
        JsonNode profile = getJson("/api/v1/gaps/highways/M39/profile");
        assertThat(profile.get("kilometres").asInt()).isEqualTo(50);
        assertThat(profile.get("longestGapKm").asDouble()).isEqualTo(15.0);
        JsonNode f = profile.get("coveredFraction");
        assertThat(f).hasSize(50);
        assertThat(f.get(0).asDouble()).isEqualTo(1.0);
        assertThat(f.get(9).asDouble()).isEqualTo(1.0);
        assertThat(f.get(10).asDouble()).isEqualTo(0.0);
        assertThat(f.get(24).asDouble()).isEqualTo(0.0);
        assertThat(f.get(25).asDouble()).isEqualTo(1.0);
        assertThat(f.get(41).asDouble()).isEqualTo(0.0);
        assertThat(f.get(42).asDouble()).isEqualTo(0.5);
        assertThat(f.get(49).asDouble()).isEqualTo(1.0);
        assertThat(get("/api/v1/gaps/highways/M999/profile").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void railwayGapsAndCsvAndGeoJson() throws Exception {
        JsonNode items = getJson("/api/v1/gaps/railways").get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("line_key").asText()).isEqualTo("tashkent-samarkand");
        assertThat(items.get(0).get("length_km").asDouble()).isEqualTo(30.0);
        var csv = get("/api/v1/gaps/railways?f=csv").getBody();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                "id,line_key,line_name,service,from_km,to_km,length_km,region,regions,longest_gap_km,line_gap_km,"
                        + "best_cell_id,best_level_dbm,signal_class,gap_reason,gap_reason_details,as_of,coverage_run,"
                        + "coverage_generation,stale");
        assertThat(csv.lines().count()).isEqualTo(2);
        JsonNode fc = json.readTree(get("/api/v1/gaps/railways", "application/geo+json").getBody());
        assertThat(fc.at("/features/0/geometry/type").asText()).isEqualTo("LineString");
        JsonNode profile = getJson("/api/v1/gaps/railways/tashkent-samarkand/profile");
        assertThat(profile.get("kilometres").asInt()).isEqualTo(100);
        assertThat(profile.at("/coveredFraction/29").asDouble()).isEqualTo(0.0);
        assertThat(profile.at("/coveredFraction/30").asDouble()).isEqualTo(1.0);
    }

    static String link(JsonNode page, String rel) {
        for (JsonNode l : page.get("links")) {
            if (rel.equals(l.get("rel").asText())) {
                return l.get("href").asText();
            }
        }
        return null;
    }
}
