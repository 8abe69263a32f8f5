package uz.qamrov.planner.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.support.ApiIT;

/**
 * Sites uploaded through the API, then the reason codes and signal classes read back through the gap list (JSON,
 * CSV) and the OGC settlements layer. The paper is worked on hard sector wedges over flat earth, so the service is
 * configured with them ({@code qamrov.terrain.sector-wedges=true}; with the default antenna patterns Orqa would be
 * covered by A's back lobe, as SignalDiagnosisTest works out):
 *
 * <pre>
 * site A (69.3, 41.2): one 4G 1800 MHz sector at 0°, 28 m        site B (69.7, 41.3), 34 km east: 2G 900 MHz omni
 *   Orqa   238 m south of A  → outside every beam; the back lobe gives −90.9 dBm (good)   [SignalDiagnosisTest]
 *   Chet   10 km north of A  → on the boresight but beyond range: below_threshold, A's cell named
 *   Ikkiji 3 km east of B    → only_2g_nearby for mobile internet (no 3G+ site within 20 km); 2G covers it
 *   Olis   (68.9, 40.9), 47 km from A → no_site_within_km
 * </pre>
 */
@org.springframework.test.context.TestPropertySource(properties = "qamrov.terrain.sector-wedges=true")
class GapReasonApiIT extends ApiIT {

    static final String HEADER = "operator,site_id,cell_id,lon,lat,tower_height_m,status,commissioned_on,decommissioned_on,"
            + "technology,band_mhz,azimuth_deg,beamwidth_deg,tilt_deg,antenna_height_m,eirp_dbm,range_m\n";
    static final double[] A = {69.3, 41.2};
    static final double[] B = {69.7, 41.3};

    private static boolean loaded;

    @BeforeEach
    void uploadOnce() throws Exception {
        if (loaded) {
            return;
        }
        village("Orqa", LocalMetric.destination(A[0], A[1], 180, 238));
        village("Chet", LocalMetric.destination(A[0], A[1], 0, 10_000));
        village("Ikkiji", LocalMetric.destination(B[0], B[1], 90, 3_000));
        village("Olis", new double[] {68.9, 40.9});
        String csv = HEADER
                + String.format(Locale.ROOT, "ucell,A,1,%.6f,%.6f,30,active,2020-01-01,,4G,1800,0,65,,28,,%n", A[0], A[1])
                + String.format(Locale.ROOT, "ucell,B,1,%.6f,%.6f,30,active,2020-01-01,,2G,900,,360,,28,,%n", B[0], B[1]);
        JsonNode job = importFile("base-stations", token("operator", "ucell"), "sites.csv", utf8(csv));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        loaded = true;
    }

    private void village(String name, double[] p) {
        jdbc.update("""
                INSERT INTO settlements (external_id, name_uz_latn, kind, population, households, region_code, geom, source)
                VALUES (?, ?, 'village', 800, 200, 'UZ-TO', ST_SetSRID(ST_MakePoint(?, ?), 4326), 'test')""",
                name, name, p[0], p[1]);
    }

    private long cellOf(String site) {
        return jdbc.queryForObject("SELECT c.id FROM cells c JOIN base_stations b ON b.id = c.base_station_id"
                + " WHERE b.external_id = ? ORDER BY c.id DESC LIMIT 1", Long.class, site);
    }

    private String read(String path) throws Exception {
        // the gap lists stream their body (an async request under MockMvc)
        var started = mvc.perform(get(path)).andReturn();
        var r = started.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(started)).andReturn().getResponse()
                : started.getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, JsonNode> byName(JsonNode items) {
        Map<String, JsonNode> out = new HashMap<>();
        items.forEach(i -> out.put(i.get("name_uz_latn").asText(), i));
        return out;
    }

