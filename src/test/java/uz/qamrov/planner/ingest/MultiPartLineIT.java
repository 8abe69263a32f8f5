package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uz.qamrov.support.ApiIT;

/**
 * How a multi-part railway is measured, end to end: uploaded as a MultiLineString, read back from the map layer and
 * the OGC API, and cut into gaps by the real coverage service. Lengths on paper (WGS84: a = 6,378,137 m,
 * e² = 0.00669438; meridian radius M(φ) = a(1−e²)/(1−e² sin²φ)^1.5, prime vertical N(φ) = a/(1−e² sin²φ)^0.5; a
 * 0.1° meridian arc is M(mid-latitude)·0.1°, a short arc along a parallel N(φ)·cos φ·Δλ):
 *
 * <pre>
 *          (66.00 40.2) ─── (66.01 40.2)       P1 main track 40.0 → 40.1 at 66.00°E:  M(40.05°) = 6,361,870.9 m → 11.104 km
 *               │ P2            │ P4           P2 main track 40.1 → 40.2:             M(40.15°) = 6,361,981.1 m → 11.104 km
 *               │               │              P3 branch west 0.05° along 40.1°N:      N = 6,387,013.0 m → 4.263 km
 *  (65.95 40.1) ── (66.00 40.1) ─── (66.01 40.1)  P4 second track: 0.01° east at 40.1°N (0.852 km), 0.1° north at
 *       P3          │ P1                         66.01°E (11.104 km), 0.01° west at 40.2°N (0.852 km) → 12.808 km
 *                (66.00 40.0)
 * </pre>
 * The main path runs 40.0 → 40.2 along P1 + P2 = 22.207 km (the second track is longer, the branch a dead end); the
 * four parts together are 39.279 km of track. Kilometre marks, and so the one gap of a line no site covers, run
 * 0 → 22.207 km.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MultiPartLineIT extends ApiIT {

    @LocalServerPort
    int port;

    private static final String RAILWAY = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"line_key\":\"DT-1\",\"line_name\":\"Double track with a branch\"},"
            + "\"geometry\":{\"type\":\"MultiLineString\",\"coordinates\":["
            + "[[66.0,40.0],[66.0,40.1]],"
            + "[[66.0,40.1],[66.0,40.2]],"
            + "[[66.0,40.1],[65.95,40.1]],"
            + "[[66.0,40.1],[66.01,40.1],[66.01,40.2],[66.0,40.2]]]}}]}";

    @Test
    void lengthIsTheMainPathAndEveryPartIsReportedWithItsLength() throws Exception {
        JsonNode job = importFile("railways", ADMIN_TOKEN, "dt.geojson", utf8(RAILWAY));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("report").path("warnings").toString())
                .contains("row 1 (DT-1): 4 parts; km marks along the main path (22.2 km), 2 other part(s) kept");

        JsonNode layer = getJson("/api/v1/layers/railways?bbox=65.9,39.9,66.1,40.3");
        assertThat(layer.path("features")).hasSize(1);
        assertLengths(layer.path("features").get(0).path("properties"));

        long id = layer.path("features").get(0).path("properties").path("id").asLong();
        JsonNode ogc = getJson("/ogc/collections/railways/items/" + id);
        assertLengths(ogc.path("properties"));
    }

    private static void assertLengths(JsonNode p) {
        assertThat(p.path("line_key").asText()).isEqualTo("DT-1");
        assertThat(p.path("length_km").asDouble()).isCloseTo(22.207, within(0.0015));
        assertThat(p.path("parts").asInt()).isEqualTo(4);
        List<Double> parts = new ArrayList<>();
        p.path("parts_length_km").forEach(x -> parts.add(x.asDouble()));
        assertThat(parts).hasSize(4);
        double[] expected = {11.104, 11.104, 4.263, 12.808};
        for (int i = 0; i < 4; i++) {
            assertThat(parts.get(i)).as("part %d", i + 1).isCloseTo(expected[i], within(0.0015));
        }
        assertThat(p.path("all_parts_length_km").asDouble()).isCloseTo(39.279, within(0.0015));
    }

    @Test
    void aSinglePartLineIsItsOwnOnePart() throws Exception {
        // 0.1° of meridian at 66.5°E from 40.0 to 40.1°N: M(40.05°)·0.1° = 11.104 km
        String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"line_key\":\"SP-1\","
                + "\"line_name\":\"Single\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[66.5,40.0],[66.5,40.1]]}}]}";
        JsonNode job = importFile("railways", ADMIN_TOKEN, "sp.geojson", utf8(file));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        JsonNode p = getJson("/api/v1/layers/railways?bbox=66.4,39.9,66.6,40.2").path("features").get(0).path("properties");
        assertThat(p.path("length_km").asDouble()).isCloseTo(11.104, within(0.0015));
        assertThat(p.path("parts").asInt()).isEqualTo(1);
        assertThat(p.path("parts_length_km").toString()).isEqualTo("[" + p.path("length_km").asText() + "]");
        assertThat(p.path("all_parts_length_km").asDouble()).isEqualTo(p.path("length_km").asDouble());
    }

    @Test
    void kilometreMarksAndStretchesRunAlongTheMainPath() throws Exception {
        if (count("SELECT count(*) FROM railways WHERE line_key = 'DT-1'") == 0) {
            importFile("railways", ADMIN_TOKEN, "dt.geojson", utf8(RAILWAY));
        }
        // no site anywhere near: the whole line is one gap, from km 0 to the main path's end (not the 39.3 km of track)
        JsonNode gap = Awaitility.await("railway gaps").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> gaps("/api/v1/gaps/railways?q=DT-1"), g -> g != null && g.path("items").size() == 1)
                .path("items").get(0);
        assertThat(gap.path("from_km").asDouble()).isCloseTo(0, within(0.0015));
        assertThat(gap.path("to_km").asDouble()).isCloseTo(22.207, within(0.01));
        assertThat(gap.path("length_km").asDouble()).isCloseTo(22.207, within(0.01));
    }

    private JsonNode gaps(String path) throws Exception {
        HttpResponse<String> r = send(path);
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
