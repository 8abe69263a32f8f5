package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import uz.qamrov.support.ApiIT;

/**
 * A highways or railways layer may hold at most {@code qamrov.ingest.max-line-km} of lines (here 30 km): an upload
 * that holds more is rejected whole before anything is written, and one that would take the layer over it is rolled
 * back whole; both with a message that says why and what to do. Lengths on paper
 * (WGS84 meridian arcs, M(φ) = a(1−e²)/(1−e² sin²φ)^1.5): 69.0°E from 41.0 to 41.2°N is M(41.1°) · 0.2° =
 * 6,363,031 m · 0.0034907 rad = 22.211 km; 69.1°E from 41.0 to 41.1°N is M(41.05°) · 0.1° = 11.105 km; together 33.3 km.
 */
@TestPropertySource(properties = {"qamrov.coverage.compute-on-start=false", "qamrov.ingest.max-line-km=30"})
class LineLengthLimitIT extends ApiIT {

    @BeforeEach
    void emptyLayer() {
        jdbc.update("DELETE FROM highways"); // this class's own database: each test starts from an empty layer
    }

    private static String road(String ref, double lon, double latTo) {
        return "{\"type\":\"Feature\",\"properties\":{\"ref\":\"" + ref + "\",\"road_class\":\"state\",\"name_uz_latn\":\""
                + ref + "\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + lon + ",41.0],[" + lon + ","
                + latTo + "]]}}";
    }

    @Test
    void anUploadOfMoreKilometresThanTheLimitIsRejectedWholeWithTheReason() throws Exception {
        String both = "{\"type\":\"FeatureCollection\",\"features\":[" + road("LIM-1", 69.0, 41.2) + ","
                + road("LIM-2", 69.1, 41.1) + "]}";
        JsonNode job = importFile("highways", ADMIN_TOKEN, "two.geojson", utf8(both));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        assertThat(job.toString()).contains("the valid lines are 33 km long and one upload may hold at most 30 km")
                .contains("qamrov.ingest.max-line-km");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM highways WHERE ref LIKE 'LIM-%'", Integer.class)).isZero();

        String one = "{\"type\":\"FeatureCollection\",\"features\":[" + road("LIM-1", 69.0, 41.2) + "]}";
        JsonNode under = importFile("highways", ADMIN_TOKEN, "one.geojson", utf8(one));
        assertThat(under.path("status").asText()).as(under.toString()).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("SELECT round((ST_Length(geom::geography) / 1000)::numeric, 3) FROM highways"
                + " WHERE ref = 'LIM-1'", Double.class)).isEqualTo(22.211);
    }

    @Test
    void anUploadUnderTheLimitThatWouldTakeTheLayerOverItIsRejectedWholeTooAndAReUploadIsNotCountedTwice() throws Exception {
        String first = "{\"type\":\"FeatureCollection\",\"features\":[" + road("LAY-1", 69.0, 41.2) + "]}";
        assertThat(importFile("highways", ADMIN_TOKEN, "first.geojson", utf8(first)).path("status").asText())
                .isEqualTo("succeeded");
        // the same line again replaces itself: the layer still holds 22.2 km
        JsonNode again = importFile("highways", ADMIN_TOKEN, "first.geojson", utf8(first));
        assertThat(again.path("status").asText()).as(again.toString()).isEqualTo("succeeded");

        // 11.1 km is under the limit on its own, but 22.2 + 11.1 = 33.3 km would be over it
        String second = "{\"type\":\"FeatureCollection\",\"features\":[" + road("LAY-2", 69.1, 41.1) + "]}";
        JsonNode job = importFile("highways", ADMIN_TOKEN, "second.geojson", utf8(second));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("rejected");
        assertThat(job.toString()).contains("with this upload's 11 km of lines the highways layer would hold 33 km")
                .contains("at most 30 km (qamrov.ingest.max-line-km)");
        assertThat(jdbc.queryForList("SELECT ref FROM highways WHERE ref LIKE 'LAY-%' ORDER BY ref", String.class))
                .containsExactly("LAY-1");
    }
}
