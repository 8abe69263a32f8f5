package uz.qamrov.planner.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uz.qamrov.support.ApiIT;

/**
 * The country check of lines against its definition in plain PostGIS: a feature is outside when no region intersects
 * it or lies within the tolerance (geodesic), or when it runs beyond the country's box. The service answers most lines
 * in Java (a vertex inside the regions' union) and asks PostGIS only for the rest; the rejected rows must be exactly
 * those the SQL finds.
 */
class CountryCheckIT extends ApiIT {

    private static final double TOLERANCE_M = 10_000; // qamrov.ingest.country-tolerance-km's default

    @Test
    void randomLinesAcrossTheBorderAreRejectedExactlyWherePostgisSaysTheyAreOutside() throws Exception {
        Random r = new Random(2026_12_03L);
        StringBuilder geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String[] wkt = new String[120];
        for (int n = 1; n <= wkt.length; n++) {
            double lon = 56.2 + r.nextDouble() * 16.7;
            double lat = 37.4 + r.nextDouble() * 7.9;
            double angle = r.nextDouble() * 2 * Math.PI;
            double length = 0.02 + r.nextDouble() * 0.28;
            double lon2 = lon + length * Math.cos(angle);
            double lat2 = lat + length * Math.sin(angle);
            String coords = String.format(Locale.ROOT, "[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]]", lon, lat,
                    (lon + lon2) / 2, (lat + lat2) / 2 + 0.01, lon2, lat2);
            wkt[n - 1] = String.format(Locale.ROOT, "LINESTRING(%.5f %.5f, %.5f %.5f, %.5f %.5f)", lon, lat, (lon + lon2) / 2,
                    (lat + lat2) / 2 + 0.01, lon2, lat2);
            geojson.append(n == 1 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"line_key\":\"CC-").append(n)
                    .append("\",\"line_name\":\"Line ").append(n).append("\"},\"geometry\":{\"type\":\"LineString\",")
                    .append("\"coordinates\":").append(coords).append("}}");
        }
        geojson.append("]}");
        JsonNode job = importFile("railways", ADMIN_TOKEN, "border.geojson", utf8(geojson.toString()), "dryRun", "true",
                "partial", "true");
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        Set<Integer> rejected = new TreeSet<>();
        job.path("report").path("errors").forEach(e -> {
            assertThat(e.path("message").asText()).contains("Uzbekistan");
            rejected.add(e.path("row").asInt());
        });
        Set<Integer> expected = new TreeSet<>();
        for (int n = 1; n <= wkt.length; n++) {
            boolean outside = Boolean.TRUE.equals(jdbc.queryForObject("""
                    SELECT NOT EXISTS (SELECT 1 FROM regions r WHERE r.geom IS NOT NULL
                              AND ST_DWithin(r.geom::geography, ST_GeomFromText(?, 4326)::geography, ?))
                        OR NOT ST_Within(ST_GeomFromText(?, 4326), ST_MakeEnvelope(55.9 - ?, 37.1 - ?, 73.2 + ?, 45.6 + ?, 4326))""",
                    Boolean.class, wkt[n - 1], TOLERANCE_M, wkt[n - 1], 10 / 80.0, 10 / 80.0, 10 / 80.0, 10 / 80.0));
            if (outside) {
                expected.add(n);
            }
        }
        assertThat(expected).as("the sample has lines on both sides").isNotEmpty().hasSizeLessThan(wkt.length);
        assertThat(rejected).isEqualTo(expected);
    }
}
