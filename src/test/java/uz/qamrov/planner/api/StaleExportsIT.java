package uz.qamrov.planner.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.qamrov.support.FixedCoverageRuns;
import uz.qamrov.support.HttpApiIT;

/**
 * What the read side answers from a stale run (the previous answer for a date, its replacement computing), with the
 * fixture's run 1 served as stale, computed on generation 7: every export says so (GeoPackage metadata, GeoJSON
 * foreign members, a CSV column of every row) and no answer may be kept by a cache ({@code no-store}).
 * {@code ProvisionalAnswersIT} shows the same headers with the real engine and an upload.
 */
class StaleExportsIT extends HttpApiIT {

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void freshAgain() {
        FixedCoverageRuns.fresh();
    }

    @Test
    void everyAnswerFromAStaleRunSaysSoAndIsNeverKept(@TempDir Path dir) throws Exception {
        FixedCoverageRuns.stale(7);

        var csv = get("/api/v1/exports/uncovered_settlements.csv?asOf=2025-01-01");
        assertThat(csv.getHeaders().getCacheControl()).isEqualTo("no-store");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("as_of")).isEqualTo("2025-01-01");
            assertThat(r.get("coverage_run")).isEqualTo("1");
            assertThat(r.get("coverage_generation")).isEqualTo("7");
            assertThat(r.get("stale")).isEqualTo("true");
        });

        var geojson = get("/api/v1/coverage.geojson?technology=4G&asOf=2025-01-01");
        assertThat(geojson.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode fc = json.readTree(geojson.getBody());
        assertThat(fc.get("coverage_generation").asLong()).isEqualTo(7);
        assertThat(fc.get("stale").asBoolean()).isTrue();

        var gpkg = getBytes("/api/v1/exports/gaps.gpkg?asOf=2025-01-01");
        assertThat(gpkg.getHeaders().getCacheControl()).isEqualTo("no-store");
        Path file = Files.write(dir.resolve("gaps.gpkg"), gpkg.getBody());
        Map<String, String> info = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = db.createStatement().executeQuery("SELECT key, value FROM export_info")) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(info).containsEntry("coverage_run", "1").containsEntry("coverage_generation", "7")
                .containsEntry("stale", "true");

        String gaps = "/api/v1/gaps/settlements?service=mobile_internet&asOf=2025-01-01";
        var stale = get(gaps);
        assertThat(stale.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(json.readTree(stale.getBody()).get("stale").asBoolean()).isTrue();
        assertThat(getBytes("/tiles/settlements/4/11/5.mvt?asOf=2025-01-01").getHeaders().getCacheControl())
                .isEqualTo("no-store");

        FixedCoverageRuns.fresh();
        var fresh = get(gaps);
        assertThat(fresh.getHeaders().getCacheControl()).isEqualTo("no-cache");
        assertThat(json.readTree(fresh.getBody()).get("stale").asBoolean()).isFalse();
    }
}