    @Test
    void gapListJsonCarriesTheReasonTheNumbersAndTheClass() throws Exception {
        Map<String, JsonNode> gaps = byName(json.readTree(read("/api/v1/gaps/settlements?service=mobile_internet")).get("items"));
        assertThat(gaps.keySet()).containsExactlyInAnyOrder("Orqa", "Chet", "Ikkiji", "Olis");

        JsonNode orqa = gaps.get("Orqa");
        assertThat(orqa.get("gap_reason").asText()).isEqualTo("outside_all_beams");
        assertThat(orqa.get("signal_class").asText()).isEqualTo("good");
        assertThat(orqa.get("best_cell_id").asLong()).isEqualTo(cellOf("A"));
        // antenna 28 m: as the 30 m paper case to 0.1 dB (free space over the 3-D distance, back lobe −25 dB)
        assertThat(orqa.get("best_level_dbm").asDouble()).isCloseTo(-90.9, within(0.2));
        assertThat(orqa.at("/gap_reason_details/off_boresight_deg").asDouble()).isEqualTo(180.0);
        assertThat(orqa.at("/gap_reason_details/threshold_dbm").asDouble()).isEqualTo(-105.0);

        JsonNode chet = gaps.get("Chet");
        assertThat(chet.get("gap_reason").asText()).isEqualTo("below_threshold");
        assertThat(chet.get("signal_class").asText()).isEqualTo("below_threshold");
        assertThat(chet.at("/gap_reason_details/cell_id").asLong()).isEqualTo(cellOf("A"));
        assertThat(chet.at("/gap_reason_details/distance_m").asDouble()).isCloseTo(10_000, within(2.0));
        assertThat(chet.at("/gap_reason_details/level_dbm").asDouble()).isLessThan(-105.0);

        JsonNode ikkiji = gaps.get("Ikkiji");
        assertThat(ikkiji.get("gap_reason").asText()).isEqualTo("only_2g_nearby");
        assertThat(ikkiji.at("/gap_reason_details/nearest_site_technology").asText()).isEqualTo("2G");
        assertThat(ikkiji.at("/gap_reason_details/nearest_site_m").asDouble()).isCloseTo(3_000, within(2.0));
        assertThat(ikkiji.at("/gap_reason_details/nearest_service_site_m").isNull()).isTrue();

        JsonNode olis = gaps.get("Olis");
        assertThat(olis.get("gap_reason").asText()).isEqualTo("no_site_within_km");
        assertThat(olis.at("/gap_reason_details/limit_km").asDouble()).isEqualTo(20.0);
        assertThat(olis.at("/gap_reason_details/nearest_site_m").asDouble())
                .isCloseTo(olis.get("nearest_site_m").asDouble(), within(1.0)).isBetween(40_000.0, 55_000.0);
        assertThat(olis.get("best_cell_id").isNull()).isTrue();

        // voice: the 2G omni serves Ikkiji, so it is no gap there; a covered place has no reason
        Map<String, JsonNode> voice = byName(json.readTree(read("/api/v1/gaps/settlements?service=mobile_any")).get("items"));
        assertThat(voice).doesNotContainKey("Ikkiji");
    }

    @Test
    void gapListCsvHasTheSameReasonsAsColumns() throws Exception {
        String body = read("/api/v1/gaps/settlements?service=mobile_internet&f=csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
        Map<String, CSVRecord> by = new HashMap<>();
        rows.forEach(r -> by.put(r.get("name_uz_latn"), r));
        assertThat(by.get("Orqa").get("gap_reason")).isEqualTo("outside_all_beams");
        assertThat(by.get("Orqa").get("signal_class")).isEqualTo("good");
        assertThat(Double.parseDouble(by.get("Orqa").get("best_level_dbm"))).isCloseTo(-90.9, within(0.2));
        assertThat(by.get("Ikkiji").get("gap_reason")).isEqualTo("only_2g_nearby");
        assertThat(by.get("Olis").get("gap_reason")).isEqualTo("no_site_within_km");
        assertThat(by.get("Chet").get("gap_reason")).isEqualTo("below_threshold");
        // the details are one JSON cell
        JsonNode details = json.readTree(by.get("Chet").get("gap_reason_details"));
        assertThat(details.get("cell_id").asLong()).isEqualTo(cellOf("A"));
        assertThat(details.get("threshold_dbm").asDouble()).isEqualTo(-105.0);
        assertThat(by.get("Olis").get("best_cell_id")).isEmpty();
    }

    @Test
    void ogcSettlementsLayerCarriesClassAndReason() throws Exception {
        long id = jdbc.queryForObject("SELECT id FROM settlements WHERE external_id = 'Ikkiji'", Long.class);
        JsonNode f = json.readTree(read("/ogc/collections/settlements/items/" + id + "?service=mobile_internet"));
        assertThat(f.at("/properties/gap_reason").asText()).isEqualTo("only_2g_nearby");
        assertThat(f.at("/properties/signal_class").asText()).isEqualTo("below_threshold");
        JsonNode voice = json.readTree(read("/ogc/collections/settlements/items/" + id + "?service=mobile_any"));
        assertThat(voice.at("/properties/covered").asBoolean()).isTrue();
        assertThat(voice.at("/properties/gap_reason").isNull()).isTrue();
        assertThat(voice.at("/properties/signal_class").asText()).isIn("good", "fair");
    }
}
