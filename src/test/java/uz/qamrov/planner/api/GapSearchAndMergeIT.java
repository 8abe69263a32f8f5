package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uz.qamrov.support.HttpApiIT;

/**
 * Whole-list search and district names in the settlement gap list (fixture: see api-fixture.sql), and road gaps that
 * continue across a region border listed as one gap. For the merge, M39 gets a mobile_any profile written here:
 * covered 0–5, GAP 5–12 (UZ-SA) + 12–20 (UZ-TO), covered 20–30, GAP 30–31 (UZ-TO); by hand that is two gaps,
 * 5–20 (15 km, UZ-SA and UZ-TO) and 30–31 (1 km, UZ-TO).
 */
class GapSearchAndMergeIT extends HttpApiIT {

    final ObjectMapper json = new ObjectMapper();
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void mobileAnyProfileOfM39() {
        if (jdbc.sql("SELECT count(*) FROM line_stretches WHERE service = 'mobile_any'").query(Long.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                INSERT INTO line_stretches (run_id, line_kind, line_id, service, covered, from_km, to_km, length_km, region_code, geom) VALUES
                 (1, 'highway', 1, 'mobile_any', true,  0,  5,  5, 'UZ-SA', 'SRID=4326;LINESTRING(66.50 39.50,66.55 39.52)'),
                 (1, 'highway', 1, 'mobile_any', false, 5,  12, 7, 'UZ-SA', 'SRID=4326;LINESTRING(66.55 39.52,66.60 39.55)'),
                 (1, 'highway', 1, 'mobile_any', false, 12, 20, 8, 'UZ-TO', 'SRID=4326;LINESTRING(66.60 39.55,66.70 39.60)'),
                 (1, 'highway', 1, 'mobile_any', true,  20, 30, 10, 'UZ-TO', 'SRID=4326;LINESTRING(66.70 39.60,66.80 39.65)'),
                 (1, 'highway', 1, 'mobile_any', false, 30, 31, 1, 'UZ-TO', 'SRID=4326;LINESTRING(66.80 39.65,66.81 39.66)')""").update();
    }

    JsonNode items(String path) throws Exception {
        var res = get(path);
        assertThat(res.getStatusCode().value()).as(res.getBody()).isEqualTo(200);
        return json.readTree(res.getBody()).get("items");
    }

    static List<String> spans(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("from_km").asDouble() + "-" + i.get("to_km").asDouble() + " " + i.get("length_km").asDouble()
                + " " + i.get("region").asText() + " " + i.get("regions")));
        return out;
    }

    @Test
    void aGapAcrossARegionBorderIsOneRowWithTheRegionsItCrosses() throws Exception {
        assertThat(spans(items("/api/v1/gaps/highways?service=mobile_any&sort=from_km")))
                .containsExactly("5.0-20.0 15.0 UZ-SA [\"UZ-SA\",\"UZ-TO\"]", "30.0-31.0 1.0 UZ-TO [\"UZ-TO\"]");
        assertThat(spans(items("/api/v1/gaps/highways?service=mobile_any&region=UZ-SA"))).containsExactly(
                "5.0-20.0 15.0 UZ-SA [\"UZ-SA\",\"UZ-TO\"]");
        assertThat(items("/api/v1/gaps/highways?service=mobile_any&region=UZ-TO")).hasSize(2);
        JsonNode first = items("/api/v1/gaps/highways?service=mobile_any").get(0);
        assertThat(first.get("longest_gap_km").asDouble()).isEqualTo(15.0);
        assertThat(first.get("line_gap_km").asDouble()).isEqualTo(16.0);
        // the fixture's own mobile_internet gaps touch nothing: still two rows for M39
        assertThat(items("/api/v1/gaps/highways?ref=M39")).hasSize(2);
        String csv = get("/api/v1/gaps/highways?service=mobile_any&f=csv&sort=from_km").getBody();
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(",UZ-SA,UZ-SA;UZ-TO,");
    }

    @Test
    void searchCoversTheWholeListInAnyScriptAndDistrictNames() throws Exception {
        assertThat(GapApiIT.ids(items("/api/v1/gaps/settlements?q=Бета"))).containsExactly(2L);
        assertThat(GapApiIT.ids(items("/api/v1/gaps/settlements?q=EPS"))).containsExactly(5L);
        // a district name finds its settlements
        assertThat(GapApiIT.ids(items("/api/v1/gaps/settlements?q=Иккинчи"))).containsExactly(3L, 5L);
        // one row per page, and the search still answers from the whole list: "a" is in Beta, Gamma and Delta (and
        // their districts' names) but in none of Epsilon's names, nor in its district's (Ikkinchi, Второй, Second)
        var page = json.readTree(get("/api/v1/gaps/settlements?q=a&limit=1&offset=2").getBody());
        assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
        assertThat(GapApiIT.ids(page.get("items"))).containsExactly(3L); // by population: Delta, Beta, Gamma
        assertThat(items("/api/v1/gaps/settlements?q=zzz")).isEmpty();
        assertThat(GapApiIT.ids(items("/api/v1/gaps/highways?q=m39&service=mobile_any"))).hasSize(2);
        assertThat(items("/api/v1/gaps/highways?q=A373&service=mobile_any")).isEmpty();
    }

    @Test
    void settlementRowsNameTheirDistrictInEveryLanguageAndSayWhatTheyWereReadFrom() throws Exception {
        JsonNode delta = items("/api/v1/gaps/settlements?region=UZ-SA").get(0);
        assertThat(delta.get("district_name").asText()).isEqualTo("Uchinchi");
        assertThat(delta.at("/district_names/ru").asText()).isEqualTo("Третий");
        assertThat(delta.at("/district_names/uz-Cyrl").asText()).isEqualTo("Учинчи");
        var res = get("/api/v1/gaps/settlements?region=UZ-SA&f=geojson&asOf=2019-12-31");
        JsonNode fc = json.readTree(res.getBody());
        assertThat(fc.get("as_of").asText()).isEqualTo("2019-12-31");
        assertThat(fc.get("coverage_run").asLong()).isEqualTo(1);
        assertThat(res.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"settlement-gaps_UZ-SA_mobile_internet_2019-12-31.geojson\"");
        var csv = getBytes("/api/v1/gaps/settlements?region=UZ-SA&f=csv&bom=true&asOf=2019-12-31");
        byte[] b = csv.getBody();
        assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(b, 3, b.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(",as_of,coverage_run,coverage_generation,stale");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).contains("Делта").endsWith(",2019-12-31,1,-1,false");
        assertThat(getBytes("/api/v1/gaps/settlements?f=csv").getBody()[0]).isEqualTo((byte) 'i');
    }
}
